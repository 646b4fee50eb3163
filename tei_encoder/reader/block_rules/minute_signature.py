"""A minute's signature and date inside a file of minutes (``C. F. A. Warner`` / ``14th March, 1946.``, then
the next official's minute): the closing of one document, and a new document for the minute under it.
British Foreign Office files print their minutes so, each official signing and dating his own.

Only a block of exactly two lines, a signer (initials and a surname, or a full name before a middle
initial) over a date (``14th March, 1946.``, or the day and month alone as officials wrote them, ``15/3.``),
with body text before it in its document and body text after it. Must not match: a signature at the end
(closing_matter.py takes it with what follows), a name and date inside a paragraph, a signature over
anything but a date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.letters import UPPER
from tei_encoder.markers import plain
from tei_encoder.reader.block_rules import closing_matter, source_note
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock
from tei_encoder.reader.opening import is_dateline
from tei_encoder.reader.persons import GIVEN_BEFORE_INITIAL

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

_SIGNER = re.compile(rf"^(?:{GIVEN_BEFORE_INITIAL})?(?:[{UPPER}][a-z]?\.\s?){{1,3}}[{UPPER}][\w'’-]+$")
# The day and month an official wrote under his minute, without the year: "15/3.", "15.3", "15/iii".
_DAY_AND_MONTH = re.compile(r"^(?:[12]\d|3[01]|0?[1-9])[./](?:1[0-2]|0?[1-9]|[ivx]{1,4})\.?$", re.I)


def _dated(line: str) -> bool:
    bare = plain(line).strip()
    return len(bare.split()) <= 6 and bool(_DAY_AND_MONTH.match(bare) or is_dateline(bare))


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if len(unit.lines) != 2 or layout.div.closed or not layout.div.has_body or i + 1 >= len(layout.units):
        return None
    signer, date = (plain(line).strip() for line in unit.lines)
    if not (_SIGNER.match(signer) and _dated(date)):
        return None
    later = layout.units[i + 1]
    if source_note.matches(later.text) or closing_matter.ends_document(layout, i + 1):
        return None  # what follows closes the record: closing_matter.py reads the two lines with it
    layout.persons.sender(signer)
    layout.add(ClosingBlock(unit.line, "", more=(("signed", unit.lines[0]), ("dateline", unit.lines[1]))))
    layout.new_division("document")
    return i + 1


RULE = BlockRule("minute-signature", read)
