"""Footnotes: find note bodies, take them out of where they stand, mark their anchors.

Three styles are seen in the records (ENCODING.md 2):
- Word export: anchor ``[footnoteRef:N]`` (an endnote's ``[endnoteRef:N]``), body ``[N: text]`` later in
  the text, as Apache POI's extractor writes a .docx out;
  bodies are parsed with balanced brackets, so an inner ``[Communist]`` stays text.
- Endnotes: anchor ``[N]`` (or ``^N``, as web renderings print it, or superscript digits ``¹``,
  as text copied from a printed edition has it, or ``[^N]``, as Markdown does) in the text, body on a
  line of its own starting ``[N]`` (``^N``, ``¹``, ``[^N]:``), often after a separator line of underscores.
- Symbol: anchor ``*`` after a word; body is the one block that begins with ``*``.
  With no such block, or several, the ``*`` stays text and a warning is given.

Anchors are replaced by the marker ``markers.note_anchor(K)`` (K indexes
``Notes.bodies``) that the inliner turns into NoteCall nodes; ids fn1, fn2 … follow
the order of the anchors in the record.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tei_encoder.header import archive
from tei_encoder.markers import FORM_FEED, note_anchor, note_pointer
from tei_encoder.reader.units import join_lines
from tei_encoder.source import Line


# A Word note's call as Apache POI writes it: "[footnoteRef:2]", and an endnote's "[endnoteRef:2]"; both
# have their body as "[2: …]". WORD_CALL_PART is in every call: a substring test skips most texts.
WORD_CALL = re.compile(r"\[(?:foot|end)noteRef:\s*(\d+)\]")
WORD_CALL_PART = "noteRef:"
_WORD_ANCHOR = re.compile(r"\s?" + WORD_CALL.pattern)
# Not a timestamp "[00:02:40]" or a clock time "[12:30]": a body's number is followed by its text.
_WORD_BODY_START = re.compile(r"\[(\d+):(?!\d)")
# "[1]" as printed by Word's endnotes, "^1" as web pages render them (a caret before the number).
# A caret mark glued to a following letter or digit ("State.^2Yours") is part of a word, no mark.
# The number and the closing bracket are taken whole whenever they are there (possessive): "[21]" alone
# on a line is no mark "[2" with the body "1]", nor "[2" with the body "]".
# Superscript digits ("there.¹" / "¹ See telegram 790 …") are the marks of text copied from a printed
# edition such as FRUS.
# "[^1]" anchors and "[^1]: …" bodies are Markdown's, as a Word file exported to Markdown (pandoc) has them.
_ENDNOTE_MARK = r"(?:(?:\[\^?(?=\d+\])|\^(?=\d+(?!\w)))(?P<number>\d++)\]?+|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]++))"
_ENDNOTE_BODY = re.compile(rf"^{_ENDNOTE_MARK}:?\s*(?P<text>\S.*)$")
# A caret mark stands for a superscript lost in copying, glued to the word it follows ("Moscow^6"); one
# after a space is the notation named ("Note calls are marked ^1, ^2 etc."), no call: note 1 went there.
_ENDNOTE_ANCHOR = re.compile(rf"(?:(?<=\S)|(?<=\S) (?!\^)){_ENDNOTE_MARK}")  # "claim.[1]", "claim [1]", "claim.^1"
# The characters an endnote mark starts with: a text without one holds no anchor (the anchor pattern,
# a look-behind first, is tried at every position of a text it scans).
_MARK_START = re.compile("[\\[^⁰¹²³⁴⁵⁶⁷⁸⁹]")
_SEPARATOR = re.compile(r"^[_\-=*]{5,}$")
# Word's symbol format numbers notes * † ‡ §, then doubles them: ** †† ‡‡ §§. A doubled mark is one mark
# ("again††."), not two anchors of †: before, † had two anchors and both notes stayed text. A section sign
# is a call only glued to its word ("group§."): "under § 5" cites a paragraph.
_SYMBOLS = ("***", "**", "*", "††", "†", "‡‡", "‡", "§§", "§")
_SYMBOL_ANCHOR = re.compile(r"(?:(?<=\S) ?(?P<mark>\*{1,3}|††?|‡‡?)|(?<=[^\s§])(?P<section>§§?))"
                            r"(?![*†‡§\w])(?=[\s,.;:)]|$)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2})(?=[^\s*])[^*\n]+?(?<=[^\s*])\1(?![\w*])")
_SYMBOL_BODY = re.compile(r"^(?P<mark>\*{1,3}|††?|‡‡?|§§?(?=\s+\D))\s+\S")


@dataclass(frozen=True, slots=True)
class NoteBody:
    mark: str  # as printed: "24", "*"
    ident: str  # fn1, fn2 …
    text: str
    line: int
    kind: str = "foot"  # "editorial": a reviewer's comment, no note of the source (_comment_notes)


# Rule ids of the warnings (Diagnostics) this stage gives; docs/encoding.md lists them.
ANCHOR_WITHOUT_BODY = "note-anchor-without-body"
BODY_WITHOUT_ANCHOR = "note-body-without-anchor"
SYMBOL_AMBIGUOUS = "note-symbol-ambiguous"


@dataclass(frozen=True, slots=True)
class NoteWarning:
    """A note the stage left as text: the source line, the rule id, and what happened."""

    line: int
    rule: str
    message: str


@dataclass(slots=True)
class Notes:
    bodies: list[NoteBody] = field(default_factory=list)
    moved: int = 0
    separators: int = 0
    headings: int = 0  # "Notes:" alone over numbered endnotes (_numbered_endnotes)
    pointers: int = 0  # calls of a note already placed, in a body left as text: pointers to the note
    inside_words: int = 0  # calls printed inside a word ("A[footnoteRef:1]VP"), moved to the word's end
    comments: int = 0  # reviewers' comments ("[a]", "[RK1]") moved to their marks as editorial notes
    glued: int = 0  # bare marks glued to the word they follow ("Kang Sheng1,"), as Save as Plain Text prints
    warnings: list[NoteWarning] = field(default_factory=list)

    def add(self, mark: str, text: str, line: int, kind: str = "foot") -> str:
        self.bodies.append(NoteBody(mark, f"fn{len(self.bodies) + 1}", text, line, kind))
        return note_anchor(len(self.bodies) - 1)


def extract_notes(units: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], Notes]:
    """Return the units with note bodies removed and anchors replaced by sentinels."""
    notes = Notes()
    units = _word_notes(units, notes)
    units = _numbered_endnotes(units, notes)
    units = _other_numbered_endnotes(units)
    units = _endnotes(units, notes)
    units = _symbol_notes(units, notes)
    if not notes.bodies:  # a record's notes follow one convention: bare glued marks only when no other
        units = _page_foot_notes(units, notes)
    if not notes.bodies:
        units = _glued_notes(units, notes)
    units = _comment_notes(units, notes)  # last: a comment takes no footnote's id
    return [(line, text) for line, text in units if text.strip() or text == FORM_FEED], notes


# A Word note call printed inside a word ("A[footnoteRef:1]VP RF"): the call goes to the word's end, so
# the word stays one word ("AVP RF", its note after it) and the note's number no part of it.
_CALL_IN_WORD = re.compile(rf"(?<=\w)(?P<call>{WORD_CALL.pattern})(?P<rest>\w+)")


def _out_of_the_word(text: str, notes: Notes) -> str:
    if WORD_CALL_PART not in text:
        return text
    moved, count = _CALL_IN_WORD.subn(r"\g<rest>\g<call>", text)
    notes.inside_words += count
    return moved


def space_kept(call: re.Match[str]) -> str:
    """The space a call's anchor took before it (the note follows the word it is printed after), put
    back after the note when a word follows the call at once: "AVP [footnoteRef:1]RF" is "AVP" and "RF"."""
    text, end = call.string, call.end()
    return " " if call.group()[:1].isspace() and end < len(text) and text[end].isalnum() else ""


def _word_notes(units: list[tuple[int, str]], notes: Notes) -> list[tuple[int, str]]:
    if not any(WORD_CALL_PART in text for _, text in units):
        return units
    # Each number's bodies in the order printed: a source whose numbering restarts (in an enclosure, per
    # session) has "[1: …]" twice, and the k-th call numbered 1 takes the k-th body numbered 1. Before, the
    # second body stayed text, the second call had no note, and the record was refused (TE-NOTE-002).
    bodies: dict[str, deque[tuple[str, int]]] = {}
    stripped: list[tuple[int, str]] = []
    had_bodies: list[bool] = []
    for line, text in _bodies_joined(units):
        kept, found = _cut_word_bodies(text)
        for number, body in found:
            bodies.setdefault(number, deque()).append((body, line))
        stripped.append((line, kept))
        had_bodies.append(bool(found))
    stripped = _without_rule_over_bodies(stripped, had_bodies, notes)
    stripped = [(line, _out_of_the_word(text, notes)) for line, text in stripped]
    out: list[tuple[int, str]] = []
    placed: dict[str, int] = {}  # the number of each note placed so far: its index in notes.bodies
    line = 0

    def anchor(match: re.Match[str]) -> str:
        return placed_note(match) + space_kept(match)

    def placed_note(match: re.Match[str]) -> str:
        number = match.group(1)
        if number not in bodies:  # a note with no text: the writer marks it as missing
            notes.warnings.append(NoteWarning(line, ANCHOR_WITHOUT_BODY,
                                              f"footnote anchor {number} has no body; encoded as an empty note"))
            return notes.add(number, "", line)
        body, _ = _first_body(bodies, number)
        notes.moved += 1
        sentinel = notes.add(number, body, line)
        index = placed[number] = len(notes.bodies) - 1
        if WORD_CALL_PART in body:  # a call inside a note's body is a note in the note
            notes.bodies[index] = replace(notes.bodies[index],
                                          text=_WORD_ANCHOR.sub(anchor, _out_of_the_word(body, notes)))
        return sentinel

    def call_in_stray_body(match: re.Match[str]) -> str:
        """A body left as text is no place for a note placed elsewhere: its call points to that note."""
        number = match.group(1)
        if number in bodies or number not in placed:
            return anchor(match)
        notes.pointers += 1
        return note_pointer(placed[number])

    for line, text in stripped:
        out.append((line, _WORD_ANCHOR.sub(anchor, text)))
    while bodies:  # bodies without an anchor stay where they were (one may hold another's call)
        number = next(iter(bodies))
        body, line = _first_body(bodies, number)
        notes.warnings.append(NoteWarning(line, BODY_WITHOUT_ANCHOR,
                                          f"footnote body {number} has no anchor; kept as a paragraph"))
        out.append((line, f"[{number}: {_WORD_ANCHOR.sub(call_in_stray_body, _out_of_the_word(body, notes))}]"))
    return out


def _without_rule_over_bodies(stripped: list[tuple[int, str]], had_bodies: list[bool],
                              notes: Notes) -> list[tuple[int, str]]:
    """A rule of underscores over Word's note bodies (``________________`` / ``[1: …]``): the export's
    separator, counted and declared as the other conventions' rules over their notes are. Before, it
    stayed a paragraph of the text. A rule over anything but bodies (a form's blank, a divider between
    parts) stays."""
    out = list(stripped)
    for k, (line, kept) in enumerate(stripped):
        if not _SEPARATOR.match(kept.strip()):
            continue
        under = k if had_bodies[k] else next((j for j in range(k + 1, len(stripped)) if stripped[j][1].strip()
                                              or had_bodies[j]), None)
        if under is not None and had_bodies[under] and (under == k or not stripped[under][1].strip()):
            out[k] = (line, "")
            notes.separators += 1
    return out


def _first_body(bodies: dict[str, deque[tuple[str, int]]], number: str) -> tuple[str, int]:
    """The earliest body numbered ``number`` not yet placed, taken out (the number goes with its last)."""
    queue = bodies[number]
    first = queue.popleft()
    if not queue:
        del bodies[number]
    return first


_BODY_AT_START = re.compile(r"^\s*\[\d+:(?!\d)")
_PARAGRAPHS_OF_A_BODY = 6  # at most; a longer run without the closing bracket is no body


def _bodies_joined(units: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A note body of several paragraphs (``[2:  Rusk, David Dean (1909-1994) - …`` / blank line / ``He had
    served … (1950-1951).]``) as one unit, its paragraphs kept apart by the blank line: the body is cut out
    whole and the note keeps both paragraphs."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(units):
        end = _end_of_split_body(units, i)
        if end is None:
            out.append(units[i])
            i += 1
        else:
            out.append((units[i][0], "\n\n".join(text for _, text in units[i:end + 1])))
            i = end + 1
    return out


def _end_of_split_body(units: list[tuple[int, str]], i: int) -> int | None:
    """The unit at whose end a body that opens in unit i, and does not close there, closes; None when there
    is none within a few units, or another body or a page comes first (the units are then left as they were).

    The body may open after its paragraph's text or after other bodies on the line (``… 1962. [3: …]  [4:
    Hlavní …`` / ``Its correspondence … preserved.]``), as the export prints a note of two paragraphs at its
    paragraph's end, and other whole bodies may follow its close on the later line (``… them.]  [116: …]``):
    before, only a body opening its unit and closing its later one was joined, and the other bodies' note
    had no text while its second paragraph stood in the body as a paragraph of its own."""
    text = units[i][1]
    start = _open_body_start(text)
    if start is None:
        return None
    joined = text
    for j in range(i + 1, min(len(units), i + _PARAGRAPHS_OF_A_BODY)):
        later = units[j][1]
        if _BODY_AT_START.match(later) or FORM_FEED in later:
            return None
        joined += "\n\n" + later
        close = _balanced_end(joined, start)
        if close is not None:
            return j if _only_bodies(joined[close + 1:]) else None
    return None


def _open_body_start(text: str) -> int | None:
    """Where the body that the text opens and does not close begins (after any bodies it closes)."""
    if "[" not in text:
        return None
    position = 0
    for match in _WORD_BODY_START.finditer(text):
        if match.start() < position:
            continue  # "[2: see [3: …]]": inside a body closed already
        end = _balanced_end(text, match.start())
        if end is None:
            return match.start()
        position = end + 1
    return None


def _only_bodies(text: str) -> bool:
    """Nothing but whole bodies (``[116: …]``) and spaces."""
    position = 0
    while (match := _WORD_BODY_START.match(text, len(text) - len(text[position:].lstrip()))) is not None:
        end = _balanced_end(text, match.start())
        if end is None:
            return False
        position = end + 1
    return not text[position:].strip()


def _cut_word_bodies(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove each balanced ``[N: …]`` from text; return what is left and the bodies.

    A second body with a number already seen in this text stays where it is, as text: one paragraph
    holds one series of notes.
    """
    found: list[tuple[str, str]] = []
    pieces: list[str] = []
    position = 0
    numbers: set[str] = set()  # tried in this text
    for match in _WORD_BODY_START.finditer(text):
        if match.start() < position or match.group(1) in numbers:
            continue
        numbers.add(match.group(1))
        end = _balanced_end(text, match.start())
        if end is None:
            continue
        pieces.append(text[position:match.start()])
        found.append((match.group(1), text[match.end():end].strip()))
        position = end + 1
    pieces.append(text[position:])
    return "".join(pieces).rstrip(), found


def without_word_notes(text: str) -> str:
    """A source line as its words read without Word's notes: no calls, no whole bodies, nothing of a line
    that opens a body (``MINUTES[footnoteRef:1]`` / ``[1:  MNL OL …]`` / ``of the meeting …`` is the
    heading ``MINUTES of the meeting …``, for the decision trace to find it)."""
    if _BODY_AT_START.match(text):
        return ""
    if WORD_CALL_PART not in text:
        return text
    return WORD_CALL.sub("", without_word_bodies(text))


def without_word_bodies(text: str) -> str:
    """The text without the whole Word note bodies in it (``[7:  Axen, Hermann …]``); calls kept."""
    return _cut_word_bodies(text)[0] if "[" in text else text


def _balanced_end(text: str, start: int) -> int | None:
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
    return None


# "Notes:" alone over the endnotes, numbered "1. …", "2. …" (a web page's or an edition's apparatus).
_NOTES_HEADING = re.compile(r"^(?:(?:End|Foot)?[Nn]otes|NOTES|ENDNOTES|FOOTNOTES)\s*:?$")
_NUMBERED_BODY = re.compile(r"^(?P<number>\d{1,3})\.?\s+(?P<text>\S.*)$", re.S)


def _numbered_endnotes(units: list[tuple[int, str]], notes: Notes) -> list[tuple[int, str]]:
    """``Notes:`` alone, then only bodies numbered ``1. …``, ``2. …`` in sequence to the end, for ``[1]``
    anchors in the text above: each body is read as ``[1] …`` by _endnotes, and the heading (counted in
    ``notes.headings``, declared) goes with them. Without anchors, or with anything else under the
    heading, the lines stay as they are."""
    heading = next((k for k, (_, text) in enumerate(units) if _NOTES_HEADING.match(text.strip())), None)
    if heading is None or heading + 1 >= len(units):
        return units
    bodies = [_NUMBERED_BODY.match(text) for _, text in units[heading + 1:]]
    numbers = [int(body.group("number")) for body in bodies if body]
    if not _numbered_with_paragraphs(bodies) or numbers != list(range(1, len(numbers) + 1)):
        return units
    anchored = {_number(m) for _, text in units[:heading] if _MARK_START.search(text)
                for m in _ENDNOTE_ANCHOR.finditer(text)}
    if not anchored & {str(number) for number in numbers}:
        return units
    notes.headings += 1
    rewritten = [(line, f"[{body.group('number')}] " + body.group("text").replace("\n", " ") if body else text)
                 for (line, text), body in zip(units[heading + 1:], bodies)]
    return units[:heading] + rewritten


# Two more ways an edition prints its numbered notes at the end, rewritten to the ``[N] …`` bodies _endnotes
# reads: calls in parentheses after a space (``the note of the USA (1) concerning …``) with bodies opening
# ``(1) …``; and ``[1]`` calls with bare-numbered bodies (``1 The Frontier Defence Corps.``) under a rule
# of underscores. Before, the parenthesised bodies read as a list and the bare ones as one paragraph, the
# calls as text. Only a run of bodies numbered 1, 2, … in order, each number called once above it and
# in that order (a list's "(1)" items are no notes: nothing calls them), is read so.
_PARENTHESISED_BODY = re.compile(r"^\((?P<number>\d{1,3})\)\s+(?P<text>\S.*)$")
_PARENTHESISED_CALL = re.compile(r"(?<=[^\s(]) \((?P<number>\d{1,3})\)(?=[\s.,;:!?]|$)")
_BARE_BODY = re.compile(r"^(?P<number>\d{1,3})\s+(?P<text>[^\W\d_].*)$")


def _other_numbered_endnotes(units: list[tuple[int, str]]) -> list[tuple[int, str]]:
    rows = [(unit, row, text) for unit, (_, block) in enumerate(units) for row, text in enumerate(block.split("\n"))]
    run = _body_run(rows, _PARENTHESISED_BODY)
    if run is not None:
        return _rewritten(units, rows, run, _PARENTHESISED_BODY, _PARENTHESISED_CALL)
    run = _body_run(rows, _BARE_BODY, after_rule=True)
    if run is not None:
        return _rewritten(units, rows, run, _BARE_BODY, None)
    return units


def _body_run(rows: list[tuple[int, int, str]], body: re.Pattern[str],
              after_rule: bool = False) -> tuple[int, int] | None:
    """The first and last row index of the last run of bodies numbered 1, 2, … (each on a row of its
    own, no other row between), under a rule of underscores when ``after_rule``; None without one."""
    last = next((k for k in range(len(rows) - 1, -1, -1) if body.match(rows[k][2])), None)
    if last is None:
        return None
    first = last
    while first and body.match(rows[first - 1][2]):
        first -= 1
    numbers = [int(body.match(rows[k][2]).group("number")) for k in range(first, last + 1)]  # type: ignore[union-attr]
    if numbers != list(range(1, len(numbers) + 1)):
        return None
    if after_rule and not (first and _SEPARATOR.match(rows[first - 1][2].strip())):
        return None
    return first, last


def _calls_in_order(text: str, call: re.Pattern[str], count: int) -> bool:
    found = [int(match.group("number")) for match in call.finditer(text)]
    return found == list(range(1, count + 1))


def _rewritten(units: list[tuple[int, str]], rows: list[tuple[int, int, str]], run: tuple[int, int],
               body: re.Pattern[str], call: re.Pattern[str] | None) -> list[tuple[int, str]]:
    """The units with the run's bodies as ``[N] …`` and, for parenthesised calls, the calls as ``[N]``;
    unchanged unless every body is called once, in order, in the rows above the run."""
    count = run[1] - run[0] + 1
    above = "\n".join(text for _, _, text in rows[:run[0]])
    if not _calls_in_order(above, call or _BRACKETED_CALL, count):
        return units
    new_rows = [text for _, _, text in rows]
    for k in range(run[0], run[1] + 1):
        match = body.match(new_rows[k])
        assert match is not None  # _body_run matched it
        new_rows[k] = f"[{match.group('number')}] {match.group('text')}"
    if call is not None:
        for k in range(run[0]):
            new_rows[k] = call.sub(lambda found: f"[{found.group('number')}]", new_rows[k])
    blocks: dict[int, list[str]] = {}
    for (unit, _, _), text in zip(rows, new_rows):
        blocks.setdefault(unit, []).append(text)
    return [(line, "\n".join(blocks[unit])) for unit, (line, _) in enumerate(units)]


_BRACKETED_CALL = re.compile(r"(?<=\S)\[(?P<number>\d{1,3})\]")


def _numbered_with_paragraphs(bodies: list[re.Match[str] | None]) -> bool:
    """The units under the heading are numbered bodies, the first one first; an unnumbered paragraph may
    follow a body (a note of several paragraphs, or a footer after the last: _endnotes decides), a few
    in a row at most, and only under two bodies or more (``1. The campaign began …`` / ``The talks went
    on.`` may be a numbered paragraph of the text). Before, one such paragraph left all the notes as text."""
    if not bodies or bodies[0] is None:
        return False
    if None in bodies and sum(body is not None for body in bodies) < 2:
        return False
    run = 0
    for body in bodies:
        run = 0 if body else run + 1
        if run > _PARAGRAPHS_AFTER_A_BODY:
            return False
    return True


def _endnotes(units: list[tuple[int, str]], notes: Notes) -> list[tuple[int, str]]:
    """``[N]`` anchors with ``[N] body`` lines; a body line may share a block with others."""
    bodies: dict[str, tuple[str, int]] = {}
    body_rows: dict[str, tuple[int, int]] = {}  # (unit, row) of each number's first body: only it moves
    for unit, (line, text) in enumerate(units):
        for row_number, row in enumerate(text.split("\n")):
            match = _ENDNOTE_BODY.match(row)
            if match and _number(match) not in bodies:
                bodies[_number(match)] = (match.group("text"), line)
                body_rows[_number(match)] = (unit, row_number)
    if not bodies:
        return units
    anchored = {_number(m) for _, text in units if _MARK_START.search(text) for row in text.split("\n")
                if not _ENDNOTE_BODY.match(row) for m in _ENDNOTE_ANCHOR.finditer(row)}
    usable = {number for number in bodies if number in anchored}
    if not usable:
        return units
    # a second body with the same number stays where it is, as text: dropping it would lose its words
    moved_rows = {body_rows[number] for number in usable}
    if _apparatus_at_end(units, body_rows, usable):
        for number, (paragraphs, places) in _body_continuations(units, body_rows, usable).items():
            bodies[number] = (bodies[number][0] + paragraphs, bodies[number][1])
            moved_rows |= places
        if usable == bodies.keys():  # with a body left as text under it, the heading stays over that body
            moved_rows |= _notes_heading_over(units, body_rows, usable, notes)

    def anchor(match: re.Match[str]) -> str:
        number = _number(match)
        if number not in usable:
            return match.group()
        usable.discard(number)
        body, body_line = bodies[number]
        notes.moved += 1
        return notes.add(match.group("sup") or number, body, body_line)  # the mark as printed

    out: list[tuple[int, str]] = []
    for unit, (line, text) in enumerate(units):
        rows = []
        for row_number, row in enumerate(text.split("\n")):
            if (unit, row_number) in moved_rows:
                continue
            if _SEPARATOR.match(row):
                notes.separators += 1
                continue
            rows.append(_ENDNOTE_ANCHOR.sub(anchor, row) if _MARK_START.search(row) else row)
        out.append((line, "\n".join(rows)))
    return out


# The endnotes printed together after the text (``Notes`` / ``[1] …`` / ``[2] …``): a note of several
# paragraphs has only its first numbered, and a body wrapped by the export goes on in lines of its own.
# An unnumbered line between two bodies there belongs to the body above it: left in place it stood as a
# paragraph of the record's text after the notes (a quotation of note 6, the second paragraph of note 4).
_PARAGRAPHS_AFTER_A_BODY = 4  # at most; more unnumbered units between two bodies are no note's


def _apparatus_at_end(units: list[tuple[int, str]], body_rows: dict[str, tuple[int, int]],
                      usable: set[str]) -> bool:
    """The bodies stand together below every anchor of theirs: an apparatus at the end, not notes at
    the foot of each page with the text running on between them."""
    first_body = min(body_rows[number][0] for number in usable)
    return not any(_number(mark) in usable for _, text in units[first_body:] if _MARK_START.search(text)
                   for row in text.split("\n") if not _ENDNOTE_BODY.match(row)
                   for mark in _ENDNOTE_ANCHOR.finditer(row))


def _body_continuations(units: list[tuple[int, str]], body_rows: dict[str, tuple[int, int]],
                        usable: set[str]) -> dict[str, tuple[str, set[tuple[int, int]]]]:
    """Per body, the text its unnumbered continuation adds (wrapped lines joined with a space, later
    paragraphs after a blank line) and the (unit, row) places it is taken from. Whole paragraphs only
    between two bodies: what follows the last one may be the record's own closing lines (a footer)."""
    placed = sorted((body_rows[number], number) for number in usable)
    out: dict[str, tuple[str, set[tuple[int, int]]]] = {}
    for index, ((unit, row), number) in enumerate(placed):
        following = placed[index + 1][0] if index + 1 < len(placed) else None
        stop = following[1] if following and following[0] == unit else None
        if following is None and row != 0:
            # the last body inside a block of other text: its block's end may be no note's, but a
            # sentence the body leaves open goes on in the rows under it
            wrapped = _unfinished_rows(units[unit][1].split("\n"), row)
            if wrapped:
                out[number] = (" " + join_rows([units[unit][1].split("\n")[k] for k in wrapped]),
                               {(unit, k) for k in wrapped})
            continue
        wrapped = _wrapped_rows(units[unit][1], row, stop)
        taken = {(unit, k) for k in wrapped}
        text = " " + join_rows([units[unit][1].split("\n")[k] for k in wrapped]) if wrapped else ""
        later = _paragraphs_between(units, unit, following)
        taken |= {(k, r) for k in later for r in range(len(units[k][1].split("\n")))}
        text += "".join("\n\n" + join_rows(units[k][1].split("\n")) for k in later)
        if text:
            out[number] = (text, taken)
    return out


def _wrapped_rows(block: str, row: int, stop: int | None) -> list[int]:
    """The rows of a block after a body's row and before ``stop`` (another body's row, or the block's
    end): the body's wrapped lines; none when one of them is no plain line of text."""
    rows = block.split("\n")
    indexes = list(range(row + 1, len(rows) if stop is None else stop))
    return indexes if all(_continues_a_body(rows[k]) for k in indexes) else []


_SENTENCE_END = (".", "!", "?", ".)", ".”", '."', ":")


def _unfinished_rows(rows: list[str], row: int) -> list[int]:
    """The rows under the last body of a block of bodies that finish its sentence: each follows a row
    that ends with no full stop (``[6] Chamberlain, … – Prime Minister of Great Britain`` /
    ``in 1937–1940.``). Left out, such a row stood alone after the text, a page's tail."""
    taken: list[int] = []
    for k in range(row + 1, len(rows)):
        if rows[k - 1].rstrip().endswith(_SENTENCE_END) or not _continues_a_body(rows[k]):
            break
        taken.append(k)
    return taken


def _paragraphs_between(units: list[tuple[int, str]], unit: int, following: tuple[int, int] | None) -> list[int]:
    """The units between a body's unit and the next body, when they are a few plain paragraphs and the
    next body opens its unit."""
    if following is None or following[1] != 0 or following[0] == unit:
        return []
    between = range(unit + 1, following[0])
    if len(between) > _PARAGRAPHS_AFTER_A_BODY:
        return []
    return list(between) if all(all(_continues_a_body(row) for row in units[k][1].split("\n"))
                                for k in between) else []


def _continues_a_body(text: str) -> bool:
    """A plain line of note text: no body of its own, no separator, no page break, no archival reference."""
    stripped = text.strip()
    return bool(stripped) and FORM_FEED not in text and not _ENDNOTE_BODY.match(stripped) \
        and not _SEPARATOR.match(stripped) and not archive.is_reference(stripped)


def join_rows(rows: list[str]) -> str:
    """Wrapped lines of a note body as one text, each stripped, joined as a paragraph's lines are."""
    return join_lines([row.strip() for row in rows])


def _notes_heading_over(units: list[tuple[int, str]], body_rows: dict[str, tuple[int, int]],
                        usable: set[str], notes: Notes) -> set[tuple[int, int]]:
    """``Notes`` alone just above the first body goes with the bodies (counted, declared): left in place
    it stood as a paragraph of its own after the text."""
    unit, row = min(body_rows[number] for number in usable)
    place = (unit, row - 1) if row else (unit - 1, len(units[unit - 1][1].split("\n")) - 1) if unit else None
    if place is None or not _NOTES_HEADING.match(units[place[0]][1].split("\n")[place[1]].strip()):
        return set()
    notes.headings += 1
    return {place}


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _number(mark: re.Match[str]) -> str:
    """An endnote mark's number, whether printed "[2]", "^2" or "²"."""
    return mark.group("number") or mark.group("sup").translate(_SUPERSCRIPTS)


def _symbol_notes(units: list[tuple[int, str]], notes: Notes) -> list[tuple[int, str]]:
    """``*``, ``**``, ``†``: a mark moves only when one anchor and exactly one body block have it."""
    out = list(units)
    if not any(symbol in text for _, text in units for symbol in "*†‡§"):
        return out
    candidates = [i for i, (_, text) in enumerate(out) if "*" in text or "†" in text or "‡" in text or "§" in text]
    for mark in _SYMBOLS:
        body_at = [i for i in candidates if i < len(out) and _symbol_body(out[i][1]) == mark]
        anchors = [(i, m) for i in candidates if i < len(out) and i not in body_at
                   for m in _SYMBOL_ANCHOR.finditer(out[i][1])
                   if (m.group("mark") or m.group("section")) == mark and not _closes_emphasis(out[i][1], m)]
        if not anchors:
            continue
        if len(body_at) != 1 or len(anchors) != 1:
            line = out[anchors[0][0]][0]
            notes.warnings.append(NoteWarning(line, SYMBOL_AMBIGUOUS, (
                f"note symbol {mark!r} has {_count(len(anchors), 'anchor')} and "
                f"{_count(len(body_at), 'note block')}; kept as text")))
            continue
        (anchor_index, match), body_index = anchors[0], body_at[0]
        body_line, body_text = out[body_index]
        wrapped = _symbol_body_wrapped(out, body_index)
        body_text = join_rows([body_text, *(out[k][1] for k in wrapped)])
        line, text = out[anchor_index]
        notes.moved += 1
        sentinel = notes.add(mark, body_text[len(mark):].strip(), body_line)
        out[anchor_index] = (line, text[:match.start()] + sentinel + text[match.end():])
        del out[body_index:body_index + 1 + len(wrapped)]
    return out


_WRAPPED_BODY_LINES = 6  # at most after the body's first


def _symbol_body_wrapped(units: list[tuple[int, str]], index: int) -> list[int]:
    """The units after a symbol note's body of one line that go on with it: an export that wraps its lines
    with no blank line between paragraphs (catdoc) gives every line a unit of its own, and only the note's
    first line moved (``* Translator's note: … an obvious`` / ``slip of the original; …`` / ``the reading of
    the editors.``). Each goes on in lower case after a line without a sentence's end."""
    taken: list[int] = []
    last = units[index][1]
    for k in range(index + 1, min(len(units), index + 1 + _WRAPPED_BODY_LINES)):
        text = units[k][1]
        if "\n" in last or last.rstrip().endswith((".", "!", "?", '"', "”")) or not text[:1].islower():
            break
        taken.append(k)
        last = text
    return taken


def _closes_emphasis(text: str, anchor: re.Match[str]) -> bool:
    """The asterisk closes markdown emphasis (``*Secretary*``, ``**no**``): no note anchor."""
    return any(span.end() == anchor.end("mark") for span in _EMPHASIS.finditer(text))


def _symbol_body(text: str) -> str | None:
    match = _SYMBOL_BODY.match(text)
    return match.group("mark") if match else None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# ---------------------------------------------------------------- bare marks glued to the text

# Word's "Save as Plain Text" keeps a note's reference mark as a bare character glued to the word it
# follows ("Kang Sheng1,", "Pham Van Dong2:", "the list for 19654." = 1965 and note 4; endnotes in Word's
# default lower-case roman: "Deng Xiaopingi", "last year.iii") and writes the notes at the end of the
# text, a paragraph each: "1 Kang Sheng (1898-1975), …", "i Deng Xiaoping (1904-1997) – …".
_GLUED_BODY = re.compile(r"^(?P<mark>\d{1,3}|[ivx]{1,7})\s+(?P<text>(?:[^\W\d_]|[“\"‘(]).*)$")
_ROMAN = (("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
_GLUED_STEM = re.compile(r"[^\W\d_]{3,}$")


def _roman(number: int) -> str:
    out = ""
    for letters, value in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _trailing_glued_bodies(units: list[tuple[int, str]],
                           body_line: re.Pattern[str] = _GLUED_BODY) -> list[tuple[int, int, str, str]]:
    """(unit, row, mark, text) of the note paragraphs (``body_line``) that end the text, in source order;
    a separator line just above them is among them (mark and text empty)."""
    found: list[tuple[int, int, str, str]] = []
    for unit in range(len(units) - 1, -1, -1):
        rows = units[unit][1].split("\n")
        for row in range(len(rows) - 1, -1, -1):
            text = rows[row].strip()
            body = body_line.match(text)
            if body and not (found and not found[-1][2]):  # nothing counts above the separator
                found.append((unit, row, body.group("mark"), body.group("text")))
            elif _SEPARATOR.match(text) and found and found[-1][2]:
                found.append((unit, row, "", ""))
            elif text and (found or not archive.is_reference(text)):
                return found[::-1]  # an archival reference under the notes ("AVP RF, f. 05, …") is passed over
    return found[::-1]


def _glued_call(mark: str) -> re.Pattern[str]:
    """A call of ``mark`` glued to the text before it: after a full stop or other closing punctuation
    and before a space ("year.iii The"); an arabic mark also after a letter ("Sheng1,", "Dong2:") or a
    year ("19654." is 1965 and note 4). A roman mark after a letter is _roman_after_word's."""
    escaped = re.escape(mark)
    branches = [rf"(?<=[.,;:!?”’\")\]]){escaped}(?=\s|$)"]
    if mark.isdigit():
        branches += [rf"(?<=[^\W\d_]){escaped}(?!\w)", rf"(?<=\b1[6-9]\d\d|\b20\d\d){escaped}(?!\w)"]
    return re.compile("|".join(branches))


def _glued_positions(units: list[tuple[int, str]], end: tuple[int, int],
                     marks: list[str]) -> list[tuple[int, int, int, int]] | None:
    """(unit, row, start, end) of each mark's call, in order through the text above the notes; None
    unless every mark has its call, each after the one before."""
    rows = [(unit, row, text) for unit, (_, block) in enumerate(units) for row, text in enumerate(block.split("\n"))
            if (unit, row) < end]
    words = _words_of(text for _, _, text in rows)
    found: list[tuple[int, int, int, int]] = []
    place, offset = 0, 0
    for mark in marks:
        call = _glued_call(mark)
        while place < len(rows):
            unit, row, text = rows[place]
            match = _first_call(call, text, offset, mark, words)
            if match is not None:
                found.append((unit, row, match, match + len(mark)))
                offset = match + len(mark)
                break
            place, offset = place + 1, 0
        else:
            return None
    return found


def _words_of(texts) -> frozenset[str]:
    return frozenset(word for text in texts for word in re.findall(r"[^\W\d_]+", text))


def _first_call(call: re.Pattern[str], text: str, offset: int, mark: str, words: frozenset[str]) -> int | None:
    """Where the first call of ``mark`` from ``offset`` starts in text, if anywhere."""
    starts = [match.start() for match in [call.search(text, offset)] if match]
    if not mark.isdigit():
        starts += [start for start in [_roman_after_word(text, offset, mark, words)] if start is not None]
    return min(starts, default=None)


def _roman_after_word(text: str, offset: int, mark: str, words: frozenset[str]) -> int | None:
    """A roman mark glued to a word ("Deng Xiaopingi"), only when the word without it is printed
    elsewhere in the record ("Xiaoping"): many words end in i, v or x ("Fawzi", "Nehru's taxi")."""
    for match in re.finditer(rf"(?<=[^\W\d_]){re.escape(mark)}(?!\w)", text[offset:]):
        stem = _GLUED_STEM.search(text[offset:offset + match.start()])
        if stem and stem.group() in words:
            return offset + match.start()
    return None


def has_glued_notes(texts: list[str]) -> bool:
    """Whether the lines end with notes whose calls are bare marks glued to the text above, as
    _glued_notes reads them (Word's Save as Plain Text): for the family's detection."""
    return _glued_calls([(k, text) for k, text in enumerate(texts)]) is not None


_GluedBody = tuple[int, int, str, str]


def _glued_calls(units: list[tuple[int, str]]) -> tuple[list[_GluedBody], list[tuple[int, int, int, int]]] | None:
    """The note paragraphs that end the text (with a separator over them) and the place of each one's
    call, when the marks run 1, 2, 3 … (or i, ii, iii …) and every one has its call, in order."""
    bodies = _trailing_glued_bodies(units)
    marks = [mark for _, _, mark, _ in bodies if mark]
    if len(marks) < 2 or marks not in ([str(k) for k in range(1, len(marks) + 1)],
                                       [_roman(k) for k in range(1, len(marks) + 1)]):
        return None
    calls = _glued_positions(units, bodies[0][:2], marks)
    return None if calls is None else (bodies, calls)


def _glued_notes(units: list[tuple[int, str]], notes: Notes) -> list[tuple[int, str]]:
    """Notes whose calls are bare marks glued to the text, their paragraphs at the end: moved only
    when the marks run 1, 2, 3 … (or i, ii, iii …) and every one has its call, in order, above them."""
    found = _glued_calls(units)
    if found is None:
        return units
    bodies, calls = found
    numbered = [body for body in bodies if body[2]]
    sentinels = [notes.add(mark, text, units[unit][0] + row) for unit, row, mark, text in numbered]
    rows = [block.split("\n") for _, block in units]
    for (unit, row, start, end), sentinel in reversed(list(zip(calls, sentinels))):  # from the end: offsets hold
        rows[unit][row] = rows[unit][row][:start] + sentinel + rows[unit][row][end:]
    for unit, row, mark, _ in bodies:
        rows[unit][row] = ""
        notes.separators += not mark
    notes.moved += len(calls)
    notes.glued += len(calls)
    return [(line, "\n".join(row for row in rows[k] if row)) for k, (line, _) in enumerate(units)]


# ---------------------------------------------------------------- notes at the foot of each page

# A Word file printed to PDF and read back as text (pdftotext) keeps each page's footnotes at the page's
# foot, in a block of their own above its footer (``Page 1 of 4``), the calls bare digits glued to their
# words (``Lê Duẩn1``) as Save as Plain Text prints them; a note too long for its page runs on, unnumbered,
# at the top of the next page's notes. Left in place, the notes stood in the text between two parts of a
# paragraph the page cut.
_PAGE_FOOTER = re.compile(r"^\s*(?:(?i:page)\s+\d{1,4}(?:\s+(?i:of)\s+\d{1,4})?|[-–—]?\s*\d{1,4}\s*[-–—]?)\s*$")


def _pages(units: list[tuple[int, str]]) -> list[list[int]]:
    """The indexes of each page's units, the form feeds left out."""
    pages: list[list[int]] = [[]]
    for index, (_, text) in enumerate(units):
        if text == FORM_FEED:
            pages.append([])
        else:
            pages[-1].append(index)
    return pages


def _foot_block(units: list[tuple[int, str]], page: list[int]) -> int | None:
    """The page's last block above its footer (a page number alone or ``Page N of M``), if any."""
    kept = [index for index in page if not _PAGE_FOOTER.match(units[index][1])]
    return kept[-1] if len(kept) > 1 else None


def _foot_bodies(rows: list[str], expected: int, carried: list[str]) -> tuple[list[tuple[str, list[str]]], list[str]] | None:
    """The numbered bodies of a page's foot block (each with its wrapped rows) and the rows before the
    first (a note run on from the page before), when the block is only notes numbered from ``expected``
    on; None otherwise. Rows before the first body are a run-on of the note ``carried`` from the page
    before (its rows; empty when there is none) only when they go on with it (_run_on)."""
    bodies: list[tuple[str, list[str]]] = []
    before: list[str] = []
    for row in rows:
        body = _GLUED_BODY.match(row.strip())
        if body and body.group("mark") == str(expected + len(bodies)):
            bodies.append((body.group("mark"), [body.group("text")]))
        elif bodies:
            bodies[-1][1].append(row)
        else:
            before.append(row)
    if not bodies or (before and not _run_on(carried, before)):
        return None
    return bodies, before


def _run_on(carried: list[str], rows: list[str]) -> bool:
    """Rows above a foot block's first body go on with the note carried from the page before: it broke
    off without a sentence's end (``… on 30`` / ``September 1960 …``), or they go on in lower case."""
    return bool(carried) and (not carried[-1].rstrip().endswith((".", "!", "?", '"', "”", ")"))
                              or rows[0].strip()[:1].islower())


def _page_foot_notes(units: list[tuple[int, str]], notes: Notes) -> list[tuple[int, str]]:
    """Notes at the foot of each page, numbered on through the record, each called by a bare mark glued
    to its word: moved to their calls only when every body has its call, in order, above its foot block
    (a call on the page before its note, as a page's last line may have it, too), and there are two at
    least, on pages parted by form feeds."""
    pages = _pages(units)
    if len(pages) < 2:
        return units
    rows = [block.split("\n") for _, block in units]
    bodies: list[tuple[int, str, list[str]]] = []  # foot unit, mark, rows
    for page in pages:
        foot = _foot_block(units, page)
        if foot is None:
            continue
        parsed = _foot_bodies(rows[foot], len(bodies) + 1, bodies[-1][2] if bodies else [])
        if parsed is not None:
            if parsed[1]:
                bodies[-1][2].extend(parsed[1])
            bodies += [(foot, mark, body_rows) for mark, body_rows in parsed[0]]
    if len(bodies) < 2:
        return units
    feet = {foot for foot, _, _ in bodies}
    text = [k for k in range(len(units)) if k not in feet and units[k][1] != FORM_FEED]
    calls = _glued_positions([units[k] for k in text], (len(text), 0), [mark for _, mark, _ in bodies])
    if calls is None or any(text[unit] > foot for (unit, _, _, _), (foot, _, _) in zip(calls, bodies)):
        return units
    sentinels = [notes.add(mark, join_rows(body_rows), units[foot][0]) for foot, mark, body_rows in bodies]
    for (unit, row, start, end), sentinel in reversed(list(zip(calls, sentinels))):  # from the end: offsets hold
        rows[text[unit]][row] = rows[text[unit]][row][:start] + sentinel + rows[text[unit]][row][end:]
    for foot in feet:
        rows[foot] = []
    notes.moved += len(bodies)
    notes.glued += len(bodies)
    return [(line, "\n".join(rows[k])) for k, (line, _) in enumerate(units)]


def has_page_foot_notes(lines: Sequence[Line]) -> bool:
    """Whether the lines hold notes at the foot of each page as _page_foot_notes reads them (a Word file's
    PDF read as text): for the family's detection."""
    from tei_encoder.reader.units import blocks_of_lines

    if not any(line.text == FORM_FEED for line in lines):
        return False
    units = blocks_of_lines(lines, False)
    return _page_foot_notes(units, Notes()) is not units


# ---------------------------------------------------------------- reviewers' comments

# Google Docs' plain-text download marks a comment "[a]" (then "[b]" … "[z]", "[aa]") at the words it is
# on and prints its text at the end, "[a]text" with no space; Word's web page export, and text copied
# from it, marks "[RK1]" (the reviewer's initials, a running number) and prints "[RK1]text" at the end.
# A comment is the translator's or a reviewer's working remark, not the source's note.
_COMMENT_BODY = re.compile(r"^\[(?P<mark>[a-z]{1,2}|[A-Z]{1,4}\d{1,3})\](?P<text>\S.*)$")


def _comment_sequence(marks: list[str]) -> bool:
    """Google's letters run a, b, c …; Word's numbers run 1, 2, 3 … whoever's initials stand before them."""
    letters = [chr(ord("a") + k) for k in range(len(marks))]
    numbers = [re.sub(r"^[A-Z]+", "", mark) for mark in marks]
    return marks == letters or numbers == [str(k) for k in range(1, len(marks) + 1)]


def _comment_notes(units: list[tuple[int, str]], notes: Notes) -> list[tuple[int, str]]:
    """Comments whose texts end the record, each mark once in the text above glued to the words it is on:
    editorial notes at their marks. Otherwise (a mark missing or printed twice) all stay as text."""
    bodies = _trailing_glued_bodies(units, _COMMENT_BODY)
    numbered = [(unit, row, mark, text) for unit, row, mark, text in bodies if mark]
    if not numbered or not _comment_sequence([mark for _, _, mark, _ in numbered]):
        return units
    rows = [block.split("\n") for _, block in units]
    above = [(unit, row) for unit in range(len(rows)) for row in range(len(rows[unit])) if (unit, row) < bodies[0][:2]]
    calls: list[tuple[int, int, int, int]] = []  # (unit, row, start, end) of each comment's mark
    for _, _, mark, _ in numbered:
        found = [(unit, row, match.start(), match.end()) for unit, row in above
                 for match in re.finditer(rf"(?<=\S)\[{re.escape(mark)}\]", rows[unit][row])]
        if len(found) != 1:
            return units
        calls.append(found[0])
    sentinels = [notes.add(mark, text, units[unit][0] + row, "editorial") for unit, row, mark, text in numbered]
    for (unit, row, start, end), sentinel in sorted(zip(calls, sentinels), reverse=True):  # offsets hold
        rows[unit][row] = rows[unit][row][:start] + sentinel + rows[unit][row][end:]
    for unit, row, mark, _ in bodies:
        rows[unit][row] = ""
        notes.separators += not mark
    notes.comments += len(numbered)
    return [(line, "\n".join(row for row in rows[k] if row)) for k, (line, _) in enumerate(units)]
