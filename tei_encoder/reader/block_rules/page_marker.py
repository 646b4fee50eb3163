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
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import PageBreakLine

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# "[Page 4]", "[p. 3]"; the editor may say which page it counts: "[Page 4 of the original]", "[Page 2 of 5]".
PATTERN = re.compile(r"^\[(?:Page|p\.|pg\.?)\s*(?P<n>[\dIVXLCivxlc]+)(?:\s+of\s+(?:the\s+)?(?:original|\d{1,4}))?\]$",
                     re.I)
# A typed page's number between dashes; a Japanese or Chinese typescript types them full width ("－２－").
DASHED_NUMBER = re.compile(r"^[-–—－]\s*(?P<n>\d{1,4})\s*[-–—－]$")
# A Word export's page header, repeated on every page: "CONFIDENTIAL<tabs>Page 2 of 3".
RUNNING_HEAD = re.compile(r"^(?:.{1,60}?\s)?(?i:page)\s+(?P<n>\d{1,4})\s+(?i:of)\s+\d{1,4}$")


def printed_page(text: str) -> str | None:
    """The page number of a line that is a typed page's number (``-2-``) or a running head
    (``Page 2 of 3``), whose text is kept as printed; else None."""
    found = DASHED_NUMBER.match(text) or (_ends_with_digit(text) and RUNNING_HEAD.match(text))
    if not found:
        return None
    number = found.group("n")
    return number if number.isascii() else str(int(number))  # full-width digits ("２") read as "2"


def teletype_page(lines: Sequence[str]) -> str | None:
    """The page number of a unit that is a telegram's teletype page head, perhaps under the page's
    classification line (``SECRET`` / ``PAGE 02 STATE 048123``), else None."""
    if not 1 <= len(lines) <= 2 or not lines[-1].startswith("PAGE"):
        return None
    found = teletype.PAGE_HEAD.match(lines[-1])
    if found is None or (len(lines) == 2 and classification.line_kind(lines[0]) != "classification"):
        return None
    return str(int(found.group("n")))


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
    number = printed_page(unit.text) or teletype_page(unit.lines)
    if number is not None and (layout.div.has_body or not DASHED_NUMBER.match(unit.text)):
        layout.add(PageBreakLine(unit.line, number, printed=unit.text))
        return i + 1
    return None


RULE = BlockRule("page-marker", read)
