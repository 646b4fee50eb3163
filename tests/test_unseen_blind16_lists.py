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
  So with no head over the sides (``Lao side:`` / ``<tab>– Comrade …``, k/09): the words of an office
  (``Ambassador of the PPR in Hanoi and Vientiane``) name no one.
- A participants list printed as a table: a column a side under the sides' heads (``From the Romanian
  side:<tab><tab>From the Korean side:``, k/02), or a side's table, a name and its office a row, under its
  label alone (``CPSU:``) under the list's head (``PARTICIPANTS``, l/10): every person an attendant.
"""

from __future__ import annotations

from lxml import etree

from tei import person_ids, record, tei, text_of, xp

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


COLUMNS = "soviet_113_present_sides_in_two_tab_columns"


def test_each_cell_under_the_sides_heads_is_an_attendant() -> None:
    root = record(COLUMNS)
    attendants = xp(root, "//t:particDesc//t:person[contains(@role, 'attendant')]/@xml:id")
    assert sorted(attendants) == ["ali-muhammad", "faiz-muhammad", "sher-ahmad", "skvirsky", "stark", "sukharev"]
    assert xp(root, "//t:person[@xml:id='sukharev']/@role") == ["attendant secretary"]
    assert len(xp(root, "//t:body//t:table")) == 1


SIDE_TABLES = (
    "Record of the talks of the CPSU and SED delegations\n\nMoscow, 4 May 1979\n\nPARTICIPANTS\n\n"
    "CPSU:\nA. P. Kirilenko\tMember of the Politburo\nK. V. Rusakov\tSecretary of the CC CPSU\n\n"
    "SED:\nHermann Axen\tMember of the Politburo\nGünter Sieber\tHead of the International Department\n\n"
    "A. P. KIRILENKO. We welcome the comrades of the SED.\n"
)


def test_each_sides_table_under_the_lists_head_names_attendants() -> None:
    root = tei(SIDE_TABLES, "talks.txt", family="word-export")
    attendants = xp(root, "//t:particDesc//t:person[contains(@role, 'attendant')]/@xml:id")
    assert sorted(attendants) == ["axen", "kirilenko", "rusakov", "sieber"]
    assert _offices(root, "rusakov") == ["Secretary of the CC CPSU"]


SIDES_WITHOUT_HEAD = (
    "MINUTES OF THE TALKS OF THE DELEGATIONS\n\nHanoi, 2 March 1979\n\n"
    "Vietnamese side:\n\t– Comrade Le Duan, General Secretary of the CC CPV\n"
    "\t– Comrade Nguyen Co Thach, Deputy Minister of Foreign Affairs\n"
    "Hungarian side:\n\t– Comrade Andras Gyenes, Secretary of the CC HSWP\n"
    "\t– Comrade Jozsef Kovacs, Ambassador of the HPR in Hanoi and Vientiane\n\n"
    "Comrade Le Duan: We welcome the Hungarian comrades.\n"
)


def test_side_heads_without_a_head_over_them_keep_each_office_on_its_person() -> None:
    root = tei(SIDES_WITHOUT_HEAD, "talks.txt")
    assert "vientiane" not in person_ids(root)
    assert _offices(root, "gyenes") == ["Secretary of the CC HSWP"]
    assert _offices(root, "kovacs") == ["Ambassador of the HPR in Hanoi and Vientiane"]
