"""Labels in the middle of a paragraph, after a sentence end: ``ORLOV: How many divisions?
ASHBY: Three hundred thousand men.`` is two turns. The unit is split before each such label and
passed on (the speech-turn rule then takes each part).

A label inside a paragraph is one only when it is clearly a label: a name in capitals, a role
word, or a name the record uses as a speaker. Must not match ordinary prose: ``as follows:
Moscow``, ``the note said: Peace`` (no sentence end before), ``… at noon. Orlov: …`` when Orlov
is no speaker of the record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import speech_turn
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    starts = [start for start, name in speech.inline_label_starts(unit.text) if _is_label(layout, name)]
    if not starts:
        return None
    bounds = [0] + starts + [len(unit.text)]
    pieces = [unit.text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    layout.units[i:i + 1] = [Unit(unit.line, (piece,), piece) for piece in pieces if piece]
    layout.split_labels.update((unit.line, piece) for piece in pieces[1:] if piece)  # the decision trace
    return None  # each part is read by the rules after this one


def _is_label(layout: Layout, name: str) -> bool:
    if speech.is_capitals(name) and len(name.rstrip(".")) > 1:
        return True  # "ASHBY:", "QUESTION:"; a lone "A:" only when the record uses it so
    if speech_turn.record_labels(layout).colon[name.rstrip(".").casefold()] >= 2:
        return True  # counted here once, at a block start elsewhere too
    known = layout.persons.registry.resolve(name)
    return known is not None and known in layout.speakers


RULE = BlockRule("inline-labels", read)
