"""The corpus summary: what the index and persons pages need from each document.

Each document's summary (summary.xsl's output) is folded by ``fold`` into a
``DocRecord`` of plain values where the document is rendered (in a worker
process, so only small values cross back): its index entry and each person's
appearance, already serialised as the XML the index and persons stylesheets
read. ``render/store.py`` keeps the records (SQLite, so neither memory nor a
rebuild grows with the corpus) and ``render/pages.py`` writes the index,
persons and letter pages from them.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.render.names import href, person_href
from tei_encoder.render.renderer import Edition


@dataclass(frozen=True, slots=True)
class DocumentStatus:
    """A short badge shown next to a document on the index (for example its validation result)."""

    label: str
    level: str = "ok"  # ok | warning | error
    href: str | None = None  # relative to the site's top folder


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One rendered document, as the corpus needs it: summary.xsl's output (XML bytes, or the element
    when it was rendered in this process) under its page name and its label (path or given name)."""

    label: str
    name: str
    summary: bytes | etree._Element


@dataclass(frozen=True, slots=True)
class Appearance:
    """One person in one document: the values the person's page is made of, and its <in> entry."""

    person: str  # the person's id
    name: str | None
    variants: tuple[str, ...]
    life: str | None
    occupation: str | None
    item: bytes  # the <in> element of the person's page (title, date, role, turn and mention links)


@dataclass(frozen=True, slots=True)
class DocRecord:
    """One document of the corpus as plain values (picklable, small)."""

    name: str  # page name
    label: str  # the path or name it was rendered from
    when: str  # ISO date that orders the index ('' when undated)
    title: str
    entry: bytes  # the index <doc> element, without status attributes (added when a page is written)
    appearances: tuple[Appearance, ...]
    edition: Edition | None = None  # the edition statement of its header (None: it states none)

    @property
    def key(self) -> tuple[str, str, str]:
        """Index order: by date (undated last), title, page name."""
        return (self.when or "\uffff", self.title.casefold(), self.name)

    @property
    def year(self) -> str:
        return self.when[:4]

    @property
    def month(self) -> str:
        return self.when[5:7] if len(self.when) >= 7 else ""


_YEAR = re.compile(r"(?<!\d)(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?!\d)")


def _when(date: etree._Element | None) -> str:
    """The ISO date that orders the index: the date's own (@when, @from, @notBefore), else the first year
    (and month, day) its text writes as digits ("printed 1774"), else '' (undated)."""
    if date is None:
        return ""
    stated = date.get("when") or ""
    if stated:
        return stated
    found = _YEAR.search(" ".join((date.text or "", date.get("label") or "")))
    return "-".join(part for part in found.groups() if part) if found else ""


def fold(summary: DocumentSummary, write_text: bool = True) -> DocRecord:
    """The document's summary as a DocRecord: its index entry and the persons' appearances."""
    element = summary.summary
    if not isinstance(element, etree._Element):
        element = etree.fromstring(element, xmlsafe.safe_parser())
    page = href(summary.name)
    attributes = {"name": summary.name, "href": page, "file": Path(summary.label).name}
    if write_text:
        attributes["text-href"] = href(summary.name, ".txt")
    edition = _edition(element)
    people = list(element.iterchildren("person"))
    entry = _as_entry(element, people, attributes)
    date = entry.find("date")
    when = _when(date)
    title = entry.findtext("title") or summary.name
    date_label = date.get("label") if date is not None and date.get("label") else None
    appearances = []
    for person in people:
        ident, parts = person.get("id") or "", _PersonParts.of(person)
        if person.get("group") != "mentioned":
            etree.SubElement(entry, "participant", id=ident, name=parts.name or "", href=person_href(ident))
        appearances.append(Appearance(ident, parts.name, tuple(parts.variants), parts.life, parts.occupation,
                                      _appearance_item(person, page, title, date_label, parts)))
    return DocRecord(summary.name, summary.label, when, title, etree.tostring(entry, encoding="utf-8"),
                     tuple(appearances), edition)


@dataclass(slots=True)
class _PersonParts:
    """A summary's <person> read in one pass over its children (as findtext and iterchildren would read it:
    the first name, life and occupation; every variant, turn and mention). A find per field walked the
    children again each time, in Python (ElementPath): a tenth of a page's time went there."""

    name: str | None = None
    life: str | None = None
    occupation: str | None = None
    variants: list[str] = field(default_factory=list)
    turns: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, person: etree._Element) -> _PersonParts:
        parts = cls()
        for child in person:
            tag = child.tag
            if tag == "turn":
                parts.turns.append(str(child.get("id")))
            elif tag == "mention":
                parts.mentions.append(str(child.get("id")))
            elif tag == "variant":
                parts.variants.append(child.text or "")
            elif tag == "name" and parts.name is None:
                parts.name = child.text or ""
            elif tag == "life" and parts.life is None:
                parts.life = child.text or ""
            elif tag == "occupation" and parts.occupation is None:
                parts.occupation = child.text or ""
        return parts


def _as_entry(summary: etree._Element, people: list[etree._Element], attributes: dict[str, str]) -> etree._Element:
    """The summary made into the index entry in place: its persons taken out, ``attributes`` set. Moving its
    other children into a new element cost more than the rest of the fold (each move re-homes a subtree)."""
    for person in people:
        summary.remove(person)
    summary.tag = "doc"
    summary.text = None
    summary.attrib.clear()
    for name, value in attributes.items():
        summary.set(name, value)
    return summary


def _edition(summary: etree._Element) -> Edition | None:
    """Take the edition statement out of a summary: the index entry must not carry it."""
    element = summary.find("edition")
    if element is None:
        return None
    summary.remove(element)
    edition = Edition(element.get("title", ""), element.get("publisher", ""), element.get("licence", ""),
                      element.get("licence-href", ""))
    return edition if edition != Edition() else None


# What libxml2 escapes in an attribute value it serialises (tests/test_render_api.py holds the two equal).
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;",
                                    "\r": "&#13;", "\t": "&#9;"})


def _appearance_item(person: etree._Element, page: str, title: str, date_label: str | None,
                     parts: _PersonParts | None = None) -> bytes:
    """The <in> element, serialised as ``etree.tostring`` would serialise it, without building it: an
    element per turn and mention link cost lxml half a millisecond a record. ``parts``: the person read
    already."""
    parts = parts or _PersonParts.of(person)
    attributes = {"href": page, "title": title, "role": ", ".join((person.get("role") or "").split())}
    if date_label:
        attributes["date"] = date_label
    head = "<in" + "".join(f' {name}="{value.translate(_ATTRIBUTE_ESCAPES)}"' for name, value in attributes.items())
    if not parts.turns and not parts.mentions:
        return f"{head}/>".encode("utf-8")
    base = f"{page}#".translate(_ATTRIBUTE_ESCAPES)
    # The ids escaped in one call, not one per link: NUL cannot occur in XML, so it parts them safely.
    ids = "\0".join((*parts.turns, *parts.mentions)).translate(_ATTRIBUTE_ESCAPES).split("\0")
    kinds = ["turn"] * len(parts.turns) + ["mention"] * len(parts.mentions)
    links = "".join(f'<{kind} href="{base}{ident}"/>' for kind, ident in zip(kinds, ids))
    return f"{head}>{links}</in>".encode("utf-8")
