"""Unseen records written after round 2 on the blind15/e Wilson Center records: a page's documents under
the editor's numbers (``[Document 2]``), a meeting's run-in list over several labelled lines with those
absent, a meeting's fields over the sides' lists in one block, a distribution list's copy numbers and bodies.
"""

from __future__ import annotations

from tei import record, tei, text_of, xp


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
    assert "interpreter" in person(root, "pu")  # Pu is the family name, printed first


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


# -- "Present:" alone over the sides' lists, one a line (block_rules/participants.py)

def test_present_over_the_sides_lines_is_one_list() -> None:
    root = record("wilson_107_original_archive_collection_present_over_sides")
    lists = xp(root, "//t:body//t:list[@type='participants']")
    assert len(lists) == 1
    assert [text_of(label) for label in xp(lists[0], "t:label")] == ["Indian side:", "Soviet side:"]
    for ident in ("kaul", "dhar", "pegov"):
        assert "attendant" in person(root, ident), ident
    assert "fs" not in person_ids(root)


# -- the newer page's Original Archive (families/wilson_center.py)

def test_the_original_archive_is_the_repository_over_a_collection() -> None:
    root = record("wilson_107_original_archive_collection_present_over_sides")
    assert xp(root, "//t:sourceDesc//t:repository/text()") == ["Nehru Memorial Museum and Library (NMML)"]
    assert xp(root, "//t:sourceDesc//t:idno[@type='archival']/text()") == [
        "P.N. Haksar Papers (III Instalment), Subject File No. 211"]


# -- full-width and original page markers (block_rules/page_marker.py)

def test_full_width_and_original_page_markers_are_page_breaks() -> None:
    root = record("wilson_105_fullwidth_and_original_page_markers")
    assert xp(root, "//t:body//t:pb/@n") == ["3", "5"]
    assert xp(root, "//t:body//t:fw[@type='pageNum']/text()") == ["－３－"]
    for block in xp(root, "//t:body//t:p"):
        assert "－３－" not in text_of(block) and "original]" not in text_of(block)


# -- a letter's spaced fields and its closer (opening.py, block_rules/closing_matter.py)

def test_a_number_and_a_dateline_far_apart_on_one_line_are_two_fields() -> None:
    root = record("wilson_106_spaced_number_dateline_closer_two_offices")
    assert xp(root, "//t:body//t:opener/t:seg[@type='number']/text()") == ["No. 1-116"]
    assert xp(root, "//t:body//t:opener/t:dateline//t:date/@when") == ["1970-03-02"]


def test_a_signer_with_two_offices_under_a_valediction_is_one_closer() -> None:
    root = record("wilson_106_spaced_number_dateline_closer_two_offices")
    closers = xp(root, "//t:body//t:closer")
    assert len(closers) == 1
    closer = text_of(closers[0])
    assert "With comradely greetings," in closer and "Chairman of the Council of Ministers of the PRB" in closer
    assert len(xp(root, "//t:body//t:postscript")) == 1
    assert len(xp(root, "//t:body/t:div")) == 1


def test_a_subject_wrapped_at_the_margin_is_one_field() -> None:
    """``Re: Measures in connection with the …`` / ``in the SFRY``: the lower-case line goes on the subject."""
    root = tei(b"June 9, 1978\n\nMemorandum\n\nMEMORANDUM\n\nRe: Measures in connection with the intensified campaign\n"
               b"in the SFRY\n\nComrades,\n\nThe Yugoslav press has published many materials.\n", "subject.txt")
    subject = xp(root, "//t:body//t:opener/t:seg[@type='subject']")
    assert len(subject) == 1 and text_of(subject[0]).endswith("in the SFRY")
