"""A block whose last lines are items, one a line, after a line ending with a colon
(``… the following forms:`` / ``(a) …`` / ``(b) …``): the lead-in is a paragraph, the rest a list.

Must not match: item lines whose lead-in does not end with a colon, or a single item line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.block_rules.item_list import PATTERN as ITEM, item
from tei_encoder.reader.block_rules.paragraph import paragraph_number
from tei_encoder.reader.blocks import ListBlock, ParagraphBlock
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout


def items_from(lines: Sequence[str]) -> int | None:
    """Where a block's run of one-item lines begins, if its other lines lead into it."""
    if len(lines) < 2:
        return None
    start = len(lines)
    while start > 0 and ITEM.match(lines[start - 1]):
        start -= 1
    if len(lines) - start < 2 or (start and not lines[start - 1].rstrip().endswith(":")):
        return None
    return start


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    start = items_from(unit.lines)
    if start is None:
        return None
    if start:  # "… the following forms:" then one item a line
        intro = Unit(unit.line, unit.lines[:start])
        layout.add(ParagraphBlock(unit.line, intro.text, paragraph_number(intro.text)))
    layout.add(ListBlock(unit.line, tuple(item(line) for line in unit.lines[start:])))
    return i + 1


RULE = BlockRule("introduced-list", read)
