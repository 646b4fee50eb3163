"""The CLI and its report formats: each format is parsed back; exit statuses; options; the Python API."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from tei_encoder.cli import main
from tei_encoder.diagnostics import Severity
from tei_encoder.validate import SchemaError, Validator, validate
from test_validate_support import INVALID, VALID, tei_all, tei_all_path

GOOD = str(VALID / "telegram-000.xml")
BAD = str(INVALID / "sch-sp-who-dangling.xml")
TWO_ERRORS = str(INVALID / "xsd-pointer-without-hash.xml")
MALFORMED = str(INVALID / "xml-malformed.xml")


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["validate", "--jobs", "1", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_exit_status_0_1_2(capsys):
    assert cli(capsys, GOOD)[0] == 0
    assert cli(capsys, GOOD, BAD)[0] == 1
    assert cli(capsys, GOOD, "no-such-file.xml")[0] == 2
    assert cli(capsys, GOOD, "--schema", "no-such-schema.xsd")[0] == 2
    with pytest.raises(SystemExit) as usage:
        main(["validate", "--jobs", "0", GOOD])
    assert usage.value.code == 2


def test_text_format_one_line_per_diagnostic_then_summary(capsys):
    code, out, _ = cli(capsys, BAD, MALFORMED)
    lines = out.splitlines()
    pattern = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+)(:(?P<col>\d+))?: (error|warning|info) \[(?P<rule>[^\]]+)\] .+$")
    assert all(pattern.match(line) for line in lines[:-1]), lines
    assert re.match(r"^2 file\(s\) checked: 0 valid, 2 invalid, 0 unreadable; 2 error\(s\), 0 warning\(s\)$", lines[-1])
    assert any(":76: error [TE-REF-001]" in line for line in lines)
    assert any(re.search(r":62:\d+: error \[xml-malformed\]", line) for line in lines)


def test_json_format(capsys):
    code, out, _ = cli(capsys, "--format", "json", GOOD, TWO_ERRORS)
    report = json.loads(out)
    assert report["summary"] == {"files": 2, "valid": 1, "invalid": 1, "unreadable": 0, "errors": 2,
                                 "warnings": 0, "exit_code": 1}
    bad = report["files"][1]
    assert bad["valid"] is False
    assert {d["rule"] for d in bad["diagnostics"]} == {"xsd:cvc-pattern-valid", "TE-REF-001"}
    for diagnostic in bad["diagnostics"]:
        assert set(diagnostic) == {"file", "message", "rule", "severity", "line", "column", "xpath", "source"}
        assert diagnostic["xpath"] == "/TEI/text/body/div/sp[1]"
        assert diagnostic["line"] == 69


def test_junit_format(capsys):
    code, out, _ = cli(capsys, "--format", "junit", GOOD, TWO_ERRORS, "missing.xml")
    root = etree.fromstring(out.encode())
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["missing.xml", GOOD, TWO_ERRORS]
    assert suite.get("tests") == "3" and suite.get("failures") == "1" and suite.get("errors") == "1"
    assert {f.get("type") for f in cases[2].findall("failure")} == {"xsd:cvc-pattern-valid", "TE-REF-001"}
    assert cases[0].find("error").get("type") == "input-unreadable"
    assert cases[1].find("failure") is None


def test_github_format(capsys):
    code, out, _ = cli(capsys, "--format", "github", TWO_ERRORS)
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == 2
    for line in annotations:
        assert re.match(r"^::error file=[^,]+,line=69,title=[^:]+::.+", line), line
    assert "title=TE-REF-001::" in out


def test_github_escaping():
    from tei_encoder.diagnostics import Diagnostic
    from tei_encoder.report.github import annotation
    line = annotation(Diagnostic(file="a,b:c.xml", message="50% done\nnext", rule="x:y", line=3, column=4))
    assert line == "::error file=a%2Cb%3Ac.xml,line=3,col=4,title=x%3Ay::50%25 done%0Anext"


def test_sarif_format(capsys):
    code, out, _ = cli(capsys, "--format", "sarif", GOOD, TWO_ERRORS, MALFORMED)
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "tei-encoder"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) == 3
    assert len(run["results"]) == 3
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith(".xml")
        assert location["region"]["startLine"] >= 1
    malformed = [r for r in run["results"] if r["ruleId"] == "xml-malformed"][0]
    assert malformed["locations"][0]["physicalLocation"]["region"]["startColumn"] >= 1
    assert run["invocations"][0]["executionSuccessful"] is True


def test_output_file_option(capsys, tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = cli(capsys, "--format", "json", "--output", str(target), BAD)
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["summary"]["invalid"] == 1


def test_directories_and_globs(capsys, tmp_path):
    for name in ("a.xml", "b.tei", "c.txt"):
        shutil.copy(GOOD, tmp_path / name)
    code, out, _ = cli(capsys, str(tmp_path))
    assert code == 0 and out.startswith("2 file(s) checked")
    code, out, _ = cli(capsys, str(tmp_path / "*.xml"))
    assert code == 0 and out.startswith("1 file(s) checked")
    code, out, _ = cli(capsys, str(tmp_path / "*.none"))
    assert code == 2 and "[input-unreadable] the pattern matches no file" in out


def test_jobs_give_the_same_report_in_the_same_order(capsys):
    files = sorted(str(p) for p in INVALID.glob("*.xml"))
    one = main(["validate", "--jobs", "1", *files]), capsys.readouterr().out
    two = main(["validate", "--jobs", "2", *files]), capsys.readouterr().out
    assert one == two
    assert one[0] == 1


def test_max_errors_truncates_but_file_stays_invalid(capsys):
    code, out, _ = cli(capsys, "--max-errors", "1", "--format", "json", TWO_ERRORS)
    diagnostics = json.loads(out)["files"][0]["diagnostics"]
    assert [d["rule"] for d in diagnostics] == ["xsd:cvc-pattern-valid", "max-errors"]
    assert diagnostics[1]["severity"] == "error" and "1 more" in diagnostics[1]["message"]
    code, out, _ = cli(capsys, "--max-errors", "0", TWO_ERRORS)
    assert code == 1 and "[max-errors] 2 more" in out


def test_user_schematron_and_xml_model(tmp_path):
    sch = tmp_path / "rules.sch"
    sch.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron">
      <ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>
      <pattern><rule context="t:title"><assert id="MY-1" role="warning" test="string-length(.) &lt; 20">title too long</assert></rule></pattern>
    </schema>""", encoding="utf-8")
    found = validate(GOOD, schemas=[sch])
    assert {(d.rule, d.severity) for d in found} == {("MY-1", Severity.WARNING)}
    assert {d.line for d in found} == {6, 11}
    document = tmp_path / "with-model.xml"
    document.write_text('<?xml-model href="rules.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
                        + Path(GOOD).read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    found = validate(document, xml_model=True)
    assert {d.rule for d in found} == {"MY-1"}
    assert Validator().validate_file(document) == []  # xml-model is followed only when asked


def test_xml_model_to_a_missing_local_file_is_a_warning(tmp_path):
    document = tmp_path / "doc.xml"
    document.write_text('<?xml-model href="nowhere.rng"?>\n' + Path(GOOD).read_text(encoding="utf-8").split("\n", 1)[1],
                        encoding="utf-8")
    (diagnostic,) = validate(document, xml_model=True)
    assert (diagnostic.rule, diagnostic.severity, diagnostic.line) == ("xml-model-missing", Severity.WARNING, 1)


def test_schema_option_with_tei_all(capsys):
    tei_all()  # skips when absent
    code, out, _ = cli(capsys, "--schema", str(tei_all_path()), GOOD, str(INVALID / "xsd-unknown-element.xml"))
    assert code == 1
    assert re.search(r"xsd-unknown-element.xml:79: error \[rng:", out)


def test_unusable_schema_is_one_line_and_status_2(capsys, tmp_path):
    broken = tmp_path / "broken.xsd"
    broken.write_text("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element/></xs:schema>")
    code, out, err = cli(capsys, "--schema", str(broken), GOOD)
    assert code == 2 and "Traceback" not in err and "broken.xsd" in err
    with pytest.raises(SchemaError):
        Validator([broken])


def test_api_on_trees_and_elements():
    tree = etree.parse(GOOD)
    assert validate(tree) == []
    root = etree.parse(BAD).getroot()
    (diagnostic,) = Validator().validate_tree(root, file="bad.xml")
    assert (diagnostic.file, diagnostic.rule, diagnostic.line, diagnostic.xpath) == (
        "bad.xml", "TE-REF-001", 76, "/TEI/text/body/div/sp[2]")


def test_api_on_a_tree_built_in_memory():
    """The writer builds trees with the element API, not by parsing: ids must still be found."""
    parsed = etree.parse(GOOD)
    built = etree.fromstring(etree.tostring(parsed))  # same content, then rebuilt node by node below
    rebuilt = etree.Element(built.tag, nsmap=built.nsmap, attrib=dict(built.attrib))
    rebuilt.extend(list(built))
    assert Validator().validate_tree(rebuilt) == []


def test_api_on_bytes_gives_lines_of_the_serialised_file():
    data = Path(BAD).read_bytes()
    (diagnostic,) = Validator().validate_bytes(data, file="out.xml")
    assert (diagnostic.file, diagnostic.rule, diagnostic.line) == ("out.xml", "TE-REF-001", 76)
    assert Validator().validate_bytes(Path(GOOD).read_bytes()) == []


def test_pre_commit_hook_entry_runs(tmp_path):
    import subprocess
    import sys
    from test_validate_support import REPO
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = next(line.split(":", 1)[1].strip() for line in hooks.splitlines() if line.strip().startswith("entry:"))
    assert entry.startswith("python -m ")
    command = [sys.executable, *entry.split()[1:], "--jobs", "1", GOOD, BAD]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 1 and "[TE-REF-001]" in result.stdout, result.stderr


def test_json_text_escapes_each_control_and_bidi_character_and_leaves_clean_text_alone():
    import json

    from tei_encoder.report import _JSON_ESCAPES, json_text

    for code in _JSON_ESCAPES:
        text = json_text({"message": f"a{chr(code)}b"})
        assert chr(code) not in text and f"\\u{code:04x}" in text
        assert json.loads(text) == {"message": f"a{chr(code)}b"}
    clean = {"message": "é — ü □ \u00a0"}
    assert json_text(clean) == json.dumps(clean, ensure_ascii=False, indent=1)


def test_json_report_text_is_json_dumps_of_the_document():
    """The JSON reporter writes the usual entry from a template: the same text json.dumps(indent=1) gives."""
    import io
    import random

    from tei_encoder.diagnostics import Diagnostic, Summary
    from tei_encoder.report import json_text
    from tei_encoder.report.json import JsonReporter, diagnostic_dict
    from tei_encoder.validate.batch import FileResult

    generator = random.Random(5)
    alphabet = ['a', 'é', '"', '\\', '/', ' ', '\t', '\n', '\x01', '\x7f', '\x85', '\u2028', '\u202e', '💡', '{', ']']
    for count in (0, 1, 2, 7, 40):
        results = []
        for _ in range(count):
            name = "".join(generator.choice(alphabet) for _ in range(generator.randrange(12)))
            diagnostics = tuple(
                Diagnostic(file=name, message=name[::-1], rule="TE-X", severity=generator.choice(list(Severity)),
                           line=generator.choice([None, 3]), xpath=generator.choice([None, "/TEI[1]"]))
                for _ in range(generator.choice([0, 0, 0, 1, 3])))
            results.append(FileResult(name, diagnostics))
        stream = io.StringIO()
        reporter = JsonReporter(stream, tool_version=generator.choice(["0.1.0", "1é\"x"]))
        for result in results:
            reporter.file(result)
        summary = Summary(done=count)
        reporter.finish(summary)
        counts = reporter.counts
        document = {
            "tool": {"name": "tei-encoder", "version": reporter.tool_version},
            "files": [{"file": r.file, "valid": r.valid, "diagnostics": [diagnostic_dict(d) for d in r.diagnostics]}
                      for r in results],
            "summary": {"files": counts.files, "valid": counts.valid, "invalid": counts.invalid,
                        "unreadable": counts.unreadable, "errors": counts.errors, "warnings": counts.warnings,
                        "exit_code": summary.exit_code()},
        }
        assert stream.getvalue() == json_text(document) + "\n"
