"""A labelled turn: ``Stalin: …``, ``Q: …``, ``Kelly. Yes …``; the turn runs over the following
units (and over a form feed) until a label, heading, apparatus, narration (a reporting clause,
``Ashby hands over …``, ``Then the meeting …``), or, for a quoted turn, the close of its quotation.

``Something:`` is a label only when Something is a person: a role label, a name with a title, a
name in capitals, someone the record already knows, a name the record uses as a label more than
once, or a name whose text is a quotation or, in a record with other labels, reads as speech. A label with a full
stop is one only for a role label, a person who already speaks in this record (ENCODING.md 3:
``Cripps.`` alone is no label), or a stenogram's surname in capitals (``MOLOTOV. What does …``) in a
record that labels its turns so throughout. Must not match: ``Citation: …``, ``Navy Files: Box 12`` (fields),
``Cripps. Then …`` before Cripps has spoken.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from typing import TYPE_CHECKING

from tei_encoder.header import aliases, people
from tei_encoder.inline.directions import is_direction_wording
from tei_encoder.letters import UPPER
from tei_encoder.markers import FORM_FEED, NOTE_MARKER, plain
from tei_encoder.reader import opening, speech
from tei_encoder.reader.block_rules import (
    caps_heading,
    closing,
    closing_matter,
    diary_entry,
    omission,
    page_break,
    page_marker,
    participants,
    section_heading,
    source_note,
)
from tei_encoder.reader.block_rules.base import BlockRule
from tei_encoder.reader.blocks import OmittedInTurn, PageInTurn, ParagraphBlock, Speech, Stage, TurnBlock, TurnPart
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# A transcript's label in capitals after a title: "MR. HAGERTY. Thank you, Mr. President."
_TITLED_CAPITALS = r"(?:MR|MRS|MISS|MS|DR|SIR)\.? [A-Z][A-Z'’-]+(?![a-z])"
FULL_STOP_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>Q|A|Question|Answer|{_TITLED_CAPITALS}"
                             # an Arabic name of three words in capitals ("ABDUL FATTAH ISMAIL. We …")
                             rf"|[{UPPER}][{UPPER}'’-]+ [{UPPER}][{UPPER}'’-]+ [{UPPER}][{UPPER}'’-]+(?![\w'’-])"
                             rf"|[{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+)?)"
                             # a note at the name, before the stop ("RUSAKOV[footnoteRef:3]. I met …")
                             rf"(?P<note>{NOTE_MARKER.pattern})?\.\s+(?P<rest>\S.*)$", re.S)
# A surname with the speaker's manner in parentheses before the full stop: "Molotov (interrupting). Neutrality …",
# "Beck (smiling). - Then …".
STAGED_FULL_STOP_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>[{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+)?)"
                                    r"\s*(?P<stage>\([^()]{1,40}\))\.\s+(?P<rest>\S.*)$", re.S)
# A full stop and a dash after the label, as Russian editions print dialogue ("Beck. - We value it.",
# "I. - That view …"): no sentence is a name alone followed by a dash.
_FULL_STOP_DASH = re.compile(r"^[\u25a1 ]*\S{1,30}(?: [^\s.]{1,30})?(?: \([^()]{1,40}\))?\.\s+[-–—]\s")
# A block that is one parenthesis, no other inside it: the record's stage direction, not speech.
_WHOLE_PARENTHESIS = re.compile(r"^\([^()]{1,300}\)\.?$")
_LEADING_STAGE = re.compile(r"^(?P<stage>\([^()]{1,60}\))\s*(?P<rest>.*)$", re.S)
_TITLED = re.compile(rf"^{speech.TITLE_PREFIX}", re.I)
_SPEECH_END = tuple('.?!…"”’)')

Label = tuple[str, str, str]  # (OCR boxes before it, the label as printed, the rest of the unit)


def read(layout: Layout, i: int) -> int | None:
    unit = layout.units[i]
    label = speech.match_label(unit.text)
    if label and len(unit.lines) > 1 and not label[2]:  # "Name:" alone on its first line
        label = (label[0], label[1], " ".join(unit.lines[1:]))
    if label and not speaks(layout, speech.label_parts(label[1])[0], label[2]):
        return None
    if (declared := alias_label(layout, unit.text)) is not None:
        return turn(layout, i, declared[0], declared[1], rule="declared-alias-label")
    if not label and (dashed := dash_label(layout, unit.text)) is not None:
        return turn(layout, i, dashed[0], dashed[1], rule="dash-label")
    if not label and (enclosed := parenthesised_label(layout, unit.text)) is not None:
        return turn(layout, i, enclosed[0], enclosed[1], rule="parenthesised-label")
    if not label and (bracketed := bracketed_label(layout, unit.text)) is not None:
        return turn(layout, i, bracketed[0], bracketed[1], rule="speech-turn")
    if (initials := initials_label(layout, unit.text)) is not None:
        return turn(layout, i, initials[0], initials[1])
    if not label and (initial := initial_label(layout, unit.text)) is not None:
        return turn(layout, i, initial[0], initial[1])
    if not label and (titled := title_label(layout, unit.text)) is not None:
        return turn(layout, i, titled[0], titled[1], rule="title-label")
    if not label and (honoured := honorific_label(layout, unit.text)) is not None:
        return turn(layout, i, honoured[0], honoured[1], rule="honorific-label")
    label = label or full_stop_label(layout, unit.text)
    if not label:
        return None
    return turn(layout, i, label)


def speaks(layout: Layout, name: str, rest: str) -> bool:
    """Whether ``name:`` labels a speaker of this record rather than a field (``Navy Files:``)."""
    if _names_a_person_only(rest):
        return False  # "Rapporteur: Comrade János Kádár" under each agenda item: a field naming someone
    if _names_the_chair(name, rest):
        return False  # "Presiding: Lazar Mojsov, President of the Presidency.": the minutes' field
    if _capitals_title(name, rest):
        return False  # "FOREIGN ASSISTANCE: MILITARY AID TO THE REPUBLIC OF KOREA": a cover's title
    if not plain(rest).strip() and body_abbreviation(layout, name):
        return False  # "CPSU:" / "YSP:" alone over a side's list or turns: the side's head, no person
    if speech.is_role_word(name) or _TITLED.match(name) or speech.is_capitals(name):
        return True
    if layout.persons.registry.resolve(name) is not None:
        return True
    uses = record_labels(layout).colon
    if uses[_key(name)] >= 2:
        return True
    others = sum(count for key, count in uses.items() if key != _key(name))
    text = _speech_after_direction_and_dash(plain(rest).strip())
    if text.startswith(('"', "“")):
        return True  # "Kelly: “We agree.”": a quotation is speech
    if _DASHED_SPEECH.match(plain(rest).strip()) and _printed_in_other_unit(layout, name):
        return True  # "Chiang (interrupting him): - Not only help.": a dash opens direct speech
    return others > 0 and (text[:1].isupper() and text.endswith(_SPEECH_END) or _han_speech(text))


# What may stand between a label's colon and its speech: the speaker's manner, a dash ("Dirksen (with
# emphasis): - We do not ask …", as the Soviet editions print direct speech).
_DIRECTION_AND_DASH = re.compile(r"^(?:\([^()]{1,40}\)\s*)?(?:[-–—]\s+)?")


_DASHED_SPEECH = re.compile(rf"^(?:\([^()]{{1,40}}\)\s*)?[-–—]\s+[{UPPER}\"“]")


def _speech_after_direction_and_dash(text: str) -> str:
    return text[_DIRECTION_AND_DASH.match(text).end():]  # type: ignore[union-attr]  # (matches always)


def _capitals_title(name: str, rest: str) -> bool:
    """A title in capitals with a colon between its parts (a hearing's cover, a report's heading): the
    words after the colon in capitals too, three at least, no sentence end. Speech in capitals (a
    telegram's ``KISSINGER: WE AGREE WITH THIS.``) ends its sentence. Before, the title's first part was
    a speaker, with two turns of the cover's lines."""
    words = plain(rest).split()
    return (speech.is_capitals(name) and len(words) >= 3 and speech.is_capitals(" ".join(words))
            and not words[-1].endswith(_SPEECH_END))


_TITLED_NAME_ALONE = re.compile(rf"^(?:{speech.TITLE_PREFIX})+(?P<name>{speech.NAME})$")


def _names_a_person_only(rest: str) -> bool:
    """The label's text is one titled full name and nothing else (``Comrade János Kádár``, ``Comrade
    A. Novotný``): what a field gives (an agenda item's rapporteur or reporter), no words spoken. One
    word after the title (``Mr. President``, ``Comrade Fock``) may be an address, spoken."""
    alone = _TITLED_NAME_ALONE.match(plain(rest).strip())
    return alone is not None and len(alone.group("name").split()) >= 2


# The labels a record gives its chair by ("PRESIDING:", "CHAIRMAN:"), which minutes also use as a field
# over the turns: "Presiding: Lazar Mojsov, President of the Presidency of the CC LCY."
_CHAIR_LABELS = frozenset({"presiding", "chairman", "chair", "chairing", "in the chair"})
_NAME_AND_OFFICE = re.compile(rf"^(?:{speech.TITLE_PREFIX})*(?P<name>{speech.NAME}),\s+(?P<office>[^.;:!?]+)\.?$")
# The words an office's title is made of besides its capitalised ones ("President of the Presidency of the CC").
_OFFICE_LINKS = frozenset("of the for and in on at to".split())


def _names_the_chair(name: str, rest: str) -> bool:
    """The chair's label over a full name and that person's office, nothing else: a field of the minutes,
    no words spoken. The office is capitalised words and their links, or opens with an office word
    ("member of the Presidium"); "Comrade Ivan Petrov, member of the Presidium, has the floor" is the
    chair speaking. Before, the field was the chair's first turn and the chair a person without a name."""
    if name.strip().rstrip(":").casefold() not in _CHAIR_LABELS:
        return False
    field = _NAME_AND_OFFICE.match(plain(rest).strip())
    if field is None or len(field.group("name").split()) < 2:
        return False
    words = field.group("office").split()
    return (words[0].casefold() in speech.OFFICE_WORDS or words[0][:1].isupper()) and all(
        word[:1].isupper() or word in _OFFICE_LINKS for word in words[1:])


_HAN_SPEECH = re.compile(rf"^[{people.HAN}「“].*[。！？…」”』]$", re.S)


def _han_speech(text: str) -> bool:
    """``这是好事。``: Chinese or Japanese text that ends a sentence, as a speaker's words after a Han label do."""
    return _HAN_SPEECH.match(text) is not None


# A body's abbreviation in capitals where the record uses it as a body: "the CPSU", "CC YSP", "(YSP)", "of the USSR".
_ABBREVIATION = re.compile(rf"^[{UPPER}]{{2,6}}$")


def body_abbreviation(layout: Layout, name: str) -> bool:
    """``CPSU``, ``YSP``: a party's or a state's abbreviation, which the record prints in its running text after
    an article or the Central Committee's ``CC`` or in parentheses after the full name (``the Yemeni
    Socialist Party (YSP)``), as no surname in capitals is printed. Alone with its colon over the lines
    of the talks, it heads that side's part (its participants, its speakers); before, it was a speaker
    and a person of its own."""
    bare = name.strip().rstrip(":.")
    if not _ABBREVIATION.match(bare) or speech.is_role_word(bare):
        return False
    used_as_body = re.compile(rf"(?:\b(?:the|The|CC|of)\s+{bare}\b|\({bare}\))")
    return any(bare in unit.text and used_as_body.search(unit.text) for unit in layout.units)


class RecordLabels:
    """How often the record uses each name as a label: ``Name:`` and alone on a line."""

    def __init__(self, units: list[Unit]) -> None:
        self.colon: Counter[str] = Counter()
        self.alone: Counter[str] = Counter()
        self.letters: Counter[str] = Counter()  # "Q." / "A." opening a unit
        self.capitals: Counter[str] = Counter()  # "MOLOTOV. What does …" opening a unit
        self.surnames: Counter[str] = Counter()  # "Molotov. What does …", "Molotov (interrupting). …" opening a unit
        self.full_stop_dashes = 0  # units opening "Beck. - …", "I. - …"
        self.offices: Counter[str] = Counter()  # "THE PRESIDENT. Not yet." opening a unit
        self.initialled_capitals: Counter[str] = Counter()  # "N. S. KHRUSHCHEV. Mr. President …" opening a unit
        self.initials: Counter[str] = Counter()  # "K: Good." opening a unit
        self.aliases: dict[str, str] = {}  # "N.S." -> "Nikita Sergeyevich Khrushchev", as the record declares
        self.dashes: list[str] = []  # the names opening "Khrushchev - The matter …" (working notes' labels)
        self.dash_speeches = 0  # of those, the units whose name is a surname and whose speech ends its sentence
        self.parenthesised: Counter[str] = Counter()  # "(Brezhnev) On behalf of …" opening a unit
        for unit in units:
            if may_be_dash_label(unit.text) and (dashed := DASH_LABEL.match(unit.text)):
                self.dashes.append(dashed.group("label"))
                self.dash_speeches += _dash_speech(dashed)
            if unit.text[:1] == "(" and (enclosed := _PARENTHESISED_LABEL.match(unit.text)) \
                    and _parenthesised_speaker(enclosed.group("label")):
                self.parenthesised[enclosed.group("label")] += 1
            # (each count updated only with what the unit has: most units have none, and an update with an
            # empty generator cost more than the test)
            if declared := aliases.declared(unit.text):
                self.aliases.update((alias, name) for name, alias in declared)
            if initialled := _initialled_capitals_match(unit.text):
                self.initialled_capitals[_key(re.sub(r"\s+", " ", initialled.group("label")))] += 1
            letter = FULL_STOP_LABEL.match(unit.text)
            if letter and len(letter.group("label")) == 1:
                self.letters[letter.group("label")] += 1
            elif letter and _capitals_name(letter.group("label")):
                self.capitals[_key(letter.group("label"))] += 1
            elif letter and _capitals_office(letter.group("label")):
                self.offices[_key(letter.group("label"))] += 1
            if (surname := letter or _staged_match(unit.text)) and _mixed_case_name(surname.group("label")):
                self.surnames[_key(surname.group("label"))] += 1
            self.full_stop_dashes += _FULL_STOP_DASH.match(unit.text) is not None
            label = speech.match_label(unit.text)
            if label:
                self.colon[_key(speech.label_parts(label[1])[0])] += 1
            elif ":" in unit.text and (initial := INITIAL_LABEL.match(unit.text)):
                self.initials[initial.group("label")] += 1
            if inline := speech.inline_label_starts(unit.text):
                self.colon.update(_key(name) for _, name in inline)
            if alone := [name for name in map(speech.bare_label, unit.lines) if name]:
                self.alone.update(map(_key, alone))


_RECORD_LABELS: weakref.WeakKeyDictionary[Layout, RecordLabels] = weakref.WeakKeyDictionary()


def record_labels(layout: Layout) -> RecordLabels:
    """The record's label uses, counted once per layout over the units as they came."""
    if layout not in _RECORD_LABELS:
        _RECORD_LABELS[layout] = RecordLabels(layout.units)
    return _RECORD_LABELS[layout]


def _key(name: str) -> str:
    return name.rstrip(".:").casefold()


def alone_label(layout: Layout, line: str, following: str | None) -> str | None:
    """The speaker's name when ``line`` is a label alone on its line, speech on the next line.

    A role word (``INTERVIEWER``, ``QUESTION``), a name the record prints alone on a line more
    than once, or someone who spoke already under a label of that form; never a classification
    or other opening field.
    """
    name = speech.bare_label(line)
    if name is None or opening.field_kind(line) is not None:
        return None
    if not following or not _speech_like(layout, following):
        return None  # a label needs speech under it
    return name if _used_as_label(layout, name) else None


def _speech_like(layout: Layout, line: str) -> bool:
    """A line that may be a turn's speech: not a page break, another label, a heading, an
    opening field or a source reference (a signature repeated over two documents is no label)."""
    return not (line == FORM_FEED or _used_as_label(layout, speech.bare_label(line))
                or caps_heading.matches(line) or opening.field_kind(line) is not None
                or source_note.matches(line) or _ROMAN.fullmatch(line.strip().rstrip(".")) is not None
                or closing_matter.after_signature(line))
    # (the last: "II" under a telegram's signature "Raskolnikov" numbers the next document of a chain;
    # the signature, printed alone under each telegram, had become the label of a turn "II")


def _used_as_label(layout: Layout, name: str | None) -> bool:
    if name is None:
        return False
    known = layout.persons.registry.resolve(name)
    labels = record_labels(layout)
    # A speaker's name alone on a line is a label only in a form the record prints as a label
    # ("GROMYKO:" before "GROMYKO"): "A. Gromyko" over "Sent: …" is a signature.
    return speech.is_role_word(name) or labels.alone[_key(name)] >= 2 or (
        known is not None and known in layout.speakers and labels.colon[_key(name)] >= 1)


def full_stop_label(layout: Layout, text: str) -> Label | None:
    """``Q. Where …`` / ``Kelly. Yes …``: a role label, or the name of someone who spoke already."""
    if (initialled := _initialled_capitals_label(layout, text)) is not None:
        return initialled
    match = FULL_STOP_LABEL.match(text)
    if not match and "[" in text[:40] and (bracketed := _bracketed_capitals_label(layout, text)) is not None:
        return bracketed
    if not match:
        return _staged_surname_label(layout, text) if "(" in text[:80] else None
    name = match.group("label")
    if len(name) == 1 and (_is_initial(layout, name, match.group("rest")) or not _interview(layout)):
        return None  # "A. Gromyko": an initial of a name, not the answer label
    if name.lower() in people.TITLES:
        return None  # "Mr. Vyshinsky replied …": a title before a name, not a label
    if name.casefold() in _NUMBER_SIGNS:
        return None  # "No. 2381" under a telegram's signature: its number, no speaker "No"
    known = name.lower() in people.ROLE_LABELS or (
        (person := layout.persons.registry.resolve(name)) is not None and person in layout.speakers)
    labels = record_labels(layout)
    # a transcript's office in capitals, used twice or more ("THE PRESIDENT. Not yet."), and then its
    # titled names in capitals ("MR. HAGERTY. Thank you …")
    transcript = labels.offices[_key(name)] >= 2 if _capitals_office(name) else (
        bool(re.fullmatch(_TITLED_CAPITALS, name)) and max(labels.offices.values(), default=0) >= 2)
    note = match.group("note") or ""
    return (match.group("lead"), name + note + ".", match.group("rest")) \
        if known or transcript or _stenogram_label(layout, name) or _surname_label(layout, name) \
        or _stop_for_colon(layout, name) else None


# A Soviet stenogram's label with the speaker's initials, all in capitals, and a full stop: "N. S. KHRUSHCHEV.
# Mr. President, …", "U. K. KEKKONEN. Thank you …". The initials end in full stops too, so FULL_STOP_LABEL
# reads only the first letter ("N."), which is an initial, no label.
# A Russian two-letter initial in capitals counts as one ("R. YA. MALINOVSKY. A month is …"): before, the label
# was no label and the turn a paragraph of nobody's.
INITIALLED_CAPITALS_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>(?:{people.INITIAL}\s?){{1,3}}"
                                       rf"[{UPPER}][{UPPER}'’-]+(?: [{UPPER}][{UPPER}'’-]+)?)"
                                       rf"(?P<note>{NOTE_MARKER.pattern})?\.\s+(?P<rest>\S.*)$", re.S)


def _initialled_capitals_match(text: str) -> re.Match[str] | None:
    if "." not in text.lstrip("\u25a1 ")[1:5]:
        return None  # most units open with no initial ("R.", "YA.", "DZH."): skip the pattern
    match = INITIALLED_CAPITALS_LABEL.match(text)
    return match if match is not None and speech.is_capitals(match.group("label")) else None


def _initialled_capitals_label(layout: Layout, text: str) -> Label | None:
    """``N. S. KHRUSHCHEV. Mr. President …``: a turn in a record that opens at least three units with
    initials and a surname in capitals and a full stop, one of them at least twice, with two names or
    more (a dialogue; one author's ``V. I. LENIN. Works …`` three times is a list). Before, no such
    unit was a turn: the first initial alone was read as the label and refused."""
    match = _initialled_capitals_match(text)
    if match is None:
        return None
    uses = record_labels(layout).initialled_capitals
    if sum(uses.values()) < 3 or max(uses.values()) < 2 or len(uses) < 2:
        return None
    return match.group("lead"), match.group("label") + (match.group("note") or "") + ".", match.group("rest")


# A stenogram's surname in capitals with the editor's bracket before its full stop: "TEIMOURTASH [sic - spelling
# varies in the original]. Generous!".
_BRACKETED_CAPITALS_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>[{UPPER}][{UPPER}'’-]+(?: [{UPPER}][{UPPER}'’-]+)?)"
                                       r"(?P<bracket>\s?\[[^\[\]\n]{1,80}\])\.\s+(?P<rest>\S.*)$", re.S)


def _bracketed_capitals_label(layout: Layout, text: str) -> Label | None:
    """``TEIMOURTASH [sic - spelling varies in the original]. Generous!`` in a stenogram that labels its
    turns with surnames in capitals (three units or more, two names, one twice): the editor's bracket
    marks the label's spelling, the label is still the speaker's, however rarely the record spells him so.
    Before, the bracket hid the label and the speech ran on in the turn before."""
    match = _BRACKETED_CAPITALS_LABEL.match(text)
    capitals = record_labels(layout).capitals
    if (match is None or not _capitals_name(match.group("label")) or sum(capitals.values()) < 3
            or max(capitals.values()) < 2 or len(capitals) < 2):
        return None
    return match.group("lead"), match.group("label") + match.group("bracket") + ".", match.group("rest")


def _without_editors_bracket(label_name: str) -> str:
    """The name of ``TEIMOURTASH [sic - …].``: the label without the editor's bracket and its full stop."""
    match = _BRACKETED_CAPITALS_LABEL.match(label_name + " .") if "[" in label_name else None
    return match.group("label") if match else label_name


def _surname_label_match(text: str) -> re.Match[str] | None:
    return FULL_STOP_LABEL.match(text) or _staged_match(text)


def _staged_match(text: str) -> re.Match[str] | None:
    """_surname_label_match where FULL_STOP_LABEL found none (the label count matched it already)."""
    return STAGED_FULL_STOP_LABEL.match(text) if "(" in text[:80] else None


def _staged_surname_label(layout: Layout, text: str) -> Label | None:
    """``Molotov (interrupting). Neutrality …``: the label is the name and its full stop, the direction
    goes to the start of the speech (as a colon label's does)."""
    match = STAGED_FULL_STOP_LABEL.match(text)
    if match is None or not _surname_label(layout, match.group("label")):
        return None
    return match.group("lead"), match.group("label") + ".", f"{match.group('stage')} {match.group('rest')}"


# The abbreviations of "number" a record prints before a figure ("No. 2381", "Nr. 12", "Nos. 4-6"): never a
# name, so never a label's; before, a cable's number under its signature was a turn of a person "No".
_NUMBER_SIGNS = frozenset({"no", "nos", "nr", "nrs", "nº"})


def _mixed_case_name(name: str) -> bool:
    """A surname as printed in a sentence (``Molotov``, ``Selter``): a name, not a title, a body, a place
    word or a Roman numeral."""
    return (not speech.is_capitals(name) and len(name) >= 2 and not _ROMAN.fullmatch(name)
            and name.lower() not in people.TITLES and people.parse_name(name) is not None
            and not any(word.lower() in people.ORGANISATION_WORDS or word.lower() in speech.NOT_PEOPLE
                        or word.lower() in people.ROLE_LABELS for word in name.split()))


def _surname_label(layout: Layout, name: str) -> bool:
    """``Molotov. The Soviet government …`` / ``Beck. - We value it.``: a record of negotiations that labels
    its turns with the surname as printed and a full stop, as the Soviet editions do. Only in a record that
    opens at least three units so, with two names or more (a dialogue), one name at least twice (``Cripps.
    In order to clarify, he posed the question: …``, one name again and again, is narration), or two units with a full stop and a dash after
    the label (ENCODING.md 3 would wait until the name had spoken, losing every turn of such a record);
    only for a name the record prints elsewhere, with initials or a title, or (after a dash label) at all."""
    labels = record_labels(layout)
    if not _mixed_case_name(name) or labels.surnames[_key(name)] < 1:
        return False
    if sum(labels.surnames.values()) >= 3 and max(labels.surnames.values()) >= 2 and len(labels.surnames) >= 2 \
            and closing_matter.named_elsewhere(layout, name):
        return True
    return labels.full_stop_dashes >= 2 and _printed_in_other_unit(layout, name)


def _printed_in_other_unit(layout: Layout, name: str) -> bool:
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])")
    return sum(1 for unit in layout.units if name in unit.text and pattern.search(plain(unit.text))) >= 2


def _capitals_office(label: str) -> bool:
    return speech.is_capitals(label) and people.office_of_label(label) is not None


# "K: Good. What do they say?": a telephone transcript labels its speakers by initial; a Soviet record,
# once it has named them in full, by the initial and its full stop ("M.: Let us hope not.").
INITIAL_LABEL = re.compile(r"^(?P<lead>[\u25a1 ]*)(?P<label>[B-PR-Z])(?P<stop>\.?):\s+(?P<rest>\S.*)$", re.S)


def initial_label(layout: Layout, text: str) -> tuple[Label, str] | None:
    """The label and the speaker's name when the unit opens with an initial and a colon that the
    record uses at least twice, and exactly one person it names (in its participants, heading or
    notes) has a surname with that initial. ``Q:`` and ``A:`` are the interview's labels."""
    match = INITIAL_LABEL.match(text) if ":" in text else None  # its colon: most units hold none
    if not match or not _labels_by_initials(layout):
        return None
    name = layout.persons.registry.only_name_by_initial(match.group("label"))
    if name is None:
        return None
    if record_labels(layout).initials[match.group("label")] < 2 and not _spoke_already(layout, name):
        return None
    return (match.group("lead"), match.group("label") + match.group("stop") + ":", match.group("rest")), name


# Two to four initials as a speaker's label, with stops or without ("F. P.:", "A. H. K.:", "B. Ch.:", "PVL:").
INITIALS_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>(?:{people.INITIAL}\s?){{2,4}}|[{UPPER}]{{2,4}})"
                            rf"(?P<spaced>\s*):\s+(?P<rest>\S.*)$", re.S)


def initials_label(layout: Layout, text: str) -> tuple[Label, str] | None:
    """The label and the speaker's name when the unit opens with initials and a colon that are those of
    exactly one person who has spoken already under their name (``Frigyes Puja:``, later ``F. P.:``; an oral
    history's ``Phan Van Loc:``, later ``PVL:``). Before, ``F. P.:`` was no label and the speech ran on in the
    turn before, someone else's; ``PVL:`` was a person of its own."""
    match = INITIALS_LABEL.match(text) if ":" in text else None
    if match is None:
        return None
    label = match.group("label")
    initials = re.findall(r"[^.\s]+", label) if "." in label else list(label)  # "B. Ch." two; "PVL" three
    name = layout.persons.registry.only_speaker_by_initials(initials, layout.speakers)
    if name is None:
        return None
    return (match.group("lead"), match.group("label").rstrip() + match.group("spaced") + ":", match.group("rest")), name


def _labels_by_initials(layout: Layout) -> bool:
    """Whether the record labels turns by initials: two units open so, with one letter or two."""
    return sum(record_labels(layout).initials.values()) >= 2


def _spoke_already(layout: Layout, name: str) -> bool:
    """A person who spoke under a label of their name: once their record labels by initials, one
    ``G.:`` is theirs too ("GAVRILOVICH: …" and later "G.: It is a good date.")."""
    known = layout.persons.registry.resolve(name)
    return known is not None and known in layout.speakers


def _initial_label_of_several(layout: Layout, text: str) -> bool:
    """``S.:`` where the record labels by initials but more than one person has the initial (Simic,
    Savic, Sobolev): another speaker's turn, so the turn before ends there; no speaker is guessed."""
    match = INITIAL_LABEL.match(text) if ":" in text else None
    return match is not None and _labels_by_initials(layout)


# A title alone as the label ("Comandante en Jefe: We are not going to leave you …"), as Cuban transcripts
# label Castro after printing his whole name once: the title of a speaker, no form of address ("Comrade:").
_SPEAKERS_TITLES = speech.longest_first_alternation(t for t in people.TITLES if t not in people.FORMS_OF_ADDRESS)
_TITLE_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>(?i:{_SPEAKERS_TITLES})):\s+(?P<rest>\S.*)$", re.S)


def title_label(layout: Layout, text: str) -> tuple[Label, str] | None:
    """The label and the speaker when the unit opens with a title alone and a colon, and exactly one
    person who already speaks in the record was printed with that title. Before, "Comandante en Jefe:"
    was no label and Castro's turns ran on in Neto's."""
    match = _TITLE_LABEL.match(text) if ":" in text else None
    if match is None or not match.group("label")[:1].isupper():
        return None
    who = layout.persons.registry.resolve(match.group("label"))
    if who is None or who not in layout.speakers:
        return None
    return (match.group("lead"), match.group("label") + ":", match.group("rest")), match.group("label")


def honorific_label(layout: Layout, text: str) -> tuple[Label, str] | None:
    """The label and the speaker when honorifics stand before a titled name the record labels turns with
    (``The Great Leader Comrade Kim Il Sung:`` beside ``Comrade Kim Il Sung:``), or that spoke already: the
    long label of a known speaker, never a sentence that ends in a colon before a name."""
    found = speech.honorific_label(text) if ":" in text else None
    if found is None:
        return None
    lead, printed, rest, name = found
    who = layout.persons.registry.resolve(name)
    if not record_labels(layout).colon[_key(name)] and (who is None or who not in layout.speakers):
        return None
    return (lead, printed, rest), name


# Working notes of a meeting label each speaker with a dash: "Khrushchev - The matter is becoming …". A
# record of talks may give a turn in reported form after the dash ("Ribbentrop — asked whether …",
# "Molotov — noted that …"): a reporting verb or another past tense in lower case. Before, such a turn
# was no turn, and ran on in the speaker's before it (a wrong speaker).
_REPORTED_AFTER_DASH = rf"(?:{speech.longest_first_alternation(speech.VERB_FORMS)}|[a-z]+ed)\b"
# The speaker's manner may stand between the name and the dash: "Khrushchev (concluding) — Adopt the …".
DASH_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>{speech.NAME})(?:\s*(?P<stage>\([^()]{{1,40}}\)))?"
                        rf"\s+[-–—]\s+(?P<rest>(?:[{UPPER}\"“(]|{_REPORTED_AFTER_DASH}).*)$", re.S)


def may_be_dash_label(text: str) -> bool:
    """Whether text holds a dash, as every dash label does: the label's anchored match tries the
    name's titles, initials and words before it finds none (most units hold none but a hyphen)."""
    return "-" in text or "\u2013" in text or "\u2014" in text


def dash_label(layout: Layout, text: str) -> tuple[Label, str] | None:
    """The label (its dash kept) and the speaker's name when the unit opens with a person the record
    knows and a dash, in a record that labels at least two units so with persons it knows."""
    dashes = record_labels(layout).dashes
    match = DASH_LABEL.match(text) if len(dashes) >= 2 and may_be_dash_label(text) else None
    resolve = layout.persons.registry.resolve
    if match is None:
        return None
    known = resolve(match.group("label")) is not None and sum(resolve(name) is not None for name in dashes) >= 2
    if not known and not _dash_labelled_notes(layout, match):
        return None
    if match.group("stage"):  # "Khrushchev (concluding) — …": the label is the name and its dash, the
        # manner opens the speech (as a colon label's does)
        dash = text[match.end("stage"):match.start("rest")].strip()
        return (match.group("lead"), f"{match.group('label')} {dash}",
                f"{match.group('stage')} {match.group('rest')}"), match.group("label")
    printed = text[len(match.group("lead")):match.start("rest")].rstrip()
    return (match.group("lead"), printed, match.group("rest")), match.group("label")


_DASH_NOTES_MIN = 3  # units so labelled before a record's unknown names are its speakers


def _dash_labelled_notes(layout: Layout, match: re.Match[str]) -> bool:
    """Working notes that label their speakers with a dash and name no one before (no list of those
    present): at least three units open with a surname as printed in a sentence, a dash and speech
    that ends its sentence, this unit among them. A list by country (``Poland - Bierut, Gomułka``),
    a telegram's address (``LONDON – MAISKY``) or a list's role (``Interpreter – comrade …``) is none.
    Before, such notes had no turns when no list named the speakers."""
    return _dash_speech(match) and record_labels(layout).dash_speeches >= _DASH_NOTES_MIN


def _dash_speech(match: re.Match[str]) -> bool:
    name = match.group("label")
    return (_mixed_case_name(name) and name.casefold() not in speech.ROLE_WORDS
            and plain(match.group("rest")).rstrip().rstrip("])>").endswith(_SPEECH_END))


# A record of talks may label each turn with the speaker in parentheses at the start of the paragraph, as
# Japanese records do: "(Brezhnev) On behalf of …", "(Prime Minister) Thank you.", "(Brezhnev) (smiling) The …".
_PARENTHESISED_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)\((?P<label>[{UPPER}][\w'’.-]*(?: [{UPPER}][\w'’.-]*){{0,3}})\)"
                                  rf"\s+(?P<rest>[{UPPER}\"“(].*)$", re.S)
_PARENTHESISED_LABELS_MIN = 3  # units so labelled, under two labels at least, before any is a label


def parenthesised_label(layout: Layout, text: str) -> tuple[Label, str] | None:
    """The label as printed and the speaker's name when the unit opens with a name or an office in
    parentheses, in a record that labels its turns so throughout (three units at least, two speakers
    at least, one of them twice); a monitoring service's ``(Text)`` / ``(Summary)`` / ``(Excerpts)``, a
    direction (``(Laughter) The …``) or a classification (``(Top Secret)``) is none, nor a one-off
    parenthesis. Before, no turn was read and the labels stayed in paragraphs."""
    match = _PARENTHESISED_LABEL.match(text) if text[:1] in "(\u25a1 " else None
    if match is None or not _parenthesised_speaker(match.group("label")):
        return None
    labels = record_labels(layout).parenthesised
    if sum(labels.values()) < _PARENTHESISED_LABELS_MIN or len(labels) < 2 or max(labels.values()) < 2:
        return None
    return (match.group("lead"), f"({match.group('label')})", match.group("rest")), match.group("label")


def _parenthesised_speaker(label: str) -> bool:
    """A name or an office in a parenthesised label's place, no direction or classification."""
    if is_direction_wording(label) or any(  # NOT_SPEAKERS: "(Top Secret)", "(Confidential)", "(End)", "(Text)"
            word.casefold() in speech.NOT_SPEAKERS or word.casefold() in _MONITORS_WORDS for word in label.split()):
        return False
    return people.parse_name(label) is not None or any(word.casefold() in speech.OFFICE_WORDS for word in label.split())


# A monitoring service's words in parentheses before an item's text ("(Excerpts) …", "(Text) …"): how much
# of the broadcast follows, no speaker; and the editor's "(Omitted. …)", a classification "(Unclassified)".
_MONITORS_WORDS = frozenset("excerpts excerpt passage passages recording editorial commentary report omitted "
                            "unclassified".split())


# A translator's brackets inside the label: "Chairman [Mao Zedong]:", "[Petar] Stambolić:", "Deng [Xiaoping]:".
_BRACKETED_LABEL = re.compile(r"^(?P<lead>[\u25a1 ]*)(?P<label>[^:\n\[\]]{0,30}\[[^\[\]:\n]{1,30}\][^:\n\[\]]{0,30}):\s+"
                              r"(?P<rest>\S.*)$", re.S)


def bracketed_label(layout: Layout, text: str) -> tuple[Label, str] | None:
    """The label as printed and the name it gives when the label holds the editor's brackets and
    is a speaker's label once they are read as its words."""
    match = _BRACKETED_LABEL.match(text) if "[" in text[:64] else None
    if match is None:
        return None
    name = re.sub(r"\s+", " ", match.group("label").replace("[", "").replace("]", "")).strip()
    unbracketed = speech.match_label(f"{name}: {match.group('rest')}")
    if unbracketed is None or not speaks(layout, name, match.group("rest")):
        return None
    return (match.group("lead"), match.group("label") + ":", match.group("rest")), name


# "N.S.: We have read your letter": a label the record declared ("Khrushchev (hereafter N.S.)").
_ALIAS_LABEL = re.compile(r"^(?P<lead>[\u25a1 ]*)(?P<label>[^:\n]{1,16}):\s+(?P<rest>\S.*)$", re.S)


def alias_label(layout: Layout, text: str) -> tuple[Label, str] | None:
    """The label and the declared name when the unit opens with an alias the record declared."""
    declared = record_labels(layout).aliases
    match = _ALIAS_LABEL.match(text) if declared else None
    if match is None or match.group("label") not in declared:
        return None
    return (match.group("lead"), match.group("label") + ":", match.group("rest")), declared[match.group("label")]


def _capitals_name(name: str) -> bool:
    """A surname in capitals that may label a stenogram's turn: no Roman numeral (``II. …``), no
    body (``USSR. …``), no title or role word."""
    return (speech.is_capitals(name) and len(name) >= 3 and not _ROMAN.fullmatch(name)
            and name.lower() not in people.TITLES and people.parse_name(name.title()) is not None
            and not any(word.lower() in people.ORGANISATION_WORDS or word.lower() in speech.NOT_PEOPLE
                        for word in name.split()))


def _stop_for_colon(layout: Layout, name: str) -> bool:
    """``HEYWOOD. The question …`` in a record that labels its turns ``VOROSHILOV:``, ``HEYWOOD:``: a
    surname in capitals that the record itself uses as a colon label, with a full stop typed for the
    colon. Before, the name had to have spoken already, and the turn ran on in the speaker's before it
    (a wrong speaker). Only a name in capitals: a mixed-case ``Kelly.`` may open a sentence."""
    return _capitals_name(name) and record_labels(layout).colon[_key(name)] >= 1


def _stenogram_label(layout: Layout, name: str) -> bool:
    """``SCHULENBURG. I have been instructed …`` / ``MOLOTOV. What does …``: a stenographic record's
    labels, a surname in capitals and a full stop. Only in a record that opens at least three units
    so, one of the names at least twice, and only for a name the record prints elsewhere with
    initials or a title (its heading names the parties): ``NOTE. …`` is no speaker."""
    capitals = record_labels(layout).capitals
    return (_capitals_name(name) and capitals[_key(name)] >= 1 and sum(capitals.values()) >= 3
            and max(capitals.values()) >= 2
            and (closing_matter.named_elsewhere(layout, name) or _labels_often(capitals, name)
                 or _printed_in_other_unit(layout, name.title())))


def _labels_often(capitals: Counter[str], name: str) -> bool:
    """The name opens three units or more of a stenogram with other names in capitals: a speaker whose
    name the record spells otherwise where it prints it in full (``TIMURTASH.`` under ``Present: …
    Teimurtash``, a transliteration of the labels' own). Before, none of their turns was read, and each
    ran on in the turn of the speaker before. A name that labels fewer turns is one when the record prints it
    in two other units as a name (``FARZIN.`` under ``… Ali Khan Farzin, deputy minister`` and ``(After
    consulting with Farzin and Ala …)``): a list's long form gives no title or initial right before it."""
    return capitals[_key(name)] >= 3 and len(capitals) >= 2


_ROMAN = re.compile(r"[IVXLC]+")


def _interview(layout: Layout) -> bool:
    """Whether the record is an interview in ``Q.``/``A.`` form: a question, and more than one
    such label. A single "A. Vyshinsky" signing a memorandum is no answer."""
    letters = record_labels(layout).letters
    return letters["Q"] >= 1 and letters["Q"] + letters["A"] >= 2


# A second initial after the letter ("A. G. Kirk", "A. A. Gromyko"): the letter is a name's first initial.
_NEXT_INITIAL = re.compile(rf"^[{UPPER}]\.\s*[{UPPER}]")


def _is_initial(layout: Layout, letter: str, rest: str) -> bool:
    if _NEXT_INITIAL.match(rest):
        return True
    word = rest.split(None, 1)[0].strip(",.;:") if rest.split() else ""
    return word[:1].isupper() and layout.persons.registry.resolve(f"{letter}. {word}") is not None


def turn(layout: Layout, i: int, label: Label, name: str | None = None, rule: str | None = None) -> int | None:
    """Take a turn whose label (and the rest of its unit) is given; ``name`` when the label
    has no colon or full stop to strip (a label alone on its line) or stands for another name;
    ``rule``: why it is a turn, when the label's shape does not say."""
    lead, printed, rest = label
    label_name, part = speech.label_parts(printed)
    label_name = _without_editors_bracket(label_name)
    who = layout.persons.speaker(name if name is not None else _office_label_speaker(layout, label_name), part)
    if who is None:
        return None
    layout.speakers.add(who)
    line = layout.units[i].line
    rule = rule or _turn_rule(layout, layout.units[i], printed, name)
    parts: list[TurnPart] = []
    stage = _LEADING_STAGE.match(rest)
    if stage:
        parts.append(Stage(stage.group("stage")))
        rest = stage.group("rest")
    if rest:
        layout.replace_unit(i, Unit(line, (rest,), rest))
        text, i = layout.paragraph_text(i)
        parts.append(Speech(text))
    else:
        i += 1
        if i < len(layout.units) and _continues(layout, i):  # the label's speech, whatever it says
            text, i = layout.paragraph_text(i)
            parts.append(Speech(text))
    speech_text = " ".join(part.text for part in parts if isinstance(part, Speech))
    questions = who == _INTERVIEWER and _answers_unlabelled(layout)
    resumed = _next_paragraph_number(layout)
    i = i if questions else _more_speech(layout, i, parts, speech_text, narration_ends=True, resumed=resumed)
    layout.add(TurnBlock(line, lead, printed, who, tuple(parts), rule,
                         _last_line(layout, i)))
    if questions and i < len(layout.units) and _continues(layout, i):
        i = _unlabelled_answer(layout, i)
    return i


def _office_label_speaker(layout: Layout, label_name: str) -> str:
    """The name a label is the speaker's: an office label (``The Ambassador``) that no one the record
    knows is printed with is the party the heading gives that office (``with the ambassador of Persia …
    Ali-Gholi Khan Ansari``). Before, the label was a person of its own, beside the ambassador named."""
    office = people.office_of_label(label_name)
    if office is None or not layout.findings.headings or layout.persons.registry.resolve(label_name) is not None:
        return speech.office_label_name(label_name)
    holder = speech.heading_office_holder(layout.findings.headings[0], office)
    return holder or speech.office_label_name(label_name)


_INTERVIEWER = "interviewer"


def _answers_unlabelled(layout: Layout) -> bool:
    """An oral history that labels its questions alone (``Q: How did it come about?``, then the answer
    unlabelled), as the Foreign Affairs Oral History transcripts do: no answer label anywhere, and no
    label but the interviewer's used twice."""
    labels = record_labels(layout)
    answers = {"a", "answer", "interviewee"}
    return not (answers & set(labels.colon) or labels.letters["A"]) and all(
        count < 2 or people.ROLE_LABELS.get(name) == _INTERVIEWER for name, count in labels.colon.items())


def _unlabelled_answer(layout: Layout, i: int) -> int:
    """The blocks after a question, to the next label: the interviewee's turn, which no label names
    (an ``sp`` without ``speaker``); in an interview the answer goes on through what it narrates."""
    who = layout.persons.speaker("A")  # the interviewee's role, as an "A:" label would give it
    if who is None:
        return i
    layout.speakers.add(who)
    line = layout.units[i].line
    text, i = layout.paragraph_text(i)
    parts: list[TurnPart] = [Speech(text)]
    i = _more_speech(layout, i, parts, text, narration_ends=False)
    layout.add(TurnBlock(line, "", "", who, tuple(parts), "unlabelled-answer", _last_line(layout, i)))
    return i


def _more_speech(layout: Layout, i: int, parts: list[TurnPart], speech_text: str, narration_ends: bool,
                 resumed: str | None = None) -> int:
    """The units after a turn's first that go on with it (into ``parts``): its further paragraphs, the
    pages and stage directions among them; up to a label, a heading, apparatus, narration (when
    ``narration_ends``), the paragraph numbered ``resumed`` or, for a quoted turn, the close of its
    quotation. Returns where the turn ends."""
    quoted = _quoted_turn(speech_text)
    while i < len(layout.units):
        if resumed is not None and (numbered := _PARAGRAPH_NUMBER.match(layout.units[i].text)):
            if numbered.group("n") == resumed:
                break
            resumed = None  # "1. …" in the speech: the speaker numbers points of their own
        if layout.units[i].text == FORM_FEED:
            page, after = _page_in_turn(layout, i)
            if page is None:
                break
            parts.append(page)
            i = after
            continue
        if _omission_in_turn(layout, i, quoted or not narration_ends):
            parts.append(OmittedInTurn(layout.units[i].text))
            i += 1
            continue
        if not _continues(layout, i) or (quoted and _quotes_balanced(speech_text)):
            break
        page_line = page_marker.PATTERN.match(layout.units[i].text)
        if page_line:
            parts.append(PageInTurn(page_line.group("n")))
            i += 1
            continue
        if page_marker.column_number(layout.units, i):  # "0134": a microfilm frame's number in the run of them
            parts.append(PageInTurn(layout.units[i].text, layout.units[i].text))
            i += 1
            continue
        page_number = (page_marker.unit_page(layout.units[i].lines, layout.units[i].text)
                       or page_marker.footer_page(layout, layout.units[i]))
        if page_number is not None:  # "-2-", "Page 2 of 3", "- 3 -" over "ANIC, …, f. 7", a foot in tab columns: a page inside the turn
            parts.append(PageInTurn(page_number, layout.units[i].text))
            i += 1
            continue
        if _WHOLE_PARENTHESIS.match(layout.units[i].text):  # "(The conversation continued over dinner.)"
            parts.append(Stage(layout.units[i].text))
            i += 1
            if _record_ends_here(layout, i - 1):
                break
            continue
        if narration_ends and not quoted and _narrates(layout, i):
            break  # "VYSHINSKY asks whether …", "Then the meeting …" are the record's narration
        text, i = layout.paragraph_text(i)
        parts.append(Speech(text))
        speech_text += " " + text
    return i


# A numbered paragraph of the record's narration: "4. I then raised the question …".
_PARAGRAPH_NUMBER = re.compile(r"^[\u25a1 ]*(?P<n>\d{1,2})\.\s+\S")


def _next_paragraph_number(layout: Layout) -> str | None:
    """The number after the record's last numbered paragraph before this turn (``4`` after ``3. Comrade
    Litvinov objected …``), passing over the turns and paragraphs of the exchange since: a record of
    conversation that numbers its paragraphs and quotes an exchange between two of them resumes its
    narration there; the turn's speech does not run on into it. None when a turn before numbers points
    of its own (then the numbers are speech)."""
    for block in reversed(layout.div.blocks[-4:]):
        if isinstance(block, TurnBlock):
            if any(isinstance(part, Speech) and _PARAGRAPH_NUMBER.match(part.text) for part in block.parts):
                return None
            continue
        if isinstance(block, ParagraphBlock) and block.number is not None and block.number.isdigit():
            return str(int(block.number) + 1)
    return None


_THE_MEETING = re.compile(r"^\((?:The|This) (?:conversation|talks?|meeting|session|discussion|interview|reception)\b", re.I)


def _record_ends_here(layout: Layout, i: int) -> bool:
    """``(The conversation ended at 5:45 p.m.)`` in the last turn: the meeting is over, and what follows
    (``Checked by Huang Zhen. Printed and distributed: …``) is no one's speech; before, the turn ran on
    over it. The parenthesis stays the turn's last stage direction; with turns after it, it ends nothing."""
    return bool(_THE_MEETING.match(plain(layout.units[i].text))) and not any(
        speech.match_label(later.text) for later in layout.units[i + 1:])


def _omission_in_turn(layout: Layout, i: int, narration_goes_on: bool) -> bool:
    """``[...]`` alone between two paragraphs of a turn: the source left out part of the speech, and the
    unlabelled paragraph after it is still the speaker's (an excerpted Politburo transcript's
    ``GROMYKO. …`` / ``[...]`` / ``In my view …``). Before, the mark ended the turn and the rest of the
    speech became narration. Narration after the mark, a label or a heading still ends the turn."""
    if not omission.PATTERN.match(layout.units[i].text):
        return False
    following = _past_page_markers(layout, i + 1)
    if following >= len(layout.units):
        return False
    return _continues(layout, following) and (narration_goes_on or not _narrates(layout, following))


def _past_page_markers(layout: Layout, i: int) -> int:
    """The first unit from ``i`` on that is no page marker (``[Page 17]``): what follows an omission across
    a page decides whether the omission is in the turn. Before, ``[...]`` / ``[Page 17]`` / ``Ceaușescu: …``
    kept the mark and the page in the turn before, as though the speaker's words were left out, not the
    turns between."""
    while i < len(layout.units) and page_marker.PATTERN.match(layout.units[i].text):
        i += 1
    return i


def _turn_rule(layout: Layout, unit: Unit, printed: str, name: str | None) -> str:
    """Why this is a turn, for the decision trace: only a label with its colon at a block start is sure."""
    if name is not None:
        return "label-alone"
    if (unit.line, unit.text) in layout.split_labels:
        return "mid-paragraph-label"
    return "full-stop-label" if printed.endswith(".") else "speech-turn"


def _last_line(layout: Layout, end: int) -> int:
    """The last source line of the units before ``end``."""
    unit = layout.units[end - 1]
    return unit.line + len(unit.lines) - 1


# The cable's writer naming himself by his office, as Korean and Japanese cables do ("This Chief Delegate's
# impression: Shiina is positive …", "This Embassy believes …"): the writer's comment after the exchange he
# reports, no speaker's words; before, it ran on in the last turn.
_WRITER_BY_OFFICE = re.compile(r"^(?:This|The undersigned) (?:Chief Delegate|Delegate|Ambassador|Consul(?: General)?|"
                               r"Charg[ée] d['’]Affaires|Envoy|Representative|Embassy|Legation|Consulate|Delegation|"
                               r"Mission)\b")


def _narrates(layout: Layout, i: int) -> bool:
    text = plain(layout.units[i].text)
    if _WRITER_BY_OFFICE.match(text):
        return True
    return speech.opens_with_reporting_clause(text) or speech.opens_with_narration(
        text, lambda name: layout.persons.registry.resolve(name) is not None)


def _page_in_turn(layout: Layout, i: int) -> tuple[PageInTurn | None, int]:
    """A form feed (and its page number line) inside a turn: the turn goes on after it when
    the unit after the page continues it."""
    after = i + 1
    printed = None
    if after < len(layout.units) and page_break.PAGE_NUMBER_LINE.match(layout.units[after].text):
        printed = layout.units[after].text
        after += 1
    following = after
    while following < len(layout.units) and page_marker.PATTERN.match(layout.units[following].text):
        following += 1  # "[Page 4]" under the form feed: the speech after it decides
    if following >= len(layout.units) or not _continues(layout, following) or _narrates(layout, following):
        return None, i
    number = re.sub(r"\D", "", printed) if printed else None
    return PageInTurn(number, printed, form_feed=True), after


def _continues(layout: Layout, i: int) -> bool:
    """A unit that can continue a turn: no label, heading, apparatus or break."""
    unit = layout.units[i]
    text = unit.text
    following = unit.lines[1] if len(unit.lines) > 1 else (
        layout.units[i + 1].lines[0] if i + 1 < len(layout.units) else None)
    return not (text == FORM_FEED or omission.PATTERN.match(text) or speech.match_label(text) or speech.field_label(text)
                or full_stop_label(layout, text) or initial_label(layout, text) or initials_label(layout, text)
                or alias_label(layout, text)
                or _initial_label_of_several(layout, text)
                or title_label(layout, text) or honorific_label(layout, text)
                or page_marker.repeated_head_and_number(layout.units, i) is not None
                or dash_label(layout, text) or bracketed_label(layout, text) or parenthesised_label(layout, text)
                or alone_label(layout, unit.lines[0], following)
                or caps_heading.matches(text) or (":" in text and participants.PATTERN.match(text))
                or section_heading.matches(layout, i) is not None or diary_entry.opens_entry(layout, i)
                or closing.PATTERN.match(text) or source_note.matches(text)
                or closing_matter.ends_document(layout, i) or _signature_block(layout, i)
                or _editors_aside(text) or _another_dash_turn(layout, text) or _END_MARK.match(text)
                or _NEXT_MEETING.match(text) or _ends_the_recording(text))


# A tape's or a transcript's end alone on its line ("[End of recording]", "[End of tape 2]", "[END OF
# TRANSCRIPT]") and a rule line ("---", "___") after the turns: the talk is over; what follows (the
# translator's notes, the archive's remarks) is no one's speech. Before, both and the notes under them ran on
# in the last speaker's turn (a wrong speaker for the translator's words). A break ("[Break in recording]")
# ends nothing: the talk goes on after it.
_RECORDING_END = re.compile(r"^[\[(]\s*end of (?:the )?(?:recording|tape|transcript|transcription|cassette|reel|audio"
                            r"(?: recording)?)\b[^\[\]()]{0,20}[\])]\.?$|^end of (?:the )?(?:recording|tape|"
                            r"transcript|transcription)\.?$", re.I)
_TURNS_RULE = re.compile(r"^(?:-{3,}|_{3,})$")


def _ends_the_recording(text: str) -> bool:
    text = plain(text).strip()
    return _TURNS_RULE.match(text) is not None or _RECORDING_END.match(text) is not None


# Minutes' field of the next sitting after the last turn ("Next meeting: August 12, at 5 pm."): the record's
# apparatus, no speech; before, it ran on in the last speaker's turn (its two words are no label's name).
_NEXT_MEETING = re.compile(r"^(?:Date of (?:the )?)?(?:Next|Following) (?:meeting|session|sitting)\s*:", re.I)


# A telegram's end mark alone on its line ("(END)", "END", "ENDS"): the cable is over; what follows (a
# handwritten minute, the next cable) is no one's speech. Before, "(END)" was a stage direction in the last turn.
_END_MARK = re.compile(r"^\(?(?:END|ENDS|End)\)?\.?$")


def _signature_block(layout: Layout, i: int) -> bool:
    """A name alone over an office alone, in one unit or in two on consecutive lines (``Kovács Imre`` /
    ``ambassador``): the writer's signature ends the turn, whatever follows it (a handwritten note)."""
    unit = layout.units[i]
    if len(unit.lines) == 2:
        return closing_matter.name_over_office(unit.lines)
    after = layout.units[i + 1] if i + 1 < len(layout.units) else None
    return len(unit.lines) == 1 and after is not None and after.line == unit.line + 1 and len(after.lines) == 1 \
        and closing_matter.name_over_office((unit.text, after.text))


def _another_dash_turn(layout: Layout, text: str) -> bool:
    """``I. - That view was never ours.`` after ``Beck. - …``: in a record that prints its dialogue with a
    full stop and a dash after each label, such a unit is another speaker's turn even when its label
    (the diarist's ``I.``) names no one: it never goes on with the turn before."""
    return record_labels(layout).full_stop_dashes >= 2 and _FULL_STOP_DASH.match(text) is not None


# A block wholly in square brackets that tells what happened ("[The meeting was interrupted at
# 11:30.]"): the editor's, not the speaker's; the words stay as printed. A bare direction
# ("[Laughter]") and a labelled note ("[Translator's note: …]") stay in the turn.
_ASIDE = re.compile(r"^\[(?P<inner>[A-Z][^\[\]]*)\]$")
_NOTE_LABEL = re.compile(r"^[A-Z][\w'’ .-]{0,30}:\s")  # "Translator's note: …", "Note: …"


def _editors_aside(text: str) -> bool:
    aside = _ASIDE.match(plain(text).strip())
    return aside is not None and len(aside.group("inner").split()) > 3 and not _NOTE_LABEL.match(aside.group("inner"))


def _quoted_turn(text: str) -> bool:
    """A turn printed as a quotation (``Kelly: "I am very glad …"``), which ends where its quotation
    closes: its speech opens with a quotation mark that closes only at its end, or not in this
    paragraph. ``Mao: "Original" is a polite word. …`` opens with a quoted word: no quoted turn."""
    text = plain(text).lstrip(" \u25a1")
    if not text.startswith(('"', "“")):
        return False
    close = text.find('"' if text[0] == '"' else "”", 1)
    return close < 0 or not text[close + 1:].strip(" .,;:!?)")


def _quotes_balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") <= text.count("”")


RULE = BlockRule("speech-turn", read)
