"""The default phase of the project's Schematron (schemas/tei-encoder.sch), checked in one pass in Python.

Run as XSLT by libxslt, the phase cost about 1.7 ms of a 20 KB record's 3.5 ms: every element is
matched against every rule's pattern, and the first key() call builds all nine keys. This module walks
the tree once and answers the same asserts, for the usual record only:

- it decides every assert of the phase, and writes the diagnostics of the three warnings a valid
  record may carry (TE-NOTE-003, TE-REF-007, TE-HDR-003) exactly as the Schematron words them;
- whenever an error assert fails, or a value is one whose XPath reading it does not repeat (a mark
  such as "1a" or "2.5", a leftover-character search the byte prefilter could not rule out), it
  returns None and the validator runs the compiled Schematron, which stays the rule of record.

TE-NOTE-002 is not here: footnote_marks.py checks it (the validator sets ``footnote-marks-checked``).
tests/test_validate_own_rules.py proves that both ways give the same diagnostics on every test
document, on the mutated and invalid corpora, and on random arrangements of footnotes and pointers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.validate.locate import Locator, xpath_of
from tei_encoder.validate.prefilter import CHARACTERS_PARAMETER, FOOTNOTE_CALLS_PARAMETER

_TEI_NS = "http://www.tei-c.org/ns/1.0"
_T = "{" + _TEI_NS + "}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# Attribute names read on many elements of a record, as bytes: lxml encodes a str name to UTF-8 at every get()
# (180 of its 1,200 instructions; a record's walk reads some 200 attributes).
_ID_KEY = _XML_ID.encode()
_WHO, _REF, _N, _PLACE = b"who", b"ref", b"n", b"place"
_REASON, _UNIT, _QUANTITY, _AGENT, _TARGET = b"reason", b"unit", b"quantity", b"agent", b"target"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NS = {"tei": _TEI_NS}
_XML_SPACE = " \t\r\n"  # XPath's normalize-space() knows only these
# A mark that XPath's number() reads as this integer, whichever XPath library reads it.
_PLAIN_NUMBER = re.compile(r"[ \t\r\n]*([0-9]{1,15})[ \t\r\n]*")
_HAS_DIGIT = re.compile(r"[0-9]")
_XML_SPACES = re.compile(r"[ \t\r\n]+")
_XML_SPACE_IN = re.compile(r"[ \t\r\n]")


class Unsure(Exception):
    """The record needs the Schematron itself: an error to word, or a value read differently by XPath."""


# regexp=False: none of these paths calls EXSLT's regular expressions, which lxml would otherwise register
# for every evaluation (4,500 instructions a call).
def _compiled(test: str) -> etree.XPath:
    return etree.XPath(test, namespaces=_NS, regexp=False)


def _strings(path: str) -> etree.XPath:
    """An XPath whose values come back as plain strings: lxml's "smart" ones each keep a reference to their
    element (a proxy made for every value), which the keys never ask for."""
    return etree.XPath(path, namespaces=_NS, smart_strings=False, regexp=False)


# Asserts evaluated once per document: their own XPath (no key(), no current()), by libxml2 as in the XSLT.
_HEADER_DATE = _compiled(
    "tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date[@when or @from] or "
    "tei:profileDesc/tei:creation/tei:date[@when or @from] or "
    "tei:profileDesc/tei:settingDesc/tei:setting/tei:date[@when or @from]")
# TE-LANG-001's test as the Schematron words it: _language_agrees answers it, and the tests hold the two together.
_LANGUAGE = _compiled(
    "not(tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident) or "
    "(tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident = 'und' and not(@xml:lang)) or "
    "(string(tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident) != 'und' and "
    "@xml:lang = tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident)")
_IDENTS = _strings("tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[1]/@ident")  # $ident, in document order
_DECL = "/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:editorialDecl"
_DECLARATIONS = _compiled(
    f"({_DECL}/tei:normalization/tei:p or not(.//tei:gap[@agent = 'ocr'])) and "
    f"({_DECL}/tei:normalization/tei:p or not(.//tei:note[@place = 'foot'])) and "
    f"({_DECL}/tei:segmentation/tei:p or not(.//tei:pb[@type = 'inferred'] or .//tei:sp)) and "
    f"({_DECL}/tei:interpretation/tei:p or not(.//tei:persName[@ref] or .//tei:said or .//tei:stage)) and "
    f"({_DECL}/tei:correction/tei:p or not(.//tei:sic))")
# Every declaration _DECLARATIONS may ask for, in one editorialDecl: then its searches of the text are moot
# (30,000 instructions a record, where the five absolute paths cost 63,000).
_ALL_DECLARED = _compiled(
    f"boolean({_DECL}[tei:normalization/tei:p and tei:segmentation/tei:p and tei:interpretation/tei:p "
    "and tei:correction/tei:p])")
_SOURCES_IDENTIFIED = _compiled("not(tei:bibl[not(tei:title and (tei:ptr or tei:idno or tei:msIdentifier/tei:idno))])")
_DATELINES = _compiled(
    "(/tei:TEI/tei:text/tei:body/tei:div[@type = 'document'])[1]//tei:dateline//tei:date[@when] | "
    "/tei:TEI/tei:text[not(tei:body/tei:div[@type = 'document'])]//tei:dateline//tei:date[@when]")
_PERSON_IDS = _strings("/tei:TEI/tei:teiHeader/tei:profileDesc/tei:particDesc//tei:person/@xml:id")
_APPLICATION_IDS = _strings("/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:appInfo/tei:application/@xml:id")


def _tokens(value: str) -> list[str]:
    """str:tokenize(normalize-space(value), ' '): split at XML spaces only (str.split() would split at any)."""
    if "\t" in value or "\n" in value or "\r" in value:
        return [part for part in _XML_SPACES.split(value) if part]
    return [part for part in value.split(" ") if part]


def _blank(text: str | None) -> bool:
    return text is None or not text.strip(_XML_SPACE)


def _has_text(element: etree._Element) -> bool:
    """normalize-space(.) != '': some text node inside the element holds more than XML spaces."""
    if not _blank(element.text):
        return True
    for inner in element.iterdescendants():
        if (isinstance(inner.tag, str) and not _blank(inner.text)) or not _blank(inner.tail):
            return True
    return False


def _has_words(element: etree._Element) -> bool:
    """normalize-space(.) != '' or .//tei:gap (TE-EMPTY-001, TE-EMPTY-002), for an element whose first text is
    blank. Such an element nearly always starts with a child that holds words (<p><said>…): that child's text
    is asked first, before a walk of the descendants (cachegrind: 24,000 instructions a record less)."""
    first = element[0] if len(element) else None
    # An element's class, not its tag (a string built at each read), tells it from a comment or a PI.
    if first is not None and type(first) is etree._Element and not _blank(first.text):
        return True
    return _has_text(element) or _has_descendant(element, _T + "gap")


def _has_child(element: etree._Element, tag: str) -> bool:
    return next(element.iterchildren(tag), None) is not None


def _has_descendant(element: etree._Element, tag: str) -> bool:
    return next(element.iterdescendants(tag), None) is not None


class _Keys:
    """The Schematron's keys and top-level lets for one tree, each read when a rule first needs it.

    A pointer is first looked up among the ids its let names by path (/TEI/teiHeader/…), which its key
    holds too; only a pointer not found there asks for the whole key (a search of the document).
    """

    def __init__(self, root: etree._Element, ids_unique: bool) -> None:
        self.root = root
        self.ids_unique = ids_unique
        self._found: dict[str, frozenset[str]] = {}

    def _values(self, name: str, path: etree.XPath) -> frozenset[str]:
        values = self._found.get(name)
        if values is None:
            values = self._found[name] = frozenset(path(self.root))  # type: ignore[arg-type]
        return values

    def person_ids(self) -> frozenset[str]:
        return self._values("person-ids", _PERSON_IDS)

    def persons(self) -> frozenset[str]:
        return self._values("persons", _PERSONS)

    def application_ids(self) -> frozenset[str]:
        return self._values("application-ids", _APPLICATION_IDS)

    def applications(self) -> frozenset[str]:
        return self._values("applications", _APPLICATIONS)

    def hands(self) -> frozenset[str]:
        return self._values("hands", _HANDS)

    def ids(self) -> frozenset[str]:
        return self._values("ids", _IDS)


_PERSONS = _strings("//tei:particDesc//tei:person/@xml:id")
_APPLICATIONS = _strings("//tei:appInfo/tei:application/@xml:id")
_HANDS = _strings("//tei:handNote/@xml:id")
_IDS = _strings("//@xml:id")
_BY_ID = etree.XPath("id($identifier)", regexp=False)


def _who_or_ref(element: etree._Element) -> str:
    """normalize-space(@who | @ref)'s argument: the first of the two in document (attribute) order."""
    who = element.get(_WHO)
    ref = element.get(_REF)
    if who is None or ref is None:
        return who if who is not None else (ref or "")
    return next(value for name, value in element.items() if name in ("who", "ref"))


def _collect(elements: Iterable[etree._Element], tested: set[str], pointing: set[str]) -> None:
    """Note the values the pointer rules test (sp/@who, said/@who, persName/@ref) and normalize-space(@who | @ref)'s
    argument, for sp, said and persName walked together.

    Both @who and @ref are tested whatever the kind: a walk cannot tell the kinds apart without asking each element
    its name, which costs more than the test, and a value no rule tests can only make the check decline (the
    Schematron then answers). One loop, each attribute read once: a lookup costs more than a Python statement.
    """
    for element in elements:
        who = element.get(_WHO)
        ref = element.get(_REF)
        if who is None:
            if ref is not None:
                tested.add(ref)
                pointing.add(ref)
        elif ref is None:
            tested.add(who)
            pointing.add(who)
        else:
            tested.add(who)
            tested.add(ref)
            pointing.add(_who_or_ref(element))


def _points(value: str | None, in_path: Callable[[], frozenset[str]], in_key: Callable[[], frozenset[str]]) -> bool:
    """The pointer test of TE-REF-001 to TE-REF-005: absent, '#' and a key's id, or a list of '#' ids of the let
    (``in_path``: the let's ids, which the key holds too; ``in_key``: the key's, a search of the document, read
    only when the others fail)."""
    if value is None:
        return True
    if value.startswith("#") and value[1:] in in_path():
        return True
    tokens = _tokens(value)
    listed = in_path()
    if len(tokens) > 1 and all(token.startswith("#") and token[1:] in listed for token in tokens):
        return True
    return value.startswith("#") and value[1:] in in_key()


def _mark(note: etree._Element) -> int | None:
    """number(@n) of a footnote: None for NaN; Unsure for a mark XPath libraries may read apart."""
    return _number(note.get(_N))


def _number(value: str | None) -> int | None:
    """number(value) of a footnote's @n (see _mark)."""
    if value is None:
        return None
    plain = _PLAIN_NUMBER.fullmatch(value)
    if plain is not None:
        return int(plain.group(1))
    if _HAS_DIGIT.search(value) is None:
        return None  # no number without a digit
    raise Unsure(f"footnote mark {value!r}")


class _Footnotes:
    """TE-NOTE-003's previous numeric footnote, as the rule's lets find it, for every footnote."""

    def __init__(self, notes: list[etree._Element]) -> None:
        self.notes = notes
        self.position = {note: index for index, note in enumerate(notes)}
        self.marks = [_mark(note) if note.get(_PLACE) == "foot" else None for note in notes]  # of footnotes
        self.numeric = [mark is not None for mark in self.marks]
        # Some note inside another: asked of the notes with an element inside (an ancestor search per note
        # parsed its tag argument every time: 47,000 instructions a record for the usual five notes).
        self.nested = any(len(note) and next(note.iterdescendants(_T + "note"), None) is not None for note in notes)
        # the last numeric footnote before each note in document order (set:leading of the key, [last()])
        self.last_numeric_before: list[etree._Element | None] = []
        last = None
        for note, numeric in zip(notes, self.numeric):
            self.last_numeric_before.append(last)
            if numeric:
                last = note

    def _preceding(self, note: etree._Element) -> etree._Element | None:
        """preceding::tei:note[1]: the nearest note before, not counting the note's own ancestors."""
        index = self.position[note] - 1
        if not self.nested:
            return self.notes[index] if index >= 0 else None
        ancestors = set(note.iterancestors(_T + "note"))
        while index >= 0 and self.notes[index] in ancestors:
            index -= 1
        return self.notes[index] if index >= 0 else None

    def previous(self, note: etree._Element) -> etree._Element | None:
        near = self._preceding(note)
        for _ in range(3):  # $near-2 … $near-4, each past a note that is no numeric footnote
            if near is None or self.numeric[self.position[near]]:
                break
            near = self._preceding(near)
        if near is not None and self.numeric[self.position[near]]:
            return near
        if near is None:
            return None
        return self.last_numeric_before[self.position[note]]  # four other notes passed: the key's list


class _Walk:
    """The elements some rule of the phase matches, a kind at a time (lxml picks them out by name in C)."""

    def __init__(self, tree: etree._ElementTree, file: str, source: str, ids_unique: bool,
                 notes: list[etree._Element] | None = None) -> None:
        self.tree = tree
        self.notes = notes  # every tei:note in document order, when the caller has listed them
        self.root = tree.getroot()
        self.file = file
        self.source = source
        self.keys = _Keys(self.root, ids_unique)
        self.pointers: set[str] = set()  # key person-pointers
        self.pointer_values: set[str] = set()  # every value of POINTER_CARRIERS
        # The xml:ids of the applications of every appInfo walked so far: ids of the key 'applications'.
        self.walked_applications: set[str] = set()
        self.tested: set[str] = set()  # sp/@who, said/@who, persName/@ref: TE-REF-001 … TE-REF-003's values
        # The xml:ids of the persons in a particDesc walked so far (while values are to be tested): the key 'persons'.
        self.walked_persons: set[str] = set()
        self.warnings: list[tuple[etree._Element, str, str]] = []
        self._footnotes: _Footnotes | None = None
        self._note_ids: frozenset[str] | None = None
        self._all_declared: bool | None = None

    def all_declared(self) -> bool:
        if self._all_declared is None:
            self._all_declared = bool(_ALL_DECLARED(self.root))
        return self._all_declared

    def note_ids(self) -> frozenset[str]:
        """The xml:ids of the notes the caller listed (ids of the key 'ids'; none when it listed none)."""
        if self._note_ids is None:
            self._note_ids = frozenset(identifier for note in self.notes or ()
                                       if (identifier := note.get(_ID_KEY)) is not None)
        return self._note_ids

    def footnotes(self) -> _Footnotes:
        if self._footnotes is None:
            self._footnotes = _Footnotes(self.notes if self.notes is not None else list(self.root.iter(_T + "note")))
        return self._footnotes

    def warn(self, element: etree._Element, rule: str, message: str) -> None:
        self.warnings.append((element, rule, message))

    def run(self) -> list[Diagnostic]:
        if not self.keys.ids_unique:
            ids = _IDS(self.root)
            _require(len(ids) == len(set(ids)), "TE-ID-001")  # type: ignore[arg-type]
        for element in self.root.iter(*_NOT_EMPTY):
            text = element.text  # nearly always the answer: the first text node holds words
            if (text is None or not text.strip(_XML_SPACE)) and not _has_words(element):
                raise Unsure("TE-EMPTY-001 or TE-EMPTY-002")
        self._pointers()
        for element in self.root.iter(*_RULES):
            _RULES[element.tag](self, element)
        self._pointers_point()
        if not self.warnings:
            return []
        return self._diagnostics()

    def _pointers(self) -> None:
        """The key person-pointers (TE-REF-007, a rule of _RULES, reads them), and the values TE-REF-001 to
        TE-REF-003 test (_pointers_point tests them once the rules' walk has met the persons)."""
        tested = self.tested        # one test for all three rules, against the same ids
        pointing: set[str] = set()  # normalize-space(@who | @ref) of each: the key's values
        _collect(self.root.iter(_T + "sp", _T + "said", _T + "persName"), tested, pointing)
        self.pointer_values |= tested
        pointers = self.pointers
        for value in pointing:
            if _XML_SPACE_IN.search(value) is None:
                if value:
                    pointers.add(value)  # one token: _tokens' split would give the value itself
            else:
                pointers.update(_tokens(value))

    def _pointers_point(self) -> None:
        """TE-REF-001 to TE-REF-003, each distinct value once. The usual value, '#' and the id of a person in a
        particDesc (an id of the key, so _points' test holds), is answered here from the persons the rules' walk
        met, without the let's XPath (38,000 instructions a record); any other value is given to _points."""
        keys = self.keys
        persons = self.walked_persons
        for value in self.tested:
            if not (value[:1] == "#" and value[1:] in persons):
                _require(_points(value, keys.person_ids, keys.persons), "TE-REF-001 … TE-REF-003")

    def _diagnostics(self) -> list[Diagnostic]:
        """The warnings in document order, as the Schematron reports them."""
        warnings = self.warnings
        if len(warnings) > 1:
            order = {element: index for index, element in enumerate(self.root.iter(*_WARNED))}
            warnings = sorted(warnings, key=lambda warning: order[warning[0]])
        # A Locator counts the children of every parent on the way once: worth it for many findings only.
        xpath = Locator(self.tree).xpath_of if len(warnings) > _FEW_WARNINGS else xpath_of
        return [Diagnostic(file=self.file, rule=rule, severity=Severity.WARNING, source=self.source,
                           line=element.sourceline, xpath=xpath(element), message=" ".join(message.split()))
                for element, rule, message in warnings]


_FEW_WARNINGS = 8


# TE-EMPTY-001's elements, and said, whose TE-EMPTY-002 is the same test.
_NOT_EMPTY = tuple(_T + name for name in ("p", "speaker", "stage", "title", "occupation", "roleName", "said"))
# The (element, attribute) pairs whose values a finished walk has gathered in pointer_values: the validator
# checks them for the XSD's pointer pattern, which the XSD's fast twin leaves out (xsd_twin.relax_pointers).
POINTER_CARRIERS = frozenset((_T + element, name) for element, name in (
    ("sp", "who"), ("sp", "ref"), ("said", "who"), ("said", "ref"), ("persName", "who"), ("persName", "ref"),
    ("change", "who"), ("add", "hand")))
_POINTER_RULES = {_T + "sp": "TE-REF-001", _T + "said": "TE-REF-002", _T + "persName": "TE-REF-003"}
_WARNED = (_T + "teiHeader", _T + "person", _T + "note")


def _require(condition: object, what: str) -> None:
    if not condition:
        raise Unsure(what)


def _person(walk: _Walk, element: etree._Element) -> None:
    """TE-REF-007: _Walk._pointers has gathered every pointer before the rules' walk. The person's id is noted
    for TE-REF-001 … TE-REF-003 (_Walk._pointers_point) when it is in a particDesc."""
    identifier = element.get(_ID_KEY)
    if identifier is not None and walk.tested and _in_partic_desc(element):
        walk.walked_persons.add(identifier)
    if identifier is None:
        identifier = ""
    if "#" + identifier not in walk.pointers:
        walk.warn(element, "TE-REF-007",
                  f'Person "{identifier}" is never referred to (no sp/@who, said/@who or persName/@ref '
                  "points to it): remove the person or mark the mention in the text.")


_PARTIC_DESC = _T + "particDesc"


def _in_partic_desc(element: etree._Element) -> bool:
    """Some ancestor is a tei:particDesc, asked of the parents one by one (iterancestors parses its tag argument
    at each call: 8,400 instructions, where a person's listPerson and particDesc cost 3,000)."""
    parent = element.getparent()
    while parent is not None:
        if parent.tag == _PARTIC_DESC:
            return True
        parent = parent.getparent()
    return False


def _change(walk: _Walk, element: etree._Element) -> None:
    who = element.get("who")
    if who is not None:
        walk.pointer_values.add(who)
        # '#' and an id of the key holds _points' test: answered from the appInfo walked before the change
        # (the header's revisionDesc follows its encodingDesc), without the let's XPath (21,000 instructions).
        if who[:1] == "#" and who[1:] in walk.walked_applications:
            return
    _require(_points(who, walk.keys.application_ids, walk.keys.applications), "TE-REF-004")


def _add(walk: _Walk, element: etree._Element) -> None:
    hand = element.get("hand")
    if hand is not None:
        walk.pointer_values.add(hand)
    _require(_points(hand, walk.keys.hands, walk.keys.hands), "TE-REF-005")


def _ptr(walk: _Walk, element: etree._Element) -> None:
    """TE-REF-006. The usual target, a footnote call's '#' and its note's id, is found among the notes' ids
    (ids of the key, so the test holds) without the id() XPath (about 10,000 instructions a pointer)."""
    target = element.get(_TARGET) or ""
    _require(not target.startswith("#") or target[1:] in walk.note_ids() or _has_id(walk, target[1:]), "TE-REF-006")


def _has_id(walk: _Walk, identifier: str) -> bool:
    """key('ids', identifier): asked first of libxml2's table of ids (a lookup, where a parser filled it),
    and only when that finds no element with this very xml:id, of every xml:id in the document."""
    found: list[etree._Element] = _BY_ID(walk.root, identifier=identifier)  # type: ignore[assignment]
    return any(element.get(_XML_ID) == identifier for element in found) or identifier in walk.keys.ids()


def _note(walk: _Walk, element: etree._Element) -> None:
    if element.get(_PLACE) != "foot":
        _other_note(walk, element)
        return
    n = element.get(_N)
    _require(n is not None and element.get(_ID_KEY) is not None, "TE-NOTE-001")
    mark = _number(n)
    if mark is None:
        return
    footnotes = walk.footnotes()
    previous = footnotes.previous(element)  # a numeric footnote: its mark is in footnotes.marks
    previous_mark = footnotes.marks[footnotes.position[previous]] if previous is not None else None
    if previous_mark is not None and mark == previous_mark + 1:
        return
    if mark == 1:  # a document's first note, or its numbering restarted (footnote_marks.RESTART)
        return
    where = f"does not follow footnote {previous.get('n', '')}" if previous is not None else \
        "is the first numbered footnote, not 1"
    walk.warn(element, "TE-NOTE-003",
              f"Footnote {n} {where}: numeric marks should run 1, 2, 3 …; "
              "check whether the source skips a number or a note was lost.")


def _other_note(walk: _Walk, element: etree._Element) -> None:
    """tei:note | tei:application | tei:handNote."""
    parent = element.getparent()
    _require(parent is None or parent.tag != _T + "bibl" or _has_text(element) or _has_child(element, _T + "gap"),
             "TE-EMPTY-003")


def _gap(walk: _Walk, element: etree._Element) -> None:
    _require(element.get(_REASON) is not None, "TE-GAP-001")
    unit = element.get(_UNIT)  # each attribute read once: a lookup costs more than a Python statement
    quantity = element.get(_QUANTITY)
    if element.get(_AGENT) == "ocr":
        plain = _PLAIN_NUMBER.fullmatch(quantity or "")
        _require(unit == "char" and plain is not None and int(plain.group(1)) >= 1, "TE-GAP-002")
    _require((unit is None) == (quantity is None), "TE-GAP-003")


def _corr(walk: _Walk, element: etree._Element) -> None:
    parent = element.getparent()
    _require(parent is not None and parent.tag == _T + "choice" and _has_child(parent, _T + "sic"), "TE-CORR-001")


def _source_desc(walk: _Walk, element: etree._Element) -> None:
    """TE-HDR-001, whose context is tei:sourceDesc/tei:bibl: its test on every bibl in one XPath of the child
    axis (16,000 instructions a record, where a child search per name cost 29,000)."""
    _require(_SOURCES_IDENTIFIED(element), "TE-HDR-001")


def _app_info(walk: _Walk, element: etree._Element) -> None:
    """TE-HDR-002; and the applications' ids, for TE-REF-004 (_change)."""
    ours = False
    for application in element.iterchildren(_T + "application"):
        identifier = application.get(_XML_ID)
        if identifier is not None:
            walk.walked_applications.add(identifier)
        ours = ours or (application.get("ident") == "tei-encoder" and application.get("version") is not None)
    _require(ours, "TE-HDR-002")


def _tei_header(walk: _Walk, element: etree._Element) -> None:
    if not _HEADER_DATE(element):
        walk.warn(element, "TE-HDR-003",
                  "The header gives no date/@when in sourceDesc/bibl, creation or setting: if the record states a "
                  "date, record it with its ISO value.")


def _tei(walk: _Walk, element: etree._Element) -> None:
    # TE-CHAR-001 is decided here only when the prefilter proved both of its searches empty (see check()).
    _require(_language_agrees(element), "TE-LANG-001")


def _language_agrees(tei: etree._Element) -> bool:
    """TE-LANG-001's test (_LANGUAGE), with $ident read once (the XPath reads it up to four times: 46,000
    instructions a record; this 21,000)."""
    idents: list[str] = _IDENTS(tei)  # type: ignore[assignment]
    if not idents:
        return True
    lang = tei.get(_XML_LANG)
    if lang is None:
        return "und" in idents
    return idents[0] != "und" and lang in idents


def _creation(walk: _Walk, element: etree._Element) -> None:
    """TE-DATE-001, whose context is tei:creation/tei:date[@when]."""
    for date in element.iterchildren(_T + "date"):
        when = date.get("when")
        if when is None:
            continue
        datelines: Iterable[etree._Element] = _DATELINES(date)  # type: ignore[assignment]
        dates = [str(dateline.get("when")) for dateline in datelines]
        _require(not dates or any(found.startswith(when) or when.startswith(found) for found in dates), "TE-DATE-001")


def _text(walk: _Walk, element: etree._Element) -> None:
    _require(walk.all_declared() or _DECLARATIONS(element), "TE-DECL-001 … TE-DECL-005")


_RULES: dict[str, Callable[[_Walk, etree._Element], None]] = {
    _T + "change": _change, _T + "add": _add, _T + "ptr": _ptr, _T + "note": _note, _T + "application": _other_note,
    _T + "handNote": _other_note, _T + "gap": _gap, _T + "corr": _corr, _T + "sourceDesc": _source_desc,
    _T + "appInfo": _app_info, _T + "teiHeader": _tei_header, _T + "TEI": _tei, _T + "creation": _creation,
    _T + "text": _text, _T + "person": _person,
}

# TE-CHAR-001 holds without a search when the validator tells the Schematron both searches are empty.
_CHARACTER_SEARCHES_EMPTY = {CHARACTERS_PARAMETER: "false()", FOOTNOTE_CALLS_PARAMETER: "false()"}


def check(tree: etree._ElementTree, file: str, source: str, parameters: Mapping[str, str] | None, *,
          ids_unique: bool = False, notes: list[etree._Element] | None = None,
          pointer_values: set[str] | None = None) -> list[Diagnostic] | None:
    """The diagnostics of the default phase but TE-NOTE-002, or None: run the Schematron instead.

    ``parameters``: what the validator passes the Schematron (prefilter.py); ``ids_unique``: the tree's
    xml:ids are known to be unique (the parser checked them), else they are counted here; ``notes``: the
    tree's notes as footnote_marks.notes lists them, when the caller has them already; ``pointer_values``
    receives the values of POINTER_CARRIERS when the walk finishes (diagnostics are returned).
    """
    if any((parameters or {}).get(name) != value for name, value in _CHARACTER_SEARCHES_EMPTY.items()):
        return None
    walk = _Walk(tree, file, source, ids_unique, notes)
    try:
        found = walk.run()
    except Unsure:
        return None
    if pointer_values is not None:
        pointer_values |= walk.pointer_values
    return found
