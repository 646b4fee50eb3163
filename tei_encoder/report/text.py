"""Text for people: ``path:line:col: severity [rule] message``, one line each, then a summary line.

Lines are written as each file finishes, so a long run shows results at once.
"""

from __future__ import annotations

from tei_encoder.diagnostics import Summary
from tei_encoder.report import Reporter
from tei_encoder.validate.batch import FileResult

NAME = "text"


class TextReporter(Reporter):
    def file(self, result: FileResult) -> None:
        super().file(result)
        for diagnostic in result.diagnostics:
            self.stream.write(diagnostic.one_line() + "\n")

    def finish(self, summary: Summary) -> None:
        self.stream.write(self.counts.line() + "\n")
