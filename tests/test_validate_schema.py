"""The project schema: it compiles everywhere, accepts our output, and accepts nothing tei_all refuses."""

from __future__ import annotations

import copy

import pytest
import xmlschema
from lxml import etree, isoschematron

from tei_encoder.diagnostics import Severity
from tei_encoder.resources import schema_path
from tei_encoder.validate import Validator, default_schemas
from test_validate_support import TEI, parse, seed_files, seed_tei, tei_all, valid_fixtures


def errors(diagnostics):
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def test_default_schemas_are_the_project_files():
    assert [p.name for p in default_schemas()] == ["tei-encoder.xsd", "tei-encoder.sch"]


def test_xsd_compiles_in_libxml2_and_in_xmlschema_as_xsd_1_0():
    etree.XMLSchema(etree.parse(str(schema_path("tei-encoder.xsd"))))
    xmlschema.XMLSchema10(str(schema_path("tei-encoder.xsd")))  # also checks Unique Particle Attribution


def test_schematron_compiles_with_lxml_and_every_assert_has_an_id():
    document = etree.parse(str(schema_path("tei-encoder.sch")))
    isoschematron.Schematron(document)
    asserts = document.findall(".//{http://purl.oclc.org/dsdl/schematron}assert")
    assert asserts
    assert all(a.get("id", "").startswith("TE-") for a in asserts)


@pytest.mark.parametrize("path", valid_fixtures(), ids=lambda p: p.name)
def test_valid_fixture_passes_project_schema_without_warnings(path):
    assert Validator().validate_file(path) == []


@pytest.mark.parametrize("path", valid_fixtures(), ids=lambda p: p.name)
def test_valid_fixture_is_valid_tei_all(path):
    schema = tei_all()
    assert schema.validate(etree.parse(str(path))), str(schema.error_log)


@pytest.mark.parametrize("seed", [p.name for p in seed_files()])
def test_encoder_output_passes_project_schema(seed):
    found = Validator().validate_tree(parse(seed_tei(seed)), file=seed)
    assert errors(found) == [], "\n".join(d.one_line() for d in found)


@pytest.mark.parametrize("seed", [p.name for p in seed_files()])
def test_encoder_output_is_valid_tei_all(seed):
    schema = tei_all()
    assert schema.validate(parse(seed_tei(seed))), str(schema.error_log)


def _variants(tree: etree._ElementTree):
    """Every single-element deletion and duplication of a document (the root excepted)."""
    elements = [e for e in tree.iter() if isinstance(e.tag, str)][1:]
    for index in range(len(elements)):
        for operation in ("delete", "duplicate"):
            variant = copy.deepcopy(tree)
            target = [e for e in variant.iter() if isinstance(e.tag, str)][1:][index]
            parent = target.getparent()
            if operation == "delete":
                if target.tail:  # keep the text that followed the element
                    previous = target.getprevious()
                    if previous is not None:
                        previous.tail = (previous.tail or "") + target.tail
                    else:
                        parent.text = (parent.text or "") + target.tail
                parent.remove(target)
            else:
                target.addnext(copy.deepcopy(target))
            yield f"{operation} {variant.getpath(parent)}/{etree.QName(target).localname}", variant


@pytest.mark.parametrize("path", valid_fixtures(), ids=lambda p: p.name)
def test_whatever_the_project_schema_accepts_tei_all_accepts(path):
    """Subset proof by exhaustion over one-step edits: a variant we accept must be valid tei_all."""
    schema = tei_all()
    # The profile itself on every variant, also those without the header that names tei-encoder.
    validator = Validator(profile="tei-encoder")
    accepted = 0
    for label, variant in _variants(etree.parse(str(path))):
        # Re-parse so that xml:id registration matches a file read from disk.
        reparsed = etree.fromstring(etree.tostring(variant)).getroottree() if _has_unique_ids(variant) else None
        if reparsed is None or errors(validator.validate_tree(reparsed)):
            continue
        accepted += 1
        assert schema.validate(reparsed), f"{path.name}: {label}: accepted by us, refused by tei_all: {schema.error_log}"
    assert accepted > 20, "too few accepted variants: the test proves nothing"


def _has_unique_ids(tree: etree._ElementTree) -> bool:
    ids = tree.xpath("//@xml:id")
    return len(ids) == len(set(ids))


def test_profile_is_narrower_than_tei_all():
    """Documents that tei_all accepts and we refuse: the profile's closed lists at work."""
    path = valid_fixtures()[0]
    tree = etree.parse(str(path))
    gap = tree.find(f".//{{{TEI}}}gap")
    gap.set("reason", "damage")  # valid TEI, not our vocabulary
    assert tei_all().validate(tree)
    assert errors(Validator().validate_tree(tree))
