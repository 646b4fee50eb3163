"""A correction the source prints after a word: ``shewed [showed]``, ``recieved [received]``.

→ Corrected(word, correction); the brackets are declared notation. We never correct the
text ourselves: this is the source's own correction, recognised only when unambiguous: one
word in brackets straight after a word it closely resembles (same first letter, most
letters shared), and neither is a notation word. Must not match: a gloss
(``"bezopasnost" [security]``), a bracketed word unlike the one before it (``Moscow [Kremlin]``),
an identical word, or ``illegal [illegible]``-like notation (the losses rule runs first).
"""

import re
from difflib import SequenceMatcher

from tei_encoder.inline.base import Context, Rule, Segment
from tei_encoder.model import Corrected

PATTERN = re.compile(r"(?<![\w'’-])(?P<word>[^\W\d_][\w'’-]{2,}) \[(?P<correction>[^\W\d_][\w'’-]{2,})\]")
_NOT_CORRECTIONS = frozenset("sic sics illegible inaudible unclear missing signature seal stamp".split())
_LIKENESS = 0.6  # SequenceMatcher ratio: shewed/showed 0.83, recieved/received 0.88, Moscow/Kremlin 0.15


def resembles(word: str, correction: str) -> bool:
    a, b = word.casefold(), correction.casefold()
    if a == b or a[0] != b[0] or b in _NOT_CORRECTIONS:
        return False
    return SequenceMatcher(None, a, b).ratio() >= _LIKENESS


def _make(match: re.Match[str], context: Context) -> list[Segment] | None:
    if not resembles(match.group("word"), match.group("correction")):
        return None
    context.count("printed-corrections")
    return [Corrected(match.group("word"), match.group("correction"))]


RULE = Rule("printed-corrections", PATTERN, _make, cheap=("]",))
