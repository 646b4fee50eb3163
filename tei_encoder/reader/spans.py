"""The source lines of each unit of the body, for the proof page's reading beside its source.

Every block the build stage makes has its first line and an id (``build.py``). A unit goes on to
the line before the next unit's first line, but ends at its last line that still holds body text
once the note bodies are out (``notes.py``): the blank lines after it, a separator and the endnote
bodies are not part of the paragraph before them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from tei_encoder import model as m
from tei_encoder.trace import Span


def unit_spans(divisions: Sequence[m.Division], blocks: Sequence[tuple[int, str]]) -> tuple[Span, ...]:
    """``blocks``: (first line, text) of the body's blocks once the note bodies were taken out."""
    text_lines = sorted({first + k for first, text in blocks for k in range(text.count("\n") + 1)})
    starts = sorted(set(first for _, first in _units(divisions) if first > 0))
    spans = []
    for ident, first in _units(divisions):
        if first <= 0:
            continue
        following = bisect_right(starts, first)  # bisect: a record may have 20,000 paragraphs
        end = starts[following] - 1 if following < len(starts) else (text_lines[-1] if text_lines else first)
        at_end = bisect_right(text_lines, end) - 1  # the last line of text up to the next unit
        last = text_lines[at_end] if at_end >= 0 and text_lines[at_end] >= first else first
        spans.append(Span(ident, first, last))
    return tuple(spans)


def _units(divisions: Sequence[m.Division]) -> Iterator[tuple[str, int]]:
    for division in divisions:
        for block in division.blocks:
            if isinstance(block, m.Division):
                yield from _units((block,))
            elif block.ident:
                yield block.ident, block.line
