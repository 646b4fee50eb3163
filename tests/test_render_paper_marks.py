"""The transcriber's marks on the paper in the reading page and the text view (tests/records/word_36_*)."""

from __future__ import annotations

import pytest
from lxml import etree, html as lxml_html

from conftest import REPO
from tei_encoder.pipeline import encode_bytes
from tei_encoder.render import Renderer

RECORD = REPO / "tests" / "records" / "word_36_transcriber_marks_memorandum.txt"


@pytest.fixture(scope="module")
def tree() -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(encode_bytes(RECORD.read_bytes(), RECORD.name, None)))


@pytest.fixture(scope="module")
def page(tree):
    return lxml_html.fromstring(Renderer().render_document(tree).encode())


def test_text_view_writes_the_marks_back_as_transcripts_print_them(tree) -> None:
    text = Renderer().render_text(tree)
    for written in ("[Stamp: Archive of the MFA of the USSR, incoming No. 5512, 14 August 1946]",
                    "[Resolution in the margin: Agree. V. M.]", "territory of the [crossed out: Ukrainian SSR] Lithuanian",
                    "extend the term [deleted: to 1 November] to 1 December",
                    "for the [underlined: remaining 40,000 persons] be provided",
                    "1946 [in the margin: Consult Comrade Vyshinsky], and",
                    "[Stamp: MFA of the USSR, General Secretariat, outgoing No. 2311/gs]"):
        assert written in text


def test_reading_page_strikes_underlines_sets_apart_and_boxes(page) -> None:
    struck = page.xpath("//span[contains(@class, 'mark del')][@data-tip='Crossed out in the source']"
                        "/span[@class='v-read']/del/text()")
    assert struck == ["Ukrainian SSR"]
    assert page.xpath("//span[contains(@class, 'rend-underline')]/text()") == ["remaining 40,000 persons",
                                                                             "without delay"]
    margin = page.xpath("//span[@class='note-margin']")
    assert [m.text_content().strip() for m in margin][0] == "Resolution Agree. V. M."
    assert margin[0].xpath("span[@class='note-label']/text()") == ["Resolution"]
    boxed = page.xpath("//span[contains(@class, 'mark stamp')]/span[@class='v-read']/span[@class='stamp-box']")
    assert [b.text_content() for b in boxed] == ["Archive of the MFA of the USSR, incoming No. 5512, 14 August 1946",
                                                 "MFA of the USSR, General Secretariat, outgoing No. 2311/gs"]
    assert page.xpath("//span[contains(@class, 'mark stamp')]/span[@class='v-dipl']/text()")[0].startswith("[Stamp: ")
