"""Omissions the source marks itself: ``[...]``, ``[…]``, ``[. . .]``.

→ Omission(mark) holding the exact characters. Must not match: dots inside a
sentence without brackets (``relations ... - t. I.``), or ``[1]``.
(A whole block made only of dots is an omission block; see reader/block_rules/omission.py.)
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Omission


def _make(match: re.Match[str], context: Context) -> list[Omission]:
    context.count("omissions")
    return [Omission(match.group())]


RULE = Rule("source-omissions", re.compile(r"\[\s*(?:…|(?:\.\s*){3,})\s*\]"), _make, cheap=("[",))
