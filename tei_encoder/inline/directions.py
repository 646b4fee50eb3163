"""Stage directions found anywhere by their wording: ``(Laughing)``, ``(delegates smile)``.

A parenthesised segment of at most eight words containing a word of the
direction lexicon becomes Direction, parentheses kept; so does a bracketed
direction of at most five words (``[Laughter]``, ``[Murmurs in the hall.]``). (Directions found by
position — after a speaker label, between sentences of a turn, after a
reporting subject — are recognised in reader/block_rules/speech_turn.py and
reader/inliner.py.)
Must not match: ``(Moscow Time)``, ``(the text is attached)``, ``VKP (b)``.
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Direction

LEXICON = frozenset("""
laugh laughs laughing laughter laughed smile smiles smiling smiled grin grinning chuckles
chuckling pause pauses pausing applause applauding interrupting interrupts interruption
interrupted noise commotion shouts shouting sighs sighing nods nodding gestures gesturing
aside whispers whispering coughs silence jokingly ironically angrily excitedly
murmur murmurs murmuring stir animation
""".split())

PATTERN = re.compile(r"\((?P<inner>[^()]{1,80})\)|\[(?P<bracketed>[A-Za-z ]{1,30}\.?)\]")  # "[Murmurs in the hall.]"


def is_direction_wording(inner: str) -> bool:
    words = re.findall(r"[a-z]+", inner.lower())
    return 0 < len(words) <= 8 and any(word in LEXICON for word in words)


def _make(match: re.Match[str], context: Context) -> list[Direction] | None:
    inner = match.group("inner") or match.group("bracketed")
    if not is_direction_wording(inner):
        return None
    if match.group("bracketed") and len(inner.split()) > 5:
        return None  # in square brackets only a bare direction: [Laughter], [Applause]
    context.count("directions")
    return [Direction(match.group())]


RULE = Rule("stage-directions", PATTERN, _make, cheap=("(", "["))
