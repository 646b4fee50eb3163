"""Wilson Center pages written blind (blind14/a 02-07) and the rules they showed missing, each proved on a
record of our own (tests/records wilson_85 to wilson_89) and on short texts.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

from tei_encoder.header.title import split_run_in_fields
from tei_encoder.reader import speech

RECORD = {path.stem: path for path in RECORDS}


def _record(stem: str) -> object:
    path = RECORD[stem]
    return tei(path.read_bytes(), path.name)


def _mentions(root: object, who: str) -> list[str]:
    return [text_of(name) for name in xp(root, f"//t:body//t:persName[@ref='#{who}']")]


def _body_text(root: object) -> str:
    return " ".join(text_of(element) for element in xp(root, "//t:body"))


# ---------------------------------------------------------------- a family name printed first, shared by two

WILSON_85 = "wilson_85_family_names_shared_by_two"


def test_a_family_name_before_other_given_names_is_not_the_known_bearer() -> None:
    root = _record(WILSON_85)
    assert _mentions(root, "kim-is") == ["Kim Il Sung"] * 3
    assert _mentions(root, "pak-h") == ["Pak Hon-yong"] * 2
    # Kim Tu-bong and Pak Mun-gyu are persons of their own (their romanised names tell them); the station
    # named after Kim Chaek stays untagged text
    assert _mentions(root, "kim-t") == ["Kim Tu-bong"] and _mentions(root, "pak-m") == ["Pak Mun-gyu"]
    assert "Kim Chaek station" in _body_text(root)
    assert not [name for name in xp(root, "//t:body//t:persName") if text_of(name) in ("Kim", "Pak")]


WILSON_PAGE = """June 2, 1966
Record of Conversation with {name}

Citation:
"Record of Conversation", June 2, 1966, Wilson Center Digital Archive, AVP RF, f. 1, op. 2, d. 3, l. 4.

Contents:
Translation - English

{text}
"""


def test_a_place_named_like_a_vietnamese_leader_is_no_mention_of_him() -> None:
    root = tei(WILSON_PAGE.format(name="Pham Van Dong", text=(
        "Pham Van Dong: The railway from Dong Dang to Kep is repaired.\n\n"
        "Zhou Enlai: Good. Dong has always kept his word.")))
    assert _mentions(root, "pham") == ["Dong"]  # the given name he is called by: his


def test_the_same_family_name_with_the_known_given_names_is_still_the_person() -> None:
    root = tei(WILSON_PAGE.format(name="Kim Il Sung", text=(
        "Kim Il Sung said that the harvest was good.\n\nLater Kim Il Sung and Comrade Kim left for Nampo.")))
    assert _mentions(root, "kim") == ["Kim Il Sung", "Kim Il Sung", "Comrade Kim"]


# ---------------------------------------------------------------- page fields run together on one line

WILSON_86 = "wilson_86_run_in_page_fields_two_contents_items"


def test_a_contents_item_ending_the_run_in_line_keeps_its_language() -> None:
    assert split_run_in_fields("A title Summary: A report. Contents: Translation - English") == [
        "A title", "Summary: A report.", "Contents:", "Translation - English"]
    assert split_run_in_fields("A title Summary: A report. Contents: Transcript - Russian Translation - English") == [
        "A title", "Summary: A report.", "Contents:", "Transcript - Russian", "Translation - English"]


def test_no_piece_of_the_contents_field_opens_the_transcript() -> None:
    root = _record(WILSON_86)
    assert xp(root, "//t:note[@type='contents']/text()") == ["Transcript - Russian", "Translation - English"]
    assert xp(root, "//t:body//t:head/text()") == ["TELEGRAM"]
    assert "- English" not in _body_text(root) and "- Russian" not in _body_text(root)


# ---------------------------------------------------------------- plain "Label: value" pages

WILSON_87 = "wilson_87_plain_labels_dated_setext_title"


def test_a_labelled_date_line_dates_the_page_and_a_setext_underline_is_markdown() -> None:
    root = _record(WILSON_87)
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "Note on the Meeting of the SED Politburo Commission for Berlin Questions"]
    assert xp(root, "//t:sourceDesc//t:date[@xml:id='h-date']/@when") == ["1961-09-12"]
    assert not xp(root, "//t:note[@type='boilerplate']")
    statement = text_of(xp(root, "//t:normalization")[0])
    assert "6 field labels" in statement and "markdown marks on 1 line" in statement


def test_a_link_label_gives_the_page_url_and_is_not_part_of_the_citation() -> None:
    root = _record(WILSON_87)
    assert xp(root, "//t:sourceDesc//t:ptr/@target") == ["https://digitalarchive.wilsoncenter.org/document/116208"]
    assert "Link" not in xp(root, "//t:note[@type='citation']/text()")[0]


def test_a_labelled_field_after_contents_is_no_contents_item() -> None:
    root = tei(WILSON_PAGE.replace("Translation - English\n", "Translation - English\nSummary: Talks.\n").format(
        name="Kim Il Sung", text="Kim Il Sung said that the harvest was good."))
    assert xp(root, "//t:note[@type='contents']/text()") == ["Translation - English"]


# ---------------------------------------------------------------- the citation printed under the transcript

WILSON_88 = "wilson_88_citation_under_transcript"


def test_a_citation_under_the_transcript_fills_the_header() -> None:
    root = _record(WILSON_88)
    assert xp(root, "//t:sourceDesc//t:repository/text()") == ["Národní archiv"]
    assert xp(root, "//t:sourceDesc//t:idno[@type='archival']/text()") == ["fond 1261/0/11, sv. 21, a.j. 34"]
    assert xp(root, "//t:sourceDesc//t:ptr/@target") == ["https://digitalarchive.wilsoncenter.org/document/121997"]
    assert xp(root, "//t:note[@type='field'][@n='Related Documents']/text()") == [
        "November 1, 1956 — Record of a Telephone Conversation with Imre Nagy"]
    body = _body_text(root)
    assert "Citation" not in body and "Related Documents" not in body and "digitalarchive" not in body
    assert xp(root, "//t:body//t:closer//t:persName/text()") == ["J. Pavlíček"]  # the last block is the signature


def test_a_transcript_ending_in_a_citation_label_and_prose_keeps_them() -> None:
    root = tei(WILSON_PAGE.format(name="Kim Il Sung", text=(
        "Kim Il Sung said that the harvest was good.\n\nCitation:\nWilson Center Digital Archive, see above.\n\n"
        "The minister left at noon.")))
    assert "The minister left at noon." in _body_text(root)
    assert xp(root, "//t:sourceDesc//t:idno[@type='archival']/text()") == ["f. 1, op. 2, d. 3, l. 4"]


# ---------------------------------------------------------------- a heading in capitals printed alone, twice

WILSON_89 = "wilson_89_capitals_document_headings_amid_turns"


def test_a_capitals_document_heading_is_no_label_alone() -> None:
    assert speech.bare_label("RECORD OF CONVERSATION") is None
    assert speech.bare_label("MEMORANDUM OF CONVERSATION") is None
    assert speech.bare_label("NOTES ON THE TALK") is None
    assert speech.bare_label("KALNINS") == "KALNINS"  # a name alone on its line still labels


def test_a_repeated_entry_heading_opens_no_turn_and_names_no_one() -> None:
    root = _record(WILSON_89)
    assert xp(root, "//t:sp/@who") == ["#gero", "#andropov", "#kadar"]
    assert not xp(root, "//t:person[@xml:id='conversation']")
    assert "RECORD OF CONVERSATION with Comrades E. GERŐ and J. KÁDÁR" in _body_text(root)
