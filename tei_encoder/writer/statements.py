"""The editorial statements in words: one sentence per statement key, from its counts.

The readers say what they did as ``model.Statement`` counts; how the header's
editorialDecl words it (and which TEI elements it names) is decided here only.
"""

from __future__ import annotations

from collections.abc import Callable

from tei_encoder import model as m

Wording = Callable[[m.Statement], str]


def _decoding(s: m.Statement) -> str:
    encoding = s.detail("encoding")
    if s.detail("bom"):
        return f"The input was decoded as {encoding}; its byte-order mark was removed."
    if encoding == "Windows-1252":
        return (f"The input is not UTF-8 (first invalid byte at offset {s.detail('invalid_at')}); "
                "it was decoded as Windows-1252.")
    return f"The input was decoded as {encoding}."


def _mapped(description: str) -> Wording:
    return lambda s: f"{description} ({s.count} times)."


def _notation(what: str) -> Wording:
    return lambda s: f"{s.count} {what}; the brackets and labels were removed."


def _boilerplate(what: str) -> Wording:
    return lambda s: (f"{s.count} lines of {what} were moved, verbatim, to the header "
                      "(sourceDesc/bibl/note[@type='boilerplate']).")


def _correction(s: m.Statement) -> str:
    sic = f" {s.count} words the source marks with [sic] are wrapped in sic." if s.count else ""
    return "No corrections were made." + sic


def _paragraphs(what: str) -> Wording:
    return lambda s: f"Paragraphs are the {what}; the body holds {s.count} document(s)."


SENTENCES: dict[tuple[str, str], Wording] = {
    # normalization
    ("normalization", "01-decoding"): _decoding,
    ("normalization", "02-line-ends"): lambda s: f"{s.count} CR LF or CR line ends were normalised to LF.",
    ("normalization", "03-map-0"): _mapped("U+02B9 MODIFIER LETTER PRIME used as an apostrophe was replaced by U+2019"),
    ("normalization", "03-map-1"): _mapped("U+02BA MODIFIER LETTER DOUBLE PRIME used as a quotation mark was replaced by U+0022"),
    ("normalization", "03-map-2"): _mapped("U+2010 HYPHEN was replaced by U+002D HYPHEN-MINUS"),
    ("normalization", "04-spaces"): lambda s: f"{s.count} tabs and no-break or other wide spaces were replaced by a plain space.",
    ("normalization", "05-whitespace"): lambda s: (f"On {s.count} lines, leading indentation, trailing whitespace or runs of "
                                "spaces were removed or collapsed to one space."),
    ("normalization", "06-invisible"): lambda s: (f"{s.count} invisible characters (zero-width spaces, soft hyphens, stray "
                               "byte-order marks) were removed."),
    ("normalization", "07-control"): lambda s: f"{s.count} control characters, or other characters XML cannot hold, were removed.",
    ("normalization", "08-boilerplate-navigation"): _boilerplate("the web page's navigation and collection boilerplate"),
    ("normalization", "08-boilerplate-masthead"): _boilerplate("the archive site's masthead above the record's date"),
    ("normalization", "08-page-fields"): lambda s: (f"The archive page's {s.count} field labels (Citation:, Summary: …), the "
                                 f"markdown marks on {s.detail('markdown-lines')} lines and the angle brackets "
                                 "around the URL were removed; the fields fill the header."),
    ("normalization", "10-boxes"): lambda s: (f"{s.count} U+25A1 characters in {s.detail('runs')} runs were replaced by "
                           f"{s.detail('runs')} gap elements (agent=\"ocr\"); each gap's quantity is the run's "
                           "length."),
    ("normalization", "11-wraps"): lambda s: (f"{s.count} line breaks inside paragraphs, headings or header fields were joined "
                           "with one space (or none after a line-end hyphen)."),
    ("normalization", "12-notes"): lambda s: (f"{s.count} note bodies were moved to their anchors; the anchor marks "
                           "([footnoteRef:N], [N], *) and the brackets and numbers around the bodies were "
                           "removed."),
    ("normalization", "13-separators"): lambda s: f"{s.count} separator lines (underscores or dashes) before endnotes were removed.",
    ("normalization", "14-notation-0"): _notation("[Page N] markers became page breaks"),
    ("normalization", "14-notation-1"): _notation("bracketed descriptions of lost or untranscribed text became gaps with the "
                               "description kept"),
    ("normalization", "14-notation-2"): _notation("[handwritten: …] labels became additions in a hand"),
    ("normalization", "14-notation-3"): _notation("[word?] conjectures became unclear readings"),
    ("normalization", "14-notation-4"): _notation("markdown emphasis became highlighting"),
    ("normalization", "14-notation-5"): _notation("bracketed translator's or editor's notes became inline notes"),
    ("hyphenation", "10-kept"): lambda s: (f"{s.count} line-end hyphens were kept where wrapped lines were "
                                           "joined."),
    ("quotation", "10-kept"): lambda s: "Quotation marks are kept as characters.",
    ("correction", "10-none"): _correction,
    ("segmentation", "10-lines"): _paragraphs("one paragraph per source line"),
    ("segmentation", "10-blocks"): _paragraphs("blank-line-separated blocks of the source"),
    ("segmentation", "11-turns"): lambda s: f"{s.count} speech turns were recognised by their speaker labels.",
    ("segmentation", "12-inferred-pb"): lambda s: (
        f"{s.count} paragraphs split in mid-sentence (a block ending without final punctuation followed by "
        "one starting in lower case) were joined, with an inferred page break at the join."),
    ("segmentation", "13-omissions"): lambda s: (f"{s.count} omission marks of the source were encoded as "
                                                 "ellipses."),
    ("interpretation", "10-names"): lambda s: (
        f"{s.count} mentions of {s.detail('persons')} persons were recognised automatically from speaker "
        "labels, reporting clauses, participant and addressee lists, signatures and biographical notes."),
    ("interpretation", "11-said"): lambda s: (
        f"{s.count} reported utterances (a person as the subject of a reporting verb followed by that, "
        "whether, a wh-word, a colon or a quotation) were marked as said."),
    ("interpretation", "12-stage"): lambda s: (f"{s.count} parenthesised stage directions were recognised by "
                                               "position or wording."),
}


def sentence(statement: m.Statement) -> str:
    return SENTENCES[statement.section, statement.key](statement)
