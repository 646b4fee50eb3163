"""Word-exported transcripts with footnotes.

Recognised by Word's footnote export (``[footnoteRef:N]`` or ``[endnoteRef:N]`` anchors with
``[N: …]`` bodies) or endnote markers, and one paragraph per line; an export without notes by two of
its other conventions (a registry number ``No 118/2ed``, a Soviet body's letterhead in capitals,
``[handwritten: …]`` or ``[Translator's note: …]`` marks, speaker names in capitals). A web rendering of the
collection (the text copied from a web page) is recognised by its conventions: endnotes as
``[1]``/``^1`` lines with their anchors glued to the text, markdown emphasis, no form feeds; Word's
"Save as Plain Text" by its notes: bare marks glued to their words (``Kang Sheng1,``), the notes at the
end (``1 Kang Sheng …``). Layout:
a letterhead and addressee block, covering text, then the record (a CAPS
heading, attendants, reported speech with CAPS names), the closing
signature and a distribution list.
"""

from __future__ import annotations

import re

from tei_encoder import model as m
from tei_encoder.config import Config
from tei_encoder.families.base import Family
from tei_encoder.letters import UPPER
from tei_encoder.reader import HeaderDraft, Options, read_body
from tei_encoder.reader.notes import WORD_CALL, WORD_CALL_PART, has_glued_notes, has_page_foot_notes
from tei_encoder.reader.units import lines_are_wrapped
from tei_encoder.source import Source

# Endnotes as Word prints them ("[1] …") or as a web page renders the export ("^1 …").
_ENDNOTE_LINE = re.compile(r"^(?:\[(?P<n>\d+)\]|\^(?P<c>\d+))\s+\S")
_GLUED_ANCHOR = re.compile(r"[\w.,;:!?\"”’)](?:\[(\d+)\]|\^(\d+))")
# Each branch opens with its mark, what may not stand before it tested after it: a search skips to the
# marks, where a branch opening with a look-behind was tried at every position of every line.
_MARKDOWN_EMPHASIS = re.compile(r"\*\*[^*\s][^*]*\*\*|\*(?<![*\w]\*)[^*\s][^*]*\*(?![*\w])|_(?<!\w_)[^_\s][^_]*_(?!\w)")
_CAPS_SPEAKER = re.compile(rf"^(?:Comrade\s+)?[{UPPER}]{{3,}}\s+(?:says|asks|answers|replies|notes|declares|adds)\b")
# The collection's other conventions, for an export without notes: the registry number of a Soviet
# office without a dot (``No 118/2ed``, ``No P-40``), a Soviet body's letterhead in capitals, the
# translator's bracketed marks, speaker names in capitals. One alone proves nothing; two do.
_REGISTRY_NUMBER = re.compile(r"^No\s+(?:[A-Z]{1,3}-\d+|\d+(?:[-/][A-Za-z\d-]+)+)$")
_SOVIET_LETTERHEAD = re.compile(r"^(?:THE\s+)?(?:[A-Z'’-]+\s+)*(?:MINISTRY|COMMISSARIAT|COUNCIL OF MINISTERS|"
                                r"CENTRAL COMMITTEE)\b.*\b(?:USSR|VKP|BOLSHEVIKS|SOVIET UNION)\b[^a-z]*$")
_TRANSLATORS_MARK = re.compile(r"\[(?:handwritten\b|translator['’]s note\s*:)", re.I)
_CAPS_LABEL = re.compile(rf"^[{UPPER}][{UPPER}'’-]{{2,}}(?:\s+\([^()]{{1,60}}\))?:(?:\s|$)")


def detect(source: Source) -> float:
    text_lines = [line.text for line in source.lines if line.text]
    if any(WORD_CALL_PART in text and WORD_CALL.search(text) for text in text_lines):
        return 0.9
    score = 0.0
    endnotes = _endnotes(text_lines)
    if len(endnotes) >= 2 or _anchored(text_lines, endnotes):
        score += 0.4
        # a web rendering of the export keeps Word's emphasis as markdown
        score += 0.1 * any(_MARKDOWN_EMPHASIS.search(text) for text in text_lines)
    if sum(bool(_CAPS_SPEAKER.match(text)) for text in text_lines) >= 2:
        score += 0.3
    if score < 0.4 and has_glued_notes(text_lines):  # Word's Save as Plain Text: "Kang Sheng1," … "1 Kang Sheng …"
        score = 0.4
    if score < 0.4 and has_page_foot_notes(source.lines):  # its PDF read as text: the notes at each page's foot
        score = 0.4
    conventions = _conventions(text_lines)
    if conventions >= 2:
        score = max(score, 0.3 + 0.05 * conventions)
    return score


def _conventions(text_lines: list[str]) -> int:
    """How many of the collection's conventions other than notes the record shows (0-4)."""
    head = text_lines[:10]
    return sum((
        any(_REGISTRY_NUMBER.match(text) for text in head),
        any(_SOVIET_LETTERHEAD.match(text) for text in head),
        any(_TRANSLATORS_MARK.search(text) for text in text_lines),
        sum(bool(_CAPS_LABEL.match(text) or _CAPS_SPEAKER.match(text)) for text in text_lines) >= 2,
    ))


def _endnotes(text_lines: list[str]) -> set[str]:
    """The numbers of the endnote lines (``[1] …``, ``^1 …``)."""
    return {match.group("n") or match.group("c") for text in text_lines if (match := _ENDNOTE_LINE.match(text))}


def _anchored(text_lines: list[str], endnotes: set[str]) -> bool:
    """An anchor glued to the text (``claim.[1]``, ``claim.^1``) whose endnote line is there."""
    if not endnotes:  # no anchor can have its line: the text need not be scanned
        return False
    return any((anchor.group(1) or anchor.group(2)) in endnotes for text in text_lines
               if not _ENDNOTE_LINE.match(text) for anchor in _GLUED_ANCHOR.finditer(text))


def read(source: Source, config: Config = Config()) -> m.Document:
    draft = HeaderDraft()
    lines = list(source.lines)
    # Word writes a paragraph a line; a converter that wraps at a width (antiword, catdoc, Save as Plain
    # Text with line breaks) leaves blank lines between paragraphs: then the paragraphs are the blocks,
    # or every wrapped line stood as a paragraph of its own (a note's second line among the text).
    return read_body(source, "word-export", draft, lines, Options(line_paragraphs=not lines_are_wrapped(lines)),
                     config=config)


FAMILY = Family("word-export", "Word footnote export ([footnoteRef:N] anchors and [N: …] bodies), "
                "[N] or ^N endnotes with their anchors (web renderings), or notes as Save as Plain Text prints them "
                "(bare marks glued to their words, the notes at the end), or CAPS names in reported speech, "
                "or two of: a registry number (No 118/2ed), a Soviet letterhead in capitals, [handwritten: …] "
                "or [Translator's note: …] marks, CAPS speaker labels; one paragraph per line", detect, read)
