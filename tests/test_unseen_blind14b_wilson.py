"""Wilson Center pages written blind (blind14/c 01-06: a browser copy of the newer page, a PDF's text) and the
rules they showed missing, each proved on a record of our own (tests/records wilson_90 to wilson_94) and on
short texts.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

RECORD = {path.stem: path for path in RECORDS}


def _record(stem: str) -> object:
    path = RECORD[stem]
    return tei(path.read_bytes(), path.name)


def _body_text(root: object) -> str:
    return " ".join(text_of(element) for element in xp(root, "//t:body"))


def _boilerplate(root: object) -> list[str]:
    return xp(root, "//t:sourceDesc//t:note[@type='boilerplate']/text()")


def _fields(root: object, label: str) -> list[str]:
    return xp(root, f"//t:sourceDesc//t:note[@type='field'][@n='{label}']/text()")


def _translators(root: object) -> list[str]:
    return xp(root, "//t:titleStmt/t:respStmt[t:resp='translation']/t:persName/text()")


def _archival(root: object) -> list[str]:
    return xp(root, "//t:sourceDesc//t:idno[@type='archival']/text()")


PAGE = """{front}
Citation:
"Record of Conversation", June 2, 1966, Wilson Center Digital Archive, AVP RF, f. 1, op. 2, d. 3, l. 4.{credit}
Contents:
Translation - English

Gromyko said that the talks would go on.
{back}"""


# ---------------------------------------------------------------- a browser copy of the newer page

WILSON_90 = "wilson_90_browser_copy_navigation_document_information"


def test_a_browser_copy_keeps_navigation_and_buttons_out_of_the_title() -> None:
    root = _record(WILSON_90)
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "Note on the Conversation between W. Gomułka and N. S. Khrushchev at Belweder"]
    assert xp(root, "//t:sourceDesc//t:date[@xml:id='h-date']/@when") == ["1956-10-20"]
    assert _boilerplate(root) == ["Skip to main content", "Wilson Center Digital Archive",
                                  "International History Declassified", "Menu", "Search",
                                  "Home / Collections / Polish Crises of 1956", "Share", "Print", "Download PDF",
                                  "Back to top", "Copyright 2025 Wilson Center"]


def test_document_information_without_blank_lines_and_the_footer_are_no_transcript() -> None:
    root = _record(WILSON_90)
    body = _body_text(root)
    for words in ("Related Documents", "Document Information", "Original Archive", "Rights", "Back to top",
                  "Copyright", "Eighth Plenum", "Foreign relations"):
        assert words not in body
    assert _fields(root, "Original Archive") == ["Archiwum Akt Nowych (AAN)"]
    assert _fields(root, "Type") == ["Note"]
    assert _fields(root, "Subjects Discussed") == ["Polish Crises, 1956", "Soviet Union--Foreign relations--Poland"]
    assert _fields(root, "Related Documents")[1] == "Minutes of the Eighth Plenum of the PUWP CC (excerpt)"
    assert [text_of(closer) for closer in xp(root, "//t:body//t:closer")] == ["Noted by A. Werblan"]
    assert _translators(root) == ["Małgorzata Gnoińska"]  # "Translated from Polish by"


def test_a_date_line_inside_the_first_block_ends_the_masthead() -> None:
    root = tei(PAGE.format(front="Home / Collections / Sino-Soviet Relations\nJune 2, 1966\nRecord of Conversation\n"
                                 "Share", credit="", back=""))
    assert xp(root, "//t:titleStmt/t:title/text()") == ["Record of Conversation"]
    assert _boilerplate(root) == ["Home / Collections / Sino-Soviet Relations", "Share"]


def test_a_title_that_only_ends_in_a_button_word_keeps_it() -> None:
    root = tei(PAGE.format(front="June 2, 1966\nOn the Question of the Sino-Soviet Share", credit="", back=""))
    assert xp(root, "//t:titleStmt/t:title/text()") == ["On the Question of the Sino-Soviet Share"]


def test_a_last_line_that_only_names_the_center_is_transcript() -> None:
    root = tei(PAGE.format(front="June 2, 1966\nRecord of Conversation", credit="",
                           back="\nThe copyright of the Wilson Center was discussed."))
    assert "The copyright of the Wilson Center was discussed." in _body_text(root)
    assert not _boilerplate(root)


# ---------------------------------------------------------------- a PDF's text, the page's fields under it

WILSON_91 = "wilson_91_pdf_running_head_trailing_original_archive"


def test_a_pdf_running_head_over_the_date_is_no_part_of_the_title() -> None:
    root = _record(WILSON_91)
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "Report by the Hungarian Embassy in Sofia on the Visit of the Czechoslovak Delegation"]
    assert _boilerplate(root) == ["Wilson Center Digital Archive Translation - English"]


def test_original_archive_under_the_transcript_is_a_page_field() -> None:
    root = _record(WILSON_91)
    assert _fields(root, "Original Archive") == ["Hungarian National Archives (MOL)"]
    assert "Original Archive" not in _body_text(root) and "Prague Spring" not in _body_text(root)
    assert [text_of(closer) for closer in xp(root, "//t:body//t:closer")] == ["József Marjai ambassador"]


def test_obtained_and_translated_credits_translators_and_ends_the_reference() -> None:
    root = _record(WILSON_91)
    assert _translators(root) == ["Csaba Békés", "Mária Ferenczi"]
    assert _archival(root)[0] == "XIX-J-1-j, Bulgaria, 5. doboz, 2-1/1968"


def test_a_translation_credit_with_its_language() -> None:
    root = tei(PAGE.format(front="June 2, 1966\nRecord of Conversation",
                           credit=" Translation from Russian by Svetlana Savranskaya.", back=""))
    assert _translators(root) == ["Svetlana Savranskaya"]
    assert _archival(root) == ["f. 1, op. 2, d. 3, l. 4"]


def test_an_archive_field_under_the_transcript_is_the_documents_own_line() -> None:
    root = tei(PAGE.format(front="June 2, 1966\nRecord of Conversation", credit="",
                           back="\nArchive:\nAVP RF, f. 1, op. 2"))
    assert "AVP RF, f. 1, op. 2" in _body_text(root)


# ---------------------------------------------------------------- a name inside another person's longer name

def test_a_translators_surname_inside_a_participants_full_name_is_the_participants() -> None:
    root = tei(PAGE.format(front="June 2, 1966\nRecord of Conversation",
                           credit=" Translated by Eliza Gheorghe.",
                           back="\nPresent: Ion Gheorghe Maurer, Paul Niculescu-Mizil.\n\nMaurer said that he agreed."))
    assert xp(root, "//t:body//t:persName[text()='Ion Gheorghe Maurer']/@ref") == ["#maurer"]
    assert not xp(root, "//t:body//t:persName[@ref='#gheorghe']")


# ---------------------------------------------------------------- a page saved as markdown (html2text)

WILSON_92 = "wilson_92_html2text_links_spaced_rules_to_alone"


def test_a_markdown_link_to_the_page_itself_gives_its_url() -> None:
    root = _record(WILSON_92)
    assert xp(root, "//t:sourceDesc//t:ptr/@target") == ["https://digitalarchive.wilsoncenter.org/document/118410"]
    assert "](https" not in " ".join(xp(root, "//t:sourceDesc//text()"))
    # the site's other links keep their targets, words of the page
    assert _fields(root, "Subjects Discussed")[1] == "[Trade fairs](/topics/trade-fairs)"


def test_spaced_rules_around_the_transcript_are_markdown_and_the_letter_is_signed() -> None:
    root = _record(WILSON_92)
    assert "* * *" not in _body_text(root)
    assert [text_of(name) for name in xp(root, "//t:body//t:closer//t:persName")] == ["T. Zhivkov"]


def test_to_alone_over_the_addressee_is_no_person() -> None:
    root = _record(WILSON_92)
    assert xp(root, "//t:correspAction[@type='received']/t:persName/text()") == ["Walter Ulbricht"]
    assert not xp(root, "//t:person[@xml:id='to']")
