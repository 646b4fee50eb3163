"""The name a biographical footnote's anchor follows, found without re-reading the paragraph.

reader/persons.py looks for the name only in the last few words before each anchor (a search of every
text from its start for every note made a Word transcript with a note per line quadratic:
benchmarks/bench_scaling.py, convert-footnotes). These tests pin that the short search finds what a
search of the whole text before the anchor finds.
"""

from __future__ import annotations

import random

import pytest

from tei_encoder.reader.persons import _NAME_BEFORE_ANCHOR, _first_anchors, _start_of_last_words
from tei_encoder.markers import note_anchor


def _whole(text: str) -> str | None:
    match = _NAME_BEFORE_ANCHOR.search(text)
    return match.group(1) if match else None


def _short(text: str) -> str | None:
    match = _NAME_BEFORE_ANCHOR.search(text, _start_of_last_words(text, len(text)), len(text))
    return match.group(1) if match else None


@pytest.mark.parametrize("text", [
    "", "Stalin", "said Comrade Stalin", "said Comrade Stalin ", "Clark Kerr \n", "to Mr Clark Kerr\n",
    "a b c d Pavel Yudin", "the minister, Yudin ", "O’Neill-Smith", "x  Y Z\t", "lower case only",
])
def test_the_last_words_hold_the_name_the_whole_text_gives(text: str) -> None:
    assert _short(text) == _whole(text)


def test_random_texts_give_the_same_name_both_ways() -> None:
    chooser = random.Random(8)
    alphabet = "Ab c\n’-' Xz\t."
    for _ in range(20000):
        text = "".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 24)))
        assert _short(text) == _whole(text), repr(text)


def test_each_anchor_is_found_at_its_first_place() -> None:
    texts = ["no anchors", f"Yudin{note_anchor(0)} and Mao{note_anchor(1)}", f"again{note_anchor(0)}"]
    assert _first_anchors(texts) == {note_anchor(0): (1, 5), note_anchor(1): (1, 13 + len(note_anchor(0)))}
