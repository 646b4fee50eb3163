"""A numbered section heading inside a document (``II. ECONOMY``, ``3. On the Korean question``):
a section division of the document, with the heading as its head, up to the next section heading
or the document's closing.

A heading is short, has no sentence end, and body text follows it. Must not match: a numbered
paragraph (``3. On the trade agreement. The Turkish delegates …``), a run of short numbered lines
(a list), an initial and a name (``V. Molotov``), or a heading after the document's closing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import FORM_FEED, plain
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import closing_matter, document_start
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.block_rules.item_list import next_in_order
from tei_encoder.reader.block_rules.participants import LABELLED_LINE
from tei_encoder.reader.blocks import HeadingBlock
from tei_encoder.reader.opening import numbered_heading, strip_boxes
from tei_encoder.reader.units import starts_lower

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

SECTIONED = ("document", "attachment", "section", "entry")  # the divisions a section may start in


def read(layout: Layout, i: int) -> int | None:
    heading = matches(layout, i)
    if heading is None:
        return None
    layout.new_division("section", heading[0])
    unit = layout.units[i]
    layout.add(HeadingBlock(unit.line, unit.text))
    return i + 1


def matches(layout: Layout, i: int) -> tuple[str, str] | None:
    """(number, title) when unit ``i`` is a numbered section heading here, else None."""
    unit = layout.units[i]
    heading = numbered_heading(strip_boxes(unit.text)) if len(unit.lines) == 1 else None
    if heading is None and len(unit.lines) == 1:
        heading = _roman_in_order(layout, i)
    if (heading is None or layout.div.kind not in SECTIONED or layout.div.closed
            or speech.match_label(heading[1]) is not None or not _body_follows(layout, i + 1)
            or _in_a_run(layout, i - 1, heading[0]) or _initial_and_name(layout, i, heading)
            or _introduced(layout, i)):
        return None
    return heading


_BARE_ROMAN = re.compile(r"^(?P<n>[IVXLC]{1,6})\.$")
# "V. Proposals": the numeral and one capitalised word, which numbered_heading leaves as an initial and a name.
_ROMAN_OVER_WORD = re.compile(r"^(?P<n>[IVXLC])\.\s+(?P<title>[A-Z][a-z'’-]+)$")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral as printed (``IV`` 4, ``XII`` 12)."""
    values = [_ROMAN_DIGITS[letter] for letter in numeral]
    return sum(-value if value < after else value for value, after in zip(values, values[1:] + [0], strict=True))


def _roman_numbers(layout: Layout, before: int | None = None) -> list[int]:
    """The Roman numbers the record prints alone (``IV.``) or over a title (``IV. Shortcomings``) on a line
    of their own, in units before ``before`` (all units when None)."""
    numbers = []
    for unit in layout.units[:before]:
        if len(unit.lines) != 1:
            continue
        text = strip_boxes(unit.text).strip()
        bare = _BARE_ROMAN.match(text) or _ROMAN_OVER_WORD.match(text)
        heading = numbered_heading(text) if bare is None else None
        if bare is not None:
            numbers.append(roman_value(bare.group("n")))
        elif heading is not None and _BARE_ROMAN.match(heading[0] + "."):
            numbers.append(roman_value(heading[0]))
    return numbers


def _roman_in_order(layout: Layout, i: int) -> tuple[str, str] | None:
    """``IV.`` alone on its line, or ``V. Proposals`` (which reads as an initial and a name), where the
    record numbers its parts so in order: the numeral one higher than one printed so before it, or ``I.``
    with a ``II.`` after it. A German or Yugoslav record of talks numbers its parts with the numeral alone
    over the narration; before, the numerals were paragraphs of their own, and ``IV.`` with the section
    under it ran on in the last speaker's turn."""
    text = strip_boxes(layout.units[i].text).strip()
    match = _BARE_ROMAN.match(text) or _ROMAN_OVER_WORD.match(text)
    if match is None or document_start.chain_number(layout, i):
        return None  # "II." over "Moscow, 13 September 1956": the number of the next letter, no section
    value = roman_value(match.group("n"))
    in_order = value - 1 in _roman_numbers(layout, i) or (value == 1 and 2 in _roman_numbers(layout))
    return (match.group("n"), match.groupdict().get("title") or "") if in_order else None


def _initial_and_name(layout: Layout, i: int, heading: tuple[str, str]) -> bool:
    """``V. MOLOTOV``: a Roman numeral that is also an initial, before one word the record prints
    as a name elsewhere (its title, or with initials or a title in the text)."""
    number, title = heading
    return number in "IVXLC" and len(title.split()) == 1 and closing_matter.named_elsewhere(layout, title, i)


def _introduced(layout: Layout, i: int) -> bool:
    """A short label before it leads into a list (``AGENDA:``, ``Order of the day:``): the numbered line
    is the first of its items (``1. Report on the talks …`` / ``Rapporteur: …``), no section. A sentence
    before it (``… agreed on the following:`` / ``Article 1``) leads into sections."""
    before = plain(layout.units[i - 1].text).strip() if i > 0 else ""
    return before.endswith(":") and len(before.split()) <= 4


def _in_a_run(layout: Layout, i: int, number: str) -> bool:
    """The line before is heading-shaped too, numbered before this one: the lines are a list's items.
    A number that starts again (``3. Miscellaneous`` / ``1. REPORT ON THE TALKS …``) begins the part
    the list announced: before, the first section's heading was taken for a new document."""
    if i > 0 and len(layout.units[i].lines) == 1 and LABELLED_LINE.match(layout.units[i].text):
        i -= 1  # "1. The draft …" / "Reporter: Comrade Z. Mlynář" / "2. Personnel questions": the item's field
    before = numbered_heading(strip_boxes(layout.units[i].text)) if i >= 0 and len(layout.units[i].lines) == 1 else None
    return before is not None and next_in_order(before[0], number)


_LETTERED_ITEM = re.compile(r"^[\u25a1 ]*[a-z]\)\s")  # "a) In some villages …": a list's item, no sentence's rest


def _body_follows(layout: Layout, i: int) -> bool:
    """Body text after the heading: not another heading-shaped line (then the lines are a list),
    nor the rest of a sentence."""
    while i < len(layout.units) and layout.units[i].text == FORM_FEED:
        i += 1
    if i >= len(layout.units):
        return False
    following = layout.units[i]
    if starts_lower(following.text) and not _LETTERED_ITEM.match(following.text):
        return False  # "3. The talks went on" / "into the night.": a sentence split, no heading
    return len(following.lines) > 1 or numbered_heading(strip_boxes(following.text)) is None


RULE = BlockRule("section-heading", read)
