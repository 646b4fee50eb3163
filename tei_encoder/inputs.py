"""What a batch command works on: the record files under its paths, and what happened to each.

Kept apart from the conversion pipeline (pipeline.py) so that a command that only needs to find its
records, or to know what an earlier run did with them (``build`` with nothing to convert), does not
import the readers, families and writer.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.trace import Decision, Span

RECORD_SUFFIXES = (".txt",)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: written to ``output``, or failed with ``error``."""

    source: str
    output: str | None = None
    error: str | None = None
    family: str | None = None
    warnings: tuple[Diagnostic, ...] = ()  # the encoder's, each naming the input file and its line
    size: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()  # the validator's findings on the written TEI
    trace: tuple[Decision, ...] = ()  # the encoder's decisions (tei_encoder.trace), by source line
    spans: tuple[Span, ...] = ()  # the source lines of each unit of the body, by its xml:id
    unusable: bool = False  # the path named no record at all (missing, or a folder without any): exit status 2

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def invalid(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def collect_inputs(paths: Sequence[Path], exclude: Path | None = None) -> tuple[list[Path], list[Outcome]]:
    """Expand folders into their records (``*.txt``, recursively, sorted); report unusable paths.

    A folder's records never include what lies in ``exclude`` (the output folder) when that is a
    subfolder of it: a site's own plain-text views must not be read back as records when it is
    built inside its source. (An output folder that is the source folder itself excludes nothing.)
    """
    files, problems = record_files(paths, exclude)
    return [Path(file) for file in files], problems


def record_files(paths: Sequence[Path], exclude: Path | None = None) -> tuple[list[str], list[Outcome]]:
    """What ``collect_inputs`` finds, each record as the string of its Path: ``build`` looks at every record
    of a large edition on each run, and making 10,000 Path objects (and asking each for its stem) cost it
    about a tenth of a second."""
    files: list[str] = []
    problems: list[Outcome] = []
    seen_stems: dict[str, str] = {}
    for path in paths:
        if path.is_dir():
            skipped = _subfolder(exclude, path)
            found = [p for p in _files_under(path) if not _inside(p, skipped)]
            if not found:
                problems.append(Outcome(str(path), error="no records (*.txt files) in this folder", unusable=True))
            candidates = found
        elif path.exists():
            candidates = [str(path)]
        else:
            problems.append(Outcome(str(path), error="no such file or folder", unusable=True))
            continue
        for candidate in candidates:
            stem = stem_of(candidate)
            earlier = seen_stems.get(stem)
            if earlier is not None and Path(earlier).resolve() != Path(candidate).resolve():
                problems.append(Outcome(candidate, error=(
                    f"its output {stem}.xml would overwrite the output of {earlier}")))
                continue
            if earlier is None:
                seen_stems[stem] = candidate
                files.append(candidate)
    return files, problems


def stem_of(path: str) -> str:
    """``Path(path).stem`` of a path string as ``record_files`` gives them (no trailing separator)."""
    name = path.rpartition(os.sep)[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _subfolder(folder: Path | None, parent: Path) -> Path | None:
    """``folder``, resolved, if it lies strictly inside ``parent``."""
    if folder is None:
        return None
    folder, parent = folder.resolve(), parent.resolve()
    return folder if folder != parent and folder.is_relative_to(parent) else None


def _files_under(folder: Path) -> list[str]:
    """The record files under ``folder``, in path order: what ``sorted(folder.rglob("*"))`` gives that is a file
    (symbolic links followed, but no linked folder entered) with a record suffix and a name not hidden, found
    with ``os.scandir`` and sorted by their parts (Path objects compare slowly: 10,000 records took a second),
    each as ``str(Path)`` of it (the folder's own string as Path spells it, then the names)."""
    found: list[tuple[tuple[str, ...], str]] = []  # (parts, entry path)
    pending: list[tuple[tuple[str, ...], str]] = [((), str(folder))]
    while pending:
        parts, current = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir() and not entry.is_symlink():
                    pending.append(((*parts, entry.name), entry.path))
                elif (entry.is_file() and os.path.splitext(entry.name)[1].lower() in RECORD_SUFFIXES
                      and not entry.name.startswith(".")):
                    found.append(((*parts, entry.name), entry.path))
    found.sort(key=lambda item: item[0])
    top = str(folder)  # Path's spelling: what str(Path(entry.path)) gave, without making a Path per record
    return [os.path.join(top, *parts) if top != "." else os.path.join(*parts) for parts, _ in found]


def _inside(path: str, folder: Path | None) -> bool:
    return folder is not None and Path(path).resolve().is_relative_to(folder)
