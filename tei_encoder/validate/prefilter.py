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
Schematron scans as every other processor does.

The rule's other search, for "[footnoteRef:" in every text node, is skipped
the same way (parameter ``footnote-calls-possible``) when the UTF-8 bytes
hold no character reference and no CDATA section (the parser joins a CDATA
section to the text around it, so "[foot<![CDATA[…" could spell one) and
every "[footnoteRef:" in them is in the header's encodingDesc (see
``footnote_calls_impossible``). Neither parameter is given for a tree
XInclude expanded: its text is no longer all in the bytes.
"""

from __future__ import annotations

import re

from lxml import etree

CHARACTERS_PARAMETER = "leftover-characters-possible"
FOOTNOTE_CALLS_PARAMETER = "footnote-calls-possible"

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


FOOTNOTE_CALL = "[footnoteRef:"
# What could spell "[footnoteRef:" in a text node of a UTF-8 file other than those bytes themselves.
_MAY_SPELL_FOOTNOTE_CALLS = re.compile(rb"&#|<!\[CDATA\[|\x00")
_TEI = "{http://www.tei-c.org/ns/1.0}"


def _utf8(data: bytes, tree: etree._ElementTree) -> bool:
    encoding = (tree.docinfo.encoding or "").upper()
    return encoding in _UTF8_NAMES and _UTF8_START.match(data) is not None


def characters_impossible(data: bytes, tree: etree._ElementTree) -> bool:
    """True when the bytes ``tree`` was parsed from prove that no text holds TE-CHAR-001's characters."""
    return _utf8(data, tree) and _MAY_HOLD_CHARACTERS.search(data) is None


def footnote_calls_impossible(data: bytes, tree: etree._ElementTree) -> bool:
    """True when no text node TE-CHAR-001 searches (header's fileDesc and profileDesc, text) can hold
    "[footnoteRef:": every such string in the bytes stands in the text of the header's encodingDesc,
    where the encoder declares the calls it moved and where the rule does not look.

    Each text-node occurrence is an occurrence in the bytes of its own (no reference or CDATA section can
    spell one, and the predefined entities spell none of its characters), so when those in encodingDesc
    are as many as those in the bytes, there is none anywhere else.
    """
    if not _utf8(data, tree) or _MAY_SPELL_FOOTNOTE_CALLS.search(data) is not None:
        return False
    calls = data.count(FOOTNOTE_CALL.encode("ascii"))
    if not calls:
        return True
    root = tree.getroot()
    if root.tag != f"{_TEI}TEI":
        return False
    declared = sum(text.count(FOOTNOTE_CALL) for desc in root.iterfind(f"{_TEI}teiHeader/{_TEI}encodingDesc")
                   for text in desc.itertext())
    return declared == calls


def schematron_parameters(data: bytes, tree: etree._ElementTree) -> dict[str, str]:
    """The stylesheet parameters the project's Schematron may take for this file (none when in doubt)."""
    parameters = {}
    if characters_impossible(data, tree):
        parameters[CHARACTERS_PARAMETER] = "false()"
    if footnote_calls_impossible(data, tree):
        parameters[FOOTNOTE_CALLS_PARAMETER] = "false()"
    return parameters
