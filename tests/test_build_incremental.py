"""Incremental ``build``: a second build redoes only what changed and gives the bytes of a clean build.

Each test builds a folder of records, changes it (add, edit, delete, a new tool
version), builds again into the same output folder, and compares every file
with a clean build of the changed folder into a fresh one (the manifest itself,
an SQLite file, is the one file that may differ).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tei_encoder
from tei_encoder.build import incremental, search
from tei_encoder.build.manifest import MANIFEST_NAME
from tei_encoder.cli import main
from tei_encoder.render import review
from tei_encoder.trace import KINDS

ROOT = Path(__file__).resolve().parent.parent
RECORDS = sorted((ROOT / "tests" / "records").glob("*.txt"))[:8] + sorted((ROOT / "seeds").glob("*.txt"))


def build(source: Path, out: Path, *extra: str) -> int:
    return main(["build", str(source), "--out", str(out), "--jobs", "1", "-q", *extra])


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.name != MANIFEST_NAME}


def assert_same_as_clean(source: Path, out: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    build(source, clean)
    built, expected = tree(out), tree(clean)
    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []


@pytest.fixture(autouse=True)
def no_search(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind (when installed) takes seconds a build: only the search tests run it."""
    if "search" not in request.node.name:
        monkeypatch.setattr(search, "available", lambda: False)


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    folder.mkdir()
    for record in RECORDS:
        shutil.copy(record, folder / record.name)
    return folder


def rebuilt(capsys: pytest.CaptureFixture[str], source: Path, out: Path) -> int:
    """Records converted by one more build (from the line the command prints)."""
    main(["build", str(source), "--out", str(out), "--jobs", "1"])
    line = capsys.readouterr().err.strip().splitlines()[-1]
    return int(line.split("(")[1].split(" converted")[0])


def _built_counting_layouts(monkeypatch: pytest.MonkeyPatch, source: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """A clean build with two items a page, then every page the builds after it lay out, by file name."""
    from tei_encoder.render import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    out = tmp_path / "site"
    assert build(source, out) == 0
    laid_out: list[str] = []
    real_write = pages.PageWriter.write
    monkeypatch.setattr(pages.PageWriter, "write",
                        lambda writer, file, *rest: laid_out.append(file) or real_write(writer, file, *rest))
    return out, laid_out


def test_add_edit_delete_give_the_bytes_of_a_clean_build(source: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    build(source, out)
    assert rebuilt(capsys, source, out) == 0
    # add
    shutil.copy(RECORDS[0], source / "added_copy.txt")
    assert rebuilt(capsys, source, out) == 1
    assert_same_as_clean(source, out, tmp_path)
    # edit: a new title changes the index and the persons pages too
    edited = source / RECORDS[-1].name
    edited.write_bytes(edited.read_bytes().replace(b"Stalin", b"Stalin-Dzhugashvili", 3))
    assert rebuilt(capsys, source, out) == 1
    assert_same_as_clean(source, out, tmp_path)
    # delete: its TEI, page and plain text go, and so do pages of persons only it named
    gone = source / RECORDS[1].name
    gone.unlink()
    assert rebuilt(capsys, source, out) == 0
    assert not (out / "tei" / f"{gone.stem}.xml").exists() and not (out / f"{gone.stem}.html").exists()
    assert not (out / f"{gone.stem}.proof.html").exists() and not (out / "trace" / f"{gone.stem}.trace.json").exists()
    assert f"{gone.stem}.xml".encode() not in (out / "tei" / "persons.xml").read_bytes()
    assert f"{gone.stem}.proof.html".encode() not in (out / "review.html").read_bytes() + b"".join(
        page.read_bytes() for page in out.glob("review-*.html"))
    assert_same_as_clean(source, out, tmp_path)


def test_every_record_output_is_a_build_output(source: Path, tmp_path: Path) -> None:
    """Proof pages, traces, the TEI the pages offer, tei/persons.xml and the review pages are listed in the
    manifest (so --clean removes them) and come back when deleted by hand."""
    out = tmp_path / "site"
    build(source, out)
    stem = RECORDS[0].stem
    made = [f"{stem}.proof.html", f"trace/{stem}.trace.json", f"tei/{stem}.xml", "tei/persons.xml", "review.html"]
    assert all((out / file).is_file() for file in made)
    for file in made:
        (out / file).unlink()
    build(source, out)
    assert_same_as_clean(source, out, tmp_path)
    assert build(source, out, "--clean") == 0
    build_outputs = tree(out)
    incremental.clean(out)
    assert not any((out / file).exists() for file in build_outputs)


def test_a_changed_project_file_builds_everything_again(source: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The project file's digest is part of the manifest's settings; pages in folders state the edition."""
    from tei_encoder.render import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    monkeypatch.setattr(incremental, "REPORT_PAGE_SIZE", 3)
    project = source / "tei-encoder.toml"
    project.write_text('[edition]\ntitle = "Test Edition"\npublisher = "First Press"\n', encoding="utf-8")
    out = tmp_path / "site"
    build(source, out)
    project.write_text('[edition]\ntitle = "Test Edition"\npublisher = "Second Press"\n', encoding="utf-8")
    assert rebuilt(capsys, source, out) == len(RECORDS)
    assert_same_as_clean(source, out, tmp_path)
    for folder in ("years", "letters", "persons", "validation"):
        page = sorted((out / folder).glob("*.html"))[0].read_text(encoding="utf-8")
        assert 'class="edition-publisher">Second Press<' in page, folder
        assert 'class="site-title" href="../index.html">Test Edition<' in page, folder


def test_a_new_tool_version_builds_everything_again(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    build(source, out)
    monkeypatch.setattr(tei_encoder, "__version__", "99.0")
    assert rebuilt(capsys, source, out) == len(RECORDS)
    assert_same_as_clean(source, out, tmp_path)


def test_a_record_that_now_fails_leaves_no_page(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(source, out)
    broken = source / RECORDS[2].name
    broken.write_bytes(b"")
    assert build(source, out) == 1
    assert not (out / f"{broken.stem}.html").exists() and not (out / "tei" / f"{broken.stem}.xml").exists()
    assert_same_as_clean(source, out, tmp_path)


def test_paged_site_stays_identical_when_pages_shift(source: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """With tiny pages, one record more moves entries across index, letter and report pages."""
    from tei_encoder.render import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    monkeypatch.setattr(incremental, "REPORT_PAGE_SIZE", 3)
    out = tmp_path / "site"
    build(source, out)
    assert (out / "validation" / "2.html").is_file() and (out / "letters").is_dir()
    shutil.copy(RECORDS[3], source / "0_first.txt")
    (source / RECORDS[4].name).unlink()
    build(source, out)
    assert_same_as_clean(source, out, tmp_path)


def test_clean_removes_only_what_builds_wrote_and_unknown_files_are_named(
        source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    build(source, out)
    (out / "notes.md").write_text("mine")
    (out / "stale.html").write_text("an old page")
    capsys.readouterr()
    build(source, out)
    warning = capsys.readouterr().err
    assert "2 files in" in warning and "notes.md, stale.html" in warning
    (source / RECORDS[0].name).unlink()
    page = out / f"{RECORDS[1].stem}.html"
    page.write_text("edited by hand")  # an incremental build trusts its manifest; --clean does not
    build(source, out)
    assert page.read_text() == "edited by hand"
    assert build(source, out, "--clean") == 0
    assert (out / "notes.md").read_text() == "mine"  # not the build's: never removed
    (out / "notes.md").unlink()
    (out / "stale.html").unlink()
    assert_same_as_clean(source, out, tmp_path)


def test_clean_without_a_manifest_builds(source: Path, tmp_path: Path) -> None:
    assert build(source, tmp_path / "site", "--clean") == 0
    assert (tmp_path / "site" / MANIFEST_NAME).is_file()


def _indexed_pages(out: Path) -> int:
    import json

    entries = sorted((out / "pagefind" / "shards").glob("*/pagefind-entry.json"))
    return sum(language["page_count"] for entry in entries
               for language in json.loads(entry.read_text())["languages"].values())


def test_search_index_follows_the_documents(source: Path, tmp_path: Path) -> None:
    pytest.importorskip("pagefind", reason="Pagefind is not installed (pip install 'tei-encoder[search]')")
    out = tmp_path / "site"
    assert build(source, out) == 0
    assert _indexed_pages(out) == len(RECORDS)
    assert 'href="search.html"' in (out / "index.html").read_text()
    (source / RECORDS[0].name).unlink()
    assert build(source, out) == 0
    assert _indexed_pages(out) == len(RECORDS) - 1
    # Pagefind's own file names change with its index: the old ones are gone, none is left unlisted.
    listed = incremental.Manifest(out / MANIFEST_NAME).files()
    assert incremental._unknown_files(out, incremental._files_in(out), listed) == []


def _shard_files(out: Path) -> dict[str, tuple[int, int]]:
    shards = out / "pagefind" / "shards"
    return {path.relative_to(shards).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in shards.rglob("*") if path.is_file()}


def test_search_reindexes_only_the_shard_of_an_edited_document(source: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pagefind", reason="Pagefind is not installed (pip install 'tei-encoder[search]')")
    monkeypatch.setattr(search, "SHARD_SIZE", 1)  # a shard per month, a busy month split by hash
    out = tmp_path / "site"
    assert build(source, out) == 0
    before = _shard_files(out)
    assert len({name.split("/")[0] for name in before}) > 3
    edited = source / "003_a2938abc979204af.txt"  # dated October 1947
    edited.write_text(edited.read_text() + "\nA sentence no other record holds: xylophone.\n")
    assert build(source, out) == 0
    after = _shard_files(out)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert {name.split("/")[0] for name in changed} == {"1947-10"}
    assert _indexed_pages(out) == len(RECORDS)
    page = (out / "search.html").read_text()
    assert all(f"pagefind/shards/{shard}/" in page for shard in {name.split("/")[0] for name in after})


def test_search_reindexes_a_shard_whose_file_was_deleted_by_hand(source: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pagefind", reason="Pagefind is not installed (pip install 'tei-encoder[search]')")
    monkeypatch.setattr(search, "SHARD_SIZE", 1)
    out = tmp_path / "site"
    assert build(source, out) == 0
    before = _shard_files(out)
    lost = next(name for name in sorted(before) if name.startswith("1947-10/fragment/"))
    (out / "pagefind" / "shards" / lost).unlink()
    assert build(source, out) == 0
    after = _shard_files(out)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert {name.split("/")[0] for name in changed} == {"1947-10"}
    assert lost in after  # a fragment is named by its content
    assert _indexed_pages(out) == len(RECORDS)


def test_search_stops_at_a_pagefind_failure_with_one_notice_and_the_next_build_completes_it(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pagefind", reason="Pagefind is not installed (pip install 'tei-encoder[search]')")
    monkeypatch.setattr(search, "SHARD_SIZE", 1)
    real, runs = search._run_pagefind, []

    def failing_second(arguments: list[str]) -> None:
        runs.append(arguments)
        if len(runs) == 2:
            raise search.SearchError("pagefind failed: out of memory")
        real(arguments)

    monkeypatch.setattr(search, "_run_pagefind", failing_second)
    out = tmp_path / "site"
    assert build(source, out) == 0
    assert [line for line in capsys.readouterr().err.splitlines() if "search" in line] == [
        "tei-encoder: search left out: pagefind failed: out of memory"]
    assert len(runs) == 2 and 0 < _indexed_pages(out) < len(RECORDS)
    monkeypatch.setattr(search, "_run_pagefind", real)
    assert build(source, out) == 0
    assert _indexed_pages(out) == len(RECORDS)
    listed = incremental.Manifest(out / MANIFEST_NAME).files()
    assert incremental._unknown_files(out, incremental._files_in(out), listed) == []


def test_search_files_are_told_by_their_shard() -> None:
    written = ["pagefind/index/old.pf_index", "pagefind/pagefind-ui.css", "pagefind/pagefind-ui.js",
               "pagefind/shards/1950/pagefind.js", "pagefind/shards/1950-03-1/fragment/a.pf_fragment",
               "pagefind/shards/1951/pagefind.js", "pagefind/shards/1950_x/pagefind.js"]
    indexed, stray = incremental._search_files(written, {"1950", "1950-03-1"})
    assert indexed == {"1950": ["pagefind/shards/1950/pagefind.js"],
                       "1950-03-1": ["pagefind/shards/1950-03-1/fragment/a.pf_fragment"]}
    assert stray == ["pagefind/index/old.pf_index", "pagefind/shards/1951/pagefind.js",
                     "pagefind/shards/1950_x/pagefind.js"]


def test_without_pagefind_search_is_left_out_with_one_notice(source: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(search, "available", lambda: False)
    out = tmp_path / "site"
    assert build(source, out) == 0
    notices = [line for line in capsys.readouterr().err.splitlines() if "search" in line]
    assert notices == ["tei-encoder: search left out: Pagefind is not installed (pip install 'tei-encoder[search]')"]
    assert not (out / "search.html").exists() and 'href="search.html"' not in (out / "index.html").read_text()


def test_no_search_leaves_search_out_silently_and_removes_an_earlier_index(source: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pagefind", reason="Pagefind is not installed (pip install 'tei-encoder[search]')")
    out = tmp_path / "site"
    assert build(source, out) == 0
    assert (out / "pagefind").is_dir() and (out / "search.html").is_file()
    capsys.readouterr()
    assert build(source, out, "--no-search") == 0
    assert "search" not in capsys.readouterr().err
    assert not (out / "pagefind").exists() and not (out / "search.html").exists()
    assert 'href="search.html"' not in (out / "index.html").read_text()


def test_unchanged_sources_are_not_read_again_and_an_edit_keeping_size_and_mtime_is_seen(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    from tei_encoder.build import manifest

    old = 1_600_000_000
    for path in source.iterdir():
        os.utime(path, (old, old))  # edited long before the build: their stat signature can be trusted
    out = tmp_path / "site"
    assert build(source, out) == 0
    hashed: list[int] = []
    monkeypatch.setattr(incremental, "content_digest", lambda data: hashed.append(1) or manifest.content_digest(data))
    assert rebuilt(capsys, source, out) == 0 and hashed == []
    edited = source / RECORDS[-1].name
    text = edited.read_bytes()
    edited.write_bytes(text.replace(b"e", b"a", 1))  # same size, and the old modification time put back
    os.utime(edited, (old, old))
    assert rebuilt(capsys, source, out) == 1 and len(hashed) == 1
    assert_same_as_clean(source, out, tmp_path)


def test_a_source_touched_with_the_same_bytes_is_hashed_not_built_and_hashed_again_while_racy(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    from tei_encoder.build import manifest

    old = 1_600_000_000
    for path in source.iterdir():
        os.utime(path, (old, old))
    out = tmp_path / "site"
    assert build(source, out) == 0
    hashed: list[int] = []
    monkeypatch.setattr(incremental, "content_digest", lambda data: hashed.append(1) or manifest.content_digest(data))
    os.utime(source / RECORDS[0].name)  # touched: its times are now, its bytes the same
    assert rebuilt(capsys, source, out) == 0 and len(hashed) == 1
    # Modified within RACY_NS of being hashed: an edit in the same clock tick could keep its stat, so the next
    # build reads it again rather than trust it.
    assert rebuilt(capsys, source, out) == 0 and len(hashed) == 2
    assert_same_as_clean(source, out, tmp_path)


def test_an_edit_keeping_size_and_modification_time_right_after_a_build_is_seen(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A file system whose change time and inode do not show an edit (only size and mtime are compared here,
    as on file systems without a change time) and an edit within the same mtime tick as the build that hashed
    the file, keeping its size: the stored stat matches, but it was taken within RACY_NS of the file's
    modification, so the file is read again."""
    import os

    monkeypatch.setattr(incremental, "_signature", lambda status: f"{status.st_size}:{status.st_mtime_ns}")
    out = tmp_path / "site"
    edited = source / RECORDS[-1].name
    assert build(source, out) == 0  # the sources were just copied: all of them racy
    tick = edited.stat().st_mtime_ns
    edited.write_bytes(edited.read_bytes().replace(b"e", b"a", 1))
    os.utime(edited, ns=(tick, tick))  # the same modification time, as a coarse clock would give
    assert rebuilt(capsys, source, out) == 1
    assert_same_as_clean(source, out, tmp_path)


def test_review_pages_are_not_made_again_while_no_guess_changed(source: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    assert build(source, out) == 0
    made: list[int] = []
    real = review.group_pages
    monkeypatch.setattr(review, "group_pages", lambda *args: made.append(1) or real(*args))
    assert build(source, out) == 0 and made == []
    (source / RECORDS[0].name).unlink()  # its guesses leave the review pages
    assert build(source, out) == 0 and len(made) == len(KINDS)  # the one group, each kind
    assert_same_as_clean(source, out, tmp_path)


def _guess_rows(site: Path) -> list[bytes]:
    from lxml import html

    return [html.tostring(row) for page in sorted(site.glob("review-*.html"))
            for row in html.parse(str(page)).xpath('//tr[@class="guess"]')]


def _links_land(site: Path, page: str) -> None:
    from lxml import html

    for link in html.parse(str(site / page)).xpath('//div[@class="review"]//a/@href'):
        target, _, fragment = link.partition("#")
        assert (site / target).is_file(), (page, link)
        if fragment:
            assert html.parse(str(site / target)).xpath(f'//*[@id="{fragment}"]'), (page, link)


def test_review_pages_in_groups_rewrite_only_the_edited_records_group(source: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A larger edition's review pages go by groups of records (years here); an edit that changes one record's
    guesses lays out only its group's pages (and the summaries), leaves the other pages' files alone, and the
    site is the bytes of a clean build."""
    monkeypatch.setattr(review, "GROUP_SIZE", 3)
    monkeypatch.setattr(review, "PAGE_SIZE", 4)  # a group's kind goes on over pages too
    out = tmp_path / "site"
    assert build(source, out) == 0
    pages = sorted(page.name for page in out.glob("review-*.html"))
    assert "review-person-1940.html" in pages and any("-p2." in page for page in pages)
    for page in ("review.html", *pages):
        _links_land(out, page)
    rows = _guess_rows(out)
    assert rows and len(rows) == len(set(rows))
    assert sum(int(n) for n in _text(out / "review.html", "//tbody/tr/td[3]/text()")) == len(rows)
    made: list[str] = []
    real = review.group_pages
    monkeypatch.setattr(review, "group_pages", lambda kind, group, *rest: made.append(group) or real(kind, group, *rest))
    before = {page: (out / page).stat().st_ino for page in pages}
    edited = source / RECORDS[-1].name  # a record of 1940, the only one of its year
    edited.write_bytes(b"\n" + edited.read_bytes())  # every line one further down: all its guesses change
    assert rebuilt(capsys, source, out) == 1
    assert set(made) == {"1940"}
    changed = {page for page in pages if (out / page).stat().st_ino != before[page]}
    summaries = {review.kind_file(kind) for kind in KINDS}
    assert changed and all(page.endswith("-1940.html") or page in summaries for page in changed), changed
    assert_same_as_clean(source, out, tmp_path)


def _text(page: Path, path: str) -> list[str]:
    from lxml import html

    return [str(value) for value in html.parse(str(page)).xpath(path)]


def test_a_manifest_with_traces_as_guesses_keeps_its_records(source: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A manifest of an earlier build (each record's guesses kept as its trace) is moved to the rows the review
    pages are made from: no record is converted again, and the pages are the bytes of a clean build."""
    import sqlite3

    from tei_encoder.render.proof import title_of
    from tei_encoder.trace import from_json, to_json

    out = tmp_path / "site"
    assert build(source, out) == 0
    connection = sqlite3.connect(out / MANIFEST_NAME)
    connection.execute("CREATE TABLE guesses (key TEXT PRIMARY KEY, name TEXT NOT NULL, title TEXT NOT NULL, "
                       "trace BLOB NOT NULL)")
    for key, name in connection.execute("SELECT key, name FROM review_records").fetchall():
        _, decisions = from_json((out / "trace" / f"{name}.trace.json").read_bytes())
        guesses = [d for d in decisions if not d.certain]
        connection.execute("INSERT INTO guesses VALUES (?, ?, ?, ?)",
                           (key, name, title_of(decisions, name), to_json(name, guesses)))
    for table in ("review_records", "review_rows", "review_counts", "review_groups"):
        connection.execute(f"DROP TABLE {table}")
    connection.commit()
    connection.close()
    (out / "review.html").unlink()
    assert rebuilt(capsys, source, out) == 0
    assert_same_as_clean(source, out, tmp_path)


def test_an_edit_makes_only_its_months_index_pages_and_its_persons_pages_again(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The index pages of other months and the pages of persons the edited record does not name are left as
    they are (not even laid out); a build with nothing changed lays out none; the site is a clean build's."""
    out, laid_out = _built_counting_layouts(monkeypatch, source, tmp_path)
    assert rebuilt(capsys, source, out) == 0 and laid_out == []
    edited = source / RECORDS[-1].name  # the one record of 1940
    edited.write_bytes(edited.read_bytes().replace(b"Stalin", b"Stalin-Dzhugashvili", 3))
    assert rebuilt(capsys, source, out) == 1
    index_pages = [file for file in laid_out if file.startswith("years/")]
    assert index_pages and all(file.startswith("years/1940") for file in index_pages), index_pages
    person_pages = {file for file in laid_out if file.startswith("persons/")}
    every_person = {path.relative_to(out).as_posix() for path in (out / "persons").rglob("*.html")}
    assert person_pages and len(person_pages) < len(every_person) / 2
    assert_same_as_clean(source, out, tmp_path)


def test_a_build_with_nothing_changed_never_loads_the_converter(source: Path, tmp_path: Path) -> None:
    """The readers, families, document model, validator and document stylesheets are loaded only when a record
    is converted, and the machinery of worker processes only when workers start: a build with nothing to
    convert does not pay for them (issue 12: start-up of an edit)."""
    import subprocess
    import sys

    out = tmp_path / "site"
    assert build(source, out) == 0
    probe = ("import sys\nfrom tei_encoder.cli import main\n"
             f"status = main(['build', {str(source)!r}, '--out', {str(out)!r}, '--jobs', '1', '-q', '--no-search'])\n"
             "heavy = ('tei_encoder.families', 'tei_encoder.reader', 'tei_encoder.model', 'tei_encoder.writer',"
             " 'tei_encoder.validate', 'tei_encoder.pipeline', 'xml.sax.saxutils', 'concurrent.futures.process',"
             " 'multiprocessing')\n"
             "print(status, sorted(name for name in heavy if name in sys.modules))\n")
    assert build(source, out, "--no-search") == 0  # settle: the settings without search
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert ran.stdout.split("\n")[-2] == "0 []", ran.stdout + ran.stderr


def test_the_names_kept_apart_from_their_modules_agree() -> None:
    from tei_encoder import families
    from tei_encoder.commands.options import FAMILY_NAMES
    from tei_encoder.writer.personography import PERSONS_FILE

    assert FAMILY_NAMES == tuple(family.name for family in families.FAMILIES)
    assert incremental.PERSONS_TEI == f"tei/{PERSONS_FILE}"


def test_an_edit_lays_out_only_the_person_pages_that_hold_the_edited_record(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A person in many documents has many pages: an edit that leaves their heading (names, life, number of
    documents) as it was lays out only the page listing the edited document, not every page of theirs."""
    out, laid_out = _built_counting_layouts(monkeypatch, source, tmp_path)
    edited = source / RECORDS[-1].name  # the one record of 1940
    edited.write_bytes(edited.read_bytes() + b"\n\nA sentence added at the end.\n")
    assert rebuilt(capsys, source, out) == 1
    person_pages = sorted(file for file in laid_out if file.startswith("persons/"))
    page = f"{edited.stem}.html"
    assert person_pages and all(page in (out / file).read_text(encoding="utf-8") for file in person_pages)
    several = [folder.name for folder in (out / "persons").iterdir()
               if folder.is_dir() and any(file.startswith(f"persons/{folder.name}") for file in person_pages)]
    assert several, person_pages  # a person of the edited record with more than one page had one laid out
    assert all(len([f for f in person_pages if f.startswith((f"persons/{name}.", f"persons/{name}/"))]) == 1
               for name in several), person_pages
    assert_same_as_clean(source, out, tmp_path)


def test_a_manifest_without_the_appearances_sort_keys_is_brought_up_to_date(
        source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A manifest of an earlier version keeps no sort key with the appearances: the next build copies each
    document's into them (converting nothing), and that build and the next edit give a clean build's bytes."""
    import sqlite3

    out = tmp_path / "site"
    assert build(source, out) == 0
    connection = sqlite3.connect(out / MANIFEST_NAME)
    connection.execute("DROP INDEX appearances_order")
    connection.execute("ALTER TABLE appearances DROP COLUMN k_when")
    connection.execute("ALTER TABLE appearances DROP COLUMN k_title")
    connection.execute("CREATE INDEX appearances_person ON appearances (person_key, person)")
    connection.commit()
    connection.close()
    assert rebuilt(capsys, source, out) == 0
    connection = sqlite3.connect(out / MANIFEST_NAME)
    mismatched = connection.execute("SELECT count(*) FROM appearances a JOIN docs d ON d.name = a.doc "
                                    "WHERE a.k_when != d.k_when OR a.k_title != d.k_title").fetchone()[0]
    indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    counted = connection.execute("SELECT count(*) FROM appearances").fetchone()[0]
    connection.close()
    assert counted and mismatched == 0 and "appearances_order" in indexes and "appearances_person" not in indexes
    assert_same_as_clean(source, out, tmp_path)
    edited = source / RECORDS[-1].name
    edited.write_bytes(edited.read_bytes().replace(b"Stalin", b"Stalin-Dzhugashvili", 3))
    assert rebuilt(capsys, source, out) == 1
    assert_same_as_clean(source, out, tmp_path)


def _counts_out_of_step(site: Path) -> list[tuple[str, str, str]]:
    """Records' counts whose group is not their record's (the review summary sums the counts by group)."""
    import sqlite3

    connection = sqlite3.connect(site / MANIFEST_NAME)
    try:
        return connection.execute("SELECT c.key, c.grp, g.grp FROM review_counts c JOIN review_records g "
                                  "ON g.key = c.key WHERE c.grp != g.grp").fetchall()
    finally:
        connection.close()


def test_a_manifest_without_the_counts_groups_is_brought_up_to_date(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The review summary sums each record's counts by the group they carry: a manifest of an earlier version
    (counts without groups) gets its records' groups (converting nothing), and edits that move records between
    groups keep them in step; every build gives a clean build's bytes."""
    import sqlite3

    monkeypatch.setattr(review, "GROUP_SIZE", 3)
    out = tmp_path / "site"
    assert build(source, out) == 0
    connection = sqlite3.connect(out / MANIFEST_NAME)
    assert connection.execute("SELECT count(DISTINCT grp) FROM review_counts").fetchone()[0] > 1
    connection.execute("DROP INDEX review_counts_total")
    connection.execute("ALTER TABLE review_counts DROP COLUMN grp")
    connection.commit()
    connection.close()
    (out / "review.html").unlink()
    assert rebuilt(capsys, source, out) == 0
    assert _counts_out_of_step(out) == []
    assert_same_as_clean(source, out, tmp_path)
    shutil.copy(RECORDS[0], source / "added_copy.txt")  # its group grows, and may be split
    edited = source / RECORDS[-1].name
    edited.write_bytes(b"\n" + edited.read_bytes())
    assert rebuilt(capsys, source, out) == 2
    assert _counts_out_of_step(out) == []
    assert_same_as_clean(source, out, tmp_path)


def _index_pages_in_order(out: Path) -> list[tuple[str, list[str]]]:
    """(file, the document pages it lists) of every page of the index that lists documents, in index order."""
    from lxml import html

    from tei_encoder.render import pages
    from tei_encoder.render.store import CorpusStore

    store = CorpusStore(out / MANIFEST_NAME)
    try:
        _, planned = pages.plan_index(store.groups(), pages.PAGE_SIZE)
    finally:
        store.close()
    return [(page.file, [str(link).removeprefix("../") for link in
                         html.parse(str(out / page.file)).xpath('//h3[@class="doc-title"]/a/@href')])
            for page in planned]


def test_an_edit_in_the_middle_of_the_index_lays_out_its_page_from_its_own_rows(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The index pages of an edit's month are laid out from their own rows, read from their place in index
    order (the pages before them kept, their rows never read): the page lists what a clean build's lists."""
    out, laid_out = _built_counting_layouts(monkeypatch, source, tmp_path)
    index = _index_pages_in_order(out)
    middle = len(index) // 2
    file, listed = index[middle]
    assert middle > 1 and listed, index
    edited = source / f"{Path(listed[0]).stem}.txt"
    edited.write_bytes(edited.read_bytes() + b"\n\nA sentence added at the end.\n")
    assert rebuilt(capsys, source, out) == 1
    made = [name for name in laid_out if name.startswith("years/")]
    assert file in made and index[0][0] not in made, made
    assert_same_as_clean(source, out, tmp_path)


def test_a_changed_report_row_lays_out_only_its_report_page_and_the_summary(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the report's order unchanged, an edit that changes one record's row of the validation report reads
    and writes only the report page holding it, and the summary (whose line for that page changes); the other
    pages are not read, and the site is a clean build's bytes, also when the record is fixed again."""
    from tei_encoder.build.manifest import Manifest

    monkeypatch.setattr(incremental, "REPORT_PAGE_SIZE", 3)
    out = tmp_path / "site"
    assert build(source, out) == 0
    read: list[tuple[int, int]] = []
    real_rows = Manifest.report_rows
    monkeypatch.setattr(Manifest, "report_rows", lambda manifest, *span: read.append(span) or real_rows(manifest, *span))
    assert build(source, out) == 0 and read == []  # nothing changed: no row read
    reports = sorted(path.relative_to(out).as_posix() for path in (out / "validation").glob("*.html"))
    before = {page: (out / page).stat().st_ino for page in reports}
    broken = source / sorted(path.name for path in source.glob("*.txt"))[4]  # on the report's second page
    text = broken.read_bytes()
    broken.write_bytes(b"")
    assert build(source, out) == 1
    assert read == [(3, 3)]
    assert [page for page in reports if (out / page).stat().st_ino != before[page]] == ["validation/2.html"]
    assert "1 not converted" in (out / "validation.html").read_text(encoding="utf-8")
    assert_same_as_clean(source, out, tmp_path)
    broken.write_bytes(text)
    assert build(source, out) == 0
    assert_same_as_clean(source, out, tmp_path)


def test_review_groups_are_not_planned_again_while_no_record_moved(source: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Every record's guesses are read to plan the review groups only when the plan may have moved: not for a
    build with nothing changed, nor for an edit of one record's guesses (its group is laid out from its own
    records); a record moved to another year plans them again. Each build gives a clean build's bytes."""
    from tei_encoder.build.manifest import Manifest

    monkeypatch.setattr(review, "GROUP_SIZE", 3)
    out = tmp_path / "site"
    assert build(source, out) == 0
    planned: list[int] = []
    real = Manifest.review_records
    monkeypatch.setattr(Manifest, "review_records", lambda manifest: planned.append(1) or real(manifest))
    assert build(source, out) == 0 and planned == []
    edited = source / RECORDS[-1].name  # the one record of 1940
    edited.write_bytes(b"\n" + edited.read_bytes())  # every guess one line further down
    assert rebuilt(capsys, source, out) == 1 and planned == []
    assert_same_as_clean(source, out, tmp_path)  # a clean build plans them
    planned.clear()
    assert (out / "review-person-1940.html").is_file()
    edited.write_bytes(edited.read_bytes().replace(b"1940", b"1947"))  # now a record of 1947
    assert rebuilt(capsys, source, out) == 1 and planned == [1]
    assert not (out / "review-person-1940.html").exists()
    assert_same_as_clean(source, out, tmp_path)


def test_a_problem_found_again_each_build_lays_out_no_index_or_person_page(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A problem found before conversion (two records with one name) is stored again on every build, which
    the report notes among the changes: the index and persons pages, which only documents change, are not
    laid out for it."""
    from tei_encoder.render import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    (source / "again").mkdir()
    shutil.copy(RECORDS[0], source / "again" / RECORDS[0].name)
    out = tmp_path / "site"
    assert build(source, out) == 1
    laid_out: list[str] = []
    real_write = pages.PageWriter.write
    monkeypatch.setattr(pages.PageWriter, "write",
                        lambda writer, file, *rest: laid_out.append(file) or real_write(writer, file, *rest))
    assert build(source, out) == 1
    assert laid_out == []
