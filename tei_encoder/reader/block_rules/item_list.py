"""A run of two or more one-line items, ``(a) …`` / ``(ii) …`` / ``b) …`` / ``- …`` / ``– …``,
or short numbered lines none of which but the last ends a sentence (``1. chrome ore;``): a list.

Must not match: a single item line (a paragraph that opens with ``(a)``), an item line
wrapped over several lines, numbered paragraphs (``1. The Turkish side raised …. The …``), or a
page number under a form feed (``- 2 -``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.block_rules.page_break import PAGE_NUMBER_LINE
from tei_encoder.reader.blocks import Item, ListBlock
from tei_encoder.reader.opening import strip_boxes

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^(?P<label>\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|[a-z]\)|\d{1,2}\)|[-–•])\s+(?P<text>\S.*)$")
# "1. chrome ore": a numbered line is an item only when short and without a sentence inside.
NUMBERED = re.compile(r"^(?P<label>\d{1,2}\./?)\s+(?P<text>\S.*)$")  # "1./": Hungarian and Czech numbering
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")


def _match(text: str) -> re.Match[str] | None:
    bare = strip_boxes(text)
    if PAGE_NUMBER_LINE.match(bare):
        return None
    labelled = PATTERN.match(bare)
    if labelled:
        return labelled
    numbered = NUMBERED.match(bare)
    short = (numbered and len(bare.split()) <= 12 and not _SENTENCE_INSIDE.search(numbered.group("text"))
             and not bare.endswith(":"))  # "2. The delegation proposed:" leads into a list
    return numbered if short else None


def style(label: str | None) -> str:
    """The kind of label: items of one list share it (``a)``/``b)``, ``1.``/``2.``, ``-``)."""
    if label is None:
        return ""
    return re.sub(r"[a-z]", "a", re.sub(r"\d+", "1", re.sub(r"\(?[ivx]{2,4}\)", "(i)", label)))


def is_item(text: str) -> bool:
    return _match(text) is not None


def item(text: str) -> Item:
    match = _match(text)
    return Item(match.group("label"), match.group("text")) if match else Item(None, text)


def is_list(items: list[Item], introduced: bool = False) -> bool:
    """Two or more items; numbered ones only when no item but the last ends a sentence (``1. The
    commission could not accept the draft.`` / ``2. …`` are numbered paragraphs), unless a line
    ending with a colon introduces them in their block (``Agenda:`` / ``1. The situation in
    Hungary.`` / ``2. …``: short lines, each one item)."""
    if len(items) < 2:
        return False
    numbered = style(items[0].label) == "1."
    return introduced or not (numbered and any(item.text.rstrip().endswith((".", "!", "?")) for item in items[:-1]))


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    run = _run(layout, i)
    if not (is_list(run) and len(unit.lines) == 1):
        return None
    layout.add(ListBlock(unit.line, tuple(run)))
    return i + len(run)


def _run(layout: Layout, i: int) -> list[Item]:
    """The items from unit ``i`` on, one a unit, while they share one label style."""
    items: list[Item] = []
    while i + len(items) < len(layout.units):
        text = layout.units[i + len(items)].text
        if not is_item(text) or (items and style(item(text).label) != style(items[0].label)):
            break
        if items and not next_in_order(items[-1].label, item(text).label):
            break  # "3. Miscellaneous" / "1. REPORT ON THE TALKS …": the numbers start again, a new part begins
        items.append(item(text))
    return items


_COUNTER = re.compile(r"\d+|[a-z]")


def next_in_order(previous: str | None, label: str | None) -> bool:
    """Whether ``label`` can follow ``previous`` in one list: a number or single letter one higher (``2.``
    after ``1.``, ``b)`` after ``a)``); a dash, a roman numeral or a repeated number make no order to check."""
    before = _COUNTER.search(previous or "")
    after = _COUNTER.search(label or "")
    if before is None or after is None or (previous or "").strip("().") in _ROMAN:
        return True
    if before.group().isdigit() and after.group().isdigit():
        return int(after.group()) > int(before.group())
    if before.group().isalpha() and after.group().isalpha():
        return after.group() > before.group()
    return True


_ROMAN = frozenset("i ii iii iv v vi vii viii ix x".split())


RULE = BlockRule("item-list", read)
