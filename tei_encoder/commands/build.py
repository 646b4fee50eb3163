"""``tei-encoder build [SOURCE_DIR] --out DIR``: the whole pipeline over a folder of records.

convert (each record → DIR/tei/<stem>.xml, validated as it is written against
the project's XSD and Schematron, and its decision trace → DIR/trace/<stem>.trace.json) → render
(DIR/<stem>.html, index, persons, plain text, and DIR/validation.html with every diagnostic), each
record's proof page DIR/<stem>.proof.html and the review pages (review.html). With no
SOURCE_DIR it builds the bundled sample records into ./site/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lxml import etree

from tei_encoder.commands.convert import (add_batch_options, convert_all, exit_status,
                                          source_folder_clash)
from tei_encoder.commands.options import DEFAULT_TITLE, read_config, site_title
from tei_encoder.commands.progress import say
from tei_encoder.commands.render import track_documents
from tei_encoder.diagnostics import Severity, printable
from tei_encoder.files import OutputError, output_folder
from tei_encoder.pipeline import Outcome
from tei_encoder.resources import seeds_dir

REPORT_PAGE = "validation.html"
COLUMNS = ("Record", "Family", "Result", "Findings")  # of the report's table


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, metavar="SOURCE_DIR",
                        help="folder of plain-text records (default: the bundled seeds)")
    parser.add_argument("--out", "-o", type=Path, default=Path("site"), metavar="DIR",
                        help="output folder (default: ./site)")
    parser.add_argument("--title", default=None, help="the edition's name on every page (default: the project "
                                                      f"file's edition title, else the title the TEI headers give "
                                                      f"the edition, else '{DEFAULT_TITLE}')")
    add_batch_options(parser)


def run(args: argparse.Namespace) -> int:
    clash = source_folder_clash([args.source or seeds_dir()], args.out / "tei")
    if clash is not None:
        print(printable(f"tei-encoder: {clash}"), file=sys.stderr)
        return 2
    try:
        with output_folder(args.out):  # one build at a time writes into a site
            return _build(args)
    except OutputError as error:
        print(printable(f"tei-encoder: {error}"), file=sys.stderr)
        return error.exit_status


def _build(args: argparse.Namespace) -> int:
    from tei_encoder.render import DocumentStatus, ExtraPage, render_site
    from tei_encoder.render.names import page_names
    from tei_encoder.render.proof import back_links, write_proof
    from tei_encoder.render.review import REVIEW_PAGE, guess_counts, page_files, review_pages
    from tei_encoder.render.site import untracked

    from tei_encoder.files import write_bytes
    from tei_encoder.writer.personography import PERSONS_FILE, personography_of_files

    source = args.source or seeds_dir()
    config = read_config(args, *([args.source] if args.source else []))  # the source folder's project file
    if config is None:
        return 2
    # The site may lie inside its source (build . --out site): its own plain-text views are no records.
    outcomes = convert_all([source], args.out / "tei", jobs=args.jobs, family=args.family,
                           quiet=args.quiet, validate=True, exclude=args.out, trace_dir=args.out / "trace",
                           config=config)
    written = [outcome for outcome in outcomes if outcome.ok and outcome.output]
    if written:  # everyone the corpus names, one id each (issue 11 section 1)
        write_bytes(args.out / "tei" / PERSONS_FILE, personography_of_files(
            [Path(o.output) for o in written if o.output], config.edition_statement("persons")))
    statuses = {Path(o.output).stem: _status(o, DocumentStatus) for o in written if o.output}
    report = ExtraPage(REPORT_PAGE, "Validation report", _report(outcomes), nav_label="Validation")
    title = site_title(args, config)
    # Each record's proof page (issue 14), and every guess of the edition on the review pages.
    reviews = page_files(guess_counts(o.trace for o in written))
    names = page_names([Path(o.output or "").stem for o in written], [Path(REPORT_PAGE).stem]
                       + [Path(name).stem for name in reviews])
    nav = (("Validation", REPORT_PAGE), ("Review", REVIEW_PAGE))  # as render_site links its extra pages
    traced = [write_proof(args.out, name, Path(o.source), o.trace, title or DEFAULT_TITLE, nav)
              for name, o in zip(names, written)]
    pages = [ExtraPage(page.filename, page.title, page.content,
                       nav_label="Review" if page.filename == REVIEW_PAGE else None)
             for page in review_pages(traced)]
    site = render_site([Path(o.output) for o in written if o.output], args.out, extra_pages=[report, *pages],
                       statuses=statuses, jobs=args.jobs, site_title=title,
                       track=untracked if args.quiet else track_documents,  # --quiet: no bar here either
                       proofs={name: back_links(o.trace) for name, o in zip(names, written)})
    for diagnostic in site.diagnostics:
        say(diagnostic.one_line())
    failed = len(outcomes) - len(written)
    invalid = sum(outcome.invalid for outcome in written)
    if not args.quiet:
        origin = source if args.source else "the bundled seeds"
        print(printable(f"tei-encoder: built {len(site.documents)} of {len(outcomes)} records from {origin} into "
                        f"{args.out}: {len(written) - invalid} valid TEI files in {args.out / 'tei'}, "
                        f"{failed} failed, {invalid} invalid; open {args.out / 'index.html'}"), file=sys.stderr)
    return max(exit_status(outcomes), 1 if site.diagnostics else 0)


def _status(outcome: Outcome, make):  # type: ignore[no-untyped-def]
    errors = sum(d.severity is Severity.ERROR for d in outcome.diagnostics)
    warnings = len(outcome.diagnostics) - errors
    anchor = f"{REPORT_PAGE}#{_anchor(outcome)}"
    if errors:
        return make(f"{errors} error{'s' * (errors != 1)}", "error", anchor)
    if warnings:
        return make(f"valid, {warnings} warning{'s' * (warnings != 1)}", "warning", anchor)
    return make("valid", "ok", anchor)


def _anchor(outcome: Outcome) -> str:
    return "v-" + Path(outcome.output or outcome.source).stem


def _report(outcomes: list[Outcome]) -> etree._Element:
    """The validation report as an HTML fragment: a summary, then one section per record."""
    root = etree.Element("div", {"class": "validation-report"})
    invalid = sum(o.invalid for o in outcomes)
    failed = sum(not o.ok for o in outcomes)
    summary = etree.SubElement(root, "p")
    summary.text = (f"{len(outcomes)} records: {len(outcomes) - failed - invalid} valid, {invalid} invalid, "
                    f"{failed} not converted. Each TEI file was checked against tei-encoder's XSD and "
                    "Schematron as it was written.")
    table = etree.SubElement(root, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for label in COLUMNS:
        etree.SubElement(head, "th", {"scope": "col"}).text = label
    body = etree.SubElement(table, "tbody")
    for outcome in outcomes:
        row = etree.SubElement(body, "tr", {"id": _anchor(outcome)})
        # data-label: a phone shows each cell under its column's name (the rows stack there).
        record, family, result, findings = (etree.SubElement(row, "td", {"data-label": label}) for label in COLUMNS)
        record.text = Path(outcome.source).name
        family.text = outcome.family or "—"
        if outcome.error:
            result.text = "not converted"
            findings.text = outcome.error
            continue
        result.text = "invalid" if outcome.invalid else "valid"
        if not outcome.diagnostics:
            findings.text = "none"
            continue
        items = etree.SubElement(findings, "ul")
        for diagnostic in outcome.diagnostics:
            etree.SubElement(items, "li").text = (
                f"line {diagnostic.line or '?'}: {diagnostic.severity.value} [{diagnostic.rule}] "
                f"{diagnostic.message}")
    return root
