"""The accounting rule of ENCODING.md section 6, as a test helper.

Every word of the decoded, normalised input, less the declared notation,
must appear in the TEI (text of header and body, plus note marks in @n):
multiset inclusion, so a word printed twice must be kept twice.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from tei_encoder.source import source_from_bytes

# Superscript digits are a word of their own: a note call glued to the next sentence ("there.¹I said") is
# the note's mark (kept in note/@n) and the word "I", not one word "¹I". Han characters and kana are too:
# Chinese and Japanese print no spaces, so a name tagged inside a heading (毛泽东同志与赫鲁晓夫同志会谈记录)
# splits no word; each character is counted instead.
_SPACELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
WORD = re.compile(f"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[{_SPACELESS}]|[^\\W_⁰¹²³⁴⁵⁶⁷⁸⁹{_SPACELESS}]+")
_PAGE_LABELS = ("Citation", "Summary", "Original Language", "Contents", "Credits", "Source", "Original Archive",
                "Archive", "Record ID", "Subjects Discussed", "Subjects", "Keywords", "Rights", "Language",
                "Document Type", "Author", "Description", "Date", "Link", "URL", "Related Documents",
                "To Cite", "Theme", "Document Number", "Title", "Document Date")  # wilson_center.FIELD_LABELS,
# and the date's labels (wilson_center._DATE_LABEL)
# The archive page's reader removes every markdown "**" before it reads a label, except between two
# letters: "Original** Language:", "****Contents:**" and "** Contents:**" are labels, removed and
# declared with the markdown marks; "Cita**tion:" is none.
_BETWEEN_WORDS = r"(?:\*\*)*\s+(?:\*\*)*"
DECLARED_NOTATION = (
    # the site's PDF copied as text: its page number over its running head, read as a page break (wilson_center)
    # (or its "Page 1 of 4" footer, and the form feed the copy kept before the head, on a line of its own)
    re.compile(r"^(?:[ \t]*(?:Page \d{1,3} of \d{1,3}|\d{1,3})[ \t]*\n(?:\n?\f\n)?)?[ \t]*Wilson Center Digital Archive[ \t]+"
               r"(?:Original Scan|(?:Translation|Transcript) - [A-Z][a-z]+)[ \t]*$", re.M),
    # the last page's footer ending the transcript, removed with the others (wilson_center._last_page_number)
    re.compile(r"^[ \t]*Page (\d{1,3}) of \1[ \t]*(?=\s*\Z)", re.M),
    # an HTML character reference a saved web page kept ("&nbsp;", "&ndash;"): the character it stands for
    # replaces it, declared (source.py); its name is no word of the text
    re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
    # a markdown link to itself ("[https://…](https://…)", a page saved as markdown): the URL, printed once
    re.compile(r"\[(?P<kept>https?://[^\[\]\s]+)\]\((?P=kept)\)"),
    re.compile(r"\[(?:foot|end)noteRef:\s*\d+\]"),  # a Word note call: footnote or endnote
    re.compile(r"^\s*(?:#+\s*)?(?:\*\*)*\s*(?:" + "|".join(label.replace(" ", _BETWEEN_WORDS) for label in _PAGE_LABELS)
               + r"|Associated [A-Za-z &]+)(?:\*\*)*\s*:(?:\*\*)*", re.M),
    # a label printed as a heading without its colon ("### Summary", "**Original Language**"), and unmarked the
    # labels no transcript heads a part with (wilson_center._label_alone)
    re.compile(r"^[ \t]*(?:#+[ \t]*|\*\*)(?:" + "|".join(_PAGE_LABELS) + r"|Associated [A-Za-z &]+)(?:\*\*)?[ \t]*$", re.M),
    re.compile(r"^(?:Citation|Original Language|Contents|Subjects Discussed|Associated [A-Za-z &]+)[ \t]*$", re.M),
    # a browser copy's labels alone without their colons over their values ("Summary" / "The SED …",
    # "Document Date" / "June 17, 1953"), removed when two stand in a row (wilson_center._colon_less_head_labels)
    re.compile(r"^(?:" + "|".join(_PAGE_LABELS) + r")[ \t]*$(?=\n[ \t]*\S)", re.M),
    # the page's fields as a markdown table's rows ("| Date | April 14, 1980 |") and as bold labels closed by a
    # full stop ("**Summary.** …"): the labels go, counted with the page's labels (wilson_center._field_table,
    # _STOP_LABEL)
    re.compile(r"^[ \t]*\|[ \t]*(?:\*\*)?(?:" + "|".join(_PAGE_LABELS) + r")(?:\*\*)?[ \t]*(?=\|)", re.M),
    # and a second row's label on the same line ("| Type | Memorandum | | Language | Hungarian |": two rows run
    # together, read pair by pair, wilson_center._label_value_pairs)
    re.compile(r"\|[ \t]*\|[ \t]*(?:\*\*)?(?:" + "|".join(_PAGE_LABELS) + r")(?:\*\*)?[ \t]*(?=\|)"),
    re.compile(r"^\*\*(?:" + "|".join(_PAGE_LABELS) + r")\.\*\*", re.M),
    # the newer page's closing block heading, removed with its labels and counted with them
    re.compile(r"^[ \t]*(?:#+\s*)?(?:\*\*)?Document Information(?:\*\*)?:?[ \t]*$", re.M),
    re.compile(r"\[(?:Page|p\.|pg\.?)(?=\s*[\dIVXLCivxlc]+(?:\s+of\s+(?:the\s+)?(?:original|\d{1,4}))?\])", re.I),
    # what page the editor's marker counts ("[Page 4 of the original]", "[Page 2 of 5]"): the marker's, declared
    # with it as notation (page_marker.PATTERN); the number stays in pb/@n
    re.compile(r"(?<=\d)\s+of\s+(?:the\s+)?(?:original|\d{1,4})(?=\])", re.I),
    # "Notes" / "Endnotes" alone over the bodies: removed with them and declared (reader/notes._notes_heading_over,
    # _numbered_endnotes); before the bodies' marks go, as it looks for the first mark under it
    re.compile(r"^[ \t]*(?:(?:End|Foot)?[Nn]otes|NOTES|ENDNOTES|FOOTNOTES)[ \t]*:?[ \t]*\n(?=(?:[ \t]*\n)*"
               r"(?:\[\d+\]|\^\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\d{1,3}(?:[ \t]|\.\s)))", re.M),
    # an endnote body's mark at the start of its line ("[2] The treaty …", "^2 The …", Markdown's "[^2]: The …"):
    # the body moves to its anchor, where the number is kept in note/@n, and the statements declare the mark removed
    # (a superscript mark needs no space after it: "¹□ See …", "¹See …", as reader/notes.py reads them)
    # ("[2]3 November 1955": the reader takes a mark glued to its body's first word too, notes._ENDNOTE_BODY)
    re.compile(r"^[ \t]*(?:\[\d+\]|\[\^\d+\]:|\^\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)", re.M),
    # a reviewer's comment mark, Google Docs' "[a]" or Word's "[RK1]", glued to the words it is on and before
    # its text at the end (reader/notes._comment_notes): the text moves to the mark, the mark is declared removed
    re.compile(r"(?<=\S)\[(?:[a-z]{1,2}|[A-Z]{1,4}\d{1,3})\]|^\[(?:[a-z]{1,2}|[A-Z]{1,4}\d{1,3})\](?=\S)", re.M),
    re.compile(r"\[(?:hand-?written|handwriting|in handwriting|manuscript(?: note)?)"
               r"(?:\s+(?:in|on)\s+(?:the\s+)?(?:(?:left|right|top|bottom|upper|lower)\s+)?margins?)?\s*:", re.I),
    # the transcriber's labels of marks on the paper (tei_encoder/inline/deletions.py, underlines.py,
    # margin_notes.py, stamps.py): the label goes, the words it describes stay
    re.compile(r"\[(?:(?:crossed|struck)\s+(?:out|through)|deleted|underlined)\s*:", re.I),
    re.compile(r"\[(?:underlined|underlining|end\s+(?:of\s+)?underlin(?:ing|e)|underlining\s+ends)\]", re.I),
    re.compile(r"\[(?:(?:rubber|round|oval|square|date|registry|registration|incoming|outgoing)\s+)?stamp\s*:", re.I),
    # a margin note's place; the transcriber's words before it ("Resolution") are kept as its label
    re.compile(r"(?P<kept>\[(?:[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?\s+)??)"
               r"(?:(?:written\s+)?(?:in|on)\s+(?:the\s+)?(?:(?:left|right|top|bottom|upper|lower|outer|inner)\s+)?"
               r"margins?|marginal\s+(?:note|notation|comment)|margin\s+note)\s*:", re.I),
)


# Page fields run together on one line ("… Citation: … Summary: …"): the labels are declared
# notation there too, once a line holds two of them.
RUN_IN_LABEL = re.compile(r"(?<=\s)(?:Citation|Summary|Original Language|Contents|Credits|Source|Keywords|Rights)"
                          r"\s*:(?=\s)")


def _without_run_in_labels(text: str) -> str:
    return "\n".join(RUN_IN_LABEL.sub(" ", line) if len(RUN_IN_LABEL.findall(line)) >= 2 else line
                     for line in text.split("\n"))


def _declared(match: re.Match[str]) -> str:
    """The notation goes; a group named ``kept`` (words the encoder keeps beside it) stays."""
    kept = match.groupdict().get("kept")
    return f" {kept or ''} "


# A Word note call inside a word ("A[footnoteRef:1]VP") goes to the word's end (reader/notes.py): the
# word is kept whole, so the call is taken out without a space.
_CALL_IN_WORD = re.compile(r"(?<=\w)\[(?:foot|end)noteRef:\s*\d+\](?=\w)")


# "Endnotes" over bodies numbered "2<tab>The Hungarian original …" (docx2txt's print of Word's endnotes, the
# tab a space once read): each body's number is declared removed, its note's @n the call as printed ("²").
_TAB_NUMBERED_ENDNOTES = re.compile(r"^[ \t]*(?:End|Foot)?[Nn]otes[ \t]*:?[ \t]*$", re.M)
_BODY_NUMBER = re.compile(r"^\d{1,3} (?=\S)", re.M)


def _endnote_numbers_declared(text: str) -> str:
    heading = _TAB_NUMBERED_ENDNOTES.search(text)
    if heading is None:
        return text
    return text[:heading.start()] + _BODY_NUMBER.sub(" ", text[heading.end():])  # the heading goes too


def source_words(data: bytes) -> Counter[str]:
    text = _CALL_IN_WORD.sub("", _without_run_in_labels(source_from_bytes(data, "input.txt").text))
    if "\t" in data.decode("utf-8", "replace"):
        text = _endnote_numbers_declared(text)
    for pattern in DECLARED_NOTATION:
        text = pattern.sub(_declared, text)
    return Counter(WORD.findall(text))


def tei_words(tei: bytes) -> Counter[str]:
    root = etree.fromstring(tei)
    text = " ".join(root.itertext())
    marks = " ".join(root.xpath("//@n | //@target"))  # note marks; the URL kept in ptr/@target
    return Counter(WORD.findall(text + " " + marks))


def lost_words(data: bytes, tei: bytes) -> Counter[str]:
    return _glued_calls_declared(source_words(data) - tei_words(tei), tei)


def _glued_calls_declared(lost: Counter[str], tei: bytes) -> Counter[str]:
    """A note call printed as a bare mark glued to its word ("Yi1", "19583", "Xiaopingi", as Word's Save as
    Plain Text prints them) is declared notation: the mark is the note's @n, the word before it stays in
    the text. Such a word is kept when a foot note has the mark and the word without it is in the TEI; so is
    the mark alone (after a full stop, "year.iii", and before its note's paragraph, "iii The …")."""
    if not lost:
        return lost
    root = etree.fromstring(tei)
    marks = set(root.xpath("//*[local-name()='note'][@place='foot']/@n"))
    kept = tei_words(tei)
    return Counter({word: count for word, count in lost.items()
                    if word not in marks
                    and not any(word.endswith(mark) and kept[word[:-len(mark)]] for mark in marks)})
