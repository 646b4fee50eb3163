"""Progress on stderr for long batches, only when stderr is a terminal (tqdm)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], total: int, label: str, quiet: bool) -> Iterator[T]:
    if quiet or total < 20 or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=label, unit="rec", file=sys.stderr, leave=False)
