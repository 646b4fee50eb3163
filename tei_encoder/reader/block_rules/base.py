"""What every block rule shares: its name and the function that reads a unit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the layout runs the rules; a rule only calls back into the layout it is given
    from tei_encoder.reader.layout import Layout

# Reads the unit at index i: the index of the next unit to read when the rule took it, else None.
Reader = Callable[["Layout", int], "int | None"]


@dataclass(frozen=True, slots=True)
class BlockRule:
    name: str
    read: Reader


def first_taken(layout: Layout, i: int, readers: Sequence[Reader]) -> int | None:
    """What the first of ``readers`` that takes unit i returns, else None: a rule's own readings of one
    layout each, tried in order."""
    for reader in readers:
        taken = reader(layout, i)
        if taken is not None:
            return taken
    return None
