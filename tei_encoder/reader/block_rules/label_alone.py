"""A label alone on its line with the speech on the lines under it, no blank line between turns
(interview and radio transcripts): ``INTERVIEWER`` / ``How did the talks begin?`` / ``KALNINS``
/ ``Slowly.``, also ``KALNINS (former counsellor of the Legation)``.

A unit whose later lines hold such labels is first split before each of them (the rule then
passes the first part on). Must not match: a capitals heading, letterhead or classification
(``TOP SECRET``), or a capitalised line the record does not use as a label (see
``speech_turn.alone_label``: a role word, a name printed alone more than once, or a speaker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules import speech_turn
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.units import Unit, join_lines

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    following = layout.units[i + 1].lines[0] if i + 1 < len(layout.units) else None
    starts = _label_lines(layout, unit.lines, following)
    if not starts:
        return None
    if starts[0] != 0 or len(starts) > 1:
        bounds = ([0] if starts[0] else []) + starts + [len(unit.lines)]
        layout.units[i:i + 1] = [Unit(unit.line, unit.lines[a:b]) for a, b in zip(bounds, bounds[1:])]
        if starts[0] != 0:
            return None  # the lines before the first label are read by the other rules
    unit = layout.units[i]
    following = unit.lines[1] if len(unit.lines) > 1 else following
    name = speech_turn.alone_label(layout, unit.lines[0], following)
    assert name is not None
    rest = join_lines(unit.lines[1:]) if len(unit.lines) > 1 else ""
    lead = unit.lines[0][:len(unit.lines[0]) - len(unit.lines[0].lstrip(" \u25a1"))]
    return speech_turn.turn(layout, i, (lead, unit.lines[0].strip(" \u25a1"), rest), name)


def _label_lines(layout: Layout, lines: tuple[str, ...], after_unit: str | None) -> list[int]:
    """Indexes of the unit's lines that are labels alone on their line."""
    found = []
    for k, line in enumerate(lines):
        following = lines[k + 1] if k + 1 < len(lines) else after_unit
        if speech_turn.alone_label(layout, line, following):
            found.append(k)
    return found


def opening_ends(layout: Layout, lines: list[str]) -> int:
    """How many of a document's first short lines may be its opening: none from the first label
    alone on its line (``KENNAN`` over ``I went to Moscow in 1933.`` is no letterhead)."""
    for k, line in enumerate(lines[:-1]):
        if speech_turn.alone_label(layout, line, lines[k + 1]):
            return k
    return len(lines)


RULE = BlockRule("label-alone", read)
