"""The closing matter at the end of a document, in any order: signatures (one or two columns on
a line: ``Head of the delegation S. Vinogradov   Member of the delegation A. Lavrentyev``, or a
bare surname as the last line), a valediction (``With greetings!``, ``Yours sincerely,``), the
date under the signatures, then source notes and keywords: one closing, its lines in the source's
order; the signers are registered as senders.

Only after body text, and only when the run reaches the end of the record, a distribution list
(``cc: …``) or the start of a next document (document_start.py). Must not match: a signature-like line followed by more body text, a
run without a signature or valediction that is not a lone trailing date, ``With greetings to the
Minister, he left.`` (a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tei_encoder.header import classification, people, teletype
from tei_encoder.inline import paper_mark_alone
from tei_encoder.letters import UPPER
from tei_encoder.markers import FORM_FEED, NOTE_OPEN, plain
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import (
    attachment,
    document_start,
    postscript,
    source_note,
    translated,
    valediction,
)
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import ClosingBlock, SourceBlock, SourcePart
from tei_encoder.reader.notes import without_word_notes
from tei_encoder.reader.opening import SERIES_NUMBER, field_kind, is_dateline
from tei_encoder.reader.units import Unit
from tei_encoder.words import words_up_to

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# A signer: initials and a surname (``S. Vinogradov``, ``A.Ya. Vyshinsky``, ``V. M. MOLOTOV``).
# (Each name's first capital comes before the test of what stands before it: the scan skips to capitals.)
SIGNER = re.compile(rf"[{UPPER}](?<![\w.][{UPPER}])[a-z]?\.\s?(?:[{UPPER}][a-z]?\.\s?){{0,2}}[{UPPER}][\w'’-]+")
# A distribution list after the closing (``cc: …``, ``Copies to: …``): the closing matter ends there.
DISTRIBUTION_HEAD = re.compile(r"^(?:cc|bcc|copy to|copies to|copies|distribution|sent to|sent(?=:\s*to\b)|distribute[ds]? to|"
                               rf"circulated to|sent out to|{classification.COPIES_MADE})\s*[:.-]", re.I)


def after_signature(line: str) -> bool:
    """What follows a signature, never a turn's speech: the distribution list (``Copies: Stalin, …``) or the
    number of the next document of a series (``2.``). A signer's name alone under each telegram of a series
    (``ROSENBERG``) had become a speaker's label alone on its line, its distribution or next telegram his turn."""
    bare = plain(line).strip()
    return DISTRIBUTION_HEAD.match(bare) is not None or SERIES_NUMBER.match(bare) is not None


# The cipher office's note under a telegram's signature: "Decipherment: 20 January 1950, 10:05.", "Deciphered at …".
DECIPHERED = re.compile(r"^(?:Decipher(?:ment|ed)|Decoded|Decrypted)\b", re.I)
# "[signature]", "[signature illegible]" alone on a line: the place of a signature in the closing.
# Translations of Russian documents print it between slashes ("/signature/", "/s/"), often with the
# signer's name in parentheses after it: "/signature/ (P. YUDIN)".
SIGNATURE_MARK = re.compile(r"^(?:\[(?:signature|signed|illegible signature|Unterschrift)\b[^\[\]]*\]|/(?:signature|signed|s)/)\.?"
                            rf"(?:\s*\((?:[{UPPER}][a-z]?\.\s?){{1,3}}[{UPPER}][\w'’-]+\)\.?)?$", re.I)
# The teletype's end of a telegram under its text: "NNN", "NNNN", "END OF MESSAGE".
END_OF_MESSAGE = re.compile(r"^(?:NNNN?|END OF (?:MESSAGE|TEXT|TELEGRAM)\.?)$")
_INITIALS = re.compile(rf"^(?:[{UPPER}]\.\s?){{2,4}}$")  # "C.E.B.": a signature by initials
_KNOWN_NAME = re.compile(rf"^[{UPPER}][\w'’-]+(?:\s[{UPPER}][\w'’-]+){{0,2}}$")  # "Pak Hon Yong", when the record knows it
_SENTENCE = re.compile(r"[a-z]{2}[.!?;]\s|[,;:]$|\b(?:is|was|are|were|has|had|will|said|says)\b")


# Words no office or name holds: a line with one is prose ending in a name ("In conclusion Mao asked
# me to convey his greetings to Comrade N. S. Khrushchev."), not a signature line.
_PROSE_WORD = re.compile(r"\b(?:me|my|him|his|her|we|us|our|they|them|their|you|your|it|its|that|this|which|"
                         r"who|asked|told|informed|stated|replied|convey|conveyed)\b")


_PARENTHESISED = re.compile(r"^\(([^()]+)\)$")
_SLASHED = re.compile(r"^/([^/]+)/$")  # a Soviet typescript's signer between slashes: "/A. GROMYKO/"
_NUMBER = re.compile(r"^No\.?:?\s*[A-Z]{0,3}[-/]?\d+(?:[-/][\w]+)?\.?"
                     r"(?:\s*\[(?i:stamp|seal)\b[^\[\]]{0,40}\])?$")  # "No. 1117/12 [stamp]": the outgoing number, stamped
Known = Callable[[str], bool]  # whether a name is one of the record's people


def columns(text: str, known: Known | None = None) -> list[str] | None:
    """The signatures of a signature line, one per column (split after each signer's name), or
    None when the line is no signature line (a sentence, words after the last name). A name
    without initials after the last signer is a column of its own when the record knows it
    (``A. Vyshinsky          Pak Hon Yong``)."""
    bare = plain(text).strip()
    inner = _PARENTHESISED.match(bare) or _SLASHED.match(bare)
    if inner:  # "(M. Rákosi)", "/P. PONOMARENKO/": a signature printed in parentheses or slashes, kept whole
        return [text] if columns(inner.group(1), known) else None
    if len(bare.split()) > 16:
        return None  # a paragraph: the word count first, before the scan for names over all of it
    names = [(name.start(), name.end()) for name in SIGNER.finditer(bare)]
    trailing = bare[names[-1][1]:].strip(" .") if names else ""
    if names and trailing and known is not None and _KNOWN_NAME.match(trailing) and known(trailing):
        names.append((bare.rindex(trailing), bare.rindex(trailing) + len(trailing)))
    if (not names or _SENTENCE.search(bare) or _PROSE_WORD.search(bare)
            or names[-1][1] != len(bare.rstrip(". "))):
        return None
    if bare != text.strip():
        return [text]  # a note anchor in the line: kept whole
    cuts = [0] + [end for _, end in names[:-1]] + [len(bare)]
    return [bare[start:end].strip() for start, end in zip(cuts, cuts[1:])]


# Where the office of the next column begins on an office line over signatures in columns: an
# office word after a word that ends the previous office ("… of the USSR Minister of …").
_COLUMN_OFFICE = re.compile(r"(?<=[A-Za-z)’'])\s+(?=(?:For|Deputy|Minister|Ambassador|Head|Chairman|Secretary|"
                            r"People['’]s|Member|President|Premier|Prime|Foreign|Commissar|Envoy|Counsellor|"
                            r"Chief|Representative|Acting|First|Second)\b)")
_LINK_BEFORE = re.compile(r"(?:\b(?:of|in|for|at|to|the|and|Deputy|Prime|Foreign|First|Second|Acting|People['’]s)|,)$")


def column_offices(line: str, count: int) -> list[str] | None:
    """An office line over ``count`` signatures in columns, cut into one office per column; None
    when it cannot be cut so (the column gap is lost in normalisation; the words decide)."""
    cuts = [0] + [match.end() for match in _COLUMN_OFFICE.finditer(line)
                  if not _LINK_BEFORE.search(line[:match.start()])] + [len(line)]
    pieces = [line[start:end].strip() for start, end in zip(cuts, cuts[1:])]
    return pieces if len(pieces) == count and all(pieces) else None


def named_elsewhere(layout: Layout, name: str, besides: int | None = None) -> bool:
    """A bare surname signs only when the record prints it elsewhere with initials or a title
    (``V. M. Molotov``, ``Comrade Molotov``), in its title, or so in the archive's summary of it
    (``Ambassador Pelnář reports …``): ``Applause`` or ``Moscow`` as a last line is no signer.
    ``besides``: a unit not to count (the line under question itself)."""
    words = name.rstrip(". ").split()
    if not words:
        return False
    if len(words) > 1 and _printed_elsewhere(layout, " ".join(words), besides):
        return True  # "Faiz Muhammad" under a treaty that names "the Minister … Faiz Muhammad Khan"
    surname = re.escape(words[-1])
    if surname.casefold() in _title_words(layout):
        return True  # "SHTYKOV" under "Ciphered Telegram, Shtykov to Vyshinsky"
    # a title may stand before the forenames ("Comrade Leonid Ilyich Brezhnev", "Comrade Todor Zhivkov"): a
    # telephone transcript's heading names its two parties so, and their labels are "BREZHNEV." / "ZHIVKOV."
    pattern = re.compile(rf"(?:[{UPPER}][a-z]?\.\s?|(?i:comrade|mr|mrs|sir|ambassador|minister|general)\.?\s"
                         rf"(?:[{UPPER}][^\W\d_]+\s){{0,2}})(?i:{surname})\b")
    return bool(pattern.search(layout.summary)) or any(
        pattern.search(plain(unit.text)) for k, unit in enumerate(layout.units) if k != besides)


def _title_words(layout: Layout) -> list[str]:
    """The words of the record's title: the page's, or the body's first unit where the family takes its
    title from there (the Soviet selections' ``RECORD OF CONVERSATION … WITH THE MINISTER … ANSARI``, a
    foreign party named by the surname alone)."""
    if layout.title_key:
        return layout.title_key.split()
    if layout.first_unit_is_title and layout.units:
        return re.sub(r"\W+", " ", plain(layout.units[0].text)).casefold().split()
    return []


def _printed_elsewhere(layout: Layout, name: str, besides: int | None) -> bool:
    """The words of a name of two or more words stand, whole, in another unit of the record; no word of
    it names a body or a place (``Foreign Office``)."""
    if any(people.names_a_body(word) or word.casefold() in speech.NOT_PEOPLE for word in name.split()):
        return False
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])")
    return any(name in unit.text and pattern.search(plain(unit.text))
               for k, unit in enumerate(layout.units) if k != besides)


def signs_for_sender(layout: Layout, text: str) -> bool:
    """``THOMPSON`` at the foot of a telegram or airgram whose opening says who sent it (``FROM :
    Amembassy MOSCOW``, ``FROM MOSCOW TO FOREIGN OFFICE``): the officer who signed for the sender. A
    surname in capitals, one word, no mark (``CONFIDENTIAL``) or body of state; or a surname in title case
    under a telegram that says when it was sent or received."""
    bare = plain(text).strip()
    if field_kind(bare) is not None or people.parse_name(bare.title()) is None:
        return False
    kinds = {item.kind for item in layout.findings.opening}
    if _in_capitals(bare, 3):  # "KRESTINSKY" under "To MADRID, ROSENBERG" / "Sent 14.IX.36, 16 h. 20 m."
        return bool(kinds & {"sender", "route"}) or (len(bare.split()) == 1 and bool(kinds & {"despatched", "received"}))
    # "Roshchin" under a telegram whose opening says when it was sent or received: its sender signs
    return (len(bare.split()) == 1 and _capitalised(bare) and bare.casefold() not in speech.NOT_PEOPLE
            and bool(kinds & {"despatched", "received"}))


def _letters(word: str) -> str:
    return word.replace("'", "").replace("’", "").replace("-", "")


def _capitalised(word: str) -> bool:
    rest = _letters(word[1:])
    return len(word) > 1 and word[0].isupper() and rest.isalpha() and rest.islower()


def _in_capitals(word: str, least: int) -> bool:
    return len(word) >= least and _letters(word).isalpha() and word.isupper()


def name_over_office(lines: Sequence[str]) -> bool:
    """A block of two lines, a name alone over an office alone (``Kovács Imre`` / ``ambassador``): a
    signature, whatever follows it (a handwritten note, a distribution)."""
    return len(lines) == 2 and bare_name(plain(lines[0]).strip()) and office_under(lines[1])


def bare_name(text: str) -> bool:
    """A name alone: "Molotov", "Pak Hon", "Imre Horváth." (any alphabet's letters), "SHTYKOV",
    "KIM IL SUNG" (a surname-first name in capitals)."""
    words = text.split()
    if not words:
        return False  # a line of marks alone ("[footnoteRef:1]") names nobody
    if len(words) <= 2 and all(_capitalised(word) for word in [*words[:-1], words[-1].removesuffix(".")]):
        return True
    if len(words) == 1:
        return _in_capitals(words[0], 3)
    return len(words) <= 3 and all(_in_capitals(word, 2) for word in words)


def _office_before_bare_name(text: str) -> bool:
    """``Ambassador József Kovács``: an office's word, then a name alone."""
    office = _OFFICE_BEFORE_NAME.match(text)
    return office is not None and bare_name(text[office.end():])


# The most words a signature line may have: columns() takes at most 16, and 2 more when the whole
# line is in parentheses (a parenthesis standing apart is a word of its own). A bare name has at
# most three, initials alone at most four.
_SIGNATURE_LINE_WORDS = 18


# A body that signs its cable or note at the foot, over its date: "Chinese Embassy in the Soviet Union",
# "Embassy of the USSR in the DPRK", "Ministry of Foreign Affairs of the USSR". A signature, not a person.
SENDING_BODY = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:Embassy|Legation|Consulate(?:[- ]General)?|Mission|Delegation|Ministry|"
    r"Commissariat|Department|Secretariat|Bureau)(?:\s+(?:of|in|to|for|at)\s+(?:the\s+)?"
    r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|and)){0,5}){0,2}\.?$")


# "Bohumír Lomský, m. p." (manu propria), "v. r." (Czech vlastní rukou), "в. р.": "signed in his own hand" after
# the typed name of a copy; no part of the name, and the line signs all the same.
_MANU_PROPRIA = re.compile(r",?\s*(?:m\.\s?p\.|v\.\s?r\.|в\.\s?р\.)$")
_MANU_PROPRIA_ENDS = ("p.", "r.", "р.")


def _bare_of_manu_propria(text: str) -> str:
    """The line's plain text, stripped, without its "m. p.". Only a line that ends as the mark does is
    scanned: the engine tries a pattern anchored at the end at every position of the line."""
    bare = plain(text).strip()
    return _MANU_PROPRIA.sub("", bare) if bare.endswith(_MANU_PROPRIA_ENDS) else bare


def kind_of(text: str, last: bool, known: Known | None = None) -> str | None:
    """What a closing line is: signed, salute, dateline, source (a reference, publication or the
    keywords); None for body text."""
    bare = _bare_of_manu_propria(text)
    if DISTRIBUTION_HEAD.match(bare):
        return None  # "cc: Mr. Kennan": the distribution list after the closing
    if valediction.closes_letter(bare):  # "Yours sincerely,", "With comradely greetings"
        return "salute"
    # The word count first: it is far cheaper than the tests it rules out (counted up to one past the most a
    # test below allows, not over the whole of a paragraph).
    words = words_up_to(bare, _SIGNATURE_LINE_WORDS)
    if words <= 8 and is_dateline(bare):
        return "dateline"
    if source_note.matches(bare):
        return "source"
    if _NUMBER.match(bare):
        return "number"  # a telegram's own number under the signature: "No. 423"
    if words <= 6 and trailer(bare):
        if END_OF_MESSAGE.match(bare):
            return "end-of-message"
        return "transmission" if teletype.TRANSMISSION.match(bare) else "classification"
    if SIGNATURE_MARK.match(bare) or (words <= _SIGNATURE_LINE_WORDS and columns(bare, known)) or (
            last and words <= 4 and (bare_name(bare) or _INITIALS.match(bare))) or (
            last and words <= 6 and _office_before_bare_name(bare)) or (words <= 12 and SENDING_BODY.match(bare)):
        return "signed"
    if last and attachment.PATTERN.match(bare):
        return "enclosure"  # "Enclosure: 1 memorandum (5 pages)" at the foot: what went with the letter
    return None


Entry = tuple[str, str, int]  # (kind, text, source line number)
# The closing lines kept as they are printed, each its own line of the closer.
_KEPT_AS_PRINTED = frozenset({"salute", "dateline", "number", "enclosure", "classification", "transmission",
                              "end-of-message"})


def _run(layout: Layout, i: int) -> tuple[list[Entry], int] | None:
    """The closing lines of the units from i to the end of the document (and the number of units),
    if every line of them is one."""
    entries: list[Entry] = []
    j = i
    while j < len(layout.units) and layout.units[j].text != FORM_FEED and not (
            j > i and not _office_under_signature(entries, layout.units[j]) and _after_closing(layout, j)):
        if _office_under_signature(entries, layout.units[j]):  # "(P.N. Haksar)" / "Secretary to the Prime Minister"
            entries[-1] = ("signed", f"{entries[-1][1]} {layout.units[j].text}", entries[-1][2])
            j += 1
            continue
        if _typed_name_under_mark(entries, layout.units[j]):  # "[signature]" / "Osvaldo Dorticós Torrado"
            entries.append(("signed", layout.units[j].text, layout.units[j].line))
            j += 1
            continue
        in_columns = bool(entries) and entries[-1][0] == "signed-column"
        grid = _name_columns(layout, layout.units[j], in_columns)
        if grid is not None:  # "Hermann Axen<tabs>Gerhard Grüneberg<tabs>Kurt Hager": one signature a column
            entries.extend(("signed-column", column, layout.units[j].line) for column in grid)
            j += 1
            continue
        if in_columns and _group_of_signers(layout, j):  # "Candidates of the Political Bureau:" over more names
            entries.append(("signed", layout.units[j].text, layout.units[j].line))
            j += 1
            continue
        unit, span = _with_office_line(layout, j)
        first = unit.lines[0]
        if _dateline_over_lines(unit):  # "Cabinet Office, S.W.1," / "12th February, 1948."
            entries.append(("dateline", unit.text, unit.line))
            j += span
            continue
        if entries and len(unit.lines) > 1 and source_note.matches(unit.text):
            entries.append(("source", unit.text, unit.line))  # a source note wrapped over lines, read whole
            j += span
            continue
        if kind_of(first, last=True, known=_known(layout)) is None and not (
                len(unit.lines) > 1 and (_is_office(first, _COLUMN_OFFICE_WORDS) or opens_with_office_label(first))):
            return None  # (most units end the search here, before the dearer checks below)
        found = _unit_entries(layout, j + span - 1, unit, entries[-1][0] if entries else None)
        if found is None:
            return None
        entries.extend(found)
        j += span
    if j < len(layout.units) and layout.units[j].text == FORM_FEED:
        return None
    kinds = [kind for kind, _, _ in entries]
    useful = {"signed", "signed-column", "salute"} & set(kinds) or kinds[:1] == ["dateline"]
    return (entries, j - i) if entries and useful else None


def _office_under_signature(entries: list[Entry], unit: Unit) -> bool:
    """A unit of one office line right under a signature (``Sd/-`` / ``(P.N. Haksar)`` / ``Secretary to the
    Prime Minister`` / ``9.8.1971``, a line a unit in a Wilson page): the signer's office, part of the
    signature. Before, the office over the date read as the heading of a next document, and the closer was
    split (the office a heading, the date an opener)."""
    return (bool(entries) and entries[-1][0] == "signed" and len(unit.lines) == 1
            and office_under(unit.text) and not opens_with_office_label(unit.text))


# Lower-case particles inside a full name: "Osvaldo Dorticós Torrado", "Raúl Roa y García", "Jan van der Berg".
_NAME_PARTICLES = frozenset({"de", "del", "da", "das", "do", "dos", "di", "la", "y", "e", "van", "von", "der", "den"})


def _typed_name_under_mark(entries: list[Entry], unit: Unit) -> bool:
    """A unit of one line, a full name (two to five capitalised words), right under a signature mark alone
    (``[signature]`` / ``Osvaldo Dorticós Torrado`` / ``President of the Republic``): the signer's typed name, as
    a letter exported from Word prints it under the place of the signature. Before, a name of three words
    (a Spanish double surname) was no bare name: the run failed, the name and office under the mark became
    paragraphs of a distribution division, and the letter lost its sender."""
    if not entries or entries[-1][0] != "signed" or not SIGNATURE_MARK.match(entries[-1][1]) or len(unit.lines) != 1:
        return False
    words = plain(unit.text).strip().rstrip(".").split()
    return (2 <= len(words) <= 5 and _capitalised(words[0]) and _capitalised(words[-1])
            and all(_capitalised(word) or word in _NAME_PARTICLES for word in words)
            and not office_under(unit.text))  # "President of the Republic": the office, under the name


def opens_with_office_label(text: str) -> bool:
    """``MINISTER:``, ``The Ambassador:``: an office alone with a colon, as a Bulgarian or Soviet typescript
    prints it over the signer's name in parentheses (``MINISTER:`` / ``(P. Mladenov)``)."""
    bare = plain(text).strip()
    return bare.endswith(":") and len(bare.split()) <= 6 and opens_with_office(bare.removeprefix("The ").removeprefix(
        "THE ")[:-1]) and _is_office(bare[:-1])


def _group_of_signers(layout: Layout, j: int) -> bool:
    """``Candidates of the Political Bureau:`` between rows of signatures in columns: the head of the
    signers under it, a line of the signature block (no person)."""
    text = plain(layout.units[j].text).strip()
    return (text.endswith(":") and len(text.split()) <= 6 and j + 1 < len(layout.units)
            and _name_columns(layout, layout.units[j + 1]) is not None)


def _name_columns(layout: Layout, unit: Unit, in_columns: bool = False) -> list[str] | None:
    """A line of signatures in tab columns (``in_columns``: under such a line, a name alone too), each a name alone without initials (``Hermann Axen[footnoteRef:7]
    <tabs>Gerhard Grüneberg<tabs>Kurt Hager [7: …]``, as a letter of many signers prints them): the line's
    text cut where each column's name begins, a call staying with the name it follows. None for any other
    line. Read as one line, the names were one paragraph (or one person, "Hermann Axen Gerhard Grüneberg")."""
    cells = layout.columns.get(unit.line, ())
    if not cells and not in_columns:
        return None  # (most lines: no columns, so no names of them)
    # the notes' bodies out first: a body's own spacing ("[7:  Axen, …]") made cells of it
    names = [name.strip() for name in without_word_notes("\0".join(cells)).split("\0") if name.strip()]
    if in_columns and not cells and len(unit.lines) == 1 and bare_name(plain(unit.text).strip()):
        return [unit.text]  # "Erich Mückenberger" alone under the rows: the last row's one column
    if len(unit.lines) != 1 or len(names) < 2 or not all(bare_name(name) for name in names):
        return None
    text, starts, position = unit.text, [], 0
    for name in names:
        found = text.find(name, position)
        if found < 0:
            return None  # the line as read is not the columns' names in order
        starts.append(found)
        position = found + len(name)
    return [text[start:end].strip() for start, end in zip(starts, [*starts[1:], len(text)])]


def _dateline_over_lines(unit: Unit) -> bool:
    """A place and its date over two or three short lines, read as one dateline."""
    return 2 <= len(unit.lines) <= 3 and len(unit.text.split()) <= 12 and is_dateline(plain(unit.text).strip())


def _with_office_line(layout: Layout, j: int) -> tuple[Unit, int]:
    """Unit j, or units j and j + 1 as one when j is a lone office line printed on the line right
    above the next unit (a Word export makes every line a paragraph: ``Ambassador of the USSR in
    the PRC`` / ``P. Yudin``), or the last unit is an office under the name of unit j; and how many
    units that is."""
    unit = layout.units[j]
    if (len(unit.lines) == 1 and j + 1 < len(layout.units) and layout.units[j + 1].text != FORM_FEED
            and _is_office(unit.text) and kind_of(unit.text, last=False) is None
            and not trailer(layout.units[j + 1].text)  # "BRUCE" / "SECRET": a telegram's signer over its foot
            and (layout.units[j + 1].line == unit.line + 1 or opens_with_office(unit.text))):
        return Unit(unit.line, unit.lines + layout.units[j + 1].lines), 2
    if (len(unit.lines) == 1 and bare_name(plain(unit.text).strip()) and j + 1 < len(layout.units)
            and len(layout.units[j + 1].lines) == 1
            and office_under(layout.units[j + 1].text) and _last(layout, j + 1)):
        return Unit(unit.line, unit.lines + layout.units[j + 1].lines), 2  # "József Kovács" / blank / "(ambassador)"
    return unit, 1


# The words an office opens with.
_OFFICE_TITLES = (r"(?:Deputy |Acting |First |Second |Third |Vice[- ]|Chief |Foreign )?(?:Minister|Ambassador|Head|"
                  r"Chairman|Secretary|People['’]s Commissar|President|Premier|Prime Minister|"
                  r"Commissar|Envoy|Counsell?or|Charg[ée] d['’]Affaires|Plenipotentiary|Representative|"
                  r"Consul|Commander|General Secretary|Attach[ée]|"
                  # a rank before the signer's name ("Army General Bohumír Lomský", "Marshal of the Soviet Union …")
                  r"(?:Army |Colonel |Lieutenant |Major )?General(?= [A-Z])|Marshal|Admiral)\b")
# An office that a blank line parts from the name under it (``Ambassador of the USSR in the DRV`` /
# blank / ``I. Shcherbakov``) still heads the signature when it opens with an office's word.
_OFFICE_START = re.compile(rf"^{_OFFICE_TITLES}")
_OFFICE_START_IN_CAPITALS = re.compile(_OFFICE_START.pattern, re.I)


def opens_with_office(text: str) -> bool:
    """A line that opens with an office's word, also in capitals (``SECRETARY OF THE CC`` over
    ``[signature]`` at the foot of a Politburo extract: the typist's capitals for the signer's office)."""
    return bool(_OFFICE_START.match(text) or (text.isupper() and _OFFICE_START_IN_CAPITALS.match(text)))


# The office printed on the line under the signer's name, as a Hungarian or Polish report signs (``József
# Kovács`` / ``(ambassador)``, ``Ambassador``, ``chargé d'affaires a.i.``): any case, perhaps in parentheses.
_OFFICE_UNDER = re.compile(rf"^(?:\((?i:{_OFFICE_TITLES})[^()]{{0,60}}\)|(?i:{_OFFICE_TITLES})[^()!?;:]{{0,60}})$")
_OFFICE_UNDER_WORDS = 8
# An office before the signer's name on its line: ``Ambassador József Kovács``.
_OFFICE_BEFORE_NAME = re.compile(rf"^{_OFFICE_TITLES}\s+(?=[{UPPER}])")


def office_under(text: str) -> bool:
    """A line that is only an office, as printed under a signature."""
    bare = plain(text).strip()
    return (len(bare.split()) <= _OFFICE_UNDER_WORDS and bool(_OFFICE_UNDER.match(bare))
            and not SIGNER.search(bare))  # "Plenipotentiary of the USSR A. Gromyko" is a signature


_OFFICE_AFTER_NAME = re.compile(rf"\s+(?:\((?i:{_OFFICE_TITLES})[^()]*\)|(?i:{_OFFICE_TITLES})[^()]*)$")


# A signer's rank and name at the end of the signature, under the office he signs for: the name is the
# signer ("Army" before it would read as a body's name).
_RANKED_SIGNER = re.compile(rf"(?<!\S)(?:(?:Army |Colonel |Lieutenant |Major )?General|Marshal|Admiral)"
                            rf" (?P<name>[{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+){{0,2}})$")


def _name_before_office(signature: str) -> str:
    """``József Kovács``, of the signature ``József Kovács (ambassador)``."""
    return _OFFICE_AFTER_NAME.sub("", signature)


def _titled_under_office(office: list[str], text: str) -> bool:
    """``Minister of National Defence`` / ``Army General Bohumír Lomský, m. p.``: a name with its rank under
    the office it signs for; the two together sign, though the record names him nowhere else."""
    return bool(office) and _office_before_bare_name(_bare_of_manu_propria(text))


def _unit_entries(layout: Layout, j: int, unit: Unit, before: str | None = None) -> list[Entry] | None:
    """The closing lines of ``unit`` (unit j, or ending at it), one a line; an office line joins
    the signature under it (``Ambassador of the USSR in the DPRK`` / ``V. Orlov``); over signatures
    in columns, each office line is cut into the columns' offices, each joining its column's name.
    ``before``: the kind of the closing line above the unit (a name under a salute signs)."""
    entries: list[Entry] = []
    office: list[str] = []
    known = _known(layout)
    for index, text in enumerate(unit.lines):
        last_line = index == len(unit.lines) - 1
        # a name alone signs as the last line, or over its signature mark and the date it was signed
        # ("Zhou Enlai" / "10 June 1954", "Kim Il Sung" / "[signature]" / "21 March 1950")
        below = unit.lines[index + 1:]
        if entries and entries[-1][0] == "signed" and (
                (office_under(text) and (last_line or _only_marks_and_date(below))) or _offices_only((text, *below))):
            # "(ambassador)" under the name; an office line held back above it (one office_under did not know,
            # "F□irst Secretary of the CC BCP,") signs with it, never dropped
            entries[-1] = ("signed", " ".join([entries[-1][1], *office, text]), entries[-1][2])
            office = []
            continue
        signs_last = (last_line or _only_marks_and_date(below) or _offices_only(below)
                      or (office_under(below[0]) and (len(below) == 1 or _only_marks_and_date(below[1:]))))
        kind = kind_of(text, signs_last and _last(layout, j), known)
        if kind is None and below and _office_alone_in_capitals(text) and _number_and_date(tuple(below)) \
                and _last(layout, j):
            kind = "signed"  # "SECRETARY OF THE CC" / "No. 1117/12 [stamp]": the office signs alone over the number
        signers = columns(text, known)
        under_salute = (entries[-1][0] if entries else before) == "salute"  # "With communist greetings," / name
        if kind == "signed" and not (signers or _INITIALS.match(text) or SIGNATURE_MARK.match(text) or under_salute
                                     or (_office_alone_in_capitals(text) and _number_and_date(tuple(below)))
                                     or _titled_under_office(office, text)
                                     or named_elsewhere(layout, plain(text)) or signs_for_sender(layout, text)):
            kind = None
        if kind is None and not last_line and (_is_office(text, _COLUMN_OFFICE_WORDS) or (
                opens_with_office_label(text) and not office and _PARENTHESISED.match(plain(below[0]).strip()))):
            office.append(text)  # (an office label with its colon only over a name in parentheses)
            continue
        if kind is None or (office and kind != "signed"):
            return None
        if office and signers and len(signers) > 1:
            signed = _offices_over_columns(office, signers)
            if signed is None:
                return None
            entries.extend(("signed-column", column, unit.line) for column in signed)
        elif any(len(line.split()) > _OFFICE_WORDS for line in office):
            return None  # a long line over one name is no office
        else:
            entries.append((kind, " ".join(office + [text]) if office else text, unit.line))
        office = []
    return None if office else entries  # an office line over no signature: no closing (its words stay in the text)


def _office_alone_in_capitals(text: str) -> bool:
    """``SECRETARY OF THE CC``: an office signs without a name at the foot of a party extract."""
    bare = plain(text).strip()
    return bare.isupper() and len(bare.split()) <= 6 and opens_with_office(bare)


def _only_marks_and_date(lines: Sequence[str]) -> bool:
    """Lines that can stand under a signature: signature marks, then at most the date (two lines)."""
    if not lines or len(lines) > 2:
        return False
    *marks, last = (plain(line).strip() for line in lines)
    return all(SIGNATURE_MARK.match(mark) for mark in marks) and bool(
        SIGNATURE_MARK.match(last) or (len(last.split()) <= 8 and is_dateline(last)))


def _offices_over_columns(office: list[str], signers: list[str]) -> list[str] | None:
    """Each column's offices (one from each office line) before its name, or None. A note anchor
    stays where it is ("Deputy M[footnoteRef:1]inister …"): taken out, it would join the word it split
    and lose its note."""
    cut = [column_offices((line if NOTE_OPEN in line else plain(line)).strip(), len(signers)) for line in office]
    if any(pieces is None for pieces in cut):
        return None
    return [" ".join([pieces[k] for pieces in cut if pieces] + [signer]) for k, signer in enumerate(signers)]


def _known(layout: Layout) -> Known:
    return lambda name: layout.persons.registry.resolve(name) is not None


_OFFICE_WORDS = 10  # an office over one name
_COLUMN_OFFICE_WORDS = 24  # the offices of two columns on one line


def _offices_only(lines: Sequence[str]) -> bool:
    """The signer's offices, one a line, under the name (``Yu. TSEDENBAL`` / ``First Secretary of the CC
    MPRP,`` / ``Chairman of the Council of Ministers of the MPR``): a man of two offices signs with both."""
    return bool(lines) and all(opens_with_office(plain(line).strip()) and _is_office(line) for line in lines)


def _is_office(text: str, limit: int = _OFFICE_WORDS) -> bool:
    """A short line without a sentence end or a name: a signer's office above the name."""
    bare = plain(text).strip()
    return (bool(bare) and bare[0].isupper() and len(bare.split()) <= limit and not bare.endswith(tuple(".!?;:"))
            and not SIGNER.search(bare))


def trailer(text: str) -> bool:
    """A telegram's foot under its signature: the classification again (``CONFIDENTIAL``), the
    teletype's lines (``BT``, ``#8123``), the end mark (``NNN``)."""
    return bool(END_OF_MESSAGE.match(text) or teletype.TRANSMISSION.match(text)
                or classification.line_kind(text) == "classification")


def _number_and_date(lines: tuple[str, ...]) -> bool:
    """A telegram's number and date under its signature (``No. 423`` / ``19 January 1950``)."""
    return all(_NUMBER.match(plain(line).strip()) or (len(line.split()) <= 8 and is_dateline(plain(line).strip()))
               for line in lines)


def _last(layout: Layout, j: int) -> bool:
    """Unit j is the last of its document but for source notes (and an enclosure line)."""
    return (j + 1 == len(layout.units) or all(source_note.unit_matches(later) or _number_and_date(later.lines)
                                              or attachment.PATTERN.match(later.text) or trailer(later.text)
                                              or _dateline_over_lines(later)  # "Foreign Office, S.W.1," / "3rd …"
                                              for later in layout.units[j + 1:])
            or _after_closing(layout, _past_enclosure_lines(layout, j + 1)))


def _past_enclosure_lines(layout: Layout, j: int) -> int:
    """The first unit from j on that is no enclosure line: ``Enclosure: Draft resolution …`` stands between
    a letter's signature and its ``Distribution:``, and the signature is still the document's last."""
    while j + 1 < len(layout.units) and attachment.PATTERN.match(layout.units[j].text):
        j += 1
    return j


# The editor's note of what a reader wrote on the paper, alone on its line (``[handwritten: Seen. I.G. 10/8]``,
# ``[Handwritten note: …]``): written after the document was signed, it follows the closing.
HANDWRITTEN_ALONE = re.compile(r"^\[(?i:hand-?written|manuscript)\b[^\[\]]*\]$")


# "Sent: Com. Khrushchev, Com. Bulganin …": the Soviet clerk's mailing line (Russian "Разослано: тт. …") with the
# comrades it went to after the colon; "Sent: 10 March 1950, 14:00" is a telegram's despatch field. The copies
# may be numbered, the comrade abbreviated "c." (Russian "т."): "Sent: 1 – c. Stalin, 2 – c. Molotov, … 7 – to file".
_SENT_TO_COMRADES = re.compile(r"^Sent\s*:\s*(?:\d{1,2}\s?[–—-]\s|(?:Com(?:rades?)?\.?|Tt?\.)\s|c\.\s?(?=[A-Z]))",
                               re.I)


def _handwritten_after_closing(layout: Layout, j: int) -> bool:
    """Unit j is a reader's handwritten note alone (``[handwritten: Seen. I.G. 10/8]``) that ends the closing,
    unless an enclosure follows it (``[Handwritten: To Comrades …]`` / ``Enclosure`` / ``MEMORANDUM …``): then
    the note stays the cover's last closing line, and the enclosed text nests in the cover as before."""
    if HANDWRITTEN_ALONE.match(plain(layout.units[j].text).strip()) is None:
        return False
    return j + 1 >= len(layout.units) or attachment.PATTERN.match(layout.units[j + 1].text) is None


def sent_to_comrades(text: str) -> bool:
    """``Sent: Com. Khrushchev, …`` under a signature: the distribution, which ends the closing."""
    return _SENT_TO_COMRADES.match(text) is not None


def _after_closing(layout: Layout, j: int) -> bool:
    """Unit j is what follows a closing: a distribution list, the cipher office's note (``Decipherment:
    …``), a translator's credit (``Translated from Russian by …``), a stamp's line (``[Stamp: … outgoing
    No. 2311]``), a postscript, or the next document."""
    text = layout.units[j].text
    return (bool(DISTRIBUTION_HEAD.match(text) or DECIPHERED.match(text) or translated.PATTERN.match(text))
            or sent_to_comrades(text)
            or paper_mark_alone(text)
            or postscript.starts(text) or document_start.starts(layout, j) or document_start.chain_number(layout, j)
            or (len(layout.units[j].lines) == 1 and document_start.document_number(text) is not None)
            or document_start.publication_number(layout, j) is not None  # "No. 2" over the next document's title
            or document_start.series_number(layout, j) is not None  # "2." over the next telegram's opening
            or _handwritten_after_closing(layout, j) or _encloses_text(layout, j))


def _encloses_text(layout: Layout, j: int) -> bool:
    """Unit j heads an enclosed text (``Enclosure`` alone, the draft under it): the cover's closing ends
    over it (``M. Litvinov`` / ``26.VIII.35`` / ``Enclosure`` / ``DRAFT`` …). Before, the run went on into
    the enclosure and failed, and the signature and the date under it stayed paragraphs, the letter undated.
    ``Enclosure: 5 pages`` describes what went with the letter: a closing line, not an enclosed text."""
    text = layout.units[j].text
    return (len(layout.units[j].lines) == 1 and attachment.PATTERN.match(text) is not None
            and (":" not in text or attachment.heads_enclosed_text(layout, j)) and j + 1 < len(layout.units)
            and not all(source_note.unit_matches(later) for later in layout.units[j + 1:]))


def ends_document(layout: Layout, i: int) -> bool:
    """Unit i starts the closing matter that ends its document (signatures in columns after a
    turn are no speech of the turn)."""
    return _run(layout, i) is not None


def read(layout: Layout, i: int) -> int | None:
    if layout.div.closed or not layout.div.has_body:
        return None  # (a distribution division's own text comes first: a closing there closes it)
    run = _run(layout, i)
    if run is None:
        return prose_apart(layout, i)
    entries, units = run
    if layout.div.kind == "distribution" and any(kind not in ("dateline", "source") for kind, _, _ in entries):
        return None  # after a copies list only the place and date written at the foot ("Ankara, 5 May 1940")
    lines: list[tuple[str, str]] = []
    sources: list[SourcePart] = []
    for kind, text, _ in entries:
        if kind in ("signed", "signed-column"):
            signatures = [text] if kind == "signed-column" else columns(text, _known(layout)) or [text]
            for signature in signatures:
                signer = SIGNER.search(plain(signature))
                if SENDING_BODY.match(plain(signature).strip()):
                    _sending_body(layout, plain(signature))  # a body signs: no person
                    continue
                if _INITIALS.match(plain(signature).strip()):
                    continue  # "M. L.": initials name nobody the record can tell for sure; kept as printed
                if signer or not SIGNATURE_MARK.match(signature):
                    bare = _bare_of_manu_propria(signature).rstrip(". ")  # "…, m. p.": no part of it
                    ranked = _RANKED_SIGNER.search(bare)  # "Minister of National Defence Army General B. Lomský"
                    name = signer.group() if signer else ranked.group("name") if ranked else _name_before_office(bare)
                    layout.persons.sender(name)
            lines.extend(("signed", signature) for signature in signatures)
        elif kind in _KEPT_AS_PRINTED:
            lines.append((kind, text))
            if kind == "number":  # the stamp over it is a mark on the paper, no part of the number
                layout.findings.numbers.append(re.sub(r"\s*\[[^\[\]]*\]$", "", text))
        else:
            sources.append(source_note.part_of(text))
    layout.add(ClosingBlock(layout.units[i].line, "", more=tuple(lines)))
    if sources:
        source_note.remember(layout, sources)
        layout.add(SourceBlock(next(line for kind, _, line in entries if kind == "source"), tuple(sources)))
    return i + units


def _sending_body(layout: Layout, signature: str) -> None:
    body = people.body_named(signature) or signature.strip(" .")
    if body not in layout.findings.sending_bodies:
        layout.findings.sending_bodies.append(body)


def prose_apart(layout: Layout, i: int) -> int | None:
    """A last paragraph run into its closing lines without a blank line (``… of March 9.`` / ``With comradely
    greetings,`` / ``A. Terentyev``): the block cut into the paragraph and the closing lines when these end the
    document; the paragraph is then read first (returns i). None, and no change, otherwise."""
    unit = layout.units[i]
    prose = next((k for k in range(1, len(unit.lines)) if kind_of(unit.lines[k], last=True) is not None), 0)
    if not prose or len(unit.lines) < 2 or any(len(line.split()) <= 8 for line in unit.lines[:prose]):
        return None
    layout.units[i:i + 1] = [Unit(unit.line, unit.lines[:prose]), Unit(unit.line + prose, unit.lines[prose:])]
    if _run(layout, i + 1) is None:
        layout.units[i:i + 2] = [unit]  # the lines under it do not end the document: the block stays whole
        return None
    return i


RULE = BlockRule("closing-matter", read)
