"""tei_encoder.parallel: input order, an initializer per worker, spawned workers (or forked from a forkserver)."""

from __future__ import annotations

import os
import sys

import pytest

from tei_encoder import parallel
from tei_encoder.parallel import ordered_map
from tei_encoder.validate import batch

_PREPARED: str | None = None


def _prepare(value: str) -> None:
    global _PREPARED
    _PREPARED = value


def _work(item: int) -> tuple[int, str | None, int]:
    return item * item, _PREPARED, os.getpid()


def test_one_job_runs_here_after_the_initializer() -> None:
    results = list(ordered_map(_work, range(5), jobs=1, initializer=_prepare, initargs=("ready",)))
    assert [square for square, _, _ in results] == [0, 1, 4, 9, 16]
    assert {(prepared, pid) for _, prepared, pid in results} == {("ready", os.getpid())}


def test_two_jobs_keep_input_order_and_prepare_every_worker() -> None:
    global _PREPARED
    _PREPARED = None  # a spawned worker must not see this process's state: only its initializer's
    results = list(ordered_map(_work, range(200), jobs=2, initializer=_prepare, initargs=("worker",)))
    assert [square for square, _, _ in results] == [n * n for n in range(200)]
    assert {prepared for _, prepared, _ in results} == {"worker"}
    assert os.getpid() not in {pid for _, _, pid in results}


def test_too_little_work_for_workers_stays_here() -> None:
    results = list(ordered_map(_work, [3], jobs=4))
    assert results[0][2] == os.getpid()


def test_preloaded_workers_keep_input_order_and_run_their_initializer() -> None:
    global _PREPARED
    _PREPARED = "caller"  # workers forked from the forkserver never see the caller's state either
    try:
        results = list(ordered_map(_work, range(200), jobs=2, initializer=_prepare, initargs=("worker",),
                                   preload=("json",)))
    finally:
        _PREPARED = None
    assert [square for square, _, _ in results] == [n * n for n in range(200)]
    assert {prepared for _, prepared, _ in results} == {"worker"}
    assert os.getpid() not in {pid for _, _, pid in results}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forkserver is used on Linux only")
def test_validate_workers_fork_from_a_server_that_compiled_the_schema() -> None:
    context = parallel._start_method(batch.WORKER_PRELOAD)
    assert context.get_start_method() == "forkserver"
    assert parallel._start_method(()).get_start_method() == "spawn"


def test_chunks_cover_the_work_in_order_and_shrink_towards_the_end() -> None:
    for count in (1, 2, 3, 17, 100, 5000):
        bounds = list(parallel._chunks(count, 2))
        assert [start for start, _ in bounds] == [0] + [stop for _, stop in bounds[:-1]]  # contiguous, in order
        assert bounds[-1][1] == count
        sizes = [stop - start for start, stop in bounds]
        assert all(1 <= size <= 64 for size in sizes)
        assert sizes == sorted(sizes, reverse=True)  # the workers finish together: the last chunks are small
        assert sizes[-1] == 1


def _variable(name: str) -> str | None:
    return os.environ.get(name)


def test_preloaded_workers_see_the_callers_environment_of_now(monkeypatch: pytest.MonkeyPatch) -> None:
    parallel.prepare_workers(("json",))  # the server may start before the variable changes, as in a library
    monkeypatch.setenv("TEI_ENCODER_TEST_VARIABLE", "set after the server started")
    results = list(ordered_map(_variable, ["TEI_ENCODER_TEST_VARIABLE"] * 8, jobs=2, preload=("json",)))
    assert results == ["set after the server started"] * 8


def test_finished_pools_are_joined_before_exit_not_left_to_concurrent_futures() -> None:
    """Left to concurrent.futures' exit hook, a pool's manager thread closing its wake-up pipe races the
    hook writing to it (CPython 3.11: "Exception ignored … Bad file descriptor" now and then at exit)."""
    results = list(ordered_map(_work, range(50), jobs=2))
    assert len(results) == 50
    winding = list(parallel._WINDING_DOWN)
    assert winding, "the finished pool's manager thread is kept to be joined"
    parallel.join_workers()
    assert parallel._WINDING_DOWN == []
    assert not any(thread.is_alive() for thread in winding)


def test_the_command_line_joins_the_workers_when_a_command_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from tei_encoder import cli

    joined: list[bool] = []
    monkeypatch.setattr(cli, "join_workers", lambda: joined.append(True))
    golden = Path(__file__).parent / "golden" / "000_0aaf53e3a5ac855f.xml"
    assert cli.main(["validate", "--quiet", str(golden)]) == 0
    assert joined == [True]
