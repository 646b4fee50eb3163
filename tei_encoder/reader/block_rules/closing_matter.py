"""The closing matter at the end of a document, in any order: signatures (one or two columns on
a line: ``Head of the delegation S. Vinogradov   Member of the delegation A. Lavrentyev``, or a
bare surname as the last line), a valediction (``With greetings!``, ``Yours sincerely,``), the
date under the signatures, then source notes and keywords: one closing, its lines in the source's
order; the signers are registered as senders.

Only after body text, and only when the run reaches the end of the record, a distribution list
(``cc: …``) or the start of a next document (document_start.py). Must not match: a signature-like line followed by more body text, a
run without a signature or valediction that is not a lone trailing date, ``With greetings to the
Minister, he left.`` (a sentence).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import FORM_FEED, plain
from tei_encoder.reader.block_rules import document_start, source_note, valediction
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock, SourceBlock, SourcePart
from tei_encoder.reader.opening import is_dateline

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

GREETING = re.compile(r"^(?:With (?:\w+ ){0,2}(?:greetings|regards|respects?|wishes|salutations?)|"
                      r"(?:Comradely|Fraternal|Warm|Best|Kind|Cordial) (?:greetings|regards)|Greetings)\s*[!.,]?$",
                      re.I)
# A signer: initials and a surname (``S. Vinogradov``, ``A.Ya. Vyshinsky``, ``V. M. MOLOTOV``).
SIGNER = re.compile(r"(?<![\w.])(?:[A-Z][a-z]?\.\s?){1,3}[A-Z][\w'’-]+")
# A distribution list after the closing (``cc: …``, ``Copies to: …``): the closing matter ends there.
DISTRIBUTION_HEAD = re.compile(r"^(?:cc|bcc|copy to|copies to|copies|distribution|sent to)\s*[:.-]", re.I)
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?){2,4}$")  # "C.E.B.": a signature by initials
_BARE_NAME = re.compile(r"^[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?\.?$|^[A-Z'’-]{3,}$")
_SENTENCE = re.compile(r"[a-z]{2}[.!?;]\s|[,;:]$|\b(?:is|was|are|were|has|had|will|said|says)\b")


def columns(text: str) -> list[str] | None:
    """The signatures of a signature line, one per column (split after each signer's name), or
    None when the line is no signature line (a sentence, words after the last name)."""
    bare = plain(text).strip()
    names = list(SIGNER.finditer(bare))
    if (not names or len(bare.split()) > 16 or _SENTENCE.search(bare)
            or names[-1].end() != len(bare.rstrip(". "))):
        return None
    if bare != text.strip():
        return [text]  # a note anchor in the line: kept whole
    cuts = [0] + [name.end() for name in names[:-1]] + [len(bare)]
    return [bare[start:end].strip() for start, end in zip(cuts, cuts[1:])]


def _named_elsewhere(layout: Layout, name: str) -> bool:
    """A bare surname signs only when the record prints it elsewhere with initials or a title
    (``V. M. Molotov``, ``Comrade Molotov``): ``Applause`` or ``Moscow`` as a last line is no signer."""
    surname = re.escape(name.rstrip(". ").split()[-1])
    pattern = re.compile(rf"(?:[A-Z][a-z]?\.\s?|(?i:comrade|mr|mrs|sir|ambassador|minister|general)\.?\s)"
                         rf"(?i:{surname})\b")
    return any(pattern.search(plain(unit.text)) for unit in layout.units)


def kind_of(text: str, last: bool) -> str | None:
    """What a closing line is: signed, salute, dateline, source (a reference, publication or the
    keywords); None for body text."""
    bare = plain(text).strip()
    if GREETING.match(bare) or valediction.PATTERN.match(bare):
        return "salute"
    if is_dateline(bare) and len(bare.split()) <= 8:
        return "dateline"
    if source_note.matches(bare):
        return "source"
    if columns(bare) or (last and (_BARE_NAME.match(bare) or _INITIALS.match(bare))):
        return "signed"
    return None


def _run(layout: Layout, i: int) -> list[str] | None:
    """The kinds of the units from i to the end of the document, if all are closing lines."""
    kinds: list[str] = []
    j = i
    while j < len(layout.units) and layout.units[j].text != FORM_FEED and not (
            j > i and (DISTRIBUTION_HEAD.match(layout.units[j].text) or document_start.starts(layout, j))):
        unit = layout.units[j]
        if len(unit.lines) != 1 or kind_of(unit.text, last=True) is None:
            return None  # (most units end the search here, before the dearer checks below)
        kind = kind_of(unit.text, _last(layout, j))
        if kind is None or (kind == "signed" and not columns(unit.text) and not _INITIALS.match(unit.text)
                            and not _named_elsewhere(layout, plain(unit.text))):
            return None
        kinds.append(kind)
        j += 1
    if j < len(layout.units) and layout.units[j].text == FORM_FEED:
        return None
    useful = {"signed", "salute"} & set(kinds) or kinds[:1] == ["dateline"]
    return kinds if kinds and useful else None


def _last(layout: Layout, j: int) -> bool:
    """Unit j is the last of its document but for source notes."""
    return (j + 1 == len(layout.units) or all(source_note.matches(later.text) for later in layout.units[j + 1:])
            or bool(DISTRIBUTION_HEAD.match(layout.units[j + 1].text)) or document_start.starts(layout, j + 1))


def read(layout: Layout, i: int) -> int | None:
    if not layout.div.has_body or layout.div.closed or layout.div.kind == "distribution":
        return None
    kinds = _run(layout, i)
    if kinds is None:
        return None
    line = layout.units[i].line
    lines: list[tuple[str, str]] = []
    sources: list[SourcePart] = []
    for offset, kind in enumerate(kinds):
        text = layout.units[i + offset].text
        if kind == "signed":
            signatures = columns(text) or [text]
            for signature in signatures:
                signer = SIGNER.search(plain(signature))
                layout.persons.sender(signer.group() if signer else plain(signature).rstrip(". "))
            lines.extend(("signed", signature) for signature in signatures)
        elif kind in ("salute", "dateline"):
            lines.append((kind, text))
        else:
            sources.append(source_note.part_of(text))
    layout.add(ClosingBlock(line, "", more=tuple(lines)))
    if sources:
        source_note.remember(layout, sources)
        first = kinds.index("source")
        layout.add(SourceBlock(layout.units[i + first].line, tuple(sources)))
    return i + len(kinds)


RULE = BlockRule("closing-matter", read)
