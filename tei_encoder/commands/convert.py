"""``tei-encoder convert PATH... --out DIR``: plain-text records → TEI files."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from tei_encoder.commands.options import FAMILY_NAMES, add_config, add_jobs, read_config
from tei_encoder.config import Config
from tei_encoder.commands.progress import progress, say
from tei_encoder.diagnostics import Diagnostic, Severity, Summary, printable
from tei_encoder.files import OutputError, make_folder, output_folder
from tei_encoder.inputs import Outcome, collect_inputs


FORMATS = ("text", "json")
NOT_CONVERTED = "not-converted"  # the rule id of a record that could not be converted (its message says why)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="record files or folders")
    parser.add_argument("--out", "-o", type=Path, required=True, metavar="DIR", help="output folder")
    parser.add_argument("--validate", action="store_true",
                        help="check each written file against the project's schemas; exit 1 if any is invalid")
    parser.add_argument("--format", "-f", choices=FORMATS, default="text",
                        help="text (default): one line per failure and warning on stderr; json: one report on "
                             "stdout with every record's failure, warnings and findings (validate's JSON format)")
    parser.add_argument("--trace", action="store_true",
                        help="also write DIR/<stem>.trace.json: every decision the encoder made, by source line, "
                             "and whether it is a guess")
    parser.add_argument("--strict", action="store_true", help="warnings make the exit status 1")
    add_batch_options(parser)


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    add_jobs(parser)
    add_config(parser)
    parser.add_argument("--family", choices=FAMILY_NAMES,
                        help="use this record family instead of detecting it")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")


def run(args: argparse.Namespace) -> int:
    as_json = args.format == "json"
    clash = source_folder_clash(args.paths, args.out)
    if clash is not None:
        print(printable(f"tei-encoder: {clash}"), file=sys.stderr)
        return 2
    config = read_config(args)
    if config is None:
        return 2
    try:
        with output_folder(args.out):
            outcomes = convert_all(args.paths, args.out, jobs=args.jobs, family=args.family, quiet=args.quiet,
                                   validate=args.validate, lines=not as_json,
                                   trace_dir=args.out if args.trace else None, config=config)
    except OutputError as error:
        print(printable(f"tei-encoder: {error}"), file=sys.stderr)
        return error.exit_status
    failed = sum(not outcome.ok for outcome in outcomes)
    invalid = sum(outcome.invalid for outcome in outcomes)
    if not args.quiet:
        print(printable(f"tei-encoder: converted {len(outcomes) - failed} of {len(outcomes)} records into {args.out}"
                        + (f"; {failed} failed" if failed else "")
                        + (f"; {invalid} invalid" if invalid else ("; all valid" if args.validate else ""))),
              file=sys.stderr)
    if as_json:
        write_json(outcomes, sys.stdout)
    return exit_status(outcomes, strict=args.strict)


def exit_status(outcomes: list[Outcome], *, strict: bool = False) -> int:
    """2 when a path named no record, 1 when a record failed or is invalid (or, ``strict``, warned), else 0."""
    if any(outcome.unusable for outcome in outcomes):
        return 2
    if any(not outcome.ok or outcome.invalid for outcome in outcomes):
        return 1
    return 1 if strict and any(_warned(outcome) for outcome in outcomes) else 0


def _warned(outcome: Outcome) -> bool:
    return bool(outcome.warnings) or any(d.severity is Severity.WARNING for d in outcome.diagnostics)


def source_folder_clash(paths: list[Path], tei_folder: Path) -> str | None:
    """Why the TEI must not go to ``tei_folder``: it is the folder that holds the sources (a folder named,
    or a named record's folder), where TEI and records would mix. None when it is another folder."""
    target = tei_folder.resolve()
    for path in paths:
        folder = path if path.is_dir() else path.parent
        if path.exists() and folder.resolve() == target:
            return (f"{tei_folder}: this is the folder that holds the sources ({path}); "
                    "write the TEI into another folder")
    return None


def write_json(outcomes: list[Outcome], stream: TextIO) -> None:
    """The batch as validate's JSON report: a record is a file, its failure and warnings its diagnostics."""
    from tei_encoder import __version__
    from tei_encoder.report.json import JsonReporter
    from tei_encoder.validate.batch import FileResult

    reporter = JsonReporter(stream, tool_version=__version__)
    summary = Summary()
    for outcome in outcomes:
        reporter.file(FileResult(_shown(outcome.source), _diagnostics(outcome)))
        summary.done += 1
        summary.failed += not outcome.ok or outcome.invalid
    reporter.finish(summary)


def _diagnostics(outcome: Outcome) -> tuple[Diagnostic, ...]:
    warnings = tuple(replace(warning, file=_shown(warning.file)) for warning in outcome.warnings)
    if outcome.error is None:
        return warnings + outcome.diagnostics
    failure = Diagnostic(_shown(outcome.source), outcome.error, NOT_CONVERTED, source="tei-encoder")
    return (failure,) + warnings


def convert_all(paths: list[Path], out: Path, *, jobs: int, family: str | None, quiet: bool,
                validate: bool = False, exclude: Path | None = None, lines: bool = True,
                trace_dir: Path | None = None, config: Config = Config()) -> list[Outcome]:
    """Convert, printing (``lines``) one line per failure (and warnings unless quiet); return every outcome.

    Records are never looked for under ``exclude`` (default: ``out``), the folder being written.
    """
    from tei_encoder.pipeline import convert_paths  # the readers and writer: loaded by the commands that convert

    files, problems = collect_inputs(paths, exclude=exclude or out)
    for problem in problems:
        if lines:
            report(problem, quiet)
    outcomes = list(problems)
    if files:
        make_folder(out)  # OutputError (exit status 2) when it is a file or cannot be made
        for outcome in progress(convert_paths(files, out, jobs=jobs, family=family, validate=validate,
                                              trace_dir=trace_dir, config=config),
                                len(files), "converting", quiet=quiet):
            if lines:
                report(outcome, quiet)
            outcomes.append(outcome)
    return outcomes


def report(outcome: Outcome, quiet: bool) -> None:
    if outcome.error:
        say(printable(f"tei-encoder: {_shown(outcome.source)}: {outcome.error}"))
        return
    for diagnostic in outcome.diagnostics:
        if diagnostic.severity is Severity.ERROR or not quiet:
            say(diagnostic.one_line())
    if not quiet:
        for warning in outcome.warnings:
            say(replace(warning, file=_shown(warning.file)).one_line())


def _shown(path: str) -> str:
    """A path as the user knows it: the bundled seeds as seeds/NAME, not inside site-packages."""
    parts = Path(path).parts
    if "_data" in parts and parts[-2:-1] == ("seeds",):
        return f"seeds/{parts[-1]}"
    return path
