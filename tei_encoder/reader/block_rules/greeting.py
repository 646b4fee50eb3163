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
from tei_encoder.markers import plain
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import APPARATUS, OpeningBlock, ParagraphBlock
from tei_encoder.reader.opening import SALUTE, OpeningLine, is_sentence
from tei_encoder.reader.units import Unit

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
ONE_ADDRESSEE = re.compile(rf"^(?:Dear\s+)?(?:{_OFFICE}|Comrade)\s+(?:[{UPPER}]\.\s?)*[{UPPER}][\w'’-]+"
                            rf"(?:\s+[{UPPER}][\w'’-]+){{0,2}}(?:\s+\[[^\[\]]{{1,40}}\])?:$")


def _addressee_with_colon(layout: Layout, i: int) -> bool:
    """``Comrade Filippov [Stalin]:`` alone, text after it, and no speaker's label in the record."""
    unit = layout.units[i]
    if len(unit.lines) != 1 or not ONE_ADDRESSEE.match(unit.text) or i + 1 >= len(layout.units):
        return False
    # (a label alone on its line, as the record uses them, was taken by label_alone.py before this rule)
    return not any(speech.match_label(later.text) for later in layout.units[i + 1:])


def _addressee_over_text(layout: Layout, i: int) -> bool:
    """``Comrade Huang Zhen:`` as the first line of the block its text begins (``The Commission agrees …``),
    at the head of a document, in a record with no speaker's label after it: the note's salute, as a cable
    or an appended note prints it over its first paragraph. Read as a label, the addressee had become the
    speaker of the whole note. A transcript's label runs on its line (``Mao Zedong: …``) or recurs."""
    unit = layout.units[i]
    if len(unit.lines) < 2 or not ONE_ADDRESSEE.match(unit.lines[0]) or speech.match_label(unit.lines[1]):
        return False
    return not any(speech.match_label(later.text) for later in layout.units[i + 1:])


# A message's salute by the addressee's name alone ("Jim,"), under an addressee field ("To: James F. Collins").
_NAME_ALONE = re.compile(rf"^[{UPPER}][a-z]+,$")


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if layout.div.has_body:
        return _salute_over_address(layout, i)
    if _addressee_with_colon(layout, i):
        layout.persons.addressees_in(unit.text.removeprefix("Dear ").rstrip(":"))  # "[Stalin]" names Filippov
        layout.add_salute(unit.line, unit.text)
        return i + 1
    if _addressee_over_text(layout, i):
        salute = unit.lines[0]
        layout.persons.addressees_in(salute.removeprefix("Dear ").rstrip(":"))
        layout.add_salute(unit.line, salute)
        layout.replace_unit(i, Unit(unit.line + 1, unit.lines[1:]))  # the block's other lines: the body
        return i
    listed = addressees_list(unit.text)
    if not (PATTERN.match(unit.text) or ADDRESS.match(unit.text) or listed
            or (_NAME_ALONE.match(unit.text) and _addressed(layout))):
        return None
    for part in _LIST_SPLIT.split(unit.text[:-1].strip()) if listed else ():
        layout.addressed_body(part)  # "… and the Central Committee:"
    layout.add_salute(unit.line, unit.text)
    return i + 1


# The year's motto under a Cuban letter's dateline: "Year of Agriculture" in quotation marks, a note call after it.
_MOTTO = re.compile(r'^["“][^"“”]{3,60}["”]\S*$')
_ADDRESS_LINE_WORDS = 20
_TOWN = re.compile(rf"^[{UPPER}][\w'’-]+(?:\s[{UPPER}][\w'’-]+)?\.?$")


def _salute_over_address(layout: Layout, i: int) -> int | None:
    """``Dear Comrade Novotný:`` under the addressee's lines (``Comrade Antonín Novotný`` / ``President of …`` /
    ``Prague``) that a letter exported from Word prints under its letterhead and dateline, each a paragraph of its
    own: the lines, and the year's motto over them, join the opening as addressee lines, and the salute ends it.
    Only right after an opening with its dateline, and when every paragraph between is short and no sentence.
    Before, the address and the salute were paragraphs of the body, and the letter had no addressee."""
    line = layout.units[i].lines[0]
    if len(layout.units[i].lines) != 1 or not (PATTERN.match(line) or ONE_ADDRESSEE.match(line) or (
            line.endswith(":") and PATTERN.match(line[:-1] + ","))):  # "Dear Mr. Ambassador:", as in US usage
        return None
    blocks = layout.div.blocks
    at = next((k for k, block in enumerate(blocks) if isinstance(block, OpeningBlock)), None)
    if at is None or not any(item.kind == "dateline" for item in blocks[at].items):  # type: ignore[union-attr]
        return None
    address = blocks[at + 1:]
    if not (1 <= len(address) <= 6 and all(_address_line(block) for block in address)):
        return None
    opening = blocks[at]
    assert isinstance(opening, OpeningBlock)
    items = [OpeningLine(None if _MOTTO.match(plain(block.text).strip()) else "addressee", block.text,
                         line=block.line) for block in address if isinstance(block, ParagraphBlock)]
    del blocks[at + 1:]
    blocks[at] = OpeningBlock(opening.line, opening.items + tuple(items))
    layout.div.has_body = any(not isinstance(block, APPARATUS) for block in blocks)
    named = [item for item in items if item.kind == "addressee"]
    if named and _TOWN.match(plain(named[-1].text).strip()):
        named.pop()  # "Prague", "Mexico City": the address's town, its last line, names no one
    for item in named:
        layout.persons.addressees_in(plain(item.text).strip())
    layout.findings.opening.extend(items)
    layout.add_salute(layout.units[i].line, layout.units[i].text)
    return i + 1


def _address_line(block: object) -> bool:
    if not isinstance(block, ParagraphBlock) or block.number is not None or block.dated:
        return False
    bare = plain(block.text).strip()
    return len(bare.split()) <= _ADDRESS_LINE_WORDS and not is_sentence(bare) and not bare.endswith((".", ":", ";"))


def _addressed(layout: Layout) -> bool:
    return any(item.kind == "addressee" for item in layout.findings.opening)


RULE = BlockRule("greeting", read)
