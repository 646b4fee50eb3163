"""``Dear Oliver,`` (``Dear Mr. Secretary,``, ``Dear Comrade Stalin!``, ``Esteemed Comrade Molotov!``)
before any body text: the salute that ends a letter's opening.

Must not match: ``Dear Oliver, thank you for your letter.`` (a sentence), or a greeting after
body text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules.base import BlockRule

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# A dot only after a title or an initial ("Dear Mr. Secretary,", "Dear A. J.,"): another dot is a sentence's end.
_ABBREVIATION = r"\b(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Rev|Gen|Col|Capt|Hon|Sr|St|[A-Z])\."
# A Russian or Central European letter's salute ends with "!" ("Dear Comrade Stalin!", "Esteemed
# Comrade Molotov!").
PATTERN = re.compile(rf"^(?:(?:My )?Dear|Dearest|(?:(?:Highly|Deeply|Much) )?(?:Esteemed|Respected|Honou?red))\s+"
                     rf"(?=[^,!]{{1,60}}[,!]$)(?:[^,.;:!]|{_ABBREVIATION})+[,!]$", re.I)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not PATTERN.match(unit.text) or layout.div.has_body:
        return None
    layout.add_salute(unit.line, unit.text)
    return i + 1


RULE = BlockRule("greeting", read)
