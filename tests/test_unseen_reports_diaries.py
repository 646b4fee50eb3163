"""Unseen records of session 12: an intelligence report (fields in columns or labelled, its informant's
``SOURCE:``, its caveat ``THIS IS UNEVALUATED INFORMATION``, agencies on its distribution), a memorandum's
block of labelled fields (``TIME:``, ``PLACE:`` beside ``SUBJECT:``), a conference transcript (``McNAMARA:``,
``[Murmurs in the hall.]``, ``Anatoly I. Gribkov`` in a note) and diaries of dated entries.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

import pytest

from tei_encoder.header import classification, dates
from tei_encoder.inline import directions
from tei_encoder.reader.block_rules import source_note
from tei_encoder.reader.opening import LABELLED_FIELD, classify_opening

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def body(text: str):
    return tei(text, "probe.txt")


def persons(root) -> list[str]:
    return xp(root, "//t:particDesc//t:person/@xml:id")


# -- an intelligence report

def test_an_informants_description_is_no_archival_source() -> None:
    root = record("other_47_cia_information_report_columns_informant")
    assert xp(root, "//t:idno[@type='archival']") == []
    assert xp(root, "//t:note[@type='source']") == []
    assert any(text_of(p).startswith("SOURCE: A Western journalist") for p in xp(root, "//t:body//t:p"))


@pytest.mark.parametrize("line, archival", [
    ("Source: A Western journalist who has reported reliably in the past. Appraisal of content: B-2.", False),
    ("SOURCE: An official of the Ministry (1943-1956).", False),
    ("Source: Department of State, Central Files, 663.001/5-1255. Secret.", True),
    ("Source: Archive of the Ministry of Foreign Affairs of Hungary.", True),
    ("Source: National Archives, RG 59, Box 3.", True),
])
def test_a_labelled_source_line_is_a_reference_only_with_a_files_numbers_or_an_archives_name(
        line: str, archival: bool) -> None:
    assert source_note.matches(line) is archival


def test_the_caveat_is_a_handling_mark_not_a_new_documents_heading() -> None:
    root = record("other_47_cia_information_report_columns_informant")
    assert len(xp(root, "//t:body/t:div")) == 1
    assert xp(root, "//t:head[contains(., 'UNEVALUATED')]") == []
    assert classification.line_kind("THIS IS UNEVALUATED INFORMATION") == "handling"


def test_agencies_on_a_distribution_are_no_persons() -> None:
    root = record("other_47_cia_information_report_columns_informant")
    assert "air" not in persons(root)
    assert xp(root, "//t:persName[. = 'Air']") == []


def test_fields_in_columns_stay_a_table_with_every_word() -> None:
    root = record("other_47_cia_information_report_columns_informant")
    cells = [text_of(cell) for cell in xp(root, "//t:table/t:row/t:cell")]
    assert cells[:4] == ["COUNTRY", "USSR/Poland", "SUBJECT", "Views of Polish Party Officials on the Soviet Leadership"]
    assert len(xp(root, "//t:table/t:row")) == 8


REPORT = """INFORMATION REPORT

SECRET

COUNTRY: USSR/Poland
SUBJECT: Views of Polish Party Officials
DATE OF INFO.: Late October 1956
PLACE ACQUIRED: Vienna
NO. OF PAGES: 2

1. During a conversation on 28 October 1956 an official spoke at length about the talks.
"""


def test_labelled_fields_beside_a_subject_are_the_opening_not_a_turn() -> None:
    root = body(REPORT)
    assert xp(root, "//t:sp") == [] and "country" not in persons(root)
    segs = [text_of(seg) for seg in xp(root, "//t:opener/t:seg[not(@type)]")]
    assert segs == ["COUNTRY: USSR/Poland", "DATE OF INFO.: Late October 1956", "PLACE ACQUIRED: Vienna",
                    "NO. OF PAGES: 2"]
    assert xp(root, "//t:opener/t:seg[@type='subject']/text()") == ["SUBJECT: Views of Polish Party Officials"]
    assert xp(root, "//t:opener/t:seg/t:date/@when") == ["1956-10"]  # a field's date is made explicit


def test_the_memorandums_time_and_place_fields_stay_in_its_opening() -> None:
    root = record("other_48_memo_fields_place_time_labels")
    opener = xp(root, "//t:body/t:div/t:opener")[0]
    assert xp(opener, "t:seg[not(@type)]/t:time/@when") == ["10:30:00", "12:15:00"]
    assert xp(opener, ".//t:placeName/text()") == ["Soviet Embassy, Vienna"]
    assert xp(opener, "t:seg[@type='drafting']//t:persName/@ref") == ["#davis"]
    assert xp(root, "//t:sp") == []
    assert xp(root, "//t:said[@who='#menshikov']/@direct") == ["false", "true"]


@pytest.mark.parametrize("lines", [
    ["Time: 10 October 1959", "Location: Zhongnanhai", "Mao Zedong: You have come a long way. How is your health?"],
    ["Date: March 3, 1953", "Subject: Succession", "Participants: Mr. Charles E. Bohlen"],
    ["Time: 23 September 1956", "Location: Zhongnanhai", "Chinese Participants: Chairman Mao Zedong"],
])
def test_a_turn_or_a_list_of_those_present_is_no_field(lines: list[str]) -> None:
    classified, _ = classify_opening(lines)
    assert all(item.kind != LABELLED_FIELD for item in classified)


def test_two_labelled_lines_without_a_known_field_are_no_block_of_fields() -> None:
    classified, taken = classify_opening(["BLIGHT: Let me open.", "GRIBKOV: Thank you."])
    assert taken == 0 and classified == []


# -- a conference transcript

def test_mixed_capitals_labels_are_turns_of_one_person_each() -> None:
    root = record("word_51_conference_transcript_mc_caps_labels")
    assert xp(root, "//t:sp/@who") == ["#blight", "#gribkov", "#mcnamara", "#gribkov", "#mcnamara", "#castro",
                                       "#kornienko", "#blight", "#schlesinger"]


@pytest.mark.parametrize("text, stage", [
    ("[Murmurs in the hall.]", True), ("[Laughter]", True), ("(Stir in the hall)", True),
    ("(Animation in the hall)", True), ("[the text is attached]", False), ("(Moscow Time)", False),
    ("[Laughter and applause from the back of the hall]", False),  # more than five words in brackets
])
def test_a_bracketed_direction_of_up_to_five_words_with_its_full_stop(text: str, stage: bool) -> None:
    match = directions.PATTERN.fullmatch(text)
    inner = match and (match.group("inner") or match.group("bracketed"))
    assert bool(inner and directions.is_direction_wording(inner) and len(inner.split()) <= (
        8 if match.group("inner") else 5)) is stage


def test_the_stage_direction_keeps_its_brackets_in_the_turn() -> None:
    root = record("word_51_conference_transcript_mc_caps_labels")
    assert xp(root, "//t:sp//t:stage/text()") == ["[Murmurs in the hall.]", "[Laughter]"]


def test_a_given_name_before_the_initials_joins_the_known_name() -> None:
    root = record("word_51_conference_transcript_mc_caps_labels")
    assert xp(root, "//t:note//t:persName[@ref='#gribkov']/text()") == ["Anatoly I. Gribkov"]


@pytest.mark.parametrize("text, name", [
    ("GRIBKOV: Yes.\n\nBLIGHT: General Anatoly I. Gribkov was then in Havana.\n", "General Anatoly I. Gribkov"),
    ("GRIBKOV: Yes.\n\nBLIGHT: Comrade Anatoly I. Gribkov was then in Havana.\n", "Comrade Anatoly I. Gribkov"),
    ("ENCKELL: Yes.\n\nBLIGHT: The Minister of Foreign Affairs C. Enckell came.\n", "C. Enckell"),
    ("VOLKOV: Yes.\n\nBLIGHT: Two secretaries came. Interpreter P. R. Volkov came too.\n", "P. R. Volkov"),
    ("VINOGRADOV: Yes.\n\nBLIGHT: The envoy in Kabul S. Vinogradov came.\n", "S. Vinogradov"),
])
def test_an_office_a_part_played_or_a_place_before_the_initials_stays_outside(text: str, name: str) -> None:
    root = body(text)
    assert name in xp(root, "//t:sp[2]//t:persName/text()")


# -- diaries

def test_each_date_alone_on_its_line_opens_an_entry_of_the_diary() -> None:
    root = record("wilson_67_diary_dated_entries")
    entries = xp(root, "//t:body/t:div[@type='document']/t:div[@type='entry']")
    assert [xp(entry, "t:opener/t:dateline/t:date/@when")[0] for entry in entries] == [
        "1937-11-07", "1937-11-08", "1937-11-09", "1937-11-11"]
    assert [len(xp(entry, "t:p")) for entry in entries] == [2, 1, 2, 1]
    assert xp(root, "//t:body/t:div/t:p") == []  # every paragraph is an entry's


def test_a_diary_under_its_heading_has_entries_with_weekdays() -> None:
    root = record("word_52_diary_weekday_dates_footnote")
    assert xp(root, "//t:div[@type='entry']/t:opener/t:dateline/t:date/@when") == [
        "1953-03-04", "1953-03-05", "1953-03-09"]
    assert xp(root, "//t:div[@type='entry'][1]//t:note/@n") == ["1"]
    assert xp(root, "//t:body/t:div/t:head/text()") == ["DIARY OF V. A. MALYSHEV"]


@pytest.mark.parametrize("text, when", [
    ("7.11.37", "1937-11-07"), ("7.XI.37", "1937-11-07"), ("7 November 1937", "1937-11-07"),
    ("07.11.1937", "1937-11-07"), ("31.2.37", None), ("7.11", None), ("1.2.3.4", None),
])
def test_an_entrys_date_may_have_a_two_digit_year_only_alone(text: str, when: str | None) -> None:
    assert dates.entry_date(text) == when
    assert dates.find_dates("See section 1.2.10 of the plan.") == []  # never in running text


DOCUMENTS = """Report of the delegation

October 12, 1944

Top secret

The delegation arrived in Ankara and met the Minister.

Telegram to Vinogradov

October 14, 1944

The delegation will return on Monday as agreed.
"""

LETTERS = """Moscow, 3 May 1945

Dear Comrade Molotov!

I send you the report as promised.

I. Maisky

4 May 1945

Dear Comrade Molotov!

I send you the second part of the report.

I. Maisky
"""


@pytest.mark.parametrize("text", [DOCUMENTS, LETTERS])
def test_documents_each_under_a_heading_or_salute_are_no_diary(text: str) -> None:
    assert xp(body(text), "//t:div[@type='entry']") == []


def test_a_journals_paragraphs_that_open_with_their_dates_are_its_entries() -> None:
    root = record("wilson_68_journal_run_in_dates")
    entries = xp(root, "//t:div[@type='entry']")
    assert len(entries) == 3 and all(len(xp(entry, "t:p")) == 1 for entry in entries)
    assert [xp(entry, "t:p/node()[1]/self::t:date/@when") for entry in entries] == [
        ["1957-01-01"], ["1957-01-03"], []]  # "9 January": no year, none filled in
    assert xp(root, "//t:div[@type='entry'][3]/t:p/t:date/text()") == ["9 January"]
    assert text_of(entries[2]).strip().startswith("9 January. Pak Chang-ok came to see me.")  # every word kept
    assert xp(root, "//t:body/t:div/t:closer//t:persName/@ref") == ["#puzanov"]  # the signature closes the document


@pytest.mark.parametrize("text, dated", [
    ("3 January 1957. I visited Nam Il at his request.", 14),
    ("9 January: Pak Chang-ok came to see me today.", 9),
    ("On 9 January Pak Chang-ok came to see me.", 0),  # the date inside the sentence
    ("1957 was a year of great changes in the country.", 0),  # a bare year is no date
    ("9 January 1957", 0),  # a date alone: an entry's dateline, not a paragraph
])
def test_a_date_run_into_a_paragraph_opens_it_with_a_stop_colon_or_dash(text: str, dated: int) -> None:
    from tei_encoder.reader.block_rules import diary_entry
    from tei_encoder.reader.units import Unit

    assert diary_entry.run_in_date(Unit(1, (text,))) == dated


def test_one_dated_paragraph_is_no_journal() -> None:
    root = body("Report\n\n3 January 1957. The delegation arrived in Pyongyang today.\n\n"
                "The talks went on for three days without a result.\n")
    assert xp(root, "//t:div[@type='entry']") == []


@pytest.mark.parametrize("name, ident", [("Nam Il", "nam"), ("Choi Yong-kun", "choi"), ("Hyon Jun Hyok", "hyon")])
def test_korean_family_names_are_printed_first(name: str, ident: str) -> None:
    root = body(f"Record of conversation\n\n{name} said that the League had lost contact with the south.\n")
    assert xp(root, "//t:said/@who") == [f"#{ident}"]


# -- a personal message under a title in capitals

def test_a_message_title_in_capitals_is_the_heading_with_its_correspondents() -> None:
    root = record("soviet_52_personal_secret_message_caps_title")
    assert xp(root, "//t:body/t:div/t:head") and xp(root, "//t:opener/t:seg[@type='letterhead']") == []
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "MESSAGE FROM PREMIER J. V. STALIN TO THE PRIME MINISTER, MR. W. CHURCHILL"]
    assert xp(root, "//t:correspAction[@type='sent']/t:persName/@ref") == ["#stalin"]
    assert xp(root, "//t:correspAction[@type='received']/t:persName/@ref") == ["#churchill"]
    assert xp(root, "//t:term[@type='classification']/text()") == ["PERSONAL AND SECRET"]


# -- the citation's translators

def test_a_translators_middle_initial_is_no_end_of_the_credit() -> None:
    assert xp(record("wilson_67_diary_dated_entries"), "//t:titleStmt/t:respStmt/t:persName/text()") == [
        "Jane T. Hedges"]
    assert xp(record("wilson_35_polish_protocol_agenda_ad_items"), "//t:person[@role='translator']/t:persName/text()") == [
        "L.W. Gluchowski"]


def test_translators_joined_by_and_are_two() -> None:
    page = RECORD["wilson_67_diary_dated_entries"].read_text(encoding="utf-8").replace(
        "Translated by Jane T. Hedges.", "Translated by Sergey Radchenko and Jane T. Hedges.")
    root = tei(page, "probe.txt")
    assert xp(root, "//t:person[@role='translator']/t:persName/text()") == ["Sergey Radchenko", "Jane T. Hedges"]


# -- a given name before a surname the record knows alone

@pytest.mark.parametrize("sentence, form", [
    ("Andrei Gromyko told me the same thing in New York.", "Andrei Gromyko"),
    ("I spoke to Dean Rusk and to Gromyko about it.", None),  # Rusk is nobody the record knows
    ("Will Gromyko agree to this, do you think?", None),  # an English word, not a given name
    ("The Dean Gromyko spoke of is the university's.", None),  # after an article: no given name
])
def test_a_given_name_before_a_known_surname_is_the_persons_fuller_form(sentence: str, form: str | None) -> None:
    root = body(f"GROMYKO: We shall see.\n\nRUSK: {sentence}\n")
    names = xp(root, "//t:person[@xml:id='gromyko']/t:persName/text()")
    assert (form in names) if form else names == ["GROMYKO"]
    if form:
        assert form in xp(root, "//t:sp[2]//t:persName/text()")


def test_the_conference_speaker_is_shown_by_his_full_name() -> None:
    root = record("word_51_conference_transcript_mc_caps_labels")
    assert xp(root, "//t:person[@xml:id='schlesinger']/t:persName[1]/text()") == ["Arthur Schlesinger"]


# -- markdown marks around the body's structure

def test_bold_labels_an_italic_dateline_and_a_hash_heading_are_read_as_structure() -> None:
    root = record("other_49_markdown_bold_labels_italic_dateline")
    assert xp(root, "//t:sp/@who") == ["#stalin", "#kardelj", "#stalin", "#molotov"]
    assert xp(root, "//t:sp/t:speaker/text()") == ["Stalin:", "Kardelj:", "Stalin:", "Molotov:"]
    assert xp(root, "//t:opener/t:dateline/t:date/@when") == ["1948-02-10"]
    assert text_of(xp(root, "//t:body//t:head")[0]).startswith("Record of Conversation")
    assert {"kardelj", "djilas"} <= set(persons(root))
    statement = " ".join(xp(root, "//t:editorialDecl//t:p/text()"))
    assert "7 lines began with the markdown marks" in statement


@pytest.mark.parametrize("line, unmarked", [
    ("**Stalin:** You are behaving badly.", "Stalin: You are behaving badly."),
    ("**Stalin**: You are behaving badly.", "Stalin: You are behaving badly."),
    ("__Present:__ Molotov, Zhdanov.", "Present: Molotov, Zhdanov."),
    ("# Record of Conversation", "Record of Conversation"),
    ("*10 February 1948, Kremlin*", "10 February 1948, Kremlin"),
    ("**not** a label at all, this sentence.", None),  # bold, but no label's colon
    ("*Translated from the Russian*", None),  # an italic line without a date keeps its emphasis
    ("#8123", None),
    ("**A very long bold phrase of many words that ends:** here", None),
])
def test_markdown_marks_come_off_a_heading_a_label_or_a_dated_line_only(line: str, unmarked: str | None) -> None:
    from tei_encoder.reader import markdown_marks
    from tei_encoder.reader.units import Unit

    counts: dict[str, int] = {}
    [unit] = markdown_marks.unmark([Unit(3, (line,))], counts)
    assert unit.text == (unmarked or line)
    assert counts.get(markdown_marks.COUNT_KEY, 0) == (1 if unmarked else 0)


# -- a cable signed by its embassy

def test_a_body_signing_over_its_date_closes_the_cable_and_is_no_person() -> None:
    root = record("wilson_70_chinese_embassy_cable_body_signs")
    closer = xp(root, "//t:body/t:div/t:closer")[0]
    assert xp(closer, "t:signed/text()") == ["Chinese Embassy in the Soviet Union"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1960-03-03"]
    assert not any("embassy" in ident for ident in persons(root))
    # no person sent it: the embassy, a body (tests/test_corresp_bodies.py)
    assert xp(root, "//t:correspAction[@type='sent']/t:persName") == []
    assert xp(root, "//t:correspAction[@type='sent']/t:orgName/text()") == ["Chinese Embassy in the Soviet Union"]


@pytest.mark.parametrize("line, body", [
    ("Chinese Embassy in the Soviet Union", True), ("Embassy of the USSR in the DPRK", True),
    ("Ministry of Foreign Affairs of the USSR", True), ("The Soviet Delegation", True),
    ("The Embassy will reply in due course.", False), ("Ambassador A. Puzanov", False),
])
def test_a_sending_body_is_its_name_alone(line: str, body: bool) -> None:
    from tei_encoder.reader.block_rules import closing_matter

    assert bool(closing_matter.SENDING_BODY.match(line)) is body


def test_a_family_name_printed_first_takes_the_given_name_after_it() -> None:
    root = record("wilson_70_chinese_embassy_cable_body_signs")
    assert xp(root, "//t:person[@xml:id='zhang']/t:persName[1]/text()") == ["Zhang Wenjin"]
    assert "Counselor Zhang Wenjin" in xp(root, "//t:body//t:persName/text()")
    assert xp(root, "//t:said/@who") == ["#kapitsa", "#kapitsa", "#zhang"]


# -- a dialogue printed with dashes

def test_dash_replies_are_paragraphs_of_direct_speech_of_their_speakers() -> None:
    root = record("soviet_53_dash_dialogue_replies")
    said = [(element.get("who"), element.get("direct"), text_of(element))
            for element in xp(root, "//t:body//t:said")]
    assert said[1:4] == [("#molotov", "true", "— Did the British side raise the question of the Straits?"),
                         ("#aktay", "true", "— No"),
                         ("#aktay", "true", "the question of the Straits was not raised.")]
    assert said[-2:] == [("#aktay", "true", "— The Turkish Government"),
                         ("#aktay", "true", "will remain faithful to its obligations.")]
    assert any(text_of(p).startswith("— No, answered Aktay") for p in xp(root, "//t:body//t:p"))


@pytest.mark.parametrize("lines, starts", [
    (["Comrade Molotov asked:", "— Did the British side raise it?", "— No, answered Aktay."], [0, 2]),
    (["The following were agreed:", "— the withdrawal of troops;", "— the exchange of notes."], []),  # a list
    (["Molotov asked:", "— Is this so?"], []),  # one reply: nothing to cut
])
def test_a_block_is_cut_at_its_dash_replies_only_under_a_line_introducing_speech(lines: list[str],
                                                                                 starts: list[int]) -> None:
    from tei_encoder.reader.units import _dialogue_starts

    assert _dialogue_starts(lines) == starts


# -- a speaker's words in quoted paragraphs under "X said:"

def test_quoted_paragraphs_under_a_paragraph_ending_in_said_colon_are_the_speakers() -> None:
    root = record("wilson_71_quoted_paragraphs_after_said_colon")
    said = [(element.get("who"), element.get("direct"), text_of(element)[:20])
            for element in xp(root, "//t:body//t:p/t:said")]
    assert said == [("#bevin", "false", "he wished to speak f"),  # "opened by saying that"
                    ("#stalin", "true", '"The Soviet Governme'), ("#stalin", "true", '"If the Persian Gove'),
                    ("#bevin", "true", '"His Majesty\'s Gover'),
                    ("#stalin", "false", "he would consider it")]


@pytest.mark.parametrize("text, quoted", [
    # the quotation closes in the first paragraph: the second, though quoted, is nobody's
    ('Molotov said:\n\n"We cannot agree."\n\n"The conference is over," the newspapers wrote.\n', 1),
    # a paragraph between: the quotation is no longer introduced
    ('Molotov said:\n\nThe room was silent.\n\n"We cannot agree."\n', 0),
    # the quotation over two paragraphs, curly marks
    ('Molotov said:\n\n“We cannot agree.\n\n“Nor can our allies.”\n\nThen he left.\n', 2),
])
def test_an_introduced_quotation_goes_on_only_while_it_is_open(text: str, quoted: int) -> None:
    root = body("RECORD OF CONVERSATION\n\n" + text)
    assert len(xp(root, "//t:body//t:p/t:said[@who='#molotov']")) == quoted


@pytest.mark.parametrize("sentence, said", [
    ("Stalin began by asking whether the British troops would leave Greece.", "the British troops would leave Greece."),
    ("Molotov concluded by expressing the hope that the talks would go on.", "the talks would go on."),
    ("Molotov began by the usual courtesies and then left.", None),  # no gerund of speech
])
def test_a_gerund_after_opened_or_began_by_reports_speech(sentence: str, said: str | None) -> None:
    root = body(f"RECORD OF CONVERSATION\n\nStalin said that he agreed.\n\nMolotov said that he agreed.\n\n{sentence}\n")
    found = [text_of(element) for element in xp(root, "//t:body/t:div/t:p[3]/t:said")]
    assert found == ([said] if said else [])


# -- a cable's one addressee with a colon

def test_a_cables_addressee_with_a_colon_is_its_salute_and_names_the_cover_names_bearer() -> None:
    root = record("wilson_72_cable_salute_colon_cover_name")
    assert xp(root, "//t:opener/t:salute//t:persName/@ref") == ["#stalin", "#stalin"]
    assert xp(root, "//t:sp") == []
    assert xp(root, "//t:correspAction[@type='received']/t:persName/@ref") == ["#stalin"]
    assert "Comrade Filippov" in xp(root, "//t:person[@xml:id='stalin']/t:persName/text()")
    assert xp(root, "//t:person[@role='translator']/@xml:id") == ["shen"]  # a Chinese family name first


@pytest.mark.parametrize("text, salute", [
    ("Comrade Stalin:\n\nWe have decided to send our troops.\n\nMao Zedong\n", True),
    ("Chairman Mao:\n\nWe agree with your proposal.\n\nFilippov\n", True),
    # a transcript: the same line labels a turn when the record has labelled turns
    ("Comrade Stalin:\n\nWe have decided to send our troops.\n\nMolotov: Yes.\n\nStalin: Good.\n", False),
])
def test_one_addressee_with_a_colon_is_a_salute_only_where_no_turn_is_labelled(text: str, salute: bool) -> None:
    assert bool(xp(body("TELEGRAM\n\n" + text), "//t:opener/t:salute")) is salute


# -- numbers with a slash, as Hungarian and Czech minutes print them

def test_slash_numbers_give_the_agenda_list_and_the_items_sections() -> None:
    root = record("other_50_hungarian_minutes_slash_numbers")
    assert xp(root, "//t:list/t:label/text()") == ["1./", "2./"]
    assert xp(root, "//t:list/t:head/text()") == ["Agenda:"]
    assert xp(root, "//t:div[@type='section']/@n") == ["1", "2"]
    assert xp(root, "//t:div[@type='section'][1]/t:sp/@who") == ["#kadar", "#biszku"]
    assert xp(root, "//t:closer//t:persName/text()") == ["János Kádár"]


def test_a_space_before_a_labels_colon_is_kept_as_printed() -> None:
    """French typography puts a space before the colon ("M. Khrouchtchev :"); the speaker was written
    "M. Khrouchtchev:", a silent change of the source."""
    root = body("COMPTE RENDU\n\nM. Khrouchtchev : Nous aussi.\n\nM. Couve : Il faudra du temps.\n\n"
                "M. Khrouchtchev : Nous attendrons.\n")
    assert xp(root, "//t:sp/t:speaker/text()") == ["M. Khrouchtchev :", "M. Couve :", "M. Khrouchtchev :"]


# -- a diary's date is the span of its entries (session 13)

@pytest.mark.parametrize("stem, span", [
    ("wilson_67_diary_dated_entries", ("1937-11-07", "1937-11-11", "7.11.37 – 11.11.37")),
    ("word_52_diary_weekday_dates_footnote", ("1953-03-04", "1953-03-09", None)),
])
def test_a_diarys_creation_date_runs_from_its_first_entry_to_its_last(stem: str, span) -> None:
    root = record(stem)
    created = xp(root, "//t:profileDesc/t:creation/t:date")[0]
    assert (created.get("from"), created.get("to"), created.get("when")) == (span[0], span[1], None)
    if span[2]:
        assert text_of(created) == span[2]
    assert any("runs from its first diary entry" in text_of(p) for p in xp(root, "//t:interpretation/t:p"))


def test_an_entry_without_its_year_leaves_the_diary_its_single_date() -> None:
    """wilson_68's last entry is "9 January." (no year, no @when): a span would end on the 3rd."""
    root = record("wilson_68_journal_run_in_dates")
    created = xp(root, "//t:profileDesc/t:creation/t:date")[0]
    assert created.get("when") == "1957-01-01" and created.get("from") is None
