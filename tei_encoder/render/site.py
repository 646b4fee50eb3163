"""Render a whole edition: a page and a plain-text view per document, the index,
the persons pages, extra pages (such as build's validation report) and the CSS.

Documents are rendered independently (in worker processes with ``jobs`` > 1,
each compiling the stylesheets once) by ``render_document_files``, which
``build`` uses too; each returns its summary folded into a small
``DocRecord`` (render/corpus.py), kept in a ``CorpusStore`` (render/store.py),
from which the index and persons pages are written (render/pages.py).
Ordering never depends on timing or on the file system: the same inputs give
the same bytes.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from lxml import etree

from tei_encoder import files, xmlsafe
from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.parallel import ordered_map
from tei_encoder.render import stylesheets
from tei_encoder.render import pages as corpus_pages
from tei_encoder.render.corpus import DocRecord, DocumentStatus, DocumentSummary, fold
from tei_encoder.render.names import href, page_names
from tei_encoder.render.renderer import Renderer, RenderError, Tree, as_tree, load
from tei_encoder.render.store import CorpusStore

Source = str | os.PathLike[str] | tuple[str, Tree]
T = TypeVar("T")


class Tracker(Protocol):
    """Watches documents go by (a command's progress bar): yields ``items`` unchanged."""

    def __call__(self, items: Iterable[T], total: int) -> Iterable[T]: ...


def untracked(items: Iterable[T], total: int) -> Iterable[T]:
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
    record: DocRecord | None
    error: str | None = None


@functools.lru_cache(maxsize=4)
def _renderer(site_title: str, nav_extra: tuple[tuple[str, str], ...]) -> Renderer:
    return Renderer(site_title=site_title, nav_extra=nav_extra)


def render_document_files(renderer: Renderer, tree: etree._ElementTree, label: str, name: str, out: Path,
                          write_text: bool = True) -> tuple[DocRecord, tuple[str, ...]]:
    """Write one document's page (and plain text) into ``out``; return its corpus record and the files
    written (relative to ``out``). Raises RenderError, ValueError … for a document that cannot be rendered
    (nothing is written then); a page that cannot be written stops everything with files.OutputError."""
    page = renderer.document_bytes(tree, name)
    text = renderer.text_bytes(tree) if write_text else None
    record = fold(DocumentSummary(label, name, renderer.summarize(tree)), write_text)
    written = [f"{name}.html"]
    files.write_bytes(out / written[0], page)
    if text is not None:
        written.append(f"{name}.txt")
        files.write_bytes(out / written[1], text)
    return record, tuple(written)


def _render_one(task: _Task, tree: etree._ElementTree | None = None) -> _Done:
    renderer = _renderer(task.site_title, task.nav_extra)
    try:
        if tree is None:
            tree = load(Path(task.path)) if task.path is not None else xmlsafe.parse_bytes(task.data or b"")
        record, _ = render_document_files(renderer, tree, task.label, task.name, Path(task.out_dir),
                                          task.write_text)
    except (etree.XMLSyntaxError, RenderError, OSError, ValueError) as error:  # this document, not the site
        return _Done(task.position, task.label, task.name, None, f"{error.__class__.__name__}: {error}")
    return _Done(task.position, task.label, task.name, record)


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
                track: Tracker = untracked) -> SiteResult:
    """Write the edition into ``out_dir``.

    ``sources`` are TEI file paths or ``(name, tree)`` pairs. Per document:
    ``NAME.html`` and (``write_text``) ``NAME.txt``; then ``index.html`` (and
    ``years/`` when the documents need several pages), ``persons.html``, a page
    per person in ``persons/`` (and ``letters/``), each extra page and ``assets/``. ``statuses`` maps a
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
    if jobs > 1 and len(tasks) > 1:
        done: Iterable[_Done] = ordered_map(_render_one, tasks, jobs=jobs, initializer=_renderer,
                                            initargs=(site_title, nav_extra))
    else:
        done = (_render_one(task, trees.pop(task.position, None)) for task in tasks)
    renderer = _renderer(site_title, nav_extra)
    # The corpus summary waits in a temporary database, not in memory (see render/store.py).
    with tempfile.TemporaryDirectory(prefix="tei-encoder-site-") as scratch:
        store = CorpusStore(Path(scratch) / "corpus.sqlite")
        try:
            for d in track(done, len(tasks)):
                if d.record is None:
                    diagnostics.append(Diagnostic(file=d.label, message=d.error or "", rule="render"))
                else:
                    store.put(d.record, (statuses or {}).get(d.name) or (statuses or {}).get(d.label))
            order = tuple(store.names())
            writer = corpus_pages.PageWriter(renderer, store, out)
            corpus_pages.write_index(writer)
            corpus_pages.write_persons(writer)
        finally:
            store.close()
    for page in extra_pages:
        html = renderer.render_page(page.title, page.content, href(Path(page.filename).stem))
        files.write_bytes(out / page.filename, html.encode("utf-8"))
    copy_assets(out)
    return SiteResult(out, order, len(order) + len(writer.written) + len(extra_pages), tuple(diagnostics))


def copy_assets(out: Path) -> None:
    """Copy the CSS (and anything else in xslt/assets) to OUT/assets/."""
    target = files.make_folder(out / "assets")
    for item in sorted(stylesheets.assets_dir().iterdir()):
        if item.is_file():
            files.copy_file(item, target / item.name)
