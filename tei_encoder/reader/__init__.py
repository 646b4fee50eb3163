"""The body reader: a family's body-bound lines (and its header draft) → a Document.

``read_body`` shows the stages in order; each is a module of this package:

1. units.py      the lines as paragraph units (blank-line blocks, or one per line)
2. notes.py      note bodies out, their anchors marked where they stand
3. layout.py     what each unit is: headings, the opening (opening.py), then the block rules of
                 block_rules/ in their order (turns: speech.py) → divisions of typed blocks
                 (blocks.py); persons.py registers everyone met on the way
4. persons.py    then the people the heading and the text name (the heading's parties and
                 correspondents, reporting subjects, attendance, titled forms, biographical
                 notes): the registry is complete
5. build.py      typed blocks → the model's divisions; inliner.py turns text into inline nodes
6. header_model.py  the model's Header from the draft and the layout's findings (the language,
                 when the family states none, is detected from the body text first)
7. tally.py      the editorial statements, from what every stage counted
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tei_encoder import model as m
from tei_encoder.config import Config
from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.header import language, people
from tei_encoder.inline import Context
from tei_encoder.reader import markdown_marks, speech
from tei_encoder.reader.blocks import speech_of, texts_of
from tei_encoder.reader.build import build_divisions
from tei_encoder.reader.draft import HeaderDraft, Options
from tei_encoder.reader.header_model import dateline_dates, derive_header, entry_dates, heading_line
from tei_encoder.reader.inliner import Inliner
from tei_encoder.reader.layout import Findings, Layout
from tei_encoder.reader.notes import extract_notes
from tei_encoder.reader.persons import Persons
from tei_encoder.reader.spans import unit_spans
from tei_encoder.reader.tally import alias_statements, statements
from tei_encoder.reader.traced import trace_record
from tei_encoder.reader.units import blocks_of_lines, lines_are_paragraphs, units_of
from tei_encoder.source import Line, Source

# A record whose every line went to the header still needs a body; say so rather than invent text.
_EMPTY_BODY = (m.Division("document", "1", (m.Paragraph((m.Loss(
    "editorial", description="The record has no body text; all of it is in the header."),)),)),)


def read_body(source: Source, family: str, draft: HeaderDraft, body: Sequence[Line],
              options: Options, config: Config = Config()) -> m.Document:
    context = Context()
    _detect_language(draft, body)
    persons = Persons(people.registry_for(config.persons, config.vocabulary))
    if not options.line_paragraphs and lines_are_paragraphs(body):
        options = replace(options, line_paragraphs=True)
    blocks, notes = extract_notes(blocks_of_lines(body, options.line_paragraphs))
    units = markdown_marks.unmark([unit for line, text in blocks for unit in units_of(line, text, context.counts)],
                                  context.counts)
    findings = Findings(credits=_translators(draft, persons))
    marks = frozenset(mark.casefold() for mark in config.vocabulary.classification)
    columns = {line.number: line.cells for line in body if line.cells}
    layout = Layout(units, persons, findings, options.first_unit_is_title, draft.title,
                    options.line_paragraphs, marks, columns, summary=" ".join(draft.summary))
    divisions = layout.run()
    context.page_joins = list(layout.page_joins)
    persons.heading_people(heading_line(draft, findings) or "")
    context.count("soft-wraps", layout.joins + draft.joined_lines)
    if layout.openers_moved:
        context.count("openers-moved", layout.openers_moved)
    texts = texts_of(divisions)
    persons.register_text_people(texts, prose=texts_of(divisions, headings=False), turn_speech=speech_of(divisions))
    persons.known_forms([heading_line(draft, findings) or "", *texts])
    persons.biographies(notes.bodies, [text for _, text in blocks])
    if persons.romanised:
        context.count("romanised-names", persons.romanised)
    catalogued = persons.catalogued(draft.catalogued_people, texts)
    if catalogued:
        context.count("catalogued-people", catalogued)
    inliner = Inliner(persons.registry, notes, context)
    inliner.writer_narrates = speech.narrates_in_first_person(texts)
    model_divisions = build_divisions(divisions, inliner) or _EMPTY_BODY
    people_found = persons.registry.persons()
    findings.credits = [replace(c, person=inliner.final_id(c.person)) for c in findings.credits]
    header = derive_header(source, draft, findings, people_found, context, dateline_dates(model_divisions),
                           entry_dates(model_divisions))
    blank_lines = any(not line.text for line in body)
    said = statements(source, draft, context, notes, inliner, model_divisions, people_found, options,
                      blank_lines) + alias_statements(persons.registry)
    warnings = tuple(Diagnostic(source.name, warning.message, warning.rule, Severity.WARNING, warning.line,
                                source="tei-encoder") for warning in notes.warnings)
    trace_record(context.trace, source.lines, body, header, people_found, family,
                 persons.registry.aliases(), draft.where)
    return m.Document(family, header, people_found, model_divisions, said, warnings, context.trace.decisions(),
                      unit_spans(model_divisions, blocks))


def _detect_language(draft: HeaderDraft, body: Sequence[Line]) -> None:
    """Issue 10: a record whose family states no language gets the one its own text is in."""
    if draft.language is None:
        draft.language = m.Language(*language.of_text(" ".join(line.text for line in body)))


def _translators(draft: HeaderDraft, persons: Persons) -> list[m.Credit]:
    """The translators the family found in its header lines (a citation's ``Translated by``)."""
    credits = []
    for translator in draft.translators:
        person = persons.translator(translator)
        if person:
            credits.append(m.Credit("translation", person, translator))
    return credits


__all__ = ["HeaderDraft", "Options", "read_body"]
