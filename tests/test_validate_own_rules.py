"""The default phase of tei-encoder.sch checked in Python (validate/own_rules.py) gives the Schematron's diagnostics.

Whenever own_rules answers (it may decline, and the validator then runs the compiled Schematron), its
diagnostics must equal those of the Schematron run with the same parameters: on the valid fixtures, the
goldens, the invalid corpus, the seeds' TEI and their mutations, and on random arrangements of footnotes,
pointers, persons and header dates, where TE-NOTE-003, TE-REF-007 and TE-HDR-003 fire in many ways.
"""

from __future__ import annotations

import random

import pytest
from lxml import etree

from tei_encoder.validate import Validator, footnote_marks, own_rules
from tei_encoder.validate.checkers import DeferredSchematron, SchematronChecker
from tei_encoder.validate.parsing import load_bytes
from test_validate_mutations import MUTATIONS
from test_validate_support import INVALID, TEI, TESTS, seed_files, seed_tei, valid_fixtures

NS = {"t": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def schematron() -> SchematronChecker:
    deferred = Validator()._checkers[1]  # noqa: SLF001 (the project's own Schematron)
    assert isinstance(deferred, DeferredSchematron)
    return deferred.compiled()


def _both(schematron: SchematronChecker, data: bytes, name: str) -> tuple[list | None, list | None]:
    """own_rules' answer and the Schematron's for the same parsed bytes (None, None: nothing to check)."""
    loaded = load_bytes(data, name)
    if loaded.tree is None:
        return None, None
    parameters = dict(loaded.schematron_parameters)
    own = own_rules.check(loaded.tree, name, schematron.name, parameters, ids_unique=not loaded.diagnostics)
    stock = schematron.check(loaded.tree, name, {**parameters, footnote_marks.PARAMETER: "true()"})
    return own, stock


def _documents() -> list[tuple[str, bytes]]:
    documents = [(path.name, path.read_bytes()) for path in valid_fixtures()]
    documents += [(path.name, path.read_bytes()) for path in sorted((TESTS / "golden").glob("*.xml"))]
    documents += [(path.name, path.read_bytes()) for path in sorted(INVALID.glob("*.xml"))]
    return documents


def test_own_rules_answer_as_the_schematron_on_every_test_document(schematron):
    answered = 0
    for name, data in _documents():
        own, stock = _both(schematron, data, name)
        if own is not None:
            answered += 1
            assert own == stock, name
    assert answered >= len(valid_fixtures())  # the usual record never needs the Schematron


def test_own_rules_answer_for_the_valid_fixtures_and_goldens(schematron):
    for path in [*valid_fixtures(), *sorted((TESTS / "golden").glob("*.xml"))]:
        own, _ = _both(schematron, path.read_bytes(), path.name)
        assert own is not None, path.name


def test_an_error_is_left_to_the_schematron(schematron):
    """Every error of the invalid corpus that the Schematron reports makes own_rules decline."""
    declined = 0
    for path in sorted(INVALID.glob("sch-*.xml")):
        own, stock = _both(schematron, path.read_bytes(), path.name)
        if stock and any(d.severity.value == "error" for d in stock):
            assert own is None, path.name
            declined += 1
    assert declined >= 10


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("seed", [p.name for p in seed_files()])
def test_own_rules_answer_as_the_schematron_on_mutated_seeds(schematron, seed, mutation):
    tree = etree.fromstring(seed_tei(seed)).getroottree()
    mutation(tree)
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    own, stock = _both(schematron, data, seed)
    if own is not None:
        assert own == stock


# ---------------------------------------------------------------- random arrangements

# What the validator passes for bytes that hold none of TE-CHAR-001's characters (the seeds' TEI holds none).
CLEAN = {"leftover-characters-possible": "false()", "footnote-calls-possible": "false()"}
MARKS = ["1", "2", "3", "4", "5", "1", "2", "3", "*", "†", "a", " 2 ", "10", "0", "01", "", "\t3\n"]
ODD_MARKS = ["1a", "2.5", "-1", "1e1", "+2", "١"]  # read apart by XPath libraries, or not numbers at all
PLACES = ["foot", "foot", "foot", "end", "margin", None]


def _note(generator: random.Random, number: int) -> etree._Element:
    note = etree.Element(f"{{{TEI}}}note")
    place = generator.choice(PLACES)
    if place is not None:
        note.set("place", place)
    roll = generator.random()
    mark = generator.choice(ODD_MARKS) if roll < 0.01 else None if roll < 0.02 else generator.choice(MARKS)
    if mark is not None:
        note.set("n", mark)
    note.set(XML_ID, f"rn{number}")
    note.text = "A note."
    return note


def _arrange_notes(tree: etree._ElementTree, generator: random.Random) -> None:
    """Footnotes in random places: paragraphs of several divs (some of type document), some inside notes."""
    paragraphs = tree.xpath("//t:text//t:p", namespaces=NS)
    notes: list[etree._Element] = []
    for number in range(generator.randint(0, 14)):
        note = _note(generator, number)
        if notes and generator.random() < 0.15:
            generator.choice(notes).append(note)  # a note inside a note
        else:
            generator.choice(paragraphs).append(note)
        notes.append(note)
    for div in tree.xpath("//t:text//t:div", namespaces=NS):
        if generator.random() < 0.3:
            div.set("type", generator.choice(["document", "section"]))


def _arrange_pointers(tree: etree._ElementTree, generator: random.Random) -> None:
    """Pointers to persons: one id, lists (spaces, tabs, newlines), now and then a dangling one; persons
    left unreferenced."""
    ids = [person.get(XML_ID) for person in tree.xpath("//t:particDesc//t:person", namespaces=NS)]
    ids = [identifier for identifier in ids if identifier] or ["nobody"]
    choices = [lambda: "#" + generator.choice(ids),
               lambda: " ".join("#" + generator.choice(ids) for _ in range(2)),
               lambda: "  #" + generator.choice(ids) + "   #" + generator.choice(ids) + " "]
    if generator.random() < 0.1:  # written as &#9; and &#10;: the validator then runs the Schematron
        choices.append(lambda: "\t#" + generator.choice(ids) + "\n #" + generator.choice(ids) + " ")
    dangling = [lambda: "#" + generator.choice(ids) + "\u00a0#" + generator.choice(ids), lambda: "#nobody",
                lambda: generator.choice(ids), lambda: "#" + generator.choice(ids) + " nobody"]
    elements = tree.xpath("//t:sp | //t:said | //t:persName", namespaces=NS)
    for element in elements:
        attribute = "ref" if element.tag == f"{{{TEI}}}persName" else "who"
        roll = generator.random()
        if roll < 0.2:
            element.set(attribute, generator.choice(choices)())
        elif roll < 0.25:
            element.attrib.pop(attribute, None)
        elif roll < 0.28:
            element.set("ref" if attribute == "who" else "who", "#" + generator.choice(ids))
    if elements and generator.random() < 0.15:
        element = generator.choice(elements)
        element.set("ref" if element.tag == f"{{{TEI}}}persName" else "who", generator.choice(dangling)())


def _arrange_header(tree: etree._ElementTree, generator: random.Random) -> None:
    if generator.random() < 0.3:
        for date in tree.xpath("//t:teiHeader//t:date", namespaces=NS):
            for attribute in ("when", "from"):
                date.attrib.pop(attribute, None)


@pytest.mark.parametrize("seed", [p.name for p in seed_files()])
def test_own_rules_answer_as_the_schematron_on_random_arrangements(schematron, seed):
    generator = random.Random(seed)
    answered = declined = 0
    warned: set[str] = set()
    for _ in range(40):
        tree = etree.fromstring(seed_tei(seed)).getroottree()
        _arrange_notes(tree, generator)
        _arrange_pointers(tree, generator)
        _arrange_header(tree, generator)
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        own_tree = own_rules.check(tree, seed, schematron.name, CLEAN, ids_unique=True)  # as validate_written
        if own_tree is not None:
            assert own_tree == schematron.check(tree, seed, {**CLEAN, footnote_marks.PARAMETER: "true()"})
        own, stock = _both(schematron, data, seed)
        if own is None:
            declined += 1
            continue
        answered += 1
        assert own == stock, (seed, data.decode())
        warned.update(d.rule for d in own)
    assert answered >= 5 and declined >= 1
    assert "TE-NOTE-003" in warned


def _arrange_applications_and_persons(tree: etree._ElementTree, generator: random.Random) -> None:
    """change/@who to an application (its id with and without '#', in a list, dangling), an appInfo elsewhere
    with an application of its own, the revisionDesc before the appInfo; persons outside particDesc, or deeper
    in it, that the pointers name."""
    header = tree.find("t:teiHeader", NS)
    applications = [a.get(XML_ID) for a in tree.xpath("//t:appInfo/t:application[@xml:id]", namespaces=NS)]
    if generator.random() < 0.3:  # an appInfo outside encodingDesc: its application is in the key, not the let
        stray = etree.SubElement(generator.choice(list(header) or [header]), f"{{{TEI}}}appInfo")
        application = etree.SubElement(stray, f"{{{TEI}}}application", ident="tei-encoder", version="1")
        application.set(XML_ID, "stray-app")
        applications.append("stray-app")
    if generator.random() < 0.2:  # the change walked before the appInfo
        revision = tree.find("t:teiHeader/t:revisionDesc", NS)
        if revision is not None:
            header.insert(0, revision)
    ids = applications or ["nobody"]
    values = [lambda: "#" + generator.choice(ids), lambda: generator.choice(ids), lambda: "#nobody",
              lambda: "#" + generator.choice(ids) + " #" + generator.choice(ids), lambda: " #" + generator.choice(ids)]
    for change in tree.iter(f"{{{TEI}}}change"):
        if generator.random() < 0.6:
            change.set("who", generator.choice(values)())
    persons = tree.xpath("//t:particDesc//t:person", namespaces=NS)
    roll = generator.random()
    if persons and roll < 0.3:  # a person moved out of particDesc: its id is not in the key
        person = generator.choice(persons)
        body = tree.find("t:text/t:body", NS)
        (body if body is not None else header).append(person)
    elif persons and roll < 0.5:  # a person deeper in particDesc, in a listPerson of its own
        person = generator.choice(persons)
        parent = person.getparent()
        inner = etree.SubElement(parent, f"{{{TEI}}}listPerson")
        inner.append(person)


def _arrange_ptrs(tree: etree._ElementTree, generator: random.Random) -> None:
    """ptr targets: a note's id (the usual footnote call), another element's, dangling, without '#', '#' alone;
    and now and then a note without its xml:id, or a note's id given to another element instead."""
    notes = tree.xpath("//t:note[@xml:id]", namespaces=NS)
    others = tree.xpath("//t:text//*[@xml:id][not(self::t:note)]", namespaces=NS)
    note_ids = [note.get(XML_ID) for note in notes] or ["nobody"]
    other_ids = [element.get(XML_ID) for element in others] or ["nobody"]
    usual = [lambda: "#" + generator.choice(note_ids), lambda: "#" + generator.choice(other_ids),
             lambda: generator.choice(note_ids)]
    dangling = [lambda: "#nobody", lambda: "#"]

    def target() -> str:
        return generator.choice(dangling if generator.random() < 0.05 else usual)()

    places = tree.xpath("//t:particDesc//t:person | //t:text//t:p", namespaces=NS)
    for _ in range(generator.randint(0, 4)):
        if places:
            etree.SubElement(generator.choice(places), f"{{{TEI}}}ptr", target=target())
    for ptr in tree.iter(f"{{{TEI}}}ptr"):
        if generator.random() < 0.5:
            ptr.set("target", target())
    if notes and generator.random() < 0.2:
        note = generator.choice(notes)
        identifier = note.attrib.pop(XML_ID)
        if others and generator.random() < 0.5:
            generator.choice(others).set(XML_ID, identifier)


@pytest.mark.parametrize("seed", [p.name for p in seed_files()])
def test_own_rules_answer_as_the_schematron_on_random_footnote_pointers(schematron, seed):
    """TE-REF-006 answered from the listed notes' ids against the Schematron's key: on the tree as the validator
    passes it (the notes listed) and as own_rules lists nothing."""
    generator = random.Random("ptrs" + seed)
    answered = declined = 0
    for _ in range(30):
        tree = etree.fromstring(seed_tei(seed)).getroottree()
        _arrange_notes(tree, generator)
        _arrange_ptrs(tree, generator)
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        loaded = load_bytes(data, seed)
        if loaded.tree is None:
            continue
        parameters = dict(loaded.schematron_parameters)
        stock = schematron.check(loaded.tree, seed, {**parameters, footnote_marks.PARAMETER: "true()"})
        for notes in (footnote_marks.notes(loaded.tree), None):
            own = own_rules.check(loaded.tree, seed, schematron.name, parameters,
                                  ids_unique=not loaded.diagnostics, notes=notes)
            if own is None:
                declined += 1
                continue
            answered += 1
            assert own == stock, (seed, data.decode())
    assert answered >= 3 and declined >= 1


@pytest.mark.parametrize("holder", ["note", "margin-note-mark", "p", "nobody"])
def test_a_footnote_pointer_is_answered_only_from_a_notes_own_id(schematron, holder):
    """ptr target="#m1": a note with that xml:id (answered from the notes' ids), a note whose mark is m1 but
    has no xml:id (dangling: own_rules declines), a p with that id (the id() XPath), or nothing."""
    tree = etree.parse(str(valid_fixtures()[0])).getroot().getroottree()
    person = tree.find(".//t:particDesc//t:person", NS)
    etree.SubElement(person, f"{{{TEI}}}ptr", target="#m1")
    paragraph = tree.find(".//t:text//t:p", NS)
    if holder == "p":
        paragraph.set(XML_ID, "m1")
    elif holder != "nobody":
        note = etree.SubElement(paragraph, f"{{{TEI}}}note", place="margin")
        note.text = "A note."
        note.set(*((XML_ID, "m1") if holder == "note" else ("n", "m1")))
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    loaded = load_bytes(data, "f.xml")
    assert loaded.tree is not None and not loaded.diagnostics
    parameters = dict(loaded.schematron_parameters)
    own = own_rules.check(loaded.tree, "f.xml", schematron.name, parameters, ids_unique=True,
                          notes=footnote_marks.notes(loaded.tree))
    stock = schematron.check(loaded.tree, "f.xml", {**parameters, footnote_marks.PARAMETER: "true()"})
    dangling = holder in ("margin-note-mark", "nobody")
    assert any(d.rule == "TE-REF-006" for d in stock) is dangling
    assert own is None if dangling else own == stock


@pytest.mark.parametrize("seed", [p.name for p in seed_files()])
def test_own_rules_answer_as_the_schematron_on_random_applications_and_persons(schematron, seed):
    """The pointer tests answered from the walk (TE-REF-004 from the appInfo walked, TE-REF-001 … 003 from the
    persons met in a particDesc) against the Schematron's keys and lets."""
    generator = random.Random("applications" + seed)
    answered = declined = 0
    for _ in range(30):
        tree = etree.fromstring(seed_tei(seed)).getroottree()
        _arrange_applications_and_persons(tree, generator)
        _arrange_pointers(tree, generator)
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        own, stock = _both(schematron, data, seed)
        if own is None:
            declined += 1
            continue
        answered += 1
        assert own == stock, (seed, data.decode())
    assert answered >= 3 and declined >= 1


def test_the_validator_reports_the_same_with_and_without_own_rules(monkeypatch):
    """Whole reports, parser and XSD findings included, for every test document."""
    documents = [(name, data) for name, data in _documents()]
    with_own = [Validator().validate_bytes(data, name) for name, data in documents]
    monkeypatch.setattr(own_rules, "check", lambda *arguments, **keywords: None)
    without = [Validator().validate_bytes(data, name) for name, data in documents]
    assert with_own == without


def test_a_duplicate_id_is_left_to_the_schematron(schematron):
    """A tree whose ids were not checked by a parser is counted: a duplicate makes own_rules decline."""
    data = valid_fixtures()[0].read_bytes()
    tree = etree.fromstring(data).getroottree()
    first, second = tree.xpath("//t:text//t:p", namespaces=NS)[:2]
    first.set(XML_ID, "twice")
    second.set(XML_ID, "twice")
    assert own_rules.check(tree, "t.xml", "s", CLEAN) is None
    assert own_rules.check(tree, "t.xml", "s", CLEAN, ids_unique=True) is not None


@pytest.mark.parametrize("content", [
    "<said>words</said>", "<said> </said>", "<said/> tail", "<!-- c --><said>words</said>", "<!-- words -->",
    "<said><persName>A</persName></said>", "<said> </said><gap reason=\"illegible\"/>", "<lb/>", "<lb/>\n ",
    "<said>\n</said><said>x</said>", "<?pi words?>", "<?pi x?>tail"])
def test_an_element_whose_first_text_is_blank_is_judged_as_the_schematron_does(schematron, content):
    """TE-EMPTY-001/002 (normalize-space(.) != '' or .//tei:gap) where the first child decides, or cannot."""
    data = valid_fixtures()[0].read_bytes()
    tree = etree.fromstring(data).getroottree()
    paragraph = tree.xpath("//t:text//t:p", namespaces=NS)[0]
    for child in list(paragraph):
        paragraph.remove(child)
    fragment = etree.fromstring(f'<p xmlns="{TEI}"> {content}</p>')
    paragraph.text = fragment.text
    paragraph.extend(list(fragment))
    said = tree.xpath("//t:text//t:said", namespaces=NS)
    if said:  # the same content in a said (TE-EMPTY-002)
        target = said[0]
        for child in list(target):
            target.remove(child)
        target.text = fragment.text
        target.extend(etree.fromstring(f'<p xmlns="{TEI}"> {content}</p>'))
    serialised = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    own, stock = _both(schematron, serialised, "p.xml")
    if own is not None:
        assert own == stock
    assert (own is None) == any(d.rule in ("TE-EMPTY-001", "TE-EMPTY-002") for d in stock)



def test_the_schematron_is_compiled_only_for_a_record_own_rules_declines(monkeypatch):
    """own_rules answers for the usual record, so the compiled Schematron is not made until one needs it."""
    from tei_encoder.validate import checkers

    monkeypatch.setattr(checkers, "_CACHE", {})
    validator = Validator()
    assert not any(path.endswith(".sch") for path, _, _ in checkers._CACHE)  # noqa: SLF001
    for path in valid_fixtures():
        validator.validate_file(path)
    assert not any(path.endswith(".sch") for path, _, _ in checkers._CACHE)  # noqa: SLF001
    declined = INVALID / "sch-empty-p.xml"
    assert any(d.rule == "TE-EMPTY-001" for d in validator.validate_file(declined))
    assert any(path.endswith("tei-encoder.sch") for path, _, _ in checkers._CACHE)  # noqa: SLF001


def _arrange_languages(tree: etree._ElementTree, generator: random.Random) -> None:
    """Several langUsage and language elements, 'und', idents that agree with xml:lang or not, or none."""
    root = tree.getroot()
    profile = root.find(f"{{{TEI}}}teiHeader/{{{TEI}}}profileDesc")
    for usage in profile.findall(f"{{{TEI}}}langUsage"):
        profile.remove(usage)
    codes = ["en", "de", "und", "fr"]
    for _ in range(generator.randint(0, 2)):
        usage = etree.SubElement(profile, f"{{{TEI}}}langUsage")
        for _ in range(generator.randint(0, 3)):
            language = etree.SubElement(usage, f"{{{TEI}}}language")
            if generator.random() < 0.8:
                language.set("ident", generator.choice(codes))
    if generator.random() < 0.3:
        root.attrib.pop("{http://www.w3.org/XML/1998/namespace}lang", None)
    else:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", generator.choice(codes))


def test_the_language_test_agrees_with_the_schematrons_xpath():
    """TE-LANG-001 read from $ident once (_language_agrees) gives what the rule's own XPath gives."""
    generator = random.Random(12)
    verdicts = set()
    for seed in [p.name for p in seed_files()]:
        for _ in range(25):
            tree = etree.fromstring(seed_tei(seed)).getroottree()
            _arrange_languages(tree, generator)
            expected = bool(own_rules._LANGUAGE(tree.getroot()))  # noqa: SLF001
            assert own_rules._language_agrees(tree.getroot()) == expected, etree.tostring(tree)[:2000]  # noqa: SLF001
            verdicts.add(expected)
    assert verdicts == {True, False}


def test_the_declarations_are_judged_as_the_schematrons_xpath_judges_them():
    """All four declarations in one editorialDecl skip _DECLARATIONS; any other arrangement asks it."""
    generator = random.Random(5)
    kinds = ["normalization", "segmentation", "interpretation", "correction"]
    verdicts = set()
    for seed in [p.name for p in seed_files()]:
        for _ in range(20):
            tree = etree.fromstring(seed_tei(seed)).getroottree()
            declarations = tree.xpath("//t:editorialDecl", namespaces=NS)
            if not declarations:
                continue
            for kind in kinds:
                for declared in declarations[0].findall(f"{{{TEI}}}{kind}"):
                    if generator.random() < 0.3:
                        declared.getparent().remove(declared)
                    elif generator.random() < 0.2:  # moved to a second editorialDecl
                        second = etree.SubElement(declarations[0].getparent(), f"{{{TEI}}}editorialDecl")
                        second.append(declared)
            texts = list(tree.iter(f"{{{TEI}}}text"))
            expected = all(own_rules._DECLARATIONS(text) for text in texts)  # noqa: SLF001
            if own_rules._Walk(tree, seed, "s", True).all_declared():  # noqa: SLF001
                assert expected
            assert (own_rules.check(tree, seed, "s", CLEAN, ids_unique=True) is not None) <= expected
            verdicts.add(expected)
    assert verdicts == {True, False}
