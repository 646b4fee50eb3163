"""A built site of N records made from a real build of fewer, without converting them again.

``python benchmarks/replicate_site.py SOURCE SITE --copies K NEW_SOURCE NEW_SITE``

Converting 10,000 records takes hours on a small shared machine, but the
incremental build's cost with nothing (or one record) to convert depends only
on the manifest and the files a build left. So this copies a real build K
times: every source record ``R.txt`` becomes ``R.txt``, ``R-c1.txt`` …
(the same bytes; their modification time set an hour back, as for sources
edited long ago), every file the build wrote for it is hard-linked under the
new name (``tei/R-c1.xml``, ``R-c1.html`` …; a build replaces files, never
writes into them, so the links are safe), and every row the manifest keeps for
it (source, index entry, appearances, guesses, persons) is copied with the
new name. Dates and persons are kept, so years, months and the busiest persons
fill up as the corpus grows. The corpus pages, ``tei/persons.xml`` and the
search index are left as the real build wrote them: the first build over the
copy writes them for all N records (bench_build.py's "settle" run). The copied
pages still link their original's proof page and TEI; the build never reads
them, so its timings are those of N real records. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import time
from pathlib import Path

MANIFEST = ".tei-encoder-build.sqlite"
AN_HOUR = 3600


def replicate(source: Path, site: Path, copies: int, new_source: Path, new_site: Path) -> int:
    """Write the K-fold source folder and site; return the number of records."""
    shutil.rmtree(new_source, ignore_errors=True)
    shutil.rmtree(new_site, ignore_errors=True)
    new_source.mkdir(parents=True)
    _link_tree(site, new_site)  # the real build's files, as they are
    db = sqlite3.connect(new_site / MANIFEST)
    rows = db.execute("SELECT key, name, outputs FROM sources WHERE digest != ''").fetchall()
    db.execute("CREATE TEMP TABLE originals AS SELECT key, name FROM sources WHERE digest != ''")
    past = time.time() - AN_HOUR
    for copy in range(copies):
        suffix = f"-c{copy}" if copy else ""
        for key, name, outputs in rows:
            target = new_source / key.replace(f"{name}.", f"{name}{suffix}.", 1)
            shutil.copyfile(source / key, target)
            os.utime(target, (past, past))
            if copy:
                for output in filter(None, outputs.split("\n")):
                    _link(new_site / output, new_site / output.replace(f"{name}.", f"{name}{suffix}.", 1))
        if copy:
            _copy_rows(db, suffix)
    db.execute("UPDATE sources SET label = replace(label, ?, ?)", (str(source), str(new_source)))
    db.execute("UPDATE docs SET label = replace(label, ?, ?)", (str(site), str(new_site)))
    db.commit()
    db.close()
    return len(rows) * copies


def without_search(site: Path) -> None:
    """Record the settings of a build without search (default title and family), so that building the copy
    with --no-search rebuilds no record (their pages keep the Search link of the build they were copied from:
    the timings are the same)."""
    from tei_encoder.build.manifest import settings_digest
    from tei_encoder.config import Config

    db = sqlite3.connect(site / MANIFEST)
    db.execute("UPDATE meta SET value = ? WHERE key = 'config-digest'",
               (settings_digest(Config(), {"title": None, "family": None, "search": False}),))
    db.commit()
    db.close()


def _copy_rows(db: sqlite3.Connection, suffix: str) -> None:
    """Every row of the original records again, renamed with ``suffix`` (NAME. → NAME-cK., "NAME" → "NAME-cK")."""
    def renamed(column: str, name: str = "name") -> str:
        text = f"CAST({column} AS TEXT)"
        for before, after in ((".", "."), ('"', '"')):
            text = f"replace({text}, {name} || '{before}', {name} || ?1 || '{after}')"
        return text

    has = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    db.execute(f"INSERT INTO sources SELECT {renamed('key')}, {renamed('label')}, name || ?1, digest, "
               f"{renamed('outputs')}, failed, invalid, render_error, anchor || ?1, CAST({renamed('report_row')} AS BLOB) "
               "FROM sources WHERE key IN (SELECT key FROM temp.originals)", (suffix,))
    db.execute(f"INSERT INTO docs SELECT name || ?1, {renamed('label')}, k_when, k_title, year, month, "
               f"CAST({renamed('entry')} AS BLOB), status, status_level, status_href FROM docs "
               "WHERE name IN (SELECT name FROM temp.originals)", (suffix,))
    order = ", k_when, k_title" if "k_when" in _columns(db, "appearances") else ""  # an older manifest has none
    db.execute(f"INSERT INTO appearances SELECT person_key, person, doc || ?1, name, variants, life, occupation, "
               f"CAST({renamed('item', 'doc')} AS BLOB){order} FROM appearances "
               "WHERE doc IN (SELECT name FROM temp.originals)", (suffix,))
    db.execute("INSERT INTO editions SELECT doc || ?1, title, publisher, licence, licence_href FROM editions "
               "WHERE doc IN (SELECT name FROM temp.originals)", (suffix,))
    if "review_rows" in has:
        _copy_review_rows(db, suffix)
    else:
        db.execute(f"INSERT INTO guesses SELECT {renamed('key')}, name || ?1, title, trace FROM guesses "
                   "WHERE key IN (SELECT key FROM temp.originals)", (suffix,))
    if "tei_persons" in has:
        db.execute("INSERT INTO tei_persons SELECT replace(p.key, s.name || '.', s.name || ?1 || '.'), p.ord, p.ident, "
                   "replace(p.document, s.name || '.', s.name || ?1 || '.'), p.entry "
                   "FROM tei_persons p JOIN temp.originals s ON s.key = p.key", (suffix,))


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _copy_review_rows(db: sqlite3.Connection, suffix: str) -> None:
    """The review pages' rows of the original records (temp.originals: key, name), renamed with ``suffix``."""
    key = "replace(t.key, o.name || '.', o.name || ?1 || '.')"
    rows = "FROM temp.originals o JOIN main.{table} t ON t.key = o.key"
    db.execute(f"INSERT INTO review_records SELECT {key}, t.name || ?1, t.digest, t.grp "
               + rows.format(table="review_records"), (suffix,))
    row = ("CAST(replace(replace(CAST(t.row AS TEXT), o.name || '.', o.name || ?1 || '.'), o.name || ',', "
           "o.name || ?1 || ',') AS BLOB)")
    db.execute(f"INSERT INTO review_rows SELECT {key}, t.ord, t.kind, t.rule, t.sort, t.stem || ?1, t.line, {row} "
               + rows.format(table="review_rows"), (suffix,))
    group = ", t.grp" if "grp" in _columns(db, "review_counts") else ""  # an older manifest has none
    db.execute(f"INSERT INTO review_counts SELECT {key}, t.kind, t.rule, t.n{group} "
               + rows.format(table="review_counts"), (suffix,))


def _link_tree(site: Path, new_site: Path) -> None:
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder) / name
            target = new_site / path.relative_to(site)
            if name == MANIFEST:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
            else:
                _link(path, target)


def _link(path: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.link(path, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--copies", type=int, required=True)
    parser.add_argument("new_source", type=Path)
    parser.add_argument("new_site", type=Path)
    args = parser.parse_args(argv)
    count = replicate(args.source, args.site, args.copies, args.new_source, args.new_site)
    print(f"{count} records in {args.new_source}, their site in {args.new_site}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
