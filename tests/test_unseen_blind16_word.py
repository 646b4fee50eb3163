"""Unseen records written after the blind16/k Word-export records: footnote numbering that restarts in an
enclosure (a cover letter's notes 1-3, the attached note's notes 1-3 again) or for each day of talks, with
the bodies after their paragraphs (footnotes) or all at the end (endnotes). Before, the second body of a
number stayed text, its call had no note, and the project's validator refused the record (TE-NOTE-002: a
mark used twice in a document div). Now the k-th call of a number takes its k-th body, and a mark is unique
within its series of numbering, which a note marked 1 starts (docs/encoding.md, "Footnote numbering
restarts").
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from conftest import RECORDS
from tei import tei, text_of, xp
from tei_encoder.resources import schema_path
from tei_encoder.validate import Validator, footnote_marks
from tei_encoder.validate.checkers import checker_for
from test_validate_linear import with_body

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def footnotes(root) -> list[tuple[str, str, str]]:
    """(mark, id, text) of every footnote, in document order."""
    return [(note.get("n"), note.get(XML_ID), " ".join(text_of(note).split()))
            for note in xp(root, "//t:body//t:note[@place='foot']")]


# -- the records are written, each body at its own call

def test_an_enclosure_numbering_its_notes_afresh_keeps_each_body_at_its_call() -> None:
    root = record("word_74_enclosure_numbers_its_notes_afresh")
    found = footnotes(root)
    assert [(mark, ident) for mark, ident, _ in found] == [
        ("1", "fn1"), ("2", "fn2"), ("3", "fn3"), ("1", "fn4"), ("2", "fn5"), ("3", "fn6")]
    assert found[0][2].startswith("Tibor Zádor; the name is given")
    assert found[3][2] == "The counsellor had asked for the meeting on 27 April."
    assert found[5][2].startswith("The ambassador's reply is not in the file")
    assert "The source gives no text" not in text_of(root)
    call = xp(root, "//t:note[@xml:id='fn4']/parent::*")[0]
    assert text_of(call).startswith("Comrade Zádor received me at my request.")  # the attached note's own


def test_endnotes_numbered_afresh_per_day_go_to_their_day_in_order() -> None:
    root = record("word_75_endnotes_numbered_afresh_per_day")
    found = footnotes(root)
    assert [mark for mark, _, _ in found] == ["1", "2", "1", "2"]
    assert found[2][2].startswith("The treaty on mutual relations between the ČSSR and the FRG")
    paragraph = xp(root, "//t:note[@xml:id='fn3']/ancestor::t:p[1]")[0]
    assert "proposed to add a paragraph on the treaty" in text_of(paragraph)
    assert not [p for p in xp(root, "//t:body//t:p") if text_of(p).lstrip().startswith("[1:")]


def test_records_whose_numbering_restarts_are_valid() -> None:
    for stem in ("word_74_enclosure_numbers_its_notes_afresh", "word_75_endnotes_numbered_afresh_per_day"):
        tei_bytes = etree.tostring(record(stem).getroottree(), encoding="UTF-8")
        diagnostics = Validator().validate_bytes(tei_bytes, stem + ".xml")
        assert [d.rule for d in diagnostics if d.rule.startswith("TE-NOTE")] == []
        assert [d.rule for d in diagnostics if d.severity.name == "ERROR"] == []


# -- the rule: a mark is unique within its series of numbering

def _marks_tree(*divs: tuple[str, ...]) -> etree._ElementTree:
    counter = iter(range(1, 100))
    return with_body(["".join(f'<p>Words<note place="foot" n="{mark}" xml:id="f{next(counter)}">note</note>.</p>'
                              for mark in marks) for marks in divs])


def _note_findings(tree: etree._ElementTree, tmp_path: Path) -> dict[str, list[str]]:
    """The TE-NOTE rules' findings (rule → ids) of the validator and of the project's Schematron alone."""
    path = tmp_path / "t.xml"
    path.write_bytes(etree.tostring(tree, encoding="UTF-8"))
    by: dict[str, list[str]] = {}
    schematron = checker_for(schema_path("tei-encoder.sch")).check(etree.parse(str(path)), str(path))
    for label, diagnostics in (("validator", Validator().validate_file(path)), ("schematron", schematron)):
        for d in diagnostics:
            if d.rule in ("TE-NOTE-002", "TE-NOTE-003"):
                by.setdefault(f"{label} {d.rule}", []).append((d.xpath or "").rsplit("/", 1)[-1])
    return by


def test_a_restart_at_1_is_no_repeated_mark_nor_a_break_in_the_sequence(tmp_path: Path) -> None:
    assert _note_findings(_marks_tree(("1", "2", "3", "1", "2")), tmp_path) == {}


def test_a_mark_twice_within_one_series_is_still_an_error(tmp_path: Path) -> None:
    found = _note_findings(_marks_tree(("1", "2", "1", "2", "2")), tmp_path)
    assert len(found["validator TE-NOTE-002"]) == len(found["schematron TE-NOTE-002"]) == 1
    repeated = footnote_marks.repeated_marks(_marks_tree(("1", "2", "1", "2", "2")), "t.xml", "sch")
    assert [d.message.startswith('Footnote mark n="2"') for d in repeated] == [True]


def test_a_series_does_not_run_on_into_the_next_document(tmp_path: Path) -> None:
    # marks 1, 2 | 2, 3: each div is its own scope, as before; the second div's 2 repeats nothing
    found = _note_findings(_marks_tree(("1", "2"), ("2", "3")), tmp_path)
    assert "validator TE-NOTE-002" not in found and "schematron TE-NOTE-002" not in found


# -- capitals labels with a full stop, the parties named with forenames after a title (closing_matter.named_elsewhere)

def test_capitals_stop_labels_of_parties_named_with_title_and_forenames_are_turns() -> None:
    """``GOMUŁKA.<tab>…`` under ``… between Comrade Władysław Gomułka and Comrade Walter Ulbricht``: the heading
    names the parties with a title, but before their forenames; before, no unit was a turn (blind16/k 03)."""
    root = record("word_76_telephone_capitals_stop_tab_labels")
    assert xp(root, "//t:sp/@who") == ["#ulbricht", "#gomulka"] * 3
    assert [text_of(s) for s in xp(root, "//t:speaker")][:2] == ["ULBRICHT.", "GOMUŁKA."]


# -- a letter's salute with a colon (speech.match_label)

def test_a_salute_ending_in_a_colon_is_no_speaker_label() -> None:
    """``Dear Mr. Popović:``: before, the letter's whole text was a turn of the addressee (blind16/k 05)."""
    root = record("word_77_salute_with_colon_under_address")
    assert xp(root, "//t:sp") == []
    assert any(text_of(p).strip() == "Dear Mr. Popović:" for p in xp(root, "//t:body//t:p | //t:body//t:salute"))
    assert any("surplus wheat agreement" in text_of(p) for p in xp(root, "//t:body/t:div/t:p"))


# -- the kinds PROTOCOL and STENOGRAM head a record (opening._TITLE_LINE, caps_heading, layout)

def _title(root) -> str:
    return " ".join(text_of(xp(root, "//t:titleStmt/t:title[1]")[0]).split())


def test_a_protocol_heading_under_letterhead_fields_is_the_title() -> None:
    """Before, ``PROTOCOL OF INTERROGATION OF THE ACCUSED`` was the opening's last letterhead line and the
    title was supplied from the file name (blind16/k 01)."""
    root = record("word_78_protocol_heading_under_letterhead_fields")
    assert _title(root) == "PROTOCOL OF THE HEARING OF A WITNESS"
    assert [text_of(h) for h in xp(root, "//t:body//t:head")] == ["PROTOCOL OF THE HEARING OF A WITNESS"]
    assert not xp(root, "//t:seg[@type='letterhead'][contains(., 'PROTOCOL')]")


def test_stenogram_alone_over_its_heading_is_the_title() -> None:
    """Before, the archive line was the title and ``STENOGRAM`` / ``OF THE …`` two paragraphs (blind16/k 02)."""
    root = record("word_79_stenogram_kind_over_its_heading")
    assert _title(root).startswith("STENOGRAM OF THE TALKS BETWEEN THE DELEGATION OF THE ROMANIAN COMMUNIST PARTY")
    assert not [p for p in xp(root, "//t:body//t:p") if text_of(p).strip() == "STENOGRAM"]


# -- an office after "Comrade" labels a turn (people.office_of_label)

def test_members_labelled_by_office_after_comrade_have_their_own_turns() -> None:
    """``Comrade Chairman:``, ``Comrade Deputy Chairman:`` as minutes that name members by office print them
    (blind16/k 10: ``Comrade Secretary:`` 16 turns, ``Comrade Deputy Secretary:`` 4); before, each such line
    ran on in the turn before it, or stood as a paragraph."""
    root = record("word_80_members_labelled_by_office_after_comrade")
    assert xp(root, "//t:sp/@who") == ["#chairman", "#sokolov", "#deputy-chairman", "#weiss", "#chairman"]
    assert [text_of(s) for s in xp(root, "//t:speaker")][2] == "Comrade Deputy Chairman:"


# -- a page's foot in tab columns around its dashed number (page_marker.footer_page)

def test_a_page_foot_in_tab_columns_is_a_page_break_not_part_of_the_answer() -> None:
    """``ABS, V-2072 MV, sv. 3<tabs>– 42 –`` (blind16/k 01) and ``LPRP CC Office<tabs>– 5 –<tabs>Internal``
    (09): before, the foot was a paragraph, in 01 of the answer before it."""
    root = record("word_81_page_foot_in_tab_columns_inside_turns")
    assert xp(root, "//t:pb/@n") == ["9", "10"]
    assert [text_of(fw) for fw in xp(root, "//t:fw")] == ["ÁBTL V-142 811 – 9 –", "ÁBTL V-142 811 – 10 – Copy"]
    assert not [p for p in xp(root, "//t:body//t:p") if "ÁBTL V-142 811" in "".join(p.xpath("text()"))]
