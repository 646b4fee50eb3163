"""Bracketed editorial marks on an unseen record (issue 10 §4; tests/records/word_10_*)."""

from __future__ import annotations

import pytest

from conftest import REPO
from tei import tei, text_of, xp

RECORD = REPO / "tests" / "records" / "word_10_brackets_editorial_marks.txt"


@pytest.fixture(scope="module")
def root():
    return tei(RECORD.read_bytes(), RECORD.name)


def test_doubted_readings_are_unclear(root) -> None:
    assert xp(root, "//t:text//t:unclear[@cert='low']/text()") == ["September", "November", "3"]


def test_described_losses_have_unit_and_quantity(root) -> None:
    words = xp(root, "//t:text//t:gap[t:desc='two words unclear']")[0]
    line = xp(root, "//t:text//t:gap[t:desc='one line illegible']")[0]
    assert (words.get("unit"), words.get("quantity")) == ("word", "2")
    assert (line.get("unit"), line.get("quantity")) == ("line", "1")
    assert xp(root, "//t:text//t:gap[t:desc='signature illegible']/@reason") == ["illegible"]


def test_sic_markers_keep_their_comments(root) -> None:
    assert xp(root, "//t:text//t:sic[not(parent::t:choice)]/text()") == ["north", "importance"]
    body = text_of(xp(root, "//t:text")[0])
    assert '[sic, probably "west"]' in body and "[SIC, plural]" in body


def test_the_printed_correction_is_a_choice(root) -> None:
    assert xp(root, "//t:choice/t:sic/text()") == ["shewed"]
    assert xp(root, "//t:choice/t:corr/text()") == ["showed"]


def test_handwriting_in_the_margin_and_unclosed(root) -> None:
    adds = xp(root, "//t:text//t:add")
    assert adds[0].get("place") == "margin" and text_of(adds[0]) == '"Agreed. V.M."'
    assert text_of(adds[1]).startswith("Inform Comrade Molotov") and adds[1].get("place") is None
    assert xp(root, "//t:handNote")


def test_nested_translator_note(root) -> None:
    outer = xp(root, "//t:text//t:note[@type='translator'][not(ancestor::t:note)]")
    assert len(outer) == 1
    assert xp(outer[0], "t:note[@type='translator']/text()") == ["Translator's note: in the draft"]
    assert '"bezopasnost" [security]' in text_of(outer[0])
