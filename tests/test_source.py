"""Reading records as archives hold them: encodings, line ends, odd characters, bad input."""

from __future__ import annotations

import pytest

from tei_encoder.source import SourceError, source_from_bytes
from tei_encoder.writer.statements import sentence


def sections(source) -> str:
    return " | ".join(sentence(s) for s in source.statements)


def test_utf8_with_bom_and_crlf() -> None:
    source = source_from_bytes("\ufeffLine one\r\nLine two\rEnd".encode(), "a.txt")
    assert [line.text for line in source.lines] == ["Line one", "Line two", "End"]
    assert "byte-order mark was removed" in sections(source)
    assert "2 CR LF or CR line ends" in sections(source)


def test_windows_1252_is_decoded_and_recorded() -> None:
    source = source_from_bytes("Stalin\u2019s \u201cview\u201d caf\u00e9".encode("cp1252"), "a.txt")
    assert source.lines[0].text == "Stalin\u2019s \u201cview\u201d caf\u00e9"
    assert source.encoding == "Windows-1252"
    assert "decoded as Windows-1252" in sections(source)


def test_utf16_with_bom() -> None:
    source = source_from_bytes("\ufeffHello".encode("utf-16-le"), "a.txt")
    assert source.lines[0].text == "Hello"


def test_modifier_letters_and_hyphen_are_mapped_and_counted() -> None:
    source = source_from_bytes("people\u02b9s \u02bawords\u02ba post\u2010war".encode(), "a.txt")
    assert source.lines[0].text == 'people\u2019s "words" post-war'
    text = sections(source)
    assert "U+02B9" in text and "(once)" in text and "U+02BA" in text and "U+2010" in text


def test_whitespace_is_collapsed_but_curly_quotes_stay() -> None:
    source = source_from_bytes("  a\u00a0\u00a0b\t c  \u201cq\u201d ".encode(), "a.txt")
    assert source.lines[0].text == "a b c \u201cq\u201d"


def test_form_feed_becomes_its_own_line() -> None:
    source = source_from_bytes(b"one\x0ctwo", "a.txt")
    assert [line.text for line in source.lines] == ["one", "\f", "two"]


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\r\n\t", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (bytes(range(1, 9)) * 50, "binary"),
    (b"\x81\x8d\x8f\x90\x9d", "cannot decode"),
])
def test_bad_input_is_refused_with_one_line(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as error:
        source_from_bytes(data, "bad.txt")
    assert message in str(error.value)
    assert "\n" not in str(error.value)
