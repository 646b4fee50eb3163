"""Diagnostics as data: every warning or error the tool reports is a Diagnostic.

Reporters (text, JSON, JUnit, GitHub, SARIF) only format these; nothing else
prints them. A Summary owns the exit code of a batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    file: str
    message: str
    rule: str
    severity: Severity = Severity.ERROR
    line: int | None = None
    column: int | None = None
    xpath: str | None = None
    source: str | None = None  # what produced it: a schema file name, or the parser

    def location(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def one_line(self) -> str:
        """``path:line:col: severity [rule] message`` — the text reporter's format."""
        return f"{self.location()}: {self.severity.value} [{self.rule}] {self.message}"


@dataclass(slots=True)
class Summary:
    """Counts a batch's outcomes and decides its exit status (0 ok, 1 failures, 2 unusable input)."""

    done: int = 0
    failed: int = 0
    unusable: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def exit_code(self) -> int:
        if self.unusable:
            return 2
        return 1 if self.failed else 0
