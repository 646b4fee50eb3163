"""The invalid corpus: each file must give exactly the rule ids, lines and severities its manifest states."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from tei_encoder.resources import schema_path
from tei_encoder.validate import Validator
from test_validate_support import INVALID, TEI, valid_fixtures

SCH = "http://purl.oclc.org/dsdl/schematron"
XS = "http://www.w3.org/2001/XMLSchema"
MANIFEST = json.loads((INVALID / "manifest.json").read_text(encoding="utf-8"))


def test_manifest_has_cases_and_lists_every_corpus_file():
    assert len(MANIFEST) >= 40, "the invalid corpus is missing"
    listed = {entry["file"] for entry in MANIFEST}
    on_disk = {path.name for path in INVALID.glob("*.xml")}
    assert listed == on_disk


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_invalid_file_reports_exactly_the_manifest(entry):
    found = Validator().validate_file(INVALID / entry["file"])
    got = sorted((d.rule, d.line, d.severity.value) for d in found)
    expected = sorted((e["rule"], e["line"], e["severity"]) for e in entry["expect"])
    assert got == expected, (f"{entry['file']} ({entry['description']}):\n"
                             + "\n".join(d.one_line() for d in found))


def test_every_case_expects_something_and_warning_only_cases_are_few():
    assert all(entry["expect"] for entry in MANIFEST)
    warning_only = [e["file"] for e in MANIFEST if all(x["severity"] == "warning" for x in e["expect"])]
    assert len(warning_only) <= 4, warning_only


def _assert_ids() -> set[str]:
    """Assert ids that diagnostics quote; ``R-at`` asserts (phase "locate") are reported as ``R``."""
    ids = {a.get("id") for a in etree.parse(str(schema_path("tei-encoder.sch"))).iter(f"{{{SCH}}}assert")}
    return {i for i in ids if not i.endswith("-at")}


def test_every_schematron_rule_has_a_failing_case():
    failing = {e["rule"] for entry in MANIFEST for e in entry["expect"]}
    assert _assert_ids() - failing == set()


def test_every_schematron_rule_context_occurs_in_a_valid_fixture():
    """The passing case of each rule: its context matches in a document that passes."""
    schematron = etree.parse(str(schema_path("tei-encoder.sch")))
    trees = [etree.parse(str(p)) for p in valid_fixtures()]
    for rule in schematron.iter(f"{{{SCH}}}rule"):
        context = rule.get("context")
        if context is None:  # an abstract rule, used through sch:extends
            continue
        query = "|".join("//" + part.strip() for part in context.split("|"))
        assert any(tree.xpath(query, namespaces={"tei": TEI}) for tree in trees), context


def test_every_closed_list_and_pattern_type_has_a_failing_case():
    schema = etree.parse(str(schema_path("tei-encoder.xsd")))
    constrained = {
        simple.get("name") for simple in schema.iterfind(f"{{{XS}}}simpleType")
        if simple.find(f".//{{{XS}}}enumeration") is not None or simple.find(f".//{{{XS}}}pattern") is not None
    }
    covered = {entry.get("constraint") for entry in MANIFEST}
    # Member types are covered through the unions that use them.
    members = {"isoYear", "isoYearMonth", "isoDate", "isoDateTime", "changeDateTime", "nonEmptyToken"}
    assert constrained - covered - members == set()
