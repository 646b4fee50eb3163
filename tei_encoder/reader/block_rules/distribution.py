"""After a closing, the distribution matter: each line a paragraph; ``Copies - A, B and C``
registers its names as recipients.

Only inside a distribution division. Must not match (as a name list): a line without the
`` - `` between its head and the names; an archival reference or publication line (source_note.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import plain
from tei_encoder.reader.block_rules import source_note
from tei_encoder.reader.block_rules.base import BlockRule

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

NAMES = re.compile(r"^[A-Z][\w ]+?\s[-–]\s(?P<names>.+)$")


def read(layout: Layout, i: int) -> int | None:
    if layout.div.kind != "distribution" or source_note.matches(layout.units[i].text):
        return None  # the archival reference after the mailing lines is still the source's note
    names = NAMES.match(plain(layout.units[i].text))
    if names:
        layout.persons.recipients_in(names.group("names"))
    return layout.paragraph(i)


RULE = BlockRule("distribution", read)
