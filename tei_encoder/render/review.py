"""The review pages: every guess of an edition, grouped by kind and rule, for an editor to review.

``review.html`` counts the guesses by kind and rule. While the edition's records with guesses fit in
one group (``GROUP_SIZE``), each kind has one page (``review-turn.html``, going on over
``review-turn-2.html`` … past ``PAGE_SIZE`` rows). A larger edition's records are grouped as the
search shards are (a year, a month of a busy year, a hash within a busy month: build/search.py), and
each kind has a page per group (``review-turn-1950.html``, past ``PAGE_SIZE`` rows going on over
``review-turn-1950-p2.html``), listed by rule on ``review-turn.html``. No page grows with the corpus,
and an edit rewrites only the pages of its record's group (and the summaries).

Each guess is one row: the record, its lines (a link to the proof page line), what it produced and
what was decided (for a person merge, the forms merged). Rows of the same rule and the same decision
sit together (all merges of ``Stalin = Generalissimo Stalin`` across a group's records), then by
record and line. A row depends on its record alone, so it is made once, when the record is built
(``guess_rows``), and stored; the pages are laid out from the stored rows a page at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from lxml import etree

from tei_encoder.render.proof import RecordTrace, proof_href
from tei_encoder.trace import KINDS, Decision

REVIEW_PAGE = "review.html"
PAGE_SIZE = 2000  # rows per page: a kind of guess in a 5,000-record edition runs to tens of thousands
GROUP_SIZE = 250  # records with guesses the pages of a kind take in while the edition is one group


@dataclass(frozen=True, slots=True)
class ReviewPage:
    filename: str
    title: str
    content: etree._Element


@dataclass(frozen=True, slots=True)
class GuessRow:
    """One guess as the pages list it: the sort keys and its table row."""

    kind: str
    rule: str
    order: str  # rows of the same rule sit together by this (a person merge: the forms merged)
    stem: str
    line: int
    row: bytes  # its <tr>


@dataclass(frozen=True, slots=True)
class RuleCount:
    """How many guesses of a kind and rule a group holds, and in how many records."""

    kind: str
    group: str
    rule: str
    guesses: int
    records: int


def guess_rows(record: RecordTrace) -> list[GuessRow]:
    """A record's guesses as rows, in its order of decisions."""
    return [GuessRow(d.kind, d.rule, d.detail if d.kind == "person" else "", record.stem, d.first_line,
                     etree.tostring(_row(record, d), encoding="utf-8"))
            for d in record.decisions if not d.certain]


def kind_file(kind: str, group: str = "", number: int = 1) -> str:
    """A kind's page ``number`` of a group ('' while the edition is one group)."""
    base = f"review-{kind}" + (f"-{group}" if group else "")
    if number == 1:
        return f"{base}.html"
    return f"{base}-p{number}.html" if group else f"{base}-{number}.html"


def page_files(counts: Counter[str]) -> list[str]:
    """The review pages' file names for these guess counts per kind, while the edition is one group."""
    names = [REVIEW_PAGE]
    for kind in KINDS:
        names += [kind_file(kind, "", number) for number in range(1, _pages(counts.get(kind, 0)) + 1)]
    return names


def guess_counts(traces: Iterable[Sequence[Decision]]) -> Counter[str]:
    return Counter(d.kind for decisions in traces for d in decisions if not d.certain)


def _pages(rows: int) -> int:
    return -(-rows // PAGE_SIZE)


def review_pages(records: Sequence[RecordTrace]) -> list[ReviewPage]:
    """The pages of an edition that is one group, laid out in memory: the summary, then each kind's pages
    (in KINDS order); every guess in exactly one row. ``build`` lays out the same pages from stored rows."""
    rows = [row for record in records for row in guess_rows(record)]
    by_kind = {kind: sorted((row for row in rows if row.kind == kind), key=_row_order) for kind in KINDS}
    counts = [RuleCount(kind, "", rule, len(items), len({row.stem for row in items}))
              for kind in KINDS for rule, items in
              ((rule, list(items)) for rule, items in groupby(by_kind[kind], key=lambda row: row.rule))]
    pages = [ReviewPage(REVIEW_PAGE, "Guesses to review", summary(counts, grouped=False))]
    for kind in KINDS:
        pages.extend(group_pages(kind, "", len(by_kind[kind]), iter(by_kind[kind])))
    return pages


def _row_order(row: GuessRow) -> tuple[str, str, str, int]:
    return row.rule, row.order, row.stem, row.line


def group_pages(kind: str, group: str, total: int, rows: Iterator[GuessRow]) -> Iterator[ReviewPage]:
    """A kind's pages of one group, from its ``total`` rows in page order (read a page at a time)."""
    pages = _pages(total)
    for number in range(1, pages + 1):
        chunk = [row for _, row in zip(range(PAGE_SIZE), rows)]
        title = f"Guesses to review: {kind}" + (f", {group}" if group else "")
        title += f" (page {number} of {pages})" if pages > 1 else ""
        yield ReviewPage(kind_file(kind, group, number), title, _kind_page(kind, group, number, pages, chunk))


def rule_pages(counts: Sequence[RuleCount]) -> dict[tuple[str, str, str], int]:
    """(kind, group, rule) → the page of the group where the rule's rows begin (rows go by rule)."""
    first: dict[tuple[str, str, str], int] = {}
    before: Counter[tuple[str, str]] = Counter()
    for count in sorted(counts, key=lambda c: (c.kind, c.group, c.rule)):
        first[count.kind, count.group, count.rule] = before[count.kind, count.group] // PAGE_SIZE + 1
        before[count.kind, count.group] += count.guesses
    return first


def summary(counts: Sequence[RuleCount], *, grouped: bool) -> etree._Element:
    """review.html: the guesses by kind and rule, each linking to where its rows are (a kind's list of
    groups when the edition has several)."""
    totals: dict[tuple[str, str], list[int]] = {}
    for count in counts:
        total = totals.setdefault((count.kind, count.rule), [0, 0])
        total[0] += count.guesses
        total[1] += count.records
    first = rule_pages(counts)
    root = etree.Element("div", {"class": "review"})
    etree.SubElement(root, "p").text = (
        f"{sum(n for n, _ in totals.values())} guesses to review. Each kind has a page of its own; each guess "
        "links to the line of its record's proof page where it was made, and the proof page links on to "
        "the reading.")
    body = _head(etree.SubElement(root, "table"), ("Kind", "Rule", "Guesses", "Records"))
    for kind in KINDS:
        for (row_kind, rule), (guesses, records) in sorted(totals.items()):
            if row_kind != kind:
                continue
            target = kind_file(kind) if grouped else kind_file(kind, "", first[kind, "", rule])
            row = etree.SubElement(body, "tr")
            etree.SubElement(etree.SubElement(row, "td"), "a", {"href": f"{target}#g-{rule}"}).text = kind
            etree.SubElement(row, "td").text = rule
            etree.SubElement(row, "td").text = str(guesses)
            etree.SubElement(row, "td").text = str(records)
    return root


def kind_index(kind: str, counts: Sequence[RuleCount]) -> etree._Element:
    """review-KIND.html of an edition in groups: per rule, the groups holding its guesses, with counts."""
    first = rule_pages(counts)
    root = etree.Element("div", {"class": "review"})
    etree.SubElement(etree.SubElement(root, "p"), "a", {"href": REVIEW_PAGE}).text = "All kinds of guess"
    mine = sorted((c for c in counts if c.kind == kind), key=lambda c: (c.rule, c.group))
    for rule, items in groupby(mine, key=lambda c: c.rule):
        groups = list(items)
        section = etree.SubElement(root, "section", {"id": f"g-{rule}", "class": "review-group"})
        etree.SubElement(section, "h2").text = (
            f"{kind} · {rule} ({sum(c.guesses for c in groups)} in {len(groups)} groups of records)")
        listing = etree.SubElement(section, "ul", {"class": "review-groups"})
        for count in groups:
            item = etree.SubElement(listing, "li")
            target = kind_file(kind, count.group, first[kind, count.group, rule])
            etree.SubElement(item, "a", {"href": f"{target}#g-{rule}"}).text = count.group
            etree.SubElement(item, "span").text = (
                f" ({count.guesses} guess{'es' * (count.guesses != 1)} in {count.records} "
                f"record{'s' * (count.records != 1)})")
    return root


def _kind_page(kind: str, group: str, number: int, pages: int, rows: list[GuessRow]) -> etree._Element:
    root = etree.Element("div", {"class": "review"})
    nav = etree.SubElement(root, "p")
    etree.SubElement(nav, "a", {"href": REVIEW_PAGE}).text = "All kinds of guess"
    if group:
        nav[-1].tail = " · "
        etree.SubElement(nav, "a", {"href": kind_file(kind)}).text = f"All groups of {kind}"
    if pages > 1:
        nav[-1].tail = f" · page {number} of {pages}: "
        for other in range(1, pages + 1):
            link = etree.SubElement(nav, "a", {"href": kind_file(kind, group, other)})
            link.text = str(other)
            link.tail = " "
            if other == number:
                link.set("aria-current", "page")
    for rule, items in groupby(rows, key=lambda row: row.rule):
        section = etree.SubElement(root, "section", {"id": f"g-{rule}", "class": "review-group"})
        heading = etree.SubElement(section, "h2")
        body = _head(etree.SubElement(section, "table"), ("Record", "Lines", "Produced", "What was decided"))
        for item in items:
            body.append(etree.fromstring(item.row))
        heading.text = f"{kind} · {rule} ({len(body)} on this page)"
    return root


def _head(table: etree._Element, labels: Sequence[str]) -> etree._Element:
    """The table's header row; returns its body."""
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for label in labels:
        etree.SubElement(head, "th", {"scope": "col"}).text = label
    return etree.SubElement(table, "tbody")


def _row(record: RecordTrace, decision: Decision) -> etree._Element:
    row = etree.Element("tr", {"class": "guess"})
    etree.SubElement(row, "td").text = record.title
    span = (f"line {decision.first_line}" if decision.last_line == decision.first_line
            else f"lines {decision.first_line}–{decision.last_line}")
    etree.SubElement(etree.SubElement(row, "td"), "a", {
        "href": proof_href(record.stem, max(decision.first_line, 1)), "class": "review-mark"}).text = (
        f"{record.stem}, {span}" if decision.first_line > 0 else f"{record.stem} (the whole record)")
    etree.SubElement(row, "td").text = decision.produced + (f" #{decision.target_id}" if decision.target_id else "")
    etree.SubElement(row, "td").text = decision.detail
    return row
