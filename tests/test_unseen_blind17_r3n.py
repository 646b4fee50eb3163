"""Unseen records written after the blind17/n Soviet selections, round 3.

- A party paper's masthead slogan (``Workers of all countries, unite!``, ``Proletarians of all countries,
  unite!``) over its letterhead: letterhead of the opening, never the record's title; the title is the
  heading under the opening (``Excerpt from protocol No. 51 …``) and the line under it dates the record
  (``Protocol No. 51 of 14.XII.36``, ``Decision of 29.IX.1936``).
- An opening's field cut after a semicolon goes on on the next line (``To comrades Litvinov, Kaganovich — all;`` /
  ``comrade Bogomolov — to point 12.``): one addressee field, not a paragraph that ended the opening (and
  left the excerpt's heading under the body, no title).
- An archival line printed in another order, the sheets first (``L. 41-43. AVP RF. F. 082, op. 5 …``,
  ``Listy 23-25. AVP RF. Fond 04 …``): the archive between the steps is the repository; the line is the idno.
- One record of several meetings (``FIRST MEETING`` / ``SECOND MEETING`` / … / ``FOURTH MEETING``, one left out
  and marked by a dotted line), each over its own date line and ``Present:``: a section a meeting, numbered by
  its ordinal, its date line the section's dateline. Before, the first heading was letterhead of the record's
  opening and the others paragraphs, the meetings' dates no dates.
- A phrase naming a state or capital before a reporting clause's subject, with no comma (``On Korea Shidehara
  declared that …``, ``As to Peking Yoshizawa said that …``, blind17/n 02's ``On Outer Mongolia Sun declared``):
  the subject is the name after the place; the place is no forename (a person ``Mongolia Sun`` was made).
- A series of telegrams whose first number stands alone under the selection's title (``1.``): the first
  document's head, as ``2.`` is the second's, no seg of its opening; ``From TOKYO`` (the post in capitals) a
  route, ``Inc. No. 1512`` / ``Out. No. 618/sh`` (a Soviet registry's numbers) number fields, ``URGENT.
  STRICTLY SECRET`` a precedence and a grade.
(docs/encoding.md: "Party slogan over the letterhead", "Field cut after a semicolon", "Archival line, sheets
first", "Meetings of one record", "Place before a reporting subject", "Soviet ciphered telegram's fields".)
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

from tei_encoder.header import archive
from tei_encoder.reader import speech

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

RECORD = {path.stem: path for path in RECORDS}
SLOGAN = "soviet_130_party_slogan_over_politburo_excerpt"
SHEETS_FIRST = "soviet_131_archival_line_sheets_first_archive_between"
MEETINGS = "soviet_132_negotiation_meetings_each_dated_one_left_out"
PLACE_FIRST = "soviet_133_place_before_reporting_subject"
SERIES = "soviet_134_telegram_series_first_number_registry_numbers"


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def test_party_slogan_is_letterhead_not_the_title() -> None:
    root = record(SLOGAN)
    assert [text_of(t) for t in xp(root, "//t:titleStmt/t:title[not(@type)]")] == [
        "Excerpt from protocol No. 51 of the session of the Politburo of the CC VKP(b)"]
    assert [text_of(seg) for seg in xp(root, "//t:opener/t:seg[@type = 'letterhead']")][0] == (
        "Workers of all countries, unite!")
    assert not xp(root, "//t:body//t:head[contains(., 'unite')]")


def test_protocol_line_under_the_excerpt_dates_the_record() -> None:
    root = record(SLOGAN)
    assert [date.get("when") for date in xp(root, "//t:profileDesc/t:creation/t:date")] == ["1936-12-14"]


def test_addressee_list_wrapped_after_a_semicolon_stays_in_the_opening() -> None:
    root = record(SLOGAN)
    assert [text_of(seg) for seg in xp(root, "//t:opener/t:seg[@type = 'addressee']")] == [
        "To comrades Litvinov, Kaganovich — all;comrade Bogomolov — to point 12."]  # an lb between the lines
    assert not xp(root, "//t:body//t:p[contains(., 'Bogomolov — to point')]")
    assert xp(root, "//t:correspAction[@type = 'received']/t:persName[@ref = '#bogomolov']")


def test_archive_between_the_steps_of_a_reference_is_its_repository() -> None:
    root = record(SHEETS_FIRST)
    assert [text_of(r) for r in xp(root, "//t:msIdentifier/t:repository")] == ["AVP RF"]
    assert [text_of(i) for i in xp(root, "//t:msIdentifier/t:idno[@type = 'archival']")] == [
        "L. 41-43. AVP RF. F. 082, op. 5, p. 11, d. 27"]
    assert archive.split("Listy 23-25. AVP RF. Fond 04. Opis 13. Papka 86. Delo 50104.") == archive.Reference(
        "AVP RF", "Listy 23-25. AVP RF. Fond 04. Opis 13. Papka 86. Delo 50104")
    assert archive.split("l. 12-14, f. 06, op. 1, RGASPI").repository == "RGASPI"  # type: ignore[union-attr]


def test_each_meeting_is_a_dated_section() -> None:
    root = record(MEETINGS)
    sections = xp(root, "//t:body//t:div[@type = 'section']")
    assert [(div.get("n"), text_of(xp(div, "t:head")[0])) for div in sections] == [
        ("1", "FIRST MEETING"), ("2", "SECOND MEETING"), ("4", "FOURTH MEETING")]
    assert [[d.get("when") for d in xp(div, "t:opener/t:dateline/t:date")] for div in sections] == [
        ["1941-04-07"], ["1941-04-09"], ["1941-04-12"]]
    assert not xp(root, "//t:opener/t:seg[contains(., 'MEETING')]")
    assert xp(sections[1], "t:ellipsis")  # the left-out third meeting's mark stays where it stands


def test_place_before_a_reporting_subject_is_no_forename() -> None:
    root = record(PLACE_FIRST)
    names = {person.get(XML_ID): [text_of(n) for n in xp(person, "t:persName")] for person in xp(root, "//t:person")}
    assert names["shidehara"] == ["Shidehara"] and names["yoshizawa"] == ["Yoshizawa"]
    assert not xp(root, "//t:persName[contains(., 'Korea') or contains(., 'Peking')]")
    assert speech.trim_subject("Outer Mongolia Sun") == "Sun"
    assert speech.trim_subject("Air Vice-Marshal TEDDER") == "Air Vice-Marshal TEDDER"  # a title's word, no place


def test_first_number_under_the_selection_title_heads_the_first_document() -> None:
    root = record(SERIES)
    documents = xp(root, "//t:body/t:div[@type = 'document']")
    assert [(div.get("n"), [text_of(h) for h in xp(div, "t:head")][-1]) for div in documents] == [("1", "1."), ("2", "2.")]
    assert not xp(root, "//t:opener/t:seg[normalize-space(.) = '1.']")


def test_soviet_telegram_fields_are_typed() -> None:
    root = record(SERIES)
    assert [text_of(seg) for seg in xp(root, "//t:opener/t:seg[@type = 'number']")] == ["Inc. No. 1512", "Out. No. 618/sh"]
    assert [text_of(seg) for seg in xp(root, "//t:opener/t:seg[@type = 'route']")] == ["From TOKYO"]
    assert [(t.get("type"), text_of(t)) for t in xp(root, "//t:keywords/t:term")] == [
        ("precedence", "URGENT."), ("classification", "STRICTLY SECRET")]
