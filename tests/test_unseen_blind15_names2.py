"""Round 3 of the blind15 records (name rules): the Chinese family name He beside the pronoun He (``He Ying:``,
``He Ying said …``, ``He added …``), offices qualified after their rank (``Ambassador Extraordinary and
Plenipotentiary``), compound ranks before a name (``Air Vice-Marshal``, ``Lieutenant-General``) and a
double-barrelled surname printed short in the labels (``LYON`` of Montagu-Bowes-Lyon)."""

from __future__ import annotations

from tei import mentions, person_ids, record, tei, text_of, xp

import pytest

from tei_encoder.header import people
from tei_encoder.reader import persons, speech

HE = "wilson_110_chinese_family_name_he_and_pronoun"
RANKS = "soviet_86_compound_ranks_and_double_barrelled_surname"
INITIALS = "soviet_87_transliterated_initials_address_by_office"
LETTERED = "wilson_111_lettered_points_indian_forms_surname_first"
CHAIR = "other_58_chair_label_with_holder_states_in_parentheses"


# -- the family name He


def test_he_before_a_given_name_is_the_family_name_and_the_pronoun_never_a_person() -> None:
    root = record(HE)
    assert "he" in person_ids(root) and "wei" not in person_ids(root)
    assert xp(root, "count(//t:body//t:sp[@who='#he'])") == 2  # "He Wei:" and "He Wei (after a pause):"
    assert mentions(root, "he") == ["He Wei"] * 4  # the heading, "visited He Wei", "He Wei said", "He Wei stressed"
    assert xp(root, "count(//t:body//t:said[@who='#he'])") == 2
    assert not xp(root, "//t:persName[.='He']")  # "He added …", "He then said …": pronouns


def test_an_office_qualified_after_its_rank_names_no_one() -> None:
    root = record(HE)
    assert "extraordinary" not in person_ids(root)  # "the new Ambassador Extraordinary and Plenipotentiary of the PRC"


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
    assert set(person_ids(root)) == {"tedder", "ashcombe", "kapustin", "zhuravlev", "montagu-bowes-lyon", "voroshilov"}
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


# -- transliterated initials, an address line under a body, an address by office


@pytest.mark.parametrize("surface, forenames, surname", [
    ("Dzh. Korkmasov", ("d", "z", "h"), "korkmasov"),
    ("Shch. A. Dzhaparidze", ("s", "h", "c", "h", "a"), "dzhaparidze"),
    ("YA. Z. SURITS", ("y", "a", "z"), "surits"),
    ("Korkmasov Dzh.", ("d", "z", "h"), "korkmasov"),
    ("Ya. Z. Surits", ("y", "a", "z"), "surits"),  # as before
])
def test_transliterated_initials(surface: str, forenames: tuple[str, ...], surname: str) -> None:
    name = people.parse_name(surface)
    assert name is not None and (name.forenames, name.surname) == (forenames, surname)


def test_initials_of_three_and_four_letters_and_in_capitals_name_one_person() -> None:
    root = record(INITIALS)
    assert set(person_ids(root)) == {"shumyatsky", "mirza-khan", "kiselev", "karakhan", "litvinov", "dzhaparidze"}
    assert mentions(root, "mirza-khan") == ["Dzh. Mirza-Khan"] * 2
    assert mentions(root, "kiselev") == ["Ya. Kiselev", "YA. KISELEV"]
    assert xp(root, "count(//t:body//t:said[@who='#kiselev'])") == 1  # "YA. KISELEV noted that"
    assert "commissar" not in person_ids(root)  # "Mr. Deputy Commissar": an address by office


def test_an_address_by_office_is_no_name() -> None:
    assert people.parse_name("Mr. Deputy Commissar") is None
    assert people.parse_name("Comrade Commissar") is None
    assert people.parse_name("Commissar Litvinov").surname == "litvinov"


def test_a_body_before_a_dash_heads_the_address_line() -> None:
    assert persons.names_in_list("NKID ‐ Chicherin, Karakhan") == ["Chicherin", "Karakhan"]


# -- lettered paragraphs, Indian forms of address, a family name printed first


def test_lettered_paragraphs_indian_forms_and_a_japanese_name() -> None:
    root = record(LETTERED)
    assert set(person_ids(root)) == {"chavan", "menon", "singh", "okada", "kimura"}  # no chavan-syb, chavan-b, toshio
    assert xp(root, "count(//t:body//t:said[@who='#kimura'])") == 2  # "Kimura said", "… Kimura Toshio asked"
    assert "Smt. Menon" in mentions(root, "menon")  # not "C. Smt. Menon"


def test_paragraph_letters_are_blanked_only_in_a_run_from_a() -> None:
    texts = ["A. The Minister thanks you.", "B. Golda asks that you tell Sisco.", "C. Do not raise it."]
    assert persons.without_paragraph_letters(texts)[1] == "   Golda asks that you tell Sisco."
    two = ["A. Gromyko said that it was late.", "B. Ponomarev asked whether it was."]
    assert persons.without_paragraph_letters(two) == two


def test_a_family_name_printed_first_joins_the_person_of_that_surname() -> None:
    registry = people.Registry()
    ohira = registry.mention("Minister Ōhira", role="speaker")
    assert registry.mention("Foreign Minister Ōhira Masayoshi") == ohira
    assert registry.resolve("Ōhira Masayoshi") == ohira
    assert registry.final_id(ohira) == "ohira"
    western = people.Registry()
    kim = western.mention("Kim")
    assert western.mention("Kim Philby") != kim  # a given name first: no family name printed first


# -- a chair's label with its holder, a state in a label's parentheses, a possessive before a verb's noun


def test_the_chair_is_the_holder_the_label_names_and_states_are_no_offices() -> None:
    root = record(CHAIR)
    assert set(person_ids(root)) == {"jedrychowski", "mladenov", "fischer", "gromyko"}  # no chairman, no translator
    assert xp(root, "count(//t:body//t:sp[@who='#jedrychowski'])") == 3  # "CHAIRMAN (Comrade …):" and "CHAIRMAN:"
    assert not xp(root, "//t:person//t:roleName[contains(., 'Republic')]")


@pytest.mark.parametrize("label, parts", [
    ("CHAIRMAN (Comrade Tarabanov):", ("Comrade Tarabanov", "CHAIRMAN")),
    ("F. PUJA (Hungarian People's Republic):", ("F. PUJA", None)),
    ("L. F. ILYICHEV (Union of Soviet Socialist Republics) (interrupting):", ("L. F. ILYICHEV", None)),
    ("GROMYKO (Deputy Minister):", ("GROMYKO", "Deputy Minister")),  # as before
    ("MOLOTOV (People's Commissar of the USSR):", ("MOLOTOV", "People's Commissar of the USSR")),
])
def test_label_parts(label: str, parts: tuple[str, str | None]) -> None:
    assert speech.label_parts(label) == parts


def test_a_possessive_before_a_verb_form_is_no_clause() -> None:
    assert speech.reporting_subjects("Translator's notes are given at the end.") == []
    assert speech.reporting_subjects("Eden's remarks were short. Eden remarks that it is late.") == ["Eden"]
