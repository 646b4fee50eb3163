"""The byte prefilter that lets the Schematron skip TE-CHAR-001's character scans (validate/prefilter.py).

It may skip the scans only when the bytes prove the characters absent; every
way a character can reach the text (raw UTF-8, a character reference, another
encoding) must still give TE-CHAR-001, at the same line as without it.
"""

from __future__ import annotations

import pytest

from tei_encoder.validate import Validator
from tei_encoder.validate.parsing import load_bytes
from tei_encoder.validate.prefilter import CHARACTERS_PARAMETER
from test_validate_support import valid_fixtures

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
    assert dict(loaded.schematron_parameters) == {CHARACTERS_PARAMETER: "false()"}
    assert _char_rules(clean) == []


@pytest.mark.parametrize("character", CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("spelling", ["utf-8", "reference"])
def test_every_spelling_of_a_leftover_character_is_still_found(clean, character, spelling):
    spelled = character.encode() if spelling == "utf-8" else f"&#x{ord(character):X};".encode()
    data = _with_text(clean, spelled)
    assert load_bytes(data, "doc.xml").schematron_parameters == ()
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
