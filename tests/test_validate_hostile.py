"""Hostile input is refused without reading what it names, without network access and without hanging.

The "secret" a document points at is a named pipe (FIFO): opening it for
reading blocks until someone writes, so any attempt to read it would hang
the child process and fail the test on its timeout. Network attempts go to
a listening socket on localhost that must receive no connection.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tei_encoder import xmlsafe
from tei_encoder.validate import validate
from tei_encoder.validate.parsing import load_bytes
from test_validate_support import REPO

TIMEOUT = 30


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tei_encoder.commands.validate", *args],
                          capture_output=True, text=True, timeout=TIMEOUT, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are not available on this system")
    path = tmp_path / "secret"
    os.mkfifo(path)
    return path


@pytest.fixture
def listener():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    yield server
    server.close()


def connections(server: socket.socket) -> int:
    count = 0
    while True:
        try:
            connection, _ = server.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def only(diagnostics):
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0]


def check_refused(tmp_path: Path, document: str, expected_rule: str = "xml-unsafe") -> dict:
    path = tmp_path / "hostile.xml"
    path.write_text(document, encoding="utf-8")
    result = run_cli("--format", "json", "--jobs", "1", str(path))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    (diagnostic,) = report["files"][0]["diagnostics"]
    assert diagnostic["rule"] == expected_rule
    return diagnostic


def test_external_entity_to_a_local_file_is_refused_unread(tmp_path, fifo):
    doc = f'<!DOCTYPE TEI [<!ENTITY secret SYSTEM "{fifo.as_uri()}">]>\n<TEI>&secret;</TEI>'
    diagnostic = check_refused(tmp_path, doc)
    assert "declares entities" in diagnostic["message"]


def test_external_parameter_entity_is_refused_unread(tmp_path, fifo):
    doc = f'<!DOCTYPE TEI [<!ENTITY % dtd SYSTEM "{fifo}"> %dtd;]>\n<TEI/>'
    check_refused(tmp_path, doc)


def test_external_dtd_is_refused_unread(tmp_path, fifo):
    doc = f'<!DOCTYPE TEI SYSTEM "{fifo}">\n<TEI>&leak;</TEI>'
    diagnostic = check_refused(tmp_path, doc)
    assert "external DTD" in diagnostic["message"]


def test_remote_dtd_is_refused_without_connecting(tmp_path, listener):
    port = listener.getsockname()[1]
    doc = f'<!DOCTYPE TEI SYSTEM "http://127.0.0.1:{port}/evil.dtd">\n<TEI/>'
    check_refused(tmp_path, doc)
    assert connections(listener) == 0


def test_remote_xml_model_is_not_fetched(tmp_path, listener):
    port = listener.getsockname()[1]
    path = tmp_path / "doc.xml"
    path.write_text(f'<?xml-model href="http://127.0.0.1:{port}/schema.rng" '
                    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n<TEI/>', encoding="utf-8")
    found = validate(path, xml_model=True)
    assert any(d.rule == "xml-model-remote" and d.line == 1 for d in found)
    assert connections(listener) == 0


def test_billion_laughs_is_refused_quickly(tmp_path):
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    doc = f"<!DOCTYPE TEI [{entities}]>\n<TEI>&l9;</TEI>"
    check_refused(tmp_path, doc)


def test_entity_loop_is_refused(tmp_path):
    check_refused(tmp_path, '<!DOCTYPE TEI [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n<TEI>&a;</TEI>')


def test_internal_entity_is_refused_not_expanded():
    loaded = load_bytes(b'<!DOCTYPE TEI [<!ENTITY who "Stalin">]><TEI>&who;</TEI>', "x.xml")
    assert loaded.tree is None
    assert only(list(loaded.diagnostics)).rule == "xml-unsafe"


def test_plain_doctype_without_declarations_is_accepted():
    loaded = load_bytes(b"<!DOCTYPE TEI>\n<TEI/>", "x.xml")
    assert loaded.tree is not None and loaded.diagnostics == ()


def test_huge_input_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(xmlsafe, "MAX_BYTES", 1000)
    path = tmp_path / "big.xml"
    path.write_text("<TEI>" + "x" * 5000 + "</TEI>", encoding="utf-8")
    diagnostic = only(validate(path))
    assert diagnostic.rule == "xml-too-large"
    assert "5,011 bytes" in diagnostic.message


def test_deep_nesting_is_a_diagnostic_not_a_crash(tmp_path):
    path = tmp_path / "deep.xml"
    path.write_text("<a>" * 5000 + "</a>" * 5000, encoding="utf-8")
    diagnostic = only(validate(path))
    assert diagnostic.rule in {"xml-unsafe", "xml-malformed"}
    assert diagnostic.line == 1


def test_malformed_file_is_a_diagnostic_with_line_and_column(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text('<TEI>\n  <p>one</q>\n</TEI>', encoding="utf-8")
    diagnostic = only(validate(path))
    assert (diagnostic.rule, diagnostic.line, diagnostic.column) == ("xml-malformed", 2, 13)
    assert "mismatch" in diagnostic.message


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02garbage", b"\xff\xfe<\x00T\x00", b"<TEI>\xe9</TEI>",
                                     b"\xef\xbb\xbf<?xml version='1.0'?>", b"<a xmlns:x='u'><x:b/><y:c/></a>"])
def test_garbage_never_gives_a_traceback(tmp_path, content):
    path = tmp_path / "garbage.xml"
    path.write_bytes(content)
    result = run_cli(str(path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "xml-malformed" in result.stdout
