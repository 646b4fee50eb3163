"""A heading in capitals (``RECORD OF CONVERSATION WITH …``): a new document when the current one
has body text (then its opening follows), else this document's heading.

In a distribution matter or attachment with text it is only a paragraph. Must not match:
a sentence in capitals ending with a full stop, a bracketed transcriber's note
(``[END OF TAPE 1, SIDE A]``), a speaker label, an archival reference, ``TO …``/``FROM …``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import source_note
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ParagraphBlock

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]")
_LOWER = re.compile(r"[a-zß-öø-ÿā-ž]")


def matches(text: str) -> bool:
    if len(text) > 300 or text.endswith((".", ",", ":")) or text.startswith("["):
        return False  # "[END OF TAPE 1, SIDE A]" is a transcriber's note, not a title
    upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    words = text.split()
    return (3 <= len(words) <= 30 and upper + lower >= 10 and upper >= 0.85 * (upper + lower)
            and speech.match_label(text) is None and not source_note.matches(text)
            and not text.upper().startswith(("TO ", "FROM ")))


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not matches(unit.text):
        return None
    if layout.div.has_body and layout.div.kind in ("document", "attachment", "section"):
        layout.new_division("document")
    elif layout.div.has_body:
        layout.add(ParagraphBlock(unit.line, unit.text))
        return i + 1
    layout.heading(unit.line, unit.text)
    return layout.take_opening(i + 1)


RULE = BlockRule("caps-heading", read)
