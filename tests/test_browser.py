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
def served_seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeds built with search, served over HTTP (browsers refuse Pagefind's fetches from file://)."""
    import functools
    import threading

    from tei_encoder.build import search
    from tei_encoder.cli import main

    if not search.available():
        pytest.skip("Pagefind is not installed (pip install 'tei-encoder[search]')")
    out = tmp_path_factory.mktemp("searchable")
    assert main(["build", "--out", str(out), "--jobs", "1", "-q"]) == 0
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


def test_search_finds_a_known_phrase(browser, served_seeds: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{served_seeds}/search.html")
    box = WebDriverWait(browser, 20).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "input.pagefind-ui__search-input"))[0]
    box.send_keys("Field Marshall Montgomery")
    links = WebDriverWait(browser, 20).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "a.pagefind-ui__result-link"))
    assert "Report to Washington on Montgomery's Conversation with Stalin" in [link.text for link in links]
    links[0].click()
    assert browser.current_url.endswith(".html") and "search" not in browser.current_url
