"""Omissions the source marks itself: ``[...]``, ``[…]``, ``[. . .]``, and the angle brackets and
parentheses of Russian document editions and translations: ``<...>``, ``<…>``, ``(...)``.

→ Omission(mark) holding the exact characters. Must not match: dots inside a
sentence without brackets (``relations ... - t. I.``), ``[1]``, or mismatched brackets (``[...)``).
(A whole block made only of dots is an omission block; see reader/block_rules/omission.py.)
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Omission


def _make(match: re.Match[str], context: Context) -> list[Omission]:
    context.count("omissions")
    return [Omission(match.group())]


_DOTS = r"\s*(?:…|(?:\.\s*){3,})\s*"
BRACKETED = rf"\[{_DOTS}\]|<{_DOTS}>|\({_DOTS}\)"  # the mark's brackets in pairs

RULE = Rule("source-omissions", re.compile(BRACKETED), _make, cheap=("[", "<", "(.", "(…", "( "))
