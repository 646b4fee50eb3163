"""Handwriting reported by the transcript: ``[handwritten: Seen]``,
``[handwritten in margin: Agreed. V.M.]``, ``[handwritten in the left margin: "Agreed"]``.

→ Handwritten(text, hand) and one Hand in the header; ``in_margin`` when the wording names a
margin. The label is declared notation; the words after it stay verbatim, quotation marks
included. A label whose closing bracket never comes (``[handwritten: Inform Comrade Molotov``
at the end of a line) runs to the end of its line. Must not match: ``[written answer]`` or
text merely mentioning handwriting.
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Handwritten

LABEL = (r"\[(?:hand-?written|handwriting|in handwriting|manuscript(?: note)?)"
         r"(?P<margin>\s+(?:in|on)\s+(?:the\s+)?(?:(?:left|right|top|bottom|upper|lower)\s+)?margins?)?"
         r"\s*:")
PATTERN = re.compile(LABEL + r"\s*(?:(?P<text>[^\[\]\n]+?)\s*\]|(?P<open>[^\[\]\n]+?)[ \t]*(?=\n|$))",
                     re.IGNORECASE)


def _make(match: re.Match[str], context: Context) -> list[Handwritten]:
    context.count("handwriting")
    if match.group("open") is not None:
        context.count("unclosed-brackets")
    hand = context.hand("Handwriting reported by the transcript.")
    text = match.group("text") if match.group("text") is not None else match.group("open")
    return [Handwritten(text, hand, in_margin=bool(match.group("margin")))]


RULE = Rule("handwriting", PATTERN, _make, cheap=("[",))
