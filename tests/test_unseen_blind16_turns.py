"""Turns and labels found by blind records (session 16, round 3), proved on records of our own.

- A stenogram's initials in capitals may hold a Russian two-letter initial (``R. YA. MALINOVSKY.``, blind
  record l/08; ``YU. TSEDENBAL.``): the label is a turn's.
- The record's narration after a pause in the sitting (``After the break I. V. Arkhipov informed …``, l/09)
  ends the turn before it, the initials' full stops notwithstanding.
- An interrogation protocol's interruption (``The interrogation was interrupted at …``) and its closing
  formula (``The protocol was read to me …``, k/01) are no answer.
- A capitals label with the editor's bracket before its full stop (``TEIMOURTASH [sic - …].``, l/07) is a
  turn; ``Next meeting: …`` after the last turn is none.
- A party's abbreviation alone with its colon (``CPSU:``, ``YSP:``, l/10), printed elsewhere as a body, heads
  its side's list or turns: no speaker, no person.
"""

from __future__ import annotations

import pytest

from tei import person_ids, record, tei, text_of, xp

from tei_encoder.reader import speech


def _paragraphs(root) -> list[str]:
    return [" ".join(text_of(p).split()) for p in xp(root, "//t:body//t:div/t:p")]


def _turn_texts(root) -> list[str]:
    return [" ".join(text_of(sp).split()) for sp in xp(root, "//t:sp")]


# -- initials in capitals with a two-letter initial (speech_turn.INITIALLED_CAPITALS_LABEL)

def test_two_letter_initials_in_capitals_labels_are_turns() -> None:
    """Before, ``YU. TSEDENBAL.`` and ``YE. P. SLAVSKY.`` were no labels and the record had no turn at all."""
    root = record("word_83_two_letter_initials_in_capitals_labels_narration_after_break")
    assert xp(root, "//t:sp/@who") == ["#tsedenbal", "#mikoyan", "#tsedenbal", "#slavsky", "#mikoyan",
                                       "#tsedenbal", "#slavsky"]
    assert [text_of(s) for s in xp(root, "//t:speaker")][:4] == ["YU. TSEDENBAL.", "A. I. MIKOYAN.", "YU. TSEDENBAL.",
                                                                  "YE. P. SLAVSKY."]
    assert "yu" not in person_ids(root) and "ye" not in person_ids(root)


# -- narration after a break in the sitting (speech._AFTER_THE_MEETING)

@pytest.mark.parametrize(("text", "narrates"), [
    ("After the break I. V. Arkhipov informed the Lao comrades about the results.", True),
    ("After the recess Comrade Hager informed the delegation of the decision.", True),
    ("After the break we will discuss the treaty.", False),  # a speaker's plan: no past verb
])
def test_narration_after_a_break(text: str, narrates: bool) -> None:
    assert speech.opens_with_narration(text, lambda name: True) is narrates


def test_narration_after_the_break_ends_the_turn() -> None:
    """Before, ``After the break A. I. Mikoyan informed …`` ran on in Mikoyan's turn after its ``(Laughter.)``."""
    root = record("word_83_two_letter_initials_in_capitals_labels_narration_after_break")
    assert any(p.startswith("After the break A. I. Mikoyan informed") for p in _paragraphs(root))
    assert not any("After the break" in turn for turn in _turn_texts(root))
    other = record("wilson_132_side_abbreviations_alone_over_turns")
    assert any(p.startswith("After the break K. Hager informed") for p in _paragraphs(other))


# -- an interrogation protocol's interruption and closing formula (speech._EVENT_SUBJECT, _PROTOCOL_READ)

@pytest.mark.parametrize(("text", "narrates"), [
    ("The interrogation was interrupted at 0.15 hrs and resumed on 15 March 1951 at 9.00 hrs.", True),
    ("The protocol was read to me, I have nothing to add or change and in witness thereof I sign it.", True),
    ("The above statement has been read over to me, it corresponds to what I said.", True),
    ("Read, approved and signed.", True),
    ("I have read the protocol and confirm it.", True),
    ("The protocol was read to the witness by the interpreter.", True),  # the record's passive, as before
    ("I read the protocol of the ministry in 1949.", False),  # an answer about another paper
    ("The letter was read to me by Dr. Fischl.", False),
])
def test_an_interrogation_protocol_tells_of_itself(text: str, narrates: bool) -> None:
    assert speech.opens_with_narration(text, lambda name: False) is narrates


def test_protocol_interruption_and_closing_formula_are_outside_the_answers() -> None:
    root = record("word_84_protocol_closing_formula_and_interruption_outside_answers")
    paragraphs = _paragraphs(root)
    assert "The interrogation was interrupted at 12.30 hrs and resumed at 14.00 hrs." in paragraphs
    assert any(p.startswith("The above statement has been read over to me") for p in paragraphs)
    turns = _turn_texts(root)
    assert turns[-1] == "Answer: It was not my task to check the orders of my superior."
    assert not any("interrupted" in turn or "read over" in turn for turn in turns)


# -- a capitals label with the editor's bracket; the next meeting's field (speech_turn)

def test_capitals_label_with_an_editors_bracket_is_a_turn_and_next_meeting_none() -> None:
    """Before, ``FAHRY [sic - …].`` ran on in Memduh's turn and ``Next meeting: …`` in Surits's."""
    root = record("wilson_131_capitals_label_with_editors_bracket_next_meeting_field")
    assert xp(root, "//t:sp/@who") == ["#memduh", "#surits", "#memduh", "#fahry", "#surits", "#memduh", "#surits"]
    assert [text_of(s) for s in xp(root, "//t:speaker")][3] == "FAHRY [sic - Fahri in the list of those present]."
    assert _turn_texts(root)[2].endswith("Then let the experts measure it.")
    assert _turn_texts(root)[-1] == "SURITS. Agreed."
    assert "Next meeting: 5 August, at 10 a.m." in _paragraphs(root)


# -- a party's abbreviation alone with its colon (speech_turn.body_abbreviation)

def test_party_abbreviations_over_side_tables_are_no_speakers() -> None:
    """Before, ``CPSU:`` and ``SED:`` were speakers (persons ``cpsu``, ``sed``) whose turns held the tables."""
    root = record("word_85_party_abbreviations_heading_side_tables")
    assert "cpsu" not in person_ids(root) and "sed" not in person_ids(root)
    assert xp(root, "//t:sp/@who") == ["#suslov", "#axen", "#rusakov", "#axen", "#suslov"]
    assert ["CPSU:", "SED:"] == [p for p in _paragraphs(root) if p.endswith(":")]
    assert len(xp(root, "//t:body//t:table")) == 2


def test_party_abbreviations_alone_over_turns_are_no_speakers() -> None:
    root = record("wilson_132_side_abbreviations_alone_over_turns")
    assert "sed" not in person_ids(root) and "pci" not in person_ids(root)
    assert xp(root, "//t:sp/@who") == ["#hager", "#berlinguer", "#hager", "#berlinguer"]


def test_a_capitals_surname_alone_with_its_colon_is_still_a_label() -> None:
    """``STALIN:`` over speech is a label: no record prints ``the STALIN`` or ``(STALIN)``; an abbreviation the
    record never uses as a body (``USA:`` here) is not told from a name either."""
    root = tei("Record of the conversation of Stalin with Mao\n\nSTALIN:\nWe agree with this proposal.\n\n"
               "MAO:\nThe Chinese side thanks the Soviet government.\n\nSTALIN:\nGood.\n")
    assert xp(root, "//t:sp/@who") == ["#stalin", "#mao", "#stalin"]
