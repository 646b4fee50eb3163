"""A form feed: a page break, with the page number printed on the line under it (``- 2 -``).

Must not match: a line that is not a form feed (``- 2 -`` alone is page_marker.py's).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import FORM_FEED
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import PageBreakLine

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

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
    if 1 < len(head) <= 3 and PAGE_NUMBER_LINE.match(head[-1]) and all(map(_running_head, head[:-1])):
        # "TOP SECRET" over "- 2 -": the typed page's running head and number, kept as printed
        layout.add(PageBreakLine(line, re.sub(r"\D", "", head[-1]), " ".join(head)))
        return i + 2
    layout.add(PageBreakLine(line))
    return i + 1


def _running_head(text: str) -> bool:
    """A typed page's running head over its number: a short line in capitals (``TOP SECRET``)."""
    return len(text.split()) <= 6 and text.isupper()


RULE = BlockRule("page-break", read)
