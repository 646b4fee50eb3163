"""The decisions made about the record as a whole, traced once its header and persons are known.

The stages trace their own decisions as they make them (turns in build.py, inferred page breaks
in inline/pages.py, notes in inliner.py). What is decided across stages is traced here: which
source lines each header field was taken from (as the family or the body reader recorded them in
``HeaderDraft.where``; a field no stage located is found by its text in the source), the site's
boilerplate, where the body begins, and every person whose several spellings were merged into one. A header field taken from a line without a label (``Summary:``)
is a guess; so is every merge of spellings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from tei_encoder import model as m
from tei_encoder.markers import plain
from tei_encoder.reader.notes import without_word_notes
from tei_encoder.source import Line
from tei_encoder.trace import Trace, header_id

_LABELLED = re.compile(r"^[\W_]*[A-Z][A-Za-z &]{1,40}\s*:")
_PROBE = 40  # characters of a value that find its first line


def trace_record(trace: Trace, lines: Sequence[Line], body: Sequence[Line], header: m.Header,
                 persons: Sequence[m.Person], family: str,
                 aliases: Sequence[tuple[str, str, str]] = (),
                 where: Mapping[str, tuple[int, int]] | None = None) -> None:
    """``aliases``: (id, authority name, printed form) for each form only the project's names table joined;
    ``where``: the lines the family read each header field from (``HeaderDraft.where``)."""
    finder = _Finder(lines, where or {})
    if body:
        trace.add("header", "body-start", (body[0].number, body[-1].number), "body", None, True,
                  f"the {family} reader took these lines as the body")
    _header_fields(trace, finder, header, body)
    after = 0
    for index, text in enumerate(header.boilerplate, 1):
        span = finder.located(f"boilerplate-{index}", text) or finder.span(text, after)  # the same line
        # twice is two lines of the source
        after = span[1] or after
        trace.add("boilerplate", f"{family}-boilerplate", span, "boilerplate", header_id("boilerplate", index),
                  True, "the site's boilerplate, kept verbatim in the header, not in the body")
    aliased: dict[str, list[str]] = {}
    for ident, _, form in aliases:
        aliased.setdefault(ident, []).append(form)
    for person in persons:
        _merge(trace, finder, person, body, aliased.get(person.ident, []))
    trace.relocate("notation", lambda d: finder.line_with(d.detail.rsplit(" kept as text", 1)[0], d.first_line))


def _header_fields(trace: Trace, finder: _Finder, header: m.Header, body: Sequence[Line]) -> None:
    def field(name: str, text: str | None, index: int | None = None) -> None:
        if not text:
            return
        span = finder.located(name if index is None else f"{name}-{index}", text) or finder.span(text)
        labelled = finder.labelled(span[0])
        trace.add("header", "labelled-field" if labelled else "unlabelled-line", span, name,
                  header_id(name, index), labelled, text if len(text) <= 80 else text[:77] + "…")

    if header.title:
        field("title", header.title)
    else:
        trace.add("header", "supplied-title", (0, 0), "title", header_id("title"), False,
                  "no title in the source: one was supplied from the file name")
    field("date", header.date.text if header.date else None)
    if header.summary:
        field("summary", header.summary[0])
    field("citation", header.citation)
    field("original-language", header.original_language)
    for index, item in enumerate(header.contents, 1):
        field("contents", item.strip(), index)
    for index, source_field in enumerate(header.fields, 1):
        field("field", source_field.text, index)
    for index, term in enumerate(header.terms, 1):
        if term.kind == "genre":  # named by a word of the title: marked on the title's lines
            title = header.title or ""
            trace.add("header", "genre-from-title", finder.located(f"term-{index}", title) or finder.span(title),
                      "genre", header_id("term", index), False, term.text)
        elif term.text.strip():  # a classification or precedence mark, known by its words
            span = finder.located(f"term-{index}", term.text) or finder.span(term.text)
            trace.add("header", "marking", span, term.kind, header_id("term", index), True, term.text)
    _language(trace, finder, header, body)


def _language(trace: Trace, finder: _Finder, header: m.Header, body: Sequence[Line]) -> None:
    """Stated when the family read it from a line (a Wilson Center page's ``Transcript - English``)."""
    stated = finder.located("language", header.language.name or "") or (0, 0)
    if stated[0]:
        trace.add("header", "stated-language", stated, "language", header_id("language"), True,
                  header.language.name or "")
    else:
        span = (body[0].number, body[-1].number) if body else (0, 0)
        trace.add("header", "detected-language", span, "language", header_id("language"), False,
                  f"{header.language.name or 'unknown'} ({header.language.code}), told from the text")


def _merge(trace: Trace, finder: _Finder, person: m.Person, body: Sequence[Line], aliases: Sequence[str]) -> None:
    """A person the record names in several spellings: the identity rules (or a biographical note, or
    the project's names table) decided they are one."""
    for alias in aliases:  # the names table's word, applied by matching text: a guess to review
        trace.add("person", "names-authority-alias", finder.span(alias), "person", person.ident, False,
                  f"{alias} = {person.names[0]} (project names table)")
    if person.catalogue:  # the page's list named the person: matched by surname, a guess to review
        trace.add("person", "catalogue-heading", finder.span(person.catalogue), "person", person.ident, False,
                  f"{person.catalogue} = {person.names[0]}")
    if len(person.names) < 2:
        return
    found = [finder.first_line(name, body) for name in person.names]
    if not any(found):  # forms put in reading order ("Stalin, Iosif Vissarionovich"): where the surname stands
        found = [finder.first_line(name.split()[-1], body) for name in person.names]
    if not any(found):  # named only by the page's title or citation, never in the text: the header's lines
        found = [finder.first_line(name, finder.lines) for name in person.names]
    lines = sorted(line for line in found if line)
    span = (lines[0], lines[-1]) if lines else (0, 0)
    if len({name.casefold() for name in person.names}) == 1:  # STALIN and Stalin: only the case differs
        trace.add("person", "same-name", span, "person", person.ident, True, " = ".join(person.names))
        return
    rule = "biographical-note" if person.note else "identity-rules"
    trace.add("person", rule, span, "person", person.ident, False, " = ".join(person.names))


class _Finder:
    """Finds the source lines a value was taken from, by its text (marks and spacing ignored)."""

    def __init__(self, lines: Sequence[Line], where: Mapping[str, tuple[int, int]]) -> None:
        self.lines = [line for line in lines if line.text.strip()]
        self.keys = [_key(line.text) for line in self.lines]
        self.by_number = {line.number: line.text for line in lines}
        self.where = where

    def located(self, name: str, value: str) -> tuple[int, int] | None:
        """The lines the family read the field from, when it says so and they hold the value's first
        words (a field the header model changed after the family read it is found by its text)."""
        span = self.where.get(name)
        if span is None:
            return None
        printed = _key(" ".join(without_word_notes(self.by_number.get(n, "")) for n in range(span[0], span[1] + 1)))
        return span if _key(value)[:_PROBE // 2] in printed else None

    def labelled(self, number: int) -> bool:
        """The line states its field with a label (``Summary: …``), or follows a label alone on its line."""
        k = next((k for k, line in enumerate(self.lines) if line.number == number), None)
        if k is None:
            return False
        if _LABELLED.match(self.lines[k].text):
            return True
        return k > 0 and bool(_LABELLED.match(self.lines[k - 1].text)) and \
            self.lines[k - 1].text.rstrip(" *#").endswith(":")

    def span(self, value: str, after: int = 0) -> tuple[int, int]:
        """First and last line of ``value`` in the source (after line ``after``); (0, 0) when no line
        holds it. Of the lines where it may start, the one whose span holds most of it wins, then the
        earliest (a citation begins with the title: the title's line holds only its first words)."""
        key = _key(value)
        if not key:
            return 0, 0
        probe = key[:_PROBE]
        best: tuple[int, int, int] | None = None  # (coverage, first, last)
        for k, line_key in enumerate(self.keys):
            if self.lines[k].number <= after or not line_key:
                continue
            if probe in line_key or (len(line_key) >= 8 and f"{key} ".startswith(f"{line_key} ")):
                last = k
                while (last + 1 < len(self.keys) and self.keys[last + 1]
                       and f" {self.keys[last + 1]} " in f" {key} "):
                    last += 1
                joined = " ".join(self.keys[k:last + 1])
                coverage = len(key) if key in joined else min(len(joined), len(key))
                if best is None or coverage > best[0]:
                    best = (coverage, k, last)
        if best is None:
            return 0, 0
        return self.lines[best[1]].number, self.lines[best[2]].number

    def line_with(self, text: str, start: int) -> tuple[int, int]:
        """The first line from ``start`` on that holds ``text`` as printed (else ``start``)."""
        found = next((line.number for line in self.lines if line.number >= start and text in line.text), start)
        return found, found

    def first_line(self, name: str, within: Sequence[Line]) -> int:
        key = _key(name)
        numbers = {line.number for line in within}
        return next((line.number for line, line_key in zip(self.lines, self.keys)
                     if key and f" {key} " in f" {line_key} " and line.number in numbers), 0)


def _key(text: str) -> str:
    """The text's words (runs of letters and digits) case-folded, one space between them: marks
    and spacing ignored."""
    if text.isascii():  # most lines: no reader's marker in them, and no regex needed
        return b" ".join(text.encode("ascii").translate(_ASCII_KEY).split()).decode("ascii")
    return " ".join(_WORDS.findall(plain(text))).casefold()


_WORDS = re.compile(r"[^\W_]+")
# Every ASCII character but a letter or digit as a space (split then joins each run of them as one),
# letters in lower case: one pass of a byte table, about twice as fast as str.translate and lower().
_ASCII_KEY = bytes(ord(chr(code).lower()) if chr(code).isalnum() else 32 for code in range(128)) \
    + bytes(range(128, 256))
