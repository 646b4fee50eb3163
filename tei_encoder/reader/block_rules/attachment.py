"""``Attachment No. 2``, ``Enclosure``: an enclosed text begins, nested in its document.

Only after body text in a document or attachment, and with text after it. Must not match: a
sentence that starts with the word (``Attachments were not received.``), or the enclosure line at a
letter's foot with nothing after it but source notes (``Enclosure: 1 memorandum (5 pages)``: the
closing matter's, closing_matter.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules import source_note
from tei_encoder.reader.block_rules.base import BlockRule

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^(?:Attachment|Enclosure|Annex|Appendix|Supplement|Attached)"
                     r"(?:\s+(?:No\.?\s*)?[\dIVX]+)?\s*[:.]?(?:\s+\S.{0,80})?$", re.I)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not (PATTERN.match(unit.text) and layout.div.kind in ("document", "attachment", "section", "entry") and layout.div.has_body):
        return None
    if all(source_note.matches(later.text) for later in layout.units[i + 1:]):
        return None  # nothing enclosed follows: the line notes the enclosure
    layout.new_division("attachment")
    layout.heading(unit.line, unit.text)
    return i + 1


RULE = BlockRule("attachment", read)
