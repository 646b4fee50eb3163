"""One build of a site, doing only what changed since the last one.

A source is built again when it is new, its bytes changed (sha256), its page
name changed, or one of its files is missing (its TEI, trace, proof page,
page, plain text, downloadable TEI); every source is built again when the tool
version or the settings digest changed (the project file's ``Config.digest()``
among them; manifest.py). The outputs of a source that is gone, or that no
longer produces them, are removed. The index, persons, validation report and
review pages are then written from the stored summaries and guesses
(render/pages.py renders only those whose input changed), and
``tei/persons.xml`` from the records' TEI when any record changed, so the
result is the same bytes as a clean build of the same sources.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from tei_encoder import files
from tei_encoder.build import search
from tei_encoder.build.manifest import (MANIFEST_NAME, ORDER_CHANGE, REVIEW_CHANGES, REVIEW_CONTEXT, REVIEW_DIGEST,
                                        SOURCE_CHANGE, KnownSource, Manifest,
                                        ReportRow, SourceRow, content_digest, settings_digest, tool_version)
from tei_encoder.config import Config
from tei_encoder.diagnostics import Severity
from tei_encoder.parallel import ordered_map
from tei_encoder.inputs import Outcome, record_files, stem_of
from tei_encoder.render import pages as corpus_pages
from tei_encoder.render.corpus import DocumentStatus
from tei_encoder.render.names import href, page_names
from tei_encoder.render import review
from tei_encoder.render.review import REVIEW_PAGE
from tei_encoder.render.store import DOCUMENT_CHANGES
from tei_encoder.render.renderer import TEI_FOLDER, Renderer
from tei_encoder.render.stylesheets import assets_dir, copy_assets
from tei_encoder.trace import KINDS

if TYPE_CHECKING:
    from tei_encoder.build.record import RecordResult, RecordTask

REPORT_PAGE = "validation.html"
PERSONS_TEI = f"{TEI_FOLDER}/persons.xml"  # writer.personography.PERSONS_FILE (importing the writer costs)
# Record pages never take a site page's name: the report, the search page, the review pages (their first
# page per kind; a kind's further pages, review-KIND-2.html …, are left to chance).
RESERVED = (Path(REPORT_PAGE).stem, Path(search.SEARCH_PAGE).stem, Path(REVIEW_PAGE).stem,
            *(f"review-{kind}" for kind in KINDS))
COLUMNS = ("Record", "Family", "Result", "Findings")  # of the report's table
REPORT_LINE = "report-line:"  # meta, per report page: its line of the summary, as json
REPORT_PAGE_SIZE = 200  # records per page of the validation report
COMMIT_EVERY = 500  # records: an interrupted build keeps what it finished
CORPUS_PAGES = "corpus-pages"  # meta: the settings the index and persons pages were made with, and their files
RACY_NS = 2_000_000_000  # a source modified this shortly before it was hashed is hashed again next time
# Sources stored again up to which the badge links and report pages are updated source by source (each a
# count in the report's order); beyond, the whole report is gone through once.
FEW_SOURCES = 50
SearchPlan = tuple[dict[str, list[str]], dict[str, str]]  # search shard key → page names; page name → source digest


@dataclass(slots=True)
class BuildResult:
    sources: int = 0  # records found (and problems such as a duplicate stem)
    rebuilt: int = 0  # records converted this time
    removed: int = 0  # sources gone since the last build
    failed: int = 0
    invalid: int = 0
    not_rendered: int = 0
    unusable: bool = False  # a path named no record (a usage error: exit status 2)
    documents: int = 0  # pages of documents in the site
    pages_rendered: int = 0  # corpus pages rendered this time
    unknown: list[str] = field(default_factory=list)  # files in the output folder no build wrote
    notices: list[str] = field(default_factory=list)  # for the user: search left out, and why


Tracker = Callable[[Iterable["RecordResult"], int], Iterable["RecordResult"]]


def clean(out: Path) -> None:
    """Remove what earlier builds wrote into ``out`` (only files the manifest lists) and the manifest."""
    path = out / MANIFEST_NAME
    if not path.exists():
        return
    manifest = Manifest(path)
    try:
        listed = sorted(manifest.files())
    finally:
        manifest.close()
    for file in listed:
        corpus_pages.remove_output(out, file)
    path.unlink()


def build(source: Path, out: Path, *, jobs: int, family: str | None, site_title: str | None,
          on_outcome: Callable[[Outcome], None], track: Tracker, with_search: bool = True,
          config: Config = Config()) -> BuildResult:
    """Build ``source`` (a folder of records, or one record) into ``out``; ``on_outcome`` hears of every record
    converted this time (and of problems such as a duplicate stem)."""
    files.make_folder(out / TEI_FOLDER)
    manifest = Manifest(out / MANIFEST_NAME)
    try:
        return _build(manifest, source, out, jobs, family, site_title, on_outcome, track, with_search, config)
    finally:
        manifest.commit()
        manifest.close()


def _build(manifest: Manifest, source: Path, out: Path, jobs: int, family: str | None, site_title: str | None,
           on_outcome: Callable[[Outcome], None], track: Tracker, wanted_search: bool,
           config: Config) -> BuildResult:
    result = BuildResult()
    with_search = wanted_search and search.available()
    settings = (tool_version(), settings_digest(config, {"title": site_title, "family": family,
                                                         "search": with_search}))
    everything = manifest.settings() != settings
    if everything:
        manifest.forget_page_digests()
        manifest.set_settings(*settings)
    found, problems = record_files([source], exclude=out)  # strings: a Path per record costs (10,000 on each run)
    keys = _keys(found, source)
    names = page_names([stem_of(path) for path in found], reserved=RESERVED)
    known_sources = manifest.known_sources()
    result.removed = _remove_gone(manifest, out, set(keys), known_sources)
    result.unusable = any(problem.unusable for problem in problems)
    for problem in problems:
        on_outcome(problem)
        manifest.put_source(_problem_row(problem))
    nav_extra: tuple[tuple[str, str], ...] = (("Validation", href(Path(REPORT_PAGE).stem)),
                                              ("Review", href(Path(REVIEW_PAGE).stem)))
    if with_search:
        nav_extra += (("Search", href(Path(search.SEARCH_PAGE).stem)),)
    present = _files_in(out)  # one walk of the site instead of a stat per record's file
    changed = _changed_sources(manifest, out, zip(found, keys, names), known_sources, present, everything)
    del known_sources
    persons_changed = everything or bool(result.removed)
    if changed:
        persons_changed |= _build_records(manifest, out, changed, jobs, RecordSettings(family, site_title, nav_extra,
                                                                                       config), on_outcome, track)
    result.rebuilt = len(changed)
    plan = _search_plan(manifest) if with_search else None
    indexing = _start_search(manifest, out, with_search, settings[1], result, wanted_search, present, plan)
    try:
        writer = write_corpus_pages(manifest, out, site_title, nav_extra, with_search, plan)
        _update_persons_tei(manifest, out, persons_changed, config)
    finally:  # a build that stops here still leaves no Pagefind writing into the site after it
        _finish_search(manifest, indexing, result)
    copy_assets(out)
    for item in sorted(assets_dir().iterdir()):
        if item.is_file():
            manifest.note_written(f"assets/{item.name}")
    result.pages_rendered = writer.rendered
    result.sources, result.failed, result.invalid, result.not_rendered = manifest.totals()
    result.documents = manifest.count()
    manifest.commit()
    result.unknown = _unknown_files(out, present, manifest.files())
    return result


@dataclass(frozen=True, slots=True)
class RecordSettings:
    """What every record's build is given besides its source (build/record.py's RecordTask)."""

    family: str | None
    site_title: str | None
    nav_extra: tuple[tuple[str, str], ...]
    config: Config


def _changed_sources(manifest: Manifest, out: Path, sources: Iterable[tuple[str, str, str]],
                     known_sources: dict[str, KnownSource], present: dict[str, None], everything: bool
                     ) -> list[tuple[str, str, str, str]]:
    """(key, digest, path, page name) of each source to build again: new, edited, renamed, or with a file
    missing (``present``: the site's files); the old files of a renamed one are removed."""
    changed = []
    stats = manifest.source_stats()
    # The files missing from the site, found with set operations over all outputs at once (a test per record
    # and file took 0.02 s at 10,000 records); usually none, and then no record's files are looked at again.
    missing = set(chain.from_iterable(known.outputs for known in known_sources.values())).difference(present)
    for path, key, name in sources:
        digest = _source_digest(manifest, stats, key, path)
        known = known_sources.get(key)
        if (everything or known is None or known.digest != digest or known.name != name
                or (missing and not missing.isdisjoint(known.outputs))):
            if known is not None and known.name != name:  # renamed: its old page may be another's new one
                _forget(manifest, out, known)
            changed.append((key, digest, path, name))
    return changed


def _build_records(manifest: Manifest, out: Path, changed: list[tuple[str, str, str, str]], jobs: int,
                   settings: RecordSettings, on_outcome: Callable[[Outcome], None], track: Tracker) -> bool:
    """Convert, validate and render the changed sources (here or on workers) and store what each gave; say
    whether tei/persons.xml must be written again."""
    # The converter and the document stylesheets are loaded only when a record is to be built: a build with
    # nothing changed never imports them (about 0.8 s of start-up).
    from tei_encoder.build.record import RecordTask, build_record, start_worker

    tasks = [RecordTask(path, name, str(out), settings.family, settings.site_title, settings.nav_extra,
                        settings.config) for _, _, path, name in changed]
    done = ordered_map(build_record, tasks, jobs=jobs, initializer=start_worker,
                       initargs=(settings.site_title, settings.nav_extra), min_parallel=4)
    persons_changed = False
    for count, ((key, digest, _, _), task, record) in enumerate(zip(changed, tasks, track(done, len(tasks))), 1):
        on_outcome(record.outcome)
        persons_changed |= _store(manifest, out, key, digest, task, record)
        if count % COMMIT_EVERY == 0:
            manifest.commit()
    return persons_changed


def write_corpus_pages(manifest: Manifest, out: Path, site_title: str | None,
                       nav_extra: tuple[tuple[str, str], ...], with_search: bool,
                       plan: SearchPlan | None = None) -> corpus_pages.PageWriter:
    """The pages made from the whole corpus (index, persons, letters, validation report, review, search),
    from the stored summaries; those no longer produced are deleted. ``plan``: the search shards, when known."""
    moved, stored_again = manifest.report_changes()
    report_changed = None if moved or len(stored_again) > FEW_SOURCES else stored_again  # None: every place
    _link_statuses(manifest, REPORT_PAGE_SIZE, report_changed)
    # Not render.site's renderer: that one compiles the document stylesheets, which corpus pages never use.
    writer = corpus_pages.PageWriter(Renderer(site_title=site_title, nav_extra=nav_extra, compile_now=()),
                                     manifest, out)
    _write_index_and_persons(writer, manifest)
    _write_report(writer, manifest, REPORT_PAGE_SIZE, report_changed)
    manifest.forget_changes((SOURCE_CHANGE, ORDER_CHANGE))
    _write_review(writer, manifest)
    if with_search:
        shards = (plan or _search_plan(manifest))[0]
        writer.write_extra(search.SEARCH_PAGE, "Search", search.page_content(shards), search.SEARCH_PAGE)
    writer.remove_others()
    return writer


def _write_index_and_persons(writer: corpus_pages.PageWriter, manifest: Manifest) -> None:
    """The index, years, persons and letter pages. Only the pages holding documents added, removed or changed
    since they were written (or whose badge's link moved) are made again: the index pages of those documents'
    months while the plan of the index is the same, those documents' persons' pages; and none at all, without
    reading a summary, when nothing changed (nor the site's settings)."""
    context = _digest(writer.settings, corpus_pages.PAGE_SIZE, corpus_pages.APPEARANCES_PAGE_SIZE)
    plan = _digest(*manifest.groups())
    earlier = (manifest.meta(CORPUS_PAGES) or "\n").split("\n")
    changes = manifest.changes()
    same = earlier[0] == context
    if same and not changes and all((writer.out / file).is_file() for file in earlier[2:]):
        writer.written.extend(earlier[2:])
        return
    months = {(value.split("\0")[0], value.split("\0")[1]) for what, value in changes if what == "group"}
    persons = {value for what, value in changes if what == "person"}
    documents = {value for what, value in changes if what == "doc"}
    first = len(writer.written)
    corpus_pages.write_index(writer, changed=months if same and earlier[1] == plan else None)
    corpus_pages.write_persons(writer, changed=persons if same else None, changed_documents=documents)
    manifest.set_meta(CORPUS_PAGES, "\n".join((context, plan, *writer.written[first:])))
    manifest.forget_changes(DOCUMENT_CHANGES)  # the report's and the review pages' changes are their own


def _digest(*parts: object) -> str:
    return hashlib.sha256("\0".join(str(part) for part in parts).encode("utf-8")).hexdigest()


def _write_review(writer: corpus_pages.PageWriter, manifest: Manifest) -> None:
    """The review pages, every guess of the edition (issue 14), from the stored rows a page at a time. When no
    record's guesses changed (nor the site's settings) the pages are left as they are; otherwise only the
    groups whose records' guesses changed are laid out again, then the summaries. While the groups' plan
    cannot have moved (no record gained or lost guesses or its name, no document came, went or changed its
    month: the store's changes say so) the records of other groups are not read at all."""
    context = _digest(writer.settings, review.PAGE_SIZE, review.GROUP_SIZE)
    planned, changed = manifest.review_changes()
    if manifest.meta(REVIEW_CONTEXT) == context and not planned and manifest.meta(REVIEW_DIGEST) is not None:
        _write_review_groups(writer, manifest, changed)
    else:
        _plan_review(writer, manifest)
    manifest.set_meta(REVIEW_CONTEXT, context)
    manifest.forget_changes(REVIEW_CHANGES)


def _write_review_groups(writer: corpus_pages.PageWriter, manifest: Manifest, changed: set[str]) -> None:
    """The review pages when the groups are as planned last time: only the groups of the records whose guesses
    changed are laid out again, then the summaries."""
    earlier = [file for file in manifest.pages() if file == REVIEW_PAGE or file.startswith("review-")]
    groups = manifest.review_groups_of(changed)
    if not all((writer.out / file).is_file() for file in earlier):
        _plan_review(writer, manifest)
        return
    if not groups:
        writer.written.extend(earlier)
        return
    digests = manifest.review_group_digests()
    counts = manifest.rule_counts()
    remade = {file for group in groups for file in (manifest.review_group(group) or ("", ()))[1]}
    remade.update((REVIEW_PAGE, *(review.kind_file(kind) for kind in KINDS)))  # the summaries: written below
    writer.written.extend(file for file in earlier if file not in remade)
    for group in sorted(groups):
        digests[group] = _group_digest(writer.settings, group, manifest.review_group_members(group))
        _write_review_group(writer, manifest, group, digests[group], counts)
    # Ungrouped, every record is in the one group '' (search.plan_shards never names a group so).
    _write_review_summaries(writer, manifest, counts, grouped="" not in digests, digest=_review_digest(digests))


def _review_digest(group_digests: dict[str, str]) -> str:
    return hashlib.sha256("\0".join(f"{group}={value}" for group, value in sorted(group_digests.items()))
                          .encode("utf-8")).hexdigest()


def _plan_review(writer: corpus_pages.PageWriter, manifest: Manifest) -> None:
    """The review pages from every record's guesses: the groups planned again, those changed laid out."""
    records = manifest.review_records()
    grouped = len(records) > review.GROUP_SIZE
    groups = (search.plan_shards(((name, year, month) for _, name, _, year, month in records), review.GROUP_SIZE)
              if grouped else {"": [name for _, name, _, _, _ in records]})
    digests = {name: (key, digest) for key, name, digest, _, _ in records}
    del records
    group_digests = {group: _group_digest(writer.settings, group, (digests[name] for name in names))
                     for group, names in groups.items()}
    digest = _review_digest(group_digests)
    earlier = [file for file in manifest.pages() if file == REVIEW_PAGE or file.startswith("review-")]
    if earlier and manifest.meta(REVIEW_DIGEST) == digest and all((writer.out / file).is_file() for file in earlier):
        writer.written.extend(earlier)
        return
    manifest.set_review_groups({digests[name][0]: group for group, names in groups.items() for name in names})
    counts = manifest.rule_counts()
    for group in sorted(groups):
        _write_review_group(writer, manifest, group, group_digests[group], counts)
    manifest.forget_review_groups(groups)
    _write_review_summaries(writer, manifest, counts, grouped=grouped, digest=digest)


def _write_review_summaries(writer: corpus_pages.PageWriter, manifest: Manifest, counts: list[review.RuleCount],
                            grouped: bool, digest: str) -> None:
    """review.html, and with groups each kind's index of them."""
    writer.write_extra(REVIEW_PAGE, "Guesses to review", review.summary(counts, grouped=grouped), REVIEW_PAGE)
    if grouped:
        for kind in KINDS:
            if any(count.kind == kind for count in counts):
                writer.write_extra(review.kind_file(kind), f"Guesses to review: {kind}", review.kind_index(kind, counts),
                                   REVIEW_PAGE)
    manifest.set_meta(REVIEW_DIGEST, digest)


def _group_digest(settings: str, group: str, members: Iterable[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"{settings}\0{review.PAGE_SIZE}\0{group}\0".encode("utf-8"))
    for key, rows in sorted(members):
        digest.update(f"{key}\0{rows}\0".encode("utf-8"))
    return digest.hexdigest()


def _write_review_group(writer: corpus_pages.PageWriter, manifest: Manifest, group: str, digest: str,
                        counts: list[review.RuleCount]) -> None:
    """One group's pages of every kind, laid out (a page at a time) only when its records' guesses changed."""
    known = manifest.review_group(group)
    if known is not None and known[0] == digest and all((writer.out / file).is_file() for file in known[1]):
        writer.written.extend(known[1])
        return
    made: list[str] = []
    for kind in KINDS:
        total = sum(count.guesses for count in counts if count.kind == kind and count.group == group)
        for page in review.group_pages(kind, group, total, manifest.group_rows(group, kind)):
            writer.write_extra(page.filename, page.title, page.content, REVIEW_PAGE)
            made.append(page.filename)
    manifest.set_review_group(group, digest, made)


def _start_search(manifest: Manifest, out: Path, with_search: bool, settings: str, result: BuildResult,
                  wanted: bool, present: dict[str, None], plan: SearchPlan | None) -> ShardIndexing | None:
    """Start indexing again each search shard whose documents changed (build/search.py), in a thread that runs
    Pagefind while the corpus pages are written (it reads only document pages, all written by now; the wall
    time of an edit's shard is then spent beside them); remove shards now empty. A shard is left alone when
    its digest is the one it was indexed with and its files were all there when the build began (``present``:
    the walk of the site; only this step writes or removes them). ``_finish_search`` records the shards."""
    if not with_search or plan is None:
        _remove_search(manifest, out)
        if wanted:  # --no-search asked for none: nothing to say
            result.notices.append("search left out: Pagefind is not installed (pip install 'tei-encoder[search]')")
        return None
    shards, source_digests = plan
    indexed, stray = _search_files(manifest.written_under(search.INDEX_FOLDER), shards)
    for stale in stray:  # an index no shard owns (an earlier layout, or a shard gone)
        corpus_pages.remove_output(out, stale)
        manifest.forget_written(stale)
    known = manifest.shard_digests()
    for key in known.keys() - shards.keys():
        manifest.forget_shard(key)
    ui_missing = not all((out / file).is_file() for file in search.ui_files())
    todo = []
    for key, names in shards.items():
        digest = search.shard_digest(((name, source_digests[name]) for name in names), settings)
        earlier = indexed.get(key, [])
        if known.get(key) == digest and earlier and all(file in present for file in earlier) and not ui_missing:
            continue
        ui_missing = False  # the first shard indexed writes the search box's files
        for file in earlier:
            corpus_pages.remove_output(out, file)
            manifest.forget_written(file)
        manifest.forget_shard(key)
        todo.append((key, names, digest))
    return ShardIndexing(out, todo) if todo else None


class ShardIndexing:
    """Pagefind run over shards one after another (memory: one shard's index at a time) in a thread; each
    shard's files, or the error that stopped it, are handed back in order."""

    def __init__(self, out: Path, todo: list[tuple[str, list[str], str]]) -> None:
        import queue
        import threading

        self.done: queue.SimpleQueue[tuple[str, str, list[str] | search.SearchError] | None] = queue.SimpleQueue()
        # A daemon: an interrupted build does not wait for the shard being indexed.
        self.thread = threading.Thread(target=self._run, args=(out, todo), name="pagefind", daemon=True)
        self.thread.start()

    def _run(self, out: Path, todo: list[tuple[str, list[str], str]]) -> None:
        try:
            for key, names, digest in todo:
                try:
                    self.done.put((key, digest, search.write_shard(out, key, names)))
                except search.SearchError as error:
                    self.done.put((key, digest, error))
                    return
        finally:
            self.done.put(None)

    def results(self) -> Iterator[tuple[str, str, list[str] | search.SearchError]]:
        while (item := self.done.get()) is not None:
            yield item
        self.thread.join()


def _finish_search(manifest: Manifest, indexing: ShardIndexing | None, result: BuildResult) -> None:
    """Record each shard the thread indexed as it finishes (an interrupted build keeps the shards indexed)."""
    if indexing is None:
        return
    for key, digest, written in indexing.results():
        if isinstance(written, search.SearchError):
            result.notices.append(f"search left out: {written}")
            continue
        for file in (*written, *search.ui_files()):
            manifest.note_written(file)
        manifest.set_shard(key, digest)
        manifest.commit()


def _search_plan(manifest: Manifest) -> SearchPlan:
    """The search shards of the documents now in the site, and each document's source digest (read once, for
    search.html and for the shards)."""
    members = list(manifest.search_members())
    shards = search.plan_shards((name, year, month) for name, year, month, _ in members)
    return shards, {name: digest for name, _, _, digest in members}


def _search_files(written: list[str], shards: Collection[str]) -> tuple[dict[str, list[str]], list[str]]:
    """The search files a build wrote (``written``, in order) by the planned shard they belong to; and those no
    planned shard owns, besides the search box's files (which every shard shares)."""
    prefix = search.SHARDS_FOLDER + "/"
    keep = set(search.ui_files())
    indexed: dict[str, list[str]] = {}
    stray = []
    for file in written:
        key, slash, _ = file[len(prefix):].partition("/") if file.startswith(prefix) else ("", "", "")
        if slash and key in shards:
            indexed.setdefault(key, []).append(file)
        elif file not in keep:
            stray.append(file)
    return indexed, stray


def _remove_search(manifest: Manifest, out: Path) -> None:
    for file in manifest.written_under(search.INDEX_FOLDER):
        corpus_pages.remove_output(out, file)
        manifest.forget_written(file)
    for key in manifest.shard_digests():
        manifest.forget_shard(key)


def _update_persons_tei(manifest: Manifest, out: Path, changed: bool, config: Config) -> None:
    """tei/persons.xml, everyone the corpus names (issue 11 section 1), written again from the records'
    stored persons (never their TEI) when any record's persons changed; none while no record was written."""
    target = out / PERSONS_TEI
    documents = manifest.tei_documents()
    if not documents:
        corpus_pages.remove_output(out, PERSONS_TEI)
        manifest.forget_written(PERSONS_TEI)
        return
    if changed or not target.is_file():
        from tei_encoder.writer.personography import personography_of_entries  # the writer: only when written

        pieces = personography_of_entries(documents, manifest.person_rows(), config.edition_statement("persons"))
        with files.atomic_writer(target) as stream:  # in pieces: one person at a time in memory
            for piece in pieces:
                stream.write(piece)
    manifest.note_written(PERSONS_TEI)


def _source_digest(manifest: Manifest, stats: dict[str, tuple[str, str, int]], key: str, path: str) -> str:
    """The sha256 of a source's bytes, read again only when its size, times or inode changed since it was
    hashed, or when it was modified less than ``RACY_NS`` before it was hashed (a second edit in the same
    clock tick would keep its times: such a file is always read)."""
    status = os.stat(path)
    signature = _signature(status)
    known = stats.get(key)
    if known is not None and known[0] == signature and status.st_mtime_ns + RACY_NS < known[2]:
        return known[1]
    hashed = time.time_ns()
    with open(path, "rb") as stream:
        digest = content_digest(stream.read())
    manifest.set_source_stat(key, signature, digest, hashed)
    return digest


def _signature(status: os.stat_result) -> str:
    """What a source's stat must still say for its stored digest to be trusted: size, modification and change
    times (ns) and inode, as git's index keeps them. Any difference means it is read and hashed again; the
    digest, not the stat, decides whether it is built again."""
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}"


def _keys(paths: list[str], source: Path) -> list[str]:
    """Each record's key: its path inside the source folder (posix), or its name when the source is one file."""
    if not source.is_dir():
        return [Path(path).name for path in paths]
    prefix = os.path.join(str(source), "")
    return [path[len(prefix):].replace(os.sep, "/") if path.startswith(prefix)
            else Path(path).relative_to(source).as_posix() for path in paths]  # string slicing: Path ops cost a second


def _remove_gone(manifest: Manifest, out: Path, keys: set[str], known: dict[str, KnownSource]) -> int:
    """Forget sources no longer there (and earlier problems, found afresh each time); delete their files."""
    removed = 0
    for key, row in known.items():
        if key in keys and row.digest:
            continue
        _forget(manifest, out, row)
        manifest.remove_source(key)
        removed += bool(row.digest)
    return removed


def _forget(manifest: Manifest, out: Path, row: KnownSource | SourceRow) -> None:
    for file in row.outputs:
        corpus_pages.remove_output(out, file)
    if row.name:
        manifest.remove(row.name)


def _store(manifest: Manifest, out: Path, key: str, digest: str, task: RecordTask, done: RecordResult) -> bool:
    """Keep what a record's build gave; say whether tei/persons.xml must be written again."""
    earlier = manifest.source(key)
    if earlier is not None and earlier.name == task.name:
        for file in set(earlier.outputs) - set(done.outputs):  # a record that now fails has no page
            corpus_pages.remove_output(out, file)
    outcome = done.outcome
    if done.record is None or done.record.name != task.name:
        manifest.remove(task.name)
    if done.record is not None:
        manifest.put(done.record, _status(outcome))  # in place of its earlier self (put notes whether it moved)
    row = SourceRow(key, outcome.source, task.name, digest, done.outputs, not outcome.ok, outcome.invalid,
                    done.render_error, _anchor(outcome), _report_row(outcome, done.render_error))
    manifest.put_source(row)
    manifest.put_guesses(key, done.guesses)
    tei_file = Path(row.outputs[0]).name if row.outputs else ""
    persons_differ = manifest.put_persons(key, tei_file, done.persons)
    return persons_differ or earlier is None or _writes_tei(earlier) != _writes_tei(row)


def _writes_tei(row: SourceRow) -> bool:
    return not row.failed and bool(row.outputs)


def _problem_row(problem: Outcome) -> SourceRow:
    return SourceRow(f"\0{problem.source}", problem.source, "", "", (), True, False, None, _anchor(problem),
                     _report_row(problem, None))


# ---------------------------------------------------------------- the validation report


def _status(outcome: Outcome) -> DocumentStatus:
    errors = sum(d.severity is Severity.ERROR for d in outcome.diagnostics)
    warnings = len(outcome.diagnostics) - errors
    if errors:
        return DocumentStatus(f"{errors} error{'s' * (errors != 1)}", "error")
    if warnings:
        return DocumentStatus(f"valid, {warnings} warning{'s' * (warnings != 1)}", "warning")
    return DocumentStatus("valid", "ok")


def _anchor(outcome: Outcome) -> str:
    return "v-" + Path(outcome.output or outcome.source).stem


def _report_row(outcome: Outcome, render_error: str | None) -> bytes:
    row = etree.Element("tr", {"id": _anchor(outcome)})
    # data-label: a phone shows each cell under its column's name (the rows stack there).
    record, family, result, findings = (etree.SubElement(row, "td", {"data-label": label}) for label in COLUMNS)
    record.text = Path(outcome.source).name
    family.text = outcome.family or "—"
    if outcome.error:
        result.text = "not converted"
        findings.text = outcome.error
    else:
        result.text = "invalid" if outcome.invalid else "valid"
        lines = [f"line {d.line or '?'}: {d.severity.value} [{d.rule}] {d.message}" for d in outcome.diagnostics]
        if render_error:
            lines.append(f"not rendered: {render_error}")
        if not lines:
            findings.text = "none"
        else:
            items = etree.SubElement(findings, "ul")
            for line in lines:
                etree.SubElement(items, "li").text = line
    return etree.tostring(row, encoding="utf-8")


def _report_file(page: int, pages: int) -> str:
    return REPORT_PAGE if pages == 1 else f"validation/{page}.html"


def _link_statuses(manifest: Manifest, page_size: int, changed: set[str] | None) -> None:
    """Point each document's badge at its row of the report (its page depends on the records before it); with
    ``changed`` (the keys of the sources stored again, the report's order being the same), only theirs."""
    pages = max(1, -(-manifest.totals()[0] // page_size))
    if changed is not None:  # the others' places are those their links were made for
        for key in sorted(changed):
            place = manifest.report_place(key)
            if place is not None and not place[3]:
                position, name, anchor, _ = place
                manifest.set_status_href(name, f"{_report_file(position // page_size + 1, pages)}#{anchor}")
        return
    current = manifest.status_hrefs()  # one query, and an update only where a link moved (10,000 took 0.2 s)
    for position, (name, anchor, failed) in enumerate(manifest.report_anchors()):
        target = f"{_report_file(position // page_size + 1, pages)}#{anchor}"
        if not failed and name in current and current[name] != target:
            manifest.set_status_href(name, target)


def _write_report(writer: corpus_pages.PageWriter, manifest: Manifest, page_size: int, changed: set[str] | None
                  ) -> None:
    """validation.html: the summary first, then the records' rows (on pages of ``page_size`` records); a page
    whose rows are those it was made from is left as it is without laying it out. With ``changed`` (the keys of
    the sources stored again, the report's order being the same) the other pages' rows are not even read: their
    line of the summary is the one kept when they were made."""
    sources, failed, invalid, not_rendered = manifest.totals()
    pages = max(1, -(-sources // page_size))
    summary = etree.Element("div", {"class": "validation-report"})
    etree.SubElement(summary, "p").text = (
        f"{sources} records: {sources - failed - invalid} valid, {invalid} invalid, {failed} not converted"
        + (f", {not_rendered} not rendered" if not_rendered else "")
        + ". Each TEI file was checked against tei-encoder's XSD and Schematron as it was written.")
    if pages == 1:
        summary.append(_table(row.report_row for row in manifest.report_rows()))
        writer.write_extra(REPORT_PAGE, "Validation report", summary, REPORT_PAGE)
        return
    touched = _report_pages_of(manifest, changed, page_size)
    rows = manifest.report_rows() if touched is None else None
    listing = etree.SubElement(summary, "ul", {"class": "report-pages"})
    for page in range(1, pages + 1):
        file, title = _report_file(page, pages), f"Validation report ({page} of {pages})"
        line = None if touched is None or page in touched else _kept_report_line(writer, manifest, file)
        if line is None:
            size = min(page_size, sources - (page - 1) * page_size)
            chunk = ([next(rows) for _ in range(size)] if rows is not None
                     else list(manifest.report_rows((page - 1) * page_size, size)))
            line = _write_report_page(writer, manifest, chunk, file, title, page, pages)
        item = etree.SubElement(listing, "li")
        etree.SubElement(item, "a", href=file).text = f"{line[0]} … {line[1]}"
        etree.SubElement(item, "span").text = f" ({line[2]} records, {line[3]} with problems)"
    writer.write_extra(REPORT_PAGE, "Validation report", summary, REPORT_PAGE)


def _report_pages_of(manifest: Manifest, changed: set[str] | None, page_size: int) -> set[int] | None:
    """The report pages holding the sources ``changed``; None when that is not known (every page is read)."""
    if changed is None:
        return None
    places = [manifest.report_place(key) for key in changed]
    if any(place is None for place in places):
        return None
    return {place[0] // page_size + 1 for place in places if place is not None}


def _kept_report_line(writer: corpus_pages.PageWriter, manifest: Manifest, file: str) -> list[Any] | None:
    """A report page's line of the summary (first record, last record, records, problems) as kept when it was
    made, when the page is still there; None otherwise."""
    line = manifest.meta(f"{REPORT_LINE}{file}")
    if line is None or manifest.meta(f"input:{file}") is None or not (writer.out / file).is_file():
        return None
    writer.written.append(file)
    return list(json.loads(line))


def _write_report_page(writer: corpus_pages.PageWriter, manifest: Manifest, chunk: list[ReportRow], file: str,
                       title: str, page: int, pages: int) -> list[Any]:
    """One page of the report's rows (left as it is when they are the rows it was made from); its line of the
    summary, which is kept with it."""
    line = [Path(chunk[0].label).name, Path(chunk[-1].label).name, len(chunk), sum(row.problem for row in chunk)]
    manifest.set_meta(f"{REPORT_LINE}{file}", json.dumps(line, ensure_ascii=False))
    inputs = _digest(writer.settings, title, *(row.report_row.hex() for row in chunk))
    if manifest.meta(f"input:{file}") == inputs and (writer.out / file).is_file():
        writer.written.append(file)  # the same rows as when it was made: the same page
        return line
    content = etree.Element("div", {"class": "validation-report"})
    content.append(_report_pager(page, pages))
    content.append(_table(row.report_row for row in chunk))
    writer.write_extra(file, title, content, REPORT_PAGE)
    manifest.set_meta(f"input:{file}", inputs)
    return line


def _report_pager(page: int, pages: int) -> etree._Element:
    pager = etree.Element("nav", {"class": "pager", "aria-label": "Pages"})
    etree.SubElement(pager, "a", {"class": "pager-up", "href": f"../{REPORT_PAGE}"}).text = "Summary"
    if page > 1:
        etree.SubElement(pager, "a", {"class": "pager-prev", "rel": "prev", "href": f"{page - 1}.html"}).text = "← previous"
    etree.SubElement(pager, "span", {"class": "pager-position"}).text = f"page {page} of {pages}"
    if page < pages:
        etree.SubElement(pager, "a", {"class": "pager-next", "rel": "next", "href": f"{page + 1}.html"}).text = "next →"
    return pager


def _table(rows: Iterable[bytes]) -> etree._Element:
    table = etree.Element("table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for label in COLUMNS:
        etree.SubElement(head, "th", {"scope": "col"}).text = label
    body = etree.SubElement(table, "tbody")
    for row in rows:
        body.append(etree.fromstring(row))
    return table


# ---------------------------------------------------------------- files no build wrote


def _files_in(out: Path) -> dict[str, None]:
    """Every file in ``out`` (relative, posix), in walk order (a folder's files by name, then its folders by
    name); hidden files and folders (.git) are not looked at, nor folders reached through a symbolic link."""
    found: dict[str, None] = {}
    _add_files(str(out), "", found)
    return found


def _add_files(folder: str, prefix: str, found: dict[str, None]) -> None:
    files: list[str] = []
    folders: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith("."):
                (folders if entry.is_dir() else files).append(entry.name)
    files.sort()
    found.update(dict.fromkeys(map(prefix.__add__, files)))  # 65,000 files at 10,000 records: no loop in Python
    for name in sorted(folders):
        path = os.path.join(folder, name)
        if not os.path.islink(path):
            _add_files(path, f"{prefix}{name}/", found)


def _unknown_files(out: Path, present: dict[str, None], listed: set[str]) -> list[str]:
    """Files in ``out`` that no build wrote: of those there before the build (``present``), the ones the
    manifest does not list and that are still there (a build only ever removes files it lists)."""
    known = listed | {MANIFEST_NAME, f"{MANIFEST_NAME}-journal"}
    return [file for file in present if file not in known and os.path.lexists(out / file)]
