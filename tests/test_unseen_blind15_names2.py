"""Round 3 of the blind15 records (name rules): the Chinese family name He beside the pronoun He (``He Ying:``,
``He Ying said …``, ``He added …``), offices qualified after their rank (``Ambassador Extraordinary and
Plenipotentiary``), compound ranks before a name (``Air Vice-Marshal``, ``Lieutenant-General``) and a
double-barrelled surname printed short in the labels (``LYON`` of Montagu-Bowes-Lyon)."""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

import pytest

from tei_encoder.header import people
from tei_encoder.reader import persons, speech

RECORD = {path.stem: path for path in RECORDS}
HE = "wilson_110_chinese_family_name_he_and_pronoun"
RANKS = "soviet_86_compound_ranks_and_double_barrelled_surname"


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def ids(root) -> list[str]:
    return xp(root, "//t:particDesc//t:person/@xml:id")


def mentions(root, person: str) -> list[str]:
    return [text_of(name) for name in xp(root, f"//t:body//t:persName[@ref='#{person}']")]


# -- the family name He


def test_he_before_a_given_name_is_the_family_name_and_the_pronoun_never_a_person() -> None:
    root = record(HE)
    assert "he" in ids(root) and "wei" not in ids(root)
    assert xp(root, "count(//t:body//t:sp[@who='#he'])") == 2  # "He Wei:" and "He Wei (after a pause):"
    assert mentions(root, "he") == ["He Wei"] * 4  # the heading, "visited He Wei", "He Wei said", "He Wei stressed"
    assert xp(root, "count(//t:body//t:said[@who='#he'])") == 2
    assert not xp(root, "//t:persName[.='He']")  # "He added …", "He then said …": pronouns


def test_an_office_qualified_after_its_rank_names_no_one() -> None:
    root = record(HE)
    assert "extraordinary" not in ids(root)  # "the new Ambassador Extraordinary and Plenipotentiary of the PRC"


@pytest.mark.parametrize("tokens, family", [
    (["He", "Ying"], True), (["HE", "YING"], True), (["He", "Long"], True), (["He", "Xiangning"], True),
    (["He", "Said"], False), (["He", "Can"], False), (["He"], False), (["He", "Ying", "Said"], False),
])
def test_the_family_name_he(tokens: list[str], family: bool) -> None:
    assert people.family_name_he(tokens) is family


def test_he_as_label_and_reporting_subject() -> None:
    assert speech.match_label("He Ying: Of course.") is not None
    assert speech.match_label("He said: Of course.") is None
    assert speech.reporting_subjects("He Ying said that he agreed. He added that it was late.") == ["He Ying"]
    assert people.parse_name("Ambassador He Ying").surname == "he"


# -- compound ranks and a double-barrelled surname


def test_compound_ranks_are_titles_and_a_short_label_is_the_double_barrelled_name() -> None:
    root = record(RANKS)
    assert set(ids(root)) == {"tedder", "ashcombe", "kapustin", "zhuravlev", "montagu-bowes-lyon", "voroshilov"}
    assert xp(root, "count(//t:body//t:sp[@who='#montagu-bowes-lyon'])") == 1  # "LYON:"
    assert xp(root, "count(//t:body//t:said[@who='#montagu-bowes-lyon'])") == 1  # "Vice-Admiral LYON replied that"
    assert xp(root, "count(//t:body//t:said[@who='#tedder'])") == 1  # "Air Vice-Marshal TEDDER asked"


@pytest.mark.parametrize("surface, titles, surname", [
    ("Air Marshal Sir Charles Burnett", ("air marshal", "sir"), "burnett"),
    ("Major-General T. G. G. Heywood", ("major-general",), "heywood"),
    ("Lieutenant Colonel Petrenko", ("lieutenant colonel",), "petrenko"),
])
def test_compound_ranks(surface: str, titles: tuple[str, ...], surname: str) -> None:
    name = people.parse_name(surface)
    assert name is not None and (name.titles, name.surname) == (titles, surname)


def test_a_double_surname_joins_the_one_person_named_by_a_part_of_it() -> None:
    registry = people.Registry()
    drax = registry.mention("Admiral DRAX", role="speaker")
    assert registry.mention("Admiral Sir Reginald Plunkett-Ernle-Erle-Drax") == drax
    assert registry.final_id(drax) == "plunkett-ernle-erle-drax"
    two = people.Registry()
    two.mention("A. Smith")
    two.mention("B. Smith")
    assert two.mention("Bowes-Smith") not in (two.resolve("A. Smith"), two.resolve("B. Smith"))


def test_ranked_office_words() -> None:
    assert not persons._ranked_name("Extraordinary")
    assert persons._ranked_name("Burnett")
