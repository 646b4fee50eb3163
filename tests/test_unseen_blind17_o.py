"""Rules found by blind records of session 17 (round o: Word-exported transcripts with footnotes), proved on
records of our own.

- A note call printed right after a label's colon (``Kohl:[footnoteRef:2] Guten Morgen``, blind records
  o/01, o/06, o/08, o/10) is the label's note; the label is still a label.
- ``Invited:`` over a name (o/03) and the chair's label over a full name and its office (``Presiding: Lazar
  Mojsov, President of the Presidency …``, o/08) are fields of the minutes, no turns.
"""

from __future__ import annotations

import pytest

from tei import record, text_of, xp

from tei_encoder.markers import note_anchor
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import speech_turn


CALL_3, CALL_4 = note_anchor(3), note_anchor(4)  # the reader's marks of the calls of notes 3 and 4


@pytest.mark.parametrize(("text", "label", "rest"), [
    (f"Kohl:{CALL_3} Guten Morgen.", f"Kohl:{CALL_3}", "Guten Morgen."),
    (f"ZHOU ENLAI:{CALL_3} Welcome.", f"ZHOU ENLAI:{CALL_3}", "Welcome."),
    (f"Kohl{CALL_3}: Guten Morgen.", f"Kohl{CALL_3}:", "Guten Morgen."),
    (f"Gomułka:{CALL_4}", f"Gomułka:{CALL_4}", ""),
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


@pytest.mark.parametrize(("name", "rest", "field"), [
    ("Presiding", "Lazar Mojsov, President of the Presidency of the CC LCY.", True),
    ("Chairman", "Comrade Gustáv Husák, First Secretary of the CC CPCz", True),
    ("CHAIRMAN", "Comrade Vasil Biľak, member of the Presidium, has the floor.", False),
    ("Chairman", "Comrade Biľak, you have the floor.", False),  # one word: an address
    ("Chairman", "Lazar Mojsov, please read the draft.", False),
    ("Mojsov", "Lazar Mojsov, President of the Presidency.", False),  # a speaker's label, no chair's
])
def test_the_chairs_label_over_a_name_and_office_is_a_field(name: str, rest: str, field: bool) -> None:
    assert speech_turn._names_the_chair(name, rest) is field


def test_presiding_and_invited_lines_are_fields_not_turns() -> None:
    root = record("word_89_presiding_and_invited_fields_over_turns")
    assert [sp.get("who") for sp in xp(root, "//t:body//t:sp")] == [
        "#chairman", "#bilak", "#strougal", "#husak", "#kempny", "#husak"]
    paragraphs = [text_of(p) for p in xp(root, "//t:body//t:p")]
    assert "Presiding: Gustáv Husák, First Secretary of the CC CPCz." in paragraphs
    assert any(p.startswith("Invited: Comrade Josef Kempný") for p in paragraphs)
    assert "invited" not in xp(root, "//t:person/@xml:id")
