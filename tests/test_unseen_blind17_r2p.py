"""Rules found by blind records of session 17, round 2 (p: a released State telegram and a monitoring report
in capitals, a press conference's unnamed questioners), proved on records of our own.

- In an all-capitals text a word before a reporting verb form is no name by its capital (p/07 ``WHO TOOK
  NOTES`` made a person ``TOOK``, p/08's headline ``CURFEW, BORDER CLOSURE ANNOUNCED`` one ``BORDER
  CLOSURE``): the clause names a person only with a title or given name, or where it says something.
- A name under a title in capitals ends before a word shaped as a verb (``MR. BHUTTO RELEASES WALI KHAN``).
- ``From: Kabul`` over ``FM AMEMBASSY KABUL``: the post's place, the route; no person.
- ``Another correspondent:`` (p/09) labels the interviewer's turn; ``PM:`` is the ``PRIME MINISTER:``'s.
"""

from __future__ import annotations

import pytest

from tei import person_ids, record, text_of, xp

from tei_encoder.reader import speech


def _turns(root) -> list[tuple[str, str]]:
    return [(sp.get("who"), text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")))
            for sp in xp(root, "//t:body//t:sp")]


def test_capitals_clauses_that_say_nothing_name_no_one() -> None:
    root = record("other_71_released_telegram_capitals_clauses_without_speech")
    assert sorted(person_ids(root)) == ["daoud", "grant", "khar"]


def test_a_titled_name_in_capitals_stops_before_a_verb() -> None:
    root = record("other_71_released_telegram_capitals_clauses_without_speech")
    assert [text_of(name) for name in xp(root, "//t:person[@xml:id='daoud']/t:persName")] == ["DAOUD", "MR. DAOUD"]


def test_the_posts_place_in_the_from_field_sends_nothing() -> None:
    root = record("other_71_released_telegram_capitals_clauses_without_speech")
    assert not xp(root, "//t:correspAction[@type='sent']/t:persName[.='Lahore']")


def test_capitals_headlines_report_in_the_present() -> None:
    root = record("other_72_monitoring_report_capitals_headlines_reporting_verbs")
    assert person_ids(root) == ["nasir"]


@pytest.mark.parametrize(("text", "subjects"), [
    ("ONLY OTHER AFGHAN PRESENT WAS WAHEED ABDULLAH, WHO TOOK NOTES.", []),
    ("CURFEW, BORDER CLOSURE ANNOUNCED", []),
    ("ISRAELI FORCES REPORTED IN SINAI", []),
    ("NASIR SAYS EGYPT WILL FIGHT", ["NASIR"]),
    ("2. GROMYKO SAID SOVIETS WOULD NOT ACCEPT THE DATE.", ["GROMYKO"]),
    ("3. KORNIYENKO NOTES THAT THE DATE IS OPEN.", ["KORNIYENKO"]),
    ("4. THE TEXT FOLLOWS. MR. BHUTTO ANNOUNCED.", ["MR. BHUTTO"]),
])
def test_capitals_reporting_subjects_of_the_person_scan(text: str, subjects: list[str]) -> None:
    assert speech.reporting_subjects(text, people_only=True) == subjects


def test_unnamed_questioners_and_the_short_office_label() -> None:
    root = record("other_73_press_conference_unnamed_questioners_short_office_label")
    assert _turns(root) == [
        ("#prime-minister", "PRIME MINISTER:"), ("#interviewer", "Q. (Mr. A. Haq, Dawn):"),
        ("#prime-minister", "PRIME MINISTER:"), ("#interviewer", "A correspondent:"),
        ("#prime-minister", "PM:"), ("#interviewer", "Another journalist:"),
        ("#prime-minister", "PM:"), ("#interviewer", "Q:")]
    assert "pm" not in person_ids(root)
