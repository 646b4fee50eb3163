"""Unseen records written in the families' conventions (session 5): the newer Wilson Center page
(site list fields after Contents, the closing "Document Information" block), a memorandum signed
"A. Surname" (no interview answer), a Soviet clerk's date "15.IV.50"; a Soviet telegram with a
place-and-date line, the precedence "Immediately", the Russian editions' omission mark "<...>" and
a name under a form of address ("comrade Molotov") who is only mentioned; a Word export whose
capitals title goes on in lower case on the next line, a dateline with the place after the date, and
typed page numbers between dashes; a telegram as a printed edition (FRUS) gives it: the file
number above the title, `Moscow, March 15, 1947—7 p.m.`, `[Received …]`, a superscript note mark;
Chinese minutes with `Time:` / `Location:` fields and a closing parenthesised direction; a Soviet
diary entry signed `V. MOLOTOV` with a `Distributed to:` line before its archival reference; a
Central European letter with `Dear Comrade Stalin!` and a signature in parentheses; Polish Politburo
minutes with an `Agenda:` list, `Decided:` resolutions and a heading naming the minutes; an oral
history in a Word export with timestamps `[00:02:40]`; a Soviet ambassador's journal entry
(`SECRET, Copy No. 2`, `From the journal of` / `P. F. YUDIN`, the entry's own heading, `/signature/`);
a commissar's letter whose title names the addressee after his office, closed before a translator's
credit.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

import pytest

from tei_encoder.families.wilson_center import page_date
from tei_encoder.header import dates

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def fields(root) -> list[tuple[str, str]]:
    return [(note.get("n"), text_of(note)) for note in xp(root, "//t:sourceDesc/t:bibl/t:note[@type='field']")]


def test_site_list_fields_after_contents_fill_the_header_item_by_item() -> None:
    root = record("wilson_33_document_information_block")
    found = fields(root)
    assert ("Associated People & Organizations", "Stalin, Joseph, 1879-1953") in found
    assert [text for label, text in found if label == "Associated Places"] == ["China", "Soviet Union"]
    body = text_of(xp(root, "//t:body")[0])
    assert "Associated" not in body and "China Soviet Union" not in body
    # the transcript still opens with its own opening
    assert xp(root, "//t:body//t:opener/t:seg[@type='classification']/text()") == ["TOP SECRET"]


def test_closing_document_information_block_is_header_not_transcript() -> None:
    root = record("wilson_33_document_information_block")
    found = dict(fields(root))
    assert found["Record ID"] == "121547"
    assert found["Original Uploaded Date"] == "2014-06-12"
    assert found["Type"] == "Memorandum"
    assert found["Rights"].startswith("The History and Public Policy Program welcomes reuse")
    body = text_of(xp(root, "//t:body")[0])
    assert "Document Information" not in body and "121547" not in body
    # the label count is stated: 4 front labels, 2 site fields, the heading and 6 closing labels
    assert "13 field labels" in text_of(xp(root, "//t:editorialDecl/t:normalization")[0])


def test_document_information_words_inside_a_transcript_stay_there() -> None:
    text = ("March 3, 1952\nNote on the Archive\n\nCitation:\n\n\"Note on the Archive\", March 3, 1952, "
            "Wilson Center Digital Archive.\n\nSummary:\n\nA note.\n\nOriginal Language:\n\nEnglish\n\n"
            "Contents:\n\nTranscript - English\n\nThe clerk filed the papers.\n\nDocument Information\n\n"
            "The clerk then wrote the type of each paper on its cover.\n")
    root = tei(text.encode(), "note.txt")
    body = text_of(xp(root, "//t:body")[0])
    assert "Document Information" in body and "wrote the type" in body
    assert fields(root) == []


def test_a_memorandum_signed_with_an_initial_is_no_interview() -> None:
    root = record("wilson_33_document_information_block")
    assert xp(root, "//t:sp") == []
    closer = xp(root, "//t:body//t:closer")[0]
    assert xp(closer, "t:signed/t:persName/text()") == ["A. Vyshinsky"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1950-04-15"]
    assert xp(closer, "t:seg[@type='number']/text()") == ["No. 412/vsh"]


def test_question_and_answer_letters_still_label_an_interview() -> None:
    root = tei(b"Interview with a veteran\n\nQ. Where did you serve?\n\nA. In Berlin, in 1945.\n\n"
               b"Q. And after that?\n\nA. Moscow.\n", "interview.txt")
    assert [text_of(s) for s in xp(root, "//t:sp/t:speaker")] == ["Q.", "A.", "Q.", "A."]


def test_roman_month_with_two_digit_year_is_of_the_1900s() -> None:
    assert dates.whole_date("15.IV.50").when == "1950-04-15"
    assert dates.whole_date("3/XII/49").when == "1949-12-03"
    assert dates.whole_date("15.IV.501") is None  # no year of three digits
    assert dates.whole_date("15.4.50") is None  # an Arabic month with two digits stays ambiguous


def test_angle_bracket_omissions_are_the_sources_own() -> None:
    root = record("soviet_31_ankara_telegram_angle_omissions")
    assert xp(root, "//t:body//t:ellipsis/t:metamark/text()") == ["<...>", "<...>"]
    assert xp(root, "//t:body//t:gap") == []


def test_bracketed_omission_marks_need_matching_brackets() -> None:
    root = tei(b"Note\n\nThe talks went on (...) until May. The delegates [...) left.\n\n<...>\n\nEnd.\n", "n.txt")
    assert xp(root, "//t:ellipsis/t:metamark/text()") == ["(...)", "<...>"]
    assert "[...)" in text_of(xp(root, "//t:body")[0])


def test_immediately_and_out_of_turn_are_precedence_marks() -> None:
    root = record("soviet_31_ankara_telegram_angle_omissions")
    assert xp(root, "//t:opener/t:seg[@type='precedence']/text()") == ["Immediately"]
    assert xp(root, "//t:keywords/t:term[@type='precedence']/text()") == ["Immediately"]
    assert xp(root, "//t:opener/t:dateline/t:placeName/text()") == ["Ankara"]


def test_a_name_under_a_form_of_address_is_a_mentioned_person() -> None:
    root = record("soviet_31_ankara_telegram_angle_omissions")
    assert xp(root, "//t:listPerson[@type='mentioned']/t:person/@xml:id") == ["molotov"]
    assert xp(root, "//t:body//t:persName[@ref='#molotov']/text()") == ["comrade Molotov"]


def test_forms_of_address_name_people_but_offices_do_not() -> None:
    root = tei(b"Record of conversation\n\nMarch 3, 1941\n\nMr. Eden left early. Sir Stafford Cripps and "
               b"Mr. Eden's aide came to see Mr. President. Comrade Chairman opened the session.\n\n"
               b"comrade Troyanovsky His Majesty's government could not agree.\n", "address.txt")
    ids = xp(root, "//t:particDesc//t:person/@xml:id")
    assert sorted(ids) == ["cripps", "eden", "troyanovsky"]
    assert xp(root, "//t:person[@xml:id='cripps']/t:persName[1]/text()") == ["Stafford Cripps"]


def test_a_ministry_is_no_reporting_subject() -> None:
    root = tei(b"Note\n\nMarch 3, 1941\n\nMikoyan interjected that the Ministry of Foreign Affairs considered "
               b"that credit terms should be settled.\n", "ministry.txt")
    assert xp(root, "//t:particDesc//t:person/@xml:id") == ["mikoyan"]
    assert xp(root, "//t:said/@who") == ["#mikoyan"]


def test_a_capitals_title_continued_on_the_next_line_is_one_heading() -> None:
    root = record("word_32_kremlin_record_initialled_caps_labels")
    head = xp(root, "//t:body/t:div/t:head")[0]
    assert text_of(head).startswith("RECORD OF CONVERSATION between N. S. Khrushchev")
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "RECORD OF CONVERSATION between N. S. Khrushchev and the Prime Minister of India J. Nehru"]


def test_a_dateline_with_the_place_after_the_date() -> None:
    root = record("word_32_kremlin_record_initialled_caps_labels")
    dateline = xp(root, "//t:body//t:opener/t:dateline")[0]
    assert xp(dateline, "t:date/@when") == ["1955-06-07"]
    assert xp(dateline, "t:placeName/text()") == ["Kremlin"]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1955-06-07"]


def test_a_page_number_between_dashes_is_a_page_break() -> None:
    root = record("word_32_kremlin_record_initialled_caps_labels")
    assert xp(root, "//t:body//t:pb/@n") == ["2"]
    assert xp(root, "//t:body//t:fw[@type='pageNum']/text()") == ["-2-"]
    # inside a sentence the page turns within the paragraph; a dash on one side is no page number
    root = tei(b"Note\n\nMarch 3, 1955\n\nThe delegation raised the question of the\n\n- 2 -\n\nborder "
               b"with Turkey.\n\n- 3\n\nIt was agreed.\n", "pages.txt")
    paragraph = xp(root, "//t:body//t:p[t:pb]")[0]
    assert text_of(paragraph).startswith("The delegation") and text_of(paragraph).endswith("border with Turkey.")
    assert xp(root, "//t:body//t:pb/@n") == ["2"]
    assert "- 3" in text_of(xp(root, "//t:body")[0])


def test_speaker_labels_with_initials_in_capitals() -> None:
    root = record("word_32_kremlin_record_initialled_caps_labels")
    assert xp(root, "//t:sp/@who") == ["#khrushchev", "#nehru", "#khrushchev", "#khrushchev", "#nehru"]
    assert xp(root, "//t:person[@xml:id='khrushchev']/t:birth/@when") == ["1894"]


def test_title_under_a_file_number_line_is_the_heading_between_two_openers() -> None:
    root = record("other_33_frus_telegram_received_line")
    division = xp(root, "//t:body/t:div")[0]
    assert [child.tag.split("}")[1] for child in division][:3] == ["opener", "head", "opener"]
    assert text_of(xp(division, "t:head")[0]) == "The Ambassador in the Soviet Union (Smith) to the Secretary of State"
    assert xp(division, "t:opener[1]/t:seg/text()") == ["761.00/3-1547: Telegram"]


def test_dateline_with_a_time_after_a_dash_and_a_bracketed_received_line() -> None:
    root = record("other_33_frus_telegram_received_line")
    opener = xp(root, "//t:body/t:div/t:opener[2]")[0]
    assert xp(opener, "t:dateline/t:date/@when") == ["1947-03-15"]
    assert xp(opener, "t:dateline/t:time/@when") == ["19:00:00"]
    assert xp(opener, "t:seg[@type='received']/t:time/@when") == ["02:05:00"]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1947-03-15"]


def test_superscript_note_marks_of_a_printed_edition() -> None:
    root = record("other_33_frus_telegram_received_line")
    notes = xp(root, "//t:body//t:note[@place='foot']")
    assert [(n.get("n"), text_of(n)) for n in notes] == [("¹", "See telegram 790, March 12, from Moscow, p. 542.")]
    assert xp(root, "//t:closer/t:signed/t:persName/@ref") == ["#smith"]
    # without a body line a superscript stays text
    root = tei("Note\n\nThe area is 12 km² in all.\n".encode(), "area.txt")
    assert xp(root, "//t:note[@place='foot']") == [] and "km²" in text_of(xp(root, "//t:body")[0])


def test_minutes_time_and_location_fields_are_the_opening_and_the_setting() -> None:
    root = record("wilson_34_chinese_minutes_multiword_labels")
    datelines = xp(root, "//t:body//t:opener/t:dateline")
    assert [text_of(d) for d in datelines] == ["Time: 10 October 1959, 4:00 p.m.", "Location: Zhongnanhai, Yinian Hall"]
    assert xp(datelines[0], "t:time/@when") == ["16:00:00"]
    assert xp(datelines[1], "t:placeName/text()") == ["Zhongnanhai, Yinian Hall"]
    assert xp(root, "//t:settingDesc/t:setting/t:placeName/text()") == ["Zhongnanhai, Yinian Hall"]
    assert xp(root, "//t:settingDesc/t:setting/t:date/@when") == ["1959-10-10"]


def test_a_block_in_parentheses_after_a_turn_is_a_stage_direction() -> None:
    root = record("wilson_34_chinese_minutes_multiword_labels")
    last = xp(root, "//t:sp")[-1]
    assert xp(last, "t:stage/text()") == ["(The conversation continued over dinner.)"]
    assert [text_of(s) for s in xp(root, "//t:sp/t:speaker")][-1] == "Premier Zhou Enlai:"


def test_a_page_number_between_dashes_inside_a_turn() -> None:
    root = tei(b"Minutes\n\nOctober 3, 1959\n\nMao: We agree.\n\nKim: Yes.\n\nMao: We went on.\n\n-2-\n\n"
               b"And then we stopped.\n", "turn_page.txt")
    turn = xp(root, "//t:sp")[-1]
    assert xp(turn, "t:pb/@n") == ["2"] and xp(turn, "t:fw/text()") == ["-2-"]
    assert [text_of(p) for p in xp(turn, "t:p")] == ["We went on.", "And then we stopped."]


def test_a_title_under_a_classification_line_in_any_language() -> None:
    root = record("other_06_german_aufzeichnung")
    assert text_of(xp(root, "//t:body/t:div/t:head")[0]).startswith("Aufzeichnung über die Unterredung")


def test_an_initial_that_is_a_roman_numeral_before_a_known_name_signs() -> None:
    root = record("soviet_32_diary_reception_numbered_items")
    assert xp(root, "//t:div[@type='section']") == []
    assert xp(root, "//t:closer/t:signed/t:persName/text()") == ["V. MOLOTOV"]
    assert xp(root, "//t:closer/t:signed/t:persName/@ref") == ["#molotov"]


def test_numbered_section_headings_still_open_sections() -> None:
    root = tei(b"Report\n\nMarch 3, 1950\n\nThe delegation arrived.\n\nV. ECONOMY\n\nTrade grew in the "
               b"first quarter.\n", "sections.txt")
    assert xp(root, "//t:div[@type='section']/@n") == ["V"]


def test_distributed_to_names_recipients_and_the_reference_after_it_is_the_source_note() -> None:
    root = record("soviet_32_diary_reception_numbered_items")
    recipients = xp(root, "//t:person[contains(@role, 'recipient')]/@xml:id")
    assert recipients == ["stalin", "malenkov", "vyshinsky", "dekanozov"]
    assert xp(root, "//t:div[@type='distribution']/t:note[@type='source']/t:idno/text()") == [
        "AVP RF, f. 06, op. 3, p. 1, d. 5, l. 12-13."]
    assert xp(root, "//t:msIdentifier/t:idno[@type='archival']/text()") != []
    assert xp(root, "//t:body//t:list/t:label/text()") == ["1)", "2)"]


def test_a_salute_ending_with_an_exclamation_mark() -> None:
    root = record("word_33_letter_parenthesised_signature")
    assert [text_of(s) for s in xp(root, "//t:opener/t:salute")] == ["Dear Comrade Stalin!"]
    root = tei(b"Letter\n\nMoscow, 3 March 1950\n\nEsteemed Comrade Molotov!\n\nWe agree with the plan.\n\n"
               b"Dear comrades! We must work harder this year than ever before.\n", "salute.txt")
    assert [text_of(s) for s in xp(root, "//t:opener/t:salute")] == ["Esteemed Comrade Molotov!"]


def test_a_signature_in_parentheses_under_a_valediction() -> None:
    root = record("word_33_letter_parenthesised_signature")
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, "t:salute/text()") == ["With communist greetings,"]
    assert text_of(xp(closer, "t:signed")[0]) == "(M. Rákosi)"
    assert xp(closer, "t:signed/t:persName/@ref") == ["#rakosi"]
    # a direction in parentheses is no signature
    root = tei(b"Minutes\n\nMarch 3, 1950\n\nThe meeting ended.\n\n(Applause)\n", "applause.txt")
    assert xp(root, "//t:closer") == []


def test_minutes_heading_named_by_its_kind() -> None:
    root = record("wilson_35_polish_protocol_agenda_ad_items")
    assert [text_of(h) for h in xp(root, "//t:body/t:div/t:head")] == [
        "Minutes No. 134 of the Politburo meeting of 15 November 1956"]


def test_an_agenda_is_a_list_with_its_head() -> None:
    root = record("wilson_35_polish_protocol_agenda_ad_items")
    agenda = xp(root, "//t:body//t:list")[0]
    assert xp(agenda, "t:head/text()") == ["Agenda:"]
    assert xp(agenda, "t:item/text()") == ["The situation in Hungary.", "The delegation to Moscow."]
    # without the lead-in, numbered sentences stay numbered paragraphs
    root = tei(b"Report\n\nMarch 3, 1950\n\n1. The commission met.\n2. It adjourned.\n", "numbered.txt")
    assert xp(root, "//t:list") == []


def test_resolution_heads_in_minutes_are_no_speakers() -> None:
    root = record("wilson_35_polish_protocol_agenda_ad_items")
    assert xp(root, "//t:sp") == []
    assert "decided" not in xp(root, "//t:person/@xml:id")
    assert [text_of(p) for p in xp(root, "//t:body//t:p") if text_of(p).startswith("Decided:")] == [
        "Decided: to send a letter to the Hungarian comrades.",
        "Decided: the delegation consists of comrades Gomułka, Cyrankiewicz, Zawadzki."]


def test_a_timestamp_is_no_footnote_body_and_stays_where_it_stands() -> None:
    root = record("word_34_oral_history_timestamps")
    texts = [text_of(p) for p in xp(root, "//t:body//t:p")]
    assert "[00:00:15]" in texts and "[00: 00:15]" not in texts
    assert texts.index("[00:00:15]") < texts.index("Let's start at the beginning. Where were you born?")
    assert xp(root, "//t:note[@place='foot']/@n") == ["1"]


def test_inaudible_with_the_recordings_time_is_a_gap() -> None:
    root = record("word_34_oral_history_timestamps")
    assert xp(root, "//t:gap[@reason='inaudible']/t:desc/text()") == ["inaudible 00:01:02"]


def test_a_line_of_marks_set_apart_by_commas() -> None:
    root = record("soviet_33_journal_slash_signature")
    opener = xp(root, "//t:body/t:div/t:opener")[0]
    assert [(seg.get("type"), text_of(seg)) for seg in xp(opener, "t:seg")] == [
        ("classification", "SECRET,"), ("handling", "Copy No. 2")]
    assert xp(root, "//t:keywords/t:term[@type='classification']/text()") == ["SECRET"]


def test_a_journal_heading_and_its_entry_heading_are_the_title_together() -> None:
    root = record("soviet_33_journal_slash_signature")
    assert [text_of(h) for h in xp(root, "//t:body/t:div/t:head")] == [
        "From the journal of P. F. YUDIN", "Record of Conversation with Comrade Mao Zedong on 31 March 1956"]
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "From the journal of P. F. YUDIN, Record of Conversation with Comrade Mao Zedong on 31 March 1956"]
    diary = record("soviet_32_diary_reception_numbered_items")
    assert xp(diary, "//t:titleStmt/t:title/text()") == [
        "FROM THE DIARY OF V. M. MOLOTOV, Reception of the Ambassador of Iran M. Saed"]


def test_a_signature_between_slashes_with_the_name_after_it() -> None:
    root = record("soviet_33_journal_slash_signature")
    signed = xp(root, "//t:closer/t:signed")[0]
    assert text_of(signed) == "USSR AMBASSADOR TO THE PRC signature (P. YUDIN)"  # the slashes dropped, as brackets
    assert xp(signed, "t:gap[@reason='editorial']/t:desc/text()") == ["signature"]
    assert xp(signed, "t:persName/@ref") == ["#yudin"]
    root = tei(b"Note\n\nMarch 3, 1950\n\nThe road to Kiev/s/he said was long.\n", "slash.txt")
    assert xp(root, "//t:gap") == []


def test_an_addressee_named_after_a_long_office_in_the_title() -> None:
    root = record("soviet_34_litvinov_letter_source_label")
    assert xp(root, "//t:correspAction[@type='received']/t:persName/text()") == ["Ya. Z. Surits"]
    root = record("word_04_letter_strictly_confidential")
    assert "london" not in xp(root, "//t:person/@xml:id")  # "TO THE AMBASSADOR IN LONDON" names a place


def test_a_closing_before_a_translators_credit() -> None:
    root = record("soviet_34_litvinov_letter_source_label")
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, "t:salute/text()") == ["With comradely greetings"]
    assert xp(closer, "t:signed/t:persName/@ref") == ["#litvinov"]
    assert [text_of(p) for p in xp(root, "//t:div[@type='distribution']/t:p")] == [
        "Translated from Russian by Eric Keller."]
    assert xp(root, "//t:titleStmt/t:respStmt[t:resp='translation']/t:persName/text()") == ["Eric Keller"]


@pytest.mark.parametrize("line, when", [
    ("1953", "1953"), ("March, 1953", "1953-03"), ("Summer 1949", "1949"), ("early March 1953", "1953-03"),
    ("circa 1950", None), ("c. June 1952", None), ("before 1948", None),
])
def test_a_page_date_line_may_be_a_year_or_approximate(line: str, when: str | None) -> None:
    found = page_date(line)
    assert found is not None and found.text == line and found.when == when


def test_an_approximate_page_date_dates_the_record_without_a_when() -> None:
    page = ("## **circa 1950**\n\n### **Note on the Talks**\n\n#### **Citation:**\n\n\"Note on the Talks\", "
            "circa 1950, Wilson Center Digital Archive, GARF, f. 5446, op. 1.\n\n#### **Summary:**\n\nA note.\n\n"
            "#### **Contents:**\n\nTranslation - English\n\nThe talks went on for two days.\n")
    root = tei(page.encode(), "circa.txt")
    assert [text_of(d) for d in xp(root, "//t:sourceDesc/t:bibl/t:date")] == ["circa 1950"]
    assert xp(root, "//t:sourceDesc/t:bibl/t:date/@when") == []
    assert xp(root, "//t:sourceDesc/t:bibl/t:note[@type='boilerplate']") == []
    assert page_date("1953 Note") is None and page_date("Note on the Talks") is None


def test_a_capitals_name_and_a_short_date_after_a_valediction_close_the_letter() -> None:
    """"With deep respect," / "KIM IL SUNG" / "16.IX.49": the signature and its date, not a second
    document headed by the name over a dated opening."""
    root = record("wilson_37_letter_caps_signature_short_date")
    assert len(xp(root, "//t:body/t:div[@type='document']")) == 1
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, "t:salute/text()") == ["With deep respect,"]
    assert xp(closer, "t:signed/t:persName/text()") == ["KIM IL SUNG"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1949-09-16"]
