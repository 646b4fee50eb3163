"""Round 2 of the blind15 records (name rules): honorifics printed after Turkish, Persian and Afghan names
(``Şükrü Kaya Bey``, ``Mehmed Rauf Pasha``), a surname whose first word stands before its particle
(``Roger Seydoux de Clausonne``, called ``Seydoux``), and a Spanish name's two surnames, called by the first
(``Osvaldo Dorticós Torrado``, ``Dorticós``)."""

from __future__ import annotations

from tei import mentions, person_ids, record, tei, text_of, xp

import pytest

from tei_encoder.header import people
from tei_encoder.reader import persons

TURKISH = "soviet_85_turkish_names_sharing_a_word_office_before"
COMPOUND = "wilson_108_particle_compound_surname_short_form"
SPANISH = "wilson_109_spanish_double_surnames_called_by_first"


# -- honorifics after the name


def test_two_men_sharing_a_word_before_their_honorifics_are_two_persons_named_whole() -> None:
    root = record(TURKISH)
    assert {"sukru-kaya", "huseyin-rauf", "mehmed-rauf", "ismet", "hasan"} <= set(person_ids(root))
    assert not {"kaya", "rauf", "bey", "pasha"} & set(person_ids(root))
    assert mentions(root, "mehmed-rauf") == ["Mehmed Rauf Pasha"] * 2  # never Hüseyin Rauf Bey's "Rauf"
    assert mentions(root, "huseyin-rauf") == ["Hüseyin Rauf Bey"] * 3


def test_a_name_with_an_honorific_is_a_person_without_the_office_before_it() -> None:
    root = record(TURKISH)
    assert mentions(root, "hasan") == ["Hasan Bey"]  # "Deputy Minister of Finance Hasan Bey"
    assert xp(root, "//t:person[@xml:id='ismet']/t:persName/text()") == ["Ismet Pasha"]  # "Then … and that Ismet Pasha"


@pytest.mark.parametrize("text, names", [
    ("headed by Deputy Minister of Trade Cemil Bey, would", ["Cemil Bey"]),
    ("Then Ismet Pasha said so to Dr. Rıza Nur Bey.", ["Ismet Pasha", "Dr. Rıza Nur Bey"]),
    ("the Minister of Public Education Ali Fuad Pasha", ["Ali Fuad Pasha"]),
    ("The Pasha smiled.", []),
])
def test_the_names_an_honorific_marks(text: str, names: list[str]) -> None:
    assert persons._honoured_names(text) == names


def test_a_family_name_printed_with_an_honorific_keeps_its_id() -> None:
    registry = people.Registry()
    registry.mention("Prime Minister Nuri al-Said")
    registry.mention("Nuri Pasha")
    assert [person.ident for person in registry.persons()] == ["said"]


# -- a compound surname with a particle


@pytest.mark.parametrize("order", [
    ["Roger Seydoux de Clausonne", "Seydoux de Clausonne", "Seydoux"],
    ["Seydoux", "Seydoux de Clausonne", "Roger Seydoux de Clausonne"],
    ["Seydoux de Clausonne", "Roger Seydoux de Clausonne", "Seydoux"],
    ["François Seydoux de Clausonne", "Seydoux", "M. Seydoux de Clausonne"],
])
def test_a_compound_surname_and_its_first_word_are_one_person_in_any_order(order: list[str]) -> None:
    registry = people.Registry()
    handles = {registry.mention(form) for form in order}
    assert len(handles) == 1
    (person,) = registry.persons()
    assert person.ident == "seydoux-de-clausonne"
    assert person.names[0] == order[0] if order[0].count(" ") == 3 else len(person.names[0].split()) == 4


@pytest.mark.parametrize("form, surname, forenames", [
    ("Maurice Couve de Murville", "couve de murville", ("maurice",)),
    ("Charles de Gaulle", "de gaulle", ("charles",)),
    ("José Eduardo dos Santos", "dos santos", ("jose", "eduardo")),  # a second given name stays one
    ("Joachim von Ribbentrop", "von ribbentrop", ("joachim",)),
])
def test_the_word_before_a_particle_joins_the_surname_after_a_given_name(form: str, surname: str,
                                                                         forenames: tuple[str, ...]) -> None:
    name = people.parse_name(form)
    assert name is not None and (name.surname, name.forenames) == (surname, forenames)


def test_the_given_name_before_a_particle_is_no_part_of_the_surname() -> None:
    registry = people.Registry()
    registry.mention("Charles de Gaulle")
    assert registry.resolve("Charles") is not None  # his given name, as before
    registry.mention("Prince Charles")
    assert len(registry.persons()) == 2


def test_a_compound_surname_is_one_person_and_a_topic_before_it_none_of_it() -> None:
    root = record(COMPOUND)
    assert person_ids(root).count("seydoux-de-clausonne") == 1 and not [i for i in person_ids(root) if "clausonne" in i and i !=
                                                                   "seydoux-de-clausonne"]
    found = mentions(root, "seydoux-de-clausonne")
    assert found.count("Seydoux de Clausonne") == 2 and found.count("Seydoux") == 2
    assert "Roger Seydoux de Clausonne" in found
    assert not any("Vietnam" in form for form in found)  # "On Vietnam Seydoux de Clausonne said that"
    assert len(xp(root, "//t:said[@who='#seydoux-de-clausonne']")) == 4


# -- Spanish double surnames


def test_a_spanish_name_is_known_by_its_first_surname_when_printed_so() -> None:
    root = record(SPANISH)
    assert person_ids(root)[:2] == ["dorticos", "rodriguez"]
    assert xp(root, "//t:sp/@who")[0] == "#dorticos"


def test_a_name_in_a_list_keeps_its_particles() -> None:
    root = record(SPANISH)
    assert "pablo" not in person_ids(root)
    assert mentions(root, "de-la-torre") == ["Juan Pablo de la Torre"]


def test_a_middle_name_is_no_family_name_unless_printed_alone() -> None:
    registry = people.Registry()
    registry.mention("John Foster Dulles")
    assert [person.ident for person in registry.persons()] == ["dulles"]
