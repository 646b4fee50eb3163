"""Inline rules: each turns notation inside a line of text into model nodes.

A rule is one small module with a docstring stating what it matches and what
must not match. RULES applies them in a fixed order to a list of segments
(plain strings and nodes): each rule only looks inside the strings, so what an
earlier rule made is never re-read.
"""

from __future__ import annotations

from tei_encoder.inline import (
    boxes, conjecture, correction, directions, editorial_notes, emphasis, handwriting, losses, omissions,
    pages, sic,
)
from tei_encoder.inline.base import Context, Rule, Segments

# Order matters: a translator's or editor's note comes first because the other rules
# apply inside its body (it would be cut apart by them otherwise); page markers and boxes
# are unambiguous; bracket notations come before [sic], and printed corrections after every
# bracket notation; emphasis last among the notations because `*` is also a note symbol
# (handled before the rules run).
RULES: tuple[Rule, ...] = (
    editorial_notes.RULE,
    pages.RULE,
    boxes.RULE,
    omissions.RULE,
    losses.RULE,
    handwriting.RULE,
    conjecture.RULE,
    sic.RULE,
    correction.RULE,
    emphasis.RULE,
    directions.RULE,
)


def apply_rules(segments: Segments, context: Context) -> Segments:
    text = "".join(s for s in segments if isinstance(s, str))
    for rule in RULES:
        if rule.trigger(text):  # most lines hold no notation at all: skip the rule's regex
            segments = rule.apply(segments, context)
    return segments


__all__ = ["Context", "RULES", "Rule", "Segments", "apply_rules"]
