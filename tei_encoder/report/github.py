"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``, one per diagnostic.

GitHub turns them into annotations on the pull request's changed lines.
Values are escaped as the runner requires (%, CR, LF; and : , in properties).
"""

from __future__ import annotations

from tei_encoder.diagnostics import Diagnostic, Severity, Summary, printable
from tei_encoder.report import Reporter
from tei_encoder.validate.batch import FileResult

NAME = "github"

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    # The runner's own escapes first (a message may span lines as %0A), then printable() for the other controls.
    properties = [f"file={printable(escape_property(diagnostic.file))}"]
    if diagnostic.line is not None:
        properties.append(f"line={diagnostic.line}")
        if diagnostic.column is not None:
            properties.append(f"col={diagnostic.column}")
    properties.append(f"title={printable(escape_property(diagnostic.rule))}")
    message = printable(escape_data(diagnostic.message))
    return f"::{_COMMANDS[diagnostic.severity]} {','.join(properties)}::{message}"


class GitHubReporter(Reporter):
    def file(self, result: FileResult) -> None:
        super().file(result)
        for diagnostic in result.diagnostics:
            self.stream.write(annotation(diagnostic) + "\n")

    def finish(self, summary: Summary) -> None:
        self.stream.write(self.counts.line() + "\n")
