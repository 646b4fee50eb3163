"""``--scheduler``: the per-record work of every command on a Dask cluster gives the bytes of a local run.

A LocalCluster with two in-process workers stands in for a real one (same client, same
scheduler protocol); skipped with the reason when dask.distributed is not installed.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import RECORDS, SEEDS
from tei_encoder import parallel
from tei_encoder.build.manifest import MANIFEST_NAME
from tei_encoder.cli import main

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (tei-encoder[dask])")

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning",
                                        "ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(n_workers=2, processes=False, threads_per_worker=1,
                                  dashboard_address=None) as local:
        yield local


def _computed_seconds(cluster) -> float:  # type: ignore[no-untyped-def]
    """Compute time the scheduler has booked for our tasks: it grows only if work went there."""
    prefix = cluster.scheduler.task_prefixes.get("on_worker")
    return prefix.all_durations["compute"] if prefix is not None else 0.0


def _thread_name(item: int) -> tuple[int, str]:
    return item * 2, threading.current_thread().name


def test_ordered_map_on_a_cluster_runs_on_its_workers_in_input_order(cluster) -> None:
    with parallel.using_scheduler(cluster.scheduler_address):
        results = list(parallel.ordered_map(_thread_name, range(50), jobs=1))
    assert [doubled for doubled, _ in results] == [n * 2 for n in range(50)]
    assert threading.current_thread().name not in {name for _, name in results}


def _folder(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    source.mkdir()
    for path in [*SEEDS[:4], *RECORDS[:4]]:
        shutil.copy(path, source / path.name)
    (source / "empty.txt").write_bytes(b"")  # fails to convert, on a worker as here
    return source


def _files(folder: Path) -> dict[str, bytes]:
    # build's manifest (an SQLite file) is the one file whose bytes may differ between equal builds.
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MANIFEST_NAME}


def test_build_on_a_cluster_gives_the_bytes_of_a_local_build(cluster, tmp_path, capsys) -> None:
    source = _folder(tmp_path)
    # --no-search: Pagefind's index names its files differently on every run (docs/scale.md).
    local_status = main(["build", str(source), "--out", str(tmp_path / "local"), "--jobs", "1", "--quiet",
                         "--no-search"])
    local_err = capsys.readouterr().err
    before = _computed_seconds(cluster)
    remote_status = main(["build", str(source), "--out", str(tmp_path / "remote"), "--quiet", "--no-search",
                          "--scheduler", cluster.scheduler_address])
    remote_err = capsys.readouterr().err
    assert _computed_seconds(cluster) > before  # the records went to the cluster
    assert remote_status == local_status == 1  # the empty record fails in both
    assert "empty.txt" in remote_err and remote_err.replace("remote", "local") == local_err
    local, remote = _files(tmp_path / "local"), _files(tmp_path / "remote")
    assert sorted(local) == sorted(remote) and len(local) > 20
    assert [name for name in local if local[name] != remote[name]] == []


def test_convert_and_validate_on_a_cluster_report_like_local_runs(cluster, tmp_path, capsys) -> None:
    source = _folder(tmp_path)
    reports = []
    for where in ("local", "remote"):
        scheduler = ["--scheduler", cluster.scheduler_address] if where == "remote" else ["--jobs", "1"]
        out = tmp_path / where
        convert_status = main(["convert", str(source), "--out", str(out), "--format", "json", "--validate",
                               *scheduler])
        converted = json.loads(capsys.readouterr().out.replace(str(out), "OUT"))
        validate_status = main(["validate", str(out), "--format", "json", *scheduler])
        validated = json.loads(capsys.readouterr().out.replace(str(out), "OUT"))
        reports.append((convert_status, converted, validate_status, validated, _files(out)))
    assert reports[0] == reports[1]
    assert reports[0][0] == 1 and reports[0][2] == 0


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "using_scheduler",
                        _with_timeout(parallel.using_scheduler, 1.0))  # do not wait the default 10 s
    monkeypatch.setattr("tei_encoder.cli.using_scheduler", parallel.using_scheduler)
    status = main(["convert", str(SEEDS[0]), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err, err
    assert not (tmp_path / "out").exists()


def _with_timeout(using, timeout: float):  # type: ignore[no-untyped-def]
    return lambda address: using(address, timeout=timeout)
