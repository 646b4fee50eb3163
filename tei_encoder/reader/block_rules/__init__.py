"""Block rules: what a paragraph unit of the body is, decided by the first rule that takes it.

Each rule is one small module with its pattern and a docstring stating what it takes and
what it must not take; ``read(layout, i)`` returns the index of the next unit when the rule
took the unit at ``i`` (and maybe more after it), else None. The layout stage
(``reader/layout.py``) runs them in this order for every unit after a document's start.
"""

from __future__ import annotations

from tei_encoder.reader.block_rules import (
    attachment, caps_heading, closing, closing_matter, copies, diary_entry, distribution, document_start, greeting,
    inline_labels,
    introduced_list, item_list, label_alone, late_fields, meeting_heading, minute_signature, omission, page_break,
    page_marker,
    paragraph, participants, postscript, run_on_signature, section_heading, signoff, source_note, speech_turn,
    table, translated, valediction,
)
from tei_encoder.reader.block_rules.base import BlockRule

# Order matters: breaks and marks alone on their line first, and a telegram's signer run on after its last
# sentence (its paragraph may look like a heading in capitals); then a label alone on its line (no
# capitals heading); a diary's date alone on its line opens an entry; a numbered section heading opens a section, and after a closing a heading over a
# dated opening starts the next document, before a table's rows in columns (a row in capitals is no
# heading) and a capitals heading that may start a new document; copy recipients (``cc:``) anywhere
# after body text, a postscript after body text or a closing; in the distribution matter every line is
# a paragraph; apparatus before turns (a "Present:" list is no speaker, and labelled fields under it
# are still the opening); "Translated by" only credits and passes on; a signature by name alone only at
# the end (a minute's signer and date ends its minute, and the next minute is a document of its own),
# then the closing matter (signature columns, greetings, a trailing date) up to the end of the
# document; a paragraph takes the rest.
BLOCK_RULES: tuple[BlockRule, ...] = (
    page_break.RULE,
    omission.RULE,
    page_marker.RULE,
    run_on_signature.RULE,
    label_alone.RULE,
    diary_entry.RULE,
    attachment.RULE,
    section_heading.RULE,
    meeting_heading.RULE,
    document_start.RULE,
    table.RULE,
    caps_heading.RULE,
    copies.RULE,
    postscript.RULE,
    distribution.RULE,
    greeting.RULE,
    participants.RULE,
    late_fields.RULE,
    closing.RULE,
    source_note.RULE,
    translated.RULE,
    inline_labels.RULE,
    speech_turn.RULE,
    item_list.RULE,
    introduced_list.RULE,
    valediction.RULE,
    minute_signature.RULE,
    signoff.RULE,
    closing_matter.RULE,
    paragraph.RULE,
)

__all__ = ["BLOCK_RULES", "BlockRule"]
