"""Options every command shares, so that each means the same everywhere."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tei_encoder.config import Config, ConfigError, load_config
from tei_encoder.diagnostics import printable
from tei_encoder.xmlsafe import LocalDTD

DEFAULT_TITLE = "Digital edition"
# The record families' names (tei_encoder.families.FAMILIES, in its order) for --family: named here so that
# building the parser does not import every family's reader (tests/test_cli.py checks the two agree).
FAMILY_NAMES = ("wilson-center", "soviet-archive", "word-export", "generic")
JOBS_HELP = "worker processes: a number, or 'auto' for all cores (the default)"
SCHEDULER_HELP = ("send the per-record work to the Dask cluster whose scheduler is at ADDRESS "
                  "(tcp://HOST:8786; needs tei-encoder[dask]; paths must be ones every worker sees)")


def jobs(value: str) -> int:
    """``--jobs N`` (N ≥ 1) or ``--jobs auto`` (all cores); anything else is a usage error (exit 2)."""
    if value.strip().lower() == "auto":
        return os.cpu_count() or 1
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes or 'auto', not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, or 'auto' for all cores, not {number}")
    return number


def add_jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=jobs, default="auto", metavar="N", help=JOBS_HELP)
    parser.add_argument("--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP)


CONFIG_HELP = ("the project file (default: tei-encoder.toml, or pyproject.toml with [tool.tei-encoder], in the "
               "source folder for build, then in the current folder); see docs/config.md")


def add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, metavar="FILE", help=CONFIG_HELP)


def read_config(args: argparse.Namespace, *folders: Path) -> Config | None:
    """The project's Config (empty without a project file); None, with one line said, when it is unusable.

    A command returns exit status 2 on None (a usage error: the file names what is wrong and where).
    """
    try:
        return load_config(args.config, folders)
    except ConfigError as error:
        print(printable(f"tei-encoder: {error}"), file=sys.stderr)
        return None


def add_title(parser: argparse.ArgumentParser) -> None:
    """``--title``, for the commands that write a site (render, build)."""
    parser.add_argument("--title", default=None, help="the edition's name on every page (default: the project "
                                                      f"file's edition title, else the title the TEI headers give "
                                                      f"the edition, else '{DEFAULT_TITLE}')")


def site_title(args: argparse.Namespace, config: Config) -> str | None:
    """``--title``, else the project file's edition title; ``None``: the renderer takes the edition title
    the TEI headers state, else ``DEFAULT_TITLE``."""
    return args.title or config.edition.title or None


def add_dtd(parser: argparse.ArgumentParser) -> None:
    """``--allow-dtd`` and ``--dtd PATH``: the one way every command that reads TEI loads a local DTD."""
    parser.add_argument("--allow-dtd", action="store_true",
                        help="load a document's DTD when it is a local file under the document's folder (or "
                             "named with --dtd), so the entities it declares are defined; never from the "
                             "network, and entity expansion stays limited")
    parser.add_argument("--dtd", action="append", default=[], metavar="PATH",
                        help="also trust this DTD file, or the DTDs in this folder (implies --allow-dtd; "
                             "repeatable)")


def local_dtd(args: argparse.Namespace) -> LocalDTD | None:
    """The DTD policy the options ask for: None (no DTD is loaded) unless --allow-dtd or --dtd."""
    trusted = tuple(os.path.abspath(path) for path in getattr(args, "dtd", []) or [])
    if not getattr(args, "allow_dtd", False) and not trusted:
        return None
    return LocalDTD(trusted)


def missing_dtd_paths(args: argparse.Namespace) -> list[str]:
    """--dtd paths that name nothing, each as one line."""
    return [f"--dtd {path}: no such file or folder" for path in getattr(args, "dtd", []) or []
            if not os.path.exists(path)]
