"""After a closing, the distribution matter: each line a paragraph; ``Copies - A, B and C``
registers its names as recipients.

Only inside a distribution division. Must not match (as a name list): a line without the
`` - `` between its head and the names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import plain
from tei_encoder.reader.block_rules.base import BlockRule

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

NAMES = re.compile(r"^[A-Z][\w ]+?\s[-–]\s(?P<names>.+)$")


def read(layout: Layout, i: int) -> int | None:
    if layout.div.kind != "distribution":
        return None
    names = NAMES.match(plain(layout.units[i].text))
    if names:
        layout.persons.recipients_in(names.group("names"))
    return layout.paragraph(i)


RULE = BlockRule("distribution", read)
