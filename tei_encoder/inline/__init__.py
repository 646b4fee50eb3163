"""Inline rules: each turns notation inside a line of text into model nodes.

A rule is one small module with a docstring stating what it matches and what
must not match. RULES applies them in a fixed order to a list of segments
(plain strings and nodes): each rule only looks inside the strings, so what an
earlier rule made is never re-read.
"""

from __future__ import annotations

import re

from tei_encoder.alternation import longest_first_alternation
from tei_encoder.inline import (
    boxes, conjecture, correction, deletions, directions, editorial_notes, emphasis, handwriting, losses,
    margin_notes, omissions, pages, sic, stamps, underlines,
)
from tei_encoder.inline.base import Context, Rule, Segments

# Order matters: a translator's or editor's note comes first because the other rules
# apply inside its body (it would be cut apart by them otherwise); page markers and boxes
# are unambiguous; the transcriber's labels of marks on the paper come before the notations
# their words may hold ([crossed out: [illegible]]), the outer first (a margin note or stamp
# may hold underlining, underlining a deletion), a margin note never taking a handwriting
# label (margin_notes.py); bracket notations come before [sic], and printed corrections
# after every bracket notation; emphasis last among the notations because `*` is also a
# note symbol (handled before the rules run).
RULES: tuple[Rule, ...] = (
    editorial_notes.RULE,
    pages.RULE,
    boxes.RULE,
    omissions.RULE,
    margin_notes.RULE,
    stamps.RULE,
    underlines.RULE,
    deletions.RULE,
    losses.RULE,
    handwriting.RULE,
    conjecture.RULE,
    sic.RULE,
    correction.RULE,
    emphasis.RULE,
    directions.RULE,
)


# The transcriber's labels of marks on the paper (their words are the document's own).
PAPER_MARK_RULES = (margin_notes.RULE, stamps.RULE, underlines.RULE, deletions.RULE)


def paper_mark_spans(text: str) -> list[tuple[int, int]]:
    """Where such labels stand in text: what is inside one (a date on a stamp) is the label's."""
    return [found.span() for rule in PAPER_MARK_RULES if rule.trigger(text) for found in rule.pattern.finditer(text)]


def paper_mark_alone(text: str) -> bool:
    """A line that is one such label and nothing else (``[Stamp: … outgoing No. 2311]`` under a
    signature): a mark on the paper, not body text."""
    spans = paper_mark_spans(text)
    return len(spans) == 1 and not (text[:spans[0][0]] + text[spans[0][1]:]).strip()


# What every match of a rule opens with, for the rules whose cheap test looks for words ("margin",
# "stamp", "crossed", "sic"): the bracket stands for them in the test below. Their words are in many
# texts (every "basic", "across", "stamped"), the brackets in few; a text without the bracket holds no
# match of the rule, and a rule that matches nothing leaves the segments as they are.
_OPENED_BY = {"margin-notes": ("[",), "stamps": ("[",), "deletions": ("[",), "sic": ("[", "(")}
# Every substring a rule's cheap test looks for (or its stand-in), in one pattern: three texts in four
# hold none of them, and one search tells so instead of every rule's test (the rules without one still
# apply). None opens with a letter: the engine skips to the few characters they open with.
_ANY_CHEAP = re.compile(longest_first_alternation(
    {cheap for rule in RULES for cheap in _OPENED_BY.get(rule.name, rule.cheap)}))
_UNCONDITIONAL = tuple(rule for rule in RULES if not rule.cheap)


def apply_rules(segments: Segments, context: Context) -> Segments:
    if len(segments) == 1 and isinstance(segments[0], str):
        text = segments[0]  # the common case: the text as it came
    else:
        text = "".join(s for s in segments if isinstance(s, str))
    for rule in RULES if _ANY_CHEAP.search(text) else _UNCONDITIONAL:
        if rule.trigger(text):  # most lines hold no notation at all: skip the rule's regex
            segments = rule.apply(segments, context)
    return segments


__all__ = ["Context", "PAPER_MARK_RULES", "RULES", "Rule", "Segments", "apply_rules", "paper_mark_alone",
           "paper_mark_spans"]
