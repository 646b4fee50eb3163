"""File names are never echoed raw; a folder with nothing to check fails; render refuses what validate refuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei_encoder.diagnostics import Diagnostic, printable
from tei_encoder.report import REPORTERS
from tei_encoder.validate.batch import FileResult
from test_validate_support import REPO, VALID

GOOD = VALID / "telegram-000.xml"
HOSTILE_NAME = "a\x1b[31m\nforged: error [x] \x9b\u202eb.xml"
RAW = ("\x1b", "\x9b", "\u202e")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tei_encoder", *args], capture_output=True, text=True,
                          timeout=120, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_printable_escapes_controls_and_keeps_letters():
    assert printable("a\x1b[31m\nb\t\x7f\x9b\u2028\u202e é—ü") == "a\\x1b[31m\\nb\\t\\x7f\\x9b\\u2028\\u202e é—ü"


@pytest.mark.parametrize("report_format", sorted(REPORTERS))
def test_no_report_format_echoes_a_control_character(report_format):
    import io

    stream = io.StringIO()
    reporter = REPORTERS[report_format](stream, tool_version="test")
    diagnostic = Diagnostic(file=HOSTILE_NAME, message="bad \x9b byte \x1b[2J", rule="r\x1b", line=3)
    reporter.file(FileResult(HOSTILE_NAME, (diagnostic,)))
    from tei_encoder.diagnostics import Summary

    reporter.finish(Summary(done=1, failed=1))
    out = stream.getvalue()
    assert not any(character in out for character in RAW), repr(out)
    if report_format in ("text", "github"):
        assert len(out.splitlines()) == 2  # the diagnostic, the summary: no forged line
    if report_format in ("json", "sarif"):
        json.loads(out)  # still valid JSON, with the name's escapes inside strings
    if report_format == "junit":
        etree.fromstring(out.encode("utf-8"))


@pytest.mark.skipif(sys.platform == "win32", reason="control characters are not allowed in Windows file names")
def test_validate_and_convert_escape_a_hostile_file_name(tmp_path):
    document = tmp_path / HOSTILE_NAME
    document.write_text("<not-closed>", encoding="utf-8")
    result = run("validate", "--jobs", "1", str(document))
    assert result.returncode == 1
    assert not any(character in result.stdout + result.stderr for character in RAW)
    assert "a\\x1b[31m\\nforged" in result.stdout
    record = tmp_path / (HOSTILE_NAME.replace(".xml", ".txt"))
    record.write_bytes(b"")  # an empty record: refused with a line naming it
    result = run("convert", str(record), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert not any(character in result.stderr for character in RAW)
    assert "a\\x1b[31m\\nforged" in result.stderr


def test_validate_of_a_folder_without_xml_exits_2(tmp_path):
    (tmp_path / "notes.txt").write_text("not TEI", encoding="utf-8")
    result = run("validate", "--jobs", "1", str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path}: error [input-unreadable] no *.xml or *.tei files in this folder" in result.stdout


def test_render_refuses_internal_entities_as_validate_does(tmp_path):
    text = GOOD.read_text(encoding="utf-8").split("\n", 1)[1]
    document = tmp_path / "entities.xml"
    document.write_text('<!DOCTYPE TEI [<!ENTITY who "Stalin">]>\n' + text.replace("Stalin", "&who;", 1),
                        encoding="utf-8")
    validated = run("validate", "--jobs", "1", str(document))
    rendered = run("render", str(document), "--out", str(tmp_path / "site"))
    assert validated.returncode == rendered.returncode == 1
    refusal = "refused: the DOCTYPE declares entities (who)"
    assert refusal in validated.stdout
    (line,) = [line for line in rendered.stderr.splitlines() if str(document) in line]
    assert refusal in line and "Traceback" not in rendered.stderr
    assert not (tmp_path / "site" / "entities.html").exists()


def test_render_api_load_uses_the_validate_policy(tmp_path):
    from tei_encoder.render.renderer import load
    from tei_encoder.xmlsafe import UnsafeXML

    document = tmp_path / "doc.xml"
    document.write_text('<!DOCTYPE TEI [<!ENTITY x "y">]><TEI>&x;</TEI>', encoding="utf-8")
    with pytest.raises(UnsafeXML):
        load(Path(document))
