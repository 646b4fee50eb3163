"""The corpus summary: what the index and persons pages show, gathered from every document's summary.

``render_site`` (site.py) renders the documents and hands each one's summary
(summary.xsl's output) to ``collect`` as it arrives; ``collect`` folds it into
plain values, so no summary tree outlives its document, and ``write_index`` and
``write_persons`` write both pages in parts from those values. ``build_corpus``
gives the same data as one XML tree (for tests and for anyone who wants it).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_encoder import files, xmlsafe
from tei_encoder.render import stylesheets
from tei_encoder.render.names import href
from tei_encoder.render.renderer import Edition, Renderer


@dataclass(frozen=True, slots=True)
class DocumentStatus:
    """A short badge shown next to a document on the index (for example its validation result)."""

    label: str
    level: str = "ok"  # ok | warning | error
    href: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One rendered document, as the corpus needs it: summary.xsl's output (XML bytes, or the element
    when it was rendered in this process) under its page name and its label (path or given name)."""

    label: str
    name: str
    summary: bytes | etree._Element



# Entries per stylesheet call when the index and persons pages are written in parts: documents
# for the index, appearances (a person in a document) for the persons page.
INDEX_PART = 500
PERSONS_PART = 500


def _sort_key(doc: etree._Element) -> tuple[str, str, str]:
    when = doc.findtext("date[@when]") is not None and doc.find("date").get("when") or ""
    return (when or "\uffff", (doc.findtext("title") or "").casefold(), doc.get("name", ""))


@dataclass(slots=True)
class _Doc:
    """One document of the corpus as plain values: its index entry is kept serialised."""

    key: tuple[str, str, str]
    name: str
    year: str
    entry: bytes  # the corpus <doc> element (title, date … and participants), without @year-start
    href: str | None
    title: str | None
    date_label: str | None
    position: int = 0  # in index order


@dataclass(frozen=True, slots=True)
class _Appearance:
    """One person in one document, as plain values: the summaries' trees are not kept."""

    doc: _Doc
    name: str | None
    variants: tuple[str, ...]
    life: str | None
    occupation: str | None
    role: str
    turns: tuple[str, ...]
    mentions: tuple[str, ...]


@dataclass(slots=True)
class Corpus:
    docs: list[_Doc]  # in index order: by date, title, name
    people: dict[str, list[_Appearance]]  # each person's appearances in index order
    edition: Edition = Edition()  # as the first document (in input order) that states one states it


def _edition(summary: etree._Element) -> Edition | None:
    """Take the edition statement out of a summary: the index entry must not carry it."""
    element = summary.find("edition")
    if element is None:
        return None
    summary.remove(element)
    edition = Edition(element.get("title", ""), element.get("publisher", ""), element.get("licence", ""),
                      element.get("licence-href", ""))
    return edition if edition != Edition() else None


def _intern(value: str | None) -> str:
    # Turn and mention ids (t-3, m-1-1-2-1) repeat from document to document: one string each.
    return sys.intern(value or "")


def collect(rendered: Iterable[DocumentSummary], statuses: Mapping[str, DocumentStatus], write_text: bool) -> Corpus:
    """Fold each summary into plain values as it arrives; no summary tree outlives its document."""
    parser = xmlsafe.safe_parser()  # one parser for every summary: a document keeps its parser alive
    docs: list[_Doc] = []
    people: dict[str, list[_Appearance]] = {}
    edition: Edition | None = None
    for done in rendered:
        summary = done.summary
        if not isinstance(summary, etree._Element):
            summary = etree.fromstring(summary, parser)
        stated = _edition(summary)  # taken out of every summary, kept from the first that states one
        edition = edition or stated
        summary.set("name", done.name)
        summary.set("href", href(done.name))
        summary.set("file", Path(done.label).name)
        if write_text:
            summary.set("text-href", href(done.name, ".txt"))
        status = statuses.get(done.name) or statuses.get(done.label)
        if status is not None:
            summary.set("status", status.label)
            summary.set("status-level", status.level)
            if status.href:
                summary.set("status-href", status.href)
        key = _sort_key(summary)
        date = summary.find("date")
        year = (date.get("when") or "")[:4] if date is not None else ""
        # The corpus entry takes the summary's children (title, date …) but not its persons,
        # which go to the persons list with a reference to the entry.
        entry = etree.Element("doc", {key: summary.get(key) for key in sorted(summary.keys())})
        appearances = []
        for child in list(summary):
            if child.tag == "person":
                name = child.findtext("name")
                appearances.append((child.get("id"), name, tuple(v.text for v in child.iterfind("variant")),
                                    child.findtext("life"), child.findtext("occupation"), child.get("role") or "",
                                    tuple(_intern(item.get("id")) for item in child.iterfind("turn")),
                                    tuple(_intern(item.get("id")) for item in child.iterfind("mention"))))
                if child.get("group") != "mentioned":
                    etree.SubElement(entry, "participant", id=child.get("id"), name=name or "",
                                     href=f"persons.html#person-{child.get('id')}")
            else:
                entry.append(child)  # moves it: iterate over a copy of the children
        date = entry.find("date")
        doc = _Doc(key, done.name, year, etree.tostring(entry, encoding="utf-8"), entry.get("href"),
                   entry.findtext("title") or entry.get("name"),
                   date.get("label") if date is not None and date.get("label") else None)
        docs.append(doc)
        for person_id, *values in appearances:
            people.setdefault(person_id, []).append(_Appearance(doc, *values))
        del summary, entry
    docs.sort(key=lambda doc: doc.key)  # stable: equal keys keep the input order
    for position, doc in enumerate(docs):
        doc.position = position
    for person_appearances in people.values():
        person_appearances.sort(key=lambda appearance: appearance.doc.position)  # stable, as above
    return Corpus(docs, people, edition or Edition())


def _index_entries(corpus: Corpus, parser: etree.XMLParser) -> Iterable[etree._Element]:
    """The corpus <doc> entries in index order; the first of each year marked with @year-start."""
    year = None
    for doc in corpus.docs:
        entry = etree.fromstring(doc.entry, parser)
        if doc.year != year:
            entry.set("year-start", doc.year or "Undated")
            year = doc.year
        yield entry


def _person_ids(corpus: Corpus) -> list[str]:
    return sorted(corpus.people, key=lambda ident: (ident.casefold(), ident))


def _letters(person_ids: Iterable[str]) -> list[str]:
    letters: list[str] = []
    for person_id in person_ids:
        letter = person_id[:1].upper() if person_id[:1].isalpha() else "#"
        if letter not in letters:
            letters.append(letter)
    return letters


def _letter_element(letter: str) -> etree._Element:
    return etree.Element("letter", id=letter if letter.isalnum() else "other", label=letter)


def _person_entries(corpus: Corpus, person_ids: Iterable[str]) -> Iterable[etree._Element]:
    """One <person> element per id, with its appearances, built only when asked for."""
    letters: set[str] = set()
    for person_id in person_ids:
        appearances = corpus.people[person_id]
        names = Counter(person.name or person_id for person in appearances)
        display = sorted(names.items(), key=lambda item: (-item[1], item[0]))[0][0]
        variants = sorted({text for person in appearances for text in (person.name, *person.variants)
                           if text and text != display})
        element = etree.Element("person", id=person_id)
        letter = person_id[:1].upper() if person_id[:1].isalpha() else "#"
        if letter not in letters:
            letters.add(letter)
            element.set("letter", letter)
            element.set("letter-id", letter if letter.isalnum() else "other")
        etree.SubElement(element, "name").text = display
        for variant in variants:
            etree.SubElement(element, "variant").text = variant
        for tag in ("life", "occupation"):
            value = next((getattr(p, tag) for p in appearances if getattr(p, tag)), None)
            if value:
                etree.SubElement(element, tag).text = value
        for person in appearances:
            doc = person.doc
            attrs = {"href": doc.href, "title": doc.title, "role": ", ".join(person.role.split())}
            if doc.date_label:
                attrs["date"] = doc.date_label
            appearance = etree.SubElement(element, "in", attrs)
            for kind, ids in (("turn", person.turns), ("mention", person.mentions)):
                for ident in ids:
                    etree.SubElement(appearance, kind, href=f"{doc.href}#{ident}")
        yield element


def _parts(elements: Iterable[etree._Element], budget: int,
           size: Callable[[etree._Element], int] = lambda element: 1) -> Iterable[etree._Element]:
    """Group elements into <corpus> elements of about ``budget`` (by ``size``) each."""
    part, used = etree.Element("corpus"), 0
    for element in elements:
        part.append(element)
        used += size(element)
        if used >= budget:
            yield part
            part, used = etree.Element("corpus"), 0
    if len(part):
        yield part


def write_index(renderer: Renderer, corpus: Corpus, path: Path) -> None:
    parser = xmlsafe.safe_parser()
    with files.atomic_writer(path) as stream:
        renderer.write_corpus_page(stylesheets.INDEX, etree.Element("corpus"),
                                   _parts(_index_entries(corpus, parser), INDEX_PART), "index", stream,
                                   count=len(corpus.docs))


def write_persons(renderer: Renderer, corpus: Corpus, path: Path) -> None:
    person_ids = _person_ids(corpus)
    frame = etree.Element("corpus")
    for letter in _letters(person_ids):
        frame.append(_letter_element(letter))
    with files.atomic_writer(path) as stream:
        renderer.write_corpus_page(stylesheets.PERSONS, frame,
                                   _parts(_person_entries(corpus, person_ids), PERSONS_PART,
                                          lambda person: len(corpus.people[person.get("id")])),
                                   "persons", stream, count=len(person_ids))


def build_corpus(rendered: Iterable[DocumentSummary], statuses: Mapping[str, DocumentStatus],
                 write_text: bool = True) -> etree._Element:
    """The XML the index and persons stylesheets read: documents sorted by date, persons by id.

    render_site never builds it whole: it writes both pages in parts from the same values.
    """
    corpus = collect(rendered, statuses, write_text)
    root = etree.Element("corpus")
    for entry in _index_entries(corpus, xmlsafe.safe_parser()):
        root.append(entry)
    person_ids = _person_ids(corpus)
    for person in _person_entries(corpus, person_ids):
        root.append(person)
    for letter in _letters(person_ids):
        root.append(_letter_element(letter))
    return root
