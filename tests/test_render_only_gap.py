"""A paragraph holding nothing but gaps (lost text) is marked " only-gap" (structure.xsl): whitespace beside
the gaps does not count, any other element or text does, and so does a comment with words in it."""

from __future__ import annotations

import pytest
from lxml import etree

from tei_encoder.render import Renderer

NS = "http://www.tei-c.org/ns/1.0"
GAP = '<gap unit="char" quantity="3"/>'


def _classes(paragraph: str) -> list[str]:
    document = (f'<TEI xmlns="{NS}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
                "<publicationStmt><p>U</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
                f"</teiHeader><text><body><div>{paragraph}</div></body></text></TEI>")
    page = Renderer().render_document(etree.fromstring(document.encode()).getroottree(), "doc")
    section = page.split('<section class="text"', 1)[1]
    return [part.split('"', 1)[0] for part in section.split('class="p')[1:]]


@pytest.mark.parametrize("paragraph, marked", [
    (f"<p>{GAP}</p>", True),
    (f"<p> {GAP}\n {GAP} </p>", True),
    ("<p/>", True),
    (f"<p>{GAP} lost</p>", False),
    (f"<p>{GAP}<hi/></p>", False),
    (f"<p>{GAP}<!-- a word --></p>", False),
    (f"<p>{GAP}<!-- --></p>", True),
])
def test_only_gap_marks_a_paragraph_of_gaps_alone(paragraph: str, marked: bool) -> None:
    assert _classes(paragraph) == [" only-gap" if marked else ""]
