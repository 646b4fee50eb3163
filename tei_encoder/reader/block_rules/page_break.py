"""A form feed: a page break, with the page number printed on the line under it (``- 2 -``).

Must not match: a line that is not a form feed (``- 2 -`` alone is page_marker.py's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tei_encoder.markers import FORM_FEED
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import PageBreakLine

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout
    from tei_encoder.reader.units import Unit

PAGE_NUMBER_LINE = re.compile(r"^[-–—]?\s*\d{1,4}\s*[-–—]?$")


def read(layout: Layout, i: int) -> int | None:
    if layout.units[i].text != FORM_FEED:
        return None
    line = layout.units[i].line
    following = layout.units[i + 1].text if i + 1 < len(layout.units) else ""
    if PAGE_NUMBER_LINE.match(following):
        layout.add(PageBreakLine(line, re.sub(r"\D", "", following), following))
        return i + 2
    head = layout.units[i + 1].lines if i + 1 < len(layout.units) else ()
    number = page_head_number(head)
    if number is not None:
        layout.add(PageBreakLine(line, number, " ".join(head)))
        return i + 2
    if repeated_head(layout.units, i + 1):
        layout.add(PageBreakLine(line, None, layout.units[i + 1].text))
        return i + 2
    layout.add(PageBreakLine(line))
    return i + 1


def repeated_head(units: Sequence[Unit], j: int) -> bool:
    """Unit j, under a form feed, is the running head a PDF prints atop every page (``CWIHP working
    translation   Shcherbakov – Lê Duẩn, 14.II.1967``): one short line printed the same under another form
    feed or as the record's first line, no sentence. Read as text, it ran into the paragraph the page turned in."""
    if not 0 < j < len(units) or len(units[j].lines) != 1 or len(units[j].text.split()) > 16 \
            or units[j].text == FORM_FEED:  # a second form feed is a page of its own, not a head
        return False
    if units[j].text.rstrip().endswith((".", "!", "?")):  # a paragraph printed twice is no page furniture
        return False
    text = units[j].text
    return units[0].text == text or any(units[k - 1].text == FORM_FEED and units[k].text == text
                                        for k in range(1, len(units)) if k != j)


def page_head_number(lines: Sequence[str]) -> str | None:
    """The page number of a page's head under a form feed, kept as printed with it: "TOP SECRET" over
    "- 2 -" (a typed page's running head and number), or "– 412 –" over "SOVIET-YUGOSLAV RELATIONS. 1941"
    (a printed volume's number over its running head: a section heading before, which cut the sentence
    the page turned in into two)."""
    if not 1 < len(lines) <= 3:
        return None
    if PAGE_NUMBER_LINE.match(lines[-1]) and all(map(_running_head, lines[:-1])):
        return re.sub(r"\D", "", lines[-1])
    if PAGE_NUMBER_LINE.match(lines[0]) and all(map(_running_head, lines[1:])):
        return re.sub(r"\D", "", lines[0])
    return None


def _running_head(text: str) -> bool:
    """A typed page's running head over its number: a short line in capitals (``TOP SECRET``)."""
    return len(text.split()) <= 6 and text.isupper()


RULE = BlockRule("page-break", read)
