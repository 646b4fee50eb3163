"""Unseen records written after the blind15/e Wilson Center records: a title alone as a speaker's label
(``Comandante en Jefe:``) and a label with a Portuguese particle (``Marcelino dos Santos:``); …
"""

from __future__ import annotations

from collections import Counter

from tei import record, tei, text_of, xp


def turns(root) -> Counter[str]:
    return Counter(xp(root, "//t:body//t:sp/@who"))


def person_ids(root) -> list[str]:
    return xp(root, "//t:particDesc//t:person/@xml:id")


# -- a title alone as the label (speech_turn.title_label), a label with "dos" (speech._LABEL_NAME)

def test_a_title_alone_labels_the_one_speaker_printed_with_it() -> None:
    """``Comandante en Jefe Fidel Castro Ruz:`` once, then ``Comandante en Jefe:``: Castro's turns, not
    words run on in Machel's turn before them."""
    root = record("wilson_95_title_alone_label_particle_speaker")
    castro = xp(root, "//t:sp[t:speaker[starts-with(., 'Comandante en Jefe Fidel')]]/@who")
    assert len(castro) == 1
    assert turns(root)[castro[0]] == 4
    assert [text_of(s) for s in xp(root, "//t:sp/t:speaker")].count("Comandante en Jefe:") == 3
    for p in xp(root, "//t:sp/t:p"):
        assert "Comandante en Jefe:" not in text_of(p)


def test_a_label_with_a_portuguese_particle_is_a_turn_of_its_own() -> None:
    root = record("wilson_95_title_alone_label_particle_speaker")
    assert turns(root)["#dos-santos"] == 1
    assert len(xp(root, "//t:sp")) == 7


def test_presidente_is_a_title_not_a_forename() -> None:
    """``Presidente Samora Machel:`` and the title's ``Samora Machel`` are one man."""
    root = record("wilson_95_title_alone_label_particle_speaker")
    assert [i for i in person_ids(root) if i.startswith("machel")] == ["machel"]
    assert turns(root)["#machel"] == 2


def test_overlapping_mentions_print_the_text_once() -> None:
    """``José Eduardo dos Santos`` where ``José Eduardo`` was found first: one mention, the words once."""
    root = tei(b"March 25, 1977\n\nTest\n\nAlso present: Comrades L\xc3\xbacio Lara and Jos\xc3\xa9 Eduardo dos Santos"
               b" (Angolan side).\n\nJos\xc3\xa9 Eduardo dos Santos: Comandante, on the petroleum question.\n",
               "overlap.txt")
    body = text_of(xp(root, "//t:body")[0])
    assert body.count("José Eduardo") == 2
    assert "José EduardoJosé" not in body


# -- a comrade's given name alone (people._comradely_titles_only)

def test_comrade_and_a_given_name_alone_is_the_one_person_of_that_given_name() -> None:
    """``Comrade Mehmet:`` after ``Comrade Mehmet Shehu:``, ``Comrade Beqir`` of the listed Beqir Balluku:
    Albanian records call their leaders so; before, each was a person of their own."""
    root = record("wilson_96_comrade_forename_labels")
    assert sorted(person_ids(root)) == ["balluku", "chen", "luo", "marko", "mehilli", "shehu"]
    assert turns(root) == Counter({"#shehu": 3, "#chen": 2, "#marko": 1})
    # the given names in the text stay untagged (people._by_given_name): no person of their own either
    assert "Beqir" not in xp(root, "//t:particDesc//t:persName/text()")


# -- the newer site's page: title over date, Theme/Document Number, unlabelled contents, To Cite (wilson_center)

def header_fields(root) -> dict[str, str]:
    return {note.get("n"): " ".join(text_of(note).split()) for note in xp(root, "//t:sourceDesc//t:note[@type='field']")}


def test_title_over_the_date_with_collection_fields_under_it() -> None:
    """``Document Number:`` and ``Theme:`` under the date line are fields, not the title."""
    root = record("wilson_97_newsite_theme_unlabelled_contents_to_cite")
    assert text_of(xp(root, "//t:titleStmt/t:title[1]")[0]).startswith("Memorandum of Conversation between Foreign")
    fields = header_fields(root)
    assert fields["Document Number"] == "NMML-PNH-1971-212"
    assert fields["Theme"] == "India and the Cold War"


def test_unlabelled_contents_and_to_cite_stay_out_of_the_body() -> None:
    """``Translation - English`` alone (no ``Contents:``) is the contents; ``To Cite:`` in the closing
    "Document Information" block is the citation, with its URL the page's address."""
    root = record("wilson_97_newsite_theme_unlabelled_contents_to_cite")
    body = text_of(xp(root, "//t:body")[0])
    for printed in ("Translation - English", "Theme", "Keywords", "Document Information", "To Cite", "Record ID", "301291"):
        assert printed not in body, printed
    assert body.split()[0] == "SECRET"
    assert xp(root, "//t:sourceDesc//t:note[@type='contents']/text()") == ["Translation - English"]
    assert text_of(xp(root, "//t:note[@type='citation']")[0]).startswith('"Memorandum of Conversation')
    assert xp(root, "//t:sourceDesc//t:ptr/@target") == ["https://digitalarchive.wilsoncenter.org/document/301291"]
    assert xp(root, "//t:msIdentifier/t:repository/text()") == ["Nehru Memorial Museum and Library"]


def test_trailing_rights_and_credits_sentences_are_the_sites_fields() -> None:
    """``#### **Rights:**`` and ``#### **Credits:**`` under the transcript, their values sentences: the
    site's fields, not the cable's last paragraphs."""
    root = record("wilson_98_markdown_trailing_rights_credits_sentences")
    body = text_of(xp(root, "//t:body")[0])
    for printed in ("Subjects Discussed", "Rights", "copyright status", "Credits", "Leon Levy"):
        assert printed not in body, printed
    fields = header_fields(root)
    assert fields["Rights"].startswith("The Wilson Center Digital Archive has not confirmed")
    assert fields["Credits"].endswith("Leon Levy Foundation.")
    assert xp(root, "//t:closer//t:persName/@ref") == ["#dinitz"]
