"""Unseen records written after the blind16/i Wilson Center pages: the page's closing fields in the shapes
a copy prints them (one a line under ``Document Information``, bold labels after a markdown rule, labels
alone without their colon, ``Citation`` last), Contents as a markdown list or ``English Translation``, a
``Language:`` field above the transcript, a ``Date:`` field among the page's fields, a field whose value
stands on its label's line over the transcript, a typed page's dashed number with its running head, and a
Hijri date read as no Gregorian one.
"""

from __future__ import annotations

from tei import body_paragraphs, body_text, header_fields, record, tei, text_of, xp

from tei_encoder.header import dates


def person_ids(root) -> list[str]:
    return xp(root, "//t:particDesc//t:person/@xml:id")


# -- the page's closing fields (wilson_center._closing_fields)

def test_information_fields_one_a_line_run_on_under_the_signature() -> None:
    """``Document Information`` printed straight under the signature, its fields ``Label: value`` one a line:
    the header's, not a paragraph running on from the signer's name."""
    root = record("wilson_117_information_fields_one_a_line_run_on")
    body = body_text(root)
    for words in ("Document Information", "Record ID", "331208", "Keywords", "welcomes reuse"):
        assert words not in body
    fields = header_fields(root)
    assert fields["Record ID"] == ["331208"]
    assert fields["Keywords"] == ["Disarmament; Geneva Conference"]
    assert fields["Language"] == ["Hungarian"]
    assert "Gábor Tóth" in text_of(xp(root, "//t:body//t:closer")[-1])


def test_markdown_page_rules_headings_and_bold_labels_are_no_text() -> None:
    """``---`` rules, ``### Associated Places`` over ``- Bulgaria`` items, ``### Document Information`` and
    ``**Source:** …`` lines: all the page's; ``**Rights:**`` names no speaker."""
    root = record("wilson_118_markdown_headings_bullet_contents_bold_information")
    body = body_text(root)
    for words in ("---", "Associated", "Document Information", "Source:", "Record ID", "Rights"):
        assert words not in body
    fields = header_fields(root)
    assert fields["Associated Places"] == ["Bulgaria", "Romania"]
    assert fields["Type"] == ["Minutes"]
    assert fields["Record ID"] == ["221406"]
    assert sorted(person_ids(root)) == ["bratanova", "bulgaranov", "todorov", "zhivkov"]
    assert body_paragraphs(root)[-1] == "The meeting ended at 1 p.m."


def test_contents_as_a_markdown_list_fills_the_header() -> None:
    root = record("wilson_118_markdown_headings_bullet_contents_bold_information")
    assert "Translation - English" not in body_text(root)
    assert xp(root, "//t:langUsage/t:language/@ident") == ["en"]


def test_labels_alone_without_colon_and_the_citation_last() -> None:
    """``Citation`` (no colon) over the citation and its URL under the transcript, then ``Associated
    Places`` / ``Record ID`` / ``Original Archive`` / ``Rights`` alone over their values: the page's fields;
    the citation gives the repository, its reference and the URL."""
    root = record("wilson_119_labels_alone_citation_last_language_above")
    body = body_text(root)
    for words in ("Citation", "Associated Places", "301557", "Historical Archive", "welcomes reuse"):
        assert words not in body
    assert xp(root, "//t:sourceDesc//t:note[@type='citation']")
    assert xp(root, "//t:sourceDesc//t:ptr/@target") == [
        "https://digitalarchive.wilsoncenter.org/document/record-meeting-secretariat-pce-situation-portugal"]
    assert "caja 47, carpeta 3" in " ".join(xp(root, "//t:msIdentifier/t:idno/text()"))
    assert header_fields(root)["Associated Places"] == ["Spain", "Portugal"]
    assert "Taken by" in text_of(xp(root, "//t:body//t:closer")[-1])


def test_a_language_field_after_contents_is_no_opening_line() -> None:
    """``**Language**`` / ``Spanish`` printed after Contents, above the transcript: a field of the page."""
    root = record("wilson_119_labels_alone_citation_last_language_above")
    assert header_fields(root)["Language"] == ["Spanish"]
    assert "Language" not in body_text(root)
    assert text_of(xp(root, "//t:body//t:opener")[0]).strip() == "Paris, 2 May 1974"


def test_indented_values_and_subjects_discussed_under_the_transcript() -> None:
    """The older page's values indented under their labels, wrapped: ``Source:`` over two lines, ``Subjects
    Discussed`` over its items; no archival reference cut at ``sygn.``."""
    root = record("wilson_120_indented_values_language_first_contents")
    body = body_text(root)
    for words in ("Document Information", "Subjects Discussed", "Sino-Soviet Split", "Original Archive"):
        assert words not in body
    fields = header_fields(root)
    assert fields["Subjects Discussed"] == ["Sino-Soviet Split", "Poland--Foreign relations--China"]
    assert fields["Original Archive"] == ["Archive of the Ministry of Foreign Affairs, Poland"]
    assert not [idno for idno in xp(root, "//t:sourceDesc//t:idno/text()") if idno.endswith("sygn")]
    assert xp(root, "//t:body//t:closer//text()")[-1].strip() == "KNAPIK"


def test_contents_named_language_first_is_the_page_s() -> None:
    """``English Translation`` under Contents (the language first): the page's contents, and the text's
    language; not the transcript's first paragraph."""
    root = record("wilson_120_indented_values_language_first_contents")
    assert "English Translation" not in body_text(root)
    assert xp(root, "//t:body//t:head/text()") == ["CIPHERGRAM No. 9817"]
    assert xp(root, "//t:langUsage/t:language/@ident") == ["en"]


def test_a_transcript_ending_with_a_source_line_keeps_it() -> None:
    """Labels a transcript may end with (``Source:``, ``Language:``) prove no closing block of the page
    without one of the site's own fields."""
    root = tei("May 4, 1950\n\nTest Memorandum\n\nCitation:\n\n\"Test Memorandum\", May 4, 1950, Wilson Center "
               "Digital Archive, AVP RF, f. 07, op. 23, d. 18.\n\nOriginal Language:\n\nRussian\n\nContents:\n\n"
               "Translation - English\n\nThe delegation arrived on 3 May.\n\nSource: TASS bulletin of 4 May.\n",
               "source_last.txt")
    assert "Source: TASS bulletin of 4 May." in body_text(root)


def test_a_label_without_its_value_is_no_closing_block() -> None:
    """``Source`` printed twice, one over the other (a damaged copy): no field is made of the first, whose
    word would be lost; the lines stay the transcript's."""
    root = tei("May 4, 1950\n\nTest Memorandum\n\nCitation:\n\n\"Test Memorandum\", May 4, 1950, Wilson Center "
               "Digital Archive, AVP RF, f. 07, op. 23, d. 18.\n\nContents:\n\nTranslation - English\n\n"
               "The delegation arrived on 3 May.\n\nSource\nSource\n\nAVP RF, f. 07.\n\nRecord ID\n\n1234\n",
               "doubled_label.txt")
    assert body_text(root).count("Source") == 2


# -- the page's Date field, a field over the transcript, a Hijri date (wilson_center._fields, header.dates)

def test_a_date_field_among_the_fields_dates_the_page() -> None:
    """``Date: March 20, 1979`` under the Summary of a page that prints its title first: the page's date
    (before, it ran on into the summary, and the record had no date)."""
    root = record("wilson_121_date_field_after_summary_solar_dateline")
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1979-03-20"]
    assert "Date:" not in text_of(xp(root, "//t:abstract")[0])


def test_the_transcript_under_a_one_line_citation_is_not_the_citation_s() -> None:
    """``Citation: "…" <https://…>`` on one line, the last field: the letterhead and form fields under it
    are the transcript's opening, not the citation's words."""
    root = record("wilson_121_date_field_after_summary_solar_dateline")
    citation = text_of(xp(root, "//t:sourceDesc//t:note[@type='citation']")[0])
    assert "Ministry of Interior Number" not in citation
    opener = text_of(xp(root, "//t:body//t:opener")[0])
    assert "Number: 2/1147" in opener and "Date: 29/12/1357" in opener


def test_a_hijri_year_is_no_gregorian_date() -> None:
    """``29/12/1357`` (Solar Hijri, March 1979): no ``@when`` in the 14th century."""
    root = record("wilson_121_date_field_after_summary_solar_dateline")
    assert not [when for when in xp(root, "//@when") if when.startswith("13")]
    assert dates.find_dates("Date: 20/8/1343") == []
    assert [found.when for found in dates.find_dates("Date: 20.8.1964")] == ["1964-08-20"]


# -- a typed page's number between dashes with its running head (reader/block_rules/page_marker)

def test_dashed_page_number_with_its_running_head_is_a_page_break() -> None:
    """``- 2 -`` over ``CONFIDENTIAL`` (and ``CONFIDENTIAL`` over ``– 3 –``) between turns: page breaks with
    the head kept as printed, not sections headed by the page's furniture."""
    root = record("wilson_122_dashed_page_number_over_running_head")
    assert xp(root, "//t:body//t:pb/@n") == ["2", "3"]
    assert not xp(root, "//t:body//t:div[@type='section']")
    assert len(xp(root, "//t:body/t:div/t:sp")) == 6
    assert [" ".join(text_of(fw).split()) for fw in xp(root, "//t:body//t:fw")] == [
        "- 2 - CONFIDENTIAL", "CONFIDENTIAL – 3 –"]
