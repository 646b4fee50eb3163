"""Markdown marks around the body's structure, as a Word document exported to markdown prints it:
``# Record of Conversation …`` (a heading), ``**Stalin:** You are …`` and ``**Present:** Molotov, …``
(a speaker's or a list's label in bold), ``*10 February 1948, Kremlin, 9 p.m.*`` (a dateline in
italics). The marks are removed, and counted for the header's statement, so that the block rules see
the heading, the label and the date; the structure they marked is encoded instead.

Emphasis anywhere else stays the inline rule's (``inline/emphasis.py``: highlighting). Must not take:
``#8123`` (a number), ``**` in a word, a bold phrase that is no label (``**not**``), an italic line
without a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tei_encoder.header import dates
from tei_encoder.reader.units import Unit

COUNT_KEY = "markdown-structure"

_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)")
# "**Stalin:**", "**Stalin**:", "__Present:__", "*Q:*": a label of at most six words, then the text.
_LABEL = re.compile(r"^(?P<mark>\*\*|__|\*|_)(?P<label>[^\s*_:][^*_:\n]{0,59}?)(?P<inside>:?)(?P=mark)"
                    r"(?P<outside>:?)(?=\s|$)")
# A short line in emphasis as a whole: "*10 February 1948, Kremlin, 9 p.m.*".
_WHOLE = re.compile(r"^(?P<mark>\*\*|__|\*|_)(?P<text>[^\s*_][^*_\n]{0,118}[^\s*_])(?P=mark)$")
_LABEL_WORDS = 6


def unmark(units: Sequence[Unit], counts: dict[str, int]) -> list[Unit]:
    """The units with the marks of a heading, a label or a dated line taken off."""
    out = []
    for unit in units:
        first = unit.lines[0]
        if first[:1] not in "#*_":  # most units: no mark at their start
            out.append(unit)
            continue
        unmarked = _unmarked(first, len(unit.lines) == 1)
        if unmarked is None:
            out.append(unit)
            continue
        counts[COUNT_KEY] = counts.get(COUNT_KEY, 0) + 1
        out.append(Unit(unit.line, (unmarked, *unit.lines[1:])))
    return out


def _unmarked(line: str, alone: bool) -> str | None:
    heading = _HEADING.match(line)
    if heading:
        return line[heading.end():]
    label = _LABEL.match(line)
    if label and (label.group("inside") or label.group("outside")) and \
            len(label.group("label").split()) <= _LABEL_WORDS:
        return label.group("label") + ":" + line[label.end():]
    whole = _WHOLE.match(line) if alone else None
    if whole and dates.find_dates(whole.group("text")):
        return whole.group("text")
    return None
