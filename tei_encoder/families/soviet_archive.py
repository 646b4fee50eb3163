"""Selections from Soviet foreign-policy archives (web editions of secret documents).

Recognised by the site's boilerplate (the collection title ``Selected Secret
Documents from Soviet Foreign Policy …``, a navigation line with ``|``,
``Download PDF``) and by archival references in fond/opis/delo form
(``avprf, f.059, op.24 …``, ``Ap rf. F. 45. On. 1 …``). Layout: boilerplate,
then the document's title (possibly over two blocks), date, classification
and handling marks, the body, and the closing apparatus (translator,
signature, archival reference, ``Publ.:``).
"""

from __future__ import annotations

import re

from tei_encoder import model as m
from tei_encoder.config import Config
from tei_encoder.families.base import Family
from tei_encoder.reader import HeaderDraft, Options, read_body
from tei_encoder.markers import FORM_FEED
from tei_encoder.reader.opening import SERIES_NUMBER
from tei_encoder.source import Source

_COLLECTION = re.compile(r"^Selected (?:Secret )?Documents from Soviet", re.I)
_NAVIGATION = re.compile(r"^[^|]{1,40}(?:\|[^|]{1,40}){2,}$")
_DOWNLOAD = re.compile(r"^Download (?:PDF|DOC|Word)\b", re.I)
_SCOPE = re.compile(r"^Concentrated on\b", re.I)
_REFERENCE = re.compile(r"(?<![A-Za-z])(?:f|op|on|d|l|ll)\.\s*\d+", re.I)
_ARCHIVES = re.compile(r"\b(?:avp\s?rf|ap\s?rf|rgaspi|garf|rgae|tsamo|rgvа|rgani|rtskhidni)\b", re.I)
# Each archive's name above holds one of these, case-folded as the case-blind match folds it (no "i": "İ"
# and "ı" match it, and fold otherwise): a line without any, nearly every last line of a record, is not
# scanned; the alternation opening with \b was tried at every position of them.
_ARCHIVE_KEYS = ("rf", "rg", "tsk", "tsam")


def _is_boilerplate(text: str) -> bool:
    return bool(_COLLECTION.match(text) or _NAVIGATION.match(text) or _DOWNLOAD.match(text)
                or _SCOPE.match(text))


def detect(source: Source) -> float:
    head = [line.text for line in source.lines[:40]]
    score = 0.0
    if any(_COLLECTION.match(text) for text in head):
        score += 0.6
    if any("|" in text and _NAVIGATION.match(text) for text in head) or any(_DOWNLOAD.match(text) for text in head):
        score += 0.2
    tail = [line.text for line in source.lines[-15:]]
    if any(len(_REFERENCE.findall(text)) >= 2 or _names_archive(text) for text in tail):
        score += 0.3
    return min(score, 0.95)


def _names_archive(text: str) -> bool:
    folded = text.casefold()
    return any(key in folded for key in _ARCHIVE_KEYS) and _ARCHIVES.search(text) is not None


def read(source: Source, config: Config = Config()) -> m.Document:
    lines = list(source.lines)
    draft = HeaderDraft()
    start = _boilerplate_end(lines)
    end = _footer_start(lines, start)
    for line in lines[:start] + lines[end:]:
        if line.text and line.text != FORM_FEED:
            draft.boilerplate.append(line.text)
            draft.where[f"boilerplate-{len(draft.boilerplate)}"] = (line.number, line.number)
    if draft.boilerplate:
        draft.statements.append(m.Statement("normalization", "08-boilerplate-navigation",
                                            len(draft.boilerplate)))
    body = _without_series_separators(lines[start:end])
    if len(body) < end - start:
        draft.statements.append(m.Statement("normalization", "08-series-separator", end - start - len(body)))
    return read_body(source, "soviet-archive", draft, body,
                     Options(first_unit_is_title=True), config=config)


# A selection of several documents (a series of telegrams) parts them by a line of spaced asterisks over each
# one's number alone on its line ("* * *" / "2." / "Ciphered telegram"): the asterisks part the documents, the
# number (read as the next document's, block_rules/document_start.py) stays. Read as text, the asterisks
# were paragraphs, the body of a "*" note, or the speech of a turn under the signature before them.
_ASTERISM = re.compile(r"^\s*\*(?:\s?\*){2,}\s*$")


def _without_series_separators(lines: list) -> list:
    """The lines but each line of asterisks alone in its block over a document's number alone in its own."""
    kept = []
    for i, line in enumerate(lines):
        if _ASTERISM.match(line.text) and _blank_around(lines, i) and SERIES_NUMBER.match(_next_text(lines, i).strip()):
            continue
        kept.append(line)
    return kept


def _blank_around(lines: list, i: int) -> bool:
    before = lines[i - 1].text.strip() if i > 0 else ""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    return not before and not after


def _next_text(lines: list, i: int) -> str:
    return next((line.text for line in lines[i + 1:] if line.text.strip()), "")


# The PDF's first page line copied over the document ("Page 1 / 3", "Page 1 of 3"), under the site's lines:
# the page's, no title. Before, it was the record's title and head.
_FIRST_PAGE_LINE = re.compile(r"^Page 1\s+(?:of|/)\s+\d{1,3}$", re.I)


def _boilerplate_end(lines) -> int:
    """Everything up to ``Download PDF`` and the first page line under it, or the run of known
    boilerplate lines at the top."""
    download = next((i for i, line in enumerate(lines[:40]) if _DOWNLOAD.match(line.text)), None)
    if download is not None:
        return _past_first_page_line(lines, download + 1)
    end = 0
    for i, line in enumerate(lines[:40]):
        if line.text and not _is_boilerplate(line.text):
            break
        end = i + 1
    return end


def _past_first_page_line(lines, start: int) -> int:
    following = next((i for i in range(start, min(start + 3, len(lines))) if lines[i].text.strip()), None)
    if following is not None and _FIRST_PAGE_LINE.match(lines[following].text.strip()):
        return following + 1
    return start


def _footer_start(lines, start: int) -> int:
    """Where the site's footer begins: a saved page repeats its navigation line (or the collection
    title, ``Download PDF``) under the document, after the archival reference. Only lines of the
    header's kinds count, a navigation line only when the header printed the same one, so that a
    table row at the end (``a | b | c``) stays text."""
    header = {" ".join(line.text.split()) for line in lines[:start]}
    end = len(lines)
    for i in range(len(lines) - 1, start - 1, -1):
        text = lines[i].text
        if not text or text == FORM_FEED:
            continue  # blank lines stay with the body unless a footer line lies below them
        if not _is_footer_line(text, header):
            break
        end = i
    return end


# The site's links between documents, as a saved page prints them under the document: "Home Page | Previous
# | Next", "Back to Index | Next document". Each cell one of them, a line of two cells or more.
_LINK_CELL = re.compile(r"^(?:Home(?: Page)?|Index|Back(?: to (?:Index|Contents|Top))?|Contents|Top|"
                        r"(?:Previous|Next)(?: (?:document|page))?)$", re.I)


def _is_footer_line(text: str, header: set[str]) -> bool:
    if _NAVIGATION.match(text):
        return " ".join(text.split()) in header or _site_links(text)
    return _is_boilerplate(text) or _site_links(text)


def _site_links(text: str) -> bool:
    cells = [" ".join(cell.split()) for cell in text.split("|")]
    return len(cells) >= 2 and all(_LINK_CELL.match(cell) for cell in cells)


FAMILY = Family("soviet-archive", "site boilerplate of the 'Selected Secret Documents from Soviet "
                "Foreign Policy' collection, or fond/opis/delo archival references at the end",
                detect, read)
