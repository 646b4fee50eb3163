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

from tei_encoder import files, sniff, xmlsafe
from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.parallel import distributed, ordered_map
from tei_encoder.render import stylesheets
from tei_encoder.render import coverage
from tei_encoder.render import pages as corpus_pages
from tei_encoder.render.corpus import DocRecord, DocumentStatus, DocumentSummary, fold
from tei_encoder.render.names import href, page_names
from tei_encoder.render.renderer import TEI_FOLDER, Counts, Renderer, RenderError, Tree, as_tree
from tei_encoder.render.store import CorpusStore
from tei_encoder.render.stylesheets import copy_assets
from tei_encoder.xinclude import XIncludeRefused, include_hint
from tei_encoder.xinclude import expand as expand_includes

XINCLUDE_NOT_RESOLVED = "xinclude-not-resolved"  # the rule validate reports for the same case

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
    site_title: str | None
    nav_extra: tuple[tuple[str, str], ...]
    proof_lines: str = ""  # the document has a proof page: render.proof.back_links of its trace
    allow_dtd: xmlsafe.LocalDTD | None = None  # --allow-dtd: a local, trusted DTD defines the entities
    xinclude: bool = False  # --xinclude: resolve xi:include from files under the input's folder


@dataclass(frozen=True, slots=True)
class _Done:
    position: int
    label: str
    name: str
    record: DocRecord | None
    error: str | None = None
    warnings: tuple[Diagnostic, ...] = ()


@functools.lru_cache(maxsize=4)
def _renderer(site_title: str | None, nav_extra: tuple[tuple[str, str], ...]) -> Renderer:
    return Renderer(site_title=site_title, nav_extra=nav_extra)


def render_document_files(renderer: Renderer, tree: etree._ElementTree, label: str, name: str, out: Path,
                          write_text: bool = True, proof_lines: str = "",
                          path: str | None = None, warnings: list[Diagnostic] | None = None,
                          data: bytes | None = None) -> tuple[DocRecord, tuple[str, ...]]:
    """Write one document's page, plain text and downloadable TEI (``tei/NAME.xml``, copied from
    ``path`` unless it is that file; ``data``: the bytes of ``path``, when the caller has read them)
    into ``out``; return its corpus record and the files written
    (relative to ``out``). ``proof_lines``: the page links back to its proof page. Raises RenderError,
    ValueError … for a document that cannot be rendered (nothing is written then); a page that cannot
    be written stops everything with files.OutputError. With ``warnings`` (a list to extend), the parts of
    the TEI the page does not show in full are named there and in a note on the page (render/coverage.py)."""
    counts = Counts.of(tree)  # one walk for the three views
    page = renderer.document_bytes(tree, name, proof_lines=proof_lines, counts=counts)
    text = renderer.text_bytes(tree, counts) if write_text else None
    # Imported here: the validate package loads the validator, which build's corpus pages never need.
    from tei_encoder.validate.foreign import written_by_tei_encoder

    if warnings is not None and not written_by_tei_encoder(tree):
        # tei-encoder's own TEI has a page made for it (the card relabels its fixed vocabulary, "recording"
        # as "Recorded by"); tests/test_render.py holds its words. Anyone else's is checked here.
        lost = coverage.left_out(tree, page, text if text is not None else renderer.text_bytes(tree, counts))
        warnings.extend(coverage.diagnostics(label, lost))
        page = coverage.with_note(page, lost)
    record = fold(DocumentSummary(label, name, renderer.summarize(tree, counts)), write_text)
    written = [f"{name}.html"]
    files.write_bytes(out / written[0], page)
    if text is not None:
        written.append(f"{name}.txt")
        files.write_bytes(out / written[1], text)
    tei = f"{TEI_FOLDER}/{name}.xml"
    _keep_tei(path, tree, out / tei, data)
    return record, (*written, tei)


def _render_one(task: _Task, tree: etree._ElementTree | None = None) -> _Done:
    renderer = _renderer(task.site_title, task.nav_extra)
    warnings: list[Diagnostic] = []
    data = None
    try:
        if tree is None:
            if task.path is not None:  # parsed once, and read once for the TEI copy too
                tree, data = xmlsafe.read_document(task.path, allow_dtd=task.allow_dtd)
            else:
                tree = xmlsafe.parse_bytes(task.data or b"")
            warnings.extend(_includes(tree, task))
        record, _ = render_document_files(renderer, tree, task.label, task.name, Path(task.out_dir),
                                          task.write_text, task.proof_lines, task.path, warnings, data)
    except etree.XMLSyntaxError as error:  # this document, not the site
        return _Done(task.position, task.label, task.name, None, _not_xml(task.path, error))
    except (xmlsafe.UnsafeXML, XIncludeRefused) as error:  # its own one line, as validate says it
        return _Done(task.position, task.label, task.name, None, str(error))
    except (RenderError, OSError, ValueError) as error:
        return _Done(task.position, task.label, task.name, None, f"{error.__class__.__name__}: {error}")
    return _Done(task.position, task.label, task.name, record, warnings=tuple(warnings))


def _includes(tree: etree._ElementTree, task: _Task) -> list[Diagnostic]:
    """Resolve xi:include with --xinclude (XIncludeRefused stops the document); without it, a warning
    that names the option, since the included text would be missing from the page."""
    if task.path is None:
        return []
    if task.xinclude:
        expand_includes(tree, Path(task.path))
        return []
    hint = include_hint(tree)
    if hint is None:
        return []
    return [Diagnostic(file=task.label, rule=XINCLUDE_NOT_RESOLVED, severity=Severity.WARNING, line=hint[0],
                       message=hint[1])]


def _not_xml(path: str | None, error: etree.XMLSyntaxError) -> str:
    """A file that is not even XML is most likely a record given to the wrong command: say so."""
    if path is not None:
        try:
            with open(path, "rb") as stream:
                head = stream.read(sniff.HEAD)
        except OSError:
            head = b"<"
        if not sniff.looks_like_xml(head) and sniff.not_plain_text(head) is None:
            return "not TEI: this is plain text, not XML; run convert first"
    return f"{error.__class__.__name__}: {error}"


def _keep_tei(path: str | None, tree: etree._ElementTree, target: Path, data: bytes | None = None) -> None:
    """Put the TEI the page shows where its "Download TEI" link points, unless it is already there
    (``build`` renders the TEI it wrote into the site's tei/ folder)."""
    files.make_folder(target.parent)
    if path is not None:
        if target.exists() and os.path.samefile(path, target):
            return
        if data is None:
            files.copy_file(path, target)
        else:
            files.write_bytes(target, data)
    else:
        files.write_bytes(target, etree.tostring(tree, encoding="UTF-8", xml_declaration=True))


def _label_and_stem(source: Source) -> tuple[str, str]:
    if isinstance(source, tuple):
        return source[0], Path(source[0]).stem if source[0].endswith(".xml") else source[0]
    path = Path(source)
    return str(path), path.stem


def render_site(sources: Iterable[Source], out_dir: str | os.PathLike[str], *,
                extra_pages: Sequence[ExtraPage] = (),
                statuses: Mapping[str, DocumentStatus] | None = None,
                jobs: int = 1,
                site_title: str | None = None,
                write_text: bool = True,
                track: Tracker = untracked,
                proofs: Mapping[str, str] | None = None,
                allow_dtd: xmlsafe.LocalDTD | None = None,
                xinclude: bool = False) -> SiteResult:
    """Write the edition into ``out_dir``.

    ``sources`` are TEI file paths or ``(name, tree)`` pairs. Per document:
    ``NAME.html``, (``write_text``) ``NAME.txt`` and, unless it is there already, the TEI
    itself as ``tei/NAME.xml``, which the page offers for download; then ``index.html`` (and
    ``years/`` when the documents need several pages), ``persons.html``, a page per person in
    ``persons/`` (and ``letters/``), each extra page and ``assets/``. ``statuses`` maps a
    source's label (its path as given, or its name) or its page name to an
    index badge. ``site_title`` names the edition on every page; ``None``: the title the
    documents' headers state, else "Digital edition". ``proofs`` maps a page name to its back links
    (``render.proof.back_links``) when the document has a proof page. ``allow_dtd`` and ``xinclude``:
    read the files as ``validate --allow-dtd``/``--xinclude`` does. ``track`` sees each document as it is done (for a progress bar). A document that cannot be parsed or rendered is reported as a
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
            if jobs > 1 or distributed():
                data = etree.tostring(tree, encoding="utf-8")
            else:
                trees[position] = tree
        else:
            path = str(source)
        tasks.append(_Task(position, label, name, path, data, str(out), write_text, site_title, nav_extra,
                           (proofs or {}).get(name, ""), allow_dtd, xinclude))

    diagnostics: list[Diagnostic] = []
    if (jobs > 1 or distributed()) and len(tasks) > 1:
        done: Iterable[_Done] = ordered_map(_render_one, tasks, jobs=jobs, initializer=_renderer,
                                            initargs=(site_title, nav_extra))
    else:
        done = (_render_one(task, trees.pop(task.position, None)) for task in tasks)
    # The corpus summary waits in a temporary database, not in memory (see render/store.py).
    with tempfile.TemporaryDirectory(prefix="tei-encoder-site-") as scratch:
        store = CorpusStore(Path(scratch) / "corpus.sqlite")
        try:
            for d in track(done, len(tasks)):
                diagnostics.extend(d.warnings)
                if d.record is None:
                    diagnostics.append(Diagnostic(file=d.label, message=d.error or "", rule="render"))
                else:
                    store.put(d.record, (statuses or {}).get(d.name) or (statuses or {}).get(d.label))
            order = tuple(store.names())
            writer = corpus_pages.PageWriter(_renderer(site_title, nav_extra), store, out)
            corpus_pages.write_index(writer)
            corpus_pages.write_persons(writer)
        finally:
            store.close()
    renderer = writer.renderer  # stating the edition, as the index and persons pages do
    for page in extra_pages:
        html = renderer.render_page(page.title, page.content, href(Path(page.filename).stem))
        files.write_bytes(out / page.filename, html.encode("utf-8"))
    copy_assets(out)
    return SiteResult(out, order, len(order) + len(writer.written) + len(extra_pages), tuple(diagnostics))
