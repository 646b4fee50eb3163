"""The editorial statements: what every stage did to the text, as counts.

Each becomes one sentence of the header's editorialDecl, worded by the writer
(``writer/statements.py``). A statement is made only for what happened, except
the three the policy always states (quotation, correction, segmentation).
"""

from __future__ import annotations

from collections.abc import Iterator

from tei_encoder import model as m
from tei_encoder.header import people
from tei_encoder.inline import Context
from tei_encoder.reader import markdown_marks
from tei_encoder.reader.draft import HeaderDraft, Options
from tei_encoder.reader.inliner import Inliner
from tei_encoder.reader.notes import Notes
from tei_encoder.source import Source

# (count key of the inline rules, statement key): bracketed notation the rules turned into nodes.
_NOTATION = (("page-markers", "14-notation-0"), ("described-losses", "14-notation-1"),
             ("handwriting", "14-notation-2"), ("conjectures", "14-notation-3"),
             ("emphasis", "14-notation-4"), ("inline-notes", "14-notation-5"),
             ("printed-corrections", "14-notation-6"),
             # the transcriber's labels of marks on the paper, one statement each
             ("deletions", "14-notation-7-deletions"), ("margin-notes", "14-notation-7-margin-notes"),
             ("stamps", "14-notation-7-stamps"), ("underlines", "14-notation-7-underlining"))


def statements(source: Source, draft: HeaderDraft, context: Context, notes: Notes,
               inliner: Inliner, divisions: tuple[m.Division, ...], persons: tuple[m.Person, ...],
               options: Options, blank_lines: bool) -> tuple[m.Statement, ...]:
    c = context.counts
    out = list(source.statements) + list(draft.statements)

    def happened(section: str, key: str, n: int, **details: int) -> None:
        if n:
            out.append(m.Statement(section, key, n, tuple(details.items())))

    happened("normalization", "10-boxes", c.get("boxes", 0), runs=c.get("box-runs", 0))
    happened("normalization", "11-wraps", c.get("soft-wraps", 0))
    happened("normalization", "12-notes", notes.moved)
    happened("normalization", "12-notes-inside-words", notes.inside_words)
    happened("normalization", "12-notes-glued", notes.glued)
    happened("normalization", "12-notes-comments", notes.comments)
    happened("normalization", "12-notes-pointers", notes.pointers)
    happened("normalization", "13-separators", notes.separators)
    happened("normalization", "13-notes-headings", notes.headings)
    happened("normalization", "15-header-calls", c.get("header-calls", 0))
    happened("normalization", "16-header-boxed-values", c.get("header-boxed-values", 0))
    happened("normalization", "17-markdown-structure", c.get(markdown_marks.COUNT_KEY, 0))
    for count_key, key in _NOTATION:
        happened("normalization", key, c.get(count_key, 0))
    happened("hyphenation", "10-kept", c.get("hyphen-joins", 0))
    out.append(m.Statement("quotation", "10-kept"))
    out.append(m.Statement("correction", "10-none", c.get("sic", 0),
                           (("unclosed-brackets", c.get("unclosed-brackets", 0)),)))
    documents = sum(d.kind == "document" for d in divisions)
    out.append(m.Statement("segmentation", _paragraphs(options, blank_lines), documents))
    turns = [b for d in divisions for b in d.blocks if isinstance(b, m.Turn)]
    happened("segmentation", "11-turns", sum(bool(turn.label) for turn in turns))
    happened("segmentation", "11-unlabelled-answers", sum(not turn.label for turn in turns))
    happened("segmentation", "12-inferred-pb", c.get("inferred-page-breaks", 0))
    happened("segmentation", "13-omissions", c.get("omissions", 0))
    happened("segmentation", "14-openers-moved", c.get("openers-moved", 0))
    happened("segmentation", "15-tables", sum(isinstance(b, m.Table) for b in _blocks(divisions)))
    happened("interpretation", "10-names", inliner.mentions, persons=len(persons))
    happened("interpretation", "11-said", inliner.reported)
    happened("interpretation", "11-said-interposed", inliner.interposed)
    happened("interpretation", "12-stage", inliner.positional_stages + c.get("directions", 0))
    happened("interpretation", "15-diary-span", c.get("diary-span", 0))
    happened("interpretation", "16-catalogue", c.get("catalogued-people", 0))
    happened("interpretation", "17-romanised-names", c.get("romanised-names", 0))
    if context.overruled_creation:
        origin, printed, dateline = context.overruled_creation
        out.append(m.Statement("interpretation", "14-creation-date", 1,
                               (("origin", origin), ("printed", printed), ("dateline", dateline))))
    return tuple(out)


def _paragraphs(options: Options, blank_lines: bool) -> str:
    """What a paragraph of the source was: a line, a blank-line block, or (no blank lines) all of it."""
    if options.line_paragraphs:
        return "10-lines"
    return "10-blocks" if blank_lines else "10-one-block"


def alias_statements(registry: people.Registry) -> tuple[m.Statement, ...]:
    """ENCODING.md 5, rule 5: each alias the edition's names authority joined is stated, one by one."""
    return tuple(m.Statement("interpretation", "13-alias", 1, (("form", form), ("person", ident), ("name", name)))
                 for ident, name, form in registry.aliases())


def _blocks(divisions: tuple[m.Division, ...]) -> Iterator[m.Block]:
    """Every block of the body, in the sections and attachments too."""
    for division in divisions:
        for block in division.blocks:
            if isinstance(block, m.Division):
                yield from _blocks((block,))
            else:
                yield block
