"""``tei-encoder build [SOURCE_DIR] --out DIR``: the whole pipeline over a folder of records.

convert (each record → DIR/tei/<stem>.xml, validated as it is written against
the project's XSD and Schematron, and its decision trace → DIR/trace/<stem>.trace.json)
→ render (DIR/<stem>.html, plain text, the paged index and persons pages, and
DIR/validation.html with every diagnostic), each record's proof page
DIR/<stem>.proof.html, the review pages (review.html) and DIR/tei/persons.xml.
With no SOURCE_DIR it builds the bundled sample records into ./site/. A second
build into the same folder redoes only what changed (tei_encoder/build/: the
manifest DIR/.tei-encoder-build.sqlite says what was built from what);
``--clean`` removes what earlier builds wrote first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei_encoder.commands.convert import add_batch_options, report, source_folder_clash
from tei_encoder.commands.options import add_title, read_config, site_title
from tei_encoder.commands.progress import progress, say
from tei_encoder.config import Config
from tei_encoder.diagnostics import printable
from tei_encoder.files import OutputError, output_folder
from tei_encoder.resources import seeds_dir

SHOWN_UNKNOWN = 5  # files named in the warning about files no build wrote


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, metavar="SOURCE_DIR",
                        help="folder of plain-text records (default: the bundled seeds)")
    parser.add_argument("--out", "-o", type=Path, default=Path("site"), metavar="DIR",
                        help="output folder (default: ./site)")
    add_title(parser)
    parser.add_argument("--clean", action="store_true",
                        help="remove what earlier builds wrote into DIR (the files its manifest lists), then "
                             "build everything")
    parser.add_argument("--no-search", action="store_true",
                        help="leave the full-text search out")
    add_batch_options(parser)


def run(args: argparse.Namespace) -> int:
    clash = source_folder_clash([args.source or seeds_dir()], args.out / "tei")
    if clash is not None:
        print(printable(f"tei-encoder: {clash}"), file=sys.stderr)
        return 2
    config = read_config(args, *([args.source] if args.source else []))  # the source folder's project file
    if config is None:
        return 2
    try:
        with output_folder(args.out):  # one build at a time writes into a site
            return _build(args, config)
    except OutputError as error:
        print(printable(f"tei-encoder: {error}"), file=sys.stderr)
        return error.exit_status


def _build(args: argparse.Namespace, config: Config) -> int:
    from tei_encoder.build import incremental

    source = args.source or seeds_dir()
    if args.clean:
        incremental.clean(args.out)
    # The site may lie inside its source (build . --out site): its own files are never records.
    result = incremental.build(
        source, args.out, jobs=args.jobs, family=args.family, site_title=site_title(args, config),
        with_search=not args.no_search, config=config,
        on_outcome=lambda outcome: report(outcome, args.quiet),
        track=lambda items, total: progress(items, total, "building", quiet=args.quiet))
    for notice in result.notices:
        say(printable(f"tei-encoder: {notice}"))
    if result.unknown:
        shown = ", ".join(result.unknown[:SHOWN_UNKNOWN])
        more = f" and {len(result.unknown) - SHOWN_UNKNOWN} more" if len(result.unknown) > SHOWN_UNKNOWN else ""
        say(printable(f"tei-encoder: warning: {len(result.unknown)} file{'s' * (len(result.unknown) != 1)} in "
                      f"{args.out} no build wrote (left in place): {shown}{more}"))
    written = result.sources - result.failed
    if not args.quiet:
        origin = source if args.source else "the bundled seeds"
        print(printable(f"tei-encoder: built {result.documents} of {result.sources} records from {origin} into "
                        f"{args.out} ({result.rebuilt} converted this time, {result.sources - result.rebuilt} "
                        f"unchanged, {result.removed} removed): {written - result.invalid} valid TEI files in "
                        f"{args.out / 'tei'}, {result.failed} failed, {result.invalid} invalid; "
                        f"open {args.out / 'index.html'}"), file=sys.stderr)
    if result.unusable:
        return 2
    return 1 if result.failed or result.invalid or result.not_rendered else 0
