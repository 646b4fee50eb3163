"""The shared body reader: paragraph units → the model's divisions, in three passes.

1. ``layout.Layout`` decides what each unit is and where documents begin and end.
2. ``register_people`` registers every reporting subject and titled form of a
   known person, so that all spellings are known before any text is tagged.
3. ``inliner.Inliner`` turns each text into inline nodes; ``assemble`` builds
   the model's blocks from the proto blocks.
"""

from __future__ import annotations

import re

from tei_encoder import model as m
from tei_encoder import speech
from tei_encoder.fields import OpeningLine
from tei_encoder.header import dates, people
from tei_encoder.inliner import Inliner, to_nodes, name_candidates, name_words
from tei_encoder.layout import PDivision, PTurn, plain

# Titles (and initials) standing right before a name: "Generalissimo Stalin", "comrade. Stalin".
# Not "the": "the U.S.A. Stalin" is no form of Stalin's name.
_TITLES_BEFORE = re.compile(rf"(?<![\w'’.-])(?:{speech.TITLE_PREFIX})+(?:[A-Z][a-z]?\.\s?)*$")


def register_people(divisions: list[PDivision], registry: people.Registry) -> None:
    """Pass 2: reporting subjects are speakers; titled forms of known people are their variants.

    Titled forms are found from the names: each printed word of a known name, with the
    titles right before it. Rule 6 ("the Generalissimo") needs them before any text is tagged.
    """
    texts = [plain(text) for division in divisions for text in _texts(division)]
    _register_attendance(texts, registry)
    seen: set[str] = set()  # a surface registered once needs no second call: nothing would change
    for text in texts:
        for subject in speech.reporting_subjects(text):
            if subject not in seen:
                seen.add(subject)
                registry.mention(subject, role="speaker")
    words = name_words(registry)
    seen.clear()
    for text in texts:
        for start, end, _ in name_candidates(text, words):
            titles = _TITLES_BEFORE.search(text, max(0, start - 60), start)
            if titles is None or titles.group().split()[0].lower() == "the":
                continue
            form = text[titles.start():end]
            if form not in seen:
                seen.add(form)
                if registry.resolve(form):
                    registry.mention(form, group="mentioned")


# Named participants who do not speak, as narration introduces them: "I was accompanied by Mr.
# Harrison, with Mr. Hayward as interpreter. On the Russian side Vyshinsky was in attendance".
_ATTENDANCE = (
    ("attendant", re.compile(rf"\b(?:accompanied by|in the presence of|joined by)\s+(?P<name>{speech.NAME})")),
    ("interpreter", re.compile(rf"\bwith\s+(?P<name>{speech.NAME})\s+as\s+(?:an?\s+)?interpreter")),
    ("interpreter", re.compile(rf"(?<![\w'’.])(?P<name>{speech.NAME})\s+(?:interpreted|acted as interpreter)\b")),
    ("attendant", re.compile(rf"(?<![\w'’.])(?P<name>{speech.NAME})\s+was\s+(?:also\s+)?(?:in attendance|present)\b")),
)


def _register_attendance(texts: list[str], registry: people.Registry) -> None:
    for text in texts[:12]:  # the record introduces who is present near its start
        if "interpret" not in text and "attendance" not in text and "present" not in text and \
                "accompanied" not in text and "joined by" not in text:
            continue
        for role, pattern in _ATTENDANCE:
            for match in pattern.finditer(text):
                name = speech.trim_subject(match.group("name"))
                if name:
                    registry.mention(name, role=role)


def _texts(division: PDivision) -> list[str]:
    out = []
    for block in division.blocks:
        if block[0] in ("para", "heading"):
            out.append(block[2])
        elif block[0] == "turn":
            out.extend(text for kind, text in block[1].parts if kind == "para")
    return out


def assemble(divisions: list[PDivision], inliner: Inliner) -> tuple[m.Division, ...]:
    """Model divisions; an attachment is nested at the end of the document before it."""
    out: list[m.Division] = []
    number = 0
    for division in divisions:
        if not division.blocks:
            continue
        if division.kind == "document":
            number += 1
        blocks = tuple(_block(block, inliner) for block in division.blocks)
        made = m.Division(division.kind, str(number) if division.kind == "document" else None, blocks)
        if division.kind == "attachment" and out:
            out[-1] = m.Division(out[-1].kind, out[-1].number, out[-1].blocks + (made,))
        else:
            out.append(made)
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
        salute = inliner.inlines(block[4], reporting=False) if len(block) > 4 else ()
        return m.Closing(inliner.inlines(block[2], reporting=False), source, line, salute)
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
    if item.kind == "salute":
        return m.Salutation(children)
    return m.Field(item.kind, children)


def _dated(text: str, inliner: Inliner) -> tuple[m.Inline, ...]:
    """Inline nodes with dates and times of an opening line made explicit."""
    found = sorted([(item, m.DateText) for item in dates.find_dates(text)]
                   + [(item, m.TimeText) for item in dates.find_times(text)], key=lambda pair: pair[0].start)
    if not found:
        return inliner.inlines(text, reporting=False)
    out: list[m.Inline] = []
    position = 0
    for item, node in found:
        if item.start < position:
            continue
        out.extend(inliner.inlines(text[position:item.start], reporting=False))
        out.append(node(item.text, item.when))
        position = item.end
    out.extend(inliner.inlines(text[position:], reporting=False))
    return to_nodes(list(out))


def _placed(children: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """``Moscow, 3 June 1955``: the words before the comma of a dateline name a place."""
    if len(children) >= 2 and isinstance(children[0], m.Text) and isinstance(children[1], m.DateText):
        place, comma, rest = children[0].text.partition(",")
        if comma and place.strip() and not rest.strip():
            return (m.PlaceText(place), m.Text(comma + rest)) + children[1:]
    return children
