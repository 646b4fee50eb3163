"""Corpus pages at 5,000 … 100,000 documents: the largest page, the number of pages, time and memory.

``python benchmarks/bench_site_pages.py MANIFEST [--counts 5000,20000,100000]``

Converting 100,000 records takes hours on a small machine; the corpus pages
(index, years, letters, persons) depend only on the stored summaries. So this
benchmark takes the summaries of a real build (MANIFEST: the
``.tei-encoder-build.sqlite`` of ``benchmarks/bench_build.py``'s site, for
example) and copies them until the store holds N documents: each copy gets
new page names, keeps its dates (so years and months fill up) and keeps its
persons (so the busiest persons appear in N/2,000 times as many documents:
the worst case for person pages). Then, in a fresh process per N, it writes
every corpus page with render/pages.py as ``build`` does and reports the
largest HTML file, the number of pages, the seconds and the peak RSS of that
process. Standard library only (and the installed tei_encoder); never fails.
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
    """A store of ``count`` documents, copied from the summaries in ``source``."""
    from tei_encoder.render.store import CorpusStore

    CorpusStore(target).close()  # the schema
    db = sqlite3.connect(target)
    db.execute("ATTACH DATABASE ? AS src", (str(source),))
    docs = db.execute("SELECT count(*) FROM src.docs").fetchone()[0]
    copies = -(-count // docs)
    for copy in range(copies):
        suffix = f"-c{copy}"
        limit = min(docs, count - copy * docs)
        db.execute(
            "INSERT INTO docs SELECT name || ?1, label, k_when, k_title, year, month, "
            "CAST(replace(CAST(entry AS TEXT), '.html\"', ?1 || '.html\"') AS BLOB), status, status_level, status_href "
            "FROM (SELECT * FROM src.docs ORDER BY name LIMIT ?2)", (suffix, limit))
        db.execute(
            "INSERT INTO appearances SELECT person_key, person, doc || ?1, name, variants, life, occupation, "
            "CAST(replace(CAST(item AS TEXT), '.html', ?1 || '.html') AS BLOB) FROM src.appearances "
            "WHERE doc IN (SELECT name FROM src.docs ORDER BY name LIMIT ?2)", (suffix, limit))
    db.commit()
    db.close()


def worker(store_path: Path, out: Path) -> None:
    from tei_encoder.render import pages
    from tei_encoder.render.renderer import Renderer
    from tei_encoder.render.store import CorpusStore

    store = CorpusStore(store_path)
    started = time.perf_counter()
    writer = pages.PageWriter(Renderer(nav_extra=(("Validation", "validation.html"),)), store, out)
    pages.write_index(writer)
    pages.write_persons(writer)
    store.commit()
    seconds = time.perf_counter() - started
    sizes = sorted(((out / file).stat().st_size, file) for file in writer.written)
    print(json.dumps({"seconds": seconds, "pages": len(sizes), "largest": sizes[-1],
                      "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                      "documents": store.count()}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest", type=Path, help="a build's .tei-encoder-build.sqlite (the summaries to copy)")
    parser.add_argument("--counts", default="5000,20000,100000")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]))
        return 0
    print(f"{'documents':>9} {'pages':>7} {'seconds':>8} {'peak RSS MB':>11} {'largest page':>14}")
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
            print(f"{report['documents']:>9} {report['pages']:>7} {report['seconds']:>8.1f} "
                  f"{report['maxrss'] / MB:>11.0f} {size / MB:>9.3f} MB {name}", flush=True)
            shutil.rmtree(out, ignore_errors=True)
            store.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
