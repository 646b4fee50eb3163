"""Many files: expand paths, check them in worker processes, stream results in input order.

Each worker compiles the schemas once (``tei_encoder.parallel``'s initializer); results come back
as small FileResult values, never trees, so memory stays flat on an archive.
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.parallel import ordered_map
from tei_encoder.validate import rules
from tei_encoder.validate.validator import Validator
from tei_encoder.xmlsafe import LocalDTD

XML_SUFFIXES = (".xml", ".tei")
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class FileResult:
    file: str
    diagnostics: tuple[Diagnostic, ...]
    seconds: float = 0.0

    @property
    def unusable(self) -> bool:
        return any(d.rule in rules.UNUSABLE_RULES and d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def valid(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def expand_paths(arguments: Iterable[str]) -> tuple[list[str], list[FileResult]]:
    """Files named, found under directories (``*.xml``, ``*.tei``, sorted), or matched by globs.

    Returns the files in a stable order and, for arguments that name nothing, unreadable results.
    """
    files: list[str] = []
    missing: list[FileResult] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        key = os.path.normpath(name)
        if key not in seen:
            seen.add(key)
            files.append(name)

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in XML_SUFFIXES and p.is_file())
            for document in found:
                add(os.fspath(document))
            if not found:  # checking nothing must not pass a CI gate
                missing.append(FileResult(argument, (Diagnostic(
                    file=argument, rule=rules.UNREADABLE, source="parser",
                    message="no *.xml or *.tei files in this folder: nothing to check"),)))
        elif path.exists():
            add(argument)
        elif _GLOB_CHARACTERS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            matched_files = [m for m in matches if os.path.isfile(m)]
            for match in matched_files:
                add(match)
            if not matched_files:
                missing.append(FileResult(argument, (Diagnostic(
                    file=argument, rule=rules.UNREADABLE, message="the pattern matches no file", source="parser"),)))
        else:
            missing.append(FileResult(argument, (Diagnostic(
                file=argument, rule=rules.UNREADABLE, message="no such file or directory", source="parser"),)))
    return files, missing


_WORKER: Validator | None = None
_WORKER_SETTINGS: tuple[object, ...] | None = None


def _initialize(schemas: Sequence[str] | None, xml_model: bool, max_errors: int | None,
                profile: str = "auto", xinclude: bool = False, allow_dtd: LocalDTD | None = None) -> None:
    """Compile the schemas for these settings, unless this process already has (check_files, then
    the in-process run of ``ordered_map``, both call it)."""
    global _WORKER, _WORKER_SETTINGS
    settings = (tuple(schemas) if schemas is not None else None, xml_model, max_errors, profile, xinclude, allow_dtd)
    if _WORKER is None or settings != _WORKER_SETTINGS:
        _WORKER = Validator(schemas, xml_model=xml_model, max_errors=max_errors, profile=profile, xinclude=xinclude,
                            allow_dtd=allow_dtd)
        _WORKER_SETTINGS = settings


def _check(file: str) -> FileResult:
    assert _WORKER is not None
    start = time.perf_counter()
    try:
        diagnostics = tuple(_WORKER.validate_file(file))
    except Exception as error:  # one broken file must not stop an archive run: report it as data
        diagnostics = (Diagnostic(file=file, rule=rules.UNREADABLE,
                                  message=f"internal error while checking: {error.__class__.__name__}: {error}"),)
    return FileResult(file, diagnostics, time.perf_counter() - start)


def check_files(files: Sequence[str], *, schemas: Sequence[str] | None = None, jobs: int = 1,
                xml_model: bool = False, max_errors: int | None = None,
                profile: str = "auto", xinclude: bool = False,
                allow_dtd: LocalDTD | None = None) -> Iterator[FileResult]:
    """Yield one FileResult per file, in the order given; ``jobs`` > 1 uses that many processes.

    Schemas are compiled in this process first, so a broken schema raises SchemaError before any work.
    """
    global _WORKER
    _WORKER = None  # compile afresh on every call: a schema file may have changed since the last one
    _initialize(schemas, xml_model, max_errors, profile, xinclude, allow_dtd)
    # Each worker compiles the schemas once more in its initializer (workers are spawned, not forked).
    yield from ordered_map(_check, files, jobs=jobs, initializer=_initialize,
                           initargs=(schemas, xml_model, max_errors, profile, xinclude, allow_dtd))
