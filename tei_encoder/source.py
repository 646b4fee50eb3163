"""Read a record's bytes into normalised lines, counting every normalisation.

Decoding: UTF-8 (with or without BOM), UTF-16 with a BOM, else the legacy code page its bytes
fit (Windows-1252, the usual encoding of older Word and archive exports; Windows-1250 for Central
European records, 1254 for Turkish, a Cyrillic code page for Russian, GBK or Big5 for Chinese …). A file that is none of
these, binary, or empty is refused with a SourceError, one line naming why.

A UTF-8 file with a few bytes that are not UTF-8 stays UTF-8: only those bytes
are repaired, each read as Windows-1252 (a stray byte in a UTF-8 file is almost
always a pasted Windows-1252 fragment, a curly quote or an accented letter, so
this recovers the intended character where U+FFFD would lose it), or as U+FFFD
where Windows-1252 defines no character. The repair is declared with its count
and the lines are named in a warning. Only a file where most non-ASCII bytes
are invalid as UTF-8 is read as Windows-1252 throughout.

Normalisations are those of ENCODING.md section 2 (line ends, BOM, whitespace,
the modifier letters and U+2010 used as punctuation); each is counted and
becomes a Statement for the header's editorialDecl.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import chardetng_py  # type: ignore[import-untyped]  # ships no type information

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.markers import FORM_FEED
from tei_encoder.model import Statement
from tei_encoder.mojibake import MojibakeRepair, repair_mojibake
from tei_encoder.regular_file import MAX_BYTES, InputRefused, describe_os_error, read_regular_file
from tei_encoder.sniff import not_plain_text

# Characters the records use as punctuation, and what they become (ENCODING.md 2); the
# statement keys are 03-map-0, 03-map-1, 03-map-2 in this order.
CHARACTER_MAPPINGS: tuple[tuple[str, str], ...] = (
    ("\u02b9", "\u2019"),  # MODIFIER LETTER PRIME used as an apostrophe
    ("\u02ba", '"'),  # MODIFIER LETTER DOUBLE PRIME used as a quotation mark
    ("\u2010", "-"),  # HYPHEN → HYPHEN-MINUS
)
# The Latin ligatures a PDF's text layer gives (``Aﬀairs``, ``Raﬁq``, ``oﬃce``): one character for two
# or three letters, so a word holding one is not found by a search for it, nor a name matched; they
# become their letters (NFKC's reading, but NFKC would also change superscripts, fractions, full-width forms).
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURE_LETTERS = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                     "\ufb05": "st", "\ufb06": "st"}
_SPACE_LIKE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0 and C1 controls (U+0080-U+009F are Windows-1252 bytes mis-decoded as Latin-1), what XML cannot hold, and
# the noncharacters U+FDD0-U+FDEF, which Unicode keeps for a program's own use (the reader's markers are among
# them: markers.py)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
# Two spaces, then any more: a pattern opening with a repeat (" {2,}") is tried at every position of the
# text; one opening with a fixed string, only where the string stands.
_RUNS = re.compile("  +")


class SourceError(Exception):
    """A record that cannot be read; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line number in the input file
    text: str  # whitespace-normalised; "" for a blank line, FORM_FEED for a page break
    # The line's columns as printed, when runs of two or more spaces or a tab set them apart ("Meat
    # (thousand tons)      512      498"): a leading run gives an empty first cell; () for most lines.
    # Only block_rules/table.py reads them, for a block every line of which has them.
    cells: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    raw: bytes
    encoding: str
    lines: tuple[Line, ...]
    statements: tuple[Statement, ...]
    warnings: tuple[Diagnostic, ...] = ()  # for the user, each naming the line(s) concerned

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
    refusal = not_plain_text(data)  # a TEI, Word or PDF file is named as such, not decoded as text
    if refusal is not None:
        raise SourceError(refusal)
    decoded = _decode(data)
    mojibake = repair_mojibake(decoded.text)  # before _normalise, which would change the bytes it hides
    lines, more = _normalise(mojibake.text)
    if not any(line.text.strip(FORM_FEED) for line in lines):
        raise SourceError("empty record: no text to convert")
    warnings = tuple(Diagnostic(name, message, "stray-bytes-repaired", Severity.WARNING, line, source="tei-encoder")
                     for line, message in decoded.warnings)
    repaired = _mojibake_repaired(name, mojibake)
    return Source(name, data, decoded.encoding, lines, (decoded.statement, *repaired[:1], *more),
                  warnings + repaired[1:])


def _mojibake_repaired(name: str, repair: MojibakeRepair) -> tuple[()] | tuple[Statement, Diagnostic]:
    """The statement and the user's warning for the lines repair_mojibake read again, if any."""
    if not repair.characters:
        return ()
    where = _lines_named(list(repair.lines))
    statement = Statement("normalization", "01-mojibake", repair.characters,
                          (("lines", len(repair.lines)), ("where", where)))
    message = (f"mojibake repaired ({where}): UTF-8 once read as Windows-1252 was read again as UTF-8 "
               "(check the characters there)")
    return statement, Diagnostic(name, message, "mojibake-repaired", Severity.WARNING, repair.lines[0],
                                 source="tei-encoder")


@dataclass(frozen=True, slots=True)
class _Decoded:
    text: str
    encoding: str
    statement: Statement
    warnings: tuple[tuple[int, str], ...] = ()  # (first line, message)


def decode_text(data: bytes) -> str:
    """A record's bytes as text, decoded as source_from_bytes decodes them (before any normalisation)."""
    return _decode(data).text


def _decode(data: bytes) -> _Decoded:
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
            return _Decoded(_refuse_binary(text), label, _decoding(label, bom=1))
    if b"\x00" in data:
        raise SourceError("binary data, not a text record (it contains NUL bytes)")
    try:
        return _Decoded(_refuse_binary(data.decode("utf-8")), "UTF-8", _decoding("UTF-8"))
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", "surrogateescape")  # each byte that is not UTF-8 becomes U+DC80-U+DCFF
    invalid = len(_ESCAPED_BYTE.findall(escaped))
    non_ascii = len(data) - len(data.translate(None, _NON_ASCII_BYTES))
    found = None
    if 2 * invalid <= non_ascii:
        # a few bytes not UTF-8: stray Windows-1252 bytes to repair, unless the file is an East Asian one
        # whose byte pairs are here and there valid UTF-8 by chance (a Shift_JIS sentence was half valid)
        found = chardetng_py.detect(data)
        if not _reads_as_east_asian(data, found):
            return _repair_stray_bytes(escaped, invalid)
    return _decode_legacy(data, escaped, invalid, non_ascii, found)


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII_BYTES = bytes(range(0x80, 0x100))
_LINE_END = re.compile("\r\n?|\n")


def _decoding(encoding: str, **details: int | str) -> Statement:
    return Statement("normalization", "01-decoding", details=(("encoding", encoding), *details.items()))


def _decode_legacy(data: bytes, escaped: str, invalid: int, non_ascii: int, found: str | None) -> _Decoded:
    """Most non-ASCII bytes are not UTF-8: the file is in a legacy encoding, the one _legacy_encoding finds
    (``found``: what chardetng already said of it, if it was asked)."""
    first = _ESCAPED_BYTE.search(escaped)
    assert first is not None  # the caller found invalid bytes
    line = len(_LINE_END.findall(escaped, 0, first.start())) + 1
    codec, label, script = _legacy_encoding(data, found)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise SourceError(f"cannot decode: not UTF-8 (line {line}) and not {label} "
                          f"(byte 0x{data[error.start]:02x} at offset {error.start})") from None
    scripts = {"script": script} if script else {}  # Cyrillic: the writer says why this code page
    statement = _decoding(label, invalid=invalid, non_ascii=non_ascii, first_line=line, **scripts)
    return _Decoded(_refuse_binary(text), label, statement)


def _legacy_encoding(data: bytes, found: str | None = None) -> tuple[str, str, str]:
    """(codec, label, script) of a file that is not UTF-8.

    chardetng (Firefox's detector for pages that declare no encoding) tells the code page from the bytes:
    Windows-1252 for English, French or German, Windows-1250 for a Polish, Czech or Hungarian record
    (``Gomu³ka`` read as 1252), Windows-1254 for a Turkish one (``Saracoðlu``), Windows-1251 or KOI8 or
    IBM866 for a Russian one, GBK, Big5, Shift_JIS or EUC-KR for East Asian ones. It was measured against
    charset-normalizer on short records: charset-normalizer chose Windows-1250 for plain English and
    Windows-1257 for Czech; chardetng was right on all of them but one Cyrillic code page it does not
    know (Mac Cyrillic), so among Cyrillic code pages the letters decide (_cyrillic_code_page).
    """
    found = found or chardetng_py.detect(data)
    if found in _EAST_ASIAN and not _reads_as_east_asian(data, found):
        found = "windows-1252"  # stray bytes, not an East Asian record: refused where 1252 has no character
    if found in _CYRILLIC_PAGES:
        cyrillic = _cyrillic_code_page(data)
        # Fewer than three Cyrillic words is no Russian record but stray bytes: read as Windows-1252,
        # which refuses bytes that are no characters there
        return (*cyrillic, "Cyrillic") if cyrillic else ("cp1252", "Windows-1252", "")
    codec = codecs.lookup(_PYTHON_NAMES.get(found, found)).name
    return codec, _LABELS.get(codec, found), ""


# chardetng's names for the multi-byte encodings of Chinese, Japanese and Korean text
_EAST_ASIAN = frozenset({"Shift_JIS", "EUC-JP", "ISO-2022-JP", "EUC-KR", "Big5", "gb18030", "GBK"})


# Han characters, kana and hangul: what most non-ASCII characters of an East Asian record are
_EAST_ASIAN_LETTER = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _reads_as_east_asian(data: bytes, found: str) -> bool:
    """chardetng names an East Asian encoding, the bytes decode in it, and at least half of the
    non-ASCII characters they give are Han, kana or hangul (two stray bytes in ``caf\\x81\\x8d`` are
    valid Shift_JIS too, for a sign: no Japanese record)."""
    if found not in _EAST_ASIAN:
        return False
    try:
        text = data.decode(_PYTHON_NAMES.get(found, found))
    except UnicodeDecodeError:
        return False
    non_ascii = sum(character > "\x7f" for character in text)
    return 2 * len(_EAST_ASIAN_LETTER.findall(text)) >= non_ascii > 0


# chardetng's names (WHATWG's) for the Cyrillic code pages it knows
_CYRILLIC_PAGES = frozenset({"windows-1251", "KOI8-U", "IBM866", "ISO-8859-5"})
# WHATWG names Python's codecs do not know
_PYTHON_NAMES: dict[str, str] = {"windows-874": "cp874", "ISO-8859-8-I": "iso8859_8", "x-mac-cyrillic": "mac_cyrillic"}
# Windows code pages named as before ("Windows-1252"); other names as chardetng gives them ("Shift_JIS")
_LABELS: dict[str, str] = {f"cp{n}": f"Windows-{n}" for n in range(1250, 1259)}


_LETTERS = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# The code pages Russian records were saved in: Windows (1251), Unix mail and the early Russian web
# (KOI8-R), DOS (866), ISO and the Mac. Each puts the same letters on other bytes, so a file in one read
# as another still gives Cyrillic letters, only the wrong ones ("уПЧЕТЫЕООП" for "Советское"):
# whether the words are Cyrillic does not tell them apart; which letters they are does.
CYRILLIC_CODE_PAGES: tuple[tuple[str, str], ...] = (
    ("cp1251", "Windows-1251"), ("koi8_r", "KOI8-R"), ("cp866", "CP866"), ("iso8859_5", "ISO-8859-5"),
    ("mac_cyrillic", "Mac Cyrillic"),
)
# The ten most frequent letters of Russian text (о е а и н т с р в л): about two letters in three.
# A wrong code page swaps them for rarer ones (KOI8-R read as Windows-1251 makes о п, а б, н о).
_FREQUENT_RUSSIAN = frozenset("оеаинтсрвл")
# What else a Russian record's non-ASCII characters are: its letters and its typography. A wrong code page
# gives signs and letters of other Cyrillic alphabets instead (Windows-1251 read as Mac Cyrillic: "«јѕ»—№ Ѕ≈").
_RUSSIAN_CHARACTERS = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
                                "«»—–№…“”„‘’\u00a0")


def _cyrillic_code_page(data: bytes) -> tuple[str, str] | None:
    """(codec, label) of the Cyrillic code page in which the record reads as Russian, else None.

    Read in any Cyrillic code page, a Russian record's words are Cyrillic throughout, but only one gives
    the right letters. The one whose reading is most Russian wins (_russian_score); ties go to the
    earlier, more common code page (a text in capitals alone reads the same in CP866 and Mac Cyrillic,
    which put capitals on the same bytes)."""
    best: tuple[float, tuple[str, str]] | None = None
    for codec, label in CYRILLIC_CODE_PAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue  # 0x98 is no character in Windows-1251
        score = _russian_score(text)
        if score is not None and (best is None or score > best[0]):
            best = (score, (codec, label))
    return best[1] if best else None


def _russian_score(text: str) -> float | None:
    """How Russian a reading is: the share of its non-ASCII characters that are Russian letters or
    typography, times the share of Russian's ten most frequent letters among its letters; None when
    its words are not Cyrillic throughout (three or more, four times the words of mixed script)."""
    cyrillic = mixed = frequent = letters = 0
    for word in _LETTERS.findall(text):
        in_word = len(_CYRILLIC.findall(word))
        if in_word == len(word):
            cyrillic += 1
            letters += in_word
            frequent += sum(letter in _FREQUENT_RUSSIAN for letter in word.lower())
        elif in_word:
            mixed += 1
    if cyrillic < 3 or cyrillic < 4 * mixed:
        return None
    non_ascii = [character for character in text if character > "\x7f"]
    russian = sum(character in _RUSSIAN_CHARACTERS for character in non_ascii)
    return russian / len(non_ascii) * frequent / letters


def _repair_stray_bytes(escaped: str, invalid: int) -> _Decoded:
    """A UTF-8 file with a few bytes that are not: read each as Windows-1252 (else U+FFFD); name the lines."""
    lines: list[int] = []
    line, position = 1, 0
    for match in _ESCAPED_BYTE.finditer(escaped):
        line += len(_LINE_END.findall(escaped, position, match.start()))
        position = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    text = _ESCAPED_BYTE.sub(_as_windows_1252, escaped)
    where = _lines_named(lines)
    bytes_ = "1 byte that is" if invalid == 1 else f"{invalid} bytes that are"
    warning = (f"{bytes_} not valid UTF-8 in an otherwise UTF-8 file ({where}); read as Windows-1252 "
               "(check the characters there)")
    return _Decoded(_refuse_binary(text), "UTF-8", _decoding("UTF-8", repaired=invalid, where=where),
                    ((lines[0], warning),))


def _as_windows_1252(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    return byte.decode("cp1252", "replace")  # "replace": the five bytes Windows-1252 leaves undefined


def _lines_named(lines: list[int], shown: int = 5) -> str:
    if len(lines) == 1:
        return f"line {lines[0]}"
    named = ", ".join(map(str, lines[:shown]))
    more = f" and {len(lines) - shown} more" if len(lines) > shown else ""
    return f"lines {named}{more}"


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
    if "&" in text:
        text, references = _html_characters(text)
        count("html-references", references)
    for char, replacement in CHARACTER_MAPPINGS:
        count(char, text.count(char))
        text = text.replace(char, replacement)
    text, ligatures = _LIGATURE.subn(_letters_of_ligature, text)
    count("ligatures", ligatures)
    # One pass each: the count of a one-character pattern's replacements is the count of its matches.
    text, invisible = _INVISIBLE.subn("", text)
    count("invisible", invisible)
    text, controls = _CONTROL.subn("", text)
    count("control", controls)

    with_tabs = text.split("\n")  # a tab sets columns apart as a run of spaces does (_cells)
    text, space_like = _SPACE_LIKE.subn(" ", text)
    count("space-like", space_like)
    lines: list[Line] = []
    for number, raw_line in enumerate(text.split("\n"), start=1):
        tabbed = with_tabs[number - 1].split(FORM_FEED)
        for index, piece in enumerate(raw_line.split(FORM_FEED)):
            if index:
                lines.append(Line(number, FORM_FEED))
            cells = _cells(tabbed[index]) if "  " in piece or "\t" in tabbed[index] else ()
            if "  " in piece or piece[:1] == " " or piece[-1:] == " ":
                piece = _RUNS.sub(" ", piece).strip(" ")
                count("whitespace", 1)
            lines.append(Line(number, piece, cells))
    return tuple(lines), _statements(counts)


# A character reference a web page saved as text keeps ("Nasser&nbsp;said", "1956&ndash;1957", "&hellip;"):
# the character it stands for. One HTML does not define ("&foo;") stays as printed.
_HTML_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _html_characters(text: str) -> tuple[str, int]:
    """The text with each HTML character reference replaced, and how many were."""
    replaced = 0

    def character(reference: re.Match[str]) -> str:
        nonlocal replaced
        found = html.unescape(reference.group())
        replaced += found != reference.group()
        return found

    return _HTML_REFERENCE.sub(character, text), replaced


def _letters_of_ligature(ligature: re.Match[str]) -> str:
    return _LIGATURE_LETTERS[ligature.group()]


_COLUMN_GAP = re.compile(r"(?: *\t[ \t]*| {2,})")


def _cells(piece: str) -> tuple[str, ...]:
    """The columns of a line that tabs or runs of two or more spaces set apart inside it (a leading gap
    gives an empty first cell), each as the normalised line holds it; ()."""
    piece = _SPACE_LIKE.sub(lambda found: found.group() if found.group() == "\t" else " ", piece).rstrip(" \t")
    inner = piece.lstrip(" \t")
    if not _COLUMN_GAP.search(inner):
        return ()
    leading = ("",) if _COLUMN_GAP.match(piece) else ()
    cells = leading + tuple(_RUNS.sub(" ", cell.strip(" ")) for cell in _COLUMN_GAP.split(inner))
    return cells if len([cell for cell in cells if cell]) >= 2 else ()


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


_WHITESPACE_STATEMENTS = (("html-references", "03-html-references"), ("ligatures", "03-ligatures"), ("space-like", "04-spaces"), ("whitespace", "05-whitespace"),
                          ("invisible", "06-invisible"), ("control", "07-control"))
