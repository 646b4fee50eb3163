"""The writer builds its document as plain nodes and parses their markup into lxml's tree: the bytes
written must be those lxml gives for the same elements built one by one with its element API."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encoder.writer import tei
from tei_encoder.writer.tei import TEI_NS, _el, _indent, _Node, _tree, serialise

from conftest import SEEDS

XML_ID = f"{{{tei.XML_NS}}}id"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass
class Spec:
    """One element to build: the same calls make the node and the lxml element."""

    name: str
    text: str | None
    attributes: dict[str, str | None]
    tail: str | None = None
    children: list[Spec] = field(default_factory=list)


# Every character XML 1.0 allows, with the ones markup must escape or a parser would normalise
# (& < > " tab, line end, carriage return), and the empty string.
XML_CHARACTERS = st.characters(blacklist_categories=["Cs"], blacklist_characters="\ufffe\uffff") \
    .filter(lambda c: c in "\t\n\r" or c >= " ")
TEXT = st.one_of(st.none(), st.just(""), st.sampled_from(["&", "<b>", "a]]>b", '"x"', "\t\n\r", " \n  "]),
                 st.text(XML_CHARACTERS, max_size=12))
# Element-only containers (indented) and mixed ones; the attributes _el is given, xml:id among them.
NAMES = st.sampled_from(["div", "p", "listPerson", "person", "hi", "sp", "lb", "bibl", "note"])
ATTRIBUTES = st.dictionaries(st.sampled_from(["xml_id", "type", "n", "from_", "when", "rend"]), TEXT, max_size=3)


def specs(depth: int = 2) -> st.SearchStrategy[Spec]:
    children = st.lists(st.deferred(lambda: specs(depth - 1)), max_size=3) if depth else st.just([])
    return st.builds(Spec, NAMES, TEXT, ATTRIBUTES, TEXT, children)


def _build(parent: _Node | etree._Element, spec: Spec) -> None:
    element = _el(parent, spec.name, spec.text, **spec.attributes)
    element.tail = spec.tail
    for child in spec.children:
        _build(element, child)


def _both(specs: list[Spec]) -> tuple[bytes, bytes]:
    """The bytes of the document built as nodes and parsed, and of the one built with lxml's API."""
    nodes = _Node("TEI", f'<TEI xmlns="{TEI_NS}"', None)
    elements = _el(None, "TEI")
    for root in (nodes, elements):
        for spec in specs:
            _build(root, spec)
        _indent(root, 0)
    return serialise(_tree(nodes)), serialise(elements)


@SETTINGS
@given(st.lists(specs(), min_size=1, max_size=3))
def test_the_parsed_markup_serialises_as_lxmls_own_elements(documents: list[Spec]) -> None:
    parsed, built = _both(documents)
    assert parsed == built


def test_an_empty_text_is_written_as_lxml_writes_it() -> None:
    """A parse reads <x></x> as no text (<x/>): the node's empty text is given back to the element."""
    parsed, built = _both([Spec("p", "", {}), Spec("div", None, {}, children=[Spec("hi", "", {"rend": "b"})])])
    assert parsed == built
    assert b"<p></p>" in parsed and b'<hi rend="b"></hi>' in parsed and tei._EMPTY_TEXT.encode() not in parsed


def test_a_repeated_or_malformed_id_still_gives_the_tree_for_the_validator_to_judge() -> None:
    """The parser stops at a repeated xml:id; lxml's API builds it, and the validator reports it."""
    parsed, built = _both([Spec("p", "a", {"xml_id": "u1"}), Spec("p", "b", {"xml_id": "u1"}),
                           Spec("p", "c", {"xml_id": "1 2"})])
    assert parsed == built


def test_each_element_of_the_tree_knows_its_line_in_the_file_written() -> None:
    """The validator's findings on the tree in memory name the lines of the file as written."""
    from tei_encoder.config import Config
    from tei_encoder.pipeline import _encoded
    from tei_encoder.source import read_source

    _, root = _encoded(read_source(SEEDS[0]), None, Config())
    lines = serialise(root).decode("utf-8").split("\n")
    identified = [element for element in root.iter() if element.get(XML_ID) is not None]
    assert identified
    for element in identified:
        assert element.sourceline is not None
        assert f'xml:id="{element.get(XML_ID)}"' in lines[element.sourceline - 1]
