"""Write a model.Document as TEI P5 (ENCODING.md), deterministically.

Attributes are set in a fixed order, ids come from the model, and nothing
reads the clock: ``revisionDesc/change/@when`` comes only from
SOURCE_DATE_EPOCH. Element-only containers are indented; mixed content is
never touched, so indentation cannot change the text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import TypeVar, overload

from lxml import etree

from tei_encoder import __version__
from tei_encoder import model as m
from tei_encoder.config import authority_kind
from tei_encoder.trace import header_id
from tei_encoder.writer.statements import sentence

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = "{%s}" % TEI_NS

SECTION_ORDER = ("normalization", "hyphenation", "quotation", "correction", "segmentation",
                 "interpretation")
SECTION_ATTRIBUTES = {"normalization": ("method", "silent"), "hyphenation": ("eol", "all"),
                      "quotation": ("marks", "all"), "correction": ("method", "markup")}
NOT_PUBLISHED = "Not published. No publisher, licence or identifier was supplied for this encoding."

# Element-only containers: indenting them cannot change any text.
_INDENTED = frozenset(_T + name for name in """
TEI teiHeader fileDesc titleStmt respStmt publicationStmt sourceDesc msIdentifier relatedItem
encodingDesc appInfo editorialDecl profileDesc abstract langUsage textClass keywords
correspDesc correspAction particDesc listPerson person settingDesc setting handNotes seriesStmt
availability
revisionDesc text body div sp list table row
""".split()) | {_T + "bibl"}


# Where the project schema allows a stage direction: paragraphs (and turns, written by _turn).
_STAGE_PARENTS = frozenset({_T + "p", _T + "sp"})


class _Node:
    """An element of the TEI being written, before it becomes an lxml element.

    lxml checks every tag, namespace and attribute name it is given (parsing the namespace's URI
    for each element and each namespaced attribute): over a tenth of the writer's time. The writer
    builds these plain nodes instead, with their start tag as markup, and ``_tree`` turns the whole
    document into lxml's tree in one parse of its markup (libxml2's parser, in C). The parts lxml's
    elements have, under the same names, so that ``_indent`` works on both.
    """

    __slots__ = ("tag", "start", "text", "tail", "children")

    def __init__(self, name: str, start: str, text: str | None) -> None:
        self.tag = _T + name
        self.start = start  # "<name" and its attributes as markup: '<p n="2" xml:id="u3"'
        self.text = text
        self.tail: str | None = None
        self.children: list[_Node] = []

    def __len__(self) -> int:
        return len(self.children)

    def __iter__(self) -> Iterator[_Node]:
        return iter(self.children)

    def __getitem__(self, index: int) -> _Node:
        return self.children[index]


_Parent = TypeVar("_Parent", "_Node", etree._Element)


@overload
def _el(parent: _Node, name: str, text: str | None = None, **attributes: str | None) -> _Node: ...
@overload
def _el(parent: etree._Element | None, name: str, text: str | None = None,
        **attributes: str | None) -> etree._Element: ...
def _el(parent: _Node | etree._Element | None, name: str, text: str | None = None,
        **attributes: str | None) -> _Node | etree._Element:
    """A child element of ``parent`` with its attributes in the order given (a None value: no attribute).

    A node under a node (the document tei_tree writes); an lxml element under an lxml element or, for
    no parent, a root (the personography's pieces).
    """
    if parent.__class__ is not _Node:
        return _element(parent, name, text, attributes)  # type: ignore[arg-type]
    start = "<" + name
    if attributes:
        for key, value in attributes.items():
            if value is not None:
                start += f' {_written_name(key)}="{value.translate(_ATTRIBUTE_ESCAPES)}"'
    node = _Node(name, start, text)
    parent.children.append(node)  # type: ignore[union-attr]
    return node


# What a parser would read otherwise in an attribute's value: a raw tab or line end becomes a space.
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;",
                                    "\n": "&#10;", "\r": "&#13;"})


def _element(parent: etree._Element | None, name: str, text: str | None,
             attributes: dict[str, str | None]) -> etree._Element:
    tag = _T + name
    attrib = {_attribute_name(key): value for key, value in attributes.items() if value is not None}
    if parent is None:
        element = etree.Element(tag, attrib, nsmap={None: TEI_NS})
    else:  # without an empty attribute dict lxml has less to do
        element = etree.SubElement(parent, tag, attrib) if attrib else etree.SubElement(parent, tag)
    if text is not None:
        element.text = text
    return element


# The box, then any more: a pattern opening with a repeat ("□+") is tried at every position of the text;
# one opening with a character, only where it stands.
OCR_BOXES = re.compile("\u25a1\u25a1*")


def _boxed(parent: _Node, tag: str, text: str, **attributes: str | None) -> _Node:
    """An element of text that may hold OCR boxes (a name, a place, an office, a speaker's label)."""
    element = _el(parent, tag, **attributes)
    _with_boxes(element, text)
    return element


def _with_boxes(element: _Node, text: str) -> None:
    """Header text with each run of OCR boxes (□) as a gap, as in the body: no box is left as text."""
    done = 0
    for run in OCR_BOXES.finditer(text):
        _append_text(element, text[done:run.start()])
        _el(element, "gap", reason="illegible", agent="ocr", unit="char", quantity=str(len(run.group())))
        done = run.end()
    _append_text(element, text[done:])


def _date(parent: _Node, date: m.DateText, xml_id: str | None = None) -> _Node:
    """A date with ``@when``, or ``@from``/``@to`` for a range of days."""
    return _el(parent, "date", date.text, when=date.when, from_=date.from_, to=date.to, xml_id=xml_id)


def _attribute_name(key: str) -> str:
    if key == "xml_id":
        return f"{{{XML_NS}}}id"
    if key == "xml_lang":
        return f"{{{XML_NS}}}lang"
    return key.rstrip("_")


def _written_name(key: str) -> str:
    """The attribute's name as written in the markup, from _el's keyword: xml_id → xml:id, from_ → from."""
    name = _WRITTEN_NAMES.get(key)
    if name is None:
        name = _WRITTEN_NAMES[key] = "xml:" + key[4:] if key.startswith("xml_") else key.rstrip("_")
    return name


_WRITTEN_NAMES: dict[str, str] = {}


def write_tei(document: m.Document) -> bytes:
    return serialise(tei_tree(document))


def serialise(root: etree._Element) -> bytes:
    """The bytes of a tree from tei_tree, as they are written to the file."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def tei_tree(document: m.Document) -> etree._Element:
    """The TEI of the document as a tree in memory, indented as it is written."""
    language = document.header.language.code
    root = _Node("TEI", f'<TEI xmlns="{TEI_NS}"' + (f' xml:lang="{language}"' if language != "und" else ""), None)
    _header(root, document)
    text = _el(root, "text")
    body = _el(text, "body")
    for division in document.divisions:
        _division(body, division)
    _indent(root, 0)
    return _tree(root)


def _tree(root: _Node) -> etree._Element:
    """The lxml tree of a document of nodes: its markup, parsed.

    The parse gives the tree lxml would have built element by element, except that an element whose
    text is the empty string (and no child) has no text after a parse: such an element is marked in the
    markup and given its empty text back, so that it is serialised as lxml writes it (``<x></x>``).
    """
    parts: list[str] = [_DECLARATION]  # so that each element's sourceline is its line in the file written
    emptied = _markup(root, parts)
    markup = "".join(parts).encode("utf-8")
    try:
        tree = etree.fromstring(markup, _PARSER)
    except etree.XMLSyntaxError:  # a repeated or malformed xml:id: the validator reports it, as for any tree
        tree = etree.fromstring(markup, _PARSER_WITHOUT_IDS)
    if emptied:
        for element in tree.iterfind(f".//*[@{_EMPTY_TEXT}]"):
            del element.attrib[_EMPTY_TEXT]
            element.text = ""
    return tree


# Our own markup: no DTD, no entities, no network; a record of up to 50 MB may hold a long paragraph.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_PARSER_WITHOUT_IDS = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, collect_ids=False)
_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"  # as serialise writes it
_EMPTY_TEXT = "tei-encoder-empty-text"  # the mark of an element whose text is "", in the markup only


def _markup(node: _Node, parts: list[str]) -> bool:
    """Append the markup of ``node`` and its tail to ``parts``; whether an element's text is ""."""
    text = node.text
    emptied = False
    if node.children:
        parts.append(node.start + ">" + _text(text) if text else node.start + ">")
        for child in node.children:
            emptied = _markup(child, parts) or emptied
        parts.append(f"</{node.tag[_TAG_START:]}>")
    elif text:
        parts.append(f"{node.start}>{_text(text)}</{node.tag[_TAG_START:]}>")
    elif text is None:
        parts.append(node.start + "/>")
    else:
        parts.append(f'{node.start} {_EMPTY_TEXT}=""/>')
        emptied = True
    if node.tail:
        parts.append(_text(node.tail))
    return emptied


_TAG_START = len(_T)


def _text(text: str) -> str:
    """Character data as markup: what the parser would read otherwise is a reference (a CR as such)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


# ---------------------------------------------------------------- header

def _header(root: _Node, document: m.Document) -> None:
    header = document.header
    ids = _Traced(document)
    tei_header = _el(root, "teiHeader")
    file_desc = _el(tei_header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    if header.title:
        _with_boxes(_el(title_stmt, "title", xml_id=ids("title")), header.title)
    else:
        # a supplied title from a subject line may hold an OCR box: a gap, as in any title (fuzz, session 13)
        _with_boxes(_el(title_stmt, "title", type="supplied", xml_id=ids("title")), _supplied_title(header))
    for editor in document.edition.editors:
        _el(title_stmt, "editor", editor)
    resp = _el(title_stmt, "respStmt")
    _el(resp, "resp", "TEI encoding, converted automatically from plain text")
    _el(resp, "name", "tei-encoder", type="software")
    for credit in header.credits:
        resp = _el(title_stmt, "respStmt")
        _el(resp, "resp", credit.role)
        _el(resp, "persName", credit.name, ref=f"#{credit.person}")
    for funder in header.funders:  # the line that names them is kept whole in sourceDesc's boilerplate
        _el(title_stmt, "funder", funder)
    _publication(_el(file_desc, "publicationStmt"), document.edition)
    if document.edition.title:  # the edition is the series every document of it belongs to
        _el(_el(file_desc, "seriesStmt"), "title", document.edition.title, level="s")
    _source_desc(_el(file_desc, "sourceDesc"), header, ids)
    _encoding_desc(tei_header, document)
    _profile_desc(tei_header, document, ids)
    revision = _el(tei_header, "revisionDesc")
    _el(revision, "change", "Converted from plain text.", who="#tei-encoder", when=_build_date())


class _Traced:
    """The xml:id of a header field the decision trace points at; None (no id) for one it does not."""

    def __init__(self, document: m.Document) -> None:
        self.targets = frozenset(d.target_id for d in document.trace if d.target_id)

    def __call__(self, field_name: str, index: int | None = None) -> str | None:
        ident = header_id(field_name, index)
        return ident if ident in self.targets else None


def _publication(publication: _Parent, edition: m.EditionStatement) -> None:
    """Publisher, edition id, permalink and licence when the project file states them; else say so."""
    if not edition.publisher:  # the project file requires a publisher for any of the others
        _el(publication, "p", NOT_PUBLISHED)
        return
    _el(publication, "publisher", edition.publisher)
    if edition.ident:
        _el(publication, "idno", edition.ident, type="edition")
    if edition.uri:
        _el(publication, "idno", _uri(edition.uri), type="URI")
    if edition.licence or edition.licence_url:
        availability = _el(publication, "availability")
        _el(availability, "licence", edition.licence or edition.licence_url,
            target=_uri(edition.licence_url) if edition.licence_url else None)


def _build_date() -> str | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%d")


def _supplied_title(header: m.Header) -> str:
    """The title the encoder gives a record that prints none: what it is, or its file's name."""
    return header.supplied_title or f"Record {header.file_name.rsplit('.', 1)[0]}"


def _source_desc(source_desc: _Node, header: m.Header, ids: _Traced) -> None:
    bibl = _el(source_desc, "bibl", type="source")
    _with_boxes(_el(bibl, "title", type=None if header.title else "supplied"), header.title or _supplied_title(header))
    if header.date:
        _date(bibl, header.date, ids("date"))
    if header.publisher:
        _el(bibl, "publisher", header.publisher)
    if header.repository:
        ms = _el(bibl, "msIdentifier")
        _el(ms, "repository", header.repository)
        for reference in _present(header.archival_refs):
            _el(ms, "idno", reference, type="archival")
    else:
        for reference in _present(header.archival_refs):
            _el(bibl, "idno", reference, type="archival")
    for number in _present(header.numbers):
        _el(bibl, "idno", number, type="number")
    if header.url:
        target = _uri(header.url)
        _el(bibl, "ptr", target=target)
        if target != header.url:  # escaped for the URI: the address as printed stays readable too
            _with_boxes(_el(bibl, "note", type="field", n="URL"), header.url)
    if header.citation:
        _with_boxes(_el(bibl, "note", type="citation", xml_id=ids("citation")), header.citation)
    for index, item in enumerate(header.contents, 1):
        if item.strip():
            _with_boxes(_el(bibl, "note", type="contents", xml_id=ids("contents", index)), item)
    for index, source_field in enumerate(header.fields, 1):
        _with_boxes(_el(bibl, "note", type="field", n=source_field.label, xml_id=ids("field", index)),
                    source_field.text)
    if header.original_language:
        codes = header.original_languages
        _el(bibl, "textLang", header.original_language, mainLang=codes[0] if codes else None,
            otherLangs=" ".join(codes[1:]) or None, xml_id=ids("original-language"))
    if header.publication:
        related = _el(bibl, "relatedItem", type="printed-edition")
        _el(related, "bibl", header.publication)
    for index, line in enumerate(header.boilerplate, 1):
        _with_boxes(_el(bibl, "note", type="boilerplate", xml_id=ids("boilerplate", index)), line)
    _el(bibl, "idno", header.file_name, type="file")
    _el(bibl, "idno", header.sha256, type="sha256")


def _present(values: Iterable[str]) -> list[str]:
    """Header values with some text: a field a damaged record leaves blank is left out, not written empty."""
    return [value for value in values if value.strip()]


def _encoding_desc(tei_header: _Node, document: m.Document) -> None:
    encoding = _el(tei_header, "encodingDesc")
    app_info = _el(encoding, "appInfo")
    application = _el(app_info, "application", xml_id="tei-encoder", ident="tei-encoder",
                      version=__version__)
    _el(application, "label", "tei-encoder")
    editorial = _el(encoding, "editorialDecl")
    for section in SECTION_ORDER:
        statements = sorted((s for s in document.statements if s.section == section),
                            key=lambda s: s.key)
        if not statements:
            continue
        attribute = SECTION_ATTRIBUTES.get(section)
        element = _el(editorial, section, **({attribute[0]: attribute[1]} if attribute else {}))
        for statement in statements:
            _el(element, "p", sentence(statement))


def _profile_desc(tei_header: _Node, document: m.Document, ids: _Traced) -> None:
    header = document.header
    profile = _el(tei_header, "profileDesc")
    if header.summary:
        abstract = _el(profile, "abstract", xml_id=ids("summary"))
        for paragraph in header.summary:
            _with_boxes(_el(abstract, "p"), paragraph)
    if header.creation:
        creation = _el(profile, "creation")
        _date(creation, header.creation)
    lang_usage = _el(profile, "langUsage")
    _el(lang_usage, "language", header.language.name or "unknown", ident=header.language.code,
        xml_id=ids("language"))
    _keywords(profile, header, ids)
    _correspondence(profile, header, {p.ident: p for p in document.persons})
    _participants(profile, document.persons)
    _setting(profile, header)
    if header.hands:
        hand_notes = _el(profile, "handNotes")
        for hand in header.hands:
            _el(hand_notes, "handNote", hand.description, xml_id=hand.ident)


def _keywords(profile: _Node, header: m.Header, ids: _Traced) -> None:
    if not any(term.text.strip() for term in header.terms):
        return
    keywords = _el(_el(profile, "textClass"), "keywords")
    for index, term in enumerate(header.terms, 1):
        if term.text.strip():
            _el(keywords, "term", term.text, type=term.kind, xml_id=ids("term", index))


def _correspondence(profile: _Node, header: m.Header, persons: dict[str, m.Person]) -> None:
    if not header.correspondence:
        return
    corresp = _el(profile, "correspDesc")
    for action in header.correspondence:
        element = _el(corresp, "correspAction", type=action.kind)
        for person in action.people:
            _boxed(element, "persName", persons[person].names[0], ref=f"#{person}")
        for body in action.bodies:  # a body is no person: a name, no @ref
            _boxed(element, "orgName", body)
        for place in action.places:
            _boxed(element, "placeName", place)
        if action.date:
            _date(element, action.date)


def _participants(profile: _Node, persons: tuple[m.Person, ...]) -> None:
    if not persons:
        return
    partic = _el(profile, "particDesc")
    for group in ("participants", "mentioned"):
        members = [p for p in persons if p.group == group]
        if not members:
            continue
        list_person = _el(partic, "listPerson", type=group)
        for person in members:
            _person(list_person, person)


def _person(parent: _Node, person: m.Person) -> None:
    element = _el(parent, "person", xml_id=person.ident, role=" ".join(person.roles) or None)
    for index, name in enumerate(person.names):
        _boxed(element, "persName", name, type="variant" if index else None)
    for office in person.offices:  # "Deputy Minister of Foreign Affairs of the USSR": a form of the person
        _boxed(_el(element, "persName", type="variant"), "roleName", office)
    for uri in person.authority:
        _el(element, "idno", _uri(uri), type=authority_kind(uri))
    if person.birth:
        _el(element, "birth", when=person.birth)
    if person.death:
        _el(element, "death", when=person.death)
    if person.occupation:
        _boxed(element, "occupation", person.occupation)
    if person.note:
        _el(element, "ptr", target=f"#{person.note}")


def _setting(profile: _Node, header: m.Header) -> None:
    if not header.setting:
        return
    setting = _el(_el(profile, "settingDesc"), "setting")
    if header.setting.place:
        _boxed(setting, "placeName", header.setting.place)
    if header.setting.date:
        _date(setting, header.setting.date)


# ---------------------------------------------------------------- body

def _division(parent: _Node, division: m.Division) -> None:
    div = _el(parent, "div", type=division.kind, n=division.number)
    for block in division.blocks:
        _block(div, block)


def _block(parent: _Node, block: m.Block) -> None:
    if isinstance(block, m.Heading):
        _inlines(_el(parent, "head", xml_id=block.ident), block.children)
    elif isinstance(block, m.Paragraph):
        _paragraph(parent, block)
    elif isinstance(block, m.Turn):
        _turn(parent, block)
    elif isinstance(block, m.Opening):
        _opening(parent, block)
    elif isinstance(block, m.ItemList):
        _list(parent, block)
    elif isinstance(block, m.Table):
        _table(parent, block)
    elif isinstance(block, m.OmissionBlock):
        _el(_el(parent, "ellipsis", xml_id=block.ident), "metamark", block.mark)
    elif isinstance(block, m.PageBreakBlock):
        _page_break(parent, block.brk, block.ident)
    elif isinstance(block, m.Closing):
        closer = _el(parent, "closer", xml_id=block.ident)
        if block.salute:
            _inlines(_el(closer, "salute"), block.salute)
            if block.signed:
                _el(closer, "lb")
        if block.signed:
            _inlines(_el(closer, "signed"), block.signed)
        for index, line in enumerate(block.more):
            if index or block.signed or block.salute:
                _el(closer, "lb")
            name, kind = _CLOSING_LINES[line.kind]
            _inlines(_el(closer, name, type=kind), line.children)
        if block.source:
            if block.signed:
                _append_text(closer, " ")
            _inlines(_el(closer, "note", type="source", place="inline"), block.source.children)
    elif isinstance(block, m.SourceNote):
        _inlines(_el(parent, "note", type="source", place="inline", xml_id=block.ident), block.children)
    elif isinstance(block, m.Postscript):
        _inlines(_el(_el(parent, "postscript", xml_id=block.ident), "p"), block.children)
    elif isinstance(block, m.Division):
        _division(parent, block)
    else:  # pragma: no cover - the model is closed
        raise TypeError(f"no TEI for {type(block).__name__}")


# (element, type) of a closing's further lines; a telegram's number under the signature is a seg
_CLOSING_LINES = {"signed": ("signed", None), "salute": ("salute", None), "dateline": ("dateline", None),
                  "number": ("seg", "number"), "enclosure": ("seg", "enclosure"),
                  "classification": ("seg", "classification"), "transmission": ("seg", "transmission"),
                  "end-of-message": ("seg", "end-of-message")}


def _turn(parent: _Node, turn: m.Turn) -> None:
    sp = _el(parent, "sp", who=f"#{turn.speaker}", xml_id=turn.ident)
    for node in turn.lead:
        if not isinstance(node, m.Text):
            _inline(sp, node)
    _speaker(sp, turn)
    for part in turn.parts:
        if isinstance(part, m.Direction):
            _boxed(sp, "stage", part.text)  # OCR boxes in a direction are gaps, as anywhere
        elif isinstance(part, m.PageBreak):
            _page_break(sp, part)
        elif isinstance(part, m.Omission):
            _el(_el(sp, "ellipsis"), "metamark", part.mark)
        else:
            _paragraph(sp, part)


def _speaker(sp: _Node, turn: m.Turn) -> None:
    """The label as printed; a note anchored in it (``Khrushchev[footnoteRef:2]:``) where it stood. An
    answer no label names (an oral history's, after its question) has none."""
    if not turn.label and not turn.label_notes:
        return
    if not turn.label_notes:
        _boxed(sp, "speaker", turn.label)
        return
    speaker = _boxed(sp, "speaker", turn.label[:turn.label_notes_at])
    for node in turn.label_notes:
        _inline(speaker, node)
    _with_boxes(speaker, turn.label[turn.label_notes_at:])


def _opening(parent: _Node, opening: m.Opening) -> None:
    opener = _el(parent, "opener", xml_id=opening.ident)
    for index, line in enumerate(opening.lines):
        if index and not isinstance(line, m.Salutation) and line.joined:
            _append_text(opener, " ")  # a mark after a date on the same source line
        elif index:
            _el(opener, "lb")
        if isinstance(line, m.Dateline):
            _inlines(_el(opener, "dateline"), line.children)
        elif isinstance(line, m.Field) and line.kind == "page-head" and isinstance(line.children[0], m.PageBreak):
            _page_break(opener, line.children[0])  # a telegram's first page head: the page begins, its head as printed
        elif isinstance(line, m.Salutation):
            _inlines(_el(opener, "salute"), line.children)
        else:
            _inlines(_el(opener, "seg", type=line.kind), line.children)


def _list(parent: _Node, block: m.ItemList) -> None:
    element = _el(parent, "list", type=block.kind, xml_id=block.ident)
    if block.head:
        _inlines(_el(element, "head"), block.head)
    for item in block.items:
        if item.label:
            _el(element, "label", item.label)
        _inlines(_el(element, "item"), item.children)


def _table(parent: _Node, block: m.Table) -> None:
    columns = max(len(row.cells) for row in block.rows)
    element = _el(parent, "table", rows=str(len(block.rows)), cols=str(columns), xml_id=block.ident)
    for row in block.rows:
        row_element = _el(element, "row", role="label" if row.label else None)
        for cell in row.cells:
            _inlines(_el(row_element, "cell"), cell)


# A printed page number ("- 2 -", "Page 2 of 3") is the page's number; a line with more words on it
# ("CONFIDENTIAL<tab>Page 2 of 3", a Word export's running head) is the page's header.
_PAGE_NUMBER_ONLY = re.compile(r"^[-–—－\s]*(?:(?i:page)\s+)?\d{1,4}(?:\s+(?i:of)\s+\d{1,4})?[-–—－\s]*$")  # "－２－" too


def _page_break(parent: _Node, brk: m.PageBreak, unit: str | None = None) -> None:
    """``unit``: the id of a page break that is a unit of the body (a form feed on its own line)."""
    _el(parent, "pb", n=brk.number, type="inferred" if brk.inferred else None, xml_id=brk.ident or unit)
    if brk.printed:  # a running head may hold OCR boxes ("□CONFIDENTIAL  Page 2 of 3"): gaps, as in the text
        _boxed(parent, "fw", brk.printed, type="pageNum" if _PAGE_NUMBER_ONLY.match(brk.printed) else "header")


def _paragraph(parent: _Node, paragraph: m.Paragraph) -> None:
    # A paragraph of nothing but page or line breaks (a "[Page 2]" line inside a turn) would be an
    # empty <p>: its page breaks stand between the paragraphs instead, and a lone line break goes.
    if not paragraph.number and all(isinstance(n, (m.PageBreak, m.LineBreak)) or
                                    (isinstance(n, m.Text) and not n.text.strip()) for n in paragraph.children):
        breaks = [node for node in paragraph.children if isinstance(node, m.PageBreak)]
        for index, node in enumerate(breaks):
            _page_break(parent, node, paragraph.ident if index == 0 else None)
        return
    _inlines(_el(parent, "p", n=paragraph.number, xml_id=paragraph.ident), paragraph.children)


# Characters an xsd:anyURI may not hold as printed; each is percent-encoded (RFC 3986 section 2.1),
# which changes no character of the address: "[…]" cut into a URL by an editor stays readable.
_URI_UNSAFE = re.compile(r"[\[\]\s]|%(?![0-9A-Fa-f]{2})")


# A colon in the authority not followed by a port ("https://digitaQ:larchive.org/…", a typo) makes the
# rest a port that is no number: the colon is percent-encoded. An empty port ("https://x:/a",
# "https://x:") is no port either: libxml2 and tei_all reject it.
_BAD_PORT = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^/?#@]*?):(?![0-9]+(?:[/?#]|$))")


def _uri(url: str) -> str:
    head, hash_, fragment = url.partition("#")
    head = _URI_UNSAFE.sub(_percent, head)
    while _BAD_PORT.match(head):
        head = _BAD_PORT.sub(r"\1%3A", head, count=1)
    return head + hash_ + _URI_UNSAFE.sub(_percent, fragment).replace("#", "%23")


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode())


def _inlines(element: _Node, nodes: Iterable[m.Inline]) -> None:
    for node in nodes:
        _inline(element, node)


def _append_text(element: _Node, text: str) -> None:
    if element.children:
        last = element.children[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def _inline(parent: _Node, node: m.Inline) -> None:  # noqa: C901 - one branch a node type
    if isinstance(node, m.Text):
        _append_text(parent, node.text)
    elif isinstance(node, m.Loss):
        gap = _el(parent, "gap", reason=node.reason, agent=node.agent, unit=node.unit,
                  quantity=str(node.quantity) if node.quantity is not None else None)
        if node.description:
            _el(gap, "desc", node.description)
    elif isinstance(node, m.Omission):
        _el(_el(parent, "ellipsis"), "metamark", node.mark)
    elif isinstance(node, m.Flagged):
        _el(parent, "sic", node.text)
    elif isinstance(node, m.Corrected):
        choice = _el(parent, "choice")
        _el(choice, "sic", node.text)
        _el(choice, "corr", node.correction)
    elif isinstance(node, m.Doubtful):
        _el(parent, "unclear", node.text, cert="low")
    elif isinstance(node, m.Handwritten):
        _el(parent, "add", node.text, hand=f"#{node.hand}", place="margin" if node.in_margin else None)
    elif isinstance(node, m.Deleted):
        _inlines(_el(parent, "del", rend="strikethrough" if node.struck else None), node.children)
    elif isinstance(node, m.Underlined):
        _inlines(_el(parent, "hi", rend="underline"), node.children)
    elif isinstance(node, m.MarginNote):
        _margin_note(parent, node)
    elif isinstance(node, m.Stamp):
        _inlines(_el(parent, "stamp"), node.children)
    elif isinstance(node, m.PageBreak):
        _page_break(parent, node)
    elif isinstance(node, m.LineBreak):
        _el(parent, "lb")
    elif isinstance(node, m.Direction):
        if parent.tag in _STAGE_PARENTS:
            _boxed(parent, "stage", node.text)
        else:  # a heading, opener line, reported speech, name or note cannot hold a stage: its words stay
            _with_boxes(parent, node.text)
    elif isinstance(node, m.Emphasis):
        _inlines(_el(parent, "hi", rend=node.style), node.children)
    elif isinstance(node, m.Mention):
        _inlines(_el(parent, "persName", ref=f"#{node.person}" if node.person else None), node.children)
    elif isinstance(node, m.Reported):
        _inlines(_el(parent, "said", who=f"#{node.speaker}", direct="true" if node.direct else "false"),
                 node.children)
    elif isinstance(node, m.DateText):
        _date(parent, node)
    elif isinstance(node, m.TimeText):
        _el(parent, "time", node.text, when=node.when)
    elif isinstance(node, m.PlaceText):
        _boxed(parent, "placeName", node.text)
    elif isinstance(node, m.NoteCall):
        _note(parent, node)
    elif isinstance(node, m.NotePointer):
        _el(parent, "ptr", target=f"#{node.ident}")
    elif isinstance(node, m.Field):
        _inlines(_el(parent, "seg", type=node.kind), node.children)
    elif isinstance(node, m.ArchivalReference):
        _el(parent, "idno", node.text, type="archival")
    elif isinstance(node, m.PublicationReference):
        _el(parent, "bibl", node.text, type="publication")
    else:  # pragma: no cover - the model is closed
        raise TypeError(f"no TEI for {type(node).__name__}")


def _note(parent: _Node, note: m.NoteCall) -> None:
    if note.kind == "foot":
        element = _el(parent, "note", place="foot", n=note.mark, xml_id=note.ident)
    else:
        element = _el(parent, "note", type=note.kind, place="inline")
    if all(isinstance(n, m.Text) and not n.text.strip() for n in note.children):
        # An anchor whose note has no text in the source: say so rather than write an empty note.
        _el(_el(element, "gap", reason="missing"), "desc", "The source gives no text for this note.")
        return
    _inlines(element, note.children)


def _margin_note(parent: _Node, note: m.MarginNote) -> None:
    element = _el(parent, "note", place="margin")
    if note.label:  # the transcriber's words for what stands in the margin ("Resolution")
        _el(element, "label", note.label).tail = " "
    _inlines(element, note.children)


# ---------------------------------------------------------------- serialisation

def _indent(element: _Parent, level: int) -> None:
    if element.tag not in _INDENTED or not len(element):
        return
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        return  # mixed content: leave every character as it is
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level
