"""A block inside phrase-level HTML becomes a span. The outer-tag mode (document-plain.xsl) answers that for
most elements; paragraphs (structure.xsl) and said (speech.xsl) are told apart by match patterns of their own,
which must name the same phrase-level ancestors."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html as lxml_html

from tei_encoder.render import Renderer

XSLT_DIR = Path(__file__).resolve().parent.parent / "xslt"
XSL = "{http://www.w3.org/1999/XSL/Transform}"
NS = "http://www.tei-c.org/ns/1.0"


def _span_patterns(stylesheet: str, last_step: str, mode: str | None = None) -> set[str]:
    """The ancestor steps of the template whose alternatives all read ANCESTOR//LAST_STEP."""
    for template in etree.parse(str(XSLT_DIR / stylesheet)).iter(f"{XSL}template"):
        alternatives = [" ".join(part.split()) for part in (template.get("match") or "").split("|")]
        if template.get("mode") == mode and len(alternatives) > 1 and all(
                part.endswith(f"//{last_step}") for part in alternatives):
            return {part[: -len(f"//{last_step}")] for part in alternatives}
    raise AssertionError(f"{stylesheet}: no template matching ANCESTOR//{last_step}")


def test_paragraphs_and_said_name_the_ancestors_outer_tag_names() -> None:
    outer = _span_patterns("document-plain.xsl", "*", "outer-tag")
    assert "tei:p" in outer and len(outer) > 10
    assert _span_patterns("structure.xsl", "tei:p") == outer
    assert _span_patterns("speech.xsl", "tei:said") == outer


def _document(body: str) -> etree._ElementTree:
    return etree.fromstring(
        f'<TEI xmlns="{NS}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
        f"</teiHeader><text><body><div>{body}</div></body></text></TEI>".encode()).getroottree()


def _tag_holding(body: str, text: str) -> str:
    page = lxml_html.fromstring(Renderer().render_document(_document(body), "doc"))
    found = page.xpath("//*[text() = $text]", text=text)
    assert found, text
    return str(found[0].tag)


@pytest.mark.parametrize("ancestor", ["p", "head", "hi", "seg", "label", "signed", "title"])
def test_a_paragraph_or_said_inside_phrase_level_html_is_a_span(ancestor: str) -> None:
    body = f"<{ancestor}>a <p>inner</p> <said>spoken</said></{ancestor}>"
    assert _tag_holding(body, "inner") == "span"
    assert _tag_holding(body, "spoken") == "span"


@pytest.mark.parametrize(("body", "tag"), [
    ("<p>plain</p>", "p"),
    ("<p>plain<list><item>i</item></list></p>", "div"),
    ("<p><ellipsis/>plain</p>", "div"),
    ("<p>before <ellipsis/>plain</p>", "p"),
    ("<p>plain<quote><p>q</p></quote></p>", "div"),
    ("<stage>aside <p>plain</p></stage>", "p"),
    ("<sp><stage>aside <p>plain</p></stage></sp>", "p"),
])
def test_a_paragraph_is_a_div_around_blocks_and_a_p_otherwise(body: str, tag: str) -> None:
    assert _tag_holding(body, "plain") == tag


def test_said_outside_phrase_level_html_is_a_div() -> None:
    assert _tag_holding("<said>spoken</said>", "spoken") == "div"
