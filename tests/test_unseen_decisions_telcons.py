"""Unseen records written in the families' conventions (session 7): a Politburo extract with
numbered decisions typed one a line; a diary entry dated with a Roman month and mailed ("Sent: to
comrades …"); an ambassador's journal with a stamp above its capitals heading; Romanian minutes
listing each side's participants; a Word export whose first turn carries a note at the speaker's
name; a telephone transcript labelled by initials, with its date under the participants list; a
note verbale closing in the third person; a cable addressed to a list of leaders, signed over its
date; a party letter with an enclosure line at its foot and no title; an airgram signed in capitals;
a telegram's despatch and receipt lines; a letter to "Comrade Stalin, Iosif Vissarionovich" signed
over its signature mark; a Security Council verbatim record; a Word export's running page heads.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

import pytest

from tei_encoder.header import dates
from tei_encoder.header import people
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import greeting, page_marker, valediction
from tei_encoder.reader.units import units_of

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


# -- soviet_39: numbered decisions, one a line, in one block

def test_numbered_decisions_typed_one_a_line_are_paragraphs_each() -> None:
    root = record("soviet_39_politburo_extract_numbered_decisions")
    numbered = xp(root, "//t:body//t:p[@n]")
    assert [p.get("n") for p in numbered] == ["142", "1", "2", "3"]
    assert text_of(numbered[2]).startswith("2. To instruct Comrade Molotov to inform Saracoğlu")
    assert text_of(numbered[3]) == "3. To instruct Comrade Terentyev to remain in Moscow until the end of the negotiations."


def test_a_block_is_cut_only_where_its_lines_number_in_sequence() -> None:
    def texts(block: str) -> list[str]:
        return [unit.text for unit in units_of(1, block, {})]

    assert texts("1. To approve the draft.\n2. To instruct the NKID.") == ["1. To approve the draft.", "2. To instruct the NKID."]
    # a wrapped line stays with its item; "3." out of sequence does not open an item
    assert texts("1. To approve the draft of the pact\nwith the amendments.\n2. To instruct the NKID.") == [
        "1. To approve the draft of the pact with the amendments.", "2. To instruct the NKID."]
    assert texts("1. The delegation arrived on\n3. October and left at once.") == [
        "1. The delegation arrived on 3. October and left at once."]
    assert texts("The talks lasted until\n2. That is all.") == ["The talks lasted until 2. That is all."]


# -- soviet_40: a Roman month between a slash and a dash; "Sent: to comrades …"

@pytest.mark.parametrize("text, when", [
    ("14/V-1939", "1939-05-14"), ("14/V-39", "1939-05-14"), ("3.IV-45", "1945-04-03"), ("12/VIII/1943", "1943-08-12"),
])
def test_a_roman_month_may_have_a_dash_before_the_year(text: str, when: str) -> None:
    assert [found.when for found in dates.find_dates(text)] == [when]


def test_no_roman_date_in_a_reference() -> None:
    assert dates.find_dates("Art. 5/V-2 of the treaty") == []


def test_a_diary_entry_dated_with_a_roman_month_is_dated() -> None:
    root = record("soviet_40_diary_reception_roman_month_sent_to")
    assert xp(root, "//t:opener/t:dateline/t:date/@when") == ["1939-05-14"]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1939-05-14"]


def test_a_mailing_line_with_a_colon_after_sent_follows_the_closing() -> None:
    root = record("soviet_40_diary_reception_roman_month_sent_to")
    assert xp(root, "//t:closer/t:signed/t:persName/text()") == ["V. Potemkin"]
    mailing = xp(root, "//t:div[@type='distribution']/t:p")
    assert [text_of(p) for p in mailing] == ["Sent: to comrades Stalin, Molotov, Mikoyan."]
    assert xp(mailing[0], "t:persName/@ref") == ["#stalin", "#molotov", "#mikoyan"]


# -- wilson_42: a stamp above the heading

def test_a_stamp_above_the_heading_is_read_into_the_opening() -> None:
    root = record("wilson_42_journal_stamp_above_heading")
    div = xp(root, "//t:body/t:div")[0]
    assert [child.tag.split("}")[1] for child in div][:4] == ["opener", "head", "opener", "p"]
    assert xp(div, "t:opener[1]/t:seg/t:stamp/text()") == ["Secret, Copy No. 1"]
    assert text_of(xp(div, "t:head")[0]) == "FROM THE JOURNAL OF A. M. PUZANOV"
    assert xp(div, "t:opener[2]/t:dateline/t:date/@when") == ["1958-02-03"]


def test_a_stamp_in_a_paragraph_stays_there() -> None:
    root = tei("Memorandum\n\nMoscow, 3 March 1950\n\nThe talks went on. [Stamp: Secret]\n\nThey ended.\n")
    assert xp(root, "//t:p/t:stamp/text()") == ["Secret"]


# -- wilson_43: each side's participants

def test_each_sides_participants_are_a_labelled_list() -> None:
    root = record("wilson_43_romanian_minutes_participating_sides")
    assert xp(root, "//t:list[@type='participants']/t:label/text()") == [
        "Participating from the Romanian side:", "Participating from the Korean side:"]
    # Kim Il, the premier, is not Kim Il Sung
    refs = xp(root, "//t:list[@type='participants']//t:persName/@ref")
    assert "#kim" not in refs and len(refs) == 6
    assert text_of(xp(root, "//t:body//t:head")[0]).startswith("MINUTES of the conversation between Comrade")


# -- word_39: a note anchored at the speaker's name

def test_a_note_at_the_speakers_name_stays_in_the_label() -> None:
    root = record("word_39_note_anchor_in_speaker_label")
    speaker = xp(root, "//t:sp[1]/t:speaker")[0]
    assert xp(root, "//t:sp/@who") == ["#khrushchev", "#nehru", "#khrushchev"]
    assert speaker.text == "Khrushchev" and xp(speaker, "t:note/@xml:id") == ["fn2"]
    assert xp(speaker, "t:note")[0].tail == ":"
    assert text_of(xp(root, "//t:sp[1]/t:p")[0]).startswith("We are glad to welcome you")
    assert xp(root, "//t:body//t:p[starts-with(., 'Khrushchev')]") == []


# -- word_40: a telephone transcript labelled by initials

def test_initials_label_the_one_participant_whose_surname_they_begin() -> None:
    root = record("word_40_telcon_initial_labels_date_and_time")
    assert xp(root, "//t:sp/@who") == ["#dobrynin", "#kissinger", "#dobrynin", "#kissinger", "#dobrynin"]
    assert xp(root, "//t:sp/t:speaker/text()") == ["D:", "K:", "D:", "K:", "D:"]


def test_a_date_field_under_the_participants_is_the_opening() -> None:
    root = record("word_40_telcon_initial_labels_date_and_time")
    assert xp(root, "//t:opener/t:dateline/t:date/@when") == ["1971-02-22"]
    assert xp(root, "//t:opener/t:dateline/t:time/@when") == ["19:30:00"]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1971-02-22"]
    assert xp(root, "//t:opener/following-sibling::*[1]/self::t:list/@type") == ["participants"]
    # the one change of the source's order is said in the header
    said = " ".join(xp(root, "//t:editorialDecl//text()"))
    assert "1 block of header fields printed under a participants list was placed above the list" in said


TELCON = ("MEMORANDUM OF TELEPHONE CONVERSATION\n\nPARTICIPANTS:\t{first}\n\t\t{second}\n\n"
          "D: Hello. I have an answer from Moscow.\n\nK: Good. What do they say?\n\n"
          "D: They agree in principle.\n\nK: I will call you back.\n")


def test_an_initial_that_begins_two_surnames_labels_no_one() -> None:
    root = tei(TELCON.format(first="Ambassador Anatoly F. Dobrynin", second="Mr. Yuli Dubinin"))
    assert xp(root, "//t:sp[t:speaker='D:']") == []


def test_an_initial_used_once_is_no_label() -> None:
    text = TELCON.format(first="Ambassador Anatoly F. Dobrynin", second="Henry A. Kissinger")
    root = tei(text.replace("D: They agree in principle.", "They agree in principle."))
    assert xp(root, "//t:sp[t:speaker='D:']") == []
    assert xp(root, "//t:sp/@who") == ["#kissinger", "#kissinger"]


# -- soviet_41: a note verbale

def test_a_note_verbale_closes_in_the_third_person_with_its_place_and_date() -> None:
    root = record("soviet_41_note_verbale_place_date_at_foot")
    closer = xp(root, "//t:closer")[0]
    assert text_of(xp(closer, "t:salute")[0]).startswith("The People's Commissariat avails itself of this opportunity")
    assert xp(closer, "t:dateline/t:date/@when") == ["1941-08-25"]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1941-08-25"]


@pytest.mark.parametrize("line, closes", [
    ("The Embassy avails itself of this opportunity to renew to the Ministry the assurances of its highest consideration.", True),
    ("We avail ourselves of this opportunity to renew the assurances of our high consideration.", True),
    ("The Embassy avails itself of the right to reply later.", False),
])
def test_third_person_complimentary_closes(line: str, closes: bool) -> None:
    assert valediction.closes_letter(line) is closes


# -- wilson_44: a cable's addressees; the signature over its date

def test_a_cables_list_of_addressees_is_its_salute() -> None:
    root = record("wilson_44_chinese_cable_addressees_date_under_sender")
    assert text_of(xp(root, "//t:opener/t:salute")[0]) == "Chairman [Mao], Comrade [Liu] Shaoqi, and the Central Committee:"


@pytest.mark.parametrize("text, salute", [
    ("Chairman [Mao], Comrade [Liu] Shaoqi, and the Central Committee:", True),
    ("Comrade Stalin, Comrade Molotov:", True),
    ("Comrade Stalin:", False),  # one addressee and a colon: a speaker's label
    ("Chairman Mao, Premier Zhou and the delegation discussed:", False),
])
def test_lists_of_addressees(text: str, salute: bool) -> None:
    assert greeting.addressees_list(text) is salute


def test_a_name_over_a_date_in_the_last_block_signs() -> None:
    root = record("wilson_44_chinese_cable_addressees_date_under_sender")
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, "t:signed/t:persName/@ref") == ["#zhou"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1954-06-10"]


# -- word_41: a letter with an enclosure line and no title

def test_a_letter_salute_under_the_addressee_lines_ends_them() -> None:
    root = record("word_41_letter_letterhead_enclosure_line")
    assert xp(root, "//t:opener/t:seg[@type='addressee']") and len(xp(root, "//t:opener/t:seg[@type='addressee']")) == 3
    assert text_of(xp(root, "//t:opener/t:salute")[0]) == "Dear Comrade Brezhnev,"


def test_a_name_under_a_valediction_signs_and_the_enclosure_line_closes() -> None:
    root = record("word_41_letter_letterhead_enclosure_line")
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, "t:salute/text()") == ["With communist greetings,"]
    assert xp(closer, "t:signed/t:persName/@ref") == ["#honecker"]
    assert xp(closer, "t:seg[@type='enclosure']/text()") == ["Enclosure: 1 memorandum (5 pages)"]
    assert xp(root, "//t:div[@type='attachment']") == []


def test_a_letter_without_a_title_is_titled_by_its_correspondents() -> None:
    root = record("word_41_letter_letterhead_enclosure_line")
    assert xp(root, "//t:titleStmt/t:title[@type='supplied']/text()") == [
        "Letter from Erich Honecker to Leonid Ilyich Brezhnev"]


def test_an_enclosure_with_its_text_after_it_is_still_an_attachment() -> None:
    root = tei("Dear Mr. Secretary,\n\nI enclose the memorandum.\n\nYours sincerely,\nA. G. Kirk\n\n"
               "Enclosure\n\nThe Soviet Government has received the note of 20 February.\n")
    assert xp(root, "//t:div[@type='attachment']/t:head/text()") == ["Enclosure"]


# -- other_35: an airgram

def test_an_airgram_signed_in_capitals_for_an_embassy() -> None:
    root = record("other_35_airgram_spaced_colons")
    assert xp(root, "//t:closer/t:signed/t:persName/@ref") == ["#thompson"]
    assert "moscow" not in xp(root, "//t:person/@xml:id")  # "Amembassy MOSCOW" is no person
    assert xp(root, "//t:opener/t:seg[@type='reference']/text()") == ["REF : Deptel 2145"]


def test_a_word_in_capitals_at_the_foot_without_a_sender_field_signs_nothing() -> None:
    root = tei("MEMORANDUM\n\nMoscow, 3 March 1950\n\nThe talks went on until late.\n\nTHOMPSON\n")
    assert xp(root, "//t:closer") == []


# -- soviet_42: a telegram's despatch and receipt; "Copies: to …"

def test_a_telegrams_sent_and_received_lines_are_its_despatch_and_receipt() -> None:
    root = record("soviet_42_telegram_sent_received_hours")
    assert xp(root, "//t:opener/t:seg[@type='despatched']/t:time/@when") == ["23:10:00"]
    assert xp(root, "//t:opener/t:seg[@type='received']/t:date/@when") == ["1939-10-21"]
    assert xp(root, "//t:correspAction[@type='sent']/t:date/@when") == ["1939-10-20"]


def test_every_name_after_copies_to_is_a_recipient() -> None:
    root = record("soviet_42_telegram_sent_received_hours")
    assert xp(root, "//t:correspAction[@type='received']/t:persName/@ref") == [
        "#stalin", "#molotov", "#voroshilov", "#kaganovich", "#mikoyan"]


# -- wilson_45: a surname, a comma, the forename and patronymic; a name over its signature mark

def test_a_forename_and_patronymic_after_a_surname_are_one_person() -> None:
    root = record("wilson_45_kim_letter_signature_mark_date_under")
    assert xp(root, "//t:person[@xml:id='stalin']/t:persName[1]/text()") == ["Iosif Vissarionovich Stalin"]
    assert "vissarionovich" not in xp(root, "//t:person/@xml:id")
    assert people.parse_name("Comrade Stalin, Iosif Vissarionovich").bare == "Iosif Vissarionovich Stalin"


def test_a_name_over_its_signature_mark_and_date_signs() -> None:
    root = record("wilson_45_kim_letter_signature_mark_date_under")
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, "t:salute/text()") == ["With deep respect,"]
    assert xp(closer, "t:signed/t:persName/@ref") == ["#kim"]
    assert xp(closer, "t:signed/t:gap/t:desc/text()") == ["signature"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1950-03-21"]


# -- other_36: a verbatim record

def test_a_verbatim_records_labels_keep_country_and_language() -> None:
    root = record("other_36_un_verbatim_record_country_labels")
    assert xp(root, "//t:sp/t:speaker/text()") == [
        "The PRESIDENT:", "Mr. AUSTIN (United States of America):",
        "Mr. BEBLER (Yugoslavia) (interpretation from French):", "The PRESIDENT:"]
    assert xp(root, "//t:sp/@who") == ["#president", "#austin", "#bebler", "#president"]
    # the delegate's speech is his, not the speaker's before him
    assert text_of(xp(root, "//t:sp[@who='#bebler']/t:p")[0]).startswith("My delegation cannot support")
    # the vote is the record's narration, after the chair's last turn
    assert [text_of(p) for p in xp(root, "//t:sp[last()]/following-sibling::t:p")] == [
        "A vote was taken by show of hands.", "The draft resolution was adopted by 7 votes to 1.",
        "The meeting rose at 11.45 p.m."]


def test_countries_present_are_no_persons() -> None:
    root = record("other_36_un_verbatim_record_country_labels")
    ids = xp(root, "//t:person/@xml:id")
    assert not {"china", "cuba", "kingdom"} & set(ids)
    assert xp(root, "//t:settingDesc/t:setting/t:date/@when") == ["1950-06-27"]


def test_two_parentheses_after_a_name() -> None:
    assert speech.label_parts("Mr. BEBLER (Yugoslavia) (interpretation from French):")[0] == "Mr. BEBLER"
    assert speech.match_label("Stalin (after a pause): We agree.") == ("", "Stalin:", "(after a pause) We agree.")


# -- word_42: running heads

@pytest.mark.parametrize("line, number", [
    ("CONFIDENTIAL Page 2 of 3", "2"), ("Page 12 of 40", "12"), ("- 3 -", "3"),
    ("The page 2 of the treaty", None), ("Page 2", None), ("See page 2 of 3 copies made", None),
])
def test_running_heads_and_typed_page_numbers(line: str, number: str | None) -> None:
    assert page_marker.printed_page(line) == number


def test_running_heads_are_page_breaks_kept_as_printed() -> None:
    root = record("word_42_running_header_page_of")
    assert xp(root, "//t:body//t:pb/@n") == ["1", "2", "3"]
    assert xp(root, "//t:body//t:fw/text()") == [f"CONFIDENTIAL Page {n} of 3" for n in (1, 2, 3)]
    assert xp(root, "//t:body//t:fw/@type") == ["header"] * 3  # a running head, more than the page's number
    assert xp(root, "//t:body/t:div") and len(xp(root, "//t:body/t:div")) == 1
    assert xp(root, "//t:sp/t:speaker/text()") == ["Khrushchev:", "Thompson:", "Khrushchev:", "Thompson:"]


def test_the_chairs_label_is_the_person_printed_with_the_title() -> None:
    root = tei("Minutes of the meeting\n\nPresent: Chairman Mao Zedong, Ambassador P. F. Yudin\n\n"
               "The CHAIRMAN: We welcome the Soviet comrades.\n\nYudin: Thank you.\n\n"
               "The CHAIRMAN: Let us begin.\n")
    assert xp(root, "//t:sp/@who") == ["#mao", "#yudin", "#mao"]


def test_the_chairman_in_running_text_is_still_the_person_printed_with_the_title() -> None:
    root = record("wilson_34_chinese_minutes_multiword_labels")
    assert xp(root, "//t:p[starts-with(., 'The Chairman means')]/t:persName/@ref") == ["#mao"]


# -- other_37: a debate labelled by office

def test_a_debates_office_labels_are_the_office_holder() -> None:
    root = record("other_37_hansard_office_labels")
    assert xp(root, "//t:sp/@who") == ["#attlee", "#churchill", "#attlee", "#speaker"]
    assert xp(root, "//t:person[@xml:id='speaker']/t:persName") == []  # an office, no person named Speaker
    assert xp(root, "//t:opener/t:dateline/t:placeName") == []  # "Monday" is no place
    assert xp(root, "//t:opener/t:dateline/t:date/@when") == ["1950-06-26"]


@pytest.mark.parametrize("label, office", [
    ("The PRESIDENT", "president"), ("The Prime Minister", "prime minister"), ("Mr. Speaker", "speaker"),
    ("The Comrade", None), ("The Soviet", None), ("Mr. Attlee", None),
])
def test_labels_that_name_an_office(label: str, office: str | None) -> None:
    assert people.office_of_label(label) == office


# -- wilson_46: a resolution after the last turn

def test_a_resolution_after_the_turns_is_no_ones_speech() -> None:
    root = record("wilson_46_presidium_notes_resolution_after_turns")
    assert xp(root, "//t:sp/@who") == ["#khrushchev", "#molotov", "#zhukov"]
    assert [text_of(p) for p in xp(root, "//t:sp[last()]/t:p")] == ["The troops are ready."]
    assert text_of(xp(root, "//t:sp[last()]/following-sibling::t:p")[0]).startswith("Resolution: Cdes. Mikoyan")


@pytest.mark.parametrize("text, field", [
    ("Resolution: Cdes. Mikoyan and Suslov are to travel to Budapest.", True), ("Decided: to send a letter.", True),
    ("Note: the record is incomplete.", True), ("Molotov: I agree.", False), ("The talks resumed at five.", False),
])
def test_field_labels_in_a_speakers_place(text: str, field: bool) -> None:
    assert speech.field_label(text) is field
