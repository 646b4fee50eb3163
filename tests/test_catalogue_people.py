"""A Wilson Center page lists the people it concerns as a library catalogue heads them ("Associated People &
Organizations: Stalin, Joseph, 1879-1953"): a heading gives the record's person of that name their years and
their name in reading order; a person no other rule found is listed when the text prints the surname; bodies,
places and people the text never names are no persons.
"""

from __future__ import annotations

from conftest import RECORDS, assert_valid
from tei import tei, xp

import pytest
from lxml import etree

from tei_encoder.header import people
from tei_encoder.pipeline import encode_bytes
from tei_encoder.validate import Severity, Validator

RECORD = {path.stem: path for path in RECORDS}
WILSON_79 = "wilson_79_catalogue_people_life_dates"


@pytest.mark.parametrize(("heading", "reading_order", "birth", "death"), [
    ("Stalin, Joseph, 1879-1953", "Joseph Stalin", "1879", "1953"),
    ("Kelly, David, Sir, 1891-1959", "David Kelly", "1891", "1959"),  # the title is the heading's
    ("Kennedy, John F. (John Fitzgerald), 1917-1963", "John F. Kennedy", "1917", "1963"),
    ("Gromyko, Andrei Andreevich, 1909-", "Andrei Andreevich Gromyko", "1909", None),  # living when catalogued
    ("Mao, Zedong, 1893-1976", "Mao Zedong", "1893", "1976"),  # family name first, as printed in the text
    ("Kim, Il-sung, 1912-1994", "Kim Il-sung", "1912", "1994"),
    ("Ho, Chi Minh, 1890-1969", "Ho Chi Minh", "1890", "1969"),
    ("Gheorghiu-Dej, Gheorghe, 1901-1965", "Gheorghe Gheorghiu-Dej", "1901", "1965"),
    ("Harrison, Geoffrey", "Geoffrey Harrison", None, None),  # no years: a given name makes it a person's
    ("Bohlen, C. E.", "C. E. Bohlen", None, None),
])
def test_a_persons_heading(heading: str, reading_order: str, birth: str | None, death: str | None) -> None:
    bio = people.parse_catalogue_heading(heading)
    assert bio is not None
    assert (bio.reading_order, bio.birth, bio.death) == (reading_order, birth, death)


@pytest.mark.parametrize("heading", [
    "Communist Party of the Soviet Union. Congress (20th : 1956 : Moscow, Russia)",
    "Great Britain. Foreign Office",
    "United States, Department of State",
    "North Atlantic Treaty Organization",
    "George VI, King of Great Britain, 1895-1952",  # a ruler's heading has no surname to find
    "Moscow, Russia",  # a place: no years and no given name
    "Paris, France",
    "Korea (North)",
])
def test_bodies_places_and_rulers_are_no_persons_headings(heading: str) -> None:
    assert people.parse_catalogue_heading(heading) is None


def _persons(root: object) -> dict[str, tuple[str, str | None, str | None]]:
    return {ident: (xp(root, f"//t:person[@xml:id='{ident}']/t:persName[1]/text()")[0],
                    next(iter(xp(root, f"//t:person[@xml:id='{ident}']/t:birth/@when")), None),
                    next(iter(xp(root, f"//t:person[@xml:id='{ident}']/t:death/@when")), None))
            for ident in xp(root, "//t:person/@xml:id")}


def test_the_records_persons_gain_the_catalogues_names_and_years() -> None:
    root = tei(RECORD[WILSON_79].read_bytes(), RECORD[WILSON_79].name)
    found = _persons(root)
    assert found["gromyko"] == ("Andrei Andreevich Gromyko", "1909", "1989")  # printed "A. A. Gromyko"
    assert found["dulles"] == ("John Foster Dulles", "1888", "1959")
    # a form the text prints stays a variant under the catalogue's name
    assert "A. A. Gromyko" in xp(root, "//t:person[@xml:id='gromyko']/t:persName[@type='variant']/text()")


def test_the_years_are_valid(tei_all: etree.RelaxNG) -> None:
    data = encode_bytes(RECORD[WILSON_79].read_bytes(), RECORD[WILSON_79].name)
    assert xp(etree.fromstring(data), "//t:person/t:birth")
    assert [d for d in Validator().validate_bytes(data, "w79.xml") if d.severity is Severity.ERROR] == []
    assert_valid(tei_all, data, WILSON_79)


def test_a_person_only_the_catalogue_names_is_listed_where_the_text_prints_the_surname() -> None:
    root = tei(RECORD[WILSON_79].read_bytes(), RECORD[WILSON_79].name)
    # "Adenauer had chosen rearmament": no rule of the text finds a bare surname, the page's list does
    assert _persons(root)["adenauer"] == ("Konrad Adenauer", "1876", "1967")
    assert xp(root, "//t:body//t:persName[@ref='#adenauer']/text()") == ["Adenauer"]
    # Khrushchev is in the list but not in the text; NATO and the Department of State are bodies
    assert not {"khrushchev", "organization", "state"} & set(_persons(root))
    assert xp(root, "//t:person[@xml:id='troyanovsky']/t:birth") == []  # not in the list: no years invented


def _page(people_list: str, body: str) -> bytes:
    return (f"## **May 14, 1955**\n\n### **Record of a Conversation**\n\n#### **Citation:**\n\n\"Record of a "
            "Conversation\", May 14, 1955, Wilson Center Digital Archive.\n\n#### **Original Language:**\n\n"
            f"Russian\n\n#### **Contents:**\n\nTranslation - English\n\n{body}\n\n"
            f"#### **Associated People & Organizations:**\n\n{people_list}\n").encode()


def test_a_transliteration_the_text_does_not_print_names_the_person_without_becoming_their_form() -> None:
    root = tei(_page("Stalin, Joseph, 1879-1953", "I. V. Stalin said that the talks should go on.\n\n"
                     "Stalin I.V. then left."), "stalin.txt")
    assert _persons(root)["stalin"] == ("Joseph Stalin", "1879", "1953")
    # "Joseph" is no forename of the text's "I. V.": the Russian order with its initials is still his whole name
    assert "Stalin I.V." in xp(root, "//t:body//t:persName[@ref='#stalin']/text()")
    assert len(xp(root, "//t:person")) == 1


def test_a_footnotes_biography_outranks_the_catalogue() -> None:
    root = tei(_page("Molotov, Viacheslav Mikhailovich, 1890-1985",
                     "Molotov said that the note was ready.[1]\n\n[1] Molotov, Vyacheslav Mikhailovich (1890-1986)"
                     " - People's Commissar of Foreign Affairs."), "molotov.txt")
    assert _persons(root)["molotov"] == ("Vyacheslav Mikhailovich Molotov", "1890", "1986")


def test_of_two_bearers_of_the_surname_a_heading_dates_only_the_one_it_names() -> None:
    body = "G. M. Popov said that the plan was ready. A. Popov said that it was not."
    root = tei(_page("Popov, Georgii Mikhailovich, 1906-1968", body), "popov.txt")
    assert sorted((birth for _, birth, _ in _persons(root).values()), key=str) == ["1906", None]
    # a heading whose forenames fit neither: the surname alone cannot tell which Popov it is
    root = tei(_page("Popov, Ivan Petrovich, 1900-1970", body), "popov.txt")
    assert [birth for _, birth, _ in _persons(root).values()] == [None, None]


def test_the_statement_says_where_the_names_and_years_came_from() -> None:
    root = tei(RECORD[WILSON_79].read_bytes(), RECORD[WILSON_79].name)
    interpretation = " ".join(xp(root, "//t:editorialDecl/t:interpretation//text()"))
    assert "3 persons of the record are named in the page's list of associated people" in interpretation


def test_each_heading_the_record_took_is_a_decision_to_review_in_the_trace() -> None:
    from tei_encoder.pipeline import encode
    from tei_encoder.source import source_from_bytes

    document, _ = encode(source_from_bytes(RECORD[WILSON_79].read_bytes(), RECORD[WILSON_79].name))
    taken = {d.target_id: (d.first_line, d.detail, d.certain) for d in document.trace if d.rule == "catalogue-heading"}
    lines = RECORD[WILSON_79].read_text().splitlines()
    assert set(taken) == {"adenauer", "dulles", "gromyko"}
    first_line, detail, certain = taken["adenauer"]
    assert lines[first_line - 1] == "Adenauer, Konrad, 1876-1967"
    assert detail == "Adenauer, Konrad, 1876-1967 = Konrad Adenauer" and not certain


def test_the_header_card_shows_a_list_field_once_with_an_item_a_line() -> None:
    from tei_encoder import xmlsafe
    from tei_encoder.render import Renderer

    tree = xmlsafe.parse_bytes(encode_bytes(RECORD[WILSON_79].read_bytes(), RECORD[WILSON_79].name))
    page = etree.fromstring(Renderer().render_document(tree, WILSON_79).encode(), etree.HTMLParser())
    terms = page.xpath("//dt/text()")
    assert terms.count("Associated People & Organizations") == 1 and terms.count("Associated Places") == 1
    items = page.xpath("//div[dt='Associated People & Organizations']/dd/text()")
    assert items[0] == "Adenauer, Konrad, 1876-1967" and items[-1] == "United States. Department of State"
    assert len(items) == 6
