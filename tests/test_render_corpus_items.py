"""A person's <in> item on the persons pages is serialised by hand (render/corpus.py, for speed): its bytes
must be those lxml writes for the same element, whatever the title, role and ids hold."""

from __future__ import annotations

import random

from lxml import etree

from tei_encoder.render.corpus import _appearance_item, _PersonParts

AWKWARD = ['"', "&", "<", ">", "'", "\n", "\r", "\t", " ", "é", "’", "\u00a0", "\u2028", "\U0001f600", "#", "%",
           "&amp;", "a", "Z", "0"]


def _by_lxml(person: etree._Element, page: str, title: str, date_label: str | None) -> bytes:
    """The element built and serialised by lxml, as render/corpus.py did before."""
    attributes = {"href": page, "title": title, "role": ", ".join((person.get("role") or "").split())}
    if date_label:
        attributes["date"] = date_label
    item = etree.Element("in", attributes)
    for kind in ("turn", "mention"):
        for link in person.iterfind(kind):
            etree.SubElement(item, kind, href=f"{page}#{link.get('id')}")
    return etree.tostring(item, encoding="utf-8")


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(AWKWARD) for _ in range(rng.randrange(0, 8)))


def test_an_item_has_the_bytes_lxml_would_write() -> None:
    rng = random.Random(12)
    for _ in range(500):
        person = etree.Element("person", role=_text(rng))
        for _ in range(rng.randrange(0, 4)):
            etree.SubElement(person, rng.choice(["turn", "mention", "variant"]), id=_text(rng))
        arguments = (person, _text(rng) + ".html", _text(rng), rng.choice([None, "", _text(rng)]))
        assert _appearance_item(*arguments) == _by_lxml(*arguments), arguments


def test_turns_come_before_mentions_in_document_order() -> None:
    person = etree.fromstring('<person role="speaker"><mention id="m-1"/><turn id="t-1"/><turn id="t-2"/></person>')
    assert _appearance_item(person, "a.html", "A", "1 May 1950") == (
        b'<in href="a.html" title="A" role="speaker" date="1 May 1950"><turn href="a.html#t-1"/>'
        b'<turn href="a.html#t-2"/><mention href="a.html#m-1"/></in>')


def test_a_person_is_read_as_find_and_iterchildren_read_it() -> None:
    """_PersonParts reads a summary's <person> in one pass: the first name, life and occupation (None when
    absent, '' when empty), every variant, turn and mention in order, as findtext, iterfind and
    iterchildren give them."""
    rng = random.Random(7)
    tags = ["name", "variant", "life", "occupation", "turn", "mention", "other"]
    for _ in range(300):
        person = etree.Element("person")
        for _ in range(rng.randrange(0, 9)):
            child = etree.SubElement(person, rng.choice(tags), id=_text(rng))
            child.text = rng.choice([None, "", _text(rng)])
        parts = _PersonParts.of(person)
        assert (parts.name, parts.life, parts.occupation) == tuple(
            person.findtext(tag) for tag in ("name", "life", "occupation"))
        assert parts.variants == [v.text or "" for v in person.iterfind("variant")]
        assert parts.turns == [str(t.get("id")) for t in person.iterchildren("turn")]
        assert parts.mentions == [str(m.get("id")) for m in person.iterchildren("mention")]
