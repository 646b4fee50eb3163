"""Render a whole edition: a page and a plain-text view per document, the index,
the persons page, extra pages (such as build's validation report) and the CSS.

Documents are rendered independently (in worker processes with ``jobs`` > 1,
each compiling the stylesheets once); each returns a small summary, and the
index and persons pages are rendered from all summaries at the end. Ordering
never depends on timing or on the file system: the same inputs give the same
bytes.
"""

from __future__ import annotations

import functools
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from lxml import etree

from tei_encoder import files, xmlsafe
from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.parallel import ordered_map
from tei_encoder.render import stylesheets
from tei_encoder.render.names import href, page_names
from tei_encoder.render.renderer import Renderer, RenderError, Tree, as_tree, load

Source = str | os.PathLike[str] | tuple[str, Tree]
T = TypeVar("T")


class Tracker(Protocol):
    """Watches documents go by (a command's progress bar): yields ``items`` unchanged."""

    def __call__(self, items: Iterable[T], total: int) -> Iterable[T]: ...


def _untracked(items: Iterable[T], total: int) -> Iterable[T]:
    return items


@dataclass(frozen=True, slots=True)
class ExtraPage:
    """A page ``build`` (or anyone) adds to the site, in the site's frame.

    ``content`` is HTML: an lxml element (namespace-free HTML) or a
    well-formed fragment string. With ``nav_label`` the page is linked from
    every page's navigation.
    """

    filename: str
    title: str
    content: etree._Element | str
    nav_label: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentStatus:
    """A short badge shown next to a document on the index (for example its validation result)."""

    label: str
    level: str = "ok"  # ok | warning | error
    href: str | None = None


@dataclass(frozen=True, slots=True)
class SiteResult:
    out_dir: Path
    documents: tuple[str, ...]  # page names, in index order
    pages: int  # HTML files written
    diagnostics: tuple[Diagnostic, ...]

    @property
    def failed(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)


@dataclass(frozen=True, slots=True)
class _Task:
    position: int
    label: str  # file path or given name, for diagnostics and statuses
    name: str  # page name
    path: str | None
    data: bytes | None
    out_dir: str
    write_text: bool
    site_title: str
    nav_extra: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _Done:
    position: int
    label: str
    name: str
    summary: bytes | etree._Element | None  # summary.xsl's output; an element when rendered in this process
    error: str | None = None


@functools.lru_cache(maxsize=4)
def _renderer(site_title: str, nav_extra: tuple[tuple[str, str], ...]) -> Renderer:
    return Renderer(site_title=site_title, nav_extra=nav_extra)


def _render_one(task: _Task, tree: etree._ElementTree | None = None, *, serialise: bool = True) -> _Done:
    """Write one document's page (and plain text) and return its summary.

    The summary crosses back to the parent process as XML bytes; rendered in
    the parent itself (``serialise=False``) it stays an element, so it is
    neither serialised nor parsed again.
    """
    renderer = _renderer(task.site_title, task.nav_extra)
    try:
        if tree is None:
            tree = load(Path(task.path)) if task.path is not None else xmlsafe.parse_bytes(task.data or b"")
        page = renderer.document_bytes(tree, task.name)
        text = renderer.text_bytes(tree) if task.write_text else None
        summary: bytes | etree._Element = renderer.summarize(tree)
    except (etree.XMLSyntaxError, RenderError, OSError, ValueError) as error:  # this document, not the site
        return _Done(task.position, task.label, task.name, None, f"{error.__class__.__name__}: {error}")
    # A page that cannot be written (a full disk) stops the whole render with files.OutputError.
    out = Path(task.out_dir)
    files.write_bytes(out / f"{task.name}.html", page)
    if text is not None:
        files.write_bytes(out / f"{task.name}.txt", text)
    if serialise:
        summary = etree.tostring(summary, encoding="utf-8")
    return _Done(task.position, task.label, task.name, summary)


def _label_and_stem(source: Source) -> tuple[str, str]:
    if isinstance(source, tuple):
        return source[0], Path(source[0]).stem if source[0].endswith(".xml") else source[0]
    path = Path(source)
    return str(path), path.stem


def render_site(sources: Iterable[Source], out_dir: str | os.PathLike[str], *,
                extra_pages: Sequence[ExtraPage] = (),
                statuses: Mapping[str, DocumentStatus] | None = None,
                jobs: int = 1,
                site_title: str = "Digital edition",
                write_text: bool = True,
                track: Tracker = _untracked) -> SiteResult:
    """Write the edition into ``out_dir``.

    ``sources`` are TEI file paths or ``(name, tree)`` pairs. Per document:
    ``NAME.html`` and (``write_text``) ``NAME.txt``; then ``index.html``,
    ``persons.html``, each extra page and ``assets/``. ``statuses`` maps a
    source's label (its path as given, or its name) or its page name to an
    index badge. ``track`` sees each document as it is done (for a progress bar). A document that cannot be parsed or rendered is reported as a
    diagnostic and left out; the others are still written.
    """
    out = files.make_folder(out_dir)
    sources = list(sources)
    labels_stems = [_label_and_stem(source) for source in sources]
    reserved = [Path(page.filename).stem for page in extra_pages]
    names = page_names([stem for _, stem in labels_stems], reserved)
    nav_extra = tuple((page.nav_label, href(Path(page.filename).stem)) for page in extra_pages if page.nav_label)

    trees: dict[int, etree._ElementTree] = {}
    tasks = []
    for position, (source, (label, _), name) in enumerate(zip(sources, labels_stems, names)):
        path = data = None
        if isinstance(source, tuple):
            tree = as_tree(source[1])
            if jobs > 1:
                data = etree.tostring(tree, encoding="utf-8")
            else:
                trees[position] = tree
        else:
            path = str(source)
        tasks.append(_Task(position, label, name, path, data, str(out), write_text, site_title, nav_extra))

    diagnostics: list[Diagnostic] = []
    rendered = 0

    def summaries(done: Iterable[_Done]) -> Iterable[_Done]:
        # Results arrive in input order; each summary is folded into the corpus as it comes,
        # so the parent never holds every summary at once.
        nonlocal rendered
        for d in done:
            if d.error is not None:
                diagnostics.append(Diagnostic(file=d.label, message=d.error, rule="render"))
            elif d.summary is not None:
                rendered += 1
                yield d

    if jobs > 1 and len(tasks) > 1:
        done = ordered_map(_render_one, tasks, jobs=jobs, initializer=_renderer, initargs=(site_title, nav_extra))
        corpus = _collect(summaries(track(done, len(tasks))), statuses or {}, write_text)
    else:
        done = (_render_one(task, trees.pop(task.position, None), serialise=False) for task in tasks)
        corpus = _collect(summaries(track(done, len(tasks))), statuses or {}, write_text)

    # The index and persons pages are written in parts, never held whole (see write_corpus_page).
    renderer = _renderer(site_title, nav_extra)
    order = tuple(doc.name for doc in corpus.docs)
    _write_index(renderer, corpus, out / "index.html")
    _write_persons(renderer, corpus, out / "persons.html")
    del corpus
    for page in extra_pages:
        html = renderer.render_page(page.title, page.content, href(Path(page.filename).stem))
        files.write_bytes(out / page.filename, html.encode("utf-8"))
    copy_assets(out)
    return SiteResult(out, order, rendered + 2 + len(extra_pages), tuple(diagnostics))


def copy_assets(out: Path) -> None:
    """Copy the CSS (and anything else in xslt/assets) to OUT/assets/."""
    target = files.make_folder(out / "assets")
    for item in sorted(stylesheets.assets_dir().iterdir()):
        if item.is_file():
            files.copy_file(item, target / item.name)


# ---------------------------------------------------------------- corpus summary

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
class _Corpus:
    docs: list[_Doc]  # in index order: by date, title, name
    people: dict[str, list[_Appearance]]  # each person's appearances in index order


def _intern(value: str | None) -> str:
    # Turn and mention ids (t-3, m-1-1-2-1) repeat from document to document: one string each.
    return sys.intern(value or "")


def _collect(rendered: Iterable[_Done], statuses: Mapping[str, DocumentStatus], write_text: bool) -> _Corpus:
    """Fold each summary into plain values as it arrives; no summary tree outlives its document."""
    parser = xmlsafe.safe_parser()  # one parser for every summary: a document keeps its parser alive
    docs: list[_Doc] = []
    people: dict[str, list[_Appearance]] = {}
    for done in rendered:
        summary = done.summary
        if not isinstance(summary, etree._Element):
            summary = etree.fromstring(summary, parser)
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
    return _Corpus(docs, people)


def _index_entries(corpus: _Corpus, parser: etree.XMLParser) -> Iterable[etree._Element]:
    """The corpus <doc> entries in index order; the first of each year marked with @year-start."""
    year = None
    for doc in corpus.docs:
        entry = etree.fromstring(doc.entry, parser)
        if doc.year != year:
            entry.set("year-start", doc.year or "Undated")
            year = doc.year
        yield entry


def _person_ids(corpus: _Corpus) -> list[str]:
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


def _person_entries(corpus: _Corpus, person_ids: Iterable[str]) -> Iterable[etree._Element]:
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


def _write_index(renderer: Renderer, corpus: _Corpus, path: Path) -> None:
    parser = xmlsafe.safe_parser()
    with files.atomic_writer(path) as stream:
        renderer.write_corpus_page(stylesheets.INDEX, etree.Element("corpus"),
                                   _parts(_index_entries(corpus, parser), INDEX_PART), "index", stream,
                                   count=len(corpus.docs))


def _write_persons(renderer: Renderer, corpus: _Corpus, path: Path) -> None:
    person_ids = _person_ids(corpus)
    frame = etree.Element("corpus")
    for letter in _letters(person_ids):
        frame.append(_letter_element(letter))
    with files.atomic_writer(path) as stream:
        renderer.write_corpus_page(stylesheets.PERSONS, frame,
                                   _parts(_person_entries(corpus, person_ids), PERSONS_PART,
                                          lambda person: len(corpus.people[person.get("id")])),
                                   "persons", stream, count=len(person_ids))


def build_corpus(rendered: Iterable[_Done], statuses: Mapping[str, DocumentStatus],
                 write_text: bool = True) -> etree._Element:
    """The XML the index and persons stylesheets read: documents sorted by date, persons by id.

    render_site never builds it whole: it writes both pages in parts from the same values.
    """
    corpus = _collect(rendered, statuses, write_text)
    root = etree.Element("corpus")
    for entry in _index_entries(corpus, xmlsafe.safe_parser()):
        root.append(entry)
    person_ids = _person_ids(corpus)
    for person in _person_entries(corpus, person_ids):
        root.append(person)
    for letter in _letters(person_ids):
        root.append(_letter_element(letter))
    return root
