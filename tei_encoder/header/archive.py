"""Archival references: which archive holds the document, and where in it (issue 10 §2).

A reference is a line with two or more archival location tokens: the Russian
fond, opis, delo, list system spelled out or abbreviated (``fond 0112, opis 12,
delo 4, papka 31, listy 15–19``, ``f. 07, op. 3, d. 21, l. 40``, ``Avp rf,
fund 094, inventory 25, folder 8, file 3, sheets 101‐104``) or the American
record-group system (``RG 84, Lot 62 D 12, Box 3``). ``split`` returns the
holding archive (the words before the first token, ``AVP RF``, ``National
Archives``) and the reference proper (``idno``). A line that begins as a
publication (``Reprinted in …``, ``Published in …``, ``Publ.:``) is a
publication, never part of a reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TOKEN", "PUBLICATION", "Reference", "is_reference", "split"]

# One location step: a token word (or its abbreviation), then a number.
TOKEN = re.compile(
    r"(?<![A-Za-z])(?:f|fond|fonds|fund|op|on|opis|inventory|d|delo|file|l|ll|list|listy|sheets?|"
    r"p|pap|papka|folder|por|ed\.\s*khr|k|sh|"
    r"rg|record\s+group|lot|box|entry|series|vol|volume|sygn|sig)\.?\s*\d|"
    r"(?<![а-яА-Я])(?:ф|оп|д|л|лл|п|пап)\.\s*\d|"  # a Russian reference: "АВП РФ, ф. 06, оп. 7, п. 2, д. 29, л. 14"
    r"(?<![A-Za-z])bestand\s+(?:[A-Z]{1,3}\s+)?\d",  # German archives: "Bestand Z 45 F"
    re.I)
PUBLICATION = re.compile(
    r"^(?:Publ\s*\.?\s*:|Published\s*:|Published\s+(?:in|by)\b|Publication\s*:|First published\b|Reprinted\s+(?:in|from)\b|"
    r"Printed\s+in\b|Source\s+of\s+publication\s*:)(?:\s*:)?",  # "Published in: …": the colon is the label's
    re.I)
# A label in front of a reference: "Source: National Archives, RG 84 …", "Archive: …".
_LABEL = re.compile(r"^(?:Source|Archive|Archival reference|Reference|Location|Held at|Original)\s*:\s*", re.I)
_MAX_WORDS = 25
_MAX_PROSE_WORDS = 3  # "Original. Typescript. Signature ‐ autograph." may trail a reference
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_DIGIT = re.compile(r"\d")
# Where a location token can end: a digit right after a letter, a letter and a dot, or a space (every
# token is a word, then an optional dot and spaces, then its number). Digits are few, so this scan is
# cheap where TOKEN's, tried at each letter, is not; a line with fewer than two such digits has fewer
# than two tokens.
_TOKEN_END = re.compile(r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_]\.\d)|(?<=\s\d))")
_TOKEN_WORDS = frozenset({"and", "inventory", "folder", "file", "sheets", "sheet", "fond", "opis", "delo", "listy",
                          "papka", "box", "lot", "entry", "series"})


_CREDIT = re.compile(r"[.;,]\s+(?=(?:Translated|Obtained|Contributed|Donated|Edited|Transcribed) by\b)")


def _unbracketed(text: str) -> str:
    return text[1:-1].strip() if text.startswith("[") and text.endswith("]") else text


@dataclass(frozen=True, slots=True)
class Reference:
    repository: str | None  # the holding archive as printed, or None when the line names none
    idno: str  # the location inside it, as printed


def is_reference(text: str) -> bool:
    """A short line with two or more location tokens, that is not a publication line: the reference
    proper short and bare of prose, the sentence after it, if any, short (the copy's description)."""
    if PUBLICATION.match(text) or len(text) >= 250:
        return False
    if not _DIGIT.search(text):  # every token ends in a number: most lines are done here
        return False
    bare = _LABEL.sub("", text)
    if len(_TOKEN_END.findall(bare)) < 2 or len(TOKEN.findall(bare)) < 2:
        return False
    if len(text.split()) <= _MAX_WORDS and _prose_words(bare) <= _MAX_PROSE_WORDS:
        return True
    reference, description = _reference_and_description(bare)
    return len(reference.split()) <= _MAX_WORDS and _prose_words(reference) <= _MAX_PROSE_WORDS \
        and (not description or _is_description(description))


# What an edition says of the copy after the reference: "Typewritten copy with corrections by K. E.
# Voroshilov.", "Original in Russian with an unofficial French translation attached (not published).";
# the copy an edition printed from, as the Soviet volumes say it: "Printed from the outgoing copy."
_DESCRIPTION = re.compile(r"^(?:Original|Copy|Certified copy|Typewritten|Typescript|Manuscript|Handwritten|Autograph|"
                          r"Draft|Carbon copy|Signed|Unsigned|(?:Printed|Published) from)\b")
_MAX_DESCRIPTION_WORDS = 16
# The end of the sentence that holds the last location token ("sheets 74–96. Typewritten …").
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
# The archive's name spelled out after its abbreviation: "AP RF (former Archive of the Politburo of the CC CPSU)".
_PARENTHESIS = re.compile(r"\([^()]*\)")


def _reference_and_description(text: str) -> tuple[str, str]:
    """The reference (up to the end of the sentence holding its last token; a parenthesis that spells
    out the archive's name not counted) and what follows it."""
    last = list(TOKEN.finditer(text))[-1]
    end = _SENTENCE_END.search(text, last.end())
    reference, description = (text, "") if end is None else (text[:end.start() + 1], text[end.end():])
    return _PARENTHESIS.sub("", reference), description


def _is_description(text: str) -> bool:
    return bool(_DESCRIPTION.match(text)) and len(text.split()) <= _MAX_DESCRIPTION_WORDS


def _prose_words(text: str) -> int:
    """Lower-case words that are not location tokens: ``was in … of the cabinet`` is prose."""
    return sum(1 for word in _LOWER_WORD.findall(TOKEN.sub(" ", text)) if word not in _TOKEN_WORDS)


def split(text: str) -> Reference | None:
    """``AVP RF, f. 07, op. 3`` → (``AVP RF``, ``f. 07, op. 3``); None when ``text`` is no reference."""
    if not is_reference(text):
        return None
    bare = _LABEL.sub("", _unbracketed(text.strip()))
    bare = _CREDIT.split(bare)[0]  # "… ll. 44-52. Translated by Gary Goldberg." ends at the credit
    first = TOKEN.search(bare)
    assert first is not None  # is_reference found two
    repository = bare[:first.start()].strip(" ,.;:") or _archive_among_steps(bare)
    return Reference(repository, bare[first.start():].strip().rstrip(".").strip())


# A Russian archive's name as its own part of a reference printed in another order, the sheets first
# ("Listy 23-25. AVP RF. Fond 04. Opis 13 …", "L. 23-25. AVP RF. F. 04 …"): the holding archive all the same.
_ARCHIVE_PART = re.compile(r"(?:^|[.,;]\s+)(?P<name>AVP\s?RF|AP\s?RF|AVPR|RGASPI|RTsKhIDNI|GARF|RGAE|RGANI|RGVA|"
                           r"TsAMO|TsKhSD|RGVIA)(?=\s*(?:[.,;](?:\s|$)|$))", re.I)


def _archive_among_steps(text: str) -> str | None:
    """The archive named between the location steps or after them, or None; the reference keeps it where it
    stands (the line is the idno as printed)."""
    found = _ARCHIVE_PART.search(text)
    return found.group("name") if found else None
