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

from tei_encoder.commands.convert import add_batch_options
from tei_encoder.commands.options import read_config
from tei_encoder.config import Config
from tei_encoder.diagnostics import printable
from tei_encoder.files import OutputError, make_folder, output_folder
from tei_encoder.parallel import all_cores, ordered_map
from tei_encoder.pipeline import collect_inputs, encode
from tei_encoder.source import SourceError, read_source


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="record files or folders")
    parser.add_argument("--out", "-o", type=Path, required=True, metavar="DIR", help="output folder")
    add_batch_options(parser)  # --jobs, --config, --family, -q: as convert reads the records


def run(args: argparse.Namespace) -> int:
    config = read_config(args)
    if config is None:
        return 2
    try:
        with output_folder(args.out):
            return _proofs(args.paths, args.out, jobs=args.jobs, family=args.family, config=config)
    except OutputError as error:
        print(printable(f"tei-encoder: {error}"), file=sys.stderr)
        return error.exit_status


def _proofs(paths: list[Path], out: Path, *, jobs: int, family: str | None, config: Config) -> int:
    """Exit status as every command: 2 when a path named no record, 1 when a record failed, else 0."""
    records, problems = collect_inputs(paths, exclude=out)
    for problem in problems:
        print(printable(f"tei-encoder: {problem.source}: {problem.error}"), file=sys.stderr)
    if records:
        make_folder(out)
    work = [(record, out, family, config) for record in records]
    failures = [error for error in ordered_map(_proof_one, work, jobs=jobs or all_cores()) if error]
    for error in failures:
        print(printable(f"tei-encoder: {error}"), file=sys.stderr)
    if any(problem.unusable for problem in problems):
        return 2
    return 1 if failures or problems else 0


def _proof_one(job: tuple[Path, Path, str | None, Config]) -> str | None:
    """Write one record's proof page; the one line to say when it cannot be read (None when written)."""
    from tei_encoder import files, xmlsafe
    from tei_encoder.render.proof import proof_name, proof_page, title_of
    from tei_encoder.render.renderer import RenderError

    record, out, family, config = job
    try:
        source = read_source(record)
        document, encoded = encode(source, family, config)
        tei = xmlsafe.parse_bytes(encoded).getroot()
        page = proof_page(record.stem, title_of(document.trace, record.stem), record.name, source.lines,
                          document.trace, spans=document.spans, tei=tei)
    except (SourceError, RenderError) as error:
        return f"{record}: {error}"
    files.write_bytes(out / proof_name(record.stem), page)
    return None
