"""The document's heading among its first lines, and page fields run together on one line.

``find_heading`` looks at the lines before the body's prose and returns the one
(or two, when the heading wraps) that is the document's heading: a line opening
with a genre word (``Record of conversation …``, ``Memorandum of …``, ``Telegram
from …``, ``Aufzeichnung über …``) wins; otherwise the first capitalised, short
line that is not a letterhead, a stamp, a date, a number, a field (``TO: …``) or
an address. Never a sentence, never longer than a heading.

``split_run_in_fields`` cuts a line that holds several labelled page fields
(``… Citation: … Summary: … Original Language: …``) before each label, so a
record that arrived as one long line is read field by field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tei_encoder.header import classification, dates, teletype
from tei_encoder.letters import UPPER

__all__ = ["MAX_WORDS", "find_heading", "opens_with_field", "heading_sentence", "split_run_in_fields", "RUN_IN_LABELS", "parties",
           "correspondents"]

MAX_WORDS = 30  # a heading is never longer than this (a sentence-long title is still a heading)
_SCAN_LINES = 25  # a heading stands near the top

# Genre words that open a heading, in the languages of the records we meet.
_GENRE_OPENING = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:draft|secret|verbatim|brief|short|official|summary)\s+)?"
    r"(?:record(?:ing)?|memorandum|memo|minutes?|telegram|cable|cablegram|letter|report|note|notes|"
    r"transcript|interview|conversation|message|despatch|dispatch|directive|instructions?|"
    r"resolution|decree|protocol|communiqu[eé]|statement|speech|address|diary|journal|information|"
    r"aufzeichnung|niederschrift|vermerk|protokoll|bericht|schreiben|brief|"
    r"compte[- ]rendu|procès[- ]verbal|note|lettre|télégramme|rapport|"
    r"запись|записка|телеграмма|письмо|докладная|справка|протокол|беседа)\b",
    re.I)
_FIELD_LINE = re.compile(r"^[A-Za-z][A-Za-z ]{0,30}:\s*\S")  # "TO: …", "SUBJECT: …", "Present: …"
_NUMBER_LINE = re.compile(r"^(?:No\.?|Nr\.?|№|Ref\.?|File)\s*[:.]?\s*[\w/-]*\d", re.I)
_ADDRESS_LINE = re.compile(r"^(?:To|For|Dear|Sent to|Copy to)\b", re.I)
_ORGANISATION = re.compile(
    r"\b(?:MINISTRY|EMBASSY|LEGATION|DEPARTMENT|COMMISSARIAT|OFFICE|COMMITTEE|GOVERNMENT|COUNCIL|"
    r"CONSULATE|BUREAU|SECRETARIAT|PRESIDIUM|UNION|REPUBLIC|AGENCY|ARCHIVE|ARCHIVES|STATE|DIVISION)\b")
_LETTERS = re.compile(r"[^\W\d_]")
# A press release's embargo over its heading ("Not for publication before 6 p.m.", "Not to be published
# before …", "Embargoed until …", "For release at …", "Hold for release"): a handling line, no sentence of the text.
_EMBARGO = re.compile(r"^(?:not\s+(?:for\s+publication|to\s+be\s+(?:published|released|broadcast))|embargo(?:ed)?\b|"
                      r"(?:hold\s+)?for\s+(?:immediate\s+)?release\b)", re.I)
# A telegram's subject line ("SUBJECT: NAIM ON PUSHTUNISTAN", "SUBJ: …"): it names the document, and what
# stands under it is the text, so no heading is looked for below it (the subject becomes the title).
_SUBJECT_FIELD = re.compile(r"^SUBJ(?:ECT)?\s*:\s*\S")
# A numbered paragraph ("1. GOVERNOR KHAR RECEIVED ME …"): the text has begun, even in capitals, where
# no line reads as a sentence by its lower-case words.
_NUMBERED_PARAGRAPH = re.compile(r"^\d{1,2}\.\s+\S+(?:\s+\S+){3}")
# The wrapped tail of a telegram's office list ("PM-03 DODE-00 EUR-12 IO-10 /067 W"): office symbols
# with their copy counts, and the total; routing, never a heading.
_OFFICE_SYMBOLS = re.compile(r"^(?:[A-Z]{1,6}-\d{1,3}\s+)+(?:/\d{2,3}\s+[A-Z])?$|^(?:[A-Z]{1,6}-\d{1,3}\s*)+$")


def _words(line: str) -> list[str]:
    return line.split()


def _is_sentence(line: str) -> bool:
    """Prose: ends like a sentence and has several lower-case words."""
    return line.rstrip().endswith((".", "!", "?", ";")) and sum(w[:1].islower() for w in _words(line)) >= 4


def _is_date_line(line: str) -> bool:
    bare = classification.strip_marks(line).strip(" .")
    found = dates.find_dates(bare)
    return bool(found) and sum(len(f.text) for f in found) >= 0.4 * len(bare)


def _is_letterhead(line: str) -> bool:
    letters = _LETTERS.findall(line)
    capitals = bool(letters) and all(c.isupper() for c in letters)
    return capitals and bool(_ORGANISATION.search(line)) and (not _GENRE_OPENING.match(line)
                                                              or bool(_GENRE_WORD_NAMING_A_BODY.match(line)))


# A genre word that names an office with the word after it ("INFORMATION DIVISION", "PRESS INFORMATION
# BUREAU" is caught already): a letterhead, not a heading of the kind "Information on …".
_GENRE_WORD_NAMING_A_BODY = re.compile(r"^(?:INFORMATION|REPORTS?|RECORDS?)\s+(?:DIVISION|SERVICE|SECTION|BUREAU|"
                                       r"OFFICE|DEPARTMENT|DIRECTORATE|AGENCY)\b")


def _is_apparatus(line: str) -> bool:
    """A line that can stand above a heading but is never one."""
    return bool(classification.line_kind(line) or _is_date_line(line) or _NUMBER_LINE.match(line)
                or _FIELD_LINE.match(line) or _ADDRESS_LINE.match(line) or _is_letterhead(line)
                or line.startswith(("[", "(", "http", "<")) or teletype.routing_line(line)
                or classification.SPACED.match(line) or _OFFICE_SYMBOLS.match(line))


def opens_with_field(line: str) -> bool:
    """A labelled page field (``Date: 1974 October 3``, ``From: Lahore``): a record's metadata, never its title."""
    return bool(_FIELD_LINE.match(line.strip()))


def _heading_shaped(line: str, min_words: int = 2) -> bool:
    """Capitalised, two words or more (``MOSCOW.`` is an address), not a sentence or an address line."""
    words = _words(line)
    return (min_words <= len(words) <= MAX_WORDS and line[:1].isupper() and not _is_sentence(line)
            and not line.endswith(",") and len(_LETTERS.findall(line)) >= 3)


def find_heading(lines: Sequence[str]) -> tuple[int, int] | None:
    """``(first, end)`` line indices of the heading among the first lines, or None.

    ``lines`` are the record's lines (blank ones included: a heading is not joined across
    a blank line). The heading spans two lines when the first does not end a heading and
    the next continues it in lower case (``Record of conversation of`` / ``comrade …``).
    """
    candidates: list[int] = []
    for index, raw in enumerate(lines[:_SCAN_LINES]):
        line = raw.strip()
        if not line:
            continue
        if _EMBARGO.match(line):
            continue
        if _is_sentence(line) or _NUMBERED_PARAGRAPH.match(line):
            break  # the body's prose has begun: a heading stands above it
        if _SUBJECT_FIELD.match(line) and not candidates:
            return None  # a telegram's subject names it: the text is under it (header_model takes the subject)
        if _is_apparatus(line):
            continue
        if _GENRE_OPENING.match(classification.strip_marks(line)) and _heading_shaped(line, min_words=1):
            return index, _kind_over_blank(lines, index) or _heading_end(lines, index)  # "MEMORANDUM", "Telegram from …"
        if not _heading_shaped(line):
            continue
        if _title_case(line):
            candidates.append(index)
    if not candidates:
        return None
    first = candidates[0]
    return first, _heading_end(lines, first)


def _title_case(line: str) -> bool:
    """In capitals, or most of its longer words capitalised (``Oral History Interview with …``)."""
    letters = _LETTERS.findall(line)
    if letters and all(c.isupper() for c in letters):
        return True
    long_words = [w for w in _words(line) if len(w) >= 4 and _LETTERS.match(w)]
    return bool(long_words) and sum(w[:1].isupper() for w in long_words) >= 0.6 * len(long_words)


def _heading_end(lines: Sequence[str], index: int) -> int:
    end = index + 1
    while (end < len(lines) and (lines[end].strip()[:1].islower() or _capitals_wrapped(lines[end - 1], lines[end]))
           and not lines[end - 1].rstrip().endswith((".", ":", ";"))
           and len(" ".join(lines[index:end + 1]).split()) <= MAX_WORDS):
        end += 1
    return end


def _kind_over_blank(lines: Sequence[str], index: int) -> int | None:
    """The end of a heading whose kind stands alone in capitals over a blank line, the heading going on in
    lower case under it (``NOTE`` / blank / ``on the conversation of Ambassador …``): an export that sets a
    blank line after every paragraph (docx2txt) parts the kind from the rest. None when it is not so."""
    kind = lines[index].strip()
    below = index + 1
    while below < len(lines) and not lines[below].strip():
        below += 1
    if not (kind.isupper() and len(kind.split()) <= 3 and 1 < below - index <= 3 and below < len(lines)):
        return None  # no blank line between: _heading_end joins the lines under it
    rest = lines[below].strip()
    if not rest[:1].islower() or rest.endswith((".", ":", ";")) or len(f"{kind} {rest}".split()) > MAX_WORDS:
        return None
    return _heading_end(lines, below)


# A capitals heading wrapped at the export's width (``RECORD OF THE TALKS BETWEEN COMRADE MEHMET SHEHU AND
# COMRADE ZHOU`` / ``ENLAI``): its line breaks off after a word no heading ends with, or runs near the width.
# Before, the title lost its last line. Stacked letterhead lines are short and end with a noun.
_CONTINUED_BY = frozenset("AND OF THE WITH BETWEEN TO FOR IN ON AT BY OR FROM A AN".split())
_WRAP_WIDTH = 55


def _capitals_wrapped(line: str, following: str) -> bool:
    above, below = line.strip(), following.strip()
    if not (_all_capitals(above) and _all_capitals(below)):
        return False
    return above.split()[-1] in _CONTINUED_BY or len(above) >= _WRAP_WIDTH


def _all_capitals(line: str) -> bool:
    letters = _LETTERS.findall(line)
    return bool(letters) and all(c.isupper() for c in letters)


# A sentence ends at ". " before a capital, unless the dot closes an initial ("A. M. Alexandrov").
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])(?<!^[A-Z])[.!?](?=\s+[A-Z\"“])")


def heading_sentence(line: str) -> str | None:
    """The first sentence of a line that opens with a genre word, when it is heading-length.

    A record that arrives as one long line without field labels (``Record of a conversation
    between … in Helsinki. Present: … Alexandrov said that …``) names itself in its first
    sentence; the sentence stays in the text, the title is a copy of it.
    """
    bare = line.strip()
    if not _GENRE_OPENING.match(bare):
        return None
    end = _SENTENCE_END.search(bare)
    sentence = bare[:end.start()] if end else bare
    return sentence if 2 <= len(sentence.split()) <= MAX_WORDS else None


# ---------------------------------------------------------------- run-in page fields

RUN_IN_LABELS = ("Citation", "Summary", "Original Language", "Contents", "Credits", "Source",
                 "Original Archive", "Subjects Discussed", "Keywords", "Associated People & Organizations",
                 "Associated Places", "Associated Topics", "Rights", "Record ID", "Document Type")
_RUN_IN = re.compile(r"(?<=\S)\s+(?=(?:" + "|".join(re.escape(label) for label in RUN_IN_LABELS) + r"):\s)")
_CONTENTS_ITEM = re.compile(r"(?<=\S)\s+(?=(?:Translation|Transcript|Original Scan)\s+-\s+[A-Z][a-z]+)")
# The transcript after the item: not the item's own "- English" (a line ending "Translation - English" was
# cut before the dash when the optional language gave way, and "- English" opened the body).
_AFTER_CONTENTS = re.compile(r"^(?P<item>(?:Translation|Transcript|Original Scan)(?:\s+-\s+[A-Z][a-z]+)?)\s+"
                             r"(?P<rest>(?!-\s)\S.*)$")


def split_run_in_fields(line: str) -> list[str]:
    """The line cut before each page-field label, when it holds two or more; else ``[line]``.

    The date and the title before the first label are cut apart too (``June 2, 1952 Record of
    …``), and the transcript after ``Contents: Translation - English`` goes to its own line.
    """
    parts = _RUN_IN.split(line)
    if len(parts) < 3:
        return [line]
    head, fields = parts[0], parts[1:]
    out = _split_date(head)
    for part in fields:
        if part.startswith("Contents:"):
            out.extend(_split_contents(part))
        else:
            out.append(part)
    return out


def _split_date(head: str) -> list[str]:
    found = dates.find_dates(head)
    if found and found[0].start == 0 and found[0].end < len(head):
        rest = head[found[0].end:]
        date_end = found[0].end + (len(rest) - len(rest.lstrip(" ,")))
        return [head[:found[0].end].rstrip(","), head[date_end:]] if head[date_end:] else [head]
    return [head]


def _split_contents(part: str) -> list[str]:
    label, _, rest = part.partition(":")
    items = _CONTENTS_ITEM.split(rest.strip())
    out = [f"{label}:"]
    for item in items:
        tail = _AFTER_CONTENTS.match(item)
        if tail and tail.group("rest"):
            out.extend([tail.group("item"), "", tail.group("rest")])  # the transcript begins
        else:
            out.append(item)
    return out


# ---------------------------------------------------------------- the parties a heading names

# "Record of Conversation between A and B", "Record of conversation of A with B", "Talks of A and B"
_PARTIES = re.compile(r"\b(?:between|of|with)\s+(?P<parties>.+)$", re.I)
_PARTY_SPLIT = re.compile(r",\s*|\s+and\s+|\s+with\s+|\s+between\s+", re.I)
_CONVERSATION = re.compile(r"\b(?:conversation|talks?|meeting|interview|discussion|audience|reception|negotiations?)\b", re.I)
_TRAILING_CIRCUMSTANCE = re.compile(r"\s+(?:on|in|at|about|regarding|concerning|during)\s+.*$")


def parties(heading: str) -> list[str]:
    """Persons a conversation's heading names as its parties, as printed (titles kept).

    Only a named person counts: one with a title or with forenames or initials
    (``Comrade I. V. Kovalenko``, ``Ambassador Lindqvist``, ``Mao Zedong``); a delegation,
    a people or a bare word (``Chinese``) is no party here.
    """
    from tei_encoder.header import aliases, people

    heading = aliases.without_declarations(heading)  # "Khrushchev (hereafter N.S.) and Ulbricht"
    words = _CONVERSATION.search(heading)
    if words is None:
        return []
    found = _PARTIES.search(heading, words.end())
    if found is None:
        return []
    names: list[str] = []
    for chunk in _PARTY_SPLIT.split(found.group("parties")):
        # "Kim Il Sung in Pyongyang": the circumstance goes; but "the Ambassador of Poland in France
        # J. Łukasiewicz" is an office with its place, and the name is after it
        chunk = chunk.strip(" .;:")
        name = (_named_tail(_TRAILING_CIRCUMSTANCE.sub("", chunk).strip(" .;:"), people)
                or _named_tail(chunk, people))
        if name and name not in names:
            names.append(name)
    return names


def _named_tail(chunk: str, people) -> str | None:  # type: ignore[no-untyped-def]
    """The person at the end of ``chunk``: surname, with the initials and titles before it.

    ``… commissars of the USSR J. V. Stalin`` gives ``J. V. Stalin``: walking back from the
    surname, only initials and titles join it, so a country or an office never becomes a
    forename. A chunk made only of capitalised words (``Mao Zedong``) is taken whole.
    """
    tokens = chunk.split()
    if not tokens:
        return None
    # a name printed family name first ends the chunk: "Minister of Foreign Affairs Nguyen Duy Trinh"
    start = next((len(tokens) - n for n in (3, 2) if people.surname_printed_first(tokens[-n:])), len(tokens) - 1)
    if start == len(tokens) - 1 and start > 0 and people.is_honorific_after(tokens[-1]):
        start -= 1  # "Ismet Pasha": the name is before its honorific
    while start > 0 and (width := 1 if _INITIALS.fullmatch(tokens[start - 1]) else _title_width(tokens, start, people)):
        start -= width
    # Forenames in full between a title and the initials: "GENERAL LUCIUS D. CLAY", "Comrade Vasily Chuikov"
    left = start
    while (left > 0 and start - left < 2 and tokens[left - 1][:1].isupper()
           and not _is_title(tokens[left - 1], people)):
        left -= 1
    if left < start and (width := _title_width(tokens, left, people)):
        start = left - width
    tail = " ".join(tokens[start:])
    name = people.parse_name(tail)
    if name is not None and (name.forenames or set(name.titles) - {"the"}):
        return tail
    whole = [t for t in tokens if t.lower() != "the"]
    if 2 <= len(whole) <= 3 and all(t[:1].isupper() and not t.isupper() for t in whole):
        name = people.parse_name(" ".join(whole))
        return " ".join(whole) if name is not None else None
    return None


_INITIALS = re.compile(rf"(?:[{UPPER}][a-z]?\.){{1,3}}")


def _is_title(token: str, people) -> bool:  # type: ignore[no-untyped-def]
    return token.lower().rstrip(".") in people.TITLES and token.lower() != "the"


def _title_width(tokens: list[str], end: int, people) -> int:  # type: ignore[no-untyped-def]
    """How many tokens right before ``end`` make a title: 2 for "prime minister" (not "minister"
    alone, which left "prime" outside the name's form), 1 for "Comrade", else 0."""
    if end >= 2 and " ".join(tokens[end - 2:end]).lower().rstrip(".") in people.TITLES:
        return 2
    return 1 if end >= 1 and _is_title(tokens[end - 1], people) else 0


# ---------------------------------------------------------------- sender and addressee a heading names

_STOP = r"(?=\s+(?:on|in|at|about|regarding|concerning|of the|dated|with)\s|[,;:.]?$)"
_FROM_TO = (re.compile(rf"\b(?:from|by)\s+(?P<sender>.+?)(?:\s+to\s+(?P<addressee>.+?))?{_STOP}", re.I),
            re.compile(rf"^\S+(?:\s+\S+)?\s+of\s+(?P<sender>.+?)\s+to\s+(?P<addressee>.+?){_STOP}", re.I))


def correspondents(heading: str) -> tuple[list[str], list[str]]:
    """The author or sender and the addressees a heading names (``Telegram from Ambassador Liu
    Shaowen to Comrade V. M. Molotov``, ``Report by Colonel A. Kirk``); places and bodies
    (``from Moscow to the Foreign Office``) are none: correspondent_bodies() finds the bodies.
    Conversations name parties, not senders."""
    from tei_encoder.header import people

    found = next((m for pattern in _FROM_TO if (m := pattern.search(heading))), None)
    conversation = _CONVERSATION.search(heading)
    if found is None or (conversation is not None and conversation.start() < found.start()):
        return [], []
    senders = [n for chunk in _PARTY_SPLIT.split(found.group("sender"))
               if (n := _named_tail(chunk.strip(" .;:"), people))]
    addressees = [n for chunk in _PARTY_SPLIT.split(found.group("addressee") or "")
                  if (n := _named_tail(chunk.strip(" .;:"), people))]
    if found.group("addressee") and not addressees:
        # an office the stop words cut short: "to the plenipotentiary representative of the USSR in
        # Turkey Ya. Z. Surits" names its holder at the heading's end
        tail = _named_tail(heading[found.start("addressee"):].strip(" .;:"), people)
        addressees = [tail] if tail and _INITIALS.match(tail) else []  # initials: "in LONDON" is no name
    return senders, addressees


# A heading's sender and addressee cut at punctuation or a circumstance word, not at "in" or "of the",
# which a body's name holds ("Cable from the Chinese Embassy in Moscow to the Foreign Ministry").
_BODY_END = r"(?=\s*[,;:(\[\"'‘“]|\s+(?:on|about|regarding|concerning|dated|with|re)\s|\s*\.?$)"
_BODIES_FROM_TO = (re.compile(rf"\b(?:from|by)\s+(?P<phrase>.+?){_BODY_END}", re.I),
                   # the archive's "Kind, Sender to Addressee" ("Report, Embassy of Hungary in North Korea to …")
                   re.compile(rf"^[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}},\s+(?P<phrase>.+?\s+to\s+.+?){_BODY_END}"),
                   re.compile(rf"^\S+(?:\s+\S+)?\s+of\s+(?P<phrase>.+?\s+to\s+.+?){_BODY_END}", re.I))
_TO = re.compile(r"\s+to\s+", re.I)


def correspondent_bodies(heading: str) -> tuple[list[str], list[str]]:
    """The bodies a heading names as the sender and the addressee (``Telegram from the Soviet Embassy in
    Beijing to the USSR Ministry of Foreign Affairs``), as people.body_named gives them; persons and places
    are none (correspondents() finds the persons)."""
    from tei_encoder.header import people

    found = next((m for pattern in _BODIES_FROM_TO if (m := pattern.search(heading))), None)
    conversation = _CONVERSATION.search(heading)
    if found is None or (conversation is not None and conversation.start() < found.start()):
        return [], []
    parts = _TO.split(found.group("phrase"))
    # A sending body's name may hold "to" ("from the US Mission to NATO to the Secretary of State"): the
    # last cut that leaves a body before it; the whole phrase only when there is no cut at all.
    for cut in range(len(parts) - 1, 0, -1) if len(parts) > 1 else (1,):
        sender = people.body_named(" to ".join(parts[:cut]))
        if sender:
            return [sender], _listed(people.body_named(" to ".join(parts[cut:])))
    return [], _listed(people.body_named(" to ".join(parts[1:])))


def _listed(body: str | None) -> list[str]:
    return [body] if body else []
