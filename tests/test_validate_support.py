"""Shared helpers for the validator's tests (no tests here).

tei_all is found at <repo>/../shared/tei/tei_all.rng or $TEI_ALL_RNG; tests that
need it skip with the reason when it is absent. The encoder's output for the
seeds comes from tei_encoder.pipeline, in memory.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
VALID = TESTS / "fixtures" / "valid"
INVALID = TESTS / "invalid"
SEEDS = REPO / "seeds"
TEI = "http://www.tei-c.org/ns/1.0"


def tei_all_path() -> Path | None:
    configured = os.environ.get("TEI_ALL_RNG")
    candidate = Path(configured) if configured else REPO.parent / "shared" / "tei" / "tei_all.rng"
    return candidate if candidate.is_file() else None


def tei_all() -> etree.RelaxNG:
    """tei_all.rng compiled once per test session (shared with conftest's fixture), or a skip."""
    from conftest import compiled_tei_all

    return compiled_tei_all()


def valid_fixtures() -> list[Path]:
    files = sorted(VALID.glob("*.xml"))
    assert files, f"no valid fixtures in {VALID}"
    return files


def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    assert files, f"no seeds in {SEEDS}"
    return files


@functools.cache
def seed_tei(name: str) -> bytes:
    """The encoder's TEI for one seed, or a skip when the encoder is not in this checkout."""
    try:
        from tei_encoder.pipeline import encode_bytes
    except ImportError as error:
        pytest.skip(f"the encoder is not available here: {error}")
    path = SEEDS / name
    return encode_bytes(path.read_bytes(), path.name)


def parse(data: bytes) -> etree._ElementTree:
    return etree.fromstring(data).getroottree()


def test_streamlined_schematron_still_fires_rules_on_attributes_comments_and_elements(tmp_path):
    """The element-only walk is used only when every rule context matches elements only; same report as lxml's."""
    from lxml import isoschematron

    from tei_encoder.validate.checkers import _matches_only_elements, checker_for

    assert _matches_only_elements("tei:persName[@ref] | tei:text//*")
    assert not any(_matches_only_elements(p) for p in ("@ref", "tei:a/@b", "comment()", "node()", "/", "text()"))
    schema = tmp_path / "mixed.sch"
    schema.write_text(
        '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
        '<sch:pattern><sch:rule context="@ref"><sch:assert id="A" test="false()">a</sch:assert></sch:rule>'
        '<sch:rule context="comment()"><sch:assert id="C" test="false()">c</sch:assert></sch:rule>'
        '<sch:rule context="b"><sch:assert id="E" test="false()">e</sch:assert></sch:rule></sch:pattern>'
        '</sch:schema>', encoding="utf-8")
    tree = etree.ElementTree(etree.fromstring(b'<a>\n<b ref="x"/><!-- c -->\n</a>'))
    found = sorted(d.rule for d in checker_for(schema).check(tree, "t.xml"))
    stock = isoschematron.Schematron(etree.parse(str(schema)), store_report=True)
    stock.validate(tree)
    assert found == sorted(r.get("id") for r in stock.validation_report.iter("{*}failed-assert"))
    assert {"A", "E"} <= set(found)
