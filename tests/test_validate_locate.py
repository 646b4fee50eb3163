"""locate.Locator answers as the skeleton, libxml2 and xpath_of do, counting each parent's children once.

Thousands of findings under one parent (duplicate footnote marks in one div) made validate quadratic:
the compiled Schematron counted preceding siblings for every finding's path (issue 8 §4). The Locator
must give the very same paths, so the reports are unchanged; the cost is measured in
benchmarks/bench_scaling.py (validate-alternating), never as a timed unit test.
"""

from __future__ import annotations

from lxml import etree, isoschematron

from tei_encoder.validate.checkers import SchematronChecker
from tei_encoder.validate.locate import Locator, element_at, xpath_of

# Same local names in two namespaces, a prefixed namespace, elements in no namespace, comments and PIs
# between siblings, runs of one name and names that occur once.
DOCUMENT = b"""<TEI xmlns="urn:a" xmlns:b="urn:b">
  <text><!-- c --><p/><p><note/><b:note/><note/><?pi x?><b:note/></p><b:p/><p/>
    <div xmlns=""><p/><x/><p><y/></p></div><b:note/><p><note/></p>
  </text>
</TEI>"""

EVERY_ELEMENT = b"""<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <pattern><rule context="*"><assert test="false()">here</assert></rule></pattern>
</schema>"""


def skeleton_locations(tree: etree._ElementTree) -> list[str]:
    """The SVRL @location of every element, as lxml's unmodified ISO skeleton writes it."""
    compiled = etree.XSLT(isoschematron.iso_svrl_for_xslt1(isoschematron.iso_abstract_expand(
        etree.ElementTree(etree.fromstring(EVERY_ELEMENT)))))
    report = compiled(tree)
    return [failed.get("location") for failed in report.getroot().iter("{http://purl.oclc.org/dsdl/svrl}failed-assert")]


def test_the_locator_writes_the_skeletons_paths_and_finds_their_elements() -> None:
    tree = etree.ElementTree(etree.fromstring(DOCUMENT))
    elements = list(tree.getroot().iter(etree.Element))
    expected = skeleton_locations(tree)
    assert len(expected) == len(elements)
    locator = Locator(tree)
    assert [locator.svrl_path(element) for element in elements] == expected
    fresh = Locator(tree)  # resolving paths it did not write itself, from the counts, as libxml2 does
    for element, path in zip(elements, expected):
        assert locator.element_at(path) is element
        assert fresh.element_at(path) is element_at(tree, path)
        assert fresh.xpath_of(element) == xpath_of(element)
    # (the skeleton counts a:note and b:note together, XPath does not: a path it wrote for an a:note
    # after a b:note names no element, or another, for libxml2; the locator remembers whose path it wrote)
    assert any(element_at(tree, path) is None for path in expected)


def test_the_project_schematron_reports_the_same_locations_through_the_locator(tmp_path) -> None:
    schema = tmp_path / "every.sch"
    schema.write_bytes(EVERY_ELEMENT)
    tree = etree.ElementTree(etree.fromstring(DOCUMENT))
    found = SchematronChecker(schema, etree.parse(str(schema))).check(tree, "d.xml")
    elements = list(tree.getroot().iter(etree.Element))
    assert [(d.line, d.xpath) for d in found] == [(e.sourceline, xpath_of(e)) for e in elements]
    assert all(d.rule == "sch:false()" or d.message == "here" for d in found)
