"""A heading in capitals (``RECORD OF CONVERSATION WITH …``): a new document when the current one
has body text and the heading names a kind of document or an opening follows it (then that
opening is read), a section of the current document when it has body text otherwise
(``POLITICAL AND MILITARY QUESTIONS``), else this document's heading.

In a distribution matter or attachment with text it is only a paragraph. Must not match:
a sentence in capitals ending with a full stop, a bracketed transcriber's note
(``[END OF TAPE 1, SIDE A]``), a speaker label, an archival reference, ``TO …``/``FROM …``.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from tei_encoder.header import classification
from tei_encoder.letters import LOWER, UPPER
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import closing_matter, source_note
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import HeadingBlock, ParagraphBlock
from tei_encoder.reader.opening import KINDS_IN_ORIGINALS

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

_UPPER = re.compile(rf"[{UPPER}]")
# The words that name a kind of document in its title.
DOCUMENT_TITLE = re.compile(r"\b(?:RECORDS?|RECORDING|CONVERSATION|MEMORANDUM|MINUTES|REPORT|TELEGRAM|CABLE|"
                            r"TRANSCRIPT|INTERVIEW|LETTER|NOTE|MESSAGE|DIRECTIVE|INSTRUCTIONS?|RESOLUTION|"
                            r"DECREE|DECISION|PROTOCOL|STATEMENT|DECLARATION|COMMUNIQU[EÉ]|SPEECH|"
                            r"AGREEMENT|TREATY|APPEAL|ORDER|DISPATCH|DESPATCH|STENOGRAM|" + "|".join(KINDS_IN_ORIGINALS) + r")\b")
_LOWER = re.compile(rf"[{LOWER}]")
# A numbered document's kind alone, too short for the letter count: "MINUTES No. 14", "PROTOCOL No. 83".
_SENTENCE_END_INSIDE = re.compile(r"(?:[A-Z]{3}|\d)[.!?]\s+[A-Z]")  # after a paragraph's own number
_NUMBERED_KIND = re.compile(r"^(?:[A-Z]+\s+){1,3}No\.?\s*[\w/-]+$")


# Cached: the block rules, the turn reader and the label count ask this of the same unit's text again.
@functools.lru_cache(maxsize=1024)
def matches(text: str) -> bool:
    if len(text) > 300 or text.endswith((".", ",", ":")) or text.startswith("["):
        return False  # "[END OF TAPE 1, SIDE A]" is a transcriber's note, not a title
    if _NUMBERED_KIND.match(text) and DOCUMENT_TITLE.search(text):
        return True
    words = len(text.split())
    if not 3 <= words <= _most_words(text):
        return False  # the word count before the letters are counted (most units are longer)
    if words > 15 and _SENTENCE_END_INSIDE.search(text, 4):
        return False  # a telegram's paragraph in capitals cut at its page: "… ROUND. DOBRYNIN ASKED WHETHER"
    upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return (upper + lower >= 10 and upper >= 0.85 * (upper + lower)
            and speech.match_label(text) is None and not source_note.matches(text)
            and not text.upper().startswith(("TO ", "FROM "))
            and classification.line_kind(text) is None)  # "THIS IS UNEVALUATED INFORMATION": a handling mark


def _most_words(text: str) -> int:
    """A heading that opens with its document's kind names the parties with all their offices (``NOTE ON
    THE TALKS BETWEEN THE FIRST SECRETARY OF THE CC PUWP, COMRADE EDWARD GIEREK, AND …`` runs to 32 words);
    any other heading in capitals is shorter."""
    return 45 if DOCUMENT_TITLE.match(text) else 30


def _starts_document(layout: Layout, i: int) -> bool:
    """After body text: a document's title (``RECORD OF CONVERSATION …``, ``TELEGRAM …``) or a
    heading over an opening starts a new document; any other capitals heading is a section's."""
    opening, taken, _ = layout.opening_at(i + 1)
    return bool(DOCUMENT_TITLE.search(layout.units[i].text)) or any(
        item.kind is not None for item in opening[:taken])


def starts_document_at(layout: Layout, i: int) -> bool:
    """Unit i is a heading in capitals that starts a new document."""
    return matches(layout.units[i].text) and _starts_document(layout, i)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    if not matches(unit.text):
        return None
    if layout.div.has_body and closing_matter.ends_document(layout, i):
        return None  # "SECRETARY OF THE CC" over "[signature]" at the foot: the signer's office, no heading
    if layout.div.has_body and layout.div.kind in ("document", "attachment", "section", "entry"):
        if not _starts_document(layout, i):  # "POLITICAL AND MILITARY QUESTIONS": a section heading
            layout.new_division("section")
            layout.add(HeadingBlock(unit.line, unit.text))
            return i + 1
        layout.new_division("document")
    elif layout.div.has_body:
        layout.add(ParagraphBlock(unit.line, unit.text))
        return i + 1
    return layout.take_opening(layout.take_heading(i))


RULE = BlockRule("caps-heading", read)
