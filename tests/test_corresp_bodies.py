"""Bodies that send or receive a document (an embassy signs, a ministry is addressed) are
``correspAction/orgName``, after the persons and before the places and the date: never persons, and a
telegram's route ("FROM MOSCOW TO FOREIGN OFFICE") stays its places.
"""

from __future__ import annotations

from conftest import RECORDS, assert_valid
from tei import tei, xp

import pytest
from lxml import etree

from tei_encoder.pipeline import encode_bytes
from tei_encoder import xmlsafe
from tei_encoder.header import people, title
from tei_encoder.render import Renderer
from tei_encoder.validate import Severity, Validator

RECORD = {path.stem: path for path in RECORDS}
WILSON_70 = "wilson_70_chinese_embassy_cable_body_signs"
SENT = "//t:correspAction[@type='sent']"
RECEIVED = "//t:correspAction[@type='received']"


def _page(title: str, body: str) -> str:
    """A Wilson Center page: its title over the document's text."""
    return (f"## **March 03, 1960**\n\n### **{title}**\n\n#### **Citation:**\n\n\"{title}\", March 03, 1960, "
            "Wilson Center Digital Archive.\n\n#### **Original Language:**\n\nEnglish\n\n#### **Contents:**\n\n"
            f"Transcript - English\n\n{body}\n")


def _children(action: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in action]


def test_a_body_that_signs_sends_and_a_body_addressed_receives() -> None:
    root = tei(RECORD[WILSON_70].read_bytes(), RECORD[WILSON_70].name)
    assert xp(root, f"{SENT}/t:orgName/text()") == ["Chinese Embassy in the Soviet Union"]
    assert xp(root, f"{RECEIVED}/t:orgName/text()") == ["Foreign Ministry"]
    # a body is never a person: no persName in correspDesc, none in the personography for it
    assert xp(root, "//t:correspDesc//t:persName") == []
    assert not any("Embassy" in name or "Ministry" in name for name in xp(root, "//t:person/t:persName/text()"))


def test_a_title_naming_two_bodies() -> None:
    root = tei(_page("Telegram from the Soviet Embassy in Beijing to the USSR Ministry of Foreign Affairs",
                     "We report that the talks went well.\n\nPlease advise."), "bodies.txt")
    assert xp(root, f"{SENT}/t:orgName/text()") == ["Soviet Embassy in Beijing"]
    assert xp(root, f"{RECEIVED}/t:orgName/text()") == ["USSR Ministry of Foreign Affairs"]
    assert xp(root, "//t:person") == []


def test_a_person_sender_stays_a_person_beside_a_body_addressed() -> None:
    root = tei(_page("Telegram from Ambassador Liu Shaowen to Comrade V. M. Molotov",
                     "To the Foreign Ministry:\n\nThe talks went well.\n\nLiu Shaowen"), "liu.txt")
    assert xp(root, f"{SENT}/t:persName/@ref") == ["#liu"]
    assert xp(root, f"{SENT}/t:orgName") == []
    assert xp(root, f"{RECEIVED}/t:persName/@ref") == ["#molotov"]
    # the addressee line names a body: it receives, after the person, and is no person itself
    assert _children(xp(root, RECEIVED)[0]) == ["persName", "orgName"]
    assert xp(root, f"{RECEIVED}/t:orgName/text()") == ["Foreign Ministry"]


def test_a_telegram_route_stays_its_places() -> None:
    """wilson_03's route under a heading that names the embassy: the embassy is the sending body, before
    the route's place; the Foreign Office the route names is its place, not a second, body, name."""
    text = RECORD["wilson_03_verbatim_turns_curly_quotes"].read_text(encoding="utf-8").replace(
        "Cable from Moscow to the Foreign Office", "Cable from the British Embassy in Moscow to the Foreign Office")
    root = tei(text, "route.txt")
    assert _children(xp(root, SENT)[0]) == ["persName", "orgName", "placeName", "date"]
    assert xp(root, f"{SENT}/t:orgName/text()") == ["British Embassy in Moscow"]
    assert xp(root, f"{SENT}/t:placeName/text()") == ["MOSCOW"]
    assert xp(root, f"{RECEIVED}/t:placeName/text()") == ["FOREIGN OFFICE"]
    assert xp(root, f"{RECEIVED}/t:orgName") == []


def test_bodies_in_correspdesc_are_valid(tei_all: etree.RelaxNG) -> None:
    data = encode_bytes(RECORD[WILSON_70].read_bytes(), RECORD[WILSON_70].name)
    assert xp(etree.fromstring(data), "//t:correspAction/t:orgName")
    errors = [d for d in Validator().validate_bytes(data, "w70.xml") if d.severity is Severity.ERROR]
    assert errors == []
    assert_valid(tei_all, data, WILSON_70)


def test_the_header_card_shows_the_bodies_as_text() -> None:
    tree = xmlsafe.parse_bytes(encode_bytes(RECORD[WILSON_70].read_bytes(), RECORD[WILSON_70].name))
    page = Renderer().render_document(tree, WILSON_70)
    assert ('<dt>Sent</dt><dd><span class="orgName">Chinese Embassy in the Soviet Union</span>, '
            '<time class="date" datetime="1960-03-03">3 March 1960</time></dd>') in page
    assert '<dt>Received</dt><dd><span class="orgName">Foreign Ministry</span></dd>' in page


@pytest.mark.parametrize("heading, senders, addressees", [
    ("Cable from the Chinese Embassy in Moscow to the Foreign Ministry", ["Chinese Embassy in Moscow"],
     ["Foreign Ministry"]),
    # a sending body's name holding "to"
    ("Telegram from the US Mission to NATO to the Secretary of State, 'Allied Views'", ["US Mission to NATO"], []),
    ("Note of the People's Commissariat of Foreign Affairs of the USSR to the Embassy of Iran in the USSR",
     ["People's Commissariat of Foreign Affairs of the USSR"], ["Embassy of Iran in the USSR"]),
    # the archive's "Kind, Sender to Addressee" (wilson_59's title): the sender was missed
    ("Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry",
     ["Embassy of Hungary in North Korea"], ["Hungarian Foreign Ministry"]),
    ("Ciphered Telegram, Soviet Embassy in Pyongyang to the USSR Ministry of Foreign Affairs",
     ["Soviet Embassy in Pyongyang"], ["USSR Ministry of Foreign Affairs"]),
    ("Letter, Mao Zedong to Stalin", [], []),
    ("Memorandum of Conversation, Kim Il Sung and Puzanov", [], []),
    # persons, states and places are no bodies; a conversation names no sender
    ("Telegram from Ambassador Liu Shaowen to Comrade V. M. Molotov", [], []),
    ("Letter from the Soviet Union to the People's Republic of China", [], []),
    ("Record of Conversation with the Soviet Embassy", [], []),
])
def test_the_bodies_a_heading_names(heading: str, senders: list[str], addressees: list[str]) -> None:
    assert title.correspondent_bodies(heading) == (senders, addressees)


@pytest.mark.parametrize("text, body", [
    ("the Foreign Ministry:", "Foreign Ministry"), ("Embassy of the USSR in the DPRK", "Embassy of the USSR in the DPRK"),
    ("Department of State", "Department of State"),
    ("Ambassador Liu Shaowen", None), ("the Soviet representatives", None), ("the Soviet Union", None),
    ("Secretary of State", None), ("AMEMBASSY BONN", None), ("Director, Northern Department", None),
])
def test_a_body_is_a_phrase_headed_by_an_organisation_word(text: str, body: str | None) -> None:
    assert people.body_named(text) == body


def test_the_date_under_a_bodys_signature_dates_what_it_sent() -> None:
    """A cable signed by a body over its date (wilson_70: "Chinese Embassy in the Soviet Union" / "3 March 1960"),
    with no despatch line or opening dateline: the date at the foot is the sent action's."""
    path = next(p for p in RECORDS if p.name.startswith("wilson_70_"))
    root = tei(path.read_bytes(), path.name)
    sent = xp(root, "//t:correspDesc/t:correspAction[@type='sent']")[0]
    assert [etree.QName(child).localname for child in sent] == ["orgName", "date"]
    assert xp(sent, "t:date/@when") == ["1960-03-03"]
