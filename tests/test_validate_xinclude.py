"""``validate --xinclude``: local files under the input's folder only; everything else refused with one line."""

from __future__ import annotations

import os
import socket
import threading

import pytest

from tei_encoder.cli import main
from tei_encoder.validate import Validator

XI = "http://www.w3.org/2001/XInclude"
SCHEMA = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element name="doc"><oneOrMore><element name="p"><text/></element></oneOrMore></element></start>
</grammar>
"""


def _document(folder, href, parse="xml"):
    path = folder / "doc.xml"
    path.write_text(f'<doc xmlns:xi="{XI}"><p>one</p><xi:include href="{href}" parse="{parse}"/></doc>',
                    encoding="utf-8")
    return path


def _rules(folder, path, *, xinclude=True):
    schema = folder / "doc.rng"
    schema.write_text(SCHEMA, encoding="utf-8")
    return [(d.rule, d.message) for d in Validator([schema], xinclude=xinclude).validate_file(path)]


def test_a_local_include_is_resolved_and_checked(tmp_path):
    (tmp_path / "part.xml").write_text("<p>two</p>", encoding="utf-8")
    path = _document(tmp_path, "part.xml")
    assert _rules(tmp_path, path) == []
    # Without --xinclude the xi:include element itself is what the schema sees.
    assert any(rule.startswith("rng:") for rule, _ in _rules(tmp_path, path, xinclude=False))


def test_an_included_file_is_checked_too(tmp_path):
    (tmp_path / "part.xml").write_text("<q>two</q>", encoding="utf-8")
    assert any(rule.startswith("rng:") for rule, _ in _rules(tmp_path, _document(tmp_path, "part.xml")))


def test_nested_includes_in_subfolders_and_text(tmp_path):
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "a.xml").write_text(f'<p xmlns:xi="{XI}">a <xi:include href="b.txt" parse="text"/></p>',
                                              encoding="utf-8")
    (tmp_path / "parts" / "b.txt").write_text("and b", encoding="utf-8")
    assert _rules(tmp_path, _document(tmp_path, "parts/a.xml")) == []


def _refused(tmp_path, href, parse="xml"):
    found = _rules(tmp_path, _document(tmp_path, href, parse))
    assert len(found) == 1, found
    rule, message = found[0]
    assert rule == "xinclude-refused" and href in message and "\n" not in message
    return message


def test_an_include_of_a_file_outside_the_folder_is_refused(tmp_path):
    inside = tmp_path / "inside"
    inside.mkdir()
    (tmp_path / "secret.txt").write_text("SECRET-TOKEN", encoding="utf-8")
    message = _refused(inside, "/etc/passwd", "text")
    assert "outside the folder" in message and "root:" not in message
    message = _refused(inside, "../secret.txt", "text")
    assert "SECRET-TOKEN" not in message


def test_an_include_of_a_url_is_refused_and_nothing_is_fetched(tmp_path):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    connections = []

    def accept():
        try:
            connections.append(listener.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    try:
        message = _refused(tmp_path, f"http://127.0.0.1:{listener.getsockname()[1]}/part.xml")
        assert "network" in message
    finally:
        thread.join()
        listener.close()
    assert not connections


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_an_include_of_a_named_pipe_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.xml")  # opening it for reading would hang the test
    assert "regular" in _refused(tmp_path, "pipe.xml")


def test_an_include_of_itself_or_of_a_doctype_is_refused(tmp_path):
    assert "includes itself" in _refused(tmp_path, "doc.xml")
    (tmp_path / "dtd.xml").write_text('<!DOCTYPE p SYSTEM "/etc/passwd"><p/>', encoding="utf-8")
    assert "DTD" in _refused(tmp_path, "dtd.xml")


def test_the_command_line_option(tmp_path, capsys):
    (tmp_path / "part.xml").write_text("<p>two</p>", encoding="utf-8")
    path = _document(tmp_path, "part.xml")
    schema = tmp_path / "doc.rng"
    schema.write_text(SCHEMA, encoding="utf-8")
    assert main(["validate", "--jobs", "1", "--xinclude", "--schema", str(schema), str(path)]) == 0
    path = _document(tmp_path, "/etc/passwd", "text")
    assert main(["validate", "--jobs", "1", "--xinclude", "--schema", str(schema), str(path)]) == 1
    out = capsys.readouterr().out
    assert "xinclude-refused" in out and "root:" not in out


@pytest.mark.parametrize("namespace", [XI, XI.replace("X", "&#88;"), XI.replace("X", "&#x58;")],
                         ids=["plain", "decimal-reference", "hex-reference"])
@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16"])
def test_without_xinclude_the_hint_is_given_however_the_namespace_is_spelled(tmp_path, namespace, encoding):
    """The bytes may skip the search for xi:include only when they prove there is none."""
    path = tmp_path / "doc.xml"
    path.write_bytes(f'<?xml version="1.0" encoding="{encoding}"?>\n<doc xmlns:xi="{namespace}"><p>one</p>'
                     '<xi:include href="part.xml"/></doc>'.encode(encoding.lower()))
    assert "xinclude-not-resolved" in [rule for rule, _ in _rules(tmp_path, path, xinclude=False)]


def test_without_xinclude_a_document_with_no_include_gets_no_hint(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text(f'<doc xmlns:x="{XI}-not"><p>one &amp; two</p></doc>', encoding="utf-8")
    assert "xinclude-not-resolved" not in [rule for rule, _ in _rules(tmp_path, path, xinclude=False)]
