"""``[Page 2]``, ``[p. 3]`` alone on its line: a page break, the marker declared as notation.

Must not match: a page marker inside a sentence (the inline rule takes that one).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import PageBreakLine

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^\[(?:Page|p\.|pg\.?)\s*(?P<n>[\dIVXLCivxlc]+)\]$", re.I)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    page = PATTERN.match(unit.text)
    if not page:
        return None
    layout.add(PageBreakLine(unit.line, page.group("n"), marker=unit.text))
    return i + 1


RULE = BlockRule("page-marker", read)
