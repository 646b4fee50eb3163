"""Checkers for schemas whose rules need more than libxml2: RELAX NG with embedded Schematron, XSLT 2 Schematron.

The TEI's ODD-derived RELAX NG schemas (tei_all.rng and every customisation
built by the TEI's tools) carry Schematron patterns inside the grammar, in
XPath 2.0. jing and libxml2 check only the grammar; here both are checked:
the grammar by libxml2, the patterns by schematron_xpath2.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei_encoder.diagnostics import Diagnostic
from tei_encoder.validate.checkers import NS_SCH, Checker, RelaxNGChecker, SchemaError, SchematronChecker
from tei_encoder.validate.schematron_xpath2 import (
    XPATH2_BINDINGS,
    SchematronXPath2Error,
    XPath2Schematron,
    embedded_schematron,
)


class RelaxNGWithSchematron:
    """A RELAX NG grammar and the Schematron embedded in it, reported together under the schema's name."""

    def __init__(self, grammar: Checker, rules: XPath2Schematron) -> None:
        self.name = grammar.name
        self.grammar = grammar
        self.rules = rules

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        return self.grammar.check(tree, file) + self.rules.check(tree, file)


def _xpath2_rules(path: Path, schema: etree._Element) -> XPath2Schematron:
    try:
        return XPath2Schematron(path.name, schema)
    except SchematronXPath2Error as error:
        raise SchemaError(f"{path}: {error}") from None


def relaxng_checker(path: Path, document: etree._ElementTree) -> Checker:
    """The grammar, plus its embedded Schematron when it has any."""
    grammar = RelaxNGChecker(path, document)
    embedded = embedded_schematron(document.getroot())
    if embedded is None:
        return grammar
    return RelaxNGWithSchematron(grammar, _xpath2_rules(path, embedded))


def schematron_checker(path: Path, document: etree._ElementTree) -> Checker:
    """XPath 1.0 Schematron through lxml's XSLT; ``queryBinding="xslt2"``/``"xslt3"`` through XPath 2.0."""
    root = document.getroot()
    binding = (root.get("queryBinding") or "xslt").strip().lower()
    if root.tag == f"{{{NS_SCH}}}schema" and binding in XPATH2_BINDINGS:
        return _xpath2_rules(path, root)
    return SchematronChecker(path, document)
