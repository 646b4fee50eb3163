"""Command-line entry point: ``tei-encoder COMMAND …``.

Each command is one module in ``tei_encoder.commands`` exposing ``NAME``,
``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``; adding a command
is one line in COMMANDS. argparse (standard library) gives subcommands,
``--help`` and exit status 2 on usage errors without another dependency.

Only the chosen command's module is imported, so a quick ``validate`` run (as
pre-commit makes it) does not pay for loading the encoder.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tei_encoder import __version__
from tei_encoder.diagnostics import printable
from tei_encoder.parallel import SchedulerError, join_workers, using_scheduler

# name → (module, help): the help is here so that building the parser imports nothing.
COMMANDS: dict[str, tuple[str, str]] = {
    "convert": ("tei_encoder.commands.convert",
                "convert plain-text records (files or folders of *.txt) into TEI P5, one DIR/<stem>.xml each"),
    "families": ("tei_encoder.commands.families", "list the record families and how each is recognised"),
    "validate": ("tei_encoder.commands.validate",
                 "validate TEI files against the project's schema or any XSD, RELAX NG or Schematron"),
    "render": ("tei_encoder.commands.render", "render TEI files as a static HTML reading edition"),
    "proof": ("tei_encoder.commands.proof",
              "proof-reading pages: each record's source beside the encoder's decisions, guesses marked"),
    "build": ("tei_encoder.commands.build",
              "the whole pipeline over a folder: convert, validate, render (default: the bundled seeds)"),
}


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tei-encoder",
        description="Encode plain-text records as TEI P5, validate TEI, render reading views.",
    )
    parser.add_argument("--version", action="version", version=f"tei-encoder {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == command:  # only the command being run needs its module and its options
            module = importlib.import_module(module_name)
            module.add_arguments(command_parser)
            command_parser.set_defaults(run=module.run)
    return parser


def _chosen(argv: Sequence[str]) -> str | None:
    return next((arg for arg in argv if arg in COMMANDS), None)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = make_parser(_chosen(argv)).parse_args(argv)
    try:
        with using_scheduler(getattr(args, "scheduler", None)):
            return int(args.run(args))
    except SchedulerError as error:
        print(printable(f"tei-encoder: {error}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tei-encoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # an internal error, never a user's mistake: say so in one line
        if args.debug:
            raise
        print(printable(f"tei-encoder: internal error: {error.__class__.__name__}: {error} (rerun with --debug)"),
              file=sys.stderr)
        return 3
    finally:
        join_workers()
