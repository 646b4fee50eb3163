"""Unseen records written in round 4 on the blind17/m Wilson Center pages: a tape transcript whose last turn
is followed by the tape's end, a rule and the translator's notes (m/08); two cables on one page whose numbers
under the signatures (``No. 2381``) made a speaker ``No`` (m/01).
"""

from __future__ import annotations

from tei import record, tei, text_of, xp


# -- the end of the recording and a rule end the turns (speech_turn._ends_the_recording)

def test_the_notes_after_the_end_of_tape_are_no_ones_speech() -> None:
    """``[End of tape]`` / ``___`` / ``Editor's remarks: 1. …`` after the last turn: outside it. Before, all
    three ran on in Neiber's turn (a wrong speaker for the editor's words)."""
    root = record("wilson_165_tape_transcript_end_of_tape_rule_translators_notes")
    turns = xp(root, "//t:body//t:sp")
    assert len(turns) == 7
    assert text_of(turns[-1]).split() == ["Gerhard", "Neiber:", "Understood."]
    outside = [text_of(p) for p in xp(root, "//t:body//t:p[not(ancestor::t:sp)]")]
    assert "[End of tape]" in outside
    assert any(text.startswith("Editor's remarks:") for text in outside)


TRANSCRIPT = """Kohl: We shall see in the autumn.

Mitterrand: Then we meet again in October.

Kohl: Agreed.

[END OF TRANSCRIPT]

Note by the transcriber: the last minutes of the tape are silent.
"""

RULED = """Kohl: We shall see in the autumn.

Mitterrand: Then we meet again in October.

Kohl: Agreed.

---

Translator's notes:
1. The meeting took place at the Elysee.
"""

BROKEN = """Kohl: We shall see in the autumn.

[Break in recording]

And in the spring as well.

Mitterrand: Then we meet again in October.
"""


def test_end_of_transcript_ends_the_last_turn() -> None:
    root = tei(TRANSCRIPT, "talk.txt")
    last = xp(root, "//t:body//t:sp")[-1]
    assert "transcriber" not in text_of(last) and "END OF TRANSCRIPT" not in text_of(last)


def test_a_rule_line_ends_the_last_turn() -> None:
    root = tei(RULED, "talk.txt")
    last = xp(root, "//t:body//t:sp")[-1]
    assert "Elysee" not in text_of(last) and "---" not in text_of(last)
    assert any("Elysee" in text_of(p) for p in xp(root, "//t:body//t:p[not(ancestor::t:sp)]"))


def test_a_break_in_the_recording_ends_no_turn() -> None:
    """``[Break in recording]`` inside a turn: the talk goes on after it, as before."""
    root = tei(BROKEN, "talk.txt")
    assert "spring" in text_of(xp(root, "//t:body//t:sp")[0])


# -- "No." before a figure is never a label (speech_turn._NUMBER_SIGNS)

def test_a_cables_number_under_its_signature_is_no_speaker() -> None:
    """``No. 316`` / ``3.3.52`` under ``PANYUSHKIN`` and ``No. 702`` under ``MOLOTOV``: the cables' numbers.
    Before, ``No`` was a person and a speaker, its turn the distribution list and the next cable's heading."""
    root = record("wilson_166_two_cables_numbers_under_signatures")
    assert not xp(root, "//t:body//t:sp")
    assert not xp(root, "//t:person[@xml:id='no']")
    assert not xp(root, "//t:persName[.='No']")
    body = " ".join(text_of(p) for p in xp(root, "//t:body"))
    assert "No. 316" in body and "No. 702" in body
