"""The corpus personography: one TEI document listing everyone the edition's documents name.

``build`` writes it as ``tei/persons.xml`` from the TEI it has just written: each document's
persons (its particDesc) are merged by id, since ids are the same across a corpus (a surname slug,
or the id the project file's names authority gives). A person keeps every form any document
prints (the main name first, as the first document naming them gives it), every role, every
authority identifier, and a pointer to each document that names them. Ordered by id, so the same
corpus gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_encoder import model as m
from tei_encoder.writer.tei import TEI_NS, _el, _indent, _publication

PERSONS_FILE = "persons.xml"  # build writes it beside the documents' TEI
_NS = {"tei": TEI_NS}
_LISTING = etree.XPath("/tei:TEI/tei:text/tei:body/tei:listPerson", namespaces=_NS)
_PERSONS = etree.XPath("/tei:TEI/tei:teiHeader/tei:profileDesc/tei:particDesc//tei:person", namespaces=_NS)
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(slots=True)
class _Person:
    names: list[str] = field(default_factory=list)  # the main name first
    roles: list[str] = field(default_factory=list)
    ids: list[tuple[str, str]] = field(default_factory=list)  # (type, identifier)
    documents: list[str] = field(default_factory=list)


def personography(documents: Iterable[tuple[str, etree._ElementTree]], edition: m.EditionStatement) -> bytes:
    """The listPerson document of ``documents`` (file name, parsed TEI), in TEI, as bytes."""
    people: dict[str, _Person] = {}
    count = 0
    for name, tree in documents:
        count += 1
        for element in _PERSONS(tree):
            _gather(people.setdefault(element.get(_XML_ID), _Person()), element, name)
    return b"".join(_serialised(count, iter(sorted(people.items())), edition))


def _serialised(count: int, persons: Iterator[tuple[str, _Person]], edition: m.EditionStatement) -> Iterator[bytes]:
    """The personography in pieces, one person at a time (``persons`` in id order)."""
    root = _el(None, "TEI")
    _header(root, edition, count)
    listing = _el(_el(_el(root, "text"), "body"), "listPerson")
    first = next(persons, None)
    if first is None:  # a corpus naming nobody still gives a valid document, and says so
        listing.getparent().remove(listing)
        _el(root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body"), "p", "No document of this edition names a person.")
        _indent(root, 0)
        yield etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
        return
    listing.append(etree.Comment("persons"))
    _indent(root, 0)
    head, tail = etree.tostring(root, xml_declaration=True, encoding="UTF-8").split(b"<!--persons-->")
    yield head
    separator = b""
    for ident, person in _chain(first, persons):
        yield separator + _person_bytes(ident, person)
        separator = b"\n" + b"  " * _PERSON_LEVEL
    yield tail + b"\n"


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """One person as one document's particDesc gives them: what the personography merges (picklable, small),
    so that a build can store it and write the personography without reading the documents again."""

    ident: str
    names: tuple[str, ...]
    roles: tuple[str, ...]
    ids: tuple[tuple[str, str], ...]  # (type, identifier)


def person_entries(tree: etree._ElementTree | etree._Element) -> tuple[PersonEntry, ...]:
    """The persons of one TEI document, in document order (those without an id cannot be merged: left out)."""
    entries = []
    for element in _PERSONS(tree):
        ident = element.get(_XML_ID)
        if ident is None:
            continue
        gathered = _Person()
        _gather(gathered, element, "")
        entries.append(PersonEntry(ident, tuple(gathered.names), tuple(gathered.roles), tuple(gathered.ids)))
    return tuple(entries)


def personography_of_entries(count: int, rows: Iterable[tuple[str, PersonEntry]],
                             edition: m.EditionStatement) -> Iterator[bytes]:
    """``personography``'s bytes, in pieces, from the stored entries of ``count`` documents: rows of (document
    file name, entry) ordered by person id, then by document as ``personography`` takes them. Only one
    person is held at a time, so the corpus can be of any size."""
    return _serialised(count, _merged(rows), edition)


_PERSON_LEVEL = 4  # TEI / text / body / listPerson / person


def _chain(first: tuple[str, _Person], rest: Iterator[tuple[str, _Person]]) -> Iterator[tuple[str, _Person]]:
    yield first
    yield from rest


def _merged(rows: Iterable[tuple[str, PersonEntry]]) -> Iterator[tuple[str, _Person]]:
    """Each person id with what every document says of them, one person at a time."""
    current: str | None = None
    person = _Person()
    for document, entry in rows:
        if entry.ident != current:
            if current is not None:
                yield current, person
            current, person = entry.ident, _Person()
        _merge(person, entry, document)
    if current is not None:
        yield current, person


def _merge(person: _Person, entry: PersonEntry, document: str) -> None:
    """``_gather``'s merge, from an entry instead of the element."""
    person.names.extend(name for name in dict.fromkeys(entry.names) if name not in person.names)
    person.roles.extend(role for role in dict.fromkeys(entry.roles) if role not in person.roles)
    person.ids.extend(pair for pair in dict.fromkeys(entry.ids) if pair not in person.ids)
    if person.documents[-1:] != [document]:  # rows come by document: a repeat is the last one
        person.documents.append(document)


def _person_bytes(ident: str, person: _Person) -> bytes:
    """One person element as ``personography`` serialises it inside its listPerson (without its tail)."""
    wrapper = _el(None, "listPerson")
    _person(wrapper, ident, person)
    _indent(wrapper[0], _PERSON_LEVEL)
    text = etree.tostring(wrapper, encoding="utf-8")
    return text[text.index(b">") + 1:-len(b"</listPerson>")]


def personography_of_files(paths: Iterable[Path], edition: m.EditionStatement) -> bytes:
    from tei_encoder.xmlsafe import parse_bytes  # our own files, still read with the hardened parser

    return personography(((path.name, parse_bytes(path.read_bytes())) for path in paths), edition)


def is_personography(path: Path) -> bool:
    """A corpus personography as ``build`` writes it (``persons.xml`` whose body is a listPerson): no document."""
    from tei_encoder.xmlsafe import parse_bytes

    if path.name != PERSONS_FILE:
        return False
    try:
        return bool(_LISTING(parse_bytes(path.read_bytes())))
    except (OSError, etree.XMLSyntaxError, ValueError):
        return False  # not ours to judge: the renderer reports what it cannot read


def _gather(person: _Person, element: etree._Element, document: str) -> None:
    for name in element.iterfind("tei:persName", _NS):
        text = " ".join("".join(name.itertext()).split())
        if text and text not in person.names:
            person.names.append(text)
    for role in (element.get("role") or "").split():
        if role not in person.roles:
            person.roles.append(role)
    for idno in element.iterfind("tei:idno", _NS):
        pair = (idno.get("type") or "URI", (idno.text or "").strip())
        if pair[1] and pair not in person.ids:
            person.ids.append(pair)
    if document not in person.documents:
        person.documents.append(document)


def _header(root: etree._Element, edition: m.EditionStatement, count: int) -> None:
    file_desc = _el(_el(root, "teiHeader"), "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", f"Persons of {edition.title}" if edition.title else "Persons of the edition")
    for editor in edition.editors:
        _el(title_stmt, "editor", editor)
    _publication(_el(file_desc, "publicationStmt"), m.EditionStatement(
        edition.title, edition.publisher, edition.licence, edition.licence_url, edition.editors))
    _el(_el(file_desc, "sourceDesc"), "p",
        f"Compiled by tei-encoder from the persons of the edition's {count} TEI "
        f"document{'s' * (count != 1)}; each person points to the documents that name them.")


def _person(parent: etree._Element, ident: str, person: _Person) -> None:
    element = _el(parent, "person", xml_id=ident, role=" ".join(person.roles) or None)
    for index, name in enumerate(person.names):
        _el(element, "persName", name, type="variant" if index else None)
    for kind, identifier in person.ids:
        _el(element, "idno", identifier, type=kind)
    for document in person.documents:
        _el(element, "ptr", target=f"{document}#{ident}")
