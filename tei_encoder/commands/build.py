"""``tei-encoder build [SOURCE_DIR] --out DIR``: the whole pipeline over a folder of records.

With no SOURCE_DIR it builds the bundled sample records into ./site/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei_encoder.commands.convert import add_batch_options, convert_all
from tei_encoder.resources import seeds_dir

NAME = "build"
HELP = "run the whole pipeline (convert, then validate and render as they are available) over a folder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, metavar="SOURCE_DIR",
                        help="folder of plain-text records (default: the bundled seeds)")
    parser.add_argument("--out", "-o", type=Path, default=Path("site"), metavar="DIR",
                        help="output folder (default: ./site)")
    add_batch_options(parser)


def run(args: argparse.Namespace) -> int:
    source = args.source or seeds_dir()
    tei_dir = args.out / "tei"
    outcomes = convert_all([source], tei_dir, jobs=args.jobs, family=args.family, quiet=args.quiet)
    converted = [o for o in outcomes if o.ok]
    failed = len(outcomes) - len(converted)
    if not args.quiet:
        print(f"tei-encoder: built {len(converted)} of {len(outcomes)} records from {source}: "
              f"TEI in {tei_dir}" + (f"; {failed} failed" if failed else ""), file=sys.stderr)
    return 1 if failed else 0
