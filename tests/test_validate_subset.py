"""RELAX NG cut to a document's element names (rng_subset) and the on-disk schema cache (schema_cache).

The cut grammar must give the full grammar's verdict on every document whose element names it was cut
for; the verdicts against jing on real TEI are in test_validate_foreign.py (they go through the cut).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_encoder.validate import Validator, checkers, schema_cache
from tei_encoder.validate.embedded import SubsetRelaxNG, cached_relaxng_checker, element_names
from tei_encoder.validate.rng_subset import model_of

RNG_NS = "http://relaxng.org/ns/structure/1.0"

# Required, optional, repeated and alternative children, a recursive element, a mixed element,
# an anyName element (never cut) and a group around a oneOrMore (cut to a group of one).
GRAMMAR = f"""<grammar xmlns="{RNG_NS}" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="doc"/></start>
  <define name="doc"><element name="doc">
    <ref name="head"/>
    <zeroOrMore><ref name="model.block"/></zeroOrMore>
    <optional><element name="closer"><text/></element></optional>
    <group><optional><ref name="note"/></optional><oneOrMore><ref name="item"/></oneOrMore></group>
  </element></define>
  <define name="head"><element name="head"><text/></element></define>
  <define name="model.block"><choice><ref name="p"/><ref name="list"/><ref name="quote"/></choice></define>
  <define name="p"><element name="p"><mixed><zeroOrMore><choice><ref name="hi"/><ref name="note"/></choice>
    </zeroOrMore></mixed><optional><attribute name="n"><data type="integer"/></attribute></optional></element></define>
  <define name="hi"><element name="hi"><text/></element></define>
  <define name="note"><element name="note"><text/></element></define>
  <define name="list"><element name="list"><oneOrMore><choice><ref name="item"/><ref name="list"/></choice>
    </oneOrMore></element></define>
  <define name="item"><element name="item"><text/></element></define>
  <define name="quote"><element name="quote"><zeroOrMore><element><anyName/><text/></element></zeroOrMore>
    </element></define>
</grammar>
"""

DOCUMENTS = [
    "<doc><head/><item/></doc>",
    "<doc><head/><p>a <hi>b</hi></p><item/><item/></doc>",
    "<doc><head/><p n='x'/><item/></doc>",                      # a bad attribute value
    "<doc><p/><item/></doc>",                                  # a required element missing
    "<doc><head/><list><list><item/></list></list><item/></doc>",
    "<doc><head/><list/><item/></doc>",                        # an incomplete element
    "<doc><head/><closer/><p/><item/></doc>",                  # out of order
    "<doc><head/><quote><anything/></quote><note/><item/></doc>",
    "<doc><head/><note/></doc>",                               # the oneOrMore after a note is missing
    "<doc><head/><p><item/></p><item/></doc>",                 # an element in the wrong place
]


def _grammar() -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(GRAMMAR))


@pytest.mark.parametrize("source", DOCUMENTS)
def test_the_cut_grammar_gives_the_full_grammars_verdict(source):
    full = etree.RelaxNG(_grammar())
    model = model_of(_grammar().getroot())
    assert model is not None
    document = etree.ElementTree(etree.fromstring(source))
    cut = etree.RelaxNG(etree.fromstring(model.subset(element_names(document))))
    assert cut.validate(document) == full.validate(document)


def test_a_grammar_cut_for_more_names_serves_every_document_with_fewer():
    model = model_of(_grammar().getroot())
    full = etree.RelaxNG(_grammar())
    trees = [etree.ElementTree(etree.fromstring(source)) for source in DOCUMENTS]
    union = frozenset(itertools.chain.from_iterable(element_names(tree) for tree in trees))
    cut = etree.RelaxNG(etree.fromstring(model.subset(union)))
    assert [cut.validate(tree) for tree in trees] == [full.validate(tree) for tree in trees]


def test_absent_alternatives_go_and_a_group_of_one_is_unwrapped():
    model = model_of(_grammar().getroot())
    text = model.subset(frozenset({("", "doc"), ("", "head"), ("", "item")})).decode()
    assert 'name="list"' not in text and 'name="quote"' not in text  # alternatives nothing uses
    assert "<group>" not in text  # group(optional(note), item+) without note is item+ alone
    assert 'name="item"' in text


def test_grammars_that_are_not_one_file_are_compiled_whole():
    include = etree.fromstring(f'<grammar xmlns="{RNG_NS}"><include href="other.rng"/>'
                               '<start><element name="a"><empty/></element></start></grammar>')
    combine = etree.fromstring(f'<grammar xmlns="{RNG_NS}"><start combine="choice"><ref name="a"/></start>'
                               '<define name="a"><element name="a"><empty/></element></define></grammar>')
    dangling = etree.fromstring(f'<grammar xmlns="{RNG_NS}"><start><ref name="missing"/></start></grammar>')
    assert model_of(include) is None and model_of(combine) is None and model_of(dangling) is None


def _write_schema(tmp_path):
    schema = tmp_path / "doc.rng"
    schema.write_text(GRAMMAR, encoding="utf-8")
    return schema


def _validate(schema, tmp_path, source):
    document = tmp_path / "doc.xml"
    document.write_text(source, encoding="utf-8")
    return Validator([schema]).validate_file(document)


def test_what_was_read_is_kept_on_disk_and_used_by_the_next_process(tmp_path, monkeypatch):
    monkeypatch.setenv(schema_cache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(checkers, "_CACHE", {})
    schema = _write_schema(tmp_path)
    first = _validate(schema, tmp_path, DOCUMENTS[3])
    stored = list((tmp_path / "cache" / "schemas").glob("*.marshal"))
    assert len(stored) == 1
    monkeypatch.setattr(checkers, "_CACHE", {})  # as a new process: only the disk cache remains
    key = schema_cache.key_of(schema.read_bytes())
    assert isinstance(cached_relaxng_checker(schema, key, lambda: _grammar()), SubsetRelaxNG)
    second = _validate(schema, tmp_path, DOCUMENTS[3])
    assert [(d.line, d.rule, d.message) for d in second] == [(d.line, d.rule, d.message) for d in first]
    assert second and all(d.rule.startswith("rng:") for d in second)


def test_a_damaged_cache_file_is_ignored_and_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(schema_cache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(checkers, "_CACHE", {})
    schema = _write_schema(tmp_path)
    key = schema_cache.key_of(schema.read_bytes())
    (tmp_path / "cache" / "schemas").mkdir(parents=True)
    (tmp_path / "cache" / "schemas" / f"{key}.marshal").write_bytes(b"\x00not marshal")
    assert schema_cache.load(key) is None
    assert [d.rule for d in _validate(schema, tmp_path, DOCUMENTS[1])] == []
    assert schema_cache.load(key) is not None  # rewritten from the schema
    monkeypatch.setenv(schema_cache.CACHE_ENV, "off")
    monkeypatch.setattr(checkers, "_CACHE", {})
    assert schema_cache.cache_folder() is None
    assert schema_cache.load(key) is None
    assert [d.rule for d in _validate(schema, tmp_path, DOCUMENTS[1])] == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab&<>\"'\n\r\t \u00e9\U0001d11e", max_size=12))
def test_quoteattr_quotes_as_the_standard_library_does(value):
    """rng_subset writes attribute values with its own quoteattr (xml.sax.saxutils costs ~40 ms to import)."""
    from xml.sax.saxutils import quoteattr as standard

    from tei_encoder.validate.rng_subset import quoteattr

    assert quoteattr(value) == standard(value)


def test_validating_with_the_default_schemas_imports_neither_saxutils_nor_messages():
    import subprocess
    import sys

    code = ("import sys; from tei_encoder.validate import Validator; Validator(); "
            "print(sorted(m for m in ('xml.sax.saxutils', 'tei_encoder.validate.messages') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
