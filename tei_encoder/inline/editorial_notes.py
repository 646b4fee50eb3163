"""Inline notes by the translator or editor: ``[Translator's note: …]``, ``[Editor's note: …]``.

→ an inline NoteCall of kind translator / editorial; the label stays as text,
only the brackets are notation. Must not match: ``[Note the date]``.
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import NoteCall, Text

PATTERN = re.compile(
    r"\[(?P<body>(?P<who>Translator|Trans|Editor|Ed|Compiler)(?:['’]s|s['’])?\.?\s+note\s*:[^\[\]]*)\]",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list[NoteCall]:
    context.count("inline-notes")
    kind = "translator" if match.group("who").lower().startswith("trans") else "editorial"
    return [NoteCall("", "", kind, (Text(match.group("body")),))]


RULE = Rule("editorial-notes", PATTERN, _make, cheap="[")
