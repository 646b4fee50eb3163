"""The build manifest: what a build wrote into its output folder, and from what.

One SQLite file, ``OUT/.tei-encoder-build.sqlite``, holding the corpus store
(render/store.py: every document's index entry and appearances, and a digest
per corpus page) and, per source record: its key (its path within the source
folder), page name, content hash, the files it produced, its validation
result and its row of the validation report. The tool version and the
settings digest of the build that wrote it are kept too: when either changes,
everything is built again.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from itertools import chain
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple
from pathlib import Path

from tei_encoder.config import Config
from tei_encoder.render.proof import RecordTrace
from tei_encoder.render.review import GuessRow, RuleCount, guess_rows
from tei_encoder.render.store import PLACE_CHANGE, CorpusStore
from tei_encoder.trace import from_json

if TYPE_CHECKING:  # the writer (and the document model it imports) is loaded only to write persons.xml
    from tei_encoder.writer.personography import PersonEntry

MANIFEST_NAME = ".tei-encoder-build.sqlite"
# What the manifest stores: a manifest an older build wrote (without the records' persons, say) makes
# the next build rebuild everything, as a changed setting does.
STORE_FORMAT = 2
REVIEW_DIGEST = "review-digest"  # meta: what the review pages were last made from
# The store's table of changes (render/store.py) also notes, for the validation report and the badge links,
# each source stored again ('source', key) and any change of the report's order ('order', ''): a source
# added, removed or given another label. The report is written after the index pages forget their changes.
SOURCE_CHANGE, ORDER_CHANGE = "source", "order"
# And, for the review pages, each record whose guesses changed ('guesses', key) and any change of the review
# groups' plan ('review-plan', ''), besides render/store.py's PLACE_CHANGE.
GUESSES_CHANGE, REVIEW_PLAN_CHANGE = "guesses", "review-plan"
REVIEW_CHANGES = (GUESSES_CHANGE, REVIEW_PLAN_CHANGE, PLACE_CHANGE)
REVIEW_CONTEXT = "review-context"  # meta: the settings and sizes the review pages were planned with

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    name TEXT NOT NULL,
    digest TEXT NOT NULL,
    outputs TEXT NOT NULL,
    failed INTEGER NOT NULL,
    invalid INTEGER NOT NULL,
    render_error TEXT,
    anchor TEXT NOT NULL,
    report_row BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS written (file TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS review_records (key TEXT PRIMARY KEY, name TEXT NOT NULL, digest TEXT NOT NULL,
                                           grp TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS review_records_group ON review_records (grp);
CREATE TABLE IF NOT EXISTS review_rows (key TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL,
                                        rule TEXT NOT NULL, sort TEXT NOT NULL, stem TEXT NOT NULL,
                                        line INTEGER NOT NULL, row BLOB NOT NULL, PRIMARY KEY (key, ord));
CREATE TABLE IF NOT EXISTS review_counts (key TEXT NOT NULL, kind TEXT NOT NULL, rule TEXT NOT NULL,
                                          n INTEGER NOT NULL, grp TEXT NOT NULL DEFAULT '',
                                          PRIMARY KEY (key, kind, rule));
CREATE TABLE IF NOT EXISTS review_groups (grp TEXT PRIMARY KEY, digest TEXT NOT NULL, files TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tei_persons (key TEXT NOT NULL, ord INTEGER NOT NULL, ident TEXT NOT NULL,
                                        document TEXT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (key, ord));
CREATE TABLE IF NOT EXISTS source_stats (key TEXT PRIMARY KEY, signature TEXT NOT NULL, digest TEXT NOT NULL,
                                         hashed INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sources_name ON sources (name);
CREATE INDEX IF NOT EXISTS sources_order ON sources (label, key);
CREATE TABLE IF NOT EXISTS search_shards (shard TEXT PRIMARY KEY, digest TEXT NOT NULL);
"""


# The review summary's counts per kind, group and rule, summed straight from this index: each record's counts
# carry its group (review_records.grp, kept in step by set_review_groups), so no join over every record.
COUNTS_INDEX = "CREATE INDEX IF NOT EXISTS review_counts_total ON review_counts (kind, grp, rule, n)"


def tool_version() -> str:
    import tei_encoder

    return tei_encoder.__version__


def settings_digest(config: Config, settings: Mapping[str, object]) -> str:
    """The digest of everything that shapes the output besides the sources: the project file's
    configuration (``Config.digest()``) and the command's settings (site title, forced family, search)."""
    payload = {"config": config.digest(), "store": STORE_FORMAT, **settings}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One source record as the last build left it."""

    key: str  # its path within the source folder (posix), or the file name
    label: str  # its path as the build was given it
    name: str  # its page name
    digest: str  # sha256 of its bytes; '' for a problem found before conversion (a duplicate stem …)
    outputs: tuple[str, ...]  # files it produced, relative to the output folder
    failed: bool
    invalid: bool
    render_error: str | None
    anchor: str  # its row's id in the validation report
    report_row: bytes  # its <tr> in the validation report


class KnownSource(NamedTuple):
    """What a build needs to know of a source to decide whether to build it again."""

    name: str
    digest: str
    outputs: tuple[str, ...]


class ReportRow(NamedTuple):
    label: str
    problem: bool  # failed, invalid or not rendered
    report_row: bytes


class Manifest(CorpusStore):
    """The corpus store of a built site, plus what the build knows of its sources."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self.connection.executescript(SCHEMA)
        self._add_counts_group()
        self.connection.execute(COUNTS_INDEX)
        self._move_old_guesses()

    def _add_counts_group(self) -> None:
        """A manifest an earlier version wrote keeps no group with the records' counts: copy each record's
        (once; the review pages' input is unchanged, so nothing is rebuilt)."""
        if "grp" in {row[1] for row in self.connection.execute("PRAGMA table_info(review_counts)")}:
            return
        self.connection.execute("BEGIN IMMEDIATE")  # all or nothing, as render/store.py's move of the sort keys
        try:
            self.connection.execute("ALTER TABLE review_counts ADD COLUMN grp TEXT NOT NULL DEFAULT ''")
            self.connection.execute("UPDATE review_counts SET grp = coalesce((SELECT g.grp FROM review_records g "
                                    "WHERE g.key = review_counts.key), '')")
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def _move_old_guesses(self) -> None:
        """A manifest of an earlier build kept each record's guesses as its trace (table ``guesses``): store
        them as rows, one record at a time, so that the next build need not convert every record again."""
        if not self.connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'guesses'"
                                       ).fetchone():
            return
        for key, name, title, trace in self.connection.execute("SELECT key, name, title, trace FROM guesses"):
            self.put_guesses(key, RecordTrace(name, title, from_json(bytes(trace))[1]))
        self.connection.execute("DROP TABLE guesses")
        self.set_meta(REVIEW_DIGEST, None)
        self.connection.commit()

    # ------------------------------------------------------------ tool version and settings

    def settings(self) -> tuple[str | None, str | None]:
        values = dict(self.connection.execute("SELECT key, value FROM meta"))
        return values.get("tool-version"), values.get("config-digest")

    def set_settings(self, version: str, digest: str) -> None:
        self.connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                    [("tool-version", version), ("config-digest", digest)])

    # ------------------------------------------------------------ sources

    def source(self, key: str) -> SourceRow | None:
        row = self.connection.execute("SELECT * FROM sources WHERE key = ?", (key,)).fetchone()
        return _source_row(row) if row else None

    def sources(self) -> Iterator[SourceRow]:
        """Every source, in the validation report's order (by label)."""
        for row in self.connection.execute("SELECT * FROM sources ORDER BY label, key"):
            yield _source_row(row)

    def known_sources(self) -> dict[str, KnownSource]:
        """key → (page name, digest, outputs) of every source, without its report row."""
        return {key: KnownSource(name, digest, tuple(outputs.split("\n")) if outputs else ())  # never an empty name
                for key, name, digest, outputs in self.connection.execute(
                    "SELECT key, name, digest, outputs FROM sources ORDER BY key")}

    def report_anchors(self) -> Iterator[tuple[str, str, bool]]:
        """(page name, report row id, failed) of every source, in the report's order."""
        for name, anchor, failed in self.connection.execute("SELECT name, anchor, failed FROM sources "
                                                            "ORDER BY label, key"):
            yield name, anchor, bool(failed)

    def report_rows(self, start: int = 0, count: int = -1) -> Iterator[ReportRow]:
        """Every source's row of the validation report, in the report's order (or ``count`` from ``start``)."""
        for label, problem, row in self.connection.execute(
                "SELECT label, failed OR invalid OR render_error IS NOT NULL, report_row FROM sources "
                "ORDER BY label, key LIMIT ? OFFSET ?", (count, start)):
            yield ReportRow(label, bool(problem), bytes(row))

    def report_place(self, key: str) -> tuple[int, str, str, bool] | None:
        """A source's position in the report's order (from 0), its page name, its row's id and whether it
        failed; None when it is not there."""
        row = self.connection.execute("SELECT label, name, anchor, failed FROM sources WHERE key = ?",
                                      (key,)).fetchone()
        if row is None:
            return None
        before = self.connection.execute("SELECT count(*) FROM sources WHERE (label, key) < (?, ?)",
                                         (row[0], key)).fetchone()[0]
        return int(before), row[1], row[2], bool(row[3])

    def report_changes(self) -> tuple[bool, set[str]]:
        """Whether the report's order changed since the report was written, and the keys of the sources stored
        again since then."""
        changes = self.connection.execute("SELECT what, value FROM changed WHERE what IN (?, ?)",
                                          (ORDER_CHANGE, SOURCE_CHANGE)).fetchall()
        return (ORDER_CHANGE, "") in changes, {value for what, value in changes if what == SOURCE_CHANGE}

    def _note_change(self, what: str, value: str) -> None:
        self.connection.execute("INSERT OR IGNORE INTO changed VALUES (?, ?)", (what, value))

    def keys(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT key FROM sources ORDER BY key")]

    def source_stats(self) -> dict[str, tuple[str, str, int]]:
        """key → (stat signature, content digest, when it was hashed in ns) of every source hashed before."""
        return {key: (signature, digest, hashed) for key, signature, digest, hashed in
                self.connection.execute("SELECT key, signature, digest, hashed FROM source_stats")}

    def set_source_stat(self, key: str, signature: str, digest: str, hashed: int) -> None:
        self.connection.execute("INSERT OR REPLACE INTO source_stats VALUES (?, ?, ?, ?)",
                                (key, signature, digest, hashed))

    def put_source(self, row: SourceRow) -> None:
        earlier = self.connection.execute("SELECT label FROM sources WHERE key = ?", (row.key,)).fetchone()
        if earlier is None or earlier[0] != row.label:
            self._note_change(ORDER_CHANGE, "")
        self._note_change(SOURCE_CHANGE, row.key)
        self.connection.execute(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row.key, row.label, row.name, row.digest, "\n".join(row.outputs), int(row.failed), int(row.invalid),
             row.render_error, row.anchor, row.report_row))

    def remove_source(self, key: str) -> None:
        if self.connection.execute("DELETE FROM sources WHERE key = ?", (key,)).rowcount:
            self._note_change(ORDER_CHANGE, "")
        self._forget_guesses(key)
        self.connection.execute("DELETE FROM tei_persons WHERE key = ?", (key,))
        self.connection.execute("DELETE FROM source_stats WHERE key = ?", (key,))

    def totals(self) -> tuple[int, int, int, int]:
        """(sources, failed, invalid, not rendered)."""
        row = self.connection.execute(
            "SELECT count(*), coalesce(sum(failed), 0), coalesce(sum(invalid), 0), "
            "coalesce(sum(render_error IS NOT NULL), 0) FROM sources").fetchone()
        return int(row[0]), int(row[1]), int(row[2]), int(row[3])

    # ------------------------------------------------------------ each record's guesses (the review pages)

    def put_guesses(self, key: str, record: RecordTrace | None) -> None:
        """Store a record's guesses as the review pages' rows (written only when they changed)."""
        rows = guess_rows(record) if record is not None else []
        if record is None or not rows:
            self._forget_guesses(key)
            return
        digest = hashlib.sha256()
        for row in rows:
            digest.update(row.row + b"\0" + row.order.encode("utf-8") + b"\0")
        earlier = self.connection.execute("SELECT name, digest, grp FROM review_records WHERE key = ?",
                                          (key,)).fetchone()
        if earlier is not None and earlier[:2] == (record.stem, digest.hexdigest()):
            return
        self._note_change(GUESSES_CHANGE, key)
        if earlier is None or earlier[0] != record.stem:  # the review groups are planned by page names
            self._note_change(REVIEW_PLAN_CHANGE, "")
        group = earlier[2] if earlier is not None else ""  # its group stays its own until they are planned again
        self._delete_guesses(key)
        self.connection.execute("INSERT INTO review_records (key, name, digest, grp) VALUES (?, ?, ?, ?)",
                                (key, record.stem, digest.hexdigest(), group))
        self.connection.executemany("INSERT INTO review_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    [(key, n, r.kind, r.rule, r.order, r.stem, r.line, r.row)
                                     for n, r in enumerate(rows)])
        counts = Counter((row.kind, row.rule) for row in rows)
        self.connection.executemany("INSERT INTO review_counts VALUES (?, ?, ?, ?, ?)",  # grp: review_records'
                                    [(key, kind, rule, n, group) for (kind, rule), n in sorted(counts.items())])

    def _forget_guesses(self, key: str) -> None:
        if self._delete_guesses(key):
            self._note_change(REVIEW_PLAN_CHANGE, "")

    def _delete_guesses(self, key: str) -> bool:
        """Delete a record's guesses; say whether it had any."""
        had = self.connection.execute("DELETE FROM review_records WHERE key = ?", (key,)).rowcount
        for table in ("review_rows", "review_counts"):
            self.connection.execute(f"DELETE FROM {table} WHERE key = ?", (key,))
        return bool(had)

    def review_changes(self) -> tuple[bool, set[str]]:
        """Whether the review groups' plan may have changed since the review pages were written (a record
        gained or lost its guesses or its page name, a document was added, removed or moved to another year
        or month), and the keys of the records whose guesses changed."""
        changes = self.connection.execute("SELECT what, value FROM changed WHERE what IN (?, ?, ?)",
                                          (GUESSES_CHANGE, REVIEW_PLAN_CHANGE, PLACE_CHANGE)).fetchall()
        planned = any(what != GUESSES_CHANGE for what, _ in changes)
        return planned, {value for what, value in changes if what == GUESSES_CHANGE}

    def review_group_members(self, group: str) -> list[tuple[str, str]]:
        """(key, digest of its rows) of the records of one group, as the plan last placed them."""
        return self.connection.execute("SELECT key, digest FROM review_records WHERE grp = ?", (group,)).fetchall()

    def review_groups_of(self, keys: Iterable[str]) -> set[str]:
        return {row[0] for key in keys
                for row in self.connection.execute("SELECT grp FROM review_records WHERE key = ?", (key,))}

    def review_group_digests(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT grp, digest FROM review_groups"))

    def review_records(self) -> list[tuple[str, str, str, str, str]]:
        """(key, page name, digest of its rows, year, month) of every record with guesses, by key."""
        return self.connection.execute(
            "SELECT g.key, g.name, g.digest, coalesce(d.year, ''), coalesce(d.month, '') FROM review_records g "
            "LEFT JOIN docs d ON d.name = g.name ORDER BY g.key").fetchall()

    def set_review_groups(self, groups: Mapping[str, str]) -> None:
        """Record each record's group of review pages (key → group), where it changed."""
        known = dict(self.connection.execute("SELECT key, grp FROM review_records"))
        moved = [(group, key) for key, group in groups.items() if known.get(key) != group]
        self.connection.executemany("UPDATE review_records SET grp = ? WHERE key = ?", moved)
        self.connection.executemany("UPDATE review_counts SET grp = ? WHERE key = ?", moved)

    def rule_counts(self) -> list[RuleCount]:
        """Guesses and records per kind, group and rule (from the per-record counts, not the rows)."""
        return [RuleCount(*row) for row in self.connection.execute(
            "SELECT kind, grp, rule, sum(n), count(*) FROM review_counts GROUP BY kind, grp, rule "
            "ORDER BY kind, grp, rule")]

    def group_rows(self, group: str, kind: str) -> Iterator[GuessRow]:
        """A group's rows of one kind, in page order: by rule, decision, record and line."""
        cursor = self.connection.execute(
            "SELECT r.kind, r.rule, r.sort, r.stem, r.line, r.row FROM review_records g JOIN review_rows r "
            "ON r.key = g.key WHERE g.grp = ? AND r.kind = ? ORDER BY r.rule, r.sort, r.stem, r.line, r.key, r.ord",
            (group, kind))
        for kind_, rule, order, stem, line, row in cursor:
            yield GuessRow(kind_, rule, order, stem, line, bytes(row))

    def review_group(self, group: str) -> tuple[str, tuple[str, ...]] | None:
        """The digest a group's pages were made from, and their files."""
        row = self.connection.execute("SELECT digest, files FROM review_groups WHERE grp = ?", (group,)).fetchone()
        return (row[0], tuple(row[1].split("\n"))) if row else None

    def set_review_group(self, group: str, digest: str, files: Sequence[str]) -> None:
        self.connection.execute("INSERT OR REPLACE INTO review_groups VALUES (?, ?, ?)",
                                (group, digest, "\n".join(files)))

    def forget_review_groups(self, keep: Iterable[str]) -> None:
        wanted = set(keep)
        for (group,) in self.connection.execute("SELECT grp FROM review_groups").fetchall():
            if group not in wanted:
                self.connection.execute("DELETE FROM review_groups WHERE grp = ?", (group,))

    def meta(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.connection.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def forget_page_digests(self) -> None:
        super().forget_page_digests()
        self.set_meta(REVIEW_DIGEST, None)
        self.connection.execute("DELETE FROM meta WHERE key LIKE 'corpus-pages%' OR key LIKE 'input:%' "
                                "OR key LIKE 'report-line:%'")
        self.connection.execute("DELETE FROM review_groups")

    # ------------------------------------------------------------ each record's persons (tei/persons.xml)

    def put_persons(self, key: str, document: str, entries: tuple[PersonEntry, ...]) -> bool:
        """Store a record's persons (``document``: its TEI's file name); say whether they differ from before."""
        rows = [(key, n, e.ident, document, json.dumps([e.names, e.roles, e.ids], ensure_ascii=False))
                for n, e in enumerate(entries)]
        earlier = self.connection.execute(
            "SELECT key, ord, ident, document, entry FROM tei_persons WHERE key = ? ORDER BY ord", (key,)).fetchall()
        if earlier == rows:
            return False
        self.connection.execute("DELETE FROM tei_persons WHERE key = ?", (key,))
        self.connection.executemany("INSERT INTO tei_persons VALUES (?, ?, ?, ?, ?)", rows)
        return True

    def tei_documents(self) -> int:
        """The number of records whose TEI the build wrote."""
        return int(self.connection.execute("SELECT count(*) FROM sources WHERE failed = 0 AND outputs != ''")
                   .fetchone()[0])

    def person_rows(self) -> Iterator[tuple[str, PersonEntry]]:
        """(TEI file name, person) of every written record, by person id, then in the report's order of records."""
        from tei_encoder.writer.personography import PersonEntry

        cursor = self.connection.execute(
            "SELECT p.ident, p.document, p.entry FROM tei_persons p JOIN sources s ON s.key = p.key "
            "WHERE s.failed = 0 AND s.outputs != '' ORDER BY p.ident, s.label, s.key, p.ord")
        for ident, document, entry in cursor:
            names, roles, ids = json.loads(entry)
            yield document, PersonEntry(ident, tuple(names), tuple(roles), tuple((kind, value) for kind, value in ids))

    # ------------------------------------------------------------ search shards (build/search.py)

    def search_members(self) -> Iterator[tuple[str, str, str, str]]:
        """(page name, year, month, source digest) of every document page."""
        yield from self.connection.execute(
            "SELECT d.name, d.year, d.month, coalesce(s.digest, '') FROM docs d LEFT JOIN sources s ON s.name = d.name "
            "ORDER BY d.name")

    def shard_digests(self) -> dict[str, str]:
        return dict(self.connection.execute("SELECT shard, digest FROM search_shards"))

    def set_shard(self, shard: str, digest: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO search_shards VALUES (?, ?)", (shard, digest))

    def forget_shard(self, shard: str) -> None:
        self.connection.execute("DELETE FROM search_shards WHERE shard = ?", (shard,))

    # ------------------------------------------------------------ other files a build wrote (the CSS)

    def note_written(self, file: str) -> None:
        self.connection.execute("INSERT OR IGNORE INTO written VALUES (?)", (file,))

    def written_under(self, folder: str) -> list[str]:
        """The files written under ``folder``, in order: a range of the table's key (LIKE would read every row,
        and take a '_' in the name for any character)."""
        return [row[0] for row in self.connection.execute(
            "SELECT file FROM written WHERE file >= ? AND file < ? ORDER BY file", (f"{folder}/", f"{folder}0"))]

    def forget_written(self, file: str) -> None:
        self.connection.execute("DELETE FROM written WHERE file = ?", (file,))

    def files(self) -> set[str]:
        """Every file the manifest says a build wrote, relative to the output folder."""
        listed = set(chain.from_iterable(row[0].split("\n") for row in self.connection.execute(
            "SELECT outputs FROM sources")))
        listed.discard("")  # a source that wrote nothing
        listed.update(self.pages())
        listed.update(row[0] for row in self.connection.execute("SELECT file FROM written"))
        return listed


def _source_row(row: tuple) -> SourceRow:  # type: ignore[type-arg]
    key, label, name, digest, outputs, failed, invalid, render_error, anchor, report_row = row
    return SourceRow(key, label, name, digest, tuple(file for file in outputs.split("\n") if file), bool(failed),
                     bool(invalid), render_error, anchor, bytes(report_row))
