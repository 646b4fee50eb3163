"""``Recorded by …``, ``Signed …`` (German ``gez. …``), ``[signature]``: the closing of a document with body
text; the recorder, or the signer named after ``Signed``, is registered; a ``[signature illegible]`` line
under it joins the closing; what follows (but a source note) is the distribution matter, under a short
heading in capitals when it has one.

Must not match: a line that does not open with those words (``He signed the treaty.``), or
any closing line before body text in its document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.letters import UPPER
from tei_encoder.markers import plain
from tei_encoder.reader.block_rules import closing_matter, source_note
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^(?:Recorded by|Record made by|Record taken by|Signed|Signature|gez\.|Drafted by|"
                     r"Written by|Prepared by|Compiled by|(?:Minutes|Notes) taken by|"
                     r"Записал[аи]?|Запись вел[аи]?)(?!\w)", re.I)  # Russian: "Записал В. Павлов"
_RECORDER_IN_BRACKETS = re.compile(r"\(([^()]+)\)\s*\.?$")
_RECORDER_AFTER_BY = re.compile(rf"(?:\bby|^Записал[аи]?|^Запись вел[аи]?)\s+((?:[{UPPER}][\w.'’-]*\s?){{1,4}})")
_CAPS_WORD = re.compile(r"[A-Z]{2,}")
# "Signed V. Molotov", "Signed: A. Eden", the German "gez. H. Axen" (gezeichnet): the signer's name alone after it.
_SIGNED_NAME = re.compile(rf"^(?i:signed|gez\.)\s*:?\s*(?P<name>(?:[{UPPER}][\w.'’-]*\s?){{1,4}})$")


def matches(text: str) -> bool:
    return bool(PATTERN.match(text)) or "[signature]" in text.lower()


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not (matches(unit.text) and layout.div.has_body):
        return None  # a closing needs body text before it in its document
    if not PATTERN.match(unit.text) and closing_matter.ends_document(layout, i):
        return None  # "With deep respect," / "Kim Il Sung" / "[signature]" / date: the closing matter, line by line
    if not PATTERN.match(unit.text) and (prose := _prose_lines(unit)):
        # "… in the first half of 1950." / "With deep respect," / "Kim Il Sung" / "[signature]" in one block:
        # the paragraph, then the closing lines, each read by the rules on their own
        layout.units[i:i + 1] = [Unit(unit.line, unit.lines[:prose]), Unit(unit.line + prose, unit.lines[prose:])]
        return i
    recorder = _RECORDER_IN_BRACKETS.search(plain(unit.text)) or _RECORDER_AFTER_BY.search(plain(unit.text))
    signer = _SIGNED_NAME.match(plain(unit.text).strip())
    if signer:
        layout.persons.sender(signer.group("name").strip().rstrip("."))
    elif recorder:
        layout.persons.recorder(recorder.group(1).strip().rstrip("."))
    i += 1
    marks: list[tuple[str, str]] = []
    while i < len(layout.units) and closing_matter.SIGNATURE_MARK.match(layout.units[i].text):
        marks.append(("signed", layout.units[i].text))  # "[signature illegible]" under the recorder
        i += 1
    layout.add(ClosingBlock(unit.line, unit.text, more=tuple(marks)))
    if i < len(layout.units) and not source_note.matches(layout.units[i].text):
        layout.new_division("distribution")
        first = layout.units[i].text
        if len(first.split()) <= 4 and first.upper() == first and _CAPS_WORD.search(first):
            layout.heading(layout.units[i].line, first)
            i += 1
    return i


def _prose_lines(unit: Unit) -> int:
    """How many lines of body text open a block whose closing lines follow them without a blank line:
    lines up to the first that is a closing line (a valediction, a signature, a mark); 0 when the block
    opens with one or has none."""
    for index, line in enumerate(unit.lines):
        if index and closing_matter.kind_of(line, last=True) is not None:
            return index if all(len(text.split()) > 8 for text in unit.lines[:index]) else 0
    return 0


RULE = BlockRule("closing", read)
