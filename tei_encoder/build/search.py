"""The site's full-text search: Pagefind, run by ``build`` over the document pages.

Pagefind (the ``search`` extra: ``pip install 'tei-encoder[search]'``, a
binary inside a PyPI wheel; nothing is downloaded at run time) reads every
page marked ``data-pagefind-body`` (document.xsl marks the documents, with
the year, classification and persons as filters) and writes a static index
in ``OUT/pagefind/``, split into fragments a browser fetches only as a query
needs them, so no file grows with the corpus. ``search.html`` loads
Pagefind's script: search works where JavaScript runs, and every other page
stays plain HTML. Without Pagefind the build leaves search out and says so.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from lxml import etree

SEARCH_PAGE = "search.html"
INDEX_FOLDER = "pagefind"


class SearchError(Exception):
    """Pagefind failed: one line saying why."""


def available() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def write_index(out: Path) -> list[str]:
    """Index the site's document pages into OUT/pagefind/; return the files written (relative to OUT)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(out), "--output-subdir", INDEX_FOLDER, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchError(f"cannot run pagefind: {error}") from None
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise SearchError(f"pagefind failed: {lines[-1] if lines else f'exit status {done.returncode}'}")
    folder = out / INDEX_FOLDER
    return sorted(path.relative_to(out).as_posix() for path in folder.rglob("*") if path.is_file())


def page_content() -> etree._Element:
    """search.html's content: Pagefind's search box, and what to do without JavaScript."""
    content = etree.Element("div", {"class": "search"})
    etree.SubElement(content, "link", {"rel": "stylesheet", "href": f"{INDEX_FOLDER}/pagefind-ui.css"})
    etree.SubElement(content, "div", {"id": "search"})
    notice = etree.SubElement(etree.SubElement(content, "noscript"), "p")
    notice.text = "Searching needs JavaScript. Without it, find documents "
    etree.SubElement(notice, "a", href="index.html").text = "by date"
    etree.SubElement(notice, "a", href="persons.html").text = "by person"
    notice[0].tail = " or "
    notice[1].tail = "."
    etree.SubElement(content, "script", src=f"{INDEX_FOLDER}/pagefind-ui.js").text = ""
    etree.SubElement(content, "script").text = (
        'window.addEventListener("DOMContentLoaded", function () {'
        ' new PagefindUI({ element: "#search", showSubResults: true, showImages: false }); });')
    return content
