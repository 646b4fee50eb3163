"""A RELAX NG grammar cut down to the element names one document uses, so that libxml2 compiles it in milliseconds.

libxml2 spends nearly all of the 10–50 s it takes to compile tei_all building
and checking automata for content models that offer hundreds of elements
(``model.phrase`` …). A document uses a few dozen of tei_all's 588 elements.
An element pattern whose name does not occur in the document can match
nothing in it, so it can be left out wherever leaving it out keeps the rest
of the grammar meaning the same thing for this document:

* an alternative of a ``choice`` (when every alternative goes, the first stays:
  the choice still matches nothing here, and still fails where it did);
* a whole ``optional`` or ``zeroOrMore`` whose content needs such an element
  (it can only match nothing in this document);

everywhere else (a required child) the pattern stays, so a missing required
element is still reported where it is missing, as by the full grammar. A
pattern "needs" an absent element when it cannot match without one: an
element of another name, a ``ref`` to such a define, a ``choice`` all of whose
alternatives need one, a ``group``/``interleave``/``oneOrMore``/``mixed``/
``list`` one of whose parts needs one. Element content is never looked into
for this, so an error stays at the element where the full grammar puts it.

The result is exact for the document it was cut for, and for every document
whose element names are a subset of those (a derivation only uses element
patterns for names that occur), which is how a worker reuses one cut grammar
for a batch (GrammarModel users keep the union of the names seen).

Only one-file grammars without ``include``, ``externalRef``, ``parentRef``,
nested ``grammar``, ``div`` or ``combine`` are cut (tei_all and every
schema the TEI's ODD tools build are such); ``model_of`` returns None for the
others, which are compiled whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

NS_RNG = "http://relaxng.org/ns/structure/1.0"


def quoteattr(value: str) -> str:
    """xml.sax.saxutils.quoteattr(value), without importing it: xml.sax.saxutils imports urllib.request
    (with http.client, email and ssl), about 40 ms of every validate process's start."""
    value = value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    value = value.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'
_R = f"{{{NS_RNG}}}"
_UNSUPPORTED = frozenset({"include", "externalRef", "parentRef", "grammar", "div"})
_CHOICE, _OPTIONAL, _SEQUENCE, _ELEMENT, _REF, _RAW = range(6)
_OPTIONAL_KINDS = {"optional": _OPTIONAL, "zeroOrMore": _OPTIONAL}
_SEQUENCE_KINDS = frozenset({"group", "interleave", "oneOrMore", "mixed", "list"})
_KEPT_ATTRIBUTES = ("name", "ns", "datatypeLibrary")
_EMPTY = b"<empty/>"

# A node: (kind, open tag, close tag, element name or None, children) for containers,
# (kind, bytes) for a kept-as-is part, (_REF, name) for a reference. Plain tuples: they pickle small.
Node = tuple


@dataclass(frozen=True, slots=True)
class GrammarModel:
    """A grammar read once (and cached on disk): its start, its defines, and the root's opening tag."""

    open_tag: bytes
    start: Node
    defines: dict[str, Node]
    element_count: int

    def as_tuple(self) -> tuple[bytes, Node, dict[str, Node], int]:
        """Plain values, for schema_cache (marshal)."""
        return (self.open_tag, self.start, self.defines, self.element_count)

    @classmethod
    def from_tuple(cls, stored: object) -> GrammarModel | None:
        if not (isinstance(stored, tuple) and len(stored) == 4 and isinstance(stored[0], bytes)
                and isinstance(stored[1], tuple) and isinstance(stored[2], dict) and isinstance(stored[3], int)):
            return None
        return cls(*stored)

    def subset(self, names: frozenset[tuple[str, str]]) -> bytes:
        """The grammar for documents whose elements are all among ``names`` ((namespace, local name) pairs)."""
        return _Cutter(self, names).grammar()


def model_of(grammar: etree._Element) -> GrammarModel | None:
    """Read a RELAX NG grammar (XML syntax) into a model, or None when it is not one this module can cut."""
    if grammar.tag != _R + "grammar":
        return None
    for node in grammar.iter():
        if not isinstance(node.tag, str) or not node.tag.startswith(_R):
            continue
        if node is not grammar and node.tag[len(_R):] in _UNSUPPORTED or node.get("combine") is not None:
            return None
    defines: dict[str, Node] = {}
    start: Node | None = None
    ns = grammar.get("ns", "")
    for child in grammar:
        if child.tag == _R + "define":
            name = child.get("name", "")
            if name in defines:
                return None
            defines[name] = _node(child, ns)
        elif child.tag == _R + "start":
            start = _node(child, ns)
    if start is None:
        return None
    if any(ref.get("name") not in defines for ref in grammar.iter(_R + "ref")):
        return None  # compiled whole, so that libxml2 names the missing define
    elements = sum(1 for _ in grammar.iter(_R + "element"))
    return GrammarModel(_open_tag(grammar, root=True), start, defines, elements)


def _node(element: etree._Element, ns: str) -> Node:
    ns = element.get("ns", ns)
    kind_name = element.tag[len(_R):]
    if kind_name == "ref":
        return (_REF, element.get("name", ""))
    if kind_name == "choice":
        kind = _CHOICE
    elif kind_name in _OPTIONAL_KINDS:
        kind = _OPTIONAL
    elif kind_name == "element":
        kind = _ELEMENT
    elif kind_name in _SEQUENCE_KINDS or kind_name in ("define", "start"):
        kind = _SEQUENCE
    else:
        return (_RAW, _raw(element))
    children = tuple(_node(child, ns) for child in element
                     if isinstance(child.tag, str) and child.tag.startswith(_R))
    name = _element_name(element, ns) if kind == _ELEMENT else None
    return (kind, _open_tag(element), f"</{kind_name}>".encode(), name, children)


def _element_name(element: etree._Element, ns: str) -> tuple[str, str] | None:
    """(namespace, local name) of an element pattern named by ``@name``; None for a name class (never cut)."""
    name = element.get("name")
    if name is None:
        return None
    if ":" in name:
        prefix, local = name.split(":", 1)
        return (element.nsmap.get(prefix) or "", local)
    return (ns, name)


def _open_tag(element: etree._Element, *, root: bool = False) -> bytes:
    parts = [element.tag[len(_R):]]
    if root:
        parts.append(f'xmlns="{NS_RNG}"')
        parts.extend(f"xmlns:{prefix}={quoteattr(uri)}" for prefix, uri in element.nsmap.items()
                     if prefix and uri != NS_RNG)
    parts.extend(f"{name}={quoteattr(element.get(name, ''))}" for name in _KEPT_ATTRIBUTES
                 if element.get(name) is not None)
    return ("<" + " ".join(parts) + ">").encode()


def _raw(element: etree._Element) -> bytes:
    """A part kept as it is (attribute, data, value, text, empty, a name class), without annotations."""
    copy = etree.Element(element.tag, nsmap=element.nsmap)
    for name in element.keys():
        if not name.startswith("{"):
            copy.set(name, element.get(name, ""))
    copy.text = element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag.startswith(_R):
            copy.append(etree.fromstring(_raw(child)))
    return etree.tostring(copy)


class _Cutter:
    def __init__(self, model: GrammarModel, names: frozenset[tuple[str, str]]) -> None:
        self._model = model
        self._names = names
        self._absent_memo: dict[int, bool] = {}
        self._define_memo: dict[str, bool] = {}

    def grammar(self) -> bytes:
        out = [self._model.open_tag]
        pending: list[str] = []
        self._emit(self._model.start, out, pending)
        seen = set(pending)
        while pending:
            name = pending.pop()
            define = self._model.defines.get(name)
            if define is None:  # a dangling ref: let libxml2 say so, as for the full grammar
                continue
            found: list[str] = []
            self._emit(define, out, found)
            for ref in found:
                if ref not in seen:
                    seen.add(ref)
                    pending.append(ref)
        out.append(b"</grammar>")
        return b"".join(out)

    def _needs_absent(self, node: Node) -> bool:
        """True when ``node`` cannot match in this document: it needs an element the document lacks."""
        kind = node[0]
        if kind == _RAW or kind == _OPTIONAL:
            return False
        if kind == _REF:
            return self._define_needs_absent(node[1])
        if kind == _ELEMENT:
            return node[3] is not None and node[3] not in self._names
        key = id(node)
        known = self._absent_memo.get(key)
        if known is None:
            children = node[4]
            if kind == _CHOICE:
                known = bool(children) and all(self._needs_absent(child) for child in children)
            else:
                known = any(self._needs_absent(child) for child in children)
            self._absent_memo[key] = known
        return known

    def _define_needs_absent(self, name: str) -> bool:
        known = self._define_memo.get(name)
        if known is None:
            define = self._model.defines.get(name)
            self._define_memo[name] = False  # a ref cycle passes through an element: never reached
            known = define is not None and self._needs_absent(define)
            self._define_memo[name] = known
        return known

    def _emit(self, node: Node, out: list[bytes], refs: list[str]) -> bool:
        """Write ``node`` cut for the document; False when it came to nothing (it stands for empty)."""
        kind = node[0]
        if kind == _RAW:
            out.append(node[1])
            return True
        if kind == _REF:
            out.append(b"<ref name=" + quoteattr(node[1]).encode() + b"/>")
            refs.append(node[1])
            return True
        if kind == _OPTIONAL and any(self._needs_absent(child) for child in node[4]):
            return False
        children = node[4]
        if kind == _CHOICE:
            kept = [child for child in children if not self._needs_absent(child)]
            # None can match: one alternative keeps the error where the full grammar puts it, at a fraction
            # of the cost of all of them (a class of hundreds of elements).
            children = kept or children[:1]
        mark = len(out)
        out.append(node[1])
        written = 0
        for child in children:
            if kind == _CHOICE:
                if not self._emit(child, out, refs):
                    out.append(_EMPTY)  # an alternative that came to nothing is an empty alternative
                written += 1
            else:
                written += self._emit(child, out, refs)
        wrote = written > 0
        if written == 1 and node[1] in (b"<group>", b"<interleave>"):  # no ns or datatypeLibrary to pass on
            # A group of one is its part. libxml2 took minutes (automaton determinism) to compile
            # some grammars holding a one-part group around a oneOrMore, and milliseconds without it.
            del out[mark]
            return True
        if not wrote and node[1].startswith(b"<mixed"):
            out[mark:] = [b"<text/>"]  # mixed(nothing) is text
            return True
        if not wrote and kind in (_OPTIONAL, _SEQUENCE) and not node[1].startswith((b"<define", b"<start")):
            del out[mark:]  # optional(nothing), group(nothing): nothing (libxml2 mishandles optional(empty))
            return False
        if not wrote:
            out.append(_EMPTY)
        out.append(node[2])
        return True
