"""Hungarian names printed family name first, as Hungarian documents and their translations sign
(``Kádár János``, ``Kovács Imre``): the same person as ``János Kádár``. Pronouns a capital made look like
a name (``No. Nobody thinks that.``) are no persons."""

from __future__ import annotations

from tei import tei, text_of, xp

import pytest

from tei_encoder.header import people


@pytest.mark.parametrize(("printed", "surname", "forenames"), [
    ("Kádár János", "kadar", ("janos",)), ("János Kádár", "kadar", ("janos",)),
    ("Kovács Imre", "kovacs", ("imre",)), ("Gerő Ernő", "gero", ("erno",)), ("Rákosi Mátyás", "rakosi", ("matyas",)),
    ("Comrade Kádár János", "kadar", ("janos",)),
    ("John Paul", "paul", ("john",)),  # no Hungarian given name last: given name first
    ("Imre Nagy", "nagy", ("imre",)),
])
def test_a_hungarian_given_name_after_the_family_name(printed: str, surname: str, forenames: tuple[str, ...]) -> None:
    name = people.parse_name(printed)
    assert name is not None and (name.surname, name.forenames) == (surname, forenames)


def test_a_report_signed_in_hungarian_order_is_its_writers() -> None:
    root = tei("Report of the Hungarian Embassy in Pyongyang\n\nPyongyang, 12 March 1962\n\n"
               "On 10 March Imre Kovács, the ambassador, visited the Foreign Ministry. Kovács said that the "
               "embassy had received the list.\n\nKovács Imre\n\nambassador\n", "kovacs.txt")
    assert xp(root, "//t:person/@xml:id") == ["kovacs"]


def test_a_pronoun_a_capital_made_look_like_a_name_is_no_person() -> None:
    root = tei("Telephone Conversation\n\nD: No. Nobody thinks that. Somebody said that they would go on.\n\n"
               "K: Everybody says that.\n", "telcon.txt")
    names = " ".join(xp(root, "//t:person/t:persName/text()"))
    assert not {"Nobody", "Somebody", "Everybody"} & set(names.split())


def test_the_writers_signature_under_the_last_answer_ends_the_turn() -> None:
    root = tei("Report\n\nQuestion (the undersigned): Is there any change?\nAnswer: There are no significant "
               "changes.\n\nKovács Imre\nambassador\n\n[handwritten: Seen. 17. III.]\n", "briefing.txt")
    answer = xp(root, "//t:sp")[-1]
    assert "Kovács" not in text_of(answer)
    assert "Kovács Imre" in " ".join(xp(root, "//t:body/t:div/*[not(self::t:sp)]//text()"))


def test_a_part_of_a_double_surname_is_its_bearer() -> None:
    root = tei("Record of the conversation of G. V. Chicherin with the ambassador of Germany count "
               "U. Brockdorff-Rantzau\n\n1. Rantzau replied that he understood our concern.\n\n"
               "2. Brockdorff said that he would report to Berlin.\n", "rantzau.txt")
    ids = xp(root, "//t:person/@xml:id")
    assert "rantzau" not in ids and "brockdorff" not in ids
    forms = xp(root, "//t:person[@xml:id='brockdorff-rantzau']/t:persName/text()")
    assert {"Rantzau", "Brockdorff"} <= set(forms)
