"""Unseen records written after round 2 on the blind15/e Wilson Center records: a page's documents under
the editor's numbers (``[Document 2]``), a meeting's run-in list over several labelled lines with those
absent, a meeting's fields over the sides' lists in one block, a distribution list's copy numbers and bodies.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def person(root, ident: str) -> list[str]:
    """The roles of the person ``ident`` (empty when there is no such person)."""
    return " ".join(xp(root, f"//t:particDesc//t:person[@xml:id='{ident}']/@role")).split()


def person_ids(root) -> list[str]:
    return xp(root, "//t:particDesc//t:person/@xml:id")


# -- the editor's document numbers (block_rules/document_start.py)

def test_each_numbered_document_is_a_division_of_its_own() -> None:
    root = record("wilson_99_numbered_documents_letter_and_reply")
    divisions = xp(root, "//t:body/t:div[@type='document']")
    assert [d.get("n") for d in divisions] == ["1", "2"]
    assert [text_of(h) for h in xp(divisions[0], "t:head")] == ["Document No. 1", "CIPHERED TELEGRAM"]
    assert "No. 3311" in text_of(xp(divisions[0], "t:opener")[0])
    assert "Warsaw, 6 May 1958" in text_of(xp(divisions[1], "t:opener")[0])
    assert "Please do not comment" in text_of(divisions[1])


def test_a_cables_route_by_place_names_no_person() -> None:
    root = record("wilson_99_numbered_documents_letter_and_reply")
    assert not {"beijing", "warsaw"} & set(person_ids(root))


def test_a_bracketed_document_number_after_the_first_documents_closing() -> None:
    root = tei(b"March 1, 1970\n\nCable and Reply\n\n[Document 1]\n\nINCOMING CABLE\nFrom: Washington\nTo: Jerusalem\n"
               b"No. 12\n\n1. The talks went well.\n\nAvidar\n\n[Document 2]\n\nOUTGOING CABLE\nFrom: Jerusalem\nTo: Washington\n"
               b"No. 7\n\nThank you.\n\nRafael\n", "numbered.txt")
    divisions = xp(root, "//t:body/t:div[@type='document']")
    assert len(divisions) == 2
    assert "From: Jerusalem" in text_of(xp(divisions[1], "t:opener")[0])
    assert not {"washington", "jerusalem"} & set(person_ids(root))


# -- a run-in list over several labelled lines (block_rules/participants.py)

def test_a_run_in_list_over_labelled_lines_is_one_list_a_label_an_item() -> None:
    root = record("wilson_100_minutes_run_in_list_labels_absent")
    lists = xp(root, "//t:body//t:list[@type='participants']")
    assert len(lists) == 1
    assert [text_of(label) for label in xp(lists[0], "t:label")] == [
        "Present:", "Invited:", "Absent:", "Minutes taken by:"]
    assert "K. Kiss, S. Rónai" in text_of(xp(lists[0], "t:item")[0])


def test_the_people_of_a_run_in_list_are_attendants_and_the_absent_none() -> None:
    root = record("wilson_100_minutes_run_in_list_labels_absent")
    for ident in ("apro", "kiss", "ronai", "dobi", "fock"):
        assert "attendant" in person(root, ident), ident
    assert "recorder" in person(root, "toth")
    assert not [i for i in person_ids(root) if i.startswith(("kallai", "szakasits", "invited"))]


# -- a meeting's fields over the sides' lists (block_rules/participants.py)

def test_fields_over_the_sides_lists_are_the_opening_and_the_list() -> None:
    root = record("wilson_101_time_place_fields_over_side_lists")
    assert text_of(xp(root, "//t:body//t:head")[0]) == "Record of the Conversation"
    assert "Location: Xihua Hall" in text_of(xp(root, "//t:body//t:opener")[0])
    items = xp(root, "//t:body//t:list[@type='participants']/t:label")
    assert [text_of(label) for label in items] == ["Chinese side:", "Pakistani side:"]
    for ident in ("han", "karim"):
        assert "attendant" in person(root, ident), ident
    assert "interpreter" in person(root, "shouchang")


def test_a_sides_label_before_a_sentence_is_its_turn() -> None:
    root = tei(b"June 1, 1965\n\nTest\n\nSoviet side: We agree with this proposal.\n\n"
               b"Chinese side: We do not.\n", "sides.txt")
    assert not xp(root, "//t:body//t:list[@type='participants']")


# -- a distribution list's copy numbers and bodies (block_rules/copies.py)

def test_a_copy_sent_to_a_body_names_no_person() -> None:
    root = record("wilson_104_distribution_copies_to_bodies")
    assert "recipient" in person(root, "honecker")
    assert "recipient" in person(root, "axen")
    assert set(person_ids(root)) == {"schaefer", "honecker", "axen"}
