"""Mutations of the encoder's valid output for the seeds are caught, each at the mutated node's line.

Each mutation edits the parsed tree, serialises it, and names the node that
must carry the diagnostic by an XPath into the mutated document; the expected
line is that node's line in the re-parsed text, so it never comes from the
validator under test.
"""

from __future__ import annotations

import pytest
from lxml import etree

from tei_encoder.validate import Validator
from tei_encoder.validate.parsing import load_bytes
from test_validate_support import TEI, seed_files, seed_tei

NS = {"t": TEI}


def _first(tree, path):
    found = tree.xpath(path, namespaces=NS)
    if not found:
        pytest.skip(f"this seed's output has no {path}")
    return found[0]


def delete_revision_desc(tree):
    _first(tree, "//t:revisionDesc").getparent().remove(_first(tree, "//t:revisionDesc"))
    return "xsd:cvc-complex-type.2.4", "/t:TEI/t:teiHeader"


def bad_date(tree):
    _first(tree, "//t:date[@when]").set("when", "19-07-1949")
    return "xsd:cvc-datatype-valid.1.2.3", "(//t:date[@when])[1]"


def dangling_who(tree):
    _first(tree, "//t:sp[@who]").set("who", "#nobody")
    return "TE-REF-001", "(//t:sp)[1]"


def dangling_ref(tree):
    _first(tree, "//t:text//t:persName[@ref]").set("ref", "#nobody")
    return "TE-REF-003", "(//t:text//t:persName[@ref])[1]"


def duplicate_id(tree):
    persons = tree.xpath("//t:person", namespaces=NS)
    if len(persons) < 2:
        pytest.skip("fewer than two persons")
    last = persons[-1]
    # Re-point the last person's mentions at the first, so only the id itself is wrong.
    old, new = "#" + last.get("{http://www.w3.org/XML/1998/namespace}id"), "#" + persons[0].get(
        "{http://www.w3.org/XML/1998/namespace}id")
    for node in tree.xpath("//*[@who or @ref]", namespaces=NS):
        for attribute in ("who", "ref"):
            if node.get(attribute) == old:
                node.set(attribute, new)
    last.set("{http://www.w3.org/XML/1998/namespace}id", new[1:])
    return "TE-ID-001", "(//t:person)[last()]"


def misplaced_head(tree):
    div = _first(tree, "//t:body/t:div[t:p]")
    head = etree.SubElement(div, f"{{{TEI}}}head")
    head.text = "A heading after the content"
    div.insert(div.index(div.xpath("t:p", namespaces=NS)[-1]) + 1, head)
    return "xsd:cvc-complex-type.2.4", "//t:head[. = 'A heading after the content']"


def empty_paragraph(tree):
    paragraph = _first(tree, "//t:body//t:p")
    new = etree.Element(f"{{{TEI}}}p")
    new.text = "  "
    paragraph.addprevious(new)
    return "TE-EMPTY-001", "(//t:body//t:p)[1]"


def gap_without_quantity(tree):
    gap = _first(tree, "//t:gap[@agent='ocr']")
    del gap.attrib["quantity"]
    return "TE-GAP-002", "(//t:gap[@agent='ocr'])[1]"


def leftover_box(tree):
    paragraph = _first(tree, "//t:body//t:p[text()]")
    paragraph.text = (paragraph.text or "") + "\u25a1"
    return "TE-CHAR-001", "(//t:body//t:p[text()])[1]"


MUTATIONS = [delete_revision_desc, bad_date, dangling_who, dangling_ref, duplicate_id, misplaced_head,
             empty_paragraph, gap_without_quantity, leftover_box]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("seed", [p.name for p in seed_files()])
def test_mutation_is_caught_at_the_right_line(seed, mutation):
    tree = etree.fromstring(seed_tei(seed)).getroottree()
    rule, target = mutation(tree)
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    reparsed = etree.fromstring(data, etree.XMLParser(recover=True)).getroottree()  # recover: duplicate ids
    expected_line = reparsed.xpath(target, namespaces=NS)[0].sourceline
    loaded = load_bytes(data, seed)  # parsed from bytes, as the CLI reads a file
    found = list(loaded.diagnostics)
    if loaded.tree is not None:
        found += Validator().validate_tree(loaded.tree, file=seed)
    assert (rule, expected_line) in {(d.rule, d.line) for d in found}, "\n".join(d.one_line() for d in found)
