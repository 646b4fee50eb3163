"""One way to run work on several cores, or on a cluster: ``ordered_map``, used by convert,
validate, render and build.

Spawn-safe by construction: workers are started with the ``spawn`` method on
every platform, so nothing may rely on memory inherited through ``fork`` —
each worker builds what it needs (schemas, stylesheets) once, in the
``initializer``, and every task and result is a small picklable value. A caller
may name modules to ``preload``: on Linux its workers then fork from a
forkserver that imported them (a clean process, never the caller), and the
initializer still runs in each worker, finding the work done.
Results come back in input order as they are ready, so output never depends
on timing and the caller never holds more than it chooses to.

Beyond one machine (``--scheduler tcp://HOST:8786``): inside ``using_scheduler``
the same calls send each item to a dask.distributed cluster instead (the
``tei-encoder[dask]`` extra). The functions, the initializers and the order of
results are the same, so the output is the same bytes as a local run; only a
bounded window of tasks is in flight, so results stream back as they are ready.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_CLIENT: Any = None  # the dask.distributed Client while a command runs with --scheduler


class SchedulerError(Exception):
    """The cluster named by ``--scheduler`` cannot be used (no dask installed, or no answer)."""


def all_cores() -> int:
    return os.cpu_count() or 1


def distributed() -> bool:
    """True while work goes to a Dask cluster (callers that skip ``ordered_map`` for one job ask)."""
    return _CLIENT is not None


@contextmanager
def using_scheduler(address: str | None, timeout: float = 10.0) -> Iterator[None]:
    """Send every ``ordered_map`` of this block to the Dask scheduler at ``address`` (None: run locally)."""
    global _CLIENT
    if address is None:
        yield
        return
    client = _connect(address, timeout)
    _CLIENT = client
    try:
        yield
    finally:
        _CLIENT = None
        client.close()


def _connect(address: str, timeout: float) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError("--scheduler needs Dask: pip install 'tei-encoder[dask]'") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {error}") from None


def ordered_map(function: Callable[[T], R], items: Iterable[T], *, jobs: int,
                initializer: Callable[..., object] | None = None,
                initargs: tuple[Any, ...] = (), min_parallel: int = 2,
                preload: Sequence[str] = ()) -> Iterator[R]:
    """``map(function, items)`` on up to ``jobs`` processes, results in input order.

    With one job, or fewer than ``min_parallel`` items (starting workers costs more than they
    save), everything runs in this process after one call of ``initializer``. ``function``
    and ``initializer`` must be module-level functions (spawned workers import them). Inside
    ``using_scheduler`` every item goes to the cluster, whatever ``jobs``. ``preload``: modules
    a forkserver imports once for all workers, where the platform allows (``_start_method``).
    """
    work = list(items)
    if _CLIENT is not None and work:
        yield from _cluster_map(_CLIENT, function, work, initializer, initargs)
        return
    workers = max(1, min(jobs, len(work)))
    if workers == 1 or len(work) < min_parallel:
        if initializer is not None:
            initializer(*initargs)
        yield from map(function, work)
        return
    # Imported here: a run that never starts workers (an edit of one record, a build with nothing to
    # convert) does not pay for concurrent.futures.process and multiprocessing (about 0.05 s).
    from concurrent.futures import ProcessPoolExecutor

    context = _start_method(preload)
    if context.get_start_method() == "forkserver":
        # A forked worker holds the environment the server started with: it takes this process's, as a
        # spawned one would (TEI_ALL_RNG, TEI_ENCODER_CACHE may have changed since).
        initializer, initargs = _in_environment, (dict(os.environ), initializer, initargs)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs)
    try:
        chunks = ((function, work[start:stop]) for start, stop in _chunks(len(work), workers))
        for results in pool.map(_run_chunk, chunks):
            yield from results
    except BaseException:  # an item's error, or the caller stopped: the rest is not waited for
        pool.shutdown(cancel_futures=True)
        raise
    # Every result is in: the workers wind down (35-65 ms, their interpreters' exit) while the caller
    # writes its report; join_workers() waits for them when the command is done.
    manager = getattr(pool, "_executor_manager_thread", None)  # shutdown(wait=False) forgets it
    pool.shutdown(wait=False)
    if manager is None:
        return
    if not _JOIN_AT_EXIT:
        # A library caller that never calls join_workers(): threading runs its exit hooks last-registered
        # first, so this one runs before the hook concurrent.futures registered on its import above.
        getattr(threading, "_register_atexit", lambda hook: None)(join_workers)
        _JOIN_AT_EXIT.append(True)
    _WINDING_DOWN.append(manager)


# The manager threads of pools whose workers are winding down. They must be joined before the interpreter
# exits: left to concurrent.futures' own exit hook, its wake-up of a manager thread races the thread closing
# that pipe (CPython 3.11), and now and then prints "Exception ignored … Bad file descriptor". A manager
# thread ends once it has joined its workers.
_WINDING_DOWN: list[threading.Thread] = []
_JOIN_AT_EXIT: list[bool] = []  # whether join_workers is registered to run at exit


def join_workers() -> None:
    """Wait for the workers of finished pools to exit (the CLI calls this when a command is done)."""
    while _WINDING_DOWN:
        _WINDING_DOWN.pop().join()


def prepare_workers(preload: Sequence[str]) -> None:
    """Start now the forkserver that ``ordered_map(..., preload=preload)`` forks its workers from, so that it
    imports and prepares while the caller is still listing its work (validate: 35 ms on 5,000 files). Nothing
    where workers are spawned, or sent to a cluster."""
    if _CLIENT is not None or _start_method(preload).get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    forkserver.ensure_running()


def _in_environment(environment: dict[str, str], initializer: Callable[..., object] | None,
                    initargs: tuple[Any, ...]) -> None:
    """A forked worker's initializer: the caller's environment, then the caller's initializer."""
    if os.environ != environment:
        os.environ.clear()
        os.environ.update(environment)
    if initializer is not None:
        initializer(*initargs)


_LARGEST_CHUNK = 64


def _chunks(count: int, workers: int) -> Iterator[tuple[int, int]]:
    """The bounds of the chunks the workers are handed: a quarter of each worker's share of what is left, at
    most 64 items and at least one. Near the end the chunks shrink, so that the workers finish together: with
    chunks of 64 to the end, one worker checked the last one (about 40 ms of validation) while the other had
    nothing left to do."""
    start = 0
    while start < count:
        stop = start + max(1, min(_LARGEST_CHUNK, (count - start) // (workers * 4)))
        yield start, stop
        start = stop


def _run_chunk(task: tuple[Callable[[T], R], list[T]]) -> list[R]:
    """One chunk in a worker: the function on each item, results in order."""
    function, items = task
    return [function(item) for item in items]


def _start_method(preload: Sequence[str]) -> Any:
    """How workers start: spawned, each a fresh interpreter that imports and prepares what it needs; or, given
    ``preload`` on Linux, forked from a forkserver: a fresh single-threaded interpreter (spawned too, so
    nothing is forked from a process that may hold threads or locks) that imports those modules and the
    main one once, before any fork. Measured on validate --jobs 2 over 5,000 files: 0.41 G instructions
    and about 100 ms CPU less (a worker's start-up is 390 M instructions spawned, 10 M forked). Elsewhere
    (macOS, Windows) spawn: forkserver is not the platform's usual way there."""
    import multiprocessing

    if preload and sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["__main__", *preload])
        return context
    return multiprocessing.get_context("spawn")


def _cluster_map(client: Any, function: Callable[[T], R], work: list[T],
                 initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> Iterator[R]:
    """Submit a window of tasks ahead and yield their results in input order as they finish."""
    window = max(8, 4 * sum(client.nthreads().values()))
    pending: deque[Any] = deque()
    upcoming = iter(work)
    for item in upcoming:
        pending.append(client.submit(_on_worker, function, initializer, initargs, item, pure=False))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


_WORKER_LOCK = threading.Lock()


def _on_worker(function: Callable[[T], R], initializer: Callable[..., object] | None,
               initargs: tuple[Any, ...], item: T) -> R:
    """One item on a Dask worker. The initializers are idempotent (each compiles once per process
    and settings), so calling one before every item costs a lookup. The lock keeps a worker with
    several threads to one item at a time: the compiled schemas and stylesheets are per process."""
    with _WORKER_LOCK:
        if initializer is not None:
            initializer(*initargs)
        return function(item)
