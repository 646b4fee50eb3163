"""Arabic names as translations print them: the article joined by a hyphen (``Nuri al-Said``, ``Anwar
el-Sadat``) is part of the name as printed but not of its key; a statesman called by his given name
(``Nuri Pasha``, ``Zakaria``, ``Mahmoud``) is the person of that first given name; a State Department post
(``Amembassy Jidda``) is no person.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, xp

import pytest

from tei_encoder.header import people

RECORD = {path.stem: path for path in RECORDS}
EGYPT = "wilson_82_arabic_article_names_given_name_use"


@pytest.mark.parametrize(("printed", "surname", "forenames"), [
    ("Nuri al-Said", "said", ("nuri",)),
    ("Prime Minister Nuri al-Said", "said", ("nuri",)),
    ("Nuri Said", "said", ("nuri",)),  # the same key without the article
    ("Al-Jamali", "jamali", ()),  # at a sentence's start
    ("Anwar el-Sadat", "sadat", ("anwar",)),
    ("Abd al-Karim Qasim", "qasim", ("abd", "al-karim")),
])
def test_the_arabic_article_is_no_part_of_the_key(printed: str, surname: str, forenames: tuple[str, ...]) -> None:
    name = people.parse_name(printed)
    assert name is not None and (name.surname, name.forenames) == (surname, forenames)


@pytest.mark.parametrize("printed", ["Amembassy Baghdad", "AMEMBASSY MOSCOW", "USMISSION Geneva"])
def test_a_state_department_post_is_no_person(printed: str) -> None:
    assert people.parse_name(printed) is None


def _mentions(root, person: str) -> list[str]:
    return xp(root, f"//t:body//t:persName[@ref='#{person}']/text()")


def test_a_statesman_called_by_his_given_name_is_one_person() -> None:
    root = tei(RECORD[EGYPT].read_bytes(), RECORD[EGYPT].name)
    assert "Zakaria" in _mentions(root, "mohieddin") and "Mahmoud" in _mentions(root, "fawzi")
    assert xp(root, "//t:person/@xml:id") == ["mohieddin", "fawzi", "nolte", "nasser", "sadat"]
    assert _mentions(root, "sadat") == ["el-Sadat"]  # the article tagged with the name


def test_a_name_after_the_article_in_running_text() -> None:
    root = tei("Memorandum\n\nPresent: Prime Minister Nuri al-Said, Mr. Dulles.\n\n"
               "Nuri Pasha said that Iraq stood by the pact. Dulles asked whether al-Said would go to Ankara.\n",
               "nuri.txt")
    assert xp(root, "//t:person[@xml:id='said']/t:persName/text()")[0] == "Nuri al-Said"
    assert _mentions(root, "said") == ["Prime Minister Nuri al-Said", "Nuri Pasha", "al-Said"]
    assert len(xp(root, "//t:person")) == 2
