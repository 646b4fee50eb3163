"""Rules found by blind records of session 17 (round o: Word-exported transcripts with footnotes), proved on
records of our own.

- A note call printed right after a label's colon (``Kohl:[footnoteRef:2] Guten Morgen``, blind records
  o/01, o/06, o/08, o/10) is the label's note; the label is still a label.
"""

from __future__ import annotations

import pytest

from tei import record, text_of, xp

from tei_encoder.reader import speech


@pytest.mark.parametrize(("text", "label", "rest"), [
    ("Kohl:\ue0013\ue002 Guten Morgen.", "Kohl:\ue0013\ue002", "Guten Morgen."),
    ("ZHOU ENLAI:\ue0013\ue002 Welcome.", "ZHOU ENLAI:\ue0013\ue002", "Welcome."),
    ("Kohl\ue0013\ue002: Guten Morgen.", "Kohl\ue0013\ue002:", "Guten Morgen."),
    ("Gomułka:\ue0014\ue002", "Gomułka:\ue0014\ue002", ""),
])
def test_a_note_call_after_the_colon_belongs_to_the_label(text: str, label: str, rest: str) -> None:
    assert speech.match_label(text) == ("", label, rest)


def test_labels_with_a_note_after_the_colon_open_turns() -> None:
    root = record("word_88_note_calls_after_label_colons")
    turns = xp(root, "//t:body//t:sp")
    assert [sp.get("who") for sp in turns] == ["#zhivkov", "#gomulka"] * 3 + ["#zhivkov"]
    first = turns[0]
    assert xp(first, "t:speaker/t:note/@n") == ["2"]
    assert xp(first, "t:speaker/text()") == ["ZHIVKOV:"]
    assert text_of(xp(first, "t:p")[0]).startswith("Welcome to Varna")
    staged = turns[3]
    assert xp(staged, "t:speaker/t:note/@n") == ["3"]
    assert [text_of(s) for s in xp(staged, "t:stage")] == ["(after a pause)"]
    assert text_of(xp(turns[5], "t:p")[0]).startswith("Then we agree.")
    assert xp(turns[5], "t:speaker/t:note/@n") == ["4"]
