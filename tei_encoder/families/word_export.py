"""Word-exported transcripts with footnotes.

Recognised by Word's footnote export (``[footnoteRef:N]`` anchors with
``[N: …]`` bodies) or endnote markers, and one paragraph per line. Layout:
a letterhead and addressee block, covering text, then the record (a CAPS
heading, attendants, reported speech with CAPS names), the closing
signature and a distribution list.
"""

from __future__ import annotations

import re

from tei_encoder import model as m
from tei_encoder.families.base import Family
from tei_encoder.reader import HeaderDraft, Options, read_body
from tei_encoder.source import Source

_WORD_ANCHOR = re.compile(r"\[footnoteRef:\s*\d+\]")
_ENDNOTE_LINE = re.compile(r"^\[\d+\]\s+\S")
_CAPS_SPEAKER = re.compile(r"^(?:Comrade\s+)?[A-Z]{3,}\s+(?:says|asks|answers|replies|notes|declares|adds)\b")


def detect(source: Source) -> float:
    text_lines = [line.text for line in source.lines if line.text]
    if any(_WORD_ANCHOR.search(text) for text in text_lines):
        return 0.9
    score = 0.0
    if sum(bool(_ENDNOTE_LINE.match(text)) for text in text_lines) >= 2:
        score += 0.4
    if sum(bool(_CAPS_SPEAKER.match(text)) for text in text_lines) >= 2:
        score += 0.3
    return score


def read(source: Source) -> m.Document:
    draft = HeaderDraft()
    return read_body(source, "word-export", draft, list(source.lines), Options(line_paragraphs=True))


FAMILY = Family("word-export", "Word footnote export ([footnoteRef:N] anchors and [N: …] bodies), "
                "[N] endnotes, or CAPS names in reported speech, one paragraph per line", detect, read)
