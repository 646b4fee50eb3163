"""The proof-reading view (issue 14): a record's source beside its TEI reading, every decision marked.

``proof_xml`` builds a small XML of the decoded source lines (each with where its words went)
and the decision trace; ``xslt/proof.xsl`` makes the page. ``back_links`` is what the document
page needs to link each traced element back to its line. ``render/review.py`` gathers every guess
of an edition.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_encoder import files
from tei_encoder.markers import FORM_FEED
from tei_encoder.render.names import href
from tei_encoder.render.renderer import DOCTYPE_BYTES, run
from tei_encoder.source import Line, read_source
from tei_encoder.trace import Decision

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


def proof_xml(stem: str, title: str, source_name: str, lines: Sequence[Line],
              decisions: Sequence[Decision]) -> etree._Element:
    where = places(lines, decisions)
    root = etree.Element("proof", {"stem": stem, "title": title, "source": source_name,
                                   "reading": href(stem)})
    seen: set[int] = set()
    for line in lines:
        text = "" if line.text == FORM_FEED else line.text
        element = etree.SubElement(root, "line", {"n": str(line.number), "place": where.get(line.number, "")})
        if line.number in seen:  # a line a form feed split in two: one anchor, on its first part
            element.set("again", "yes")
        seen.add(line.number)
        if line.text == FORM_FEED:
            element.set("feed", "yes")
        element.text = text
    for decision in decisions:
        whole = decision.first_line <= 0 or decision.rule in _WHOLE_RECORD
        _decision_element(root, decision, href(stem)).set("whole", "yes" if whole else "no")
    return root


def proof_page(stem: str, title: str, source_name: str, lines: Sequence[Line], decisions: Sequence[Decision],
               site_title: str = "Digital edition", nav_extra: tuple[tuple[str, str], ...] = ()) -> bytes:
    """The proof page; ``nav_extra``: the site's further navigation entries (label, href), as on its pages."""
    tree = proof_xml(stem, title, source_name, lines, decisions).getroottree()
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
                site_title: str = "Digital edition", nav_extra: tuple[tuple[str, str], ...] = ()) -> RecordTrace:
    """The build hook, one call per record: write ``OUT/<stem>.proof.html``; its trace for the review."""
    lines = read_source(source).lines
    title = title_of(decisions, stem)
    files.write_bytes(out / proof_name(stem), proof_page(stem, title, source.name, lines, decisions, site_title,
                                                         nav_extra))
    return RecordTrace(stem, title, tuple(decisions))

