"""What every family reader shares: the Family record and the common assembly.

A family module decides two things only: which lines are header-bound (and
what header fields they fill) and how its body is laid out. ``assemble``
does the rest the same way for every family: notes, structure, persons,
inline nodes, the header's derived parts and the editorial statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from tei_encoder import model as m
from tei_encoder.header import classification, dates, language, people, title as titles
from tei_encoder.inline import Context
from tei_encoder.notes import extract_notes
from tei_encoder.fields import strip_boxes
from tei_encoder.source import FORM_FEED, Line, Source
from tei_encoder.inliner import Inliner
from tei_encoder.layout import Findings, Layout as BodyLayout, Unit, join_lines, plain
from tei_encoder.structure import assemble as assemble_divisions, register_people


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    recognised_by: str  # one line for `tei-encoder families`
    detect: Callable[[Source], float]  # 0.0 … 1.0
    read: Callable[[Source], m.Document]


@dataclass(slots=True)
class HeaderDraft:
    """Header facts a family reader found in its header-bound lines."""

    title: str | None = None
    date: m.DateText | None = None
    publisher: str | None = None
    repository: str | None = None
    archival_refs: list[str] = field(default_factory=list)
    url: str | None = None
    citation: str | None = None
    contents: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    language: m.Language | None = None  # None: detected from the body text
    original_language: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    fields: list[m.SourceField] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    statements: list[m.Statement] = field(default_factory=list)
    joined_lines: int = 0  # line breaks inside header fields that were joined with a space


@dataclass(frozen=True, slots=True)
class Layout:
    """How a family lays out its body."""

    line_paragraphs: bool = False  # True: every line is a paragraph (Word exports)
    first_unit_is_title: bool = False


GENRES = (("record of conversation", re.compile(r"\brecord(?:ing)? of (?:the )?conversation", re.I)),
          ("cable", re.compile(r"\bcable\b", re.I)), ("telegram", re.compile(r"\btelegram\b", re.I)),
          ("memorandum", re.compile(r"\bmemorandum\b", re.I)), ("report", re.compile(r"\breport\b", re.I)),
          ("letter", re.compile(r"\bletter\b", re.I)), ("minutes", re.compile(r"\bminutes\b", re.I)),
          ("interview", re.compile(r"\binterview\b", re.I)))
_SETTING_PLACE = re.compile(
    r"\b(?:received|met|meeting|conversation|interview|talks?|audience)\b[^\n]{0,80}?\b(?:in|at) the "
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")


def units_from_lines(lines: Sequence[Line], layout: Layout, context: Context) -> list[tuple[int, list[str]]]:
    """Paragraph units: blank-line blocks (lines kept apart for the opening), or one per line."""
    units: list[tuple[int, list[str]]] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            units.append((current[0].number, [line.text for line in current]))
            current.clear()

    for line in lines:
        if line.text == FORM_FEED:
            flush()
            units.append((line.number, [FORM_FEED]))
        elif not line.text:
            flush()
        elif layout.line_paragraphs:
            flush()
            current.append(line)
            flush()
        else:
            current.append(line)
    flush()
    return units


def assemble(source: Source, family: str, draft: HeaderDraft, body: Sequence[Line],
             layout: Layout) -> m.Document:
    context = Context()
    if draft.language is None:  # issue 10: every record's language from its own text
        draft.language = m.Language(*language.of_text(" ".join(line.text for line in body)))
    registry = people.Registry()
    raw_units = units_from_lines(body, layout, context)
    flat = [(line, "\n".join(lines)) for line, lines in raw_units]
    flat, notes = extract_notes(flat)
    units = [_unit(line, text, context, layout) for line, text in flat]
    findings = Findings()
    for translator in draft.translators:
        person = registry.mention(translator, role="translator", group="mentioned")
        if person:
            findings.credits.append(m.Credit("translation", person, translator))
    layout_pass = BodyLayout(units, registry, findings,
                          layout.first_unit_is_title, draft.title)
    divisions = layout_pass.run()
    _heading_people(_one_line(draft.title or next(iter(findings.headings), None)) or "", registry)
    context.count("soft-wraps", layout_pass.joins + draft.joined_lines)
    register_people(divisions, registry)
    for body_note in notes.bodies:
        _biography(body_note, flat, registry)
    inliner = Inliner(registry, notes, context)
    model_divisions = assemble_divisions(divisions, inliner) or _EMPTY_BODY
    persons = registry.persons()
    findings.credits = [replace(c, person=inliner.final_id(c.person)) for c in findings.credits]
    header = _header(source, draft, findings, persons, context)
    statements = _statements(source, draft, findings, context, notes, inliner, model_divisions,
                             persons, layout)
    return m.Document(family, header, persons, model_divisions, statements, tuple(notes.warnings))


def _heading_people(heading: str, registry: people.Registry) -> None:
    """Issue 10 §2–3: the parties, the sender and the addressees a heading names take part."""
    for party in titles.parties(heading):
        registry.mention(party, role="speaker")
    senders, addressees = titles.correspondents(heading)
    for sender in senders:
        registry.mention(sender, role="sender")
    for addressee in addressees:
        registry.mention(addressee, role="addressee", group="mentioned")


# A record whose every line went to the header still needs a body; say so rather than invent text.
_EMPTY_BODY = (m.Division("document", "1", (m.Paragraph((m.Loss(
    "editorial", description="The record has no body text; all of it is in the header."),)),)),)


def _unit(line: int, text: str, context: Context, layout: Layout) -> Unit:
    lines = text.split("\n")
    if len(lines) == 1:
        return Unit(line, lines, text)
    # Wrapped lines: counted here once; the opening reads them one by one.
    return Unit(line, lines, join_lines(lines, context.counts))


def _biography(note, flat: list[tuple[int, str]], registry: people.Registry) -> None:
    """A biographical footnote identifies the name its anchor follows (ENCODING.md 5, rule 5)."""
    bio = people.parse_biography(note.text)
    if bio is None:
        return
    anchored = _name_before_anchor(note, flat)
    person = None
    if anchored:  # "Clark Kerr" as a whole first, then the last word alone
        person = registry.resolve(anchored) or registry.resolve(anchored.split()[-1])
    full = f"{bio.surname}, {bio.forenames}".strip(", ")
    person = registry.mention(full, role=None, group="mentioned", alias_of=person)
    if person:
        registry.set_biography(person, bio, note.ident)


def _name_before_anchor(note, flat: list[tuple[int, str]]) -> str | None:
    from tei_encoder.notes import CLOSE, OPEN
    sentinel = f"{OPEN}{int(note.ident[2:]) - 1}{CLOSE}"
    for _, text in flat:
        position = text.find(sentinel)
        if position >= 0:
            before = re.search(r"((?:[A-Z][\w'’-]+ )?[A-Z][\w'’-]+)\s?$", text[:position])
            return before.group(1) if before else None
    return None


def _header(source: Source, draft: HeaderDraft, findings: Findings, persons: tuple[m.Person, ...],
            context: Context) -> m.Header:
    title = draft.title or (findings.headings[0] if findings.headings else None)
    opening_dates = _opening_dates(findings)
    creation = (opening_dates.get("despatched") or opening_dates.get("dateline") or draft.date
                or _heading_date(_one_line(title)))
    terms = _terms(title, findings)
    setting = _find_setting(findings)
    return m.Header(
        file_name=source.name, sha256=source.sha256, title=_one_line(title),
        date=draft.date or opening_dates.get("dateline"), creation=creation,
        publisher=draft.publisher, repository=draft.repository or findings.repository,
        archival_refs=tuple(dict.fromkeys(draft.archival_refs + findings.archival)), url=draft.url,
        citation=draft.citation, contents=tuple(draft.contents),
        publication=findings.publication, summary=tuple(draft.summary),
        language=draft.language or m.Language("und", None), original_language=draft.original_language,
        original_languages=tuple(language.codes_for_names(draft.original_language or "")), terms=terms,
        boilerplate=tuple(draft.boilerplate),
        fields=tuple(draft.fields), credits=tuple(findings.credits), setting=setting,
        numbers=tuple(strip_boxes(item.text).strip(" \u25a1") for item in findings.opening
                      if item.kind == "number"),
        correspondence=_correspondence(findings, persons, opening_dates), hands=tuple(context.hands))


def _heading_date(heading: str | None) -> m.DateText | None:
    """``Memorandum of conversation …, 3 October 1949``: a heading's date, when no dateline gives one."""
    found = next((d for d in dates.find_dates(heading or "") if d.when or d.from_), None)
    return m.DateText(found.text, found.when, found.from_, found.to) if found else None


def _one_line(text: str | None) -> str | None:
    if text is None:
        return None
    return classification.strip_marks(re.sub(r"\s+", " ", plain(text)).strip(" *#")) or None


def _opening_dates(findings: Findings) -> dict[str, m.DateText]:
    found: dict[str, m.DateText] = {}
    current = None
    for item in findings.opening:
        if not item.continues:
            current = item.kind
        if current in ("despatched", "received", "dateline"):
            for date in dates.find_dates(item.text):
                found.setdefault(current, m.DateText(date.text, date.when, date.from_, date.to))
    return found


def _terms(title: str | None, findings: Findings) -> tuple[m.Term, ...]:
    terms: list[m.Term] = []
    if title:
        for genre, pattern in GENRES:
            if pattern.search(title):
                terms.append(m.Term("genre", genre))
                break
    for item in findings.opening:
        if item.kind in ("classification", "precedence", "handling"):
            # ENCODING.md 2: handling marks are searchable as precedence terms
            kind = "classification" if item.kind == "classification" else "precedence"
            terms.append(m.Term(kind, strip_boxes(item.text).strip(" \u25a1")))
        elif item.kind in ("dateline", "letterhead", None):  # a mark sharing a line with a date
            terms.extend(_term(mark) for mark in classification.find_marks(strip_boxes(item.text)))
    for heading in findings.headings[:1]:  # "TOP SECRET Record of conversation …"
        terms.extend(_term(mark) for mark in classification.find_marks(plain(heading)))
    return tuple(terms)


def _term(mark: classification.Mark) -> m.Term:
    return m.Term("classification" if mark.kind == "classification" else "precedence", mark.text)


def _find_setting(findings: Findings) -> m.Setting | None:
    for text in findings.paragraphs[:4]:
        bare = plain(text)
        place = _SETTING_PLACE.search(bare)
        met = dates.meeting_date(bare)  # header/dates.py: "On 10 August I met …", "talks … on 2 June"
        found_date = m.DateText(met.text, met.when, met.from_, met.to) if met else None
        if place or found_date:
            return m.Setting(place.group("place") if place else None, found_date)
    return None


def _correspondence(findings: Findings, persons: tuple[m.Person, ...],
                    opening_dates: dict[str, m.DateText]) -> tuple[m.CorrespondenceAction, ...]:
    route = next((item.text for item in findings.opening if item.kind == "route"), None)
    senders = tuple(p.ident for p in persons if "sender" in p.roles)
    addressees = tuple(p.ident for p in persons if "addressee" in p.roles)
    if not route and not senders and not addressees:
        return ()
    origin = destination = None
    if route:
        match = re.search(r"FROM\s+(?P<origin>.+?)\s+TO\s+(?P<destination>.+)$",
                          route.strip(" \u25a1"), re.I)
        if match:
            origin, destination = match.group("origin"), match.group("destination")
    actions = []
    if senders or origin or opening_dates.get("despatched"):
        actions.append(m.CorrespondenceAction("sent", senders, (origin,) if origin else (),
                                              opening_dates.get("despatched")
                                              or opening_dates.get("dateline")))
    if destination or addressees or opening_dates.get("received"):
        actions.append(m.CorrespondenceAction("received", addressees, (destination,) if destination else (),
                                              opening_dates.get("received")))
    return tuple(actions)


def _statements(source: Source, draft: HeaderDraft, findings: Findings, context: Context, notes,
                inliner: Inliner, divisions: tuple[m.Division, ...], persons: tuple[m.Person, ...],
                layout: Layout) -> tuple[m.Statement, ...]:
    c = context.counts
    out = list(source.statements) + list(draft.statements)

    def say(section: str, key: str, n: int, text: str) -> None:
        if n:
            out.append(m.Statement(section, key, text))

    say("normalization", "10-boxes", c.get("boxes", 0),
        f"{c.get('boxes', 0)} U+25A1 characters in {c.get('box-runs', 0)} runs were replaced by "
        f"{c.get('box-runs', 0)} gap elements (agent=\"ocr\"); each gap's quantity is the run's length.")
    say("normalization", "11-wraps", c.get("soft-wraps", 0),
        f"{c.get('soft-wraps', 0)} line breaks inside paragraphs, headings or header fields were "
        "joined with one space (or none after a line-end hyphen).")
    say("normalization", "12-notes", notes.moved,
        f"{notes.moved} note bodies were moved to their anchors; the anchor marks "
        "([footnoteRef:N], [N], *) and the brackets and numbers around the bodies were removed.")
    say("normalization", "13-separators", notes.separators,
        f"{notes.separators} separator lines (underscores or dashes) before endnotes were removed.")
    notation = [(c.get("page-markers", 0), "[Page N] markers became page breaks"),
                (c.get("described-losses", 0), "bracketed descriptions of lost or untranscribed text "
                                               "became gaps with the description kept"),
                (c.get("handwriting", 0), "[handwritten: …] labels became additions in a hand"),
                (c.get("conjectures", 0), "[word?] conjectures became unclear readings"),
                (c.get("emphasis", 0), "markdown emphasis became highlighting"),
                (c.get("inline-notes", 0), "bracketed translator's or editor's notes became inline notes")]
    for index, (n, what) in enumerate(notation):
        say("normalization", f"14-notation-{index}", n, f"{n} {what}; the brackets and labels were removed.")
    say("hyphenation", "10-kept", c.get("hyphen-joins", 0),
        f"{c.get('hyphen-joins', 0)} line-end hyphens were kept where wrapped lines were joined.")
    out.append(m.Statement("quotation", "10-kept", "Quotation marks are kept as characters."))
    out.append(m.Statement("correction", "10-none",
                           "No corrections were made." + (
                               f" {c['sic']} words the source marks with [sic] are wrapped in sic."
                               if c.get("sic") else "")))
    blocks = "one paragraph per source line" if layout.line_paragraphs else \
        "blank-line-separated blocks of the source"
    out.append(m.Statement("segmentation", "10-blocks", f"Paragraphs are the {blocks}; "
                           f"the body holds {sum(d.kind == 'document' for d in divisions)} document(s)."))
    turns = sum(isinstance(b, m.Turn) for d in divisions for b in d.blocks)
    say("segmentation", "11-turns", turns, f"{turns} speech turns were recognised by their speaker labels.")
    say("segmentation", "12-inferred-pb", c.get("inferred-page-breaks", 0),
        f"{c.get('inferred-page-breaks', 0)} paragraphs split in mid-sentence (a block ending without "
        "final punctuation followed by one starting in lower case) were joined, with an inferred page "
        "break at the join.")
    say("segmentation", "13-omissions", c.get("omissions", 0),
        f"{c.get('omissions', 0)} omission marks of the source were encoded as ellipses.")
    say("interpretation", "10-names", inliner.mentions,
        f"{inliner.mentions} mentions of {len(persons)} persons were recognised automatically from speaker "
        "labels, reporting clauses, participant and addressee lists, signatures and biographical notes.")
    say("interpretation", "11-said", inliner.reported,
        f"{inliner.reported} reported utterances (a person as the subject of a reporting verb followed by "
        "that, whether, a wh-word, a colon or a quotation) were marked as said.")
    stages = inliner.positional_stages + c.get("directions", 0)
    say("interpretation", "12-stage", stages,
        f"{stages} parenthesised stage directions were recognised by position or wording.")
    return tuple(out)
