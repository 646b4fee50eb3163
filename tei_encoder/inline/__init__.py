"""Inline rules: each turns notation inside a line of text into model nodes.

A rule is one small module with a docstring stating what it matches and what
must not match. RULES applies them in a fixed order to a list of segments
(plain strings and nodes): each rule only looks inside the strings, so what an
earlier rule made is never re-read.
"""

from __future__ import annotations

from tei_encoder.inline import (
    boxes, conjecture, directions, editorial_notes, emphasis, handwriting, losses, omissions,
    pages, sic,
)
from tei_encoder.inline.base import Context, Rule, Segments

# Order matters: page markers and boxes are unambiguous; bracket notations
# come before [sic]; emphasis last among the notations because `*` is also a
# note symbol (handled before the rules run).
RULES: tuple[Rule, ...] = (
    pages.RULE,
    boxes.RULE,
    omissions.RULE,
    losses.RULE,
    handwriting.RULE,
    editorial_notes.RULE,
    conjecture.RULE,
    sic.RULE,
    emphasis.RULE,
    directions.RULE,
)


def apply_rules(segments: Segments, context: Context) -> Segments:
    for rule in RULES:
        if any(isinstance(s, str) and rule.trigger(s) for s in segments):
            segments = rule.apply(segments, context)
    return segments


__all__ = ["Context", "RULES", "Rule", "Segments", "apply_rules"]
