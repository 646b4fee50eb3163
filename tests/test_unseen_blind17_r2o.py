"""Round 2 on blind records of session 17 (o: Word exports with footnotes), proved on records of our own.

- A participants table of two columns under its head, one side a column (``Chinese side<tab>Vietnamese
  side``), names without initials, note calls in the cells (blind o/07): one person a cell, never the row.
- A Word note body with no call whose words say what the edition leaves out (``[3:  … are not printed
  here.]``, o/01): a paragraph, never an omission mark.
- A kind spaced out letter by letter (``P R O T O K Ó Ł``, ``V e r m e r k``, o/04, o/06) under a tab table
  of classification and copy marks in two languages (``TAJNE SPECJALNEGO ZNACZENIA<tab>Egz. nr 2``) or a
  German copy and sheet count (``3. Ausfertigung`` / ``2 Blatt``): the opening, and the heading the title.
  A table whose first row names each column's part under ``Participants:``: everyone in it present.
- A stenographers' page code (``DS/LJ<tabs>2``, o/08): a page break, the code kept as printed.
- ``Stenographers:`` / names / ``Authorised by: …``, the German ``f. d. R.`` / ``[Unterschrift] Sieber`` / date
  (o/08, o/06): one closer, the last turn ended above it.
- A heading in capitals whose next line goes on with a linking word (``RECORD OF CHAIRMAN MAO ZEDONG'S
  MEETING`` / ``WITH PRESIDENT GEORGES POMPIDOU OF FRANCE``, o/10): one title.
"""

from __future__ import annotations

import pytest

from tei import record, text_of, xp

from tei_encoder.reader.block_rules import page_marker

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _attendants(root) -> dict[str, list[str]]:
    return {person.get(_XML_ID): [text_of(name) for name in xp(person, "t:persName")]
            for person in xp(root, "//t:particDesc//t:person") if "attendant" in (person.get("role") or "")}


def _turns(root) -> list[str]:
    return [sp.get("who") for sp in xp(root, "//t:body//t:sp")]


def test_a_two_column_participants_table_is_one_person_a_cell() -> None:
    root = record("word_90_tab_table_two_sides_no_initials_calls_in_cells")
    attendants = _attendants(root)
    assert {"zhou", "pham", "chen", "luo", "tran", "ji", "hoang"} <= set(attendants)
    assert attendants["chen"] == ["Chen Yi"] and attendants["zhou"][0] == "Zhou Enlai"
    assert not any(" ".join(pair) in name for names in attendants.values() for name in names
                   for pair in (("Chen Yi", "Ung"), ("Zhou Enlai", "Pham"), ("Luo Guibo", "Tran")))
    assert _turns(root)[:3] == ["#zhou", "#pham", "#chen"] and len(_turns(root)) == 6
    row = xp(root, "//t:list[@type='participants']/t:item")[2]
    assert [text_of(name) for name in xp(row, "t:persName")] == ["Chen Yi", "Ung Van Khiem"]


def test_a_notes_body_without_its_call_stays_a_paragraph() -> None:
    root = record("word_91_uncalled_note_body_says_not_printed")
    assert not xp(root, "//t:body//t:ellipsis") and not xp(root, "//t:body//t:metamark")
    last = xp(root, "//t:body//t:p")[-1]
    assert text_of(last).startswith("[3:") and text_of(last).endswith("are not printed here.]")


def test_a_letter_spaced_kind_under_tab_marks_is_the_title() -> None:
    root = record("word_92_letter_spaced_kind_under_tab_marks_column_heads")
    assert text_of(xp(root, "//t:titleStmt/t:title")[0]).startswith("P R O T O K Ó Ł No. 14 of the meeting")
    terms = [text_of(term) for term in xp(root, "//t:textClass//t:term")]
    assert {"TAJNE SPECJALNEGO ZNACZENIA", "Egz. nr 2", "Secret of special importance", "Copy No. 2"} <= set(terms)
    assert len(xp(root, "//t:body/t:div[@type='document']")) == 1  # no second document at the heading


def test_a_column_heads_table_under_participants_makes_everyone_present() -> None:
    root = record("word_92_letter_spaced_kind_under_tab_marks_column_heads")
    assert {"kania", "barcikowski", "olszowski", "mokrzyszczak", "czyrek", "werblan"} <= set(_attendants(root))


def test_a_german_letter_spaced_kind_under_copy_and_sheets_is_the_title() -> None:
    root = record("word_93_german_letter_spaced_kind_under_copy_and_sheets")
    assert text_of(xp(root, "//t:titleStmt/t:title")[0]).startswith("V e r m e r k über das Gespräch")
    assert {"3. Ausfertigung", "2 Blatt"} <= {text_of(term) for term in xp(root, "//t:textClass//t:term")}


def test_stenographers_page_codes_are_page_breaks() -> None:
    root = record("word_94_stenographers_page_codes_between_turns")
    assert [pb.get("n") for pb in xp(root, "//t:body//t:pb")] == ["1", "2", "3"]
    assert [text_of(fw) for fw in xp(root, "//t:body//t:fw")] == ["DS/LJ 1", "DS/LJ 2", "3 LJ/MK"]
    assert not any("DS/LJ" in text_of(p) for p in xp(root, "//t:body//t:p"))
    assert _turns(root) == ["#bilic", "#derossi-bjelajac", "#bilic", "#bilic"]


@pytest.mark.parametrize(("text", "page"), [
    ("MR/RK 1", "1"), ("MR/DS 12", "12"), ("4 DS/LJ", "4"), ("ŽM/ĆS 3", "3"),
    ("US/UK relations", None), ("MR/RK", None), ("A/B/C/D/E 2", None), ("see p. 2", None),
])
def test_stenographers_page_code(text: str, page: str | None) -> None:
    assert page_marker.printed_page(text) == page


def _closer_lines(root) -> list[str]:
    return [text_of(line) for closer in xp(root, "//t:body//t:closer") for line in xp(closer, "t:signed|t:dateline")]


def test_stenographers_and_who_authorised_the_record_close_it() -> None:
    root = record("word_95_stenographers_and_authorised_by_close_the_record")
    assert _closer_lines(root) == ["Stenographers:", "B. Petrovska", "K. Nikolov", "Authorised by: K. M."]
    assert not xp(root, "//t:body//t:div[@type='distribution']")
    assert not any("Stenographers" in text_of(p) for p in xp(root, "//t:body//t:p"))


def test_the_german_certified_correct_closes_the_record_with_its_signer_and_date() -> None:
    root = record("word_93_german_letter_spaced_kind_under_copy_and_sheets")
    assert _closer_lines(root) == ["f. d. R.", "[Unterschrift] Krolikowski", "5.6.1984"]
    assert not any("f. d. R." in text_of(sp) for sp in xp(root, "//t:body//t:sp"))


def test_a_heading_in_capitals_goes_on_with_its_linking_word_on_the_next_line() -> None:
    root = record("word_90_tab_table_two_sides_no_initials_calls_in_cells")
    assert text_of(xp(root, "//t:titleStmt/t:title")[0]) == (
        "MINUTES OF THE TALK OF PREMIER ZHOU ENLAI WITH PRIME MINISTER PHAM VAN DONG")
