"""JUnit XML, as CI systems (GitLab, Jenkins, Azure) read it: one testcase per file.

An invalid file is a ``failure`` (one per error, type = rule id); an
unreadable file is an ``error``; warnings go to ``system-out``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from tei_encoder.diagnostics import Severity, Summary, printable
from tei_encoder.report import Reporter
from tei_encoder.validate.batch import FileResult

NAME = "junit"


class JUnitReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suite = etree.Element("testsuite", name="tei-encoder validate")
        self.seconds = 0.0

    def file(self, result: FileResult) -> None:
        super().file(result)
        self.seconds += result.seconds
        # printable(): XML cannot hold most control characters, and a CI page should not obey them.
        name = printable(result.file)
        case = etree.SubElement(self.suite, "testcase", classname="tei-encoder.validate",
                                name=name, file=name, time=f"{result.seconds:.4f}")
        notes = []
        for diagnostic in result.diagnostics:
            if diagnostic.severity is Severity.ERROR:
                tag = "error" if result.unusable else "failure"
                element = etree.SubElement(case, tag, message=printable(diagnostic.message),
                                           type=printable(diagnostic.rule))
                element.text = diagnostic.one_line() + (f"\nxpath: {diagnostic.xpath}" if diagnostic.xpath else "")
            else:
                notes.append(diagnostic.one_line())
        if notes:
            etree.SubElement(case, "system-out").text = "\n".join(notes)

    def finish(self, summary: Summary) -> None:
        failures = sum(1 for case in self.suite if case.find("failure") is not None)
        errors = sum(1 for case in self.suite if case.find("error") is not None)
        self.suite.set("tests", str(self.counts.files))
        self.suite.set("failures", str(failures))
        self.suite.set("errors", str(errors))
        self.suite.set("skipped", "0")
        self.suite.set("time", f"{self.seconds:.4f}")
        suites = etree.Element("testsuites", name="tei-encoder", tests=str(self.counts.files),
                               failures=str(failures), errors=str(errors), time=f"{self.seconds:.4f}")
        suites.append(self.suite)
        self.stream.write(etree.tostring(suites, xml_declaration=True, encoding="UTF-8",
                                         pretty_print=True).decode("utf-8"))
