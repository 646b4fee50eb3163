"""The typed blocks the layout stage hands to the build stage.

A block is what one or more paragraph units of the source turned out to be.
Blocks still hold text (with the markers of ``tei_encoder.markers``); build.py
turns them into the model's blocks with the inliner, one ``match`` case each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tei_encoder.reader.opening import OpeningLine


@dataclass(frozen=True, slots=True)
class HeadingBlock:
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class OpeningBlock:
    line: int
    items: tuple[OpeningLine, ...]


@dataclass(frozen=True, slots=True)
class ParagraphBlock:
    line: int
    text: str
    number: str | None = None  # "3" for a paragraph the source numbers "3."
    dated: int = 0  # the length of the date a diary's entry opens with ("9 January. Pak came …")


@dataclass(frozen=True, slots=True)
class OmissionLine:
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class PageBreakLine:
    line: int
    number: str | None = None
    printed: str | None = None  # the page number line under a form feed ("- 2 -")
    form_feed: bool = False  # a form feed in the source, not a "[Page 2]" marker
    marker: str | None = None  # "[Page 2]" alone on its line: declared notation


@dataclass(frozen=True, slots=True)
class Item:
    label: str | None  # "(a)", "b)"; None for a line of a participants list
    text: str


@dataclass(frozen=True, slots=True)
class ListBlock:
    line: int
    items: tuple[Item, ...]
    kind: str | None = None  # "participants", or None for a plain list
    head: str | None = None  # "Present:" before a participants list


@dataclass(frozen=True, slots=True)
class SourcePart:
    kind: str  # "publication" | "archival" | "keywords" | "annotation"
    text: str


@dataclass(frozen=True, slots=True)
class SourceBlock:
    line: int
    parts: tuple[SourcePart, ...]


@dataclass(frozen=True, slots=True)
class ClosingBlock:
    line: int
    signature: str
    source: tuple[SourcePart, ...] = ()  # an archival reference on the signature's line
    salute: str | None = None  # "Yours ever," above the signature
    more: tuple[tuple[str, str], ...] = ()  # (kind, text): further signatures, valedictions, a date


@dataclass(frozen=True, slots=True)
class PostscriptBlock:
    line: int
    text: str  # "P.S. …", its label kept


@dataclass(frozen=True, slots=True)
class Stage:
    text: str


@dataclass(frozen=True, slots=True)
class Speech:
    text: str


@dataclass(frozen=True, slots=True)
class PageInTurn:
    number: str | None
    printed: str | None = None  # the page number line under a form feed ("- 2 -")
    form_feed: bool = False  # a form feed in the source, not a "[Page 2]" marker


@dataclass(frozen=True, slots=True)
class OmittedInTurn:
    mark: str  # the source's omission line inside a turn ("[...]"), verbatim


TurnPart = Stage | Speech | PageInTurn | OmittedInTurn


@dataclass(frozen=True, slots=True)
class TurnBlock:
    line: int
    lead: str  # OCR boxes before the label
    label: str  # as printed, with its colon or full stop
    who: str  # the speaker's registry handle
    parts: tuple[TurnPart, ...]
    # For the decision trace only (not what the block is, so not compared): what made it a turn (a
    # guess unless "speech-turn") and its last source line.
    rule: str = field(default="speech-turn", compare=False)
    last_line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class TableBlock:
    """Lines whose columns runs of spaces or tabs set apart (block_rules/table.py): one row a line."""

    line: int
    rows: tuple[tuple[str, ...], ...]
    label_row: bool = False  # the first row names the columns (its first cell, over the rows' labels, empty)


Block = (HeadingBlock | OpeningBlock | ParagraphBlock | OmissionLine | PageBreakLine | ListBlock
         | SourceBlock | ClosingBlock | PostscriptBlock | TurnBlock | TableBlock)
# Blocks that are not body text: a closing needs body text before it in its document.
APPARATUS = (HeadingBlock, OpeningBlock, OmissionLine, PageBreakLine, SourceBlock)


@dataclass(slots=True)
class DivisionDraft:
    """A division as the layout grows it; build.py makes the model's Division."""

    kind: str  # "document" | "attachment" | "section" | "distribution"
    number: str | None = None  # a section's number as printed ("II" for "II. ECONOMY")
    blocks: list[Block] = field(default_factory=list)
    has_body: bool = False
    closed: bool = False  # a closing was added: only source notes and page breaks may follow


def speech_of(divisions: list[DivisionDraft]) -> frozenset[str]:
    """The texts of the labelled turns' speech: what the speakers say, not what the record narrates."""
    return frozenset(part.text for division in divisions for block in division.blocks if isinstance(block, TurnBlock)
                     for part in block.parts if isinstance(part, Speech))


def texts_of(divisions: list[DivisionDraft], headings: bool = True) -> list[str]:
    """The running text of paragraphs, headings (unless not wanted), speech, the items of plain
    lists (a participants list names its people itself) and the marks on the original a source note
    describes, in order: where people are named."""
    out: list[str] = []
    for division in divisions:
        for block in division.blocks:
            match block:
                case ParagraphBlock(text=text):
                    out.append(text)
                case HeadingBlock(text=text) if headings:
                    out.append(text)
                case TurnBlock(parts=parts):
                    out.extend(part.text for part in parts if isinstance(part, Speech))
                case ListBlock(items=items, kind=None):  # "To instruct the MFA (Comrade Gromyko) …"
                    out.extend(item.text for item in items)
                case PostscriptBlock(text=text):
                    out.append(text)
                case TableBlock(rows=rows):
                    out.extend(cell for row in rows for cell in row if cell)
                case SourceBlock(parts=parts):  # "On the telegram there is a resolution: To comrade Stalin."
                    out.extend(part.text for part in parts if part.kind == "annotation")
    return out
