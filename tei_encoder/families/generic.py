"""Any plain text no other family claims. Never refuses a record.

Layout is read from the text itself: blank-line-separated blocks when the
text has them, otherwise one paragraph per line; a short first line without
final punctuation is the title. The language is not guessed (``und``).
"""

from __future__ import annotations

from tei_encoder import model as m
from tei_encoder.families.base import Family
from tei_encoder.reader import HeaderDraft, Options, read_body
from tei_encoder.markers import FORM_FEED
from tei_encoder.source import Line, Source


def detect(source: Source) -> float:
    return 0.05


def read(source: Source) -> m.Document:
    lines = list(source.lines)
    filled = [line for line in lines if line.text]
    blank = _separating_blanks(lines)
    line_paragraphs = blank < max(1, len(filled) // 10)
    first = filled[0].text if filled else ""
    titled = (len(first.split()) <= 15 and not first.endswith((".", ",", ";", ":")) and len(filled) > 1
              and any(c.isalpha() for c in first))
    return read_body(source, "generic", HeaderDraft(), lines,
                     Options(line_paragraphs=line_paragraphs, first_unit_is_title=titled))


def _separating_blanks(lines: list[Line]) -> int:
    """Blank lines between text lines: not those before the first or after the last text line,
    nor the empty piece left beside a form feed that stands at the start or end of a line."""
    filled = [index for index, line in enumerate(lines) if line.text]
    if len(filled) < 3:  # one or two lines tell nothing of the layout: every blank line counts
        return len(lines) - len(filled)
    inner = range(filled[0] + 1, filled[-1])
    return sum(1 for k in inner if not lines[k].text
               and FORM_FEED not in (lines[k - 1].text, lines[k + 1].text))


FAMILY = Family("generic", "any other plain text (always applies; lowest priority)", detect, read)
