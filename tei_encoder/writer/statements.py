"""The editorial statements in words: one sentence per (section, key), from its counts.

The readers say what they did as ``model.Statement`` counts; how the header's
editorialDecl words it (and which TEI elements it names) is decided here only.
Counts are worded in the right number ("1 word", "2 words"; "once", "twice").
"""

from __future__ import annotations

from collections.abc import Callable

from tei_encoder import model as m

Wording = Callable[[m.Statement], str]


def count(n: int | str, singular: str, plural: str | None = None) -> str:
    """``1 line``, ``2 lines``; ``plural`` for nouns that do not take an s."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def were(n: int | str) -> str:
    return "was" if n == 1 else "were"


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _decoding(s: m.Statement) -> str:
    encoding = s.detail("encoding")
    if s.detail("bom"):
        return f"The input was decoded as {encoding}; its byte-order mark was removed."
    if s.detail("invalid"):
        invalid, non_ascii = s.detail("invalid"), s.detail("non_ascii")
        why = (", whose words it gives in Cyrillic throughout" if s.detail("script") == "Cyrillic"
               else "" if encoding == "Windows-1252" else ", the code page its bytes fit (chardetng)")
        return (f"The input is not UTF-8: {invalid} of {count(non_ascii, 'non-ASCII byte')} {'is' if invalid == 1 else 'are'} "
                f"invalid as UTF-8 (the first on line {s.detail('first_line')}); it was decoded as {encoding}{why}.")
    if s.detail("repaired"):
        repaired = s.detail("repaired")
        return (f"The input was decoded as UTF-8, except {count(repaired, 'byte')} that {'is' if repaired == 1 else 'are'} "
                f"not valid UTF-8 ({s.detail('where')}); each was read as Windows-1252, or as U+FFFD "
                "REPLACEMENT CHARACTER where Windows-1252 defines no character.")
    return f"The input was decoded as {encoding}."


def _mapped(description: str) -> Wording:
    return lambda s: f"{description} ({times(s.count)})."


def _notation(singular: str, plural: str, became: str, became_many: str) -> Wording:
    return lambda s: (f"{count(s.count, singular, plural)} {became if s.count == 1 else became_many}; "
                      "the brackets and labels were removed.")


def _their(n: int, thing: str) -> str:
    """``its anchor`` for one, ``their anchors`` for more."""
    return f"its {thing}" if n == 1 else f"their {thing}s"


def _boilerplate(what: str) -> Wording:
    return lambda s: (f"{count(s.count, 'line')} of {what} {were(s.count)} moved, verbatim, to the header "
                      "(sourceDesc/bibl/note[@type='boilerplate']).")


def _page_fields(s: m.Statement) -> str:
    """Only what the page had: its field labels, markdown marks, angle brackets around the URL."""
    removed = []  # (words, plural)
    if s.count:
        removed.append((f"the archive page's {count(s.count, 'field label')} (Citation:, Summary: …)",
                        s.count != 1))
    if s.detail("markdown-lines"):
        removed.append((f"the markdown marks on {count(s.detail('markdown-lines'), 'line')}", True))
    if s.detail("url-brackets"):
        removed.append(("the angle brackets around the URL", True))
    words = [text for text, _ in removed]
    listed = ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]
    verb = "were" if len(removed) > 1 or removed[0][1] else "was"
    return f"{listed[0].upper()}{listed[1:]} {verb} removed; the fields fill the header."


def _boxes(s: m.Statement) -> str:
    runs = s.detail("runs")
    return (f"{count(s.count, 'U+25A1 character')} in {count(runs, 'run')} {were(s.count)} replaced by "
            f"{count(runs, 'gap element')} (agent=\"ocr\"); each gap's quantity is the run's length.")


def _correction(s: m.Statement) -> str:
    words = "No corrections were made."
    if s.count:
        words += (f" {count(s.count, 'word')} the source marks with [sic] "
                  f"{'is' if s.count == 1 else 'are'} wrapped in sic.")
    unclosed = s.detail("unclosed-brackets")
    if unclosed:
        words += (f" {count(unclosed, 'bracketed note')} whose closing bracket is missing {were(unclosed)} "
                  "read to the end of their line.")
    return words


def _paragraphs(what: str) -> Wording:
    return lambda s: f"{what}; the body holds {count(s.count, 'document')}."


SENTENCES: dict[tuple[str, str], Wording] = {
    ("normalization", "01-decoding"): _decoding,
    ("normalization", "01-mojibake"): lambda s: (
        f"{count(s.count, 'character')} on {count(s.detail('lines'), 'line')} ({s.detail('where')}) "
        f"{'was' if s.count == 1 else 'were'} mojibake, UTF-8 once read as Windows-1252 (“NovotnÃ½”); "
        f"{'it was' if s.count == 1 else 'they were'} read again as UTF-8 (“Novotný”)."),
    ("normalization", "02-line-ends"): lambda s: (
        f"{count(s.count, 'CR LF or CR line end')} {were(s.count)} normalised to LF."),
    ("normalization", "03-map-0"): _mapped(
        "U+02B9 MODIFIER LETTER PRIME used as an apostrophe was replaced by U+2019"),
    ("normalization", "03-map-1"): _mapped(
        "U+02BA MODIFIER LETTER DOUBLE PRIME used as a quotation mark was replaced by U+0022"),
    ("normalization", "03-map-2"): _mapped("U+2010 HYPHEN was replaced by U+002D HYPHEN-MINUS"),
    ("normalization", "08-pdf-page-furniture"): lambda s: (
        f"At {count(s.count, 'page turn')} of the site's PDF copied as text, its page number and running head "
        f"(“Wilson Center Digital Archive … Original Scan”) {'was' if s.count == 1 else 'were'} removed and "
        f"read as {'a page break' if s.count == 1 else 'page breaks'}"
        f"{'; the last page’s number at its foot was removed too' if s.detail('last-page-number') else ''}."),
    ("normalization", "03-html-references"): lambda s: (
        f"{count(s.count, 'HTML character reference')} left by a web page saved as text (&nbsp;, &ndash;, "
        f"&hellip; …) {were(s.count)} replaced by the {'character it stands' if s.count == 1 else 'characters they stand'} for."),
    ("normalization", "03-ligatures"): lambda s: (
        f"{count(s.count, 'ligature')} of a PDF's text layer (U+FB00-U+FB06: ﬀ, ﬁ, ﬂ, ﬃ, ﬄ, ﬅ, ﬆ) "
        f"{were(s.count)} replaced by {'its letters' if s.count == 1 else 'their letters'} (ff, fi, fl, ffi, ffl, st)."),
    ("normalization", "04-spaces"): lambda s: (
        f"{count(s.count, 'tab, no-break or other wide space', 'tabs and no-break or other wide spaces')} "
        f"{were(s.count)} replaced by a plain space."),
    ("normalization", "05-whitespace"): lambda s: (
        f"On {count(s.count, 'line')}, leading indentation, trailing whitespace or runs of spaces were "
        "removed or collapsed to one space."),
    ("normalization", "06-invisible"): lambda s: (
        f"{count(s.count, 'invisible character')} (zero-width spaces, soft hyphens, stray byte-order marks) "
        f"{were(s.count)} removed."),
    ("normalization", "08-run-in-fields"): lambda s: (
        f"{count(s.count, 'line break')} {were(s.count)} supplied where the page's fields ran together on one "
        "line (before each field label, after the date, before the transcript)."),
    ("normalization", "07-control"): lambda s: (
        f"{count(s.count, 'control character')}, or other characters XML cannot hold or Unicode keeps for "
        f"programs' internal use, {were(s.count)} removed."),
    ("normalization", "08-boilerplate-navigation"): _boilerplate(
        "the web page's navigation and collection boilerplate"),
    ("normalization", "08-boilerplate-masthead"): _boilerplate(
        "the archive site's masthead above the record's date"),
    ("normalization", "08-boilerplate-buttons"): _boilerplate(
        "the page's buttons under the title (Share, Download PDF)"),
    ("normalization", "08-boilerplate-footer"): _boilerplate(
        "the site's footer under the page (Back to top, the copyright line)"),
    ("normalization", "08-boilerplate-funder"): _boilerplate(
        "the page's funding acknowledgement under the title (its funder also in titleStmt/funder)"),
    ("normalization", "08-page-fields"): _page_fields,
    ("normalization", "08-series-separator"): lambda s: (
        f"{count(s.count, 'line')} of spaced asterisks (“* * *”) parting the documents of a series, each over "
        f"the next document's number, {were(s.count)} removed; each number opens its document."),
    ("normalization", "10-boxes"): _boxes,
    ("normalization", "11-wraps"): lambda s: (
        f"{count(s.count, 'line break')} inside paragraphs, headings or header fields {were(s.count)} "
        "joined with one space (or none after a line-end hyphen)."),
    ("normalization", "12-notes"): lambda s: (
        f"{count(s.count, 'note body', 'note bodies')} {were(s.count)} moved to "
        f"{_their(s.count, 'anchor')}; the anchor marks ([footnoteRef:N], [endnoteRef:N], [N], [^N], *) and the brackets and "
        "numbers around the bodies were removed."),
    ("normalization", "12-notes-inside-words"): lambda s: (
        f"{count(s.count, 'footnote call')} printed inside a word {were(s.count)} moved to the word's end, "
        "so that the word stays whole."),
    ("normalization", "12-notes-glued"): lambda s: (
        f"{count(s.count, 'note call')} printed as a bare number or roman numeral glued to the word before "
        f"{'it' if s.count == 1 else 'them'} (Kang Sheng1, Xiaopingi, year.iii: superscripts flattened by a copy, "
        f"or Word's Save as Plain Text) {were(s.count)} read as {'a note anchor' if s.count == 1 else 'note anchors'}, "
        "in order 1, 2, 3 … (i, ii, iii …), each matched to the note paragraph with that mark at the end of the text "
        "(an archival reference may follow the notes); the marks were removed."),
    ("normalization", "12-notes-comments"): lambda s: (
        f"{count(s.count, 'comment')} of a translator or reviewer, marked [a], [b] … (Google Docs) or [RK1] … "
        f"(Word) with {'its' if s.count == 1 else 'their'} text at the end of the record, "
        f"{were(s.count)} placed at {_their(s.count, 'mark')} as editorial notes (note type=\"editorial\"); "
        "the marks, and a separator line over the texts, were removed."),
    ("normalization", "12-notes-pointers"): lambda s: (
        f"{count(s.count, 'footnote call')} inside a note body kept where it stood (it has no anchor) "
        f"{'names' if s.count == 1 else 'name'} a note already placed at its anchor; "
        f"{'it' if s.count == 1 else 'each'} became a pointer (ptr) to that note, and the mark "
        "[footnoteRef:N] or [endnoteRef:N] was removed."),
    ("normalization", "13-notes-headings"): lambda s: (
        f"{count(s.count, 'heading')} ('Notes') over numbered endnotes {were(s.count)} removed; the notes stand "
        "at their calls."),
    ("normalization", "13-separators"): lambda s: (
        f"{count(s.count, 'separator line')} (underscores or dashes) before endnotes {were(s.count)} "
        "removed."),
    ("normalization", "14-notation-0"): _notation(
        "[Page N] marker", "[Page N] markers", "became a page break", "became page breaks"),
    ("normalization", "14-notation-1"): _notation(
        "bracketed description of lost or untranscribed text",
        "bracketed descriptions of lost or untranscribed text",
        "became a gap with the description kept", "became gaps with the description kept"),
    ("normalization", "14-notation-2"): _notation(
        "[handwritten: …] label", "[handwritten: …] labels",
        "became an addition in a hand", "became additions in a hand"),
    ("normalization", "14-notation-3"): _notation(
        "[word?] conjecture", "[word?] conjectures", "became an unclear reading", "became unclear readings"),
    ("normalization", "14-notation-4"): _notation(
        "span of markdown emphasis", "spans of markdown emphasis", "became highlighting",
        "became highlighting"),
    ("normalization", "14-notation-5"): _notation(
        "bracketed translator's or editor's note", "bracketed translator's or editor's notes",
        "became an inline note", "became inline notes"),
    ("normalization", "14-notation-6"): _notation(
        "correction the source prints in brackets after a word",
        "corrections the source prints in brackets after a word",
        "was encoded beside the word as printed", "were encoded beside the word as printed"),
    ("normalization", "14-notation-7-deletions"): _notation(
        "[crossed out: …] or [deleted: …] label", "[crossed out: …] or [deleted: …] labels",
        "became a deletion", "became deletions"),
    ("normalization", "14-notation-7-margin-notes"): lambda s: (
        f"{count(s.count, '[in the margin: …] label')} {'became a marginal note' if s.count == 1 else 'became marginal notes'}; "
        "the brackets and the words naming the margin were removed, the transcriber's words before them "
        "(such as Resolution) kept as the note's label."),
    ("normalization", "14-notation-7-stamps"): _notation(
        "[Stamp: …] label", "[Stamp: …] labels", "became a stamp", "became stamps"),
    ("normalization", "14-notation-7-underlining"): _notation(
        "[underlined] … [end of underlining] or [underlined: …] mark",
        "[underlined] … [end of underlining] or [underlined: …] marks",
        "became underlined highlighting", "became underlined highlighting"),
    ("normalization", "15-header-calls"): lambda s: (
        f"{count(s.count, 'footnote call')} ([footnoteRef:N], [endnoteRef:N]) in header fields (title, citation, summary …) "
        f"{were(s.count)} removed there: a note cannot stand in the header; a body the record gives for "
        "it stays in the text."),
    ("normalization", "16-header-boxed-values"): lambda s: (
        f"{count(s.count, 'header value')} that TEI writes as plain text (repository, archival reference, "
        f"number, original language, publisher, publication) held an OCR box (U+25A1) and {were(s.count)} "
        "written as sourceDesc/bibl/note[@type='field'], with the box as a gap."),
    ("normalization", "17-markdown-structure"): lambda s: (
        f"{count(s.count, 'line')} began with the markdown marks of a heading, a bold label or an italic date "
        "(#, ** or * around it); the marks were removed, and the heading, the speaker's or list's label and the "
        "dateline are encoded instead."),
    ("hyphenation", "10-kept"): lambda s: (
        f"{count(s.count, 'line-end hyphen')} {were(s.count)} kept where wrapped lines were joined."),
    ("quotation", "10-kept"): lambda s: "Quotation marks are kept as characters.",
    ("correction", "10-none"): _correction,
    ("segmentation", "10-lines"): _paragraphs("Paragraphs are the source's lines, one paragraph per line"),
    ("segmentation", "10-blocks"): _paragraphs(
        "Paragraphs are the blank-line-separated blocks of the source"),
    ("segmentation", "10-one-block"): _paragraphs(
        "The source has no blank lines between its paragraphs, so its body was read as one block"),
    ("segmentation", "11-turns"): lambda s: (
        f"{count(s.count, 'speech turn')} {were(s.count)} recognised by {_their(s.count, 'speaker label')}."),
    ("segmentation", "11-unlabelled-answers"): lambda s: (
        f"{count(s.count, 'answer')} that no label names, each after an interviewer's question (“Q: …”), "
        f"{were(s.count)} made the interviewee's {'turn' if s.count == 1 else 'turns'}, without a speaker "
        "element: the record labels its questions alone."),
    ("segmentation", "12-inferred-pb"): lambda s: (
        f"{count(s.count, 'paragraph')} split in mid-sentence (a block ending without final punctuation "
        f"followed by one starting in lower case) {were(s.count)} joined, with an inferred page break at "
        "the join."),
    ("segmentation", "13-omissions"): lambda s: (
        f"{count(s.count, 'omission mark')} of the source {were(s.count)} encoded as "
        f"{'an ellipsis' if s.count == 1 else 'ellipses'}."),
    ("segmentation", "14-openers-moved"): lambda s: (
        f"{count(s.count, 'block')} of header fields printed under a participants list {were(s.count)} "
        "placed above the list as the opener (TEI puts a division's opener before its content)."),
    ("segmentation", "15-tables"): lambda s: (
        f"{count(s.count, 'block')} of lines printed in columns (set apart by runs of spaces or tabs) "
        f"{were(s.count)} read as {'a table' if s.count == 1 else 'tables'}, a row a line and a cell a column."),
    ("interpretation", "10-names"): lambda s: (
        f"{count(s.count, 'mention')} of {count(s.detail('persons'), 'person')} {were(s.count)} recognised "
        "automatically from speaker labels, reporting clauses, participant and addressee lists, signatures "
        "and biographical notes."),
    ("interpretation", "11-said"): lambda s: (
        f"{count(s.count, 'reported utterance')} (a person as the subject of a reporting verb followed by "
        f"that, whether, a wh-word, a colon or a quotation) {were(s.count)} marked as said."),
    ("interpretation", "11-said-interposed"): lambda s: (
        f"{count(s.count, 'reporting clause')} {were(s.count)} printed after or inside the sentence "
        f"{'it reports' if s.count == 1 else 'they report'} (“It is unacceptable, said X.”, “We, declared X, "
        "will …”): what stands before the clause, from the sentence's start, and what goes on after it are "
        "said of the person (counted above)."),
    ("interpretation", "12-stage"): lambda s: (
        f"{count(s.count, 'parenthesised stage direction')} {were(s.count)} recognised by position or "
        "wording."),
    ("interpretation", "13-alias"): lambda s: (
        f"The form “{s.detail('form')}” was identified as {s.detail('name')} (#{s.detail('person')}) by the "
        "edition's names authority (its alias table), not by an identity rule."),
    ("interpretation", "15-diary-span"): lambda s: (
        "The record's date (profileDesc/creation) runs from its first diary entry's date to its last's."),
    ("interpretation", "16-catalogue"): lambda s: (
        f"{count(s.count, 'person')} of the record {'is' if s.count == 1 else 'are'} named in the page's list "
        "of associated people, headed as a library catalogue heads them (“Stalin, Joseph, 1879-1953”): the "
        "heading gives the main name in reading order and the years of birth and death, where no footnote "
        "or names authority does. A person the list names whom no other rule found is listed when the "
        "text prints the surname."),
    ("interpretation", "17-romanised-names"): lambda s: (
        f"{count(s.count, 'person')} named only by a bare romanised Chinese or Korean name (“Chen Yun”, “Pak Hon "
        f"Yong”, “Chou En-lai”) {were(s.count)} recognised by the name's form: a family name printed first, then "
        "given names of pinyin, Wade-Giles or McCune-Reischauer syllables."),
    ("interpretation", "14-creation-date"): lambda s: (
        f"The document's date is its dateline's, “{s.detail('dateline')}”: the date read from "
        f"{s.detail('origin')}, “{s.detail('printed')}”, disagrees with it."),
}


def sentence(statement: m.Statement) -> str:
    return SENTENCES[statement.section, statement.key](statement)
