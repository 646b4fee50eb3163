"""Labelled fields under a document's participants list (``PARTICIPANTS:`` … / ``DATE AND TIME:
February 22, 1971, 7:30 p.m.`` / ``PLACE: …``): still the document's opening, as a memorandum of
conversation prints its header, while no paragraph or turn has come. The opening goes above the
list: TEI puts a division's opener before its content, and both are the document's header matter.

Must not match: a field after body text, an unlabelled line (a date alone under a list may be a
paragraph's), or a unit with any line the opening does not read as a field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.block_rules.participants import LABELLED_LINE
from tei_encoder.reader.blocks import ListBlock, ParagraphBlock, TurnBlock

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    blocks = layout.div.blocks
    if not (blocks and isinstance(blocks[-1], ListBlock) and blocks[-1].kind == "participants"):
        return None
    if any(isinstance(block, (ParagraphBlock, TurnBlock)) for block in blocks):
        return None
    if not all(LABELLED_LINE.match(line) for line in unit.lines):
        return None
    opening, taken, _ = layout.opening_at(i)
    if not taken or any(item.kind is None for item in opening):
        return None
    listed = len(blocks) - 1
    after = layout.take_opening(i)
    blocks.insert(listed, blocks.pop())  # the opener above the participants list
    layout.openers_moved += 1  # said in the header's editorial statements
    return after


RULE = BlockRule("late-fields", read)
