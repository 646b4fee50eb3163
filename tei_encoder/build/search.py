"""The site's full-text search: Pagefind, run by ``build`` over the document pages, one shard at a time.

Pagefind (the ``search`` extra: ``pip install 'tei-encoder[search]'``, a
binary inside a PyPI wheel; nothing is downloaded at run time) reads every
page marked ``data-pagefind-body`` (document.xsl marks the documents, with
the year, classification and persons as filters) and writes a static index,
split into fragments a browser fetches only as a query needs them.

Pagefind holds a whole index in memory while it writes it (about 0.8 MB
per document page), so one index of the whole edition would grow
with the corpus. The documents are therefore indexed in shards of at most
``SHARD_SIZE`` pages: a year, or a month of a busy year, or a busy month
split further by a hash of the page name (``plan_shards``). Each shard is
its own Pagefind bundle in ``OUT/pagefind/shards/KEY/``, and ``search.html``
merges them in the browser (Pagefind's ``mergeIndex``), so a query finds a
phrase in any year. An edit re-indexes only the shard holding the document.
``search.html`` loads Pagefind's script: search works where JavaScript runs,
and every other page stays plain HTML. Without Pagefind the build leaves
search out and says so.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from tei_encoder.render.names import href

SEARCH_PAGE = "search.html"
INDEX_FOLDER = "pagefind"
SHARDS_FOLDER = f"{INDEX_FOLDER}/shards"
# Document pages per Pagefind index: Pagefind's memory while indexing is about 0.8 MB a page (795 MB for
# 1,000 pages), so a shard stays near 200 MB whatever the corpus, and with the build's own process the
# tree under 500 MB; a query fetches a chunk from every shard, so not much smaller.
SHARD_SIZE = 250
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")  # the search box, shared by all shards (search.html loads them)
# What a merged shard needs besides its index: Pagefind's core script (the first shard's is imported),
# its worker and its WebAssembly (pagefind-entry.json, *.pf_meta, wasm.*, index/, fragment/, filter/).
_UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-highlight.js",
           "pagefind-modular-ui.css", "pagefind-modular-ui.js", *UI_FILES)
_WORK_FOLDER = ".pagefind-work"  # hidden: a build never reports it as a stray file


class SearchError(Exception):
    """Pagefind failed: one line saying why."""


def available() -> bool:
    return importlib.util.find_spec("pagefind") is not None


# ---------------------------------------------------------------- which document goes in which shard (pure)


def plan_shards(documents: Iterable[tuple[str, str, str]], size: int | None = None) -> dict[str, list[str]]:
    """Shard key → page names, for documents given as (page name, year, month).

    A year ('undated' for none) is one shard while it holds at most ``size`` documents; a busier year
    is split by month ('YYYY-MM', 'YYYY-00' for the year only), a busier month by a hash of the page
    name ('YYYY-MM-k'). Keys and members depend only on the documents, so an edit leaves every other
    shard as it is.
    """
    size = size or SHARD_SIZE
    by_year: dict[str, dict[str, list[str]]] = {}
    for name, year, month in documents:
        by_year.setdefault(year or "undated", {}).setdefault(month if year else "", []).append(name)
    shards: dict[str, list[str]] = {}
    for year, months in sorted(by_year.items()):
        if sum(len(names) for names in months.values()) <= size:
            shards[year] = sorted(name for names in months.values() for name in names)
            continue
        for month, names in sorted(months.items()):
            key = f"{year}-{month or '00'}"
            if len(names) <= size:
                shards[key] = sorted(names)
                continue
            buckets = -(-len(names) // size)
            for name in sorted(names):
                shards.setdefault(f"{key}-{zlib.crc32(name.encode('utf-8')) % buckets + 1}", []).append(name)
    return dict(sorted(shards.items()))


def shard_digest(members: Iterable[tuple[str, str]], settings: str) -> str:
    """What a shard's index is made from: its (page name, source digest) pairs and the build's settings."""
    payload = "\0".join(f"{name}\0{digest}" for name, digest in sorted(members))
    return hashlib.sha256(f"{settings}\0{payload}".encode("utf-8")).hexdigest()


def shard_folder(key: str) -> str:
    return f"{SHARDS_FOLDER}/{key}"


# ---------------------------------------------------------------- running Pagefind over one shard


def write_shard(out: Path, key: str, names: Iterable[str]) -> list[str]:
    """Index the document pages ``names`` into OUT/pagefind/shards/KEY/; return the files written (relative
    to OUT). Pagefind sees only these pages (hard links in a work folder), at their paths in the site."""
    work = out / _WORK_FOLDER
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        for name in names:
            page = href(name)
            _link(out / page, work / page)
        target = out / shard_folder(key)
        _run_pagefind(["--site", str(work), "--output-path", str(target), "--silent"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _share_ui(target, out / INDEX_FOLDER)
    return sorted(path.relative_to(out).as_posix() for path in target.rglob("*") if path.is_file())


def ui_files() -> list[str]:
    return [f"{INDEX_FOLDER}/{name}" for name in UI_FILES]


def _link(page: Path, alias: Path) -> None:
    alias.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(page, alias)
    except OSError:  # a file system without hard links
        shutil.copyfile(page, alias)


def _run_pagefind(arguments: list[str]) -> None:
    command = [*_pagefind_command(), *arguments]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchError(f"cannot run pagefind: {error}") from None
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise SearchError(f"pagefind failed: {lines[-1] if lines else f'exit status {done.returncode}'}")


@functools.cache
def _pagefind_command() -> tuple[str, ...]:
    """Pagefind's binary itself, found where ``python -m pagefind`` finds it (the variable PAGEFIND_BINARY_PATH,
    then the wheels' packages): starting Python to start it cost about 0.05 CPU seconds per shard. Anything
    else goes through ``python -m pagefind`` as before."""
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named:
        return (named,)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            binary = importlib.import_module(package).get_executable()
        except (ImportError, AttributeError, OSError):
            continue
        return (str(Path(binary).resolve()),)
    return (sys.executable, "-m", "pagefind")


def _share_ui(shard: Path, top: Path) -> None:
    """Move the search box's script and style up to OUT/pagefind/ (the same for every shard); drop the
    other user interfaces Pagefind writes, which the site does not use."""
    for name in UI_FILES:
        if (shard / name).is_file():
            os.replace(shard / name, top / name)
    for name in _UNUSED:
        (shard / name).unlink(missing_ok=True)


# ---------------------------------------------------------------- search.html


def page_content(shards: Iterable[str]) -> etree._Element:
    """search.html's content: Pagefind's search box over every shard, and what to do without JavaScript."""
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
    # Bundle paths made absolute against the page: Pagefind imports the first shard's script, and a
    # relative import would resolve against pagefind-ui.js instead.
    etree.SubElement(content, "script").text = (
        'window.addEventListener("DOMContentLoaded", function () {'
        f' var shards = {json.dumps([shard_folder(key) + "/" for key in shards])};'
        ' if (!shards.length) { return; }'
        ' var url = function (path) { return new URL(path, document.baseURI).href; };'
        ' new PagefindUI({ element: "#search", showSubResults: true, showImages: false,'
        ' bundlePath: url(shards[0]),'
        ' mergeIndex: shards.slice(1).map(function (path) { return { bundlePath: url(path) }; }) }); });')
    return content
