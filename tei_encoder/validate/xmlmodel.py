"""Schemas a document names itself through ``<?xml-model?>`` processing instructions (W3C Associating Schemas).

Only local files are used. A URL is reported and never fetched; a local
file that is missing is reported; a schema type tei-encoder does not run
is skipped with a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.validate import rules
from tei_encoder.validate.checkers import NS_RNG, NS_SCH, NS_XSD


def _url2pathname(path: str) -> str:
    # urllib.request costs ~20 ms of import (http.client, email): load it only for a file: URL
    from urllib.request import url2pathname

    return url2pathname(path)

_KINDS = {NS_RNG: "rng", NS_XSD: "xsd", NS_SCH: "sch", "http://www.ascc.net/xml/schematron": "sch"}


@dataclass(frozen=True, slots=True)
class SchemaReference:
    path: Path
    kind: str | None  # None: decide by the file


def _base_directory(tree: etree._ElementTree) -> Path | None:
    url = tree.docinfo.URL
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme in ("", "file"):
        return Path(_url2pathname(unquote(parts.path))).parent
    return None


def xml_model_schemas(tree: etree._ElementTree, file: str) -> tuple[list[SchemaReference], list[Diagnostic]]:
    """The local schemas named by the document's xml-model PIs, and notes about those not used."""
    root = tree.getroot()
    instructions = [node for node in root.itersiblings(preceding=True)
                    if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model"]
    references: list[SchemaReference] = []
    notes: list[Diagnostic] = []
    for instruction in reversed(instructions):  # document order
        href = instruction.get("href")
        if not href:
            continue

        def note(rule: str, severity: Severity, message: str) -> None:
            notes.append(Diagnostic(file=file, rule=rule, severity=severity, line=instruction.sourceline,
                                    message=message, source="xml-model"))

        namespace = instruction.get("schematypens")
        kind = _KINDS.get(namespace or "")
        if namespace and kind is None:
            note(rules.XML_MODEL_UNUSABLE, Severity.INFO,
                 f"xml-model schema type {namespace} is not one tei-encoder runs; skipped")
            continue
        parts = urlsplit(href)
        if parts.scheme not in ("", "file") and len(parts.scheme) > 1:  # a one-letter scheme is a Windows drive
            note(rules.XML_MODEL_REMOTE, Severity.WARNING,
                 f"xml-model names a remote schema ({href}); nothing is fetched from the network: "
                 "download it and pass it with --schema")
            continue
        target = Path(_url2pathname(unquote(parts.path))) if parts.scheme == "file" else Path(href)
        if not target.is_absolute():
            base = _base_directory(tree)
            target = (base / target) if base is not None else target
        if not target.is_file():
            note(rules.XML_MODEL_MISSING, Severity.WARNING,
                 f"xml-model names {href}, which is not a local file ({target}); not checked against it")
            continue
        references.append(SchemaReference(target.resolve(), kind))
    return references, notes
