"""One meeting of a record of several, as a record of negotiations in rounds prints them: ``FIRST MEETING``
alone on its line, over the meeting's date line (``12 October 1939. Kremlin, office of comrade Molotov.
From 17 h. to 18 h. 30 m.``) and its ``Present:`` list. Each meeting is a section of the record, numbered
by its ordinal (a meeting the selection leaves out, its place marked by a dotted line, leaves a gap in the
numbers, as printed), its date line the section's dateline.

Must not match: the words inside a sentence (``The first meeting was held …``), a heading after the
document's closing, a heading with no date line under it, a hearing's ``SECOND SESSION`` (of a Congress).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tei_encoder.header import dates
from tei_encoder.markers import plain
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import HeadingBlock, OpeningBlock
from tei_encoder.reader.opening import MEETING_HEADING, OpeningLine, strip_boxes

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth")
_SECTIONED = ("document", "section")


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    heading = MEETING_HEADING.match(strip_boxes(unit.text).strip()) if len(unit.lines) == 1 else None
    if (heading is None or layout.div.kind not in _SECTIONED or layout.div.closed or i + 1 >= len(layout.units)
            or len(layout.units[i + 1].lines) != 1 or not _opens_with_a_date(layout.units[i + 1].text)):
        return None  # the meetings of a record are dated each
    layout.new_division("section", str(_ORDINALS.index(heading.group("ordinal").casefold()) + 1))
    layout.add(HeadingBlock(unit.line, unit.text))
    following = layout.units[i + 1]
    layout.add(OpeningBlock(following.line, (OpeningLine("dateline", following.text, line=following.line),)))
    return i + 2


def _opens_with_a_date(text: str) -> bool:
    """``12 October 1939. Kremlin …``, ``14 October 1939. From 16 h. …``: the line begins with a whole date."""
    first = plain(text).split(". ", 1)[0].strip().rstrip(".")
    return len(first.split()) <= 4 and dates.parse_date(first) is not None


RULE = BlockRule("meeting-heading", read)
