"""Where an incremental build's CPU time goes, phase by phase, in one process.

``python benchmarks/profile_edit.py SOURCE SITE [--edit] [--no-search] [--jobs 2]``

Runs ``tei-encoder build SOURCE --out SITE --quiet`` in this process with a
timer (``time.process_time``, the build process's own CPU, and the wall clock) around each phase
of ``build/incremental.py``, and the CPU of child processes (Pagefind) from
``getrusage``. With ``--edit`` it first appends a sentence to the middle record
(as bench_build.py does). Phases nest (the corpus pages hold the index, report
and review pages); start-up is the import of the command before it runs.
Standard library only.
"""

from __future__ import annotations

import argparse
import functools
import resource
import sys
import time
from pathlib import Path

START = time.process_time()

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PHASES = ("record_files", "Manifest", "_remove_gone", "_files_in", "_changed_sources", "_build_records",
          "write_corpus_pages", "_link_statuses", "_write_index_and_persons", "_write_report", "_write_review",
          "_update_persons_tei", "_update_search", "_start_search", "_finish_search", "copy_assets", "_unknown_files")


def _timed(totals: dict[str, list[float]], name: str, function):  # type: ignore[no-untyped-def]
    @functools.wraps(function)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        began, wall = time.process_time(), time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            total = totals.setdefault(name, [0.0, 0.0])
            total[0] += time.process_time() - began
            total[1] += time.perf_counter() - wall
    return wrapper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--edit", action="store_true")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if args.edit:
        import bench_build

        bench_build.edit_one(args.source)
    began = time.process_time()
    from tei_encoder import cli
    from tei_encoder.build import incremental
    imported = time.process_time() - began
    totals: dict[str, list[float]] = {}
    for name in PHASES:
        if hasattr(incremental, name):  # phases of other versions of the code are left out
            setattr(incremental, name, _timed(totals, name, getattr(incremental, name)))
    command = ["build", str(args.source), "--out", str(args.site), "--quiet", "--jobs", str(args.jobs)]
    began, wall = time.process_time(), time.perf_counter()
    status = cli.main(command + (["--no-search"] if args.no_search else []))
    total, wall = time.process_time() - began, time.perf_counter() - wall
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"exit status {status}; CPU seconds of this process, then wall seconds")
    print(f"{'interpreter start to here':<28} {START:7.3f}")
    print(f"{'imports (cli, incremental)':<28} {imported:7.3f}")
    for name in PHASES:
        if name in totals:
            print(f"{name:<28} {totals[name][0]:7.3f} {totals[name][1]:7.3f}")
    print(f"{'build command':<28} {total:7.3f} {wall:7.3f}")
    print(f"{'this process in all':<28} {time.process_time():7.3f}")
    print(f"{'child processes':<28} {children.ru_utime + children.ru_stime:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
