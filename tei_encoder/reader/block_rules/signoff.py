"""A name (perhaps after its holder's office) on the last lines, before nothing but source
notes: the sender's signature (``Ambassador I. Maisky``).

Only after body text. Must not match: a name followed by more body text, or a line of more
than twelve words, a distribution list (``cc: Mr. Kennan / … Mr. Thompson``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.letters import UPPER
from tei_encoder.markers import plain
from tei_encoder.reader.block_rules import closing_matter, source_note, valediction
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.persons import GIVEN_BEFORE_INITIAL
from tei_encoder.reader.blocks import ClosingBlock

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(rf"(?:^{GIVEN_BEFORE_INITIAL}|^|\s)(?:[{UPPER}][a-z]?\.\s*){{1,3}}[{UPPER}][a-z'’-]+\.?$")
_DISTRIBUTION = re.compile(r"^(?:cc|bcc|copy to|copies to|copies|distribution|sent to)\s*[:.-]", re.I)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if len(unit.text.split()) > 12:  # tested first: the search below is costly on a long paragraph
        return None
    signed = PATTERN.search(plain(unit.text))
    if signed is None or not layout.div.has_body or _DISTRIBUTION.match(unit.text):
        return None  # "cc: Mr. Kennan …" is a distribution list, not a signature
    if len(unit.lines) > 1 and valediction.closes_letter(plain(unit.lines[0]).strip()):
        return None  # "With comradely greetings," / "A. Terentyev": the closing matter's, a line each
    if not all(source_note.matches(later.text) for later in layout.units[i + 1:]):
        return None
    if len(closing_matter.columns(unit.text) or ()) > 1:
        return None  # "V. Molotov A. Eden": two signatures in columns are the closing matter's
    layout.add(ClosingBlock(unit.line, unit.text))
    layout.persons.sender(signed.group().strip().rstrip("."))
    return i + 1


RULE = BlockRule("signoff", read)
