"""Checkers for schemas whose rules need more than libxml2: RELAX NG with embedded Schematron, XSLT 2 Schematron.

The TEI's ODD-derived RELAX NG schemas (tei_all.rng and every customisation
built by the TEI's tools) carry Schematron patterns inside the grammar, in
XPath 2.0. jing and libxml2 check only the grammar; here both are checked:
the grammar by libxml2, the patterns by schematron_xpath2.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.validate.checkers import (
    NS_SCH, Checker, SchemaError, SchematronChecker, _rng_rule, check_rng_references,
)
from tei_encoder.validate.locate import element_at, xpath_of
from tei_encoder.validate.messages import Grammar, explain
from tei_encoder.validate.schematron_xpath2 import (
    XPATH2_BINDINGS,
    SchematronXPath2Error,
    XPath2Schematron,
    embedded_schematron,
)


class ExplainedRelaxNG:
    """RELAX NG through libxml2 (which decides), with messages that say what was expected (messages.py)."""

    def __init__(self, path: Path, document: etree._ElementTree) -> None:
        self.name = path.name
        check_rng_references(path, document)  # libxml2 reads includes itself: confine them first
        self._schema = etree.RelaxNG(document)
        self._grammar = Grammar(document)

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        if self._schema.validate(tree):
            return []
        found = []
        for entry in self._schema.error_log:
            element = _element(tree, entry.path) if entry.path else None
            try:
                message = explain(self._grammar, entry.type_name, element, entry.message)
            except RecursionError:  # a pathological grammar: keep libxml2's words
                message = None
            found.append(Diagnostic(
                file=file,
                message=message or _plain(entry.message, tree),
                rule=_rng_rule(entry.type_name),
                severity=Severity.WARNING if entry.level_name == "WARNING" else Severity.ERROR,
                line=entry.line or (element.sourceline if element is not None else None),
                xpath=xpath_of(element) if element is not None else None,
                source=self.name,
            ))
        return found


def _element(tree: etree._ElementTree, path: str) -> etree._Element | None:
    """libxml2's error path; it may use the document's own prefixes (``/tei:TEI/tite:b``)."""
    found = element_at(tree, path)
    if found is not None or ":" not in path:
        return found
    namespaces: dict[str, str] = {}
    for element in tree.iter():
        for prefix, uri in element.nsmap.items():
            if prefix:
                namespaces.setdefault(prefix, uri)
    try:
        hits = tree.xpath(path, namespaces=namespaces)
    except etree.XPathError:
        return None
    return hits[0] if isinstance(hits, list) and hits and isinstance(hits[0], etree._Element) else None


def _plain(message: str, tree: etree._ElementTree) -> str:
    namespace = etree.QName(tree.getroot()).namespace
    return (message.replace("{" + namespace + "}", "") if namespace else message).strip()


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
    grammar: Checker = ExplainedRelaxNG(path, document)
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
