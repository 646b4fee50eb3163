"""``Translated by X``: X is credited as the translator. The rule takes no unit: the line is
still read by the rules after it (usually as a paragraph).

Must not match: ``He translated by hand.`` (not at the start), ``Translated into Russian.``
(no ``by``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder import model as m
from tei_encoder.markers import plain
from tei_encoder.reader.block_rules.base import BlockRule

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^Translated(?: from [A-Z]\w+)?(?: into [A-Z]\w+)? by\s+(?P<name>[^.,;]+)")


def read(layout: Layout, i: int) -> int | None:
    translated = PATTERN.match(layout.units[i].text)
    if translated:
        name = plain(translated.group("name")).strip()
        person = layout.persons.translator(name)
        if person:
            layout.findings.credits.append(m.Credit("translation", person, name))
    return None


def credit_in_opening(layout: Layout, text: str) -> None:
    """``Translated from Czech by …`` read into a document's opening (over its letterhead and dateline):
    the translator is credited as the rule credits one on a line of the body."""
    translated = PATTERN.match(text)
    if translated:
        name = plain(translated.group("name")).strip()
        person = layout.persons.translator(name)
        if person:
            layout.findings.credits.append(m.Credit("translation", person, name))


RULE = BlockRule("translated", read)
