"""The header's editorial statements: counts from the readers, sentences from the writer."""

from __future__ import annotations

import pytest

from tei import tei, xp
from tei_encoder import model as m
from tei_encoder.writer.statements import SENTENCES, sentence


def statements(text: str, family: str | None = None) -> list[str]:
    return xp(tei(text, family=family), "//t:editorialDecl//t:p/text()")


@pytest.mark.parametrize("n, worded", [(1, "once"), (2, "twice"), (3, "3 times")])
def test_how_often_a_character_was_mapped(n: int, worded: str) -> None:
    assert sentence(m.Statement("normalization", "03-map-2", n)).endswith(f"({worded}).")


def test_one_of_a_kind_is_singular() -> None:
    assert sentence(m.Statement("correction", "10-none", 1)) == (
        "No corrections were made. 1 word the source marks with [sic] is wrapped in sic.")
    assert sentence(m.Statement("segmentation", "11-turns", 1)) == (
        "1 speech turn was recognised by its speaker label.")
    assert sentence(m.Statement("interpretation", "10-names", 1, (("persons", 1),))).startswith(
        "1 mention of 1 person was recognised")


def test_more_than_one_is_plural() -> None:
    assert sentence(m.Statement("segmentation", "10-blocks", 2)).endswith("the body holds 2 documents.")
    assert sentence(m.Statement("normalization", "12-notes", 3)).startswith(
        "3 note bodies were moved to their anchors;")


def test_every_sentence_reads_well_with_one_and_with_many() -> None:
    for section, key in SENTENCES:
        for n in (1, 2):
            details = (("runs", n), ("persons", n), ("markdown-lines", n), ("url-brackets", 1),
                       ("encoding", "UTF-8"))
            words = sentence(m.Statement(section, key, n, details))
            assert "(s)" not in words and "1 times" not in words
            assert not any(f" 1 {plural}" in f" {words}" for plural in ("words", "lines", "persons"))


def test_page_fields_name_only_what_the_page_had() -> None:
    worded = sentence(m.Statement("normalization", "08-page-fields", 1,
                                  (("markdown-lines", 0), ("url-brackets", 0))))
    assert worded == "The archive page's 1 field label (Citation:, Summary: …) was removed; the fields fill the header."


def test_a_citation_without_angle_brackets_claims_none_were_removed() -> None:
    page = ("Citation:\n\n\"Talk\", 1950, History and Public Policy Program Digital Archive, "
            "https://example.org/document/1\n\nSummary:\n\nA talk.\n\nThe text of the talk.\n")
    said = " ".join(statements(page, "wilson-center"))
    assert "2 field labels" in said and "angle brackets" not in said


def test_a_source_without_blank_lines_is_not_said_to_have_blank_line_blocks() -> None:
    said = " ".join(statements("Memorandum\nThe talks began at noon.\nThey ended at six.\n", "wilson-center"))
    assert "blank-line-separated" not in said
    assert "no blank lines" in said
