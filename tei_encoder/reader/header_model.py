"""The header stage: the model's Header from the family's draft and what the body told it.

The title, dates, terms, setting and correspondence are derived here from the
layout's ``Findings`` (the opening apparatus, headings, first paragraphs, closing).
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from tei_encoder import model as m
from tei_encoder.header import classification, dates, language
from tei_encoder.header import title as titles
from tei_encoder.inline import Context
from tei_encoder.markers import NOTE_MARKER, NOTE_OPEN, plain
from tei_encoder.reader.draft import HeaderDraft
from tei_encoder.reader.layout import Findings
from tei_encoder.reader.notes import WORD_CALL, space_kept
from tei_encoder.reader.opening import PLACE_LABEL, strip_boxes
from tei_encoder.source import Source

GENRES = (("record of conversation", re.compile(r"\brecord(?:ing)? of (?:the )?conversation", re.I)),
          ("cable", re.compile(r"\bcable\b", re.I)), ("telegram", re.compile(r"\btelegram\b", re.I)),
          ("memorandum", re.compile(r"\bmemorandum\b", re.I)), ("report", re.compile(r"\breport\b", re.I)),
          ("letter", re.compile(r"\bletter\b", re.I)), ("minutes", re.compile(r"\bminutes\b", re.I)),
          ("interview", re.compile(r"\binterview\b", re.I)))
# Within the sentence: "The meeting ended at 18:45. Premier Zhou then invited the delegation to dinner at the
# Great Hall" names no place of the meeting. A full stop after an initial or a title's abbreviation ("I. V.
# Stalin", "Mr. Eden") ends no sentence.
_SETTING_PLACE = re.compile(
    r"\b(?:received|met|meeting|conversation|interview|talks?|audience)\b"
    r"(?:[^\n.!?]|(?:(?<=\b[A-Za-z])|(?<=\bMr)|(?<=\bMrs)|(?<=\bDr)|(?<=\bSt)|(?<=\bGen)|(?<=\bCol)|(?<=\bCde)"
    r"|(?<=\bCom))\.|[.!?](?!\s)){0,80}?"
    r"\b(?:in|at) the (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")


def derive_header(source: Source, draft: HeaderDraft, findings: Findings, persons: tuple[m.Person, ...],
            context: Context, datelines: tuple[m.DateText, ...] = (),
            entries: tuple[m.DateText, ...] = ()) -> m.Header:
    """``datelines``: the dated datelines the body is written with (``dateline_dates``); ``entries``: the
    dates a diary's entries open with (``entry_dates``)."""
    title = _raw_title(draft, findings)
    date_lines: dict[str, int] = {}
    opening_dates = _opening_dates(findings, date_lines)
    creation = (_diary_span(entries, context)
                or _creation(draft, opening_dates, _heading_date(_one_line(title), findings), datelines, context))
    title_lines = draft.where.get("title", (0, 0)) if draft.title else findings.title_lines
    term_lines: list[tuple[int, int]] = []
    terms = _terms(title, findings, title_lines, term_lines)
    _record_lines(draft, title_lines, date_lines.get("dateline", 0), term_lines)
    setting = _find_setting(findings)
    correspondence = _correspondence(findings, persons, opening_dates, _one_line(title), datelines)
    return settled(m.Header(
        file_name=source.name, sha256=source.sha256, title=_one_line(title),
        supplied_title=None if title else _subject(findings) or _letter_title(findings, persons, correspondence),
        date=draft.date or opening_dates.get("dateline"), creation=creation,
        publisher=draft.publisher, repository=draft.repository or findings.repository,
        archival_refs=tuple(dict.fromkeys(draft.archival_refs + findings.archival)), url=draft.url,
        citation=draft.citation, contents=tuple(draft.contents),
        publication=findings.publication, summary=tuple(draft.summary),
        language=draft.language or m.Language("und", None), original_language=draft.original_language,
        original_languages=tuple(language.codes_for_names(draft.original_language or "")), terms=terms,
        boilerplate=tuple(draft.boilerplate), funders=tuple(draft.funders),
        fields=tuple(draft.fields), credits=tuple(findings.credits), setting=setting,
        numbers=tuple(dict.fromkeys([strip_boxes(item.text).strip(" \u25a1") for item in findings.opening
                                     if item.kind == "number" and not item.continues] + [n.rstrip(".") for n in findings.numbers])),
        correspondence=correspondence, hands=tuple(context.hands)), context)


# ---------------------------------------------------------------- damaged header values (issue 8, finding 8)

# A footnote call in a header value ("Summary: … [footnoteRef:1]"): a note has no place in the header.
_CALL = re.compile(r"\s?" + WORD_CALL.pattern)
_BOX = "\u25a1"
# Header values written as plain text only (TEI allows no gap in idno, and the project schema none in
# these): one that holds an OCR box is written as a bibliographic field note instead, where the box is
# a gap. Its label names the value.
_PLAIN_VALUES = (("repository", "Repository"), ("archival_refs", "Archival reference"),
                 ("numbers", "Number"), ("original_language", "Original Language"),
                 ("publisher", "Publisher"), ("publication", "Publication"))


def settled(header: m.Header, context: Context) -> m.Header:
    """The header with footnote calls taken out of its values and boxed plain values made field notes.

    Both are counted in ``context`` (keys ``header-calls`` and ``header-boxed-values``), so the
    editorial statements declare them: nothing is dropped silently.
    """
    calls = 0

    def uncalled(text: str) -> str:
        nonlocal calls
        # "Decembe[footnoteRef:1]r": the word as printed, whole again; "May [footnoteRef:1]6": two words still
        bare, found = _CALL.subn(space_kept, text)
        bare, placed = _placed_calls_out(bare)
        calls += found + placed
        return bare

    changes: dict[str, object] = {}
    for name in ("title", "publisher", "repository", "citation", "publication", "original_language"):
        value = getattr(header, name)
        if value is not None:
            changes[name] = uncalled(value).strip() or None
    for name in ("archival_refs", "contents", "summary", "boilerplate", "numbers"):
        # a value that was nothing but a call is left out, as any blank value is
        changes[name] = tuple(bare for bare in map(uncalled, getattr(header, name)) if bare.strip())
    changes["fields"] = tuple(m.SourceField(f.label, bare) for f in header.fields
                              if (bare := uncalled(f.text)).strip())  # a field that was only a call: left out
    if header.url is not None:
        changes["url"] = uncalled(header.url).strip() or None
    header = dataclasses.replace(header, **changes)  # type: ignore[arg-type]
    context.count("header-calls", calls)
    return _boxed_values_as_fields(header, context)


def _placed_calls_out(text: str) -> tuple[str, int]:
    """A header value copied from a body line whose note the notes stage already placed (an opener's
    ``No. P43/IX`` with a call on its line) holds the call's private marker: a note has no place in the
    header (the note stays at its anchor in the body), and a private-use character none in any text."""
    if NOTE_OPEN not in text:
        return text, 0
    return NOTE_MARKER.subn("", text)


def _boxed_values_as_fields(header: m.Header, context: Context) -> m.Header:
    moved: list[m.SourceField] = []
    changes: dict[str, object] = {}
    for name, label in _PLAIN_VALUES:
        value = getattr(header, name)
        if isinstance(value, tuple):
            boxed = [item for item in value if _BOX in item]
            if boxed:
                changes[name] = tuple(item for item in value if _BOX not in item)
                moved.extend(m.SourceField(label, item) for item in boxed)
        elif value and _BOX in value:
            changes[name] = None
            moved.append(m.SourceField(label, value))
    if not moved:
        return header
    if "original_language" in changes:
        changes["original_languages"] = ()
    context.count("header-boxed-values", len(moved))
    return dataclasses.replace(header, fields=header.fields + tuple(moved), **changes)  # type: ignore[arg-type]


def heading_line(draft: HeaderDraft, findings: Findings) -> str | None:
    """The document's heading on one line, marks left out: the header's title."""
    return _one_line(_raw_title(draft, findings))


def _raw_title(draft: HeaderDraft, findings: Findings) -> str | None:
    return draft.title or (findings.headings[0] if findings.headings else None)


def _heading_date(title: str | None, findings: Findings) -> m.DateText | None:
    """``Memorandum of conversation …, 3 October 1949``: the title's date, else that of a heading under
    it above the text (``EXTRACT FROM PROTOCOL No. 14 …`` / ``Decision of 11 March 1940``)."""
    for heading in (title, *map(_one_line, findings.top_headings)):
        found = next((d for d in dates.find_dates(heading or "") if d.when or d.from_), None)
        if found is not None:
            return m.DateText(found.text, found.when, found.from_, found.to)
    return None


def _one_line(text: str | None) -> str | None:
    if text is None:
        return None
    return classification.strip_marks(re.sub(r"\s+", " ", plain(text)).strip(" *#")) or None


# Where the document's own date is looked for, in this order.
_CREATION_ORIGINS = (("despatched", "its despatch line"), ("dateline", "its dateline"),
                     ("archive", "the archive's date"), ("heading", "its heading"),
                     ("subject", "its subject line"))
# A subject line that names a meeting dates a memorandum of it that has no other date ("SUBJECT: Meeting
# with Ambassador Dobrynin, 14 February 1969"); a subject about a note or a treaty names another's date.
_MEETING_SUBJECT = re.compile(r"\b(?:meeting|conversation|talks?|call|interview|luncheon|dinner|discussion|"
                              r"audience|visit)\b", re.I)


def _creation(draft: HeaderDraft, opening_dates: dict[str, m.DateText], heading_date: m.DateText | None,
              datelines: tuple[m.DateText, ...], context: Context) -> m.DateText | None:
    """The document's own date: the first of its despatch line, opening dateline, the archive's date or
    its heading that gives one, else the date under its signature; never one its body's datelines
    contradict (TE-DATE-001).

    When they disagree (a damaged despatch line, "D. 5.25 1)7th January 1947" under a dateline of the
    17th) the dateline's date is the document's, as the validator expects, and the overruled date is
    kept in ``context`` for the header's statement: nothing is dropped silently.
    """
    found = {"despatched": opening_dates.get("despatched"), "dateline": opening_dates.get("dateline"),
             "archive": draft.date, "heading": heading_date, "subject": opening_dates.get("subject")}
    origin, date = next(((o, found[key]) for key, o in _CREATION_ORIGINS if found[key]), ("", None))
    dated = [d for d in datelines if d.when]
    if date is None and dated:
        return dated[0]  # a memorandum dated under its signature ("N. Fedorenko" / "18 January 1950")
    if date is None or not date.when or not dated or any(_agrees(date.when, d.when) for d in dated):
        return date
    context.overruled_creation = (origin, date.text, dated[0].text)
    return dated[0]


def _diary_span(entries: tuple[m.DateText, ...], context: Context) -> m.DateText | None:
    """A diary or journal was written from its first entry's day to its last's: its date is that span
    (``7.11.37 – 11.11.37``, from 1937-11-07 to 1937-11-11), not the first entry's day. None for entries
    of one day, out of order or without a full date (a span would then claim what the record does not say)."""
    days = [entry.when for entry in entries if entry.when and len(entry.when) == 10]
    # every entry dated to the day ("9 January." without its year would end the span too early)
    if len(days) < 2 or len(days) < len(entries) or not days[0] < days[-1]:
        return None
    context.count("diary-span")
    return m.DateText(f"{entries[0].text} – {entries[-1].text}", None, days[0], days[-1])


def entry_dates(divisions: tuple[m.Division, ...]) -> tuple[m.DateText, ...]:
    """The date each diary entry opens with (block_rules/diary_entry.py), in order: its dateline's, or
    the date its first paragraph opens with (``3 January 1957. I visited …``)."""
    found: list[m.DateText] = []
    for division in divisions:
        for block in division.blocks:
            if isinstance(block, m.Division):
                found.extend(entry_dates((block,)))
        if division.kind == "entry" and (date := _opening_date(division)) is not None:
            found.append(date)
    return tuple(found)


def _opening_date(entry: m.Division) -> m.DateText | None:
    first = entry.blocks[0] if entry.blocks else None
    if isinstance(first, m.Opening):
        dates_found: list[m.DateText] = []
        _opening_dateline_dates(first, dates_found)
        return dates_found[0] if dates_found else None
    if isinstance(first, m.Paragraph) and first.children and isinstance(first.children[0], m.DateText):
        return first.children[0]
    return None


def _agrees(when: str, other: str | None) -> bool:
    """Two ISO dates agree when one is the other at a coarser precision (1947-01 and 1947-01-17)."""
    return other is not None and (when.startswith(other) or other.startswith(when))


def dateline_dates(divisions: tuple[m.Division, ...]) -> tuple[m.DateText, ...]:
    """The dates of the datelines that date the record, in document order: the first document's, or
    the whole body's when it holds no document (a second document's dateline is not the record's). The
    first document's distribution matter is its own: "Copies to: …" / "Ankara, 5 May 1940" at the foot."""
    first = next((k for k, d in enumerate(divisions) if d.kind == "document"), None)
    scope = divisions if first is None else (
        divisions[first], *itertools.takewhile(lambda d: d.kind != "document", divisions[first + 1:]))
    found: list[m.DateText] = []
    for division in scope:
        _division_dateline_dates(division, found)
    return tuple(found)


def _division_dateline_dates(division: m.Division, found: list[m.DateText]) -> None:
    # A cover's own dates before its enclosures': the enclosure stands before the cover's closer when the
    # cover is signed and dated over it (build._with_enclosure), and the cover's date is the record's.
    enclosures = [block for block in division.blocks if isinstance(block, m.Division) and block.kind == "attachment"]
    for block in division.blocks:
        if isinstance(block, m.Division):
            if block.kind != "attachment":
                _division_dateline_dates(block, found)
        elif isinstance(block, m.Opening):
            _opening_dateline_dates(block, found)
        elif isinstance(block, m.Closing):
            for closing_line in block.more:
                if closing_line.kind == "dateline":
                    _inline_dates(closing_line.children, found)
    for enclosure in enclosures:
        _division_dateline_dates(enclosure, found)


def _opening_dateline_dates(opening: m.Opening, found: list[m.DateText]) -> None:
    for line in opening.lines:
        if isinstance(line, m.Dateline):
            _inline_dates(line.children, found)


def _inline_dates(nodes: tuple[m.Inline, ...], found: list[m.DateText]) -> None:
    for node in nodes:
        if isinstance(node, m.DateText):
            found.append(node)
        elif isinstance(node, (m.Emphasis, m.Mention, m.Reported, m.NoteCall, m.Field)):
            _inline_dates(node.children, found)


def _record_lines(draft: HeaderDraft, title: tuple[int, int], dateline: int,
                  terms: list[tuple[int, int]]) -> None:
    """The source lines of the title, date and terms the body gave the header, for the decision trace
    (``HeaderDraft.where``); what the family read itself it has recorded already."""
    if title[0]:
        draft.where.setdefault("title", title)
    if draft.date is None and dateline:
        draft.where["date"] = (dateline, dateline)
    for index, span in enumerate(terms, 1):
        if span[0]:
            draft.where[f"term-{index}"] = span


def _opening_dates(findings: Findings, lines: dict[str, int] | None = None) -> dict[str, m.DateText]:
    """``lines``: filled with the source line each date was found on."""
    found: dict[str, m.DateText] = {}
    current = None
    for item in findings.first_document_opening():
        if not item.continues:
            current = item.kind
        if current in ("despatched", "received", "dateline") or (
                current == "subject" and _MEETING_SUBJECT.search(item.text)):
            for date in dates.find_dates(item.text):
                if current == "subject" and not (date.when and len(date.when) == 10):
                    continue  # a day's date only: "the 1969 talks" dates nothing
                if current not in found and lines is not None:
                    lines[current] = item.line
                found.setdefault(current, m.DateText(date.text, date.when, date.from_, date.to))
    return found


def _terms(title: str | None, findings: Findings, title_lines: tuple[int, int] = (0, 0),
           lines: list[tuple[int, int]] | None = None) -> tuple[m.Term, ...]:
    """``lines``: filled with the source lines of each term, in order (a genre: the title's)."""
    terms: list[tuple[m.Term, tuple[int, int]]] = []
    if title:
        for genre, pattern in GENRES:
            if pattern.search(title):
                terms.append((m.Term("genre", genre), title_lines))
                break
    for item in findings.opening:
        at = (item.line, item.line)
        if item.kind in ("classification", "precedence", "handling"):
            # ENCODING.md 2: handling marks are searchable as precedence terms
            kind = "classification" if item.kind == "classification" else "precedence"
            term = classification.unspaced(strip_boxes(item.text).strip(" \u25a1").rstrip(",;/ "))
            if (kind, term) not in [(t.kind, t.text) for t, _ in terms]:  # marked at the head and on the line
                terms.append((m.Term(kind, term), at))
        elif item.kind in ("dateline", "letterhead", None):  # a mark sharing a line with a date
            terms.extend((_term(mark), at) for mark in classification.find_marks(strip_boxes(item.text)))
    for heading in findings.headings[:1]:  # "TOP SECRET Record of conversation …"
        terms.extend((_term(mark), findings.title_lines) for mark in classification.find_marks(plain(heading)))
    if lines is not None:
        lines.extend(span for _, span in terms)
    return tuple(term for term, _ in terms)


def _term(mark: classification.Mark) -> m.Term:
    return m.Term("classification" if mark.kind == "classification" else "precedence", mark.text)


def _find_setting(findings: Findings) -> m.Setting | None:
    labelled = _labelled_place(findings)
    if labelled:  # minutes' "Location: …" says where, the "Time: …" beside it when
        met = next((found for item in findings.opening if item.kind == "dateline"
                    for found in dates.find_dates(plain(item.text)) if found.when), None)
        return m.Setting(labelled, m.DateText(met.text, met.when, met.from_, met.to) if met else None)
    for text in findings.paragraphs[:4]:
        bare = plain(text)
        place = _SETTING_PLACE.search(bare)
        met = dates.meeting_date(bare)  # header/dates.py: "On 10 August I met …", "talks … on 2 June"
        found_date = m.DateText(met.text, met.when, met.from_, met.to) if met else None
        if place or found_date:
            return m.Setting(place.group("place") if place else None, _title_meeting_date(findings) or found_date)
    title_date = _title_meeting_date(findings)
    return m.Setting(None, title_date) if title_date else None


def _title_meeting_date(findings: Findings) -> m.DateText | None:
    """``MINUTES of the meeting of the Political Committee held on 14 May 1968``: the meeting's date as the
    title gives it, before any in the paragraphs under it (an agenda's ``Report on the talks held in Moscow
    on 4 May 1968`` is another meeting's)."""
    met = dates.meeting_date(plain(findings.headings[0])) if findings.headings else None
    return m.DateText(met.text, met.when, met.from_, met.to) if met else None


def _labelled_place(findings: Findings) -> str | None:
    for item in findings.opening:
        labelled = PLACE_LABEL.match(strip_boxes(plain(item.text)).strip()) if item.kind == "dateline" else None
        if labelled:
            return labelled.group("place")
    return None


def _subject(findings: Findings) -> str | None:
    """A memorandum's or message's subject line (``Subject: Meeting with Kozyrev``), when it has no title."""
    for item in findings.first_document_opening():
        if item.kind == "subject":
            subject = re.sub(r"^(?i:subject|subj\.?|re)\s*:\s*", "", plain(strip_boxes(item.text))).strip()
            return subject or None
    return None


def _letter_title(findings: Findings, persons: tuple[m.Person, ...],
                  correspondence: tuple[m.CorrespondenceAction, ...]) -> str | None:
    """A letter printed without a title (a salute, a sender, an addressee): ``Letter from Erich
    Honecker to Leonid Ilyich Brezhnev``, each by the fullest form of the name; a signed paper that
    opens with its addressee line and no salute: ``From A. Terent'ev to V. M. Molotov``."""
    addressed = any(item.kind == "addressee" for item in findings.first_document_opening())
    if not (findings.saluted or addressed):
        return None
    names = {person.ident: person.names[0] for person in persons if person.names}
    sides = {action.kind: [names[ident] for ident in action.people if ident in names] for action in correspondence}
    if not findings.saluted:  # "To … comrade V. M. Molotov" over a signed paper: its addressees, not its copies
        sides["received"] = [names[p.ident] for p in persons if "addressee" in p.roles and p.ident in names]
    if not (sides.get("sent") and sides.get("received")):
        return None
    kind = "Letter from" if findings.saluted else "From"  # a paper with no salute may be a report or a note
    return f"{kind} {' and '.join(sides['sent'])} to {' and '.join(sides['received'])}"


def _correspondence(findings: Findings, persons: tuple[m.Person, ...], opening_dates: dict[str, m.DateText],
                    heading: str | None = None,
                    datelines: tuple[m.DateText, ...] = ()) -> tuple[m.CorrespondenceAction, ...]:
    """``datelines``: the body's dated datelines; the first dates what was sent when no despatch line or
    opening dateline does (a cable signed "Chinese Embassy in the Soviet Union" / "3 March 1960")."""
    route = next((item.text for item in findings.opening if item.kind == "route"), None)
    # A correspondent is named in correspDesc: a role without a name (the interviewee of an "A:" label
    # that a damaged signature line "A" was read as) is left out (fuzz: an IndexError in the writer).
    senders = tuple(p.ident for p in persons if "sender" in p.roles and p.names)
    # Copy recipients (``cc:``) received the document too.
    addressees = tuple(p.ident for p in persons if ("addressee" in p.roles or "recipient" in p.roles) and p.names)
    origin = destination = None
    if route:
        match = re.search(r"FROM\s+(?P<origin>.+?)\s+TO\s+(?P<destination>.+)$",
                          route.strip(" \u25a1"), re.I)
        if match:
            origin, destination = match.group("origin"), match.group("destination")
    sending, addressed = _bodies(findings, heading, (origin, destination))
    if not route and not senders and not addressees and not sending and not addressed:
        return ()
    actions = []
    if senders or origin or sending or opening_dates.get("despatched"):
        actions.append(m.CorrespondenceAction("sent", senders, (origin,) if origin else (),
                                              opening_dates.get("despatched") or opening_dates.get("dateline")
                                              or next(iter(datelines), None), bodies=sending))
    if destination or addressees or addressed or opening_dates.get("received"):
        actions.append(m.CorrespondenceAction("received", addressees, (destination,) if destination else (),
                                              opening_dates.get("received"), bodies=addressed))
    return tuple(actions)


def _bodies(findings: Findings, heading: str | None,
            route: tuple[str | None, str | None]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The sending and the addressed bodies: those the document itself names (its signature, its addressee
    line), else those its heading names, unless the telegram's route already names them as its places."""
    from_heading = titles.correspondent_bodies(heading) if heading else ([], [])
    sides = []
    for own, named, place in zip((findings.sending_bodies, findings.addressed_bodies), from_heading, route):
        routed = _body_key(place or "")
        sides.append(tuple(own) or tuple(body for body in named if _body_key(body) != routed))
    return sides[0], sides[1]


def _body_key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(" \u25a1.,:;"), flags=re.I).casefold()
