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
included schemas (which could restrict the type out of sight).

The twin also repeats its choices as libxml2 compiles fastest (``_uncount``): a repeated xs:choice becomes a
repeated xs:sequence of that choice, which accepts the same children. tests/test_validate_xsd_twin.py holds
the twin to the schema on random strings, random children and every test document.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator

from lxml import etree

NS_XSD = "http://www.w3.org/2001/XMLSchema"
_XS = f"{{{NS_XSD}}}"
NS_XML = "http://www.w3.org/XML/1998/namespace"
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


def _one_pattern_types(root: etree._Element, base: str) -> Iterator[tuple[str, etree._Element, str]]:
    """(name, restriction, pattern) of each named top-level simple type that restricts xs:``base`` by one
    pattern and nothing else."""
    for simple in root.iterchildren(_XS + "simpleType"):
        name = simple.get("name")
        parts = [child for child in simple if isinstance(child.tag, str) and child.tag != _XS + "annotation"]
        if name is None or len(parts) != 1 or parts[0].tag != _XS + "restriction":
            continue
        restriction = parts[0]
        facets = [child for child in restriction if isinstance(child.tag, str)]
        if (_is_xsd_type(restriction, restriction.get("base"), base) and len(facets) == 1
                and facets[0].tag == _XS + "pattern"):
            yield name, restriction, facets[0].get("value", "")


def _non_empty_types(root: etree._Element) -> dict[str, etree._Element]:
    """The named top-level simple types that are xs:string restricted by the non-empty pattern alone."""
    return {name: restriction for name, restriction, pattern in _one_pattern_types(root, "string")
            if pattern == NON_EMPTY_PATTERN}


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
    """A copy of the schema document with each non-empty pattern type rewritten as a non-empty token and each
    counted repetition as an uncounted one (``_uncount``), or None when there is nothing to rewrite or it
    cannot be done without risk of another verdict."""
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
    if not names and not _counted_repetitions(root):
        return None
    copied = copy.deepcopy(document)
    for name, restriction in _non_empty_types(copied.getroot()).items():
        if name not in names:
            continue
        prefix = restriction.get("base", "").rpartition(":")[0]
        restriction.set("base", f"{prefix}:token" if prefix else "token")
        pattern = next(child for child in restriction if child.tag == _XS + "pattern")
        restriction.replace(pattern, restriction.makeelement(_XS + "minLength", value="1"))
    _uncount(copied.getroot())
    return copied


# libxml2 builds a repeated xs:choice (and a repeated reference to a named group) with a counter, and an
# automaton with a counter is never compacted: each child element then costs about three times as many
# instructions, and the rollbacks it saved are freed at every element's end (cachegrind: 1,037 K of the
# twin's instructions a record, 806 K without). A repeated xs:sequence with at most one minimum occurrence is
# built with an epsilon loop instead. Both particles accept the same children: any number of matches of the
# term, at least minOccurs (XML Schema 1.0 part 1, 3.9.4). Other occurrences are left as they are.
_REPEATED = ("unbounded",)
_AT_MOST_ONCE_REQUIRED = ("0", "1")


def _counted_repetitions(root: etree._Element) -> list[etree._Element]:
    """The xs:choice and xs:group references of the schema that occur at least 0 or 1 times and unbounded,
    a reference only when it names a group of this schema that holds a choice or a sequence."""
    groups = {group.get("name"): group for group in root.iterchildren(_XS + "group")}
    target = root.get("targetNamespace")
    found = []
    for particle in root.iter(_XS + "choice", _XS + "group"):
        if particle.get("maxOccurs") not in _REPEATED or particle.get("minOccurs", "1") not in _AT_MOST_ONCE_REQUIRED:
            continue
        if particle.tag == _XS + "group":
            reference = particle.get("ref")
            if reference is None:
                continue
            prefix, _, name = reference.rpartition(":")
            group = groups.get(name)
            if group is None or particle.nsmap.get(prefix or None) != target:
                continue
            model = [child.tag for child in group if isinstance(child.tag, str) and child.tag != _XS + "annotation"]
            if model not in ([_XS + "choice"], [_XS + "sequence"]):
                continue
        found.append(particle)
    return found


def _uncount(root: etree._Element) -> None:
    """Each counted repetition becomes a repeated xs:sequence, with the same occurrences, of the particle
    once (in place)."""
    for particle in _counted_repetitions(root):
        sequence = particle.makeelement(_XS + "sequence", {"minOccurs": particle.get("minOccurs", "1"),
                                                            "maxOccurs": particle.get("maxOccurs", "")})
        sequence.tail = particle.tail
        particle.tail = None
        particle.getparent().replace(particle, sequence)
        del particle.attrib["maxOccurs"]
        particle.attrib.pop("minOccurs", None)
        sequence.append(particle)


# The pointer pattern (localPointer: '#' and an NCName) runs libxml2's automaton on every @who,
# @ref and @hand: about 168 K instructions a record. The twin may drop such a pattern when Python
# checks the same attributes against a regular expression made from it that accepts a subset of
# what it accepts: each class of the pattern keeps only its ASCII members, whose membership in
# \i (a name's first character) and \c (a name character) XML 1.0 settles. A value outside the
# subset sends the document to the schema itself, which decides and words the diagnostics.
_NAME_START_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_:")
_CLASS_ESCAPES = {"i": _NAME_START_ASCII, "c": _NAME_START_ASCII | frozenset("0123456789.-"),
                  "d": frozenset("0123456789")}
_QUANTIFIERS = frozenset("*+?")
_SPECIAL = frozenset(".\\?*+{}()[]|^$-")


class PointerCheck:
    """The (element, attribute) pairs, in Clark names, whose pattern the relaxed twin left out, and the
    subset of the pattern to check their values against. (A plain class: a dataclass compiles its methods
    when the module is imported, 4 M instructions a process.)"""

    __slots__ = ("carriers", "shape")

    def __init__(self, carriers: frozenset[tuple[str, str]], shape: re.Pattern[str]) -> None:
        self.carriers = carriers
        self.shape = shape

    def matches(self, values: Iterable[str]) -> bool:
        return all(map(self.shape.fullmatch, values))

    def accepts(self, tree: etree._ElementTree) -> bool:
        """Every carried value matches: the check on its own, when no walk has gathered the values."""
        elements = {element for element, _ in self.carriers}
        return self.matches(value for element in tree.getroot().iter(*elements)
                            for carrier, name in self.carriers if carrier == element.tag
                            if (value := element.get(name)) is not None)


def _class_members(text: str, start: int) -> tuple[frozenset[str], int] | None:
    """The ASCII members of the character class opening at ``text[start]`` ('['), and the index past it."""
    members: set[str] = set()
    index = start + 1
    if text[index:index + 1] == "^":
        return None
    while index < len(text) and text[index] != "]":
        char = text[index]
        if char == "-" and text[index + 1:index + 2] == "[":  # subtraction: the rest of the class
            subtracted = _class_members(text, index + 1)
            if subtracted is None or text[subtracted[1]:subtracted[1] + 1] != "]":
                return None
            return frozenset(members - subtracted[0]), subtracted[1] + 1
        if char == "\\":
            escaped = _CLASS_ESCAPES.get(text[index + 1:index + 2])
            if escaped is None:
                return None
            members |= escaped
            index += 2
        elif char.isascii() and char.isalnum() or char in "#_:.":
            members.add(char)
            index += 1
        else:
            return None  # ranges and anything else: no subset is made
    if index >= len(text):
        return None
    return frozenset(members), index + 1


def _subset_parts(pattern: str) -> list[tuple[str, frozenset[str] | None]] | None:
    """ascii_subset's regular expression in parts, each with the characters it may match (None: a quantifier)."""
    parts: list[tuple[str, frozenset[str] | None]] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "[":
            found = _class_members(pattern, index)
            if found is None or not found[0]:
                return None
            parts.append(("[" + "".join(re.escape(member) for member in sorted(found[0])) + "]", found[0]))
            index = found[1]
        elif char in _QUANTIFIERS and parts and parts[-1][1] is not None:
            parts.append((char, None))
            index += 1
        elif char.isascii() and not char.isspace() and char.isprintable() and char not in _SPECIAL:
            parts.append((re.escape(char), frozenset(char)))
            index += 1
        else:
            return None
    return parts


def ascii_subset(pattern: str) -> re.Pattern[str] | None:
    """A regular expression that accepts some of the strings the XSD ``pattern`` accepts and nothing
    else (no white space, so collapsing cannot matter), or None for syntax this does not read."""
    parts = _subset_parts(pattern)
    return None if parts is None else re.compile("".join(text for text, _ in parts))


# What a URI's fragment holds as it is (RFC 3986: the unreserved characters, and ':').
_FRAGMENT_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:")


def fragments_only(pattern: str) -> bool:
    """Every string ascii_subset(``pattern``) accepts is one '#' and then fragment characters: a reference to a
    fragment, which xs:anyURI accepts, so that the subset's match answers for the type's own check too."""
    parts = _subset_parts(pattern)
    if not parts or parts[0][1] != frozenset("#") or (len(parts) > 1 and parts[1][1] is None):
        return False
    return all(characters is None or characters <= _FRAGMENT_CHARACTERS for _, characters in parts[1:])


def _pointer_types(root: etree._Element) -> dict[str, tuple[etree._Element, re.Pattern[str]]]:
    """Named top-level simple types that are xs:anyURI restricted by one pattern that has an ASCII subset."""
    found = {}
    for name, restriction, pattern in _one_pattern_types(root, "anyURI"):
        shape = ascii_subset(pattern)
        if shape is not None:
            found[name] = (restriction, shape)
    return found


def _element_name(root: etree._Element, declaration: etree._Element) -> str | None:
    """The Clark name of the elements ``declaration`` (an xs:element with a name) declares."""
    name = declaration.get("name")
    qualified = (declaration.getparent() is root or declaration.get("form") == "qualified"
                 or (declaration.get("form") is None and root.get("elementFormDefault") == "qualified"))
    namespace = root.get("targetNamespace") if qualified else None
    return None if name is None else f"{{{namespace}}}{name}" if namespace else name


def _carriers(root: etree._Element, type_name: str) -> frozenset[tuple[str, str]] | None:
    """The (element, attribute) pairs whose declarations give the attribute the type ``type_name``; None if the type has another use, or an attribute could be qualified or reach other elements
    (through a named complex type or attribute group, or a substitution group)."""
    if root.get("attributeFormDefault") == "qualified":
        return None
    if any(element.get("substitutionGroup") is not None for element in root.iter(_XS + "element")):
        return None
    carriers: set[tuple[str, str]] = set()
    for declaration in root.iter(etree.Element):
        for attribute in _REFERENCES:
            value = declaration.get(attribute)
            # The substring test first: splitting every reference of the schema cost 3 M instructions a process.
            if value is None or type_name not in value or type_name not in {_local(t) for t in value.split()}:
                continue
            if not (attribute == "type" and declaration.tag == _XS + "attribute"):
                return None
            owner = next(declaration.iterancestors(_XS + "element", _XS + "complexType", _XS + "attributeGroup"), None)
            if owner is None or declaration.get("form") == "qualified" or declaration.get("name") is None:
                return None
            if owner.tag == _XS + "complexType":  # anonymous, then, and owned by the element around it
                if owner.get("name") is not None:
                    return None
                owner = next(owner.iterancestors(_XS + "element"), owner)
            element_name = _element_name(root, owner) if owner.tag == _XS + "element" else None
            if element_name is None:
                return None
            carriers.add((element_name, declaration.get("name", "")))
    return frozenset(carriers) or None


def relax_pointers(document: etree._ElementTree) -> tuple[etree._ElementTree, PointerCheck] | None:
    """A copy of ``document`` (a twin) without the one pointer pattern, and the check that stands in
    for it; None when there is not exactly one such type or leaving its pattern out is not safe. When the
    check accepts only references to fragments (``fragments_only``), the type is a plain xs:string too."""
    root = document.getroot()
    if root.tag != _XS + "schema" or any(True for _ in root.iter(*_UNSAFE_ELEMENTS)):
        return None
    if any(True for _ in root.iter(_XS + "anyAttribute")):
        return None
    # An imported schema could lend an attribute group; the XML namespace's holds only xml:* attributes.
    if any(element.get("namespace") != NS_XML for element in root.iter(_XS + "import")):
        return None
    if any(element.get("fixed") is not None or element.get("default") is not None
           for element in root.iter(_XS + "element", _XS + "attribute")):
        return None
    candidates = _pointer_types(root)
    if len(candidates) != 1:
        return None
    (name, (_, shape)), = candidates.items()
    carriers = _carriers(root, name)
    if carriers is None:
        return None
    copied = copy.deepcopy(document)
    restriction = _pointer_types(copied.getroot())[name][0]
    for facet in list(restriction):
        if facet.tag == _XS + "pattern":
            if fragments_only(facet.get("value", "")):
                # xs:anyURI parses every value as a URI (an allocation and a parse each: 69 K instructions
                # a record); the values the check accepts are references to fragments, which it accepts.
                prefix = restriction.get("base", "").rpartition(":")[0]
                restriction.set("base", f"{prefix}:string" if prefix else "string")
            restriction.remove(facet)
    return copied, PointerCheck(carriers, shape)
