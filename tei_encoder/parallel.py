"""One way to run work on several cores: ``ordered_map``, used by convert, validate and render.

Spawn-safe by construction: workers are started with the ``spawn`` method on
every platform, so nothing may rely on memory inherited through ``fork`` —
each worker builds what it needs (schemas, stylesheets) once, in the
``initializer``, and every task and result is a small picklable value.
Results come back in input order as they are ready, so output never depends
on timing and the caller never holds more than it chooses to.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def all_cores() -> int:
    return os.cpu_count() or 1


def ordered_map(function: Callable[[T], R], items: Iterable[T], *, jobs: int,
                initializer: Callable[..., object] | None = None,
                initargs: tuple[Any, ...] = (), min_parallel: int = 2) -> Iterator[R]:
    """``map(function, items)`` on up to ``jobs`` processes, results in input order.

    With one job, or fewer than ``min_parallel`` items (starting workers costs more than they
    save), everything runs in this process after one call of ``initializer``. ``function``
    and ``initializer`` must be module-level functions (spawned workers import them).
    """
    work = list(items)
    workers = max(1, min(jobs, len(work)))
    if workers == 1 or len(work) < min_parallel:
        if initializer is not None:
            initializer(*initargs)
        yield from map(function, work)
        return
    chunksize = max(1, min(64, len(work) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                             initializer=initializer, initargs=initargs) as pool:
        yield from pool.map(function, work, chunksize=chunksize)
