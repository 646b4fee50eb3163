"""Named pipes, devices and oversized inputs are refused with one line, never read, never waited on.

Opening a FIFO for reading blocks until a writer appears, so every command
here runs in a child process with a timeout: a regression fails the test
(subprocess.TimeoutExpired) instead of hanging the suite.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tei_encoder import regular_file
from tei_encoder.regular_file import InputRefused, InputTooLarge, read_regular_file
from tei_encoder.validate import SchemaError, Validator, validate
from test_validate_support import REPO, VALID

TIMEOUT = 60
GOOD = VALID / "telegram-000.xml"
SCH = "http://purl.oclc.org/dsdl/schematron"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are not available on this system")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tei_encoder", *args], capture_output=True, text=True,
                          timeout=TIMEOUT, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})


def fifo(folder: Path, name: str) -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def in_child(code: str) -> subprocess.CompletedProcess[str]:
    """Python code in a child process (PYTHONPATH = the repository), so that a block fails on the timeout."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT,
                          cwd=REPO / "tests", env={**os.environ, "PYTHONPATH": f"{REPO}:{REPO / 'tests'}"})


def test_validate_refuses_a_fifo_document(tmp_path):
    pipe = fifo(tmp_path, "pipe.xml")
    result = run("validate", "--jobs", "1", str(pipe))
    assert result.returncode == 2
    (line, summary) = result.stdout.splitlines()
    assert line == f"{pipe}: error [input-unreadable] is a named pipe (FIFO), not a regular file: " \
                   "only regular files are read"


def test_validate_refuses_a_fifo_schema(tmp_path):
    pipe = fifo(tmp_path, "schema.xsd")
    result = run("validate", "--jobs", "1", "--schema", str(pipe), str(GOOD))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"tei-encoder validate: {pipe}: is a named pipe (FIFO), not a regular file"


@pytest.mark.parametrize("name, schema", [
    ("include.xsd", '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="pipe.xml"/>'
                    '<xs:element name="TEI"/></xs:schema>'),
    ("include.rng", '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="pipe.xml"/>'
                    '<start><element name="a"><empty/></element></start></grammar>'),
    ("external.rng", '<element name="a" xmlns="http://relaxng.org/ns/structure/1.0"><externalRef href="pipe.xml"/>'
                     '</element>'),
    ("include.sch", f'<schema xmlns="{SCH}"><include href="pipe.xml"/></schema>'),
])
def test_a_schema_including_a_fifo_is_refused(tmp_path, name, schema):
    fifo(tmp_path, "pipe.xml")
    (tmp_path / name).write_text(schema, encoding="utf-8")
    result = in_child(f"""
from tei_encoder.validate import SchemaError, Validator
try:
    Validator([{str(tmp_path / name)!r}])
except SchemaError as error:
    print(error)
""")
    assert result.returncode == 0, result.stderr
    assert "pipe.xml, which is a named pipe (FIFO), not a regular file" in result.stdout


def test_schematron_document_of_a_fifo_is_refused(tmp_path):
    fifo(tmp_path, "pipe.xml")
    (tmp_path / "rules.sch").write_text(
        f'<schema xmlns="{SCH}"><pattern><rule context="/*"><assert id="R" test="document(\'pipe.xml\')">'
        'no</assert></rule></pattern></schema>', encoding="utf-8")
    result = in_child(f"""
from tei_encoder.validate import Validator
for d in Validator([{str(tmp_path / "rules.sch")!r}]).validate_file({str(GOOD)!r}):
    print(d.rule, d.message)
""")
    assert result.returncode == 0, result.stderr
    assert "schema-read-refused" in result.stdout and "named pipe (FIFO)" in result.stdout


def test_an_xml_model_naming_a_fifo_is_not_followed(tmp_path):
    fifo(tmp_path, "pipe.sch")
    document = tmp_path / "doc.xml"
    document.write_text(f'<?xml-model href="pipe.sch" schematypens="{SCH}"?>\n'
                        + GOOD.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    result = run("validate", "--jobs", "1", "--xml-model", str(document))
    assert result.returncode == 0, result.stdout
    assert "[xml-model-missing] xml-model names pipe.sch, which is a named pipe (FIFO)" in result.stdout


def test_convert_refuses_a_fifo_record(tmp_path):
    pipe = fifo(tmp_path, "record.txt")
    result = run("convert", str(pipe), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"tei-encoder: {pipe}: is a named pipe (FIFO), not a regular file: only regular files are read" \
        in result.stderr.splitlines()
    assert not (tmp_path / "out" / "record.xml").exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_convert_and_validate_refuse_dev_zero_without_reading_it(tmp_path):
    result = run("convert", "/dev/zero", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "tei-encoder: /dev/zero: is a character device, not a regular file" in result.stderr
    result = run("validate", "--jobs", "1", "/dev/zero")
    assert result.returncode == 2 and "is a character device" in result.stdout


def test_render_does_not_wait_on_a_fifo(tmp_path):
    pipe = fifo(tmp_path, "pipe.xml")
    result = run("render", str(pipe), "--out", str(tmp_path / "site"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"tei-encoder render: {pipe}: is a named pipe (FIFO), not a regular file" in result.stderr


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (a file whose size says 0)")
def test_the_size_cap_holds_when_the_size_lies():
    # /proc files claim a size of 0: the read itself must stop at limit + 1 bytes.
    with pytest.raises(InputTooLarge):
        read_regular_file("/proc/self/status", limit=10)
    assert len(read_regular_file("/proc/self/status", limit=1 << 20)) > 10


def test_a_file_larger_than_the_cap_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # a sparse file: large, yet costs no disk
        handle.truncate(regular_file.MAX_BYTES + 1)
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(InputTooLarge, match="more than the limit"):
        read_regular_file(big)
    assert reads == []
    with pytest.raises(InputRefused, match="is a directory"):
        read_regular_file(tmp_path)


def test_gzip_is_never_decompressed(tmp_path):
    schema = tmp_path / "bomb.xsd"
    schema.write_bytes(gzip.compress(b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                                     + b" " * 10_000_000 + b"</xs:schema>"))
    with pytest.raises(SchemaError, match="not well-formed"):
        Validator([schema])
    document = tmp_path / "doc.xml"
    document.write_bytes(gzip.compress(GOOD.read_bytes()))
    (diagnostic,) = validate(document)
    assert diagnostic.rule == "xml-malformed"
