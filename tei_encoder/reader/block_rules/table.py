"""A table: lines whose columns runs of spaces or tabs set apart, one row a line (``Meat (thousand tons)
512  498  530``), perhaps under a row that names the columns and leaves the rows' labels' column
empty (``            1951      1952      1953 (plan)``). A report's figures are printed so.

Only two or more lines in a row (a block's, or, one paragraph a line, as many lines in a row) every one
of which has two or more columns, each of at most sixteen words; a block with prose before or after its
rows is cut there first. Must not match: a typescript's prose with two spaces after each sentence (the
column before a gap would end a sentence: most gaps of a table follow no punctuation), signatures in
columns at the foot (closing_matter.py), a participants list (read before), a list's items after their
labels (``•<tab>To approve …``: item_list.py).
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from tei_encoder.markers import plain
from tei_encoder.reader.block_rules import closing_matter, participants
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.block_rules.item_list import is_item
from tei_encoder.reader.blocks import Block, ParagraphBlock, TableBlock
from tei_encoder.reader.notes import without_word_bodies
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

_CELL_WORDS = 16
_SENTENCE_MARKS = tuple(".!?,;:")


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not layout.columns or not any(unit.line + k in layout.columns for k in range(len(unit.lines))):
        return None  # (most records and most lines print no columns)
    if len(unit.lines) > 1 and (parts := _rows_apart(layout, unit)):
        layout.units[i:i + 1] = parts
        return i  # the lines before the rows are read first, by whichever rule takes them
    rows, units = _rows(layout, i)
    if len(rows) < 2 or not _tabular(rows) or closing_matter.ends_document(layout, i):
        return None
    label_row = rows[0][0] == "" and all(row[0] for row in rows[1:])
    _participants_in_table(layout, rows)
    layout.add(TableBlock(unit.line, tuple(rows), label_row))
    return i + units


def _participants_in_table(layout: Layout, rows: list[tuple[str, ...]]) -> None:
    """The people of a participants list printed as a table are attendants: a column a side under the sides'
    heads in its first row (``From the Romanian side:<tab><tab>From the Korean side:``, every cell below one
    person), or a side's table, a name and its office a row, under its label alone (``CPSU:``) under the list's
    head (``PARTICIPANTS``). Read as a plain table, its people were at most mentioned."""
    heads = [cell for cell in rows[0] if cell]
    if heads and (all(participants.side_head(cell) for cell in heads) or _column_heads_under_list_head(layout, heads)):
        for row in rows[1:]:
            for cell in row:
                if cell:
                    layout.persons.attendants_in(participants.entry_for_persons(cell))
    elif _under_participants_head(layout.div.blocks):
        for row in rows:
            cells = [cell for cell in row if cell]
            if cells:
                layout.persons.attendants_in(participants.entry_for_persons(cells[0]))
                if len(cells) == 2:
                    participants.office_after_name(layout, f"{plain(cells[0])}, {plain(cells[1])}")


def _column_heads_under_list_head(layout: Layout, heads: list[str]) -> bool:
    """Right under the list's head alone (``Participants:``), a table whose first row names each column's
    part (``Members of the Political Bureau:<tab>Candidate members:<tab>Secretaries of the CC:``): every cell
    below is one person present. Read as a plain table, only those who spoke were the meeting's."""
    blocks = layout.div.blocks
    return (len(heads) >= 2 and all(plain(cell).rstrip().endswith(":") for cell in heads) and bool(blocks)
            and isinstance(head := blocks[-1], ParagraphBlock) and participants.list_head_alone(plain(head.text)))


def _under_participants_head(blocks: list[Block]) -> bool:
    """The blocks end with a side's label alone (``YSP:``), after the list's head and any sides' tables above."""
    k = len(blocks) - 1
    while k >= 1 and isinstance(label := blocks[k], ParagraphBlock) and _SIDE_LABEL.match(plain(label.text)):
        head = blocks[k - 1]
        if isinstance(head, ParagraphBlock) and participants.list_head_alone(plain(head.text)):
            return True
        if not isinstance(head, TableBlock):
            return False
        k -= 2
    return False


# A side's label alone over its table: "CPSU:", "YSP:", "Soviet delegation:".
_SIDE_LABEL = re.compile(r"^[A-Z][\w.-]*(?: [\w.-]+){0,2}:$")


def _rows_apart(layout: Layout, unit: Unit) -> list[Unit] | None:
    """A block with prose around its rows ("The figures were as follows." / the rows / "The plan was
    not fulfilled."): the block cut into the prose before, the rows and the prose after; None when
    the block is all rows or has no run of two."""
    printed = [bool(_columns(layout, unit.line + k, text)) for k, text in enumerate(unit.lines)]
    start = next((k for k in range(len(printed) - 1) if printed[k] and printed[k + 1]), None)
    if start is None or all(printed):
        return None
    end = next((k for k in range(start, len(printed)) if not printed[k]), len(printed))
    if not _tabular([_columns(layout, unit.line + k, unit.lines[k]) for k in range(start, end)]):
        return None
    bounds = [0, start, end, len(unit.lines)]
    return [Unit(unit.line + a, unit.lines[a:b]) for a, b in zip(bounds, bounds[1:]) if a < b]


def _rows(layout: Layout, i: int) -> tuple[list[tuple[str, ...]], int]:
    """The rows from unit i: the lines of a block, or, one paragraph a line, the lines in a row that have
    columns; and how many units they are."""
    unit = layout.units[i]
    if len(unit.lines) > 1:
        rows = [_columns(layout, unit.line + k, text) for k, text in enumerate(unit.lines)]
        return (rows if all(rows) else []), 1
    rows, k = [], i
    while k < len(layout.units) and len(layout.units[k].lines) == 1 and (
            not rows or layout.units[k].line == layout.units[k - 1].line + 1):
        row = _columns(layout, layout.units[k].line, layout.units[k].text)
        if not row:
            break
        rows.append(row)
        k += 1
    return rows, k - i


def _columns(layout: Layout, line: int, text: str) -> tuple[str, ...]:
    """The line's columns, cut from the unit's text where the source's columns end (a note call is in the
    text as its marker, glued to its word as in the source): () when the words are not the source's."""
    cells = _without_note_bodies(layout.columns.get(line, ()))
    words = text.split()  # a body cut out of the line left its spaces ("T-34/85<call>  40")
    sizes = [len(cell.split()) for cell in cells]
    if not cells or sum(sizes) != len(words):
        return ()
    starts = list(itertools.accumulate(sizes, initial=0))
    return tuple(" ".join(words[start:start + size]) for start, size in zip(starts, sizes))


def _without_note_bodies(cells: tuple[str, ...]) -> tuple[str, ...]:
    """The source's columns with the Word note bodies printed in them taken out, as the text has them
    (``Medium tanks T-34/85[footnoteRef:6] [6:  Produced under …]<tab>40``: the body's own spacing made
    columns of it, and the row no longer matched its text); a column that held only a body goes."""
    if not any("[" in cell for cell in cells):
        return cells
    kept = without_word_bodies("\0".join(cells)).split("\0")
    if len(kept) != len(cells):
        return tuple(cell.strip() for cell in kept if cell.strip())
    return tuple(after.strip() for before, after in zip(cells, kept) if after.strip() or not before.strip())


def _tabular(rows: list[tuple[str, ...]]) -> bool:
    if all(is_item(" ".join(cell for cell in row if cell)) for row in rows):
        return False  # "•<tab>To approve …": a list's items, each after its label (item_list.py)
    cells = [cell for row in rows for cell in row if cell]
    if any(len(cell.split()) > _CELL_WORDS for cell in cells):
        return False
    gaps = [row[k] for row in rows for k in range(len(row) - 1) if row[k]]
    return sum(cell.endswith(_SENTENCE_MARKS) for cell in gaps) * 2 < len(gaps)


RULE = BlockRule("table", read)


# For the participants rule (participants.py): a participants list printed as a table, one person a column.
source_columns = _columns
