"""Rules found by blind records of session 17, round 3 (p: a released State telegram read by the generic
reader), proved on records of our own.

- A released telegram's title is its ``SUBJECT:`` / ``SUBJ:`` line: the generic reader looks for no heading
  under it, nor in its numbered paragraphs (``1. GOVERNOR KHAR RECEIVED ME …``), nor in the wrapped tail of
  its office list (``PM-03 DODE-00 EUR-12 IO-10 /067 W``); its metadata block (``Date: …`` over
  ``Canonical ID: …``) is no title either (blind p/07, other_71).
- Text mostly in capitals is classified for its language in lower case (other_71 read as Nigerian Pidgin).
- ``TOLD AMBASSADOR JUNE 4`` names no one: a month its day follows is the date, not a name.
"""

from __future__ import annotations

import pytest

from tei import person_ids, record, tei, text_of, xp

from tei_encoder.header import language
from tei_encoder.header import title as titles


def _title(root) -> str:
    return text_of(xp(root, "//t:titleStmt/t:title")[0])


@pytest.mark.parametrize("stem", ["other_71_released_telegram_capitals_clauses_without_speech",
                                  "other_74_released_telegram_subj_line_office_list_wrapped"])
def test_a_released_telegrams_subject_line_is_its_title(stem: str) -> None:
    root = record(stem)
    subject = {"other_71": "MUSTAFA KHAR ON HELMAND WATERS", "other_74": "HOVEYDA ON HELMAND TREATY RATIFICATION"}
    assert _title(root) == subject[stem[:8]]


def test_the_telegram_is_dated_by_its_date_time_group_not_its_release() -> None:
    root = record("other_74_released_telegram_subj_line_office_list_wrapped")
    assert [d.get("when") for d in xp(root, "//t:profileDesc/t:creation/t:date")] == ["1973-06-05"]


def test_capitals_text_is_told_english() -> None:
    assert xp(record("other_71_released_telegram_capitals_clauses_without_speech"),
              "//t:langUsage/t:language/@ident") == ["en"]
    assert language.detect("GOVERNOR MUSTAFA KHAR RECEIVED ME OCTOBER 2. ONLY OTHER PAKISTANI PRESENT WAS HIS "
                           "CHIEF SECRETARY, WHO KEPT THE RECORD AND LATER REPORTS.") == "en"


def test_a_month_with_its_day_after_a_rank_is_no_person() -> None:
    root = record("other_74_released_telegram_subj_line_office_list_wrapped")
    assert sorted(person_ids(root)) == ["helms", "hoveyda"]


@pytest.mark.parametrize("line", ["PM-03 DODE-00 EUR-12 IO-10 /067 W", "EB-11  AID-20  /086 W"])
def test_an_office_lists_tail_is_no_heading(line: str) -> None:
    assert titles.find_heading(["CONFIDENTIAL", line, "", "SUBJ: TALKS"]) is None


def test_numbered_capitals_paragraphs_hold_no_heading() -> None:
    text = ("Date: 1974 October 3\nFrom: Lahore\n\n1. GOVERNOR KHAR RECEIVED ME OCTOBER 2. ONLY OTHER\n"
            "PAKISTANI PRESENT WAS HIS CHIEF SECRETARY, WHO KEPT THE RECORD\nAND LATER REPORTS.\n\n"
            "2. HE SAID NOTHING MORE ABOUT IT.\n")
    root = tei(text, "telegram.txt", family="generic")
    assert "PAKISTANI" not in _title(root) and "Date:" not in _title(root)


def test_an_embargo_line_under_the_letterhead_leaves_the_heading_the_title() -> None:
    root = record("other_75_press_release_embargo_line_under_letterhead")
    assert _title(root) == "STATEMENT BY THE SECRETARY OF STATE FOR EXTERNAL AFFAIRS"


@pytest.mark.parametrize("lines", [
    ["PRESS INFORMATION BUREAU", "GOVERNMENT OF INDIA", "", "Not for publication before 6 p.m.", "",
     "PRIME MINISTER'S PRESS CONFERENCE"],
    ["INFORMATION DIVISION", "", "Embargoed until 10 a.m. on Monday, the day of delivery.", "", "ADDRESS BY THE MINISTER"],
])
def test_letterhead_and_embargo_stand_above_the_heading(lines: list[str]) -> None:
    assert titles.find_heading(lines) == (len(lines) - 1, len(lines))
