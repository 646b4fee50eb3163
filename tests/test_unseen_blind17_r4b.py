"""Round 4 on blind records of session 17 (o: Word exports with footnotes), proved on a record of our own.

- A side's label with its colon over the side's people run in on its line, between semicolons, each
  ``name, office`` (``Vietnamese side: Lê Đức Thọ, Special Adviser …; Nguyễn Tiến[footnoteRef:2], Chargé
  d'affaires a.i.; Trần Quang Cơ (note-taker).``): the list's full stop made it the side's turn, a
  paragraph, and its people no attendants. It is a participants list, each name an attendant with the part
  it plays, the office after its comma the person's office, never a person (``Han Nianlong, Vice-Minister``).
- A rule of underscores over Word's note bodies (``________________`` / ``[1: …]``) stayed a paragraph after
  the closing matter; it is the export's separator, removed and declared as other rules over notes are.
"""

from __future__ import annotations

from tei import record, text_of, xp

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_RECORD = "word_99_side_lists_run_in_dateline_place_rule_over_notes"


def _people(root) -> dict[str, str]:
    return {p.get(_XML_ID): p.get("role") or "" for p in xp(root, "//t:particDesc//t:person")}


def test_a_side_label_over_name_and_office_entries_is_a_participants_list() -> None:
    root = record(_RECORD)
    people = _people(root)
    assert people["vongvichit"] == "attendant" and people["boupha"] == "attendant recorder"
    assert people["ivanov"] == "attendant interpreter" and people["gromyko"] == "attendant"
    assert not [ident for ident in people if "minister" in ident or "counsellor" in ident]
    labels = [text_of(label) for label in xp(root, "//t:body//t:list[@type='participants']//t:label")]
    assert labels == ["Lao side:", "Soviet side:"]
    assert not [p for p in xp(root, "//t:body//t:p") if "side:" in text_of(p)]
    offices = [text_of(r) for r in xp(root, "//t:person[@xml:id='gromyko']//t:roleName")]
    assert offices == ["Minister of Foreign Affairs"]


def test_a_side_speaking_in_a_sentence_is_no_list() -> None:
    from tei_encoder.reader.block_rules import participants

    assert participants._entries_of_side("We agree with this; but the date is too early.") == []
    assert participants._entries_of_side("Zhou Enlai; Ji Pengfei, Minister of Foreign Affairs.") != []


def test_a_rule_over_word_note_bodies_is_the_exports_separator() -> None:
    root = record(_RECORD)
    assert not [p for p in xp(root, "//t:body//t:p") if text_of(p).strip().startswith("____")]
    statement = " ".join(text_of(p) for p in xp(root, "//t:normalization//t:p"))
    assert "1 separator line" in statement
    assert len(xp(root, "//t:body//t:note")) == 2
