"""The transcriber's labels of marks on the paper on an unseen record (tests/records/word_36_*):
deletions, underlining, margin notes and stamps."""

from __future__ import annotations

import pytest

from conftest import REPO
from tei import tei, text_of, xp

RECORD = REPO / "tests" / "records" / "word_36_transcriber_marks_memorandum.txt"


@pytest.fixture(scope="module")
def root():
    return tei(RECORD.read_bytes(), RECORD.name)


def test_deleted_words_are_kept_in_del(root) -> None:
    assert [(text_of(d), d.get("rend")) for d in xp(root, "//t:text//t:del")] == [
        ("Ukrainian SSR", "strikethrough"), ("to 1 November", None)]
    assert "territory of the Ukrainian SSR Lithuanian SSR" in text_of(xp(root, "//t:text")[0])


def test_underlining_in_both_forms(root) -> None:
    assert xp(root, "//t:text//t:hi[@rend='underline']/text()") == ["remaining 40,000 persons", "without delay"]
    paragraph = xp(root, "//t:text//t:p[t:hi]")[0]
    assert "transport for the remaining 40,000 persons be provided" in text_of(paragraph)


def test_margin_notes_keep_the_transcribers_label(root) -> None:
    notes = xp(root, "//t:text//t:note[@place='margin']")
    assert [text_of(n) for n in notes] == ["Resolution Agree. V. M.", "Consult Comrade Vyshinsky",
                                           "To be checked with the MVD"]
    assert xp(notes[0], "t:label/text()") == ["Resolution"]
    assert xp(notes[1], "t:persName/@ref") == ["#vyshinsky"]  # a name in the note is tagged


def test_stamps_inline_in_the_opener_and_a_line_of_their_own(root) -> None:
    assert xp(root, "//t:opener/t:seg[1]/t:stamp/text()") == [
        "Archive of the MFA of the USSR, incoming No. 5512, 14 August 1946"]
    assert xp(root, "//t:div[@type='distribution']/t:p/t:stamp/text()") == [
        "MFA of the USSR, General Secretariat, outgoing No. 2311/gs"]


def test_the_stamp_date_does_not_date_the_document(root) -> None:
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1946-08-12"]


def test_a_stamp_under_the_signature_leaves_the_closing_a_closing(root) -> None:
    assert text_of(xp(root, "//t:closer/t:signed")[0]) == "Head of the Fourth European Department K. Novikov"


def test_each_label_is_declared_with_its_count(root) -> None:
    declared = " ".join(xp(root, "//t:editorialDecl/t:normalization/t:p/text()"))
    assert "2 [crossed out: …] or [deleted: …] labels became deletions" in declared
    assert "3 [in the margin: …] labels became marginal notes" in declared
    assert "2 [Stamp: …] labels became stamps" in declared
    assert "2 [underlined] … [end of underlining] or [underlined: …] marks became underlined highlighting" in declared


def test_unknown_brackets_stay_text(root) -> None:
    assert "attached [The draft is not reproduced]." in text_of(xp(root, "//t:text")[0])
