"""Security classifications and handling marks (issue 10 §2).

A *classification* grades secrecy (``TOP SECRET``, ``Most Secret``, ``Strictly
confidential``, ``NOT SECRET``, ``For official use only``); a *handling mark*
says how the paper travels (``Eyes only``, ``Special folder``, ``Copy No. 3``).
Both are matched without regard to case, on a whole line (``line_kind``) or at
the start or end of a line they share with a date or a title, or inside a
transcriber's stamp note (``[Stamp: TOP SECRET]``) (``find_marks``),
never inside a word (``Secretariat``) and never in running prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tei_encoder.header import dates

__all__ = ["Mark", "COPIES_MADE", "CLASSIFICATION", "HANDLING", "PRECEDENCE", "WHOLE_LINE", "SPACED", "unspaced", "line_kind",
           "find_marks", "strip_marks"]

_GRADE = r"(?:top|most|highly|strictly|very|absolutely|extremely|completely)"
_CLASSIFICATIONS = (
    rf"(?:{_GRADE}\s+)?(?:secret|confidential)(?:\s+and\s+personal)?",
    r"personal\s+and\s+(?:secret|confidential)",
    r"(?:top\s+)?secret(?:\s*[-–—]\s*|\s+)(?:eyes\s+only|noforn)",
    r"not\s+(?:secret|classified)", r"unclassified", r"declassified", r"restricted",
    r"(?:for\s+)?official\s+use\s+only", r"limited\s+official\s+use",
    r"(?:совершенно\s+|строго\s+)?секретно", r"не\s+секретно",  # a Russian transcript's grades
    r"(?:strictly\s+)?for\s+internal\s+use(?:\s+only)?",
    # the grades of originals printed beside translations: German, Polish, Czech, Hungarian, French, Spanish
    r"(?:streng\s+)?(?:geheim|vertraulich)", r"geheime\s+(?:reichssache|kommandosache|verschlu(?:ß|ss)sache)",
    r"vertrauliche\s+verschlu(?:ß|ss)sache", r"nur\s+für\s+den\s+dienstgebrauch",
    r"(?:ściśle\s+)?tajne(?:\s+specjalnego\s+znaczenia)?", r"(?:top\s+)?secret\s+of\s+special\s+importance", r"(?:přísně\s+)?tajné", r"(?:szigorúan\s+)?titkos", r"(?:très\s+)?secret",
    r"confidentiel", r"(?:estrictamente\s+)?(?:secreto|confidencial)",
)
# How many copies the clerk made: "Made in 2 copies", "Typed in three copies" (the Hungarian "Készült 2
# példányban", the Russian "Отп. 2 экз."). Alone on a line it is a handling mark; with a colon it heads
# the copies' recipients after the closing ("Made in 2 copies: 1 copy to Comrade Gerő, 1 copy to the file.").
COPIES_MADE = (r"(?:made|typed|printed|prepared|drawn\s+up|produced)\s+in\s+(?:\d+|one|two|three|four|five|six)"
               r"\s+(?:copy|copies|exemplars?)")
_HANDLING = (
    r"special\s+(?:folder|file)", r"diplomatic\s+secret", r"(?:for\s+(?:your\s+)?)?eyes\s+only",
    r"personal(?:\s+only)?",
    r"by\s+hand", r"not\s+for\s+distribution", r"(?:only|single)\s+copy", r"no\s+circulation",
    r"not\s+to\s+be\s+copied", r"(?:making\s+copies|copying|reproduction)\s+(?:is\s+)?(?:strictly\s+)?prohibited", r"copy\s+(?:no\.?|number|#)\s*\d+", r"ex\.\s*no\.?\s*\d+", r"egz\.\s*nr\s*\d+", r"\d+\.\s*ausfertigung", r"(?:\d+|ein)\s+(?:blatt|bl[äa]tter)", r"\d+\s+copies",
    COPIES_MADE,
    r"nodis|exdis|limdis|stadis|noforn",  # a State Department telegram's distribution captions
    r"(?:this\s+is\s+)?unevaluated\s+information",  # an intelligence report's caveat on its grading
    r"особая\s+папка|лично|вне\s+очереди",  # Russian: special folder, personal, out of turn
)
# A telegram's precedence: how fast it travels ("Flash", "Most immediate", the Soviet cipher office's
# "Extraordinary", its highest); a line of its own, or beside a grade ("Top Secret / Flash").
PRECEDENCE = re.compile(
    r"^(?:most immediate|immediate|emergency|priority|urgent|routine|flash|deferred|"
    r"important|operational immediate|very urgent|extremely urgent|urgently|immediately|out of turn|"
    r"extraordinary|extraordinarily urgent)\.?$", re.I)
CLASSIFICATION = re.compile(rf"(?:{'|'.join(_CLASSIFICATIONS)})", re.I)
HANDLING = re.compile(rf"(?:{'|'.join(_HANDLING)})", re.I)
WHOLE_LINE = {kind: re.compile(rf"^\s*{pattern.pattern}\s*[.!]?\s*$", re.I)
          for kind, pattern in (("classification", CLASSIFICATION), ("handling", HANDLING))}
# A mark at the start or the end of a line, set off from the rest by a space, comma, full stop or dash.
_SEPARATOR_CHARACTER = r"[\s,.;:–—-]"
_SEPARATOR = rf"{_SEPARATOR_CHARACTER}+"
_AT_START = {kind: re.compile(rf"^(?P<mark>{pattern.pattern})\.?(?={_SEPARATOR}\S)", re.I)
             for kind, pattern in (("classification", CLASSIFICATION), ("handling", HANDLING))}
# (At the end: the separator's first character first, what stands before it tested after it, so that a
# search skips to separators, where "(?<=\S)(?:[…]+)" was tried at every position of the line.)
_AT_END = {kind: re.compile(rf"{_SEPARATOR_CHARACTER}(?<=\S{_SEPARATOR_CHARACTER}){_SEPARATOR_CHARACTER}*"
                            rf"(?P<mark>{pattern.pattern})\.?\s*$", re.I)
           for kind, pattern in (("classification", CLASSIFICATION), ("handling", HANDLING))}
_ONE_WORD = re.compile(r"^\S+$")
_STAMP = re.compile(r"^\s*[\[(]\s*(?:(?:rubber\s+|round\s+|handwritten\s+)?stamp(?:ed)?|seal)\s*[:,-]?\s*[\"“«]?"
                    r"(?P<mark>[^\]\)\"”»]+?)[\"”»]?\s*\.?\s*[\])]\s*$", re.I)


# A telegram's classification spelt letter by letter over its text, before the telegram's number
# ("C O N F I D E N T I A L MOSCOW 3712"); ``unspaced`` gives the mark's words.
SPACED = re.compile(r"^(?P<mark>(?:T O P )?S E C R E T|C O N F I D E N T I A L|U N C L A S S I F I E D|"
                    r"L I M I T E D O F F I C I A L U S E)\b")
_SPACED_WORDS = {"TOPSECRET": "TOP SECRET", "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE"}


def unspaced(mark: str) -> str:
    """``C O N F I D E N T I A L`` → ``CONFIDENTIAL``; any other text as it is."""
    if not SPACED.fullmatch(mark):
        return mark
    letters = mark.replace(" ", "")
    return _SPACED_WORDS.get(letters, letters)


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    text: str
    kind: str  # classification | handling


@lru_cache(maxsize=1024)  # the opening, title and header stages ask it of the same lines: half are repeats
def line_kind(line: str) -> str | None:
    """``classification`` or ``handling`` when the whole line is one mark, or marks set apart by
    commas (``SECRET, Copy No. 2``: the first one's kind), else None."""
    for kind, pattern in WHOLE_LINE.items():
        if pattern.match(line):
            return kind
    parts = marks_line(line)
    return parts[0][0] if parts else None


# One mark of a line of marks, with the comma, semicolon or slash after it; or a full stop between marks in
# capitals ("URGENT. TOP SECRET", a Soviet telegram's precedence and grade), never one inside a mark ("Copy No. 2").
_MARK_PIECE = re.compile(r"(?:[^,;/.]|\.(?!\s+[A-Z]{2})|(?<![A-Z]{2})\.)+(?:[,;/]\s*|(?<=[A-Z]{2})\.\s+(?=[A-Z]{2})|\.?$)")


def marks_line(line: str) -> list[tuple[str, str]] | None:
    """``SECRET, Copy No. 2`` → [(classification, ``SECRET,``), (handling, ``Copy No. 2``)]: a
    line of two or more marks and nothing else, each part keeping the comma or slash after it;
    a precedence (``Top Secret / Flash``) counts beside a grade or handling mark, not alone."""
    pieces = _MARK_PIECE.findall(line.strip())
    if len(pieces) < 2:
        return None
    kinds = [_piece_kind(piece.rstrip(",;/ ")) for piece in pieces]
    if any(kind is None for kind in kinds) or all(kind == "precedence" for kind in kinds):
        return None
    return [(kind, piece.strip()) for kind, piece in zip(kinds, pieces) if kind]


def _piece_kind(piece: str) -> str | None:
    kind = next((kind for kind, pattern in WHOLE_LINE.items() if pattern.match(piece)), None)
    return kind or ("precedence" if PRECEDENCE.match(piece.strip()) else None)


def find_marks(line: str) -> list[Mark]:
    """Marks at the start or end of a line that holds something else too (a date, a title)."""
    return list(_marks_in(line))  # a list of its own for each caller


@lru_cache(maxsize=1024)  # the opening, title and header stages ask it of the same lines: half are repeats
def _marks_in(line: str) -> tuple[Mark, ...]:
    """Marks at the start or end of a line that holds something else too (a date, a title).

    A mark shares a line only where it cannot be prose: the rest of the line is a date,
    or the mark is in capitals while the rest is not, or the mark has two or more words
    (``top secret``). ``Secret talks on the frontier`` keeps its first word.
    """
    stamp = _STAMP.match(line)
    if stamp is not None:  # "[Stamp: TOP SECRET]": the mark inside the transcriber's brackets
        kind = line_kind(stamp.group("mark"))
        return (Mark(stamp.start("mark"), stamp.end("mark"), stamp.group("mark"), kind),) if kind else ()
    whole = line_kind(line)
    if whole:
        bare = line.strip().rstrip(".!").strip()
        start = line.index(bare)
        return (Mark(start, start + len(bare), bare, whole),)
    marks: list[Mark] = []
    for kind in ("classification", "handling"):
        for pattern, edge in ((_AT_START[kind], "start"), (_AT_END[kind], "end")):
            found = pattern.search(line)
            if found is None:
                continue
            rest = line[found.end():] if edge == "start" else line[:found.start()]
            if _shares_line(found.group("mark"), rest) and not _overlaps(marks, found.start("mark")):
                marks.append(Mark(found.start("mark"), found.end("mark"), found.group("mark"), kind))
    return tuple(sorted(marks, key=lambda mark: mark.start))


def _overlaps(marks: list[Mark], start: int) -> bool:
    return any(mark.start <= start < mark.end for mark in marks)


def _shares_line(mark: str, rest: str) -> bool:
    rest = rest.strip(" ,.;:–—-")
    if not rest:
        return False
    if _is_date(rest):
        return True
    letters = [c for c in rest if c.isalpha()]
    capitals_apart = mark.upper() == mark and letters and not all(c.isupper() for c in letters)
    return bool(capitals_apart or not _ONE_WORD.match(mark.strip()))


def _is_date(text: str) -> bool:
    found = dates.find_dates(text)
    return bool(found) and sum(len(f.text) for f in found) >= 0.5 * len(text.strip())


def strip_marks(line: str) -> str:
    """The line without the marks ``find_marks`` finds in it (a title printed with its stamp)."""
    kept = line
    for mark in reversed(_marks_in(line)):
        kept = kept[:mark.start] + kept[mark.end:]
    return kept.strip(" ,.;:–—-") if kept != line else line
