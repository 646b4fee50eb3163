"""``build`` with local worker processes against ``build --scheduler`` on a local Dask cluster.

    python benchmarks/bench_dask.py [--count 500] [--workers 2]

Generates ``--count`` records (benchmarks/corpus.py, seed 1), then builds them three ways, each
in a fresh process: ``--jobs 1``, ``--jobs N`` and ``--scheduler`` on a ``LocalCluster`` of N
worker processes (one thread each) started by this script. Prints wall seconds, records/s, the
ratio to ``--jobs 1`` measured in the same run, and whether the Dask site is byte-identical to
the local one. Needs the ``tei-encoder[dask]`` extra.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (sibling module, standard library only)


def build(source: Path, out: Path, *options: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tei_encoder", "build", str(source), "--out", str(out), "--quiet",
                    *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from distributed import LocalCluster

    work = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    source = work / "records"
    source.mkdir()
    for name, data in corpus.generate(args.count, 1):
        (source / name).write_bytes(data)
    rows = [("build --jobs 1", build(source, work / "one", "--jobs", "1")),
            (f"build --jobs {args.workers}", build(source, work / "local", "--jobs", str(args.workers)))]
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        rows.append((f"build --scheduler (LocalCluster, {args.workers} worker processes)",
                     build(source, work / "dask", "--scheduler", cluster.scheduler_address)))
    base = rows[0][1]
    print(f"{args.count} records; wall seconds on this machine, ratios in this run")
    for label, seconds in rows:
        print(f"  {label:<55} {seconds:8.1f} s {args.count / seconds:8.1f} records/s  {base / seconds:5.2f}x")
    same = files(work / "dask") == files(work / "local")
    print(f"Dask site byte-identical to the local one: {'yes' if same else 'NO'} ({work})")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
