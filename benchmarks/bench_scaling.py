"""Scaling benchmark: does each command take the same time per MB as its input doubles?

    python benchmarks/bench_scaling.py [--sizes 100,200,400,800,1600] [--timeout 120]
                                       [--case convert-boxes ...] [--cli] [--keep DIR]

Issue 8 found quadratic time on plain inputs (a record of repeated "□ " took 73 s
at 400 KB; 20,000 footnotes took 22 s to validate; a 400 KB record of turns took
24 s to render). This benchmark doubles the input size, 100 KB → 1.6 MB by
default, for each case below and prints the time per MB at each size: a linear
command shows a flat column, a quadratic one doubles it at every step.

    convert-boxes      a record of repeated "□ " (OCR losses)
    convert-turns      a record of many labelled turns (Q: / A:)
    convert-footnotes  a Word transcript with a [footnoteRef:N] and its [N: …] body per line
    convert-prose      plain paragraphs
    validate-notes     the TEI of convert-footnotes (a note per paragraph), sized as TEI
    validate-turns     the TEI of convert-turns (an sp per turn), sized as TEI
    validate-alternating  the TEI of convert-footnotes with every other note a "*" footnote
                       (marks *, 1, *, 2 …: each numbered footnote follows a note of another kind)
    validate-dense-notes  the TEI of a Word transcript of short footnotes (about 12,500 per MB of TEI:
                       the issue's 20,000 footnotes at 1.6 MB)
    validate-boxes     the TEI of convert-boxes (a gap per "□ ")
    render-turns       the TEI of convert-turns, rendered as a one-document site
    render-notes       the TEI of convert-footnotes, rendered (notes linked both ways)
    render-boxes       the TEI of convert-boxes, rendered

Each measurement runs in a fresh process (``--worker``) that first does the
same work on a tiny input, so compiling schemas and stylesheets is not
counted, and then reports the wall and CPU seconds of the call itself: the
installed code in-process (``tei_encoder.pipeline.convert_file``,
``Validator.validate_file``, ``render_site``). With ``--cli`` the whole
command is timed instead (``tei-encoder convert|validate|render``, start-up
included). A run that exceeds ``--timeout`` is stopped, and the larger sizes
of that case are skipped. The TEI inputs are made by the encoder in this
process before timing starts. A benchmark, not a test: it never fails.

The verdict compares CPU seconds per MB at the largest size measured with the
smallest: "flat" when the ratio is at most 1.5 (a doubling of the input
may cost up to 2× plus noise), otherwise "grows ×R". CPU time is used because
wall time on a shared machine depends on the neighbours.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
KB = 1024
MB = 1024 * 1024

# ---------------------------------------------------------------- inputs (deterministic)

QA = ("Q: Did he speak to you directly about the matter at hand?\n\n"
      "A: Not at that stage. The interpreters did all the work, and Pavlov was very quick.\n\n")
PROSE = ("The delegation arrived in the morning and was received by the minister, who spoke at some "
         "length about the harvest, the railways and the coming conference in Paris.\n\n")


def _repeat_to(size: int, head: str, unit: Callable[[int], str]) -> bytes:
    parts, used, index = [head], len(head.encode()), 0
    while used < size:
        index += 1
        text = unit(index)
        parts.append(text)
        used += len(text.encode())
    return "".join(parts).encode()


def record(kind: str, size: int) -> bytes:
    """A plain-text record of about ``size`` bytes of one shape."""
    if kind == "boxes":
        return _repeat_to(size, "Record of a conversation\n\n", lambda i: "□ ")
    if kind == "turns":
        return _repeat_to(size, "Oral History Interview with Sir Frank Roberts\nConducted by Martin Gilbert\n"
                                "London, 14 November 1988\n\n", lambda i: QA)
    if kind == "footnotes":
        return _repeat_to(size, "TOP SECRET\nCOUNCIL OF MINISTERS OF THE USSR\n"
                                "RECORD OF CONVERSATION OF COMRADE STALIN WITH THE DELEGATION\n",
                          lambda i: f"Comrade STALIN says that the matter[footnoteRef:{i}] was settled at the "
                                    f"conference. [{i}:  Note {i}: the conference of European states on the aid "
                                    "programme opened in Paris.]\n")
    if kind == "dense-notes":  # issue 8: "a 1 MB file with 20,000 footnotes"
        return _repeat_to(size, "TOP SECRET\nRECORD OF CONVERSATION\n",
                          lambda i: f"Agreed.[footnoteRef:{i}] [{i}:  Note {i}.]\n")
    if kind == "prose":
        return _repeat_to(size, "Memorandum of a visit\n\n", lambda i: PROSE)
    raise ValueError(kind)


def tei(kind: str, size: int) -> bytes:
    """The encoder's TEI for a record of ``kind``, about ``size`` bytes of TEI."""
    from tei_encoder.pipeline import encode_bytes

    if kind == "alternating":
        return _alternating_marks(tei("footnotes", size))

    sample = encode_bytes(record(kind, 20 * KB), f"{kind}.txt")
    ratio = len(sample) / len(record(kind, 20 * KB))
    return encode_bytes(record(kind, int(size / ratio)), f"{kind}.txt")


def _alternating_marks(document: bytes) -> bytes:
    """Every other footnote marked "*", the others numbered 1, 2, 3 … in turn."""
    import re

    counter = iter(range(10**9))

    def mark(match: re.Match[bytes]) -> bytes:
        index = next(counter)
        return b'place="foot" n="' + (b"*" if index % 2 == 0 else str(index // 2 + 1).encode()) + b'"'

    return re.sub(rb'place="foot" n="\d+"', mark, document)


# command, input shape, input is TEI?
CASES: dict[str, tuple[str, str, bool]] = {
    "convert-boxes": ("convert", "boxes", False),
    "convert-turns": ("convert", "turns", False),
    "convert-footnotes": ("convert", "footnotes", False),
    "convert-prose": ("convert", "prose", False),
    "validate-notes": ("validate", "footnotes", True),
    "validate-turns": ("validate", "turns", True),
    "validate-alternating": ("validate", "alternating", True),
    "validate-dense-notes": ("validate", "dense-notes", True),
    "validate-boxes": ("validate", "boxes", True),
    "render-turns": ("render", "turns", True),
    "render-notes": ("render", "footnotes", True),
    "render-boxes": ("render", "boxes", True),
}

# ---------------------------------------------------------------- one measurement, in its own process


def _work(command: str) -> Callable[[Path, Path], object]:
    if command == "convert":
        from tei_encoder.pipeline import convert_file

        return lambda path, out: convert_file(path, out)
    if command == "validate":
        from tei_encoder.validate import Validator

        validator = Validator()
        return lambda path, out: validator.validate_file(path)
    if command == "render":
        from tei_encoder.render import render_site

        return lambda path, out: render_site([path], out, jobs=1)
    raise ValueError(command)


def worker(command: str, path: Path, warm_up: Path, out: Path) -> None:
    work = _work(command)
    (out / "warm-up").mkdir(parents=True, exist_ok=True)
    work(warm_up, out / "warm-up")  # compiles schemas and stylesheets; not timed
    wall, cpu = time.perf_counter(), time.process_time()
    work(path, out)
    print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}))


def _encoder() -> list[str]:
    local = HERE.parent / ".venv" / "bin" / "tei-encoder"
    if local.exists():
        return [str(local)]
    found = shutil.which("tei-encoder")
    return [found] if found else [sys.executable, "-m", "tei_encoder"]


def measure(command: str, path: Path, warm_up: Path, out: Path, timeout: float, cli: bool) -> dict | None:
    """Seconds of one run (wall, and CPU where known), or None when it ran out of time."""
    shutil.rmtree(out, ignore_errors=True)
    if cli:
        arguments = {"convert": ["convert", str(path), "--out", str(out), "--quiet", "--jobs", "1"],
                     "validate": ["validate", str(path), "--jobs", "1", "--no-progress"],
                     "render": ["render", str(path), "--out", str(out), "--jobs", "1"]}[command]
        started = time.perf_counter()
        before = os.times()
        try:
            subprocess.run(_encoder() + arguments, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        after = os.times()
        return {"wall": time.perf_counter() - started,
                "cpu": (after.children_user - before.children_user) + (after.children_system - before.children_system)}
    try:
        result = subprocess.run([sys.executable, __file__, "--worker", command, str(path), str(warm_up), str(out)],
                                capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if result.returncode != 0:
        raise SystemExit(f"worker failed on {path}:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the table


def _size_label(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size // KB} KB"


def run_case(name: str, sizes: list[int], work_dir: Path, timeout: float, cli: bool) -> list[tuple[int, dict | None]]:
    command, shape, is_tei = CASES[name]
    suffix = ".xml" if is_tei else ".txt"
    make = (lambda size: tei(shape, size)) if is_tei else (lambda size: record(shape, size))
    warm_up = work_dir / f"{name}-warm-up{suffix}"
    warm_up.write_bytes(make(4 * KB))
    rows: list[tuple[int, dict | None]] = []
    first_per_mb = None
    for size in sizes:
        path = work_dir / f"{name}-{size // KB}k{suffix}"
        if not path.exists():
            path.write_bytes(make(size))
        actual = path.stat().st_size
        seconds = measure(command, path, warm_up, work_dir / f"{name}-out", timeout, cli)
        rows.append((actual, seconds))
        if seconds is None:
            print(f"{name:<20} {_size_label(size):>8}  > {timeout:.0f} s: stopped; larger sizes skipped", flush=True)
            break
        per_mb = seconds["cpu"] / (actual / MB)
        first_per_mb = first_per_mb or per_mb
        print(f"{name:<20} {_size_label(size):>8} {actual / MB:7.2f} {seconds['wall']:9.2f} {seconds['cpu']:8.2f}"
              f" {seconds['wall'] / (actual / MB):9.2f} {per_mb:9.2f} {per_mb / first_per_mb:7.2f}", flush=True)
    return rows


def verdict(rows: list[tuple[int, dict | None]]) -> str:
    measured = [(size, s) for size, s in rows if s is not None]
    if any(s is None for _, s in rows):
        return f"too slow: a run exceeded the time limit at {rows[-1][0] / MB:.2f} MB"
    if len(measured) < 2:
        return "n/a (one size)"
    first = measured[0][1]["cpu"] / (measured[0][0] / MB)
    last = measured[-1][1]["cpu"] / (measured[-1][0] / MB)
    ratio = last / first if first else float("inf")
    return "flat" + f" (×{ratio:.2f})" if ratio <= 1.5 else f"grows ×{ratio:.2f} from first to last size"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,200,400,800,1600", help="input sizes in KB (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run before it is stopped")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only this case (repeatable)")
    parser.add_argument("--cli", action="store_true", help="time the whole tei-encoder command, start-up included")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep inputs and outputs in DIR (reused next time)")
    parser.add_argument("--worker", nargs=4, metavar=("COMMAND", "INPUT", "WARM_UP", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        command, path, warm_up, out = args.worker
        worker(command, Path(path), Path(warm_up), Path(out))
        return 0
    sizes = [int(value) * KB for value in args.sizes.split(",")]
    work_dir = args.keep or Path(tempfile.mkdtemp(prefix="tei-scaling-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    print(f"{'case':<20} {'size':>8} {'MB':>7} {'wall s':>9} {'cpu s':>8} {'wall s/MB':>9} {'cpu s/MB':>9}"
          f" {'growth':>7}   ({'CLI' if args.cli else 'in-process'}; growth = cpu s/MB ÷ that of the first size)")
    verdicts = {}
    try:
        for name in args.case or list(CASES):
            verdicts[name] = verdict(run_case(name, sizes, work_dir, args.timeout, args.cli))
    finally:
        if not args.keep:
            shutil.rmtree(work_dir, ignore_errors=True)
    print()
    for name, text in verdicts.items():
        print(f"{name:<20} {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
