"""Doubted readings: ``[word?]``, ``[two words?]``, ``[3?]`` (at most three words), and a bare
``[?]`` after the word it doubts (``30 September [?]``).

→ Doubtful(text); the brackets and ``?`` are declared notation. For ``word [?]`` the word
(trailing punctuation excluded) is the doubted reading and the marker is the notation.
Must not match: a bracketed question (``[Is this right? see below]``), or a ``[?]`` with no
word before it (it stays text).
"""

import re

from tei_encoder.inline.base import Context, Rule, Segment
from tei_encoder.model import Doubtful

PATTERN = re.compile(
    r"\[(?P<text>[^\W_][\w'’.-]*(?: [\w'’.-]+){0,2})\?\]"
    r"|(?P<word>[^\s\[\](){}\"“”]+?)(?P<punct>[.,;:!\"”’)]*)(?P<space>[ \t]*)\[\?\]"
)


def _make(match: re.Match[str], context: Context) -> list[Segment]:
    context.count("conjectures")
    if match.group("text") is not None:
        return [Doubtful(match.group("text"))]
    trailing = match.group("punct") + match.group("space").rstrip()
    return [Doubtful(match.group("word"))] + ([trailing] if trailing else [])


RULE = Rule("conjectures", PATTERN, _make, cheap=("?]",))
