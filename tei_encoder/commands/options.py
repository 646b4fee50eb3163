"""Options every command shares, so that each means the same everywhere."""

from __future__ import annotations

import argparse
import os

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
