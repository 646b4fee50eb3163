"""Compile the shipped XSLT stylesheets once per process.

Stylesheets are found through ``tei_encoder.resources.xslt_path`` (the wheel's
``_data/xslt`` or the checkout's ``xslt/``), parsed with the hardened parser,
and run with an access control that forbids network access and writing files:
a stylesheet only reads its own imports.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.resources import xslt_path

DOCUMENT = "document.xsl"
TEXT = "text.xsl"
SUMMARY = "summary.xsl"
INDEX = "index.xsl"
PERSONS = "persons.xsl"
PAGE = "page.xsl"

_ACCESS = etree.XSLTAccessControl(
    read_file=True, write_file=False, create_dir=False, read_network=False, write_network=False
)


@functools.lru_cache(maxsize=None)
def stylesheet(name: str) -> etree.XSLT:
    """The compiled stylesheet ``xslt/NAME``; compiled on first use, then cached."""
    path = xslt_path(name)
    tree = etree.parse(str(path), parser=xmlsafe.safe_parser(allow_local_files=True))  # its own imports
    return etree.XSLT(tree, access_control=_ACCESS)


def assets_dir() -> Path:
    """The folder of files copied next to the pages (the CSS)."""
    return xslt_path("assets")
