"""Any plain text no other family claims. Never refuses a record.

Layout is read from the text itself: blank-line-separated blocks when the
text has them, otherwise one paragraph per line; a short first line without
final punctuation is the title. The language is not guessed (``und``).
"""

from __future__ import annotations

from tei_encoder import model as m
from tei_encoder.families.base import Family
from tei_encoder.reader import HeaderDraft, Options, read_body
from tei_encoder.source import Source


def detect(source: Source) -> float:
    return 0.05


def read(source: Source) -> m.Document:
    lines = list(source.lines)
    filled = [line for line in lines if line.text]
    blank = len(lines) - len(filled)
    line_paragraphs = blank < max(1, len(filled) // 10)
    first = filled[0].text if filled else ""
    titled = (len(first.split()) <= 15 and not first.endswith((".", ",", ";", ":")) and len(filled) > 1
              and any(c.isalpha() for c in first))
    return read_body(source, "generic", HeaderDraft(), lines,
                     Options(line_paragraphs=line_paragraphs, first_unit_is_title=titled))


FAMILY = Family("generic", "any other plain text (always applies; lowest priority)", detect, read)
