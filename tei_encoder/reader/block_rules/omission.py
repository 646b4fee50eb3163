"""A line that is only an omission mark of the source: ``. . . . .``, ``…``, ``[...]``, ``<...>``,
``[Here follows a summary of the message.]``.

Must not match: dots inside a sentence (``relations ... went on``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.inline.omissions import MARKED
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import OmissionLine

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(rf"^(?:(?:\.\s*){{3,}}|…+|{MARKED})$")


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not PATTERN.match(unit.text):
        return None
    layout.add(OmissionLine(unit.line, unit.text))
    return i + 1


RULE = BlockRule("omission", read)
