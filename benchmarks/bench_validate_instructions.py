"""Instructions per file of each phase of ``tei-encoder validate``, counted by cachegrind (a shared machine's
CPU clock moves by tens of percent; an instruction count repeats to 0.01 %).

    python benchmarks/bench_validate_instructions.py TEI_DIR [--count 300]

Runs this script under ``valgrind --tool=cachegrind`` once with no file (start-up: imports, compiling the
schemas) and once per phase over the first ``--count`` files of TEI_DIR, each run doing the phases up to that
one, as Validator._check does them: read, parse, prefilter, xi:include hint, the written-by-us test,
the XSD's twin (the schema itself for a file it rejects), TE-NOTE-002, own_rules (the compiled Schematron
for a file it declines), the pointer check, sorting, and the file's JSON entry. A phase's share is the
difference between two runs, divided by the files. The whole command's count per file, less these, is
the batch's own bookkeeping.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PHASES = ("read", "parse", "prefilter", "xinclude hint", "written by us", "XSD twin", "TE-NOTE-002", "own_rules",
          "pointer check", "sort, dedupe", "JSON entry")


def run_phases(files: list[Path], until: int) -> None:
    """The validator's phases for each file, up to PHASES[until - 1] (none: start-up only)."""
    from lxml import etree

    from tei_encoder import xmlsafe
    from tei_encoder.regular_file import read_regular_file
    from tei_encoder.report import REPORTERS
    from tei_encoder.validate import footnote_marks, own_rules
    from tei_encoder.validate.batch import FileResult
    from tei_encoder.validate.checkers import DeferredSchematron, XsdChecker
    from tei_encoder.validate.foreign import written_by_tei_encoder
    from tei_encoder.validate.parsing import Loaded, _may_include, _reused_parser
    from tei_encoder.validate.prefilter import schematron_parameters
    from tei_encoder.validate.validator import Validator

    validator = Validator(None, max_errors=100)
    xsd, deferred = validator._checkers  # noqa: SLF001 (a benchmark looks inside)
    assert isinstance(xsd, XsdChecker) and isinstance(deferred, DeferredSchematron)
    parser = _reused_parser()
    reporter = REPORTERS["json"](io.StringIO(), tool_version="0")
    for path in files:
        file = os.fspath(path)
        steps = iter(range(1, until + 1))
        if next(steps, None) is None:
            continue
        data = read_regular_file(path, xmlsafe.MAX_BYTES)
        base_url = xmlsafe.file_uri(path)
        if next(steps, None) is None:
            continue
        tree = etree.fromstring(data, parser, base_url=base_url).getroottree()
        xmlsafe.doctype_refusal(tree)
        if next(steps, None) is None:
            continue
        parameters = tuple(schematron_parameters(data, tree).items())
        if next(steps, None) is None:
            continue
        _may_include(data, Loaded(tree, (), parameters), None)
        if next(steps, None) is None:
            continue
        written_by_tei_encoder(tree)
        if next(steps, None) is None:
            continue
        accepted = xsd.twin_accepts(tree)
        found = [] if accepted else xsd.strict(tree, file)
        if next(steps, None) is None:
            continue
        notes = footnote_marks.notes(tree)
        found += footnote_marks.repeated_marks(tree, file, deferred.name, notes)
        if next(steps, None) is None:
            continue
        values: set[str] = set()
        own = own_rules.check(tree, file, deferred.name, dict(parameters), ids_unique=True, notes=notes,
                              pointer_values=values)
        found += own if own is not None else deferred.check(
            tree, file, {**dict(parameters), footnote_marks.PARAMETER: "true()"})
        if next(steps, None) is None:
            continue
        if accepted:
            validator._check_pointers(tree, file, found, (xsd, 0), values if own is not None else None)  # noqa: SLF001
        if next(steps, None) is None:
            continue
        diagnostics = validator._finish(found)  # noqa: SLF001
        if next(steps, None) is None:
            continue
        reporter.file(FileResult(file, tuple(diagnostics)))


def instructions(valgrind: str, tei: Path, count: int, until: int) -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "cachegrind.out"
        completed = subprocess.run(
            [valgrind, "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}", sys.executable,
             __file__, str(tei), "--count", str(count), "--phases", str(until)],
            capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"I\s+refs:\s+([\d,]+)", completed.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from cachegrind:\n{completed.stderr}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tei", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--phases", type=int, default=None, help=argparse.SUPPRESS)  # one run, under cachegrind
    args = parser.parse_args()
    files = sorted(args.tei.glob("*.xml"))[: args.count]
    if args.phases is not None:
        run_phases(files if args.phases else [], args.phases)
        return 0
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed: nothing counted", file=sys.stderr)
        return 2
    counts = [instructions(valgrind, args.tei, len(files), until) for until in range(len(PHASES) + 1)]
    print(f"{len(files)} files; start-up (imports, compiling the schemas) {counts[0] / 1e6:,.1f} M instructions")
    print(f"{'phase':<16} {'K a file':>9}")
    for phase, before, after in zip(PHASES, counts, counts[1:]):
        print(f"{phase:<16} {(after - before) / len(files) / 1000:>9,.1f}")
    print(f"{'sum':<16} {(counts[-1] - counts[0]) / len(files) / 1000:>9,.1f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
