"""Writing files (issue 8, findings 3, 5 and 7): atomic, never through a symlink, with the umask's mode,
one clear line and exit 1 or 2 when the output cannot be written, one build at a time per folder,
and a site built inside its source is never read back as records."""

from __future__ import annotations

import errno
import fcntl
import io
import os
import shutil
import stat
from pathlib import Path

import pytest

from conftest import SEEDS
from tei_encoder import files
from tei_encoder.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "render"


def _leftovers(folder: Path) -> list[str]:
    """Temporary files and empty files anywhere under folder: a failed write must leave neither."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and (p.name.endswith(".tmp") or p.stat().st_size == 0))


# ---------------------------------------------------------------- the helper itself

def test_a_symlink_at_the_target_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("secret")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.html").symlink_to(victim)
    files.write_bytes(tmp_path / "out" / "index.html", b"page")
    assert victim.read_text() == "secret"
    assert not (tmp_path / "out" / "index.html").is_symlink()
    assert (tmp_path / "out" / "index.html").read_bytes() == b"page"


def test_a_file_planted_at_the_temporary_name_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("secret")
    monkeypatch.setattr(files, "_TOKEN", "feed")
    monkeypatch.setattr(files, "_SERIAL", iter(range(3)))
    (tmp_path / ".index.html.feed0.tmp").symlink_to(victim)
    (tmp_path / ".index.html.feed1.tmp").write_text("someone else's")
    files.write_bytes(tmp_path / "index.html", b"page")
    assert victim.read_text() == "secret"
    assert (tmp_path / ".index.html.feed1.tmp").read_text() == "someone else's"
    assert (tmp_path / "index.html").read_bytes() == b"page"
    assert not (tmp_path / ".index.html.feed2.tmp").exists()


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_honour_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    previous = os.umask(umask)
    files.file_mode.cache_clear()
    try:
        files.write_bytes(tmp_path / "a.xml", b"<a/>")
    finally:
        os.umask(previous)
        files.file_mode.cache_clear()
    assert (tmp_path / "a.xml").stat().st_mode & 0o777 == mode


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "persons.html"
    target.write_bytes(b"old page")
    with pytest.raises(files.OutputError, match="persons.html: cannot write: No space left on device"):
        with files.atomic_writer(target) as stream:
            stream.write(b"half a pa")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert target.read_bytes() == b"old page"
    assert _leftovers(tmp_path) == []


def test_write_bytes_failing_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "persons.html"
    target.write_bytes(b"old page")
    written = []

    def full(handle: int, data: bytes) -> int:
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(data)
        return 3

    monkeypatch.setattr(files.os, "write", full)
    with pytest.raises(files.OutputError, match="persons.html: cannot write: No space left on device"):
        files.write_bytes(target, b"new page")
    monkeypatch.undo()
    assert written and target.read_bytes() == b"old page"
    assert _leftovers(tmp_path) == []


def test_write_bytes_writes_on_after_a_short_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    monkeypatch.setattr(files.os, "write", lambda handle, data: real_write(handle, bytes(data)[:3]))
    files.write_bytes(tmp_path / "a.html", b"a whole page")
    monkeypatch.undo()
    assert (tmp_path / "a.html").read_bytes() == b"a whole page"


def test_an_interrupted_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "persons.html"
    target.write_bytes(b"old page")
    with pytest.raises(KeyboardInterrupt):
        with files.atomic_writer(target) as stream:
            stream.write(b"half a pa")
            raise KeyboardInterrupt
    assert target.read_bytes() == b"old page"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_device_or_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    # Renamed over, a named pipe (or /dev/null, for a report sent there as root) became a regular file.
    target = tmp_path / "pipe"
    os.mkfifo(target)
    reader = os.open(target, os.O_RDONLY | os.O_NONBLOCK)  # a reader: opening to write does not block
    try:
        with files.atomic_writer(target) as stream:
            stream.write(b"report")
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
        assert os.read(reader, 100) == b"report"
    finally:
        os.close(reader)
    assert _leftovers(tmp_path) == []


# ---------------------------------------------------------------- the commands

@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write through tei_encoder.files fails as on a full disk (the temporary file is still made)."""
    real_fdopen = os.fdopen

    class Full(io.BufferedWriter):
        def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode == "wb":
            return Full(io.FileIO(fd, "w"))
        return real_fdopen(fd, mode, *args, **kwargs)

    def write_all(handle: int, data: bytes) -> None:  # write_bytes writes to the descriptor itself
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fdopen", fdopen)
    monkeypatch.setattr(files, "_write_all", write_all)


def test_render_on_a_full_disk_is_one_line_exit_1_and_no_empty_page(tmp_path: Path, full_disk, capsys) -> None:
    out = tmp_path / "site"
    status = main(["render", str(FIXTURES), "--out", str(out)])
    error = capsys.readouterr().err
    assert status == 1
    assert "internal error" not in error and "Traceback" not in error
    assert len(error.strip().splitlines()) == 1 and "No space left on device" in error
    assert _leftovers(out) == []


def test_convert_on_a_full_disk_is_one_line_exit_1(tmp_path: Path, full_disk, capsys) -> None:
    status = main(["convert", str(SEEDS[0]), "--out", str(tmp_path / "tei"), "--jobs", "1"])
    error = capsys.readouterr().err
    assert status == 1 and "internal error" not in error
    assert len(error.strip().splitlines()) == 1 and "No space left on device" in error
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["render", "convert", "build"])
def test_an_output_folder_that_is_a_file_is_one_line_exit_2(tmp_path: Path, command: str, capsys) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder")
    source = {"render": str(FIXTURES), "convert": str(SEEDS[0]), "build": str(SEEDS[0].parent)}[command]
    arguments = [command, source, "--out", str(out)]
    assert main(arguments) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "is a file, not a folder" in error and str(out) in error
    assert out.read_text() == "not a folder"


@pytest.mark.parametrize("command", ["render", "convert"])
def test_an_unwritable_output_folder_is_one_line_exit_2(tmp_path: Path, command: str, capsys,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse as a read-only one would
        real_open = os.open

        def refuse(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(path).parent == out:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(files.os, "open", refuse)
    else:
        out.chmod(0o500)
    source = str(FIXTURES) if command == "render" else str(SEEDS[0])
    try:
        assert main([command, source, "--out", str(out)]) == 2
    finally:
        out.chmod(0o700)
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Permission denied" in error and "internal error" not in error
    assert list(out.iterdir()) == []


def test_a_second_build_into_a_locked_folder_says_so(tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    out.mkdir()
    holder = os.open(out / files.LOCK_NAME, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        assert main(["render", str(FIXTURES), "--out", str(out)]) == 2
    finally:
        os.close(holder)
    error = capsys.readouterr().err
    assert "another tei-encoder build or render is writing into this folder" in error
    assert [p.name for p in out.iterdir()] == [files.LOCK_NAME]
    # Once the other build has finished, the folder is free again, and no lock file is left behind.
    assert main(["render", str(FIXTURES), "--out", str(out)]) == 0
    assert not (out / files.LOCK_NAME).exists()


def test_build_twice_into_a_folder_inside_its_source(tmp_path: Path, capsys) -> None:
    source = tmp_path / "records"
    source.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, source / seed.name)
    for _ in range(2):
        assert main(["build", str(source), "--out", str(source / "site"), "--jobs", "1"]) == 0
        error = capsys.readouterr().err
        assert f"built {len(SEEDS)} of {len(SEEDS)} records" in error
    # each record's TEI, and the corpus personography (issue 11)
    assert sorted(p.name for p in (source / "site" / "tei").iterdir()) == sorted(
        [f"{s.stem}.xml" for s in SEEDS] + ["persons.xml"])


def test_convert_into_its_own_source_folder_is_refused(tmp_path: Path, capsys) -> None:
    # TEI and records would mix (issue 11): one line, exit 2, nothing written.
    shutil.copy(SEEDS[0], tmp_path / SEEDS[0].name)
    assert main(["convert", str(tmp_path), "--out", str(tmp_path), "--quiet"]) == 2
    assert "holds the sources" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == [SEEDS[0].name]


# ---------------------------------------------------------------- validate --output

def test_validate_refuses_to_write_its_report_over_an_input(tmp_path: Path, capsys) -> None:
    document = tmp_path / "a.xml"
    shutil.copy(next(FIXTURES.glob("*.xml")), document)
    before = document.read_bytes()
    for output, inputs in ((document, [str(document)]), (tmp_path / "." / "a.xml", [str(tmp_path)])):
        assert main(["validate", *inputs, "--output", str(output)]) == 2
        assert "would overwrite a file being validated" in capsys.readouterr().err
    assert document.read_bytes() == before


def test_validate_report_is_written_whole_and_through_no_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("secret")
    report = tmp_path / "report.json"
    report.symlink_to(victim)
    main(["validate", str(next(FIXTURES.glob("*.xml"))), "--format", "json", "--output", str(report)])
    assert victim.read_text() == "secret"
    assert not report.is_symlink() and report.read_text().rstrip().endswith("}")
