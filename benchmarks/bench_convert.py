"""Conversion benchmark: throughput, parallel speed-up and memory of ``tei-encoder convert``.

``python benchmarks/bench_convert.py [--count 5000] [--corpus DIR] [--keep] [--check]``

1. Generates a corpus with ``benchmarks/corpus.py`` into a temporary folder
   (or reuses ``--corpus DIR``), plus a 1,000-record prefix of it for the
   memory-flatness run.
2. Runs ``tei-encoder convert CORPUS --out OUT --quiet --jobs 1``, then
   ``--jobs 2``, then ``--jobs 1`` on the 1,000-record prefix, each as a
   subprocess started from a fresh helper process, so that the helper's
   ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` is the peak RSS of that
   run alone (the largest single process of the run, workers included).
   While a run is going the benchmark also samples ``/proc`` and records the
   peak *sum* of RSS over the whole process tree (Linux only), which is
   what matters for ``--jobs 2``.
3. Prints a table (records, MB, seconds, records/s, MB/s, peak RSS), the
   speed-up of 2 jobs over 1, the memory-flatness ratio and a PASS/FAIL line
   per target.  ``--check`` makes missed targets exit with status 1.

Targets (benchmarks/README.md): ≥ 500 records/s per core; ``--jobs 2`` at
least 1.6× ``--jobs 1``; peak RSS well under 500 MB and flat between 1,000
and 5,000 records.

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (sibling module, standard library only)

TARGET_RECORDS_PER_S_PER_CORE = 500.0
TARGET_SPEEDUP = 1.6
TARGET_PEAK_RSS_MB = 500.0
FLATNESS_TOLERANCE = 1.25   # peak at 5,000 records may be at most 25 % above the peak at 1,000 …
FLATNESS_SLACK_MB = 10.0    # … or 10 MB, whichever is larger (allocator noise on small peaks)
SMALL_COUNT = 1000

# Runs in a fresh interpreter: starts the encoder, waits, reports wall time and
# the peak RSS of its waited-for descendants (ru_maxrss is in KiB on Linux).
_HELPER = r"""
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
start = time.perf_counter()
try:
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    rc, err = proc.returncode, proc.stderr
except OSError as error:
    rc, err = 127, str(error).encode()
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
scale = 1 if sys.platform == "darwin" else 1024
print(json.dumps({"rc": rc, "seconds": seconds, "maxrss": usage.ru_maxrss * scale,
                  "user": usage.ru_utime, "sys": usage.ru_stime,
                  "stderr": err.decode("utf-8", "replace")[-2000:]}))
"""


@dataclass(slots=True)
class Run:
    label: str
    jobs: int
    records: int
    size: int
    seconds: float
    maxrss: int
    tree_rss: int
    cpu: float
    outputs: int
    rc: int
    stderr: str

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.size / 1e6 / self.seconds if self.seconds else 0.0


# --------------------------------------------------------------------------- process-tree RSS sampling


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # the command name may contain spaces and parentheses: fields start after the last ')'
        fields = stat[stat.rfind(b")") + 2:].split()
        kids.setdefault(int(fields[1]), []).append(int(entry.name))
    return kids


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and its descendants, excluding the root (the helper)."""

    def __init__(self, root: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.interval = interval
        self.peak = 0
        self._halt = threading.Event()
        self.enabled = os.path.isdir("/proc/self")

    def run(self) -> None:
        while self.enabled and not self._halt.is_set():
            kids = _children_map()
            stack, total = list(kids.get(self.root, ())), 0
            while stack:
                pid = stack.pop()
                total += _rss_bytes(pid)
                stack.extend(kids.get(pid, ()))
            self.peak = max(self.peak, total)
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


# --------------------------------------------------------------------------- running


def _encoder_command(spec: str | None) -> list[str]:
    if spec:
        return shlex.split(spec)
    venv = HERE.parent / ".venv" / "bin" / "tei-encoder"
    if venv.exists():
        return [str(venv)]
    found = shutil.which("tei-encoder")
    if found:
        return [found]
    return [sys.executable, "-m", "tei_encoder"]


def _corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".txt")


def _write_corpus(folder: Path, count: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in corpus.generate(count, seed):
        (folder / name).write_bytes(data)


def _prefix_corpus(source: list[Path], folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in source[:count]:
        target = folder / path.name
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)


def convert(encoder: list[str], label: str, folder: Path, out: Path, jobs: int) -> Run:
    files = _corpus_files(folder)
    size = sum(p.stat().st_size for p in files)
    if out.exists():
        shutil.rmtree(out)
    cmd = [*encoder, "convert", str(folder), "--out", str(out), "--quiet", "--jobs", str(jobs)]
    helper = subprocess.Popen([sys.executable, "-c", _HELPER, json.dumps(cmd)], stdout=subprocess.PIPE)
    sampler = TreeSampler(helper.pid)
    sampler.start()
    stdout, _ = helper.communicate()
    sampler.stop()
    report = json.loads(stdout)
    outputs = sum(1 for p in out.rglob("*.xml")) if out.exists() else 0
    return Run(label, jobs, len(files), size, report["seconds"], report["maxrss"], sampler.peak,
               report["user"] + report["sys"], outputs, report["rc"], report["stderr"])


# --------------------------------------------------------------------------- report


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f}" if n else "-"


def print_table(runs: list[Run]) -> None:
    header = ("run", "jobs", "records", "MB", "seconds", "records/s", "MB/s", "CPU s",
              "peak RSS MiB (largest proc)", "peak RSS MiB (tree sum)", "outputs", "exit")
    rows = [header]
    for r in runs:
        rows.append((r.label, str(r.jobs), str(r.records), f"{r.size / 1e6:.1f}", f"{r.seconds:.2f}",
                     f"{r.rate:.0f}", f"{r.mb_per_s:.2f}", f"{r.cpu:.1f}", _mb(r.maxrss), _mb(r.tree_rss),
                     str(r.outputs), str(r.rc)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def evaluate(one: Run, two: Run | None, small: Run | None) -> list[tuple[str, bool | None, str]]:
    """(target, passed or None when not measurable, detail) per target."""
    cores = os.cpu_count() or 1
    results: list[tuple[str, bool | None, str]] = []
    results.append(("≥ 500 records/s per core (--jobs 1)", one.rate >= TARGET_RECORDS_PER_S_PER_CORE,
                    f"{one.rate:.0f} records/s"))
    if two is not None:
        speedup = one.seconds / two.seconds if two.seconds else 0.0
        measurable = cores >= 2
        results.append((f"--jobs 2 ≥ {TARGET_SPEEDUP}× --jobs 1", speedup >= TARGET_SPEEDUP if measurable else None,
                        f"{speedup:.2f}×" + ("" if measurable else f" (only {cores} CPU: not measurable)")))
        results.append(("≥ 500 records/s per core (--jobs 2)",
                        two.rate / 2 >= TARGET_RECORDS_PER_S_PER_CORE if measurable else None,
                        f"{two.rate / 2:.0f} records/s per job"))
    peak = max(r.tree_rss or r.maxrss for r in (one, two, small) if r is not None)
    results.append((f"peak RSS < {TARGET_PEAK_RSS_MB:.0f} MB", peak / 1e6 < TARGET_PEAK_RSS_MB, f"{peak / 2**20:.1f} MiB"))
    if small is not None:
        a, b = small.maxrss, one.maxrss
        limit = max(a * FLATNESS_TOLERANCE, a + FLATNESS_SLACK_MB * 2**20)
        ratio = b / a if a else 0.0
        results.append((f"memory flat: peak at {one.records} ≤ max(1.25×, +10 MiB) of peak at {small.records}",
                        b <= limit, f"{_mb(a)} → {_mb(b)} MiB ({ratio:.2f}×)"))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark `tei-encoder convert` on a synthetic corpus.")
    parser.add_argument("--count", type=int, default=5000, help="records to generate (default 5000; at least 5000 for the targets)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--corpus", type=Path, help="reuse this folder of .txt records instead of generating "
                        "(generated into it first if it is missing or empty)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpus and TEI output) and print its path")
    parser.add_argument("--encoder", help="encoder command (default: .venv/bin/tei-encoder, tei-encoder on PATH, or python -m tei_encoder)")
    parser.add_argument("--no-small", action="store_true", help="skip the 1,000-record memory-flatness run")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    encoder = _encoder_command(args.encoder)
    work = Path(tempfile.mkdtemp(prefix="tei-bench-"))
    try:
        if args.corpus is not None:
            folder = args.corpus
            if not folder.exists() or not any(folder.iterdir()):
                print(f"generating {args.count} records into {folder} …", file=sys.stderr)
                _write_corpus(folder, args.count, args.seed)
        else:
            folder = work / "corpus"
            print(f"generating {args.count} records into {folder} …", file=sys.stderr)
            _write_corpus(folder, args.count, args.seed)
        files = _corpus_files(folder)
        if not files:
            print(f"bench_convert: no .txt records in {folder}", file=sys.stderr)
            return 2
        print(f"encoder: {shlex.join(encoder)}   CPUs: {os.cpu_count()}   corpus: {folder} "
              f"({len(files)} records)", file=sys.stderr)

        runs: list[Run] = []
        one = convert(encoder, "full", folder, work / "out-j1", 1)
        runs.append(one)
        two = convert(encoder, "full", folder, work / "out-j2", 2)
        runs.append(two)
        small = None
        if not args.no_small and len(files) > SMALL_COUNT:
            prefix = work / f"corpus-{SMALL_COUNT}"
            _prefix_corpus(files, prefix, SMALL_COUNT)
            small = convert(encoder, f"first {SMALL_COUNT}", prefix, work / "out-small", 1)
            runs.append(small)

        print()
        print_table(runs)
        print()
        failed = [r for r in runs if r.rc != 0]
        for r in failed:
            print(f"run '{r.label}' --jobs {r.jobs} exited {r.rc}; stderr tail:\n{r.stderr.strip()}\n")
        for r in runs:
            if r.rc == 0 and r.outputs != r.records:
                print(f"note: run '{r.label}' --jobs {r.jobs} wrote {r.outputs} .xml files for {r.records} records")
        if one.outputs == 0 or two.outputs == 0:
            print("targets not evaluated: a full run wrote no TEI files")
            return 1 if args.check else 0
        results = evaluate(one, two, small if small is not None and small.outputs else None)
        speedup = one.seconds / two.seconds if two.seconds else 0.0
        print(f"speed-up of --jobs 2 over --jobs 1: {speedup:.2f}×")
        for target, passed, detail in results:
            mark = "n/a " if passed is None else ("PASS" if passed else "FAIL")
            print(f"  {mark}  {target}: {detail}")
        if len(files) < 5000:
            print(f"  note: {len(files)} records; the targets are stated for at least 5,000")
        missed = bool(failed) or any(p is False for _, p, _ in results)
        return 1 if (args.check and missed) else 0
    finally:
        if args.keep:
            print(f"kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
