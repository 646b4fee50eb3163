"""The conversion pipeline: read → detect family → parse into the model → write TEI.

``encode`` is the whole pipeline for one record in memory; ``convert_paths``
runs it over files and folders on several cores, writing each result
through ``tei_encoder.files`` (a temporary file renamed into place), so a
failed record never leaves a half-written ``.xml`` and never stops the batch;
only a file that cannot be written at all (a full disk) stops it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from lxml import etree

from tei_encoder import families
from tei_encoder.config import Config
from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.files import OutputError, write_bytes
from tei_encoder.inputs import RECORD_SUFFIXES, Outcome, collect_inputs  # re-exported: the pipeline's API
from tei_encoder.model import Document
from tei_encoder.parallel import all_cores, ordered_map
from tei_encoder.source import Source, SourceError, read_source, source_from_bytes
from tei_encoder.trace import Decision, ordered, to_json
from tei_encoder.writer import serialise, tei_tree

__all__ = ["RECORD_SUFFIXES", "Outcome", "collect_inputs", "convert_file", "convert_paths", "encode",
           "encode_bytes"]


def encode(source: Source, family: str | None = None, config: Config = Config()) -> tuple[Document, bytes]:
    document, root = _encoded(source, family, config)
    return document, serialise(root)


def _encoded(source: Source, family: str | None, config: Config) -> tuple[Document, etree._Element]:
    """The document and its TEI as a tree in memory (what ``encode`` serialises)."""
    reader, choice = _family(source, family)
    document = reader.read(source, config)
    document = replace(document, trace=ordered(document.trace + (choice,)),
                       edition=config.edition_statement(source.name.rsplit(".", 1)[0]))
    return document, tei_tree(document)


# Two detectors this close have both seen their family's marks: the choice is a guess.
CLOSE_SCORE = 0.2


def _family(source: Source, name: str | None) -> tuple[families.Family, Decision]:
    """The family that reads the record, and the decision to trace (on the whole record's lines)."""
    span = (1, source.lines[-1].number) if source.lines else (0, 0)
    if name:
        return families.by_name(name), Decision("family", "named-by-user", *span, "family", None, True, name)
    (best, score), (runner_up, second) = families.ranked(source)[:2]
    close = score - second < CLOSE_SCORE
    detail = f"{best.name} ({score:.2f}; next {runner_up.name}, {second:.2f})"
    return best, Decision("family", "highest-score", *span, "family", None, not close, detail)


def encode_bytes(data: bytes, name: str = "record.txt", family: str | None = None,
                 config: Config = Config()) -> bytes:
    """Convenience for tests and callers holding text in memory."""
    return encode(source_from_bytes(data, name), family, config)[1]


def convert_file(path: Path, out_dir: Path, family: str | None = None, validate: bool = False,
                 trace_dir: Path | None = None, config: Config = Config()) -> Outcome:
    """Convert one record into ``out_dir/<stem>.xml`` (and, given ``trace_dir``, its decision trace
    into ``trace_dir/<stem>.trace.json``)."""
    try:
        source = read_source(path)
        document, root = _encoded(source, family, config)
    except SourceError as error:
        return Outcome(str(path), error=str(error))
    target = out_dir / f"{path.stem}.xml"
    tei = serialise(root)
    # Self-check before writing: the encoder must never leave TEI its own validator rejects
    # claimed as converted (the project's XSD + Schematron: about a tenth of the conversion time).
    diagnostics = _self_check(root, tei, str(target), validate)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        return Outcome(str(path), error=_not_valid(errors), family=document.family, size=len(source.raw))
    write_bytes(target, tei)
    if trace_dir is not None:
        write_bytes(trace_dir / f"{path.stem}.trace.json", to_json(path.name, document.trace, document.spans))
    warnings = tuple(replace(warning, file=str(path)) for warning in source.warnings + document.warnings)
    return Outcome(str(path), str(target), family=document.family, warnings=warnings,
                   size=len(source.raw), diagnostics=diagnostics if validate else (), trace=document.trace,
                   spans=document.spans)


def _self_check(root: etree._Element, tei: bytes, file: str, every_finding: bool) -> tuple[Diagnostic, ...]:
    """The validator's findings on the TEI about to be written to ``file``.

    Unless every finding is to be shown (``--validate``), only whether there is an error matters:
    the tree in memory is checked, without parsing its bytes back. A tree with an error, like
    every finding shown, is checked from its bytes, so that each finding names its line.
    """
    if not every_finding:
        found = _validator().validate_written(root, tei, file)
        if not any(d.severity is Severity.ERROR for d in found):
            return tuple(found)
    return tuple(_validator().validate_bytes(tei, file))


def _not_valid(errors: list[Diagnostic]) -> str:
    first = errors[0]
    where = f"line {first.line}: " if first.line is not None else ""
    others = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return (f"not written: its TEI would fail the project's validator{others}; "
            f"first: {where}{first.rule}: {' '.join(first.message.split())}")


_VALIDATOR = None


def _validator():  # the project's schemas, compiled once per process (each worker has its own)
    global _VALIDATOR
    if _VALIDATOR is None:
        from tei_encoder.validate import Validator

        _VALIDATOR = Validator()
    return _VALIDATOR


def _convert_one(job: tuple[Path, Path, str | None, bool, Path | None, Config]) -> Outcome:
    path, out_dir, family, validate, trace_dir, config = job
    try:
        return convert_file(path, out_dir, family, validate, trace_dir, config)
    except OutputError:  # the output cannot be written (a full disk): the batch stops, the command says why
        raise
    except Exception as error:  # an internal error must not stop the batch
        return Outcome(str(path), error=f"internal error: {error.__class__.__name__}: {error}")


def _start_worker() -> None:
    _validator()  # the project's schemas, compiled once per worker before its first record


def convert_paths(files: Iterable[Path], out_dir: Path, *, jobs: int | None = None,
                  family: str | None = None, validate: bool = False,
                  trace_dir: Path | None = None, config: Config = Config()) -> Iterator[Outcome]:
    """Convert each file into ``out_dir`` (and validate what was written); outcomes in input order.

    ``jobs``: worker processes (default: all cores; see ``tei_encoder.parallel``).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if trace_dir is not None:
        trace_dir.mkdir(parents=True, exist_ok=True)
    work = [(path, out_dir, family, validate, trace_dir, config) for path in files]  # the config pickles to every worker
    yield from ordered_map(_convert_one, work, jobs=jobs or all_cores(), initializer=_start_worker,
                           min_parallel=4)
