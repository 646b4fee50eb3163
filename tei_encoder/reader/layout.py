"""The layout stage: paragraph units → divisions of typed blocks.

``Layout`` walks the units once. The start of each document (its headings and
opening apparatus) is read here; every other unit goes to the block rules of
``block_rules`` in their order, and the first rule that takes it decides what
it is (and how many units it takes). People met on the way are registered
through ``persons``; what the body tells the header is gathered in ``Findings``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from tei_encoder import model as m
from tei_encoder.header import classification, people, teletype
from tei_encoder.markers import FORM_FEED, PAGE_JOIN, page_feed, plain
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import (
    BLOCK_RULES, caps_heading, closing, closing_matter, diary_entry, document_start, label_alone, page_marker,
    translated,
)
from tei_encoder.reader.block_rules.item_list import is_item
from tei_encoder.reader.block_rules.participants import LABELLED_LINE
from tei_encoder.reader.block_rules.page_break import PAGE_NUMBER_LINE, page_head_number, repeated_head
from tei_encoder.reader.block_rules.paragraph import paragraph_number
from tei_encoder.reader.blocks import (
    APPARATUS, Block, ClosingBlock, DivisionDraft, HeadingBlock, OpeningBlock, PageBreakLine, ParagraphBlock,
    PostscriptBlock, SourceBlock,
)
from tei_encoder.reader.opening import (
    ENTRY_HEADING, JOURNAL_HEADING, KINDS_IN_ORIGINALS, OpeningLine, begins_body, classify_opening, columns_are_fields,
    envoy_addressed, field_kind,
    is_dateline, is_sentence, is_short, letterhead_line, lines_over_heading, names_a_destination, party_slogan,
    strip_boxes,
)
from tei_encoder.reader.persons import Persons, addressed_text, label_part
from tei_encoder.reader.units import Unit, starts_lower

# A copies field among the addressee lines: its people receive copies; they are not addressed.
_COPIES_FIELD = re.compile(r"^(?:b?cc|copy to|copies to|copies)\s*:?\s*", re.I)
TERMINAL = tuple('.!?:;…"”’)]')
_BOX_ONLY = re.compile("^[\u25a1 ]+$")


@dataclass(slots=True)
class Findings:
    """What the body tells the header."""

    headings: list[str] = field(default_factory=list)
    # The first document's headings above its text ("EXTRACT FROM PROTOCOL No. 14 …" / "Decision of 11
    # March 1940"): the heading under the title may date the record.
    top_headings: list[str] = field(default_factory=list)
    title_lines: tuple[int, int] = (0, 0)  # the source lines of the first heading (the trace marks them)
    opening: list[OpeningLine] = field(default_factory=list)
    credits: list[m.Credit] = field(default_factory=list)
    archival: list[str] = field(default_factory=list)
    publication: str | None = None
    repository: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # the document's number printed in its closing
    saluted: bool = False  # the record's first document opens with a salute ("Dear Comrade Brezhnev,")
    # Bodies, never persons, that sign the document ("Chinese Embassy in the Soviet Union" over its date)
    # and that it is addressed to ("To the Foreign Ministry:"): correspDesc's sent and received bodies.
    sending_bodies: list[str] = field(default_factory=list)
    addressed_bodies: list[str] = field(default_factory=list)
    # How many opening lines belong to the record's first document: a second document's dateline
    # (a covering letter's enclosure, a page's related item) is not the record's date. None: one document.
    first_document_openings: int | None = None

    def first_document_opening(self) -> list[OpeningLine]:
        return self.opening if self.first_document_openings is None \
            else self.opening[:self.first_document_openings]


def _add_body(bodies: list[str], body: str | None) -> None:
    if body and body not in bodies:
        bodies.append(body)


def _is_kind_line(text: str) -> bool:
    """A short line in capitals naming a kind of document: ``CIPHERED TELEGRAM``, ``MEMORANDUM``."""
    bare = plain(text).strip()
    return (bare.upper() == bare and 1 <= len(bare.split()) <= 8 and not bare.endswith((".", ",", ":"))
            and bool(caps_heading.DOCUMENT_TITLE.search(bare)))


class Layout:
    """One walk over a record's units; the block rules call back into it to add what they found."""

    def __init__(self, units: list[Unit], persons: Persons, findings: Findings,
                 first_unit_is_title: bool, title: str | None, line_paragraphs: bool = False,
                 marks: frozenset[str] = frozenset(), columns: Mapping[int, tuple[str, ...]] | None = None,
                 summary: str = "") -> None:
        self.units = units
        self.summary = summary  # the archive's description of the record (a Wilson page's Summary), no unit
        # The columns of the source lines printed in columns, by line number (source.Line.cells).
        self.columns: Mapping[int, tuple[str, ...]] = columns or {}
        self.marks = marks  # the project file's classifications, case-folded (config.Vocabulary)
        self.line_paragraphs = line_paragraphs  # every source line is a unit (no blank-line blocks)
        self.persons = persons
        self.findings = findings
        self.first_unit_is_title = first_unit_is_title
        self.title_key = _key(title) if title else None
        self.divisions: list[DivisionDraft] = []
        self.diary: bool | None = None  # dated entries (block_rules/diary_entry.py), found on first asking
        self.joins = 0  # soft wraps joined by the layout itself (titles over two blocks, wrapped lines)
        self.openers_moved = 0  # header fields under a participants list, placed above it (late_fields.py)
        self.speakers: set[str] = set()  # handles of everyone who has a labelled turn so far
        self.split_labels: set[tuple[int, str]] = set()  # (line, text) of units cut at a mid-paragraph label
        # (line, text) of the unit after each inferred page break, in document order: the decision
        # trace puts the break on the line where the next page begins (inline/pages.py).
        self.page_joins: list[tuple[int, str]] = []

    @property
    def div(self) -> DivisionDraft:
        return self.divisions[-1]

    def run(self) -> list[DivisionDraft]:
        self.new_division("document")
        i = self._take_headings(0) or self._title_under_lines() or self._edition_number_over_title()
        i = self.take_opening(i)
        i = self._aside_over_heading(i)
        i = self._headings_naming_their_kind(i)
        i = self._kind_inside_opening(i)
        i = self._kind_heading_further_down(i)
        while i < len(self.units):
            i = self._step(i)
        return self.divisions

    def _step(self, i: int) -> int:
        for rule in BLOCK_RULES:
            taken = rule.read(self, i)
            if taken is not None:
                return taken
        raise AssertionError("the paragraph rule takes every unit")

    # -- what the rules call
    def new_division(self, kind: str, number: str | None = None) -> None:
        if kind == "document" and self.divisions and self.findings.first_document_openings is None:
            self.findings.first_document_openings = len(self.findings.opening)
        self.divisions.append(DivisionDraft(kind, number))

    def add(self, block: Block) -> None:
        if self.div.closed and not isinstance(block, (SourceBlock, PageBreakLine, PostscriptBlock)) and not (
                isinstance(block, ClosingBlock) and isinstance(self.div.blocks[-1], PostscriptBlock)):  # its signature
            self.new_division("distribution")  # what follows a closing is the distribution matter
        self.div.blocks.append(block)
        self.div.has_body |= not isinstance(block, APPARATUS)
        self.div.closed |= isinstance(block, (ClosingBlock, PostscriptBlock))  # nothing but notes after either

    def heading(self, line: int, text: str, last: int | None = None, names_record: bool = True) -> None:
        """``last``: the heading's last source line, when it is not the last line of its unit;
        ``names_record``: False for a head that only says what follows (``Enclosure``), no title of the record."""
        self.add(HeadingBlock(line, text))
        if not names_record:
            return
        if not self.findings.headings:  # the header's title: the decision trace marks its lines
            self.findings.title_lines = (line, last if last is not None else self._unit_end(line, text))
        self.findings.headings.append(text)
        if len(self.divisions) == 1 and not self.div.has_body:
            self.findings.top_headings.append(text)

    def _unit_end(self, line: int, text: str) -> int:
        """The last source line of the unit that starts at ``line`` when ``text`` is all of it, else ``line``."""
        unit = next((unit for unit in self.units if unit.line == line), None)
        return line + len(unit.lines) - 1 if unit is not None and unit.text == text else line

    def replace_unit(self, i: int, unit: Unit) -> None:
        self.units[i] = unit

    def paragraph_text(self, i: int) -> tuple[str, int]:
        """The unit's text, joined with following units when a page (or, one paragraph a line, a
        line end) split it mid-sentence."""
        text = self.units[i].text
        i += 1
        while i < len(self.units) and not plain(text).rstrip().endswith(TERMINAL):
            if ((starts_lower(self.units[i].text) or self._wrapped_before_a_capital(text, self.units[i].text))
                    and not is_item(self.units[i].text) and not self._footer_over_form_feed(i)
                    and not page_marker.head_with_dashed_number(self.units[i].text)  # the page's head: a page turns
                    and not closing.PATTERN.match(self.units[i].text)):  # "gez. H. Axen" signs, goes on nothing
                join = self._split_join(text)
                if join == PAGE_JOIN:
                    self.page_joins.append((self.units[i].line, self.units[i].text))
                text += join + self.units[i].text
                i += 1
            elif (i + 1 < len(self.units) and _BOX_ONLY.match(self.units[i].text)
                  and starts_lower(self.units[i + 1].text)):
                # "attempt to" / "□" / "□□discuss": the lost line sits at the break
                self.page_joins.append((self.units[i].line, self.units[i].text))
                text += PAGE_JOIN + self.units[i].text + " " + self.units[i + 1].text
                i += 2
            elif (i + 1 < len(self.units) and page_marker.PATTERN.match(self.units[i].text)
                  and starts_lower(self.units[i + 1].text)):
                # "… and that" / "[Page 417]" / "he was leaving …": the edition's page marker inside the
                # sentence, kept where it stands for the inline page rule (no inferred break besides)
                text += f" {self.units[i].text}{self.units[i + 1].text}"  # one space, as the sentence had
                i += 2
            elif (after := self._after_form_feed(i, text)) is not None:
                printed, i = after
                text += page_feed(printed) + self.units[i].text  # the page turned mid-sentence
                i += 1
            else:
                break
        return text, i

    def _wrapped_before_a_capital(self, text: str, following: str) -> bool:
        """One paragraph a line (a typescript whose paragraphs are indented, not set apart): a line that
        stops on a word that cannot end a sentence ("… the question of the" / "Berlin access routes …")
        goes on in the next line, though it opens with a capital. So does a paragraph of prose cut by a
        page of the web edition's PDF ("… I had a conversation with" / blank / "Filov, who told me …"):
        the name after the break keeps its capital, where the lower-case test alone saw two paragraphs."""
        if not (_ENDS_MID_PHRASE.search(text) and following[:1].isupper() and speech.match_label(following) is None):
            return False
        return self.line_paragraphs or (_page_split_prose(text) and not caps_heading.matches(following))

    def _split_join(self, text: str) -> str:
        """How a mid-sentence split is rejoined: an inferred page break between blocks; a wrapped
        line (one space) when each line is a paragraph, or inside a bracketed mark (``[SIC,`` /
        ``plural]``)."""
        if self.line_paragraphs or text.rfind("[") > text.rfind("]"):
            self.joins += 1
            return " "
        return PAGE_JOIN

    def _after_form_feed(self, i: int, before: str) -> tuple[str, int] | None:
        """At a form feed (and the page number printed under it), or a page number between dashes
        alone on its line, inside a sentence: the printed
        number and the index of the line that goes on. The sentence goes on in lower case, or in
        capitals (``the`` / FF / ``Foreign Office``) after prose that ends in a lower-case word."""
        footer = self._footer_over_form_feed(i)
        if footer:  # "Page 1 of 4" at the foot of the page, then the form feed: a PDF's page turn
            i += 1
        if self.units[i].text == FORM_FEED:
            j, printed = i + 1, footer
            if j < len(self.units) and PAGE_NUMBER_LINE.match(self.units[j].text):
                printed, j = self.units[j].text, j + 1
            elif j < len(self.units) and page_head_number(self.units[j].lines) is not None:
                printed, j = " ".join(self.units[j].lines), j + 1  # the page's number with its running head
            elif repeated_head(self.units, j):  # a PDF's running head under the form feed, its footer above
                printed, j = " ".join(filter(None, (footer, self.units[j].text))), j + 1
        elif (page_marker.DASHED_NUMBER.match(self.units[i].text) or page_marker.teletype_page(self.units[i].lines)
              or page_marker.folio_over_running_line(self.units[i].lines)
              or (len(self.units[i].lines) == 1 and page_marker.head_with_dashed_number(self.units[i].text))
              or page_marker.column_number(self.units, i)):  # "ba-" / "0137" / "sis": a microfilm frame's number
            # "-2-" alone, "PAGE 02 STATE 048123", "- 3 -" over "AJ, KPR I-2/4-1", "Krestinsky – Stresemann,
            # 23.II.1926   - 2 -": a typed page's number
            j, printed = i + 1, self.units[i].text
        else:
            return None
        if j >= len(self.units) or self.units[j].text == FORM_FEED:
            return None
        words = plain(before).split()
        prose = len(words) >= 8 and words[-1][:1].islower() and words[-1][-1:].isalpha()
        # a telegram in capitals: a paragraph without its sentence's end goes on over the page
        capitals = speech.in_capitals(before) and speech.in_capitals(self.units[j].text)
        if starts_lower(self.units[j].text) or ((prose or capitals) and self.units[j].text[:1].isupper()
                                                 and not is_item(self.units[j].text)):
            return printed, j
        return None

    def _footer_over_form_feed(self, i: int) -> str:
        """Unit i is a page's footer (``Page 1 of 4``) right over a form feed: its text, else ""."""
        text = self.units[i].text
        if i + 1 < len(self.units) and self.units[i + 1].text == FORM_FEED and page_marker.RUNNING_HEAD.match(text):
            return text
        return ""

    def paragraph(self, i: int) -> int:
        line = self.units[i].line
        text, i = self.paragraph_text(i)
        self.add(ParagraphBlock(line, text, paragraph_number(text)))
        self.findings.paragraphs.append(text)
        return i

    # -- the start of a document
    def _take_headings(self, i: int) -> int:
        if i >= len(self.units):
            return i
        unit = self.units[i]
        if unit.text == FORM_FEED:
            return i
        is_title = (self.title_key and _key(unit.text) == self.title_key) or (
            self.first_unit_is_title and len(unit.text.split()) <= 40 and not unit.text.endswith(".")
            and classification.line_kind(strip_boxes(unit.lines[0])) is None
            and field_kind(unit.lines[0]) not in ("addressee", "number")) or (
            document_start.heads_document(self, i) and not letterhead_line(unit.text)) or (
            i == 0 and len(unit.lines) <= 3 and names_its_kind(unit.text)
            and document_start.is_heading(unit.text))
        if not is_title or _PAGE_COUNT.match(unit.text) or party_slogan(unit.text):  # "Page 1 of 6   IPN working translation": the page's head
            return i
        self._fields_apart(i)
        return self.take_heading(i)

    def _edition_number_over_title(self) -> int:
        """``No. 1`` alone over ``Telegram of the consul general …``: the selection's number of the first of
        the documents it prints on one page, over that document's title: the number an opening of its own,
        the title the record's heading. Before, the opening read the title among its fields (under it, the
        cipher mark and dateline) and the record was titled by the file's name. 0 when the record opens otherwise."""
        if (len(self.units) < 2 or len(self.units[0].lines) != 1 or len(self.units[1].lines) != 1
                or document_start.edition_number(self.units[0].text) is None
                or not document_start.edition_title(self.units[1].text)):
            return 0
        return self.take_heading(self.take_edition_number(0))

    def take_edition_number(self, i: int) -> int:
        """The selection's ``No. 2`` alone over a document's title: an opening of its own, the number only
        (the opening reader, reading on, took the title under it among the fields under the title)."""
        unit = self.units[i]
        number = [OpeningLine("number", unit.text, line=unit.line)]
        self.add(OpeningBlock(unit.line, tuple(number)))
        self.findings.opening.extend(number)
        self._register_opening(number)
        return i + 1

    def _fields_apart(self, i: int) -> None:
        """A title over its fields in one block (``Oral history interview with …`` / ``Interviewer: …``
        / ``Date: …``): the fields are a unit of their own, for the opening after the heading."""
        unit = self.units[i]
        if len(unit.lines) > 1 and all(map(LABELLED_LINE.match, unit.lines[1:])) and not LABELLED_LINE.match(unit.lines[0]):
            self.units[i:i + 1] = [Unit(unit.line, unit.lines[:1]), Unit(unit.line + 1, unit.lines[1:])]

    def _headings_naming_their_kind(self, i: int) -> int:
        """After the marks above it, a document's headings that name its kind (``From the journal
        of`` / ``P. F. YUDIN``, then ``Record of Conversation`` / ``with Comrade Mao Zedong`` / ``on
        31 March 1956``), each perhaps with fields under it. A diary's or journal's heading and the
        entry's heading under it are the record's title together."""
        taken = len(self.findings.headings)
        journal = taken == 1 and bool(JOURNAL_HEADING.match(self.findings.headings[0]))
        if taken > 1 or (taken == 1 and not journal):
            return i
        while (i < len(self.units) and not self.div.has_body and len(self.units[i].lines) <= 3
               and (names_its_kind(self.units[i].text) or ENTRY_HEADING.match(self.units[i].text))
               and (document_start.is_heading(self.units[i].text) or _BYLINE_HEADING.match(self.units[i].text))):
            i = self.take_heading(i)
            if len(self.findings.headings) == 2 and JOURNAL_HEADING.match(self.findings.headings[0]):
                self.findings.headings[0] += ", " + self.findings.headings.pop()  # the title spans both
                self.findings.title_lines = (self.findings.title_lines[0], self._last_line_before(i))
            i = self.take_opening(i)
        return i

    def _aside_over_heading(self, i: int) -> int:
        """``TOP SECRET`` / ``Single copy`` / ``(Working record)`` / ``SESSION OF THE POLITBURO …``: a short
        parenthesis alone between the marks and the heading says what the copy is; it belongs to the
        opening. Read as body text, it made the heading under it start a second document."""
        if i + 1 >= len(self.units) or not self.findings.opening or not _ASIDE.match(plain(self.units[i].text).strip()):
            return i
        if not (caps_heading.matches(self.units[i + 1].text) or _kind_heading(self.units[i + 1])):
            return i
        unit = self.units[i]
        aside = [OpeningLine(None, unit.text, line=unit.line)]
        self.add(OpeningBlock(unit.line, tuple(aside)))
        self.findings.opening.extend(aside)
        return i + 1

    def enclosed_title(self, i: int) -> int:
        """Under an attachment's own head (``Enclosure``) in a record with no title yet: the enclosed
        document's marks and its headings that name its kind (``Secret`` / ``MEMORANDUM`` / ``on the
        position …``), as at a document's start; its title is the record's (a cover note has none)."""
        if self.findings.headings:
            return i
        _, taken, lines = self.opening_at(i)
        after = lines[taken - 1][0] + 1 if taken else i
        if after >= len(self.units) or not _kind_heading(self.units[after]):
            return i
        return self.take_heading(self.take_opening(i))

    def _last_line_before(self, i: int) -> int:
        unit = self.units[i - 1]
        return unit.line + len(unit.lines) - 1

    def _title_under_lines(self) -> int:
        """The record's title a few short lines down (``761.00/3-1547: Telegram`` / ``The
        Ambassador in the Soviet Union (Smith) to the Secretary of State``): the lines above it
        are an opening, whatever their kinds, and the title the heading under it. 0 when the
        title is not there."""
        at = next((k for k in range(1, min(4, len(self.units)))
                   if self.title_key and _key(self.units[k].text) == self.title_key), None)
        if at is None or not all(_opening_shaped(unit) for unit in self.units[:at]):
            return 0
        lines = [(unit.line + k, text) for unit in self.units[:at] for k, text in enumerate(unit.lines)]
        opening, taken = classify_opening([self._fields_in_columns(n, text) for n, text in lines], self.marks,
                                          [n for n, _ in lines])
        opening += [OpeningLine(None, text, line=number) for number, text in lines[taken:]]
        self.add(OpeningBlock(self.units[0].line, tuple(opening)))
        self.findings.opening.extend(opening)
        self._register_opening(opening)
        return self.take_heading(at)

    def take_heading(self, i: int) -> int:
        """Unit i as a heading, with the lower-case units that continue it: a title broken over
        two blocks, or over two lines of a source with one paragraph a line ("RECORD OF
        CONVERSATION" / "between N. S. Khrushchev and J. Nehru"), is one heading."""
        unit = self.units[i]
        text = unit.text
        last = unit.line + len(unit.lines) - 1
        i += 1
        while (i < len(self.units) and not text.endswith(TERMINAL) and len(self.units[i].text.split()) <= 40
               and (starts_lower(self.units[i].text) or _subject_under_kind(text, self.units[i].text)
                    or _runs_on(text, self.units[i].text) or _capitals_under_kind(text, self.units[i])
                    or _capitals_run_on(text, self.units[i]))):
            text += " " + self.units[i].text
            last = self.units[i].line + len(self.units[i].lines) - 1
            self.joins += 1
            i += 1
        self.heading(unit.line, text, last)
        return i

    def _kind_inside_opening(self, i: int) -> int:
        """The document's kind in capitals between its marks and its fields (``Strictly Secret`` /
        ``CIPHERED TELEGRAM`` / ``From Pyongyang`` / ``To Comrade Vyshinsky``): a heading, and the
        fields under it a second opener."""
        while (i < len(self.units) and not self.div.has_body and len(self.units[i].lines) == 1
               and _is_kind_line(self.units[i].text)):
            i = self.take_opening(self.take_heading(i))
        return i

    def _kind_heading_further_down(self, i: int) -> int:
        """The document's kind in capitals on a line of its own, its heading going on under it (``RECORD`` /
        ``of the official talks between …``, ``NOTE`` / ``on the Conversation of …``, ``MINUTES`` / ``OF THE
        TALKS BETWEEN …``), a few blocks under what the opening could not read (an image's ``[pic]``, a
        letterhead in mixed case, a party's own marks, a translator's remarks): the record's heading, where
        it had been a paragraph and the title the file's name. The short blocks right above it are an opening
        (letterhead, marks, number and date); what is prose above them the block rules read."""
        if self.findings.headings or self.div.has_body:
            return i
        reach = range(i, min(i + _KIND_HEADING_REACH, len(self.units)))
        k = next((k for k in reach if self._kind_over_its_rest(k) or self._body_begins(k)), None)
        if k is None or self._body_begins(k):
            return i
        top = k
        while top > i and _over_heading(self.units[top - 1]):
            top -= 1
        if top > i and (self.div.blocks or top - i > _REMARKS_OVER_HEADING):
            return i  # prose under an opening is the body's (a cover note over its enclosure's heading)
        while i < top:
            i = self._step(i)
        if i != top:
            return i  # a block rule read the heading too: leave it so
        if self.div.has_body:  # the translator's remarks above it: the heading opens the record's text after them
            self.new_division("section")
        if top < k:
            self._opening_over_heading(top, k)
        return self.take_opening(self.take_heading(k))

    def _kind_over_its_rest(self, k: int) -> bool:
        """Unit k opens with the document's kind in capitals alone on its line (``RECORD``, ``RECORD OF
        CONVERSATION``) and the heading goes on under it in lower case or in capitals, no sentence."""
        unit = self.units[k]
        first = plain(unit.lines[0]).strip()
        if not (first.isupper() and len(first.split()) <= 4 and names_its_kind(first)
                and not first.endswith(TERMINAL) and field_kind(unit.lines[0]) is None):
            return False
        rest = Unit(unit.line + 1, unit.lines[1:]) if len(unit.lines) > 1 else (
            self.units[k + 1] if k + 1 < len(self.units) else None)
        return rest is not None and not plain(rest.text).rstrip().endswith(".") and (
            starts_lower(rest.text) or _capitals_under_kind(first, rest))

    def _body_begins(self, k: int) -> bool:
        """Unit k is the body's, not what stands over a heading: a speaker's turn, the participants, a page."""
        unit = self.units[k]
        return unit.text == FORM_FEED or begins_body(unit.lines[0])

    def _opening_over_heading(self, top: int, k: int) -> None:
        """Units top..k-1, over the heading at k, as an opening (its columns apart); joined to the opening
        the document has when it stands right above."""
        lines = [(unit.line + n, self._cells(unit.line + n, text), self._running_head(unit))
                 for unit in self.units[top:k] for n, text in enumerate(unit.lines)]
        opening = lines_over_heading(lines)
        self.joins -= sum(len(unit.lines) - 1 for unit in self.units[top:k])  # kept apart, not joined
        self.findings.opening.extend(opening)
        self._register_opening(opening)
        blocks = self.div.blocks
        if blocks and isinstance(blocks[-1], OpeningBlock):
            blocks[-1] = OpeningBlock(blocks[-1].line, blocks[-1].items + tuple(opening))
        else:
            self.add(OpeningBlock(self.units[top].line, tuple(opening)))

    def _cells(self, number: int, text: str) -> tuple[str, ...]:
        """The line's columns (``Socialist Unity Party of Germany`` … ``Berlin, 15 June 1978``), or the line."""
        cells = tuple(cell for cell in self.columns.get(number, ()) if cell)
        return cells if len(cells) > 1 and " ".join(cells) == text else (text,)

    def _running_head(self, unit: Unit) -> bool:
        """The page's running head: printed again under a form feed, or by a page count (``Page 1 of 6``)."""
        return (len(unit.lines) == 1 and _PAGE_COUNT.match(unit.text) is not None) or any(
            self.units[n - 1].text == FORM_FEED and self.units[n].text == unit.text for n in range(1, len(self.units)))

    def opening_at(self, i: int) -> tuple[list[OpeningLine], int, list[tuple[int, int, str]]]:
        """The opening that starts at unit i (perhaps none): its lines, how many source lines it
        takes, and (unit index, line index, text) of the lines it was read from."""
        lines: list[tuple[int, int, str]] = []  # (unit index, line index, text)
        j = i
        while j < len(self.units) and len(lines) < 60:
            unit = self.units[j]
            if unit.text == FORM_FEED or page_marker.teletype_page(unit.lines) not in (None, "1"):
                break  # a later page's head ("SECRET" / "PAGE 02 STATE 048123") is no opening
            if _wrapped_prose(unit):
                break  # a typescript's paragraph wrapped at the margin: its lines are short, yet no fields
            if diary_entry.entry_date(unit) and diary_entry.is_diary(self):
                break  # a diary's dated entry begins (block_rules/diary_entry.py)
            short = len(list(itertools.takewhile(is_short, unit.lines)))
            if short < len(unit.lines) and not any(map(teletype.routing_line, unit.lines[:min(short, 3)])):
                break
            # a telegram's routing over its text in one block: the routing lines may be its opening
            lines.extend((j, k, line) for k, line in enumerate(unit.lines[:short]))
            if short < len(unit.lines):
                break
            j += 1
        numbers = [self.units[j].line + k for j, k, _ in lines]  # a unit's lines are consecutive source lines
        texts = [self._fields_in_columns(number, text) for number, (_, _, text) in zip(numbers, lines)]
        opening, taken = classify_opening(texts[:label_alone.opening_ends(self, texts)], self.marks, numbers)
        return opening, taken, lines

    def _fields_in_columns(self, number: int, text: str) -> str:
        """A line whose columns are fields each (``No. 03/118`` at the left, ``Ulaanbaatar, 14 March 1969``
        at the right): its columns kept apart by a wide gap, for the opening to read them one by one."""
        cells = [cell for cell in self.columns.get(number, ()) if cell]
        if len(cells) < 2 or " ".join(cells) != text or not columns_are_fields(cells):
            return text  # (a line whose text was rewritten, its notes' calls made anchors, keeps it)
        return "    ".join(cells)

    def take_opening(self, i: int) -> int:
        opening, taken, lines = self.opening_at(i)
        if not taken:
            return i
        self.add(OpeningBlock(self.units[i].line, tuple(opening)))
        self.findings.opening.extend(opening)
        self._register_opening(opening)
        last_unit, last_line, _ = lines[taken - 1]
        # The opening keeps its lines apart: the joins counted for these blocks did not happen.
        self.joins -= sum(len(self.units[j].lines) - 1 for j in range(i, last_unit + 1))
        rest = self.units[last_unit].lines[last_line + 1:]
        if rest:  # the opening ended inside a block: the block's other lines are body
            first = self.units[last_unit].line + last_line + 1  # its own first line
            self.units[last_unit:last_unit + 1] = (_telegram_paragraphs(first, rest) if any(
                item.kind in _TELETYPE_FIELDS for item in opening) else [Unit(first, rest)])
            return last_unit
        return last_unit + 1

    def _register_opening(self, opening: list[OpeningLine]) -> None:
        posts = _sending_posts(opening)
        for k, item in enumerate(opening):
            bare = plain(strip_boxes(item.text)).strip(" \u25a1")
            if item.kind == "sender":
                sender = re.sub(r"^(?:From\s*:|FM\s)\s*", "", bare, flags=re.I)
                if sender.strip(" .").casefold() not in speech.NOT_PEOPLE and not _names_a_post(sender, posts):
                    # "From: Washington", "From: Kabul" over "FM AMEMBASSY KABUL": the route
                    self.persons.sender(sender)
                self._sending_body(sender)
            elif item.kind == "addressee" and (copies := _COPIES_FIELD.match(bare)):
                self.persons.recipients_in(bare[copies.end():])  # "Cc: Strobe Talbott; Nicholas Burns"
            elif item.kind == "addressee" and names_a_destination(_whole_line(opening, k)):
                continue  # "To Kabul. Sent 14.V.22 …": a place, no one addressed
            elif item.kind == "addressee":
                self.persons.addressees_in(envoy_addressed(bare))
                self.addressed_body(addressed_text(bare))
            elif item.kind is None:  # "Translated from Czech by …" over the letterhead
                translated.credit_in_opening(self, bare)
            elif item.kind == "participant":  # "Interviewer: Charles Stuart Kennedy"
                label, _, names = bare.partition(":")
                self.persons.attendants_in(names, label_part(label))

    def addressed_body(self, text: str) -> None:
        """``the Foreign Ministry``: a body the document is addressed to, when the text names one."""
        _add_body(self.findings.addressed_bodies, people.body_named(text))

    def _sending_body(self, text: str) -> None:
        """``From: Embassy of Iran``: a body that sends the document, when the field names one."""
        _add_body(self.findings.sending_bodies, people.body_named(text))

    def add_salute(self, line: int, text: str) -> None:
        """A salute ends the opening of the current document (or is one, when there is none): the last of
        its openings, under the heading when the selection's number stands over it in an opening of its own."""
        salute = OpeningLine("salute", text, line=line)
        self.findings.saluted |= sum(division.kind == "document" for division in self.divisions) == 1
        blocks = self.div.blocks
        at = next((k for k in range(len(blocks) - 1, -1, -1) if isinstance(blocks[k], OpeningBlock)), None)
        if at is None:
            self.add(OpeningBlock(line, (salute,)))
        else:
            opening = blocks[at]
            assert isinstance(opening, OpeningBlock)
            blocks[at] = OpeningBlock(opening.line, opening.items + (salute,))


def _sending_posts(opening: list[OpeningLine]) -> frozenset[str]:
    """The words of the sender fields that name a body (``FM AMEMBASSY KABUL``): the post that sends."""
    words: set[str] = set()
    for item in opening:
        if item.kind == "sender":
            sender = re.sub(r"^(?:From\s*:|FM\s)\s*", "", plain(item.text).strip(), flags=re.I)
            if people.names_a_body(sender):
                words.update(word.casefold() for word in sender.split())
    return frozenset(words)


def _names_a_post(sender: str, posts: frozenset[str]) -> bool:
    """A released telegram's metadata names the sender by the post's place (``From: Kabul``) that its own
    ``FM AMEMBASSY KABUL`` line names with the embassy: the route, no person. Before, Kabul was a person
    who sent the telegram."""
    words = [word.casefold() for word in sender.strip(" .").split()]
    return bool(words) and all(word in posts for word in words)


# Fields only a teletype telegram's routing has (header/teletype.py).
_TELETYPE_FIELDS = frozenset({"page-head", "drafting", "transmission", "declassification", "tags"})
# A telegram's paragraph opens with its number: "2. ACTION REQUESTED: …"; its signer is a surname in capitals.
_NUMBERED_LINE = re.compile(r"^\d{1,2}\.\s+\S")
_SURNAME_IN_CAPITALS = re.compile(r"[A-Z][A-Z'’-]{2,}")


def _telegram_paragraphs(line: int, lines: tuple[str, ...]) -> list[Unit]:
    """A telegram's text printed in one block under its routing: a paragraph from each numbered line,
    and each line of its foot (the signer's surname, the classification, ``BT``, ``NNN``) a unit of its own;
    a short last line of the text (``ON A DATE.``) stays in its paragraph."""
    foot = len(lines)
    while foot > 0 and (closing_matter.trailer(lines[foot - 1]) or _SURNAME_IN_CAPITALS.fullmatch(lines[foot - 1])):
        foot -= 1
    starts = sorted({0, *(k for k in range(1, foot) if _NUMBERED_LINE.match(lines[k])), *range(foot, len(lines))})
    return [Unit(line + start, lines[start:end]) for start, end in zip(starts, [*starts[1:], len(lines)]) if start < end]


# A record's first block that begins with the kind of document it is ("Minutes No. 134 / of the
# Politburo meeting of 15 November 1956"): its heading, whether or not a dated opening follows.
# A qualifier may stand before the kind: "Stenographic Record", "Verbatim Report", "Draft Resolution".
_NAMES_ITS_KIND = re.compile(r"^(?:(?:Stenographic|Verbatim|Shorthand|Draft|Brief|Short|Unofficial|Summary)\s+)?"
                             r"(?:Minutes|Record|Memorandum|Protocol|Transcript|Stenogram|Report|Letter|Telegram|Cable|Speech|"
                             r"(?:Oral history )?[Ii]nterview|Oral history|"
                             r"Note|Conversation|Diary|Resolution|Decision|Directive|Instructions?|Statement|"
                             r"Message|Despatch|Dispatch|Excerpt|Extract|(?i:from the (?:diary|journal) of)|"
                             + "|".join(kind.title() for kind in KINDS_IN_ORIGINALS if kind != "INFORMATION")
                             # "Information" / "über das Gespräch …", "Information on the talks …": the East German kind
                             + r"|Information(?=\s+(?:über|zur|zum|on|about|concerning)\b)|Из дневника)\b"
                             r"(?!\s*:)")  # "Note: this translation is provisional" is a label, no heading


_ASIDE = re.compile(r"^\([^()\d]{1,40}\)$")


def _kind_heading(unit: Unit) -> bool:
    """A short heading that opens with the document's kind (``MEMORANDUM``, ``Record of Conversation``)."""
    bare = plain(unit.text).strip()
    return len(unit.lines) <= 3 and len(bare.split()) <= 30 and names_its_kind(bare) and not bare.endswith(TERMINAL)


def names_its_kind(text: str) -> bool:
    """The text opens with the kind of document it is, as printed or in capitals (``MINUTES`` /
    ``of the conversation between …``)."""
    text = _closed_up(text)
    first = text.split("\n", 1)[0].split(" ", 3)
    return bool(_NAMES_ITS_KIND.match(text) or (
        text[:1].isupper() and _NAMES_ITS_KIND.match(" ".join(word.title() if word.isupper() else word for word in first))))


# A word spaced out letter by letter at the start, as typescripts set a heading's kind ("P R O T O C O L",
# "N i e d e r s c h r i f t", "M I N U T E S"): four or more letters, each alone between spaces.
_LETTER_SPACED = re.compile(r"^(?:[^\W\d_] ){3,}[^\W\d_](?=\s|$)")


def _closed_up(text: str) -> str:
    """The text with a letter-spaced word at its start closed up (``P R O T O C O L No. 71`` →
    ``PROTOCOL No. 71``), for the kind it names to be read; any other text as it is."""
    spaced = _LETTER_SPACED.match(text)
    return spaced.group().replace(" ", "") + text[spaced.end():] if spaced else text


def _wrapped_prose(unit: Unit) -> bool:
    """A block of prose wrapped over lines (a line after the first goes on in lower case), not a field
    that runs over lines (``Subject: … on the question of`` / ``the Berlin access routes``)."""
    return (len(unit.lines) > 1 and any(starts_lower(line) for line in unit.lines[1:])
            and not unit.lines[0].startswith("[")  # "[This telegram is of particular secrecy …]": a mark
            and field_kind(unit.lines[0]) is None and not is_dateline(unit.lines[0]))


# A word no sentence ends on: a line that stops on one was wrapped.
_PROSE_WORDS = 8  # a paragraph's part of this many words, not a heading or a field cut short


def _page_split_prose(text: str) -> bool:
    return len(plain(text).split()) >= _PROSE_WORDS


_ENDS_MID_PHRASE = re.compile(r"\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|that|his|her|their|our|its|"
                              r"my|your|this|these|those|between|into|upon|whose|which)$")


# A British paper's heading, with its full stop: "Memorandum by the Secretary of State for Foreign Affairs.",
# "Note by the Chancellor of the Exchequer." (a title abbreviated inside it: "Note by Mr. Eden.").
_BYLINE_HEADING = re.compile(r"^(?:Memorandum|Note|Report|Minute|Letter|Despatch|Statement)\s+by\s+"
                             r"[^.!?\n]{2,120}?(?:(?<=\b(?:Mr|Dr|St))\.[^.!?\n]{2,80}?)?\.$")


# What a document is about, on the line under its kind: "MEMORANDUM" / "On the composition of the
# delegation" (the Russian "О …" heading), "REPORT" / "Concerning the grain deliveries".
_SUBJECT_LINE = re.compile(r"^(?:On (?:the|a|an|some|certain)|About|Concerning|Regarding)\s")


def _capitals_under_kind(heading: str, unit: Unit) -> bool:
    """``unit`` finishes, in capitals, a heading in capitals that is only the document's kind (``ЗАПИСЬ
    БЕСЕДЫ`` / ``НАРОДНОГО КОМИССАРА … В. М. МОЛОТОВА С ПОСЛОМ …``, ``RECORD OF CONVERSATION`` / ``BETWEEN
    …``, ``M I N U T E S`` / ``OF THE MEETING …``): not a field, a mark or a dateline."""
    heading = _closed_up(heading)
    return (heading.isupper() and names_its_kind(heading) and len(heading.split()) <= 3 and len(unit.lines) <= 3
            and unit.text.isupper() and len(unit.text.split()) >= 3 and not unit.text.endswith(TERMINAL)
            and field_kind(unit.lines[0]) is None and not is_dateline(unit.text))


# The word a heading in capitals goes on with on its next line: "RECORD OF CHAIRMAN MAO ZEDONG'S MEETING" /
# "WITH PRESIDENT GEORGES POMPIDOU OF FRANCE".
_CAPITALS_LINK = re.compile(r"^(?:WITH|BETWEEN|AND|OF|ON|TO|FOR|CONCERNING|ABOUT|REGARDING)\s")


def _capitals_run_on(heading: str, unit: Unit) -> bool:
    """``unit`` is a line in capitals that goes on with the heading in capitals over it, opening with a linking
    word (``WITH PRESIDENT GEORGES POMPIDOU OF FRANCE``): the title's second line, not an opening's."""
    text = plain(unit.text).strip()
    return (heading.isupper() and names_its_kind(heading) and len(unit.lines) == 1 and text.isupper()
            and _CAPITALS_LINK.match(text) is not None and len(text.split()) <= 20 and not text.endswith(TERMINAL))


def _subject_under_kind(heading: str, text: str) -> bool:
    """``text`` is the subject line under a heading that is only the document's kind."""
    heading = _closed_up(heading)
    return (names_its_kind(heading) and len(heading.split()) <= 3
            and bool(_SUBJECT_LINE.match(text)) and len(text.split()) <= 25 and not text.endswith(TERMINAL))


# A heading cut after a word that needs what follows: "Diary of" / "Shcherbakov I.S.".
_LINKING_END = re.compile(r"\b(?:of|and|with|between|to|for|by|from|the)$", re.I)


def _runs_on(heading: str, text: str) -> bool:
    """``text`` (a short unit) finishes a heading that stopped on a linking word."""
    return bool(_LINKING_END.search(heading)) and len(text.split()) <= 12 and speech.match_label(text) is None


# How far under the opening a document's kind heading may stand (units), and how long a line over it may be.
_KIND_HEADING_REACH = 8
_OVER_HEADING_WORDS = 12
# The editor's or translator's remarks at the very top, over the opening and the heading (an archive's
# reference, "Translated by …", "Note calls are marked ^1 …"): a few blocks at most.
_REMARKS_OVER_HEADING = 3
# A page's count opening its running head: "Page 1 of 6   IPN working translation".
_PAGE_COUNT = re.compile(r"^(?i:page)\s+\d{1,4}\s+(?i:of)\s+\d{1,4}\b")


def _over_heading(unit: Unit) -> bool:
    """A block that may stand over a document's heading: a few short lines, none a sentence or a label."""
    if len(unit.lines) == 1 and (page_marker.RUNNING_HEAD.match(unit.text) or _PAGE_COUNT.match(unit.text)):
        return False  # "CONFIDENTIAL Page 1 of 3": the page's head, which the page-break rule reads
    return unit.text != FORM_FEED and len(unit.lines) <= 6 and all(
        len(line.split()) <= _OVER_HEADING_WORDS and not is_sentence(line) and speech.match_label(line) is None
        for line in unit.lines)


def _opening_shaped(unit: Unit) -> bool:
    """A unit that may stand above a title: short lines, none of them a sentence or a label."""
    return unit.text != FORM_FEED and all(
        is_short(line) and not line.rstrip().endswith((".", "!", "?")) and speech.match_label(line) is None
        for line in unit.lines)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", plain(text)).strip().casefold()


def _whole_line(opening: list[OpeningLine], k: int) -> str:
    """The opening item's source line whole: its text and the items read from the rest of its line
    (``To Kabul.`` / ``Sent 14.V.22 at 23 h. 10 min.``)."""
    rest = itertools.takewhile(lambda item: item.same_line, opening[k + 1:])
    return " ".join(plain(strip_boxes(item.text)).strip(" \u25a1") for item in (opening[k], *rest))
