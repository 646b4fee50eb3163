"""The Validator: compiled schemas plus the safe loader, one file or tree at a time.

Compiling is the expensive part (milliseconds for the project schema, tens of
milliseconds for tei_all cut to a document by rng_subset), so a Validator
compiles its schemas once, and checker_for caches compiled schemas for the whole process: building many Validators
costs nothing after the first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.xmlsafe import LocalDTD
from tei_encoder.resources import schema_path
from tei_encoder.validate import footnote_marks, own_rules, rules
from tei_encoder.validate.checkers import Checker, DeferredSchematron, SchemaError, XsdChecker, checker_for
from tei_encoder.validate.foreign import foreign_note, resolve_named, tei_all_path, written_by_tei_encoder
from tei_encoder.validate.parsing import load_bytes, load_file, refuse_tree
from tei_encoder.validate.prefilter import schematron_parameters
from tei_encoder.validate.xmlmodel import xml_model_schemas

DEFAULT_SCHEMA_FILES = ("tei-encoder.xsd", "tei-encoder.sch")
OWN_SCHEMATRON = "tei-encoder.sch"
PROFILES = ("auto", "tei-encoder")


def default_schemas() -> tuple[Path, ...]:
    """The project's own schema: the XSD for structure and types, the Schematron for the rest."""
    return tuple(schema_path(name) for name in DEFAULT_SCHEMA_FILES)


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _order(diagnostic: Diagnostic) -> tuple[int, int, int]:
    line = diagnostic.line if diagnostic.line is not None else 0
    return (0 if diagnostic.line is None and diagnostic.source == "parser" else 1, line, diagnostic.column or 0)


class Validator:
    """Checks TEI files or trees against a fixed set of schemas (default: the project's XSD + Schematron).

    Raises SchemaError at construction when a named schema cannot be read or compiled.
    With ``xml_model`` the schemas a document names in ``<?xml-model?>`` are
    checked too, when they are regular files inside the document's folder.
    """

    def __init__(self, schemas: Iterable[str | os.PathLike[str]] | None = None, *,
                 xml_model: bool = False, max_errors: int | None = None, profile: str = "auto",
                 xinclude: bool = False, allow_dtd: LocalDTD | None = None) -> None:
        if profile not in PROFILES:
            raise SchemaError(f"--profile {profile}: use one of {', '.join(PROFILES)}")
        # auto: the default schemas for tei-encoder's own TEI, tei_all for anyone else's (foreign.py)
        self._auto = not schemas and profile == "auto"
        paths = tuple(Path(resolve_named(os.fspath(schema))) for schema in schemas) if schemas else default_schemas()
        self.schema_paths: tuple[Path, ...] = tuple(path.resolve() for path in paths)
        # Only the project's own Schematron knows the parameters prefilter.py derives from a file's bytes, and
        # own_rules.py answers for it on the usual record: it is compiled when a record first needs it.
        own = schema_path(OWN_SCHEMATRON).resolve()
        self._checkers: tuple[Checker, ...] = tuple(DeferredSchematron(path) if path == own else checker_for(path)
                                                    for path in self.schema_paths)
        self._takes_parameters = frozenset(id(checker) for checker in self._checkers
                                           if isinstance(checker, DeferredSchematron))
        self.xml_model = xml_model
        self.max_errors = max_errors
        self.xinclude = xinclude  # resolve xi:include from files under the input's folder
        self.allow_dtd = allow_dtd  # load a local, trusted DTD (--allow-dtd)

    def validate_file(self, path: str | os.PathLike[str], display: str | None = None) -> list[Diagnostic]:
        """Parse safely and check; every problem, including an unreadable or hostile file, is a diagnostic."""
        file = display if display is not None else os.fspath(path)
        loaded = load_file(path, file, xinclude=self.xinclude, allow_dtd=self.allow_dtd)
        found = list(loaded.diagnostics)
        if loaded.tree is not None:
            found.extend(self._check(loaded.tree, file, dict(loaded.schematron_parameters), ids_unique=not found))
        return self._finish(found)

    def validate_bytes(self, data: bytes, file: str = "<bytes>") -> list[Diagnostic]:
        """Parse serialised XML (the bytes a writer is about to save) safely and check it.

        Prefer this to validate_tree for a tree built in memory: a built tree has
        no source lines, the bytes do, so diagnostics point at lines of the file.
        """
        loaded = load_bytes(data, file)
        found = list(loaded.diagnostics)
        if loaded.tree is not None:
            found.extend(self._check(loaded.tree, file, dict(loaded.schematron_parameters), ids_unique=not found))
        return self._finish(found)

    # Larger serialisations are parsed back: the parser refuses a text node over 10 MB (and a file
    # over MAX_BYTES), which a built tree would not show. So is a tree whose xml:ids the parser
    # would report (a duplicate, a value that is not a name): neither schema sees those.
    WRITTEN_IN_MEMORY = 1_000_000

    def validate_written(self, tree: etree._ElementTree | etree._Element, data: bytes,
                         file: str = "<tree>") -> list[Diagnostic]:
        """Check a tree built in memory whose serialisation ``data`` is about to be written, without
        parsing the bytes back (the bytes only tell prefilter.py what the Schematron may skip: they
        hold the tree's text as they would after a parse).

        Same verdicts as validate_bytes on ``data``; but a built tree has no source lines, so a
        caller that shows the findings checks the bytes for them.
        """
        if isinstance(tree, etree._Element):
            tree = tree.getroottree()
        if len(data) > self.WRITTEN_IN_MEMORY or not _ids_parse_cleanly(tree):
            return self.validate_bytes(data, file)  # the parser's own findings are wanted
        return self._finish(self._check(tree, file, schematron_parameters(data, tree), ids_unique=True))

    def validate_tree(self, tree: etree._ElementTree | etree._Element, file: str = "<tree>") -> list[Diagnostic]:
        """Check a tree already in memory; lines are known only for a tree that was parsed."""
        if isinstance(tree, etree._Element):
            tree = tree.getroottree()
        refusal = refuse_tree(tree, file)
        if refusal is not None:
            return [refusal]
        return self._finish(self._check(tree, file))

    def _checkers_for(self, tree: etree._ElementTree, file: str) -> tuple[tuple[Checker, ...], list[Diagnostic]]:
        if not self._auto or written_by_tei_encoder(tree):
            return self._checkers, []
        schema = tei_all_path()
        note = foreign_note(file, schema)
        return ((checker_for(schema),) if schema is not None else ()), [note]

    def _check(self, tree: etree._ElementTree, file: str, parameters: dict[str, str] | None = None,
               *, ids_unique: bool = False) -> list[Diagnostic]:
        """``ids_unique``: the parser found no duplicate xml:id (it stops at one), or none can be there."""
        checkers, found = self._checkers_for(tree, file)
        # An XSD whose twin accepted the tree but left the pointer pattern out: its place in ``found``; its
        # pointer values are checked after own_rules.py's walk, which gathers them (xsd_twin.relax_pointers).
        pending: tuple[XsdChecker, int] | None = None
        pointer_values: set[str] | None = None
        for checker in checkers:
            if id(checker) in self._takes_parameters:
                assert isinstance(checker, DeferredSchematron)
                notes = footnote_marks.notes(tree)  # both checks walk the notes
                found.extend(footnote_marks.repeated_marks(tree, file, checker.name, notes))
                # The usual record is checked in Python (own_rules.py); the compiled Schematron words its errors.
                values: set[str] = set()
                own = own_rules.check(tree, file, checker.name, parameters, ids_unique=ids_unique, notes=notes,
                                      pointer_values=values)
                pointer_values = values if own is not None else None
                found.extend(own if own is not None else
                             checker.check(tree, file, {**(parameters or {}), footnote_marks.PARAMETER: "true()"}))
            elif isinstance(checker, XsdChecker) and checker.pointers is not None and pending is None:
                if checker.twin_accepts(tree):
                    pending = (checker, len(found))
                else:
                    found.extend(checker.strict(tree, file))
            else:
                found.extend(checker.check(tree, file))
        if pending is not None:
            self._check_pointers(tree, file, found, pending, pointer_values)
        if self.xml_model:
            references, notes = xml_model_schemas(tree, file)
            found.extend(notes)
            for reference in references:
                if reference.path in self.schema_paths:
                    continue
                try:
                    checker = checker_for(reference.path, reference.kind)
                except SchemaError as error:
                    found.append(Diagnostic(file=file, rule=rules.XML_MODEL_UNUSABLE, severity=Severity.WARNING,
                                            message=f"xml-model schema not used: {error}", source="xml-model"))
                    continue
                found.extend(checker.check(tree, file))
        return found

    @staticmethod
    def _check_pointers(tree: etree._ElementTree, file: str, found: list[Diagnostic],
                        pending: tuple[XsdChecker, int], values: set[str] | None) -> None:
        """Ask the schema itself, its diagnostics in its place, unless the tree's pointers match the subset of
        the pattern: the values own_rules gathered if it covered every carrier, else those read here."""
        checker, index = pending
        pointers = checker.pointers
        assert pointers is not None
        if values is not None and pointers.carriers <= own_rules.POINTER_CARRIERS:
            accepted = pointers.matches(values)
        else:
            accepted = pointers.accepts(tree)
        if not accepted:
            found[index:index] = checker.strict(tree, file)

    def _finish(self, found: list[Diagnostic]) -> list[Diagnostic]:
        # The parser and the Schematron both report a duplicate xml:id; keep one per line.
        # Prefer the Schematron's, which carries an XPath.
        duplicates: dict[int | None, int] = {}
        unique: list[Diagnostic] = []
        for diagnostic in sorted(found, key=_order):
            if diagnostic.rule == rules.DUPLICATE_ID:
                if diagnostic.line in duplicates:
                    index = duplicates[diagnostic.line]
                    if unique[index].xpath is None and diagnostic.xpath is not None:
                        unique[index] = diagnostic
                    continue
                duplicates[diagnostic.line] = len(unique)
            unique.append(diagnostic)
        if self.max_errors is not None and self.max_errors >= 0 and len(unique) > self.max_errors:
            hidden_part = unique[self.max_errors:]
            hidden = len(hidden_part)
            first = unique[0]
            unique = unique[: self.max_errors]
            # The note is as severe as the worst hidden diagnostic, so a file never looks valid by truncation.
            worst = min(hidden_part, key=lambda d: _SEVERITY_RANK[d.severity]).severity
            unique.append(Diagnostic(file=first.file, rule=rules.TOO_MANY, severity=worst,
                                     message=f"{hidden} more diagnostic(s) not shown (--max-errors {self.max_errors})"))
        return unique


_DEFAULT_VALIDATORS: dict[tuple[tuple[str, ...], bool], Validator] = {}


def validate(path_or_tree: str | os.PathLike[str] | etree._ElementTree | etree._Element,
             schemas: Iterable[str | os.PathLike[str]] | None = None, *,
             xml_model: bool = False) -> list[Diagnostic]:
    """Validate one file (by path) or one tree; ``schemas`` defaults to the project's XSD + Schematron.

    ``xml_model=True`` also checks the schemas the document names in ``<?xml-model?>`` (see Validator).
    """
    key = (tuple(os.fspath(Path(schema).resolve()) for schema in schemas) if schemas else (), xml_model)
    validator = _DEFAULT_VALIDATORS.get(key)
    if validator is None:
        validator = _DEFAULT_VALIDATORS[key] = Validator(schemas, xml_model=xml_model)
    if isinstance(path_or_tree, (etree._ElementTree, etree._Element)):
        return validator.validate_tree(path_or_tree)
    return validator.validate_file(path_or_tree)


_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# An NCName for sure (ASCII only: any other value is left to the parser to judge).
_PLAIN_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*", re.ASCII)


def _ids_parse_cleanly(tree: etree._ElementTree) -> bool:
    """No xml:id of the tree would give a parser error (DUPLICATE_ID, BAD_ID) once serialised."""
    seen: set[str] = set()
    for element in tree.getroot().iter(etree.Element):
        value = element.get(_XML_ID)
        if value is None:
            continue
        if value in seen or not _PLAIN_NCNAME.fullmatch(value):
            return False
        seen.add(value)
    return True
