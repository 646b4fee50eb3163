"""JSON: one object with every file, its diagnostics (all fields, nulls kept) and the counts.

    {"tool": {"name": "tei-encoder", "version": "0.1.0"}, "files": [{"file": …, "valid": …,
     "diagnostics": [{"file", "line", "column", "severity", "rule", "message", "xpath", "source"}]}],
     "summary": {"files", "valid", "invalid", "unreadable", "errors", "warnings", "exit_code"}}
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from tei_encoder.diagnostics import Diagnostic, Summary
from tei_encoder.report import Reporter, escaped
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
        tool = {"name": "tei-encoder", "version": self.tool_version}
        totals = {"files": counts.files, "valid": counts.valid, "invalid": counts.invalid,
                  "unreadable": counts.unreadable, "errors": counts.errors, "warnings": counts.warnings,
                  "exit_code": summary.exit_code()}
        self.stream.write(escaped(_document_text(tool, self.files, totals)) + "\n")


def _document_text(tool: dict[str, Any], files: list[dict[str, Any]], totals: dict[str, Any]) -> str:
    """``json.dumps({"tool": tool, "files": files, "summary": totals}, ensure_ascii=False, indent=1)``, the
    usual file's entry (no diagnostics) written from a template around its name's JSON string.

    With an indent, json encodes in Python, value by value: 26 ms for a 5,000-file report, nearly all of it
    the entries of valid files. A nested value's lines are its own dumps indented by its depth (a JSON
    string holds no raw line break), so the pieces join into the same text.
    """
    if not files:
        listed = "[]"
    else:
        listed = "[\n" + ",\n".join("  " + _entry_text(entry) for entry in files) + "\n ]"
    return ('{\n "tool": ' + _nested(tool, 1) + ',\n "files": ' + listed + ',\n "summary": ' + _nested(totals, 1)
            + "\n}")


def _entry_text(entry: dict[str, Any]) -> str:
    """One file's object, at the depth of the files' list."""
    if entry["diagnostics"] or list(entry) != _ENTRY_KEYS:
        return _nested(entry, 2)
    return ('{\n   "file": ' + _string(entry["file"]) + ',\n   "valid": ' + ("true" if entry["valid"] else "false")
            + ',\n   "diagnostics": []\n  }')


_ENTRY_KEYS = ["file", "valid", "diagnostics"]
# json.dumps makes an encoder for each call that names an option (2 us); these are made once.
_string = json.JSONEncoder(ensure_ascii=False).encode
_indented = json.JSONEncoder(ensure_ascii=False, indent=1).encode


def _nested(value: object, depth: int) -> str:
    """``value``'s JSON as it stands ``depth`` levels deep in a document dumped with indent=1."""
    return _indented(value).replace("\n", "\n" + " " * depth)
