"""Anyone's TEI: Schematron embedded in RELAX NG, XPath 2.0 Schematron, and the shared sample of real TEI.

The real TEI is read from ../shared/external-tei/ (never copied here); tests that need it,
or tei_all, skip with the reason when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_validate_support import REPO, tei_all_path
from tei_encoder.cli import main
from tei_encoder.validate import SchemaError, Severity, Validator

EXTERNAL = REPO.parent / "shared" / "external-tei"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


def external(name: str) -> Path:
    path = EXTERNAL / name
    if not path.is_file():
        pytest.skip(f"the shared sample of real TEI is not at {EXTERNAL} ({name} missing)")
    return path


def _tei_all_validator() -> Validator:
    path = tei_all_path()
    if path is None:
        pytest.skip("official tei_all.rng not found at ../shared/tei/ (set TEI_ALL_RNG)")
    return Validator([path], xml_model=False)


# A grammar with one embedded pattern in XPath 2.0, as the TEI's ODD tools write them.
SMALL_RNG = f"""<grammar xmlns="{RNG_NS}" xmlns:sch="{SCH_NS}">
  <start><element name="doc"><zeroOrMore><element name="item">
    <optional><attribute name="when"/></optional><optional><attribute name="notBefore"/></optional><text/>
    <sch:pattern id="when-alone"><sch:rule context="item[@when]">
      <sch:assert test="not(@notBefore) and (string-length(@when) eq 4 or @when castable as xs:date)"
        role="nonfatal">@when="<sch:value-of select="@when"/>" on <sch:name/>: not with @notBefore</sch:assert>
    </sch:rule></sch:pattern>
  </element></zeroOrMore></element></start>
  <sch:ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
</grammar>
"""


def test_schematron_embedded_in_relax_ng_is_checked(tmp_path):
    schema = tmp_path / "small.rng"
    schema.write_text(SMALL_RNG, encoding="utf-8")
    document = tmp_path / "doc.xml"
    document.write_text('<doc>\n<item when="1900">a</item>\n<item when="1900" notBefore="1899">b</item>\n</doc>\n',
                        encoding="utf-8")
    (diagnostic,) = Validator([schema]).validate_file(document)
    assert (diagnostic.rule, diagnostic.line, diagnostic.xpath, diagnostic.severity) == (
        "when-alone", 3, "/doc/item[2]", Severity.WARNING)
    assert diagnostic.message == '@when="1900" on item: not with @notBefore'
    assert diagnostic.source == "small.rng"


def test_relax_ng_grammar_errors_are_still_reported_beside_embedded_rules(tmp_path):
    schema = tmp_path / "small.rng"
    schema.write_text(SMALL_RNG, encoding="utf-8")
    document = tmp_path / "doc.xml"
    document.write_text('<doc><other/></doc>', encoding="utf-8")
    assert [d.rule for d in Validator([schema]).validate_file(document)][0].startswith("rng:")


XSLT2_SCH = f"""<sch:schema xmlns:sch="{SCH_NS}" queryBinding="{{binding}}">
  <sch:ns prefix="t" uri="urn:t"/>
  <sch:let name="max" value="2"/>
  <sch:pattern id="p">
    <sch:rule context="t:list" id="abstract-free">
      <sch:let name="tokens" value="tokenize(normalize-space(@items), ' ')"/>
      <sch:assert id="LIST-1" test="count($tokens) le $max">at most <sch:value-of select="$max"/> items,
        found <sch:value-of select="count($tokens)"/>: <sch:value-of select="$tokens"/></sch:assert>
      <sch:report id="LIST-2" test="some $t in $tokens satisfies $t eq current()/@forbidden">forbidden item</sch:report>
    </sch:rule>
  </sch:pattern>
</sch:schema>
"""


@pytest.mark.parametrize("binding", ["xslt2", "xslt3"])
def test_xslt2_schematron_runs_with_ids_lines_and_values(tmp_path, binding):
    schema = tmp_path / "rules.sch"
    schema.write_text(XSLT2_SCH.replace("{binding}", binding), encoding="utf-8")
    document = tmp_path / "doc.xml"
    document.write_text('<r xmlns="urn:t">\n<list items="a b"/>\n<list items="a  b c" forbidden="c"/>\n</r>\n',
                        encoding="utf-8")
    found = Validator([schema]).validate_file(document)
    assert [(d.rule, d.line, d.xpath) for d in found] == [("LIST-1", 3, "/r/list[2]"), ("LIST-2", 3, "/r/list[2]")]
    assert found[0].message == "at most 2 items, found 3: a b c"


def test_xslt2_schematron_from_the_command_line_exits_1_not_3(tmp_path, capsys):
    schema = tmp_path / "rules.sch"
    schema.write_text(XSLT2_SCH.replace("{binding}", "xslt2"), encoding="utf-8")
    document = tmp_path / "doc.xml"
    document.write_text('<r xmlns="urn:t"><list items="a b c"/></r>', encoding="utf-8")
    assert main(["validate", "--schema", str(schema), str(document)]) == 1
    assert "[LIST-1] at most 2 items, found 3" in capsys.readouterr().out


def test_xslt2_schematron_that_does_not_parse_is_an_unusable_schema(tmp_path, capsys):
    schema = tmp_path / "broken.sch"
    schema.write_text(XSLT2_SCH.replace("{binding}", "xslt2").replace("count($tokens) le $max", "count(("),
                      encoding="utf-8")
    with pytest.raises(SchemaError, match="broken.sch"):
        Validator([schema])
    document = tmp_path / "doc.xml"
    document.write_text('<r xmlns="urn:t"/>', encoding="utf-8")
    assert main(["validate", "--schema", str(schema), str(document)]) == 2
    err = capsys.readouterr().err
    assert "broken.sch" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


EMBEDDED_VIOLATIONS = [  # (line, the element, words of tei_all's message)
    (10, "relatedItem", "@target attribute or a child element"),
    (17, "date", "@when attribute cannot be used with any other"),
    (17, "ptr", "Only one of the attributes @target and @cRef"),
    (18, "seg", "@subtype unless also categorized in general with @type"),
    (18, "subst", "at least one child <add> and at least one child <del>"),
    (19, "lg", "must contain at least one child <l>"),
]


def test_tei_all_embedded_schematron_reports_the_six_violations():
    found = _tei_all_validator().validate_file(external("embedded-schematron-violations.xml"))
    assert not [d for d in found if d.rule.startswith("rng:")], "the file is valid against tei_all's grammar"
    located = sorted((d.line, d.xpath.rsplit("/", 1)[-1], d.message) for d in found)
    assert len(located) == len(EMBEDDED_VIOLATIONS)
    for (line, element, words), (got_line, got_element, message) in zip(EMBEDDED_VIOLATIONS, located):
        assert (got_line, got_element) == (line, element) and words in message, (got_line, got_element, message)
    assert all(d.rule.startswith("tei_all-") for d in found)


def test_an_xml_id_that_is_not_a_name_is_not_malformed_xml(tmp_path):
    document = tmp_path / "doc.xml"
    document.write_text('<doc>\n  <item xml:id="1 st">x</item>\n</doc>\n', encoding="utf-8")
    (diagnostic,) = Validator([_small_rng(tmp_path)]).validate_file(document)
    assert (diagnostic.rule, diagnostic.line) == ("xml-id-invalid", 2)
    assert 'xml:id="1 st" is not an XML name' in diagnostic.message


def _small_rng(tmp_path: Path) -> Path:
    schema = tmp_path / "any.rng"
    schema.write_text(f'<grammar xmlns="{RNG_NS}"><start><ref name="any"/></start><define name="any"><element>'
                      '<anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/>'
                      '</choice></zeroOrMore></element></define></grammar>', encoding="utf-8")
    return schema


# The project's Schematron on TEI it did not write: absent attributes are absent, pointer lists are split.
def _project_rules(tmp_path: Path, body: str, header: str = "") -> list[str]:
    from tei_encoder.resources import schema_path

    document = tmp_path / "foreign.xml"
    document.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="de"><teiHeader><fileDesc><titleStmt><title>t</title>'
        '</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>'
        f'{header}</teiHeader><text><body>{body}</body></text></TEI>', encoding="utf-8")
    found = Validator([schema_path("tei-encoder.sch")]).validate_file(document)
    return [f"{d.rule} {d.message}" for d in found if d.rule.startswith(("TE-REF", "TE-LANG"))]


PARTICIPANTS = ('<profileDesc><particDesc><listPerson><person xml:id="a"/><person xml:id="b"/></listPerson>'
                '</particDesc></profileDesc>')


def test_project_rules_split_pointer_lists(tmp_path):
    assert _project_rules(tmp_path, '<sp who="#a #b"><p>x</p></sp><p><persName ref="#b  #a">y</persName></p>',
                          PARTICIPANTS) == []
    found = _project_rules(tmp_path, '<sp who="#a #c"><p>x</p></sp>', PARTICIPANTS)
    assert [f for f in found if f.startswith("TE-REF-001")] == [
        f for f in found if f.startswith('TE-REF-001 sp/@who="#a #c" does not point')] != []
    assert any(f.startswith('TE-REF-007 Person "b"') for f in found)  # only b is never referred to
    assert not any(f.startswith('TE-REF-007 Person "a"') for f in found)


def test_project_rules_do_not_invent_absent_attributes(tmp_path):
    body = '<p><add>word</add></p>'
    header = ('<revisionDesc><change when="2020">edited</change></revisionDesc>')
    assert _project_rules(tmp_path, body, header) == []  # no add/@hand="", change/@who="", langUsage ""


# Default mode on TEI that tei-encoder did not write.
FOREIGN_TEI = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Play</title>'
               '</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>'
               '</teiHeader><text><body><sp who="#a #b"><speaker>A</speaker><p>Hello.</p></sp></body></text></TEI>\n')


def _foreign(tmp_path: Path) -> Path:
    document = tmp_path / "play.xml"
    document.write_text(FOREIGN_TEI, encoding="utf-8")
    return document


def test_foreign_tei_without_tei_all_says_so_once_and_passes(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("TEI_ALL_RNG", raising=False)
    (note,) = Validator().validate_file(_foreign(tmp_path))
    assert (note.rule, note.severity) == ("foreign-tei", Severity.WARNING)
    assert "not written by tei-encoder" in note.message and "TEI_ALL_RNG" in note.message
    assert main(["validate", str(_foreign(tmp_path))]) == 0


def test_foreign_tei_is_checked_against_the_schema_tei_all_rng_names(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_ALL_RNG", str(_small_rng(tmp_path)))  # any grammar: stands in for tei_all here
    (note,) = Validator().validate_file(_foreign(tmp_path))
    assert (note.rule, note.severity, note.source) == ("foreign-tei", Severity.INFO, "any.rng")
    strict = tmp_path / "strict.rng"
    strict.write_text(f'<grammar xmlns="{RNG_NS}"><start><element name="doc"><empty/></element></start></grammar>',
                      encoding="utf-8")
    monkeypatch.setenv("TEI_ALL_RNG", str(strict))
    rules = [d.rule for d in Validator().validate_file(_foreign(tmp_path))]
    assert rules[0] == "foreign-tei" and rules[1].startswith("rng:")


def test_profile_tei_encoder_forces_the_project_rules(tmp_path, monkeypatch):
    monkeypatch.delenv("TEI_ALL_RNG", raising=False)
    found = Validator(profile="tei-encoder").validate_file(_foreign(tmp_path))
    assert "foreign-tei" not in {d.rule for d in found}
    assert any(d.rule.startswith("xsd:") for d in found)
    assert main(["validate", "--profile", "tei-encoder", str(_foreign(tmp_path))]) == 1


def test_schema_tei_all_names_the_file_tei_all_rng_points_to(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TEI_ALL_RNG", str(_small_rng(tmp_path)))
    assert main(["validate", "--schema", "tei_all", str(_foreign(tmp_path))]) == 0
    monkeypatch.delenv("TEI_ALL_RNG")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--schema", "tei_all", str(_foreign(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert "TEI_ALL_RNG" in err and len(err.strip().splitlines()) == 1


# RELAX NG messages: what was found, what was expected, real attribute names, an XPath on every error.
MESSAGES_RNG = f"""<grammar xmlns="{RNG_NS}" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><element name="doc"><ref name="head"/><oneOrMore><choice><ref name="p"/><ref name="list"/></choice>
    </oneOrMore><optional><element name="closer"><text/></element></optional></element></start>
  <define name="head"><element name="head"><optional><attribute name="xml:lang"><data type="language"/>
    </attribute></optional><text/></element></define>
  <define name="p"><element name="p"><optional><attribute name="n"><data type="integer"/></attribute></optional>
    <optional><attribute name="url"><data type="anyURI"><param name="pattern">\\S+</param></data></attribute>
    </optional><text/></element></define>
  <define name="list"><element name="list"><oneOrMore><element name="item"><text/></element></oneOrMore>
    </element></define>
</grammar>"""


def _messages(tmp_path: Path, document: str) -> list[tuple[int | None, str, str | None]]:
    schema = tmp_path / "messages.rng"
    schema.write_text(MESSAGES_RNG, encoding="utf-8")
    path = tmp_path / "doc.xml"
    path.write_text(document, encoding="utf-8")
    return [(d.line, d.message, d.xpath) for d in Validator([schema]).validate_file(path)]


def test_relax_ng_message_names_what_was_expected_at_that_point(tmp_path):
    (found,) = _messages(tmp_path, "<doc>\n<head/>\n<p/>\n<head/>\n</doc>")
    assert found == (4, 'element "head" not allowed at this point in doc; expected "closer", "list", "p" '
                        "or the end of the element", "/doc/head[2]")
    (found,) = _messages(tmp_path, "<doc>\n<head/>\n<para/>\n</doc>")
    assert found[1] == 'element "para" not allowed anywhere in doc; expected "list", "p"'


def test_relax_ng_message_gives_real_attribute_names_and_bad_values(tmp_path):
    (found,) = _messages(tmp_path, '<doc>\n<head lang="de"/>\n<p/>\n</doc>')
    assert found[0] == 2 and found[1].startswith('attribute "lang" not allowed on head; expected attribute "xml:lang"')
    (found,) = _messages(tmp_path, '<doc>\n<head/>\n<p url="a b.jpg"/>\n</doc>')
    assert found == (3, 'value of attribute "url" on p is invalid: "a b.jpg"; must be an anyURI matching the '
                        'regular expression "\\S+"', "/doc/p")


def test_relax_ng_message_for_an_incomplete_element(tmp_path):
    found = _messages(tmp_path, "<doc>\n<head/>\n<list/>\n</doc>")
    assert (3, 'element "list" is incomplete; expected "item"', "/doc/list") in found
    assert all(xpath for _, _, xpath in found)


# Verdicts on real TEI agree with jing's (grammar only: jing does not run the embedded Schematron).
def _jing_verdicts(files: list[Path], schema: Path) -> dict[str, str] | None:
    """jing's verdict per file (valid / invalid / fatal), or None when jing is not installed.

    One jing process checks many files in order, but stops at the first fatal error (an XInclude that
    fails): the files after it are checked by another run.
    """
    import shutil
    import subprocess

    jing = shutil.which("jing")
    if jing is None:
        return None
    verdicts: dict[str, str] = {}
    remaining = list(files)
    while remaining:
        result = subprocess.run([jing, str(schema), *map(str, remaining)], capture_output=True, text=True,
                                timeout=600)
        for index, path in enumerate(remaining):
            lines = [line for line in result.stdout.splitlines() if line.startswith(f"{path}:")]
            fatal = any(": fatal:" in line for line in lines)
            verdicts[str(path)] = "fatal" if fatal else "invalid" if any(": error:" in line for line in lines) \
                else "valid"
            if fatal:
                remaining = remaining[index + 1:]
                break
        else:
            remaining = []
    return verdicts


def test_verdicts_on_real_tei_agree_with_jing():
    import csv

    listing = external("verdicts.tsv")
    schema = tei_all_path()
    if schema is None:
        pytest.skip("official tei_all.rng not found at ../shared/tei/ (set TEI_ALL_RNG)")
    with listing.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    recorded = {str(EXTERNAL / row["file"]): row["jing + tei_all 4.12.0"] for row in rows}
    files = [Path(name) for name in recorded]
    # jing in this run when it is installed (CI installs it), else its recorded verdicts.
    expected = _jing_verdicts(files, schema) or recorded
    validator = _tei_all_validator()
    ours = {}
    for path in files:
        found = validator.validate_file(path)
        refused = any(d.source == "parser" and d.severity is Severity.ERROR for d in found)
        ours[str(path)] = "fatal" if refused else "invalid" if any(d.rule.startswith("rng:") for d in found) \
            else "valid"
    # Files jing could not read (an XInclude whose target is not in the sample; we do not resolve XInclude,
    # so the xi:include element itself is invalid) are compared as "not valid".
    disagreements = {name: (expected[name], ours[name]) for name in expected
                     if expected[name] != ours[name] and not (expected[name] == "fatal" and ours[name] != "valid")}
    assert not disagreements, disagreements
    assert sorted(set(expected.values())) == ["fatal", "invalid", "valid"]  # the sample has all three
