"""The private characters the reader puts into text between its stages, named once.

All but the form feed are private-use characters, which records do not use; the
stage that adds a marker and the stage that reads it back are named beside it.
"""

from __future__ import annotations

import re

# A page break in the source (a form feed, alone on its line after source.py).
FORM_FEED = "\f"
# Where the layout rejoined a paragraph that a page split mid-sentence; inline/pages.py
# turns it into an inferred page break.
PAGE_JOIN = "\ue000"
# A note anchor: NOTE_OPEN, the note's index in Notes.bodies, NOTE_CLOSE (reader/notes.py).
NOTE_OPEN, NOTE_CLOSE = "\ue001", "\ue002"
NOTE_ANCHOR = re.compile(f"{NOTE_OPEN}(\\d+){NOTE_CLOSE}")


def note_anchor(index: int) -> str:
    """The marker that stands where note ``index`` is anchored."""
    return f"{NOTE_OPEN}{index}{NOTE_CLOSE}"


def plain(text: str) -> str:
    """Text without note anchors or page-join marks (for matching names and ends)."""
    return NOTE_ANCHOR.sub("", text).replace(PAGE_JOIN, " ")
