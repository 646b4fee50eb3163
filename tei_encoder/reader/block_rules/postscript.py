"""``P.S. I would ask you …`` after a letter's body or closing: the postscript, a part of the letter
of its own after the signature (``P.P.S.``, ``PS:``, ``Postscript:`` alike); the label stays as text.

Must not match: ``P.S.`` before any body text, ``PS-2 engines were delivered.`` (no label), a
postscript in the distribution matter (there the line is a paragraph like the rest).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import plain
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import PostscriptBlock

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^(?:P\.\s?(?:P\.\s?)?S\.|PS\s?[.:]|Postscript\s*[:.])\s*\S")


def starts(text: str) -> bool:
    return bool(PATTERN.match(plain(text)))


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not (layout.div.has_body and layout.div.kind in ("document", "attachment", "section", "entry") and starts(unit.text)):
        return None
    layout.add(PostscriptBlock(unit.line, unit.text))
    return i + 1


RULE = BlockRule("postscript", read)
