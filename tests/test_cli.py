"""The command line: exit codes, batches, bad input, no half-written files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEEDS
from tei_encoder.cli import main
from tei_encoder.writer import TEI_NS


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tei_encoder", *args], capture_output=True, text=True,
                          timeout=120)


def test_convert_seeds(tmp_path: Path) -> None:
    result = run("convert", str(SEEDS[0].parent), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{s.stem}.xml" for s in SEEDS]
    assert "Traceback" not in result.stderr


def test_bad_inputs_fail_alone_and_name_the_file(tmp_path: Path) -> None:
    records = tmp_path / "in"
    records.mkdir()
    (records / "good.txt").write_text("A good record.\n")
    (records / "empty.txt").write_bytes(b"")
    (records / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (records / "undecodable.txt").write_bytes(b"caf\x81\x8d")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    out = tmp_path / "out"
    result = run("convert", str(records), str(tmp_path / "missing.txt"), str(empty_dir), "--out", str(out))
    assert result.returncode == 2  # paths that name nothing are a usage error; the rest still ran
    lines = [line for line in result.stderr.splitlines() if "converted" not in line]
    assert len(lines) == 5, result.stderr
    for name in ("empty.txt", "binary.txt", "undecodable.txt", "missing.txt", "nothing"):
        assert any(name in line for line in lines), name
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.xml"]  # nothing half-written


def test_usage_errors_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as error:
        main(["convert", "x.txt"])  # --out missing
    assert error.value.code == 2
    with pytest.raises(SystemExit) as error:
        main(["convert", "x.txt", "--out", "o", "--family", "nonsense"])
    assert error.value.code == 2


def test_family_override(tmp_path: Path) -> None:
    record = tmp_path / "r.txt"
    record.write_text("Plain words.\n")
    assert main(["convert", str(record), "--out", str(tmp_path / "out"), "--family", "word-export", "-q"]) == 0
    assert "Plain words." in (tmp_path / "out" / "r.xml").read_text()


def test_quiet_prints_nothing_on_success(tmp_path: Path) -> None:
    result = run("convert", str(SEEDS[0]), "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_same_stem_twice_is_refused_not_overwritten(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f"Record {folder}.\n")
    result = run("convert", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "would overwrite" in result.stderr
    assert "Record a." in (tmp_path / "out" / "same.xml").read_text()


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("tei-encoder ")


def test_convert_validate_reports_validity(tmp_path: Path) -> None:
    result = run("convert", str(SEEDS[0]), "--out", str(tmp_path), "--validate")
    assert result.returncode == 0, result.stderr
    assert "all valid" in result.stderr


def test_build_writes_the_whole_site(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "tei_encoder", "build", "--out", "site", "-q", "-j", "1"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for seed in SEEDS:
        assert (site / "tei" / f"{seed.stem}.xml").is_file() and (site / f"{seed.stem}.html").is_file()
    report = (site / "validation.html").read_text()
    assert all(seed.name in report for seed in SEEDS) and "invalid" in report
    assert 'href="validation.html' in (site / "index.html").read_text()


def test_same_bytes_with_one_or_two_jobs(tmp_path: Path) -> None:
    folders = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        assert run("convert", str(SEEDS[0].parent), "--out", str(out), "--jobs", jobs, "-q").returncode == 0
        folders.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert folders[0] == folders[1] and len(folders[0]) == len(SEEDS)


def test_a_repaired_byte_is_a_warning_naming_file_and_line(tmp_path: Path) -> None:
    record = tmp_path / "damaged.txt"
    record.write_bytes("First □ line.\nThe caf".encode() + b"\xe9 is open.\n")
    result = run("convert", str(record), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert f"{record}:2: warning [stray-bytes-repaired] 1 byte that is not valid UTF-8" in result.stderr


def test_a_record_whose_tei_would_be_invalid_fails_and_writes_nothing(tmp_path: Path) -> None:
    record = tmp_path / "twice.txt"  # mark 2 twice in one series of numbering: no valid encoding keeps both
    record.write_text("Stalin[footnoteRef:1] spoke. Molotov[footnoteRef:2] agreed. Eden[footnoteRef:2] too.\n\n"
                      "[1: A note.] [2: Another.]\n")
    result = run("convert", str(record), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if "converted" not in line and "warning" not in line]
    assert len(failures) == 1 and failures[0].startswith(f"tei-encoder: {record}: not written: ")
    assert "first: line " in failures[0] and "TE-NOTE-002" in failures[0]
    assert list((tmp_path / "out").iterdir()) == []


def test_the_self_check_catches_any_invalid_output(tmp_path: Path, monkeypatch) -> None:
    from tei_encoder import pipeline

    real_tree = pipeline.tei_tree

    def broken(document):  # type: ignore[no-untyped-def]
        root = real_tree(document)
        root.find(f"{{{TEI_NS}}}text").insert(0, etree.Element(f"{{{TEI_NS}}}front"))
        return root

    monkeypatch.setattr(pipeline, "tei_tree", broken)
    record = tmp_path / "a.txt"
    record.write_text("A record.\n")
    outcome = pipeline.convert_file(record, tmp_path)
    assert outcome.error is not None and outcome.error.startswith("not written: its TEI would fail")
    assert "first: line " in outcome.error  # the failing tree is checked from its bytes: lines are known
    assert not (tmp_path / "a.xml").exists()


def test_a_valid_record_is_checked_in_memory_without_parsing_its_tei_back(tmp_path: Path, monkeypatch) -> None:
    from tei_encoder import pipeline
    from tei_encoder.validate import validator

    def no_parse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the self-check parsed the TEI it had just written")

    monkeypatch.setattr(validator, "load_bytes", no_parse)
    record = tmp_path / "a.txt"
    record.write_text("Memorandum\n\nThe talks went on until late in the evening.\n")
    outcome = pipeline.convert_file(record, tmp_path)
    assert outcome.ok and (tmp_path / "a.xml").exists()


def test_encoder_warnings_are_diagnostics_with_file_line_and_rule(tmp_path: Path, capsys) -> None:
    record = tmp_path / "notes.txt"
    record.write_text("Talks went on.\n\nThe talks [footnoteRef:1] and [footnoteRef:2] ended.\n\n[1: A note.]\n")
    assert main(["convert", str(record), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if ": warning [" in line]
    assert warnings == [f"{record}:3: warning [note-anchor-without-body] footnote anchor 2 has no body; "
                        "encoded as an empty note"]
    assert main(["convert", str(record), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
