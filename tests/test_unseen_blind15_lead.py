"""Rules found by blind records (session 15's lead): where a turn ends, and where a name does.

- An omission line inside a turn (wilson_94, blind record c/04): an excerpted transcript prints
  ``[...]`` alone between two paragraphs of one speaker; the paragraph after it is still theirs.
- The writer's narration once the meeting is over (soviet_69, blind record a/05): ``After the
  conversation Zambrowski accompanied me …`` says "me" and is still no one's speech.
- A mention does not run back over a sentence's end: ``the foreign minister Wang. Wang Chung-hui said``.
"""

from __future__ import annotations

import pytest

from tei import person_ids, record, tei, text_of, xp

from tei_encoder.reader import speech


def turn_children(root, who: str) -> list[tuple[str, str]]:
    """(element name, text) of each child of the turns of ``who``, the speaker label left out."""
    return [(child.tag.split("}")[1], text_of(child)) for sp in xp(root, f"//t:sp[@who='#{who}']")
            for child in sp if child.tag.split("}")[1] != "speaker"]


def test_the_speech_after_an_omission_line_stays_in_the_turn() -> None:
    root = record("wilson_94_excerpted_stenogram_omission_lines_in_turns")
    brezhnev = turn_children(root, "brezhnev")
    assert [name for name, _ in brezhnev] == ["p", "ellipsis", "p"]
    assert brezhnev[1][1] == "[…]" and brezhnev[2][1].startswith("The question is not one of persons.")
    ulbricht = turn_children(root, "ulbricht")
    assert [name for name, _ in ulbricht] == ["p", "ellipsis", "p"] and ulbricht[1][1] == "<...>"


def test_narration_or_a_label_after_the_omission_ends_the_turn() -> None:
    root = record("wilson_94_excerpted_stenogram_omission_lines_in_turns")
    body = xp(root, "//t:body/t:div")[0]
    loose = [(child.tag.split("}")[1], text_of(child)[:20]) for child in body if child.tag.split("}")[1] != "sp"]
    assert ("ellipsis", "[...]") in loose
    assert ("p", "Kádár then asked for") in loose  # the record's narration, nobody's speech
    assert [name for name, _ in turn_children(root, "kadar")] == ["p"]
    assert [name for name, _ in turn_children(root, "zhivkov")] == ["p", "stage"]


def test_an_omission_line_that_ends_the_record_stays_between_blocks() -> None:
    root = tei("Smith: We shall see.\n\nJones: I doubt it.\n\n[...]\n")
    assert [name for name, _ in turn_children(root, "jones")] == ["p"]
    assert xp(root, "//t:body//t:ellipsis[not(ancestor::t:sp)]")


def test_the_writer_after_the_meeting_is_nobodys_speech() -> None:
    root = record("soviet_69_diary_dialogue_then_writer_after_the_meeting")
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#beck", "#antonov-ovseenko", "#beck"]
    assert [text_of(p) for p in xp(root, "//t:sp[last()]/t:p")] == ["Then let us wait for the consequences together."]
    loose = [text_of(p)[:26] for p in xp(root, "//t:body/t:div/t:p")]
    assert "At the end of the conversa" in loose and "After the meeting Counsell" in loose


@pytest.mark.parametrize("text", [
    "After the conversation Zambrowski accompanied me to the car.",
    "At the end of the talk I handed him the note.",
    "After this meeting, Comrade Ochab went home.",
])
def test_a_past_verb_after_the_meeting_narrates(text: str) -> None:
    assert speech.opens_with_narration(text, lambda name: False)


@pytest.mark.parametrize("text", [
    "After the meeting I will report to Moscow.",  # the speaker's plan
    "After the talks in Berlin I will inform your government.",
    "After the conversation did you see him?",
])
def test_a_speakers_after_the_meeting_is_speech(text: str) -> None:
    assert not speech.opens_with_narration(text, lambda name: False)


@pytest.mark.parametrize("rank", ["Counsellor", "Consul", "Commissar", "Captain", "Commander"])
def test_an_office_before_a_surname_names_a_person(rank: str) -> None:
    """``Counsellor Szembek accompanied me``: the rank makes the surname a person mentioned (soviet_69)."""
    root = tei(f"The talks went on until noon.\n\nThe papers were then sent to {rank} Petrescu in Bucharest.\n")
    assert [text_of(name) for name in xp(root, "//t:body//t:persName")] == [f"{rank} Petrescu"]


def test_a_mention_does_not_run_back_over_a_full_stop() -> None:
    root = tei("Record of conversation\n\nAmbassador Bogomolov visited the foreign minister Wang. Wang Chung-hui said "
               "that the government would answer soon.\n\nBogomolov replied that he would wait.\n")
    assert [text_of(name) for name in xp(root, "//t:body/t:div/t:p[1]/t:persName")] == [
        "Ambassador Bogomolov", "foreign minister Wang", "Wang Chung-hui"]
    assert xp(root, "//t:body//t:said[@who='#wang']")  # "Wang Chung-hui said that …" is his reported speech


def test_a_two_word_title_with_its_full_stop_opens_the_mention() -> None:
    root = record("other_39_cabinet_conclusions_office_subjects")
    assert "Right Hon. C. R. Attlee" in [text_of(name) for name in xp(root, "//t:body//t:persName")]


def test_a_handwritten_note_over_an_enclosure_keeps_the_enclosure_in_its_cover() -> None:
    """A reader's ``[Handwritten: …]`` under the cover note's signature ends the closing (wilson_113), but
    not when ``Enclosure`` follows it: the enclosed memorandum stays an attachment of the cover (blind
    record d/07 lost its attachment to a distribution division and took its signature for the title)."""
    root = tei("Secret\n\nTO COMRADE A. A. GROMYKO\n\nI submit a memorandum on the position of the party.\n\n"
               "Head of the Department\t\t\tI. Shcherbakov\n24.XI.64\n\n"
               "[Handwritten: To Comrades Firyubin, Kuznetsov. A. Gromyko 25/XI]\n\n"
               "Enclosure\n\nMEMORANDUM\non the position of the leadership of the party\n\n"
               "The removal of the first secretary was received with satisfaction by the leadership.\n\n"
               "The Department considers it expedient to invite a delegation.\n\n"
               "Southeast Asia Department\n21 November 1964\n", "cover.txt", family="word-export")
    attachments = xp(root, "//t:body/t:div[@type='document']/t:div[@type='attachment']")
    assert len(attachments) == 1
    assert "The removal of the first secretary" in text_of(attachments[0])


@pytest.mark.parametrize("sentence, names", [
    ("Also present was the embassy counsellor V. A. Nikolaev.", ["nikolaev"]),
    ("Present were Comrades A. A. Gromyko and V. N. Pavlov.", ["gromyko", "pavlov"]),
])
def test_present_with_its_verb_in_a_sentence_lists_attendants(sentence: str, names: list[str]) -> None:
    """``Also present was …`` in a diary's narration names attendants, as ``Also present: …`` did (a fresh
    record of session 15: the counsellor was no person)."""
    root = tei(f"Record of conversation\n\nI received the minister at his request. {sentence}\n\n"
               "The minister said that the talks would begin on Monday.\n")
    attendants = xp(root, "//t:particDesc//t:person[contains(@role, 'attendant')]/@xml:id")
    assert set(names) <= set(attendants)


def test_an_office_qualifier_in_a_present_sentence_names_no_one() -> None:
    """``Present were Wang Youping, the new Ambassador Extraordinary and Plenipotentiary …``: Wang is an
    attendant, ``Extraordinary`` no person (the list is split at its commas and ``and``)."""
    root = record("wilson_110_chinese_family_name_he_and_pronoun")
    ids = person_ids(root)
    assert "wang" in xp(root, "//t:particDesc//t:person[contains(@role, 'attendant')]/@xml:id")
    assert "extraordinary" not in ids and "plenipotentiary" not in ids
