"""Rules found by blind records of session 16 (round 4: participants lists and tables), proved on records
of our own.

- A side's head alone over its people, indented one a line with a rank or office first (``On the side of
  the MfS:`` / ``    Lieutenant General Rudi Mittig`` / ``    Major General Willi Damm``, blind record
  i/03): one participants list a side, each line one attendant; joined as a wrapped paragraph, the rank
  opening a line became the surname of the one above (a person ``major``).
- ``Present:`` over each side's head with a dash for its colon (``From the Soviet side –``), its entries
  dash-bulleted (``  – B. S. Stomonyakov, Deputy People's Commissar …``), then ``Interpreter – …`` and
  ``Stenographer – …`` in one block (j/07): a list a side, each office on its own person (read as one run-in
  list, each name got the office of the entry above), the interpreter and stenographer in their parts.
"""

from __future__ import annotations

from lxml import etree

from tei import person_ids, record, text_of, xp

SIDES = "wilson_135_side_of_heads_over_indented_ranked_names"


def test_each_indented_line_under_a_side_head_is_one_attendant() -> None:
    root = record(SIDES)
    attendants = xp(root, "//t:particDesc//t:person[contains(@role, 'attendant')]/@xml:id")
    assert attendants == ["mielke", "neiber", "mannchen", "fiedler", "obzina", "ventruba", "lorenc"]
    assert "horst" not in person_ids(root) and "major" not in person_ids(root)


def test_a_part_after_the_entrys_last_comma_is_the_persons_role() -> None:
    root = record(SIDES)
    assert xp(root, "//t:person[@xml:id='fiedler']/@role") == ["attendant interpreter"]


def test_each_side_is_a_participants_list_its_bracket_kept() -> None:
    root = record(SIDES)
    lists = xp(root, "//t:body//t:list[@type='participants']")
    assert [len(xp(found, "t:item")) for found in lists] == [4, 3]
    assert "[added by hand]" in text_of(lists[0])


NESTED = "soviet_112_present_nested_side_dash_lists_interpreter_stenographer"


def _offices(root: etree._Element, ident: str) -> list[str]:
    return [text_of(role) for role in xp(root, f"//t:person[@xml:id='{ident}']//t:roleName")]


def test_each_dash_entry_keeps_its_own_office() -> None:
    root = record(NESTED)
    assert _offices(root, "litvinov") == ["People's Commissar for Foreign Affairs"]
    assert _offices(root, "ismet") == ["Prime Minister"]
    assert _offices(root, "molotov") == ["Chairman of the Council of People's Commissars"]


def test_the_sides_and_the_parts_are_participants_lists() -> None:
    root = record(NESTED)
    lists = xp(root, "//t:body//t:list[@type='participants']")
    assert [len(xp(found, "t:item")) for found in lists] == [2, 3, 2]
    assert xp(root, "//t:person[@xml:id='vinogradov']/@role") == ["attendant interpreter"]
    assert xp(root, "//t:person[@xml:id='kuznetsova']/@role") == ["attendant recorder"]
    assert "interpreter" not in person_ids(root)
