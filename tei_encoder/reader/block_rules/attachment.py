"""``Attachment No. 2``, ``Enclosure``: an enclosed text begins, nested in its document.

Only after body text in a document or attachment, and with text after it. Must not match: a
sentence that starts with the word (``Attachments were not received.``), or the enclosure line at a
letter's foot with nothing after it but source notes (``Enclosure: 1 memorandum (5 pages)``: the
closing matter's, closing_matter.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import plain
from tei_encoder.reader.block_rules import caps_heading, closing_matter, source_note
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
    if _notes_the_enclosure(layout, i):
        return None
    layout.new_division("attachment")
    layout.heading(unit.line, unit.text, names_record=False)  # "Enclosure" is no title of the record
    return layout.enclosed_title(i + 1)


# The enclosure described after a colon ("Enclosure: on 9 pages, secret.", "Enclosure: Draft resolution …"):
# a line that says what is enclosed. The enclosed text's own head has no colon ("Enclosure", "Attachment No. 2").
_DESCRIBED = re.compile(r"^\w+(?:\s+(?:No\.?\s*)?[\dIVX]+)?\s*:\s*\S")


def _notes_the_enclosure(layout: Layout, i: int) -> bool:
    """``Enclosure: on 9 pages, secret.`` over the signature, ``Enclosure: Draft resolution …`` over the
    distribution list: the cover's line that names its enclosure, no enclosed text. Before, it headed an
    attachment of the signature or the copies list, and as the record's first heading became its title."""
    if i + 1 >= len(layout.units) or not _DESCRIBED.match(layout.units[i].text) or heads_enclosed_text(layout, i):
        return False
    following = layout.units[i + 1].text
    return bool(closing_matter.DISTRIBUTION_HEAD.match(plain(following).strip())
                or closing_matter.kind_of(following, last=True) == "signed")


def heads_enclosed_text(layout: Layout, i: int) -> bool:
    """``Enclosure: 1 (memorandum, 3 pages)`` over ``MEMORANDUM`` / ``on the deliveries …``: the line names the
    enclosure, and the enclosed text follows under its own heading in capitals that names a kind of document,
    as a letter exported from Word prints its enclosure. Before, the heading read as a signature in capitals
    (``MEMORANDUM`` as a surname), the enclosure line as the cover's closing line, and the closing ran on into
    the enclosure and failed: the signer's name under ``[signature]`` fell into a distribution division."""
    if i + 1 >= len(layout.units):
        return False
    head = plain(layout.units[i + 1].lines[0]).strip()
    return (len(head.split()) <= 8 and head.upper() == head and caps_heading.DOCUMENT_TITLE.search(head) is not None
            and i + 2 < len(layout.units))  # body text under the heading


RULE = BlockRule("attachment", read)
