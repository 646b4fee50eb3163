"""Copy recipients: ``cc: Mr. O. Harvey, Sir A. Cadogan``, ``Copy to: Comrade A. A. Gromyko``,
``Distribution:``, ``Distributed to:``, ``Sent to:``, the German ``Verteiler:``, ``Copies: to Stalin,
Molotov``, ``Sent: to comrades …``, ``Made in 2 copies: 1 copy to Comrade Gerő, …`` with the names after it
or on the short lines under it. The persons named are registered as recipients (organisations, ``the Far
Eastern Department``, are no persons); the lines stay paragraphs where they stand (after a closing, in the
distribution matter, also after a ``Signed …`` closing).

Must not match: ``Copy No. 3`` (a handling mark), ``Copies of the note were sent …`` (no colon),
a ``cc:`` line before any body text of its document (a memorandum's header field).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.header import classification, people
from tei_encoder.markers import plain
from tei_encoder.reader.block_rules import participants
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import Item, ListBlock

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# "Distributed to:", "Distribute to:", "Circulated to:": the Soviet clerk's mailing line (Russian
# "Разослать"), as translations print it.
PATTERN = re.compile(r"^(?:(?:b?cc|c\.c\.)\s*[:.]|(?:copy to|copies to|copies|distribution(?: list)?|"
                     r"copy(?: sent)? to|distribute[ds]? to|circulated to|sent(?: out)? to|verteiler|sent(?=\s*:\s*to\b))\s*:|"
                     rf"{classification.COPIES_MADE}\s*[:.](?=\s*\S))\s*(?:to\s+)?(?P<rest>.*)$", re.I)


# A distribution list's copy number before its recipient: "Copy 4 - …", "2nd copy – …", "No. 3 - …".
_COPY_NUMBER = re.compile(r"^(?i:(?:copy|copies|no\.?)\s*\d+|\d+(?:st|nd|rd|th)?\s+cop(?:y|ies))\s*[-–—:.]\s*")


def addressed_entry(line: str) -> str | None:
    """The recipients an entry of a distribution list names, its copy number left out; None for a copy
    sent to a body (``Department "Foreign Policy and International Relations", CC BCP``), whose capitalised
    words are no persons."""
    entry = _COPY_NUMBER.sub("", line.strip())
    words = entry.split(",")[0].split()
    # an organisation's word among the first words: "Department of …", "Main Department Latin America"
    return None if any(people.names_a_body(" ".join(words[k:])) for k in range(min(3, len(words)))) else entry


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    match = PATTERN.match(plain(unit.text))
    if not match or not (layout.div.has_body or layout.div.kind == "distribution"):
        return None  # (after a closing, the distribution matter is a division of its own)
    rest = match.group("rest")
    head = PATTERN.match(plain(unit.lines[0]))
    if len(unit.lines) > 1 and head and not head.group("rest").strip():
        rest = ""  # "Distribution:" / "Comrade Minister" / "Comrade Colonel General Wolf": one name a line
        under = [plain(line) for line in unit.lines[1:]]
    else:
        under = []
    end = i + 1
    if not rest.strip() and not under:  # the names on the lines under the head, one unit each
        while end < len(layout.units) and participants.is_name_line(layout, end):
            end += 1
    names = [rest, *under] + [plain(layout.units[k].text) for k in range(i + 1, end)]
    for line in names:
        entry = addressed_entry(line)
        if entry:
            layout.persons.recipients_in(entry)
    if under:  # the head over its lines: a list, each line an item (joined, the titles would run together)
        layout.add(ListBlock(unit.line, tuple(Item(None, line) for line in unit.lines[1:]), None, unit.lines[0]))
        i += 1
    while i < end:
        i = layout.paragraph(i)
    return i


RULE = BlockRule("copies", read)
