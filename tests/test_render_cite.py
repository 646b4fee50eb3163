"""Citable, downloadable pages: the TEI download, "Cite this", the citation and Dublin Core meta
tags reference managers read, and the edition (title, publisher, licence) stated on every page.

The edition's facts come from the TEI header (titleStmt/editor, publicationStmt/publisher,
availability/licence, idno[@type='URI'], title[@type='collection']); a header that states none
of them gives a citation without them, never an invented one.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree, html as lxml_html

from tei_encoder.render import Renderer, render_site
from test_render import check_html

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "render"
CABLE = FIXTURES / "000_cable.xml"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
T = "{http://www.tei-c.org/ns/1.0}"
URL = "https://example.org/edition/000_cable.html"


def edition_cable() -> etree._ElementTree:
    """The cable fixture with the edition facts a project file puts into the header."""
    tree = etree.parse(str(CABLE))
    title_stmt = tree.find(".//tei:titleStmt", NS)
    collection = etree.Element(f"{T}title", type="collection")
    collection.text = "Anglo-Soviet Conversations, 1940–1949"
    title_stmt.insert(1, collection)
    for position, name in enumerate(("A. Editor", "B. Editor"), start=2):
        editor = etree.Element(f"{T}editor")
        editor.text = name
        title_stmt.insert(position, editor)
    publication = tree.find(".//tei:publicationStmt", NS)
    for child in list(publication):
        publication.remove(child)
    etree.SubElement(publication, f"{T}publisher").text = "Example Historical Society"
    availability = etree.SubElement(publication, f"{T}availability")
    licence = etree.SubElement(availability, f"{T}licence", target="https://creativecommons.org/licenses/by/4.0/")
    licence.text = "CC-BY-4.0"
    etree.SubElement(publication, f"{T}idno", type="URI").text = URL
    return tree


def meta(page: lxml_html.HtmlElement, name: str) -> list[str]:
    return [element.get("content") for element in page.iterfind(f".//meta[@name='{name}']")]


def test_every_page_links_its_tei_file_and_plain_text(tmp_path: Path) -> None:
    sources = sorted(FIXTURES.glob("*.xml"))
    render_site(sources, tmp_path)
    for source in sources:
        page = lxml_html.fromstring((tmp_path / f"{source.stem}.html").read_bytes())
        (download,) = page.xpath("//a[normalize-space() = 'Download TEI']")
        assert download.get("href") == f"tei/{source.stem}.xml"
        assert (tmp_path / download.get("href")).read_bytes() == source.read_bytes()
        (text,) = page.xpath("//section[@class = 'cite']//a[normalize-space() = 'Plain text']")
        assert (tmp_path / text.get("href")).is_file()


def test_tei_given_as_a_tree_is_written_for_download(tmp_path: Path) -> None:
    render_site([("letter", etree.parse(str(FIXTURES / "foreign_letter.xml")))], tmp_path)
    written = etree.parse(str(tmp_path / "tei" / "letter.xml"))
    assert written.getroot().tag == f"{T}TEI"
    assert 'href="tei/letter.xml"' in (tmp_path / "letter.html").read_text()


def test_tei_already_in_the_site_is_left_alone(tmp_path: Path) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    copy = tei / "000_cable.xml"
    copy.write_bytes(CABLE.read_bytes())
    before = copy.stat().st_ino
    render_site([copy], tmp_path)
    assert copy.stat().st_ino == before  # not replaced by a copy of itself
    assert sorted(p.name for p in tei.iterdir()) == ["000_cable.xml"]


def test_citation_from_the_header(tmp_path: Path) -> None:
    html = Renderer().render_document(edition_cable(), "000_cable")
    assert not check_html(html).errors
    page = lxml_html.fromstring(html)
    (citation,) = page.xpath("//p[@class = 'citation']")
    assert " ".join(citation.text_content().split()) == (
        "“Cable from Moscow to the Foreign Office,” 19 July 1949. In Anglo-Soviet Conversations, 1940–1949, "
        f"edited by A. Editor and B. Editor. Example Historical Society. {URL}.")
    assert citation.xpath(".//a/@href") == [URL]


def test_citation_meta_tags(tmp_path: Path) -> None:
    page = lxml_html.fromstring(Renderer().render_document(edition_cable(), "000_cable"))
    assert meta(page, "citation_title") == ["Cable from Moscow to the Foreign Office"]
    assert meta(page, "citation_date") == ["1949/07/19"]
    assert meta(page, "citation_publisher") == ["Example Historical Society"]
    assert meta(page, "citation_public_url") == [URL]
    assert meta(page, "citation_inbook_title") == ["Anglo-Soviet Conversations, 1940–1949"]
    assert meta(page, "DC.title") == ["Cable from Moscow to the Foreign Office"]
    assert meta(page, "DC.date") == ["1949-07-19"]
    assert meta(page, "DC.publisher") == ["Example Historical Society"]
    assert meta(page, "DC.contributor") == ["A. Editor", "B. Editor"]
    assert meta(page, "DC.identifier") == [URL]
    assert meta(page, "DC.rights") == ["CC-BY-4.0"]
    assert meta(page, "DC.language") == ["en"]


def test_a_header_without_edition_facts_gives_a_citation_without_them() -> None:
    page = lxml_html.fromstring(Renderer().render_document(etree.parse(str(CABLE)), "000_cable"))
    (citation,) = page.xpath("//p[@class = 'citation']")
    assert " ".join(citation.text_content().split()) == "“Cable from Moscow to the Foreign Office,” 19 July 1949."
    for name in ("citation_publisher", "citation_public_url", "DC.publisher", "DC.rights", "DC.identifier"):
        assert meta(page, name) == [], name
    assert meta(page, "citation_title") == ["Cable from Moscow to the Foreign Office"]
    assert page.xpath("string(//p[@class = 'edition-statement'])") == "Digital edition."


def test_authors_lead_the_citation() -> None:
    tree = edition_cable()
    author = etree.Element(f"{T}author")
    author.text = "Sir D. Kelly"
    tree.find(".//tei:titleStmt", NS).insert(1, author)
    page = lxml_html.fromstring(Renderer().render_document(tree, "000_cable"))
    assert page.xpath("string(//p[@class = 'citation'])").startswith("Sir D. Kelly. “Cable from Moscow")
    assert meta(page, "citation_author") == ["Sir D. Kelly"]
    assert meta(page, "DC.creator") == ["Sir D. Kelly"]


PLAY = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Turandot</title>
<author><persName><forename>Ferruccio</forename> <surname>Busoni</surname></persName>
<idno type="wikidata">Q219551</idno></author></titleStmt><publicationStmt><publisher>DraCor</publisher>
</publicationStmt><sourceDesc><bibl>A libretto</bibl></sourceDesc></fileDesc></teiHeader>
<standOff><listEvent><event type="print" when="1920"><desc/></event></listEvent></standOff>
<text><body><p>Altoum, Kaiser.</p></body></text></TEI>"""


def test_another_projects_author_and_date_on_the_card_and_in_the_citation() -> None:
    """A DraCor-like header: the authority number beside the author's name is no part of the
    name in the citation or its meta tags, and the card dates the play as the index does (1920),
    not "Undated"."""
    page = lxml_html.fromstring(Renderer().render_document(etree.fromstring(PLAY.encode()).getroottree(), "play"))
    assert meta(page, "citation_author") == ["Ferruccio Busoni"]
    assert meta(page, "DC.creator") == ["Ferruccio Busoni"]
    assert page.xpath("string(//p[@class = 'citation'])").startswith("Ferruccio Busoni. “Turandot")
    card = page.xpath("//header[@class = 'card']")[0]
    assert card.xpath("string(.//p[@class = 'kicker'])").strip() == "1920"
    author = " ".join(card.xpath("string(.//dt[. = 'Author']/following-sibling::dd[1])").split())
    assert author == "Ferruccio Busoni (wikidata Q219551)"  # the number stays visible, set apart


def test_edition_title_publisher_and_licence_on_every_page(tmp_path: Path) -> None:
    # The index and persons pages have no header: they state the edition of the first document that states one.
    render_site([FIXTURES / "003_record.xml", ("000_cable", edition_cable())], tmp_path)
    for name in ("000_cable", "index", "persons"):
        page = lxml_html.fromstring((tmp_path / f"{name}.html").read_bytes())
        statement = " ".join(page.xpath("string(//p[@class = 'edition-statement'])").split())
        assert statement == ("Anglo-Soviet Conversations, 1940–1949. Published by Example Historical Society. "
                             "Licence: CC-BY-4.0."), name
        assert page.xpath("//a[@rel = 'license']/@href") == ["https://creativecommons.org/licenses/by/4.0/"], name
        assert page.xpath("string(//a[@class = 'site-title'])") == "Anglo-Soviet Conversations, 1940–1949", name


def test_an_explicit_title_wins_over_the_header(tmp_path: Path) -> None:
    render_site([("000_cable", edition_cable())], tmp_path, site_title="My edition")
    for name in ("000_cable", "index"):
        page = lxml_html.fromstring((tmp_path / f"{name}.html").read_bytes())
        assert page.xpath("string(//a[@class = 'site-title'])") == "My edition"
    cable = lxml_html.fromstring((tmp_path / "000_cable.html").read_bytes())
    assert "In My edition, edited by" in cable.xpath("string(//p[@class = 'citation'])")


def test_print_keeps_the_edition_statement_and_the_citation() -> None:
    css = (ROOT / "xslt" / "assets" / "edition.css").read_text()
    print_rules = css[css.index("@media print"):]
    print_rules = print_rules[:print_rules.index("\n}\n")]
    hidden = print_rules[:print_rules.index("{ display: none !important; }")]
    assert ".site-footer," not in hidden and ".site-footer .generator" in hidden
    assert ".cite" not in hidden and ".edition-statement" not in hidden
