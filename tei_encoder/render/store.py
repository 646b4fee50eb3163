"""Where a site's corpus summary lives between documents: an SQLite database.

Every rendered document's ``DocRecord`` (render/corpus.py) is put here as it
arrives, and the index, persons and letter pages (render/pages.py) are written
from queries that stream in index order, so no page and no step holds the
whole corpus in memory. ``build`` keeps this database in its output folder
(build/manifest.py adds what it knows of sources), so a second build reads
the summaries of unchanged documents from here instead of their TEI. The
``pages`` table remembers a digest of what each corpus page was made from: a
page whose input has not changed is not rendered again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from tei_encoder.render.corpus import DocRecord, DocumentStatus
from tei_encoder.render.renderer import Edition

SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    name TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    k_when TEXT NOT NULL,
    k_title TEXT NOT NULL,
    year TEXT NOT NULL,
    month TEXT NOT NULL,
    entry BLOB NOT NULL,
    status TEXT,
    status_level TEXT,
    status_href TEXT
);
CREATE INDEX IF NOT EXISTS docs_order ON docs (k_when, k_title, name);
CREATE TABLE IF NOT EXISTS appearances (
    person_key TEXT NOT NULL,
    person TEXT NOT NULL,
    doc TEXT NOT NULL,
    name TEXT,
    variants TEXT NOT NULL,
    life TEXT,
    occupation TEXT,
    item BLOB NOT NULL,
    k_when TEXT NOT NULL DEFAULT '',
    k_title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS appearances_doc ON appearances (doc);
CREATE TABLE IF NOT EXISTS editions (
    doc TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    licence TEXT NOT NULL,
    licence_href TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
    file TEXT PRIMARY KEY,
    digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS person_links (
    person TEXT PRIMARY KEY,
    pages INTEGER NOT NULL,
    item BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS person_pages (
    file TEXT PRIMARY KEY,
    key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS changed (
    what TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (what, value)
) WITHOUT ROWID;
"""

# Noted among the changes when a document is added or removed or its year or month changed (the review
# pages' groups follow the documents' places: build/incremental.py).
PLACE_CHANGE = "placed"
DOCUMENT_CHANGES = ("docs", "group", "person", "doc")  # what ``changes`` gives: the index and persons pages'
VARIANT_SEPARATOR = "\x1f"  # a character no name holds (XML forbids it)
# Each appearance carries its document's sort key (k_when, k_title: the docs row's, copied by ``put``), so a
# person's appearances come in index order straight from this index, which holds all but their items: an
# edit's persons' pages need no join with the documents and no sort of a busy person's thousands of rows.
ORDER_INDEX = ("CREATE INDEX IF NOT EXISTS appearances_order ON appearances "
               "(person_key, person, k_when, k_title, doc, name, variants, life, occupation)")
# Index order; a document naming someone twice gives rows told apart only by the columns after ``doc``:
# every query orders by all of them (the index's own order), so the rows and their items agree.
_IN_ORDER = "k_when, k_title, doc, name, variants, life, occupation, rowid"
_BATCH = 500  # page names a query names at most (SQLite's limit on parameters is 999 in older versions)


@dataclass(frozen=True, slots=True)
class IndexRow:
    year: str
    month: str
    entry: bytes
    status: str | None
    status_level: str | None
    status_href: str | None


class AppearanceRow(NamedTuple):
    """One appearance of a person (a NamedTuple: an edit's persons read tens of thousands of them, and a frozen
    dataclass takes about twice as long to make)."""

    person: str
    doc: str  # the document's page name
    name: str | None
    variants: tuple[str, ...]
    life: str | None
    occupation: str | None
    item: bytes | None  # None: not read (appearance_items reads those of the pages to write)


class CorpusStore:
    """The corpus summary of one site, in an SQLite file (or in memory with ``":memory:"``)."""

    def __init__(self, path: str | Path) -> None:
        self.connection = sqlite3.connect(str(path), isolation_level="DEFERRED")
        self.connection.execute("PRAGMA journal_mode = DELETE")
        self.connection.execute("PRAGMA synchronous = NORMAL")
        self.connection.executescript(SCHEMA)
        self._add_appearance_order()
        self.connection.execute(ORDER_INDEX)

    def _add_appearance_order(self) -> None:
        """A store an earlier version wrote keeps no sort key with its appearances: copy each document's (an
        UPDATE over the store, once; what the pages are made from is unchanged, so nothing is rebuilt)."""
        columns = {row[1] for row in self.connection.execute("PRAGMA table_info(appearances)")}
        if "k_when" in columns:
            return
        # One transaction (SQLite's DDL is transactional): an interrupted move leaves the old table, never
        # new columns without their values, which the check above would take for a finished move.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            for column in ("k_when", "k_title"):
                self.connection.execute(f"ALTER TABLE appearances ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
            self.connection.execute("DELETE FROM appearances WHERE doc NOT IN (SELECT name FROM docs)")  # unlisted
            self.connection.execute("UPDATE appearances SET (k_when, k_title) = (SELECT d.k_when, d.k_title "
                                    "FROM docs d WHERE d.name = appearances.doc)")
            self.connection.execute("DROP INDEX IF EXISTS appearances_person")  # appearances_order starts with it
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()

    def commit(self) -> None:
        self.connection.commit()

    # ------------------------------------------------------------ documents

    def put(self, record: DocRecord, status: DocumentStatus | None = None) -> None:
        """Add or replace one document and its appearances."""
        earlier = self.connection.execute("SELECT year, month FROM docs WHERE name = ?", (record.name,)).fetchone()
        self._remove(record.name)
        if earlier != (record.year, record.month):
            self.connection.execute("INSERT OR IGNORE INTO changed VALUES (?, '')", (PLACE_CHANGE,))
        key = record.key
        self.connection.execute(
            "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.name, record.label, key[0], key[1], record.year, record.month, record.entry,
             status.label if status else None, status.level if status else None, status.href if status else None))
        self.connection.executemany(
            "INSERT INTO appearances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.person.casefold(), a.person, record.name, a.name, VARIANT_SEPARATOR.join(a.variants), a.life,
              a.occupation, a.item, key[0], key[1]) for a in record.appearances])
        if record.edition is not None:
            edition = record.edition
            self.connection.execute("INSERT INTO editions VALUES (?, ?, ?, ?, ?)",
                                    (record.name, edition.title, edition.publisher, edition.licence,
                                     edition.licence_href))
        self._mark_changed(record.name)

    def _mark_changed(self, name: str) -> None:
        """Note the index group and the persons of a document added, removed or changed (``changes``)."""
        self.connection.execute("INSERT OR IGNORE INTO changed SELECT 'group', year || char(0) || month FROM docs "
                                "WHERE name = ?", (name,))
        self.connection.execute("INSERT OR IGNORE INTO changed SELECT 'person', person FROM appearances "
                                "WHERE doc = ?", (name,))
        self.connection.execute("INSERT OR IGNORE INTO changed VALUES ('docs', '')")
        self.connection.execute("INSERT OR IGNORE INTO changed VALUES ('doc', ?)", (name,))

    def changes(self) -> set[tuple[str, str]]:
        """(what, value) of every change of the documents since ``forget_changes``: ('docs', ''), ('group', year
        NUL month) and ('person', id) and ('doc', page name) for each document added, removed or changed, and
        each badge link moved (the other kinds noted, PLACE_CHANGE and build/manifest.py's, are not these)."""
        return set(self.connection.execute("SELECT what, value FROM changed WHERE what IN (?, ?, ?, ?)",
                                           DOCUMENT_CHANGES))

    def forget_changes(self, kinds: Collection[str] | None = None) -> None:
        """Forget the changes noted (of the ``kinds`` given: the report's are kept until the report is written)."""
        if kinds is None:
            self.connection.execute("DELETE FROM changed")
            return
        self.connection.executemany("DELETE FROM changed WHERE what = ?", [(kind,) for kind in kinds])

    def remove(self, name: str) -> None:
        if self._remove(name):
            self.connection.execute("INSERT OR IGNORE INTO changed VALUES (?, '')", (PLACE_CHANGE,))

    def _remove(self, name: str) -> bool:
        """Remove a document (noting its changes); say whether it was there."""
        self._mark_changed(name)
        there = self.connection.execute("DELETE FROM docs WHERE name = ?", (name,)).rowcount
        self.connection.execute("DELETE FROM appearances WHERE doc = ?", (name,))
        self.connection.execute("DELETE FROM editions WHERE doc = ?", (name,))
        return bool(there)

    def set_status_href(self, name: str, status_href: str | None) -> None:
        cursor = self.connection.execute("UPDATE docs SET status_href = ? WHERE name = ? AND status_href IS NOT ?",
                                         (status_href, name, status_href))
        if cursor.rowcount:
            self._mark_changed(name)

    def status_hrefs(self) -> dict[str, str | None]:
        """Each document's badge link, by page name."""
        return dict(self.connection.execute("SELECT name, status_href FROM docs"))

    def edition(self) -> Edition:
        """The edition the pages without a header of their own state: the first document's (in index
        order) that states one."""
        row = self.connection.execute(
            "SELECT e.title, e.publisher, e.licence, e.licence_href FROM editions e JOIN docs d ON d.name = e.doc "
            "ORDER BY d.k_when, d.k_title, d.name LIMIT 1").fetchone()
        return Edition(*row) if row else Edition()

    def count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM docs").fetchone()[0])

    def names(self) -> list[str]:
        """Page names in index order."""
        return [row[0] for row in self.connection.execute("SELECT name FROM docs ORDER BY k_when, k_title, name")]

    def groups(self) -> list[tuple[str, str, int]]:
        """(year, month, number of documents) in index order; year '' is undated."""
        return [(year, month, count) for year, month, count in self.connection.execute(
            "SELECT year, month, count(*) FROM docs GROUP BY year, month ORDER BY year = '', year, month")]

    def index_rows(self, start: int = 0, count: int = -1) -> Iterator[IndexRow]:
        """Every document's index entry, in index order (by date, undated last, title, name); or ``count`` of
        them from position ``start`` (the rows skipped are stepped over in the index ``docs_order``, their
        entries never read)."""
        cursor = self.connection.execute(
            "SELECT year, month, entry, status, status_level, status_href FROM docs ORDER BY k_when, k_title, name "
            "LIMIT ? OFFSET ?", (count, start))
        for row in cursor:
            yield IndexRow(*row)

    # ------------------------------------------------------------ persons

    def persons(self) -> Iterator[tuple[str, list[AppearanceRow]]]:
        """Each person (by id, case-folded) with their appearances in index order, one person at a time."""
        cursor = self.connection.execute(
            "SELECT person, doc, name, variants, life, occupation, item FROM appearances "
            f"ORDER BY person_key, person, {_IN_ORDER}")
        current: str | None = None
        rows: list[AppearanceRow] = []
        for person, doc, name, variants, life, occupation, item in cursor:
            if person != current and rows:
                yield current or "", rows
                rows = []
            current = person
            rows.append(AppearanceRow(person, doc, name, tuple(variants.split(VARIANT_SEPARATOR)) if variants else (),
                                      life, occupation, item))
        if rows:
            yield current or "", rows

    def persons_to_write(self, changed: Collection[str] | None
                         ) -> Iterator[tuple[str, list[AppearanceRow] | None, tuple[int, bytes] | None]]:
        """Each person in the order of ``persons``, with their appearances; but with ``changed`` given, with no
        appearances (``person_heading`` and ``person_docs`` read what their pages need), and a person not in it
        whose link was kept with that link (pages, item)."""
        if changed is None:
            self.connection.execute("DELETE FROM person_links")
            self.connection.execute("DELETE FROM person_pages")
            for person, rows in self.persons():
                yield person, rows, None
            return
        links = {person: (pages, bytes(item)) for person, pages, item in
                 self.connection.execute("SELECT person, pages, item FROM person_links")}
        for person, in self.connection.execute(
                "SELECT person FROM appearances GROUP BY person_key, person ORDER BY person_key, person").fetchall():
            yield person, None, None if person in changed else links.get(person)

    def appearances_of(self, person: str) -> list[AppearanceRow]:
        """One person's appearances, in index order."""
        return self._appearances(person.casefold(), person)  # put stores person_key as the case-folded id

    def _appearances(self, key: str, person: str) -> list[AppearanceRow]:
        """One person's appearances in index order, without their items."""
        return [AppearanceRow(person, doc, name, tuple(variants.split(VARIANT_SEPARATOR)) if variants else (), life,
                              occupation, None) for doc, name, variants, life, occupation in self.connection.execute(
            "SELECT doc, name, variants, life, occupation FROM appearances INDEXED BY appearances_order "
            f"WHERE person_key = ? AND person = ? ORDER BY {_IN_ORDER}", (key, person))]

    def appearance_items(self, person: str, docs: Sequence[str]) -> list[bytes]:
        """A person's items in ``docs`` (page names, each once), in that order: without sorting the person's
        appearances again (a busy person's thousands of rows), as a query in index order would."""
        items: dict[str, bytes] = {}
        for start in range(0, len(docs), _BATCH):
            batch = docs[start:start + _BATCH]
            items.update((doc, bytes(item)) for doc, item in self.connection.execute(
                f"SELECT doc, item FROM appearances WHERE person_key = ? AND person = ? AND doc IN "
                f"({', '.join('?' * len(batch))})", (person.casefold(), person, *batch)))
        return [items[doc] for doc in docs]

    def appearance_items_in_order(self, person: str, start: int = 0, count: int = -1) -> list[bytes]:
        """Every item of a person, in index order (or ``count`` from position ``start``: the rows before it
        are stepped over in the covering index, their items never read)."""
        return [bytes(item) for item, in self.connection.execute(
            f"SELECT item FROM appearances INDEXED BY appearances_order WHERE person_key = ? AND person = ? "
            f"ORDER BY {_IN_ORDER} LIMIT ? OFFSET ?",
            (person.casefold(), person, count, start))]

    def person_docs(self, person: str) -> list[str]:
        """The page names of a person's appearances, in index order (from the covering index alone)."""
        return [doc for doc, in self.connection.execute(
            f"SELECT doc FROM appearances INDEXED BY appearances_order WHERE person_key = ? AND person = ? "
            f"ORDER BY {_IN_ORDER}", (person.casefold(), person))]

    def person_heading(self, person: str) -> tuple[dict[tuple[str | None, tuple[str, ...]], int], str | None,
                                                   str | None]:
        """What a person's heading is made of: how many of their appearances give each (name, variants), and the
        first life and occupation given, in index order."""
        key = (person.casefold(), person)
        names = {(name, tuple(variants.split(VARIANT_SEPARATOR)) if variants else ()): int(count)
                 for name, variants, count in self.connection.execute(
                     "SELECT name, variants, count(*) FROM appearances INDEXED BY appearances_order "
                     "WHERE person_key = ? AND person = ? GROUP BY name, variants", key)}
        life, occupation = (self.connection.execute(
            f"SELECT {column} FROM appearances INDEXED BY appearances_order WHERE person_key = ? AND person = ? "
            f"AND {column} IS NOT NULL AND {column} != '' ORDER BY {_IN_ORDER} LIMIT 1", key).fetchone()
            for column in ("life", "occupation"))
        return names, life[0] if life else None, occupation[0] if occupation else None

    def person_page_key(self, file: str) -> str | None:
        """What a person page was last laid out from: its person's heading, its place and its documents' names."""
        row = self.connection.execute("SELECT key FROM person_pages WHERE file = ?", (file,)).fetchone()
        return row[0] if row else None

    def set_person_page_key(self, file: str, key: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO person_pages VALUES (?, ?)", (file, key))

    def set_person_link(self, person: str, pages: int, item: bytes) -> None:
        """A person's entry of the A–Z pages, and their number of pages, as last written."""
        self.connection.execute("INSERT OR REPLACE INTO person_links VALUES (?, ?, ?)", (person, pages, item))

    # ------------------------------------------------------------ pages written from the store

    def page_digest(self, file: str) -> str | None:
        row = self.connection.execute("SELECT digest FROM pages WHERE file = ?", (file,)).fetchone()
        return row[0] if row else None

    def set_page(self, file: str, digest: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO pages VALUES (?, ?)", (file, digest))

    def pages(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT file FROM pages ORDER BY file")]

    def forget_page(self, file: str) -> None:
        self.connection.execute("DELETE FROM pages WHERE file = ?", (file,))

    def forget_page_digests(self) -> None:
        """Every page is rendered again next time (the stylesheets or the settings changed)."""
        self.connection.execute("UPDATE pages SET digest = ''")
