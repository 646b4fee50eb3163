"""Paragraph units: the body's lines grouped as the source laid them out.

A unit is a blank-line block of lines, or one line when the family takes every line as a
paragraph or the lines are not wrapped (``lines_are_paragraphs``: the line-length profile and
sentence ends tell, for every family).
A block whose lines open ``1.``, ``2.``, ``3.`` … in sequence is a unit per numbered item.
A form feed is a unit of its own. ``text`` joins a unit's soft-wrapped lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tei_encoder.markers import FORM_FEED
from tei_encoder.source import Line


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph as the source laid it out; ``text`` joins its soft-wrapped lines."""

    line: int
    lines: tuple[str, ...]
    text: str = ""

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", join_lines(self.lines))


def starts_lower(text: str) -> bool:
    """The text's first letter (after OCR boxes) is lower case: it continues a sentence."""
    bare = text.lstrip(" \u25a1")
    return bool(bare) and bare[0].islower()


def join_lines(lines: Sequence[str], counts: dict[str, int] | None = None) -> str:
    """Soft wraps are joined with one space; after a line-end ``-`` before lower case, or a compound's
    hyphen before a capital (compound_hyphen_wrapped), with none."""
    text = lines[0] if lines else ""
    for line in lines[1:]:
        hyphen = text.endswith("-") and line[:1].islower() or compound_hyphen_wrapped(text, line)
        text += line if hyphen else " " + line
        if counts is not None:
            key = "hyphen-joins" if hyphen else "soft-wraps"
            counts[key] = counts.get(key, 0) + 1
    return text


def compound_hyphen_wrapped(text: str, line: str) -> bool:
    """The line before ends in a letter and ``-``, this one opens with a capital: a compound's hyphen
    (``Soviet-`` / ``Romanian``, ``Anglo-`` / ``American``, ``non-`` / ``Communist``) at the wrap. A dash
    has a space before it (``pact -``) or is doubled (``pact--``), so the hyphen joins without a space."""
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha() and line[:1].isupper()


def blocks_of_lines(lines: Sequence[Line], line_paragraphs: bool) -> list[tuple[int, str]]:
    """(first line number, text with its lines joined by newlines) per block of the source."""
    blocks: list[tuple[int, str]] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            blocks.append((current[0].number, "\n".join(line.text for line in current)))
            current.clear()

    for line in lines:
        if line.text == FORM_FEED:
            flush()
            blocks.append((line.number, FORM_FEED))
        elif not line.text:
            flush()
        elif line_paragraphs:
            flush()
            current.append(line)
            flush()
        else:
            current.append(line)
    flush()
    return blocks


# Hard-wrapped text breaks its lines near a fixed width, mostly in mid-sentence; a text written
# one paragraph a line ends nearly every long line at a sentence end.
_LONG_LINE = 60
_SENTENCE_END = tuple('.!?:;…"”’)]')


def lines_are_paragraphs(lines: Sequence[Line]) -> bool:
    """True when the lines are not wrapped: of the long lines followed by another line (no blank
    between), at least three and nearly all (three in four) end a sentence."""
    texts = [line.text for line in lines]
    long_breaks = [text for text, after in zip(texts, texts[1:])
                   if len(text) >= _LONG_LINE and after and FORM_FEED not in (text, after)]
    mid_sentence = sum(not text.rstrip().endswith(_SENTENCE_END) for text in long_breaks)
    return len(long_breaks) >= 3 and 4 * mid_sentence <= len(long_breaks)


def lines_are_wrapped(lines: Sequence[Line]) -> bool:
    """True when the lines are hard-wrapped at a width with blank lines between the paragraphs (antiword,
    Word's Save as Plain Text with line breaks): of the long lines followed by another line, at least
    three and most (two in three) break in mid-sentence, and blank lines stand between text lines."""
    texts = [line.text for line in lines]
    long_breaks = [text for text, after in zip(texts, texts[1:])
                   if len(text) >= _LONG_LINE and after and FORM_FEED not in (text, after)]
    mid_sentence = sum(not text.rstrip().endswith(_SENTENCE_END) for text in long_breaks)
    separated = sum(1 for before, blank, after in zip(texts, texts[1:], texts[2:]) if before and not blank and after)
    return mid_sentence >= 3 and 3 * mid_sentence >= 2 * len(long_breaks) and separated >= 3


# "1. To approve …" / "2. To instruct …" on consecutive lines of one block: the items of a
# numbered decision or agenda, typed one a line, even where the rest of the text is wrapped.
_LINE_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]/?\s+\S")  # "1./" as Hungarian and Czech minutes number


def units_of(line: int, text: str, counts: dict[str, int]) -> Iterator[Unit]:
    """A block as units: one, or one per numbered item when its lines open ``1.``, ``2.``, ``3.`` …
    in sequence (a wrapped line between keeps to its item: it does not open the next number), or one per
    reply of a dialogue printed with dashes."""
    lines = text.split("\n")
    starts = _numbered_starts(lines) or _dialogue_starts(lines)
    if len(starts) < 2:
        yield unit_of(line, text, counts)
        return
    for start, end in zip(starts, [*starts[1:], len(lines)]):
        yield unit_of(line + start, "\n".join(lines[start:end]), counts)


# A reply of a dialogue printed with dashes, as translations from Russian print direct speech: "— Did the
# British side raise the question?", "— No, answered Aktay, the question was not raised."
_REPLY = re.compile(r"^[—–] ?[\w\"“«]")
_INTRODUCES_SPEECH = re.compile(r"\b(?:asked|said|replied|answered|remarked|declared|added|objected|continued|"
                                r"stated|noted|inquired|exclaimed)\s*:\s*$")


def _dialogue_starts(lines: Sequence[str]) -> list[int]:
    """The lines that open the replies of a dialogue printed with dashes, when a line introduces the
    speech (``Comrade Molotov asked:``): its first reply stays with it, each later one is a paragraph."""
    if len(lines) < 3 or not any(_INTRODUCES_SPEECH.search(line) for line in lines):
        return []
    replies = [index for index, text in enumerate(lines) if _REPLY.match(text)]
    if len(replies) < 2:
        return []
    starts = [0] + [index for index in replies if index and not _INTRODUCES_SPEECH.search(lines[index - 1])]
    return starts if len(starts) >= 2 else []


def _numbered_starts(lines: Sequence[str]) -> list[int]:
    """The indexes of the lines that open the numbers in sequence from the block's first line."""
    first = _LINE_NUMBER.match(lines[0]) if len(lines) > 1 else None
    if first is None:
        return []
    starts, expected = [0], int(first.group(1)) + 1
    for index, text in enumerate(lines[1:], 1):
        number = _LINE_NUMBER.match(text)
        if number and int(number.group(1)) == expected:
            starts.append(index)
            expected += 1
    return starts


def unit_of(line: int, text: str, counts: dict[str, int]) -> Unit:
    """A block (after its notes were taken out) as a unit; its soft wraps are counted once, here."""
    lines = tuple(text.split("\n"))
    if len(lines) == 1:
        return Unit(line, lines, text)
    # Wrapped lines: counted here once; the opening reads them one by one.
    return Unit(line, lines, join_lines(lines, counts))
