"""What every inline rule shares: segments, the per-record context, a splitter."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tei_encoder.model import Hand, Inline

Segment = str | Inline
Segments = list[Segment]


@dataclass(slots=True)
class Context:
    """Per-record state the rules share: counts for the header's statements, hands seen."""

    counts: dict[str, int] = field(default_factory=dict)
    hands: list[Hand] = field(default_factory=list)

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def hand(self, description: str) -> str:
        for hand in self.hands:
            if hand.description == description:
                return hand.ident
        ident = f"hw{len(self.hands) + 1}"
        self.hands.append(Hand(ident, description))
        return ident


Maker = Callable[[re.Match[str], Context], Sequence[Segment] | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    make: Maker  # returns the replacement segments, or None to leave the match as text
    cheap: str = ""  # a substring every match contains: skips the regex on most lines

    def trigger(self, text: str) -> bool:
        return self.cheap in text if self.cheap else True

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
