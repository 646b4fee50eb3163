"""The byte prefilter that lets the Schematron skip TE-CHAR-001's character scans (validate/prefilter.py).

It may skip the scans only when the bytes prove the characters absent; every
way a character can reach the text (raw UTF-8, a character reference, another
encoding) must still give TE-CHAR-001, at the same line as without it.
"""

from __future__ import annotations

import random
import re

import pytest

from tei_encoder.validate import Validator
from tei_encoder.validate.parsing import load_bytes
from tei_encoder.validate.prefilter import (CHARACTERS_PARAMETER, FOOTNOTE_CALLS_PARAMETER, holds,
                                            may_hold_characters)
from test_validate_support import TEI, valid_fixtures

CHARACTERS = ["\u25a1", "\u02b9", "\u02ba", "\u2010", "\x7f", "\x80", "\x85", "\x9f"]


@pytest.fixture(scope="module")
def clean() -> bytes:
    return valid_fixtures()[0].read_bytes()


def _with_text(data: bytes, spelled: bytes) -> bytes:
    """The document with ``spelled`` (bytes as they stand in the file) at the start of the first body paragraph."""
    head, tail = data.split(b"<body>", 1)
    paragraph = tail.index(b"<p")
    start = tail.index(b">", paragraph) + 1
    return head + b"<body>" + tail[:start] + spelled + tail[start:]


def _char_rules(data: bytes) -> list[tuple[str, int | None]]:
    return [(d.rule, d.line) for d in Validator().validate_bytes(data, "doc.xml") if d.rule == "TE-CHAR-001"]


def test_a_clean_utf8_file_lets_the_schematron_skip_the_character_scans(clean):
    loaded = load_bytes(clean, "doc.xml")
    assert dict(loaded.schematron_parameters) == {CHARACTERS_PARAMETER: "false()", FOOTNOTE_CALLS_PARAMETER: "false()"}
    assert _char_rules(clean) == []


@pytest.mark.parametrize("spelled", [b"[footnoteRef:1]", b"&#91;footnoteRef:1]", b"[foot<![CDATA[noteRef:]]>1]",
                                     b"<![CDATA[[footnoteRef:1]]]>"],
                         ids=["raw", "reference", "cdata-split", "cdata"])
def test_every_spelling_of_a_leftover_footnote_call_is_still_found(clean, spelled):
    data = _with_text(clean, spelled)
    assert FOOTNOTE_CALLS_PARAMETER not in dict(load_bytes(data, "doc.xml").schematron_parameters)
    found = _char_rules(data)
    assert found and all(line is not None for _, line in found)


def test_a_call_split_by_a_comment_is_no_leftover_call(clean):
    """Two text nodes, as the rule has always read them: the search is skipped, and would find nothing."""
    data = _with_text(clean, b"[foot<!-- x -->noteRef:1]")
    assert dict(load_bytes(data, "doc.xml").schematron_parameters).get(FOOTNOTE_CALLS_PARAMETER) == "false()"
    assert _char_rules(data) == []


@pytest.mark.parametrize("character", CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("spelling", ["utf-8", "reference"])
def test_every_spelling_of_a_leftover_character_is_still_found(clean, character, spelling):
    spelled = character.encode() if spelling == "utf-8" else f"&#x{ord(character):X};".encode()
    data = _with_text(clean, spelled)
    assert CHARACTERS_PARAMETER not in dict(load_bytes(data, "doc.xml").schematron_parameters)
    found = _char_rules(data)
    assert found and all(line is not None for _, line in found)


def test_a_file_in_another_encoding_is_scanned(clean):
    """Byte 0x85 is U+0085 in ISO-8859-1 but no UTF-8 sequence of it: only the declaration tells."""
    text = clean.decode("utf-8")
    assert text.startswith("<?xml")
    declared = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', 1).replace("utf-8", "ISO-8859-1", 1)
    data = _with_text(declared.encode("latin-1", "xmlcharrefreplace"), b"\x85")
    assert load_bytes(data, "doc.xml").schematron_parameters == ()
    assert _char_rules(data)


def test_a_utf16_file_is_scanned(clean):
    data = _with_text(clean, "\u25a1".encode()).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    encoded = data.encode("utf-16")
    assert load_bytes(encoded, "doc.xml").schematron_parameters == ()
    assert _char_rules(encoded)


def test_the_schematron_alone_still_scans_by_default(clean):
    """Another processor running tei-encoder.sch never sets the parameter: the default must scan."""
    from tei_encoder.resources import schema_path
    from tei_encoder.validate.checkers import checker_for
    from tei_encoder.validate.parsing import load_bytes as load

    tree = load(_with_text(clean, "\u2010".encode()), "doc.xml").tree
    assert tree is not None
    rules = {d.rule for d in checker_for(schema_path("tei-encoder.sch")).check(tree, "doc.xml")}
    assert "TE-CHAR-001" in rules


def _in_encoding_desc(data: bytes, spelled: bytes) -> bytes:
    """The document with ``spelled`` at the start of the first paragraph of the header's encodingDesc."""
    head, tail = data.split(b"<encodingDesc", 1)
    paragraph = tail.index(b"<p")
    start = tail.index(b">", paragraph) + 1
    return head + b"<encodingDesc" + tail[:start] + spelled + tail[start:]


def test_calls_declared_in_encoding_desc_let_the_search_be_skipped(clean):
    """The encoder names the notation it removed there ("[footnoteRef:N]"), where the rule does not look."""
    data = _in_encoding_desc(clean, b"anchors ([footnoteRef:N], [N]) and [footnoteRef:M] ")
    assert dict(load_bytes(data, "doc.xml").schematron_parameters).get(FOOTNOTE_CALLS_PARAMETER) == "false()"
    assert _char_rules(data) == []


@pytest.mark.parametrize("elsewhere", [b"<!-- [footnoteRef:1] -->", b"[footnoteRef:1]"], ids=["comment", "text"])
def test_a_call_outside_encoding_desc_keeps_the_search(clean, elsewhere):
    data = _with_text(_in_encoding_desc(clean, b"[footnoteRef:N] "), elsewhere)
    assert FOOTNOTE_CALLS_PARAMETER not in dict(load_bytes(data, "doc.xml").schematron_parameters)
    assert bool(_char_rules(data)) == (elsewhere == b"[footnoteRef:1]")


@pytest.mark.parametrize("included", ["[footnoteRef:1]", "\u25a1"])
def test_text_brought_in_by_xinclude_is_searched(clean, tmp_path, included):
    """The bytes prefilter.py reads are the including file's: an included file's text must still be searched."""
    (tmp_path / "part.xml").write_text(f'<p xmlns="http://www.tei-c.org/ns/1.0">{included} words</p>', encoding="utf-8")
    data = _with_text(clean, b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="part.xml"/>')
    path = tmp_path / "doc.xml"
    path.write_bytes(data)
    assert [d for d in Validator(xinclude=True).validate_file(path) if d.rule == "TE-CHAR-001"]


# The single regular expression the byte search replaced (kept here as the definition it must agree with).
_ONE_PATTERN = re.compile(rb"\xe2\x96\xa1|\xca[\xb9\xba]|\xe2\x80\x90|\x7f|\xc2[\x80-\x9f]|&#|\x00")
_PIECES = [b"a", b" ", b"<p>", b"&", b"#", b"&#", b"\x00", b"\x7f", b"\xc2", b"\xc2\xa7", b"\xc2\x80", b"\xc2\x9f",
           b"\xc2\xa0", b"\xca", b"\xca\xb9", b"\xca\xba", b"\xca\xbb", b"\xe2", b"\xe2\x96\xa1", b"\xe2\x96",
           b"\xe2\x80\x90", b"\xe2\x80\x99", b"\x80", b"\x9f", b"\xb9"]


def test_the_byte_search_agrees_with_one_regular_expression_of_every_sequence():
    generator = random.Random(12)
    for _ in range(5000):
        # up to 60 pieces: past the occurrences of a first byte that are tried one by one (prefilter._found)
        data = b"".join(generator.choice(_PIECES) for _ in range(generator.randint(0, generator.choice((12, 60)))))
        assert may_hold_characters(data) == (_ONE_PATTERN.search(data) is not None), data


def test_holds_agrees_with_in_however_often_the_first_byte_comes():
    # runs of the needle's first byte past the few that are looked at one by one, and needles cut at the end
    pieces = [b"X", b"XI", b"XInc", b"XInclude", b"x", b"&", b"&#", b"#", b"a" * 3]
    generator = random.Random(7)
    for _ in range(5000):
        data = b"".join(generator.choice(pieces) for _ in range(generator.randint(0, 40)))
        for needle in (b"XInclude", b"&#"):
            assert holds(data, needle) == (needle in data), (data, needle)


@pytest.mark.parametrize("common, rare", [(b"\xe2\x80\x99", b"\xe2\x96\xa1"), (b"\xc2\xa7", b"\xc2\x85"),
                                          (b"&amp;", b"&#x25A1;"), (b"\xca\xbb", b"\xca\xb9")])
def test_a_character_after_many_others_of_its_first_byte_is_found(common, rare):
    # each "common" sequence starts with the rare one's first byte: past the ones tried one by one
    assert may_hold_characters(common * 40 + rare)
    assert not may_hold_characters(common * 40)


def test_a_cdata_section_after_many_exclamation_marks_is_found():
    from tei_encoder.validate.prefilter import _MAY_SPELL_FOOTNOTE_CALLS, _holds_any

    assert _holds_any(b"<p>Stop!</p>" * 40 + b"<p><![CDATA[x]]></p>", _MAY_SPELL_FOOTNOTE_CALLS)
    assert not _holds_any(b"<p>Stop!</p>" * 40 + b"<p>![CDATA[</p>", _MAY_SPELL_FOOTNOTE_CALLS)


def test_encoding_desc_calls_are_counted_as_itertext_counts_them():
    """The calls declared in encodingDesc, read from its text nodes by XPath, are the ones itertext() gives."""
    import random

    from lxml import etree

    from tei_encoder.validate import prefilter

    generator = random.Random(3)
    pieces = [prefilter.FOOTNOTE_CALL, "[footnote", "Ref:", "words ", "", " [footnoteRef:2] "]
    for _ in range(300):
        root = etree.Element(f"{{{TEI}}}TEI")
        for _ in range(generator.randrange(3)):
            header = etree.SubElement(root, f"{{{TEI}}}{generator.choice(['teiHeader', 'teiHeader', 'text'])}")
            for _ in range(generator.randrange(3)):
                desc = etree.SubElement(header, f"{{{TEI}}}{generator.choice(['encodingDesc', 'fileDesc'])}")
                desc.text = generator.choice(pieces)
                for _ in range(generator.randrange(4)):
                    kind = generator.choice(["p", "p", "comment", "pi"])
                    parent = generator.choice([desc, *desc.iter(f"{{{TEI}}}p")])
                    child = (etree.Comment(generator.choice(pieces)) if kind == "comment" else
                             etree.ProcessingInstruction("x", generator.choice(pieces)) if kind == "pi" else
                             etree.SubElement(parent, f"{{{TEI}}}p", rend=generator.choice(pieces)))
                    if kind != "p":
                        parent.append(child)
                    child.text = generator.choice(pieces) if kind == "p" else child.text
                    child.tail = generator.choice(pieces)
        data = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
        tree = etree.fromstring(data).getroottree()
        expected = sum(text.count(prefilter.FOOTNOTE_CALL) for desc in tree.getroot().iterfind(
            f"{{{TEI}}}teiHeader/{{{TEI}}}encodingDesc") for text in desc.itertext())
        counted = sum(text.count(prefilter.FOOTNOTE_CALL)
                      for text in prefilter._ENCODING_DESC_TEXTS(tree.getroot()))  # noqa: SLF001
        assert counted == expected, data
        calls = data.count(prefilter.FOOTNOTE_CALL.encode("ascii"))
        assert prefilter.footnote_calls_impossible(data, tree) == (calls == expected)
