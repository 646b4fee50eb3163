"""The build stage: divisions of typed blocks → the model's divisions, text → inline nodes.

Runs after every person is registered (``persons.py``), so the inliner's ids are final.
One ``match`` case per block type of ``blocks.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tei_encoder import model as m
from tei_encoder.header import dates, teletype
from tei_encoder.inline import boxes, paper_mark_spans
from tei_encoder.markers import NOTE_MARKER, NOTE_OPEN
from tei_encoder.reader import blocks as b
from tei_encoder.reader.inliner import Inliner, to_nodes
from tei_encoder.reader.opening import LABELLED_FIELD, PAPER_MARK, PLACE_LABEL, OpeningLine, date_then_place


def build_divisions(divisions: list[b.DivisionDraft], inliner: Inliner) -> tuple[m.Division, ...]:
    """Model divisions; an attachment is nested at the end of the document before it, a section
    at the end of its document (or attachment), its closing matter after it."""
    out: list[m.Division] = []
    number = 0
    for division in divisions:
        if not division.blocks:
            continue
        if division.kind == "document" or (division.kind == "entry" and not out):
            number += 1  # a diary's first entry opens its document (block_rules/diary_entry.py)
        if division.kind == "entry" and not out:
            out.append(m.Division("document", str(number), ()))
        built = tuple(_block(block, inliner) for block in division.blocks)
        if division.kind == "distribution":
            built = _without_closings(built)
        if division.kind in ("section", "entry") and out:
            body, closing = _closing_matter(built)
            out[-1] = _nested(out[-1], (m.Division(division.kind, division.number, body),) + closing)
            continue
        made = m.Division(division.kind, str(number) if division.kind == "document" else None, built)
        if division.kind == "attachment" and out:
            out[-1] = m.Division(out[-1].kind, out[-1].number, _with_enclosure(out[-1].blocks, made))
        else:
            out.append(made)
    return tuple(out)


_CLOSING_MATTER = (m.Closing, m.SourceNote, m.Postscript, m.PageBreakBlock)


def _with_enclosure(blocks: tuple[m.Block, ...], enclosure: m.Division) -> tuple[m.Block, ...]:
    """The enclosed text nested at the end of its cover. A cover signed and dated over its enclosure
    (``M. Litvinov`` / ``26.VIII.35`` / ``Enclosure``) ends with its closer, and nothing may follow a
    closer in its division but closing matter: the cover's own text becomes a division of its own
    (``div type="cover"``) before the enclosure's, so that the source's order is kept. So with a postscript
    and no closer read (a signature the OCR garbled): nothing but closing matter may follow it either."""
    start = len(blocks)
    while start and isinstance(blocks[start - 1], _CLOSING_MATTER):
        start -= 1
    if not any(isinstance(block, (m.Closing, m.Postscript)) for block in blocks[start:]):
        return blocks + (enclosure,)
    return (m.Division("cover", None, blocks), enclosure)


def _without_closings(blocks: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
    """A second closing in the distribution matter (a signature after the first closing's lines) is a
    paragraph of its lines: nothing may follow a closer but closing matter, and a closer is none. The
    place and date written at the foot, after the copies list, stays the dateline it is."""
    out: list[m.Block] = []
    for at, block in enumerate(blocks):
        if not isinstance(block, m.Closing) or _foot_dateline(block, blocks[at + 1:]):
            out.append(block)
            continue
        parts = [part for part in (block.salute, block.signed, *(line.children for line in block.more)) if part]
        children: list[m.Inline] = []
        for part in parts:
            children.extend(((m.LineBreak(),) if children else ()) + tuple(part))
        if children:
            out.append(m.Paragraph(tuple(children), None, block.line, block.ident))
        if block.source:
            out.append(block.source)
    return tuple(out)


def _foot_dateline(closing: m.Closing, after: tuple[m.Block, ...]) -> bool:
    return (not closing.signed and not closing.salute and all(line.kind == "dateline" for line in closing.more)
            and all(isinstance(block, (m.SourceNote, m.PageBreakBlock)) for block in after))


def _closing_matter(blocks: tuple[m.Block, ...]) -> tuple[tuple[m.Block, ...], tuple[m.Block, ...]]:
    """A section's blocks and the closing matter at its end (a closing, source notes): that closes
    the document, not the section."""
    start = len(blocks)
    while start > 1 and isinstance(blocks[start - 1], _CLOSING_MATTER):
        start -= 1
    if not any(isinstance(block, (m.Closing, m.SourceNote)) for block in blocks[start:]):
        return blocks, ()
    return blocks[:start], blocks[start:]


def _nested(parent: m.Division, blocks: tuple[m.Block, ...]) -> m.Division:
    """``blocks`` added at the end of ``parent``, inside its last attachment if it ends with one."""
    last = parent.blocks[-1] if parent.blocks else None
    if isinstance(last, m.Division) and last.kind == "attachment":
        return m.Division(parent.kind, parent.number, parent.blocks[:-1] + (_nested(last, blocks),))
    return m.Division(parent.kind, parent.number, parent.blocks + blocks)


def _block(block: b.Block, inliner: Inliner) -> m.Block:
    """The model's block, with the id that joins it to its source lines (``spans.py``); a turn has its own."""
    built = _built(block, inliner)
    return built if isinstance(built, m.Turn) else replace(built, ident=inliner.context.ident(UNIT_ID))


# The ids of the body's units: ``u_1`` … in document order (the underscore keeps them apart from
# person ids, which are slugs of letters, digits and hyphens).
UNIT_ID = "u_"


_Built = (m.Paragraph | m.Heading | m.ItemList | m.Table | m.OmissionBlock | m.PageBreakBlock | m.Opening | m.Closing
          | m.SourceNote | m.Postscript | m.Turn)


def _built(block: b.Block, inliner: Inliner) -> _Built:
    inliner.context.line = block.line  # the decisions the inline rules make are on this block's lines
    if not isinstance(block, b.ParagraphBlock):
        inliner.introduced = None  # words introduced by a paragraph's end are in the paragraph after it only
    match block:
        case b.HeadingBlock(line, text):
            return m.Heading(inliner.inlines(text, reporting=False), line)
        case b.OpeningBlock(line, items):
            return m.Opening(_opening_lines(items, inliner), line)
        case b.ParagraphBlock(line, text, number, dated) if dated:
            found = dates.whole_date(text[:dated])  # the entry's date (block_rules/diary_entry.py)
            date = m.DateText(text[:dated], found.when if found else None, found.from_ if found else None,
                              found.to if found else None)
            return m.Paragraph(to_nodes([date, *inliner.inlines(text[dated:])]), number, line)
        case b.ParagraphBlock(line, text, number):
            return m.Paragraph(inliner.paragraph(text), number, line)
        case b.OmissionLine(line, text):
            return m.OmissionBlock(text, line)
        case b.PageBreakLine(line, number, printed, marker):
            if marker is not None:  # "[Page 2]" alone on its line: the marker is declared notation
                inliner.context.count("page-markers")
            return m.PageBreakBlock(m.PageBreak(number=number, printed=printed), line)
        case b.ListBlock(line, items, kind, head):
            # a plain list's items are prose ("(1) Eden said that …"): what is said in them is marked
            list_items = tuple(m.ListItem(item.label, inliner.inlines(item.text, reporting=kind is None))
                               for item in items)
            heading = inliner.inlines(head, reporting=False) if head else ()
            return m.ItemList(list_items, kind, heading, line)
        case b.TableBlock(line, rows, label_row):
            return m.Table(tuple(m.TableRow(tuple(inliner.inlines(cell, reporting=False) for cell in row),
                                            label=label_row and k == 0) for k, row in enumerate(rows)), line)
        case b.ClosingBlock(line, signature, source, salute, more):
            note = _source_note(source, line, inliner) if source else None
            saluted = inliner.inlines(salute, reporting=False) if salute is not None else ()
            lines = tuple(m.ClosingLine(kind, _dated(text, inliner) if kind == "dateline"
                                        else inliner.inlines(text, reporting=False)) for kind, text in more)
            return m.Closing(inliner.inlines(signature, reporting=False), note, line, saluted, lines)
        case b.SourceBlock(line, parts):
            return _source_note(parts, line, inliner)
        case b.PostscriptBlock(line, text):
            return m.Postscript(inliner.inlines(text), line)
        case b.TurnBlock():
            return _turn(block, inliner)
    raise AssertionError(f"no case for {block!r}")


def _turn(turn: b.TurnBlock, inliner: Inliner) -> m.Turn:
    lead = inliner.inlines(turn.lead, reporting=False) if turn.lead.strip() else ()
    parts: list[m.Paragraph | m.Direction | m.PageBreak | m.Omission] = []
    for part in turn.parts:
        match part:
            case b.Stage(text) if NOTE_OPEN in text:  # a direction is words only: one with a note's call is
                parts.append(m.Paragraph(inliner.inlines(text, in_turn=True, reporting=False)))  # a paragraph
            case b.Stage(text):
                boxes.count_in(text, inliner.context)  # its boxes are gaps in the stage (writer/tei.py)
                parts.append(m.Direction(text))
                inliner.positional_stages += 1
            case b.PageInTurn(number, printed, form_feed):
                parts.append(m.PageBreak(number=number, printed=printed))
                if not form_feed and printed is None:  # "[Page 2]" in a turn: the marker is declared notation
                    inliner.context.count("page-markers")
            case b.Speech(text):
                parts.append(m.Paragraph(inliner.inlines(text, in_turn=True, reporting=False)))
            case b.OmittedInTurn(mark):
                parts.append(m.Omission(mark))
    speaker = inliner.final_id(turn.who)
    ident = inliner.context.ident("sp")
    label, notes_at, notes = _label_notes(turn.label, inliner)
    inliner.context.trace.add("turn", turn.rule, (turn.line, turn.last_line), "sp", ident,
                              turn.rule in _SURE_TURNS, f"speaker {speaker}, label {label!r}")
    return m.Turn(speaker, label, lead, tuple(parts), turn.line, ident, notes, notes_at)


# A label with its colon at a block's start, or one the record declared ("Khrushchev (hereafter N.S.)"),
# is sure; the other turn rules infer the speaker from the label's shape or place.
_SURE_TURNS = frozenset({"speech-turn", "declared-alias-label"})


def _label_notes(label: str, inliner: Inliner) -> tuple[str, int, tuple[m.Inline, ...]]:
    """The label without the note anchored in it, where the note stands, and the note."""
    anchor = NOTE_MARKER.search(label)
    if anchor is None:
        return label, 0, ()
    return label[:anchor.start()] + label[anchor.end():], anchor.start(), inliner.inlines(anchor.group(), reporting=False)


def _source_note(parts: Sequence[b.SourcePart], line: int, inliner: Inliner) -> m.SourceNote:
    children: list[m.Inline] = []
    for index, part in enumerate(parts):
        if index:
            children.append(m.LineBreak())
        if part.kind in ("keywords", "annotation") or _BOX in part.text:
            # "Keywords: …" at the end, "On the telegram there is a resolution: …": kept verbatim in the
            # note, names tagged; a reference with an OCR box (□) too,
            # as text with the box a gap (TEI allows no gap in idno; the header keeps it as a field note)
            children.extend(inliner.inlines(part.text, reporting=False))
        else:
            children.extend(_reference(part, inliner))
    return m.SourceNote(tuple(children), line)


def _reference(part: b.SourcePart, inliner: Inliner) -> list[m.Inline]:
    """The reference, and the notes anchored in it beside it (an idno or bibl holds text alone): ``AVP RF,
    f. 0100, … ll. 87-98.[footnoteRef:1]`` lost its note, and its text gained the note's index."""
    text = NOTE_MARKER.sub("", part.text).strip() if NOTE_OPEN in part.text else part.text
    reference: m.Inline = m.PublicationReference(text) if part.kind == "publication" else m.ArchivalReference(text)
    notes = [node for anchor in NOTE_MARKER.finditer(part.text)
             for node in inliner.inlines(anchor.group(), reporting=False)]
    return [*notes, reference] if NOTE_MARKER.match(part.text) else [reference, *notes]


_BOX = "\u25a1"


OpeningItem = m.Field | m.Dateline | m.Salutation


def _opening_lines(items: Sequence[OpeningLine], inliner: Inliner) -> tuple[OpeningItem, ...]:
    """One field per source line, except that continuation lines join their field with a line break."""
    out: list[OpeningItem] = []
    for item in items:
        line = _opening_line(item, inliner)
        if item.continues and out and isinstance(out[-1], m.Field) and isinstance(line, m.Field):
            out[-1] = m.Field(out[-1].kind, out[-1].children + (m.LineBreak(),) + line.children)
        else:
            out.append(line)
    return tuple(out)


def _opening_line(item: OpeningLine, inliner: Inliner) -> OpeningItem:
    if item.kind == "page-head":  # a teletype page's head: the first page begins
        number = teletype.PAGE_HEAD.match(item.text)
        return m.Field(item.kind, (m.PageBreak(str(int(number.group("n"))) if number else None, printed=item.text),))
    children = _dated(item.text, inliner) if item.kind in (
        "despatched", "received", "dateline", LABELLED_FIELD, None) else inliner.inlines(item.text, reporting=False)
    if item.kind == "dateline":
        return m.Dateline(_placed(children), item.same_line)
    if item.kind == "salute":
        return m.Salutation(children)
    return m.Field(None if item.kind in (PAPER_MARK, LABELLED_FIELD) else item.kind, children, item.same_line)


def _dated(text: str, inliner: Inliner) -> tuple[m.Inline, ...]:
    """Inline nodes with dates and times of an opening line made explicit."""
    marks = paper_mark_spans(text)  # a date on a stamp is the stamp's words: the stamp rule reads them

    def free(item: dates.Found) -> bool:
        return not any(start <= item.start < end for start, end in marks)
    days = [item for item in dates.find_dates(text) if free(item)]
    short = None if days else dates.labelled_short_date(text)  # "Date: 17.3.70, 23:40"
    if short is not None and free(short):
        days = [short]
    found = sorted([(item, m.DateText) for item in days]
                   + [(item, m.TimeText) for item in dates.find_times(text) if free(item)], key=lambda pair: pair[0].start)
    if not found and (when := dates.entry_date(text)) is not None:
        return (m.DateText(text, when),)  # a diary entry's "7.11.37" (block_rules/diary_entry.py)
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


# "Monday, 26th June, 1950": a weekday before the date's comma is no place.
_WEEKDAYS = frozenset(day.casefold() for day in dates.WEEKDAYS)


def _placed(children: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """``Moscow, 3 June 1955``: the words before the comma of a dateline name a place; in
    ``3 June 1955 Kremlin`` the words after the date do, in ``Location: Zhongnanhai`` the label's."""
    if len(children) >= 2 and isinstance(children[0], m.Text) and isinstance(children[1], m.DateText):
        place, comma, rest = children[0].text.partition(",")
        if comma and place.strip() and not rest.strip() and place.strip().casefold() not in _WEEKDAYS:
            return (m.PlaceText(place), m.Text(comma + rest)) + children[1:]
    labelled = PLACE_LABEL.match(children[0].text) if len(children) == 1 and isinstance(children[0], m.Text) else None
    if labelled:  # "Location: Zhongnanhai, Yinian Hall"
        return (m.Text(labelled.group("label")), m.PlaceText(labelled.group("place")))
    if len(children) == 2 and isinstance(children[0], m.DateText) and isinstance(children[1], m.Text):
        after = children[1].text
        named = date_then_place(children[0].text + after)
        if named and after.endswith(named):
            return (children[0], m.Text(after[:-len(named)]), m.PlaceText(named))
    return children
