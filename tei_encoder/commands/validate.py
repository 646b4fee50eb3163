"""``tei-encoder validate PATH... [options]``: check TEI files against the project's schema or any other.

Exit status: 0 all valid, 1 any invalid (including refused or malformed
files), 2 unreadable input, unusable schema or usage error. A user's file
never causes a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import os
import stat
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from tei_encoder import __version__
from tei_encoder.commands.options import add_config, add_dtd, add_jobs, local_dtd, missing_dtd_paths, read_config
from tei_encoder.commands.progress import beside_bar, progress
from tei_encoder.diagnostics import Severity, Summary, printable
from tei_encoder.files import OutputError, text_writer
from tei_encoder.parallel import prepare_workers

if TYPE_CHECKING:
    from tei_encoder.validate.batch import FileResult

NAME = "validate"
HELP = "check TEI files against the project's XSD + Schematron (or any .xsd, .rng, .sch)"

FORMATS = ("text", "json", "junit", "github", "sarif")


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="TEI files, directories (searched for *.xml and *.tei) or glob patterns")
    parser.add_argument("--schema", action="append", metavar="FILE", default=None,
                        help="check against this .xsd, .rng or .sch instead of the project's schema (repeatable); "
                             "'tei_all' names the file $TEI_ALL_RNG points to")
    parser.add_argument("--profile", choices=("auto", "tei-encoder"), default="auto",
                        help="without --schema: 'auto' (default) checks tei-encoder's TEI against the project's "
                             "profile and anyone else's against tei_all ($TEI_ALL_RNG); 'tei-encoder' applies the "
                             "profile to every file")
    parser.add_argument("--xml-model", dest="xml_model", action="store_true", default=False,
                        help="also check against the schemas a document names in <?xml-model?> (only regular "
                             "files inside the document's folder)")
    parser.add_argument("--xinclude", action="store_true",
                        help="resolve xi:include elements, from files under the input's folder only "
                             "(a URL, a file elsewhere or a named pipe is refused with one line)")
    add_dtd(parser)
    parser.add_argument("--no-xml-model", dest="xml_model", action="store_false",
                        help=argparse.SUPPRESS)  # the default since --xml-model exists; kept for old scripts
    parser.add_argument("--format", "-f", choices=FORMATS, default="text", help="report format (default: text)")
    parser.add_argument("--out", "-o", "--output", dest="output", metavar="FILE",
                        help="write the report to FILE instead of standard output (--output: the older spelling)")
    parser.add_argument("--strict", action="store_true", help="warnings make the exit status 1")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bar; the text report shows errors only (and the summary line)")
    add_jobs(parser)
    add_config(parser)  # read and checked like every command's, so a broken project file is never ignored
    parser.add_argument("--max-errors", type=_non_negative, default=100, metavar="N",
                        help="show at most N diagnostics per file (default: 100; 0 shows none, only counts)")
    parser.add_argument("--no-progress", dest="progress", action="store_false",
                        help="no progress bar (it is shown only when standard error is a terminal anyway)")


def run(args: argparse.Namespace) -> int:
    from tei_encoder.validate.batch import WORKER_PRELOAD, expand_paths

    if read_config(args) is None:
        return 2
    for problem in missing_dtd_paths(args):
        print(printable(f"tei-encoder validate: {problem}"), file=sys.stderr)
        return 2
    if args.jobs > 1 and _may_name_several(args.paths):
        prepare_workers(WORKER_PRELOAD)  # the workers' server starts while the files are listed
    files, missing = expand_paths(args.paths)
    if args.output and _names_an_input(args.output, files):
        print(printable(f"tei-encoder validate: {args.output}: the report would overwrite a file being "
                        "validated; choose another --output"), file=sys.stderr)
        return 2
    if args.output and os.path.isdir(args.output):
        print(printable(f"tei-encoder validate: cannot write {args.output}: it is a folder"), file=sys.stderr)
        return 2
    try:
        with contextlib.ExitStack() as outputs:
            # The report replaces FILE only once it is complete (see tei_encoder.files).
            stream = outputs.enter_context(text_writer(args.output)) if args.output else sys.stdout
            return _validate(args, files, missing, stream)
    except OutputError as error:
        print(printable(f"tei-encoder validate: {error}"), file=sys.stderr)
        return error.exit_status


def _may_name_several(paths: Sequence[str]) -> bool:
    """The arguments may name more than one file (a folder, a pattern, or several): workers are likely."""
    return len(paths) > 1 or any(os.path.isdir(path) or not os.path.exists(path) for path in paths)


def _names_an_input(output: str, files: list[str]) -> bool:
    """``os.path.samefile(output, name)`` for some existing file, with the output's status read once and
    each file's once (samefile and exists read both every time: three system calls a file).

    Only a regular file can be overwritten: a report sent to a device or a pipe (``--output /dev/null``)
    replaces no input's bytes, so the inputs are not read for it (a system call each, 13 ms on 5,000 files,
    before the first file is checked).
    """
    try:
        written = os.stat(output)
    except OSError:
        return False
    if not stat.S_ISREG(written.st_mode):
        return False
    for name in files:
        try:
            if os.path.samestat(written, os.stat(name)):
                return True
        except OSError:
            continue
    return False


def _validate(args: argparse.Namespace, files: list[str], missing, stream: TextIO) -> int:  # type: ignore[no-untyped-def]
    from tei_encoder.report import REPORTERS
    from tei_encoder.validate import SchemaError
    from tei_encoder.validate.batch import check_files

    summary = Summary()
    try:
        reporter = REPORTERS[args.format](stream, tool_version=__version__)
        try:
            results = check_files(files, schemas=args.schema, jobs=args.jobs, xml_model=args.xml_model,
                                  max_errors=args.max_errors, profile=args.profile, xinclude=args.xinclude,
                                  allow_dtd=local_dtd(args))
            # Compile before reporting anything, so that a broken schema stops the run cleanly.
            first = next(results, None)
        except SchemaError as error:
            print(printable(f"tei-encoder validate: {error}"), file=sys.stderr)
            return 2
        for result in missing:
            reporter.file(result)
            summary.done += 1
            summary.unusable += 1
        stream_results = ([first] if first is not None else [])
        checked = itertools.chain(stream_results, results)
        for result in progress(checked, len(files), "validating", quiet=args.quiet or not args.progress, unit="file"):
            with beside_bar(stream):  # a report on the terminal must not be glued to the bar
                reporter.file(_errors_only(result) if args.quiet and args.format == "text" else result)
            summary.done += 1
            if result.unusable:
                summary.unusable += 1
            elif not result.valid or (args.strict and _warned(result)):
                summary.failed += 1
        reporter.finish(summary)
    finally:
        if stream is sys.stdout:
            stream.flush()
    return summary.exit_code()


def _warned(result: FileResult) -> bool:
    return any(d.severity is Severity.WARNING for d in result.diagnostics)


def _errors_only(result: FileResult) -> FileResult:
    return dataclasses.replace(result, diagnostics=tuple(d for d in result.diagnostics
                                                         if d.severity is Severity.ERROR))


def main(argv: Sequence[str] | None = None) -> int:
    """Run this command alone (``python -m tei_encoder.commands.validate``), as ``tei-encoder validate`` does."""
    parser = argparse.ArgumentParser(prog="tei-encoder validate", description=HELP)
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("tei-encoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
