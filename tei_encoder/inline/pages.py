"""Page breaks inside a paragraph: ``[Page 652]``, ``[p. 3]``, and the inferred
break where a paragraph split mid-sentence was rejoined (reader/layout.py marks
the join with markers.PAGE_JOIN), and a form feed in mid-sentence (markers.PAGE_FEED).

→ PageBreak(number) / PageBreak(inferred=True). Must not match: ``page 3`` in
running text without brackets, or ``[Pages 3-4 missing]`` (a described loss).
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.markers import PAGE_FEED_CLOSE, PAGE_FEED_OPEN, PAGE_JOIN
from tei_encoder.model import PageBreak

PATTERN = re.compile(r"\[(?:Page|p\.|pg\.?)\s*(?P<n>[\dIVXLCivxlc]+)\]|(?P<join> ?" + PAGE_JOIN + " ?)"
                     f"|(?P<feed> ?{PAGE_FEED_OPEN}(?P<printed>[^{PAGE_FEED_CLOSE}]*){PAGE_FEED_CLOSE} ?)",
                     re.IGNORECASE)


# A telegram's teletype page head names its page first: "SECRET PAGE 02 STATE 048123".
_TELETYPE_PAGE = re.compile(r"\bPAGE\s+(\d{1,3})\s+[A-Z]")
# A printed volume's page number over its running head, which may hold a year of its own.
_NUMBER_OVER_HEAD = re.compile(r"[-–—]?\s*(\d{1,4})\s*[-–—]?\s+(?=[^\W\d])")


# A PDF's footer at the foot of the page before, over the next page's running head (``Page 1 of 4
# CWIHP working translation … 14.II.1967``): the page that begins is the next; the head's digits are a date.
_FOOTER_OVER_HEAD = re.compile(r"(?i:page)\s+(\d{1,4})\s+(?i:of)\s+\d{1,4}\s+\S")


def _page_number(printed: str) -> str | None:
    """The number of a page whose head or number was printed as ``printed`` (``- 3 -``)."""
    footer = _FOOTER_OVER_HEAD.match(printed)
    if footer:
        return str(int(footer.group(1)) + 1)
    teletype = _TELETYPE_PAGE.search(printed)
    if teletype:
        return str(int(teletype.group(1)))
    number_first = _NUMBER_OVER_HEAD.match(printed)  # "– 412 – SOVIET-YUGOSLAV RELATIONS. 1941": not 4121941
    if number_first:
        return number_first.group(1)
    number_last = _NUMBER_AFTER_HEAD.search(printed)  # "Krestinsky – Stresemann, 23.II.1926 - 2 -": not 2319262
    return number_last.group(1) if number_last else re.sub(r"\D", "", printed) or None


_NUMBER_AFTER_HEAD = re.compile(r"(?<=\s)[-–—]\s?(\d{1,4})\s?[-–—]$")


def _make(match: re.Match[str], context: Context) -> list:
    if match.group("feed"):  # a form feed in mid-sentence: the source's own page break
        printed = match.group("printed")
        return [" ", PageBreak(number=_page_number(printed), printed=printed or None)]
    if match.group("join"):
        context.count("inferred-page-breaks")
        ident = context.ident("pb")
        line = context.join_line(match.string[match.end():])
        context.trace.add("page-break", "mid-sentence-join", (line, line), "pb", ident, False,
                          "a paragraph split mid-sentence was joined across an inferred page break")
        return [" ", PageBreak(inferred=True, ident=ident)]
    context.count("page-markers")
    return [PageBreak(number=match.group("n"))]


RULE = Rule("page-breaks", PATTERN, _make, cheap=("[", PAGE_JOIN, PAGE_FEED_OPEN))
