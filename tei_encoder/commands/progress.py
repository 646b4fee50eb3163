"""One progress bar for every command, and the way to print beside it.

The bar (tqdm) is drawn on stderr for long batches, only when stderr is a
terminal. A line printed while it is drawn would be glued to the bar's text,
so every command prints its warnings with ``say`` and writes its reports
inside ``beside_bar``: both clear the bar first and redraw it after.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

MIN_ITEMS = 20  # a shorter batch is over before a bar would say anything
_shown = 0  # bars being drawn now (progress is a generator: it counts while its caller's loop runs)


def progress(items: Iterable[T], total: int, label: str, *, quiet: bool = False, unit: str = "rec") -> Iterator[T]:
    """``items``, with a bar on stderr while they are consumed (unless quiet, short, or not a terminal)."""
    global _shown
    if quiet or total < MIN_ITEMS or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    _shown += 1
    try:
        yield from tqdm(items, total=total, desc=label, unit=unit, file=sys.stderr, leave=False)
    finally:
        _shown -= 1


def say(line: str) -> None:
    """Print one line on stderr, above the bar if one is drawn."""
    with beside_bar(sys.stderr):
        print(line, file=sys.stderr)


_NO_BAR: contextlib.AbstractContextManager[None] = contextlib.nullcontext()


def beside_bar(stream: TextIO) -> contextlib.AbstractContextManager[None]:
    """Write to ``stream`` inside this block without breaking a bar: it is cleared, then redrawn.

    With no bar drawn, one shared do-nothing block: validate enters this for every file it reports.
    """
    return _beside_drawn_bar(stream) if _shown else _NO_BAR


@contextlib.contextmanager
def _beside_drawn_bar(stream: TextIO) -> Iterator[None]:
    from tqdm import tqdm

    with tqdm.external_write_mode(file=stream):
        yield
        stream.flush()
