"""Any plain text no other family claims. Never refuses a record.

Layout is read from the text itself: blank-line-separated blocks when the
text has them, otherwise one paragraph per line; the title is the document's
heading among the first lines (header/title.py), below any letterhead or stamp.
The language is detected from the text (header/language.py; ``und`` only when
there is too little text to tell).
"""

from __future__ import annotations

import re

from tei_encoder import model as m
from tei_encoder.config import Config
from tei_encoder.families.base import Family
from tei_encoder.header import title as titles
from tei_encoder.reader import HeaderDraft, Options, read_body
from tei_encoder.markers import FORM_FEED
from tei_encoder.source import Line, Source


# A note's call typed as superscript digits after a word of the heading (``Kozłowski¹``): no title text.
_SUPERSCRIPT_CALL = re.compile(r"(?<=[^\W\d_])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def detect(source: Source) -> float:
    return 0.05


def read(source: Source, config: Config = Config()) -> m.Document:
    lines = list(source.lines)
    filled = [line for line in lines if line.text]
    blank = _separating_blanks(lines)
    line_paragraphs = blank < max(1, len(filled) // 10)
    draft = HeaderDraft()
    heading = titles.find_heading([line.text for line in lines]) if len(filled) > 1 else None
    if heading is not None:  # the document's heading, wherever the letterhead and stamps put it
        top, end = heading
        parts = [line.text for line in lines[top:end] if line.text]  # ("NOTE" / blank / "on the conversation …")
        draft.title = _SUPERSCRIPT_CALL.sub("", " ".join(parts))
        draft.where["title"] = (lines[top].number, lines[end - 1].number)
        draft.joined_lines += len(parts) - 1
    elif filled and (sentence := titles.heading_sentence(filled[0].text)) and sentence != filled[0].text:
        draft.title = sentence  # one long line that names itself in its first sentence
        draft.where["title"] = (filled[0].number, filled[0].number)
    # The heading opens the body only when nothing stands above it; without one, a short first
    # line without final punctuation is still the title ("Title line"), unless it is an address or a
    # labelled field: a released telegram's metadata ("Date: 1974 October 3, 09:10 (Thursday)" over
    # "Canonical ID: …") made the whole block its title; its subject line names it (header_model).
    first = filled[0].text if filled else ""
    titled = (lines[heading[0]] is filled[0]) if heading is not None else (
        len(first.split()) <= 15 and not first.endswith((".", ",", ";", ":")) and len(filled) > 1
        and any(c.isalpha() for c in first) and not titles.opens_with_field(first))
    return read_body(source, "generic", draft, lines,
                     Options(line_paragraphs=line_paragraphs, first_unit_is_title=titled), config=config)


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
