"""Read one input file safely and turn every way it can fail into diagnostics.

Order of checks: a regular file (never a FIFO or device) and its size
(before reading a byte more than needed), read,
parse with the hardened parser (xmlsafe.safe_parser), then refuse
documents whose DOCTYPE declares entities or names an external DTD. A
duplicate xml:id makes libxml2 reject the document; that one error is
recoverable, so the file is parsed again in recover mode and the duplicate
becomes the same diagnostic as the Schematron rule (TE-ID-001).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.regular_file import (InputRefused, InputTooLarge, describe_os_error, read_regular_file,
                                      too_large_message)
from tei_encoder.validate import rules
from tei_encoder.validate.prefilter import holds, rules_out_references, schematron_parameters, utf8_bytes

# libxml2 error types that come from hostile entity use rather than from a typing mistake.
_ENTITY_ATTACK_TYPES = frozenset({"ERR_RESOURCE_LIMIT", "ERR_ENTITY_LOOP", "ERR_ENTITY_PE_INTERNAL"})
# Errors after which the tree is still complete and worth validating.
_RECOVERABLE_TYPES = frozenset({"DTD_ID_REDEFINED", "DTD_XMLID_VALUE"})

PARSER_SOURCE = "parser"


@dataclass(frozen=True, slots=True)
class Loaded:
    """A parsed tree (None when the file cannot be checked further) and what was found on the way."""

    tree: etree._ElementTree | None
    diagnostics: tuple[Diagnostic, ...]
    # Parameters for the project's Schematron that the file's bytes justify (prefilter.py).
    schematron_parameters: tuple[tuple[str, str], ...] = ()


def _diagnostic(file: str, rule: str, message: str, line: int | None = None,
                column: int | None = None, severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(file=file, message=message, rule=rule, severity=severity,
                      line=line or None, column=column or None, source=PARSER_SOURCE)


def load_file(path: str | os.PathLike[str], display: str | None = None, *, xinclude: bool = False,
              allow_dtd: xmlsafe.LocalDTD | None = None) -> Loaded:
    """Parse ``path``; ``display`` is the name diagnostics use (defaults to the path as given).

    ``xinclude``: resolve xi:include elements from files under the input's folder (tei_encoder/xinclude.py).
    ``allow_dtd``: load a local, trusted DTD so its entities are defined (xmlsafe.LocalDTD).
    """
    file = display if display is not None else os.fspath(path)
    try:
        data = read_regular_file(path, xmlsafe.MAX_BYTES)
    except InputTooLarge as error:
        return Loaded(None, (_diagnostic(
            file, rules.TOO_LARGE,
            f"{error}; split it, or validate it with a tool meant for huge documents"),))
    except InputRefused as error:
        return Loaded(None, (_diagnostic(file, rules.UNREADABLE, f"{error}: only regular files are read"),))
    except OSError as error:
        return Loaded(None, (_diagnostic(file, rules.UNREADABLE, describe_os_error(error)),))
    # abspath, not resolve(): no system call per path component on every file of an archive.
    loaded = load_bytes(data, file, base_url=xmlsafe.file_uri(path), allow_dtd=allow_dtd)
    if loaded.tree is None:
        return loaded
    if not xinclude:
        return _with_xinclude_hint(loaded, file) if _may_include(data, loaded, allow_dtd) else loaded
    from tei_encoder.xinclude import XIncludeRefused, expand

    try:
        expand(loaded.tree, Path(path))
    except XIncludeRefused as error:
        return Loaded(None, (*loaded.diagnostics, _diagnostic(file, rules.XINCLUDE_REFUSED, str(error))))
    # The included text is not in the file's bytes: what prefilter.py read from them no longer holds.
    return Loaded(loaded.tree, loaded.diagnostics)


def _may_include(data: bytes, loaded: Loaded, allow_dtd: xmlsafe.LocalDTD | None) -> bool:
    """False when the bytes prove that no element is in the XInclude namespace: UTF-8 bytes that do not
    spell its name ("XInclude"), and no character reference or DTD that could. Saves a walk of the tree.
    The prefilter's parameters, when given, have answered for the encoding and the references already."""
    assert loaded.tree is not None
    if allow_dtd is not None:
        return True
    if rules_out_references(loaded.schematron_parameters):
        return holds(data, b"XInclude")
    return not utf8_bytes(data, loaded.tree) or holds(data, b"XInclude") or holds(data, b"&#")


def _with_xinclude_hint(loaded: Loaded, file: str) -> Loaded:
    """A document with xi:include read without --xinclude: say once that the option exists."""
    assert loaded.tree is not None
    from tei_encoder.xinclude import include_hint

    hint = include_hint(loaded.tree)
    if hint is None:
        return loaded
    return Loaded(loaded.tree, (*loaded.diagnostics, _diagnostic(file, rules.XINCLUDE_NOT_RESOLVED, hint[1], hint[0],
                                                                 severity=Severity.INFO)),
                  loaded.schematron_parameters)


_PARSERS = threading.local()


def _reused_parser() -> etree.XMLParser:
    """This thread's hardened parser (an lxml parser serves one thread; building one costs more than reusing it)."""
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = xmlsafe.safe_parser()
    return parser


def load_bytes(data: bytes, file: str, *, base_url: str | None = None,
               allow_dtd: xmlsafe.LocalDTD | None = None) -> Loaded:
    """Parse bytes already in memory (the file name only labels diagnostics)."""
    if len(data) > xmlsafe.MAX_BYTES:
        return Loaded(None, (_diagnostic(file, rules.TOO_LARGE, too_large_message(None, xmlsafe.MAX_BYTES)),))
    resolver = None
    if allow_dtd is None:
        parser = _reused_parser()
    else:
        parser, resolver = xmlsafe.dtd_parser(xmlsafe.dtd_places(allow_dtd, base_url))
    try:
        root = etree.fromstring(data, parser, base_url=base_url)
    except etree.XMLSyntaxError:
        errors = list(parser.error_log)
        kinds = {error.type_name for error in errors}
        dtd_refused = xmlsafe.dtd_refusal(resolver) if resolver is not None else None
        if dtd_refused is not None:
            return Loaded(None, (_diagnostic(file, rules.UNSAFE, dtd_refused),))
        if kinds & _ENTITY_ATTACK_TYPES:
            first = errors[0]
            return Loaded(None, (_diagnostic(
                file, rules.UNSAFE,
                f"refused: {first.message.rstrip('.')} (entity expansion, deep nesting or a huge node); "
                "entities are expanded only with --allow-dtd, and always within the parser's limits",
                first.line, first.column),))
        if errors and kinds <= _RECOVERABLE_TYPES:
            return _load_recovering(data, file, base_url, errors, allow_dtd)
        first = errors[0] if errors else None
        message = first.message if first is not None else "not well-formed XML"
        return Loaded(None, (_diagnostic(file, rules.MALFORMED,
                                         f"not well-formed XML: {xmlsafe.undefined_entity_hint(message)}",
                                         first.line if first else None,
                                         first.column if first else None),))
    tree = root.getroottree()
    if resolver is not None:
        dtd_refused = xmlsafe.dtd_refusal(resolver)
        if dtd_refused is not None:
            return Loaded(None, (_diagnostic(file, rules.UNSAFE, dtd_refused),))
    else:
        refusal = _refuse_doctype(tree, file)
        if refusal is not None:
            return Loaded(None, (refusal,))
    return Loaded(tree, (), tuple(schematron_parameters(data, tree).items()))


def _load_recovering(data: bytes, file: str, base_url: str | None,
                     errors: list[etree._LogEntry], allow_dtd: xmlsafe.LocalDTD | None = None) -> Loaded:
    if allow_dtd is None:
        parser = xmlsafe.safe_parser(recover=True)
    else:
        parser, _ = xmlsafe.dtd_parser(xmlsafe.dtd_places(allow_dtd, base_url), recover=True)
    root = etree.fromstring(data, parser, base_url=base_url)
    found = tuple(_recovered_diagnostic(file, error) for error in errors)
    if root is None:
        return Loaded(None, found)
    tree = root.getroottree()
    refusal = _refuse_doctype(tree, file) if allow_dtd is None else None
    if refusal is not None:
        return Loaded(None, (refusal,))
    return Loaded(tree, found)


def _recovered_diagnostic(file: str, error: etree._LogEntry) -> Diagnostic:
    if error.type_name == "DTD_XMLID_VALUE":
        # libxml2 says "xml:id : attribute value 1x is not an NCName"
        value = error.message.split("attribute value", 1)[-1].rsplit("is not an NCName", 1)[0].strip()
        return _diagnostic(file, rules.BAD_ID,
                           f'xml:id="{value}" is not an XML name (NCName): an id starts with a letter or "_" '
                           "and holds no space or colon; rename it and every pointer to it",
                           error.line, error.column)
    return _diagnostic(file, rules.DUPLICATE_ID,
                       f"{_duplicate_id_message(error.message)}: every xml:id must be unique; "
                       "rename one (person ids take initials, then -2, -3)",
                       error.line, error.column)


def _duplicate_id_message(libxml2_message: str) -> str:
    # libxml2 says "ID fn1 already defined"
    words = libxml2_message.split()
    if len(words) >= 2 and words[0] == "ID":
        return f'xml:id="{words[1]}" is already used earlier in this file'
    return libxml2_message.strip()


def _refuse_doctype(tree: etree._ElementTree, file: str) -> Diagnostic | None:
    """A DOCTYPE that names an external DTD or declares entities is refused, not silently half-read."""
    refusal = xmlsafe.doctype_refusal(tree)
    return None if refusal is None else _diagnostic(file, rules.UNSAFE, refusal)


def refuse_tree(tree: etree._ElementTree, file: str) -> Diagnostic | None:
    """The DOCTYPE check for a tree that was parsed elsewhere."""
    return _refuse_doctype(tree, file)
