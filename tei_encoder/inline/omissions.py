"""Omissions the source marks itself: ``[...]``, ``[…]``, ``[. . .]``, the angle brackets and
parentheses of Russian document editions and translations: ``<...>``, ``<…>``, ``(...)``, and the
omissions an edition describes: ``[Here follows …]``, ``[Portion omitted]``, ``[… not declassified]``.

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
# An omission the edition describes in brackets: "[Here follows a summary of the Soviet message.]",
# "[Portion omitted]", "[1 paragraph (7 lines of source text) not declassified]" (FRUS's forms). Not with an
# OCR box inside: a metamark holds the description's text alone, and a lost character is a gap in a paragraph.
# Not a Word export's note body left without its call ("[11: … page numbering … is not reproduced.]"): a note's
# words, kept as a paragraph, however they speak of what the edition leaves out.
DESCRIBED = (r"\[(?:Here|There) follows?\b[^\[\]\u25a1]{1,300}\]|\[(?:Portion|Text|Remainder|Rest)"
             r"(?: of [^\[\]\u25a1]{1,60})? omitted\b[^\[\]\u25a1]{0,100}\]"
             r"|\[(?!\d{1,3}:(?!\d))[^\[\]\u25a1]{1,120}\bnot (?:declassified|printed|reproduced)\b[^\[\]\u25a1]{0,60}\]")
MARKED = f"{BRACKETED}|{DESCRIBED}"

RULE = Rule("source-omissions", re.compile(MARKED), _make, cheap=("[", "<", "(.", "(…", "( "))
