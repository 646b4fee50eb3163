"""One file against tei_all, as a pre-commit hook runs it: tei-encoder (cold and warm schema cache) beside jing.

    python benchmarks/bench_tei_all_single.py TEI_ALL_RNG FILE [FILE...] [--repeat 3]

For each file, in one run: ``jing TEI_ALL_RNG FILE``; ``tei-encoder validate --schema TEI_ALL_RNG FILE``
with an empty schema cache (cold: the schema is read and its cut-down model and Schematron stored) and
with the cache filled (warm); and, for reference, the whole grammar compiled by lxml in a fresh process
(what every run cost before validate/rng_subset.py). Each command runs in a fresh process; the script
prints the best wall time and the best CPU time (user + system of the child) of --repeat runs, and
tei-encoder's times as ratios to jing's. On a loaded machine compare the ratios, not the seconds.
The script installs nothing: jing is skipped when it is not installed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.returncode


def _best(command: list[str], env: dict[str, str], repeat: int, prepare=None) -> tuple[float, float, int]:
    runs = []
    for _ in range(repeat):
        if prepare is not None:
            prepare()
        runs.append(_timed(command, env))
    return min(r[0] for r in runs), min(r[1] for r in runs), runs[-1][2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--full-compile", action="store_true", help="also time lxml compiling all of tei_all")
    options = parser.parse_args()
    cache = Path(tempfile.mkdtemp(prefix="bench-tei-all-cache-"))
    env = {**os.environ, "TEI_ENCODER_CACHE": str(cache)}
    ours = [sys.executable, "-m", "tei_encoder", "validate", "--jobs", "1", "--no-progress", "--schema",
            str(options.schema)]
    jing = shutil.which("jing")

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    print(f"{'file':42} {'checker':28} {'wall s':>8} {'cpu s':>8} {'wall/jing':>10} {'cpu/jing':>9}  exit")
    try:
        for file in options.files:
            rows = []
            reference = None
            if jing:
                reference = _best([jing, str(options.schema), str(file)], env, options.repeat)
                rows.append(("jing", reference))
            rows.append(("tei-encoder, cold cache", _best([*ours, str(file)], env, options.repeat, empty_cache)))
            rows.append(("tei-encoder, warm cache", _best([*ours, str(file)], env, options.repeat)))
            if options.full_compile:
                code = ("import sys; from lxml import etree; "
                        "etree.RelaxNG(etree.parse(sys.argv[1]))")
                rows.append(("lxml, whole tei_all compiled", _best([sys.executable, "-c", code, str(options.schema)],
                                                                    env, 1)))
            for label, (wall, cpu, code) in rows:
                ratio = (f"{wall / reference[0]:10.2f} {cpu / reference[1]:9.2f}" if reference
                         else f"{'':10} {'':9}")
                print(f"{file.name[:42]:42} {label:28} {wall:8.2f} {cpu:8.2f} {ratio}  {code}")
    finally:
        empty_cache()


if __name__ == "__main__":
    main()
