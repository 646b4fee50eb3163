"""Many files: expand paths, check them in worker processes, stream results in input order.

Each worker compiles the schemas once (``tei_encoder.parallel``'s initializer); results come back
as small FileResult values, never trees, so memory stays flat on an archive.
"""

from __future__ import annotations

import dataclasses
import errno
import glob
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.parallel import distributed, ordered_map
from tei_encoder.validate import rules
from tei_encoder.validate.checkers import SchemaError
from tei_encoder.validate.validator import Validator
from tei_encoder.xmlsafe import LocalDTD

XML_SUFFIXES = (".xml", ".tei")
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class FileResult:
    file: str
    diagnostics: tuple[Diagnostic, ...]
    seconds: float = 0.0

    # Asked two or three times of every file a report lists; most files have no diagnostic to look at.
    @property
    def unusable(self) -> bool:
        return bool(self.diagnostics) and any(d.rule in rules.UNUSABLE_RULES and d.severity is Severity.ERROR
                                              for d in self.diagnostics)

    @property
    def valid(self) -> bool:
        return not self.diagnostics or not any(d.severity is Severity.ERROR for d in self.diagnostics)


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
            found = xml_files_under(path)
            for document in found:
                add(document)
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


def xml_files_under(folder: Path) -> list[str]:
    """``[os.fspath(p) for p in sorted(p for p in folder.rglob("*") if p.suffix.lower() in XML_SUFFIXES and
    p.is_file())]``: the *.xml and *.tei regular files anywhere under ``folder``, in the order of their Paths.

    pathlib makes a Path of every entry and sorts them by comparing their parts (11 us a file on an
    archive of 5,000). On POSIX the same walk is done with os.scandir's names, as Python 3.11's rglob
    walks (into directories, not into links to them; an unreadable directory skipped), and the paths
    are sorted by their tuples of parts, which is how Paths compare there.
    """
    if os.name != "posix":
        return [os.fspath(p) for p in sorted(p for p in folder.rglob("*")
                                             if p.suffix.lower() in XML_SUFFIXES and p.is_file())]
    top = os.fspath(folder)
    prefix = "" if top == "." else top if top.endswith("/") else top + "/"
    found: list[tuple[tuple[str, ...], str]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(top, ())]
    while pending:
        directory, parts = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            name = entry.name
            if _is(entry, directory=True):
                pending.append((entry.path, (*parts, name)))
            elif _suffix(name).lower() in XML_SUFFIXES and _is(entry, directory=False):
                relative = (*parts, name)
                found.append((relative, prefix + "/".join(relative)))
    found.sort()
    return [path for _, path in found]


def _suffix(name: str) -> str:
    """PurePath.suffix of a file name."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


# What pathlib's is_file() and rglob's is_dir() take for "no": a missing target, a broken or looping link.
_IGNORED_ERRORS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def _is(entry: os.DirEntry[str], *, directory: bool) -> bool:
    """A directory rglob walks into (not a link to one), or a regular file (through links), as pathlib tells."""
    try:
        return entry.is_dir(follow_symlinks=False) if directory else entry.is_file()
    except OSError as error:
        if error.errno not in _IGNORED_ERRORS:
            raise
        return False


# What a forkserver imports once for every worker (parallel.ordered_map): this module, and the default schemas
# compiled (checkers.checker_for caches them for the process, so forked workers find them compiled).
WORKER_PRELOAD = ("tei_encoder.validate.preload",)

_WORKER: Validator | None = None
_WORKER_SETTINGS: tuple[object, ...] | None = None
_WORKER_ERROR: SchemaError | None = None


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


def _start_worker(schemas: Sequence[str] | None, xml_model: bool, max_errors: int | None, profile: str = "auto",
                  xinclude: bool = False, allow_dtd: LocalDTD | None = None) -> None:
    """A worker's initializer: a schema that does not compile is kept for _check to raise, so that it reaches
    the caller as the SchemaError a compile there raises (an initializer's error would print a traceback)."""
    global _WORKER_ERROR
    try:
        _initialize(schemas, xml_model, max_errors, profile, xinclude, allow_dtd)
    except SchemaError as error:
        _WORKER_ERROR = error


_DIAGNOSTIC_FIELDS = tuple(field.name for field in dataclasses.fields(Diagnostic))


def _check_in_worker(file: str) -> tuple[tuple[tuple[Any, ...], ...], float]:
    """_check in a worker, its result sent back as plain tuples (the caller knows the file): a frozen
    dataclass pickles through __getstate__, which lists its fields, 1.9 us each way; a tuple, 0.13 us."""
    result = _check(file)
    return tuple(tuple(getattr(diagnostic, name) for name in _DIAGNOSTIC_FIELDS)
                 for diagnostic in result.diagnostics), result.seconds


def _check(file: str) -> FileResult:
    if _WORKER is None:
        assert _WORKER_ERROR is not None
        raise _WORKER_ERROR
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

    Schemas are compiled in this process before the first result, so a broken schema raises SchemaError
    before any is reported (with workers, while they start).
    """
    global _WORKER
    _WORKER = None  # compile afresh on every call: a schema file may have changed since the last one
    settings = (schemas, xml_model, max_errors, profile, xinclude, allow_dtd)
    if jobs > 1 and len(files) > 1 and not distributed():
        # Spawned workers compile the schemas (in their initializer), so this process need not: a worker
        # that cannot sends the SchemaError back as its first result (_check), raised here before any
        # result; and the workers start sooner by the time a compile here took (~35 ms CPU).
        for file, (packed, seconds) in zip(files, ordered_map(_check_in_worker, files, jobs=jobs,
                                                                 initializer=_start_worker, initargs=settings,
                                                                 preload=WORKER_PRELOAD)):
            yield FileResult(file, tuple(Diagnostic(*fields) for fields in packed), seconds)
        return
    _initialize(*settings)  # a broken schema raises SchemaError here, before any work
    yield from ordered_map(_check, files, jobs=jobs, initializer=_initialize, initargs=settings)
