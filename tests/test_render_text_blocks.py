"""The plain-text view writes a block only when it holds text beyond its line breaks (text-plain.xsl,
emit-block), and keeps those breaks as line ends. emit-block decides that without translate() for a
block that has no line break, and with it for one that has: both ways are held here, in both text
stylesheets (with and without the templates for word-joining line breaks). A turn writes what precedes
its first paragraph (lost characters, the label, a direction) on that paragraph's line."""

from __future__ import annotations

import pytest
from lxml import etree

from tei_encoder.render import stylesheets
from tei_encoder.render.renderer import run

NS = "http://www.tei-c.org/ns/1.0"


def _text(body: str, stylesheet: str) -> str:
    document = (f'<TEI xmlns="{NS}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
                "<publicationStmt><p>U</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
                f"</teiHeader><text><body><div>{body}</div></body></text></TEI>")
    tree = etree.fromstring(document.encode()).getroottree()
    return bytes(run(stylesheet, tree)).decode("utf-8").split("-" * 70 + "\n\n", 1)[1]


BOTH = pytest.mark.parametrize("stylesheet", [stylesheets.TEXT_PLAIN, stylesheets.TEXT])


@BOTH
def test_a_block_without_line_breaks_is_one_normalised_line(stylesheet: str) -> None:
    assert _text("<p>  one \n  two\tthree </p><p>four</p>", stylesheet) == "one two three\n\nfour\n\n"


@BOTH
def test_a_block_of_whitespace_or_only_line_breaks_writes_nothing(stylesheet: str) -> None:
    assert _text("<p> \n </p><p><lb/> <lb/>\n</p><p>kept</p>", stylesheet) == "kept\n\n"


@BOTH
def test_a_block_with_line_breaks_keeps_them_as_line_ends(stylesheet: str) -> None:
    assert _text("<p><lb/> first <lb/><lb/>second <lb/></p>", stylesheet) == "first\nsecond\n\n"


@BOTH
def test_an_empty_block_beside_its_footnote_writes_the_footnote_only(stylesheet: str) -> None:
    assert _text('<p><note place="foot">the note</note></p>', stylesheet) == "[1]\n\n[1: the note]\n\n"


@BOTH
def test_a_turn_writes_what_precedes_its_first_paragraph_on_the_paragraphs_line(stylesheet: str) -> None:
    turn = ('<sp who="#a"><gap unit="char" quantity="2"/><speaker>Stalin:</speaker> <stage>(smiling)</stage>'
            "<p>first</p><p>second</p></sp>")
    assert _text(turn, stylesheet) == "□□Stalin: (smiling) first\n\nsecond\n\n"


@BOTH
def test_a_turn_keeps_loose_text_and_the_first_paragraphs_footnote(stylesheet: str) -> None:
    turn = '<sp who="#a"><speaker>Q:</speaker> loose text <p>first<note place="foot">n</note></p>after<p>third</p></sp>'
    assert _text(turn, stylesheet) == "Q: loose text first[1]\n\n[1: n]\n\nafter\n\nthird\n\n"


@BOTH
def test_a_turn_without_a_paragraph_is_one_block(stylesheet: str) -> None:
    assert _text("<sp><speaker>A:</speaker> only a line, no paragraph</sp>", stylesheet) == (
        "A: only a line, no paragraph\n\n")
