"""The proof-reading view (issue 14): a record's source beside its TEI reading, every decision marked.

``proof_xml`` builds a small XML of the decoded source lines (each with where its words went)
and the decision trace; ``xslt/proof.xsl`` makes the page. ``back_links`` is what the document
page needs to link each traced element back to its line. ``render/review.py`` gathers every guess
of an edition.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from tei_encoder import files
from tei_encoder.markers import FORM_FEED
from tei_encoder.render.names import href
from tei_encoder.render.renderer import DOCTYPE_BYTES, run
from tei_encoder.trace import Decision, Span

if TYPE_CHECKING:  # reading sources loads the document model: only write_proof needs it
    from tei_encoder.source import Line

PROOF = "proof.xsl"
# Decisions about the whole record (not one place in it): listed above the lines, not on them.
_WHOLE_RECORD = ("family", "body-start", "detected-language")
_MOVED = ("header", "boilerplate", "note")  # decisions that send a line's words somewhere other than the body


def proof_name(stem: str) -> str:
    return f"{stem}.proof.html"


def proof_href(stem: str, line: int) -> str:
    return href(stem, ".proof.html", f"L{line}")


def back_links(decisions: Iterable[Decision]) -> str:
    """``|id:line|…``: for the document page, the source line of every element the trace points at."""
    seen: dict[str, int] = {}
    for decision in decisions:
        if decision.target_id and decision.target_id not in seen and decision.first_line > 0:
            seen[decision.target_id] = decision.first_line
    return "|" + "|".join(f"{ident}:{line}" for ident, line in seen.items()) + "|" if seen else ""


def places(lines: Sequence[Line], decisions: Sequence[Decision]) -> dict[int, str]:
    """Where each source line's words went: the body, header fields, notes, the boilerplate
    (``body; header: title`` for a heading that stays in the text and also names the record)."""
    body = next((d for d in decisions if d.rule == "body-start"), None)
    texts = {line.number: line.text for line in lines}
    went: dict[int, list[str]] = {}
    for line in lines:
        if line.text.strip() and line.text != FORM_FEED:
            inside = body is not None and body.first_line <= line.number <= body.last_line
            went[line.number] = ["body"] if inside else []
    for decision in decisions:
        if decision.first_line <= 0 or decision.rule in _WHOLE_RECORD or decision.kind not in _MOVED:
            continue
        label = {"header": f"header: {decision.produced}", "note": f"note {decision.target_id}"}.get(
            decision.kind, decision.kind)
        for number in range(decision.first_line, decision.last_line + 1):
            if number not in went:
                continue
            if went[number][:1] == ["body"] and _left_body(decision, texts[number]):
                went[number].remove("body")
            if label not in went[number]:
                went[number].append(label)
    return {number: "; ".join(labels) or "header" for number, labels in went.items()}


def _left_body(decision: Decision, text: str) -> bool:
    """Boilerplate, or a note body that begins its line, took the line's words out of the body; a
    note body after the text of a line (a Word export's ``… Beria[2] [1: …]``) took only its own."""
    if decision.kind == "boilerplate":
        return True
    if decision.kind != "note":
        return False
    mark = decision.detail.split()[1] if len(decision.detail.split()) > 1 else ""
    return bool(mark) and text.lstrip(" [^(").startswith(mark)


def _decision_element(parent: etree._Element, decision: Decision, page: str) -> etree._Element:
    element = etree.SubElement(parent, "decision", {
        "kind": decision.kind, "rule": decision.rule, "first": str(decision.first_line),
        "last": str(decision.last_line), "produced": decision.produced,
        "certain": "yes" if decision.certain else "no", "page": page})
    if decision.target_id:
        element.set("target", decision.target_id)
    element.text = decision.detail
    return element


@dataclass(frozen=True, slots=True)
class Unit:
    """What the reading column shows beside some source lines: a unit of the body (``kind`` "body"),
    or what left the body, the header field, the boilerplate or the note its lines went to."""

    ident: str  # its xml:id in the TEI
    kind: str  # body | header | boilerplate | note
    produced: str  # the header field, for the label
    first_line: int
    last_line: int


_UNIT_ORDER = ("body", "header", "boilerplate", "note")


def reading_units(decisions: Sequence[Decision], spans: Sequence[Span]) -> list[Unit]:
    """The body's units by their source lines, and each traced header field, boilerplate and moved note."""
    units = [Unit(span.ident, "body", "", span.first_line, span.last_line) for span in spans if span.first_line > 0]
    seen = {unit.ident for unit in units}
    for decision in decisions:
        if (decision.kind in _MOVED and decision.target_id and decision.first_line > 0
                and decision.rule not in _WHOLE_RECORD and decision.target_id not in seen):
            seen.add(decision.target_id)
            units.append(Unit(decision.target_id, decision.kind, decision.produced, decision.first_line,
                              decision.last_line))
    return sorted(units, key=lambda u: (u.first_line, _UNIT_ORDER.index(u.kind), u.last_line))


@dataclass(slots=True)
class _Group:
    """Source lines that go together beside what they became: the lines of units that overlap (a
    heading that is also the title, a line with text and a note body), and the blank lines after."""

    lines: list[Line]
    units: list[Unit]
    reach: int  # the last line of the units' spans


def line_groups(lines: Sequence[Line], units: Sequence[Unit]) -> list[_Group]:
    """The source lines in groups, each with the units read from them (none: lines that became nothing
    the trace knows of, so an editor sees them too)."""
    groups: list[_Group] = []
    pending = sorted(units, key=lambda u: (u.first_line, _UNIT_ORDER.index(u.kind), u.last_line))
    k = 0
    for line in lines:
        starting = []
        while k < len(pending) and pending[k].first_line <= line.number:
            starting.append(pending[k])
            k += 1
        current = groups[-1] if groups else None
        if current is None or not _goes_with(current, line, bool(starting)):
            current = _Group([], [], 0)
            groups.append(current)
        current.lines.append(line)
        current.units.extend(starting)
        current.reach = max([current.reach] + [unit.last_line for unit in starting])
    return groups


def _goes_with(group: _Group, line: Line, starts_a_unit: bool) -> bool:
    if line.number <= group.reach or group.lines[-1].number == line.number:  # within, or split by a form feed
        return True
    if starts_a_unit:
        return False
    return _blank(line) or not group.units  # the blank lines after; lines the trace knows nothing of, together


def _blank(line: Line) -> bool:
    return not line.text.strip() or line.text == FORM_FEED


def proof_xml(stem: str, title: str, source_name: str, lines: Sequence[Line], decisions: Sequence[Decision],
              spans: Sequence[Span] = (), tei: etree._Element | None = None) -> etree._Element:
    """``tei``: the record's TEI, whose units the page sets beside their lines (none: the lines alone)."""
    where = places(lines, decisions)
    root = etree.Element("proof", {"stem": stem, "title": title, "source": source_name,
                                   "reading": href(stem), "has-reading": "yes" if tei is not None else "no"})
    seen: set[int] = set()
    units = reading_units(decisions, spans) if tei is not None else []
    for group in line_groups(lines, units):
        element = etree.SubElement(root, "group", {"first": str(group.lines[0].number),
                                                   "last": str(group.lines[-1].number)})
        for line in group.lines:
            _line_element(element, line, where.get(line.number, ""), again=line.number in seen)
            seen.add(line.number)
        for unit in group.units:
            etree.SubElement(element, "unit", {"ref": unit.ident, "kind": unit.kind, "produced": unit.produced,
                                               "first": str(unit.first_line), "last": str(unit.last_line)})
    for decision in decisions:
        whole = decision.first_line <= 0 or decision.rule in _WHOLE_RECORD
        _decision_element(root, decision, href(stem)).set("whole", "yes" if whole else "no")
    if tei is not None:
        etree.SubElement(root, "tei").append(copy.deepcopy(tei))
    return root


def _line_element(parent: etree._Element, line: Line, place: str, again: bool) -> None:
    element = etree.SubElement(parent, "line", {"n": str(line.number), "place": place})
    if again:  # a line a form feed split in two: one anchor, on its first part
        element.set("again", "yes")
    if line.text == FORM_FEED:
        element.set("feed", "yes")
    else:
        element.text = line.text


def proof_page(stem: str, title: str, source_name: str, lines: Sequence[Line], decisions: Sequence[Decision],
               site_title: str = "Digital edition", nav_extra: tuple[tuple[str, str], ...] = (),
               spans: Sequence[Span] = (), tei: etree._Element | None = None) -> bytes:
    """The proof page; ``nav_extra``: the site's further navigation entries (label, href), as on its pages;
    ``spans`` and ``tei``: the body's units and the TEI they are read from, for the reading column."""
    tree = proof_xml(stem, title, source_name, lines, decisions, spans, tei).getroottree()
    nav = "\n".join(f"{label}\t{target}" for label, target in nav_extra)
    return DOCTYPE_BYTES + bytes(run(PROOF, tree, **{"site-title": site_title, "nav-extra": nav}))


@dataclass(frozen=True, slots=True)
class RecordTrace:
    stem: str  # the document page's name
    title: str
    decisions: tuple[Decision, ...]


def title_of(decisions: Sequence[Decision], stem: str) -> str:
    """The record's title as the trace states it (its title decision), else the stem."""
    title = next((d.detail for d in decisions if d.kind == "header" and d.produced == "title"
                  and d.first_line > 0), "")
    return title or stem


def write_proof(out: Path, stem: str, source: Path, decisions: Sequence[Decision],
                site_title: str = "Digital edition", nav_extra: tuple[tuple[str, str], ...] = (),
                spans: Sequence[Span] = (), tei: etree._Element | None = None) -> RecordTrace:
    """The build hook, one call per record: write ``OUT/<stem>.proof.html``; its trace for the review."""
    from tei_encoder.source import read_source

    lines = read_source(source).lines
    title = title_of(decisions, stem)
    files.write_bytes(out / proof_name(stem), proof_page(stem, title, source.name, lines, decisions, site_title,
                                                         nav_extra, spans, tei))
    return RecordTrace(stem, title, tuple(decisions))

