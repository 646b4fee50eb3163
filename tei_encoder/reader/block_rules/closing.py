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
from tei_encoder.reader.block_rules import closing_matter, participants, source_note
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

PATTERN = re.compile(r"^(?:Recorded by|Record made by|Record taken by|Signed|Signature|gez\.|Drafted by|"
                     r"Written by|Prepared by|Compiled by|(?:Minutes|Notes) taken by|"
                     r"Записал[аи]?|Запись вел[аи]?|"  # Russian: "Записал В. Павлов"
                     # who vouches for the record at its foot: "Checked by: Zhou Enlai", "Authorised by: …", a
                     # stenogram's "Stenographers:" over their names, the German "f. d. R." (für die Richtigkeit)
                     r"Checked by|Verified by|Authori[sz]ed by|Stenographers?\s*:|f\.\s?d\.\s?R\.|Für die Richtigkeit)(?!\w)",
                     re.I)
# A further line of those who vouch for the record under the first (``Stenographers:`` / … / ``Authorised by: …``).
_VOUCHING = re.compile(r"^(?:Checked by|Verified by|Authori[sz]ed by|Stenographers?\s*:)(?!\w)", re.I)
# A further sentence after who checked it: the line is the record's paragraph on its copies, not its closer.
_SENTENCE_AFTER = re.compile(r"[a-z]\.\s+[A-Z]")
# The German "f. d. R." (für die Richtigkeit, certified correct) over the signature of who checked the copy.
_CERTIFIED = re.compile(r"^(?:f\.\s?d\.\s?R\.|Für die Richtigkeit)(?!\w)", re.I)
# A signature's mark before the signer's name: "[Unterschrift] Sieber", "[signature] M. Radović".
_MARK_BEFORE_NAME = re.compile(r"^\[(?i:signature|signed|Unterschrift)[^\[\]]*\]\s*")


def _signer_or_date(text: str) -> str | None:
    """Under ``Stenographers:`` / ``f. d. R.``: a name (``M. Radović``, ``[Unterschrift] Sieber``) or the date
    (``12.12.1985``), the closing's own; read as the distribution, they stood apart from their head."""
    bare = _MARK_BEFORE_NAME.sub("", plain(text).strip())
    kind = closing_matter.kind_of(bare, last=True)
    return kind if kind in ("signed", "dateline") else None


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
    if _VOUCHING.match(unit.text) and _SENTENCE_AFTER.search(plain(unit.text)):
        return None  # "Checked by Huang Zhen. Printed and distributed: 17 copies …": the record's own paragraph
    if participants.among_labelled_lines(layout, i):
        return None  # "Present: …" / "Minutes taken by: …": the recorder of the list above, the minutes to come
    if not PATTERN.match(unit.text) and closing_matter.ends_document(layout, i):
        return None  # "With deep respect," / "Kim Il Sung" / "[signature]" / date: the closing matter, line by line
    if not PATTERN.match(unit.text) and (apart := closing_matter.prose_apart(layout, i)) is not None:
        return apart  # "… of 1950." / "With deep respect," / "Kim Il Sung" / "[signature]": the paragraph first
    recorder = _RECORDER_IN_BRACKETS.search(plain(unit.text)) or _RECORDER_AFTER_BY.search(plain(unit.text))
    signer = _SIGNED_NAME.match(plain(unit.text).strip())
    if signer:
        layout.persons.sender(signer.group("name").strip().rstrip("."))
    elif recorder:
        layout.persons.recorder(recorder.group(1).strip().rstrip("."))
    i += 1
    marks: list[tuple[str, str]] = []
    vouched = _VOUCHING.match(unit.text) or _CERTIFIED.match(unit.text)
    while i < len(layout.units) and (closing_matter.SIGNATURE_MARK.match(layout.units[i].text)
                                     or _VOUCHING.match(layout.units[i].text)
                                     or (vouched and _signer_or_date(layout.units[i].text))):
        dated = vouched and _signer_or_date(layout.units[i].text) == "dateline"
        marks.append(("dateline" if dated else "signed", layout.units[i].text))  # "[signature illegible]", "Authorised by: …"
        i += 1
    layout.add(ClosingBlock(unit.line, unit.text, more=tuple(marks)))
    if i < len(layout.units) and not source_note.matches(layout.units[i].text):
        layout.new_division("distribution")
        first = layout.units[i].text
        if len(first.split()) <= 4 and first.upper() == first and _CAPS_WORD.search(first):
            layout.heading(layout.units[i].line, first)
            i += 1
    return i


RULE = BlockRule("closing", read)
