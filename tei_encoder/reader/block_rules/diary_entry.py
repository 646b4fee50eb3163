"""A diary's dated entries (``7.11.37`` / ``Parade and demonstration on Red Square. …``, then ``8.11.37`` …):
each date alone on its line opens an entry, a division of its document with the date as its dateline. An
ambassador's journal runs the date into the entry's paragraph (``3 January 1957. I visited Nam Il …``,
``9 January. Pak Chang-ok came …``): the paragraph is the entry, its first words the date.

Only in a record with at least two such dates, each followed by an entry's text, one of them right after
the entry before; a date alone is only a date (a weekday before it allowed): a letter's closing date has
no text after it, a dateline with a place (``Moscow, 8 November 1937``) is a letter's or a telegram's.
Must not match: a date inside a paragraph, the dates of a telegram's opening, a minute's date under its
signer (one block of two lines), documents one after another each under its heading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.header import classification, dates
from tei_encoder.markers import plain
from tei_encoder.reader import opening
from tei_encoder.reader.block_rules import source_note
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import OpeningBlock, ParagraphBlock
from tei_encoder.reader.opening import OpeningLine, strip_boxes
from tei_encoder.words import words_up_to

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout
    from tei_encoder.reader.units import Unit

# The divisions an entry may start in (an entry after an entry closes the one before).
ENTERED = ("document", "attachment", "section", "entry")
_WEEKDAY = re.compile(rf"^(?:{'|'.join(dates.WEEKDAYS)}),?\s+", re.I)
_MOST_WORDS = 6  # "Monday, 8th of November, 1937."
_SENTENCE_END = tuple('.!?"”’)…]')


def entry_date(unit: Unit) -> str | None:
    """The ISO date of a unit that is a date alone on its line (``7.11.37``, ``Monday, 8 November 1937``)."""
    if len(unit.lines) != 1:
        return None
    bare = _WEEKDAY.sub("", strip_boxes(plain(unit.text)).strip().rstrip(".:"))
    if not bare or words_up_to(bare, _MOST_WORDS) > _MOST_WORDS or not bare[0].isdigit() and not bare[0].isupper():
        return None
    return dates.entry_date(bare)


# "3 January 1957. I visited …", "9 January: Pak came …", "Monday, 9 January – …": a date that opens an
# entry's paragraph, then a full stop, colon or dash and the entry's first sentence.
_AFTER_RUN_IN_DATE = re.compile(r"(?:[.:]|\s[-–—])\s+(?=[\"“(\w])")


# A digit of any script (what dates' scan anchors on), or the year sign of a Han date: every date find_dates
# finds holds one of them.
_DATE_SIGN = re.compile(r"\d|年")
_RUN_IN_WORDS = 6  # a date and the entry's first words


def run_in_date(unit: Unit) -> int:
    """The length of the date a paragraph opens with, as a journal's entry does (0: none)."""
    text = unit.text
    # (the date scan only where the head holds a date's sign: most paragraphs have none)
    if not text[:1].isdigit() and not text[:1].isupper() or words_up_to(text, _RUN_IN_WORDS) < _RUN_IN_WORDS:
        return 0
    head = text[:40]
    if _DATE_SIGN.search(head) is None:
        return 0
    found = next(iter(dates.find_dates(head)), None)
    if found is None or found.start != 0 or not _AFTER_RUN_IN_DATE.match(text, found.end):
        return 0
    return found.end


def is_diary(layout: Layout) -> bool:
    """At least two dates alone on their lines with an entry's text after each, or paragraphs opening with
    their dates, and one of them right after the text of the entry before (documents one after another
    each have a heading over their date). Found once a record."""
    if layout.diary is None:
        units = layout.units
        dated = [k for k in range(len(units)) if run_in_date(units[k]) or (
            k + 1 < len(units) and entry_date(units[k]) and _prose(units[k + 1]))]
        layout.diary = len(dated) >= 2 and any(k > 0 and _prose(units[k - 1]) for k in dated)
    return layout.diary


def _prose(unit: Unit) -> bool:
    """An entry's text: sentences, not a mark, field, salute or reference under a document's date (``Top
    secret``, ``Dear Comrade Molotov!``, ``AVP RF, f. 06 …``: a new document's opening, or a closing's
    source) nor a signature over it."""
    text = plain(unit.text).strip()
    return (len(text.split()) >= 3 and text.endswith(_SENTENCE_END) and entry_date(unit) is None
            and classification.line_kind(text) is None and not opening.SALUTE.match(text)
            and not source_note.matches(text) and opening.field_kind(text) is None)


def opens_entry(layout: Layout, i: int) -> bool:
    """Unit ``i`` is a diary's next entry, its date alone on its line or run into its paragraph: the
    speech of a turn in the entry before ends there."""
    unit = layout.units[i]
    if not (unit.text[:1].isdigit() or unit.text[:1].isupper()) or not is_diary(layout):
        return False
    return bool(run_in_date(unit)) or entry_date(unit) is not None and i + 1 < len(layout.units) \
        and _prose(layout.units[i + 1])


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if layout.div.kind not in ENTERED or layout.div.closed or not is_diary(layout):
        return None  # most records are no diary: one answer a record, before any date is looked for here
    if dated := run_in_date(unit):
        layout.new_division("entry")
        layout.add(ParagraphBlock(unit.line, unit.text, dated=dated))
        return i + 1
    if i + 1 >= len(layout.units) or entry_date(unit) is None or not _prose(layout.units[i + 1]):
        return None
    layout.new_division("entry")
    layout.add(OpeningBlock(unit.line, (OpeningLine("dateline", unit.text, line=unit.line),)))
    return i + 1


RULE = BlockRule("diary-entry", read)
