"""Recognise the lines of an opening apparatus: telegram header fields, letterhead,
addressees, classification and handling marks, datelines.

Each recogniser is a regular expression over one line (leading OCR boxes
ignored). ``classify_opening`` finds where the opening ends: the last line a
recogniser claims, within the run of short lines at the start of a document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from tei_encoder.header import classification, dates, teletype
from tei_encoder.inline import paper_mark_alone
from tei_encoder.letters import UPPER
from tei_encoder.markers import plain
from tei_encoder.reader import speech

BOXES = re.compile("^[\u25a1 ]+")

# kind → pattern over the whole line; first match wins, order matters.
FIELD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A State Department telegram's routing lines (header/teletype.py)
    ("page-head", teletype.PAGE_HEAD),
    ("distribution", teletype.OFFICES),
    ("drafting", teletype.DRAFTING),
    ("transmission", teletype.TRANSMISSION),
    ("despatched", teletype.DATE_TIME_GROUP),
    ("sender", teletype.SENDER),
    ("classification", classification.SPACED),
    ("declassification", teletype.AUTHORITY),
    ("tags", teletype.TAGS),
    ("cipher", re.compile(r"^(?:Cypher|Cipher|Cyber|Code|En clair)\b", re.I)),
    ("classification", classification.WHOLE_LINE["classification"]),  # header/classification.py
    ("precedence", classification.PRECEDENCE),
    ("handling", classification.WHOLE_LINE["handling"]),
    ("distribution", re.compile(r"^(?:(?:[A-Z]+ )*DISTRIBUTION\b|DEPARTMENTAL(?: NO\.? ?\d+)?$)")),
    ("route", re.compile(r"^FROM\s+\S.*\s+TO\s+\S", re.I)),
    # a Soviet ciphered telegram's origin, the post in capitals alone: "From MADRID", "From RIGA"
    ("route", re.compile(r"^From\s+[A-Z]{3,}(?:[- ][A-Z]{3,})?$")),
    ("sender", re.compile(r"^From\s*:\s*\S", re.I)),  # a memorandum's "From: George Kennan"
    # "D." / "R." over their times; a Soviet telegram's "Sent at 23 h. 10 min. on 20 October 1939" /
    # "Received at …"; FRUS prints "[Received March 16—2:05 a.m.]"
    ("despatched", re.compile(r"^(?:D\.(?:\s|$)|(?:Sent|Dispatched|Despatched)"
                              r"(?:\s+(?:at|on)\b|\s*:(?!\s*to\b)|\s+(?=\d)))")),
    # "Received in Moscow August 20, 1941, 4 h. 15 min.": the place of receipt, then the date
    ("received", re.compile(r"^(?:R\.(?:\s|$)|\[Received\b|Received(?:\s+(?:at|on)\b|\s*:|\s+(?=\d)|"
                            r"\s+in\s+[A-Z][\w-]+,?\s+(?=\d|on\b|at\b|[A-Z][a-z]+\.?\s+\d)))")),
    ("repetition", re.compile(r"^(?:Repeated|Rptd\.?|Repeat|Saving|Addressed)\b", re.I)),
    # "No. 2301-A/OV"; a letterhead's "Ref. No. X-114/52" (its reference number, beside the department)
    # a Soviet registry's incoming and outgoing numbers: "Inc. No. 2871", "Out. No. 1107/sh"
    ("number", re.compile(r"^(?:(?:Ref|Inc|Out)\.\s*)?No\.?:?\s*[A-Z]{0,3}[-/]?\d+\b")),
    # a memorandum's "SUBJECT: …", or FRUS's "SUBJECT" alone over its line
    # an interview's header: who asked and who answered ("Interviewer: Charles Stuart Kennedy"), a name and
    # nothing else ("INTERVIEWER: The British Government did not object …?" is the first question)
    ("participant", re.compile(r"^(?i:Interviewer|Interviewee|Narrator|Interviewed by|Interview(?:s|ed)? conducted by)"
                               r"\s*:\s*(?:[A-Z][\w.'’-]*,?\s?){1,6}$")),
    ("subject", re.compile(r"^(?:(?i:Subject|Subj\.?|Re)\s*:\s*\S|SUBJECT$)")),
    # the message it answers or follows: "REF : Deptel 2145", "Your reference: 412/41"
    ("reference", re.compile(r"^(?i:Refs?|Reference|Your ref(?:erence)?|Our ref(?:erence)?)\.?\s*:\s*\S")),
    ("addressee", re.compile(r"^(?:(?:To|TO|INFO|Sent to|Copy to|Copies to|Addressed to|Attention|For)\b"
                             r"|(?:attn|Attn|ATTN)\.?(?=\s))"  # "attn. Comrade Karl Schirdewan"
                             r"(?!\s+(?:the\s+)?(?:your|be)\b)")),
)
# "[Stamp: Secret, Copy No. 1]" alone on its line above the heading: a mark on the paper, read
# into the opening (as an untyped seg holding the stamp), not body text before the title.
PAPER_MARK = "paper-mark"
# A labelled line of a block of header fields whose label no recogniser knows ("COUNTRY: USSR/Poland",
# "PLACE ACQUIRED: Vienna" beside "SUBJECT: …"): an untyped seg of the opening, not a speaker's turn.
LABELLED_FIELD = "labelled-field"
RECOGNISED = frozenset(kind for kind, _ in FIELD_PATTERNS) | {"dateline", "sender", "letterhead", PAPER_MARK,
                                                              LABELLED_FIELD}

# A dot only after a title or an initial ("Dear Mr. Secretary,", "Dear A. J.,"): another dot is a sentence's end.
_ABBREVIATION = r"\b(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Rev|Gen|Col|Capt|Hon|Sr|St|[A-Z])\."
# A letter's salute (block_rules/greeting.py); a Russian or Central European one ends with "!" ("Dear
# Comrade Stalin!", "Esteemed Comrade Molotov!").
SALUTE = re.compile(rf"^(?:(?:My )?Dear|Dearest|(?:(?:Highly|Deeply|Much) )?(?:Esteemed|Respected|Honou?red))\s+"
                    rf"(?=[^,!]{{1,60}}[,!]$)(?:[^,.;:!]|{_ABBREVIATION})+[,!]$", re.I)

_SENDER = re.compile(
    r"^(?:(?:Sir|Mr|Mrs|Lord|Lady|Dr|General|Field Marshal|Ambassador|Admiral)\.?\s+)*"
    rf"(?:[{UPPER}]\.\s*)*[{UPPER}][a-z'’-]+(?:\s+[{UPPER}][a-z'’-]+)?$")
_CONTINUED_REPETITION = re.compile(r"^[A-Z][A-Za-z ]+ No[.:]?\s*\d+")
_WORD = re.compile(r"[A-Za-z]{3,}")
_YEAR_WORD = re.compile(r"(?<=\d)\s*(?:г|года|r)$")  # the Russian "г." and the Polish "r." (rok) after a year
# The word between a place and its date in German, French, Spanish, Italian, Polish and Czech datelines:
# "Berlin, den 12. April 1975", "Paris, le 12 avril 1945", "Warszawa, dnia 12 kwietnia 1945 r.".
_DATE_ARTICLE = re.compile(r"^\s*(?:den|am|le|el|il|dnia|dne)\s+")
# Where a meeting took place, as minutes label it: "Location: Zhongnanhai, Yinian Hall".
PLACE_LABEL = re.compile(r"^(?P<label>(?:Location|Place|Venue|Place of meeting)\s*:\s*)(?P<place>\S.{0,80})$", re.I)
_BODY_START = re.compile(r"^(?:Attendants|Present(?:\s+(?:on|from|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+side)?|"
                         r"Participants|Also present|Those present|In attendance)\s*(?::|$)", re.I)
# An editor's number over each document of a page that prints several: "[Document 2]", "Document No. 3",
# "DOCUMENT II" alone on its line (block_rules/document_start.py): the next document begins, no field.
DOCUMENT_NUMBER = re.compile(r"^\[?(?i:document)\s+(?:No\.?\s*)?(?P<n>\d{1,3}|[IVX]{1,5})\]?\.?$")
JOURNAL_HEADING = re.compile(r"^(?i:from the (?:diary|journal) of)\b")
# A diary entry's own heading: "Reception of the Ambassador of Iran M. Saed", "Conversation with …".
ENTRY_HEADING = re.compile(r"^(?:Reception of|Conversation with|Talk with|Meeting with|Visit (?:of|to|by)|"
                           r"Record of (?:a |the )?[Cc]onversation)\b")
# A Russian transcript's kinds of document, in capitals as its headings print them ("ЗАПИСЬ БЕСЕДЫ",
# "ТЕЛЕГРАММА"); caps_heading.py and layout.py read them too.
RUSSIAN_KINDS = ("ЗАПИСЬ", "БЕСЕДЫ", "БЕСЕДА", "ТЕЛЕГРАММА", "ШИФРТЕЛЕГРАММА", "ПИСЬМО", "ПРОТОКОЛ", "ПОСТАНОВЛЕНИЕ",
                 "ДНЕВНИК", "ЗАПИСКА", "СПРАВКА", "ДОКЛАД")
# A German transcript's ("INFORMATION" / "über das Gespräch …", "Aktenvermerk", "Niederschrift über …").
GERMAN_KINDS = ("NIEDERSCHRIFT", "AUFZEICHNUNG", "AKTENVERMERK", "GESPRÄCHSVERMERK", "VERMERK", "BERICHT",
                "PROTOKOLL", "TELEGRAMM", "FERNSCHREIBEN", "INFORMATION")
# The kinds of document of originals printed beside translations.
KINDS_IN_ORIGINALS = RUSSIAN_KINDS + GERMAN_KINDS
_TITLE_LINE = re.compile(r"\b(?:RECORD|RECORDING|CONVERSATION|MEMORANDUM|MINUTES|REPORT|TELEGRAM|"
                         r"TRANSCRIPT|INTERVIEW|LETTER|CABLE|DESPATCH|DISPATCH|"  # issue 10: a letter's heading
                         r"MESSAGE|STATEMENT|DECLARATION|DIRECTIVE|RESOLUTION|DECREE|COMMUNIQU[EÉ]|TREATY|"
                         # a meeting's record headed by the meeting ("SESSION OF THE POLITBURO OF THE CC CPSU"; a letterhead's
                         # "FOUR HUNDRED AND EIGHTY-SECOND MEETING" names no body),
                         # a note by its subject ("NOTE ON THE TALKS …"; "NOTE:" alone is a label)
                         r"(?:SESSION|MEETING|SITTING)(?= OF\b)|NOTE(?= (?:ON|OF|FOR|BY|ABOUT|CONCERNING)\b)|"
                         # an interrogation's or a meeting's protocol ("PROTOCOL OF INTERROGATION OF THE ACCUSED",
                         # "PROTOCOL No. 12"; a ministry's "PROTOCOL DEPARTMENT" is a letterhead), a stenogram
                         # ("STENOGRAM" / "OF THE OFFICIAL TALKS …", as Romanian and Soviet records head themselves)
                         r"PROTOCOL(?= (?:OF|ON|No\.?|NO\.?)\b|$)|STENOGRAM|"
                         + "|".join(KINDS_IN_ORIGINALS) + r")\b")


# A numbered section heading: ``II. ECONOMY``, ``3. On the Korean question``, ``Part 2: Trade``.
# Short, no sentence end inside or at the end; a single-letter numeral before a name shape is an
# initial (``V. Molotov``), not a heading.
_SECTION_NUMBER = re.compile(r"^(?P<n>(?:[IVXLC]{1,6}|\d{1,2})[.)]/?|§\s*\d{1,3}\.?|"
                             r"(?i:section|part|chapter)\s+(?:[IVXLC]{1,6}|\d{1,2})[.:]?)\s+(?P<title>\S.*)$")
_NAME_SHAPE = re.compile(rf"^(?:[{UPPER}]\.\s*)*[{UPPER}][a-z'’-]+$")
_SECTION_END = tuple(".,;:!?")


# A treaty's or statute's article alone on its line: "Article 1", "ARTICLE IV", "Art. 3.", "Clause 2".
_ARTICLE = re.compile(r"^(?i:article|art\.|clause)\s+(?P<n>[IVXLC]{1,6}|\d{1,3})\.?$")


def numbered_heading(line: str) -> tuple[str, str] | None:
    """(number, title) of a line shaped like a numbered section heading, else None; the title of an
    article alone on its line (``Article 1``) is empty."""
    article = _ARTICLE.match(line.strip())
    if article:
        return article.group("n"), ""
    match = _SECTION_NUMBER.match(line.strip())
    if not match:
        return None
    number, title = match.group("n"), match.group("title")
    words = _without_parentheses(title)
    if (len(words.split()) > 12 or len(title) > 100 or title.endswith(_SECTION_END)
            or re.search(r"[.!?;]\s", words) or not title[:1].isupper()):
        return None
    if re.fullmatch(r"[IVXLC]\.", number) and _NAME_SHAPE.match(title):
        return None  # "V. Molotov": an initial and a name
    return number.strip(".):§/ ").split()[-1], title


def _without_parentheses(title: str) -> str:
    """A heading's words outside parentheses: the abbreviations of a time span after it
    (``Meeting of September 24, 1939 (21 h. 30 min. - 23 h. 15 min.)``) end no sentence."""
    return re.sub(r"\([^()]*\)", "", title)


@dataclass(frozen=True, slots=True)
class OpeningLine:
    kind: str | None  # a FIELD kind, "dateline", "sender", "letterhead", None (untyped)
    text: str
    continues: bool = False  # a further line of the previous field (joined with a line break)
    same_line: bool = False  # the rest of the previous item's source line (a mark after a date)
    line: int = field(default=0, compare=False)  # its source line (0: not known); the trace marks it


def strip_boxes(text: str) -> str:
    """The text without the OCR boxes and spaces it opens with (what ``BOXES.sub("", text)`` leaves)."""
    return text.lstrip("\u25a1 ")


# Cached: the block rules, the turn reader and the label count ask this of the same unit's text again.
@functools.lru_cache(maxsize=1024)
def field_kind(line: str) -> str | None:
    bare = strip_boxes(line).strip()
    marks = classification.marks_line(bare)
    if marks:  # "SECRET, Copy No. 2": split into its marks by _marks_apart
        return marks[0][0]
    if bare.startswith("[") and paper_mark_alone(bare):
        return PAPER_MARK
    for kind, pattern in FIELD_PATTERNS:
        if pattern.match(bare):
            if kind == "addressee" and bare.lower().startswith("for ") and ":" not in bare:
                continue  # "For your information: …" is an addressee line only with a colon
            return kind
    if is_dateline(bare) or PLACE_LABEL.match(bare):
        return "dateline"
    return None


# A message's number under its own label: "Cable No.: (64) 0417", "Telegram Number: 217".
_NUMBER_LABEL = re.compile(r"^[A-Z][a-z]+\s+(?:No\.?|Number)\s*:\s*\S")
_TIME_RANGE_LINK = re.compile(r"\s*(?:to|until|till|-|–|—)$")


def _place_splits(line: str) -> list[tuple[str, str]]:
    """(place, the rest) cut at the first comma and at the second: a place may name a building too; or at
    the full stop after the place (``Moscow, Kremlin. 27 September 1939``, as Soviet records print it)."""
    parts = line.split(",", 2)
    splits = [(",".join(parts[:k]), ",".join(parts[k:])) for k in (1, 2) if len(parts) > k]
    place, stop, rest = line.partition(". ")
    return splits + [(place, rest)] if stop and not _INITIAL_END.search(place) else splits


_INITIAL_END = re.compile(rf"(?:^|\s)[{UPPER}]$")  # "V. Molotov, …": an initial's stop ends no place


# A meeting over midnight: "27 September 1939, 22 h. 00 m. – 28 September 1939, 1 h. 00 m." The dateline
# dates the record by its first day; the link and the second day with its time are the range's end.
_SECOND_DAY = re.compile(r"\s*(?:to|until|till|-|–|—)\s+(?P<day>[^–—]{6,40})$")


def _first_day(bare: str) -> str:
    """The dateline up to its first day's clock time when it runs to a second day (``…, 22 h. 00 m. – 28
    September 1939``); else as it was. Before, the range read as no date, and the record had none."""
    second = _SECOND_DAY.search(bare)
    if second is None or not dates.parse_date(second.group("day").strip(" ,.")):
        return bare
    before = bare[:second.start()]
    times = dates.find_times(before)
    return before[:times[-1].start].rstrip(" ,—–-") if times and times[-1].end == len(before) else bare


# The same date in another calendar after the dateline's, in parentheses, as treaties and protocols with
# Turkey, Persia or Afghanistan print it ("5 March 1921 (5 Mart 1337)", "9 May 1922 (19 Saur 1301)"):
# the parenthesis holds a number; the dateline's own date is the document's.
_OTHER_CALENDAR = re.compile(r"(?<=\d)\s*\([^()]{0,30}\d[^()]{0,30}\)$")


def is_dateline(line: str) -> bool:
    """A line that is a date, or ``Place, date``, either perhaps followed by a clock time."""
    unmarked = classification.strip_marks(line.strip())  # "March 3, 1950 top secret"
    short = dates.labelled_short_date(unmarked)
    if short is not None:  # "Date: 17.3.70, 23:40": the date, perhaps a clock time after it, nothing else
        rest = unmarked[short.end:].strip(" ,.–—-")
        return not rest or dates.parse_time(rest) is not None
    bare = dates.DATE_LABEL.sub("", unmarked).rstrip(".")  # "Time: 10 October 1959, 4:00 p.m."
    times = dates.find_times(bare)
    if times and times[-1].end == len(bare):
        before = bare[:times[-1].start]  # "Moscow, March 15, 1947—7 p.m."
        link = _TIME_RANGE_LINK.search(before.rstrip())
        # "3:00 p.m. to 4:30 p.m.", "22 h. 10 m. – 0 h. 40 m.": a range, its link a word or a dash
        if link and len(times) > 1 and times[-2].end == link.start():
            before = bare[:times[-2].start]
        bare = _first_day(before.rstrip(" ,—–-"))
    bare = _YEAR_WORD.sub("", bare.rstrip("."))  # a Russian date's "г." after the year: "15 июня 1945 г., 22 ч."
    bare = _OTHER_CALENDAR.sub("", bare)  # "Moscow, 5 March 1921 (5 Mart 1337)": the date in another calendar
    if dates.parse_date(bare) or dates.whole_date(bare):  # whole_date: a range, "June 2-3, 1952"
        return True
    for place, rest in _place_splits(bare):  # "Moscow, March 15, 1947", "Moscow, Kremlin, June 22, 1941"
        rest = _DATE_ARTICLE.sub("", rest)
        if place[:1].isupper() and len(place.split()) <= 4 and (dates.parse_date(rest) or dates.whole_date(rest)):
            return True
    return date_then_place(bare) is not None


# A place after the date: "7 June 1955  Kremlin" (the tab between them normalised), "12 March 1950, Moscow".
_PLACE_AFTER = re.compile(rf"^[ ,.–-]+(?P<place>[{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+){{0,2}})$")


def date_then_place(line: str) -> str | None:
    """The place of a dateline that prints the date first, else None."""
    found = dates.find_dates(line)
    if not found or found[0].start != 0 or not found[0].when:
        return None
    after = _PLACE_AFTER.match(line[found[0].end:])
    return after.group("place") if after and not dates.find_dates(after.group("place")) else None


# A ciphered telegram's routing line: where it went, then when it was sent ("To Kabul. Sent 14.V.22 at 23 h.
# 10 min.", "To Tehran, despatched 3.VI.21"): one word, no title or initial, before the sending.
_DESTINATION = re.compile(rf"^To:?\s+[{UPPER}][\w'’-]+[.,]\s+(?i:sent|despatched|dispatched|transmitted)\b")


def names_a_destination(line: str) -> bool:
    """Whether an addressee line names the place a telegram was sent to, not a person addressed."""
    return _DESTINATION.match(line) is not None


def is_short(line: str) -> bool:
    return len(line.split()) <= 20 or (line.startswith("[") and line.endswith("]"))


# A Soviet circular telegram's addressees under its number and date, one a line in capitals, the post and
# then the envoy: "HELSINKI – DEREVYANSKY", "LONDON – MAISKY", "NEW YORK – UMANSKY". Read so only inside
# an opening, under a field, never as a line by itself: in capitals alone the run read as one heading.
ENVOY_AT_PLACE = re.compile(rf"^[{UPPER}][{UPPER}'’-]+(?: [{UPPER}][{UPPER}'’-]+)? [–—-] "
                            rf"(?:[{UPPER}]\.\s?){{0,2}}[{UPPER}][{UPPER}'’-]*[AEIOUY][{UPPER}'’-]*$")
_ENVOY_AFTER = frozenset({"dateline", "number", "cipher", "precedence", "classification", "handling",
                          "despatched", "addressee"})


def envoy_addressed(line: str) -> str:
    """The envoy of an addressee line naming his post first (``STOCKHOLM – KOLLONTAI``: ``KOLLONTAI``);
    the line itself otherwise. The post is a place, no one addressed."""
    return re.split(r" [–—-] ", line, maxsplit=1)[1] if ENVOY_AT_PLACE.match(line) else line


def classify_opening(lines: list[str], marks: frozenset[str] = frozenset(),
                     numbers: list[int] | None = None) -> tuple[list[OpeningLine], int]:
    """Classify leading lines; return the opening lines and how many lines it takes (0: none).

    ``marks``: the project file's own classifications (case-folded), each a whole line;
    ``numbers``: the source line of each line, kept on its items for the decision trace.
    """
    classified: list[OpeningLine] = []
    sources: list[int] = []  # the index in ``lines`` of each classified item
    previous: str | None = None
    previous_text = ""
    after_route = False
    in_field_block = _field_block_lines(lines)
    for index, line, same_line in _fields_of_lines(lines):
        bare = strip_boxes(line).strip(" \u25a1")
        kind = "classification" if bare.rstrip(".").strip().casefold() in marks else field_kind(line)
        if kind is None and (_beside_a_field(lines[index], bare) or party_slogan(bare)):
            kind = "letterhead"  # "Ministry for Foreign Affairs of the GDR" at the left of "Berlin, 22 October 1971"
        continues = False
        if kind == "dateline" and previous in ("despatched", "received"):
            kind = None  # a date under D./R. is part of that field
        envoy = previous in _ENVOY_AFTER and ENVOY_AT_PLACE.match(bare) is not None
        if envoy:
            kind = "addressee"
        elif kind is None and previous is not None and not ENVOY_AT_PLACE.match(previous_text):
            # (under the envoys' lines the addressees end: "For your orientation." is the telegram's text)
            kind, continues = _continuation(bare, previous, previous_text, after_route)
        if kind is None and index in in_field_block:
            kind = LABELLED_FIELD
        if kind is None and _ends_opening(line):
            break
        if kind == LABELLED_FIELD and not classified and speech.match_label(line):
            break  # a transcript's first turns ("BLIGHT: …") are no block of fields
        after_route = kind == "route" or (after_route and continues)
        classified.append(OpeningLine(kind, line, continues, same_line, line=numbers[index] if numbers else 0))
        sources.append(index)
        if kind is not None:
            previous, previous_text = kind, bare
    soft = _mark_letterhead(classified)
    last = max((i for i, item in enumerate(classified) if item.kind in RECOGNISED and i not in soft),
               default=-1)
    if last >= 0 and last + 1 < len(classified) and classified[last + 1].same_line:
        last = max(i for i in range(len(classified)) if sources[i] == sources[last])  # a line is taken whole
    taken = sources[last] + 1 if last >= 0 else 0
    return [part for item in classified[:last + 1] for part in _marks_apart(item)], taken


# "From Beijing. Sent 20 January 1950, 02:15. Received 20 January 1950, 08:40.": a telegram's despatch
# and receipt run on in the line of its origin, a sentence each.
_RUN_ON_FIELD = re.compile(r"(?<=\.)\s+(?=(?:Sent|Dispatched|Despatched|Received)\b)")


# "DATE OF INFO.: Late October 1956", "NO. OF PAGES: 2": a label of at most four words, each capitalised,
# a colon, then the value on the same line.
_LABELLED_LINE = re.compile(r"^[A-Z][\w.'’/-]*(?:\s+(?:[A-Z][\w.'’/-]*|of|OF|and|AND)){0,3}\s*:\s*\S")
# A label of the people taking part (block_rules/participants.py reads their lines): no header field.
_PEOPLE_LABEL = re.compile(r"^[^:]{0,40}\b(?i:participants?|participating|present|attendants|attending|attendance|"
                           r"took part|participated|interpreters?|translators?|note-?takers?|recorders?)\b[^:]{0,40}:")
# The recognised fields that make a run of labelled lines a header's block of fields.
_HEADER_FIELDS = frozenset({"subject", "reference", "sender", "addressee", "dateline"})


def _field_block_lines(lines: list[str]) -> frozenset[int]:
    """The indices of labelled lines in runs of at least three, one line after another, that hold a
    recognised header field (``SUBJECT: …``, ``DATE: …``, ``FROM: …``): a memorandum's or report's
    block of fields, whose other labels (``COUNTRY:``, ``PLACE ACQUIRED:``) are fields too. A value
    that is a sentence (``Mao Zedong: You have come a long way.``) is a turn, not a field."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        bare = strip_boxes(line)
        if (_LABELLED_LINE.match(bare) and len(line) <= 120 and not _is_sentence(bare)
                and not _PEOPLE_LABEL.match(bare)):  # "Chinese Participants:" heads the body's list
            run.append(index)
            continue
        if len(run) >= 3 and any(field_kind(lines[k]) in _HEADER_FIELDS for k in run):
            found.update(run)
        run = []
    return frozenset(found)


# A typed letter's fields spaced apart on one line: its number at the left margin, its place and date at the
# right ("No. 03/118<many spaces>Ulaanbaatar, 14 March 1969"); one item each.
_SPACED_COLUMNS = re.compile(r"\s{4,}")


def _fields_of_lines(lines: list[str]) -> Iterator[tuple[int, str, bool]]:
    """(index of the line, text, whether it goes on a line already begun): each line, or the fields
    that run on in it, when each sentence after the first is a despatch or receipt field."""
    for index, line in enumerate(lines):
        pieces = _RUN_ON_FIELD.split(line)
        columns = _SPACED_COLUMNS.split(line.strip())
        if len(pieces) > 1 and all(field_kind(piece) in ("despatched", "received") for piece in pieces[1:]):
            yield from ((index, piece, k > 0) for k, piece in enumerate(pieces))
        elif len(columns) > 1 and columns_are_fields(columns):
            yield from ((index, column, k > 0) for k, column in enumerate(columns))
        else:
            yield index, line, False


def _beside_a_field(line: str, column: str) -> bool:
    """The column is a body's name that a line's columns set beside its dateline or number
    (``columns_are_fields``): the letterhead, in mixed case too."""
    columns = _SPACED_COLUMNS.split(line.strip())
    return len(columns) > 1 and not field_kind(column) and letterhead_line(column) and columns_are_fields(columns)


def _marks_apart(item: OpeningLine) -> list[OpeningLine]:
    """A dateline that shares its line with a classification or handling mark (``March 3, 1950 top
    secret``) is two items of one line: the dateline and the mark, each its own field; so is each
    mark of a line of marks (``SECRET, Copy No. 2``)."""
    spaced = classification.SPACED.match(item.text) if item.kind == "classification" else None
    if spaced and spaced.end() < len(item.text):  # "C O N F I D E N T I A L MOSCOW 3712": the mark, the number
        return [replace(item, text=spaced.group()),
                OpeningLine("number", item.text[spaced.end():].strip(), False, True, item.line)]
    if item.kind in ("classification", "handling", "precedence"):
        pieces = classification.marks_line(strip_boxes(item.text))
        if pieces and "".join(text for _, text in pieces).replace(" ", "") == item.text.replace(" ", ""):
            return [OpeningLine(kind, text, item.continues and k == 0, k > 0, item.line)
                    for k, (kind, text) in enumerate(pieces)]
        return [item]
    if item.kind != "dateline":
        return [item]
    marks = classification.find_marks(item.text)
    if not marks:
        return [item]
    parts: list[OpeningLine] = []
    position = 0
    for mark in marks:
        before = item.text[position:mark.start].strip()
        if before:
            parts.append(OpeningLine("dateline", before, item.continues and not parts, bool(parts), item.line))
        end = mark.end if mark is not marks[-1] else len(item.text)
        parts.append(OpeningLine(mark.kind, item.text[mark.start:end].strip(), item.continues and not parts,
                                 bool(parts), item.line))
        position = end
    rest = item.text[position:].strip()
    if rest:
        parts.append(OpeningLine("dateline", rest, False, True, item.line))
    return parts


# A body that prints its letterhead in mixed case ("Socialist Unity Party of Germany" / "Central Committee" /
# "Department of International Relations", "Embassy of the Polish People's Republic in Baghdad").
_BODY_WORD = re.compile(r"\b(?:Party|Committee|Department|Ministry|Embassy|Legation|Consulate|Council|Secretariat|"
                        r"Presidium|Bureau|Commission|Government|Chancellery|Directorate)\b", re.I)


# A party's masthead slogan over its letterhead ("Proletarians of all countries, unite!", the Comintern's,
# the CPSU's and every ruling party's papers): the letterhead's, never the document's title.
_PARTY_SLOGAN = re.compile(r"^(?:Proletarians|Workers|Proletarier|Proletáři|Proletariusze|Пролетарии)\s+"
                           r"(?:of\s+(?:all\s+(?:the\s+)?(?:countries|lands|nations)|the\s+(?:whole\s+)?world)|"
                           r"aller\s+Länder|všech\s+zemí|wszystkich\s+krajów|всех\s+стран)\s*,?\s*"
                           r"(?:unite|vereinigt\s+euch|spojte\s+se|łączcie\s+się|соединяйтесь)\s*[!.]?$", re.I)


def party_slogan(text: str) -> bool:
    """``Proletarians of all countries, unite!`` alone on its line: a party paper's masthead."""
    return _PARTY_SLOGAN.match(plain(strip_boxes(text)).strip()) is not None


def letterhead_line(text: str) -> bool:
    """A short line naming a body (``Polish United Workers' Party``, ``Central Committee``): a letterhead's."""
    bare = plain(text).strip()
    return (bare[:1].isupper() and len(bare.split()) <= 8 and not bare.endswith(tuple(".,;:!?"))
            and _BODY_WORD.search(bare) is not None)


def columns_are_fields(cells: list[str]) -> bool:
    """Whether a line's columns are read one by one as opening items: each a field (``No. 03/118`` …
    ``Ulaanbaatar, 14 March 1969``), or a letterhead beside its dateline (``MINISTRY OF NATIONAL
    SECURITY`` … ``Prague, 14 March 1951``): the body's name at the left and the place and date at the
    right are two items; joined, the line is neither, and the document's date is lost."""
    kinds = [field_kind(cell) for cell in cells]
    if all(kinds):
        return True
    field_at = next((k for k, kind in enumerate(kinds) if kind in _BESIDE_LETTERHEAD), None)
    if field_at is None:
        return False
    # the letterhead at the left of the field; a labelled field of its own at its right ("Ref. No. 0017/62
    # <tabs> Number of sheets: 3"), which joined to it had made one number of both
    return all(kind or (_letterhead_cell(cell) if k < field_at else _labelled_cell(cell))
               for k, (cell, kind) in enumerate(zip(cells, kinds)))


def _labelled_cell(cell: str) -> bool:
    bare = plain(strip_boxes(cell)).strip()
    return _FIELD_LABEL.match(bare) is not None and not _is_sentence(bare)


_FIELD_LABEL = re.compile(r"^[A-Z][\w.'’/-]*(?: [\w.'’/-]+){0,3}:\s*\S")  # "Number of sheets: 3"


# The fields a typist sets at the right of a letterhead's line: the place and date, the reference number.
_BESIDE_LETTERHEAD = frozenset({"dateline", "number"})


def _letterhead_cell(cell: str) -> bool:
    """A letterhead's column: a body's name (``MINISTRY OF NATIONAL SECURITY``, ``Department X``) or a
    unit's (``Investigation Section``). A field's label in capitals (``DATE ACQUIRED``, ``DATE AND TIME:``)
    names no body: its line is a block of fields (a table), not a letterhead beside its date."""
    bare = plain(strip_boxes(cell)).strip()
    return letterhead_line(bare) or _UNIT_NAME.fullmatch(bare) is not None


_UNIT_NAME = re.compile(rf"(?:[{UPPER}][\w'’-]+ ){{1,3}}(?:Section|Division|Branch|Office|Administration|Directorate)")


def lines_over_heading(lines: list[tuple[int, tuple[str, ...], bool]]) -> list[OpeningLine]:
    """The lines that stand above a document's heading further down (``[pic]``, the letterhead, the marks,
    the number and the date, a typist's columns apart): an opening item for each column of each line, typed
    as a field, a letterhead line or nothing. ``lines`` are (source line, its columns, whether the line is
    the page's running head): a running head's date is the page's, no dateline, and it types nothing."""
    items: list[OpeningLine] = []
    for number, cells, running_head in lines:
        for k, cell in enumerate(cells):
            kind = None if running_head else field_kind(cell) or ("letterhead" if letterhead_line(cell) else None)
            items.extend(_marks_apart(OpeningLine(kind, cell, same_line=k > 0, line=number)))
    return items


# One meeting of a record of several (negotiations in rounds): "FIRST MEETING", "Second sitting", "FIFTH
# ROUND", each over its own date line and list of those present. It heads the body, no letterhead. ("SECOND
# SESSION" under "NINETY-THIRD CONGRESS" is a hearing's letterhead: no session.)
MEETING_HEADING = re.compile(r"^(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                             r"eleventh|twelfth)\s+(?:meeting|sitting|conversation|round)$", re.I)


# A document's number alone on its line in a selection's series ("1.", "2."): closing_matter.py, document_start.py
# and the Soviet family's series separators read it too.
SERIES_NUMBER = re.compile(r"^(?P<n>\d{1,2})\.$")


def _ends_opening(line: str) -> bool:
    """A document title, a section heading, a speaker label or a participants list: the body has
    begun. A note's call is no part of the line's words: ``MINUTES[footnoteRef:1]`` is the heading, where the
    opening took it for a letterhead line and the title was a heading further down."""
    line = plain(line)
    words = len(line.split())
    if _TITLE_LINE.search(line) and (words >= 5 or (line.upper() == line and (
            words >= 2 or _TITLE_LINE.fullmatch(strip_boxes(line).strip(" .:"))))):
        return True  # "RECORD OF CONVERSATION …", "MEMORANDUM OF CONVERSATION", "MEMORANDUM": a heading
    if MEETING_HEADING.match(strip_boxes(line).strip()):
        return True  # "FIRST MEETING" over its date line: the first of the record's meetings begins
    if SERIES_NUMBER.match(strip_boxes(line).strip()):
        return True  # "1." alone under a selection's title: the first document's number (document_start.py)
    if strip_boxes(line).strip() == "NOTE":
        return True  # the kind alone over its heading's rest ("NOTE" / "on the conversation of …"), no letterhead
    if DOCUMENT_NUMBER.match(line.strip()):
        return True  # "[Document 1]": the editor numbers the documents of the page (block_rules/document_start.py)
    if JOURNAL_HEADING.match(line) or ENTRY_HEADING.match(line):
        return True  # "From the journal of" / "P. F. YUDIN", "Reception of …": a diary's headings
    if SALUTE.match(line):
        return True  # "Dear Comrade Brezhnev,": the letter's salute, after its addressee lines
    if _is_sentence(strip_boxes(line)):
        return True  # "I enclose the draft treaty.": prose has begun
    if numbered_heading(strip_boxes(line)):
        return True  # "I. POLITICAL QUESTIONS": the first section of the body
    name = speech.bare_label(line)  # "INTERVIEWER" alone on its line: a transcript's first turn
    return bool(_BODY_START.match(strip_boxes(line)) or speech.match_label(line)
                or (name is not None and speech.is_role_word(name)))


def begins_body(line: str) -> bool:
    """A speaker's label or the participants' label: the body has begun (``Comrade Kim Il Sung:``, ``Participants:``)."""
    return bool(_BODY_START.match(strip_boxes(line)) or speech.match_label(line))


def is_sentence(line: str) -> bool:
    """Prose (opening's own test, for the layout): ends like a sentence, three lower-case words at least."""
    return _is_sentence(line)


# A note call after a sentence's end ("… raised there.¹", "… there.*", "… there.[2]"); the reader's
# anchors are in plain() form already.
_TRAILING_CALL = re.compile(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*{1,3}|†|\[\d{1,3}\])$")


def _is_sentence(line: str) -> bool:
    """Prose, not a heading field: ends like a sentence (a note call after its stop aside) and has at
    least three lower-case words."""
    bare = _TRAILING_CALL.sub("", plain(line).rstrip())
    return bare.endswith((".", "!", "?")) and sum(word[:1].islower() for word in line.split()) >= 3


def _continuation(bare: str, previous: str, previous_text: str,
                  after_route: bool) -> tuple[str | None, bool]:
    if not bare:  # a box-only line belongs to the field above it
        return previous, True
    if previous in ("despatched", "received") and (
            dates.parse_time(bare) or dates.parse_date(bare.rstrip(" \u25a1"))):
        return previous, True
    if after_route and _SENDER.match(bare):
        return "sender", False
    if previous == "subject" and previous_text == "SUBJECT":  # FRUS: the label alone, the subject under it
        return "subject", True
    if previous == "subject" and bare[:1].islower() and len(bare.split()) <= 12 and not _is_sentence(bare):
        return "subject", True  # "Re: Measures in connection with the …" / "in the SFRY": wrapped at the margin
    if previous == "repetition" and _CONTINUED_REPETITION.match(bare):
        return "repetition", False
    if previous_text.endswith(";") or (previous == "addressee" and previous_text.endswith(",") and bare[:1].islower()):
        # "To comrades Litvinov, … – all;" / "comrade Stomonyakov – items 1 and 3." (or "Gromyko – point 2; …",
        # under a number in the column at its left): a field cut after a semicolon goes on, its full stop no
        # end of the opening
        return previous, True
    if (previous == "addressee" and not previous_text.endswith(".") and bare[:1].isupper()
            and not _ends_opening(bare) and not _NUMBER_LABEL.match(bare)):  # a heading under the addressee
        # ends the list, and so does the message's number under its own label ("Cable No.: (64) 0417")
        return "addressee", False  # the addressee list goes on, one line a field
    return None, False


def _mark_letterhead(classified: list[OpeningLine]) -> set[int]:
    """Untyped capitalised lines in an opening without telegram fields are letterhead.

    A mixed-case line under a letterhead line is letterhead too ("All-Union Communist
    Party (Bolsheviks)."), but only "softly": it does not by itself extend the opening, so
    a letter's "Dear Oliver," and first paragraph stay in the body. Returns the soft ones.
    """
    soft: set[int] = set()
    if any(item.kind in ("route", "despatched", "received", "cipher") for item in classified):
        return soft
    for index, item in enumerate(classified):
        if item.kind is not None:
            continue
        bare = strip_boxes(item.text)
        # a capitals line ending in a colon heads what follows ("MOZAMBICAN DELEGATION:" over its
        # members): no letterhead, which names its body and stops
        capitals = bare.upper() == bare and _WORD.search(bare) and not bare.endswith(":")
        follows_letterhead = index and classified[index - 1].kind == "letterhead"
        if capitals or (follows_letterhead and not bare.endswith(":")):
            classified[index] = replace(item, kind="letterhead", continues=False, same_line=False)
            if not capitals:
                soft.add(index)
    return soft
