"""Issue 14: the decision trace, the proof pages and the review page, on the seeds and tests/records."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from tei_encoder.cli import main
from tei_encoder.pipeline import encode
from tei_encoder.render import review
from tei_encoder.render.proof import RecordTrace
from tei_encoder.source import read_source, source_from_bytes
from tei_encoder.trace import Decision, from_json, guesses, spans_from_json

ROOT = Path(__file__).resolve().parent.parent
RECORDS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "records").glob("*.txt"))
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = tmp_path_factory.mktemp("records")
    for record in RECORDS:
        shutil.copy(record, records / record.name)
    out = tmp_path_factory.mktemp("site")
    # No search: Pagefind's page is the one page with a script (test_build_incremental.py tests it).
    assert main(["build", str(records), "--out", str(out), "--jobs", "1", "--quiet", "--no-search"]) in (0, 1)
    return out


def _html(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.HTMLParser())


def test_there_are_records() -> None:
    assert len(RECORDS) >= 30


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_every_source_line_is_on_its_proof_page(site: Path, record: Path) -> None:
    page = _html(site / f"{record.stem}.proof.html")
    for line in read_source(record).lines:
        assert len(page.xpath(f'//*[@id="L{line.number}"]')) == 1, f"line {line.number} has no anchor"
        rows = page.xpath(f'//*[@data-line="{line.number}"]')
        texts = [" ".join(row.xpath('string(span[@class="pl-text"])').split()) for row in rows]
        if line.text.strip() and line.text != "\f":
            assert " ".join(line.text.split()) in texts


def _traced_elements(tei: etree._ElementTree) -> list[etree._Element]:
    """What must carry a decision: every sp, inferred pb, footnote, merged person (two names; an office
    printed with a name is no merge), header field with an id."""
    out = tei.xpath("//t:sp | //t:pb[@type='inferred'] | //t:note[@place='foot'] | //t:person[t:persName[not(t:roleName)][2]]",
                    namespaces={"t": TEI[1:-1]})
    out += tei.xpath("//t:teiHeader//*[starts-with(@xml:id, 'h-')]", namespaces={"t": TEI[1:-1]})
    return out


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_every_traced_element_has_a_mark_and_links_back(site: Path, record: Path) -> None:
    tei = etree.parse(str(site / "tei" / f"{record.stem}.xml"))
    proof = _html(site / f"{record.stem}.proof.html")
    reading = _html(site / f"{record.stem}.html")
    proof_ids = set(proof.xpath("//@id"))
    reading_ids = set(reading.xpath("//@id"))
    marks = {unquote(href.split("#", 1)[1]) for href in proof.xpath('//span[contains(@class,"mark")]/a/@href')}
    elements = _traced_elements(tei)
    assert elements
    for element in elements:
        ident = element.get(XML_ID)
        if element.get("type") == "supplied":  # a title the source does not have: no line to mark
            continue
        assert ident, f"{element.tag} has no xml:id"
        assert f"tr-{ident}" in marks, f"no decision mark for {ident}"
        assert f"tr-{ident}" in reading_ids, f"the reading has no anchor for {ident}"
        back = reading.xpath(f'//a[@id="tr-{ident}"]/@href')[0]
        assert back.split("#", 1)[1] in proof_ids


def test_every_mark_lands_in_the_reading_view(site: Path) -> None:
    for record in RECORDS:
        reading_ids = set(_html(site / f"{record.stem}.html").xpath("//@id"))
        proof = _html(site / f"{record.stem}.proof.html")
        for href in proof.xpath('//span[contains(@class,"mark")]/a/@href'):
            assert unquote(href.split("#", 1)[1]) in reading_ids, (record.stem, href)


def test_the_review_pages_list_every_guess_once(site: Path) -> None:
    rows = [row for page in sorted(site.glob("review*.html")) for row in _html(page).xpath('//tr[@class="guess"]')]
    expected = 0
    for record in RECORDS:
        _, decisions = from_json((site / "trace" / f"{record.stem}.trace.json").read_bytes())
        expected += len(guesses(decisions))
    assert expected > 0
    assert len(rows) == expected
    keys = [etree.tostring(row) for row in rows]
    assert len(set(keys)) == len(keys)
    summary = _html(site / "review.html")
    assert sum(int(n) for n in summary.xpath("//tbody/tr/td[3]/text()")) == expected
    for href in summary.xpath("//tbody//a/@href"):  # each group link lands on its section
        page, fragment = href.split("#")
        assert _html(site / page).xpath(f'//*[@id="{fragment}"]')


def test_a_large_kind_of_guess_is_paged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review, "PAGE_SIZE", 3)
    guess = Decision("turn", "label-alone", 4, 5, "sp", "sp1", False, "speaker x")
    sure = Decision("turn", "speech-turn", 6, 6, "sp", "sp2", True, "speaker y")
    records = [RecordTrace(f"r{n}", f"Record {n}", (guess, sure)) for n in range(7)]
    pages = review.review_pages(records)
    names = [page.filename for page in pages]
    assert names == ["review.html", "review-turn.html", "review-turn-2.html", "review-turn-3.html"]
    assert names == review.page_files(review.guess_counts(r.decisions for r in records))
    rows = [row for page in pages for row in page.content.iter("tr") if row.get("class") == "guess"]
    assert len(rows) == 7


def test_guesses_stand_out_without_colour(site: Path) -> None:
    proof = _html(site / "000_0aaf53e3a5ac855f.proof.html")
    guess_marks = proof.xpath('//span[contains(@class,"mark guess")]')
    assert guess_marks
    assert all("guess" in mark.xpath("string(.)") for mark in guess_marks)
    assert not proof.xpath("//script")


def test_trace_is_deterministic_and_written_by_convert(tmp_path: Path) -> None:
    record = RECORDS[0]
    for out in ("a", "b"):
        assert main(["convert", str(record), "--out", str(tmp_path / out), "--trace", "--quiet"]) == 0
    first = (tmp_path / "a" / f"{record.stem}.trace.json").read_bytes()
    assert first == (tmp_path / "b" / f"{record.stem}.trace.json").read_bytes()
    name, decisions = from_json(first)
    assert name == record.name
    document, _ = encode(read_source(record))
    assert decisions == document.trace


def test_labelled_turns_are_certain_and_labels_alone_are_guesses() -> None:
    seed, _ = encode(read_source(ROOT / "seeds" / "000_0aaf53e3a5ac855f.txt"))
    turns = [d for d in seed.trace if d.kind == "turn"]
    assert turns and all(d.certain and d.rule == "speech-turn" for d in turns)
    alone, _ = encode(read_source(ROOT / "tests" / "records" / "other_10_radio_transcript_labels_alone.txt"))
    assert any(d.kind == "turn" and d.rule == "label-alone" and not d.certain for d in alone.trace)


def test_proof_command_writes_pages_without_a_site(tmp_path: Path) -> None:
    assert main(["proof", str(RECORDS[0]), "--out", str(tmp_path)]) == 0
    assert (tmp_path / f"{RECORDS[0].stem}.proof.html").exists()
    assert main(["proof", str(tmp_path / "missing.txt"), "--out", str(tmp_path)]) == 2  # names no record


def test_proof_command_follows_the_cli_convention(tmp_path: Path) -> None:
    """Issue 11 section 3 on the proof command: --jobs, --config, -q; a record that fails is exit 1 and
    the others are still written."""
    records = tmp_path / "records"
    records.mkdir()
    for record in RECORDS[:3]:
        (records / record.name).write_bytes(record.read_bytes())
    (records / "empty.txt").write_bytes(b"")
    (tmp_path / "tei-encoder.toml").write_text('[edition]\ntitel = "x"\n', encoding="utf-8")
    assert main(["proof", str(records), "-o", str(tmp_path / "bad"), "--config",
                 str(tmp_path / "tei-encoder.toml")]) == 2
    assert not (tmp_path / "bad").exists()
    one = main(["proof", str(records), "-o", str(tmp_path / "one"), "-j", "1", "-q"])
    two = main(["proof", str(records), "-o", str(tmp_path / "two"), "--jobs", "2"])
    assert one == two == 1  # the empty record
    written = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert written == sorted(f"{r.stem}.proof.html" for r in RECORDS[:3])
    for name in written:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_the_built_site_passes_the_page_checks(site: Path) -> None:
    """Proof and review pages, and document pages with their back links, pass the checks every page
    of the site passes (test_render.py): strict HTML, unique ids, every link and fragment resolves,
    one h1 and no skipped heading level, a language."""
    from test_render import check_html, internal_links, page_tree

    pages = sorted(site.glob("*.html"))
    assert any(page.name.endswith(".proof.html") for page in pages) and (site / "review.html").exists()
    for page in pages:
        errors = check_html(page.read_text(encoding="utf-8")).errors
        assert errors == [], f"{page.name}: {errors[:5]}"
        tree = page_tree(page)
        assert tree.get("lang"), page.name
        levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1 and levels[0] == 1, page.name
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), page.name
    ids: dict[Path, set[str]] = {}
    for page, href, target, fragment in internal_links(site):
        assert target.is_file(), f"{page.name}: {href}"
        if fragment and target.suffix == ".html":
            if target not in ids:
                ids[target] = {e.get("id") for e in page_tree(target).iter() if e.get("id")}
            assert fragment in ids[target], f"{page.name}: {href}"


def test_words_that_left_the_body_say_where_they_went(site: Path) -> None:
    def places(stem: str) -> dict[str, str]:
        page = _html(site / f"{stem}.proof.html")
        return {row.get("id"): " ".join(row.xpath('string(span[@class="pl-place"])').split())
                for row in page.xpath('//div[@id][@data-line]')}

    wilson = places("000_0aaf53e3a5ac855f")
    assert wilson["L14"] == "→ header: summary" and wilson["L9"] == "→ header: citation"
    assert wilson["L61"] == "body"
    soviet = places("002_0215c096726144f6")
    assert soviet["L1"] == "→ boilerplate"
    assert soviet["L12"] == "→ body; header: genre; header: title"  # the heading stays and names the record
    word = places("003_a2938abc979204af")
    assert word["L8"] == "→ body; note fn1; note fn2; note fn3; note fn4"  # text, then four note bodies


def test_brackets_no_rule_knows_are_traced_as_guesses() -> None:
    document, _ = encode(read_source(ROOT / "tests" / "records" / "word_10_brackets_editorial_marks.txt"))
    left = [d for d in document.trace if d.kind == "notation"]
    assert [d.first_line for d in left] == [10, 11] and not any(d.certain for d in left)
    assert left[0].detail.startswith('[sic, probably "west"]')


def test_an_endnote_line_went_to_its_note_only(site: Path) -> None:
    page = _html(site / "word_01_endnotes_pages_handwritten.proof.html")
    place = " ".join(page.xpath('string(//*[@id="L35"]/span[@class="pl-place"])').split())
    assert place.startswith("→ note fn") and "body" not in place


def test_proof_pages_share_the_sites_navigation(site: Path) -> None:
    proof = _html(site / f"{RECORDS[0].stem}.proof.html")
    document = _html(site / f"{RECORDS[0].stem}.html")
    def nav(page: etree._ElementTree) -> list[str]:
        return page.xpath('//nav[@class="site-nav"]//a/@href')
    assert "review.html" in nav(proof) and nav(proof) == nav(document)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]{3,}", text.casefold())


def _group_of(page: etree._ElementTree, line: int) -> etree._Element:
    """The proof page's row (a group of source lines with their reading) that holds source line ``line``."""
    groups = page.xpath(f'//div[@class="pg"][.//*[@id="L{line}"]]')
    assert len(groups) == 1, f"line {line} is in {len(groups)} rows"
    return groups[0]


def _text_without_notes(element: etree._Element) -> str:
    """The element's words as the reading shows them: footnote bodies stand at their own lines."""
    kept = copy.deepcopy(element)
    for note in kept.xpath(".//t:note[@place='foot']", namespaces={"t": TEI[1:-1]}):
        note.getparent().remove(note) if note.tail is None else _drop_keeping_tail(note)
    return " ".join(kept.itertext())


def _drop_keeping_tail(element: etree._Element) -> None:
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_each_paragraph_and_turn_stands_beside_its_source_lines(site: Path, record: Path) -> None:
    """Issue 14: for every body p, sp and list, the proof page shows its TEI text in the row of the
    source lines it was read from, and those lines hold its first words."""
    tei = etree.parse(str(site / "tei" / f"{record.stem}.xml"))
    page = _html(site / f"{record.stem}.proof.html")
    spans = {span.ident: span for span in spans_from_json((site / "trace" / f"{record.stem}.trace.json").read_bytes())}
    source = {line.number: line.text for line in read_source(record).lines}
    units = tei.xpath("//t:body//t:p[@xml:id] | //t:body//t:sp | //t:body//t:list[@xml:id]", namespaces={"t": TEI[1:-1]})
    assert units
    for unit in units:
        ident = unit.get(XML_ID)
        span = spans[ident]
        group = _group_of(page, span.first_line)
        lines = {int(n) for n in group.xpath(".//@data-line")}
        assert set(range(span.first_line, span.last_line + 1)) <= lines, ident
        reading = _words(" ".join(group.xpath('div[@class="pg-reading"]//text()')))
        words = _words(_text_without_notes(unit))
        assert set(words) <= set(reading), (ident, set(words) - set(reading))
        if not words:  # a paragraph of lost characters only (its gaps are its reading), or of digits ("[00:00:15]")
            shown = " ".join(group.xpath('div[@class="pg-reading"]//text()'))
            printed_text = " ".join(unit.xpath("string(.)").split())
            assert "[gap:" in shown or (printed_text and printed_text in shown), ident
            continue
        printed = _words(" ".join(source[n] for n in range(span.first_line, span.last_line + 1)))
        first = words[:3] if unit.tag != f"{TEI}sp" else _words(" ".join(unit.xpath(
            "string(t:speaker)", namespaces={"t": TEI[1:-1]})))[:2]
        assert set(first) <= set(printed), (ident, first, span)


def test_words_that_left_the_body_are_shown_where_they_went(site: Path) -> None:
    """The reading column shows each traced header field's TEI text beside the lines it came from, and
    each moved note's text beside its own lines."""
    page = _html(site / "000_0aaf53e3a5ac855f.proof.html")
    summary = _group_of(page, 14).xpath('string(div[@class="pg-reading"])')
    assert "header: summary" in summary and "British ambassador to the Soviet Union" in summary
    word = _html(site / "word_01_endnotes_pages_handwritten.proof.html")
    note = " ".join(_group_of(word, 35).xpath('string(div[@class="pg-reading"])').split())
    assert note.startswith("→ note fn")
    printed = word.xpath('string(//*[@id="L35"]/span[@class="pl-text"])')
    assert set(_words(printed)) <= set(_words(note))


def test_the_reading_column_needs_the_tei(tmp_path: Path) -> None:
    """``proof`` sets each unit beside its lines (it has the TEI in memory)."""
    record = ROOT / "seeds" / "000_0aaf53e3a5ac855f.txt"
    assert main(["proof", str(record), "--out", str(tmp_path), "-q"]) == 0
    page = _html(tmp_path / f"{record.stem}.proof.html")
    turn = " ".join(_group_of(page, 61).xpath('string(div[@class="pg-reading"])').split())
    assert turn.startswith("speech turn: ") and "Sir. D. Kelly:" in turn and "early opportunity" in turn


def test_an_inferred_page_break_is_marked_on_the_line_where_the_page_goes_on(site: Path) -> None:
    """Issue 14: the mark of a pb[@type='inferred'] sits on the line where the next page's text begins
    (it goes on in lower case, or after a line of lost characters, or with a name after a line that stops
    on a word without punctuation), inside its paragraph, not on the paragraph's first line."""
    checked = 0
    for record in RECORDS:
        trace = (site / "trace" / f"{record.stem}.trace.json").read_bytes()
        spans, (_, decisions) = spans_from_json(trace), from_json(trace)
        source = {line.number: line.text for line in read_source(record).lines}
        page = _html(site / f"{record.stem}.proof.html")
        for decision in decisions:
            if decision.kind != "page-break":
                continue
            unit = next(span for span in spans if span.first_line <= decision.first_line <= span.last_line)
            assert decision.first_line > unit.first_line, (record.stem, decision)
            text = source[decision.first_line].lstrip(" \u25a1")
            before = next(source[n] for n in range(decision.first_line - 1, 0, -1) if source[n].strip())
            assert not text or text[0].islower() or before.rstrip()[-1].isalpha(), (
                record.stem, decision.first_line, text)
            assert page.xpath(f'//*[@id="L{decision.first_line}"]//a[contains(@href, "#tr-{decision.target_id}")]')
            checked += 1
    assert checked >= 4


_SAME_TEXT = """Cable from Moscow to the Foreign Office

## **July 19, 1949**

### **Cable from Moscow to the Foreign Office**

#### **Citation:**

"Cable from Moscow to the Foreign Office", July 19, 1949, Wilson Center Digital Archive, National Archives of the UK

#### **Summary:**

Cable from Moscow to the Foreign Office

#### **Original Language:**

English

#### **Contents:**

Transcript - English

Cable from Moscow to the Foreign Office

The Generalissimo received me last night at ten in the Kremlin and we talked for an hour.
"""


def test_header_fields_are_marked_on_the_lines_the_reader_took_them_from() -> None:
    """Issue 14: the family records the line each header field came from; a text search would put
    the title and the summary (the same words) on line 1, the masthead line that repeats them."""
    document, _ = encode(source_from_bytes(_SAME_TEXT.encode(), "same_text.txt"))
    assert document.family == "wilson-center"
    at = {d.target_id: (d.first_line, d.last_line) for d in document.trace
          if d.kind in ("header", "boilerplate") and d.target_id and d.first_line}
    assert at["h-title"] == (5, 5) and at["h-summary"] == (13, 13) and at["h-date"] == (3, 3)
    assert at["h-citation"] == (9, 9) and at["h-original-language"] == (17, 17)
    assert at["h-contents-1"] == (21, 21) and at["h-boilerplate-1"] == (1, 1)


def _header_lines(record: str) -> tuple[str, dict[str, tuple[int, int]]]:
    document, _ = encode(source_from_bytes(record.encode(), "record.txt"))
    return document.family, {d.target_id: (d.first_line, d.last_line) for d in document.trace
                             if d.kind in ("header", "boilerplate") and d.target_id}


_SOVIET_SAME_WORDS = """Selected Secret Documents from Soviet Foreign Policy Documents Archives - 1919 to 1941

Marx-Engels | Lenin | Stalin | Home Page

Concentrated on the talks of Molotov with Ambassador Cripps, 12 May 1941

Download PDF

Talks of Molotov with Ambassador Cripps

12 May 1941

Secret

Molotov received Cripps at his request. Cripps said that his government wished to improve relations with the Soviet Union.

Molotov replied that the Soviet Government had always wished for good relations with Great Britain.

V. Molotov avprf, f.059, op.1, p.3, d.4, l.5-6.
"""


def test_a_soviet_archive_records_header_fields_are_marked_where_it_read_them() -> None:
    """The collection's title holds "Secret" and the scope line the title and the date: a text search
    put the mark on line 1 and the title and date on line 5."""
    family, at = _header_lines(_SOVIET_SAME_WORDS)
    assert family == "soviet-archive"
    assert [at[f"h-boilerplate-{n}"] for n in (1, 2, 3, 4)] == [(1, 1), (3, 3), (5, 5), (7, 7)]
    assert at["h-title"] == (9, 9) and at["h-date"] == (11, 11) and at["h-term-1"] == (13, 13)


_WORD_SAME_WORDS = """[handwritten: Secretariat, 22 May 1947. V.M.]
MINISTRY OF FOREIGN AFFAIRS OF THE USSR
No 412/1ed
Moscow, 22 May 1947
SECRET
To Comrade V.M. Molotov
RECORD OF CONVERSATION WITH THE BRITISH AMBASSADOR
PETERSON says that he has come on the instructions of Mr. Bevin to discuss the treaty.[1]
VYSHINSKY says that he will study the aide-memoire and report to the Minister.
PETERSON replies that this is not so, and that the record of conversation with the British Ambassador will follow.
[1] The Anglo-Soviet Treaty of 1942.
"""


def test_a_word_exports_header_fields_are_marked_where_the_reader_took_them() -> None:
    """The translator's mark on line 1 holds the date and "Secret…": a text search put the date and
    the classification there."""
    family, at = _header_lines(_WORD_SAME_WORDS)
    assert family == "word-export"
    assert at["h-date"] == (4, 4) and at["h-term-2"] == (5, 5)
    assert at["h-title"] == (7, 7) and at["h-term-1"] == (7, 7)  # the genre: a word of the title


_GENERIC_SAME_WORDS = """Copy for the file: Minutes of the Trade Committee, 3 March 1950

MINUTES OF THE TRADE COMMITTEE

3 March 1950

The committee met at ten in the morning. The chairman opened the meeting and read the agenda.

The members agreed that the grain deliveries should be discussed first. The secretary read the report.
"""


def test_a_generic_records_title_is_marked_on_its_heading() -> None:
    """The filing note on line 1 repeats the heading: a text search marked the title (and its genre)
    on lines 1-3 and took the note's label for the title's."""
    document, _ = encode(source_from_bytes(_GENERIC_SAME_WORDS.encode(), "record.txt"))
    assert document.family == "generic"
    title = next(d for d in document.trace if d.target_id == "h-title")
    genre = next(d for d in document.trace if d.target_id == "h-term-1")
    assert (title.first_line, title.last_line) == (3, 3) and (genre.first_line, genre.last_line) == (3, 3)
    assert title.rule == "unlabelled-line" and not title.certain


def test_a_language_the_page_states_is_marked_stated_on_its_line() -> None:
    """The page's ``Transcript - English`` gave the header its language: the trace said it was told
    from the text (a guess), since only ``Translation - X`` was searched for."""
    document, _ = encode(source_from_bytes(_SAME_TEXT.encode(), "same_text.txt"))
    stated = next(d for d in document.trace if d.target_id == "h-language")
    assert (stated.rule, stated.certain, stated.first_line, stated.last_line) == ("stated-language", True, 21, 21)
    printed = _GENERIC_SAME_WORDS + "\nTranslation - English\n"  # words in a record that states no language
    plain, _ = encode(source_from_bytes(printed.encode(), "record.txt"))
    detected = next(d for d in plain.trace if d.target_id == "h-language")
    assert plain.family == "generic" and detected.rule == "detected-language" and not detected.certain
