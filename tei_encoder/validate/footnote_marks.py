"""TE-NOTE-002, "a footnote mark used twice in one series of a document div", checked in linear time.

A series runs from the div's first footnote, or from a footnote marked 1 (the source restarts its
numbering), to the next footnote marked 1.

The project's Schematron checks it with a key of (document div, mark). libxslt copies the
node-set a key() call returns, so with thousands of footnotes sharing one mark (every note
marked "*") each note paid for all the others: 16,000 such notes took 15 s, and a file at the
size limit would take hours (issue 8 §4). Here one pass over the notes with a dictionary finds
the same notes. The validator reports them itself and tells the project's Schematron, through
its parameter ``footnote-marks-checked``, to skip the key; any other processor keeps the
Schematron's own check. The message is the Schematron's (schemas/tei-encoder.sch, TE-NOTE-002);
tests/test_validate_linear.py proves both give the same diagnostics.
"""

from __future__ import annotations

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.validate.locate import Locator

PARAMETER = "footnote-marks-checked"
# A mark "1" starts a series of numbering: editions restart their notes per enclosure, session, chapter or
# page, and a mark is unique within its series only (docs/encoding.md, "Footnote numbering restarts").
RESTART = "1"
RULE = "TE-NOTE-002"
_TEI = "{http://www.tei-c.org/ns/1.0}"


def notes(tree: etree._ElementTree) -> list[etree._Element]:
    """Every tei:note of the tree in document order: listed once for this check and own_rules.py's."""
    return list(tree.getroot().iter(f"{_TEI}note"))


def repeated_marks(tree: etree._ElementTree, file: str, source: str,
                   listed: list[etree._Element] | None = None) -> list[Diagnostic]:
    """A diagnostic for every footnote whose mark an earlier footnote of its document div has.

    ``listed``: the tree's notes as ``notes`` gives them, when the caller has them already.
    """
    footnotes = [(note, mark) for note in (listed if listed is not None else notes(tree))
                 if (mark := note.get("n")) is not None and note.get("place") == "foot"]
    if len({mark for _, mark in footnotes}) == len(footnotes):
        return []  # no mark twice in the document, so none twice in a div: no need to find the divs
    # (document div, its series of numbering, mark); the div itself: its proxy stays alive here
    seen: set[tuple[etree._Element | None, int, str]] = set()
    series: dict[etree._Element | None, int] = {}  # how many times each div's numbering restarted so far
    repeated: list[etree._Element] = []
    for note, mark in footnotes:
        div = _document_div(note)
        if mark == RESTART:
            series[div] = series.get(div, 0) + 1
        key = (div, series.get(div, 0), mark)
        if key in seen:
            repeated.append(note)
        seen.add(key)
    if not repeated:
        return []
    locator = Locator(tree)
    return [Diagnostic(file=file, rule=RULE, severity=Severity.ERROR, source=source, line=note.sourceline,
                       xpath=locator.xpath_of(note), message=_message(note.get("n", "")))
            for note in repeated]


def _document_div(note: etree._Element) -> etree._Element | None:
    """The nearest ancestor div of type document, if any."""
    for ancestor in note.iterancestors(f"{_TEI}div"):
        if ancestor.get("type") == "document":
            return ancestor
    return None


def _message(mark: str) -> str:
    return (f'Footnote mark n="{mark}" is used twice in this document div since its numbering last started at 1: '
            "each footnote in a series needs its own mark; check the source's numbering.")
