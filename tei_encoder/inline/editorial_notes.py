"""Inline notes by the translator or editor: ``[Translator's note: …]``, ``[Editor's note: …]``, and
a note signed at its end, as Soviet editions sign theirs: ``[Thus in the text. – Ed.]``, ``[So in the
original. — Transl.]``.

→ an inline NoteCall of kind translator / editorial; the label stays as text, only the
brackets are notation. The body may hold brackets of its own, one level deep: a gloss
(``"bezopasnost" [security]``) stays text, and a note inside the note becomes a note inside
the note; the other inline rules apply inside the body too. Must not match: ``[Note the date]``.
"""

import re

from tei_encoder.inline.base import Context, Rule, Segment
from tei_encoder.model import Inline, NoteCall, Text

PATTERN = re.compile(
    r"\[(?:(?P<body>(?P<who>Translator|Trans|Editor|Ed|Compiler)(?:['’]s|s['’])?\.?\s+note\s*:"
    r"(?:[^\[\]]|\[[^\[\]]*\])*)"
    r"|(?P<signed>[^\[\]]{3,300}?[\s.]\s*[-‐–—]\s*(?P<signer>Ed|Eds|Editor|Transl|Trans|Translator|Comp|Compiler)\.?))\]",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list[NoteCall]:
    context.count("inline-notes")
    who = match.group("who") or match.group("signer")
    kind = "translator" if who.lower().startswith("trans") else "editorial"
    return [NoteCall("", "", kind, _body(match.group("body") or match.group("signed"), context))]


def _body(body: str, context: Context) -> tuple[Inline, ...]:
    from tei_encoder.inline import apply_rules  # the rules list imports this module

    return tuple(_inline(segment) for segment in apply_rules([body], context))


def _inline(segment: Segment) -> Inline:
    return Text(segment) if isinstance(segment, str) else segment


RULE = Rule("editorial-notes", PATTERN, _make, cheap=("[",))
