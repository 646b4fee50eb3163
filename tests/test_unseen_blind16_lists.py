"""Rules found by blind records of session 16 (round 4: participants lists and tables), proved on records
of our own.

- A side's head alone over its people, indented one a line with a rank or office first (``On the side of
  the MfS:`` / ``    Lieutenant General Rudi Mittig`` / ``    Major General Willi Damm``, blind record
  i/03): one participants list a side, each line one attendant; joined as a wrapped paragraph, the rank
  opening a line became the surname of the one above (a person ``major``).
"""

from __future__ import annotations

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
