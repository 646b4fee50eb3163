"""Conjectured readings: ``[word?]``, ``[two words?]`` (at most three words).

→ Doubtful(text); the brackets and ``?`` are declared notation.
Must not match: a bracketed question (``[Is this right? see below]``) or ``[?]``.
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Doubtful

PATTERN = re.compile(r"\[(?P<text>[^\W\d_][\w'’.-]*(?: [\w'’.-]+){0,2})\?\]")


def _make(match: re.Match[str], context: Context) -> list[Doubtful]:
    context.count("conjectures")
    return [Doubtful(match.group("text"))]


RULE = Rule("conjectures", PATTERN, _make, cheap="?]")
