"""Rules found by blind records of session 16 (round 3: documents, openings and closings), proved on
records of our own.

- The year an edition supplies in brackets (``3 May [1939]``, blind record j/01) dates the record.
- A letterhead and its dateline or reference number on one line, a tab apart (k/01): two opener items,
  the dateline the record's date; a translator's credit above them is no heading.
- A signature by initials alone (``M. L.``) and a numbered mailing line after it (``Sent: 1 – c. Stalin,
  …``, j/02): the closer and the distribution.
- A circular telegram's ``CITY – ENVOY`` addressee lines (j/08): addressee segs of the opener.
- The selection's ``No. 2`` over a document's title (j/04), and a second document's letterhead, marks and
  addressees over its dated heading after the first one's closing (i/06): new document divisions; an
  office alone in capitals over a stamped number signs the second.
"""

from __future__ import annotations

import pytest

from tei import person_ids, record, tei, text_of, xp

from tei_encoder.header import dates
from tei_encoder.reader import opening


@pytest.mark.parametrize(("text", "when", "found"), [
    ("3 May [1939]", "1939-05-03", "3 May [1939]"),
    ("May 3, [1939]", "1939-05-03", "May 3, [1939]"),
    ("on 11 June [1936] I called", "1936-06-11", "11 June [1936]"),
    ("3 May 1939", "1939-05-03", "3 May 1939"),
    ("3 May [sic]", None, "3 May"),  # no year in the brackets: none guessed
    ("31 June [1936]", None, "31 June [1936]"),  # no such day
])
def test_a_year_in_brackets_completes_the_date(text: str, when: str | None, found: str) -> None:
    first = dates.find_dates(text)[0]
    assert (first.when, first.text) == (when, found)


def test_the_bracketed_year_dates_the_diary() -> None:
    root = record("soviet_108_diary_day_and_month_year_in_brackets")
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1936-06-11"]
    dateline = xp(root, "//t:body//t:opener/t:dateline/t:date")
    assert [(d.get("when"), text_of(d)) for d in dateline] == [("1936-06-11", "11 June [1936]")]


@pytest.mark.parametrize(("cells", "apart"), [
    (["MINISTRY OF NATIONAL SECURITY", "Prague, 14 March 1951"], True),
    (["Department X", "Ref. No. X-114/52"], True),
    (["Investigation Section", "Ref. No. VS-0371/51-Vy"], True),
    (["No. 03/118", "Ulaanbaatar, 14 March 1969"], True),
    (["Question:", "Since when have you known him?"], False),
    (["The accused said", "Prague, 14 March 1951"], False),
    (["Prague, 14 March 1951", "MINISTRY OF NATIONAL SECURITY"], False),  # the field stands at the right
    (["Ref. No. 0017/62", "Number of sheets: 3"], True),  # a labelled field beside the number
    (["Ref. No. 0017/62", "The accused denied it: he was ill."], False),
])
def test_a_letterhead_beside_its_dateline_or_number(cells: list[str], apart: bool) -> None:
    assert opening.columns_are_fields(cells) is apart


def test_a_letterhead_and_dateline_in_tab_columns_date_the_record() -> None:
    root = record("other_60_letterhead_dateline_and_reference_in_tab_columns")
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1956-11-22"]
    letterhead = [text_of(s) for s in xp(root, "//t:body//t:opener/t:seg[@type='letterhead']")]
    assert letterhead == ["MINISTRY OF THE INTERIOR", "Political Investigation Department"]
    assert [text_of(d) for d in xp(root, "//t:body//t:opener/t:dateline")] == ["Budapest, 22 November 1956"]
    assert [text_of(s) for s in xp(root, "//t:body//t:opener/t:seg[@type='number']")] == ["Ref. No. 3/A-1187/56"]
    assert [text_of(h) for h in xp(root, "//t:body//t:head")] == ["MINUTES OF THE HEARING OF A SUSPECT"]
    assert xp(root, "//t:titleStmt/t:respStmt[t:resp='translation']/t:persName/@ref") == ["#kovacs"]


def test_a_translators_credit_over_the_letterhead_is_no_heading() -> None:
    root = tei("Translated from Czech by Jana Nováková\n\nMINISTRY OF NATIONAL SECURITY\tPrague, 14 March 1951\n\n"
               "PROTOCOL OF INTERROGATION OF THE ACCUSED\n\nThe accused was heard in the presence of the recorder.\n")
    assert [text_of(h) for h in xp(root, "//t:body//t:head")] == ["PROTOCOL OF INTERROGATION OF THE ACCUSED"]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1951-03-14"]


def test_initials_sign_and_the_numbered_mailing_line_is_the_distribution() -> None:
    root = record("soviet_109_record_signed_by_initials_numbered_mailing_line")
    assert [text_of(s) for s in xp(root, "//t:body//t:closer/t:signed")] == ["M. L."]
    distribution = xp(root, "//t:body/t:div[@type='distribution']/t:p")
    assert [text_of(p) for p in distribution] == ["Sent: 1 – c. Stalin, 2 – c. Molotov, 3 – c. Krestinsky, 4 – to file."]
    assert not {"l", "m", "stalin", "molotov"} & set(xp(root, "//t:listPerson[@type='participants']/t:person/@xml:id"))


def test_envoys_at_their_posts_are_the_telegrams_addressees() -> None:
    root = record("soviet_110_circular_telegram_envoys_at_their_posts")
    addressees = [text_of(s) for s in xp(root, "//t:body//t:opener/t:seg[@type='addressee']")]
    assert addressees == ["ANKARA – KARAKHAN", "TEHRAN – PASTUKHOV", "KABUL – STARK", "ROME – POTEMKIN"]
    received = xp(root, "//t:correspAction[@type='received']/t:persName/@ref")
    assert received == ["#karakhan", "#pastukhov", "#stark", "#potemkin"]
    assert not {"ankara", "tehran", "kabul", "rome"} & set(person_ids(root))
    assert [text_of(h) for h in xp(root, "//t:body//t:head")] == [
        "Circular telegram of the deputy people's commissar for foreign affairs of the USSR N. N. Krestinsky "
        "to the plenipotentiary representatives of the USSR"]
    assert text_of(xp(root, "//t:body//t:p")[0]) == "For your information only."


@pytest.mark.parametrize("line", ["GERMANY – USSR", "ANKARA – KARAKHAN"])
def test_an_envoy_line_alone_is_no_addressee(line: str) -> None:
    """Only under an opening's field: a capitals line with a dash alone is no field."""
    assert opening.field_kind(line) is None


def test_the_selections_number_opens_the_next_document() -> None:
    root = record("other_61_selection_numbers_each_document")
    last = xp(root, "//t:body/t:div[@type='document']")[-1]
    assert [text_of(s) for s in xp(last, "t:opener/t:seg[@type='number']")] == ["No. 2", "No. 41"]
    assert text_of(xp(last, "t:head")[0]).startswith("LETTER OF THE LEGATION OF THE USSR")
    assert not [c for c in xp(root, "//t:closer") if "No. 2" in text_of(c)]


def test_a_telegrams_number_under_its_signature_opens_nothing() -> None:
    root = tei("TELEGRAM\n\nThe talks went well.\n\nMOLOTOV\n\nNo. 423\n")
    assert len(xp(root, "//t:body/t:div[@type='document']")) == 1


def test_a_second_document_under_its_marks_after_the_first_ones_closing() -> None:
    root = record("wilson_133_memorandum_then_politburo_extract_under_its_marks")
    documents = xp(root, "//t:body/t:div[@type='document']")
    assert len(documents) == 2
    second = documents[1]
    assert [text_of(h) for h in xp(second, "t:head")] == [
        "Extract from protocol No. 172 of the session of the Politburo of the CC CPSU of 11 March 1975"]
    assert [s.get("type") for s in xp(second, "t:opener[1]/t:seg")] == [None, "classification", "number", "addressee"]
    assert [text_of(s) for s in xp(second, "t:closer/t:signed")] == ["SECRETARY OF THE CC"]
    assert [text_of(s) for s in xp(documents[0], "t:closer/t:signed")] == [
        "CHAIRMAN OF THE COMMITTEE OF STATE SECURITY Yu. ANDROPOV"]


def test_an_office_alone_signs_over_its_stamped_number() -> None:
    root = record("wilson_134_office_signs_alone_over_stamped_number")
    assert len(xp(root, "//t:body/t:div")) == 1
    closer = xp(root, "//t:body//t:closer")
    assert len(closer) == 1
    assert [text_of(s) for s in xp(closer[0], "t:signed")] == ["SECRETARY OF THE CC"]
    assert xp(closer[0], "t:seg[@type='number']/t:gap/t:desc/text()") == ["stamp"]
    assert "No. 2271/3" in xp(root, "//t:msIdentifier//t:idno/text()") + xp(root, "//t:idno/text()")
    assert not [h for h in xp(root, "//t:body//t:head") if text_of(h) == "SECRETARY OF THE CC"]
