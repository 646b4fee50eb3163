"""RELAX NG errors that say what was found and what was expected, as jing's do.

libxml2 decides validity (its verdicts agree with jing's) but explains little:
"Did not expect element date there", "Invalid attribute lang for element
p". This module reads the grammar once and, for the error's element, works
out what was expected there:

* the child elements allowed at that point: the element's content model is
  turned into a small pattern algebra and differentiated by the names of the
  children before the offending one (James Clark's derivative algorithm,
  on element names only: attributes and text are left to libxml2);
* the attributes the element may carry, with their real names (``xml:lang``);
* for a bad attribute value, the attribute, its value and its datatype.

Nothing here changes a verdict: it only rewrites messages.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml import etree

NS_RNG = "http://relaxng.org/ns/structure/1.0"
NS_XML = "http://www.w3.org/XML/1998/namespace"
_MAX_LISTED = 40


def _rng(name: str) -> str:
    return f"{{{NS_RNG}}}{name}"


# ---- the pattern algebra (element names only) ----

@dataclass(frozen=True)
class _P:
    kind: str  # empty, none, elem, choice, group, interleave, more
    a: _P | None = None
    b: _P | None = None
    names: tuple[str, ...] = ()  # elem: Clark names, or "*" (any name) / "{ns}*"


EMPTY = _P("empty")
NONE = _P("none")


def _choice(a: _P, b: _P) -> _P:
    if a.kind == "none":
        return b
    if b.kind == "none" or a == b:
        return a
    return _P("choice", a, b)


def _sequence(kind: str, a: _P, b: _P) -> _P:
    """A group or interleave of a and b: nothing matches if either never does; empty drops out."""
    if a.kind == "none" or b.kind == "none":
        return NONE
    if a.kind == "empty":
        return b
    if b.kind == "empty":
        return a
    return _P(kind, a, b)


def _group(a: _P, b: _P) -> _P:
    return _sequence("group", a, b)


def _interleave(a: _P, b: _P) -> _P:
    return _sequence("interleave", a, b)


@functools.lru_cache(maxsize=100_000)
def _nullable(p: _P) -> bool:
    if p.kind in ("empty",):
        return True
    if p.kind in ("none", "elem"):
        return False
    if p.kind == "choice":
        return _nullable(p.a) or _nullable(p.b)  # type: ignore[arg-type]
    if p.kind in ("group", "interleave"):
        return _nullable(p.a) and _nullable(p.b)  # type: ignore[arg-type]
    return _nullable(p.a)  # type: ignore[arg-type]  # more


def _matches(names: tuple[str, ...], tag: str) -> bool:
    namespace = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
    return any(name == tag or name == "*" or name == f"{{{namespace}}}*" for name in names)


@functools.lru_cache(maxsize=100_000)
def _derive(p: _P, tag: str) -> _P:
    if p.kind == "elem":
        return EMPTY if _matches(p.names, tag) else NONE
    if p.kind in ("empty", "none"):
        return NONE
    a, b = p.a, p.b
    assert a is not None
    if p.kind == "choice":
        assert b is not None
        return _choice(_derive(a, tag), _derive(b, tag))
    if p.kind == "group":
        assert b is not None
        after = _group(_derive(a, tag), b)
        return _choice(after, _derive(b, tag)) if _nullable(a) else after
    if p.kind == "interleave":
        assert b is not None
        return _choice(_interleave(_derive(a, tag), b), _interleave(a, _derive(b, tag)))
    return _group(_derive(a, tag), _choice(p, EMPTY))  # more


def _firsts(p: _P, out: set[str]) -> None:
    if p.kind == "elem":
        out.update(p.names)
    elif p.kind in ("choice", "interleave"):
        _firsts(p.a, out)  # type: ignore[arg-type]
        _firsts(p.b, out)  # type: ignore[arg-type]
    elif p.kind == "group":
        _firsts(p.a, out)  # type: ignore[arg-type]
        if _nullable(p.a):  # type: ignore[arg-type]
            _firsts(p.b, out)  # type: ignore[arg-type]
    elif p.kind == "more":
        _firsts(p.a, out)  # type: ignore[arg-type]


# ---- reading the grammar ----

class Grammar:
    """The parts of a RELAX NG grammar (XML syntax, one file) that messages need."""

    def __init__(self, document: etree._ElementTree) -> None:
        root = document.getroot()
        self._defines: dict[str, list[etree._Element]] = {}
        for define in root.iter(_rng("define")):
            self._defines.setdefault(define.get("name", ""), []).append(define)
        self._elements: dict[str, list[etree._Element]] = {}
        for element in root.iter(_rng("element")):
            for name in self._name_class(element, element.get("ns", self._ns(element))):
                self._elements.setdefault(name, []).append(element)
        self._content: dict[str, _P] = {}

    @staticmethod
    def _ns(node: etree._Element) -> str:
        while node is not None:
            if node.get("ns") is not None:
                return node.get("ns", "")
            node = node.getparent()
        return ""

    def _name_class(self, node: etree._Element, ns: str) -> tuple[str, ...]:
        name = node.get("name")
        if name is not None:
            return (self._clark(name, node, ns),)
        for child in node:
            if child.tag == _rng("name"):
                return (self._clark((child.text or "").strip(), child, child.get("ns", ns)),)
            if child.tag == _rng("anyName"):
                return ("*",)
            if child.tag == _rng("nsName"):
                return (f"{{{child.get('ns', ns)}}}*",)
            if child.tag == _rng("choice"):
                return tuple(n for sub in child for n in self._name_class_of(sub, ns))
        return ()

    def _name_class_of(self, node: etree._Element, ns: str) -> tuple[str, ...]:
        if node.tag == _rng("name"):
            return (self._clark((node.text or "").strip(), node, node.get("ns", ns)),)
        if node.tag == _rng("anyName"):
            return ("*",)
        if node.tag == _rng("nsName"):
            return (f"{{{node.get('ns', ns)}}}*",)
        if node.tag == _rng("choice"):
            return tuple(n for sub in node for n in self._name_class_of(sub, ns))
        return ()

    @staticmethod
    def _clark(name: str, node: etree._Element, ns: str) -> str:
        if ":" in name:
            prefix, local = name.split(":", 1)
            uri = NS_XML if prefix == "xml" else (node.nsmap.get(prefix) or "")
            return f"{{{uri}}}{local}"
        return f"{{{ns}}}{name}" if ns else name

    def content(self, tag: str) -> _P | None:
        """The content model (element names only) of an element with this name; None if the grammar has none."""
        if tag in self._content:
            return self._content[tag]
        patterns = self._elements.get(tag)
        if not patterns:
            return None
        result = NONE
        for element in patterns:
            body = [child for child in element if child.tag not in (_rng("name"), _rng("anyName"), _rng("nsName"))
                    and not (child.tag == _rng("choice") and element.get("name") is None and child is element[0])]
            result = _choice(result, self._sequence(body, set()))
        self._content[tag] = result
        return result

    def _sequence(self, nodes: list[etree._Element], seen: set[str]) -> _P:
        result = EMPTY
        for node in nodes:
            result = _group(result, self._pattern(node, seen))
        return result

    def _pattern(self, node: etree._Element, seen: set[str]) -> _P:  # noqa: C901 - one branch per RNG element
        tag = node.tag
        if not isinstance(tag, str) or not tag.startswith(f"{{{NS_RNG}}}"):
            return EMPTY  # annotations, embedded Schematron
        kind = tag.split("}", 1)[1]
        children = [child for child in node if isinstance(child.tag, str) and child.tag.startswith(f"{{{NS_RNG}}}")]
        if kind == "element":
            return _P("elem", names=self._name_class(node, node.get("ns", self._ns(node))))
        if kind in ("empty", "text", "attribute", "data", "value", "list"):
            return EMPTY
        if kind == "notAllowed":
            return NONE
        if kind == "ref":
            name = node.get("name", "")
            if name in seen:  # recursion without an element in between: not valid RELAX NG; stop here
                return NONE
            result = NONE
            for define in self._defines.get(name, []):
                result = _choice(result, self._sequence(
                    [c for c in define if isinstance(c.tag, str)], seen | {name}))
            return result
        if kind == "choice":
            result = NONE
            for child in children:
                result = _choice(result, self._pattern(child, seen))
            return result
        if kind in ("interleave", "mixed"):
            result = EMPTY
            for child in children:
                result = _interleave(result, self._pattern(child, seen))
            return result
        body = self._sequence(children, seen)
        if kind == "optional":
            return _choice(body, EMPTY)
        if kind == "zeroOrMore":
            return _choice(_P("more", body), EMPTY)
        if kind == "oneOrMore":
            return _P("more", body)
        return body  # group, and anything else read as a sequence

    def attributes(self, tag: str) -> dict[str, etree._Element]:
        """The attributes an element with this name may carry (Clark name -> RELAX NG attribute pattern)."""
        found: dict[str, etree._Element] = {}
        for element in self._elements.get(tag, []):
            self._collect_attributes(element, found, set(), top=True)
        return found

    def _collect_attributes(self, node: etree._Element, found: dict[str, etree._Element], seen: set[str],
                            top: bool = False) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == _rng("element") and not top:
                continue
            if child.tag == _rng("element"):
                continue
            if child.tag == _rng("attribute"):
                for name in self._name_class(child, child.get("ns", "")):
                    found.setdefault(name, child)
            elif child.tag == _rng("ref"):
                name = child.get("name", "")
                if name not in seen:
                    seen.add(name)
                    for define in self._defines.get(name, []):
                        self._collect_attributes(define, found, seen)
            else:
                self._collect_attributes(child, found, seen)


# ---- messages ----

def _display(name: str, tree_root: etree._Element) -> str:
    """A Clark name as the user writes it: xml:lang, tei names bare, other namespaces with their prefix."""
    if name == "*":
        return "any element"
    if not name.startswith("{"):
        return name
    uri, local = name[1:].split("}", 1)
    if uri == NS_XML:
        return f"xml:{local}"
    if local == "*":
        return f"any element in {uri}"
    if uri == (etree.QName(tree_root).namespace or ""):
        return local
    prefix = next((p for p, u in tree_root.nsmap.items() if u == uri and p), None)
    return f"{prefix}:{local}" if prefix else f"{{{uri}}}{local}"


def _listed(names: set[str], root: etree._Element) -> str:
    shown = sorted(_display(name, root) for name in names)
    more = len(shown) - _MAX_LISTED
    text = ", ".join(f'"{name}"' for name in shown[:_MAX_LISTED])
    return text + (f" and {more} more" if more > 0 else "")


def _expected_children(grammar: Grammar, parent: etree._Element, before: etree._Element | None) -> tuple[set[str], bool] | None:
    """Element names allowed next in ``parent`` after the children before ``before`` (all children if None)."""
    state = grammar.content(parent.tag)
    if state is None:
        return None
    for child in parent:
        if child is before:
            break
        if isinstance(child.tag, str):
            state = _derive(state, child.tag)
            if state.kind == "none":
                return None  # an earlier child already went wrong: libxml2 reports that one
    names: set[str] = set()
    _firsts(state, names)
    return names, _nullable(state)


def explain(grammar: Grammar, type_name: str, element: etree._Element | None, message: str) -> str | None:
    """A better message for a libxml2 RELAX NG error, or None to keep libxml2's."""
    if element is None or not isinstance(element.tag, str):
        return None
    root = element.getroottree().getroot()
    name = _display(element.tag, root)
    if type_name in ("RELAXNG_ERR_ELEMWRONG", "RELAXNG_ERR_ELEMNAME", "RELAXNG_ERR_EXTRACONTENT",
                     "RELAXNG_ERR_ELEMEXTRANS") and element.getparent() is not None:
        parent = element.getparent()
        expected = _expected_children(grammar, parent, element)
        if expected is None:
            return None
        names, may_end = expected
        allowed_somewhere = grammar.content(parent.tag)
        where = f"in {_display(parent.tag, root)}"
        if not names and may_end:
            return f'element "{name}" not allowed {where}: no more elements expected there'
        anywhere = element.tag in grammar._elements
        verdict = "not allowed here" if anywhere else "not allowed anywhere"
        if allowed_somewhere is not None and _element_in(allowed_somewhere, element.tag):
            verdict = "not allowed at this point"
        end = " or the end of the element" if may_end else ""
        return f'element "{name}" {verdict} {where}; expected {_listed(names, root)}{end}'
    if type_name in ("RELAXNG_ERR_NOELEM", "RELAXNG_ERR_NOTELEM"):
        expected = _expected_children(grammar, element, None)
        if expected is None or not expected[0]:
            return None
        return f'element "{name}" is incomplete; expected {_listed(expected[0], root)}'
    if type_name in ("RELAXNG_ERR_INVALIDATTR", "RELAXNG_ERR_ATTRVALID", "RELAXNG_ERR_ATTREXTRANS"):
        return _explain_attributes(grammar, element, name, message, root)
    return None


def _element_in(pattern: _P, tag: str) -> bool:
    names: set[str] = set()
    stack = [pattern]
    while stack:
        p = stack.pop()
        if p.kind == "elem":
            names.update(p.names)
        elif p.a is not None:
            stack.append(p.a)
            if p.b is not None:
                stack.append(p.b)
    return _matches(tuple(names), tag)


_INVALID_ATTR = re.compile(r"Invalid attribute (\S+) for element")


def _explain_attributes(grammar: Grammar, element: etree._Element, name: str, message: str,
                        root: etree._Element) -> str | None:
    allowed = grammar.attributes(element.tag)
    if not allowed:
        return None
    unknown = [attribute for attribute in element.attrib if attribute not in allowed and not
               any(_matches((a,), attribute) for a in allowed if a.endswith("*"))]
    match = _INVALID_ATTR.search(message)
    if match and unknown:
        local = match.group(1)
        wrong = next((a for a in unknown if etree.QName(a).localname == local), unknown[0])
        return (f'attribute "{_display(wrong, root)}" not allowed on {name}; expected attribute '
                f"{_listed(set(allowed), root)}")
    for attribute, value in element.attrib.items():
        pattern = allowed.get(attribute)
        if pattern is None:
            continue
        expected = _value_problem(pattern, value)
        if expected:
            return f'value of attribute "{_display(attribute, root)}" on {name} is invalid: "{value}"; {expected}'
    return None


def _value_problem(attribute: etree._Element, value: str) -> str | None:
    """What the value should be, when a simple check of the attribute's pattern shows it is not; else None."""
    values = [v.text or "" for v in attribute.iter(_rng("value"))]
    datas = list(attribute.iter(_rng("data")))
    if values and not datas:
        if value.strip() not in {v.strip() for v in values}:
            return "expected one of " + ", ".join(f'"{v}"' for v in values[:_MAX_LISTED])
        return None
    is_list = next(attribute.iter(_rng("list")), None) is not None
    tokens = value.split() if is_list else [value]
    for data in datas:
        patterns = [p.text or "" for p in data.iter(_rng("param")) if p.get("name") == "pattern"]
        kind = data.get("type", "string")
        for token in tokens:
            if value.strip() in {v.strip() for v in values}:
                return None
            for pattern in patterns:
                try:
                    if not re.fullmatch(pattern, token):
                        article = "a list of " if is_list else ("an " if kind[:1] in "aeiou" else "a ")
                        shown = f'{article}{kind} matching the regular expression "{pattern}"'
                        return f"must be {shown}"
                except re.error:
                    continue
            if not _xsd_valid(kind, token):
                return f'must be {"a list of " if is_list else "an "}xsd:{kind}'
    return None


def _xsd_valid(kind: str, token: str) -> bool:
    try:
        import xmlschema

        types = xmlschema.XMLSchema10.meta_schema.types  # type: ignore[attr-defined, union-attr]
        checker = types.get(kind)
        return checker is None or bool(checker.is_valid(token))
    except Exception:  # an unknown type or library detail: say nothing rather than something wrong
        return True
