"""Unseen records of session 10: State Department telegrams of the teletype era, in capitals. Their
routing lines above the text (the page's head, action and info offices, drafting and clearance, the
teletype's own lines, the precedence and date-time group, FM / TO / INFO, the classification spelt
letter by letter with the telegram's number, the executive order, the subject tags), pages with a head
of their own, paragraphs that run over a page, the signer's surname alone or run on after the last
sentence, the foot (the classification again, ``BT``, ``#8123``, ``NNN``), and names in capitals
(``GROMYKO SAID``, ``UK REP (BAILES) SAID``, ``AMBASSADOR DOBRYNIN``).
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

import pytest

from tei_encoder.header import classification, dates, teletype
from tei_encoder.reader import opening, speech
from tei_encoder.reader.block_rules import page_marker

RECORD = {path.stem: path for path in RECORDS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def person_ids(root, group: str | None = None) -> set[str]:
    where = f"[@type='{group}']" if group else ""
    return {person.get(XML_ID) for person in xp(root, f"//t:particDesc/t:listPerson{where}/t:person")}


def opener_kinds(root) -> list[str]:
    return [seg.get("type") for seg in xp(root, "(//t:body//t:opener)[1]/t:seg")]


def closer_lines(root) -> list[tuple[str, str]]:
    return [(child.get("type") or child.tag.split("}")[1], text_of(child))
            for child in xp(root, "(//t:body//t:closer)[last()]/*[not(self::t:lb)]")]


# -- the rules, one by one

@pytest.mark.parametrize("text, group, when", [
    ("O 121455Z MAR 74", "121455Z MAR 74", "1974-03-12"),
    ("P R 112310Z MAR 74", "112310Z MAR 74", "1974-03-11"),
    ("R 010001Z JAN 75 ZFF4", "010001Z JAN 75", "1975-01-01"),
])
def test_a_date_time_group_is_the_day_it_names(text: str, group: str, when: str) -> None:
    assert [(found.text, found.when) for found in dates.find_dates(text)] == [(group, when)]


@pytest.mark.parametrize("text", ["PAGE 01 MOSCOW 03712 121530Z", "321455Z MAR 74", "121475Z MAR 74", "121455 MAR 74"])
def test_no_date_without_a_whole_date_time_group(text: str) -> None:
    assert dates.find_dates(text) == []


@pytest.mark.parametrize("line, kind", [
    ("PAGE 01 MOSCOW 03712 121530Z", "page-head"),
    ("PAGE 01 STATE 048123", "page-head"),
    ("PAGE 01 MOSCOW 18422 01 OF 02 211402Z", "page-head"),
    ("ACTION EUR-25", "distribution"),
    ("ORIGIN SS-30", "distribution"),
    ("INFO OCT-01 ISO-00 SS-20 NSC-07 /053 W", "distribution"),
    ("DRAFTED BY EUR/SOV:JMATLOCK:LM", "drafting"),
    ("APPROVED BY THE SECRETARY", "drafting"),
    ("S/S: MR. GAMMON", "drafting"),
    ("------------------ 104419", "transmission"),
    ("------------------112077 211410Z /43", "transmission"),
    ("BT", "transmission"),
    ("O 121455Z MAR 74", "despatched"),
    ("P R 112310Z MAR 74", "despatched"),
    ("FM AMEMBASSY MOSCOW", "sender"),
    ("TO SECSTATE WASHDC IMMEDIATE 4821", "addressee"),
    ("INFO USMISSION NATO", "addressee"),
    ("C O N F I D E N T I A L MOSCOW 3712", "classification"),
    ("E.O. 11652: GDS", "declassification"),
    ("E.O. 12065: GDS 7/21/84 (TOON, MALCOLM) OR-M", "declassification"),
    ("TAGS: PFOR, CSCE, UR, US", "tags"),
    ("EXDIS", "handling"),
])
def test_each_routing_line_is_its_field(line: str, kind: str) -> None:
    assert opening.field_kind(line) == kind


@pytest.mark.parametrize("line", ["Page 1 of the report", "Action on the treaty", "From the diary of V. M. Molotov"])
def test_prose_and_other_fields_are_no_routing_lines(line: str) -> None:
    assert not teletype.routing_line(line)


@pytest.mark.parametrize("printed, plain", [
    ("C O N F I D E N T I A L", "CONFIDENTIAL"),
    ("T O P S E C R E T", "TOP SECRET"),
    ("L I M I T E D O F F I C I A L U S E", "LIMITED OFFICIAL USE"),
    ("CONFIDENTIAL", "CONFIDENTIAL"),
])
def test_a_spaced_classification_is_indexed_by_its_words(printed: str, plain: str) -> None:
    assert classification.unspaced(printed) == plain


@pytest.mark.parametrize("lines, page", [
    (("SECRET", "PAGE 02 STATE 048123"), "2"),
    (("PAGE 03 MOSCOW 03712 121530Z",), "3"),
    (("The meeting", "PAGE 02 STATE 048123"), None),  # not a classification over the head
    (("PAGE TWO",), None),
])
def test_a_teletype_page_head_is_a_page(lines: tuple[str, ...], page: str | None) -> None:
    assert page_marker.teletype_page(lines) == page


@pytest.mark.parametrize("text, subjects", [
    ("2. IN A MEETING THIS MORNING, GROMYKO SAID THAT THE DELAY WAS ARTIFICIAL.", ["GROMYKO"]),
    ("GROMYKO'S TONE SUGGESTS THAT MOSCOW WILL PRESS THE ALLIES.", []),
    ("2. ACTION REQUESTED: WASHINGTON GUIDANCE BEFORE THE MEETING.", []),
    ("I REPLIED THAT THE PACE OF THE TALKS DEPENDED ON BASKET III.", []),
    ("AT THE SPC MEETING, UK REP (BAILES) SAID THAT LONDON COULD ACCEPT THE TEXT.", ["BAILES"]),
    ("The Minister (Gromyko) said that the text was ready.", ["Gromyko"]),
    ("Stalin (laughing) said that the text was ready.", ["Stalin"]),
    ("Molotov (Moscow) said that the text was ready.", ["Molotov"]),
])
def test_reporting_subjects_in_capitals_and_names_in_parentheses(text: str, subjects: list[str]) -> None:
    assert speech.reporting_subjects(text) == subjects


def test_the_capitals_shadow_keeps_every_offset() -> None:
    text = "FOREIGN MINISTER GROMYKO'S REMARKS, AS I SAID, WERE CALM."
    shadow = speech.capitals_shadow(text)
    assert len(shadow) == len(text) and shadow.upper() == text
    assert shadow.startswith("Foreign Minister Gromyko's remarks, as I said, were")


# -- the records

def test_a_telegram_on_a_wilson_page_reads_its_routing_as_its_opening() -> None:
    root = record("wilson_56_state_telegram_all_caps")
    assert opener_kinds(root) == ["classification", "distribution", "distribution", "despatched", "sender",
                                  "addressee", "addressee", "addressee", "classification", "number",
                                  "declassification", "tags", "subject", "reference"]
    assert [(pb.get("n"), text_of(fw)) for pb, fw in zip(xp(root, "//t:opener/t:pb"), xp(root, "//t:opener/t:fw"))] \
        == [("1", "PAGE 01 MOSCOW 03712 121530Z")]
    assert xp(root, "//t:creation/t:date/@when") == ["1974-03-12"]
    assert [t.text for t in xp(root, "//t:keywords/t:term[@type='classification']")] == ["CONFIDENTIAL"]
    assert closer_lines(root) == [("signed", "STOESSEL"), ("classification", "CONFIDENTIAL"),
                                  ("end-of-message", "NNN")]
    assert person_ids(root) == {"stoessel", "gromyko"}  # no BONN, GDS, TAGS or NNN
    assert xp(root, "//t:correspAction[@type='sent']/t:persName/@ref") == ["#stoessel"]
    assert len(xp(root, "//t:body//t:persName[@ref='#gromyko']")) == 5  # the subject line, four paragraphs


def test_an_outgoing_telegram_over_two_pages_is_one_document() -> None:
    root = record("other_42_outgoing_state_telegram_two_pages")
    assert len(xp(root, "//t:body/t:div[@type='document']")) == 1 and not xp(root, "//t:body//t:head")
    assert xp(root, "//t:titleStmt/t:title[@type='supplied']/text()") == ["SECRETARY'S MEETING WITH DOBRYNIN, MARCH 11"]
    paragraph = xp(root, "//t:body//t:p[@n='2']")[0]
    assert [pb.get("n") for pb in xp(paragraph, ".//t:pb")] == ["2"]
    assert text_of(paragraph).endswith("THE SECRETARY SAID THAT HE HAD NOT.")
    assert text_of(xp(root, "//t:body//t:p[@n='3']")[0]).endswith("ON MARCH 13.")
    assert closer_lines(root) == [("signed", "KISSINGER"), ("transmission", "BT"), ("transmission", "#8123"),
                                  ("end-of-message", "NNNN")]
    assert "drafting" in opener_kinds(root) and "letterhead" not in opener_kinds(root)
    assert xp(root, "//t:correspAction[@type='sent']/t:date/@when") == ["1974-03-11"]


def test_a_telegram_in_one_block_is_cut_into_its_routing_paragraphs_and_foot() -> None:
    root = record("wilson_57_airgram_caps_signer_initials")
    assert opener_kinds(root)[:3] == ["classification", "distribution", "distribution"]
    assert [p.get("n") for p in xp(root, "//t:body//t:p")] == ["1", "2"]
    assert not xp(root, "//t:sp")  # "ACTION REQUESTED:" is no speaker
    assert closer_lines(root) == [("signed", "BRUCE"), ("classification", "SECRET"), ("end-of-message", "NNN")]
    assert person_ids(root) == {"bruce", "bailes", "hoynck"}  # the names in parentheses, not "UK REP"


def test_a_telegram_in_sections_with_marked_paragraphs() -> None:
    root = record("other_43_telegram_paragraph_markings_quote")
    assert xp(root, "//t:opener/t:pb/@n") == ["1"] and "page-head" not in opener_kinds(root)
    assert closer_lines(root) == [("signed", "TOON")]
    assert text_of(xp(root, "//t:body//t:p[@n='4']")[0]).endswith("ON JULY 24.")
    assert {"dobrynin", "gromyko"} <= person_ids(root, "mentioned")
    variants = [text_of(name) for name in xp(root, "//t:person/t:persName[@type='variant']")]
    assert "AMBASSADOR DOBRYNIN" in variants and "MINISTER KORNIYENKO" not in variants


# -- a Word export's endnotes (word_49): Apache POI writes "[endnoteRef:N]" as it writes "[footnoteRef:N]"

def test_an_endnote_call_is_a_note_at_its_anchor() -> None:
    root = record("word_49_endnote_refs_poi_export")
    notes = xp(root, "//t:body//t:note[@place='foot']")
    assert [(note.get("n"), text_of(note).split(",")[0]) for note in notes] == [
        ("1", "Molotov"), ("2", "Vyshinsky"), ("3", "Wallenberg")]
    assert not xp(root, "//t:text//text()[contains(., 'noteRef')]")
    assert xp(root, "//t:person[@xml:id='vyshinsky']/t:birth/@when") == ["1883"]


def test_an_endnote_call_in_a_header_value_is_taken_out() -> None:
    text = ("Citation:\n\"Record of a talk[endnoteRef:1]\", 1947, Wilson Center Digital Archive\n\n"
            "Summary:\nA talk.\n\nRecord of a talk\n\nMolotov said that he agreed.\n")
    root = tei(text, "page.txt")
    assert not xp(root, "//t:teiHeader//text()[contains(., 'endnoteRef')]")


@pytest.mark.parametrize("note, birth, death", [
    ("Wallenberg, Raoul (1912-1947?) - Swedish diplomat in Budapest.", "1912", None),
    ("Smith, John (?-1950) - an official.", None, "1950"),
    ("Molotov, Vyacheslav Mikhailovich (1890-1986) - Minister.", "1890", "1986"),
])
def test_a_biography_with_a_year_not_sure_is_read_without_that_year(note: str, birth: str | None,
                                                                     death: str | None) -> None:
    from tei_encoder.header import people

    biography = people.parse_biography(note)
    assert biography is not None and (biography.birth, biography.death) == (birth, death)


def test_the_endnote_with_an_uncertain_death_year_gives_its_person() -> None:
    root = record("word_49_endnote_refs_poi_export")
    assert xp(root, "//t:person[@xml:id='wallenberg']/t:birth/@when") == ["1912"]
    assert not xp(root, "//t:person[@xml:id='wallenberg']/t:death")


# -- a person known only by an office or role is shown by it in words, not by its id

def test_a_person_known_only_by_an_office_is_named_by_it_on_the_pages(tmp_path) -> None:
    from lxml import etree, html

    from tei_encoder.pipeline import encode_bytes
    from tei_encoder.render import render_site

    path = RECORD["other_40_press_conference_office_labels"]
    tree = etree.ElementTree(etree.fromstring(encode_bytes(path.read_bytes(), path.name)))
    render_site([("press", tree)], tmp_path)
    page = html.parse(str(tmp_path / "press.html")).getroot()
    names = [a.text_content() for a in page.find_class("person-name")]
    assert "President" in names and "Interviewer" in names and "president" not in names
    person = html.parse(str(tmp_path / "persons" / "president.html")).getroot()
    assert person.findtext(".//title").startswith("President")


# -- a treaty on the Soviet site (soviet_50): its articles, its signatories

@pytest.mark.parametrize("line, heading", [
    ("Article 1", ("1", "")),
    ("ARTICLE IV", ("IV", "")),
    ("Art. 3.", ("3", "")),
    ("Article 1 of the treaty is void.", None),
    ("Articles 1 and 2", None),
])
def test_an_article_alone_on_its_line_is_a_section_heading(line: str, heading: tuple[str, str] | None) -> None:
    assert opening.numbered_heading(line) == heading


def test_a_treatys_articles_are_sections_and_its_plenipotentiaries_sign() -> None:
    root = record("soviet_50_treaty_articles_signatories")
    sections = xp(root, "//t:body//t:div[@type='section']")
    assert [(div.get("n"), text_of(div.find("{http://www.tei-c.org/ns/1.0}head"))) for div in sections] == [
        ("1", "Article 1"), ("2", "Article 2"), ("3", "Article 3")]
    assert closer_lines(root) == [("signed", "L. Stark"), ("signed", "Faiz Muhammad")]
    assert xp(root, "//t:correspAction[@type='sent']/t:persName/@ref") == ["#stark", "#faiz-muhammad"]
    # the signatures name the plenipotentiaries the preamble appointed
    assert xp(root, "//t:body//t:p[contains(., 'Leonid Nikolaevich')]/t:persName/@ref") == ["#stark"]
    assert xp(root, "//t:body//t:p[contains(., 'Foreign Affairs')]/t:persName/@ref") == ["#faiz-muhammad"]  # the name before "Khan" is the id (blind15 round 2)


@pytest.mark.parametrize("line", ["FM Shevardnadze arrived.", "TO THE PEOPLE OF HUNGARY!"])
def test_prose_in_the_opening_is_no_telegram_sender(line: str) -> None:
    assert opening.field_kind(line) != "sender"


# -- a given name alone, or its familiar form, is the one person whose first given name it is

@pytest.mark.parametrize("word, given", [("tom", "thomas"), ("bill", "william"), ("nikita", "nikita")])
def test_a_familiar_form_stands_for_its_given_name(word: str, given: str) -> None:
    from tei_encoder.header import people

    assert given in people.given_names_of(word)


def test_tom_signing_under_from_thomas_is_thomas() -> None:
    root = record("other_41_email_printout_headers")
    assert xp(root, "//t:closer//t:signed/t:persName/@ref") == ["#simons"]
    assert "tom" not in person_ids(root)


def test_a_given_name_shared_by_two_persons_stands_for_neither() -> None:
    from tei_encoder.header import people

    registry = people.Registry()
    thomas = registry.mention("Thomas Simons", role="sender")
    registry.mention("Tom", role="speaker")
    assert registry.resolve("Tom") == thomas
    registry = people.Registry()
    registry.mention("Thomas Simons", role="sender")
    registry.mention("Thomas Pickering", role="addressee")
    assert registry.mention("Tom", role="speaker") is None  # two Thomases: Tom is neither


def test_what_a_person_said_in_a_telegram_in_capitals_is_marked_to_the_next_clause() -> None:
    root = record("wilson_56_state_telegram_all_caps")
    said = [(s.get("who"), text_of(s)) for s in xp(root, "//t:body//t:said")]
    assert said == [("#gromyko", 'THE WESTERN DELAY IN GENEVA WAS "ARTIFICIAL" AND THAT BREZHNEV HAD SPOKEN TO HIM '
                                 "ABOUT IT TWICE."),
                    ("#gromyko", "THE PRESIDENT WOULD COME TO HELSINKI.")]  # "I REPLIED THAT …" is the writer's


# -- a Russian transcript on a Wilson page (wilson_58): Cyrillic names, labels, dates, marks, recorder

@pytest.mark.parametrize("text, when", [("15 июня 1945 г.", "1945-06-15"), ("3 мая 1941", "1941-05-03")])
def test_a_russian_date_is_read(text: str, when: str) -> None:
    assert [found.when for found in dates.find_dates(text)] == [when]
    assert opening.is_dateline(text) and opening.is_dateline(text + ", 22 ч. 00 мин.")


def test_a_russian_transcript_reads_its_heading_turns_said_and_closing() -> None:
    root = record("wilson_58_russian_transcript_cyrillic")
    assert [text_of(h) for h in xp(root, "//t:body//t:head")] == [
        "ЗАПИСЬ БЕСЕДЫ НАРОДНОГО КОМИССАРА ИНОСТРАННЫХ ДЕЛ СССР В. М. МОЛОТОВА С ПОСЛОМ ВЕЛИКОБРИТАНИИ А. КЛАРК КЕРРОМ"]
    assert xp(root, "//t:opener/t:dateline/t:date/@when") == ["1945-06-15"]
    assert xp(root, "//t:opener/t:dateline/t:time/@when") == ["22:00:00"]
    assert xp(root, "//t:keywords/t:term[@type='classification']/text()") == ["Совершенно секретно"]
    assert [(text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")), sp.get("who")) for sp in xp(root, "//t:sp")] \
        == [("Кларк Керр:", "#kerr-k"), ("Молотов:", "#molotov")]
    said = [(s.get("who"), text_of(s)) for s in xp(root, "//t:body//t:said")]
    assert said == [("#kerr-k", "передаст этот ответ в Лондон."), ("#molotov", "польский вопрос уже решён.")]
    assert xp(root, "//t:person[@xml:id='pavlov']/@role") == ["recorder"]
    assert xp(root, "//t:body//t:note[@type='source']/t:idno/text()") == ["АВП РФ, ф. 06, оп. 7, п. 2, д. 29, л. 14-16."]
    # the page's "V. M. Molotov" and the transcript's "Молотов" are one person (anyascii folds both to molotov)
    assert xp(root, "//t:person[@xml:id='molotov']/t:persName/text()") == ["V. M. Molotov", "Молотов"]


# -- a reporting verb with the one addressed between it and "that": "told me that", "assured Eden that"

def _said_of(text: str) -> list[tuple[str, str]]:
    root = tei(f"Memorandum of conversation\n\nPresent: Mr. A. Eden.\n\n{text}\n")
    return [(s.get("who"), text_of(s)) for s in xp(root, "//t:body//t:said")]


@pytest.mark.parametrize("text, said", [
    ("Gromyko told me that the delay was artificial.", [("#gromyko", "the delay was artificial.")]),
    ("Molotov told the Ambassador that the side agreed.", [("#molotov", "the side agreed.")]),
    ("Stalin informed him that the troops would leave.", [("#stalin", "the troops would leave.")]),
    ("Vyshinsky assured Eden that nothing had changed.", [("#vyshinsky", "nothing had changed.")]),
    ("Molotov said to Eden that he was tired.", [("#molotov", "he was tired.")]),
    ("Vyshinsky informed Eden whether it was so.", [("#vyshinsky", "it was so.")]),
])
def test_what_is_said_to_someone_is_marked_after_that(text: str, said: list[tuple[str, str]]) -> None:
    assert _said_of(text) == said


def test_keeping_someone_informed_is_no_reporting_clause() -> None:
    assert speech.reporting_subjects("We shall keep Mr. Bevin informed of the point of view of the Soviet Government.") == []
    assert _said_of("We shall keep Mr. Eden informed of the talks.") == []


def test_a_telegram_in_one_block_keeps_a_short_last_line_in_its_paragraph() -> None:
    from tei_encoder.reader.layout import _telegram_paragraphs

    lines = ("1. AT THE MEETING GROMYKO SAID THAT", "THE DELAY WAS", "ARTIFICIAL.", "2. ACTION REQUESTED:",
             "GUIDANCE.", "BRUCE", "SECRET", "NNN")
    assert [unit.lines for unit in _telegram_paragraphs(10, lines)] == [
        lines[:3], lines[3:5], ("BRUCE",), ("SECRET",), ("NNN",)]
