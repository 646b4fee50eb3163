"""The header stage: the model's Header from the family's draft and what the body told it.

The title, dates, terms, setting and correspondence are derived here from the
layout's ``Findings`` (the opening apparatus, headings, first paragraphs, closing).
"""

from __future__ import annotations

import re

from tei_encoder import model as m
from tei_encoder.header import classification, dates, language
from tei_encoder.inline import Context
from tei_encoder.markers import plain
from tei_encoder.reader.draft import HeaderDraft
from tei_encoder.reader.layout import Findings
from tei_encoder.reader.opening import strip_boxes
from tei_encoder.source import Source

GENRES = (("record of conversation", re.compile(r"\brecord(?:ing)? of (?:the )?conversation", re.I)),
          ("cable", re.compile(r"\bcable\b", re.I)), ("telegram", re.compile(r"\btelegram\b", re.I)),
          ("memorandum", re.compile(r"\bmemorandum\b", re.I)), ("report", re.compile(r"\breport\b", re.I)),
          ("letter", re.compile(r"\bletter\b", re.I)), ("minutes", re.compile(r"\bminutes\b", re.I)),
          ("interview", re.compile(r"\binterview\b", re.I)))
_SETTING_PLACE = re.compile(
    r"\b(?:received|met|meeting|conversation|interview|talks?|audience)\b[^\n]{0,80}?\b(?:in|at) the "
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")


def derive_header(source: Source, draft: HeaderDraft, findings: Findings, persons: tuple[m.Person, ...],
            context: Context) -> m.Header:
    title = _raw_title(draft, findings)
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


def heading_line(draft: HeaderDraft, findings: Findings) -> str | None:
    """The document's heading on one line, marks left out: the header's title."""
    return _one_line(_raw_title(draft, findings))


def _raw_title(draft: HeaderDraft, findings: Findings) -> str | None:
    return draft.title or (findings.headings[0] if findings.headings else None)


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
    # Copy recipients (``cc:``) received the document too.
    addressees = tuple(p.ident for p in persons if "addressee" in p.roles or "recipient" in p.roles)
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
