"""Unseen records written after round 2 on the blind17/m Wilson Center pages: working notes whose list of
those present stands in parentheses and whose speakers are labelled with a dash, the speaker's manner
between name and dash (m/03); working notes labelled so with no list naming anyone; a record of talks
labelling each turn with the speaker in parentheses, a direction after the label, and section headings
``Introductory remarks`` / ``Closing remarks`` (m/10).
"""

from __future__ import annotations

from tei import record, tei, text_of, xp


def speakers(root) -> list[str]:
    return [who.lstrip("#") for who in xp(root, "//t:body//t:sp/@who")]


def roles(root) -> dict[str, str]:
    return {person.get("{http://www.w3.org/XML/1998/namespace}id"): person.get("role") or ""
            for person in xp(root, "//t:particDesc//t:person")}


# -- (Present: …) in parentheses (participants._parenthesised_list), dash labels (speech_turn.dash_label)

def test_a_list_in_parentheses_names_the_attendants_and_the_dash_labels_are_turns() -> None:
    """``(Present: Bulganin, …, Pospelov)`` and ``Bulganin — …``: nine attendants, five turns. Before, the
    list named no one and the dash labels, which need the people known, were paragraphs."""
    root = record("wilson_150_presidium_notes_present_in_parentheses_staged_dash_label")
    assert speakers(root) == ["bulganin", "kaganovich", "mikoyan", "malenkov", "bulganin"]
    found = roles(root)
    for name in ("bulganin", "pervukhin", "aristov", "belyaev", "pospelov"):
        assert "attendant" in found[name].split()
    assert not xp(root, "//t:body//t:stage[starts-with(., '(Present')]")


def test_the_manner_between_name_and_dash_is_a_stage_direction() -> None:
    """``Mikoyan (after a pause) — We should …``: the speaker Mikoyan, ``(after a pause)`` a stage at the
    start of the speech, no word lost."""
    root = record("wilson_150_presidium_notes_present_in_parentheses_staged_dash_label")
    turns = xp(root, "//t:body//t:sp")
    assert [text_of(s) for s in xp(turns[2], "t:speaker")] == ["Mikoyan —"]
    assert [text_of(s) for s in xp(turns[2], "t:stage")] == ["(after a pause)"]
    assert [text_of(s) for s in xp(turns[4], "t:stage")] == ["(summing up)"]
    assert "after" not in roles(root)


def test_dash_labels_are_turns_when_no_list_names_the_speakers() -> None:
    """Notes that open five units with ``Surname - …`` speech: each a turn of that speaker, even with no
    list of those present. ``Decision: …`` after them no turn."""
    root = record("wilson_151_working_notes_dash_labels_no_list_of_those_present")
    assert speakers(root) == ["belyaev", "kirichenko", "furtseva", "aristov", "belyaev"]
    assert not xp(root, "//t:body//t:sp[contains(., 'Decision')]")


# -- "(Gromyko) I am glad …" (speech_turn.parenthesised_label); "Closing remarks" no reporting clause

def test_parenthesised_labels_are_turns_and_a_direction_is_none() -> None:
    """``(Gromyko) …`` / ``(Ohira) (consulting his notes) …``: turns, the second parenthesis a stage;
    ``(Laughter) This was said …``, ``(Confidential)`` and ``(End)`` no speaker."""
    root = record("wilson_152_talks_record_parenthesised_labels_closing_remarks_heading")
    assert speakers(root) == ["gromyko", "ohira", "ohira", "gromyko", "gromyko"]
    assert [text_of(s) for s in xp(root, "//t:body//t:speaker")][:2] == ["(Gromyko)", "(Ohira)"]
    assert "(consulting his notes)" in [text_of(s) for s in xp(root, "//t:body//t:stage")]
    assert set(roles(root)) == {"gromyko", "ohira", "mercado"}


def test_remarks_headings_name_no_speaker() -> None:
    """``1. Introductory remarks`` / ``3. Closing remarks``: section headings, no reporting clause of a
    person ``Introductory`` or ``Closing``."""
    root = record("wilson_152_talks_record_parenthesised_labels_closing_remarks_heading")
    assert not xp(root, "//t:body//t:head//t:persName")
    assert [text_of(h) for h in xp(root, "//t:body//t:head")] == [
        "1. Introductory remarks", "2. The peace treaty", "3. Closing remarks"]


MONITORED = """Iraqi Coup

Baghdad Domestic Service in Arabic 0530 GMT 14 Jul 58--B

(Text) In the name of God. Communique No. 1 of the commander in chief.

Baghdad Domestic Service in Arabic 0615 GMT 14 Jul 58--B

(Summary) Communique No. 3 announced a curfew in Baghdad.

Baghdad Domestic Service in Arabic 1730 GMT 14 Jul 58--B

(Excerpts) The brigadier said the era of the pact is ended.
"""


def test_a_monitors_parenthesised_words_are_no_speakers() -> None:
    """``(Text)``, ``(Summary)``, ``(Excerpts)`` before a broadcast's items (FBIS): how much of it follows,
    each once; no turn, no person."""
    root = tei(MONITORED, "daily_report.txt")
    assert not xp(root, "//t:body//t:sp")
    assert not {"text", "summary", "excerpts"} & set(roles(root))
