"""Pass 1 of the body reader: paragraph units → divisions of proto blocks.

Every family hands its body-bound text to ``Layout`` as units (a unit is a
paragraph as the source laid it out: a blank-line block, or one line in Word
exports). Layout walks them once and decides what each is — heading, opening
apparatus, labelled turn, participants list, numbered paragraph, list,
omission line, page break, closing, source note — and where documents begin
and end, registering every person it meets on the way. Blocks are still text
here; ``inliner`` turns the text into nodes and ``structure`` assembles the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tei_encoder import model as m
from tei_encoder import speech
from tei_encoder.fields import OpeningLine, classify_opening, is_short, strip_boxes
from tei_encoder.header import archive, people
from tei_encoder.inline.pages import PAGE_JOIN
from tei_encoder.notes import ANCHOR_SENTINEL
from tei_encoder.source import FORM_FEED

TERMINAL = tuple('.!?:;…"”’)]')
_OMISSION_LINE = re.compile(r"^(?:(?:\.\s*){3,}|…+|\[\s*(?:…|(?:\.\s*){3,})\s*\])$")
_BOX_ONLY = re.compile("^[\u25a1 ]+$")
_PAGE_MARKER_LINE = re.compile(r"^\[(?:Page|p\.|pg\.?)\s*(?P<n>[\dIVXLCivxlc]+)\]$", re.I)
_PAGE_NUMBER_LINE = re.compile(r"^[-–—]?\s*\d{1,4}\s*[-–—]?$")
_PARTICIPANTS = re.compile(
    r"^(?P<head>(?:Attendants|Present|Participants|Also present|Those present|Attending|"
    r"Persons present|Taking part|Present at the conversation)\s*:)\s*(?P<rest>.*)$", re.I)
_NUMBERED = re.compile(r"^(?P<lead>[\u25a1 ]*)(?P<n>\d{1,3})\.\s+\S")
_ITEM = re.compile(r"^(?P<label>\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|[a-z]\))\s+(?P<text>\S.*)$")
_CLOSING = re.compile(r"^(?:Recorded by|Record made by|Record taken by|Signed|Signature|Drafted by|"
                      r"Written by|Prepared by|Compiled by|(?:Minutes|Notes) taken by)\b", re.I)
_ATTACHMENT = re.compile(r"^(?:Attachment|Enclosure|Annex|Appendix|Supplement|Attached)"
                         r"(?:\s+(?:No\.?\s*)?[\dIVX]+)?\s*[:.]?(?:\s+\S.{0,80})?$", re.I)
_FULL_STOP_LABEL = re.compile(r"^(?P<lead>[\u25a1 ]*)(?P<label>Q|A|Question|Answer|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                              r"\.\s+(?P<rest>\S.*)$", re.S)
_GREETING = re.compile(r"^(?:(?:My )?Dear|Dearest)\s+[^,.;:]{1,60},$", re.I)
_VALEDICTION = re.compile(r"^(?:Yours(?: (?:ever|sincerely|faithfully|truly|respectfully))?|"
                         r"(?:Very )?(?:Sincerely|Faithfully|Respectfully|Truly) yours|With (?:best|kind) "
                         r"(?:wishes|regards)|Kind regards|Best regards)[,.]?$", re.I)
_SIGNOFF = re.compile(r"(?:^|\s)(?:[A-Z][a-z]?\.\s*){1,3}[A-Z][a-z'’-]+\.?$")
_ARCHIVE_TOKEN = re.compile(
    r"(?<![A-Za-z])(?:f|fond|op|on|opis|d|delo|l|ll|list|p|pap|papka|por|ed\.\s*khr|k|sh)\.?\s*\d",
    re.I)
_PUBLICATION = archive.PUBLICATION  # header/archive.py: "Publ.:", "Published in", "Reprinted in" …
_TRANSLATED = re.compile(r"^Translated(?: from [A-Z]\w+)?(?: into [A-Z]\w+)? by\s+(?P<name>[^.,;]+)")
_LEADING_STAGE = re.compile(r"^(?P<stage>\([^()]{1,60}\))\s*(?P<rest>.*)$", re.S)
_NAME_LIST_SPLIT = re.compile(r",\s*|\s+and\s+|;\s*")
_DISTRIBUTION_NAMES = re.compile(r"^[A-Z][\w ]+?\s[-–]\s(?P<names>.+)$")
_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]")
_LOWER = re.compile(r"[a-zß-öø-ÿā-ž]")


# ---------------------------------------------------------------- proto blocks

@dataclass(slots=True)
class Unit:
    """A paragraph as the source laid it out; ``text`` joins its soft-wrapped lines."""

    line: int
    lines: list[str]
    text: str = ""

    def __post_init__(self) -> None:
        if not self.text:
            self.text = join_lines(self.lines)


def join_lines(lines: list[str], counts: dict[str, int] | None = None) -> str:
    """Soft wraps are joined with one space; after a line-end ``-`` before lower case, with none."""
    text = lines[0] if lines else ""
    for line in lines[1:]:
        hyphen = text.endswith("-") and line[:1].islower()
        text += line if hyphen else " " + line
        if counts is not None:
            key = "hyphen-joins" if hyphen else "soft-wraps"
            counts[key] = counts.get(key, 0) + 1
    return text


@dataclass(slots=True)
class PTurn:
    line: int
    lead: str
    label: str
    who: str
    parts: list[tuple[str, str]]  # ("stage" | "para" | "pb", text or page number)


@dataclass(slots=True)
class PDivision:
    kind: str
    blocks: list[tuple] = field(default_factory=list)
    has_body: bool = False
    closed: bool = False  # a closing was added: only source notes and page breaks may follow


@dataclass(slots=True)
class Findings:
    """What the body tells the header."""

    headings: list[str] = field(default_factory=list)
    opening: list[OpeningLine] = field(default_factory=list)
    credits: list[m.Credit] = field(default_factory=list)
    archival: list[str] = field(default_factory=list)
    publication: str | None = None
    repository: str | None = None
    statements: list[m.Statement] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- pass 1: layout

class Layout:
    def __init__(self, units: list[Unit], registry: people.Registry, findings: Findings,
                 first_unit_is_title: bool, title: str | None) -> None:
        self.units = units
        self.registry = registry
        self.findings = findings
        self.first_unit_is_title = first_unit_is_title
        self.title_key = _key(title) if title else None
        self.divisions: list[PDivision] = []
        self.joins = 0
        self.speakers: set[str] = set()  # handles of everyone who has a labelled turn so far

    @property
    def div(self) -> PDivision:
        return self.divisions[-1]

    def run(self) -> list[PDivision]:
        self._new_division("document")
        i = self._take_headings(0)
        i = self._take_opening(i)
        while i < len(self.units):
            i = self._step(i)
        return self.divisions

    def _new_division(self, kind: str) -> None:
        self.divisions.append(PDivision(kind))

    def _add(self, block: tuple, body: bool = True) -> None:
        if self.div.closed and block[0] not in ("source", "pb"):
            self._new_division("distribution")  # what follows a closing is the distribution matter
        self.div.blocks.append(block)
        self.div.has_body |= body
        self.div.closed |= block[0] == "closing"

    # -- the start of a document
    def _take_headings(self, i: int) -> int:
        if i >= len(self.units):
            return i
        unit = self.units[i]
        if unit.text == FORM_FEED:
            return i
        is_title = (self.title_key and _key(unit.text) == self.title_key) or (
            self.first_unit_is_title and len(unit.text.split()) <= 40 and not unit.text.endswith("."))
        if not is_title:
            return i
        text = unit.text
        i += 1
        while (i < len(self.units) and not text.endswith(TERMINAL) and _starts_lower(self.units[i].text)
               and len(self.units[i].text.split()) <= 40):
            text += " " + self.units[i].text  # a title broken over two blocks is one heading
            self.joins += 1
            i += 1
        self._heading(unit.line, text)
        return i

    def _heading(self, line: int, text: str) -> None:
        self._add(("heading", line, text), body=False)
        self.findings.headings.append(text)

    def _take_opening(self, i: int) -> int:
        lines: list[tuple[int, int, str]] = []  # (unit index, line index, text)
        j = i
        while j < len(self.units) and len(lines) < 60:
            unit = self.units[j]
            if unit.text == FORM_FEED or not all(is_short(line) for line in unit.lines):
                break
            lines.extend((j, k, line) for k, line in enumerate(unit.lines))
            j += 1
        opening, taken = classify_opening([text for _, _, text in lines])
        if not taken:
            return i
        self._add(("opening", self.units[i].line, opening), body=False)
        self.findings.opening.extend(opening)
        self._register_opening(opening)
        last_unit, last_line, _ = lines[taken - 1]
        # The opening keeps its lines apart: the joins counted for these blocks did not happen.
        self.joins -= sum(len(self.units[j].lines) - 1 for j in range(i, last_unit + 1))
        rest = self.units[last_unit].lines[last_line + 1:]
        if rest:  # the opening ended inside a block: the block's other lines are body
            self.units[last_unit] = Unit(self.units[last_unit].line, rest)
            return last_unit
        return last_unit + 1

    def _register_opening(self, opening: list[OpeningLine]) -> None:
        for item in opening:
            bare = plain(strip_boxes(item.text)).strip(" \u25a1")
            if item.kind == "sender":
                self.registry.mention(re.sub(r"^From\s*:\s*", "", bare, flags=re.I), role="sender")
            elif item.kind == "addressee":
                for name in _names_in_list(_after_addressee_verb(bare)):
                    self.registry.mention(name, role="addressee", group="mentioned")

    # -- the body, one unit at a time
    def _step(self, i: int) -> int:
        unit = self.units[i]
        text = unit.text
        if text == FORM_FEED:
            return self._page_break(i)
        if _OMISSION_LINE.match(text):
            self._add(("omission", unit.line, text), body=False)
            return i + 1
        page = _PAGE_MARKER_LINE.match(text)
        if page:
            self._add(("pb", unit.line, page.group("n"), None, text), body=False)
            return i + 1
        if _ATTACHMENT.match(text) and self.div.kind in ("document", "attachment") and self.div.has_body:
            self._new_division("attachment")  # an enclosed text: nested in its document
            self._heading(unit.line, text)
            return i + 1
        if self._is_caps_heading(text):
            if self.div.has_body and self.div.kind in ("document", "attachment"):
                self._new_division("document")
            elif self.div.has_body:
                self._add(("para", unit.line, text, None))
                return i + 1
            self._heading(unit.line, text)
            return self._take_opening(i + 1)
        if self.div.kind == "distribution":
            return self._distribution_line(i)
        if _GREETING.match(text) and not self.div.has_body:
            return self._greeting(i)
        participants = _PARTICIPANTS.match(text)
        if participants:
            return self._participants(i, participants)
        if (_CLOSING.match(text) or "[signature]" in text.lower()) and self.div.has_body:
            return self._closing(i)  # a closing needs body text before it in its document
        if self._is_source_line(text):
            return self._source(i)
        translated = _TRANSLATED.match(text)
        if translated:
            self._translated(translated.group("name"))
        label = speech.match_label(text) or self._full_stop_label(text)
        if label and len(unit.lines) > 1 and not label[2]:  # "Name:" alone on its first line
            label = (label[0], label[1], " ".join(unit.lines[1:]))
        if label:
            turn = self._turn(i, label)
            if turn is not None:
                return turn
        if _ITEM.match(strip_boxes(text)) and self._item_run(i) >= 2 and len(unit.lines) == 1:
            return self._item_list(i)
        items_from = _items_from(unit.lines)
        if items_from is not None:
            if items_from:  # "… the following forms:" then one item a line
                intro = Unit(unit.line, unit.lines[:items_from])
                self._add(("para", unit.line, intro.text, _number(intro.text)))
            self._add(("list", unit.line, None, None, [_item(line) for line in unit.lines[items_from:]]))
            return i + 1
        if self.div.has_body and _VALEDICTION.match(unit.lines[0]) and (
                len(unit.lines) == 2 or (len(unit.lines) == 1 and i + 1 < len(self.units))):
            return self._valediction(i)
        if self._is_signoff(i) and self.div.has_body:
            self._add(("closing", unit.line, text, None))
            name = _SIGNOFF.search(plain(text)).group().strip().rstrip(".")
            self.registry.mention(name, role="sender")
            return i + 1
        return self._paragraph(i)

    def _full_stop_label(self, text: str) -> tuple[str, str, str] | None:
        """``Q. Where …`` / ``Kelly. Yes …``: a label with a full stop, only for a role label or a
        person who already speaks in this record (ENCODING.md 3: ``Cripps.`` alone is no label)."""
        match = _FULL_STOP_LABEL.match(text)
        if not match:
            return None
        name = match.group("label")
        known = name.lower() in people.ROLE_LABELS or (
            (person := self.registry.resolve(name)) is not None and person in self.speakers)
        return (match.group("lead"), name + ".", match.group("rest")) if known else None

    def _page_break(self, i: int) -> int:
        line = self.units[i].line
        following = self.units[i + 1].text if i + 1 < len(self.units) else ""
        if _PAGE_NUMBER_LINE.match(following):
            number = re.sub(r"\D", "", following)
            self._add(("pb", line, number, following), body=False)
            return i + 2
        self._add(("pb", line, None, None), body=False)
        return i + 1

    def _is_caps_heading(self, text: str) -> bool:
        if len(text) > 300 or text.endswith((".", ",", ":")) or text.startswith("["):
            return False  # "[END OF TAPE 1, SIDE A]" is a transcriber's note, not a title
        upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
        words = text.split()
        return (3 <= len(words) <= 30 and upper + lower >= 10 and upper >= 0.85 * (upper + lower)
                and speech.match_label(text) is None and not self._is_source_line(text)
                and not text.upper().startswith(("TO ", "FROM ")))

    def _paragraph_text(self, i: int) -> tuple[str, int]:
        """The unit's text, joined with following units when a page split it mid-sentence."""
        text = self.units[i].text
        i += 1
        while i < len(self.units) and not plain(text).rstrip().endswith(TERMINAL):
            if _starts_lower(self.units[i].text):
                text += PAGE_JOIN + self.units[i].text
                i += 1
            elif (i + 1 < len(self.units) and _BOX_ONLY.match(self.units[i].text)
                  and _starts_lower(self.units[i + 1].text)):
                # "attempt to" / "□" / "□□discuss": the lost line sits at the break
                text += PAGE_JOIN + self.units[i].text + " " + self.units[i + 1].text
                i += 2
            else:
                break
        return text, i

    def _paragraph(self, i: int) -> int:
        line = self.units[i].line
        text, i = self._paragraph_text(i)
        numbered = _NUMBERED.match(text)
        self._add(("para", line, text, numbered.group("n") if numbered else None))
        self.findings.paragraphs.append(text)
        return i

    def _turn(self, i: int, label: tuple[str, str, str]) -> int | None:
        lead, printed, rest = label
        who = self.registry.mention(printed[:-1], role="speaker")
        if who is None:
            return None
        self.speakers.add(who)
        turn = PTurn(self.units[i].line, lead, printed, who, [])
        stage = _LEADING_STAGE.match(rest)
        if stage:
            turn.parts.append(("stage", stage.group("stage")))
            rest = stage.group("rest")
        if rest:
            self.units[i] = Unit(self.units[i].line, [rest], rest)
            text, i = self._paragraph_text(i)
            turn.parts.append(("para", text))
        else:
            i += 1
            if i < len(self.units) and self._plain_unit(i):
                text, i = self._paragraph_text(i)
                turn.parts.append(("para", text))
        speech_text = " ".join(text for kind, text in turn.parts if kind == "para")
        quoted = plain(speech_text).lstrip(" \u25a1").startswith(('"', "“"))
        while i < len(self.units) and self._plain_unit(i):
            if quoted and _quotes_balanced(speech_text):
                break
            page = _PAGE_MARKER_LINE.match(self.units[i].text)
            if page:
                turn.parts.append(("pb", page.group("n")))
                i += 1
                continue
            if not quoted and speech.opens_with_reporting_clause(plain(self.units[i].text)):
                break  # "VYSHINSKY asks whether …" is the record's narration, not this turn
            text, i = self._paragraph_text(i)
            turn.parts.append(("para", text))
            speech_text += " " + text
        self._add(("turn", turn))
        return i

    def _plain_unit(self, i: int) -> bool:
        """A unit that can continue a turn: no label, heading, apparatus or break."""
        text = self.units[i].text
        return not (text == FORM_FEED or _OMISSION_LINE.match(text) or speech.match_label(text)
                    or self._full_stop_label(text)
                    or self._is_caps_heading(text) or _PARTICIPANTS.match(text)
                    or _CLOSING.match(text) or self._is_source_line(text))

    def _participants(self, i: int, match: re.Match[str]) -> int:
        unit = self.units[i]
        rest = match.group("rest")
        if rest:
            for name in _names_in_list(plain(rest)):
                self.registry.mention(name, role="attendant")
            self._add(("para", unit.line, unit.text, None))
            return i + 1
        items = list(unit.lines[1:])
        i += 1
        while i < len(self.units) and self._is_name_line(i):
            items.extend(self.units[i].lines)
            i += 1
        if not items:  # a heading with no names under it is only a paragraph
            self._add(("para", unit.line, unit.text, None))
            return i
        for item in items:
            name = re.split(r",|\s[-–—]\s|\(", plain(item))[0].strip()
            self.registry.mention(name, role="attendant")
        self._add(("list", unit.line, "participants", match.group("head"),
                   [(None, item) for item in items]))
        return i

    def _is_name_line(self, i: int) -> bool:
        """A line of a participants list: a short line naming someone, nothing else."""
        unit = self.units[i]
        text = unit.text
        return (len(unit.lines) == 1 and 1 <= len(text.split()) <= 10 and text != FORM_FEED
                and not text.endswith((":", ";")) and any(c.isupper() for c in text)
                and not _PAGE_NUMBER_LINE.match(text) and not _OMISSION_LINE.match(text)
                and speech.match_label(text) is None and not self._is_caps_heading(text))

    def _item_run(self, i: int) -> int:
        n = 0
        while i + n < len(self.units) and _ITEM.match(strip_boxes(self.units[i + n].text)):
            n += 1
        return n

    def _item_list(self, i: int) -> int:
        line = self.units[i].line
        items = []
        while i < len(self.units) and _ITEM.match(strip_boxes(self.units[i].text)):
            items.append(_item(self.units[i].text))
            i += 1
        self._add(("list", line, None, None, items))
        return i

    def _closing(self, i: int) -> int:
        unit = self.units[i]
        text = unit.text
        recorder = re.search(r"\(([^()]+)\)\s*\.?$", plain(text)) or re.search(
            r"\bby\s+((?:[A-Z][\w.'’-]*\s?){1,4})", plain(text))
        if recorder:
            self.registry.mention(recorder.group(1).strip().rstrip("."), role="recorder")
        self._add(("closing", unit.line, text, None))
        i += 1
        if i < len(self.units) and not self._is_source_line(self.units[i].text):
            self._new_division("distribution")
            first = self.units[i].text
            if len(first.split()) <= 4 and first.upper() == first and _CAPS_WORD.search(first):
                self._heading(self.units[i].line, first)
                i += 1
        return i

    def _greeting(self, i: int) -> int:
        """``Dear Oliver,`` before any body text: the salute that ends a letter's opening."""
        line = OpeningLine("salute", self.units[i].text)
        opening = next((block for block in self.div.blocks if block[0] == "opening"), None)
        if opening is not None:
            opening[2].append(line)
        else:
            self._add(("opening", self.units[i].line, [line]), body=False)
        return i + 1

    def _valediction(self, i: int) -> int:
        """``Yours ever,`` and the name under it close a letter; what follows is the letter's tail."""
        unit = self.units[i]
        together = len(unit.lines) == 2  # "Yours ever," / "Frank Roberts" in one block
        salute = unit.lines[0] if together else unit.text
        signature = unit.lines[1] if together else self.units[i + 1].text
        if len(signature.split()) > 8 or signature.endswith("."):
            return self._paragraph(i)
        self.registry.mention(plain(signature), role="sender")
        self._add(("closing", unit.line, signature, None, salute))
        return i + 1 if together else i + 2

    def _is_source_line(self, text: str) -> bool:
        if _PUBLICATION.match(text):
            return True
        return archive.is_reference(text)  # header/archive.py (also "RG 84, Lot 62 D 12, Box 3")

    def _source(self, i: int) -> int:
        line = self.units[i].line
        parts: list[tuple[str, str]] = []
        signed = None
        while i < len(self.units) and self._is_source_line(self.units[i].text):
            text = self.units[i].text
            if _PUBLICATION.match(text):
                parts.append(("publication", text))
                self.findings.publication = _PUBLICATION.sub("", text).strip()
            else:
                name, reference = _split_signature(text) if self.div.has_body else (None, text)
                if name:
                    signed = name
                    self.registry.mention(plain(name), role="sender")
                parts.append(("archival", reference))
                self._archival(reference)
            i += 1
        if signed and self.div.has_body:
            self._add(("closing", line, signed, parts))
        else:
            self._add(("source", line, parts), body=False)  # a note: not the text a closing needs
        return i

    def _archival(self, reference: str) -> None:
        found = archive.split(plain(reference))  # the header gets repository + idno, apart
        prefix = found.repository if found and found.repository else ""
        self.findings.archival.append(found.idno if found else reference)
        if prefix and not self.findings.repository:
            self.findings.repository = prefix

    def _translated(self, name: str) -> None:
        name = plain(name).strip()
        person = self.registry.mention(name, role="translator", group="mentioned")
        if person:
            self.findings.credits.append(m.Credit("translation", person, name))

    def _is_signoff(self, i: int) -> bool:
        """A name (perhaps after its holder's office) on the last lines, before any source note."""
        if not _SIGNOFF.search(plain(self.units[i].text)) or len(self.units[i].text.split()) > 12:
            return False
        return all(self._is_source_line(u.text) for u in self.units[i + 1:])

    def _distribution_line(self, i: int) -> int:
        unit = self.units[i]
        names = _DISTRIBUTION_NAMES.match(plain(unit.text))
        if names:
            for name in _names_in_list(names.group("names")):
                self.registry.mention(name, role="recipient", group="mentioned")
        return self._paragraph(i)


def _items_from(lines: list[str]) -> int | None:
    """Where a block's run of one-item lines ((a) …, (b) …) begins, if its other lines lead into it."""
    if len(lines) < 2:
        return None
    start = len(lines)
    while start > 0 and _ITEM.match(lines[start - 1]):
        start -= 1
    if len(lines) - start < 2 or (start and not lines[start - 1].rstrip().endswith(":")):
        return None
    return start


def _number(text: str) -> str | None:
    numbered = _NUMBERED.match(text)
    return numbered.group("n") if numbered else None


def _item(text: str) -> tuple[str | None, str]:
    match = _ITEM.match(strip_boxes(text))
    return (match.group("label"), match.group("text")) if match else (None, text)


def _split_signature(text: str) -> tuple[str | None, str]:
    """``I. Maisky avprf, f.059 …`` → (``I. Maisky``, ``avprf, f.059 …``)."""
    match = re.match(r"^(?P<name>(?:[A-Z]\.\s*){1,3}[A-Z][a-z'’-]+)\s+(?P<ref>\S.*)$", text)
    if match and _ARCHIVE_TOKEN.search(match.group("ref")):
        return match.group("name"), match.group("ref")
    return None, text


def _after_addressee_verb(text: str) -> str:
    text = re.sub(r"^(?:To|TO|Sent to|Copy to|Copies to|Addressed to)\s+", "", text)
    if ":" in text:
        text = text.rsplit(":", 1)[1]
    return re.sub(r"^(?:Comrades|comrades|Messrs\.?|Members|members)\s+", "", text.strip())


def _names_in_list(text: str) -> list[str]:
    names = []
    for chunk in _NAME_LIST_SPLIT.split(text):
        chunk = re.sub(r"\s*\([^()]*\)", "", chunk).strip(" .;:")
        tokens = chunk.split()
        if not tokens or len(tokens) > 5:
            continue
        if tokens[-1].strip(".,").casefold() in speech.NOT_PEOPLE:
            continue  # "To London, Maisky": a place, not a person
        if all(t[:1].isupper() or t.rstrip(".").lower() in people.TITLES for t in tokens):
            names.append(chunk)
    return names


def _quotes_balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") <= text.count("”")


def _starts_lower(text: str) -> bool:
    bare = text.lstrip(" \u25a1")
    return bool(bare) and bare[0].islower()


def plain(text: str) -> str:
    """Text without note sentinels or page-join marks (for matching names and ends)."""
    return ANCHOR_SENTINEL.sub("", text).replace(PAGE_JOIN, " ")


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", plain(text)).strip().casefold()
