"""``review.html``: every guess of an edition, grouped by kind and rule, for an editor to review.

``review.html`` counts the guesses by kind and rule and links to one page per kind
(``review-turn.html``, ``review-person.html`` …); a kind with more than ``PAGE_SIZE`` guesses goes
on over further pages (``review-person-2.html``), as the index and persons pages of a large edition
do. Each guess is one row: the record, its lines (a link to the proof page line), what it produced
and what was decided (for a person merge, the forms merged). Rows of the same rule and the same
decision sit together (all merges of ``Stalin = Generalissimo Stalin`` across the records), then
by record and line. The pages are extra pages in the site's frame (``render.ExtraPage``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from tei_encoder.render.proof import RecordTrace, proof_href
from tei_encoder.trace import KINDS, Decision

REVIEW_PAGE = "review.html"
PAGE_SIZE = 2000  # rows per page: a kind of guess in a 5,000-record edition runs to tens of thousands


@dataclass(frozen=True, slots=True)
class ReviewPage:
    filename: str
    title: str
    content: etree._Element


def page_files(counts: Counter[str]) -> list[str]:
    """The review pages' file names for these guess counts per kind: known before any page is made,
    so that record pages can be named around them."""
    names = [REVIEW_PAGE]
    for kind in KINDS:
        pages = -(-counts.get(kind, 0) // PAGE_SIZE)
        names += [_file(kind, number) for number in range(1, pages + 1)]
    return names


def guess_counts(traces: Iterable[Sequence[Decision]]) -> Counter[str]:
    return Counter(d.kind for decisions in traces for d in decisions if not d.certain)


def _file(kind: str, number: int) -> str:
    return f"review-{kind}.html" if number == 1 else f"review-{kind}-{number}.html"


def review_pages(records: Sequence[RecordTrace]) -> list[ReviewPage]:
    """The summary page, then each kind's pages, in KINDS order; every guess in exactly one row."""
    rows = [(record, d) for record in records for d in record.decisions if not d.certain]
    by_kind = {kind: sorted((row for row in rows if row[1].kind == kind), key=_row_order) for kind in KINDS}
    pages = [ReviewPage(REVIEW_PAGE, "Guesses to review", _summary(by_kind))]
    for kind, items in by_kind.items():
        chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)]
        for number, chunk in enumerate(chunks, 1):
            title = f"Guesses to review: {kind}" + (f" (page {number} of {len(chunks)})" if len(chunks) > 1 else "")
            pages.append(ReviewPage(_file(kind, number), title, _kind_page(kind, number, len(chunks), chunk)))
    return pages


def _row_order(row: tuple[RecordTrace, Decision]) -> tuple[str, str, str, int]:
    record, decision = row
    return decision.rule, decision.detail if decision.kind == "person" else "", record.stem, decision.first_line


def _summary(by_kind: dict[str, list[tuple[RecordTrace, Decision]]]) -> etree._Element:
    root = etree.Element("div", {"class": "review"})
    total = sum(len(items) for items in by_kind.values())
    etree.SubElement(root, "p").text = (
        f"{total} guesses to review. Each kind has a page of its own; each guess links to the line of "
        "its record's proof page where it was made, and the proof page links on to the reading.")
    table = etree.SubElement(root, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for label in ("Kind", "Rule", "Guesses", "Records"):
        etree.SubElement(head, "th", {"scope": "col"}).text = label
    body = etree.SubElement(table, "tbody")
    for kind, items in by_kind.items():
        rules = Counter(decision.rule for _, decision in items)
        for rule, count in sorted(rules.items()):
            row = etree.SubElement(body, "tr")
            etree.SubElement(etree.SubElement(row, "td"), "a", {"href": f"{_file(kind, 1)}#g-{rule}"}).text = kind
            etree.SubElement(row, "td").text = rule
            etree.SubElement(row, "td").text = str(count)
            etree.SubElement(row, "td").text = str(len({r.stem for r, d in items if d.rule == rule}))
    return root


def _kind_page(kind: str, number: int, pages: int, items: list[tuple[RecordTrace, Decision]]) -> etree._Element:
    root = etree.Element("div", {"class": "review"})
    nav = etree.SubElement(root, "p")
    etree.SubElement(nav, "a", {"href": REVIEW_PAGE}).text = "All kinds of guess"
    if pages > 1:
        nav[-1].tail = f" · page {number} of {pages}: "
        for other in range(1, pages + 1):
            link = etree.SubElement(nav, "a", {"href": _file(kind, other)})
            link.text = str(other)
            link.tail = " "
            if other == number:
                link.set("aria-current", "page")
    for rule in sorted({decision.rule for _, decision in items}):
        rows = [(record, decision) for record, decision in items if decision.rule == rule]
        section = etree.SubElement(root, "section", {"id": f"g-{rule}", "class": "review-group"})
        etree.SubElement(section, "h2").text = f"{kind} · {rule} ({len(rows)} on this page)"
        _table(section, rows)
    return root


def _table(section: etree._Element, rows: list[tuple[RecordTrace, Decision]]) -> None:
    table = etree.SubElement(section, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for label in ("Record", "Lines", "Produced", "What was decided"):
        etree.SubElement(head, "th", {"scope": "col"}).text = label
    body = etree.SubElement(table, "tbody")
    for record, decision in rows:
        row = etree.SubElement(body, "tr", {"class": "guess"})
        etree.SubElement(row, "td").text = record.title
        span = (f"line {decision.first_line}" if decision.last_line == decision.first_line
                else f"lines {decision.first_line}–{decision.last_line}")
        etree.SubElement(etree.SubElement(row, "td"), "a", {
            "href": proof_href(record.stem, max(decision.first_line, 1)), "class": "review-mark"}).text = (
            f"{record.stem}, {span}" if decision.first_line > 0 else f"{record.stem} (the whole record)")
        etree.SubElement(row, "td").text = decision.produced + (f" #{decision.target_id}" if decision.target_id
                                                                else "")
        etree.SubElement(row, "td").text = decision.detail
