"""``Dear Oliver,`` (``Dear Mr. Secretary,``, ``Dear Comrade Stalin!``, ``Esteemed Comrade Molotov!``),
or a form of address alone (``Mr. Ambassador,``, ``Your Excellency,``, ``Comrade Stalin!``), a given
name alone under an addressee field (``Jim,`` after ``To: James F. Collins``), or a cable's list of addressees (``Chairman [Mao], Comrade [Liu] Shaoqi, and the Central Committee:``)
before any body text: the salute that ends a letter's opening.

A cable's one addressee with a colon (``Comrade Filippov [Stalin]:``, ``Chairman Mao:``) is its salute
only alone on its line and in a record with no speaker's label: elsewhere it labels a turn.

Must not match: ``Dear Oliver, thank you for your letter.`` (a sentence), ``Comrade Stalin:`` in a
transcript (a speaker's label), or a greeting after body text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.letters import UPPER
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.opening import SALUTE

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# "Dear Comrade Brezhnev,": the opening reads it too (it ends the addressee lines above it).
PATTERN = SALUTE
# A form of address alone: a diplomat's note ("Mr. Ambassador,", "Your Excellency,", "Sir,"), a party
# letter ("Comrade Stalin!", "Comrades!"). Not with a colon: "Comrade Stalin:" labels a speech turn.
_OFFICE = (r"(?:Ambassador|Minister|Prime Minister|President|Secretary(?: of State)?|Chairman|Premier|Envoy|"
           r"Consul|Commissar|Charg[eé] d['’]Affaires)")
ADDRESS = re.compile(rf"^(?:(?:Mr|Mister|Madam|Madame|Monsieur)\.?\s+(?:the\s+)?{_OFFICE}|(?:Your |My )?Excellency|"
                     rf"(?:Dear )?Sirs?|Gentlemen|Comrades|Comrade\s+(?:[{UPPER}]\.\s?)*[{UPPER}][\w'’-]+)\s*[,!]$")

# One addressee of a cable's list: an office or "Comrade" with a name (an editor may have supplied it
# in brackets, "[Liu] Shaoqi"), or a body of the party.
_ADDRESSEE = re.compile(rf"^(?:{_OFFICE}|Comrades?|Vice[- ]Chairman)(?:\s+\[?[{UPPER}][\w'’-]*\]?){{0,3}}$"
                        r"|^(?:the\s+)?(?:[A-Z]{2,5}\s+)?(?:Central Committee|Politburo|Secretariat|Military Commission)$")
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def addressees_list(text: str) -> bool:
    """``Chairman [Mao], Comrade [Liu] Shaoqi, and the Central Committee:``: two or more addressees
    and a colon, as a cable from the field opens."""
    if not text.endswith(":") or len(text) > 200:
        return False
    parts = _LIST_SPLIT.split(text[:-1].strip())
    return len(parts) >= 2 and all(_ADDRESSEE.match(part) for part in parts)


# A cable's one addressee and a colon, the editor's identification of a cover name after it: "Comrade
# Filippov [Stalin]:", "Chairman Mao:", "Dear Comrade Kim Il Sung:".
_ONE_ADDRESSEE = re.compile(rf"^(?:Dear\s+)?(?:{_OFFICE}|Comrade)\s+(?:[{UPPER}]\.\s?)*[{UPPER}][\w'’-]+"
                            rf"(?:\s+[{UPPER}][\w'’-]+){{0,2}}(?:\s+\[[^\[\]]{{1,40}}\])?:$")


def _addressee_with_colon(layout: Layout, i: int) -> bool:
    """``Comrade Filippov [Stalin]:`` alone, text after it, and no speaker's label in the record."""
    unit = layout.units[i]
    if len(unit.lines) != 1 or not _ONE_ADDRESSEE.match(unit.text) or i + 1 >= len(layout.units):
        return False
    # (a label alone on its line, as the record uses them, was taken by label_alone.py before this rule)
    return not any(speech.match_label(later.text) for later in layout.units[i + 1:])


# A message's salute by the addressee's name alone ("Jim,"), under an addressee field ("To: James F. Collins").
_NAME_ALONE = re.compile(rf"^[{UPPER}][a-z]+,$")


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if layout.div.has_body:
        return None
    if _addressee_with_colon(layout, i):
        layout.persons.addressees_in(unit.text.removeprefix("Dear ").rstrip(":"))  # "[Stalin]" names Filippov
        layout.add_salute(unit.line, unit.text)
        return i + 1
    listed = addressees_list(unit.text)
    if not (PATTERN.match(unit.text) or ADDRESS.match(unit.text) or listed
            or (_NAME_ALONE.match(unit.text) and _addressed(layout))):
        return None
    for part in _LIST_SPLIT.split(unit.text[:-1].strip()) if listed else ():
        layout.addressed_body(part)  # "… and the Central Committee:"
    layout.add_salute(unit.line, unit.text)
    return i + 1


def _addressed(layout: Layout) -> bool:
    return any(item.kind == "addressee" for item in layout.findings.opening)


RULE = BlockRule("greeting", read)
