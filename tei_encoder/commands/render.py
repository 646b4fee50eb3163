"""``tei-encoder render PATH... --out DIR``: TEI files → a static HTML edition.

Writes DIR/<stem>.html and DIR/<stem>.txt per TEI file, DIR/index.html,
DIR/persons.html and DIR/assets/. A folder argument stands for the *.xml files
under it, in sorted order. Files that cannot be rendered are reported one line
each; the rest of the site is still written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from tei_encoder.commands.options import (add_config, add_dtd, add_jobs, add_title, local_dtd, missing_dtd_paths,
                                          read_config, site_title)
from tei_encoder.commands.progress import progress, say
from tei_encoder.diagnostics import Severity, printable
from tei_encoder.files import OutputError, output_folder
from tei_encoder.regular_file import refusal_of_mode
from tei_encoder.writer.personography import is_personography

T = TypeVar("T")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="TEI files, or folders of *.xml files")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="folder to write the site into")
    add_jobs(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    add_title(parser)
    add_config(parser)
    parser.add_argument("--no-text", action="store_true", help="do not write the plain-text views (<stem>.txt)")
    parser.add_argument("--strict", action="store_true",
                        help="warnings (a part of a document the page cannot show in full, an unresolved "
                             "xi:include) make the exit status 1")
    parser.add_argument("--xinclude", action="store_true",
                        help="resolve xi:include elements, from files under the input's folder only")
    add_dtd(parser)


def collect(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The TEI files the arguments name, in a stable order, and the arguments that name nothing."""
    files: list[Path] = []
    missing: list[str] = []
    for argument in paths:
        path = Path(argument)
        if path.is_dir():
            # A build's tei/ folder holds the corpus personography beside the documents: it is no page.
            found = sorted(p for p in path.rglob("*.xml") if p.is_file() and not is_personography(p))
            if not found:
                missing.append(f"{argument}: no *.xml files in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():  # a named pipe or a device: never opened (it could block or never end)
            missing.append(f"{argument}: {refusal_of_mode(path.stat().st_mode)}: only regular files are read")
        else:
            missing.append(f"{argument}: no such file or folder")
    return files, missing


def track_documents(items: Iterable[T], total: int) -> Iterator[T]:
    return progress(items, total, "rendering", unit="doc")


def run(args: argparse.Namespace) -> int:
    from tei_encoder.render import render_site
    from tei_encoder.render.site import untracked

    config = read_config(args)
    if config is None:
        return 2
    for problem in missing_dtd_paths(args):
        print(printable(f"tei-encoder render: {problem}"), file=sys.stderr)
        return 2
    files, missing = collect(args.paths)
    for problem in missing:
        print(printable(f"tei-encoder render: {problem}"), file=sys.stderr)
    if not files:
        print("tei-encoder render: nothing to render", file=sys.stderr)
        return 2
    try:
        with output_folder(args.out):
            result = render_site(files, args.out, jobs=args.jobs, site_title=site_title(args, config),
                                 write_text=not args.no_text, track=untracked if args.quiet else track_documents,
                                 allow_dtd=local_dtd(args), xinclude=args.xinclude)
    except OutputError as error:
        print(printable(f"tei-encoder render: {error}"), file=sys.stderr)
        return error.exit_status
    for diagnostic in result.diagnostics:
        say(diagnostic.one_line())
    if not args.quiet:
        print(printable(f"rendered {len(result.documents)} of {len(files)} documents into {result.out_dir}"
                        " (index.html, persons.html)"), file=sys.stderr)
    if missing:  # a path that names nothing is a usage error, whatever became of the others
        return 2
    warned = any(d.severity is not Severity.ERROR for d in result.diagnostics)
    return 1 if result.failed or (args.strict and warned) else 0
