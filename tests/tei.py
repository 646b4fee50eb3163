"""Test helpers for reading TEI output with XPath."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei_encoder.pipeline import encode_bytes

NS = {"t": "http://www.tei-c.org/ns/1.0"}
RECORDS_DIR = Path(__file__).resolve().parent / "records"
# The Soviet selections' page head as the seeds print it (no-break spaces in the navigation line).
SOVIET_SITE = ("Selected Secret Documents from Soviet Foreign Policy Documents Archives - 1919 to 1941\n\n"
               "Marx-Engels |\u00a0 Lenin\u00a0 | Stalin |\u00a0 Home Page\n\n")


def record(stem: str) -> etree._Element:
    """The TEI of the unseen record tests/records/<stem>.txt."""
    path = RECORDS_DIR / f"{stem}.txt"
    return tei(path.read_bytes(), path.name)


def tei(text: str | bytes, name: str = "record.txt", family: str | None = None) -> etree._Element:
    data = text.encode() if isinstance(text, str) else text
    return etree.fromstring(encode_bytes(data, name, family))


def xp(root: etree._Element, path: str) -> list:
    return root.xpath(path, namespaces=NS)


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext())


def person_ids(root: etree._Element) -> list[str]:
    """The xml:id of every person of the record's particDesc, in order."""
    return xp(root, "//t:particDesc//t:person/@xml:id")


def mentions(root: etree._Element, person: str) -> list[str]:
    """The text of each mention of ``person`` in the body."""
    return [text_of(name) for name in xp(root, f"//t:body//t:persName[@ref='#{person}']")]


def foot_notes(root: etree._Element) -> dict[str, str]:
    """Each foot note of the body by its number, its text with spaces normalised."""
    return {note.get("n"): " ".join(text_of(note).split()) for note in xp(root, "//t:body//t:note[@place='foot']")}


def body_paragraphs(root: etree._Element) -> list[str]:
    """The text of each paragraph of the body, spaces normalised."""
    return [" ".join(text_of(p).split()) for p in xp(root, "//t:body//t:p")]


def soviet_page(body: str, source: str) -> etree._Element:
    """The TEI of a probe page of the Soviet selections: the site's head, its PDF link, ``body``, and the
    archival reference ``source`` under it."""
    return tei(SOVIET_SITE + "Download PDF\n\n\n" + body + source, "probe.txt")


def creation_dates(root: etree._Element) -> list[str]:
    """The @when of the record's creation date (none or one)."""
    return xp(root, "//t:profileDesc/t:creation/t:date/@when")


def person_names(root: etree._Element, ident: str) -> list[str]:
    """Every form of the name of person ``ident`` in the particDesc, the main one first."""
    return [text_of(name) for name in xp(root, f"//t:person[@xml:id='{ident}']/t:persName")]


def header_fields(root: etree._Element) -> dict[str, list[str]]:
    """The page's fields the header keeps under their labels (``note type="field" n="LABEL"``), each label's values."""
    fields: dict[str, list[str]] = {}
    for note in xp(root, "//t:sourceDesc//t:note[@type='field']"):
        fields.setdefault(note.get("n"), []).append(" ".join(text_of(note).split()))
    return fields


def body_text(root: etree._Element) -> str:
    """The body's words, spaces collapsed."""
    return " ".join(text_of(xp(root, "//t:body")[0]).split())
