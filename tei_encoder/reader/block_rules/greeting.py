"""``Dear Oliver,`` (``Dear Mr. Secretary,``, ``Dear Comrade Stalin!``, ``Esteemed Comrade Molotov!``),
or a form of address alone (``Mr. Ambassador,``, ``Your Excellency,``, ``Comrade Stalin!``) before any
body text: the salute that ends a letter's opening.

Must not match: ``Dear Oliver, thank you for your letter.`` (a sentence), ``Comrade Stalin:`` (a
speaker's label), or a greeting after body text.
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
# A form of address alone: a diplomat's note ("Mr. Ambassador,", "Your Excellency,", "Sir,"), a party
# letter ("Comrade Stalin!", "Comrades!"). Not with a colon: "Comrade Stalin:" labels a speech turn.
_OFFICE = (r"(?:Ambassador|Minister|Prime Minister|President|Secretary(?: of State)?|Chairman|Premier|Envoy|"
           r"Consul|Commissar|Charg[eé] d['’]Affaires)")
ADDRESS = re.compile(rf"^(?:(?:Mr|Mister|Madam|Madame|Monsieur)\.?\s+(?:the\s+)?{_OFFICE}|(?:Your |My )?Excellency|"
                     rf"(?:Dear )?Sirs?|Gentlemen|Comrades|Comrade\s+(?:[A-Z]\.\s?)*[A-Z][\w'’-]+)\s*[,!]$")


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not (PATTERN.match(unit.text) or ADDRESS.match(unit.text)) or layout.div.has_body:
        return None
    layout.add_salute(unit.line, unit.text)
    return i + 1


RULE = BlockRule("greeting", read)
