"""The project XSD's twin (validate/xsd_twin.py) gives the schema's verdict on every document.

The twin decides validity first and the schema itself is asked only when the twin rejects, so a
document the twin accepted and the schema refused would pass unreported. These tests hold the two to
the same verdict: on random strings in the rewritten type, on every test document, on every one-element
deletion and duplication of the fixtures, and on their text blanked in every element that holds only text.
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encoder.validate import Validator, xsd_twin
from tei_encoder.validate.checkers import XsdChecker, _LibxmlChecker
from tei_encoder.validate.parsing import load_bytes
from test_validate_mutations import MUTATIONS
from test_validate_schema import _variants
from test_validate_support import INVALID, TESTS, seed_files, seed_tei, valid_fixtures

XS = "http://www.w3.org/2001/XMLSchema"
# The four XML spaces that \s names, and characters that look like spaces but are not XML spaces.
CHARACTERS = " \t\n\r\u00a0\u2003\u0085\u200bx\u25a1"


@pytest.fixture(scope="module")
def xsd() -> XsdChecker:
    checker = Validator()._checkers[0]  # noqa: SLF001 (the project's own XSD)
    assert isinstance(checker, XsdChecker)
    return checker


def _same_verdict(checker: XsdChecker, tree: etree._ElementTree) -> bool:
    assert checker._twin is not None and checker.pointers is not None  # noqa: SLF001
    return checker.fast_accepts(tree) == bool(checker._schema.validate(tree))  # noqa: SLF001


def test_the_project_schema_has_a_twin_that_differs_only_in_the_non_empty_type_and_its_repetitions(xsd):
    from tei_encoder.resources import schema_path

    original = etree.parse(str(schema_path("tei-encoder.xsd")))
    twin = xsd_twin.twin(original)
    assert twin is not None and xsd._twin is not None  # noqa: SLF001
    assert len(xsd_twin._counted_repetitions(original.getroot())) > 30  # noqa: SLF001
    assert xsd_twin._counted_repetitions(twin.getroot()) == []  # noqa: SLF001
    uncounted = copy.deepcopy(original)
    xsd_twin._uncount(uncounted.getroot())  # noqa: SLF001
    changed = [(a, b) for a, b in zip(uncounted.iter(), twin.iter())
               if (a.tag, dict(a.attrib)) != (b.tag, dict(b.attrib))]
    assert [(etree.QName(a).localname, dict(b.attrib)) for a, b in changed] == [
        ("restriction", {"base": "xs:token"}), ("pattern", {"value": "1"})]
    assert etree.QName(changed[1][1]).localname == "minLength"
    assert changed[0][0].getparent().get("name") == "nonEmptyText"


def _tiny_schema(use: str) -> etree._ElementTree:
    element = '<xs:element name="v" type="t"/>' if use == "element" else \
        '<xs:element name="v"><xs:complexType><xs:attribute name="a" type="t" use="required"/></xs:complexType></xs:element>'
    return etree.ElementTree(etree.fromstring(
        f'<xs:schema xmlns:xs="{XS}"><xs:simpleType name="t"><xs:restriction base="xs:string">'
        f'<xs:pattern value="{xsd_twin.NON_EMPTY_PATTERN}"/></xs:restriction></xs:simpleType>{element}</xs:schema>'))


SCHEMAS = {use: (etree.XMLSchema(_tiny_schema(use)), etree.XMLSchema(xsd_twin.twin(_tiny_schema(use))))
           for use in ("element", "attribute")}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CHARACTERS, max_size=6), st.sampled_from(sorted(SCHEMAS)))
def test_the_twin_type_accepts_the_strings_the_pattern_accepts(value, use):
    element = etree.Element("v")
    if use == "element":
        element.text = value
    else:
        element.set("a", value)
    schema, twin = SCHEMAS[use]
    tree = etree.ElementTree(element)
    assert bool(twin.validate(tree)) == bool(schema.validate(tree)), repr(value)


def _documents() -> list[tuple[str, bytes]]:
    documents = [(path.name, path.read_bytes()) for path in valid_fixtures()]
    documents += [(path.name, path.read_bytes()) for path in sorted((TESTS / "golden").glob("*.xml"))]
    documents += [(path.name, path.read_bytes()) for path in sorted(INVALID.glob("*.xml"))]
    documents += [(path.name, seed_tei(path.name)) for path in seed_files()]
    return documents


def test_same_verdict_on_every_test_document_and_mutation(xsd):
    refused = 0
    for name, data in _documents():
        tree = load_bytes(data, name).tree  # as the validator reads it (a duplicate id recovered)
        if tree is None:
            continue
        assert _same_verdict(xsd, tree), name
        refused += not xsd._schema.validate(tree)  # noqa: SLF001
    for path in seed_files():
        for mutation in MUTATIONS:
            tree = etree.fromstring(seed_tei(path.name)).getroottree()
            mutation(tree)
            assert _same_verdict(xsd, tree), (path.name, mutation.__name__)
    assert refused >= 10  # the invalid corpus: the test compares refusals too


@pytest.mark.parametrize("path", valid_fixtures(), ids=lambda p: p.name)
def test_same_verdict_on_one_element_edits_and_blanked_texts(xsd, path):
    tree = etree.parse(str(path))
    for label, variant in _variants(tree):
        assert _same_verdict(xsd, variant), label
    blanked = 0
    for index, element in enumerate(tree.iter(etree.Element)):
        if len(element) or not (element.text or "").strip():
            continue
        for text in ("", " ", "\t\n ", "\u00a0", " x "):
            variant = copy.deepcopy(tree)
            list(variant.iter(etree.Element))[index].text = text
            assert _same_verdict(xsd, variant), (variant.getpath(list(variant.iter(etree.Element))[index]), text)
            blanked += 1
    assert blanked > 50


# Content models with a repeated choice or group reference (libxml2 counts them), over the children a, b, c, d, e.
_GROUPS = ('<xs:group name="g"><xs:choice><xs:element name="a"/><xs:element name="b"/></xs:choice></xs:group>'
           '<xs:group name="s"><xs:sequence><xs:element name="a"/><xs:element name="c" minOccurs="0"/></xs:sequence>'
           '</xs:group>')
_REPEATED_MODELS = [
    '<xs:choice minOccurs="{m}" maxOccurs="unbounded"><xs:element name="a"/><xs:element name="b"/></xs:choice>',
    '<xs:sequence><xs:element name="c"/><xs:choice minOccurs="{m}" maxOccurs="unbounded"><xs:element name="a"/>'
    '<xs:element name="b"/></xs:choice><xs:element name="d" minOccurs="0"/></xs:sequence>',
    '<xs:group ref="g" minOccurs="{m}" maxOccurs="unbounded"/>',
    '<xs:group ref="s" minOccurs="{m}" maxOccurs="unbounded"/>',
    '<xs:sequence><xs:group ref="s" minOccurs="{m}" maxOccurs="unbounded"/><xs:element name="b"/></xs:sequence>',
    '<xs:choice minOccurs="{m}" maxOccurs="unbounded"><xs:element name="a"/><xs:sequence><xs:element name="b"/>'
    '<xs:choice minOccurs="0" maxOccurs="unbounded"><xs:element name="c"/><xs:element name="d"/></xs:choice>'
    '<xs:element name="e"/></xs:sequence></xs:choice>',
]


def _repeated_schema(model: str, minimum: str, mixed: bool) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(
        f'<xs:schema xmlns:xs="{XS}">{_GROUPS}<xs:element name="r"><xs:complexType mixed="{str(mixed).lower()}">'
        f'{model.format(m=minimum)}</xs:complexType></xs:element></xs:schema>'))


REPEATED = {(index, minimum, mixed): (etree.XMLSchema(_repeated_schema(model, minimum, mixed)),
                                      etree.XMLSchema(xsd_twin.twin(_repeated_schema(model, minimum, mixed))))
            for index, model in enumerate(_REPEATED_MODELS) for minimum in ("0", "1") for mixed in (False, True)}


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=7), st.sampled_from(sorted(REPEATED)))
def test_the_twins_uncounted_repetitions_accept_the_children_the_counted_ones_accept(children, model):
    root = etree.Element("r")
    for name in children:
        etree.SubElement(root, name).tail = "t" if model[2] else None
    schema, twin = REPEATED[model]
    tree = etree.ElementTree(root)
    assert bool(twin.validate(tree)) == bool(schema.validate(tree)), (children, model)


def test_only_repetitions_of_choices_and_of_this_schemas_choice_or_sequence_groups_are_uncounted():
    kept = ['<xs:choice maxOccurs="3"><xs:element name="a"/></xs:choice>',
            '<xs:choice minOccurs="2" maxOccurs="unbounded"><xs:element name="a"/></xs:choice>',
            '<xs:sequence minOccurs="0" maxOccurs="unbounded"><xs:element name="a"/></xs:sequence>',
            '<xs:group ref="elsewhere:g" minOccurs="0" maxOccurs="unbounded" xmlns:elsewhere="urn:x"/>']
    for model in kept:
        schema = _repeated_schema(model, "0", False)
        assert xsd_twin._counted_repetitions(schema.getroot()) == [], model  # noqa: SLF001
    for model in _REPEATED_MODELS:
        schema = _repeated_schema(model, "1", False)
        assert xsd_twin._counted_repetitions(schema.getroot()), model  # noqa: SLF001
        twin = xsd_twin.twin(schema)
        assert twin is not None and xsd_twin._counted_repetitions(twin.getroot()) == []  # noqa: SLF001


@pytest.mark.parametrize("unsafe", [
    '<xs:element name="w" type="t" fixed="a"/>',
    '<xs:element name="w" type="t" default="a"/>',
    '<xs:simpleType name="u"><xs:restriction base="t"><xs:enumeration value="a"/></xs:restriction></xs:simpleType>',
    '<xs:simpleType name="u"><xs:list itemType="t"/></xs:simpleType>',
    '<xs:include schemaLocation="other.xsd"/>',
])
def test_no_twin_where_the_rewrite_could_change_a_verdict(unsafe):
    schema = _tiny_schema("element")
    schema.getroot().append(etree.fromstring(f'<x xmlns:xs="{XS}">{unsafe}</x>')[0])
    assert xsd_twin.twin(schema) is None
    assert xsd_twin.twin(_tiny_schema("element")) is not None


def test_the_relaxed_twin_leaves_out_only_the_pointer_pattern():
    from tei_encoder.resources import schema_path

    twin = xsd_twin.twin(etree.parse(str(schema_path("tei-encoder.xsd"))))
    assert twin is not None
    relaxed = xsd_twin.relax_pointers(twin)
    assert relaxed is not None
    assert sorted((etree.QName(element).localname, name) for element, name in relaxed[1].carriers) == [
        ("add", "hand"), ("change", "who"), ("persName", "ref"), ("said", "who"), ("sp", "who")]
    patterns = [pattern.getparent().getparent().get("name") for pattern in twin.iter(f"{{{XS}}}pattern")]
    left = [pattern.getparent().getparent().get("name") for pattern in relaxed[0].iter(f"{{{XS}}}pattern")]
    assert sorted(set(patterns) - set(left)) == ["localPointer"]
    assert len(patterns) - len(left) == 1
    bases = {(a.getparent().get("name"), a.get("base"), b.get("base"))
             for a, b in zip(twin.iter(f"{{{XS}}}restriction"), relaxed[0].iter(f"{{{XS}}}restriction"))
             if a.get("base") != b.get("base")}
    assert bases == {("localPointer", "xs:anyURI", "xs:string")}  # its values are references to fragments


@pytest.mark.parametrize(("pattern", "fragments"), [
    ("#[\\i-[:]][\\c-[:]]*", True), ("#[a]", True), ("#a?", True), ("[#a]b", False), ("#*a", False),
    ("a#b", False), ("#a#", False), ("#[\\i-[:]]%", False), ("#a/b", False), ("#[a-z]", False)])
def test_only_a_pattern_of_fragment_references_leaves_the_uri_check_to_the_subset(pattern, fragments):
    assert xsd_twin.fragments_only(pattern) is fragments


POINTER_CHARACTERS = "#a1:_.-\u00e9\u0660 "


@given(st.text(alphabet=POINTER_CHARACTERS, max_size=5))
@settings(max_examples=300, deadline=None)
def test_the_pointer_check_accepts_only_what_the_pointer_pattern_accepts(value):
    pattern = "#[\\i-[:]][\\c-[:]]*"
    shape = xsd_twin.ascii_subset(pattern)
    assert shape is not None
    schema = etree.XMLSchema(etree.fromstring(
        f'<xs:schema xmlns:xs="{XS}"><xs:simpleType name="p"><xs:restriction base="xs:anyURI">'
        f'<xs:pattern value="{pattern}"/></xs:restriction></xs:simpleType><xs:element name="v" type="p"/></xs:schema>'))
    tree = etree.ElementTree(etree.Element("v"))
    tree.getroot().text = value
    if shape.fullmatch(value):
        assert schema.validate(tree), repr(value)


@pytest.mark.parametrize("pattern", ["#[^a]*", "#[a-z]+", "a|b", "#(ab)*", "[\\p{L}]+", "x{2}", "# a"])
def test_no_pointer_subset_for_syntax_not_read(pattern):
    assert xsd_twin.ascii_subset(pattern) is None


# "#allen #stalin" passes own_rules.py's pointer rules (a list of ids), which then gather the values for the check.
@pytest.mark.parametrize("value", ["#1bad", "no-hash", "#a b", "#caf\u00e9", "#a:b", "#allen #stalin", "#a%zz",
                                   "#a#b", "#a<b", "%", "#"])
def test_a_pointer_the_check_does_not_accept_gets_the_schemas_own_diagnostic(xsd, value):
    tree = etree.parse(str(TESTS / "fixtures" / "valid" / "conversation-003.xml"))
    speaker = next(tree.iter("{http://www.tei-c.org/ns/1.0}said"))
    speaker.set("who", value)
    strict = _LibxmlChecker.check(xsd, tree, "f.xml")  # the schema alone, without the twin
    found = [d for d in Validator().validate_tree(tree, "f.xml") if d.source == xsd.name]
    assert found == strict
    if value == "#caf\u00e9":  # an NCName outside ASCII: the check declines, the schema accepts
        assert strict == []
    else:
        message = strict[0].message if len(strict) == 1 else ""
        assert "who" in message and ("pattern" in message or "localPointer" in message), strict


# A child out of place in a repeated choice (p's phrases, said's, a div's blocks), which the twin repeats as
# a sequence: the schema's own diagnostics, where the schema puts them.
@pytest.mark.parametrize(("place", "child"), [("p", "div"), ("said", "p"), ("div", "teiHeader")])
def test_a_child_the_repeated_choice_refuses_gets_the_schemas_own_diagnostic(xsd, place, child):
    tei = "{http://www.tei-c.org/ns/1.0}"
    tree = etree.parse(str(TESTS / "fixtures" / "valid" / "conversation-003.xml"))
    parent = next(tree.find(tei + "text").iter(tei + place))
    parent.append(etree.Element(tei + child))
    assert not xsd.twin_accepts(tree)
    strict = _LibxmlChecker.check(xsd, tree, "f.xml")  # the schema alone, without the twin
    found = [d for d in Validator().validate_tree(tree, "f.xml") if d.source == xsd.name]
    assert found == strict and strict and strict[0].rule == "xsd:cvc-complex-type.2.4", strict
