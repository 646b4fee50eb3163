"""SARIF 2.1.0 (Static Analysis Results Interchange Format), as GitHub code scanning reads it.

One run; the driver lists each rule id that occurs, with the first message
seen as its description; each result has a physical location (file, line,
column) and a logical location (the XPath of the element).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tei_encoder.diagnostics import Diagnostic, Summary
from tei_encoder.report import Reporter, json_text, sarif_level
from tei_encoder.validate.batch import FileResult

NAME = "sarif"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"  # an identifier only; never fetched


def _uri(file: str) -> str:
    path = Path(file)
    return path.as_posix() if not path.is_absolute() else path.as_uri()


class SarifReporter(Reporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rules: dict[str, int] = {}
        self.rule_list: list[dict[str, Any]] = []
        self.results: list[dict[str, Any]] = []

    def _rule_index(self, diagnostic: Diagnostic) -> int:
        index = self.rules.get(diagnostic.rule)
        if index is None:
            index = self.rules[diagnostic.rule] = len(self.rule_list)
            rule: dict[str, Any] = {"id": diagnostic.rule,
                                    "shortDescription": {"text": diagnostic.message[:200]},
                                    "defaultConfiguration": {"level": sarif_level(diagnostic)}}
            if diagnostic.source:
                rule["properties"] = {"source": diagnostic.source}
            self.rule_list.append(rule)
        return index

    def file(self, result: FileResult) -> None:
        super().file(result)
        for diagnostic in result.diagnostics:
            location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(diagnostic.file)}}}
            if diagnostic.line is not None:
                region = {"startLine": diagnostic.line}
                if diagnostic.column is not None:
                    region["startColumn"] = diagnostic.column
                location["physicalLocation"]["region"] = region
            if diagnostic.xpath:
                location["logicalLocations"] = [{"fullyQualifiedName": diagnostic.xpath, "kind": "element"}]
            self.results.append({
                "ruleId": diagnostic.rule,
                "ruleIndex": self._rule_index(diagnostic),
                "level": sarif_level(diagnostic),
                "message": {"text": diagnostic.message},
                "locations": [location],
            })

    def finish(self, summary: Summary) -> None:
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "tei-encoder", "version": self.tool_version,
                                    "rules": self.rule_list}},
                "results": self.results,
                "invocations": [{"executionSuccessful": summary.exit_code() != 2}],
            }],
        }
        self.stream.write(json_text(log))
        self.stream.write("\n")
