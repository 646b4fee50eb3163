"""Rules found by blind records (session 16's lead), proved on records of our own.

- A date field with a two-digit year (blind record e/01, an Israeli cable's ``Date: 17.3.70, 23:40``):
  the label says it is a date, so ``17.3.70`` is read as a day, month and year of the 1900s, as a
  diary entry's ``7.11.37`` is; in running text such a number is still a section's.
- A line of marks set apart by slashes (``Top Secret / Flash``): the grade and the precedence, each
  its own field and header term.
- A bare surname under a cable signs when the archive's summary names him with his office
  (``Ambassador Pelnář reports …``).
- A meeting's interpreter or stenographer on a line of their own under its lists (``Interpreter:
  Comrade Ion Mărgineanu (Arabic - Romanian).``, blind records l/01, l/04) is an entry of the lists,
  no turn; a Romanian stenogram's ``Took part:`` over each side's head and bulleted entries names
  attendants.
"""

from __future__ import annotations

import pytest

from tei import record, tei, text_of, xp

from tei_encoder.header import classification, dates
from tei_encoder.reader import opening

RECORD = "wilson_116_cable_pair_short_numeric_dates_mark_slash_precedence"
LISTS = "wilson_126_interpreter_and_stenographer_lines_under_side_lists"


@pytest.mark.parametrize(("text", "when"), [
    ("Date: 17.3.70, 23:40", "1970-03-17"),
    ("Date: 1.6.68", "1968-06-01"),
    ("Dated: 09.11.56.", "1956-11-09"),
    ("Date: 31.4.70", None),  # no 31 April
    ("Date: 3.13.70", None),  # no thirteenth month
    ("Date: 17.3.705", None),
    ("Date: 1.2.10.4", None),  # a section's number under the label
    ("17.3.70, 23:40", None),  # no label: a number like a section's
    ("Paragraph 17.3.70", None),
])
def test_a_date_field_reads_a_two_digit_year(text: str, when: str | None) -> None:
    found = dates.labelled_short_date(text)
    assert (found.when if found else None) == when
    if found:
        assert text[found.start:found.end] == found.text


@pytest.mark.parametrize(("line", "dateline"), [
    ("Date: 17.3.70, 23:40", True),
    ("Date: 2.6.68", True),
    ("Date: 2.6.68, and then the talks began", False),
    ("2.6.68", False),
])
def test_a_labelled_short_date_makes_a_dateline(line: str, dateline: bool) -> None:
    assert opening.is_dateline(line) is dateline


@pytest.mark.parametrize(("line", "kinds"), [
    ("Top Secret / Flash", ["classification", "precedence"]),
    ("Secret, Copy No. 3 / Immediate", ["classification", "handling", "precedence"]),
    ("Immediate, Top secret", ["precedence", "classification"]),
    ("Immediate / Urgent", None),  # precedences alone: the opening's own precedence field reads each
    ("Top Secret / Flash Gordon", None),
])
def test_marks_set_apart_by_slashes(line: str, kinds: list[str] | None) -> None:
    pieces = classification.marks_line(line)
    assert ([kind for kind, _ in pieces] if pieces else None) == kinds


def test_the_cables_openers_date_and_mark_each_cable() -> None:
    root = record(RECORD)
    datelines = xp(root, "//t:body//t:opener/t:dateline")
    assert [d.get("when") for d in xp(root, "//t:body//t:opener/t:dateline/t:date")] == ["1968-06-01", "1968-06-02"]
    assert [text_of(d) for d in datelines] == ["Date: 1.6.68, 21:15", "Date: 2.6.68"]
    assert xp(root, "//t:body//t:opener/t:dateline/t:time/@when") == ["21:15:00"]
    marks = [(seg.get("type"), text_of(seg)) for seg in xp(root, "//t:body//t:opener/t:seg[@type]")
             if seg.get("type") in ("classification", "handling", "precedence")]
    assert marks == [("classification", "Secret /"), ("precedence", "Urgent"), ("classification", "Secret,"),
                     ("handling", "Copy No. 3 /"), ("precedence", "Immediate")]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1968-06-01"]
    terms = [(term.get("type"), term.text) for term in xp(root, "//t:textClass//t:term")]
    assert ("classification", "Secret") in terms and ("precedence", "Urgent") in terms


def test_a_surname_the_summary_names_signs_the_cable() -> None:
    root = record(RECORD)
    assert [text_of(s) for s in xp(root, "//t:body//t:closer/t:signed")] == ["Pelnář"]
    assert xp(root, "//t:body//t:closer/t:signed/t:persName/@ref") == ["#pelnar"]


def roles(root) -> dict[str, str]:
    return {person.get("{http://www.w3.org/XML/1998/namespace}id"): person.get("role")
            for person in xp(root, "//t:particDesc//t:person")}


def test_interpreter_and_stenographer_lines_are_list_entries_not_turns() -> None:
    root = record(LISTS)
    lists = {text_of(label): text_of(label.getnext())
             for label in xp(root, "//t:body//t:list[@type='participants']/t:label[not(.='-')]")}
    assert lists == {"Interpreters:": "Comrade Dan Ionescu and U Tin Maung (English).",
                     "Stenographer:": "Elena Popa."}
    found = roles(root)
    assert found["ionescu"] == found["maung"] == "attendant interpreter"
    assert found["popa"] == "attendant recorder"


def test_an_interpreter_label_after_the_talk_has_begun_is_a_turn() -> None:
    root = record(LISTS)
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#ceausescu", "#win", "#interpreter", "#ceausescu"]


def test_took_part_over_each_sides_bulleted_entries_names_attendants() -> None:
    root = record(LISTS)
    found = roles(root)
    assert found["maurer"] == found["manescu"] == found["lwin"] == "attendant"
    assert found["win"] == "attendant speaker"
    entries = [" ".join(text_of(item).split()) for item in xp(root, "//t:body//t:list[@type='participants']/t:item")]
    assert entries[:4] == ["Comrade Ion Gheorghe Maurer;", "Comrade Corneliu Mănescu.", "General Ne Win;",
                           "Colonel Maung Lwin."]
    assert [text_of(p) for p in xp(root, "//t:body//t:p")][:3] == ["Took part:", "From the Romanian side:",
                                                                  "From the Burmese side:"]


def test_a_recorder_line_at_the_foot_still_signs_the_record() -> None:
    root = tei("Record of the meeting\n\nThe comrades discussed the harvest at length.\n\n"
               "The meeting closed at noon.\n\nRecorded by: F. Kovács\n")
    assert [text_of(s) for s in xp(root, "//t:closer/t:signed")] == ["Recorded by: F. Kovács"]
    assert not xp(root, "//t:list[@type='participants']")


PAGE = ("May 6, 1958\n\nLetter from the Polish Embassy\n\nCitation:\n\n\"Letter from the Polish Embassy\", May 6, 1958, "
        "Wilson Center Digital Archive, AMSZ, z. 12, w. 44, t. 617.\n\nSummary:\n\n{summary}\n\n"
        "Original Language:\n\nPolish\n\nContents:\n\nTranscript - English\n\nThe campaign continues.\n")


@pytest.mark.parametrize(("summary", "kept"), [
    ("The embassy reports on [footnoteRef:1]6 May and after.", "The embassy reports on 6 May and after."),
    ("The embassy reports on Decembe[footnoteRef:1]r events.", "The embassy reports on December events."),
    ("The embassy reports on December [footnoteRef:1] events.", "The embassy reports on December events."),
])
def test_a_call_taken_out_of_a_header_value_leaves_its_words_apart(summary: str, kept: str) -> None:
    # found by mutated-record fuzzing (seed 83): "May [footnoteRef:1]6, 1958" had become "May6, 1958"
    root = tei(PAGE.format(summary=summary), "page.txt")
    assert [" ".join(text_of(p).split()) for p in xp(root, "//t:profileDesc/t:abstract/t:p")] == [kept]
