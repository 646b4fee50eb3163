"""Handwriting reported by the transcript: ``[handwritten: Seen]``,
``[handwritten in margin: Agreed. V.M.]``.

→ Handwritten(text, hand) and one Hand in the header. The label is declared
notation. Must not match: ``[written answer]`` or text merely mentioning handwriting.
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Handwritten

PATTERN = re.compile(
    r"\[(?:hand-?written|handwriting|in handwriting|manuscript(?: note)?)"
    r"(?P<margin>\s+(?:in|on)\s+(?:the\s+)?margins?)?\s*:\s*(?P<text>[^\[\]]+?)\s*\]",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list[Handwritten]:
    context.count("handwriting")
    hand = context.hand("Handwriting reported by the transcript.")
    return [Handwritten(match.group("text"), hand, in_margin=bool(match.group("margin")))]


RULE = Rule("handwriting", PATTERN, _make, cheap="[")
