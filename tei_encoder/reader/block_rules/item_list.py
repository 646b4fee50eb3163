"""A run of two or more one-line items, ``(a) …`` / ``(ii) …`` / ``b) …``: a list.

Must not match: a single item line (a paragraph that opens with ``(a)``), or an item line
wrapped over several lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import Item, ListBlock
from tei_encoder.reader.opening import strip_boxes

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^(?P<label>\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|[a-z]\))\s+(?P<text>\S.*)$")


def is_item(text: str) -> bool:
    return bool(PATTERN.match(strip_boxes(text)))


def item(text: str) -> Item:
    match = PATTERN.match(strip_boxes(text))
    return Item(match.group("label"), match.group("text")) if match else Item(None, text)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not (is_item(unit.text) and _run(layout, i) >= 2 and len(unit.lines) == 1):
        return None
    items = []
    while i < len(layout.units) and is_item(layout.units[i].text):
        items.append(item(layout.units[i].text))
        i += 1
    layout.add(ListBlock(unit.line, tuple(items)))
    return i


def _run(layout: Layout, i: int) -> int:
    n = 0
    while i + n < len(layout.units) and is_item(layout.units[i + n].text):
        n += 1
    return n


RULE = BlockRule("item-list", read)
