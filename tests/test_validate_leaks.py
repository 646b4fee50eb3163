"""No local file leaks through validate: schemas and stylesheets read only from their own folder.

A "secret" XML file holds a unique token. Hostile schemas try to read it
(Schematron ``document()`` and ``sch:include``, an XSD ``xs:include`` that
libxml2 refuses so that the xmlschema fallback reads it, a RELAX NG
``include``), named by ``--schema`` or by the document's ``<?xml-model?>``.
The token must appear in no report format, with default options and with
``--xml-model``. A code list inside the schema's own folder still loads, so
the confinement is not a blanket refusal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tei_encoder.validate import SchemaError, Validator, validate
from test_validate_support import REPO, VALID

TOKEN = "TOKEN-5e1f0c-never-print-me"
FORMATS = ("text", "json", "junit", "github", "sarif")
SCH = "http://purl.oclc.org/dsdl/schematron"
GOOD = VALID / "telegram-000.xml"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tei_encoder.commands.validate", "--jobs", "1", *args],
                          capture_output=True, text=True, timeout=120, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def schematron(body: str) -> str:
    return f'<schema xmlns="{SCH}"><ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>{body}</schema>'


def leak_rule(rule_id: str, url: str) -> str:
    return (f'<pattern><rule context="/*"><assert id="{rule_id}" test="false()">read: '
            f'<value-of select="document(\'{url}\')"/></assert></rule></pattern>')


@pytest.fixture
def scene(tmp_path: Path) -> dict[str, Path]:
    """private/secret.xml; docs/ holds the document and the schemas it names; schemas/ holds --schema files."""
    private, docs, schemas = (tmp_path / name for name in ("private", "docs", "schemas"))
    for folder in (private, docs, schemas):
        folder.mkdir()
    secret = private / "secret.xml"
    secret.write_text(f"<secret>{TOKEN}</secret>\n", encoding="utf-8")
    (schemas / "same-folder-secret.xml").write_text(f"<secret>{TOKEN}</secret>\n", encoding="utf-8")
    (docs / "leak.sch").write_text(schematron(
        leak_rule("LEAK-ABS", secret.as_uri()) + leak_rule("LEAK-REL", "../private/secret.xml")), encoding="utf-8")
    (docs / "include.sch").write_text(schematron(f'<include href="{secret.as_uri()}"/>'), encoding="utf-8")
    (schemas / "leak.sch").write_text(schematron(leak_rule("LEAK-ABS", secret.as_uri())), encoding="utf-8")
    xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="{}"/>' \
          '<xs:element name="TEI"/></xs:schema>'
    (schemas / "outside.xsd").write_text(xsd.format(secret.as_uri()), encoding="utf-8")
    (schemas / "inside.xsd").write_text(xsd.format("same-folder-secret.xml"), encoding="utf-8")
    (schemas / "include.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
        f'<include href="{secret.as_uri()}"/><start><element name="a"><empty/></element></start></grammar>',
        encoding="utf-8")
    models = "".join(f'<?xml-model href="{name}" schematypens="{SCH}"?>\n' for name in ("leak.sch", "include.sch"))
    document = docs / "doc.xml"
    document.write_text(models + GOOD.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    return {"document": document, "schemas": schemas, "secret": secret}


@pytest.mark.parametrize("xml_model", [False, True], ids=["default", "xml-model"])
def test_the_secret_appears_in_no_report_format(scene, xml_model):
    schemas = scene["schemas"]
    schema_sets = [[], ["--schema", str(schemas / "leak.sch")]] + [
        ["--schema", str(schemas / name)] for name in ("outside.xsd", "inside.xsd", "include.rng")]
    for schema_args in schema_sets:
        for report_format in FORMATS:
            args = [*schema_args, "--format", report_format, str(scene["document"])]
            result = run_cli(*(["--xml-model"] if xml_model else []), *args)
            assert result.returncode in (0, 1, 2), (args, result.stderr)
            assert "Traceback" not in result.stderr
            assert TOKEN not in result.stdout + result.stderr, (args, result.stdout, result.stderr)


def test_xml_model_is_not_followed_by_default(scene):
    found = validate(scene["document"])
    assert found == [] and not any(d.source == "leak.sch" for d in found)


def test_with_xml_model_document_is_refused_outside_the_schema_folder(scene):
    found = validate(scene["document"], xml_model=True)
    refused = [d for d in found if d.rule == "schema-read-refused"]
    assert refused and all("outside the folder" in d.message for d in refused)
    leaks = [d for d in found if d.rule.startswith("LEAK")]
    assert {d.rule for d in leaks} == {"LEAK-ABS", "LEAK-REL"}
    assert all(d.message.strip() == "read:" for d in leaks)  # document() gave nothing
    unusable = [d for d in found if d.rule == "xml-model-unusable"]  # include.sch includes the secret
    assert len(unusable) == 1 and TOKEN not in unusable[0].message and "secret.xml" in unusable[0].message


def test_a_schema_named_by_the_user_reads_nothing_outside_its_folder(scene):
    (diagnostic, *rest) = Validator([scene["schemas"] / "leak.sch"]).validate_file(GOOD)
    assert diagnostic.rule == "schema-read-refused" and [d.message for d in rest] == ["read:"]
    for name in ("outside.xsd", "include.rng"):
        with pytest.raises(SchemaError) as refused:
            Validator([scene["schemas"] / name])
        assert "outside the folder" in str(refused.value) and TOKEN not in str(refused.value)


def test_document_reads_regular_files_inside_the_schema_folder(tmp_path):
    (tmp_path / "codes.xml").write_text("<codes><code>telegram-code-42</code></codes>", encoding="utf-8")
    (tmp_path / "codes.sch").write_text(schematron(leak_rule("CODES", "codes.xml")), encoding="utf-8")
    (diagnostic,) = Validator([tmp_path / "codes.sch"]).validate_file(GOOD)
    assert (diagnostic.rule, diagnostic.message) == ("CODES", "read: telegram-code-42")


def test_xml_model_outside_the_document_folder_is_not_followed(scene, tmp_path):
    outside = scene["schemas"] / "leak.sch"
    document = tmp_path / "docs" / "outside-model.xml"
    document.write_text(f'<?xml-model href="{outside.as_uri()}" schematypens="{SCH}"?>\n'
                        + GOOD.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    (diagnostic,) = validate(document, xml_model=True)
    assert diagnostic.rule == "xml-model-missing" and "outside the document's folder" in diagnostic.message


def test_xml_model_through_a_symbolic_link_out_of_the_folder_is_not_followed(scene, tmp_path):
    link = tmp_path / "docs" / "linked.sch"
    link.symlink_to(scene["schemas"] / "leak.sch")
    document = tmp_path / "docs" / "linked.xml"
    document.write_text(f'<?xml-model href="linked.sch" schematypens="{SCH}"?>\n'
                        + GOOD.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    (diagnostic,) = validate(document, xml_model=True)
    assert diagnostic.rule == "xml-model-missing" and "outside the document's folder" in diagnostic.message
