"""``tei-encoder proof PATH... --out DIR``: proof-reading pages for records, without building a site.

Each record is converted in memory (nothing but the pages is written) and gets
``DIR/<stem>.proof.html``: its source beside the decisions the encoder made on each line (see
``render/proof.py``). Its marks link to ``<stem>.html``, the reading view ``build`` or ``render``
writes. A record that cannot be read is one line on stderr and exit status 1; the others are written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei_encoder.diagnostics import printable
from tei_encoder.files import OutputError, make_folder, output_folder
from tei_encoder.pipeline import collect_inputs, encode
from tei_encoder.source import SourceError, read_source


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="record files or folders")
    parser.add_argument("--out", "-o", type=Path, required=True, metavar="DIR", help="output folder")


def run(args: argparse.Namespace) -> int:
    try:
        with output_folder(args.out):
            return _proofs(args.paths, args.out)
    except OutputError as error:
        print(printable(f"tei-encoder: {error}"), file=sys.stderr)
        return error.exit_status


def _proofs(paths: list[Path], out: Path) -> int:
    from tei_encoder import files
    from tei_encoder.render.proof import proof_name, proof_page, title_of
    from tei_encoder.render.renderer import RenderError

    records, problems = collect_inputs(paths, exclude=out)
    for problem in problems:
        print(printable(f"tei-encoder: {problem.source}: {problem.error}"), file=sys.stderr)
    failed = len(problems)
    if records:
        make_folder(out)
    for record in records:
        try:
            source = read_source(record)
            document, _ = encode(source)
            page = proof_page(record.stem, title_of(document.trace, record.stem), record.name, source.lines,
                              document.trace)
        except (SourceError, RenderError) as error:
            print(printable(f"tei-encoder: {record}: {error}"), file=sys.stderr)
            failed += 1
            continue
        files.write_bytes(out / proof_name(record.stem), page)
    return 1 if failed else 0
