"""No page grows with the corpus: the paging rule, and a site written with tiny pages.

The rule (render/pages.py): the index lists every document on index.html while
they fit on one page, otherwise a page per year, a busy year split by month, a
busy month in pages; persons.html is the A–Z index, with a page per letter
when the persons do not fit; each person has a page, in pages when they appear
in more documents than fit. The real page size is a few hundred entries;
here it is 2, so the four fixtures exercise every branch.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from tei_encoder.render import pages, render_site
from tei_encoder.render.pages import plan_index

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "render").glob("*.xml"))


def files(plan: tuple) -> list[tuple[str, str | None, int]]:  # type: ignore[type-arg]
    return [(page.file, page.heading, page.size) for page in plan[1]]


def test_everything_on_the_front_page_while_it_fits() -> None:
    years, listed = plan_index([("1941", "01", 2), ("", "", 1)], page_size=3)
    assert years == [] and files((years, listed)) == [("index.html", None, 3)]


def test_years_then_months_then_pages() -> None:
    groups = [("1941", "01", 2), ("1942", "03", 3), ("1942", "05", 1), ("1942", "", 1), ("", "", 5)]
    years, listed = plan_index(groups, page_size=3)
    assert files((years, listed)) == [
        ("years/1941.html", "1941", 2),
        ("years/1942-03.html", "March 1942", 3),
        ("years/1942-05.html", "May 1942", 1),
        ("years/1942-00.html", "1942, month not given", 1),
        ("years/undated.html", "Undated", 3),
        ("years/undated-2.html", "Undated", 2),
    ]
    assert [(year.label, year.file, year.count) for year in years] == [
        ("1941", "years/1941.html", 2), ("1942", "years/1942-03.html", 5), ("Undated", "years/undated.html", 5)]
    assert [month.label for month in years[1].months] == ["March 1942", "May 1942", "1942, month not given"]
    _, listed = plan_index(groups, page_size=2)
    assert [page.file for page in listed if page.year == "1942"] == [
        "years/1942-03.html", "years/1942-03-2.html", "years/1942-05.html", "years/1942-00.html"]
    assert all(page.size <= 2 for page in listed)


def test_no_page_ever_lists_more_than_the_page_size() -> None:
    groups = [(str(1900 + year), f"{month:02d}", (year * 7 + month * 13) % 50) for year in range(40)
              for month in range(1, 13)]
    groups = [group for group in groups if group[2]]
    for size in (1, 5, 37, 300):
        _, listed = plan_index(groups, page_size=size)
        assert all(0 < page.size <= size for page in listed)
        assert sum(page.size for page in listed) == sum(count for *_, count in groups)
        assert len({page.file for page in listed}) == len(listed)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("paged-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "PAGE_SIZE", 2)
        assert render_site(FIXTURES, out).diagnostics == ()
    return out


def tree(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_bytes())


def test_a_tiny_page_size_pages_index_letters_and_persons(site: Path) -> None:
    front = tree(site / "index.html")
    assert front.xpath("//article") == []  # the overview lists years, not documents
    year_links = front.xpath("//ul[@class='years']//a/@href")
    assert year_links == ["years/1940.html", "years/1947.html", "years/1949.html", "years/undated.html"]
    for page in sorted((site / "years").glob("*.html")):
        assert len(tree(page).xpath("//article[@class='doc-entry']")) <= 2
    persons = tree(site / "persons.html")
    assert persons.xpath("//ul[@class='person-list']") == []  # 12 persons do not fit: a page per letter
    assert "letters/S.html" in persons.xpath("//nav[@class='alpha-nav']/a/@href")
    # Stalin is in 3 documents: two pages, linked both ways, with the stylesheet two folders up.
    first, second = tree(site / "persons" / "stalin.html"), tree(site / "persons" / "stalin" / "2.html")
    assert first.xpath("//a[@rel='next']/@href") == ["../persons/stalin/2.html"] * 2
    assert second.xpath("//a[@rel='prev']/@href") == ["../../persons/stalin.html"] * 2
    assert second.xpath("//link[@rel='stylesheet']/@href") == ["../../assets/edition.css"]
    assert len(first.xpath("//ul[@class='appearances']/li")) == 2
    assert len(second.xpath("//ul[@class='appearances']/li")) == 1


def test_every_document_is_reachable_from_the_front_page_without_script(site: Path) -> None:
    seen: set[Path] = set()
    todo = [site / "index.html"]
    while todo:
        page = todo.pop()
        if page in seen or page.suffix != ".html":
            continue
        seen.add(page)
        for href in tree(page).xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.path and not parts.scheme:
                target = (page.parent / unquote(parts.path)).resolve()
                assert target.is_file(), f"{page.relative_to(site)}: {href}"
                todo.append(target)
    assert {site.resolve() / f"{fixture.stem}.html" for fixture in FIXTURES} <= seen
    assert not any(page.read_bytes().find(b"<script") >= 0 for page in site.rglob("*.html"))


def test_same_bytes_twice(site: Path, tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "PAGE_SIZE", 2)
        render_site(FIXTURES, tmp_path)
    for page in site.rglob("*.html"):
        assert (tmp_path / page.relative_to(site)).read_bytes() == page.read_bytes(), page


def test_attribute_values_are_quoted_as_saxutils_quotes_them() -> None:
    from xml.sax.saxutils import quoteattr

    from tei_encoder.render.pages import _quoted

    for value in ("", "plain", 'say "hi"', "it's", "both ' and \"", "a & b < c > d", "tab\tline\nreturn\r"):
        assert _quoted(value) == quoteattr(value)


def test_a_persons_items_are_read_by_page_name_in_the_order_asked() -> None:
    """A person page laid out alone reads only its own documents' items (in batches: SQLite limits the
    parameters of a query), in the page's order."""
    from tei_encoder.render.store import CorpusStore

    store = CorpusStore(":memory:")
    store.connection.executemany("INSERT INTO appearances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 [("ada", "Ada", f"doc{n:04}", None, "", None, None, f"<i n='{n}'/>".encode(), "", "")
                                  for n in range(1200)])
    wanted = [f"doc{n:04}" for n in (1199, 3, 600, 0, *range(700, 1200))]
    assert store.appearance_items("Ada", wanted) == [f"<i n='{int(doc[3:])}'/>".encode() for doc in wanted]
    store.close()



def test_a_persons_appearances_are_read_in_index_order_from_one_index() -> None:
    """An edit's persons' pages read each person's appearances in index order without a join with the
    documents or a sort (a busy person has thousands): the appearances carry their document's sort key."""
    from tei_encoder.render.store import CorpusStore

    store = CorpusStore(":memory:")
    rows = [("ada", "Ada", f"doc{n}", "Ada", "", None, None, b"<i/>", f"1941-0{9 - n}", "t") for n in range(9)]
    store.connection.executemany("INSERT INTO appearances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    statements: list[str] = []
    store.connection.set_trace_callback(statements.append)  # the statements as run, their values filled in
    assert [a.doc for a in store.appearances_of("Ada")] == [f"doc{n}" for n in reversed(range(9))]
    store.connection.set_trace_callback(None)
    [statement] = [text for text in statements if text.startswith("SELECT")]
    plans = [row[3] for row in store.connection.execute(f"EXPLAIN QUERY PLAN {statement}")]
    assert any("COVERING INDEX appearances_order" in plan for plan in plans), plans
    assert not any("TEMP B-TREE" in plan or "docs" in plan for plan in plans), plans
    store.close()


def test_an_interrupted_move_of_the_sort_keys_leaves_the_old_store(tmp_path: Path) -> None:
    """Copying the documents' sort keys into an older store's appearances is one transaction: when it fails
    half-way the store is as it was (no columns without their values), and the next open finishes it."""
    import sqlite3

    from tei_encoder.render.store import CorpusStore

    path = tmp_path / "store.sqlite"
    store = CorpusStore(path)
    store.connection.execute("INSERT INTO docs (name, label, k_when, k_title, year, month, entry) "
                             "VALUES ('d', 'd.txt', '1941-05', 'T', '1941', '05', x'00')")
    store.connection.execute("INSERT INTO appearances VALUES ('ada', 'Ada', 'd', NULL, '', NULL, NULL, x'00', "
                             "'1941-05', 'T')")
    store.commit()
    store.close()
    old = sqlite3.connect(path)
    old.execute("DROP INDEX appearances_order")
    old.execute("ALTER TABLE appearances DROP COLUMN k_when")
    old.execute("ALTER TABLE appearances DROP COLUMN k_title")
    old.execute("CREATE TRIGGER stop BEFORE UPDATE ON appearances BEGIN SELECT RAISE(ABORT, 'interrupted'); END")
    old.commit()
    old.close()
    with pytest.raises(sqlite3.IntegrityError):
        CorpusStore(path)
    old = sqlite3.connect(path)
    assert "k_when" not in {row[1] for row in old.execute("PRAGMA table_info(appearances)")}
    old.execute("DROP TRIGGER stop")
    old.commit()
    old.close()
    store = CorpusStore(path)
    assert store.connection.execute("SELECT k_when, k_title FROM appearances").fetchall() == [("1941-05", "T")]
    store.close()


def test_a_persons_heading_docs_and_page_items_from_the_store_are_those_of_their_appearances() -> None:
    """An edit lays out a person's pages from a few queries (how often each name is given, the first life and
    occupation, the documents' names, one page's items at its place) instead of every appearance: the same
    heading, documents and items as from the appearances themselves, names missing, variants, a document
    naming the person twice and empty lives included."""
    import random

    from tei_encoder.render.pages import _Heading
    from tei_encoder.render.store import VARIANT_SEPARATOR, CorpusStore

    chooser = random.Random(7)
    store = CorpusStore(":memory:")
    rows = []
    for n in range(400):
        name = chooser.choice([None, "", "Ada", "A. Lovelace", "Ada Lovelace"])
        variants = VARIANT_SEPARATOR.join(chooser.sample(["Augusta", "A. A. L.", "Lady Ada"], chooser.randrange(3)))
        life = chooser.choice([None, "", None, "1815-1852"]) if n > 37 else None
        occupation = chooser.choice([None, "", "mathematician", "writer"]) if n > 90 else ""
        doc = f"doc{n // 2 if n % 7 == 0 else n}"  # some documents name her twice
        rows.append(("ada", "Ada", doc, name, variants, life, occupation, f"<i n='{n}'/>".encode(),
                     f"18{chooser.randrange(30, 52)}", chooser.choice("abc")))
    store.connection.executemany("INSERT INTO appearances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    appearances = [a for person, every in store.persons() for a in every]
    assert _Heading.from_store(store, "Ada") == _Heading.of("Ada", appearances)
    assert _Heading.from_store(store, "Ada").life == "1815-1852"
    assert store.person_docs("Ada") == [a.doc for a in appearances]
    items = [a.item for a in appearances]
    assert [store.appearance_items_in_order("Ada", start, 150) for start in (0, 150, 300)] == [
        items[0:150], items[150:300], items[300:450]]
    store.close()
