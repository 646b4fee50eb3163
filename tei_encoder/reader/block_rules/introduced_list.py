"""A block whose last lines are items, one a line (``- chrome ore …`` / ``- copper …``), perhaps
after a line ending with a colon (``… the following forms:`` / ``(a) …`` / ``(b) …``): the lead-in
is a paragraph, the rest a list; a lower-case line after an item continues it.

Must not match: item lines whose lead-in does not end with a colon, or a single item line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.block_rules.item_list import is_item, is_list, item
from tei_encoder.reader.block_rules.paragraph import paragraph_number
from tei_encoder.reader.blocks import Item, ListBlock, ParagraphBlock
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout


def items_from(lines: Sequence[str]) -> int | None:
    """Where a block's run of item lines begins, if its other lines lead into it (a line starting
    in lower case after an item continues it)."""
    if len(lines) < 2:
        return None
    start = len(lines)
    while start > 0 and (is_item(lines[start - 1]) or (_continues(lines[start - 1]) and any(
            is_item(line) for line in lines[:start - 1]))):
        start -= 1
    items = sum(is_item(line) for line in lines[start:])
    if items < 2 or not is_item(lines[start]) or (start and not lines[start - 1].rstrip().endswith(":")):
        return None
    return start


def _continues(line: str) -> bool:
    return line[:1].islower()


def entry_items(lines: Sequence[str]) -> tuple[Item, ...]:
    """One item per item line, its continuation lines joined to it with a space."""
    out: list[Item] = []
    for line in lines:
        if out and not is_item(line):
            out[-1] = Item(out[-1].label, out[-1].text + " " + line)
        else:
            out.append(item(line))
    return tuple(out)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    start = items_from(unit.lines)
    if start is None or not is_list(list(entry_items(unit.lines[start:])), introduced=bool(start)):
        return None
    intro = Unit(unit.line, unit.lines[:start]) if start else None
    if intro is not None and _LABEL_HEAD.match(intro.text):  # "Agenda:": the list's own head
        layout.add(ListBlock(unit.line, entry_items(unit.lines[start:]), head=intro.text))
        return i + 1
    if intro is not None:  # "… the following forms:" then one item a line
        layout.add(ParagraphBlock(unit.line, intro.text, paragraph_number(intro.text)))
    layout.add(ListBlock(unit.line, entry_items(unit.lines[start:])))
    return i + 1


_LABEL_HEAD = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+)?:$")  # "Agenda:", "Agenda items:"; not "The following forms:"


RULE = BlockRule("introduced-list", read)
