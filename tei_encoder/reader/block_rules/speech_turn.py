"""A labelled turn: ``Stalin: …``, ``Q: …``, ``Kelly. Yes …``; the turn runs over the following
units until a label, heading, apparatus, a reporting clause about someone, or, for a quoted
turn, the close of its quotation.

A label with a full stop is one only for a role label or a person who already speaks in this
record (ENCODING.md 3: ``Cripps.`` alone is no label). Must not match: ``Citation: …`` (a
field, see ``speech.NOT_SPEAKERS``), ``Cripps. Then …`` before Cripps has spoken.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.markers import FORM_FEED, plain
from tei_encoder.header import people
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import caps_heading, closing, omission, page_marker, participants, source_note
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import PageInTurn, Speech, Stage, TurnBlock, TurnPart
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

FULL_STOP_LABEL = re.compile(r"^(?P<lead>[\u25a1 ]*)(?P<label>Q|A|Question|Answer|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                             r"\.\s+(?P<rest>\S.*)$", re.S)
_LEADING_STAGE = re.compile(r"^(?P<stage>\([^()]{1,60}\))\s*(?P<rest>.*)$", re.S)

Label = tuple[str, str, str]  # (OCR boxes before it, the label as printed, the rest of the unit)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    label = speech.match_label(unit.text) or full_stop_label(layout, unit.text)
    if label and len(unit.lines) > 1 and not label[2]:  # "Name:" alone on its first line
        label = (label[0], label[1], " ".join(unit.lines[1:]))
    if not label:
        return None
    return _turn(layout, i, label)


def full_stop_label(layout: Layout, text: str) -> Label | None:
    """``Q. Where …`` / ``Kelly. Yes …``: a role label, or the name of someone who spoke already."""
    match = FULL_STOP_LABEL.match(text)
    if not match:
        return None
    name = match.group("label")
    if name.lower() in people.TITLES:
        return None  # "Mr. Vyshinsky replied …": a title before a name, not a label
    known = name.lower() in people.ROLE_LABELS or (
        (person := layout.persons.registry.resolve(name)) is not None and person in layout.speakers)
    return (match.group("lead"), name + ".", match.group("rest")) if known else None


def _turn(layout: Layout, i: int, label: Label) -> int | None:
    lead, printed, rest = label
    who = layout.persons.speaker(printed[:-1])
    if who is None:
        return None
    layout.speakers.add(who)
    line = layout.units[i].line
    parts: list[TurnPart] = []
    stage = _LEADING_STAGE.match(rest)
    if stage:
        parts.append(Stage(stage.group("stage")))
        rest = stage.group("rest")
    if rest:
        layout.replace_unit(i, Unit(line, (rest,), rest))
        text, i = layout.paragraph_text(i)
        parts.append(Speech(text))
    else:
        i += 1
        if i < len(layout.units) and _continues(layout, i):
            text, i = layout.paragraph_text(i)
            parts.append(Speech(text))
    speech_text = " ".join(part.text for part in parts if isinstance(part, Speech))
    quoted = plain(speech_text).lstrip(" \u25a1").startswith(('"', "“"))
    while i < len(layout.units) and _continues(layout, i):
        if quoted and _quotes_balanced(speech_text):
            break
        page = page_marker.PATTERN.match(layout.units[i].text)
        if page:
            parts.append(PageInTurn(page.group("n")))
            i += 1
            continue
        if not quoted and speech.opens_with_reporting_clause(plain(layout.units[i].text)):
            break  # "VYSHINSKY asks whether …" is the record's narration, not this turn
        text, i = layout.paragraph_text(i)
        parts.append(Speech(text))
        speech_text += " " + text
    layout.add(TurnBlock(line, lead, printed, who, tuple(parts)))
    return i


def _continues(layout: Layout, i: int) -> bool:
    """A unit that can continue a turn: no label, heading, apparatus or break."""
    text = layout.units[i].text
    return not (text == FORM_FEED or omission.PATTERN.match(text) or speech.match_label(text)
                or full_stop_label(layout, text)
                or caps_heading.matches(text) or participants.PATTERN.match(text)
                or closing.PATTERN.match(text) or source_note.matches(text))


def _quotes_balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") <= text.count("”")


RULE = BlockRule("speech-turn", read)
