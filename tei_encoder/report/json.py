"""JSON: one object with every file, its diagnostics (all fields, nulls kept) and the counts.

    {"tool": {"name": "tei-encoder", "version": "0.1.0"}, "files": [{"file": …, "valid": …,
     "diagnostics": [{"file", "line", "column", "severity", "rule", "message", "xpath", "source"}]}],
     "summary": {"files", "valid", "invalid", "unreadable", "errors", "warnings", "exit_code"}}
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tei_encoder.diagnostics import Diagnostic, Summary
from tei_encoder.report import Reporter, json_text
from tei_encoder.validate.batch import FileResult

NAME = "json"


# Every field in declaration order, as dataclasses.asdict gives them; asdict deep-copies each value, and the
# values are strings, numbers and None, which need no copy.
_FIELDS = tuple(field.name for field in fields(Diagnostic))


def diagnostic_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    data = {name: getattr(diagnostic, name) for name in _FIELDS}
    data["severity"] = diagnostic.severity.value
    return data


class JsonReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.files: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        super().file(result)
        self.files.append({
            "file": result.file,
            "valid": result.valid,
            "diagnostics": [diagnostic_dict(d) for d in result.diagnostics],
        })

    def finish(self, summary: Summary) -> None:
        counts = self.counts
        document = {
            "tool": {"name": "tei-encoder", "version": self.tool_version},
            "files": self.files,
            "summary": {"files": counts.files, "valid": counts.valid, "invalid": counts.invalid,
                        "unreadable": counts.unreadable, "errors": counts.errors,
                        "warnings": counts.warnings, "exit_code": summary.exit_code()},
        }
        self.stream.write(json_text(document) + "\n")
