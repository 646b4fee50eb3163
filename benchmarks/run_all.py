"""Every per-record speed target beside its peer, measured in one run (issue 12, section 3).

    python benchmarks/run_all.py [--count 2000] [--seed 1] [--work DIR] [--markdown]

One process per step, each timed twice: wall seconds, and the CPU seconds the
step's processes used (``getrusage`` of the finished children; on Linux this
process adopts the orphans a step leaves, such as a forkserver and the workers
it forked, and waits for them, so they count too). A shared
machine stretches wall time by whatever its neighbours do, so the table gives
both rates and the verdict uses the same-run ratio to the peer, which the
load stretches alike:

- convert: ``tei-encoder convert --jobs 1`` against a bare loop (decode, split
  paragraphs with a regex, build and serialise a TEI tree with lxml) over the
  same records. Target: 500 records/s per process, a quarter of the bare loop.
- validate: ``tei-encoder validate --jobs 1`` (the project's XSD + Schematron,
  the default) against ``jing tei_all.rng`` (one JVM) over the same
  ``--validate-files`` files (default 5,000: the converted records copied round
  after round, so that jing's JVM start-up is spread as in the target). Target:
  twice jing's throughput, judged by CPU time (jing's includes its JIT and
  garbage-collector threads). Skipped with the reason when jing or
  tei_all.rng is missing.
- validate, all cores: the same files with ``validate``'s default ``--jobs``
  (one process a core), the throughput a user sees, against the same jing
  run's wall time (its JVM also works on several cores: JIT and garbage
  collection). Its CPU rate counts every process (the workers, which compile
  the schemas, and the parent, which lists the files and writes the report); the
  verdict is the ratio of wall rates. On a loaded machine the wall ratio
  measures the neighbours too: read it beside the load average.
- render: ``render_site(jobs=1)`` (page and plain-text view per document)
  against a bare lxml loop that applies one small compiled stylesheet per file
  and writes the result. Target: 1,000 pages/s per process. (The issue's peer,
  the TEI Consortium's stylesheets under Saxon, cannot be installed offline.)

``--markdown`` prints the table in the form README.md carries. Standard
library only, plus lxml for the peers (a dependency of the encoder).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (sibling module, standard library only)

TARGETS = {"convert": 500.0, "render": 1000.0}  # per process, units a second
VALIDATE_TARGET_RATIO = 2.0


@dataclass(slots=True)
class Timing:
    label: str
    items: int
    wall: float
    cpu: float
    status: int

    @property
    def wall_rate(self) -> float:
        return self.items / self.wall if self.wall else 0.0

    @property
    def cpu_rate(self) -> float:
        return self.items / self.cpu if self.cpu else 0.0


def timed(label: str, items: int, command: list[str]) -> Timing:
    """Run ``command`` to the end; its wall time and the CPU time of it and all its descendants."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        print(f"{label}: exit {done.returncode}: {done.stderr.strip()[-300:]}", file=sys.stderr)
    return Timing(label, items, wall, cpu, done.returncode)


def adopt_orphans() -> bool:
    """Make this process the reaper of its descendants' orphans (Linux's PR_SET_CHILD_SUBREAPER).

    A process its parent never waits for is not counted in anyone's RUSAGE_CHILDREN: validate's workers fork
    from a forkserver, which exits after the command without being waited for, as multiprocessing's resource
    tracker always did. Adopted here and waited for by ``reap_orphans``, all their CPU time counts.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER


def reap_orphans() -> None:
    """Wait for every adopted orphan of the step just run (its CPU time then counts as a child's)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


# ---------------------------------------------------------------- the peers, each run in its own process

_PARAGRAPHS = re.compile(r"\n\s*\n")
_TEI = "http://www.tei-c.org/ns/1.0"


def bare_convert(source: Path, out: Path) -> None:
    """The least a converter does: decode, split paragraphs, build and serialise a TEI tree."""
    from lxml import etree

    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", "replace")
        root = etree.Element(f"{{{_TEI}}}TEI", nsmap={None: _TEI})
        body = etree.SubElement(etree.SubElement(root, f"{{{_TEI}}}text"), f"{{{_TEI}}}body")
        for paragraph in _PARAGRAPHS.split(text.replace("\r\n", "\n")):
            if paragraph.strip():
                etree.SubElement(body, f"{{{_TEI}}}p").text = " ".join(paragraph.split())
        (out / f"{path.stem}.xml").write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))


_BARE_PAGE = b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="t">
  <xsl:output method="html" encoding="utf-8"/>
  <xsl:template match="/">
    <html><head><title><xsl:value-of select="//t:titleStmt/t:title[1]"/></title></head>
    <body><xsl:apply-templates select="//t:body"/></body></html>
  </xsl:template>
  <xsl:template match="t:p | t:ab"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="t:sp"><div class="sp"><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="t:note"/>
</xsl:stylesheet>"""


def bare_render(source: Path, out: Path) -> None:
    """The least a renderer does: one compiled stylesheet, parse, transform, write, per file."""
    from lxml import etree

    out.mkdir(parents=True, exist_ok=True)
    transform = etree.XSLT(etree.XML(_BARE_PAGE))
    for path in sorted(source.glob("*.xml")):
        page = transform(etree.parse(str(path)))
        (out / f"{path.stem}.html").write_bytes(bytes(page))


def encoder_render(source: Path, out: Path) -> None:
    from tei_encoder.render import render_site

    render_site(sorted(source.glob("*.xml")), out, jobs=1)


STEPS = {"bare-convert": bare_convert, "bare-render": bare_render, "render": encoder_render}


def step(name: str, source: Path, out: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--step", name, str(source), str(out)]


def encoder() -> list[str]:
    return [sys.executable, "-m", "tei_encoder"]


# ---------------------------------------------------------------- the run


def find_tei_all() -> Path | None:
    for candidate in (os.environ.get("TEI_ALL_RNG"), str(REPO.parent / "shared" / "tei" / "tei_all.rng")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def repeated(files: list[Path], folder: Path, count: int) -> list[Path]:
    """``count`` files for the validators: copies of ``files`` round after round (c0_…, c1_…), so that
    a smaller corpus still spreads jing's JVM start-up over as many files as the target names."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    copies = []
    for index in range(max(count, len(files))):
        source = files[index % len(files)]
        target = folder / f"c{index // len(files)}_{source.name}"
        shutil.copyfile(source, target)
        copies.append(target)
    return copies


def run(count: int, seed: int, work: Path,
        validate_files: int) -> tuple[list[tuple[str, Timing, Timing | None, str]], str]:
    records = work / "records"
    if not any(records.glob("*.txt")):
        records.mkdir(parents=True, exist_ok=True)
        for name, data in corpus.generate(count, seed):
            (records / name).write_bytes(data)
    count = len(list(records.glob("*.txt")))
    tei = work / "tei"
    shutil.rmtree(tei, ignore_errors=True)
    rows: list[tuple[str, Timing, Timing | None, str]] = []
    ours = timed("tei-encoder convert --jobs 1", count,
                 encoder() + ["convert", str(records), "--out", str(tei), "--quiet", "--jobs", "1"])
    peer = timed("bare regex + lxml loop", count, step("bare-convert", records, work / "bare-tei"))
    rows.append(("convert (records/s)", ours, peer, f">= {TARGETS['convert']:.0f}/s per process"))

    files = repeated(sorted(tei.glob("*.xml")), work / "validate", validate_files)
    validate = encoder() + ["validate", str(work / "validate"), "--no-progress", "--format", "json",
                            "--output", os.devnull]
    ours = timed("tei-encoder validate --jobs 1 (XSD + Schematron)", len(files), validate + ["--jobs", "1"])
    jing, tei_all = shutil.which("jing"), find_tei_all()
    jing_run = None
    if jing and tei_all:
        jing_run = timed("jing tei_all.rng (one JVM)", len(files), [jing, str(tei_all), *map(str, files)])
    rows.append(("validate (files/s)", ours, jing_run, f">= {VALIDATE_TARGET_RATIO:.0f}x jing"))
    cores = os.cpu_count() or 1
    all_cores = timed(f"tei-encoder validate --jobs {cores} (default)", len(files), validate)
    rows.append(("validate, all cores (files/s)", all_cores, jing_run, f">= {VALIDATE_TARGET_RATIO:.0f}x jing, wall"))

    pages = len(list(tei.glob("*.xml")))
    ours = timed("render_site jobs=1 (page + text)", pages, step("render", tei, work / "site"))
    peer = timed("bare lxml XSLT loop", pages, step("bare-render", tei, work / "bare-site"))
    rows.append(("render (pages/s)", ours, peer, f">= {TARGETS['render']:.0f}/s per process"))
    note = "" if jing_run else f"jing comparison skipped: jing {'found' if jing else 'missing'}, " \
                               f"tei_all.rng {'found' if tei_all else 'missing'}"
    return rows, note


def verdict(task: str, ours: Timing, peer: Timing | None) -> str:
    if task.startswith("validate"):
        if peer is None:
            return "n/a"
        by_wall = "all cores" in task  # what a user waits for; one process is judged by its CPU time
        ratio = ours.wall_rate / peer.wall_rate if by_wall else ours.cpu_rate / peer.cpu_rate
        return f"{'met' if ratio >= VALIDATE_TARGET_RATIO else 'missed'} ({ratio:.2f}x jing, {'wall' if by_wall else 'CPU'})"
    target = TARGETS[task.split()[0]]
    return f"{'met' if ours.cpu_rate >= target else 'missed'} ({ours.cpu_rate:.0f}/s of CPU)"


def table(rows: list[tuple[str, Timing, Timing | None, str]], markdown: bool) -> str:
    head = ["task", "items", "ours: wall/s", "ours: CPU/s", "peer", "peer: wall/s", "peer: CPU/s",
            "ours ÷ peer (wall)", "ours ÷ peer (CPU)", "target", "verdict"]
    lines = []
    for task, ours, peer, target in rows:
        wall_ratio = f"{ours.wall_rate / peer.wall_rate:.2f}" if peer else "n/a"
        cpu_ratio = f"{ours.cpu_rate / peer.cpu_rate:.2f}" if peer else "n/a"
        lines.append([task, str(ours.items), f"{ours.wall_rate:.0f}", f"{ours.cpu_rate:.0f}",
                      peer.label if peer else "n/a", f"{peer.wall_rate:.0f}" if peer else "n/a",
                      f"{peer.cpu_rate:.0f}" if peer else "n/a", wall_ratio, cpu_ratio, target,
                      verdict(task, ours, peer)])
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(row[i]) for row in [head, *lines]) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in [head, *lines])


def bytecode_as_installed() -> None:
    """Write the encoder's bytecode (``__pycache__``), as pip does when it installs the wheel.

    From a source tree that was never imported with bytecode writing on (PYTHONDONTWRITEBYTECODE is
    set in some environments, CI among them), every process of every step first compiles the
    package's modules from source: about 25 ms CPU a process, which an installed encoder never pays.
    """
    import compileall

    import tei_encoder

    compileall.compile_dir(Path(tei_encoder.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--validate-files", type=int, default=5000,
                        help="files for the validate row: the converted records, copied round after round")
    parser.add_argument("--work", type=Path, help="keep the corpus and outputs here (reused when it holds records)")
    parser.add_argument("--markdown", action="store_true", help="print the table as README.md carries it")
    parser.add_argument("--step", nargs=3, metavar=("NAME", "SOURCE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        STEPS[args.step[0]](Path(args.step[1]), Path(args.step[2]))
        return 0
    bytecode_as_installed()
    adopt_orphans()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-all-"))
    try:
        load_before = os.getloadavg()[0]
        rows, note = run(args.count, args.seed, work, args.validate_files)
        load_after = os.getloadavg()[0]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{rows[0][1].items} records, seed {args.seed}; {os.cpu_count()} cores; load average "
          f"{load_before:.1f} at the start, {load_after:.1f} at the end (1 minute)")
    print(table(rows, args.markdown))
    if note:
        print(note)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main())
