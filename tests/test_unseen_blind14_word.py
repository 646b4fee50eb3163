"""Unseen records written after the blind14/b Word-export records: note calls that Word's "Save as Plain
Text" prints as bare marks glued to the word before them (``Kang Sheng1,``, ``19654.``, ``Xiaopingi``,
``year.iii``) with the notes as paragraphs at the end; reviewers' comments (Google Docs ``[a]``, Word
``[RK1]``) with their texts at the end; and a protocol's number line whose note calls must
not reach the header's ``idno``.
"""

from __future__ import annotations

import re

from conftest import RECORDS
from tei import tei, text_of, xp

import pytest

RECORD = {path.stem: path for path in RECORDS}
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\ufdd0-\ufdef]")  # private use, and the reader's markers


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def notes(root) -> list[tuple[str | None, str]]:
    return [(note.get("n"), " ".join(text_of(note).split())) for note in xp(root, "//t:body//t:note[@place='foot']")]


# -- bare note calls glued to the text (Word's Save as Plain Text)

def test_glued_digit_calls_are_notes_at_their_words() -> None:
    root = record("word_53_saveas_glued_digit_note_calls")
    found = notes(root)
    assert [n for n, _ in found] == ["1", "2", "3", "4", "5"]
    assert found[2][1] == "The second five-year plan began in 1958."
    # the year keeps its four digits; the note follows it
    assert "plans for 1958" in text_of(xp(root, "//t:sp[4]")[0]) and "19583" not in text_of(root)
    # no note paragraph is left at the end of the text
    assert not [p for p in xp(root, "//t:body//t:p") if re.match(r"^\d \w", text_of(p))]


def test_a_call_in_a_speaker_label_leaves_the_turn_its_own() -> None:
    root = record("word_53_saveas_glued_digit_note_calls")
    assert xp(root, "//t:sp/@who") == ["#zhou", "#yudin", "#zhou", "#yudin", "#zhou", "#chen", "#zhou"]
    assert xp(root, "//t:sp[2]/t:speaker/t:note/@n") == ["2"]
    assert xp(root, "//t:person[@xml:id='yudin']/t:birth/@when") == ["1899"]
    assert xp(root, "//t:person[@xml:id='chen']/t:death/@when") == ["1972"]


def test_numbers_that_are_no_calls_stay_text() -> None:
    text = text_of(record("word_53_saveas_glued_digit_note_calls"))
    for printed in ("17th parallel", "MiG-15", "3 divisions", "20 or 30 pages"):
        assert printed in text


def test_glued_roman_endnote_calls_are_notes() -> None:
    root = record("word_54_saveas_roman_endnote_calls")
    assert [n for n, _ in notes(root)] == ["i", "ii", "iii", "iv"]
    heads = " ".join(text_of(head) for head in xp(root, "//t:body//t:head"))
    assert "Liu Shaoqi" in heads and "Shaoqii" not in text_of(root)
    assert "Great Leap Forward" in text_of(root) and "Forwardiii" not in text_of(root)
    assert xp(root, "//t:person[@xml:id='liu']/t:birth/@when") == ["1898"]


GLUED = """Record of conversation

Present: Kang Sheng1, Liu Xiao

Kang Sheng said that the plan for 19652 was ready.

1 Kang Sheng (1898-1975), secretary of the CC CPC.
2 The third five-year plan.
"""


@pytest.mark.parametrize("text, moved", [
    (GLUED, True),
    # a mark without its call (no "2" glued anywhere): nothing moves, the paragraphs stay
    (GLUED.replace("19652", "1965"), False),
    # out of order: the calls must run as the notes do
    (GLUED.replace("Sheng1,", "Sheng2,").replace("19652", "19651"), False),
])
def test_glued_calls_move_only_when_every_mark_has_its_call_in_order(text: str, moved: bool) -> None:
    root = tei(text, "probe.txt")
    assert (len(xp(root, "//t:body//t:note[@place='foot']")) == 2) is moved
    assert ("1 Kang Sheng (1898-1975)" in text_of(xp(root, "//t:body")[0])) is not moved


def test_a_numbered_list_at_the_end_is_no_notes() -> None:
    text = "Report\n\nThe delegation arrived on Monday.\n\n1 Report on agriculture.\n2 Report on industry.\n"
    root = tei(text, "probe.txt")
    assert not xp(root, "//t:body//t:note[@place='foot']")
    assert "1 Report on agriculture." in text_of(root)


# -- a note call in a line the header copies

def test_a_note_call_in_a_header_value_leaves_no_private_character() -> None:
    root = record("word_55_protocol_number_line_with_note_calls")
    header = text_of(xp(root, "//t:teiHeader")[0])
    assert not _PRIVATE_USE.search(header)
    assert not _PRIVATE_USE.search(text_of(root))
    assert any(idno.startswith("No. P112/XIV") for idno in xp(root, "//t:idno[@type='number']/text()"))
    assert [n for n, _ in notes(root)] == ["1", "2", "3"]


# -- reviewers' comments: Google Docs "[a]" / Word "[RK1]", their texts at the end

def editorial(root) -> list[str]:
    return [" ".join(text_of(note).split()) for note in xp(root, "//t:body//t:note[@type='editorial']")]


def test_google_docs_comments_are_editorial_notes_at_their_marks() -> None:
    root = record("word_56_gdocs_comments_after_footnotes")
    assert editorial(root) == ["Rogov is not in the Polish list; added from the Russian record. OK? –MN",
                               '"w każdym razie" – or "at any rate"?']
    assert [n for n, _ in notes(root)] == ["1", "2"]  # the footnotes keep their ids and marks
    assert xp(root, "//t:body//t:note[@type='editorial']/@n") == []
    body = text_of(xp(root, "//t:body")[0])
    assert "[a]" not in body and "[b]" not in body and "________________" not in body
    assert "Rogov" in text_of(xp(root, "//t:note[@type='editorial']/..")[0])


WORD_COMMENTS = """Record of conversation

I was received by Nasser at his residence in Manshiyat al-Bakri[RK1]. Fawzi[AB2] was present.

Translated by Elena Sorokina[RK3].
________________
[RK1]the Russian has Manshiet el-Bakri; keep?
[AB2]Fawzi or Fauzi?
[RK3]ask E.S. whether she wants her name here
"""


@pytest.mark.parametrize("text, placed", [
    (WORD_COMMENTS, 3),
    # a mark printed twice: which words the comment is on is unknown, all stay as printed
    (WORD_COMMENTS.replace("was present.", "was present[AB2]."), 0),
    # the numbers do not run 1, 2, 3: no comments of Word's
    (WORD_COMMENTS.replace("RK3", "RK4"), 0),
])
def test_word_comments_move_only_when_each_mark_stands_once(text: str, placed: int) -> None:
    root = tei(text, "probe.txt")
    assert len(editorial(root)) == placed
    assert ("[RK1]" in text_of(xp(root, "//t:body")[0])) is (placed == 0)


def test_notes_as_save_as_plain_text_prints_them_tell_the_word_family() -> None:
    from tei_encoder.families import word_export
    from tei_encoder.source import source_from_bytes

    assert word_export.detect(source_from_bytes(GLUED.encode(), "probe.txt")) >= 0.4
    unglued = GLUED.replace("Sheng1,", "Sheng,").replace("19652", "1965")
    assert word_export.detect(source_from_bytes(unglued.encode(), "probe.txt")) < 0.4
