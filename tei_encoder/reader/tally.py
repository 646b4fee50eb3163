"""The editorial statements: what the reader did to the text, with its counts.

Each count becomes one sentence of the header's editorialDecl (written by the writer).
"""

from __future__ import annotations

from tei_encoder import model as m
from tei_encoder.inline import Context
from tei_encoder.reader.draft import HeaderDraft, Options
from tei_encoder.reader.inliner import Inliner
from tei_encoder.reader.notes import Notes
from tei_encoder.source import Source


def statements(source: Source, draft: HeaderDraft, context: Context, notes: Notes,
                inliner: Inliner, divisions: tuple[m.Division, ...], persons: tuple[m.Person, ...],
                options: Options) -> tuple[m.Statement, ...]:
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
                (c.get("inline-notes", 0), "bracketed translator's or editor's notes became inline notes"),
                (c.get("printed-corrections", 0), "corrections the source prints in brackets after a word "
                                                  "were encoded beside the word as printed")]
    for index, (n, what) in enumerate(notation):
        say("normalization", f"14-notation-{index}", n, f"{n} {what}; the brackets and labels were removed.")
    say("hyphenation", "10-kept", c.get("hyphen-joins", 0),
        f"{c.get('hyphen-joins', 0)} line-end hyphens were kept where wrapped lines were joined.")
    out.append(m.Statement("quotation", "10-kept", "Quotation marks are kept as characters."))
    out.append(m.Statement("correction", "10-none",
                           "No corrections were made." + (
                               f" {c['sic']} words the source marks with [sic] are wrapped in sic."
                               if c.get("sic") else "") + (
                               f" {c['unclosed-brackets']} bracketed notes whose closing bracket is missing "
                               "were read to the end of their line." if c.get("unclosed-brackets") else "")))
    blocks = "one paragraph per source line" if options.line_paragraphs else \
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
