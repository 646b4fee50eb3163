"""Test helpers for reading TEI output with XPath."""

from __future__ import annotations

from lxml import etree

from tei_encoder.pipeline import encode_bytes

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def tei(text: str | bytes, name: str = "record.txt", family: str | None = None) -> etree._Element:
    data = text.encode() if isinstance(text, str) else text
    return etree.fromstring(encode_bytes(data, name, family))


def xp(root: etree._Element, path: str) -> list:
    return root.xpath(path, namespaces=NS)


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext())
