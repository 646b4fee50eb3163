"""``[Page 2]``, ``[p. 3]`` alone on its line: a page break, the marker declared as notation; a
typed page's number between dashes alone on its line (``-2-``, ``– 3 –``): a page break with the
number kept as printed (``fw``), as under a form feed.

Must not match: a page marker inside a sentence (the inline rule takes that one), a number with
a dash on one side only (``- 2``: a list item or a range).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import PageBreakLine

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^\[(?:Page|p\.|pg\.?)\s*(?P<n>[\dIVXLCivxlc]+)\]$", re.I)
DASHED_NUMBER = re.compile(r"^[-–—]\s*(?P<n>\d{1,4})\s*[-–—]$")


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    page = PATTERN.match(unit.text)
    if page:
        layout.add(PageBreakLine(unit.line, page.group("n"), marker=unit.text))
        return i + 1
    dashed = DASHED_NUMBER.match(unit.text)
    if dashed and layout.div.has_body:
        layout.add(PageBreakLine(unit.line, dashed.group("n"), printed=unit.text))
        return i + 1
    return None


RULE = BlockRule("page-marker", read)
