"""``convert --format json``: machines get every record's failure, warnings and findings on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tei_encoder.cli import main


def records(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a_good.txt").write_text("Stalin: We agree.\n")
    (folder / "b_binary.txt").write_bytes(b"A record.\n\x00\x01\x02")
    (folder / "c_stray.txt").write_bytes("Stalin: café, and a stray byte: ".encode() + b"\xe9.\n")
    return folder


def test_json_report_names_failures_and_warnings(tmp_path: Path, capsys) -> None:
    source = records(tmp_path / "in")
    status = main(["convert", str(source), "--out", str(tmp_path / "out"), "--jobs", "1", "--format", "json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    by_name = {Path(entry["file"]).name: entry for entry in report["files"]}
    assert list(by_name) == ["a_good.txt", "b_binary.txt", "c_stray.txt"]
    assert by_name["a_good.txt"] == {"file": str(source / "a_good.txt"), "valid": True, "diagnostics": []}
    [failure] = by_name["b_binary.txt"]["diagnostics"]
    assert (failure["rule"], failure["severity"], by_name["b_binary.txt"]["valid"]) == ("not-converted", "error", False)
    [warning] = by_name["c_stray.txt"]["diagnostics"]
    assert (warning["rule"], warning["severity"], warning["line"]) == ("stray-bytes-repaired", "warning", 1)
    assert report["summary"]["exit_code"] == status == 1
    assert (report["summary"]["files"], report["summary"]["invalid"]) == (3, 1)
    # The records' lines are in the report only; stderr keeps the one summary line.
    assert "b_binary.txt" not in captured.err and "stray-bytes-repaired" not in captured.err
    assert (tmp_path / "out" / "a_good.xml").exists() and not (tmp_path / "out" / "b_binary.xml").exists()


def test_text_is_the_default_and_prints_nothing_on_stdout(tmp_path: Path, capsys) -> None:
    source = records(tmp_path / "in")
    assert main(["convert", str(source), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "b_binary.txt" in captured.err and "[stray-bytes-repaired]" in captured.err


def test_unknown_format_is_a_usage_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["convert", str(records(tmp_path / "in")), "--out", str(tmp_path / "out"), "--format", "xml"])
    assert usage.value.code == 2
    assert "--format" in capsys.readouterr().err
