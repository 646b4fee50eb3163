"""The per-file bookkeeping of ``validate`` on an archive: base URLs, the report-overwrite guard."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tei_encoder import xmlsafe
from tei_encoder.cli import main

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
