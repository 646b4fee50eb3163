"""The private characters the reader puts into text between its stages, named once.

All but the form feed are Unicode noncharacters (U+FDD0-U+FDD4), which Unicode keeps for a program's
internal use and which source.py removes from every record, so a record can never spell a marker. (They
were private-use characters, U+E000-U+E004, until a record holding one, as a PDF's extraction of a
symbol font can, broke the reader or left its marker in the TEI.) The stage that adds a marker and the
stage that reads it back are named beside it.
"""

from __future__ import annotations

import re

# A page break in the source (a form feed, alone on its line after source.py).
FORM_FEED = "\f"
# Where the layout rejoined a paragraph that a page split mid-sentence; inline/pages.py
# turns it into an inferred page break.
PAGE_JOIN = "\ufdd0"
# A form feed inside a paragraph split mid-sentence (reader/layout.py): PAGE_FEED_OPEN, the printed
# page number under the form feed ("- 2 -", or nothing), PAGE_FEED_CLOSE; inline/pages.py turns it
# into a page break (with its printed number) where the page turned.
PAGE_FEED_OPEN, PAGE_FEED_CLOSE = "\ufdd3", "\ufdd4"
PAGE_FEED = re.compile(f" ?{PAGE_FEED_OPEN}([^{PAGE_FEED_CLOSE}]*){PAGE_FEED_CLOSE} ?")
# A note anchor: NOTE_OPEN, the note's index in Notes.bodies, NOTE_CLOSE (reader/notes.py).
NOTE_OPEN, NOTE_CLOSE = "\ufdd1", "\ufdd2"
NOTE_ANCHOR = re.compile(f"{NOTE_OPEN}(\\d+){NOTE_CLOSE}")
# A call of a note already placed at another anchor (reader/notes.py), read as a pointer to it:
# NOTE_OPEN, ">", the note's index, NOTE_CLOSE. NOTE_MARKER finds both kinds ("3" or ">3").
NOTE_MARKER = re.compile(f"{NOTE_OPEN}(>?\\d+){NOTE_CLOSE}")


def note_anchor(index: int) -> str:
    """The marker that stands where note ``index`` is anchored."""
    return f"{NOTE_OPEN}{index}{NOTE_CLOSE}"


def note_pointer(index: int) -> str:
    """The marker that stands where note ``index``, placed elsewhere, is called once more."""
    return f"{NOTE_OPEN}>{index}{NOTE_CLOSE}"


def page_feed(printed: str) -> str:
    """The marker for a form feed inside a paragraph, with the page number printed under it."""
    return f"{PAGE_FEED_OPEN}{printed}{PAGE_FEED_CLOSE}"


def plain(text: str) -> str:
    """Text without note anchors, page joins or page feeds (for matching names and ends)."""
    # Most texts hold no marker at all: a membership test is far cheaper than a substitution.
    if NOTE_OPEN in text:
        text = NOTE_MARKER.sub("", text)
    if PAGE_JOIN in text:
        text = text.replace(PAGE_JOIN, " ")
    return PAGE_FEED.sub(" ", text) if PAGE_FEED_OPEN in text else text
