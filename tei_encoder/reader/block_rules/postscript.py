"""``P.S. I would ask you …`` after a letter's body or closing: the postscript, a part of the letter
of its own after the signature (``P.P.S.``, ``PS:``, ``Postscript:`` alike); the label stays as text.

Must not match: ``P.S.`` before any body text, ``PS-2 engines were delivered.`` (no label), a
postscript in the distribution matter (there the line is a paragraph like the rest).

The writer signs the postscript again right under it, often with initials only (``A. L.``): that line is
the postscript's closer, not the start of a distribution list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.letters import UPPER
from tei_encoder.markers import plain
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock, PostscriptBlock

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^(?:P\.\s?(?:P\.\s?)?S\.|PS\s?[.:]|Postscript\s*[:.])\s*\S")


def starts(text: str) -> bool:
    return bool(PATTERN.match(plain(text)))


# What signs a postscript on the line under it: initials (``A. L.``, ``I.M.``), or initials and a surname.
_SIGNATURE = re.compile(rf"^(?:[{UPPER}][a-z]?\.\s?){{1,3}}(?:[{UPPER}][\w'’-]+\.?)?$")


def signs_postscript(layout: Layout, i: int) -> bool:
    """Unit i is one short line of initials (or initials and a surname) right after a postscript."""
    unit = layout.units[i]
    blocks = layout.div.blocks
    return (bool(blocks) and isinstance(blocks[-1], PostscriptBlock) and len(unit.lines) == 1
            and _SIGNATURE.match(plain(unit.text).strip()) is not None)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if signs_postscript(layout, i):
        layout.add(ClosingBlock(unit.line, unit.text))
        return i + 1
    if not (layout.div.has_body and layout.div.kind in ("document", "attachment", "section", "entry") and starts(unit.text)):
        return None
    layout.add(PostscriptBlock(unit.line, unit.text))
    return i + 1


RULE = BlockRule("postscript", read)
