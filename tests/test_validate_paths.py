"""The bookkeeping of ``validate`` on an archive: listing folders, base URLs, the report-overwrite guard, workers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tei_encoder import xmlsafe
from tei_encoder.cli import main
from tei_encoder.validate.batch import XML_SUFFIXES, xml_files_under

SAMPLE_NAMES = ("a.xml", "with space.xml", "ü#%?&;=.xml", "100%.tei", "a\udcff.xml", "[x].xml", "~tilde.xml")


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_file_uri_is_pathlibs(tmp_path: Path, name: str) -> None:
    for folder in (tmp_path, tmp_path / "sub dir ß", Path("/"), Path("//twice")):
        path = os.path.join(folder, name)
        assert xmlsafe.file_uri(path) == Path(os.path.abspath(path)).as_uri()


def test_file_uri_of_a_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for path in ("a.xml", "./b.xml", "sub/../c.xml", Path("d e.xml")):
        assert xmlsafe.file_uri(path) == Path(os.path.abspath(path)).as_uri()


def _tei(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["itself", "hard link", "symbolic link"])
def test_a_report_that_would_overwrite_an_input_is_refused(tmp_path: Path, how: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _tei(folder, "a.xml")
    target = _tei(folder, "b.xml")
    output = target
    if how != "itself":
        output = tmp_path / "report.json"
        (os.link if how == "hard link" else os.symlink)(target, output)
    assert main(["validate", str(folder), "--no-progress", "--format", "json", "--output", str(output)]) == 2
    assert "would overwrite a file being validated" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'


def test_a_report_beside_the_inputs_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _tei(folder, "a.xml")
    output = tmp_path / "report.json"
    output.write_text("old", encoding="utf-8")  # an existing file that is no input
    main(["validate", str(folder), "--profile", "tei-encoder", "--no-progress", "--format", "json",
          "--output", str(output)])
    assert '"files"' in output.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_report_sent_into_a_pipe_overwrites_no_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The pipe named as input and output: the report goes into the pipe and replaces no file's bytes, so
    # the run is not refused as overwriting its input; the input is reported as what it is.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader: opening to write does not block
    try:
        status = main(["validate", str(pipe), "--no-progress", "--format", "json", "--output", str(pipe)])
        assert "would overwrite" not in capsys.readouterr().err
        assert status == 2  # the only input is unreadable: a named pipe is not read
        assert b'"unreadable": 1' in os.read(reader, 100_000)
    finally:
        os.close(reader)


def _pathlib_listing(folder: Path) -> list[str]:
    """What expand_paths listed before xml_files_under: pathlib's walk and order."""
    return [os.fspath(p) for p in sorted(p for p in folder.rglob("*") if p.suffix.lower() in XML_SUFFIXES
                                         and p.is_file())]


def _awkward_tree(top: Path) -> None:
    """Names whose order as strings and as Paths differ, odd suffixes, links, a FIFO, hidden and deep files."""
    for relative in ("a/x.xml", "a-b/x.xml", "a.b/x.xml", "a/b/c/d/deep.tei", "A/Upper.XML", "z.xml", "y.Tei",
                     ".hidden.xml", ".xml", "trailing.xml.", "not.txt", "plain", "é/ü.xml", "a b/c d.xml",
                     "dir.xml/inside.xml", "x.xml.bak", "a/x-y.xml", "a/x.y.xml", "a/x/y.xml"):
        path = top / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<x/>", encoding="utf-8")
    (top / "link-to-file.xml").symlink_to(top / "z.xml")
    (top / "broken-link.xml").symlink_to(top / "missing.xml")
    (top / "loop.xml").symlink_to(top / "loop.xml")
    (top / "link-to-dir").symlink_to(top / "a")  # rglob does not walk into it
    (top / "link-to-dir.xml").symlink_to(top / "a")
    if hasattr(os, "mkfifo"):
        os.mkfifo(top / "pipe.xml")


@pytest.mark.skipif(os.name != "posix", reason="the scandir walk is used on POSIX only")
def test_xml_files_under_lists_what_pathlib_did(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    top = tmp_path / "in"
    _awkward_tree(top)
    listed = xml_files_under(top)
    assert listed == _pathlib_listing(top)
    assert os.fspath(top / "a-b" / "x.xml") in listed and os.fspath(top / "link-to-file.xml") in listed
    assert not any("broken" in name or "pipe" in name or "loop" in name or "link-to-dir" in name for name in listed)
    monkeypatch.chdir(tmp_path)
    for argument in ("in", "in/", "./in", "in/a", "in/../in"):
        assert xml_files_under(Path(argument)) == _pathlib_listing(Path(argument)), argument
    monkeypatch.chdir(top)
    assert xml_files_under(Path(".")) == _pathlib_listing(Path("."))


# ---------------------------------------------------------------- workers compile, the caller does not

def test_a_schema_that_does_not_compile_stops_a_run_with_workers_in_one_line(tmp_path: Path) -> None:
    for name in ("a.xml", "b.xml", "c.xml"):
        _tei(tmp_path, name)
    schema = tmp_path / "broken.xsd"
    schema.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                      '<xs:element name="x" type="nothing"/></xs:schema>', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "tei_encoder", "validate", str(tmp_path), "--schema", str(schema),
                             "--jobs", "2", "--format", "json", "--no-progress"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stdout == ""  # no report begun
    assert result.stderr.strip().splitlines() == [
        f"tei-encoder validate: {schema}: not a usable XML Schema: unknown type 'nothing'"]


def test_with_workers_the_schemas_are_compiled_in_the_workers_only(tmp_path: Path) -> None:
    from tei_encoder.validate import batch

    files = [os.fspath(_tei(tmp_path, f"{name}.xml")) for name in "abc"]
    in_process = list(batch.check_files(files, jobs=1, profile="tei-encoder"))
    assert batch._WORKER is not None  # noqa: SLF001
    with_workers = list(batch.check_files(files, jobs=2, profile="tei-encoder"))
    assert batch._WORKER is None  # noqa: SLF001  (the workers' compile was this process's only one)
    assert [(r.file, r.diagnostics) for r in with_workers] == [(r.file, r.diagnostics) for r in in_process]
