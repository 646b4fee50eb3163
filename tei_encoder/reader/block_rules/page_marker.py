"""``[Page 2]``, ``[p. 3]`` alone on its line: a page break, the marker declared as notation; a
typed page's number between dashes alone on its line (``-2-``, ``– 3 –``): a page break with the
number kept as printed (``fw``), as under a form feed; a running head that counts the pages
(``CONFIDENTIAL<tab>Page 2 of 3``, ``Page 2 of 3``): a page break, the whole line kept as printed.

Must not match: a page marker inside a sentence (the inline rule takes that one), a number with
a dash on one side only (``- 2``: a list item or a range).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tei_encoder.header import classification, teletype
from tei_encoder.letters import UPPER
from tei_encoder.markers import NOTE_OPEN
from tei_encoder.reader.block_rules import page_break
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import PageBreakLine

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout
    from tei_encoder.reader.units import Unit

# "[Page 4]", "[p. 3]"; the editor may say which page it counts: "[Page 4 of the original]", "[Page 2 of 5]".
PATTERN = re.compile(r"^\[(?:Page|p\.|pg\.?)\s*(?P<n>[\dIVXLCivxlc]+)(?:\s+of\s+(?:the\s+)?(?:original|\d{1,4}))?\]$",
                     re.I)
# A typed page's number between dashes; a Japanese or Chinese typescript types them full width ("－２－").
DASHED_NUMBER = re.compile(r"^[-–—－]\s*(?P<n>\d{1,4})\s*[-–—－]$")
# A Word export's page header, repeated on every page: "CONFIDENTIAL<tabs>Page 2 of 3"; a PDF viewer's
# copied page line, a slash for "of": "Page 2 / 3".
RUNNING_HEAD = re.compile(r"^(?:.{1,60}?\s)?(?i:page)\s+(?P<n>\d{1,4})\s+(?:(?i:of)|/)\s+\d{1,4}$")
# A typescript's running head with the page's number between dashes at its end, on one line
# ("Krestinsky – Stresemann, 23.II.1926<spaces>- 2 -"): no sentence before the number.
HEAD_AND_DASHED_NUMBER = re.compile(r"^(?P<head>.{0,60}?\S(?<![.!?:;,]))\s+[-–—]\s?(?P<n>\d{1,4})\s?[-–—]$")
# A stenographic record's page head: the initials of the stenographers who took the page down, a slash
# between them, and the page's number, tabs between (``MR/RK<tabs>1``, ``MR/DS<tabs>3``), as Yugoslav and
# other shorthand offices typed the shifts; or the number first (``4<tabs>DS/LJ``).
STENOGRAPHERS_PAGE = re.compile(rf"^(?:(?P<code>[{UPPER}]{{1,3}}(?:/[{UPPER}]{{1,3}}){{1,3}})\s+(?P<n>\d{{1,4}})"
                                rf"|(?P<first>\d{{1,4}})\s+[{UPPER}]{{1,3}}(?:/[{UPPER}]{{1,3}}){{1,3}})$")
_HEAD_SMALL_WORDS = 3  # lower-case words in such a head at most ("Record of conversation with Beneš, 24.IX.1936")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[a-z]|[.!?]$")


def printed_page(text: str) -> str | None:
    """The page number of a line that is a typed page's number (``-2-``) or a running head
    (``Page 2 of 3``), whose text is kept as printed; else None."""
    found = DASHED_NUMBER.match(text) or (_ends_with_digit(text) and RUNNING_HEAD.match(text)) or (
        text[-1:] in "-–—" and head_with_dashed_number(text))
    if not found:
        return _stenographers_page(text)
    number = found.group("n")
    return number if number.isascii() else str(int(number))  # full-width digits ("２") read as "2"


def _stenographers_page(text: str) -> str | None:
    """The page number of a stenographers' page head (``MR/RK<tabs>1``), else None. Read as text, the
    code stood as a paragraph, in the turn the page turned in."""
    found = STENOGRAPHERS_PAGE.match(text) if "/" in text else None
    return (found.group("n") or found.group("first")) if found else None


def folio_over_running_line(lines: Sequence[str]) -> str | None:
    """The page number of a unit that is a typed page's number between dashes over the page's running
    head or foot, one or two short lines with no sentence in them (``- 3 -`` / ``ANIC, fond CC al PCR,
    dosar 94/1972, f. 7``; ``- 2 -`` / ``VVS b 5 - 1□7/77   [page stamp 0048]``), else None. Read as text,
    number and archival line stood as a paragraph, often inside the turn the page turned in."""
    if not 2 <= len(lines) <= 3:
        return None
    found = DASHED_NUMBER.match(lines[0].strip())
    if found is None or not all(map(_running_line, lines[1:])):
        return None
    number = found.group("n")
    return number if number.isascii() else str(int(number))


def _running_line(text: str) -> bool:
    """A line of page furniture: a few words, no sentence end, not the middle of a sentence."""
    bare = text.strip()
    return (0 < len(bare.split()) <= 16 and not bare.endswith((".", "!", "?", ":", ";", ","))
            and not bare[:1].islower())


def unit_page(lines: Sequence[str], text: str) -> str | None:
    """The page number of a unit that is only a page's number, running head or both, else None."""
    return printed_page(text) or folio_over_running_line(lines)


def teletype_page(lines: Sequence[str]) -> str | None:
    """The page number of a unit that is a telegram's teletype page head, perhaps under the page's
    classification line (``SECRET`` / ``PAGE 02 STATE 048123``), else None."""
    if not 1 <= len(lines) <= 2 or not lines[-1].startswith("PAGE"):
        return None
    found = teletype.PAGE_HEAD.match(lines[-1])
    if found is None or (len(lines) == 2 and classification.line_kind(lines[0]) != "classification"):
        return None
    return str(int(found.group("n")))


def head_with_dashed_number(text: str) -> re.Match[str] | None:
    """``Krestinsky – Stresemann, 23.II.1926   - 2 -``: a head of a few words, a title's and no sentence's
    (``… the vote stood at 5 - 2 -``), with its page's number. Before, the line stood in the paragraph the
    page turned in, or headed a new document after the signature."""
    found = HEAD_AND_DASHED_NUMBER.match(text)
    if found is None or _SENTENCE_BREAK.search(found.group("head")):
        return None
    words = found.group("head").split()
    small = sum(1 for word in words if word[:1].islower())  # a title's "of", "with"; a sentence has more
    return found if len(words) <= 8 and small <= _HEAD_SMALL_WORDS else None



def _ends_with_digit(text: str) -> bool:
    """What a running head ends with (``$`` also before a last newline): told before its pattern tries
    each of the first 60 characters as the end of the words before ``Page``."""
    end = text[:-1] if text.endswith("\n") else text
    return end[-1:].isdecimal()


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    page = PATTERN.match(unit.text)
    if page:
        layout.add(PageBreakLine(unit.line, page.group("n"), marker=unit.text))
        return i + 1
    if NOTE_OPEN in unit.text:
        return None  # a line with a note's call is the text's (``- 2 -`` / ``Mr. Lloyd[1]``): furniture has no notes
    if column_number(layout.units, i):
        layout.add(PageBreakLine(unit.line, unit.text, printed=unit.text))
        return i + 1
    if (head := repeated_head_and_number(layout.units, i)) is not None:
        layout.add(PageBreakLine(unit.line, head[0], printed=head[1]))
        return i + 2
    number = unit_page(unit.lines, unit.text) or teletype_page(unit.lines) or (
        footer_page(layout, unit) if layout.div.has_body else None)
    if number is not None and (layout.div.has_body or _after_closing(layout)
                               or not DASHED_NUMBER.match(unit.lines[0].strip())):
        layout.add(PageBreakLine(unit.line, number, printed=unit.text))
        return i + 1
    number = dashed_number_with_head(unit.lines)
    if number is not None and layout.div.has_body:
        layout.add(PageBreakLine(unit.line, number, printed=" ".join(unit.lines)))
        return i + 1
    return None


def repeated_head_and_number(units: Sequence[Unit], i: int) -> tuple[str, str] | None:
    """``(number, head and number as printed)`` when unit i is a running head the record repeats word for
    word on its pages and the unit under it the page's number alone (``Mao–Pompidou, 12.IX.1973<tabs>Internal –
    not for circulation`` / ``- 1 -``), as a Word export prints the page header above the number; else None.
    Read as text, the head stood as a paragraph on every page, the first one a division before the title.
    The repeat and the number under it tell it from a line of the text, which has no number under it."""
    if i + 1 >= len(units) or len(units[i].lines) != 1 or not _running_line(units[i].text):
        return None
    below = units[i + 1]
    number = printed_page(below.text) if len(below.lines) == 1 and NOTE_OPEN not in below.text else None
    if number is None or not DASHED_NUMBER.match(below.text) and not RUNNING_HEAD.match(below.text):
        return None
    text = units[i].text
    if sum(1 for unit in units if unit.text == text) < 2:
        return None
    return number, f"{text} {below.text}"


def _after_closing(layout: Layout) -> bool:
    """In the matter after a signature (its division holds no body yet), a typed page's number alone on its
    line (``Recorded by [signature]`` / ``- 3 -`` / ``RGASPI, fond 558 …``) turns the page as in the text:
    before, it stood as a paragraph of the distribution matter."""
    return layout.div.kind == "distribution"


def dashed_number_with_head(lines: Sequence[str]) -> str | None:
    """The number of a typed page's head printed without a form feed: its number between dashes over or
    under the running head the typist repeats on every page (``– 5 –`` / ``STRICTLY CONFIDENTIAL``). Read
    as text, the head became a section's heading and the turns after it that section's. The dashes on
    both sides tell the number from a chapter's (``1`` / ``INTRODUCTION``)."""
    if not 1 < len(lines) <= 3 or not any(DASHED_NUMBER.match(line) for line in lines):
        return None
    return page_break.page_head_number(lines)


_FOOTER_CELL_WORDS = 8


def footer_page(layout: Layout, unit: Unit) -> str | None:
    """The page number of a typed page's foot (or head) set in tab columns around its dashed number
    (``ABS, V-2072 MV, sv. 3<tabs>– 42 –``, ``LPRP CC Office<tabs>– 5 –<tabs>Internal``): two or three
    short cells, one of them the number alone. Read as text, the foot ran into the turn before it."""
    if len(unit.lines) != 1 or "–" not in unit.text and "-" not in unit.text and "—" not in unit.text:
        return None
    cells = [cell.strip() for cell in layout.columns.get(unit.line, ()) if cell.strip()]
    numbers = [found.group("n") for cell in cells if (found := DASHED_NUMBER.match(cell))]
    if not 2 <= len(cells) <= 3 or len(numbers) != 1:
        return None
    if any(len(cell.split()) > _FOOTER_CELL_WORDS or cell.endswith((".", "!", "?", ":")) for cell in cells):
        return None  # a sentence or a label is no page's furniture
    return numbers[0] if numbers[0].isascii() else str(int(numbers[0]))


# A bare number alone on its line: a page or column number when the record prints its neighbours too.
_BARE_NUMBER = re.compile(r"^\d{1,4}$")


def column_number(units: Sequence[Unit], i: int) -> bool:
    """Unit i is a bare number (``1598``) in a run of them, each alone on its line between passages of text
    and one more than the one before (a debate's column numbers as the web edition copies them, a
    transcript's page numbers): the page's number, kept as printed. One alone (a year, an amount) proves
    nothing, nor numbers on lines one under another (a table's column, a list of years); before, the
    first such number was taken for the record's date and the others stood as paragraphs in the speeches."""
    if not _BARE_NUMBER.match(units[i].text):
        return False
    numbered = [(k, int(unit.text)) for k, unit in enumerate(units) if _BARE_NUMBER.match(unit.text)]
    steps = [(a, b) for a, b in zip(numbered, numbered[1:]) if b[1] == a[1] + 1 and b[0] > a[0] + 1]
    return len(steps) >= 2 and len(steps) >= len(numbered) // 2 and any(i in (a[0], b[0]) for a, b in steps)


RULE = BlockRule("page-marker", read)
