"""Reading views: document pages, plain text, index, persons, the site as a whole.

Runs on the hand-written fixtures in tests/fixtures/render/ (which follow
ENCODING.md section 8, plus one document in TEI our encoder never writes) and,
when the encoder is installed, on the five seeds converted by it. Every check
here can fail: links are resolved, notes are followed both ways, words are
counted.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree, html as lxml_html

from tei_encoder import xmlsafe
from tei_encoder.render import DocumentStatus, ExtraPage, Renderer, RenderError, render_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "render").glob("*.xml"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TEI = "{http://www.tei-c.org/ns/1.0}"
WORD = re.compile(r"\w+")


def test_fixtures_exist() -> None:
    # The suite must not pass vacuously.
    assert len(FIXTURES) >= 4


# ---------------------------------------------------------------- HTML checks

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose content is phrasing only: a flow element inside one would make an HTML parser
# close it early (a div inside a p) and silently change the page's structure.
PHRASING_ONLY = {"p", "span", "a", "em", "i", "b", "strong", "sup", "sub", "q", "time", "label", "code",
                 "h1", "h2", "h3", "h4", "h5", "h6", "dt", "del", "caption"}
FLOW = {"div", "p", "ul", "ol", "li", "dl", "table", "section", "aside", "article", "header", "footer",
        "nav", "blockquote", "details", "main", "h1", "h2", "h3", "h4", "h5", "h6", "form", "fieldset"}


class StrictHTML(HTMLParser):
    """Well-formedness as the pages promise it: every element closed explicitly, properly nested,
    no flow content inside phrasing content, unique ids, no external resources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: Counter[str] = Counter()
        self.saw_doctype = False

    def handle_decl(self, decl: str) -> None:
        self.saw_doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = "/".join(self.stack[-3:])
        if tag in FLOW and any(open_tag in PHRASING_ONLY for open_tag in self.stack):
            self.errors.append(f"<{tag}> inside phrasing content at {where}")
        values = dict(attrs)
        if "id" in values:
            self.ids[values["id"] or ""] += 1
        for name in ("src", "srcset", "data", "poster"):
            if name in values:
                self.errors.append(f"<{tag} {name}=…> loads a resource")
        if tag in {"script", "iframe", "img", "object", "embed", "style"}:
            self.errors.append(f"<{tag}> is not allowed")
        if tag == "link" and not re.fullmatch(r"(\.\./)*assets/[^/]+", values.get("href") or ""):
            self.errors.append(f"<link href={values.get('href')!r}> is not a local asset")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/> in HTML")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag for void element {tag}")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
        else:
            self.stack.pop()


def check_html(text: str) -> StrictHTML:
    parser = StrictHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        parser.errors.append(f"unclosed elements at the end: {parser.stack}")
    duplicates = [key for key, count in parser.ids.items() if count > 1]
    if duplicates:
        parser.errors.append(f"duplicate ids: {duplicates[:10]}")
    if not parser.saw_doctype:
        parser.errors.append("no <!DOCTYPE html>")
    return parser


def page_tree(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_bytes())


def internal_links(site: Path) -> list[tuple[Path, str, Path, str]]:
    """(page, href, target file, fragment) for every relative link in every page (persons/ … too)."""
    links = []
    for page in sorted(site.rglob("*.html")):
        for anchor in page_tree(page).iter("a", "link"):
            href = anchor.get("href")
            if href is None:
                continue
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path))
            links.append((page, href, target, unquote(parts.fragment)))
    return links


# ---------------------------------------------------------------- the site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    report = etree.Element("div")
    etree.SubElement(report, "p").text = "All documents are valid."
    result = render_site(FIXTURES, out, extra_pages=[ExtraPage("validation.html", "Validation report", report,
                                                               "Validation")],
                         statuses={"000_cable": DocumentStatus("valid", "ok", "validation.html")})
    assert result.diagnostics == ()
    return out


def test_site_has_every_page(site: Path) -> None:
    for fixture in FIXTURES:
        assert (site / f"{fixture.stem}.html").is_file()
        assert (site / f"{fixture.stem}.txt").is_file()
    for name in ("index.html", "persons.html", "validation.html", "assets/edition.css"):
        assert (site / name).is_file(), name


def test_every_page_is_well_formed_html(site: Path) -> None:
    for page in sorted(site.rglob("*.html")):
        errors = check_html(page.read_text(encoding="utf-8")).errors
        assert errors == [], f"{page.name}: {errors[:5]}"


def test_every_internal_link_and_fragment_resolves(site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    checked = 0
    for page, href, target, fragment in internal_links(site):
        assert target.is_file(), f"{page.name}: {href} → missing file"
        if fragment and target.suffix == ".html":
            if target not in ids:
                ids[target] = {element.get("id") for element in page_tree(target).iter() if element.get("id")}
            assert fragment in ids[target], f"{page.name}: {href} → no element with id {fragment!r}"
        checked += 1
    assert checked > 100


def test_every_note_is_linked_both_ways(site: Path) -> None:
    notes = 0
    for page in sorted(site.glob("*.html")):
        tree = page_tree(page)
        by_id = {element.get("id"): element for element in tree.iter() if element.get("id")}
        refs = tree.xpath("//a[@role='doc-noteref']")
        footnotes = tree.xpath("//*[@role='doc-footnote']")
        assert len(refs) == len(footnotes), page.name
        for ref in refs:
            note = by_id[ref.get("href").lstrip("#")]
            assert note.get("role") == "doc-footnote"
            back = note.xpath(".//a[@role='doc-backlink']")
            assert [a.get("href") for a in back] == [f"#{ref.get('id')}"], page.name
            # The call shows the note's mark as printed, and so does the note.
            assert ref.text_content().replace("Note", "").strip() == back[0].text_content().strip()
            notes += 1
    assert notes >= 5


def test_notes_are_numbered_as_in_the_source(site: Path) -> None:
    tree = page_tree(site / "003_record.html")
    marks = [a.text_content().strip() for a in tree.xpath("//a[@role='doc-backlink']")]
    assert marks == ["19", "24", "25", "26"]


def test_every_turn_shows_its_speaker(site: Path) -> None:
    turns = 0
    for fixture in FIXTURES:
        tei = xmlsafe.parse_bytes(fixture.read_bytes())
        sps = tei.findall(f".//{TEI}sp")
        tree = page_tree(site / f"{fixture.stem}.html")
        shown = tree.xpath("//div[contains(concat(' ', @class, ' '), ' sp ')]")
        assert len(shown) == len(sps)
        for sp, div in zip(sps, shown):
            label = div.xpath(".//*[contains(concat(' ', @class, ' '), ' speaker ')]")
            assert label and label[0].text_content().strip(), f"{fixture.name}: a turn without a speaker"
            speaker = sp.find(f"{TEI}speaker")
            if speaker is not None:
                assert label[0].text_content().strip() == " ".join("".join(speaker.itertext()).split())
            assert div.get("id", "").startswith("turn-")
            assert div.xpath(f".//a[@href='#{div.get('id')}']"), "each turn links to itself"
            turns += 1
    assert turns >= 5


def test_index_links_every_document_in_date_order(site: Path) -> None:
    tree = page_tree(site / "index.html")
    hrefs = [a.get("href") for a in tree.xpath("//h3[@class='doc-title']/a[1]")]
    assert sorted(hrefs) == sorted(f"{f.stem}.html" for f in FIXTURES)
    dates = [t.get("datetime") for t in tree.xpath("//div[@class='doc-date']/time")]
    assert dates == sorted(dates)
    assert hrefs[:3] == ["004_maisky.html", "003_record.html", "000_cable.html"]
    assert tree.xpath("//a[@class='doc-status status-ok']/@href") == ["validation.html"]


def test_persons_page_links_every_person_page_with_turns_and_mentions(site: Path) -> None:
    index = page_tree(site / "persons.html")
    listed = set(index.xpath("//ul[@class='person-list']//a/@href"))
    for fixture in FIXTURES:
        tei = xmlsafe.parse_bytes(fixture.read_bytes())
        for person in tei.iter(f"{TEI}person"):
            ident = person.get("{http://www.w3.org/XML/1998/namespace}id")
            assert f"persons/{ident}.html" in listed
            entry = page_tree(site / "persons" / f"{ident}.html")
            assert entry.xpath(f".//a[@href='../{fixture.stem}.html']")
    # Each appearance is titled with the document's title.
    kelly = page_tree(site / "persons" / "kelly.html")
    assert kelly.xpath(".//a[@href='../000_cable.html']/text()") == ["Cable from Moscow to the Foreign Office"]
    stalin = page_tree(site / "persons" / "stalin.html")
    assert stalin.xpath("//h1/text()") == ["Comrade I.V. Stalin"]
    turn_links = stalin.xpath(".//a[contains(@href, '#turn-')]/@href")
    assert "../000_cable.html#turn-2" in turn_links
    assert len(stalin.xpath(".//a[contains(@href, '#m-')]")) >= 8
    assert stalin.xpath("//link[@rel='stylesheet']/@href") == ["../assets/edition.css"]


def test_names_link_to_the_persons_page(site: Path) -> None:
    tree = page_tree(site / "000_cable.html")
    links = tree.xpath("//a[contains(@class, 'persName')]/@href")
    assert links and all(link.startswith("persons/") and link.endswith(".html") for link in links)


def test_navigation_includes_the_extra_page(site: Path) -> None:
    for page in ("index.html", "persons.html", "000_cable.html", "validation.html"):
        assert page_tree(site / page).xpath("//nav[@class='site-nav']//a[@href='validation.html']")
    assert page_tree(site / "persons" / "stalin.html").xpath("//nav[@class='site-nav']//a[@href='../validation.html']")
    assert page_tree(site / "validation.html").xpath("//a[@aria-current='page'][@href='validation.html']")


def test_heading_hierarchy(site: Path) -> None:
    for page in sorted(site.glob("*.html")):
        levels = [int(h.tag[1]) for h in page_tree(page).iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1, page.name
        assert levels[0] == 1, page.name
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{page.name}: h{before} then h{after}"


def test_lang_attributes(site: Path) -> None:
    assert page_tree(site / "000_cable.html").get("lang") == "en"
    letter = page_tree(site / "foreign_letter.html")
    assert letter.get("lang") == "en"  # first language of langUsage
    assert letter.xpath("//i[@class='foreign'][@lang='fr']")


def test_view_switch_is_two_labelled_radios_before_the_text(site: Path) -> None:
    tree = page_tree(site / "000_cable.html")
    article = tree.xpath("//article[@class='document']")[0]
    inputs = article.xpath("./input[@type='radio'][@name='view']")
    assert [i.get("id") for i in inputs] == ["view-read", "view-dipl"]
    assert inputs[0].get("checked") is not None
    for radio in inputs:
        assert tree.xpath(f"//label[@for='{radio.get('id')}']")
    # Everything the switch controls follows the inputs as a sibling, so CSS "~" reaches it.
    assert article.xpath("./input[2]/following-sibling::section[@class='text']")


def test_css_has_no_external_references() -> None:
    css = (ROOT / "xslt" / "assets" / "edition.css").read_text(encoding="utf-8")
    assert "@import" not in css
    assert "url(" not in css
    assert "@font-face" not in css
    assert "@media print" in css


# ---------------------------------------------------------------- editorial marks


def rendered(name: str, **kwargs: object) -> lxml_html.HtmlElement:
    tree = xmlsafe.parse_bytes((ROOT / "tests" / "fixtures" / "render" / name).read_bytes())
    return lxml_html.fromstring(Renderer(**kwargs).render_document(tree, Path(name).stem).encode())


def test_ocr_gap_shows_one_box_per_lost_character_in_the_diplomatic_view() -> None:
    tree = rendered("000_cable.xml")
    gaps = tree.xpath("//span[contains(@class, 'gap-ocr')]")
    assert len(gaps) == 11
    sender = tree.xpath("//span[contains(@class, 'seg-sender')]//span[contains(@class, 'gap-ocr')]")[0]
    assert sender.xpath("string(.//span[@class='v-dipl'])") == "□□□"
    assert "3 characters lost" in sender.get("data-tip")
    assert "OCR" in sender.xpath("string(.//span[@class='sr-only'])")


def test_sic_keeps_the_sources_marker_once() -> None:
    tree = rendered("000_cable.xml")
    paragraph = tree.xpath("//p[.//span[contains(@class, ' sic')]]")[0]
    dipl = "".join(t for t in paragraph.xpath(".//text()[not(ancestor::*[@class='v-read' or @class='sr-only'])]"))
    assert dipl.count("[sic]") == 1
    letter = rendered("foreign_letter.xml")
    # choice/sic/corr: the source's reading diplomatically, the correction in the reading view.
    choice = letter.xpath("//span[contains(@class, 'choice-corr')]")[0]
    assert choice.xpath("string(./span[@class='v-dipl'])") == "recieved"
    assert choice.xpath("string(./span[@class='v-read'])") == "received"


def test_every_mark_has_both_views_and_an_explanation() -> None:
    for name in ("000_cable.xml", "003_record.xml", "004_maisky.xml", "foreign_letter.xml"):
        for mark in rendered(name).xpath("//span[contains(concat(' ', @class, ' '), ' mark ')]"):
            if "pb" in mark.get("class").split():
                continue
            assert mark.get("data-tip"), etree.tostring(mark)
            assert mark.xpath("./span[@class='v-dipl']") and mark.xpath("./span[@class='v-read']"), mark.get("class")
            assert mark.xpath("./span[@class='sr-only']")


def test_unknown_elements_fall_through_as_text() -> None:
    text = rendered("foreign_letter.xml").text_content()
    for phrase in ("three mile", "water damage", "Roses are red", "Back matter text", "Letters of an Unknown"):
        assert phrase in text


def test_single_page_without_persons_page_links_to_its_own_card() -> None:
    tree = rendered("000_cable.xml", persons_href=None)
    ids = {element.get("id") for element in tree.iter() if element.get("id")}
    for href in tree.xpath("//a[contains(@class, 'persName') or contains(@class, 'speaker')]/@href"):
        assert href.startswith("#participant-") and href[1:] in ids


def test_not_tei_is_refused() -> None:
    with pytest.raises(RenderError, match="not a TEI document"):
        Renderer().render_document(etree.fromstring("<html/>").getroottree())


def test_a_broken_file_is_reported_and_the_rest_rendered(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI", encoding="utf-8")
    result = render_site([broken, FIXTURES[0]], tmp_path / "out")
    assert [d.file for d in result.diagnostics] == [str(broken)]
    assert result.documents == (FIXTURES[0].stem,)
    assert (tmp_path / "out" / f"{FIXTURES[0].stem}.html").is_file()


def test_page_names_never_clash(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source = FIXTURES[0].read_bytes()
    paths = [tmp_path / "a" / "doc.xml", tmp_path / "b" / "doc.xml", tmp_path / "a" / "index.xml"]
    for path in paths:
        path.write_bytes(source)
    result = render_site(paths, tmp_path / "out")
    assert sorted(result.documents) == ["doc", "doc-2", "index-doc"]
    assert page_tree(tmp_path / "out" / "index.html").xpath("//h3[@class='doc-title']")


# ---------------------------------------------------------------- determinism and speed of the API


def test_same_input_same_bytes(tmp_path: Path) -> None:
    first = render_site(FIXTURES, tmp_path / "one")
    second = render_site(list(reversed(FIXTURES)), tmp_path / "two", jobs=2)
    assert first.documents == second.documents
    for path in sorted((tmp_path / "one").rglob("*")):
        if path.is_file():
            twin = tmp_path / "two" / path.relative_to(tmp_path / "one")
            assert path.read_bytes() == twin.read_bytes(), path.name


def test_trees_and_paths_render_alike(tmp_path: Path) -> None:
    trees = [(f.stem, xmlsafe.parse_bytes(f.read_bytes())) for f in FIXTURES]
    render_site(trees, tmp_path / "trees")
    render_site(FIXTURES, tmp_path / "paths")
    for fixture in FIXTURES:
        name = f"{fixture.stem}.html"
        assert (tmp_path / "trees" / name).read_bytes() == (tmp_path / "paths" / name).read_bytes()


# ---------------------------------------------------------------- plain text keeps every word


def body_words(tei: etree._ElementTree) -> list[str]:
    """Words of every text node in <text>, in document order."""
    text = tei.find(f"{TEI}text")
    return WORD.findall(" ".join(text.itertext()))


def is_subsequence(needle: list[str], haystack: list[str]) -> tuple[bool, int]:
    position = 0
    for index, word in enumerate(needle):
        try:
            position = haystack.index(word, position) + 1
        except ValueError:
            return False, index
    return True, len(needle)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_plain_text_keeps_every_word_of_the_text(fixture: Path) -> None:
    tei = xmlsafe.parse_bytes(fixture.read_bytes())
    words = body_words(tei)
    text = Renderer().render_text(tei)
    # Footnote bodies move after their block, so compare as multisets, then the order of the rest.
    missing = Counter(words) - Counter(WORD.findall(text))
    assert not missing, f"words lost: {dict(missing)}"
    notes = {w for n in tei.iter(f"{TEI}note") for w in WORD.findall(" ".join(n.itertext()))}
    ok, at = is_subsequence([w for w in words if w not in notes], WORD.findall(text))
    assert ok, f"word order broken at {at}"


BLOCKS = {"div", "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "aside", "dd", "dt", "br"}


def views_text(page: lxml_html.HtmlElement) -> str:
    """The text of the page's text and notes in both views (each view's rendering of a mark kept apart
    from the other's, blocks and note calls kept apart), without the explanations for screen readers."""
    page = lxml_html.fromstring(lxml_html.tostring(page))
    for hidden in page.xpath("//*[@class='sr-only']"):
        hidden.drop_tree()
    for element in page.iter():
        if (element.tag in BLOCKS or element.get("role") in ("doc-noteref", "doc-backlink", "note")
                or element.get("class") in ("v-dipl", "v-read")):
            element.tail = " " + (element.tail or "")
            element.text = " " + (element.text or "")
    shown = page.xpath("//section[@class='text'] | //section[@class='footnotes']")
    return " ".join(section.text_content() for section in shown)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_html_keeps_every_word_of_the_text(fixture: Path) -> None:
    tei = xmlsafe.parse_bytes(fixture.read_bytes())
    page = lxml_html.fromstring(Renderer().render_document(tei).encode())
    html_words = Counter(WORD.findall(views_text(page)))
    missing = Counter(body_words(tei)) - html_words
    assert not missing, f"words lost: {dict(missing)}"


def test_plain_text_uses_the_sources_notation() -> None:
    text = Renderer().render_text(xmlsafe.parse_bytes((ROOT / "tests/fixtures/render/000_cable.xml").read_bytes()))
    assert "Sir D. Kelly □□□\n□□□□\n" in text
    assert "□Sir. D. Kelly: \"I am very glad" in text
    assert "shewed [sic] that" in text
    assert "Stalin: (Laughing) \"Such questions" in text
    record = Renderer().render_text(xmlsafe.parse_bytes((ROOT / "tests/fixtures/render/003_record.xml").read_bytes()))
    assert "working class[19]. Bevin" in record
    assert "\n[19: The Communist Party" in record
    assert "Recorded by [signature] (O. Troyanovsky)." in record


# ---------------------------------------------------------------- validity of the fixtures


# tei_all: the session fixture in conftest.py (compiled once for the whole suite)
@pytest.mark.slow
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixtures_are_valid_tei_all(tei_all: etree.RelaxNG, fixture: Path) -> None:
    assert tei_all.validate(xmlsafe.parse_bytes(fixture.read_bytes())), str(tei_all.error_log)


# ---------------------------------------------------------------- the command


def test_render_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from tei_encoder.commands import render as command

    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    out = tmp_path / "site"
    assert command.run(parser.parse_args([str(FIXTURES[0].parent), "--out", str(out)])) == 0
    assert sorted(p.name for p in out.glob("*.html")) == sorted(
        [f"{f.stem}.html" for f in FIXTURES] + ["index.html", "persons.html"])
    assert command.run(parser.parse_args([str(tmp_path / "nothing"), "--out", str(out)])) == 2
    assert "no such file or folder" in capsys.readouterr().err


# ---------------------------------------------------------------- the seeds, through the encoder


@pytest.fixture(scope="module")
def converted_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS:
        pytest.fail("no seeds in seeds/")
    out = tmp_path_factory.mktemp("seeds-tei")
    done = subprocess.run([sys.executable, "-m", "tei_encoder", "convert", str(ROOT / "seeds"), "--out", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out


def source_words(text: str) -> list[str]:
    """The seed's words after the declared normalisations that change word boundaries (ENCODING.md 2, 6)."""
    text = text.replace("\u02b9", "\u2019").replace("\u02ba", '"').replace("\u2010", "-")
    text = re.sub(r"\[footnoteRef:\s*(\S+?)\]", r"[\1]", text)
    return WORD.findall(text)


def test_seeds_render_and_keep_every_word_of_the_source(converted_seeds: Path, tmp_path: Path) -> None:
    tei_files = sorted(converted_seeds.glob("*.xml"))
    assert len(tei_files) == len(SEEDS)
    result = render_site(tei_files, tmp_path / "site")
    assert result.diagnostics == ()
    for seed in SEEDS:
        text = (tmp_path / "site" / f"{seed.stem}.txt").read_text(encoding="utf-8")
        missing = Counter(source_words(seed.read_text(encoding="utf-8"))) - Counter(WORD.findall(text))
        assert not missing, f"{seed.name}: words of the source missing from the plain text: {dict(missing)}"
    for page in sorted((tmp_path / "site").glob("*.html")):
        assert check_html(page.read_text(encoding="utf-8")).errors == [], page.name
    for page, href, target, fragment in internal_links(tmp_path / "site"):
        assert target.is_file(), f"{page.name}: {href}"
        if fragment and target.suffix == ".html":
            assert page_tree(target).xpath(f"//*[@id='{fragment}']"), f"{page.name}: {href}"
