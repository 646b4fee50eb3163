"""The one hardened XML parser factory every parse in tei-encoder goes through.

Refuses what hostile XML uses: DTD loading, external entities, entity
expansion, network access, and documents larger than MAX_BYTES.
"""

from __future__ import annotations

from lxml import etree

MAX_BYTES = 50 * 1024 * 1024


def safe_parser(*, remove_blank_text: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
    )


def parse_bytes(data: bytes, *, base_url: str | None = None) -> etree._ElementTree:
    if len(data) > MAX_BYTES:
        raise ValueError(f"document is larger than {MAX_BYTES // (1024 * 1024)} MB")
    root = etree.fromstring(data, safe_parser(), base_url=base_url)
    return root.getroottree()
