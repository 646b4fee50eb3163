"""Reading records as archives hold them: encodings, line ends, odd characters, bad input."""

from __future__ import annotations

import pytest

from tei_encoder.pipeline import encode_bytes
from tei_encoder import source
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


def test_a_russian_record_in_windows_1251_is_decoded_as_such() -> None:
    text = "ЗАПИСЬ БЕСЕДЫ\n\nМолотов сказал, что он согласен.\n\nВ. Павлов\n"
    source = source_from_bytes(text.encode("cp1251"), "a.txt")
    assert [line.text for line in source.lines if line.text] == ["ЗАПИСЬ БЕСЕДЫ", "Молотов сказал, что он согласен.",
                                                                  "В. Павлов"]
    assert source.encoding == "Windows-1251"
    assert "decoded as Windows-1251, whose words it gives in Cyrillic throughout" in sections(source)


RUSSIAN_TEXTS = [
    "ЗАПИСЬ БЕСЕДЫ\n\nМолотов сказал, что он согласен.\n\nВ. Павлов\n",
    # a cipher telegram typed in capitals: the letters, not their case, tell the code page
    "ШИФРТЕЛЕГРАММА\n\nВНЕ ОЧЕРЕДИ. ПОСОЛ СООБЩИЛ, ЧТО ПЕРЕГОВОРЫ БУДУТ ПРОДОЛЖЕНЫ В ПОНЕДЕЛЬНИК.\n\nСУРИЦ\n",
    "Товарищ Сталин спросил, когда прибудет делегация. Иден ответил: «В четверг». № 15\n",
]


@pytest.mark.parametrize("codec, label", source.CYRILLIC_CODE_PAGES)
@pytest.mark.parametrize("text", RUSSIAN_TEXTS)
def test_a_russian_record_is_read_in_its_own_cyrillic_code_page(codec: str, label: str, text: str) -> None:
    """KOI8-R read as Windows-1251 still gives Cyrillic words, only the wrong letters ("уПЧЕТЫЕООП")."""
    if label == "Mac Cyrillic" and text.isupper():
        pytest.skip("capitals alone are the same bytes in CP866 and Mac Cyrillic: the more common CP866 is read")
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.replace("«", '"').replace("»", '"').replace("№", "N").encode(codec)  # not in CP866, ISO-8859-5
        text = data.decode(codec)
    decoded = source_from_bytes(data, "a.txt")
    assert decoded.encoding == label
    assert [line.text for line in decoded.lines if line.text] == [line for line in text.splitlines() if line]
    assert f"decoded as {label}, whose words it gives in Cyrillic throughout" in sections(decoded)


@pytest.mark.parametrize("text, codec, label", [
    ("Comrade W\u0142adys\u0142aw Gomu\u0142ka said that the Polish side agreed. J. \u0141ukasiewicz replied.",
     "cp1250", "Windows-1250"),  # read as 1252: "Gomu\u00b3ka"
    ("Comrade Alexander Dub\u010dek and Comrade Old\u0159ich \u010cern\u00edk met the delegation.", "cp1250", "Windows-1250"),
    ("K\u00e1d\u00e1r elvt\u00e1rs kijelentette, hogy a magyar f\u00e9l egyet\u00e9rt a javaslattal. \u0150 is.",
     "cp1250", "Windows-1250"),
    ("Saraco\u011flu said that \u0130n\u00f6n\u00fc and \u015e\u00fckr\u00fc Kaya agreed.", "cp1254", "Windows-1254"),
    ("\u039f \u03a5\u03c0\u03bf\u03c5\u03c1\u03b3\u03cc\u03c2 \u03b5\u03af\u03c0\u03b5 \u03cc\u03c4\u03b9 "
     "\u03b7 \u03ba\u03c5\u03b2\u03ad\u03c1\u03bd\u03b7\u03c3\u03b7 \u03c3\u03c5\u03bc\u03c6\u03c9\u03bd\u03b5\u03af.",
     "cp1253", "Windows-1253"),
    ("\u6bdb\u6cfd\u4e1c\u540c\u5fd7\u4e0e\u8d6b\u9c81\u6653\u592b\u540c\u5fd7\u4f1a\u8c08\u8bb0\u5f55\u3002",
     "gbk", "gb18030"),
    ("\u5409\u7530\u8302\u9996\u76f8\u306f\u3001\u8b1b\u548c\u6761\u7d04\u306b\u3064\u3044\u3066\u8ff0\u3079\u305f\u3002",
     "shift_jis", "Shift_JIS"),
    ("\uae40\uc77c\uc131 \ub3d9\uc9c0\ub294 \uc18c\ub828 \ub300\uc0ac\uc640 \ud68c\ub2f4\ud558\uc600\ub2e4.",
     "euc_kr", "EUC-KR"),
])
def test_a_record_in_another_legacy_code_page_is_read_in_it(text: str, codec: str, label: str) -> None:
    """Only Windows-1252 and 1251 were tried: a Polish record's names came out as "Gomu\u00b3ka", a Turkish
    one's as "Saraco\u00f0lu", and Chinese, Japanese and Korean records were Latin-1 noise."""
    decoded = source_from_bytes(text.encode(codec), "a.txt")
    assert decoded.encoding == label and decoded.lines[0].text == text
    assert f"decoded as {label}, the code page its bytes fit (chardetng)" in sections(decoded)


@pytest.mark.parametrize("text", [
    "Der Gesandte fragte, ob die Verhandlungen fortgesetzt werden k\u00f6nnten. Ich erwiderte, da\u00df sie pr\u00fcften.",
    "Le ministre a d\u00e9clar\u00e9 \u00e0 Paris que la d\u00e9l\u00e9gation \u00e9tait pr\u00eate \u00e0 venir. O\u00f9?",
    "The Ambassador said: \u201cWe agree.\u201d He left \u2013 the talks ended.",
])
def test_a_western_record_in_windows_1252_stays_windows_1252(text: str) -> None:
    source = source_from_bytes(text.encode("cp1252"), "a.txt")
    assert source.encoding == "Windows-1252" and source.lines[0].text == text


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


# ---------------------------------------------------------------- one bad byte in a UTF-8 file (issue 8, finding 6)

DAMAGED = "Line one □□ lost.\nThe caf".encode() + b"\xe9" + " is open □.\nEnd.\n".encode()


def test_one_invalid_byte_is_repaired_alone_and_the_rest_stays_utf8() -> None:
    source = source_from_bytes(DAMAGED, "a.txt")
    assert source.encoding == "UTF-8"
    assert [line.text for line in source.lines[:2]] == ["Line one □□ lost.", "The café is open □."]
    assert "except 1 byte that is not valid UTF-8 (line 2)" in sections(source)
    (warning,) = source.warnings
    assert (warning.file, warning.line, warning.rule) == ("a.txt", 2, "stray-bytes-repaired")
    assert warning.message == ("1 byte that is not valid UTF-8 in an otherwise UTF-8 file (line 2); "
                               "read as Windows-1252 (check the characters there)")


def test_a_stray_byte_windows_1252_leaves_undefined_becomes_a_replacement_character() -> None:
    source = source_from_bytes("a □ b\nc".encode() + b"\x81\n\x92d", "a.txt")
    assert [line.text for line in source.lines] == ["a □ b", "c\ufffd", "\u2019d"]
    assert "except 2 bytes that are not valid UTF-8 (lines 2, 3)" in sections(source)


def test_many_damaged_lines_are_named_up_to_five() -> None:
    source = source_from_bytes("□\n".encode() * 50 + b"\xe9\n" * 8, "a.txt")
    assert source.warnings[0].line == 51
    assert source.warnings[0].message.startswith("8 bytes that are not valid UTF-8 in an otherwise UTF-8 file "
                                                 "(lines 51, 52, 53, 54, 55 and 3 more)")


def test_a_file_that_is_mostly_not_utf8_is_windows_1252_and_says_why() -> None:
    data = "caf\u00e9 \u201cna\u00efve\u201d".encode("cp1252") + "\n□".encode()  # 4 bad bytes, 3 good
    source = source_from_bytes(data, "a.txt")
    assert source.encoding == "Windows-1252" and not source.warnings
    assert ("The input is not UTF-8: 4 of 7 non-ASCII bytes are invalid as UTF-8 (the first on line 1); "
            "it was decoded as Windows-1252.") in sections(source)


def test_the_repaired_record_keeps_its_gaps_and_declares_the_repair() -> None:
    tei = encode_bytes(DAMAGED, "a.txt").decode()
    assert tei.count('<gap reason="illegible"') == 2 and "â" not in tei
    assert "except 1 byte that is not valid UTF-8 (line 2)" in tei


def test_html_character_references_of_a_saved_web_page_become_their_characters() -> None:
    source = source_from_bytes("Nasser&nbsp;said that 1956&ndash;1957 &hellip; AT&T &foo; &#8212; done".encode(),
                               "page.txt")
    assert source.lines[0].text == "Nasser said that 1956–1957 … AT&T &foo; — done"  # &foo; is no reference: kept
    assert [(s.key, s.count) for s in source.statements if s.key == "03-html-references"] == [("03-html-references", 4)]


def test_a_record_without_references_states_none() -> None:
    source = source_from_bytes("Molotov & Ribbentrop; R&D".encode(), "plain.txt")
    assert source.lines[0].text == "Molotov & Ribbentrop; R&D"
    assert not [s for s in source.statements if s.key == "03-html-references"]
