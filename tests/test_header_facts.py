"""Header facts of the hand-made unseen records (issue 10 §2, §3): one test per fact.

Each record in tests/records/*_04…07_* was written for a header layout the seeds do not
show; the expectations below are what a reader of the record would write down.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tei import tei, xp

RECORDS = Path(__file__).parent / "records"
H = "/t:TEI/t:teiHeader"

# (record, fact, XPath over the output, expected value or list of values). Handling marks
# (Copy No., Special folder, Eyes only) are precedence terms, as ENCODING.md section 2 asks.
FACTS = [
    # a letterhead, a stamp and a copy number above a telegram heading; Roman-numeral month
    ("other_04_letterhead_telegram_roman_date", "title", f"string({H}/t:fileDesc/t:titleStmt/t:title)",
     "Telegram from the Ambassador in Warsaw to the Foreign Minister"),
    ("other_04_letterhead_telegram_roman_date", "date", f"string({H}/t:profileDesc/t:creation/t:date/@when)",
     "1943-08-12"),
    ("other_04_letterhead_telegram_roman_date", "language", "string(/t:TEI/@xml:lang)", "en"),
    ("other_04_letterhead_telegram_roman_date", "classification",
     f"{H}//t:term[@type='classification']/text()", ["TOP SECRET"]),
    ("other_04_letterhead_telegram_roman_date", "handling", f"{H}//t:term[@type='precedence']/text()",
     ["Copy No. 3"]),
    # a page that arrived as one long line
    ("wilson_07_page_on_one_line", "title", f"string({H}/t:fileDesc/t:titleStmt/t:title)",
     "Record of Conversation between Comrade I. V. Kovalenko and Ambassador Lindqvist"),
    ("wilson_07_page_on_one_line", "date",
     f"concat({H}//t:sourceDesc/t:bibl/t:date/@from, '/', {H}//t:sourceDesc/t:bibl/t:date/@to)",
     "1952-06-02/1952-06-03"),
    ("wilson_07_page_on_one_line", "language", "string(/t:TEI/@xml:lang)", "en"),
    ("wilson_07_page_on_one_line", "original language",
     f"string({H}//t:sourceDesc/t:bibl/t:textLang/@mainLang)", "ru"),
    ("wilson_07_page_on_one_line", "reference",
     f"concat({H}//t:msIdentifier/t:repository, ' | ', {H}//t:msIdentifier/t:idno)",
     "AVP RF | f. 07, op. 3, d. 21, l. 40"),
    ("wilson_07_page_on_one_line", "persons", f"{H}//t:person/t:persName[1]/text()",
     ["I. V. Kovalenko", "Lindqvist", "Anna Berg"]),
    # a date and a classification on one line; spelled-out fond; persons with one surname
    ("soviet_04_date_with_mark_fond_spelled", "title", f"string({H}/t:fileDesc/t:titleStmt/t:title)",
     "Record of conversation of Cde. V. Volkov with the delegation of the Korean Youth League"),
    ("soviet_04_date_with_mark_fond_spelled", "date", f"string({H}/t:profileDesc/t:creation/t:date/@when)",
     "1950-03-03"),
    ("soviet_04_date_with_mark_fond_spelled", "language", "string(/t:TEI/@xml:lang)", "en"),
    ("soviet_04_date_with_mark_fond_spelled", "classification",
     f"{H}//t:term[@type='classification']/text()", ["top secret"]),
    ("soviet_04_date_with_mark_fond_spelled", "handling", f"{H}//t:term[@type='precedence']/text()",
     ["Special folder"]),
    ("soviet_04_date_with_mark_fond_spelled", "reference",
     f"string({H}//t:sourceDesc//t:idno[@type='archival'])",
     "fond 0112, opis 12, delo 4, papka 31, listy 15–19"),
    ("soviet_04_date_with_mark_fond_spelled", "publication not in reference",
     f"boolean({H}//t:msIdentifier/t:idno[contains(., 'Reprinted')])", False),
    ("soviet_04_date_with_mark_fond_spelled", "persons", f"{H}//t:person/t:persName[1]/text()",
     ["V. Volkov", "Kim Sok", "P. R. Volkov"]),
    # Word export: two marks, a numeric dateline, a letter's sender and addressee
    ("word_04_letter_strictly_confidential", "date", f"string({H}/t:profileDesc/t:creation/t:date/@when)",
     "1943-08-12"),
    ("word_04_letter_strictly_confidential", "classification",
     f"{H}//t:term[@type='classification']/text()", ["Strictly confidential", "Personal and secret"]),
    ("word_04_letter_strictly_confidential", "title", f"string({H}/t:fileDesc/t:titleStmt/t:title)",
     "LETTER FROM THE PEOPLE'S COMMISSAR TO THE AMBASSADOR IN LONDON"),
    ("word_04_letter_strictly_confidential", "correspondents",
     f"{H}//t:correspAction/t:persName/text()", ["V. Molotov", "Andrei Ivanovich Petrenko"]),
    # a German record: language from the text
    ("other_06_german_aufzeichnung", "language", "string(/t:TEI/@xml:lang)", "de"),
    ("other_06_german_aufzeichnung", "title", f"string({H}/t:fileDesc/t:titleStmt/t:title)",
     "Aufzeichnung über die Unterredung des Staatssekretärs mit dem schwedischen Gesandten"),
    # a US memorandum: field lines, eyes only, RG/Lot/Box reference, sender
    ("other_07_state_memo_rg84", "title", f"string({H}/t:fileDesc/t:titleStmt/t:title)",
     "MEMORANDUM OF CONVERSATION"),
    ("other_07_state_memo_rg84", "date", f"string({H}/t:profileDesc/t:creation/t:date/@when)", "1943-08-12"),
    ("other_07_state_memo_rg84", "language", "string(/t:TEI/@xml:lang)", "en"),
    ("other_07_state_memo_rg84", "handling", f"{H}//t:term[@type='precedence']/text()", ["Eyes only"]),
    ("other_07_state_memo_rg84", "reference", f"string({H}//t:msIdentifier/t:idno)",
     "RG 84, Lot 62 D 12, Box 3"),
    ("other_07_state_memo_rg84", "sender", f"{H}//t:correspAction[@type='sent']/t:persName/text()",
     ["Robert T. Ashby"]),
    # Wilson page: Chinese original, a dateline with a clock time, the conversation two days earlier
    ("wilson_06_chinese_dateline_time", "original language",
     f"string({H}//t:sourceDesc/t:bibl/t:textLang/@mainLang)", "zh"),
    ("wilson_06_chinese_dateline_time", "language", "string(/t:TEI/@xml:lang)", "en"),
    ("wilson_06_chinese_dateline_time", "date", f"string({H}/t:profileDesc/t:creation/t:date/@when)",
     "1943-08-12"),
    ("wilson_06_chinese_dateline_time", "classification", f"{H}//t:term[@type='classification']/text()",
     ["Confidential"]),
    ("wilson_06_chinese_dateline_time", "sender",
     f"concat({H}//t:correspAction[@type='sent']/t:persName, ' | ', {H}//t:correspAction[@type='sent']/t:date/@when)",
     "Liu Shaowen | 1943-08-12"),
    ("wilson_06_chinese_dateline_time", "conversation date",
     f"string({H}//t:settingDesc//t:date/@when)", "1943-08-10"),
]


@pytest.fixture(scope="module")
def outputs() -> dict:
    return {}


@pytest.mark.parametrize("record, fact, path, expected", FACTS, ids=[f"{r}-{f}" for r, f, _, _ in FACTS])
def test_header_fact(record: str, fact: str, path: str, expected, outputs: dict) -> None:
    if record not in outputs:
        source = RECORDS / f"{record}.txt"
        outputs[record] = tei(source.read_bytes(), source.name)
    got = xp(outputs[record], path)
    if isinstance(expected, list):
        assert sorted(str(g) for g in got) == sorted(expected)
    else:
        assert got == expected


def test_a_heading_date_is_the_documents_date_when_no_dateline_gives_one() -> None:
    root = tei("SECRET\n\nMemorandum of conversation with the Yugoslav Ambassador, 3 October 1949\n\n"
               "The Ambassador called at 11 a.m. He said that his government would not accept the proposal.\n")
    assert xp(root, f"string({H}/t:profileDesc/t:creation/t:date/@when)") == "1949-10-03"
    assert xp(root, f"string({H}//t:titleStmt/t:title)") == \
        "Memorandum of conversation with the Yugoslav Ambassador, 3 October 1949"


def test_a_record_on_one_line_without_labels_gets_its_first_sentence_as_title() -> None:
    root = tei("Record of a conversation between the minister C. Enckell and the envoy A. M. Alexandrov on "
               "14-15 March 1947 in Helsinki. Alexandrov said that the Soviet government was surprised.\n")
    assert xp(root, f"string({H}//t:titleStmt/t:title)").endswith("on 14-15 March 1947 in Helsinki")
    assert xp(root, f"concat({H}//t:creation/t:date/@from, '/', {H}//t:creation/t:date/@to)") == \
        "1947-03-14/1947-03-15"
    assert not xp(root, f"{H}//t:titleStmt/t:title[@type='supplied']")


def test_a_trailing_blank_line_does_not_make_one_line_paragraphs_one_block() -> None:
    root = tei("STRICTLY SECRET\nREPORT ON THE TALKS WITH THE SWEDISH DELEGATION\n3 June 1946\n"
               "The Swedish delegation arrived in Moscow on 1 June.\nV. Molotov\n\n")
    assert xp(root, f"string({H}/t:profileDesc/t:creation/t:date/@when)") == "1946-06-03"
    assert xp(root, "string(//t:body//t:head)") == "REPORT ON THE TALKS WITH THE SWEDISH DELEGATION"
