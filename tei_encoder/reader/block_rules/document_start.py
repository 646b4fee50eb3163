"""After a document's closing, a second letter or telegram on the same page: a heading (a short
line without a sentence end) over an opening with a date (in the next block, or on the heading's
own block's next lines: ``Memorandum of the Government of the USSR`` / ``Moscow, 9th March, 1951.``),
or an opening with a date over a salutation (``Dear …,``): a new document division, its heading and
opening read as the first's.

Must not match: distribution matter after a closing (``Copies to: …``, a list of names), a
heading without a dated opening under it, or anything before the current document's closing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.header import classification, dates
from tei_encoder.header.people import HAN
from tei_encoder.letters import UPPER
from tei_encoder.markers import FORM_FEED, plain
from tei_encoder.reader.block_rules import caps_heading, greeting, translated, valediction
from tei_encoder.reader.block_rules.base import BlockRule, first_taken
from tei_encoder.reader.opening import (
    DOCUMENT_NUMBER,
    SERIES_NUMBER,
    OpeningLine,
    classify_opening,
    field_kind,
    letterhead_line,
    strip_boxes,
)
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

_HEADING_END = tuple(".,;:!?")
_DATED = ("dateline", "despatched", "received")
_NAME_ONLY = re.compile(rf"^(?:[{UPPER}][a-z]?\.\s?){{0,3}}[{UPPER}][\w'’-]+$")


# A Chinese or Japanese heading (毛泽东同志与赫鲁晓夫同志会谈记录): Han characters have no capitals to start
# with, and a full-width stop or colon ends a sentence or a label, not a heading.
_HAN_START = re.compile(rf"[{HAN}]")
_HAN_HEADING_END = tuple("。，、；：！？")


def is_heading(text: str) -> bool:
    """A short line that starts in capitals (or with a Han character) and ends without punctuation, and
    is not a name alone (the signature above the next document's heading)."""
    bare = plain(text).strip()
    return (bool(bare) and (bare[0].isupper() or _han_heading(bare)) and len(bare.split()) <= 30
            and not bare.endswith(_HEADING_END) and bare != FORM_FEED and not _NAME_ONLY.match(bare))


def _han_heading(bare: str) -> bool:
    return _HAN_START.match(bare) is not None and not bare.endswith(_HAN_HEADING_END) and "：" not in bare


def _mixed_case(line: str) -> bool:
    """Not a line in capitals (letterhead or a classification, read by the opening); Han has no case."""
    return line.upper() != line or _HAN_START.match(plain(line).strip()) is not None


Read = tuple[list[OpeningLine], int, list[tuple[int, int, str]]]  # what layout.opening_at returns


def _dated_opening(layout: Layout, i: int, typed_first: bool = False) -> int:
    """How many units a dated opening at unit i spans (0: no dated opening there); with
    ``typed_first``, only an opening whose first line is a field (not a stray name or heading)."""
    return _dated_span(layout.opening_at(i), i, typed_first)


def _dated_span(read: Read, i: int, typed_first: bool = False) -> int:
    """_dated_opening of the opening read at unit i (the layout reads the same opening there until a rule
    changes a unit: a caller that tests it several ways reads it once)."""
    opening, taken, lines = read
    if not taken or not any(item.kind in _DATED for item in opening) or (typed_first and opening[0].kind is None):
        return 0
    return lines[taken - 1][0] - i + 1


def heads_document(layout: Layout, i: int) -> bool:
    """Unit i is a document's mixed-case heading (``Letter from … to …``) over its dated opening
    (a capitals line there is letterhead or a classification, read by the opening)."""
    text = layout.units[i].text if i < len(layout.units) else ""
    return (len(layout.units[i].lines) == 1 and is_heading(text) and _mixed_case(text)
            and field_kind(text) is None and not _credit(text) and bool(_dated_opening(layout, i + 1)))


def _credit(text: str) -> bool:
    """``Translated from Czech by Jana Dvořáková for the project …``: the translator's credit over the
    letterhead and dateline names no document, however heading-shaped (no stop at its end); nor does an
    archive page's label over the text (``Document Text``)."""
    bare = plain(text).strip()
    return translated.PATTERN.match(bare) is not None or _PAGE_LABEL.match(bare) is not None


_PAGE_LABEL = re.compile(r"^(?:Document|Original|English) (?:Text|Translation)$", re.I)


def _heading_over_dated_lines(layout: Layout, i: int) -> bool:
    """Unit i's first line is a mixed-case heading and its other lines a dated opening."""
    lines = layout.units[i].lines
    if len(lines) < 2 or not is_heading(lines[0]) or not _mixed_case(lines[0]) or field_kind(lines[0]):
        return False
    opening, taken = classify_opening(list(lines[1:]), layout.marks)
    return bool(taken) and any(item.kind in _DATED for item in opening)


def _date_over_title(layout: Layout, i: int, read: Read | None = None) -> int:
    """How many units the date at unit i spans when it stands alone (perhaps under a line of OCR boxes)
    over a document's title in capitals (``14 October 1956`` / ``RECORD OF CONVERSATION`` / ``with W.
    GOMULKA``): the next record of a diary that signs each of its records; 0 otherwise. ``read``: the
    opening at unit i, when the caller read it."""
    read = layout.opening_at(i) if read is None else read
    opening, taken, _ = read
    if not taken or not all(item.kind in _DATED or not strip_boxes(item.text).strip() for item in opening[:taken]):
        return 0  # only the date and box-only lines: a field or a name over it is another document's opening
    span = _dated_span(read, i)
    if not span or i + span >= len(layout.units):
        return 0
    title = layout.units[i + span].lines[0]
    return span if caps_heading.matches(title) and caps_heading.DOCUMENT_TITLE.match(title) else 0


def starts(layout: Layout, i: int) -> bool:
    """Unit i begins another document: a heading over a dated opening, a dated opening over a
    salutation, or a date alone over a document's title in capitals."""
    if i >= len(layout.units):
        return False
    if i > 0 and valediction.closes_letter(layout.units[i - 1].lines[-1]):
        return False  # "With deep respect," / "KIM IL SUNG" / "16.IX.49": the signature and its date
    if len(layout.units[i].lines) == 1 and is_heading(layout.units[i].text) and _dated_opening(layout, i + 1):
        return True
    if _heading_over_dated_lines(layout, i):
        return True
    read = layout.opening_at(i)  # (read once for the two tests below: nothing above changed a unit)
    if _date_over_title(layout, i, read):
        return True
    span = _dated_span(read, i, typed_first=True)
    return bool(span) and i + span < len(layout.units) and bool(
        greeting.PATTERN.match(layout.units[i + span].text))


# A document's number in a chain of them (telegrams I, II, III), alone on its line over its heading.
_ROMAN_NUMBER = re.compile(r"[IVX]{1,4}\.?")


def chain_number(layout: Layout, i: int) -> bool:
    """``II`` alone over ``CIPHERED TELEGRAM No. 217`` (a heading that starts a document): the number of the
    next document of a chain, which ends the one before, signed or not. It had stayed there as a paragraph
    (or, under a signature printed alone under each telegram, become the speech of a turn)."""
    unit = layout.units[i]
    if len(unit.lines) != 1 or _ROMAN_NUMBER.fullmatch(unit.text) is None or i + 1 >= len(layout.units):
        return False
    # or over a dated opening ("II." / "Moscow, 13 September 1956" / "Mr. Prime Minister,"): the reply's number
    return starts(layout, i + 1) or caps_heading.starts_document_at(layout, i + 1) or bool(_dated_opening(layout, i + 1))


def series_number(layout: Layout, i: int) -> str | None:
    """``2.`` alone on its line over a document's opening (``Ciphered telegram`` / ``From MADRID`` / ``Sent
    12.IX.36 …``, ``To MADRID, ROSENBERG``), in a record that prints each number before it alone too (``1.``
    over the first): the number of a document in a series of them, else None. Read as text, the number was
    a paragraph and the series one document, its later telegrams the signer's turn or distribution matter."""
    unit = layout.units[i]
    found = SERIES_NUMBER.match(plain(unit.text).strip()) if len(unit.lines) == 1 else None
    if found is None or i + 1 >= len(layout.units):
        return None
    number = int(found.group("n"))
    earlier = {plain(other.text).strip() for other in layout.units[:i] if len(other.lines) == 1}
    if not all(f"{n}." in earlier for n in range(1, number)):
        return None
    following = i + 1
    return found.group("n") if (_dated_opening(layout, following) or starts(layout, following)
                                or caps_heading.starts_document_at(layout, following)) else None


def _numbered_in_series(layout: Layout, i: int) -> int | None:
    number = series_number(layout, i)
    if number is None:
        return None
    if layout.div.has_body or layout.div.number is not None or layout.div.kind != "document":
        layout.new_division("document", number)
    else:
        layout.div.number = number  # "1." under the selection's title: the first document's
    layout.heading(layout.units[i].line, layout.units[i].text, names_record=False)
    return layout.take_opening(i + 1)


def document_number(text: str) -> str | None:
    """The number of an editor's ``[Document 2]`` line over a document of a page that prints several
    (a Wilson Center page with a cable and its reply, a cover note and what it covers), else None."""
    match = DOCUMENT_NUMBER.match(plain(text).strip())
    return match.group("n") if match else None


def _kind_line(text: str) -> bool:
    """``INCOMING CABLE``, ``CIPHERED TELEGRAM``: a short line in capitals naming the kind of document."""
    bare = plain(text).strip()
    return (bare.upper() == bare and 1 <= len(bare.split()) <= 8 and not bare.endswith((".", ",", ":"))
            and bool(caps_heading.DOCUMENT_TITLE.search(bare)))


def _numbered_document(layout: Layout, i: int) -> int | None:
    """``[Document 2]``: a document of its own, numbered so, its marker the head (no title of the record)
    and its fields under it its opening; the first marker, before any body, numbers the first document."""
    unit = layout.units[i]
    number = document_number(unit.text) if len(unit.lines) == 1 else None
    if number is None:
        return None
    if layout.div.has_body or layout.div.number is not None or layout.div.kind != "document":
        layout.new_division("document", number)
    else:
        layout.div.number = number
    layout.heading(unit.line, unit.text, names_record=False)
    i += 1
    if i < len(layout.units) and (heads_document(layout, i) or _heads_salute(layout, i)):
        # "Cable Received by the Ministry …" over its fields; "Appended note of …" over "Comrade Huang Zhen:"
        i = layout.take_heading(i)
    i = layout.take_opening(i)
    while i < len(layout.units) and _kind_line(layout.units[i].lines[0]):
        i = layout.take_opening(_kind_heading(layout, i))  # "INCOMING CABLE" / "From: Washington" / …
    return i


def _heads_salute(layout: Layout, i: int) -> bool:
    """Unit i is a mixed-case heading alone on its line (``Appended note of the Overseas Chinese Affairs
    Commission``) over a block that opens with the addressee's salute (``Comrade Huang Zhen:``, ``Dear
    Comrade Mao,``): the document's heading under its ``[Document 3]`` marker. It had been a paragraph,
    and the salute under it, after body text, a speaker's label."""
    if i + 1 >= len(layout.units) or len(layout.units[i].lines) != 1:
        return False
    text = layout.units[i].text
    if not (is_heading(text) and _mixed_case(text)) or field_kind(text) is not None or _credit(text):
        return False
    first = plain(layout.units[i + 1].lines[0]).strip()
    return bool(greeting.PATTERN.match(first) or greeting.ONE_ADDRESSEE.match(first))


def _kind_heading(layout: Layout, i: int) -> int:
    """The document's kind over its fields (``CIPHERED TELEGRAM`` / ``From: Beijing``), on a line of its
    own or the first of a block: the heading; the unit after it (or the block's other lines) next."""
    unit = layout.units[i]
    if len(unit.lines) == 1:
        return layout.take_heading(i)
    layout.heading(unit.line, unit.lines[0], last=unit.line)
    layout.replace_unit(i, Unit(unit.line + 1, unit.lines[1:]))
    return i


def _next_kind_line(layout: Layout, i: int) -> bool:
    """``INCOMING TELEGRAM`` alone on its line after body text, in a record that prints such a line over
    another document too: a page of several cables (a ministry's file copied frame by frame), each under its
    kind. Too short for a heading in capitals (caps_heading.py wants three words), it had stayed a paragraph
    and the four cables one document (and the next cable's lines the last speaker's)."""
    unit = layout.units[i]
    if len(unit.lines) != 1 or not _kind_line(unit.text) or caps_heading.matches(unit.text) \
            or classification.line_kind(unit.text) is not None:  # "THIS IS UNEVALUATED INFORMATION": a handling mark
        return False
    kind = _kind_word(unit.text)
    if kind not in _MESSAGE_KINDS:
        return False  # "INTERVIEW" over an oral history's cover and again in its text: no file of messages
    return any(k != i and _kind_line(other.lines[0]) and _kind_word(other.lines[0]) == kind
               for k, other in enumerate(layout.units))


_MESSAGE_KINDS = frozenset({"TELEGRAM", "CABLE", "MESSAGE", "DISPATCH", "DESPATCH"})


def _kind_word(line: str) -> str:
    """The word naming the document's kind (``TELEGRAM`` of ``OUTGOING TELEGRAM``): cables of one file share it."""
    match = caps_heading.DOCUMENT_TITLE.search(plain(line))
    return match.group() if match else ""


# The edition's number of a document in a selection, alone on its line over the document's title: "No. 2".
_PUBLICATION_NUMBER = re.compile(r"^No\.\s?(?P<n>\d{1,3})$")


def edition_number(text: str) -> str | None:
    """The number of ``No. 2`` alone on its line (the edition's number of a document it prints), else None."""
    match = _PUBLICATION_NUMBER.match(plain(text).strip())
    return match.group("n") if match else None


def edition_title(text: str) -> bool:
    """A document's title under the edition's number: in capitals, naming its kind (``NOTE OF THE LEGATION
    …``), or a heading that opens with its kind (``Telegram of the consul general …``, ``Resolution on the
    telegram of Pastukhov (No. 1)``), as the Soviet selections print their titles in sentence case."""
    bare = plain(text).strip()
    if caps_heading.matches(text) and caps_heading.DOCUMENT_TITLE.search(text):
        return True
    return is_heading(bare) and _mixed_case(bare) and caps_heading.DOCUMENT_TITLE.match(bare.upper()) is not None


def publication_number(layout: Layout, i: int) -> str | None:
    """``No. 2`` alone over ``NOTE OF THE PEOPLE'S COMMISSARIAT …``, in a record whose first document stands
    under ``No. 1``: the selection numbers the documents it prints on one page, and the number opens the
    next one. It had stayed the first document's last paragraph, and the second its section. A telegram's
    own number under its signature (``No. 423``) stands over no title and follows no ``No. 422``."""
    unit = layout.units[i]
    number = edition_number(unit.text) if len(unit.lines) == 1 else None
    if number is None or int(number) < 2 or i + 1 >= len(layout.units):
        return None
    if not edition_title(layout.units[i + 1].text):
        return None
    before = f"No. {int(number) - 1}"
    if not any(plain(other.text).strip().replace("No.", "No. ", 1).replace("  ", " ") == before
               for other in layout.units[:i]):
        return None
    return number


def _numbered_by_edition(layout: Layout, i: int) -> int | None:
    number = publication_number(layout, i) if layout.div.has_body else None
    if number is None:
        return None
    first = next((d for d in layout.divisions if d.kind == "document"), None)
    if number == "2" and first is not None and first.number is None:
        first.number = "1"  # the first document's "No. 1" is read into its opening, over its title
    layout.new_division("document", number)
    i = layout.take_edition_number(i)  # "No. 2": the number, then the title under it
    return layout.take_opening(layout.take_heading(i))


# What stands over a second document's heading after the first one's closing: its letterhead, marks,
# number and addressees, a line each.
_MARK_KINDS = frozenset({"classification", "handling", "precedence", "number"})
_OVER_HEADING_KINDS = _MARK_KINDS | {"addressee"}
_MOST_LINES_OVER_HEADING = 6


def _own_heading_under_marks(layout: Layout, i: int) -> int | None:
    """The unit of a document's heading that carries its own date or number (``Extract from protocol
    No. 75 of the session of the Politburo … of 20 October 1977``), under a run of short lines from unit i
    on that are a new document's letterhead, marks and addressees (``Communist Party of the Soviet Union.
    CENTRAL COMMITTEE`` / ``TOP SECRET`` / ``No. P75/XIV`` / ``To Comrades …``); None otherwise. After a
    closing (a KGB memorandum signed by its chairman) it starts the next document of the page: read as the
    first one's distribution matter, the two documents had been one."""
    kinds: list[str | None] = []
    k = i
    while k < len(layout.units) and k - i < _MOST_LINES_OVER_HEADING and len(layout.units[k].lines) == 1:
        text = plain(layout.units[k].text).strip()
        kind = field_kind(text)
        if kind not in _OVER_HEADING_KINDS and not (kind is None and letterhead_line(text)):
            break
        kinds.append(kind)
        k += 1
    if not _MARK_KINDS & set(kinds) or k + 1 >= len(layout.units) or len(layout.units[k].lines) != 1:
        return None
    heading = plain(layout.units[k].text).strip()
    if not is_heading(heading) or not _MIXED_OR_CAPS_TITLE.search(heading):
        return None
    return k if any(found.when for found in dates.find_dates(heading)) else None


# A heading that names its kind, as a new document's does: "Extract from protocol No. 75 …", "Resolution of …".
_MIXED_OR_CAPS_TITLE = re.compile(r"\b(?i:extract|excerpt|protocol|resolution|decision|decree|minutes|memorandum|"
                                  r"note|letter|telegram|record|report|directive|instruction)s?\b")


def _document_under_marks(layout: Layout, i: int) -> int | None:
    closed = layout.div.closed or layout.div.kind == "distribution"
    heading = _own_heading_under_marks(layout, i) if closed else None
    if heading is None:
        return None
    layout.new_division("document")
    after = layout.take_opening(i)
    if after != heading:
        return after  # the opening read fewer lines than the run: the rules read on from there
    return layout.take_opening(layout.take_heading(heading))


def read(layout: Layout, i: int) -> int | None:
    taken = first_taken(layout, i, (_numbered_document, _numbered_by_edition, _document_under_marks, _numbered_in_series))
    if taken is not None:
        return taken
    if _next_kind_line(layout, i):  # before any body (under a frame number only), the first cable's heading
        if layout.div.has_body:
            layout.new_division("document")
        return layout.take_opening(_kind_heading(layout, i))
    if layout.div.has_body and chain_number(layout, i):
        layout.new_division("document")
        layout.heading(layout.units[i].line, layout.units[i].text)
        return i + 1
    closed = layout.div.closed or layout.div.kind == "distribution"
    if not closed or not starts(layout, i):
        return None
    layout.new_division("document")
    unit = layout.units[i]
    if len(unit.lines) == 1 and is_heading(unit.text) and _dated_opening(layout, i + 1):
        layout.heading(unit.line, unit.text)
        i += 1
    elif _heading_over_dated_lines(layout, i):
        layout.heading(unit.line, unit.lines[0])
        layout.replace_unit(i, Unit(unit.line + 1, unit.lines[1:]))
    elif _date_over_title(layout, i):  # the date, then the title and what it is of ("with W. GOMULKA")
        return layout.take_heading(layout.take_opening(i))
    return layout.take_opening(i)


RULE = BlockRule("document-start", read)
