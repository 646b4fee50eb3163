"""Schemas a document names itself through ``<?xml-model?>`` processing instructions (W3C Associating Schemas).

They are followed only when the user asks (``--xml-model``), and then only
local regular files inside the document's own folder (symbolic links
resolved). A URL is reported and never fetched; a file that is missing, is
not a regular file or lies outside the folder is reported; a schema type
tei-encoder does not run is skipped with a note.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.regular_file import refusal_of_mode
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


def _unusable_target(target: Path, folder: Path | None) -> str | None:
    """Why an xml-model target is not used, or None: it must be a regular file inside the document's folder."""
    if folder is None:
        return "cannot be located (the document has no file name)"
    real = os.path.realpath(target)
    root = os.path.realpath(folder)
    if os.path.commonpath([real, root]) != root:
        return "is outside the document's folder"
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return "is not a local file"
    reason = refusal_of_mode(mode)
    return reason


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
        base = _base_directory(tree)
        if not target.is_absolute() and base is not None:
            target = base / target
        problem = _unusable_target(target, base)
        if problem is not None:
            note(rules.XML_MODEL_MISSING, Severity.WARNING,
                 f"xml-model names {href}, which {problem}; not checked against it")
            continue
        references.append(SchemaReference(target.resolve(), kind))
    return references, notes
