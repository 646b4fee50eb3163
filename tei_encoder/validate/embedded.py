"""Checkers for schemas whose rules need more than libxml2: RELAX NG with embedded Schematron, XSLT 2 Schematron.

The TEI's ODD-derived RELAX NG schemas (tei_all.rng and every customisation
built by the TEI's tools) carry Schematron patterns inside the grammar, in
XPath 2.0. jing and libxml2 check only the grammar; here both are checked:
the grammar by libxml2, the patterns by schematron_xpath2.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.validate import rules, schema_cache
from tei_encoder.validate.checkers import (
    NS_SCH, Checker, SchemaError, SchematronChecker, _rng_rule, check_rng_references,
)
from tei_encoder.validate.locate import element_at, xpath_of
from tei_encoder.validate.rng_subset import GrammarModel, model_of
from tei_encoder.validate.schematron_xpath2 import (
    XPATH2_BINDINGS,
    SchematronXPath2Error,
    XPath2Schematron,
    embedded_schematron,
)

if TYPE_CHECKING:
    from tei_encoder.validate.messages import Grammar


class ExplainedRelaxNG:
    """RELAX NG through libxml2 (which decides), with messages that say what was expected (messages.py)."""

    def __init__(self, path: Path, document: etree._ElementTree) -> None:
        self.name = path.name
        check_rng_references(path, document)  # libxml2 reads includes itself: confine them first
        self._schema = etree.RelaxNG(document)
        self._document = document
        self._grammar: Grammar | None = None

    def _schema_for(self, tree: etree._ElementTree) -> etree.RelaxNG:
        return self._schema

    def _grammar_document(self) -> etree._ElementTree:
        return self._document

    @property
    def grammar(self) -> Grammar:
        """Read only when a message needs it: a valid file never pays for it."""
        if self._grammar is None:
            from tei_encoder.validate.messages import Grammar  # only an invalid file's messages need it

            self._grammar = Grammar(self._grammar_document())
        return self._grammar

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        try:
            schema = self._schema_for(tree)
        except etree.RelaxNGParseError as error:
            return [Diagnostic(file=file, rule=rules.SCHEMA_UNUSABLE, source=self.name,
                               message=f"the schema does not compile: {error}")]
        if schema.validate(tree):
            return []
        from tei_encoder.validate.messages import explain

        found = []
        for entry in schema.error_log:
            element = _element(tree, entry.path) if entry.path else None
            try:
                message = explain(self.grammar, entry.type_name, element, entry.message)
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


class SubsetRelaxNG(ExplainedRelaxNG):
    """A one-file grammar compiled for the element names the documents use (rng_subset), not whole.

    A worker keeps the union of the names it has seen and recompiles only when a
    document brings a new one, so a batch of similar files compiles a few times.
    """

    def __init__(self, path: Path, model: GrammarModel,
                 load_document: Callable[[], etree._ElementTree]) -> None:
        self.name = path.name
        self._model = model
        self._load_document = load_document
        self._names: frozenset[tuple[str, str]] = frozenset()
        self._schema: etree.RelaxNG | None = None
        self._grammar = None
        self._schema_for(etree.ElementTree(etree.Element("tei-encoder-nothing")))  # the start compiles

    def _schema_for(self, tree: etree._ElementTree) -> etree.RelaxNG:
        names = element_names(tree)
        if self._schema is None or not names <= self._names:
            self._names = self._names | names
            self._schema = etree.RelaxNG(etree.fromstring(self._model.subset(self._names), xmlsafe.safe_parser()))
        return self._schema

    def _grammar_document(self) -> etree._ElementTree:
        return self._load_document()


def element_names(tree: etree._ElementTree) -> frozenset[tuple[str, str]]:
    """(namespace, local name) of every element in the tree."""
    names = set()
    for element in tree.iter():
        tag = element.tag
        if isinstance(tag, str):
            namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
            names.add((namespace, local))
    return frozenset(names)


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


def relaxng_checker(path: Path, document: etree._ElementTree, cache_key: str | None = None) -> Checker:
    """The grammar, plus its embedded Schematron when it has any.

    A one-file grammar is compiled per document for the names it uses
    (rng_subset); what was read is stored under ``cache_key`` (schema_cache)
    so that the next process skips reading the schema.
    """
    model = model_of(document.getroot())
    embedded = embedded_schematron(document.getroot())
    rules_checker = None if embedded is None else _xpath2_rules(path, embedded)  # every XPath parsed here
    if model is None:
        grammar: Checker = ExplainedRelaxNG(path, document)
    else:
        grammar = SubsetRelaxNG(path, model, lambda: document)
        if cache_key is not None:
            schema_cache.store(cache_key, (model.as_tuple(), None if embedded is None else etree.tostring(embedded)))
    return grammar if rules_checker is None else RelaxNGWithSchematron(grammar, rules_checker)


def cached_relaxng_checker(path: Path, cache_key: str,
                           load_document: Callable[[], etree._ElementTree]) -> Checker | None:
    """The checker from what an earlier run stored for this schema content, or None when nothing usable is."""
    stored = schema_cache.load(cache_key)
    if not (isinstance(stored, tuple) and len(stored) == 2):
        return None
    model = GrammarModel.from_tuple(stored[0])
    if model is None or not (stored[1] is None or isinstance(stored[1], bytes)):
        return None
    grammar = SubsetRelaxNG(path, model, load_document)
    if stored[1] is None:
        return grammar
    try:
        embedded = etree.fromstring(stored[1], xmlsafe.safe_parser())
        # Every XPath parsed when it was stored: compile each rule when it first fires.
        rules_checker = XPath2Schematron(path.name, embedded, lazy=True)
    except (etree.XMLSyntaxError, SchematronXPath2Error):
        return None
    return RelaxNGWithSchematron(grammar, rules_checker)


def schematron_checker(path: Path, document: etree._ElementTree) -> Checker:
    """XPath 1.0 Schematron through lxml's XSLT; ``queryBinding="xslt2"``/``"xslt3"`` through XPath 2.0."""
    root = document.getroot()
    binding = (root.get("queryBinding") or "xslt").strip().lower()
    if root.tag == f"{{{NS_SCH}}}schema" and binding in XPATH2_BINDINGS:
        return _xpath2_rules(path, root)
    return SchematronChecker(path, document)
