"""Command-line entry point: ``tei-encoder COMMAND …``.

Each command is one module in ``tei_encoder.commands`` exposing ``NAME``,
``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``; adding a command
is one line in COMMANDS. argparse (standard library) gives subcommands,
``--help`` and exit status 2 on usage errors without another dependency.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tei_encoder import __version__
from tei_encoder.commands import build, convert, families, render

COMMANDS = (convert, families, build, render)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tei-encoder",
        description="Encode plain-text historical records as TEI P5, validate TEI, render reading views.",
    )
    parser.add_argument("--version", action="version", version=f"tei-encoder {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command_parser = sub.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(command_parser)
        command_parser.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("tei-encoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # an internal error, never a user's mistake: say so in one line
        if args.debug:
            raise
        print(f"tei-encoder: internal error: {error.__class__.__name__}: {error} (rerun with --debug)",
              file=sys.stderr)
        return 3
