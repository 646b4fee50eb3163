"""ISO Schematron with XPath 2.0 (``queryBinding="xslt2"``/``"xslt3"``), run without XSLT.

libxml2 knows XPath 1.0 only, and lxml's Schematron compiles to XSLT 1.0, so
rules written for XSLT 2 (every rule embedded in the TEI's ODD-derived
schemas: ``eq``, ``if … then``, sequences, ``tokenize()``) fail there. This
module reads the Schematron itself and evaluates it:

* a rule's context is a pattern; its nodes are found with libxml2 when the
  context is also valid XPath 1.0 (nearly all are: ``tei:p``,
  ``tei:*[@when]``), with elementpath otherwise. Within a pattern a node is
  taken by the first rule whose context matches it, as Schematron says.
* lets, asserts, reports and messages are evaluated by elementpath's XPath
  3.0 parser (pure Python, installed with xmlschema) on the matched nodes only.
  ``current()`` (an XSLT function) is the rule's context node.

Why elementpath and not Saxon-HE (saxonche): measured with
benchmarks/bench_schematron2.py on tei_all's 92 embedded patterns over 366
files (the 5 seeds' TEI, 300 encoder documents of the synthetic corpus and
the 61 files of ../shared/external-tei), in one run on a busy 2-core
machine: both engines find the same failures on every file; elementpath
took 61 s (mean 168 ms, worst 1.4 s), saxonche 151 s (mean 413 ms, worst
3.5 s) through its Python XPath API, which also needs a serialise and
re-parse per document and maps nodes back by path(). elementpath needs no
60 MB native wheel and works on the lxml tree itself, so every failure keeps
its element, line and XPath.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.validate.locate import xpath_of

NS_SCH = "http://purl.oclc.org/dsdl/schematron"
XPATH2_BINDINGS = frozenset({"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"})
_CURRENT = "tei-encoder-current"
_CURRENT_CALL = re.compile(r"(?<![\w:.-])current\(\s*\)")


def _sch(name: str) -> str:
    return f"{{{NS_SCH}}}{name}"


class SchematronXPath2Error(Exception):
    """A rule whose XPath the engine cannot parse; the message names the rule and the expression."""


def _with_current(expression: str) -> str:
    return _CURRENT_CALL.sub("$" + _CURRENT, expression)


@dataclass(frozen=True, slots=True)
class _Message:
    """A message as parts: literal text, or ('value-of', select) / ('name', path)."""

    parts: tuple[str | tuple[str, str], ...]


@dataclass(slots=True)
class _Test:
    report: bool  # True for sch:report (fails when the test is true)
    test: str
    message: _Message
    rule_id: str
    role: str | None
    compiled: Any = None


@dataclass(slots=True)
class _Rule:
    context: str
    lets: list[tuple[str, str]]
    tests: list[_Test]
    select_lxml: etree.XPath | None = None
    select_xpath2: Any = None
    # Per branch of the context, the element names its steps need (see _context_names); None when unknown.
    # elementpath walks the whole tree for each context, so a tree without these names skips the walk.
    names: tuple[tuple[frozenset[str], ...], ...] | None = None


@dataclass(slots=True)
class _Pattern:
    id: str
    lets: list[tuple[str, str]]
    rules: list[_Rule] = field(default_factory=list)


def _message(test: etree._Element) -> _Message:
    parts: list[str | tuple[str, str]] = [test.text or ""]
    for child in test:
        if child.tag == _sch("value-of"):
            parts.append(("value-of", child.get("select", ".")))
        elif child.tag == _sch("name"):
            parts.append(("name", child.get("path", ".")))
        elif isinstance(child.tag, str):
            parts.append(child.xpath("string(.)"))
        parts.append(child.tail or "")
    return _Message(tuple(parts))


def _lets(parent: etree._Element) -> list[tuple[str, str]]:
    return [(let.get("name", ""), let.get("value") or "()") for let in parent.iterchildren(_sch("let"))]


def _rule_body(rule: etree._Element, abstract: dict[str, etree._Element]) -> Iterator[etree._Element]:
    """The rule's lets, asserts and reports, with those of the abstract rules it extends, in order."""
    for child in rule:
        if child.tag == _sch("extends") and child.get("rule") in abstract:
            yield from _rule_body(abstract[child.get("rule", "")], abstract)
        elif child.tag in (_sch("let"), _sch("assert"), _sch("report")):
            yield child


def read_patterns(schema: etree._Element) -> tuple[dict[str, str], list[tuple[str, str]], list[_Pattern]]:
    """Namespaces, schema-level lets and patterns of a Schematron schema (or of any element holding them)."""
    namespaces: dict[str, str] = {}
    for ns in schema.iter(_sch("ns")):
        namespaces.setdefault(ns.get("prefix", ""), ns.get("uri", ""))
    abstract = {rule.get("id", ""): rule for rule in schema.iter(_sch("rule")) if rule.get("abstract") == "true"}
    patterns: list[_Pattern] = []
    for pattern in schema.iter(_sch("pattern")):
        if pattern.get("abstract") == "true" or pattern.get("is-a"):
            continue  # abstract patterns are not used by any schema we know; instances of them are skipped
        pattern_id = pattern.get("id") or f"pattern-{len(patterns) + 1}"
        read = _Pattern(pattern_id, _lets(pattern))
        for rule in pattern.iterchildren(_sch("rule")):
            if rule.get("abstract") == "true" or not rule.get("context"):
                continue
            lets: list[tuple[str, str]] = []
            tests: list[_Test] = []
            for item in _rule_body(rule, abstract):
                if item.tag == _sch("let"):
                    lets.append((item.get("name", ""), item.get("value") or "()"))
                else:
                    tests.append(_Test(report=item.tag == _sch("report"), test=item.get("test", "true()"),
                                       message=_message(item), rule_id=item.get("id") or pattern_id,
                                       role=item.get("role") or item.get("flag")))
            read.rules.append(_Rule(rule.get("context", ""), lets, tests))
        patterns.append(read)
    schema_lets = [let for let in _lets(schema)] if schema.tag == _sch("schema") else []
    return namespaces, schema_lets, patterns


def _severity(role: str | None) -> Severity:
    role = (role or "").strip().lower()
    if role in {"warning", "warn", "nonfatal"}:  # TEI writes role="nonfatal" for advice
        return Severity.WARNING
    if role in {"info", "information", "informational", "note"}:
        return Severity.INFO
    return Severity.ERROR


class XPath2Schematron:
    """A Schematron schema with XPath 2.0 rules, compiled once, checked against many trees."""

    def __init__(self, name: str, schema: etree._Element, *, lazy: bool = False) -> None:
        """``lazy``: compile each test when its rule first fires (the schema's XPath is known to parse)."""
        import elementpath  # ~60 ms to import: paid only by a schema that needs it
        from elementpath.xpath30 import XPath30Parser

        self.name = name
        self._elementpath = elementpath
        self.namespaces, self._schema_lets, self.patterns = read_patterns(schema)
        self.namespaces.setdefault("xs", "http://www.w3.org/2001/XMLSchema")
        self._parser_class = XPath30Parser
        self._compiled: dict[str, Any] = {}
        lxml_namespaces = {prefix: uri for prefix, uri in self.namespaces.items() if prefix}
        for pattern in self.patterns:
            for rule in pattern.rules:
                try:
                    rule.select_lxml = etree.XPath(_union_from_anywhere(rule.context), namespaces=lxml_namespaces)
                except etree.XPathSyntaxError:
                    rule.select_lxml = None
                    rule.select_xpath2 = self._compile(_xpath2_from_anywhere(rule.context), pattern.id)
                    rule.names = _context_names(rule.context, self.namespaces)
                if not lazy:
                    for test in rule.tests:
                        test.compiled = self._compile(_test_expression(test), pattern.id)

    def _compile(self, expression: str, where: str) -> Any:
        compiled = self._compiled.get(expression)
        if compiled is None:
            parser = self._parser_class(namespaces=self.namespaces, strict=False)
            try:
                compiled = parser.parse(expression)
            except Exception as error:  # elementpath raises several classes; all mean "cannot use this rule"
                raise SchematronXPath2Error(f"pattern {where}: cannot parse the XPath {expression!r}: {error}") \
                    from None
            self._compiled[expression] = compiled
        return compiled

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        from elementpath import XPathContext, get_node_tree

        document = get_node_tree(tree, namespaces=self.namespaces)
        present = frozenset(element.tag for element in tree.iter() if isinstance(element.tag, str))
        found: list[Diagnostic] = []
        for pattern in self.patterns:
            taken: set[int] = set()
            for rule in pattern.rules:
                for node in self._context_nodes(rule, tree, document, XPathContext, present):
                    if id(node) in taken:
                        continue
                    taken.add(id(node))
                    found.extend(self._fire(rule, node, document, file, XPathContext))
        return found

    def _context_nodes(self, rule: _Rule, tree: etree._ElementTree, document: Any, context_class: Any,
                       present: frozenset[str]) -> list[Any]:
        if rule.select_lxml is not None:
            nodes = []
            for hit in rule.select_lxml(tree):
                node = self._node_of(hit, document)
                if node is not None:
                    nodes.append(node)
            return nodes
        if rule.names is not None and not any(all(step & present for step in branch) for branch in rule.names):
            return []
        result = rule.select_xpath2.get_results(context_class(document))
        return [item for item in result if hasattr(item, "node_kind")]

    @staticmethod
    def _node_of(hit: Any, document: Any) -> Any:
        if isinstance(hit, etree._Element):
            return document.get_element_node(hit)
        owner = getattr(hit, "getparent", lambda: None)()
        if owner is None or not getattr(hit, "is_attribute", False):
            return None
        element = document.get_element_node(owner)
        if element is None:
            return None
        name = getattr(hit, "attrname", None)
        for attribute in element.attributes:
            if attribute.name == name:
                return attribute
        return None

    def _fire(self, rule: _Rule, node: Any, document: Any, file: str, context_class: Any) -> list[Diagnostic]:
        variables: dict[str, Any] = {_CURRENT: node}
        for name, value in (*self._schema_lets, *rule.lets):
            expression = self._compile(_with_current(value), rule.context)
            variables[name] = expression.evaluate(context_class(document, item=node, variables=dict(variables)))
        found = []
        for test in rule.tests:
            if test.compiled is None:
                test.compiled = self._compile(_test_expression(test), rule.context)
            context = context_class(document, item=node, variables=dict(variables))
            try:
                outcome = bool(test.compiled.evaluate(context))
            except Exception as error:  # a dynamic error in the schema's XPath: report it, do not crash
                found.append(self._diagnostic(file, node, test, f"the rule's test could not be evaluated here "
                                                                 f"({error.__class__.__name__}: {error}): {test.test}"))
                continue
            if outcome == test.report:
                found.append(self._diagnostic(file, node, test, self._text(test.message, node, document,
                                                                           variables, context_class)))
        return found

    def _text(self, message: _Message, node: Any, document: Any, variables: dict[str, Any],
              context_class: Any) -> str:
        out: list[str] = []
        for part in message.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            kind, expression = part
            wrapped = (f"string-join(for $tei-encoder-item in ({_with_current(expression)}) "
                       "return string($tei-encoder-item), ' ')") if kind == "value-of" \
                else f"name(({_with_current(expression)})[1])"
            try:
                out.append(str(self._compile(wrapped, "message").evaluate(
                    context_class(document, item=node, variables=dict(variables)))))
            except Exception:  # a message part that cannot be evaluated must not hide the failure itself
                out.append(f"{{{expression}}}")
        return " ".join("".join(out).split())

    def _diagnostic(self, file: str, node: Any, test: _Test, message: str) -> Diagnostic:
        element = _element_of(node)
        return Diagnostic(
            file=file,
            message=message or f"Schematron test failed: {test.test}",
            rule=test.rule_id,
            severity=_severity(test.role),
            line=element.sourceline if element is not None else None,
            xpath=xpath_of(element) if element is not None else None,
            source=self.name,
        )


def _test_expression(test: _Test) -> str:
    return f"boolean(({_with_current(test.test)}))"


def _element_of(node: Any) -> etree._Element | None:
    """The lxml element of an elementpath node: itself, an attribute's or a text's owner, or the root."""
    while node is not None:
        kind = getattr(node, "node_kind", "")
        value = getattr(node, "value", None)
        if kind == "element" and isinstance(value, etree._Element):
            return value
        if kind == "document":
            return value.getroot() if isinstance(value, etree._ElementTree) else None
        node = getattr(node, "parent", None)
    return None


def _union_from_anywhere(context: str) -> str:
    """``a | b/c`` as a pattern matches ``a`` or ``b/c`` anywhere: ``//a | //b/c`` (when the bars are top level)."""
    branches = _top_level_split(context)
    return " | ".join(branch if branch.startswith("/") else "//" + branch for branch in branches)


def _xpath2_from_anywhere(context: str) -> str:
    """As _union_from_anywhere for XPath 2.0: an absolute branch is evaluated once, not from every node."""
    branches = _top_level_split(context)
    return " | ".join(f"({branch})" if branch.startswith("/") else f"//({branch})" for branch in branches)


def _context_names(context: str, namespaces: dict[str, str]) -> tuple[tuple[frozenset[str], ...], ...] | None:
    """For each branch of a context, the name tests its steps need: one frozenset per step, of which some
    element must exist in the tree for the branch to match anything (``(a | b)/c[…]`` needs a or b, and c).
    None when a branch has no such step that can be read (then the context is always evaluated)."""
    branches = []
    for branch in _top_level_split(_without_brackets(context)):
        steps = []
        for step in _top_level_steps(branch):
            names = _step_names(step, namespaces)
            if names is not None:
                steps.append(names)
        if not steps:
            return None
        branches.append(tuple(steps))
    return tuple(branches)


_NAME_TEST = re.compile(r"^(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$")


def _top_level_steps(branch: str) -> list[str]:
    steps: list[str] = []
    depth = 0
    start = 0
    for index, character in enumerate(branch):
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "/" and depth == 0:
            steps.append(branch[start:index])
            start = index + 1
    steps.append(branch[start:])
    return [step.strip() for step in steps if step.strip()]


def _step_names(step: str, namespaces: dict[str, str]) -> frozenset[str] | None:
    """The element names a step tests for (a name, or a parenthesised union of names); None if not that."""
    step = step.removeprefix("child::").removeprefix("descendant::").strip()
    if step.startswith("(") and step.endswith(")"):
        names: set[str] = set()
        for inner in _top_level_split(step[1:-1]):
            if "/" in inner:
                return None
            found = _step_names(inner, namespaces)
            if found is None:
                return None
            names |= found
        return frozenset(names)
    if not _NAME_TEST.match(step):
        return None
    prefix, _, local = step.rpartition(":")
    if prefix and prefix not in namespaces:
        return None
    return frozenset({f"{{{namespaces[prefix]}}}{local}" if prefix else local})


def _without_brackets(text: str) -> str:
    """The text with every [...] predicate removed (quotes respected)."""
    out: list[str] = []
    depth = 0
    quote = ""
    for character in text:
        if quote:
            if character == quote:
                quote = ""
        elif depth and character in "'\"":
            quote = character
        elif character == "[":
            depth += 1
        elif character == "]":
            depth = max(0, depth - 1)
        elif not depth:
            out.append(character)
    return "".join(out)


def _top_level_split(text: str) -> list[str]:
    branches: list[str] = []
    depth = 0
    quote = ""
    start = 0
    for index, character in enumerate(text):
        if quote:
            if character == quote:
                quote = ""
        elif character in "'\"":
            quote = character
        elif character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif character == "|" and depth == 0:
            branches.append(text[start:index].strip())
            start = index + 1
    branches.append(text[start:].strip())
    return branches


def embedded_schematron(rng: etree._Element) -> etree._Element | None:
    """A ``sch:schema`` made of the Schematron patterns and namespaces embedded in a RELAX NG grammar, if any."""
    patterns = list(rng.iter(_sch("pattern")))
    if not patterns:
        return None
    schema = etree.Element(_sch("schema"), queryBinding="xslt2", nsmap={"sch": NS_SCH})
    seen: set[str] = set()
    for ns in rng.iter(_sch("ns")):
        prefix = ns.get("prefix", "")
        if prefix not in seen:
            seen.add(prefix)
            etree.SubElement(schema, _sch("ns"), prefix=prefix, uri=ns.get("uri", ""))
    for pattern in patterns:
        schema.append(_copy(pattern))
    return schema


def _copy(element: etree._Element) -> etree._Element:
    copied = etree.fromstring(etree.tostring(element))
    return copied
