"""Facts about a file's bytes that let the Schematron skip a costly search (schemas/tei-encoder.sch).

TE-CHAR-001 looks for leftover characters of the source's notation in the
record's words: □, U+02B9, U+02BA, U+2010 and the controls U+007F–U+009F. In
XPath 1.0 that is one scan of the whole text per character, 35 scans, about a
third of the Schematron's time on a typical record. A regular-expression
search of the raw bytes takes microseconds, and when the file is UTF-8 its
bytes decide it: a character reaches the text only as its own UTF-8 sequence
(in text or CDATA) or as a character reference (``&#``); DOCTYPEs that
declare entities are refused before this (parsing.py). When none of these is
in the bytes, no text holds such a character, and the validator tells the
Schematron so through its parameter ``leftover-characters-possible``. Any
doubt (another encoding, a reference) leaves the parameter alone, and the
Schematron scans as every other processor does. (The rule's other search,
for "[footnoteRef:", runs once per text node and always runs.)
"""

from __future__ import annotations

import re

from lxml import etree

CHARACTERS_PARAMETER = "leftover-characters-possible"

# The UTF-8 sequences of the characters TE-CHAR-001 looks for, and what could spell them otherwise.
_MAY_HOLD_CHARACTERS = re.compile(
    rb"\xe2\x96\xa1"            # U+25A1 □
    rb"|\xca[\xb9\xba]"         # U+02B9 ʹ, U+02BA ʺ
    rb"|\xe2\x80\x90"           # U+2010 ‐
    rb"|\x7f|\xc2[\x80-\x9f]"   # U+007F–U+009F
    rb"|&#"                     # a character reference may spell any of them
    rb"|\x00"                   # UTF-16 or UTF-32, whatever the declaration says
)
_UTF8_NAMES = frozenset({"UTF-8", "UTF8"})
# libxml2 reads a file that starts with 4C 6F A7 94 as EBCDIC, whatever it declares; UTF-8 XML starts with "<".
_UTF8_START = re.compile(rb"(?:\xef\xbb\xbf)?[<\s]")


def characters_impossible(data: bytes, tree: etree._ElementTree) -> bool:
    """True when the bytes ``tree`` was parsed from prove that no text holds TE-CHAR-001's characters."""
    encoding = (tree.docinfo.encoding or "").upper()
    return (encoding in _UTF8_NAMES and _UTF8_START.match(data) is not None
            and _MAY_HOLD_CHARACTERS.search(data) is None)


def schematron_parameters(data: bytes, tree: etree._ElementTree) -> dict[str, str]:
    """The stylesheet parameters the project's Schematron may take for this file (none when in doubt)."""
    return {CHARACTERS_PARAMETER: "false()"} if characters_impossible(data, tree) else {}
