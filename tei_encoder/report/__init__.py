"""Reporters: format validation results for people (text) and for machines (json, junit, github, sarif).

A reporter only formats: it receives FileResults as they stream in and the
batch Summary at the end. Adding a format is one module here plus one entry
in REPORTERS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TextIO

from tei_encoder.diagnostics import Diagnostic, Severity, Summary
from tei_encoder.validate.batch import FileResult


@dataclass(slots=True)
class Counts:
    files: int = 0
    valid: int = 0
    invalid: int = 0
    unreadable: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.unusable:
            self.unreadable += 1
        elif result.valid:
            self.valid += 1
        else:
            self.invalid += 1
        for diagnostic in result.diagnostics:
            if diagnostic.severity is Severity.ERROR:
                self.errors += 1
            elif diagnostic.severity is Severity.WARNING:
                self.warnings += 1
            else:
                self.infos += 1

    def line(self) -> str:
        return (f"{self.files} file(s) checked: {self.valid} valid, {self.invalid} invalid, "
                f"{self.unreadable} unreadable; {self.errors} error(s), {self.warnings} warning(s)")


class Reporter:
    """Base: counts what passes through; subclasses override ``file`` and ``finish``."""

    def __init__(self, stream: TextIO, *, tool_version: str = "") -> None:
        self.stream = stream
        self.tool_version = tool_version
        self.counts = Counts()

    def file(self, result: FileResult) -> None:
        self.counts.add(result)

    def finish(self, summary: Summary) -> None:
        pass


def json_text(document: object) -> str:
    """JSON for the machine formats: readable UTF-8, but no raw control or bidi-override character.

    json escapes C0 controls itself; DEL, C1 controls, U+2028/2029 and the bidi
    overrides (which a terminal or a log viewer may obey) are escaped here. They
    can only occur inside JSON strings, so the \\uXXXX escape keeps the value.
    """
    import json

    return escaped(json.dumps(document, ensure_ascii=False, indent=1))


def escaped(text: str) -> str:
    """JSON text with json_text's escapes of DEL, C1 controls, line separators and bidi overrides."""
    # translate() looks every character up (40 ms for a 5,000-file report); a search finds none first.
    return text.translate(_JSON_ESCAPES) if _ESCAPED.search(text) else text


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), 0x2028, 0x2029,
                                                       *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_ESCAPED = re.compile("[" + "".join(re.escape(chr(code)) for code in _JSON_ESCAPES) + "]")


def sarif_level(diagnostic: Diagnostic) -> str:
    return {"error": "error", "warning": "warning"}.get(diagnostic.severity.value, "note")


from tei_encoder.report import github, json, junit, sarif, text  # noqa: E402  (modules need Reporter)

REPORTERS: dict[str, type[Reporter]] = {
    text.NAME: text.TextReporter,
    json.NAME: json.JsonReporter,
    junit.NAME: junit.JUnitReporter,
    github.NAME: github.GitHubReporter,
    sarif.NAME: sarif.SarifReporter,
}

__all__ = ["REPORTERS", "Counts", "Reporter", "escaped", "json_text"]
