"""Render numbering in one pass: ids and note marks keep their meaning (time per MB: benchmarks/bench_scaling.py).

Turn ids, note ids, footnote marks and mention ids are numbers in document order. They used to be
counted along the preceding:: axis for every turn and note, which made a 400 KB record of turns take
24 s; common.xsl now numbers them in one pass. The first test checks every number against the
XPath the stylesheets used to evaluate (lxml evaluates it here), on a document built to catch
off-by-one mistakes: nested turns, notes inside notes, notes in the header and the front, marginal
and inline notes, notes with and without ids.

Short documents number by counting (xsl:number) and long ones by the tables; the stylesheet
parameter count-limit moves the line, so the tests below run both ways and compare the bytes.
"""

from __future__ import annotations

import copy

import pytest
from lxml import etree, html as lxml_html

from tei_encoder import xmlsafe
from tei_encoder.render import Renderer, stylesheets
from tei_encoder.render.renderer import Counts, joins_words, run

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
FOOTNOTE = "(not(@place) or @place = 'foot' or @place = 'bottom' or @place = 'end')"

TRICKY = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Tricky</title></titleStmt>
      <publicationStmt><p>x</p></publicationStmt>
      <notesStmt><note>A header note</note><note place="foot">Header foot</note></notesStmt>
      <sourceDesc><p>x</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <particDesc>
        <listPerson type="participants">
          <person xml:id="a"><persName>Anna</persName><ptr target="#nm"/><ptr target="#n2"/></person>
          <person xml:id="b"><persName>Boris</persName><ptr target="#inner"/></person>
        </listPerson>
      </particDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <front><p>Front <note>front note</note> and <persName ref="#a">Anna</persName>.</p></front>
    <body>
      <div>
        <p>One<note xml:id="n1">first</note> two<note place="margin" xml:id="nm">margin</note>
           three<note place="end">end <note xml:id="inner" place="foot">inner</note> note</note>.</p>
        <sp who="#a"><speaker>Anna</speaker><p>Hello <persName ref="#b">Boris</persName><note
            place="foot" xml:id="n2">unnumbered</note>.</p></sp>
        <sp who="#b"><speaker>Boris</speaker><p>Hi.</p><sp who="#a"><p>nested <persName ref="#a">me</persName></p></sp></sp>
        <sp xml:id="named" who="#a"><speaker>Anna</speaker><p>Named<note type="translator" place="inline">tr</note>.</p></sp>
        <sp who="#b"><p>Unlabelled <note>last</note></p></sp>
        <div><p><persName ref="#a">Anna</persName> <hi><persName ref="#b">Boris</persName></hi></p></div>
      </div>
    </body>
    <back><p>Back <note>back note</note></p></back>
  </text>
</TEI>
"""


def _number(element: etree._Element, xpath: str) -> int:
    return int(element.xpath(xpath, namespaces=NS))


def _old_mention_id(element: etree._Element) -> str:
    steps = element.xpath("ancestor-or-self::*", namespaces=NS)[2:]  # below TEI and text, as mention-id says
    return "m" + "".join(f"-{_number(step, 'count(preceding-sibling::*) + 1')}" for step in steps)


def test_document_order_numbers_are_those_the_preceding_axis_gave() -> None:
    tree = xmlsafe.parse_bytes(TRICKY)
    page = lxml_html.fromstring(Renderer().document_bytes(tree, "tricky"))
    ids = set(page.xpath("//@id"))
    text = tree.getroot().find("tei:text", NS)

    turns = [f"turn-{_number(sp, 'count(preceding::tei:sp) + count(ancestor::tei:sp) + 1')}"
             for sp in text.iterfind(".//tei:sp", NS) if sp.get("{http://www.w3.org/XML/1998/namespace}id") is None]
    assert turns == ["turn-1", "turn-2", "turn-3", "turn-5"]  # the third turn is nested in the second
    assert set(turns) <= ids

    footnotes = text.xpath(f".//tei:note[{FOOTNOTE}]", namespaces=NS)
    calls = {call.get("href"): call.text_content().split()[-1] for call in page.xpath("//a[@class='noteref']")}
    marks = []
    for note in footnotes:
        note_id = note.get("{http://www.w3.org/XML/1998/namespace}id") or (
            f"note-{_number(note, 'count(preceding::tei:note) + count(ancestor::tei:note) + 1')}")
        marks.append(str(_number(note, f"count(preceding::tei:note[ancestor::tei:text][{FOOTNOTE}]) + 1")))
        assert calls.get(f"#{note_id}") == marks[-1]
    # A note inside a footnote counts the notes before it, not the note it sits in.
    assert marks == ["1", "2", "3", "3", "5", "6", "7"]

    mentions = [_old_mention_id(name) for name in text.iterfind(".//tei:persName", NS)]
    assert len(mentions) == 5 and set(mentions) <= ids

    # A participant's pointer to a marginal note (not a footnote) still gets the count it always had.
    person_notes = [link.text_content() for link in page.xpath("//a[@class='person-note']")]
    assert person_notes == ["note 3", "note 5", "note 3"]


def test_summary_turn_and_mention_ids_match_the_page() -> None:
    tree = xmlsafe.parse_bytes(TRICKY)
    renderer = Renderer()
    ids = set(lxml_html.fromstring(renderer.document_bytes(tree, "tricky")).xpath("//@id"))
    summary = renderer.summarize(tree)
    linked = [item.get("id") for item in summary.iter("turn", "mention")]
    assert len(linked) == 10 and set(linked) <= ids


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _tricky(copies: int) -> etree._ElementTree:
    """TRICKY with its body's division repeated: 5 turns, 7 notes in text and 5 names per copy."""
    tree = xmlsafe.parse_bytes(TRICKY)
    division = tree.getroot().find("tei:text/tei:body/tei:div", NS)
    for _ in range(copies - 1):
        repeat = copy.deepcopy(division)
        for element in repeat.iter():
            element.attrib.pop(XML_ID, None)  # ids stay unique; pointers still reach the first copy
        division.addnext(repeat)
    return tree


def _views(tree: etree._ElementTree, count_limit: str | None) -> list[bytes]:
    params = {} if count_limit is None else {"count-limit": count_limit}
    return [bytes(run(name, tree, **params)) for name in (stylesheets.DOCUMENT, stylesheets.SUMMARY, stylesheets.TEXT)]


@pytest.mark.parametrize("copies", [1, 60])
def test_numbering_by_table_and_by_counting_give_the_same_bytes(copies: int) -> None:
    tree = _tricky(copies)
    by_default = _views(tree, None)
    assert _views(tree, "0") == by_default  # every kind by table
    assert _views(tree, "1000000") == by_default  # every kind by counting


def _table_lookups(tree: etree._ElementTree, count_limit: str | None = None) -> int:
    # A stylesheet compiled for this call alone: libxslt adds a stylesheet's profiles up over its runs.
    transform = stylesheets.stylesheet.__wrapped__(stylesheets.DOCUMENT)
    params = {} if count_limit is None else {"count-limit": etree.XSLT.strparam(count_limit)}
    profile = transform(tree, profile_run=True, **params).xslt_profile.getroot()
    return sum(int(template.get("calls")) for template in profile if template.get("name") == "order-number")


def test_short_documents_number_without_tables_and_long_ones_with_them() -> None:
    assert _table_lookups(_tricky(1)) == 0
    assert _table_lookups(_tricky(1), "0") > 0
    assert _table_lookups(_tricky(60)) > 0  # 300 turns, 420 notes in text, 300 names: all over the limits


def test_counts_found_once_are_the_documents_own() -> None:
    """Renderer passes the counts that choose counting or tables (render/renderer.py, Counts): they are the
    document's turns, notes and names, header and nested elements included, as common.xsl counts them."""
    for tree in (_tricky(1), _tricky(60), etree.fromstring(JOINED_IN_NOTE).getroottree()):
        expected = [sum(1 for _ in tree.iter(f"{{{NS['tei']}}}{name}")) for name in ("sp", "note", "persName")]
        counts = Counts.of(tree)
        assert [counts.turns, counts.notes, counts.names] == expected
        assert counts.joins_words == joins_words(tree)
    assert Counts.of(etree.fromstring(JOINED_IN_NOTE).getroottree()).joins_words


def test_the_counts_renderer_passes_choose_the_tables() -> None:
    """The stylesheets number by what Renderer tells them (each count is a parameter), not by counting again:
    counts over the limits in a short document make it use the tables, with the same bytes."""
    tree = _tricky(1)
    over = Counts(turns=1000, notes=1000, names=1000).params()
    transform = stylesheets.stylesheet.__wrapped__(stylesheets.DOCUMENT)
    profile = transform(tree, profile_run=True, **{k: etree.XSLT.strparam(v or "") for k, v in over.items()})
    assert sum(int(t.get("calls")) for t in profile.xslt_profile.getroot() if t.get("name") == "order-number") > 0
    renderer = Renderer()
    counts = Counts.of(tree)
    assert renderer.document_bytes(tree, "t", counts=counts) == renderer.document_bytes(tree, "t")
    assert renderer.text_bytes(tree, counts) == renderer.text_bytes(tree)
    summary = etree.tostring(renderer.summarize(tree, counts))
    assert etree.tostring(renderer.summarize(tree, Counts.of(_tricky(60)))) == summary  # tables: same ids


JOINED_IN_NOTE = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>J</title>'
                  b'</titleStmt></fileDesc></teiHeader><text><body><p>a<note>wo<lb/>rd wo<lb break="no"/>rd</note>'
                  b'</p></body></text></TEI>')


# ---------------------------------------------------------------- a paragraph of thousands of children
# Session 4's render became quadratic in such a paragraph (issue 8 §4): libxslt tested every text node
# against match patterns that looked at its siblings. Timing is no test (benchmarks/bench_scaling.py
# measures it); these tests pin what makes the work linear instead: the stylesheets render such a
# paragraph at all, the number of template calls grows with the number of children and no faster, and
# no match pattern makes libxslt look at a node's siblings.

from pathlib import Path  # noqa: E402
import re  # noqa: E402

XSLT_DIR = Path(__file__).resolve().parent.parent / "xslt"
LONG_PARAGRAPHS = {  # one unit of each shape, repeated in a single p
    "lb": '<lb/>word ',
    "joined": 'wo<lb break="no"/>rd ',
    "gap": 'a <gap reason="illegible"/>',
    "hi": '<hi rend="bold">b</hi> c ',
    "mixed": '<hi rend="bold">x</hi> wo<lb break="no"/>rd <gap reason="illegible"/>',
}


def _long_paragraph(shape: str, units: int) -> etree._ElementTree:
    return xmlsafe.parse_bytes(
        ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Long</title></titleStmt>'
         "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
         f"<text><body><div><p>{LONG_PARAGRAPHS[shape] * units}</p></div></body></text></TEI>").encode())


@pytest.mark.parametrize("shape", sorted(LONG_PARAGRAPHS))
def test_a_paragraph_of_thousands_of_children_renders_in_every_view(shape: str) -> None:
    tree = _long_paragraph(shape, 5000)
    body = lxml_html.fromstring(bytes(run(stylesheets.DOCUMENT, tree))).xpath("//div[@class='body']")[0]
    text = bytes(run(stylesheets.TEXT, tree)).decode()  # a recursion per line stopped at 3,000 lines
    parts = bytes(run(stylesheets.PARTS, tree)).decode()
    if shape == "lb":
        assert text.splitlines().count("word") == 5000 and len(body.findall(".//br")) == 5000
    if shape in ("joined", "mixed"):  # every broken word is joined again, in every view
        for view in (text, body.text_content(), parts):
            assert view.count("word") == 5000 and "wo rd" not in view


def _template_calls(name: str, tree: etree._ElementTree) -> int:
    transform = stylesheets.stylesheet.__wrapped__(name)  # a fresh copy: libxslt adds profiles up over runs
    profile = transform(tree, profile_run=True).xslt_profile.getroot()
    return sum(int(template.get("calls")) for template in profile)


@pytest.mark.parametrize("shape", sorted(LONG_PARAGRAPHS))
@pytest.mark.parametrize("name", [stylesheets.DOCUMENT, stylesheets.TEXT, stylesheets.PARTS])
def test_template_calls_grow_with_the_children_and_no_faster(shape: str, name: str) -> None:
    small, large = (_template_calls(name, _long_paragraph(shape, units)) for units in (500, 2000))
    assert large <= 4.4 * small, f"{name}, {shape}: {small} template calls at 500 units, {large} at 2,000"


# A match pattern is tried on every node of its kind. A step that looks along the sibling or document
# order axes (text()[preceding-sibling::node()[1][…]]) walks the siblings for each node, and a
# predicate on a text() step makes libxslt count the node's position among its siblings for each text
# node: either is quadratic in a long paragraph. Look the neighbours up in a key instead, from the
# template's body (text.xsl, foreign.xsl, parts.xsl: text-before-joining-lb).
_ORDER_AXIS = re.compile(r"\b(?:preceding|following)(?:-sibling)?::")
_TEXT_PREDICATE = re.compile(r"\btext\(\)\s*\[")


def _match_patterns() -> list[tuple[str, str]]:
    found = []
    for path in sorted(XSLT_DIR.glob("*.xsl")):
        for element in etree.parse(str(path)).iter("{http://www.w3.org/1999/XSL/Transform}*"):
            if etree.QName(element).localname in ("template", "key") and element.get("match"):
                found.append((path.name, " ".join(element.get("match").split())))
    return found


def test_no_match_pattern_walks_siblings_or_counts_a_text_nodes_position() -> None:
    patterns = _match_patterns()
    assert len(patterns) > 100  # the stylesheets were found and read
    costly = [f"{name}: {pattern}" for name, pattern in patterns
              if _ORDER_AXIS.search(pattern) or _TEXT_PREDICATE.search(pattern)]
    assert not costly, "\n".join(costly)
