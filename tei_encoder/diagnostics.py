"""Diagnostics as data: every warning or error the tool reports is a Diagnostic.

Reporters (text, JSON, JUnit, GitHub, SARIF) only format these; nothing else
prints them. A Summary owns the exit code of a batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

# Characters that must never reach a terminal or a CI log raw: C0 controls (escape sequences, and newlines
# that would forge a second line), DEL, C1 controls, line and paragraph separators, and the bidirectional
# overrides that make text read differently from what it is.
_UNPRINTABLE = [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F),
                *range(0x2066, 0x206A)]
_SHORT = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
_ESCAPES = {code: _SHORT.get(code, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
            for code in _UNPRINTABLE}


def printable(text: str) -> str:
    """``text`` with control and bidirectional-override characters written as escapes (``\\x1b``, ``\\n``).

    The one function every report format and every command's error line uses for
    file names and messages: a file named ``a\\x1b[31m.xml`` or holding a newline is
    shown, never obeyed by the terminal, and a line is always one line.
    """
    return text.translate(_ESCAPES)


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
        """``path:line:col: severity [rule] message`` — the text reporter's format, always one printable line."""
        return printable(f"{self.location()}: {self.severity.value} [{self.rule}] {self.message}")


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
