"""After a closing, the distribution matter: each line a paragraph; ``Copies - A, B and C``
registers its names as recipients.

Only inside a distribution division. Must not match (as a name list): a line without the
`` - `` between its head and the names; an archival reference or publication line (source_note.py);
the place and date written at the foot (``Ankara, 5 May 1940``: closing_matter.py's dateline).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import plain
from tei_encoder.reader.block_rules import copies, source_note
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.opening import is_dateline

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

NAMES = re.compile(r"^[A-Z][\w ]+?\s[-–]\s(?P<names>.+)$")


def read(layout: Layout, i: int) -> int | None:
    text = layout.units[i].text
    if layout.div.kind != "distribution" or source_note.matches(text):
        return None  # the archival reference after the mailing lines is still the source's note
    if len(layout.units[i].lines) == 1 and len(text.split()) <= 8 and is_dateline(plain(text).strip()):
        return None
    names = NAMES.match(plain(text))
    entry = copies.addressed_entry(names.group("names")) if names else None
    if entry:  # (a copy sent to a body names no person)
        layout.persons.recipients_in(entry)
    return layout.paragraph(i)


RULE = BlockRule("distribution", read)
