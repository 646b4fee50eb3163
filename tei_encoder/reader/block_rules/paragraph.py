"""Any other unit: a paragraph (numbered when it opens ``3.``), joined with the units after it
while a page split it mid-sentence. Takes every unit, so it comes last. (``3.`` is a number
only before a space and text: not ``3.5 million``.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

NUMBERED = re.compile(r"^(?P<lead>[\u25a1 ]*)(?P<n>\d{1,3})\.\s+\S")


def paragraph_number(text: str) -> str | None:
    """``3`` for a paragraph that opens ``3.`` (perhaps after OCR boxes)."""
    numbered = NUMBERED.match(text)
    return numbered.group("n") if numbered else None


def read(layout: Layout, i: int) -> int | None:
    return layout.paragraph(i)


RULE = BlockRule("paragraph", read)
