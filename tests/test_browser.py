"""A rendered page in a real browser: headless Chromium driven by selenium.

Opens a document page from the file system, follows a footnote call and its
back-link, switches between the reading and the diplomatic view with the
mouse and with the keyboard, and checks what is shown; pages through a paged
index, goes from the A–Z index to a person's pages and back, and (served over
HTTP, with Pagefind installed) searches for a known phrase. Skips, with the reason,
only where no Chromium, chromedriver or selenium is installed (Debian:
``apt-get install chromium chromium-driver``; PyPI: ``selenium``).
"""

from __future__ import annotations

import http.server
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tei_encoder.render import render_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "render").glob("*.xml"))
CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVER = ("chromedriver",)


def _find(names: tuple[str, ...]) -> str | None:
    return next((path for path in map(shutil.which, names) if path), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    binary, driver = _find(CHROMIUM), _find(DRIVER)
    if binary is None or driver is None:
        pytest.skip("no headless Chromium: install the Debian packages chromium and chromium-driver")
    options = Options()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--window-size=1200,900"):
        options.add_argument(argument)
    try:
        session = webdriver.Chrome(options=options, service=Service(driver))
    except WebDriverException as error:  # installed but broken is a failure, not a reason to skip
        pytest.fail(f"Chromium and chromedriver are installed but did not start: {error.msg}")
    yield session
    session.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-site")
    assert render_site(FIXTURES, out).diagnostics == ()
    return out


# The text a sighted reader sees: text nodes none of whose ancestors is display:none, hidden, or
# visually hidden for screen readers only (.sr-only, which selenium's own .text counts as shown).
VISIBLE_TEXT = """
const root = document.querySelector(arguments[0]);
const parts = [];
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  let element = walker.currentNode.parentElement, shown = true;
  while (element && element !== root.parentElement) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || element.classList.contains('sr-only')) {
      shown = false; break;
    }
    element = element.parentElement;
  }
  if (shown) parts.push(walker.currentNode.nodeValue);
}
return parts.join('').replace(/\\s+/g, ' ').trim();
"""


def visible_text(browser, css: str) -> str:  # type: ignore[no-untyped-def]
    return browser.execute_script(VISIBLE_TEXT, css)


def test_footnote_there_and_back(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((site / "003_record.html").as_uri())
    call = browser.find_element(By.CSS_SELECTOR, "a[role='doc-noteref'][href='#fn2']")
    assert visible_text(browser, "a[role='doc-noteref'][href='#fn2']") == "24"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", call)
    call.click()
    assert browser.execute_script("return location.hash") == "#fn2"
    note = browser.find_element(By.ID, "fn2")
    assert note.is_displayed()
    assert "All-Union Society for Cultural Relations" in note.text
    assert browser.execute_script("return document.querySelector(':target').id") == "fn2"
    assert_on_screen(browser, "fn2")
    note.find_element(By.CSS_SELECTOR, "a[role='doc-backlink']").click()
    assert browser.execute_script("return location.hash") == "#ref-fn2"
    assert_on_screen(browser, "ref-fn2")


def assert_on_screen(browser, ident: str) -> None:  # type: ignore[no-untyped-def]
    """The element is in the window and not hidden behind the sticky view toolbar."""
    top = browser.execute_script(f"return document.getElementById('{ident}').getBoundingClientRect().top")
    toolbar = browser.execute_script("return document.querySelector('.toolbar').getBoundingClientRect().bottom")
    assert max(toolbar, 0) <= top < browser.execute_script("return window.innerHeight")


def test_switching_views_with_the_mouse(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((site / "000_cable.html").as_uri())
    sender = "span.seg-sender"
    # Reading view (the default): lost characters are a small sign, the boxes are hidden.
    assert "□" not in visible_text(browser, sender)
    assert "□" not in visible_text(browser, "section.text")
    assert browser.find_element(By.ID, "view-read").is_selected()
    assert visible_text(browser, ".help-read").startswith("Reading view")

    browser.find_element(By.CSS_SELECTOR, "label[for='view-dipl']").click()
    assert browser.find_element(By.ID, "view-dipl").is_selected()
    assert visible_text(browser, sender) == "Sir D. Kelly □□□"
    text = visible_text(browser, "section.text")
    assert "□My telegram No. 599" in text
    assert "shewed [sic]" in text and "[sic] [sic]" not in text
    assert visible_text(browser, ".help-dipl").startswith("Diplomatic view")

    browser.find_element(By.CSS_SELECTOR, "label[for='view-read']").click()
    assert "□" not in visible_text(browser, "section.text")


def test_switching_views_with_the_keyboard(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get((site / "foreign_letter.html").as_uri())
    body = browser.find_element(By.TAG_NAME, "body")
    # Tab from the top: skip link, the site navigation, then the view switch.
    body.send_keys(Keys.TAB)
    for _ in range(10):
        if browser.switch_to.active_element.get_attribute("id") == "view-read":
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "view-read"
    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert browser.find_element(By.ID, "view-dipl").is_selected()
    choice = visible_text(browser, "span.choice-corr")
    assert choice == "recieved"
    assert "[weather?]" in visible_text(browser, "section.text")
    browser.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    assert browser.find_element(By.ID, "view-read").is_selected()
    assert visible_text(browser, "span.choice-corr") == "received"


def test_hover_explains_a_mark(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get((site / "000_cable.html").as_uri())
    mark = browser.find_element(By.CSS_SELECTOR, "span.seg-sender span.gap")
    ActionChains(browser).move_to_element(mark).perform()
    tip = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", mark)
    assert "3 characters lost" in tip


def test_index_opens_every_document(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "h3.doc-title > a")]
    assert len(titles) == len(FIXTURES)
    browser.find_element(By.LINK_TEXT, "Cable from Moscow to the Foreign Office").click()
    assert browser.current_url.endswith("000_cable.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Cable from Moscow to the Foreign Office"


# ---------------------------------------------------------------- a paged site, person pages, search


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixtures with two entries a page: years, letters and a person's pages are all paged."""
    from tei_encoder.render import pages

    out = tmp_path_factory.mktemp("paged-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "PAGE_SIZE", 2)
        assert render_site(FIXTURES, out).diagnostics == ()
    return out


def test_paging_through_the_index(browser, paged_site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((paged_site / "index.html").as_uri())
    assert browser.find_elements(By.CSS_SELECTOR, "article.doc-entry") == []
    browser.find_element(By.LINK_TEXT, "1947").click()
    assert browser.current_url.endswith("years/1947.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Documents: 1947"
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "h3.doc-title > a")]
    assert titles == ["Record of Conversation between Comrade Stalin and British Labour MPs"]
    browser.find_element(By.CSS_SELECTOR, "a[rel='next']").click()
    assert browser.current_url.endswith("years/1949.html")
    browser.find_element(By.LINK_TEXT, "Cable from Moscow to the Foreign Office").click()
    assert browser.current_url.endswith("/000_cable.html")
    assert browser.execute_script("return getComputedStyle(document.body).fontFamily") != ""  # the CSS loaded


def test_a_person_page_from_the_a_to_z_index(browser, paged_site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((paged_site / "persons.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, "nav.alpha-nav").find_element(By.LINK_TEXT, "S").click()
    assert browser.current_url.endswith("letters/S.html")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Stalin").click()
    assert browser.current_url.endswith("persons/stalin.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Comrade I.V. Stalin"
    assert len(browser.find_elements(By.CSS_SELECTOR, "ul.appearances > li")) == 2
    browser.find_element(By.CSS_SELECTOR, "a[rel='next']").click()
    assert browser.current_url.endswith("persons/stalin/2.html")
    browser.find_element(By.CSS_SELECTOR, "ul.appearances a[href*='#turn-']").click()
    assert "000_cable.html#turn-" in browser.current_url
    # and back from a name in a document to the person's page
    name = browser.find_element(By.CSS_SELECTOR, "a.persName[href='persons/stalin.html']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", name)
    name.click()
    assert browser.current_url.endswith("persons/stalin.html")


@pytest.fixture(scope="module")
def served_seeds(built: Path) -> Iterator[str]:
    """The seeds built with search, served over HTTP (browsers refuse Pagefind's fetches from file://)."""
    import functools
    import threading

    from tei_encoder.build import search

    if not search.available():
        pytest.skip("Pagefind is not installed (pip install 'tei-encoder[search]')")
    out = built
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


def test_search_finds_a_known_phrase(browser, served_seeds: str, built: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    # The seeds' years are indexed as separate Pagefind shards merged in the browser, and the phrase is
    # in a 1947 record, not in the first shard (1940): it is found only if the merge works.
    shards = sorted(folder.name for folder in (built / "pagefind" / "shards").iterdir())
    assert len(shards) > 1 and shards[0] < "1947"

    browser.get(f"{served_seeds}/search.html")
    box = WebDriverWait(browser, 20).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "input.pagefind-ui__search-input"))[0]
    box.send_keys("Field Marshall Montgomery")
    expected = "Report to Washington on Montgomery's Conversation with Stalin"

    def expected_link(b):  # type: ignore[no-untyped-def]
        # The shards load one by one and results appear as each answers: wait for the 1947 record's
        # result itself, not for the first result shown (a race CI lost once).
        return [link for link in b.find_elements(By.CSS_SELECTOR, "a.pagefind-ui__result-link")
                if link.text == expected]

    links = WebDriverWait(browser, 20).until(expected_link)
    assert [link.text for link in links][:1] == [expected]
    links[0].click()
    assert browser.current_url.endswith(".html") and "search" not in browser.current_url


# ---------------------------------------------------------------- accessibility: axe-core, target size, 390 px

AXE_VERSION = "4.14.1"  # what .ci/run installs (npm); any 4.x finds the same violations


def _axe_source() -> str | None:
    """axe-core's browser script: $AXE_CORE_JS, this checkout's node_modules (.ci/run installs it there),
    or npm's global folder."""
    import os
    import subprocess

    candidates = [os.environ.get("AXE_CORE_JS", ""), str(ROOT / "node_modules" / "axe-core" / "axe.min.js")]
    npm = shutil.which("npm")
    if npm:
        try:
            root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, timeout=60).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            root = ""
        if root:
            candidates.append(str(Path(root) / "axe-core" / "axe.min.js"))
    found = next((Path(c) for c in candidates if c and Path(c).is_file()), None)
    return found.read_text(encoding="utf-8") if found else None


@pytest.fixture(scope="module")
def axe() -> str:
    source = _axe_source()
    if source is None:
        pytest.skip(f"axe-core is not installed (npm install --no-save axe-core@{AXE_VERSION} in the checkout, "
                    "or set AXE_CORE_JS to its axe.min.js)")
    return source


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled seeds built as a user builds them: index, pages, persons and the validation report."""
    from tei_encoder.cli import main

    out = tmp_path_factory.mktemp("browser-build") / "site"
    assert main(["build", "-o", str(out), "-q", "-j", "1"]) == 0
    return out


RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {rules: {'target-size': {enabled: true}}, resultTypes: ['violations']})
  .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
  .catch(error => done(['axe failed: ' + error]));
"""


def axe_violations(browser, axe_source: str) -> list[str]:  # type: ignore[no-untyped-def]
    browser.execute_script(axe_source)
    browser.set_script_timeout(60)
    return browser.execute_async_script(RUN_AXE)


def first_document(site: Path) -> Path:
    return sorted(p for p in site.glob("0*.html"))[0]


@pytest.mark.parametrize("page", ["index.html", "persons.html", "validation.html", "review.html", "person", "proof",
                                  "document", "document-diplomatic"])
def test_axe_finds_no_violation(browser, built: Path, axe: str, page: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    shown = {"document": first_document(built), "document-diplomatic": first_document(built),
             "person": sorted((built / "persons").glob("*.html"))[0],  # a page in a folder: links lead up with ../
             "proof": sorted(built.glob("0*.proof.html"))[0]}.get(page, built / page)
    browser.get(shown.as_uri())
    if page == "document-diplomatic":
        browser.find_element(By.CSS_SELECTOR, "label[for='view-dipl']").click()
        assert browser.find_element(By.ID, "view-dipl").is_selected()
    assert axe_violations(browser, axe) == []


@pytest.mark.parametrize("view", ["read", "dipl"])
def test_axe_finds_no_violation_on_the_fixtures(browser, site: Path, axe: str, view: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    for fixture in FIXTURES:
        browser.get((site / f"{fixture.stem}.html").as_uri())
        browser.find_element(By.CSS_SELECTOR, f"label[for='view-{view}']").click()
        assert axe_violations(browser, axe) == [], fixture.name


def test_a_mark_explains_itself_on_keyboard_focus(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((site / "000_cable.html").as_uri())
    mark = browser.find_element(By.CSS_SELECTOR, "span.seg-sender span.gap")
    assert mark.get_attribute("tabindex") == "0"
    browser.execute_script("arguments[0].focus()", mark)
    assert browser.switch_to.active_element == mark
    tip = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", mark)
    assert "3 characters lost" in tip  # shown on focus (and so on a tap), not only on hover


def test_the_view_switch_is_on_screen_where_the_focus_lands(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((site / "003_record.html").as_uri())
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    browser.execute_script("document.getElementById('view-read').focus()")
    label = browser.find_element(By.CSS_SELECTOR, "label[for='view-read']")
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom]", label)
    assert 0 <= box[0] and box[1] <= browser.execute_script("return window.innerHeight")


SMALL_TARGETS = """
const small = [];
for (const element of document.querySelectorAll('a[href], label[for], summary, button, input:not(.view-input)')) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;  // not shown in this view
  const inline = getComputedStyle(element).display === 'inline' && element.closest('p, li, dd, td, .sp-speech, .opener, .closer');
  if (!inline && (box.height < 24 || box.width < 24)) small.push(element.outerHTML.slice(0, 80));
}
return small;
"""


@pytest.mark.parametrize("page", ["index.html", "persons.html", "validation.html", "document"])
def test_click_targets_are_at_least_24_px(browser, built: Path, page: str) -> None:  # type: ignore[no-untyped-def]
    """WCAG 2.2 target size: controls that are not links inside running text are 24 × 24 px or more."""
    browser.get((first_document(built) if page == "document" else built / page).as_uri())
    assert browser.execute_script(SMALL_TARGETS) == []


@pytest.mark.parametrize("page", ["validation.html", "index.html", "document"])
def test_pages_fit_a_390_px_phone(browser, built: Path, page: str) -> None:  # type: ignore[no-untyped-def]
    """At 390 CSS px (a phone) nothing makes the page scroll sideways: the validation table's rows stack."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.get((first_document(built) if page == "document" else built / page).as_uri())
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        if page == "validation.html":
            cell = browser.execute_script(
                "const r = document.querySelector('.validation-report td').getBoundingClientRect();"
                "return [r.left, r.right]")
            assert 0 <= cell[0] and cell[1] <= 390
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_proof_page_mark_to_the_reading_and_back(browser, built: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get((built / "000_0aaf53e3a5ac855f.proof.html").as_uri())
    assert browser.execute_script("return document.scripts.length") == 0
    guess = browser.find_element(By.CSS_SELECTOR, "#L69 .mark.guess")  # the inferred page break, on its line
    assert "GUESS" in guess.text  # worded, not only coloured
    mark = browser.find_element(By.CSS_SELECTOR, "#L61 a[href$='#tr-sp1']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    assert browser.current_url.endswith("000_0aaf53e3a5ac855f.html#tr-sp1")
    back = browser.find_element(By.ID, "tr-sp1")
    assert back.is_displayed()
    assert browser.execute_script("return document.querySelector(':target').id") == "tr-sp1"
    assert_on_screen(browser, "tr-sp1")
    back.click()
    assert browser.current_url.endswith("000_0aaf53e3a5ac855f.proof.html#L61")
    row = browser.find_element(By.ID, "L61")
    assert "Kelly" in row.text
    beside = browser.find_element(By.CSS_SELECTOR, ".pg:has(#L61) .pg-reading")  # the turn's TEI reading
    assert "speech turn" in beside.text.lower() and "early opportunity" in beside.text
    assert beside.location["x"] > row.location["x"] + row.size["width"] / 2  # beside it, on a wide screen
    top = browser.execute_script("return document.getElementById('L61').getBoundingClientRect().top")
    assert 0 <= top < browser.execute_script("return window.innerHeight")
