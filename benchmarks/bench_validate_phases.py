"""Where ``tei-encoder validate``'s CPU time goes, per file and per phase, in one process.

    python benchmarks/bench_validate_phases.py TEI_DIR [--count 5000] [--rounds 1]

Over the files of TEI_DIR (sorted, the first ``--count``), with the default schemas
(XSD + Schematron), each phase of ``Validator.validate_file`` is timed with the process's
CPU clock: reading the bytes, the hardened parse, the prefilter's parameters, the
xi:include hint, the XSD, TE-NOTE-002 in Python, the Schematron's XSLT, turning its SVRL
into diagnostics, and sorting them (``_finish``); then the JSON reporter over the results. The
Schematron phase is validate/own_rules.py, or the compiled Schematron for the files it declines
(``--xslt``: always the compiled Schematron, as before own_rules.py).
Start-up (interpreter, imports, compiling the schemas) is timed in a fresh process.

The sum of the phases is a little less than the command's CPU per file: the batch's own
bookkeeping and the measuring itself are not in any phase. Read shares, not absolutes,
on a loaded machine.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from tei_encoder.validate.batch import FileResult


def startup_cpu() -> float:
    """CPU seconds of a fresh process that imports the validator and compiles the default schemas."""
    code = ("from tei_encoder.validate.batch import _initialize; _initialize(None, False, 100)")
    started = os.times()
    subprocess.run([sys.executable, "-c", code], check=True)
    ended = os.times()
    return (ended.children_user - started.children_user) + (ended.children_system - started.children_system)


def profile(files: list[Path], args: argparse.Namespace) -> tuple[dict[str, float], list["FileResult"]]:
    from tei_encoder import xmlsafe
    from tei_encoder.regular_file import read_regular_file
    from tei_encoder.validate import footnote_marks, own_rules
    from tei_encoder.validate.batch import FileResult
    from tei_encoder.validate.checkers import DeferredSchematron, Locator, locating
    from tei_encoder.validate.parsing import Loaded, _may_include, _reused_parser
    from tei_encoder.validate.prefilter import schematron_parameters
    from tei_encoder.validate.validator import Validator
    from tei_encoder.xinclude import include_hint

    validator = Validator(None, max_errors=100)
    xsd, deferred = validator._checkers  # noqa: SLF001 (a benchmark looks inside)
    assert isinstance(deferred, DeferredSchematron)
    schematron = deferred.compiled()
    compiled = schematron._schematron  # type: ignore[attr-defined]  # noqa: SLF001
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    parser = _reused_parser()
    results = []
    declined = 0
    for path in files:
        file = os.fspath(path)
        t0 = clock()
        data = read_regular_file(path, xmlsafe.MAX_BYTES)
        t1 = clock()
        root = etree.fromstring(data, parser, base_url=xmlsafe.file_uri(path))  # as parsing.load_file parses
        tree = root.getroottree()
        xmlsafe.doctype_refusal(tree)
        t2 = clock()
        parameters = schematron_parameters(data, tree)
        t3 = clock()
        if _may_include(data, Loaded(tree, (), tuple(parameters.items())), None):
            include_hint(tree)
        t4 = clock()
        found = xsd.check(tree, file)
        t5 = clock()
        found += footnote_marks.repeated_marks(tree, file, schematron.name)
        t6 = clock()
        own = own_rules.check(tree, file, schematron.name, parameters, ids_unique=True) if not args.xslt else None
        t7 = clock()
        if own is not None:
            found += own
        else:
            declined += 1
            locator = Locator(tree)
            with locating(locator):
                report, _ = compiled.report(tree, {**parameters, footnote_marks.PARAMETER: "true()"})
            t7 = clock()
            found += schematron._svrl_diagnostics(report, locator, file)  # noqa: SLF001
        t8 = clock()
        diagnostics = validator._finish(found)  # noqa: SLF001
        results.append(FileResult(file, tuple(diagnostics)))
        t9 = clock()
        for phase, seconds in (("read", t1 - t0), ("parse", t2 - t1), ("prefilter", t3 - t2),
                               ("xinclude hint", t4 - t3), ("XSD", t5 - t4), ("TE-NOTE-002 (Python)", t6 - t5),
                               ("Schematron (own_rules or XSLT)", t7 - t6), ("SVRL -> diagnostics", t8 - t7),
                               ("sort, dedupe", t9 - t8)):
            spent[phase] += seconds
    print(f"the compiled Schematron ran on {declined} of {len(files)} files")
    return spent, results


def report_cpu(results: list["FileResult"]) -> float:
    from tei_encoder.diagnostics import Summary
    from tei_encoder.report import REPORTERS

    started = time.process_time()
    reporter = REPORTERS["json"](io.StringIO(), tool_version="0")
    summary = Summary()
    for result in results:
        reporter.file(result)
        summary.done += 1
    reporter.finish(summary)
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tei", type=Path)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--xslt", action="store_true",
                        help="always run the compiled Schematron, as before own_rules.py (for comparison)")
    args = parser.parse_args()
    files = sorted(args.tei.glob("*.xml"))[: args.count]
    startup = startup_cpu()
    spent, results = profile(files, args)
    spent["JSON report"] = report_cpu(results)
    total = sum(spent.values())
    print(f"{len(files)} files; start-up (imports + compiling the schemas) {startup * 1000:.0f} ms CPU, "
          f"{startup * 1000 / len(files):.3f} ms a file over {len(files)}")
    print(f"{'phase':<32} {'ms/file':>8} {'share':>6}")
    for phase, seconds in spent.items():
        print(f"{phase:<32} {seconds * 1000 / len(files):>8.3f} {seconds / total:>6.0%}")
    print(f"{'sum':<32} {total * 1000 / len(files):>8.3f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
