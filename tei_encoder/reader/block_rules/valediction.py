"""``Yours ever,`` and the name under it (in the same block or the next) close a letter.

Only after body text. Must not match: a signature line longer than eight words or ending
with a full stop (then the valediction is a paragraph), ``Yours is the decision.``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import plain
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# A greeting that closes a letter: "With comradely greetings", "With deep respect,".
GREETING = re.compile(r"^(?:With (?:\w+ ){0,2}(?:greetings|regards|respects?|wishes|salutations?)|"
                      r"(?:Comradely|Fraternal|Warm|Best|Kind|Cordial) (?:greetings|regards)|Greetings)\s*[!.,]?$",
                      re.I)

# A diplomatic note's closing sentence: "Please accept, Mr. Ambassador, the assurances of my highest
# consideration.", "I avail myself of this opportunity to renew to Your Excellency the assurances of
# my most distinguished consideration.", and a note verbale's third person: "The People's Commissariat
# avails itself of this opportunity to renew to the Embassy the assurances of its high consideration."
COMPLIMENTARY_CLOSE = re.compile(r"^(?=.{0,200}$)(?:Please |(?:I|We) (?:avail|take)\b|(?:Accept|Receive)\b"
                                 r"|The [^,.;]{1,80}? avails itself\b).*"
                                 r"\bassurances? of (?:my|our|its) (?:\w+ ){0,3}(?:consideration|esteem|respect)\.?$")

# The revolutionary motto a Cuban official letter closes with over its signature, often in two columns a
# tab apart ("Patria o Muerte<TABs>Venceremos"), left in Spanish by translators: the letter's valediction.
MOTTO = re.compile(r"^¡?(?:Patria o [Mm]uerte|Hasta la [Vv]ictoria [Ss]iempre)[!,.]?(?:\s+¡?Venceremos[!.]?)?$"
                   r"|^¡?Venceremos[!.]?$")


PATTERN = re.compile(r"^(?:Yours(?: (?:ever|sincerely|faithfully|truly|respectfully))?|"
                     r"(?:Very )?(?:Sincerely|Faithfully|Respectfully|Truly) yours|With (?:best|kind) "
                     r"(?:wishes|regards)|Kind regards|Best regards)[,.]?$", re.I)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not (layout.div.has_body and PATTERN.match(unit.lines[0]) and (
            len(unit.lines) == 2 or (len(unit.lines) == 1 and i + 1 < len(layout.units)))):
        return None
    together = len(unit.lines) == 2  # "Yours ever," / "Frank Roberts" in one block
    if together:
        salute, signature = unit.lines[0], unit.lines[-1]
    else:
        salute, signature = unit.text, layout.units[i + 1].text
    if len(signature.split()) > 8 or signature.endswith("."):
        return layout.paragraph(i)
    layout.persons.sender(plain(signature))
    layout.add(ClosingBlock(unit.line, signature, salute=salute))
    return i + 1 if together else i + 2


RULE = BlockRule("valediction", read)


def closes_letter(text: str) -> bool:
    """A line of a letter's closing words: "Yours sincerely,", "With deep respect,", a diplomatic
    note's "Please accept … the assurances of my highest consideration.", a Cuban letter's "Patria o Muerte"."""
    bare = plain(text).strip()
    return bool(PATTERN.match(bare) or GREETING.match(bare) or COMPLIMENTARY_CLOSE.match(bare) or MOTTO.match(bare))
