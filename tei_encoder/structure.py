"""The shared body reader: paragraph units → divisions of blocks.

Every family hands its body-bound text here as units (a unit is a paragraph
as the source laid it out: a blank-line block, or one line in Word exports).
Three passes, each simple:

1. ``_Layout`` walks the units once and decides what each is: heading,
   opening apparatus, labelled turn, participants list, numbered paragraph,
   list, omission line, page break, closing, source note; and where documents
   begin and end. It registers every person it meets on the way.
2. Every paragraph's people are registered from its reporting clauses, so
   that all spellings of a person are known before any text is tagged.
3. ``Inliner`` turns each text into inline nodes: notes at their anchors,
   the inline rules, names, reported speech, positional stage directions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tei_encoder import model as m
from tei_encoder import speech
from tei_encoder.fields import OpeningLine, classify_opening, is_short, strip_boxes
from tei_encoder.header import dates, people
from tei_encoder.inline import Context, apply_rules
from tei_encoder.inline.base import Segments, merge_text
from tei_encoder.inline.pages import PAGE_JOIN
from tei_encoder.notes import ANCHOR_SENTINEL, CLOSE, OPEN, Notes
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
_SIGNOFF = re.compile(r"(?:^|\s)(?:[A-Z][a-z]?\.\s*){1,3}[A-Z][a-z'’-]+\.?$")
_ARCHIVE_TOKEN = re.compile(
    r"(?<![A-Za-z])(?:f|fond|op|on|opis|d|delo|l|ll|list|p|pap|papka|por|ed\.\s*khr|k|sh)\.?\s*\d",
    re.I)
_PUBLICATION = re.compile(r"^(?:Publ\s*\.?\s*:|Published\s+(?:in|by)\b|Publication\s*:|First published\b)",
                          re.I)
_TRANSLATED = re.compile(r"^Translated(?: from [A-Z]\w+)?(?: into [A-Z]\w+)? by\s+(?P<name>[^.,;]+)")
_LEADING_STAGE = re.compile(r"^(?P<stage>\([^()]{1,60}\))\s*(?P<rest>.*)$", re.S)
_SENTENCE_STAGE = re.compile(r"(?:(?<=[.?!] )|(?<=[.?!][\"”] ))\([^()]{1,80}\)")
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

class _Layout:
    def __init__(self, units: list[Unit], registry: people.Registry, findings: Findings,
                 first_unit_is_title: bool, title: str | None) -> None:
        self.units = units
        self.registry = registry
        self.findings = findings
        self.first_unit_is_title = first_unit_is_title
        self.title_key = _key(title) if title else None
        self.divisions: list[PDivision] = []
        self.joins = 0

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
            bare = _plain(strip_boxes(item.text)).strip(" \u25a1")
            if item.kind == "sender":
                self.registry.mention(bare, role="sender")
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
        if self._is_caps_heading(text):
            if self.div.has_body and self.div.kind == "document":
                self._new_division("document")
            elif self.div.has_body:
                self._add(("para", unit.line, text, None))
                return i + 1
            self._heading(unit.line, text)
            return self._take_opening(i + 1)
        if self.div.kind == "distribution":
            return self._distribution_line(i)
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
        label = speech.match_label(text)
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
        if self._is_signoff(i) and self.div.has_body:
            self._add(("closing", unit.line, text, None))
            name = _SIGNOFF.search(_plain(text)).group().strip().rstrip(".")
            self.registry.mention(name, role="sender")
            return i + 1
        return self._paragraph(i)

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
        if len(text) > 300 or text.endswith((".", ",", ":")):
            return False
        upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
        words = text.split()
        return (3 <= len(words) <= 30 and upper + lower >= 10 and upper >= 0.85 * (upper + lower)
                and speech.match_label(text) is None and not self._is_source_line(text)
                and not text.upper().startswith(("TO ", "FROM ")))

    def _paragraph_text(self, i: int) -> tuple[str, int]:
        """The unit's text, joined with following units when a page split it mid-sentence."""
        text = self.units[i].text
        i += 1
        while i < len(self.units) and not _plain(text).rstrip().endswith(TERMINAL):
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
        quoted = _plain(speech_text).lstrip(" \u25a1").startswith(('"', "“"))
        while i < len(self.units) and self._plain_unit(i):
            if quoted and _quotes_balanced(speech_text):
                break
            page = _PAGE_MARKER_LINE.match(self.units[i].text)
            if page:
                turn.parts.append(("pb", page.group("n")))
                i += 1
                continue
            if not quoted and speech.opens_with_reporting_clause(_plain(self.units[i].text)):
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
                    or self._is_caps_heading(text) or _PARTICIPANTS.match(text)
                    or _CLOSING.match(text) or self._is_source_line(text))

    def _participants(self, i: int, match: re.Match[str]) -> int:
        unit = self.units[i]
        rest = match.group("rest")
        if rest:
            for name in _names_in_list(_plain(rest)):
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
            name = re.split(r",|\s[-–—]\s|\(", _plain(item))[0].strip()
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
        recorder = re.search(r"\(([^()]+)\)\s*\.?$", _plain(text)) or re.search(
            r"\bby\s+((?:[A-Z][\w.'’-]*\s?){1,4})", _plain(text))
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

    def _is_source_line(self, text: str) -> bool:
        if _PUBLICATION.match(text):
            return True
        return len(text) < 250 and len(text.split()) <= 25 and len(_ARCHIVE_TOKEN.findall(text)) >= 2

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
                    self.registry.mention(_plain(name), role="sender")
                parts.append(("archival", reference))
                self._archival(reference)
            i += 1
        if signed and self.div.has_body:
            self._add(("closing", line, signed, parts))
        else:
            self._add(("source", line, parts))
        return i

    def _archival(self, reference: str) -> None:
        first = _ARCHIVE_TOKEN.search(reference)
        prefix = reference[:first.start()].strip(" ,.;") if first else ""
        self.findings.archival.append(reference)
        if prefix and not self.findings.repository:
            self.findings.repository = prefix

    def _translated(self, name: str) -> None:
        name = _plain(name).strip()
        person = self.registry.mention(name, role="translator", group="mentioned")
        if person:
            self.findings.credits.append(m.Credit("translation", person, name))

    def _is_signoff(self, i: int) -> bool:
        """A name (perhaps after its holder's office) on the last lines, before any source note."""
        if not _SIGNOFF.search(_plain(self.units[i].text)) or len(self.units[i].text.split()) > 12:
            return False
        return all(self._is_source_line(u.text) for u in self.units[i + 1:])

    def _distribution_line(self, i: int) -> int:
        unit = self.units[i]
        names = _DISTRIBUTION_NAMES.match(_plain(unit.text))
        if names:
            for name in _names_in_list(names.group("names")):
                self.registry.mention(name, role="addressee", group="mentioned")
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
        if all(t[:1].isupper() or t.rstrip(".").lower() in people.TITLES for t in tokens):
            names.append(chunk)
    return names


def _quotes_balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") <= text.count("”")


def _starts_lower(text: str) -> bool:
    bare = text.lstrip(" \u25a1")
    return bool(bare) and bare[0].islower()


def _plain(text: str) -> str:
    """Text without note sentinels or page-join marks (for matching names and ends)."""
    return ANCHOR_SENTINEL.sub("", text).replace(PAGE_JOIN, " ")


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", _plain(text)).strip().casefold()


# ---------------------------------------------------------------- pass 3: inline nodes

class Inliner:
    """Turns a text into inline nodes: notes, rules, names, reported speech, directions."""

    def __init__(self, registry: people.Registry, notes: Notes, context: Context) -> None:
        self.registry = registry
        self.notes = notes
        self.context = context
        self._cache: dict[str, str | None] = {}
        self._final: dict[str, str] = {}
        self._words: dict[str, frozenset[str]] = {}
        self.surnames = registry.surname_words()  # the registry is complete: no one is added later
        self._candidates = _name_words_pattern(registry)
        self.reported = 0
        self.mentions = 0
        self.positional_stages = 0

    def resolve(self, surface: str) -> str | None:
        """The person's final id (the registry is complete before any text is tagged)."""
        if surface not in self._cache:
            handle = self.registry.resolve(surface)
            self._cache[surface] = self.final_id(handle) if handle else None
        return self._cache[surface]

    def final_id(self, handle: str) -> str:
        if handle not in self._final:
            self._final[handle] = self.registry.final_id(handle)
        return self._final[handle]

    def inlines(self, text: str, *, in_turn: bool = False, reporting: bool = True) -> tuple[m.Inline, ...]:
        segments = self._notes(text)
        segments = apply_rules(segments, self.context)
        if in_turn:
            segments = self._sentence_stages(segments)
        segments = self._mentions(segments)
        if reporting:
            segments = self._reported(segments)
        return _nodes(segments)

    def _notes(self, text: str) -> Segments:
        if OPEN not in text:
            return [text]
        out: Segments = []
        for index, piece in enumerate(ANCHOR_SENTINEL.split(text)):
            if index % 2 == 0:
                out.append(piece)
                continue
            body = self.notes.bodies[int(piece)]
            children = self.inlines(body.text, reporting=False)
            out.append(m.NoteCall(body.mark, body.ident, "foot", children))
        return merge_text(out)

    def _sentence_stages(self, segments: Segments) -> Segments:
        from tei_encoder.inline.base import split_text

        def make(match: re.Match[str]) -> list[m.Direction]:
            self.positional_stages += 1
            return [m.Direction(match.group())]
        return split_text(segments, _SENTENCE_STAGE, make)

    # -- names
    def _mentions(self, segments: Segments) -> Segments:
        out: Segments = []
        for segment in segments:
            if isinstance(segment, str):
                out.extend(self._mentions_in(segment))
            else:
                out.append(segment)
        return merge_text(out)

    def _mentions_in(self, text: str) -> Segments:
        spans: list[tuple[int, int, str]] = []
        for match in self._candidates.finditer(text) if self._candidates else ():
            if not match.group()[0].isupper():
                continue
            start, end = match.span()
            word = match.group()
            if word.endswith(("'s", "’s")):  # the possessive stays outside the name
                end -= 2
                word = word[:-2]
            if word.lower() in people.TITLES or word.lower() in _NOT_NAME_WORDS:
                continue
            if word not in self._cache and self.registry.fold(word) not in self.surnames:
                self._cache[word] = None
                continue
            person = self.resolve(word)
            if person is None:
                continue
            start = self._extend_left(text, start, end, person)
            if spans and start < spans[-1][1]:
                continue
            spans.append((start, end, person))
        for match in _TITLE_ONLY.finditer(text):
            person = self.resolve(match.group())
            if person and not any(s <= match.start("title") < e for s, e, _ in spans):
                spans.append((match.start("title"), match.end("title"), person))
        if not spans:
            return [text]
        spans.sort()
        out: Segments = []
        position = 0
        for start, end, person in spans:
            out.append(text[position:start])
            out.append(m.Mention(person, (m.Text(text[start:end]),)))
            self.mentions += 1
            position = end
        out.append(text[position:])
        return out

    def _extend_left(self, text: str, start: int, end: int, person: str) -> int:
        """Take titles, initials and forenames standing before the surname into the mention."""
        while True:
            # Only the last few characters matter; searching the whole prefix would be quadratic.
            window = max(0, start - 48)
            before = _TOKEN_BEFORE.search(text, window, start)
            if not before:
                return start
            token = before.group("token")
            bare = token.rstrip(".").lower()
            if bare == "the" or (token.endswith(".") and len(bare) > 4):
                return start  # articles stay outside; a long word with a dot ends a sentence
            two_words = _TWO_WORD_BEFORE.search(text, window, start)
            if two_words and two_words.group("title").lower() in people.TITLES:
                start = two_words.start("title")
            elif bare in people.TITLES or _INITIALS.fullmatch(token) or (
                    token[:1].isupper() and token.casefold().strip(",.") in self.words(person)):
                start = before.start("token")
            else:
                return start

    def words(self, person: str) -> frozenset[str]:
        if person not in self._words:
            self._words[person] = self.registry.words(person)
        return self._words[person]

    # -- reported speech
    def _reported(self, segments: Segments) -> Segments:
        out: Segments = []
        i = 0
        while i < len(segments):
            found = self._reporting_tail(segments, i)
            if found is None:
                out.append(segments[i])
                i += 1
                continue
            tail, at = found
            subject = segments[i]
            out.extend(segments[i:at])  # the subject, and a direction already found between
            rest = segments[at]
            assert isinstance(rest, str) and isinstance(subject, m.Mention)
            out.extend(self._clause(rest[:tail.end("verb")], tail))
            after = rest[tail.end("verb"):]
            comp = tail.group("comp")
            if comp is None:
                out.append(after)
                i = at + 1
                continue
            out.append(after[:len(comp)])
            end = self._next_clause(segments, at + 1)
            said, trailing = _strip_trailing_space(merge_text([after[len(comp):]] + segments[at + 1:end]))
            if said:
                direct = _first_text(said).lstrip().startswith(('"', "“"))
                out.append(m.Reported(subject.person or "", direct, _nodes(said)))
                self.reported += 1
            out.extend(trailing)
            i = end
        return merge_text(out)

    def _reporting_tail(self, segments: Segments, i: int) -> tuple[re.Match[str], int] | None:
        """For a resolved name at i: the reporting verb's match and the index of its string."""
        segment = segments[i]
        if not (isinstance(segment, m.Mention) and segment.person):
            return None
        at = i + 1
        if (at + 2 < len(segments) and isinstance(segments[at], str) and not segments[at].strip()
                and isinstance(segments[at + 1], m.Direction)):
            at += 2  # "THOMAS (smiling) thanks": the direction was found by its wording already
        if at >= len(segments) or not isinstance(segments[at], str):
            return None
        tail = speech.REPORTING_TAIL.match(segments[at])
        return (tail, at) if tail else None

    def _clause(self, text: str, tail: re.Match[str]) -> Segments:
        stage = tail.group("stage")
        if stage is None:
            return [text]
        start = text.index("(" + stage + ")")
        self.positional_stages += 1
        end = start + len(stage) + 2
        return [text[:start], m.Direction(text[start:end]), text[end:]]

    def _next_clause(self, segments: Segments, start: int) -> int:
        """The next reporting clause that opens a sentence ends the said before it."""
        for j in range(start, len(segments)):
            if self._reporting_tail(segments, j) and _opens_sentence(segments, j):
                return j
        return len(segments)


# Title words that begin a titled name form; not "the" ("the U.S.A. Stalin" is no form of Stalin's name).
_NAME_TITLES = speech.TITLE_WORDS - {"the"}
_FIRST_WORD = re.compile(r"[A-Za-z]+")
def _name_words_pattern(registry: people.Registry) -> re.Pattern[str] | None:
    """One pattern for every word of everyone's printed names (any case): the candidates to resolve."""
    words = {word.strip(",.’'") for person in registry.persons() for name in person.names
             for word in name.split()}
    words = {w for w in words if len(w) > 1 and w.lower() not in people.TITLES}
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w'’.-])(?:{alternatives})(?:['’]s)?(?![\w-])", re.IGNORECASE)


_TITLED_NAME = re.compile(rf"(?<![\w'’.-])(?:{speech.TITLE_PREFIX})+(?:[A-Z]\.\s?)*[A-Z][\w'’-]+")
_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*")
_TITLE_ONLY = re.compile(
    r"\b(?:the|The)\s+(?P<title>(?:" + "|".join(
        re.escape(t.title()) for t in sorted(people.TITLES, key=lambda t: (-len(t), t))
        if t not in ("the", "mr", "mrs", "ms", "m")) + r")(?:\.[A-Z]\.?)*)(?![\w])")
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.){1,2}")  # "J.", "I.V.", "Ya." — not "U.S.A."
_TOKEN_BEFORE = re.compile(r"(?P<token>[\w.'’-]+)\s+$")
_TWO_WORD_BEFORE = re.compile(r"(?P<title>[A-Za-z]+\.?\s+[A-Za-z]+\.?)\s+$")
_NOT_NAME_WORDS = frozenset("""
the then however but and if when in on at as this that these those he she it they we i you his
her their our my your a an since while although therefore thus for from to with by after before
here there now also both such some many mr mrs
""".split())


_SENTENCE_END = re.compile(r"(?:^|[.!?][\"”’)]?\s+|[,;]\s+)$")


def _opens_sentence(segments: Segments, j: int) -> bool:
    before = segments[j - 1] if j else ""
    return not isinstance(before, str) or bool(_SENTENCE_END.search(before[-8:]))


def _strip_trailing_space(segments: Segments) -> tuple[Segments, Segments]:
    if segments and isinstance(segments[-1], str):
        text = segments[-1]
        stripped = text.rstrip()
        trailing = [text[len(stripped):]] if stripped != text else []
        return merge_text(segments[:-1] + [stripped]), trailing
    return segments, []


def _first_text(segments: Segments) -> str:
    first = segments[0]
    return first if isinstance(first, str) else ""


def _nodes(segments: Segments) -> tuple[m.Inline, ...]:
    return tuple(m.Text(s) if isinstance(s, str) else s for s in merge_text(segments))


# ---------------------------------------------------------------- pass 2 and assembly

def register_people(divisions: list[PDivision], registry: people.Registry) -> None:
    """Pass 2: reporting subjects are speakers; titled forms of known people are their variants."""
    texts = [_plain(text) for division in divisions for text in _texts(division)]
    for text in texts:
        for subject in speech.reporting_subjects(text):
            registry.mention(subject, role="speaker")
    for text in texts:
        lowered = text.lower()
        if not any(title in lowered for title in _NAME_TITLES):
            continue  # most paragraphs name no one with a title: skip the word scan
        end = 0
        for word in _FIRST_WORD.finditer(text):
            if word.start() < end or word.group().lower() not in _NAME_TITLES:
                continue
            match = _TITLED_NAME.match(text, word.start())
            if match:
                end = match.end()
                if registry.resolve(match.group()):
                    registry.mention(match.group(), group="mentioned")


def _texts(division: PDivision) -> list[str]:
    out = []
    for block in division.blocks:
        if block[0] in ("para", "heading"):
            out.append(block[2])
        elif block[0] == "turn":
            out.extend(text for kind, text in block[1].parts if kind == "para")
    return out


def assemble(divisions: list[PDivision], inliner: Inliner) -> tuple[m.Division, ...]:
    out = []
    number = 0
    for division in divisions:
        if not division.blocks:
            continue
        if division.kind == "document":
            number += 1
        blocks = tuple(_block(block, inliner) for block in division.blocks)
        out.append(m.Division(division.kind, str(number) if division.kind == "document" else None,
                              blocks))
    return tuple(out)


def _block(block: tuple, inliner: Inliner) -> m.Block:
    kind, line = block[0], (block[1] if block[0] != "turn" else block[1].line)
    if kind == "heading":
        return m.Heading(inliner.inlines(block[2], reporting=False), line)
    if kind == "opening":
        return m.Opening(_opening_lines(block[2], inliner), line)
    if kind == "para":
        return m.Paragraph(inliner.inlines(block[2]), block[3], line)
    if kind == "omission":
        return m.OmissionBlock(block[2], line)
    if kind == "pb":
        if len(block) > 4:  # "[Page 2]" alone on its line: the marker is declared notation
            inliner.context.count("page-markers")
        return m.PageBreakBlock(m.PageBreak(number=block[2], printed=block[3]), line)
    if kind == "list":
        items = tuple(m.ListItem(label, inliner.inlines(text, reporting=False)) for label, text in block[4])
        head = inliner.inlines(block[3], reporting=False) if block[3] else ()
        return m.ItemList(items, block[2], head, line)
    if kind == "closing":
        source = _source_note(block[3], line, inliner) if block[3] else None
        return m.Closing(inliner.inlines(block[2], reporting=False), source, line)
    if kind == "source":
        return _source_note(block[2], line, inliner)
    if kind == "turn":
        return _turn(block[1], inliner)
    raise ValueError(f"unknown block kind {kind}")


def _turn(turn: PTurn, inliner: Inliner) -> m.Turn:
    lead = inliner.inlines(turn.lead, reporting=False) if turn.lead.strip() else ()
    parts: list[m.Paragraph | m.Direction | m.PageBreak] = []
    for kind, text in turn.parts:
        if kind == "stage":
            parts.append(m.Direction(text))
            inliner.positional_stages += 1
        elif kind == "pb":
            parts.append(m.PageBreak(number=text))
            inliner.context.count("page-markers")
        else:
            parts.append(m.Paragraph(inliner.inlines(text, in_turn=True, reporting=False)))
    return m.Turn(inliner.final_id(turn.who), turn.label, lead, tuple(parts), turn.line)


def _source_note(parts: list[tuple[str, str]], line: int, inliner: Inliner) -> m.SourceNote:
    children: list[m.Inline] = []
    for index, (kind, text) in enumerate(parts):
        if index:
            children.append(m.LineBreak())
        children.append(m.PublicationReference(text) if kind == "publication"
                        else m.ArchivalReference(text))
    return m.SourceNote(tuple(children), line)


def _opening_lines(items: list[OpeningLine], inliner: Inliner) -> tuple[m.Field | m.Dateline, ...]:
    """One field per source line, except that continuation lines join their field with a line break."""
    out: list[m.Field | m.Dateline] = []
    for item in items:
        line = _opening_line(item, inliner)
        if item.continues and out and isinstance(out[-1], m.Field) and isinstance(line, m.Field):
            out[-1] = m.Field(out[-1].kind, out[-1].children + (m.LineBreak(),) + line.children)
        else:
            out.append(line)
    return tuple(out)


def _opening_line(item: OpeningLine, inliner: Inliner) -> m.Field | m.Dateline:
    children = _dated(item.text, inliner) if item.kind in (
        "despatched", "received", "dateline", None) else inliner.inlines(item.text, reporting=False)
    if item.kind == "dateline":
        return m.Dateline(_placed(children))
    return m.Field(item.kind, children)


def _dated(text: str, inliner: Inliner) -> tuple[m.Inline, ...]:
    """Inline nodes with dates and times of an opening line made explicit."""
    found = sorted(dates.find_dates(text) + dates.find_times(text), key=lambda f: f.start)
    if not found:
        return inliner.inlines(text, reporting=False)
    out: list[m.Inline] = []
    position = 0
    for item in found:
        if item.start < position:
            continue
        out.extend(inliner.inlines(text[position:item.start], reporting=False))
        is_time = item in dates.find_times(text)
        out.append(m.TimeText(item.text, item.when) if is_time else m.DateText(item.text, item.when))
        position = item.end
    out.extend(inliner.inlines(text[position:], reporting=False))
    return _nodes(list(out))


def _placed(children: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """``Moscow, 3 June 1955``: the words before the comma of a dateline name a place."""
    if len(children) >= 2 and isinstance(children[0], m.Text) and isinstance(children[1], m.DateText):
        place, comma, rest = children[0].text.partition(",")
        if comma and place.strip() and not rest.strip():
            return (m.PlaceText(place), m.Text(comma + rest)) + children[1:]
    return children
