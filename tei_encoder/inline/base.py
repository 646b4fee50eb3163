"""What every inline rule shares: segments, the per-record context, a splitter."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tei_encoder.model import Hand, Inline, Text
from tei_encoder.trace import Trace

Segment = str | Inline
Segments = list[Segment]


@dataclass(slots=True)
class Context:
    """Per-record state the rules share: counts for the header's statements, hands seen, and the
    decision trace (``line``: the first source line of the block being inlined, for its decisions)."""

    counts: dict[str, int] = field(default_factory=dict)
    hands: list[Hand] = field(default_factory=list)
    trace: Trace = field(default_factory=Trace)
    line: int = 0
    page_joins: list[tuple[int, str]] = field(default_factory=list)  # the layout's (reader/layout.py)
    # (where it was read, as printed, the dateline's date as printed): a date for the document that its
    # dateline contradicts, replaced by the dateline's (reader/header_model.py)
    overruled_creation: tuple[str, str, str] | None = None
    _idents: dict[str, int] = field(default_factory=dict)

    def ident(self, prefix: str) -> str:
        """The next id of a traced element of this kind (``sp1``, ``sp2`` …): document order, deterministic."""
        self._idents[prefix] = self._idents.get(prefix, 0) + 1
        return f"{prefix}{self._idents[prefix]}"

    def join_line(self, after: str) -> int:
        """The source line an inferred page break is on: where the layout joined the next page's text,
        taken in document order; ``after`` (the text after the break) confirms which join it is."""
        probe = after.lstrip()[:12]
        for k, (line, text) in enumerate(self.page_joins):
            if not probe or text.lstrip().startswith(probe):
                del self.page_joins[:k + 1]  # a join before it no rule saw (its text became a node) is passed
                return line
        return self.page_joins.pop(0)[0] if self.page_joins else self.line

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def hand(self, description: str) -> str:
        for hand in self.hands:
            if hand.description == description:
                return hand.ident
        ident = f"hw{len(self.hands) + 1}"
        self.hands.append(Hand(ident, description))
        return ident


# The words inside a transcriber's label (``[crossed out: …]``), which may hold one level of
# brackets of their own (``[crossed out: [illegible]]``); never across a line.
BODY = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])+?"


def inner(body: str, context: Context) -> tuple[Inline, ...]:
    """The nodes of a label's words: every rule applies inside them, as in the text around."""
    from tei_encoder.inline import apply_rules  # the rules list imports the modules that call this

    return tuple(Text(s) if isinstance(s, str) else s for s in apply_rules([body], context))


Maker = Callable[[re.Match[str], Context], Sequence[Segment] | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    make: Maker  # returns the replacement segments, or None to leave the match as text
    cheap: tuple[str, ...] = ()  # substrings one of which every match contains: skips most lines

    def trigger(self, text: str) -> bool:
        for cheap in self.cheap:  # a loop, not any() over a generator: asked of every text
            if cheap in text:
                return True
        return not self.cheap

    def apply(self, segments: Segments, context: Context) -> Segments:
        return split_text(segments, self.pattern, lambda m: self.make(m, context))


def split_text(segments: Segments, pattern: re.Pattern[str],
               make: Callable[[re.Match[str]], Sequence[Segment] | None]) -> Segments:
    """Replace each match inside the string segments by what ``make`` returns."""
    out: Segments = []
    for segment in segments:
        if not isinstance(segment, str):
            out.append(segment)
            continue
        position = 0
        for match in pattern.finditer(segment):
            replacement = make(match)
            if replacement is None:
                continue
            if match.start() > position:
                out.append(segment[position:match.start()])
            out.extend(replacement)
            position = match.end()
        if position < len(segment):
            out.append(segment[position:])
    return merge_text(out)


def merge_text(segments: Sequence[Segment]) -> Segments:
    """Join adjacent strings and drop empty ones."""
    out: Segments = []
    for segment in segments:
        if isinstance(segment, str):
            if not segment:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += segment
                continue
        out.append(segment)
    return out
