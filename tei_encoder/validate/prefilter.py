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

# The UTF-8 sequences of the characters TE-CHAR-001 looks for, and what could spell them otherwise, by their
# first byte. A one-byte search is a memchr, and most files lack most of these bytes, so a pattern is tried only
# where its first byte occurs (_found): one regular expression of all the alternatives steps through the bytes
# one at a time, and so does a search for one of them (\xe2 leads 3.6 characters of a record, ’ “ ” –, but its
# search read all 20 KB: 90,000 instructions a file; a memchr to each \xe2 and a match there, 10,000).
_CHARACTERS_BY_FIRST_BYTE: tuple[tuple[bytes, re.Pattern[bytes] | None], ...] = (
    (b"\xe2", re.compile(rb"\xe2(?:\x96\xa1|\x80\x90)")),  # U+25A1 □, U+2010 ‐ (\xe2 also leads ’ “ ” – …)
    (b"\xca", re.compile(rb"\xca[\xb9\xba]")),              # U+02B9 ʹ, U+02BA ʺ
    (b"\xc2", re.compile(rb"\xc2[\x80-\x9f]")),             # U+0080–U+009F (\xc2 also leads § ¼ and others)
    (b"\x7f", None),                                        # U+007F
    (b"&", re.compile(rb"&#")),                              # a character reference may spell any of them
    (b"\x00", None),                                        # UTF-16 or UTF-32, whatever the declaration says
)
_UTF8_NAMES = frozenset({"UTF-8", "UTF8"})
# libxml2 reads a file that starts with 4C 6F A7 94 as EBCDIC, whatever it declares; UTF-8 XML starts with "<".
_UTF8_START = re.compile(rb"(?:\xef\xbb\xbf)?[<\s]")


FOOTNOTE_CALL = "[footnoteRef:"
_FOOTNOTE_CALL_BYTES = FOOTNOTE_CALL.encode("ascii")
# What could spell "[footnoteRef:" in a text node of a UTF-8 file other than those bytes themselves. A CDATA
# section is looked for where a "!" is (every file has many a "<"), the "<" before it by a look-behind.
_MAY_SPELL_FOOTNOTE_CALLS: tuple[tuple[bytes, re.Pattern[bytes] | None], ...] = (
    (b"&", re.compile(rb"&#")), (b"!", re.compile(rb"(?<=<)!\[CDATA\[")), (b"\x00", None))
# The sequences of _MAY_SPELL_FOOTNOTE_CALLS that _CHARACTERS_BY_FIRST_BYTE does not hold too.
_MAY_SPELL_BUT_REFERENCES = tuple(sequence for sequence in _MAY_SPELL_FOOTNOTE_CALLS
                                  if sequence[0] not in (b"&", b"\x00"))
_TEI = "{http://www.tei-c.org/ns/1.0}"


def _utf8(data: bytes, tree: etree._ElementTree) -> bool:
    encoding = (tree.docinfo.encoding or "").upper()
    return encoding in _UTF8_NAMES and _UTF8_START.match(data) is not None


def utf8_bytes(data: bytes, tree: etree._ElementTree) -> bool:
    """``tree`` was read from ``data`` as UTF-8: every name and text in it stands in the bytes as its UTF-8."""
    return _utf8(data, tree)


# A multi-byte ``in`` steps through the bytes (18 us for "&#" in a 20 KB file); a one-byte one is a memchr.
_SCANS_BEFORE_FULL_SEARCH = 16


def holds(data: bytes, needle: bytes) -> bool:
    """``needle in data``, found by a memchr for the needle's first byte, which should be a rare one.

    After a few occurrences of that byte that start no needle, the rest is searched the usual way, so
    a file full of that byte costs no more than ``in``.
    """
    first = needle[:1]
    start = data.find(first)
    for _ in range(_SCANS_BEFORE_FULL_SEARCH):
        if start < 0:
            return False
        if data.startswith(needle, start):
            return True
        start = data.find(first, start + 1)
    return start >= 0 and data.find(needle, start) >= 0


def occurrences(data: bytes, needle: bytes) -> int:
    """``data.count(needle)``, for a needle whose first byte is rare: counted at each occurrence of that byte
    (a memchr), where ``count`` compares the whole of ``data`` (10 us for "[footnoteRef:" in a 20 KB record,
    which holds four "[" on average). After a few occurrences of that byte that start no needle the rest is
    counted the usual way, so a file full of that byte costs no more than ``count``."""
    first = needle[:1]
    found = 0
    start = data.find(first)
    for _ in range(_SCANS_BEFORE_FULL_SEARCH):
        if start < 0:
            return found
        if data.startswith(needle, start):
            found += 1
            start = data.find(first, start + len(needle))
        else:
            start = data.find(first, start + 1)
    return found + (data.count(needle, start) if start >= 0 else 0)


def characters_impossible(data: bytes, tree: etree._ElementTree) -> bool:
    """True when the bytes ``tree`` was parsed from prove that no text holds TE-CHAR-001's characters."""
    return _utf8(data, tree) and not may_hold_characters(data)


def may_hold_characters(data: bytes) -> bool:
    """True when UTF-8 ``data`` holds one of TE-CHAR-001's characters or something that could spell one."""
    return _holds_any(data, _CHARACTERS_BY_FIRST_BYTE)


def _holds_any(data: bytes, sequences: tuple[tuple[bytes, re.Pattern[bytes] | None], ...]) -> bool:
    """True when one of the sequences (a byte, and the pattern that matches from it on) is in ``data``."""
    return any(_found(data, first, pattern) for first, pattern in sequences)


def _found(data: bytes, first: bytes, pattern: re.Pattern[bytes] | None) -> bool:
    """``pattern`` (None: any) matches at some occurrence of the byte ``first``; tried at a few occurrences one
    by one, then searched for from there, so a file full of that byte costs no more than one search."""
    start = data.find(first)
    if pattern is None:
        return start >= 0
    for _ in range(_SCANS_BEFORE_FULL_SEARCH):
        if start < 0:
            return False
        if pattern.match(data, start) is not None:
            return True
        start = data.find(first, start + 1)
    return start >= 0 and pattern.search(data, start) is not None


def footnote_calls_impossible(data: bytes, tree: etree._ElementTree) -> bool:
    """True when no text node TE-CHAR-001 searches (header's fileDesc and profileDesc, text) can hold
    "[footnoteRef:": every such string in the bytes stands in the text of the header's encodingDesc,
    where the encoder declares the calls it moved and where the rule does not look.

    Each text-node occurrence is an occurrence in the bytes of its own (no reference or CDATA section can
    spell one, and the predefined entities spell none of its characters), so when those in encodingDesc
    are as many as those in the bytes, there is none anywhere else.
    """
    return _utf8(data, tree) and _footnote_calls_impossible_in_utf8(data, tree)


def _footnote_calls_impossible_in_utf8(data: bytes, tree: etree._ElementTree,
                                       references_ruled_out: bool = False) -> bool:
    """``references_ruled_out``: the bytes are known to hold neither a "&#" nor a NUL (may_hold_characters
    searched them), so only a CDATA section is looked for."""
    sequences = _MAY_SPELL_BUT_REFERENCES if references_ruled_out else _MAY_SPELL_FOOTNOTE_CALLS
    if _holds_any(data, sequences):
        return False
    calls = occurrences(data, _FOOTNOTE_CALL_BYTES)
    if not calls:
        return True
    root = tree.getroot()
    if root.tag != f"{_TEI}TEI":
        return False
    declared = sum(text.count(FOOTNOTE_CALL) for text in _ENCODING_DESC_TEXTS(root))  # type: ignore[union-attr]
    return declared == calls


# The text nodes of the header's encodingDesc, as plain strings: one XPath, 5 us where itertext() made an
# element proxy for every element inside (14-43 us). Counted node by node either way; were two adjacent text
# nodes ever apart here and joined by itertext, a call they spell would go uncounted: a search not skipped.
_ENCODING_DESC_TEXTS = etree.XPath("t:teiHeader/t:encodingDesc/descendant::text()", namespaces={"t": _TEI[1:-1]},
                                   smart_strings=False, regexp=False)  # no EXSLT regexp: registered per call


def schematron_parameters(data: bytes, tree: etree._ElementTree) -> dict[str, str]:
    """The stylesheet parameters the project's Schematron may take for this file (none when in doubt)."""
    parameters: dict[str, str] = {}
    if not _utf8(data, tree):  # (characters_impossible and footnote_calls_impossible, the encoding read once)
        return parameters
    characters_possible = may_hold_characters(data)
    if not characters_possible:
        parameters[CHARACTERS_PARAMETER] = "false()"
    # Its searches for "&#" and NUL are those of may_hold_characters: done once when that one found nothing.
    if _footnote_calls_impossible_in_utf8(data, tree, references_ruled_out=not characters_possible):
        parameters[FOOTNOTE_CALLS_PARAMETER] = "false()"
    return parameters


def rules_out_references(parameters: dict[str, str] | tuple[tuple[str, str], ...]) -> bool:
    """``parameters`` (schematron_parameters' answer) prove the bytes are UTF-8 and hold no character reference
    ("&#"): either parameter is given only after a search for one found none."""
    names = {name for name, _ in (parameters.items() if isinstance(parameters, dict) else parameters)}
    return CHARACTERS_PARAMETER in names or FOOTNOTE_CALLS_PARAMETER in names
