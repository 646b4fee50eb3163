"""The corpus pages of a site, written from the store: no page grows with the corpus.

* ``index.html``: every document when they fit on one page (``page_size``);
  otherwise the years, each linking to ``years/YYYY.html``, and a year with
  more documents than fit on a page split by month (``years/YYYY-MM.html``,
  ``years/YYYY-00.html`` for documents dated to the year only), a month
  with still more in pages (``years/YYYY-MM-2.html`` …). Undated documents
  come last (``years/undated.html``).
* ``persons.html``: the A–Z index, listing every person when they fit on one
  page, otherwise linking a page per letter (``letters/A.html``,
  ``letters/A-2.html`` …); each person has a page (``persons/ID.html``, then
  ``persons/ID/2.html`` … for someone in more documents than fit on one).

Page names depend only on the corpus, never on timing. A page is rendered only
when what it is made from (its XML input, stylesheet and settings) has a new
digest: a second build with one document changed renders a handful of pages.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_encoder import files, xmlsafe
from tei_encoder.render import stylesheets
from tei_encoder.render.names import href, person_href
from tei_encoder.render.renderer import Renderer
from tei_encoder.render.store import AppearanceRow, CorpusStore, IndexRow

PAGE_SIZE = 300  # entries a page lists at most: documents, persons, or one person's documents
# A person's document comes with up to 24 turn and mention links, each labelled with the document's
# title for screen readers: half as many keep the largest person page far below 1 MB.
APPEARANCES_PAGE_SIZE = 150
MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_ENTRIES = b"<!--entries-->"


# ---------------------------------------------------------------- the paging rule (pure: unit-tested)


@dataclass(slots=True)
class IndexPage:
    """One page of the index: ``size`` documents of one group (a year, or a month of a busy year)."""

    file: str
    heading: str | None
    size: int
    year: str
    month: str | None  # None: the page holds a whole year
    position: int = 1  # within its group
    pages: int = 1


@dataclass(slots=True)
class YearLink:
    label: str
    file: str
    count: int
    months: list[YearLink] = field(default_factory=list)


def _year_label(year: str) -> str:
    return year or "Undated"


def _month_label(year: str, month: str) -> str:
    if not year:
        return "Undated"
    number = int(month) if month.isdigit() else 0
    return f"{MONTHS[number]} {year}" if 0 < number < len(MONTHS) else f"{year}, month not given"


def _chunks(base: str, total: int, page_size: int) -> list[tuple[str, int]]:
    """File names and sizes of ``total`` entries in pages: BASE.html, BASE-2.html …"""
    sizes = [min(page_size, total - start) for start in range(0, total, page_size)] or [0]
    return [(f"{base}.html" if n == 1 else f"{base}-{n}.html", size) for n, size in enumerate(sizes, 1)]


def plan_index(groups: Sequence[tuple[str, str, int]], page_size: int = PAGE_SIZE
               ) -> tuple[list[YearLink], list[IndexPage]]:
    """The index pages for documents grouped (year, month, count) in index order.

    Returns the years the overview lists (empty when everything fits on index.html) and the pages
    that list documents, in index order.
    """
    total = sum(count for _, _, count in groups)
    if total <= page_size:
        return [], [IndexPage("index.html", None, total, "", None)]
    years: dict[str, list[tuple[str, int]]] = {}
    for year, month, count in groups:
        years.setdefault(year, []).append((month, count))
    links: list[YearLink] = []
    pages: list[IndexPage] = []
    for year, months in years.items():
        count = sum(n for _, n in months)
        slug = year or "undated"
        if count <= page_size or not year:
            chunks = _chunks(f"years/{slug}", count, page_size)
            links.append(YearLink(_year_label(year), chunks[0][0], count))
            pages.extend(IndexPage(file, _year_label(year), size, year, None, n, len(chunks))
                         for n, (file, size) in enumerate(chunks, 1))
            continue
        link = YearLink(year, "", count)
        for month, month_count in months:
            chunks = _chunks(f"years/{year}-{month or '00'}", month_count, page_size)
            link.months.append(YearLink(_month_label(year, month), chunks[0][0], month_count))
            pages.extend(IndexPage(file, _month_label(year, month), size, year, month, n, len(chunks))
                         for n, (file, size) in enumerate(chunks, 1))
        link.file = link.months[0].file
        links.append(link)
    return links, pages


def _letter(person: str) -> tuple[str, str]:
    """A person's letter in the A–Z index, and its id (for anchors and file names)."""
    letter = person[:1].upper() if person[:1].isalpha() else "#"
    return letter, letter if letter.isalnum() else "other"


# ---------------------------------------------------------------- writing pages (only those that changed)


class PageWriter:
    """Renders corpus pages into ``out``, skipping any whose input digest the store already has."""

    def __init__(self, renderer: Renderer, store: CorpusStore, out: Path) -> None:
        # These pages have no TEI header of their own: they state the edition the documents' headers state.
        edition = store.edition()
        self.renderer = renderer.with_edition(edition)
        self.store = store
        self.out = out
        self.written: list[str] = []  # every page this run produced (rendered or unchanged)
        self.rendered = 0
        self.settings = "\0".join((renderer.site_title or "", renderer.nav_extra, renderer.persons_href,
                                   edition.title, edition.publisher, edition.licence, edition.licence_href))

    def write(self, file: str, stylesheet: str, document: bytes, current: str = "") -> None:
        root = "../" * file.count("/")
        digest = hashlib.sha256("\0".join((stylesheet, root, current, self.settings)).encode() + b"\0"
                                + document).hexdigest()
        self.written.append(file)
        target = self.out / file
        if self.store.page_digest(file) == digest and target.is_file():
            return
        tree = etree.fromstring(document, xmlsafe.safe_parser())
        files.write_bytes(_made_folder(target), self.renderer.corpus_page_bytes(stylesheet, tree, current, root))
        self.store.set_page(file, digest)
        self.rendered += 1

    def write_extra(self, file: str, title: str, content: etree._Element, current: str = "") -> None:
        """An extra page (build's validation report) in the site's frame, skipped when unchanged."""
        document = etree.tostring(content, encoding="utf-8")
        root = "../" * file.count("/")
        digest = hashlib.sha256("\0".join(("page", title, root, current, self.settings)).encode() + b"\0"
                                + document).hexdigest()
        self.written.append(file)
        target = self.out / file
        if self.store.page_digest(file) == digest and target.is_file():
            return
        html = self.renderer.render_page(title, content, current, root=root)
        files.write_bytes(_made_folder(target), html.encode("utf-8"))
        self.store.set_page(file, digest)
        self.rendered += 1

    def keep(self, *pages: str) -> bool:
        """Leave pages as an earlier run wrote them, when they are all there (the caller knows their input is
        unchanged); say whether they were."""
        if not all(self.store.page_digest(file) and (self.out / file).is_file() for file in pages):
            return False
        self.written.extend(pages)
        return True

    def remove_others(self) -> list[str]:
        """Delete the pages an earlier run wrote that this one did not; return their names."""
        keep = set(self.written)
        removed = []
        for file in self.store.pages():
            if file not in keep:
                remove_output(self.out, file)
                self.store.forget_page(file)
                removed.append(file)
        return removed


def _made_folder(target: Path) -> Path:
    files.make_folder(target.parent)
    return target


def remove_output(out: Path, file: str) -> None:
    """Delete one file a build wrote, and its folder when that is left empty (never ``out`` itself)."""
    target = out / file
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != out and folder.is_relative_to(out):
        try:
            folder.rmdir()
        except OSError:  # not empty, or already gone
            break
        folder = folder.parent


def _document(frame: etree._Element, entries: Iterable[bytes]) -> bytes:
    """``frame`` serialised with ``entries`` (serialised elements) as its last children."""
    frame.append(etree.Comment("entries"))
    head, tail = etree.tostring(frame, encoding="utf-8").split(_ENTRIES)
    return head + b"".join(entries) + tail


def _with_attributes(entry: bytes, attributes: dict[str, str | None]) -> bytes:
    """A serialised element with attributes added (cheaper than parsing it: most pages are unchanged)."""
    tag_end = entry.index(b" ") if b" " in entry[:entry.index(b">")] else entry.index(b">")
    added = "".join(f" {name}={_quoted(value)}" for name, value in attributes.items() if value)
    return entry[:tag_end] + added.encode("utf-8") + entry[tag_end:]


_ESCAPES = (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;"), ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))


def _quoted(value: str) -> str:
    """An attribute value escaped and quoted as ``xml.sax.saxutils.quoteattr`` does it (same bytes), without
    importing xml.sax.saxutils: it loads urllib.request, http.client and ssl (a twentieth of a second)."""
    for character, entity in _ESCAPES:
        value = value.replace(character, entity)
    if '"' not in value:
        return f'"{value}"'
    return f"'{value}'" if "'" not in value else '"' + value.replace('"', "&quot;") + '"'


def _pager(up: tuple[str, str] | None, previous: tuple[str, str] | None, following: tuple[str, str] | None,
           position: int = 1, pages: int = 1) -> etree._Element:
    pager = etree.Element("pager", position=str(position), pages=str(pages))
    for prefix, link in (("up", up), ("prev", previous), ("next", following)):
        if link is not None:
            pager.set(prefix, link[0])
            pager.set(f"{prefix}-label", link[1])
    return pager


def _neighbours(pages: Sequence[tuple[str, str]], index: int) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    return (pages[index - 1] if index > 0 else None, pages[index + 1] if index + 1 < len(pages) else None)


# ---------------------------------------------------------------- the index


def write_index(writer: PageWriter, page_size: int | None = None,
                changed: Collection[tuple[str, str]] | None = None) -> None:
    """The index pages; with ``changed`` (the (year, month) of every document changed since the pages were
    written, their plan being the same), a page of other months is left as it is."""
    page_size = page_size or PAGE_SIZE
    store = writer.store
    total = store.count()
    years, pages = plan_index(store.groups(), page_size)
    labels = [(page.file, (page.heading or "") + (f" ({page.position})" if page.pages > 1 else ""))
              for page in pages]
    rows: Iterator[IndexRow] = iter(())
    read, start = -1, 0  # read: the position ``rows`` is at (none yet)
    for number, page in enumerate(pages):
        start += page.size
        if changed is not None and not _holds(page, changed) and writer.keep(page.file):
            continue
        if read != start - page.size:  # pages were kept: only the rows from here on (the others never read)
            rows, read = store.index_rows(start - page.size), start - page.size
        frame = etree.Element("corpus", kind="entries", total=str(total))
        if page.heading is not None:
            frame.set("heading", labels[number][1])
            frame.append(_pager(("index.html", "All years"), *_neighbours(labels, number), page.position, page.pages))
        writer.write(page.file, stylesheets.INDEX, _document(frame, _entries(rows, page.size, page.heading is None)),
                     "index")
        read = start
    if years and not (changed is not None and writer.keep("index.html")):  # the overview is the plan's
        frame = etree.Element("corpus", kind="overview", total=str(total))
        for year in years:
            element = etree.SubElement(frame, "year", label=year.label, href=year.file, count=str(year.count))
            for month in year.months:
                etree.SubElement(element, "month", label=month.label, href=month.file, count=str(month.count))
        writer.write("index.html", stylesheets.INDEX, etree.tostring(frame, encoding="utf-8"), "index")


def _holds(page: IndexPage, changed: Collection[tuple[str, str]]) -> bool:
    if page.heading is None:  # everything on one page
        return bool(changed)
    return any(year == page.year and (page.month is None or month == page.month) for year, month in changed)


def _entries(rows: Iterator[IndexRow], size: int, mark_years: bool) -> Iterator[bytes]:
    year = None
    for _ in range(size):
        row = next(rows)
        attributes = {"status": row.status, "status-level": row.status_level, "status-href": row.status_href}
        if mark_years and row.year != year:
            attributes["year-start"] = row.year or "Undated"
            year = row.year
        yield _with_attributes(row.entry, attributes)


# ---------------------------------------------------------------- persons


@dataclass(frozen=True, slots=True)
class PersonLink:
    person: str
    item: bytes  # the <person> element of a letter page


def write_persons(writer: PageWriter, page_size: int | None = None, changed: Collection[str] | None = None,
                  changed_documents: Collection[str] | None = None) -> None:
    """Every person's page as the store streams them, then the A–Z index and the letter pages; with
    ``changed`` (the persons of every document changed since the pages were written), another person's pages
    are left as they are and their link is the one the store kept; with ``changed_documents`` too (those
    documents' page names), a page of a changed person is laid out only when it holds one of them or its
    heading, place or documents moved (the busiest persons have dozens of pages)."""
    page_size = page_size or PAGE_SIZE
    per_page = min(page_size, APPEARANCES_PAGE_SIZE)
    by_letter: dict[tuple[str, str], list[PersonLink]] = {}
    for person, appearances, kept in writer.store.persons_to_write(changed):
        if kept is not None and writer.keep(*(_person_file(person, n) for n in range(1, kept[0] + 1))):
            link = PersonLink(person, kept[1])
        else:
            link, pages = _write_person(writer, person, appearances, per_page, changed_documents)
            writer.store.set_person_link(person, pages, link.item)
        by_letter.setdefault(_letter(person), []).append(link)
    total = sum(len(links) for links in by_letter.values())
    inline = total <= page_size
    letter_pages = [] if inline else _letter_pages(by_letter, page_size)
    front = etree.Element("corpus", kind="letters", total=str(total))
    front.append(_letters(by_letter, None if inline else page_size))
    groups = [_group(letter, ident, links) for (letter, ident), links in by_letter.items()] if inline else []
    writer.write("persons.html", stylesheets.PERSONS, _document(front, groups), "persons")
    labels = [(file, f"{letter} ({n})" if count > 1 else letter) for letter, _, n, count, file, _ in letter_pages]
    for number, (letter, ident, n, count, file, links) in enumerate(letter_pages):
        frame = etree.Element("corpus", kind="letter", heading=labels[number][1], total=str(len(by_letter[letter, ident])))
        frame.append(_letters(by_letter, page_size, current=ident))
        frame.append(_pager(("persons.html", "All letters"), *_neighbours(labels, number), n, count))
        writer.write(file, stylesheets.PERSONS, _document(frame, [_group(letter, ident, links)]), "persons")


def _letter_pages(by_letter: dict[tuple[str, str], list[PersonLink]], page_size: int
                  ) -> list[tuple[str, str, int, int, str, list[PersonLink]]]:
    """(letter, its id, page number, pages of the letter, file, persons) for every letter page."""
    pages = []
    for (letter, ident), links in by_letter.items():
        chunks = _chunks(f"letters/{ident}", len(links), page_size)
        for n, (file, _) in enumerate(chunks, 1):
            pages.append((letter, ident, n, len(chunks), file, links[(n - 1) * page_size:n * page_size]))
    return pages


def _letters(by_letter: dict[tuple[str, str], list[PersonLink]], page_size: int | None,
             current: str | None = None) -> etree._Element:
    element = etree.Element("letters")
    for letter, ident in by_letter:
        link = etree.SubElement(element, "letter", id=ident, label=letter,
                                href=f"#letter-{ident}" if page_size is None else href(f"letters/{ident}"))
        if ident == current:
            link.set("current", "current")
    return element


def _group(letter: str, ident: str, links: Sequence[PersonLink]) -> bytes:
    return _document(etree.Element("group", id=ident, label=letter), (link.item for link in links))


@dataclass(frozen=True, slots=True)
class _Heading:
    """What every page of a person shows above their documents."""

    display: str
    variants: tuple[str, ...]
    life: str | None
    occupation: str | None
    docs: int

    @classmethod
    def of(cls, person: str, appearances: Sequence[AppearanceRow]) -> _Heading:
        return cls.of_names(person, Counter((a.name, a.variants) for a in appearances),
                            next((a.life for a in appearances if a.life), None),
                            next((a.occupation for a in appearances if a.occupation), None))

    @classmethod
    def of_names(cls, person: str, names: Counter[tuple[str | None, tuple[str, ...]]], life: str | None,
                 occupation: str | None) -> _Heading:
        """From how often each (name, variants) is given, and the first life and occupation in index order."""
        counts: Counter[str] = Counter()
        for (name, _), count in names.items():
            counts[name or person] += count
        display = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
        return cls(display,
                   tuple(sorted({text for name, variants in names for text in (name, *variants)
                                 if text and text != display})),
                   life, occupation, sum(names.values()))

    @classmethod
    def from_store(cls, store: CorpusStore, person: str) -> _Heading:
        """As ``of`` a person's appearances, from a few queries (an edit's busiest persons have thousands)."""
        names, life, occupation = store.person_heading(person)
        return cls.of_names(person, Counter(names), life, occupation)


def _write_person(writer: PageWriter, person: str, appearances: list[AppearanceRow] | None, page_size: int,
                  changed_documents: Collection[str] | None = None) -> tuple[PersonLink, int]:
    """A person's pages (from their appearances, else from the store: the heading from a few queries and their
    documents' names, the items only of the pages laid out); with ``changed_documents``, a page laid out from
    the same heading, place and documents as last time (its key) and holding none of those documents is left
    as it is. Returns their entry of the A-Z pages and their number of pages."""
    if appearances is not None:
        heading, docs = _Heading.of(person, appearances), [a.doc for a in appearances]
    else:
        heading, docs = _Heading.from_store(writer.store, person), writer.store.person_docs(person)
    pages = len(_chunks("", len(docs), page_size))
    links = [(person_href(person, n), f"page {n}") for n in range(1, pages + 1)]
    keys = [hashlib.sha256(repr((writer.settings, person, heading, n, pages,
                                 docs[(n - 1) * page_size:n * page_size])).encode()).hexdigest()
            for n in range(1, pages + 1)]
    to_write = [n for n in range(1, pages + 1) if changed_documents is None
                or not _unchanged_person_page(writer, _person_file(person, n), keys[n - 1],
                                              docs[(n - 1) * page_size:n * page_size], changed_documents)]
    items = _page_items(writer.store, person, appearances, page_size, to_write)
    for n in to_write:
        frame = etree.Element("corpus", kind="person")
        if pages > 1:
            frame.append(_pager(None, *_neighbours(links, n - 1), n, pages))
        element = _person_heading(frame, person, heading)
        writer.write(_person_file(person, n), stylesheets.PERSONS,
                     _person_document(frame, element, items[n]), "persons")
        writer.store.set_person_page_key(_person_file(person, n), keys[n - 1])
    attributes = {"id": person, "href": person_href(person), "name": heading.display, "docs": str(heading.docs)}
    if heading.life:
        attributes["life"] = heading.life
    return PersonLink(person, etree.tostring(etree.Element("person", attributes), encoding="utf-8")), pages


def _unchanged_person_page(writer: PageWriter, file: str, key: str, docs: Sequence[str],
                           changed_documents: Collection[str]) -> bool:
    """Whether a person page is left as it is (and counted as written): laid out from the same key, holding
    no changed document, and there."""
    return (writer.store.person_page_key(file) == key and not any(doc in changed_documents for doc in docs)
            and writer.keep(file))


def _page_items(store: CorpusStore, person: str, appearances: list[AppearanceRow] | None, page_size: int,
                pages: list[int]) -> dict[int, list[bytes]]:
    """The items of each of a person's ``pages``: those the appearances carry, else each page's read from the
    store at its place in index order."""
    if appearances is not None and all(a.item is not None for a in appearances):
        return {n: [a.item for a in appearances[(n - 1) * page_size:n * page_size] if a.item is not None]
                for n in pages}
    return {n: store.appearance_items_in_order(person, (n - 1) * page_size, page_size) for n in pages}


def _person_heading(frame: etree._Element, person: str, heading: _Heading) -> etree._Element:
    element = etree.SubElement(frame, "person", id=person, docs=str(heading.docs))
    etree.SubElement(element, "name").text = heading.display
    for variant in heading.variants:
        etree.SubElement(element, "variant").text = variant
    for tag, value in (("life", heading.life), ("occupation", heading.occupation)):
        if value:
            etree.SubElement(element, tag).text = value
    return element


def _person_file(person: str, page: int) -> str:
    return f"persons/{person}.html" if page == 1 else f"persons/{person}/{page}.html"


def _person_document(frame: etree._Element, person: etree._Element, items: Iterable[bytes]) -> bytes:
    person.append(etree.Comment("entries"))
    head, tail = etree.tostring(frame, encoding="utf-8").split(_ENTRIES)
    return head + b"".join(items) + tail
