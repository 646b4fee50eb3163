"""document-plain.xsl and text-plain.xsl: the page and the plain text without the templates for the text on
either side of a word-joining line break (lb break="no"). Renderer uses them for a document without such a
break, which must then get the bytes the full stylesheets give; a document with one gets the full ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.render import Renderer, stylesheets
from tei_encoder.render.renderer import joins_words, run

FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures" / "render").glob("*.xml"))
NS = "http://www.tei-c.org/ns/1.0"
JOINED = (f'<TEI xmlns="{NS}"><teiHeader><fileDesc><titleStmt><title>Joined</title></titleStmt>'
          "<publicationStmt><p>Unpublished</p></publicationStmt><sourceDesc><p>Made up</p></sourceDesc>"
          '</fileDesc></teiHeader><text><body><p>ein Wort\n      <lb break="no"/>teil und <lb/>weiter, '
          '<hi>Mit<lb break="no"/></hi>tag</p></body></text></TEI>')
PAGE_PARAMETERS = {"persons-href": "persons/", "text-href": "doc.txt", "tei-href": "tei/doc.xml"}


def _pages(tree: etree._ElementTree, *names: str) -> list[bytes]:
    return [bytes(run(name, tree, **PAGE_PARAMETERS)) for name in names]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_without_a_joining_break_the_plain_stylesheets_give_the_same_bytes(path: Path) -> None:
    tree = xmlsafe.parse_bytes(path.read_bytes())
    assert not joins_words(tree)
    full, plain = _pages(tree, stylesheets.DOCUMENT, stylesheets.DOCUMENT_PLAIN)
    assert plain == full
    assert bytes(run(stylesheets.TEXT_PLAIN, tree)) == bytes(run(stylesheets.TEXT, tree))


def test_a_joining_break_is_found_wherever_it_is() -> None:
    tree = etree.fromstring(JOINED.encode()).getroottree()
    assert joins_words(tree)
    for lb in tree.iter(f"{{{NS}}}lb"):
        if lb.get("break") == "no":
            lb.set("break", "yes")
    assert not joins_words(tree)


def test_a_document_with_a_joining_break_is_rendered_with_the_full_stylesheets() -> None:
    tree = etree.fromstring(JOINED.encode()).getroottree()
    renderer = Renderer()
    full, plain = _pages(tree, stylesheets.DOCUMENT, stylesheets.DOCUMENT_PLAIN)
    assert plain != full  # the plain page keeps the layout whitespace around the break
    assert renderer.document_bytes(tree, "doc", text_href="doc.txt", tei_href="tei/doc.xml").endswith(full)
    assert "Wortteil" in renderer.render_document(tree, "doc")
    text = renderer.text_bytes(tree)
    assert b"Wortteil" in text and b"Mittag" in text
    assert bytes(run(stylesheets.TEXT_PLAIN, tree)) != bytes(run(stylesheets.TEXT, tree))
