"""The one place that registers people: every ``Registry.mention`` of the body reader is here.

The layout stage reports what it found (a speaker label, an addressee line, a
signature …) and gets the person's handle back; after the layout,
``register_text_people`` adds the subjects of reporting clauses, people the
narration says were present, and titled forms of known names; then the
biographical footnotes identify the names they are anchored after. Only then
does the inliner read the registry (complete, so its ids are final).
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable, Sequence

from tei_encoder.header import people
from tei_encoder.alternation import longest_first_alternation
from tei_encoder.header import title as titles
from tei_encoder.letters import LOWER, UPPER
from tei_encoder.markers import NOTE_ANCHOR, note_anchor, plain
from tei_encoder.reader import speech
from tei_encoder.reader.inliner import PARTICLE_AND_WORD as _PARTICLE_AND_WORD, name_candidates, name_words
from tei_encoder.reader.notes import NoteBody

_NAME_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+|;\s*")  # "A, B, and C": the serial comma too
# Titles (and initials) standing right before a name: "Generalissimo Stalin", "comrade. Stalin".
# Not "the": "the U.S.A. Stalin" is no form of Stalin's name.
# Nor an initial after an initial: the "M." of "V. M. Molotov" is no Monsieur.
_TITLES_BEFORE = re.compile(rf"(?<![\w'’.-])(?<![{UPPER}]\. )(?<![{UPPER}][a-z]\. )(?:{speech.TITLE_PREFIX})+"
                            rf"(?:{people.INITIAL}\s?)*{speech.PARTICLES_BEFORE_NAME}$")  # "Foreign Minister von Brentano"
# Named participants who do not speak, as narration introduces them: "I was accompanied by Mr.
# Harrison, with Mr. Hayward as interpreter. On the Russian side Vyshinsky was in attendance".
# Each pattern after what a text must hold for it to match: a text lacking that is not scanned (the
# name patterns would otherwise be tried at every capital letter of it). For the last two, the whole
# of what follows the name: "present" alone is in "representative" and "presented".
_ATTENDANCE = (
    ("attendant", re.compile("accompanied by|in the presence of|joined by"),
     re.compile(rf"\b(?:accompanied by|in the presence of|joined by)\s+(?P<name>{speech.NAME})")),
    ("interpreter", re.compile("interpreter"),
     re.compile(rf"\bwith\s+(?P<name>{speech.NAME})\s+as\s+(?:an?\s+)?interpreter")),
    ("interpreter", re.compile(r"\s(?:interpreted|acted as interpreter)\b"),
     re.compile(rf"(?<![\w'’.])(?P<name>{speech.NAME})\s+(?:interpreted|acted as interpreter)\b")),
    ("attendant", re.compile(r"\swas\s+(?:also\s+)?(?:in attendance|present)\b"),
     re.compile(rf"(?<![\w'’.])(?P<name>{speech.NAME})\s+was\s+(?:also\s+)?(?:in attendance|present)\b")),
)
# The part a participant plays, as a participants list prints it: "(interpreter)", "(chairman)",
# "interpreter V.N. Pavlov". The roles of people.ROLES they stand for.
_PARTS_PLAYED = (
    ("interpreter", re.compile(r"\b(?:interpreters?|interpreting|interpreted\s+by|translators?|translated\s+by)\b",
                               re.I)),
    ("chairman", re.compile(r"\b(?:chairman|chairwoman|chair|presiding)\b", re.I)),
    ("secretary", re.compile(r"\bsecretary\b", re.I)),
    # "Record taken by:", "Recorded by:", "Notes taken by:" heading a list's line name its recorder too
    ("recorder", re.compile(r"\b(?:recorders?|recording|note-?takers?|stenographers?|minutes|record(?:ed|\s+(?:taken|kept|made))\s+by|"
                            r"notes\s+taken\s+by)\b", re.I)),
)
_LEADING_PART = re.compile(rf"^\s*(?P<part>interpreter|translator|secretary|chairman|recorder)\s+(?=[{UPPER}])")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
# Between the entries of a run-in list; commas inside a parenthesis stay with their entry.
_ATTENDANT_SPLIT = re.compile(r"(?:,|;|\s+and\s+)\s*(?![^()]*\))")
# A given name before a middle initial: "Henry A. Kissinger", "Ambassador Llewellyn E. Thompson". Not an
# office or a part played ("Ambassador I. Maisky", "Interpreter P. R. Volkov" are named by the initials), nor
# the place of an office ("Ambassador of the USSR in Turkey S. Vinogradov").
GIVEN_BEFORE_INITIAL = (r"(?<! in )(?<! of )(?<! at )(?<! to )(?<!for )(?<!rom )"
                        rf"(?!{speech.TITLE_PREFIX}|(?i:interpreter|translator|recorder)\b)"
                        rf"[{UPPER}][a-z][\w'’-]* (?=[{UPPER}]\.)")
# A titled name, or initials and a surname, ending an entry that begins with an office.
_NAME_AFTER_OFFICE = re.compile(rf"(?:(?:{speech.TITLE_PREFIX})+(?:{GIVEN_BEFORE_INITIAL})?"
                                rf"(?:{people.INITIAL}\s?)*[{UPPER}][\w'’-]+"
                                rf"|(?<![\w.])(?:{GIVEN_BEFORE_INITIAL})?(?:{people.INITIAL}\s?)+[{UPPER}][\w'’-]+)$")
_PRESENT_IN_TEXT = re.compile(r"(?<=[.!?] )(?:Also present|Present(?:\s+(?:on|from|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?"
                              r"\s+side)?|Those present|In attendance|Attending)\s*:\s*")
# The same list in a sentence, the verb before it: "Also present was the embassy counsellor V. A. Nikolaev.",
# "Present were Comrades Zorin and Pavlov."
_PRESENT_WAS = re.compile(r"(?:^|(?<=[.!?] ))(?:Also present|Present also|Present) (?:was|were) (?:also )?")
_LIST_END = re.compile(r"(?:(?<=[a-z]{3})|(?<=\)))\.(?=\s|$)")  # not the full stop of an initial
# One capitalised word or abbreviation in a distribution list: an office symbol ("EUR", "S/S", "FE").
_OFFICE_SYMBOL = re.compile(r"^[A-Z][A-Z/&.-]{0,7}$")
# A name under a form of address ("comrade Molotov", "Mr. Eden", "Sir Stafford Cripps"): a person the
# record mentions, whatever else it does. Offices ("Mr. President", "Comrade Chairman") are titles to
# the registry and name nobody.
# The forms of address are written first letter, then the test that no word character, apostrophe, full
# stop or hyphen stands before it, then the rest (in the order of "(?i:comrade|cde|compañero|comandante|tov)",
# "Mr|Mrs|Ms|Miss|Mister|Sir|Señor|Herr|Frau|Monsieur|Madame|Mme|Dr|Lord|Lady"): a pattern whose every
# branch opens with a letter is scanned for those letters, not tried at every position of the text.
# The Arabic article before a name's last word ("President Anwar al-Sadat"): before, the name ended at it and
# "Mohammad Anwar" was a person of his own.
_ARTICLE = rf"(?:{people.ARABIC_ARTICLES})?"
# An initial: one capital, or a Russian letter of two ("Yu."); not a form of address shaped as one ("Secretary
# Mr. Murphy" is no name of a Secretary).
_INITIAL_NOT_TITLE = rf"(?:[{UPPER}]|Y[aueo]|YA|YU|YE|YO|Zh|Kh|Ts|Ch|Sh|Dzh)\."  # not "Il." ending "Comrade Nam Il."
_ADDRESS_FORMS = (("C", "(?i:omrade|de|ompa[ñn]er[oa]|omandante)"), ("c", "(?i:omrade|de|ompa[ñn]er[oa]|omandante)"),
                  ("T", "(?i:ov)"), ("t", "(?i:ov)"), ("t", r"\."),  # "t. Molotov" (never "T.": an initial)
                  ("M", "(?:r|rs|s|iss|ister|onsieur|adame|me)"), ("S", "(?:ir|e[ñn]ora?)"), ("H", "err"), ("F", "rau"),
                  ("D", "r"), ("L", "(?:ord|ady)"), ("G", "enoss(?:e|in|en)"))  # German: "des Genossen Honecker"
_ADDRESSED = re.compile("(?:" + "|".join(rf"{first}(?<![\w'’.-]{first}){rest}" for first, rest in _ADDRESS_FORMS)
                        + rf")\.?\s+(?:{people.INITIAL}\s?)*{speech.PARTICLES_BEFORE_NAME}[{UPPER}][\w’'-]*[a-z\w]"
                        # a middle initial ("Mr. Charles E. Bohlen" is one name), or the initials after a surname,
                        # Russian ones of two letters too ("Comrade Andropov Yu. V.", which made a person "Yu")
                        rf"(?: {_INITIAL_NOT_TITLE})*"
                        r"(?: (?!(?:His|Her|Its|Our|Their|The|This|That|These|Those|He|She|It|We|They|In|On|At|And|"
                        # a lower-case letter of any script second: "Comrade Sándor Gáspár" is one name, where
                        # [a-z] stopped at "Gá" and made "Comrade Sándor" a person of his own
                        rf"But|As|If|When|Then)\b){speech.PARTICLES_BEFORE_NAME}{_ARTICLE}[{UPPER}][{LOWER}][\w’'-]*(?!\.\s?\d)){{0,2}}"  # not "Ex. 2", a copy's number
                        rf"(?![\w’'-]|\.[{UPPER}])")  # "Mr. Maurice Couve de Murville": a particle inside the name too
# A rank or office right before a name ("Marshal Stalin", "President Roosevelt", "Chairman Mao"): a person the
# record mentions, as under a form of address; not a body ("General Assembly", "General Staff").
# What may not stand before the rank is tested after its first letter: the scan skips to those letters.
_RANKS = ("Generalissimo", "Marshal", "General", "Admiral", "Colonel", "President", "Premier", "Chairman", "Ambassador",
          "Secretary", "Minister", "Prime Minister", "Foreign Minister", "Chancellor", "Counsellor", "Counselor", "Consul",
          "Commissar", "Captain", "Commander")
_RANKED = re.compile(longest_first_alternation(
                         _RANKS, lambda first: f"(?<![\\w'’.-]{first})(?<!Field {first})(?<!Vice {first})(?<!Deputy {first})"
                                                    f"(?<!Foreign {first})(?<!Prime {first})")
                     + " "
                     rf"(?P<name>(?:{_INITIAL_NOT_TITLE} ?)*{speech.PARTICLES_BEFORE_NAME}[{UPPER}][a-z][\w’'-]*"
                     rf"(?: (?:[{UPPER}]\. )?{_ARTICLE}[{UPPER}][a-z][\w’'-]*){{0,2}})"
                     r"(?![\w’'-])")


# An honorific printed after a name ("Cevat Bey", "Mustafa Kemal Pasha", "Amanullah Khan"; people.HONORIFICS_AFTER):
# it marks the words before it as a name, as a form of address does those after it. Capitalised, as printed.
_HONORIFIC_WORD = re.compile(r"(?:Pasha|Paşa|Pacha|Pascha|Bey|Beg|Efendi|Effendi|Agha|Aga|Khan|Shah|Hanım|Hanum|Khanum|"
                             r"Begum)(?![\w'’-])")
# The capitalised words before it and a title before them ("Dr. Rıza Nur Bey", "Colonel Seyfi Bey"): two at
# most, as such names are ("Minister of Public Education Ali Fuad Pasha" is no "Education Ali Fuad").
_NAME_BEFORE_HONORIFIC = re.compile(rf"(?<![\w'’.-])(?:(?:{speech.TITLE_PREFIX})*)"
                                    rf"(?:[{UPPER}][{LOWER}][\w'’-]* ){{1,2}}$")


# An office and its link word right before a name ("Minister of Trade Cemil Bey", "Commissar for War …").
_OFFICE_OF_BEFORE = re.compile(r"\b(?i:minister|ministry|commissar|commissariat|secretary|director|head|chief)"
                               r" (?:of|for) $")


# The rest of a word an OCR box (U+25A1, a lost letter) cut: "Ceau□escu", "Sch□tz".
_REST_OF_BOXED_WORD = re.compile(r"(?:\u25a1+[\w’'-]*)+")


# The next word, capitalised, with a box in it: "Ceau□escu" after "Comrade Nicolae".
_NEXT_BOXED_WORD = re.compile(rf" [{UPPER}][\w’'-]*\u25a1[\w\u25a1’'-]*")


def _through_box(text: str, end: int) -> int:
    """Where a name ends when a box follows its last letters: the name is the whole word, box included (the
    registry finds whose name it is); before, the stub before the box was a person (``#ceau``, ``#sch``)."""
    rest = _REST_OF_BOXED_WORD.match(text, end)
    return rest.end() if rest is not None and end > 0 and text[end - 1].isalpha() else end


def _honoured_names(text: str) -> list[str]:
    """The names printed with an honorific after them, without a sentence's first function words ("Then
    Ismet Pasha"): a person mentioned, though no reporting clause or list names him. Before, "Mustafa Kemal
    Pasha" was no one's name, and its "Kemal" was tagged as the Yusuf Kemal Bey of the record."""
    names = []
    for honorific in _HONORIFIC_WORD.finditer(text):
        before = _NAME_BEFORE_HONORIFIC.search(text, max(0, honorific.start() - 80), honorific.start())
        if before is None:
            continue
        start = before.start()
        if _OFFICE_OF_BEFORE.search(text, max(0, start - 40), start) and before.group().count(" ") == 2:
            start += before.group().index(" ") + 1  # "Deputy Minister of Trade Cemil Bey": Trade is the office's
        name = speech.trim_subject(text[start:honorific.end()])
        if name is not None and not people.is_honorific_after(name.split()[0]):
            names.append(name)
    return names


# A sentence's opening topic or place before its subject: "2. On Vietnam Couve de Murville said that …", "In
# Moscow Gromyko said …" (the sentence's first word the reporting clause's subject lost already).
_TOPIC_OPENING = re.compile(r"(?:^|(?<=[.;:!?] )|(?<=^\d\. )|(?<=^\d\d\. ))(?:On|In|At|About|Regarding|Concerning) $")


def _without_topic(text: str, subject: str) -> str:
    """The subject without the topic or place a sentence opened with (``Vietnam`` of ``On Vietnam Couve de
    Murville said``): the word after the preposition is its object, when a name of two words or more follows,
    and no given name or family name printed first (``On Kim Il Sung's …`` is no topic)."""
    words = subject.split()
    if len(words) < 3 or people.is_given_name(words[0]) or people.fold(words[0]) in people.SURNAME_FIRST:
        return subject
    at = text.find(subject)
    return " ".join(words[1:]) if at > 0 and _TOPIC_OPENING.search(text, max(0, at - 14), at) else subject


# A month after a day's number ("on 6 February Sheng said"): the date's word, no given name of the subject.
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)? $")


def _without_date(text: str, subject: str) -> str:
    """The subject without the month of a date before it (``Sheng`` of ``on 6 February Sheng said``); before,
    ``February Sheng`` was a form of Sheng's name."""
    words = subject.split()
    if len(words) < 2 or words[0].casefold() not in _MONTHS:
        return subject
    at = text.find(subject)
    return " ".join(words[1:]) if at > 0 and _DAY_BEFORE.search(text, max(0, at - 6), at) else subject


def _month_with_its_day(text: str, form: str) -> bool:
    """A form of address that ends in a month its day follows (``TOLD AMBASSADOR JUNE 4 THAT …``): the date of
    the telling, no name; a telegram in capitals gives the month the capital of a name. Before, ``JUNE`` was a
    person, ``AMBASSADOR JUNE`` his form."""
    words = form.split()
    return (len(words) >= 2 and words[-1].casefold() in _MONTHS
            and re.search(re.escape(form) + r"\s+\d{1,2}\b", text) is not None)


def _ranked_name(name: str) -> bool:
    return not any(people.names_a_body(word) or word.casefold() in speech.NOT_PEOPLE
                   or word.casefold() in people.TITLES or word.casefold() in _OFFICE_QUALIFIERS for word in name.split())


# Words an office is printed with after its rank, capitalised as the rank is: "Ambassador Extraordinary and
# Plenipotentiary", "Minister Plenipotentiary", "President Emeritus", "Ambassador-Designate". Before, the rank
# made "Extraordinary" a person's name.
_OFFICE_QUALIFIERS = frozenset("extraordinary plenipotentiary emeritus designate elect".split())


# A plural form of address heads a list of names, each a person: "(Comrades Khrushchev, Gromyko)",
# "Comrades L. I. Brezhnev, E. A. Furtseva and D. T. Shepilov", "Messrs. Bevin (chair) and Attlee".
# A listed name's words: its given names too ("Comrades Jenő Fock, Lajos Fehér"), where the first word alone
# was taken for a name (a person's variant "Jenő") and the list ended there.
_LISTED_WORD = rf"[{UPPER}][\w’'-]*[^\W\d_{UPPER}]"
# Particles before its last word too: "Comrades Lúcio Lara and José Eduardo dos Santos" (no person "José Eduardo"),
# "Juan Pablo de la Torre".
_LISTED_PARTICLE = "(?:" + "|".join(sorted(people.PARTICLES, key=lambda p: (-len(p), p))) + ") "
_LISTED_NAME = rf"(?:{people.INITIAL}\s?)*{_LISTED_WORD}(?: (?:{_LISTED_PARTICLE}){{0,2}}{_LISTED_WORD}){{0,2}}"
_PLURAL_ADDRESSED = re.compile(rf"(?<![\w'’.-])(?i:comrades|cdes\.?|messrs\.?|товарищи|тт\.|tt\.)\s+{_LISTED_NAME}"
                               rf"(?:(?:\s*\([^()]{{1,40}}\))?(?:,\s*|,?\s+and\s+){_LISTED_NAME})*")
_LISTED = re.compile(_LISTED_NAME)
# What a text holding a plural form of address holds ("tt." with its stop: "tt" is in "matter")
_PLURAL_HEADS = (people.PLURAL_TITLES - {"tt"}) | {"tt."}
_ROLE_IN_LIST = re.compile(r"\([^()]*\)|^\S+")  # a part played, and the plural title itself
_POSSESSIVE = re.compile(r"[’']s$")
_WORD = re.compile(r"[^\W\d_]+")
# A capitalised word right before a name's word, and an article before it ("the Dean Acheson …" is none).
_GIVEN_WORD_BEFORE = re.compile(rf"(?<![\w'’.-])([{UPPER}][a-z][\w'’-]*) $")
_ARTICLE_BEFORE = re.compile(r"\b(?i:the|a|an) $")
_CUT_AT_LINE_END = re.compile(r"(?<=[^\W\d_]{2})-(?=[a-z]+$)")  # one hyphen, lower case to the word's end


def _a_name_word(word: str, words: frozenset[str]) -> bool:
    """A word of a known name, or one cut at a line's end and joined with its hyphen kept (``Kessel-ring`` of
    ``Kesselring``): "Ambassador Helmut Kessel-ring" is the form printed, not "Ambassador Helmut"."""
    folded = word.casefold()
    return folded in words or _CUT_AT_LINE_END.search(word) is not None and _CUT_AT_LINE_END.sub("", folded) in words
_NEXT_NAME_WORD = re.compile(rf" ([{UPPER}][\w'’-]+)(?![\w'’-])")
_NAME_BEFORE_ANCHOR = re.compile(rf"((?:[{UPPER}][\w'’-]+ )?[{UPPER}][\w'’-]+)\s?$")


class Persons:
    """Registers the people of one record in its registry, each by the part they play."""

    def __init__(self, registry: people.Registry) -> None:
        self.registry = registry
        self.romanised = 0  # persons whom only the form of their romanised name told (``Chen Yun``)

    # -- found by the layout stage
    def speaker(self, label: str, part: str | None = None) -> str | None:
        """A speaker by their label; with the part the label gives (``interpreter``, ``Deputy
        Minister``): a role of people.ROLES tells two people of one surname apart, an office is kept."""
        if part and _THROUGH_INTERPRETER.search(part):
            part = None  # "Tanaka (through the interpreter):" says how he spoke: no part he plays, no office
        role = part_played(f"({part})")[1] if part else None
        who = self.registry.office_holder(label) or self.registry.mention(label, role=role or "speaker")
        if who is None:
            return None
        self.registry.note_role(who, "speaker")
        if part and (role is None or len(part.split()) > 1):
            self.registry.add_office(who, part)
        return who

    def sender(self, name: str) -> str | None:
        if people.names_a_body(name):
            return None  # "FROM : Amembassy MOSCOW": an embassy sends; its officer signs
        if (other_order := self._known_the_other_way_round(name)) is not None:
            return self.registry.identified(name, other_order, role="sender", group="participants")
        return self.registry.mention(name, role="sender")

    def _known_the_other_way_round(self, name: str) -> str | None:
        """``Kádár János`` signing minutes whose text names ``János Kádár``: the family name first, as
        Hungarian (and Romanian official) usage prints a signature; the same man. Before, the signer was a
        person of his own, surnamed János. Only two words, no one as printed, someone the other way round."""
        words = name.split()
        if len(words) != 2 or self.registry.resolve(name) is not None:
            return None
        swapped = f"{words[1]} {words[0]}"
        return swapped if self.registry.resolve(swapped) is not None else None

    def translator(self, name: str) -> str | None:
        return self.registry.mention(name, role="translator", group="mentioned")

    def recorder(self, name: str) -> None:
        self.registry.mention(name, role="recorder")

    def attendant(self, name: str, role: str | None = None) -> None:
        """Someone present; with the part they play when the list says it (``(interpreter)``)."""
        if self.registry.mention(name, role="attendant") and role:
            self.registry.mention(name, role=role)

    def attendants_in(self, text: str, part: str | None = None) -> None:
        """``Major Petrenko (interpreter); Captain R. Dale``, ``interpreter V.N. Pavlov``; ``part``: the
        role the list's label gives them all (``Interpreter: Zhu Ruizhen``), unless an entry says its own."""
        for chunk in _ATTENDANT_SPLIT.split(text):
            chunk, role = part_played(chunk)
            role = role or part
            for name in names_in_list(chunk) or _office_holder(chunk):
                if not any(word[:1].isupper() and word.casefold() in _OFFICE_QUALIFIERS for word in name.split()):
                    self.attendant(name, role)  # ("the new Ambassador Extraordinary": an office, no one)

    def addressees_in(self, line: str) -> None:
        addressed = _after_addressee_verb(line)
        if addressed.isupper() and people.names_a_body(addressed):
            return  # a telegram's "TO SECSTATE WASHDC", "AMEMBASSY BONN": offices, not people
        # "To Comrade Filippov [Stalin]": the editor names the person behind a cipher telegram's cover name
        # (only here: elsewhere brackets after a name may complete it, "Comrade Kim [Il Sung]")
        for identified in _IDENTIFIED.finditer(addressed):
            if people.parse_name(identified.group("printed")) is not None:
                self.registry.identified(identified.group("printed"), identified.group("identity"),
                                         role="addressee")
        addressed = _IDENTIFIED.sub(r"\g<printed>", addressed)
        for name in names_in_list(addressed) or _office_holder(addressed):
            self.registry.mention(name, role="addressee", group="mentioned")

    def recipients_in(self, names: str) -> None:
        for name in names_in_list(names):
            if _OFFICE_SYMBOL.match(name) and self.registry.resolve(name) is None:
                continue  # "cc: S/S, EUR, INR": an office's symbol, unless the record knows the person
            self.registry.mention(name, role="recipient", group="mentioned")

    # -- named by the document's heading (issue 10 §2–3)
    def heading_people(self, heading: str) -> None:
        """The parties, the sender and the addressees a heading names take part."""
        for party in titles.parties(heading):
            self.registry.mention(party, role="speaker")
        senders, addressees = titles.correspondents(heading)
        for sender in senders:
            self.sender(sender)
        for addressee in addressees:
            self.registry.mention(addressee, role="addressee", group="mentioned")

    # -- found in the text once the layout is done
    def register_text_people(self, texts: Sequence[str], prose: Sequence[str] = (),
                             turn_speech: frozenset[str] = frozenset()) -> None:
        """Reporting subjects are speakers (of a perfect, ``has said``, only mentioned; in a turn's
        ``turn_speech``, only mentioned too: "Yudin: Comrade Khrushchev asked me to convey …" quotes someone
        absent); names under a form of address in the ``prose`` (the texts but headings, whose
        title-case words would run on into the name) are mentioned; titled forms of known people are
        their variants.

        Titled forms are found from the names: each printed word of a known name, with the
        titles right before it. Rule 6 ("the Generalissimo") needs them before any text is tagged.
        """
        said_in_turns = [text in turn_speech for text in texts]
        texts = without_paragraph_letters([plain(text) for text in texts])
        prose = without_paragraph_letters(prose)
        self._attendance(texts)
        self._present_lists(texts)
        seen: set[str] = set()  # a surface registered once needs no second call: nothing would change
        for text, in_turn in zip(texts, said_in_turns):
            subjects = speech.reporting_subjects(text, people_only=True)
            embedded = speech.embedded_subjects(text) if subjects else set()
            for subject in subjects:
                subject = _without_date(text, _without_topic(text, subject))
                if subject in embedded or in_turn:  # "Orlov says that Baker thinks …": Baker is only named
                    self.registry.mention(subject, group="mentioned")
                elif subject not in seen:
                    seen.add(subject)
                    self.registry.mention(subject, role="speaker")
            for subject in speech.reporting_subjects(text, perfect=True):  # "Bevin has said …": named, not present
                self.registry.mention(subject, group="mentioned")
        self._addressed([plain(text) for text in prose], seen)
        self.registry.retry_boxed()  # "Apres□v" met before "Apresov"
        self.romanised = self._romanised(texts, seen)
        words = name_words(self.registry)
        seen.clear()
        for text in texts:
            for start, end, _ in name_candidates(text, words):
                titles = _TITLES_BEFORE.search(text, max(0, start - 60), start)
                if titles is None:
                    self._given_name_before(text, start, end, seen, words)
                    continue
                if titles.group().split()[0].lower() == "the":
                    continue
                while (following := _NEXT_NAME_WORD.match(text, end)) and _a_name_word(following.group(1), words):
                    end = following.end(1)  # "Comrade Ho Chi Minh" is the form printed, not "Comrade Ho"
                if (boxed := _NEXT_BOXED_WORD.match(text, end)) is not None:
                    end = boxed.end()  # "Comrade Nicolae Ceau□escu": the name runs on through the box
                end = _given_names_after_family_name(text, start, end)
                rest = _PARTICLE_AND_WORD.match(text, end)  # "M. Couve de Murville", not "M. Couve"
                if rest is not None and self.registry.resolve(text[start:rest.end()]) is not None:
                    end = rest.end()
                form = text[titles.start():end]
                if form not in seen:
                    seen.add(form)
                    if self.registry.resolve(form):
                        self.registry.mention(form, group="mentioned")

    def _romanised(self, texts: Sequence[str], seen: set[str]) -> int:
        """Romanised Chinese and Korean names printed bare (``You should ask Chen Yun or Li Fuchun``):
        their form tells them from other words, as a title does other names (people.romanised_names).
        Returns how many names only their form told."""
        told = 0
        for text in texts:
            found = people.romanised_names(text)
            for match, following in zip(found, [*found[1:], None]):
                name = match.group()
                if name in seen or self._called_so(match.group("family")):
                    continue
                seen.add(name)
                if following is not None and text[match.end():following.start()] == " [" and \
                        text.startswith("]", following.end()):  # "Pak Jeong-ae [Pak Chong Ae]": the editor's form
                    seen.add(following.group())
                    told += self.registry.resolve(following.group()) is None
                    self.registry.identified(name, following.group())
                else:
                    told += self.registry.resolve(name) is None
                    self.registry.mention(name, group="mentioned")
        return told

    def _called_so(self, family: str) -> bool:
        """The word is the given name someone of the record is called by, no one's family name: "Dong"
        of Pham Van Dong, so "Dong Dang" is the place, not a person of the family Dong."""
        return self.registry.called_by_given_name(family)

    def _given_name_before(self, text: str, start: int, end: int, seen: set[str], words: frozenset[str]) -> None:
        """``Arthur Schlesinger``, ``Andrei Gromyko`` of a person known by the surname alone (a label
        ``SCHLESINGER:``): a form of theirs, fuller, when the word before is a given name
        (people.is_given_name) and the whole still names them. A word of a known name is none (``Van``
        in ``Pham Van Dong``)."""
        given = _GIVEN_WORD_BEFORE.search(text, max(0, start - 30), start)
        if given is None or given.group(1).casefold() in words or not people.is_given_name(given.group(1)):
            return
        rest = _PARTICLE_AND_WORD.match(text, end)  # "Maurice Couve de Murville": the rest of a compound surname
        if rest is not None and self.registry.resolve(text[start:rest.end()]) is not None:
            end = rest.end()
        form = text[given.start(1):end]
        article = _ARTICLE_BEFORE.search(text, max(0, given.start(1) - 6), given.start(1))
        if form in seen or article is not None:
            return
        seen.add(form)
        person = self.registry.resolve(text[start:end])
        if person is not None and self.registry.resolve(form) == person:
            self.registry.mention(form, group="mentioned")

    def _addressed(self, texts: Sequence[str], seen: set[str]) -> None:
        """Names under a form of address are mentions of people, after the stronger rules gave
        the participants their parts."""
        for text in texts:
            # a telegram in capitals is read in its shadow's case, and each form taken as printed
            read = speech.capitals_shadow(text) if speech.in_capitals(text) else text
            forms = [text[match.start():_through_box(text, match.end())] for match in _ADDRESSED.finditer(read)]
            forms += [text[match.start():_through_box(text, match.end())] for match in _RANKED.finditer(read)
                      if _ranked_name(match.group("name"))]
            lowered = text.lower()
            if any(title in lowered for title in _PLURAL_HEADS):  # most texts have none
                forms += [name.group() for listed in _PLURAL_ADDRESSED.finditer(text)
                          for name in _LISTED.finditer(_ROLE_IN_LIST.sub("", listed.group()))]
            forms += _honoured_names(text)
            forms = [form for form in forms if not _month_with_its_day(text, form)]
            if read is not text:
                forms = [_capitals_address_form(form) for form in forms]
            for form in forms:
                form = _POSSESSIVE.sub("", form)
                if form not in seen:
                    seen.add(form)
                    self.registry.mention(form, group="mentioned")

    def known_forms(self, texts: Sequence[str]) -> None:
        """Every form of the edition's names authority printed in the text is a mention of its person
        (with the initials before it: ``A. Iden``), even where no other rule would register it."""
        forms = self.registry.known_forms()
        if not forms:
            return
        pattern = re.compile(rf"(?<![\w.’'-])((?:{people.INITIAL}\s?)*(?:" + "|".join(map(re.escape, forms))
                             + r"))(?![\w’'-])")
        seen: set[str] = set()
        for text in texts:
            for match in pattern.finditer(plain(text)):
                if match.group(1) not in seen:
                    seen.add(match.group(1))
                    self.registry.mention(match.group(1), group="mentioned")

    def _attendance(self, texts: list[str]) -> None:
        for text in texts[:12]:  # the record introduces who is present near its start
            if "interpret" not in text and "attendance" not in text and "present" not in text and \
                    "accompanied" not in text and "joined by" not in text:
                continue
            for role, needed, pattern in _ATTENDANCE:
                if not needed.search(text):
                    continue
                for match in pattern.finditer(text):
                    name = speech.trim_subject(match.group("name"))
                    if name:
                        self.registry.mention(name, role=role)

    def _present_lists(self, texts: list[str]) -> None:
        """``… lasted 40 minutes. Present: Bohlen (interpreter), Novikov.``: a participants list
        after a sentence of a paragraph (one that opens a paragraph is the participants rule's); or with
        its verb, ``Also present was the embassy counsellor V. A. Nikolaev.`` (he was no person before)."""
        for text in texts:
            if not ("resent" in text or "ttend" in text):
                continue
            matches = [*_PRESENT_IN_TEXT.finditer(text)] if ":" in text else []
            if "resent w" in text:  # "Also present was the embassy counsellor V. A. Nikolaev."
                matches += _PRESENT_WAS.finditer(text)
            for match in matches:
                rest = text[match.end():]
                end = _LIST_END.search(rest)
                self.attendants_in(rest[:end.start()] if end else rest)

    def biographies(self, bodies: Iterable[NoteBody], texts: Sequence[str]) -> None:
        anchors = _first_anchors(texts)  # once for all notes: a search of every text per note was quadratic
        for body in bodies:
            self._biography(body, texts, anchors)

    def _biography(self, note: NoteBody, texts: Sequence[str], anchors: dict[str, tuple[int, int]]) -> None:
        """A biographical footnote identifies the name its anchor follows (ENCODING.md 5, rule 5)."""
        anchored = _name_before_anchor(note, texts, anchors)
        text = _NOTE_LABEL.sub("", note.text, count=1)  # "Note by the compiler: Harriman, William Averell (1891-1986) …"
        several = people.biographies_in(text)
        if several:
            self._several_biographies(several, anchored, note.ident)
            return
        bio = people.parse_biography(text) or _plain_biography_of(text, anchored)
        if bio is None:
            return
        person = None
        if anchored:  # "Clark Kerr" as a whole first, then the last word alone
            person = self.registry.resolve(anchored) or self.registry.resolve(anchored.split()[-1])
        full = bio.display or f"{bio.surname}, {bio.forenames}".strip(", ")
        person = self.registry.mention(full, role=None, group="mentioned", alias_of=person)
        if person:
            self.registry.set_biography(person, bio, note.ident)


    def _several_biographies(self, bios: list[people.Biography], anchored: str | None, note: str) -> None:
        """One note, several biographies ("Comrades Molotov and Potemkin[1]"): each is the person of its own
        surname, never the anchored name's unless the surnames agree (the anchor follows the last name only)."""
        for bio in bios:
            own = anchored is not None and people.fold(anchored.split()[-1]) == people.fold(bio.surname.split()[-1])
            person = self.registry.resolve(anchored if own and anchored else bio.surname)
            person = self.registry.mention(f"{bio.surname}, {bio.forenames}", group="mentioned", alias_of=person)
            if person:
                self.registry.set_biography(person, bio, note)


    def catalogued(self, headings: Sequence[str], texts: Sequence[str]) -> int:
        """The page's list of the people it concerns, as a library catalogue heads them (``Stalin, Joseph,
        1879-1953``): each heading is the record's one person of that name or surname, or, when no one
        has the surname yet, a person mentioned if the surname is printed in the text. Returns how many
        persons the headings dated or named."""
        printed: frozenset[str] | None = None
        found = 0
        for heading in headings:
            bio = people.parse_catalogue_heading(heading)
            if bio is None:
                continue
            person = self.registry.resolve(bio.reading_order)
            bearers = self.registry.bearers(bio.surname)
            if person is None and len(bearers) == 1:
                person = bearers[0]  # "Joseph" for the record's "I. V. Stalin": a transliteration, one person
            elif person is None and not bearers:
                printed = _folded_words(texts) if printed is None else printed
                if all(people.fold(word) in printed for word in bio.surname.split()):
                    person = self.registry.mention(bio.reading_order, group="mentioned")
            if person is not None:
                self.registry.set_catalogue_heading(person, heading, bio)
                found += 1
        return found


# A paragraph's letter, as a cable or a memorandum letters its points ("A. The Foreign Minister has read …", "B. Golda
# asks that …", "C. Do not raise …"): shaped as an initial before a name.
_PARAGRAPH_LETTER = re.compile(r"^\s*([A-Z])\.\s+(?=[A-Z])")
_LETTER_RUN = 3  # "A.", "B.", "C.": a run from A; two paragraphs opened by initials ("A. Gromyko", "B. Ponomarev") are none


def without_paragraph_letters(texts: Sequence[str]) -> list[str]:
    """The texts with their paragraph letters blanked (the same length: offsets hold), when the record letters
    its paragraphs A., B., C. … in a run of three or more from A: before, "B. Golda asks that …" made a person
    "B. Golda". Other texts as they are."""
    opening = [_PARAGRAPH_LETTER.match(text) for text in texts]
    letters = {match.group(1) for match in opening if match}
    run = "".join(itertools.takewhile(letters.__contains__, string.ascii_uppercase))
    if len(run) < _LETTER_RUN:
        return list(texts)
    return [" " * match.end() + text[match.end():] if match and match.group(1) in run else text
            for text, match in zip(texts, opening)]


def _folded_words(texts: Sequence[str]) -> frozenset[str]:
    return frozenset(people.fold(word) for text in texts for word in _WORD.findall(plain(text)))


def _plain_biography_of(note_text: str, anchored: str | None) -> people.Biography | None:
    """A reading-order head (``Mao Zedong (1893-1976) – …``) counts only when the note's anchor
    follows that name or its surname: "Mao Zedong[footnoteRef:2]"."""
    bio = people.parse_plain_biography(note_text)
    if bio is None or anchored is None:
        return None
    printed = people.fold(bio.reading_order)
    said = people.fold(anchored)
    return bio if said == printed or said == people.fold(bio.surname) or printed.endswith(" " + said) \
        else None


def _first_anchors(texts: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Each note anchor's first place: the index of the text holding it, and its offset there."""
    places: dict[str, tuple[int, int]] = {}
    for number, text in enumerate(texts):
        for match in NOTE_ANCHOR.finditer(text):
            places.setdefault(match.group(0), (number, match.start()))
    return places


def _name_before_anchor(note: NoteBody, texts: Sequence[str], anchors: dict[str, tuple[int, int]]) -> str | None:
    place = anchors.get(note_anchor(int(note.ident[2:]) - 1))
    if place is None:
        return None
    text, position = texts[place[0]], place[1]
    start = _start_of_last_words(text, position)
    before = _NAME_BEFORE_ANCHOR.search(text, start, position)
    return before.group(1) if before else None


def _start_of_last_words(text: str, end: int) -> int:
    """Where the text before ``end`` can hold a name that ends there: after its fourth-last space.

    A match of _NAME_BEFORE_ANCHOR holds at most two white-space characters (and ``$`` may leave
    one newline after it), so none starts earlier; searching the whole paragraph for each of its
    anchors was quadratic in its length.
    """
    spaces = 0
    for start in range(end - 1, -1, -1):
        if text[start].isspace():
            spaces += 1
            if spaces == 4:
                return start + 1
    return 0


def _office_holder(text: str) -> list[str]:
    """The person an office names (``Deputy Minister … of the USSR Comrade A. Ya. Vyshinsky``, ``the
    People's Commissar of Foreign Affairs of the USSR comrade V. M. Molotov``), as a one-name list."""
    titled = people.parse_name(text.strip(" .;:"))
    if titled is not None and titled.office:
        return [text.strip(" .;:")]
    # "First Secretary of the Embassy Mr. Dobbs": the name after the office
    office = _NAME_AFTER_OFFICE.search(re.sub(r"\s*\([^()]*\)", "", text).strip(" .;:"))
    return [office.group()] if office and _is_name(office.group()) else []


# In an all-capitals text the shadow capitalises every word but the small ones, so a name under a form of
# address ran on into the words after it: "IF MR. BHUTTO RELEASES WALI KHAN …" made a person "BHUTTO RELEASES
# WALI". There the name takes a word after its first only after a given name ("SIR STAFFORD CRIPPS") or
# where the word is not shaped as a verb of the third person or the past ("RELEASES", "CALLED", "LEAVING").
_TITLES_AND_INITIALS = re.compile(rf"^(?:{speech.TITLE_PREFIX})*(?:{people.INITIAL}\s?)*")
_VERB_SHAPED = re.compile(r"[A-Z'’-]+(?:[^S]S|ED|ING)")


def _capitals_address_form(form: str) -> str:
    """An address form found in an all-capitals text's shadow, cut where its name runs on into the words
    after it (see above)."""
    lead = _TITLES_AND_INITIALS.match(form).end()  # type: ignore[union-attr]  # (matches always)
    words = form[lead:].split(" ")
    kept = words[:1]
    for word in words[1:]:
        if _VERB_SHAPED.fullmatch(word) and not people.is_given_name(kept[-1]):
            break
        kept.append(word)
    return form[:lead] + " ".join(kept)


def addressed_text(line: str) -> str:
    """Whom an addressee line names: ``To the Foreign Ministry:`` gives ``the Foreign Ministry``."""
    return _after_addressee_verb(line.strip().rstrip(":"))


# "attn." (for the attention of) before the person a letter to a body goes to: no word of the name.
_FOR_THE_ATTENTION_OF = re.compile(r"^(?:attn|Attn|ATTN)\.?\s+")


def _after_addressee_verb(text: str) -> str:
    # the word alone on its line too: "TO" over "COMRADE TODOR ZHIVKOV" names nobody
    text = re.sub(r"^(?:To|TO|INFO|Sent to|Copy to|Copies to|Addressed to)(?:\s+|$)", "", text)
    text = _FOR_THE_ATTENTION_OF.sub("", text)  # "attn. Comrade Karl Schirdewan" under the addressed body
    if ":" in text:
        text = text.rsplit(":", 1)[1]
    return re.sub(r"^(?:Comrades|comrades|Messrs\.?|Members|members)\s+", "", text.strip())


# What a mailing list says after a name, past a dash: "Beria - all", "Vasilevsky - point 1".
_QUALIFIER = re.compile(r"\s+[-–—]\s+(?=[a-z\d]).*$")  # not "EUR - Mr. Thompson": an office, then its officer


def _given_names_after_family_name(text: str, start: int, end: int) -> int:
    """``Counselor Zhang Wenjin``: after a family name printed first (Chinese, Korean, Vietnamese) and
    alone so far, the capitalised words after it (at most two: ``Kim Il Sung``) are its given names."""
    if text[start:end].count(" ") or people.fold(text[start:end]) not in people.SURNAME_FIRST:
        return end
    for _ in range(2):
        following = _NEXT_NAME_WORD.match(text, end)
        if following is None or following.group(1).casefold() in speech.NOT_PEOPLE or \
                following.group(1).lower() in people.TITLES:
            break
        end = following.end(1)
        if following.group(1).endswith(_POSSESSIVE_ENDINGS):
            return end - 2  # "CHEN YI’S CONVERSATION": the possessive ends the name, its noun is none of it
    return end


_POSSESSIVE_ENDINGS = ("’s", "'s", "’S", "'S")


def names_in_list(text: str) -> list[str]:
    """The names in ``A, B and C`` (places and bodies left out)."""
    names: list[str] = []
    for chunk in _NAME_LIST_SPLIT.split(_BODY_BEFORE_DASH.sub("", text)):
        chunk = _without_end_stop(_QUALIFIER.sub("", re.sub(r"\s*\([^()]*\)", "", chunk)).strip(" ;:"))
        tokens = chunk.split()
        if not tokens or len(tokens) > 5:
            continue
        if tokens[-1].strip(".,").casefold() in speech.NOT_PEOPLE:
            continue  # "To London, Maisky": a place, not a person
        if not all(t[:1].isupper() or t.rstrip(".").lower() in people.TITLES or t in people.PARTICLES
                   or t in people.ABBREVIATED_COMRADE or people.ARABIC_ARTICLE.match(t) for t in tokens) \
                or tokens[-1] in people.PARTICLES:
            continue
        if names and _FORENAME_PATRONYMIC.match(chunk):
            names[-1] += ", " + chunk  # "Comrade Stalin, Iosif Vissarionovich": one person, as printed
        else:
            names.append(chunk)
    return names


# A body's acronym heading an address line, its people after a dash ("To NKID ‐ Chicherin, Karakhan"): before, the
# first name's chunk held the acronym and the dash and named no one.
_BODY_BEFORE_DASH = re.compile(r"^[A-Z]{2,8}\s+[-‐‑–—]\s+(?=[A-Z])")


def _without_end_stop(chunk: str) -> str:
    """The list's full stop off, but not an initial's: "Stalin I.V." keeps its last dot."""
    stripped = chunk.strip(" .")
    return chunk.strip() if _ENDS_IN_INITIAL.search(chunk) and not chunk.endswith("..") else stripped


_ENDS_IN_INITIAL = re.compile(r"(?:^|[\s.])[A-Z][a-z]?\.$")
# The label some notes open with, before the biography they give.
_NOTE_LABEL = re.compile(r"^\s*(?:(?:Note|Comment)s?\s+(?:by|of)\s+the\s+(?:compiler|editor|translator)s?|"
                         r"(?:Compiler|Editor|Translator)(?:['’]s|s['’])?\s+note|Note)\s*[:.]\s*", re.I)
# A name, then the editor's identification in brackets: "Comrade Filippov [Stalin]", "Feng Xuan [I. V. Stalin]".
_IDENTIFIED = re.compile(rf"(?P<printed>(?:{speech.TITLE_PREFIX})?(?:{people.INITIAL}\s?)*[{UPPER}][\w'’-]+)"
                         rf" ?\[(?P<identity>(?:{people.INITIAL}\s?)*[{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+)?)\]")
# A Russian forename and patronymic after a surname and a comma: "Stalin, Iosif Vissarionovich".
_FORENAME_PATRONYMIC = re.compile(rf"^[A-Z][a-z]+ [A-Z][a-z]+{people.PATRONYMIC_ENDINGS}$")


def _is_name(text: str) -> bool:
    words = text.split()
    return words[0].lower() != "the" and words[-1].strip(".,").casefold() not in speech.NOT_PEOPLE


_THROUGH_INTERPRETER = re.compile(r"\b(?:through|via|by way of|with)\s+(?:the\s+|an\s+|his\s+|her\s+)?interpreters?\b", re.I)


def label_part(label: str) -> str | None:
    """The role a list's label names: ``Interpreter:``, ``Note-taker:`` (none for ``Soviet Participants:``)."""
    return part_played(f"({label.rstrip(': ')})")[1]


def part_played(entry: str) -> tuple[str, str | None]:
    """An entry of a participants list without a leading role word, and the role it names."""
    role_text = ""
    lead = _LEADING_PART.match(entry)
    if lead:
        role_text, entry = lead.group("part"), entry[lead.end():]
    paren = _PARENTHESIS.search(entry)
    if paren:
        role_text = paren.group(1)
    if _THROUGH_INTERPRETER.search(role_text):
        return entry, None  # "Tanaka (through the interpreter):" speaks by an interpreter; he is none
    for role, pattern in _PARTS_PLAYED:
        if role_text and pattern.search(role_text):
            return entry, role
    return entry, None
