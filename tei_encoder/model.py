"""The document model between the readers (families) and the TEI writer.

Small frozen dataclasses with tuples, so a parsed record is a value: it can be
compared in tests and handed between processes. The model names editorial
phenomena (an OCR loss, a source omission, a reported utterance), never TEI
elements: only ``tei_encoder.writer`` knows how each becomes TEI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from tei_encoder.diagnostics import Diagnostic
from tei_encoder.trace import Decision, Span

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Loss:
    """Material that is not transcribed: OCR boxes, a described gap, an untranscribed signature."""

    reason: str  # illegible | inaudible | missing | editorial
    agent: str | None = None  # "ocr" for boxes lost in the digital surrogate
    unit: str | None = None
    quantity: int | None = None
    description: str | None = None  # the transcriber's own words, verbatim


@dataclass(frozen=True, slots=True)
class Omission:
    """An omission the source itself marks (``[…]``, a line of dots); ``mark`` is verbatim."""

    mark: str


@dataclass(frozen=True, slots=True)
class Flagged:
    """A word the source flags as erroneous with ``[sic]``; the marker itself stays as Text."""

    text: str


@dataclass(frozen=True, slots=True)
class Corrected:
    """A word the source prints with its own correction after it (``shewed [showed]``)."""

    text: str  # as printed
    correction: str  # the source's correction; its brackets are declared notation


@dataclass(frozen=True, slots=True)
class Doubtful:
    """A reading the transcriber doubts (``[word?]``)."""

    text: str


@dataclass(frozen=True, slots=True)
class Handwritten:
    text: str
    hand: str  # id of the Hand in the header
    in_margin: bool = False


@dataclass(frozen=True, slots=True)
class Deleted:
    """Words the transcript reports deleted on the paper (``[crossed out: British]``, ``[deleted: …]``)."""

    children: tuple[Inline, ...]
    struck: bool = False  # the transcript says crossed or struck out: a line drawn through the words


@dataclass(frozen=True, slots=True)
class Underlined:
    """Words the transcript reports underlined (``[underlined] urgent [end of underlining]``)."""

    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class MarginNote:
    """A note the transcript reports in the margin (``[Resolution in the margin: Agree. V. M.]``)."""

    children: tuple[Inline, ...]
    label: str | None = None  # the transcriber's words before the place, as printed ("Resolution")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A stamp on the paper, in the words the transcript gives it (``[Stamp: Archive of the MFA …]``)."""

    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    number: str | None = None
    inferred: bool = False
    printed: str | None = None  # the printed page-number line, e.g. "- 3 -"
    ident: str | None = field(default=None, compare=False)  # an inferred break's id, for the decision trace


@dataclass(frozen=True, slots=True)
class LineBreak:
    pass


@dataclass(frozen=True, slots=True)
class Direction:
    """A stage direction, parentheses included: ``(Laughing)``."""

    text: str


@dataclass(frozen=True, slots=True)
class Emphasis:
    style: str  # bold | italic
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text; ``person`` is the id it resolves to (None when unresolved)."""

    person: str | None
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Reported:
    """Speech reported by the record (``X says that …``)."""

    speaker: str
    direct: bool
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class DateText:
    text: str
    when: str | None  # ISO 8601 at the precision the source gives
    from_: str | None = None  # a range of days ("June 2–3, 1952"): first and last day, ISO
    to: str | None = None


@dataclass(frozen=True, slots=True)
class TimeText:
    text: str
    when: str | None  # hh:mm:ss, 24 hours


@dataclass(frozen=True, slots=True)
class PlaceText:
    text: str


@dataclass(frozen=True, slots=True)
class NoteCall:
    """A note placed at its anchor. ``mark`` is the mark as printed (``24``, ``*``)."""

    mark: str
    ident: str  # fn1, fn2 … in document order
    kind: str  # foot | translator | editorial
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class NotePointer:
    """A further call of a note placed at another anchor: points to it (``ident``: fn1, fn2 …)."""

    ident: str


@dataclass(frozen=True, slots=True)
class Field:
    """A typed line of an opening or closing apparatus (route, sender, classification …)."""

    kind: str | None
    children: tuple[Inline, ...]
    joined: bool = False  # on the previous item's source line (no line break before it)


@dataclass(frozen=True, slots=True)
class ArchivalReference:
    text: str


@dataclass(frozen=True, slots=True)
class PublicationReference:
    text: str


Inline = Union[
    Text, Loss, Omission, Flagged, Corrected, Doubtful, Handwritten, Deleted, Underlined, MarginNote, Stamp,
    PageBreak, LineBreak, Direction, Emphasis, Mention, Reported, DateText, TimeText, PlaceText, NoteCall,
    NotePointer, Field, ArchivalReference, PublicationReference,
]

# Marks on the paper the transcript describes in brackets: their words are the document's own, so
# the names in them are tagged as in the text around them.
PAPER_MARKS = (Deleted, Underlined, MarginNote, Stamp)

# ---------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Paragraph:
    children: tuple[Inline, ...]
    number: str | None = None  # "2" for "2. Field Marshal …"
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class Heading:
    children: tuple[Inline, ...]
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class Turn:
    """A labelled speech turn: ``Stalin: "…"``."""

    speaker: str  # person id
    label: str  # the label exactly as printed, colon included
    lead: tuple[Inline, ...]  # material before the label (lost characters)
    parts: tuple[Paragraph | Direction | PageBreak | Omission, ...]  # Omission: a line "[...]" in the speech
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # for the decision trace: every turn is a decision
    # A note anchored in the label (``Khrushchev[footnoteRef:2]:``) and where in ``label`` it stands.
    label_notes: tuple[Inline, ...] = ()
    label_notes_at: int = 0


@dataclass(frozen=True, slots=True)
class ListItem:
    label: str | None
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class ItemList:
    items: tuple[ListItem, ...]
    kind: str | None = None  # "participants" for attendants' lists
    head: tuple[Inline, ...] = ()
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[tuple[Inline, ...], ...]
    label: bool = False  # the row names the columns


@dataclass(frozen=True, slots=True)
class Table:
    """Lines printed in columns: one row a line, one cell a column."""

    rows: tuple[TableRow, ...]
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class OmissionBlock:
    mark: str
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class PageBreakBlock:
    brk: PageBreak
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class Dateline:
    children: tuple[Inline, ...]
    joined: bool = False  # on the previous item's source line (no line break before it)


@dataclass(frozen=True, slots=True)
class Salutation:
    """A letter's greeting: ``Dear Oliver,``."""

    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Opening:
    """The opening apparatus: telegram header fields, letterhead, addressees, dateline."""

    lines: tuple[Field | Dateline | Salutation, ...]
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class SourceNote:
    """The closing apparatus: archival reference and publication, verbatim."""

    children: tuple[Inline, ...]
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class ClosingLine:
    """A further line of a closing, in the source's order: a signature (one per column), a
    valediction (``With greetings!``), the date under the signatures, the document's number, or the
    note of what was enclosed (``Enclosure: 1 memorandum (5 pages)``)."""

    kind: str  # signed | salute | dateline | number | enclosure | classification | transmission | end-of-message
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Closing:
    signed: tuple[Inline, ...] = ()
    source: SourceNote | None = None
    line: int = 0
    salute: tuple[Inline, ...] = ()  # a letter's valediction: "Yours ever,"
    more: tuple[ClosingLine, ...] = ()  # the closing's other lines, after signed, in source order
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


@dataclass(frozen=True, slots=True)
class Postscript:
    """A letter's postscript after its closing: ``P.S. …`` (the label kept as text)."""

    children: tuple[Inline, ...]
    line: int = 0
    ident: str | None = field(default=None, compare=False)  # a body unit's id: its source lines are in Document.spans


Block = Union[
    Paragraph, Heading, Turn, ItemList, Table, OmissionBlock, PageBreakBlock, Opening, Closing, SourceNote, Postscript,
    "Division",  # an attachment or a section, nested in its document
]


@dataclass(frozen=True, slots=True)
class Division:
    kind: str  # document | attachment | section | distribution
    number: str | None  # a document's number; a section's number as printed
    blocks: tuple[Block, ...]


# ---------------------------------------------------------------- header


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # BCP 47; "und" when unknown
    name: str | None


@dataclass(frozen=True, slots=True)
class Term:
    kind: str  # genre | classification | precedence
    text: str


@dataclass(frozen=True, slots=True)
class Setting:
    place: str | None
    date: DateText | None


@dataclass(frozen=True, slots=True)
class CorrespondenceAction:
    kind: str  # sent | received
    people: tuple[str, ...] = ()  # person ids
    places: tuple[str, ...] = ()
    date: DateText | None = None
    time: TimeText | None = None
    # Bodies that sent or received it, their names as printed ("Chinese Embassy in the Soviet Union"):
    # a body is no person, so it has no id.
    bodies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hand:
    ident: str
    description: str


@dataclass(frozen=True, slots=True)
class Credit:
    """A responsibility the record states: ``Translated by Maisky``."""

    role: str  # translation | recording
    person: str  # person id
    name: str  # as printed


@dataclass(frozen=True, slots=True)
class SourceField:
    """An archive-page field with no dedicated place in the header (``Credits:``)."""

    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Header:
    file_name: str
    sha256: str
    title: str | None = None
    # With no title printed: what the record is, said by the encoder ("Letter from … to …"); else None.
    supplied_title: str | None = None
    date: DateText | None = None  # the source's date, as the archive page states it
    creation: DateText | None = None  # the document's own date
    publisher: str | None = None
    repository: str | None = None
    archival_refs: tuple[str, ...] = ()
    url: str | None = None
    citation: str | None = None
    contents: tuple[str, ...] = ()
    publication: str | None = None
    summary: tuple[str, ...] = ()
    language: Language = Language("und", None)
    original_language: str | None = None
    terms: tuple[Term, ...] = ()
    boilerplate: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()  # "the MacArthur Foundation": named by a funding line kept in boilerplate
    fields: tuple[SourceField, ...] = ()
    credits: tuple[Credit, ...] = ()
    setting: Setting | None = None
    correspondence: tuple[CorrespondenceAction, ...] = ()
    hands: tuple[Hand, ...] = ()
    numbers: tuple[str, ...] = ()  # the document's own numbers as printed ("No. 608", "No P-40")
    original_languages: tuple[str, ...] = ()  # BCP 47 codes of the stated original language(s)


@dataclass(frozen=True, slots=True)
class Person:
    ident: str
    names: tuple[str, ...]  # fullest form first, then each other distinct surface form
    roles: tuple[str, ...]
    group: str  # participants | mentioned
    birth: str | None = None
    death: str | None = None
    occupation: str | None = None
    note: str | None = None  # id of the biographical note
    authority: tuple[str, ...] = ()  # authority-file URIs the edition's names authority gives
    offices: tuple[str, ...] = ()  # offices printed with the name or in its label, as printed
    catalogue: str | None = None  # the page's catalogue heading that named or dated the person, as printed


@dataclass(frozen=True, slots=True)
class Statement:
    """One editorial statement for the header: what a stage did, and how often.

    Readers state facts as counts; ``writer/statements.py`` words each key as a sentence.
    """

    section: str  # normalization | hyphenation | quotation | correction | segmentation | interpretation
    key: str  # what was done: the sort key within the section, and which sentence words it
    count: int = 0  # how often it was done
    details: tuple[tuple[str, int | str], ...] = ()  # further figures or names its sentence needs

    def detail(self, name: str, default: int | str = 0) -> int | str:
        return next((value for key, value in self.details if key == name), default)


@dataclass(frozen=True, slots=True)
class EditionStatement:
    """The edition a document belongs to, as its project file states it (nothing here is invented)."""

    title: str | None = None
    publisher: str | None = None
    licence: str | None = None
    licence_url: str | None = None
    editors: tuple[str, ...] = ()
    ident: str | None = None  # the edition's identifier of this document (prefix + stem)
    uri: str | None = None  # its permalink (base_url + stem.html)


@dataclass(frozen=True, slots=True)
class Document:
    family: str
    header: Header
    persons: tuple[Person, ...]
    divisions: tuple[Division, ...]
    statements: tuple[Statement, ...]
    warnings: tuple[Diagnostic, ...] = field(default=())  # what the reader left undone, by source line
    trace: tuple[Decision, ...] = field(default=())  # every decision, by source line (tei_encoder.trace)
    spans: tuple[Span, ...] = field(default=())  # the source lines of each body unit, by its ident
    edition: EditionStatement = EditionStatement()
