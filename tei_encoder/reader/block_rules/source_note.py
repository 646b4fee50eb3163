"""The source's own apparatus at the end: archival references (``avprf, f.059, op.24, d.13``),
publication lines (``Publ.: …``, ``Published in …``, ``Reprinted in …``), the edition's description
of marks on the original (``On the telegram there is a resolution: …``) and keywords, one note; a signature before a reference on its line
(``I. Maisky avprf, f.059 …``) makes it a closing.

Must not match: a sentence with one archive-like token (``see d. 4 of the report``).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from tei_encoder.header import archive
from tei_encoder.letters import UPPER
from tei_encoder.markers import plain
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock, SourceBlock, SourcePart
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

ARCHIVE_TOKEN = re.compile(
    r"(?<![A-Za-z])(?:f|fond|op|on|opis|d|delo|l|ll|list|p|pap|papka|por|ed\.\s*khr|k|sh)\.?\s*\d"
    r"|(?<![а-яА-Я])(?:ф|оп|д|л|лл|п)\.\s*\d",  # Russian: "ф. 06, оп. 7"
    re.I)
PUBLICATION = archive.PUBLICATION  # header/archive.py: "Publ.:", "Published in", "Reprinted in" …
KEYWORDS = re.compile(r"^Key\s?words?\s*:", re.I)  # the record's keywords, after its references
# The edition's description of what is written on the archival original, printed with its reference:
# "On the telegram there is a resolution: …", "At the top of the first page is a handwritten note: …",
# "Handwritten resolution on the document: …". Its words (the resolution's) stay in the note as text.
ANNOTATION = re.compile(
    r"^(?:(?:On|At the (?:top|bottom|head|foot) of|In the margins? of)\s+(?:the\s+)?(?:first\s+page\s+of\s+the\s+)?"
    r"(?:telegram|document|letter|original|copy|memorandum|note|record|text|page|report)\b[^.:]{0,60}?"
    r"|(?:Handwritten|Typed|Author['’]s)\s+)"
    r"\b(?:resolution|notation|inscription|note|remark|mark|visa|signature)s?\b[^:]{0,40}:\s*\S", re.I)
# A labelled source line at the end, as FRUS and the Wilson translations print it: "Source: Department
# of State, Central Files, 663.001/5-1255. Secret. Drafted by Bohlen." (a file number, or an archive's name).
# Not an intelligence report's informant ("SOURCE: A Western journalist … Appraisal of content: B-2."):
# a reference never opens with an article, and its numbers are a file's (663.001/5-1255, a year, 3 digits).
SOURCE_LINE = re.compile(r"^(?:Source|Archival source)\s*:\s*(?!\s|(?:An?|The)\s)(?=[^\n]{0,300}$)"
                         r"(?=.*(?:\d{3}|\d[./]\d|\b(?:Archives?|Files|Papers|"
                         r"Library|Collection|Fonds?|Ministry|Department)\b))", re.I)
_SIGNED_REFERENCE = re.compile(rf"^(?P<name>(?:[{UPPER}]\.\s*){{1,3}}[{UPPER}][a-z'’-]+)\s+(?P<ref>\S.*)$")


# Cached: the block rules, the turn reader and the label count ask this of the same unit's text again.
@functools.lru_cache(maxsize=1024)
def matches(text: str) -> bool:
    """A publication line, keywords, a description of a mark on the original, or a short line with
    at least two archival reference tokens (header/archive.py)."""
    if PUBLICATION.match(text) or KEYWORDS.match(text) or ANNOTATION.match(text):
        return True
    return archive.is_reference(text) or bool(SOURCE_LINE.match(text))  # header/archive.py (also "RG 84, Lot 62 D 12, Box 3")


def unit_matches(unit: Unit) -> bool:
    """The unit is a source note: as a whole, or line by line (two references in one block)."""
    return matches(unit.text) or (len(unit.lines) > 1 and all(matches(line) for line in unit.lines))


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not matches(unit.text):
        if not unit_matches(unit):
            return None
        layout.units[i:i + 1] = [Unit(unit.line + k, (line,)) for k, line in enumerate(unit.lines)]  # a line each
    line = layout.units[i].line
    parts: list[SourcePart] = []
    signed = None
    while i < len(layout.units) and matches(layout.units[i].text):
        text = layout.units[i].text
        if PUBLICATION.match(text) or KEYWORDS.match(text) or ANNOTATION.match(text):
            parts.append(part_of(text))
        else:
            name, reference = split_signature(text) if layout.div.has_body else (None, text)
            if name:
                signed = name
                layout.persons.sender(plain(name))
            parts.append(SourcePart("archival", reference))
        i += 1
    remember(layout, parts)
    if signed and layout.div.has_body:
        layout.add(ClosingBlock(line, signed, tuple(parts)))
    else:
        layout.add(SourceBlock(line, tuple(parts)))  # a note: not the text a closing needs
    return i


def part_of(text: str) -> SourcePart:
    """A line of a source note: a publication line, the keywords, or an archival reference."""
    if PUBLICATION.match(text):
        return SourcePart("publication", text)
    if ANNOTATION.match(text):
        return SourcePart("annotation", text)
    return SourcePart("keywords" if KEYWORDS.match(text) else "archival", text)


def remember(layout: Layout, parts: list[SourcePart]) -> None:
    """What the header learns from source notes: the publication, the archival references."""
    for part in parts:
        if part.kind == "publication":
            layout.findings.publication = PUBLICATION.sub("", part.text).strip()
        elif part.kind == "archival":
            _archival(layout, part.text)


def split_signature(text: str) -> tuple[str | None, str]:
    """``I. Maisky avprf, f.059 …`` → (``I. Maisky``, ``avprf, f.059 …``)."""
    match = _SIGNED_REFERENCE.match(text)
    if match and ARCHIVE_TOKEN.search(match.group("ref")):
        return match.group("name"), match.group("ref")
    return None, text


def _archival(layout: Layout, reference: str) -> None:
    found = archive.split(plain(reference))  # the header gets repository + idno, apart
    prefix = found.repository if found and found.repository else ""
    labelled = SOURCE_LINE.match(plain(reference))
    if found is None and labelled:  # "Source: Department of State, Central Files, 663.001/5-1255. Secret.": its first sentence
        reference = re.split(r"\.\s", plain(reference)[labelled.end():], maxsplit=1)[0].rstrip(".")
    layout.findings.archival.append(found.idno if found else reference)
    if prefix and not layout.findings.repository:
        layout.findings.repository = prefix


RULE = BlockRule("source-note", read)
