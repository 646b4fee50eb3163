"""Compile the shipped XSLT stylesheets once per process.

Stylesheets are found through ``tei_encoder.resources.xslt_path`` (the wheel's
``_data/xslt`` or the checkout's ``xslt/``), parsed with the hardened parser,
and run with the access control of ``xmlsafe.stylesheet``: no network access,
no writing, and imports or ``document()`` only from the stylesheets' own folder.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from tei_encoder import files, xmlsafe
from tei_encoder.regular_file import read_regular_file
from tei_encoder.resources import xslt_path

DOCUMENT = "document.xsl"
TEXT = "text.xsl"
# The same stylesheets without the templates for the text around a word-joining line break (lb break="no"),
# for documents without one: the same bytes, each text node copied by XSLT's built-in template.
DOCUMENT_PLAIN = "document-plain.xsl"
TEXT_PLAIN = "text-plain.xsl"
SUMMARY = "summary.xsl"
INDEX = "index.xsl"
PERSONS = "persons.xsl"
PAGE = "page.xsl"
PARTS = "parts.xsl"

@functools.lru_cache(maxsize=None)
def stylesheet(name: str) -> etree.XSLT:
    """The compiled stylesheet ``xslt/NAME``; compiled on first use, then cached."""
    path = xslt_path(name)
    tree, _ = xmlsafe.parse_confined(read_regular_file(path), path)
    return xmlsafe.stylesheet(tree)


def assets_dir() -> Path:
    """The folder of files copied next to the pages (the CSS)."""
    return xslt_path("assets")


def copy_assets(out: Path) -> None:
    """Copy the CSS (and anything else in xslt/assets) to OUT/assets/."""
    target = files.make_folder(out / "assets")
    for item in sorted(assets_dir().iterdir()):
        if item.is_file():
            files.copy_file(item, target / item.name)
