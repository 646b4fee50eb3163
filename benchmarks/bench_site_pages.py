"""Corpus pages at 5,000 … 100,000 documents: the largest page, the number of pages, time and memory.

``python benchmarks/bench_site_pages.py MANIFEST [--counts 5000,20000,100000]``

Converting 100,000 records takes hours on a small machine; the corpus pages
(index, years, letters, persons, the validation report, the review pages and
the search page) depend only on the manifest. So this benchmark takes the
manifest of a real build (MANIFEST: the ``.tei-encoder-build.sqlite`` of
``benchmarks/bench_build.py``'s site, for example) and copies its summaries,
report rows and guesses until it holds N records: copy k gets new page names,
its dates moved k % 40 years on (years and months fill up), and in six copies
of seven its persons renamed (so the persons grow with the corpus, and the
busiest still appear in N/7,000 times as many documents). Then, in a fresh
process per N, it writes every corpus page as ``build`` does
(``incremental.write_corpus_pages``) and reports the largest HTML file, the
number of pages, the seconds (wall and CPU) and the peak RSS of that process.
Standard library only (and the installed tei_encoder); never fails.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1024 * 1024


def fill(source: Path, target: Path, count: int) -> None:
    """A manifest of ``count`` records, copied from the summaries, report rows and guesses in ``source``.

    Copy k of a document is renamed (NAME-ck), its date moved k % 40 years on (so years fill up evenly
    rather than 1940–1949 alone), and in six copies of seven its persons renamed (ID-vj, j = k % 7), so
    the number of persons grows with the corpus while the busiest persons still appear N/7,000 times."""
    from tei_encoder.build.manifest import Manifest

    Manifest(target).close()  # the schema
    original = target.with_name(f"source-{target.name}")
    shutil.copyfile(source, original)
    Manifest(original).close()  # a manifest of an earlier format: its guesses moved to the review rows
    db = sqlite3.connect(target)
    db.execute("ATTACH DATABASE ? AS src", (str(original),))
    docs = db.execute("SELECT count(*) FROM src.docs").fetchone()[0]
    db.execute("CREATE TEMP TABLE originals AS SELECT d.name, s.key FROM src.docs d JOIN src.sources s "
               "ON s.name = d.name ORDER BY d.name")
    for copy in range(-(-count // docs)):
        limit = min(docs, count - copy * docs)
        _copy(db, f"-c{copy}", copy % 40, f"-v{copy % 7}" if copy % 7 else "", limit)
    db.execute("INSERT OR REPLACE INTO meta SELECT * FROM src.meta WHERE key != 'review-digest'")
    db.commit()
    db.close()
    original.unlink()


def _copy(db: sqlite3.Connection, suffix: str, shift: int, person_suffix: str, limit: int) -> None:
    def renamed(column: str, name: str = "name") -> str:
        text = f"CAST({column} AS TEXT)"
        for mark in (".", '"'):
            text = f"replace({text}, {name} || '{mark}', {name} || ?1 || '{mark}')"
        return text

    chosen = "(SELECT name FROM temp.originals ORDER BY name LIMIT ?2)"
    year = "CASE WHEN year = '' THEN '' ELSE CAST(CAST(year AS INTEGER) + ?3 AS TEXT) END"
    db.execute(f"INSERT INTO docs SELECT name || ?1, label, CASE WHEN year = '' THEN k_when ELSE {year} || "
               f"substr(k_when, 5) END, k_title, {year}, month, CAST({renamed('entry')} AS BLOB), status, "
               f"status_level, status_href FROM src.docs WHERE name IN {chosen}", (suffix, limit, shift))
    person = "person || ?3"
    db.execute(f"INSERT INTO appearances SELECT lower({person}), {person}, a.doc || ?1, a.name, variants, life, "
               f"occupation, CAST({renamed('item', 'doc')} AS BLOB), d.k_when, d.k_title FROM src.appearances a "
               f"JOIN docs d ON d.name = a.doc || ?1 WHERE a.doc IN {chosen}",  # the sort keys of the moved copy
               (suffix, limit, person_suffix))
    db.execute(f"INSERT INTO sources SELECT {renamed('key')}, {renamed('label')}, name || ?1, digest, "
               f"{renamed('outputs')}, failed, invalid, render_error, anchor || ?1, CAST({renamed('report_row')} "
               f"AS BLOB) FROM src.sources WHERE name IN {chosen}", (suffix, limit))
    _copy_review_rows(db, "src", suffix, f"IN {chosen}", (suffix, limit))


def _copy_review_rows(db: sqlite3.Connection, schema: str, suffix: str, chosen: str, parameters: tuple) -> None:  # type: ignore[type-arg]
    """The review pages' rows of the chosen originals (temp.originals: name, key), renamed with ``suffix``."""
    key = "replace(t.key, o.name || '.', o.name || ?1 || '.')"
    rows = "FROM temp.originals o JOIN {schema}.{table} t ON t.key = o.key WHERE o.name {chosen}"
    db.execute(f"INSERT INTO review_records SELECT {key}, t.name || ?1, t.digest, '' "
               + rows.format(schema=schema, table="review_records", chosen=chosen), parameters)
    row = "CAST(replace(replace(CAST(t.row AS TEXT), o.name || '.', o.name || ?1 || '.'), o.name || ',', " \
          "o.name || ?1 || ',') AS BLOB)"
    db.execute(f"INSERT INTO review_rows SELECT {key}, t.ord, t.kind, t.rule, t.sort, t.stem || ?1, t.line, {row} "
               + rows.format(schema=schema, table="review_rows", chosen=chosen), parameters)
    db.execute(f"INSERT INTO review_counts SELECT {key}, t.kind, t.rule, t.n, '' "
               + rows.format(schema=schema, table="review_counts", chosen=chosen), parameters)


def worker(store_path: Path, out: Path) -> None:
    from tei_encoder.build import incremental
    from tei_encoder.build.manifest import Manifest

    manifest = Manifest(store_path)
    started = time.perf_counter()
    nav = (("Validation", "validation.html"), ("Review", "review.html"), ("Search", "search.html"))
    writer = incremental.write_corpus_pages(manifest, out, None, nav, with_search=True)
    manifest.commit()
    seconds = time.perf_counter() - started
    cpu = time.process_time()
    sizes = sorted(((out / file).stat().st_size, file) for file in writer.written)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "pages": len(sizes), "largest": sizes[-1],
                      "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                      "documents": manifest.count(), "persons": manifest.connection.execute(
                          "SELECT count(DISTINCT person) FROM appearances").fetchone()[0]}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest", type=Path, help="a build's .tei-encoder-build.sqlite (the summaries to copy)")
    parser.add_argument("--counts", default="5000,20000,100000")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]))
        return 0
    print(f"{'documents':>9} {'persons':>8} {'pages':>7} {'seconds':>8} {'CPU s':>7} {'peak RSS MB':>11} "
          f"{'largest page':>14}")
    work = Path(tempfile.mkdtemp(prefix="tei-bench-pages-"))
    try:
        for count in (int(value) for value in args.counts.split(",")):
            store, out = work / f"store-{count}.sqlite", work / f"site-{count}"
            fill(args.manifest, store, count)
            done = subprocess.run([sys.executable, __file__, str(args.manifest), "--worker", str(store), str(out)],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                print(done.stderr[-2000:])
                return 1
            report = json.loads(done.stdout)
            size, name = report["largest"]
            print(f"{report['documents']:>9} {report['persons']:>8} {report['pages']:>7} {report['seconds']:>8.1f} "
                  f"{report['cpu']:>7.1f} "
                  f"{report['maxrss'] / MB:>11.0f} {size / MB:>9.3f} MB {name}", flush=True)
            shutil.rmtree(out, ignore_errors=True)
            store.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
