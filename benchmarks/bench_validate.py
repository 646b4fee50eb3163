"""Benchmark ``tei-encoder validate`` on a generated corpus, side by side with jing + tei_all.

    python benchmarks/bench_validate.py [--files 5000] [--jobs 1 2] [--corpus DIR] [--tei-all PATH]

1. Generates the corpus once (benchmarks/out/validate-corpus, ignored by
   git): the encoder's output for the synthetic records of
   benchmarks/corpus.py (all record families, seeded, deterministic).
2. Runs the validator as a user would (a fresh process, the default schema:
   XSD + Schematron) with each --jobs value, and jing with tei_all.rng on the
   same files when jing is installed (the benchmark installs nothing).
3. Times a single-file check, as pre-commit runs it, for both.
4. Prints documents/s, wall time and peak memory (the sum of the resident
   memory of the process and its children, sampled from /proc every 20 ms).

Numbers depend on the machine; docs/validation.md records a run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def _encode(job: tuple[str, bytes, str]) -> str | None:
    from tei_encoder.pipeline import encode_bytes

    name, data, out_dir = job
    try:
        tei = encode_bytes(data, name)
    except Exception as error:  # an encoder failure is the encoder's business: count it, do not stop
        print(f"encoder failed on {name}: {error.__class__.__name__}: {error}", file=sys.stderr)
        return None
    target = Path(out_dir) / (Path(name).stem + ".xml")
    target.write_bytes(tei)
    return str(target)


def make_corpus(directory: Path, count: int, seed: int) -> list[Path]:
    """The encoder's TEI for the synthetic records of benchmarks/corpus.py (generated once, then reused)."""
    stamp = directory / f".complete-{count}-{seed}"
    if stamp.exists():  # a few records may make the encoder fail: reuse what a full run wrote
        return sorted(directory.glob("*.xml"))
    sys.path.insert(0, str(HERE))
    import corpus  # benchmarks/corpus.py: deterministic records of the three families and generic ones

    directory.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    jobs = ((name, data, str(directory)) for name, data in corpus.generate(count, seed))
    with ProcessPoolExecutor() as pool:
        paths = [Path(p) for p in pool.map(_encode, jobs, chunksize=32) if p]
    stamp.touch()
    print(f"encoded {len(paths)} of {count} synthetic records in {time.perf_counter() - started:.1f} s "
          f"into {directory}", file=sys.stderr)
    return sorted(paths)


def _tree_rss_kb(pid: int) -> int:
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(command: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak memory (MB, whole process tree), exit status, tail of stderr."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    return elapsed, peak / 1024, process.returncode, stderr.strip()[-300:]


def find_tei_all(given: str | None) -> Path | None:
    candidates = [given, os.environ.get("TEI_ALL_RNG"), str(REPO.parent / "shared" / "tei" / "tei_all.rng")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "validate-corpus")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic records")
    parser.add_argument("--tei-all", help="tei_all.rng (default: ../shared/tei/tei_all.rng or $TEI_ALL_RNG)")
    parser.add_argument("--repeat-single", type=int, default=5)
    args = parser.parse_args()

    files = make_corpus(args.corpus, args.files, args.seed)
    sizes = [f.stat().st_size for f in files]
    print(f"corpus: {len(files)} files, mean {sum(sizes) / len(sizes) / 1024:.1f} KB, "
          f"total {sum(sizes) / 1024 / 1024:.1f} MB, {os.cpu_count()} cores")
    validate = [sys.executable, "-m", "tei_encoder", "validate", "--no-progress", "--format", "json",
                "--output", os.devnull]
    rows = []
    for jobs in args.jobs:
        elapsed, peak, status, err = measure(validate + ["--jobs", str(jobs), str(args.corpus)])
        if status not in (0, 1):
            print(f"tei-encoder validate failed ({status}): {err}", file=sys.stderr)
        rows.append((f"tei-encoder validate (XSD + Schematron), {jobs} job(s)", elapsed, peak))

    jing = shutil.which("jing")
    tei_all = find_tei_all(args.tei_all)
    if jing and tei_all:
        elapsed, peak, status, err = measure([jing, str(tei_all), *map(str, files)])
        if status not in (0, 1):
            print(f"jing failed ({status}): {err}", file=sys.stderr)
        rows.append(("jing + tei_all.rng (RELAX NG only), 1 JVM", elapsed, peak))
    else:
        print(f"jing comparison skipped: jing {'found' if jing else 'not installed (Debian: jing)'}, "
              f"tei_all.rng {'found' if tei_all else 'not found'}")

    print(f"\n{'checker':<58} {'wall s':>8} {'docs/s':>9} {'peak MB':>8}")
    for name, elapsed, peak in rows:
        print(f"{name:<58} {elapsed:>8.2f} {len(files) / elapsed:>9.0f} {peak:>8.0f}")

    one = str(files[0])
    single = [min(measure(validate + ["--jobs", "1", one])[0] for _ in range(args.repeat_single))]
    print(f"\nsingle file ({Path(one).stat().st_size / 1024:.1f} KB), best of {args.repeat_single}:")
    print(f"  tei-encoder validate: {single[0] * 1000:.0f} ms")
    if jing and tei_all:
        jing_single = min(measure([jing, str(tei_all), one])[0] for _ in range(max(1, args.repeat_single // 2)))
        print(f"  jing + tei_all.rng:   {jing_single * 1000:.0f} ms  (ratio {jing_single / single[0]:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main())
