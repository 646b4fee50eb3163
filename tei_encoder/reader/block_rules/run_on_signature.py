"""A telegram's last paragraph with its signer's name run on after the last sentence (or alone on the
block's last line), and the
telegram's foot under it to the end of the record (``… ON MARCH 13. KISSINGER`` / ``BT`` / ``#8123`` /
``NNNN``): the paragraph, then a closing of the name and the foot. The teletype printed the name
on the text's last line.

Must not match: a name run on in a record whose opening names no sender (``… THE TALKS. MOLOTOV``
in a memorandum), or a paragraph with more body text after it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.reader.block_rules import closing_matter
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# A teletype telegram runs its signer's name on after its last sentence: "… ON MARCH 13. KISSINGER".
_RUN_ON_SIGNER = re.compile(r"(?<=[.!?\"”])\s+(?P<name>[A-Z][A-Z'’-]{2,})$")
_SIGNER_ALONE = re.compile(r"^(?P<name>[A-Z][A-Z'’-]{2,})$")  # or on the block's last line of its own


def read(layout: Layout, i: int) -> int | None:
    """The last paragraph of a telegram with the signer's name run on after it, and the telegram's
    foot under it (``BT`` / ``#8123`` / ``NNNN``) to the end of the record: the paragraph, then a
    closing of the name and the foot."""
    unit = layout.units[i]
    if layout.div.closed or not unit.text[-1:].isupper():
        return None  # (most units end in a full stop: the cheap test first)
    found = _RUN_ON_SIGNER.search(unit.lines[-1])
    if found is None and len(unit.lines) > 1:
        found = _SIGNER_ALONE.match(unit.lines[-1])
    rest = [line for later in layout.units[i + 1:] for line in later.lines]
    if (found is None or not all(closing_matter.trailer(line) for line in rest)
            or not closing_matter.signs_for_sender(layout, found.group("name"))):
        return None
    kept = unit.lines[-1][:found.start()]
    layout.replace_unit(i, Unit(unit.line, (*unit.lines[:-1], kept) if kept else unit.lines[:-1]))
    layout.paragraph(i)  # the paragraph ends in its full stop: no unit of the foot joins it
    name = found.group("name")
    layout.persons.sender(name)
    foot = tuple((closing_matter.kind_of(line, last=True) or "transmission", line) for line in rest)
    layout.add(ClosingBlock(unit.line + len(unit.lines) - 1, "", more=(("signed", name), *foot)))
    return len(layout.units)


RULE = BlockRule("run-on-signature", read)
