"""A twin of an XML Schema that accepts exactly the same documents, faster, to decide validity first.

libxml2 runs an ``xs:pattern`` through its regular-expression automaton at about 40 ns a
character. tei-encoder.xsd types every header paragraph, publisher, responsibility and
bibliography entry as ``nonEmptyText``: ``xs:string`` with the pattern ``[\\s\\S]*\\S[\\s\\S]*``
(some character that is not an XML space). On the benchmark's records that one pattern was a
third of the XSD's time. ``xs:token`` with ``minLength 1`` accepts the same strings: collapsing
removes exactly the four XML spaces that ``\\s`` names, so a value keeps a character after the
collapse if and only if it has one that is not ``\\s``; and it costs a copy of the value.

So the validator asks the twin first; a document the twin accepts is valid under the schema
itself, which is asked only for a document the twin rejects, and words every diagnostic (its
messages name the schema's own pattern). The rewrite is made only where it cannot change a verdict:
a named top-level simple type whose whole restriction is that one pattern on ``xs:string``, used
only as the type of a declaration or the base of an extension, in a schema without ``fixed`` or
``default`` values (compared after whitespace processing) and without identity constraints or
included schemas (which could restrict the type out of sight). tests/test_validate_xsd_twin.py
holds the twin to the schema on random strings and on every test document.
"""

from __future__ import annotations

import copy

from lxml import etree

NS_XSD = "http://www.w3.org/2001/XMLSchema"
_XS = f"{{{NS_XSD}}}"
NON_EMPTY_PATTERN = r"[\s\S]*\S[\s\S]*"
# Anything that compares or restricts values past a type's declaration, or brings in declarations unseen here.
_UNSAFE_ELEMENTS = tuple(_XS + name for name in ("key", "keyref", "unique", "include", "redefine", "override"))
_REFERENCES = ("type", "base", "itemType", "memberTypes", "ref", "substitutionGroup")


def _local(reference: str) -> str:
    return reference.rpartition(":")[2]


def _is_xsd_type(element: etree._Element, reference: str | None, name: str) -> bool:
    """``reference`` (a QName in ``element``'s scope) names the XML Schema built-in type ``name``."""
    if reference is None:
        return False
    prefix, _, local = reference.rpartition(":")
    return local == name and element.nsmap.get(prefix or None) == NS_XSD


def _non_empty_types(root: etree._Element) -> dict[str, etree._Element]:
    """The named top-level simple types that are xs:string restricted by the non-empty pattern alone."""
    found = {}
    for simple in root.iterchildren(_XS + "simpleType"):
        name = simple.get("name")
        parts = [child for child in simple if isinstance(child.tag, str) and child.tag != _XS + "annotation"]
        if name is None or len(parts) != 1 or parts[0].tag != _XS + "restriction":
            continue
        restriction = parts[0]
        facets = [child for child in restriction if isinstance(child.tag, str)]
        if (_is_xsd_type(restriction, restriction.get("base"), "string") and len(facets) == 1
                and facets[0].tag == _XS + "pattern" and facets[0].get("value") == NON_EMPTY_PATTERN):
            found[name] = restriction
    return found


def _safely_used(root: etree._Element, names: set[str]) -> set[str]:
    """Those of ``names`` that no reference uses other than as a declaration's type or an extension's base."""
    unsafe: set[str] = set()
    for element in root.iter(etree.Element):
        for attribute in _REFERENCES:
            value = element.get(attribute)
            if value is None:
                continue
            used = {_local(token) for token in value.split()} & names
            if not used:
                continue
            as_type = attribute == "type" and element.tag in (_XS + "element", _XS + "attribute")
            as_extension = attribute == "base" and element.tag == _XS + "extension"
            if not (as_type or as_extension):
                unsafe |= used
    return names - unsafe


def twin(document: etree._ElementTree) -> etree._ElementTree | None:
    """A copy of the schema document with each non-empty pattern type rewritten as a non-empty token, or
    None when there is nothing to rewrite or it cannot be done without risk of another verdict."""
    root = document.getroot()
    if root.tag != _XS + "schema":
        return None
    if any(True for _ in root.iter(*_UNSAFE_ELEMENTS)):
        return None
    if any(element.get("fixed") is not None or element.get("default") is not None
           for element in root.iter(_XS + "element", _XS + "attribute")):
        return None
    candidates = _non_empty_types(root)
    names = _safely_used(root, set(candidates))
    if not names:
        return None
    copied = copy.deepcopy(document)
    for name, restriction in _non_empty_types(copied.getroot()).items():
        if name not in names:
            continue
        prefix = restriction.get("base", "").rpartition(":")[0]
        restriction.set("base", f"{prefix}:token" if prefix else "token")
        pattern = next(child for child in restriction if child.tag == _XS + "pattern")
        restriction.replace(pattern, restriction.makeelement(_XS + "minLength", value="1"))
    return copied
