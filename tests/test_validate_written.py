"""The self-check of a tree built in memory (Validator.validate_written) gives the verdicts a parse of
its bytes gives (validate_bytes): convert checks its own TEI without parsing it back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import etree

from conftest import SEEDS
from tei_encoder.pipeline import _encoded
from tei_encoder.config import Config
from tei_encoder.source import read_source
from tei_encoder.validate import Validator
from tei_encoder.writer import TEI_NS, serialise

T = f"{{{TEI_NS}}}"
VALIDATOR = Validator()


def _first_paragraph(root: etree._Element) -> etree._Element:
    return next(root.iter(f"{T}p"))


def _leftover_box(root: etree._Element) -> None:
    paragraph = _first_paragraph(root)
    paragraph.text = (paragraph.text or "") + "\u25a1"


def _footnote_call(root: etree._Element) -> None:
    paragraph = _first_paragraph(root)
    paragraph.text = (paragraph.text or "") + " [footnoteRef:3]"


def _empty_paragraph(root: etree._Element) -> None:
    paragraph = _first_paragraph(root)
    for child in list(paragraph):
        paragraph.remove(child)
    paragraph.text = ""


def _duplicate_id(root: etree._Element) -> None:
    first = next(element for element in root.iter(f"{T}p") if element.get("{http://www.w3.org/XML/1998/namespace}id"))
    second = etree.SubElement(first.getparent(), f"{T}p")
    second.text = "Again."
    second.set("{http://www.w3.org/XML/1998/namespace}id", first.get("{http://www.w3.org/XML/1998/namespace}id"))


def _unknown_element(root: etree._Element) -> None:
    root.find(f"{T}text").insert(0, etree.Element(f"{T}front"))


def _unchanged(root: etree._Element) -> None:
    pass


def _verdicts(found) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return sorted((d.rule, d.severity.value) for d in found)


@pytest.mark.parametrize("change", [_unchanged, _leftover_box, _footnote_call, _empty_paragraph, _duplicate_id,
                                    _unknown_element], ids=lambda change: change.__name__.strip("_"))
@pytest.mark.parametrize("seed", SEEDS[:3], ids=lambda seed: seed.name[:3])
def test_the_tree_in_memory_gets_the_verdicts_of_its_bytes(seed, change: Callable[[etree._Element], None]) -> None:
    _, root = _encoded(read_source(seed), None, Config())
    change(root)
    data = serialise(root)
    written = _verdicts(VALIDATOR.validate_written(root, data, "x.xml"))
    parsed = _verdicts(VALIDATOR.validate_bytes(data, "x.xml"))
    assert written == parsed
    assert (change is _unchanged) == (not any(severity == "error" for _, severity in written))
