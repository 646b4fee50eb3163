"""Read a record's bytes into normalised lines, counting every normalisation.

Decoding: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252
(the usual encoding of older Word and archive exports). A file that is none of
these, binary, or empty is refused with a SourceError, one line naming why.

Normalisations are those of ENCODING.md section 2 (line ends, BOM, whitespace,
the modifier letters and U+2010 used as punctuation); each is counted and
becomes a Statement for the header's editorialDecl.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from tei_encoder.markers import FORM_FEED
from tei_encoder.model import Statement
from tei_encoder.regular_file import MAX_BYTES, InputRefused, describe_os_error, read_regular_file

# Characters the records use as punctuation, and what they become (ENCODING.md 2); the
# statement keys are 03-map-0, 03-map-1, 03-map-2 in this order.
CHARACTER_MAPPINGS: tuple[tuple[str, str], ...] = (
    ("\u02b9", "\u2019"),  # MODIFIER LETTER PRIME used as an apostrophe
    ("\u02ba", '"'),  # MODIFIER LETTER DOUBLE PRIME used as a quotation mark
    ("\u2010", "-"),  # HYPHEN → HYPHEN-MINUS
)
_SPACE_LIKE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")  # and what XML cannot hold
_RUNS = re.compile(" {2,}")


class SourceError(Exception):
    """A record that cannot be read; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line number in the input file
    text: str  # whitespace-normalised; "" for a blank line, FORM_FEED for a page break


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    raw: bytes
    encoding: str
    lines: tuple[Line, ...]
    statements: tuple[Statement, ...]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read_source(path: Path) -> Source:
    """Read a record: a regular file (never a FIFO or device) of at most MAX_BYTES, checked before reading."""
    try:
        data = read_regular_file(path, MAX_BYTES)
    except InputRefused as error:
        raise SourceError(f"{error}: only regular files are read") from None
    except OSError as error:
        raise SourceError(describe_os_error(error)) from None
    return source_from_bytes(data, path.name)


def source_from_bytes(data: bytes, name: str) -> Source:
    text, encoding, statements = _decode(data)
    lines, more = _normalise(text)
    if not any(line.text.strip(FORM_FEED) for line in lines):
        raise SourceError("empty record: no text to convert")
    return Source(name, data, encoding, lines, tuple(statements + more))


def _decode(data: bytes) -> tuple[str, str, list[Statement]]:
    if not data.strip():
        raise SourceError("empty record: no text to convert")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                raise SourceError(f"not valid {codec.upper()} after its byte-order mark "
                                  f"(byte {error.start})") from None
            label = codec.upper().replace("-LE", "").replace("-BE", "")
            return _refuse_binary(text), label, [_decoding(label, bom=1)]
    if b"\x00" in data:
        raise SourceError("binary data, not a text record (it contains NUL bytes)")
    try:
        return _refuse_binary(data.decode("utf-8")), "UTF-8", [_decoding("UTF-8")]
    except UnicodeDecodeError as utf8_error:
        offset = utf8_error.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceError(f"cannot decode: not UTF-8 (byte 0x{data[offset]:02x} at offset {offset}) "
                          "and not Windows-1252") from None
    return _refuse_binary(text), "Windows-1252", [_decoding("Windows-1252", invalid_at=offset)]


def _decoding(encoding: str, **details: int) -> Statement:
    return Statement("normalization", "01-decoding", details=(("encoding", encoding), *details.items()))


def _refuse_binary(text: str) -> str:
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 50):
        raise SourceError("binary data, not a text record (too many control characters)")
    return text


def _normalise(text: str) -> tuple[tuple[Line, ...], list[Statement]]:
    counts: dict[str, int] = {}

    def count(key: str, n: int) -> None:
        if n:
            counts[key] = counts.get(key, 0) + n

    count("crlf", text.count("\r\n"))
    text = text.replace("\r\n", "\n")
    count("cr", text.count("\r"))
    text = text.replace("\r", "\n")
    for char, replacement in CHARACTER_MAPPINGS:
        count(char, text.count(char))
        text = text.replace(char, replacement)
    count("invisible", len(_INVISIBLE.findall(text)))
    text = _INVISIBLE.sub("", text)
    count("control", len(_CONTROL.findall(text)))
    text = _CONTROL.sub("", text)

    count("space-like", len(_SPACE_LIKE.findall(text)))
    text = _SPACE_LIKE.sub(" ", text)
    lines: list[Line] = []
    for number, raw_line in enumerate(text.split("\n"), start=1):
        for index, piece in enumerate(raw_line.split(FORM_FEED)):
            if index:
                lines.append(Line(number, FORM_FEED))
            if "  " in piece or piece[:1] == " " or piece[-1:] == " ":
                piece = _RUNS.sub(" ", piece).strip(" ")
                count("whitespace", 1)
            lines.append(Line(number, piece))
    return tuple(lines), _statements(counts)


def _statements(counts: dict[str, int]) -> list[Statement]:
    out: list[Statement] = []
    ends = counts.get("crlf", 0) + counts.get("cr", 0)
    if ends:
        out.append(Statement("normalization", "02-line-ends", ends))
    for position, (char, _) in enumerate(CHARACTER_MAPPINGS):
        if counts.get(char):
            out.append(Statement("normalization", f"03-map-{position}", counts[char]))
    for count_key, key in _WHITESPACE_STATEMENTS:
        if counts.get(count_key):
            out.append(Statement("normalization", key, counts[count_key]))
    return out


_WHITESPACE_STATEMENTS = (("space-like", "04-spaces"), ("whitespace", "05-whitespace"),
                          ("invisible", "06-invisible"), ("control", "07-control"))
