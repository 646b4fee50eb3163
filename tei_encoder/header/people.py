"""Person identity within one record: ENCODING.md section 5, rules 1-7, and person ids.

``parse_name`` turns one printed mention into a ``Name`` (rules 1-3),
``same_person`` compares two of them (rule 4), ``parse_biography`` reads the head
of a biographical footnote, and ``Registry`` collects the persons of one record
(rules 4-7) and hands the header its ``model.Person`` values with their ids.

Policy points decided here (ENCODING.md leaves them open):

* **Ids are settled at the end.** Whether a slug needs initials (``popov-gm``)
  depends on people mentioned later, and a footnote can rename a person
  (``Dej`` -> ``gheorghiu-dej``). So ``mention``/``resolve`` return a stable
  *handle*: the surname slug, made unique with ``-2``, ``-3`` at creation.
  In the common case it equals the final id; always map it with
  ``Registry.final_id`` (or read ``persons()``) before writing TEI.
* **Colliding slugs**: every person of the colliding group gets initials of
  their fullest forenames (``popov-gm``, ``popov-a``); a person without
  forenames keeps the bare slug; remaining clashes get ``-2``, ``-3`` in order
  of first mention.
* **Conflicts are never merged away.** A mention joins the one person whose
  surname keys include its surname and whose (merged) forenames do not
  conflict. ``I.V. Stalin`` and ``J. V. Stalin`` conflict (i / j), so in one
  record they are two persons (``stalin-iv``, ``stalin-jv``): rule 4 has no
  transliteration equivalence, and guessing one would be fuzzy matching. A
  mention compatible with two persons (bare ``Popov`` after ``G. M. Popov``
  and ``A. Popov``) is ambiguous: ``mention`` and ``resolve`` return None.
* **Footnote form first.** After ``set_biography`` (or a ``mention`` with
  ``alias_of``) the main name is the footnote's printed parts in reading order,
  ``Józef Cyrankiewicz`` for ``Cyrankiewicz, Józef``; the id follows that
  surname; the body forms stay as variants. Any ``Surname, Forenames`` surface
  is shown in reading order the same way; the words are not changed.
* **Title-only references** (``the Generalissimo``) resolve but are not name
  forms, so they never become variants.
* **Role labels** (``Q``) create a person with id and role ``interviewer``
  and no names; ``resolve("Q")`` finds it only once it exists.
* **Surname, Initials** (``Stalin I.V.``, Russian archival order) is read as
  surname first, since a name cannot end in an initial.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from anyascii import anyascii
from nicknames import NickNamer

from tei_encoder import markers, model
from tei_encoder.config import KnownPerson, Vocabulary
from tei_encoder.letters import UPPER

__all__ = [
    "TITLES", "PLURAL_TITLES", "ORGANISATION_WORDS", "names_a_body", "body_named", "ROLE_LABELS", "OFFICE_LABELS", "office_of_label", "PARTICLES", "HAN", "HAN_NAME", "ROLES", "Name", "parse_name", "same_person", "slug",
    "romanised_names", "Biography", "parse_biography", "parse_plain_biography", "parse_catalogue_heading", "Registry", "registry_for",
]

TITLES: frozenset[str] = frozenset({
    "the", "comrade", "comrades", "tovarishch", "citizen",
    "товарищ", "товарищи", "тов", "тт", "господин", "госпожа", "г-н",  # a Russian transcript's forms of address
    # a German transcript's ("des Genossen Erich Honecker", "Genossin Hager", "Bundeskanzler Schmidt")
    "genosse", "genossin", "genossen", "botschafter", "bundeskanzler", "staatssekretär", "generalsekretär",
    "sir", "mr", "mrs", "ms", "miss", "mister", "madam", "madame", "mme", "dr", "lord", "lady",
    "herr", "frau", "monsieur", "m", "signor", "senor", "his excellency", "her excellency", "excellency",
    # a British privy counsellor's and member's style ("The Right Hon. Ernest Bevin, M.P.")
    "right hon", "right honourable", "rt hon", "honourable",  # not "Hon" alone: Pak Hon Yong
    # Spanish forms of address and rank, with and without their accents ("Comandante Fidel Castro Ruz")
    "señor", "señora", "senora", "compañero", "compañera", "companero", "companera", "comandante",
    # Castro's rank, printed as his label alone in Cuban transcripts ("Comandante en Jefe:")
    "comandante en jefe", "commander in chief", "commander-in-chief", "presidente",
    "field marshal", "field marshall",  # 001 misspells the title; the text itself stays unchanged
    "marshal", "general", "generalissimo", "admiral", "colonel", "captain", "commander",
    "ambassador", "chairman", "minister", "president", "premier", "prime minister",
    "foreign secretary", "secretary", "deputy", "professor", "prof", "academician",
    # issue 10 §3: abbreviated and further forms of address and office
    "cde", "tov", "messrs", "dear", "envoy", "consul", "counsellor", "counselor", "gen", "col", "capt", "adm",
    # offices printed before a name without "of" ("Vice Foreign Minister Zhang Wentian", "First Secretary Khrushchev")
    "foreign minister", "vice foreign minister", "deputy foreign minister", "vice minister", "deputy minister",
    "vice premier", "vice chairman", "vice-chairman", "vice president", "vice-president", "first secretary",
    # French titles with their accents, as a French record prints them ("Le Général de Gaulle :")
    "général", "maréchal", "président", "ministre", "ambassadeur", "chancelier", "mademoiselle", "mlle",
    # rulers of the interwar East, printed before the name ("the emir Amanullah Khan"); not "king" (Mackenzie King) nor "sultan" (a surname)
    "emir", "amir", "sheikh", "shaikh", "prince", "crown prince",
    # compound ranks, printed before the name as one title ("Air Marshal Sir Charles Burnett", "Major-General T. G.
    # G. Heywood"): before, their first word was read as a given name ("Air" of a person "burnett-am") and a
    # hyphenated rank as a surname. Not "major" alone (John Major, "Major questions …")
    "air marshal", "air chief marshal", "air vice-marshal", "air vice marshal", "air commodore",
    "major-general", "major general", "lieutenant-general", "lieutenant general", "colonel-general", "colonel general",
    "lieutenant-colonel", "lieutenant colonel", "brigadier-general", "brigadier general", "brigadier",
    "rear-admiral", "rear admiral", "vice-admiral", "vice admiral", "lieutenant", "lieutenant-commander",
    "lieutenant commander",
    # Indian forms of address ("Shri P. N. Haksar", "Smt. Indira Gandhi", "Sardar Swaran Singh"): before, their
    # first letter was an initial ("haksar-spn" beside "haksar-pn")
    "shri", "sri", "shrimati", "srimati", "smt", "sardar",
})
# Titles that address several people at once ("Comrades Khrushchev, Gromyko"): they head a list of
# names and belong to none of them.
PLURAL_TITLES: frozenset[str] = frozenset({"comrades", "cdes", "messrs", "товарищи", "тт", "tt"})
_PLURAL_TITLE = re.compile(r"^(?i:comrades|cdes\.?|messrs\.?|товарищи|тт\.|tt\.)\s+")
# "t. Molotov", "tt. Molotov and Vyshinsky": translations keep the Russian abbreviation of tovarishch
# (comrade). Told by case from an initial ("T. F. Shtykov"), so never in TITLES, whose keys fold case.
# "Com. STALIN:", "Com. Voroshilov": the English abbreviation of comrade, as a Soviet record's translation
# labels the Soviet side; only with its capital and its stop ("com" folded would be a web address's end).
ABBREVIATED_COMRADE: frozenset[str] = frozenset({"t.", "tt.", "Tt.", "Com."})
# Words of an organisation's name: a name never runs through one (``the Youth League Kim Sok`` is Kim
# Sok), and a mention made only of them is no person.
ORGANISATION_WORDS: frozenset[str] = frozenset("""
league committee ministry commissariat party union embassy legation consulate department office council
government delegation bureau front army navy association society federation congress assembly presidium
secretariat politburo comintern cominform institute academy agency organisation organization republic
command headquarters staff mission corporation company bank trust state
amembassy amconsul amconsulate amlegation usdel secstate usmission usun usnato uslo usint secdef
leader leadership member representative delegate official worker student
conseil gouvernement ministère assemblée comité parti ambassade délégation république affaires
consejo gobierno ministerio asamblea partido embajada delegación república asuntos
consiglio governo ministero partito ambasciata delegazione repubblica affari
regierung ministerium partei botschaft ausschuss kommission zentralkomitee
""".split())  # the last four lines: the same bodies in French, Spanish, Italian and German ("Président du Conseil")
ROLE_LABELS: Mapping[str, str] = MappingProxyType({
    "q": "interviewer", "question": "interviewer", "interviewer": "interviewer",
    "a": "interviewee", "answer": "interviewee", "interviewee": "interviewee",
    # a stenographic record's unnamed interjections ("VOICE FROM THE FLOOR: Shame!", "VOICES: Correct!")
    "voice": "voice", "voice from the floor": "voice", "voice from the hall": "voice", "voice from the audience": "voice",
    "voices": "voices", "voices from the floor": "voices", "voices from the hall": "voices",
    "voices from the audience": "voices", "voices in the hall": "voices",
    # a press conference's unnamed questioner, labelled by the kind of person asking ("Another correspondent:",
    # "A journalist:"): the interviewer's turn, as "Q:" is (speech.UNNAMED_QUESTIONER)
    **{f"{article} {asker}": "interviewer" for article in ("a", "an", "another", "one")
       for asker in ("correspondent", "journalist", "reporter", "questioner", "newsman", "pressman")},
})
# A verbatim record or a debate labels turns by office ("The PRESIDENT:", "The CHAIRMAN:", "The Prime
# Minister:"): the person printed with that title or holding that office when there is one, else a
# person known only by the office. Not role labels: in running text "the Chairman" is the person the
# record names so (Chairman Mao).
OFFICE_LABELS: Mapping[str, str] = MappingProxyType({
    "the president": "president", "the chairman": "chairman", "the chair": "chairman",
    "chairman": "chairman", "presiding": "chairman",  # a stenographic record's "CHAIRMAN:", "PRESIDING:"
    "the secretary-general": "secretary-general", "the speaker": "speaker",
    "mr. speaker": "speaker", "mr speaker": "speaker", "madam speaker": "speaker", "mr. deputy speaker": "deputy speaker",
    # a press conference's and a cabinet note's short form ("PRIME MINISTER:", later "PM:"): the same office,
    # so the same speaker (before, "PM" was a person of his own, surnamed PM)
    "pm": "prime minister", "p.m": "prime minister",
})


# A speaker the transcriber could not name, told apart by a number as a tape's transcript does
# ("Unidentified Male 1", "Unknown Speaker 2", "Unidentified Voice"): a role, not a person's name; the
# number keeps two such speakers apart (before, "Unidentified Male" was a man surnamed Male).
_UNNAMED_SPEAKER = re.compile(r"(?:unidentified|unknown|unnamed)(?: [a-z]+){1,2}(?: \d{1,2})?")


def unnamed_speaker_role(key: str) -> str | None:
    """The role id of an unnamed speaker's label (``unidentified male 1`` → ``unidentified-male-1``), else None."""
    return key.replace(" ", "-") if _UNNAMED_SPEAKER.fullmatch(key) else None


def office_of_label(label: str) -> str | None:
    """The office a label names (``The PRESIDENT`` → ``president``, ``The Prime Minister`` → ``prime
    minister``), else None."""
    key = unicodedata.normalize("NFKC", label).strip().rstrip(":.").casefold()
    if key in OFFICE_LABELS:
        return OFFICE_LABELS[key]
    # "The Chairman", and "Comrade Chairman", "Comrade Deputy Secretary" as minutes that name their members by
    # office label them (a form of address before the office, no name after it)
    office = key.removeprefix("the ").removeprefix("comrade ")
    return office if office != key and _office_words(office) else None


def _office_words(office: str) -> bool:
    """An office as a label names it: a title, or titles of office (``deputy secretary``, ``general secretary``)."""
    if office in TITLES:
        return office not in FORMS_OF_ADDRESS
    words = office.split()
    return 1 < len(words) <= 3 and all(word in TITLES and word not in FORMS_OF_ADDRESS for word in words)


# Titles that are forms of address, not offices: "The Comrade:" labels no one.
FORMS_OF_ADDRESS = frozenset("mr mrs ms miss sir lord lady dr comrade comrades cde tov messrs dear monsieur madame herr".split())
PARTICLES: frozenset[str] = frozenset({
    "de", "van", "von", "da", "di", "du", "le", "la", "del", "della", "der", "ten", "ter", "den", "des", "dos", "das",
})
# Surnames printed first, as Chinese, Korean and Vietnamese names are ("Mao Zedong", "Zhou Enlai",
# "Kim Il Sung", "Ho Chi Minh"). A departure from ENCODING.md rule 3 (last token = surname), which
# gave "zedong" for Mao and split "Mao" from "Mao Zedong". "kim" only with three tokens (Kim Philby).
# Vietnamese family names (folded): printed first too, but their bearers are called by the given name,
# the last word ("Comrade Duẩn" is Lê Duẩn, "General Giáp" is Võ Nguyên Giáp; see Registry._add_form).
VIETNAMESE_FAMILY_NAMES: frozenset[str] = frozenset("""
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh
""".split())
# The last line: more of the common family names a corpus of PRC records prints (Pu Shouchang, Tang Wensheng,
# Ma Yuzhen, Liao Chengzhi, Yu Qiuli, Rong Yiren, Ni Zhifu, Zhong Xidong); never an English word a capitalised
# phrase may open with ("Long", "Song", "Fan", "Ban", "Gong"), a Western given name ("Mei Harlan", "Mo
# Mowlam"), Yin or Kong, which open phrases with a pinyin word after them ("Yin Yang", "Hong Kong Xinhua"),
# nor a particle ("Du Bois").
SURNAME_FIRST: frozenset[str] = frozenset("""
mao zhou liu deng chen wang li zhang zhu peng lin gao hu jiang kang yang xu wu huang zhao sun guo luo
shi tan xi ye dong chiang kim pak choe bo ji qiao geng nie ke tao su lu qian pan zeng rao yao xie ri
chou teng chu kao chang hsu hsieh tung yeh chiao nieh keng kuo sung soong tseng jao shih hsi chien tsai
nam choi chong cho yun han hong ryu pang paek pae hyon yi im chon mun kwon park chun chung roh rhee
shen cao xiao cai tian yuan dai fang cheng jin qin hou wei ding jia shao meng yan hao bai lai hua wan
pu ma liao lei fu tang yu feng ren zou xiong qiu xue duan wen gu tong ou qu rong ni zhong mu
""".split()) | VIETNAMESE_FAMILY_NAMES  # Wade-Giles, as older translations print them (Chou En-lai); Korean (Nam Il)
# A romanised Chinese or Korean name printed family name first and bare in running text ("Chen Yun is
# responsible for this", "You should ask Li Fuchun", "Pak Hon Yong was present"): a family name of
# SURNAME_FIRST, then a Chinese given name of one or two pinyin syllables ("Xiaoping") or of two Wade-Giles
# syllables with their hyphen ("En-lai", "Tse-tung"), or a Korean one of two words ("Hon Yong"). Pinyin is
# strict, so English words are seldom given names ("Han River", "Sun Also", "Pan Am" are none); "Hong
# Kong" is one, and is a place.
_PINYIN = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
           r"(?:iang|iong|uang|uai|iao|ian|uan|ang|eng|ing|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u|ü)")
_ROMAN = r"(?:[bcdfghjklmnpqrstwxz]{0,2}h?)(?:y|w)?[aeiouŏŭü]{1,3}(?:ng|n|m|k|p|t|l|r|h)?"  # Wade-Giles, McCune-Reischauer
_CHINESE_GIVEN = rf"(?=[A-Z])(?i:(?:{_PINYIN}){{1,2}}|{_ROMAN}-{_ROMAN})"
_KOREAN_GIVEN = rf"(?=[A-Z])(?i:{_ROMAN}) (?=[A-Z])(?i:{_ROMAN})"
ROMANISED_NAME = re.compile(rf"(?P<family>[A-Z][a-z]{{1,4}}) "
                            rf"(?:{_KOREAN_GIVEN}|{_CHINESE_GIVEN})(?=['’]s\b|(?![\w'’-]))")  # "Chou En-lai's" too
_NOT_ROMANISED_NAMES = frozenset({"hong kong"})


_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,6}")
_ONE_SYLLABLE = re.compile(rf"[A-Z](?i:{_ROMAN})")
# Capitalised words of one syllable that begin an English sentence or phrase: never a family name before a
# hyphenated given name ("On Doo-hwan's orders").
_NOT_FAMILY_NAMES = frozenset("""
on in at to so no do go he we me be by or an as if is it of up us oh mr ms dr st but for and the yet yes who how
why let his her our out now then than when men man can may due not nor all any both each few its one own she
they this that with from into upon over after dear sir von van
""".split())


def romanised_names(text: str) -> list[re.Match[str]]:
    """The romanised Chinese and Korean names printed bare in ``text`` (``Chen Yun``, ``Pak Hon Yong``,
    ``Chou En-lai``), as printed; a Vietnamese name is not told so (its family names are common words'
    look-alikes, and its bearers are called by the given name), nor ``Kim`` before one given name
    (Kim Philby), as ``surname_printed_first`` rules."""
    found, end = [], 0
    for word in _CAPITALISED_BEFORE_CAPITAL.finditer(text):  # a cheap scan: the whole pattern only after a family name
        family = word.group(1).lower()
        if word.start() < end or family in VIETNAMESE_FAMILY_NAMES or family not in SURNAME_FIRST and not \
                _HYPHENATED_GIVEN.match(text, word.end()):
            continue  # "Chong Ae" inside "Pak Chong Ae" is no name of its own
        match = ROMANISED_NAME.match(text, word.start())
        if match and match.group().casefold() not in _NOT_ROMANISED_NAMES and surname_printed_first(match.group().split()):
            found.append(match)
            end = match.end()
    return found


# The capital first, what may not stand before it looked behind after it: the scan skips to the capitals.
_CAPITALISED_BEFORE_CAPITAL = re.compile(r"([A-Z](?<![\w'’.-][A-Z])[a-z]{1,4}) (?=[A-Z])")


# Honorifics printed after the name, as Turkish, Persian and Afghan names of the interwar years are ("Ismet
# Pasha", "Tevfik Rüştü Bey", "Amanullah Khan", "Reza Shah"): kept in the name as printed, but never its
# surname, or every Pasha of a record would be one person ("Mustafa Kemal Pasha" Ismet Pasha's mention).
# Folded, as _fold gives them (Paşa -> pasa). Not "Han" (a Chinese family name) nor "Bay" (printed before).
HONORIFICS_AFTER: frozenset[str] = frozenset("""
pasha pasa pacha pascha bey beg efendi effendi agha aga khan shah sahib hanim hanum khanum begum
""".split())
# A Chinese or Japanese transcript's names are Han characters (毛泽东, 吉田茂), two to four of them, printed
# without spaces and family name first; a Chinese record prints its form of address after the name
# (毛泽东同志 "comrade Mao Zedong", 周恩来总理 "premier Zhou Enlai"). Single-character family names with a
# title (毛主席, 周总理) stay one name of three characters: the family name alone is not told apart.
HAN = "\u3400-\u4dbf\u4e00-\u9fff"  # CJK Unified Ideographs and Extension A
HAN_TITLES: tuple[str, ...] = ("同志", "主席", "总理", "總理")
HAN_NAME = re.compile(rf"(?P<han_name>[{HAN}]{{2,4}}?)(?P<han_title>{'|'.join(HAN_TITLES)})?")
ROLES: tuple[str, ...] = (
    "speaker", "attendant", "sender", "recipient", "addressee", "recorder", "translator", "interpreter",
    "secretary", "chairman",
)
GROUPS: tuple[str, ...] = ("participants", "mentioned")
_RESERVED_IDS = frozenset({"tei-encoder"})

# ---------------------------------------------------------------- rule 1: normalise

_TRAILING_JUNK = ":.,;)]}\"”»’'"
_LEADING_JUNK = "([{\"“„«‘'"
_POSSESSIVE_RE = re.compile(r"['’ʹ][sS]$")
_SPACES_RE = re.compile(r"\s+")


def _clean(surface: str) -> str:
    """The printed form without edge punctuation, possessive or doubled spaces (the display form)."""
    printed = _SPACES_RE.sub(" ", surface).strip().lstrip(_LEADING_JUNK)
    s = printed.rstrip(_TRAILING_JUNK + " ")
    s = _POSSESSIVE_RE.sub("", s)  # "Stalin’s" -> "Stalin"; "Zilliacus’" lost its quote above
    kept = s.rstrip(_TRAILING_JUNK + " ")
    # "Stalin I.V.", "Vyshinsky A. Ya.": the initials after a surname keep their last full stop
    stop = printed.startswith(kept) and printed[len(kept):len(kept) + 1] == "."
    return kept + "." if stop and _AFTER_SURNAME_INITIALS.search(kept) else kept


_AFTER_SURNAME_INITIALS = re.compile(r"[^\W\d_]{2,}(?: (?:[^\W\d_](?:zh|hch|[a-z])?\. ?)*[^\W\d_](?:zh|hch|[a-z])?"
                                     r"| (?:[^\W\d_](?:zh|hch|[a-z])?\.)+[^\W\d_](?:zh|hch|[a-z])?)$")  # "Korkmasov Dzh."


def fold(text: str) -> str:
    """The form names are compared in: NFKC, transliterated to ASCII, case-folded."""
    return _fold(text)


def _fold(text: str) -> str:
    """Comparison key: NFKC, ASCII transliteration (rule 4), case-fold."""
    return anyascii(unicodedata.normalize("NFKC", text)).casefold()


def _by_given_name(name: Name, entry: _Entry) -> bool:
    """A bare word that is the person's first given name or a familiar form of it, not one of their keys."""
    # Not after a title ("Comrade Anatoly"): the given name would become a surname word the text's mentions
    # start from, and "Comrade Anatoly" would cut "Comrade Anatoly I. Gribkov" short
    return (not name.forenames and not name.titles and name.surname not in entry.keys and _given_name_first(entry)
            and entry.forenames[0] in given_names_of(name.surname))


# Forms of address before a given name alone as well as before a surname: an Albanian or Cuban record's
# "Comrade Enver:" (Enver Hoxha), "Compañero Fidel". Not "Mr." or "Dr.", before which a word is a surname.
_COMRADELY = frozenset({"comrade", "cde", "tov", "compañero", "companero", "compañera", "companera",
                        "genosse", "genossin", "товарищ"})


def _comradely_titles_only(titles: tuple[str, ...]) -> bool:
    """No titles but comradely ones: the word after them may be a given name (``Comrade Enver``)."""
    return all(title in _COMRADELY for title in titles)


def _given_name_first(entry: _Entry) -> bool:
    """The person's name is printed given name first (``Thomas W. Simons``), not family name first (``Zhou
    Enlai``, who is never called ``Enlai``)."""
    return bool(entry.forenames) and any(_fold((name.bare or display).split()[0]) == entry.forenames[0]
                                         for display, name in entry.forms if display.strip())


# Given names of the archives' languages that the ``nicknames`` package's English table lacks, in the
# transliterations the families print (Russian, Ukrainian, Polish, Czech, Hungarian, German, Bulgarian,
# Romanian, Serbo-Croat, Spanish), and English ones it lacks: a word before a known surname that is one of
# these, or a name of that table, is the person's given name ("Andrei Gromyko" under "GROMYKO:"). Folded
# to ASCII, as the words they are compared with (``Józef`` is ``jozef``).
_GIVEN_NAMES = frozenset("""
aleksandr alexandr aleksei alexei alexey aleksey anastas anatoly anatoli anatolii andrei andrey arkady boris
dmitri dmitry dmitrii fyodor fedor gennady georgi georgy georgii grigory grigori igor ilya ivan iosif kliment
konstantin lavrenty lavrentiy lazar leonid lev maxim mikhail nikita nikolai nikolay oleg pavel pyotr petr
semyon sergei sergey valentin valerian vasily vasili viktor vladimir vyacheslav yakov yegor yevgeny yuri
yury zinovy andrzej boleslaw edward jozef jerzy stanislaw wladyslaw wojciech zenon zdenek klement antonin
gustav jan vaclav alexander imre janos matyas erno karoly lajos gyula walter erich otto wilhelm willi
hermann todor vulko valko nicolae gheorghe josip edvard milovan fidel raul ernesto dwight winston dean
averell cordell zbigniew cyrus
""".split())
# Given names that are also common English words at a sentence's start ("Will Gromyko agree?").
_WORDS_NOT_NAMES = frozenset("will may mark bill frank grant art don ray rich guy chase sue pat jack rob hope "
                             "faith grace rose june earl sterling royal major".split())


@lru_cache(maxsize=1024)
def is_given_name(word: str) -> bool:
    """A word that is a given name: of the archives' languages, or of the English table (not an English word)."""
    folded = _fold(word)
    if folded in _GIVEN_NAMES:
        return True
    namer = _nicknamer()
    return folded not in _WORDS_NOT_NAMES and bool(namer.nicknames_of(folded) or namer.canonicals_of(folded))


@lru_cache(maxsize=256)
def given_names_of(word: str) -> frozenset[str]:
    """The given names a word may stand for: itself, and those it is a familiar form of (``tom`` →
    thomas, ``bill`` → william), from the ``nicknames`` package's curated table of English names (loaded
    once, on the first call)."""
    return frozenset({word} | _nicknamer().canonicals_of(word))


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


# ---------------------------------------------------------------- rules 2-3: titles and split

_MAX_TITLE_WORDS = 3
# One initial as printed, the readers' one pattern for it: a capital and a small letter at most ("V.", "Ya.",
# "Yu."), or a Russian letter transliterated with three or four ("Dzh." of Джамалутдин, "Shch." of Щ), and the
# two- to four-letter ones in capitals ("YA. Z. SURITS", "DZH."). Before, each reader spelled the first alone:
# "Dzh. Korkmasov" was a person "Dzh" and "YA. Z. SURITS" no name.
_CAPITAL_DIGRAPHS = "Y[AUEO]|[ZSCK]H|TS|DZH|SHCH"
INITIAL = rf"(?:[{UPPER}](?:zh|hch|[a-z])?|{_CAPITAL_DIGRAPHS})\."
# "I.V.", "A.Ya.", "D"; "A.Ya" once its last full stop is cleaned off ("Vyshinsky A.Ya.")
_INITIALS_RE = re.compile(rf"(?:(?:[^\W\d_](?:zh|hch|[a-z])?|{_CAPITAL_DIGRAPHS})\.)+(?:[^\W\d_][a-z]?)?|[^\W\d_]")
_WORD_RE = re.compile(r"(?:[^\W\d_]{1,2}['’])?[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ELISION_RE = re.compile(r"[^\W\d_]{1,2}['’]")


def _title_key(token: str) -> str:
    return unicodedata.normalize("NFKC", token).casefold().rstrip(".")


# Articles that French, Spanish, Italian and German print before a title in a label: titles only there,
# since "Le" and "La" are also family names and particles (Le Duan, La Guardia).
_ARTICLES = frozenset({"le", "la", "l'", "el", "il", "der", "die"})


def _strip_titles(tokens: list[str], titles: frozenset[str]) -> tuple[tuple[str, ...], list[str]]:
    """Leading titles (longest multi-word title first), and the tokens after them."""
    found: list[str] = []
    i = 0
    if len(tokens) > 2 and _title_key(tokens[0]) in _ARTICLES and _title_key(tokens[1]) in titles:
        found.append(_title_key(tokens[0]))  # "Le Général de Gaulle", "El Comandante Castro": an article before a title
        i = 1
    while i < len(tokens):
        if tokens[i] in ABBREVIATED_COMRADE and i + 1 < len(tokens):
            found.append("comrade")
            i += 1
            continue
        if _title_key(tokens[i]) == "m" and i + 1 < len(tokens) and _is_initials(tokens[i + 1]):
            break  # "M. G. Pervukhin": an initial before an initial, no Monsieur
        for n in range(min(_MAX_TITLE_WORDS, len(tokens) - i), 0, -1):
            key = " ".join(_title_key(t) for t in tokens[i:i + n])
            if key in titles:
                found.append(key)
                i += n
                break
        else:
            break
    return tuple(found), tokens[i:]


def _is_initials(token: str) -> bool:
    return _INITIALS_RE.fullmatch(token) is not None


def _initials(token: str) -> list[str]:
    return [_fold(c) for c in token if c != "."]


def _capitalised(token: str) -> bool:
    """Rule: only a token that starts with a capital is a name (``champion`` is not Mr Champion); after an
    elision (``d'Estaing``) or the Arabic article (``al-Said``, ``el-Sadat``), the word after it."""
    elision = _ELISION_RE.match(token) or ARABIC_ARTICLE.match(token)
    head = token[elision.end():] if elision and elision.end() < len(token) else token
    return head.lstrip(_AYN_HAMZA)[:1].isupper()  # "ʿAziz": the ayn a transliteration prints before the capital


# The ayn and hamza of a transliterated Arabic name (U+02BF, U+02BE), letters of no case before its capital.
_AYN_HAMZA = "\u02bf\u02be"


# The Arabic article joined to a name by a hyphen, as translations print it ("Nuri al-Said", "Fadhil
# al-Jamali", "Anwar el-Sadat", "Abd ar-Rahman"): part of the name as printed, but no part of its key,
# since the same man is printed "Nuri Said" and "al-Said" ("Al-Said" at a sentence's start).
ARABIC_ARTICLES = r"(?i:al|el|ad|ar|as|ash|at|az|an|ud|ul)-"
ARABIC_ARTICLE = re.compile(rf"{ARABIC_ARTICLES}(?=[^\W\d_])")
# The article inside a word after at most three letters ("Abdel-Nasser" of Abd el-Nasser), not a word's own
# letters before a hyphen ("Kessel-ring", a surname cut at a line's end, was keyed "kessring")
ARABIC_ARTICLE_IN_WORD = re.compile(rf"(?<![^\W\d_]{{4}}){ARABIC_ARTICLES}(?=[^\W\d_])")


def _initials_of(bare: str, initials: list[str]) -> bool:
    """Whether the words of a printed name begin with the folded ``initials``, one each, in order; a word's
    Arabic article aside (``al-Halim``: h)."""
    words = [word[article.end():] if (article := ARABIC_ARTICLE.match(word)) else word for word in bare.split()]
    return len(words) == len(initials) and all(_fold(word).startswith(initial) for word, initial in zip(words, initials))


# U+25A1, one character the OCR lost (ENCODING.md): inside a name it stands for any one letter.
OCR_BOX = "\u25a1"
# What the box folds to (anyascii), so a surname key that holds one is told apart.
BOX_KEY = "#"


def _word_shaped(token: str) -> bool:
    """A capitalised word, a box inside it read as a letter (``Ceau□escu``, ``Ghe□rghe``)."""
    shaped = token.replace(OCR_BOX, "a") if OCR_BOX in token[1:] else token
    return _WORD_RE.fullmatch(shaped) is not None and _capitalised(shaped)


def _forename_keys(tokens: Iterable[str]) -> tuple[str, ...] | None:
    keys: list[str] = []
    for token in tokens:
        if _is_initials(token):
            keys.extend(_initials(token))
        elif OCR_BOX in token[1:] and _word_shaped(token):
            keys.append(_fold(token.partition(OCR_BOX)[0]))  # "Ghe□rghe": the letters before the box, a prefix
        elif _WORD_RE.fullmatch(token) and _capitalised(token):
            keys.append(_fold(token))
        else:
            return None
    return tuple(keys)


def _surname_key(tokens: list[str]) -> str | None:
    """Key for surname tokens: particles lower-case, everything else a capitalised word."""
    if not tokens or _is_initials(tokens[-1]):
        return None
    for i, token in enumerate(tokens):
        is_particle = token in PARTICLES and i < len(tokens) - 1
        if not is_particle and not _word_shaped(token):
            return None
    return _fold(" ".join(ARABIC_ARTICLE_IN_WORD.sub("", token, count=1) for token in tokens))


def is_honorific_after(token: str) -> bool:
    """``Pasha``, ``Bey``, ``Khan``: an honorific printed after a name (HONORIFICS_AFTER)."""
    return _fold(token.rstrip(".,")) in HONORIFICS_AFTER


# "He" is the English pronoun and a Chinese family name (He Ying, He Long): the family name only before a
# given name in pinyin (one or two syllables; three words at most), never alone, so it is not in
# SURNAME_FIRST, where a bare family name is a mention. English words that are pinyin syllables too
# ("He Can", "HE MAN") are no given names after it.
_PINYIN_GIVEN = re.compile(rf"(?=[A-Z])(?i:(?:{_PINYIN}){{1,2}})")
_ENGLISH_PINYIN = frozenset("can man men ran pan fan ban hang sang rang hung lie die tie".split())


def family_name_he(tokens: list[str]) -> bool:
    """``He Ying``, ``HE YING``: the family name He and its given names, no pronoun."""
    return 2 <= len(tokens) <= 3 and tokens[0] in ("He", "HE") and all(
        _PINYIN_GIVEN.fullmatch(token) and token.lower() not in _ENGLISH_PINYIN for token in tokens[1:])


def surname_printed_first(tokens: list[str]) -> bool:
    """``Mao Zedong``, ``Nguyen Duy Trinh``: two or three capitalised words after a family name printed first;
    ``Chun Doo-hwan``, ``Roh Tae-woo``: any family name of one syllable before a given name of two joined by a
    hyphen, lower case after it, as Korean and Wade-Giles given names are printed (a Western double name
    stands first, ``Hans-Dietrich Genscher``; a double surname keeps its capital, ``Gheorghiu-Dej``)."""
    if len(tokens) == 2 and _HYPHENATED_GIVEN.fullmatch(tokens[1]) and _ONE_SYLLABLE.fullmatch(tokens[0]) \
            and _fold(tokens[0]) not in _NOT_FAMILY_NAMES:
        return True
    first = _fold(tokens[0])
    if first == "he":
        return family_name_he(tokens)
    # "Kim" or "Park" alone before one given name is a Western name's (Kim Philby, Park Lane), unless it is
    # hyphenated: "Kim Il-sung"
    if not 2 <= len(tokens) <= 3 or first not in SURNAME_FIRST or (
            first in {"kim", "park"} and len(tokens) < 3 and "-" not in tokens[-1]):
        return False
    return all(_capitalised(token) and not _is_initials(token) for token in tokens)


# Hungarian given names, as Hungarian documents and their translations print them after the family name
# ("Kádár János", "Kovács Imre", "Rákosi Mátyás"): with their accents, and only names no other language of
# the archives gives, so "John Paul" stays given name first.
_HUNGARIAN_GIVEN = frozenset("""
jános imre ferenc istván lászló józsef sándor gyula béla károly lajos mátyás ernő zoltán mihály györgy tibor jenő
dezső endre géza miklós rezső árpád lőrinc ödön kálmán vilmos elemér aladár jolán erzsébet ilona zsuzsanna
""".split())


def _hungarian_order(tokens: list[str]) -> bool:
    """``Kádár János``: a family name, then a Hungarian given name (``János Kádár`` is the same man)."""
    return len(tokens) == 2 and tokens[1].lower() in _HUNGARIAN_GIVEN and tokens[0].lower() not in _HUNGARIAN_GIVEN \
        and _capitalised(tokens[0]) and not _is_initials(tokens[0])


def _split_plain(tokens: list[str]) -> tuple[str, tuple[str, ...]] | None:
    """``I. V. Stalin``, ``Charles de Gaulle``, ``Stalin I.V.``: (surname key, forename keys)."""
    if len(tokens) > 1 and is_honorific_after(tokens[-1]):
        tokens = tokens[:-1]  # "Ismet Pasha", "Tevfik Rüştü Bey": the honorific is neither surname nor forename
    end = len(tokens)
    while end > 0 and _is_initials(tokens[end - 1]):
        end -= 1  # Russian archival order "Stalin I.V.": trailing initials follow the surname
    if end == 0:
        return None
    if end == len(tokens) and (surname_printed_first(tokens) or _hungarian_order(tokens)):
        surname, forenames = _surname_key(tokens[:1]), _forename_keys(tokens[1:])
        return None if surname is None or forenames is None else (surname, forenames)
    start = end - 1
    while start > 0 and _particle(tokens, start - 1, end):
        start -= 1
    if start < end - 1 and _heads_compound_surname(tokens, start - 1):
        start -= 1  # "Maurice Couve de Murville": Couve is his surname's, not a second given name
    surname = _surname_key(tokens[start:end])
    forenames = _forename_keys(tokens[:start] + tokens[end:])
    return None if surname is None or forenames is None else (surname, forenames)


def _heads_compound_surname(tokens: list[str], at: int) -> bool:
    """The word before a surname's particle is the surname's first part (``Couve`` of ``Maurice Couve de
    Murville``, ``Ortiz`` of ``Manuel Ortiz de Rozas``), where a given name or an initial stands before it and it
    is no given name itself (``Eduardo`` of ``José Eduardo dos Santos``). Without a given name before, the word
    may be the only given name (``Charles de Gaulle``, ``Alcide De Gasperi``): Registry._compound_matches then
    joins ``Couve de Murville`` to the person once the fuller form is printed."""
    if at < 1 or not _capitalised(tokens[at]) or _is_initials(tokens[at]) or tokens[at].lower() in PARTICLES:
        return False
    return not is_given_name(tokens[at]) and (_is_initials(tokens[at - 1]) or is_given_name(tokens[at - 1]))


def _particle(tokens: list[str], at: int, end: int) -> bool:
    """``de`` of ``de Gaulle``, also capitalised: where a sentence begins (``De Gaulle said``), as Italian and
    Dutch names print it (``Alcide De Gasperi``, ``James A. Van Fleet``: the same surname as ``De Gasperi``
    alone), in capitals in a name in capitals (``GENERAL C. DE GAULLE``). Names printed family name first
    (``Le Duan``, ``Pham Van Dong``) are read before this (surname_printed_first)."""
    token = tokens[at]
    if token in PARTICLES:
        return True
    return token.lower() in PARTICLES and token[:1].isupper() and (not token.isupper() or tokens[end - 1].isupper())


def _split_inverted(text: str, titles: frozenset[str]) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """``Gheorghiu-Dej, Gheorghe``: (titles, surname key, forename keys)."""
    left, _, right = text.partition(",")
    left_titles, surname_tokens = _strip_titles(left.split(), titles)
    right_titles, forename_tokens = _strip_titles(right.split(), titles)
    surname = _surname_key(surname_tokens)
    forenames = _forename_keys(forename_tokens)
    if surname is None or forenames is None:
        return None
    return left_titles + right_titles, surname, forenames


@dataclass(frozen=True, slots=True)
class Name:
    """One parsed mention."""

    surface: str  # as printed (outer whitespace stripped)
    titles: tuple[str, ...]  # normalised titles stripped from the front: ("field marshal",)
    forenames: tuple[str, ...]  # folded forenames or initials without dots: ("i", "v")
    surname: str  # folded surname key, particles kept: "de gaulle"
    # The printed name without titles or organisation words, in reading order: "I. V. Stalin".
    bare: str = field(default="", compare=False)
    shown: str = field(default="", compare=False)  # the printed form, without an organisation before it
    # The office printed before the name (``Deputy Minister of Foreign Affairs of the USSR``), else "".
    office: str = field(default="", compare=False)


@lru_cache(maxsize=65536)
def parse_name(surface: str, *, titles: frozenset[str] = TITLES) -> Name | None:
    """Rules 1-3. None when nothing name-like remains (only titles, a lower-case word, digits).

    Cached: records repeat the same few names many times, and the result is a frozen value.
    """
    text = unicodedata.normalize("NFKC", _clean(surface))
    if (han := HAN_NAME.fullmatch(text)) is not None:
        return _han_name(surface, han)
    if "," in text:
        inverted = _split_inverted(text, titles)
        if inverted is not None:
            found_titles, surname, forenames = inverted
            # "Comrade Stalin, Iosif Vissarionovich": shown "Comrade Iosif Vissarionovich Stalin"
            left, _, right = text.partition(",")
            names = _strip_titles(left.split(), titles)[1]
            bare = _display(" ".join(names) + "," + right)
            shown = " ".join([*left.split()[:len(left.split()) - len(names)], bare]) if found_titles else ""
            return Name(surface.strip(), found_titles, forenames, surname, bare, shown)
        # "Robert T. Ashby, Counselor of Embassy": a name, then its holder's office
        text = text.partition(",")[0].strip()
        if len(text.split()) < 2:
            return None
    found_titles, rest = _strip_titles(text.split(), titles)
    if _numbered(text) or _initials_only(rest):
        return None  # "Copy No. 1", "R. YA." (a label cut before MALINOVSKY): a document's number, initials
    if rest and (found_titles or len(rest) > 1) and all(_title_key(token) in _OFFICE_WORDS for token in rest):
        return None  # "Deputy People's Commissar", "Lord Privy Seal": an office, no one's name
    office, after_office = _after_office(text.split(), titles)
    if office:
        rest = after_office
    named = _after_organisation(rest, titles)
    if office and _follows_link(text.split(), named):
        return None  # "Minister of the Armed Forces", "Ambassador in Havana": the office's body or place, no name
    plain = _split_plain(named)
    if plain is None:
        return None
    surname, forenames = plain
    if surname in titles or _organisation_word(surname):
        return None  # "the Soviet Ambassador", "Soviet Delegations": an office or a body, no name
    if found_titles and not forenames and surname in _OFFICE_HEADS:
        return None  # "Mr. Deputy Commissar", "Comrade Commissar", "Mr. Director": an address by office, no name
    shown = text if named is rest and not office else " ".join(named)
    if office and named is not after_office:  # "the chairman of the Youth League Kim Sok": the body is the office's
        office = _office_before(text.split()[:len(text.split()) - len(named)], titles)
    return Name(surface.strip(), found_titles, forenames, surname, " ".join(named), shown, office)


def _han_name(surface: str, han: re.Match[str]) -> Name:
    """``毛泽东同志``: the whole name is the key, folded as printed (``maozedong``, family name first).

    Han characters carry no case or spaces to tell the family name from the given one, and a
    transliterated foreign name (赫鲁晓夫, Khrushchev) has none: the name is never split. Its key is no
    Latin name's (``Mao Zedong`` is surname ``mao``), so a Han form joins no Latin-script person.
    """
    title = han.group("han_title")
    return Name(surface.strip(), (title,) if title else (), (), _fold(han.group("han_name")), han.group("han_name"),
                han.group())


# A number sign or its abbreviation: "Copy No. 1", "Nr. 3" name a document, never a person.
_NUMBER_SIGN = re.compile(r"(?<![\w.])(?:No|Nr|N°|Nº)\.(?!\w)|№")
# A Russian initial of two letters printed without its full stop, last (``R. Ya``, ``R. YA`` cut from
# ``R. Ya. Malinovsky``): after initials it is one more, no surname.
_DIGRAPH_INITIAL = re.compile(r"(?i:ya|yu|ye|yo|zh|kh|ts|ch|sh)")


def _numbered(text: str) -> bool:
    return _NUMBER_SIGN.search(text) is not None


def _initials_only(tokens: list[str]) -> bool:
    """Initials and a last two-letter initial without its stop (``R. Ya``): no surname is printed."""
    return len(tokens) > 1 and all(map(_is_initials, tokens[:-1])) and _DIGRAPH_INITIAL.fullmatch(tokens[-1]) is not None


# Words that link an office to its body or place: "Minister of Foreign Affairs", "Ambassador in London".
_OFFICE_LINKS = frozenset({"of", "in", "for", "at", "to"})


def _follows_link(tokens: list[str], named: list[str]) -> bool:
    """The name's words stand right after a link word or article of the office before them."""
    before = len(tokens) - len(named) - 1
    return before >= 0 and tokens[before].lower() in _OFFICE_LINKS | {"the"}


def _after_office(tokens: list[str], titles: frozenset[str]) -> tuple[str, list[str]]:
    """``Deputy Minister of Foreign Affairs of the USSR Comrade A. Ya. Vyshinsky``: the office
    before the name and the name's tokens (``A. Ya. Vyshinsky``); ("", tokens) when no office
    phrase (a title, a link word, a body or place) stands before a name.

    The name begins after the last title behind the last link word (``Comrade``), else at the
    initials before the surname (``AMBASSADOR OF DENMARK H. BERGSTROM``), else after the article
    and the capitals of a body or state (``of the DPRK Pak Hon Yong``).
    """
    links = [i for i, token in enumerate(tokens) if token.lower() in _OFFICE_LINKS and 0 < i < len(tokens) - 1]
    if not links or not any(_title_key(token) in titles | _OFFICE_HEADS for token in tokens[:links[0]][:2]):
        return "", tokens  # "Charles of Gaulle" names no office
    after = links[-1] + 1
    start = _name_start(tokens, after, titles)
    if start is None or start >= len(tokens) or _sentence_ends_in(tokens[:start], titles):
        return "", tokens
    return _office_before(tokens[:start], titles), tokens[start:]


def _sentence_ends_in(office: list[str], titles: frozenset[str]) -> bool:
    """A word of the office words ends a sentence (``envoy of Estonia in the USSR. Translated by V. N.
    Pavlov``): the office ended there, and what follows (a credit) is none of it. A title's or an
    initial's full stop (``Prof.``, ``U.S.A.``) ends nothing."""
    return any(token.endswith(".") and len(token) > 3 and token[:-1].isalpha() and _title_key(token) not in titles
               for token in office)


def _office_before(office: list[str], titles: frozenset[str]) -> str:
    """The office words before a name, without a form of address after them or an article before."""
    office = list(office)
    while office and (_title_key(office[-1]) in titles and _title_key(office[-1]) not in _OFFICE_TITLES):
        office.pop()  # "… of the USSR Comrade": a form of address, not part of the office
    if office and office[0].lower() == "the":
        office = office[1:]  # "THE AMBASSADOR OF DENMARK": the article is not part of the office
    return " ".join(office)


# Words that open an office phrase besides the titles ("Head of the Soviet delegation", "People's Commissar").
_OFFICE_HEADS = frozenset({"head", "member", "representative", "delegate", "adviser", "advisor", "attache", "director",
                           "officer", "spokesman", "commissar", "people's", "people’s", "chief", "leader",
                           "commander-in-chief", "charge", "chargé", "governor", "mayor", "speaker"})
# Words of an office's name: a mention made only of them and titles is the office (``Deputy People's Commissar``,
# ``Lord Privy Seal``, ``Lord Chancellor``), no person; before, its last word was a surname (``#commissar``).
_OFFICE_WORDS = frozenset({"people's", "people’s", "commissar", "privy", "seal", "chancellor", "exchequer",
                           "commissioner", "deputy", "vice", "first", "general", "secretary", "under-secretary",
                           "minister", "chief", "head", "director", "president", "chairman", "ambassador",
                           "consul", "envoy", "counsellor", "counselor", "governor", "mayor", "speaker"})
# Titles that are offices when they end an office phrase ("… of the Embassy Counsellor" is rare, but
# "Comrade", "Mr." and "the" are only forms of address).
_OFFICE_TITLES = frozenset({"minister", "ambassador", "chairman", "secretary", "president", "premier", "deputy",
                            "counsellor", "counselor", "consul", "envoy", "general", "marshal", "admiral"})


def _name_start(tokens: list[str], after: int, titles: frozenset[str]) -> int | None:
    """Where the name starts in tokens[after:] (see ``_after_office``), or None."""
    # "M." after an initial is the second initial ("V. M. Molotov"), not Monsieur
    address = [i for i in range(after, len(tokens) - 1) if _title_key(tokens[i]) in titles - {"the"}
               and not (len(_title_key(tokens[i])) == 1 and i > after and _is_initials(tokens[i - 1]))]
    if address:
        return address[-1] + 1
    start = len(tokens) - 1
    while start > after and _is_initials(tokens[start - 1]):
        start -= 1
    if start < len(tokens) - 1:
        return start  # "H. BERGSTROM"
    start = after
    mixed = any(not _in_capitals(token) for token in tokens[after:])
    while start < len(tokens) and (tokens[start][:1].islower() or (mixed and _in_capitals(tokens[start]))
                                   or _title_key(tokens[start]) in titles):
        start += 1  # "the DPRK": the article and a state's capitals
    return start if start < len(tokens) and tokens[start][:1].isupper() else None


def names_a_body(text: str) -> bool:
    """The text opens with an organisation's word: ``Amembassy MOSCOW``, ``Embassy of Iran`` name a
    body, not a person (a sender or addressee field)."""
    words = text.split()
    return bool(words) and _organisation_word(words[0])


# Organisation words that name no body when they head a phrase: a person ("the Soviet representative") or
# a state ("the Soviet Union", "the People's Republic of China") is no correspondent body.
_NOT_BODY_HEADS = frozenset({"leader", "member", "representative", "delegate", "official", "worker", "student",
                             "union", "republic", "state", "république", "república", "repubblica"})
# The words that may join the capitalised words of a body's name ("Ministry of Foreign Affairs of the USSR").
_BODY_JOINS = frozenset({"of", "in", "for", "at", "to", "and", "the"})
_BODY_HEAD_ENDS = frozenset({"of", "in", "for", "at", "to"})


def body_named(text: str) -> str | None:
    """The body a whole phrase names, as printed without its article and end punctuation: ``the Foreign
    Ministry``, ``Chinese Embassy in the Soviet Union``, ``the USSR Ministry of Foreign Affairs``; None for a
    person (``Ambassador Liu Shaowen``, ``the Soviet representative``), a place or a state. The phrase's head,
    its words before the first ``of``/``in``/``for``/``at``/``to``, ends with an organisation word; every word is
    capitalised or joins the capitalised ones."""
    words = text.strip(" .,:;").split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if not words or len(words) > 14:
        return None
    head = list(itertools.takewhile(lambda word: word.casefold() not in _BODY_HEAD_ENDS, words))
    if not head or len(head) > 5 or not _organisation_word(head[-1]) or \
            _title_key(head[-1]).removesuffix("s") in _NOT_BODY_HEADS:
        return None
    if not all(word[:1].isupper() or word in _BODY_JOINS for word in words) or words[-1] in _BODY_JOINS:
        return None
    if any(word.endswith(",") for word in words):
        return None  # "Director, Northern Department": an officer and the body, not the body's name
    return " ".join(words)


def _organisation_word(token: str) -> bool:
    key = _title_key(token)
    return key in ORGANISATION_WORDS or (key.endswith("s") and key[:-1] in ORGANISATION_WORDS)


def _after_organisation(tokens: list[str], titles: frozenset[str]) -> list[str]:
    """The tokens after the last organisation word, and after any title there (``League Kim Sok``)."""
    last = max((i for i, token in enumerate(tokens) if _organisation_word(token)), default=-1)
    if last < 0:
        return tokens
    if not tokens[last][-1:].isalpha():
        return tokens  # "Government. He": a sentence ended there; the words are no name as a whole
    if _fold(tokens[last]) in _TELEGRAM_POSTS:
        return []  # "Amembassy Baghdad", "USMISSION Geneva": a post and its place, no person
    return _strip_titles(tokens[last + 1:], titles)[1]


# The State Department's telegram codes for its posts, printed before the post's city.
_TELEGRAM_POSTS = frozenset("amembassy amconsul amconsulate amlegation usmission usdel usun usnato uslo usint".split())


# ---------------------------------------------------------------- rule 4: match


def _forenames_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One side empty, or position by position one is a prefix of the other ("d" / "david")."""
    return all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b))


def _merge_forenames(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The fuller of each position: ("i", "v") + ("iosif",) -> ("iosif", "v")."""
    longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
    if _first_left_out(shorter, longer):
        return longer  # "Anwar" of "Mohammad Anwar": the name without its first given name
    merged = [max(x, y, key=len) for x, y in zip(longer, shorter)]
    return tuple(merged) + longer[len(shorter):]


def _first_left_out(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` is ``long`` without its first given name, all written out (``anwar`` of ``mohammad anwar``)."""
    return bool(short) and len(long) == len(short) + 1 and long[1:] == short and all(len(word) > 1 for word in long)


def _paternal_surname(name: Name) -> str | None:
    """The first of a Spanish name's two surnames (``Fidel Castro Ruz``, ``Carlos Rafael Rodríguez Ochoa``):
    the word before the last of a name of three or more words, none an initial, a particle or a patronymic,
    not printed family name first (``Kim Il Sung``)."""
    words = name.bare.split()
    if len(words) < 3 or "," in name.bare or surname_printed_first(words) or any(map(_is_initials, words)):
        return None
    paternal = _fold(words[-2])
    if paternal in PARTICLES or _PATRONYMIC.search(paternal) or not _capitalised(words[-2]):
        return None
    return paternal


# A Russian patronymic's ending ("Sergeyevich", "Andreyevna"); reader/persons.py reads "Stalin, Iosif Vissarionovich" by it.
PATRONYMIC_ENDINGS = r"(?:ovich|evich|ich|ovna|evna|ichna)"
_PATRONYMIC = re.compile(rf"{PATRONYMIC_ENDINGS}$")


def same_person(a: Name, b: Name) -> bool:
    """Rule 4: equal ASCII-folded surnames and no forename/initial conflict. No fuzzy matching."""
    return a.surname == b.surname and _forenames_compatible(a.forenames, b.forenames)


_SLUG_JUNK_RE = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)  # a record asks the slug of the same surname at each of its forms and mentions
def slug(surname_display: str) -> str:
    """``Gheorghiu-Dej`` -> ``gheorghiu-dej``, ``Slánský`` -> ``slansky``.

    Falls back to ``person`` when nothing is left, and prefixes ``p-`` when the
    slug would start with a digit, so the result is always a valid ``xml:id``.
    """
    text = _SLUG_JUNK_RE.sub("-", _fold(surname_display).lower()).strip("-")
    if not text:
        return "person"
    return f"p-{text}" if text[0].isdigit() else text


# ---------------------------------------------------------------- biographical footnotes

_DASH = r"[-‐‑‒–—―−]"
_BIO_WORD = r"[^\W\d_][\w'’.\-]*"
# The years of a life: "(1890-1986)", "(born 1920)", "(b. 1920)"; a year not known or not sure is printed
# "?" or with one ("(1912-1947?)", "(?-1950)"): the note is read, that year not taken.
_YEARS = (rf"(?:(?P<birth>\d{{4}}\??|\?)\s*{_DASH}\s*(?P<death>\d{{4}}\??|\?)"
          r"|(?:born|b\.)\s*(?P<born>\d{4}))")
_BIO_RE = re.compile(
    rf"\s*(?P<surname>{_BIO_WORD}(?:\s+{_BIO_WORD}){{0,3}})\s*,"
    rf"\s*(?P<forenames>{_BIO_WORD}(?:\s+{_BIO_WORD}){{0,4}})\s*"
    rf"\(\s*{_YEARS}\s*\)"
    rf"\s*(?:{_DASH}|[,:])?\s*(?P<text>.*)",
    re.DOTALL,
)
# The same head with the name in reading order, as translations print Chinese and Korean names
# ("Mao Zedong (1893-1976) – Chairman …", "Kim Il Sung (1912-1994) – …"): trusted only where the
# note is anchored right after that name (reader/persons.py), and never for an event or a body.
_BIO_PLAIN_RE = re.compile(
    rf"\s*(?P<name>[^\W\d_][\w'’.\-]*(?:\s+{_BIO_WORD}){{1,3}})\s*"
    rf"\(\s*{_YEARS}\s*\)"
    rf"\s*(?:{_DASH}|[,:])?\s*(?P<text>.*)",
    re.DOTALL,
)
_NOT_PERSONS = frozenset("""
war wars treaty pact conference congress revolution agreement plan battle crisis doctrine declaration
charter offensive operation uprising campaign accords accord convention protocol
""".split())
# A sentence ends at ". " before a capital, unless the dot closes an initial or an
# abbreviation such as "U.S.S.R." or "L. F." (a single letter after a dot or a space).
_SENTENCE_END_RE = re.compile(r"(?<![\s.][^\W\d_])(?<!^[^\W\d_])\.\s+(?=[^\W\d_])")


@dataclass(frozen=True, slots=True)
class Biography:
    """The head of a footnote ``Surname, Forenames (YYYY-YYYY) - text``; parts as printed."""

    surname: str
    forenames: str
    birth: str | None
    death: str | None
    occupation: str | None
    display: str = ""  # the name in reading order as printed ("Mao Zedong"); "Forenames Surname" if empty

    @property
    def reading_order(self) -> str:
        return self.display or f"{self.forenames} {self.surname}".strip()


def _occupation(text: str) -> str | None:
    for m in _SENTENCE_END_RE.finditer(text):
        if text[m.end()].isupper():
            text = text[:m.start()]
            break
    text = text.strip().rstrip(".").strip()
    return text or None


def _sure_year(year: str | None) -> str | None:
    return year if year and year.isdigit() else None


def parse_biography(note_text: str) -> Biography | None:
    """Read a biographical footnote; None for any other note ("The so-called Keep Left group …")."""
    # a call inside the note (a note in the note) stays in the body's note; the header's fields hold words
    # only (the call's marker had reached the person's occupation)
    note_text = markers.plain(note_text)
    m = _BIO_RE.fullmatch(note_text)
    if m is None:
        return None
    surname, forenames = m.group("surname"), m.group("forenames")
    name = parse_name(f"{surname}, {forenames}", titles=frozenset())
    if name is None or not name.forenames:
        return None
    return Biography(
        surname=surname,
        forenames=forenames,
        birth=_sure_year(m.group("birth") or m.group("born")),
        death=_sure_year(m.group("death")),
        occupation=_occupation(m.group("text")),
    )


# Where a further biography begins inside one note: "…(1939-1949); Potemkin, Vladimir Petrovich (1874-1946) - …".
_NEXT_BIOGRAPHY = re.compile(
    rf"(?<=[;.])\s+(?={_BIO_WORD}(?:\s+{_BIO_WORD}){{0,3}}\s*,\s*{_BIO_WORD}(?:\s+{_BIO_WORD}){{0,4}}\s*"
    rf"\(\s*(?:(?:\d{{4}}\??|\?)\s*{_DASH}\s*(?:\d{{4}}\??|\?)|(?:born|b\.)\s*\d{{4}})\s*\))")


def biographies_in(note_text: str) -> list[Biography]:
    """The biographies of a note that gives several, one after another (``Molotov, Vyacheslav Mikhailovich
    (1890-1986) - …; Potemkin, Vladimir Petrovich (1874-1946) - …``); [] for a note of one or none."""
    pieces = _NEXT_BIOGRAPHY.split(note_text)
    if len(pieces) < 2:
        return []
    found = [parse_biography(piece.rstrip(" ;")) for piece in pieces]
    return [bio for bio in found if bio is not None] if all(found) else []


# A library catalogue's heading for a person, as the Wilson Center's pages list them under "Associated
# People & Organizations": "Stalin, Joseph, 1879-1953", "Kelly, David, Sir, 1891-1959", "Kennedy, John F.
# (John Fitzgerald), 1917-1963", "Kim, Il-sung, 1912-1994", "Gromyko, Andrei Andreevich, 1909-". The years
# are the heading's last part; a title may stand between the forenames and them; a fuller form of the
# forenames stands in brackets. A body ("Great Britain. Foreign Office", "Communist Party of the Soviet
# Union. Congress (20th : 1956 : Moscow, Russia)") has no such head.
_CATALOGUE_YEARS = re.compile(
    rf"(?:(?P<birth>\d{{4}}\??)\s*{_DASH}\s*(?P<death>\d{{4}}\??)?|(?:born|b\.)\s*(?P<born>\d{{4}})"
    rf"|(?:died|d\.)\s*(?P<died>\d{{4}})|approximately\s+(?P<about>\d{{4}})\s*{_DASH}\s*(?P<about_death>\d{{4}})?)")
_CATALOGUE_BRACKETS = re.compile(r"\s*\([^()]*\)")
_CATALOGUE_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*\.?")


def parse_catalogue_heading(text: str) -> Biography | None:
    """Read a catalogue heading for a person (``Stalin, Joseph, 1879-1953``); None for a body, a place or
    anything else. The reading order is the family name first for names printed so (``Mao, Zedong`` is
    Mao Zedong), else the forenames first (Joseph Stalin)."""
    parts = [part.strip() for part in _CATALOGUE_BRACKETS.sub("", text).split(",")]
    birth = death = None
    years = _CATALOGUE_YEARS.fullmatch(parts[-1]) if len(parts) > 2 else None
    if years is not None:
        parts.pop()
        birth = _sure_year(years.group("birth") or years.group("born"))
        death = _sure_year(years.group("death") or years.group("died"))
    titles = []
    while len(parts) > 2 and _title_key(parts[-1]) in TITLES:
        titles.append(parts.pop())  # "Kelly, David, Sir": the title is the heading's, not a forename
    if len(parts) != 2 or not all(_catalogue_name(part) for part in parts):
        return None
    surname, forenames = parts
    tokens = [*surname.split(), *forenames.split()]
    if any(_fold(token) in ORGANISATION_WORDS or _fold(token) in _NOT_PERSONS for token in tokens):
        return None
    family_first = surname_printed_first([surname, *forenames.split()])
    first = forenames.split()[0]
    if years is None and not (family_first or _is_initials(first) or is_given_name(first)):
        return None  # "Moscow, Russia": a heading without years is a person's only by its forenames
    display = f"{surname} {forenames}" if family_first else f"{forenames} {surname}"
    return Biography(surname=surname, forenames=forenames, birth=birth, death=death, occupation=None,
                     display=display)


def _catalogue_name(part: str) -> bool:
    """A surname or forenames of a catalogue heading: one to four capitalised words (initials too)."""
    words = part.split()
    return 0 < len(words) <= 4 and all(
        _CATALOGUE_NAME_WORD.fullmatch(word) and word[:1].isupper() for word in words)


def parse_plain_biography(note_text: str) -> Biography | None:
    """``Mao Zedong (1893-1976) – Chairman …``: a biographical head with the name in reading order
    (no comma). The caller trusts it only where the note is anchored right after the same name."""
    m = _BIO_PLAIN_RE.fullmatch(markers.plain(note_text))  # (words only, as parse_biography reads them)
    if m is None:
        return None
    printed = m.group("name")
    words = printed.split()
    if any(not word[:1].isupper() or _fold(word) in _NOT_PERSONS or _organisation_word(_fold(word))
           for word in words):
        return None
    name = parse_name(printed, titles=frozenset())
    if name is None or not name.forenames or name.titles:
        return None
    at = 0 if _fold(words[0]) == name.surname else len(words) - 1
    return Biography(surname=words[at], forenames=" ".join(words[:at] + words[at + 1:]),
                     birth=_sure_year(m.group("birth") or m.group("born")), death=_sure_year(m.group("death")),
                     occupation=_occupation(m.group("text")), display=printed)


# ---------------------------------------------------------------- the registry (rules 4-7, ids)


def _display(surface: str) -> str:
    """The name form shown in the header: cleaned, and ``Surname, Forenames`` in reading order."""
    text = _clean(surface)
    left, comma, right = text.partition(",")
    return f"{right.strip()} {left.strip()}".strip() if comma else text


def _fullness(name: Name, display: str) -> tuple[int, int, int, int]:
    """Fuller forms sort higher: more forenames, longer forenames, more words, more letters.

    Letters, not characters, so a stray dot (``Sir. D. Kelly``) does not make a form fuller.
    """
    letters = sum(c.isalnum() for c in display)
    return (len(name.forenames), sum(map(len, name.forenames)), len(display.split()), letters)


@dataclass(slots=True)
class _Entry:
    """A person under construction; mutable, private to the registry."""

    handle: str
    id_surname: str  # surname key the id is made from
    order: int = 0  # position of first mention: candidates from the indexes are sorted by it
    keys: set[str] = field(default_factory=set)  # surname keys that identify this person
    titles: set[str] = field(default_factory=set)  # every title printed with any of the forms
    forenames: tuple[str, ...] = ()
    forms: list[tuple[str, Name]] = field(default_factory=list)  # (display, parsed), first-seen order
    preferred: str | None = None  # the footnote's form, shown first
    roles: list[str] = field(default_factory=list)
    group: str = "mentioned"
    role_label: str | None = None  # "interviewer" for a role person (rule 7)
    known: KnownPerson | None = None  # the names authority's person: their id and main name are fixed
    aliases: list[str] = field(default_factory=list)  # forms joined only by the authority's alias table
    other_names: set[str] = field(default_factory=set)  # a cover name an editor identified: never the main form
    offices: list[str] = field(default_factory=list)  # as printed: "Deputy Minister of Foreign Affairs of the USSR"
    birth: str | None = None
    death: str | None = None
    occupation: str | None = None
    note: str | None = None
    catalogue: str | None = None  # the page's catalogue heading for the person ("Stalin, Joseph, 1879-1953")
    # The name before an honorific printed after it ("Yusuf Kemal" of "Yusuf Kemal Bey"), the fullest printed:
    # the whole of it is what the person was called (no surnames in Turkey before 1934), so it makes the id
    honoured: str = ""


class Registry:
    """All persons of one record, in order of first mention."""

    def __init__(self, *, titles: frozenset[str] = TITLES, role_labels: Mapping[str, str] = ROLE_LABELS,
                 known: tuple[KnownPerson, ...] = (), not_persons: frozenset[str] = frozenset()) -> None:
        self._titles = titles
        self._role_labels = role_labels
        self._not_persons = not_persons  # folded surname keys that are never a person ("politburo")
        self._known = known
        # The names authority by surname key: (person, one of their forms parsed), for rule 5's alias table.
        self._known_forms: dict[str, list[tuple[KnownPerson, Name]]] = {}
        for person in known:
            for form in (person.name, *person.forms):
                parsed = parse_name(form, titles=titles)
                if parsed is not None:
                    self._known_forms.setdefault(parsed.surname, []).append((person, parsed))
        self._reserved = _RESERVED_IDS | {person.ident for person in known}
        self._entries: list[_Entry] = []
        self._by_handle: dict[str, _Entry] = {}
        # Indexes, so that resolving a mention does not scan everyone (that was quadratic in persons).
        self._by_key: dict[str, list[_Entry]] = {}  # surname key -> persons (not role labels) with it
        self._by_title: dict[str, list[_Entry]] = {}  # title -> persons printed with it at least once
        self._by_first_word: dict[str, list[_Entry]] = {}  # first forename word -> persons ("kim" for Kim Sok)
        # first of two surnames -> persons ("castro" for Fidel Castro Ruz)
        self._by_paternal: dict[str, list[_Entry]] = {}
        # first word of a name of two or more words, no initials -> persons ("mengistu" for Mengistu Haile Mariam)
        self._by_lead_word: dict[str, list[_Entry]] = {}
        self._hyphened: dict[str, list[str]] = {}  # "honecker" -> ["hon-ecker"]: surnames cut at a line's end
        self._other_spellings: dict[str, _Entry] = {}  # a printed form an editor identified, as printed
        self._boxed_pending: list[tuple[str, str | None, str]] = []  # boxed names no one fitted yet

    # ------------------------------------------------------------ public

    def mention(
        self, surface: str, *, role: str | None = None, group: str = "participants", alias_of: str | None = None,
    ) -> str | None:
        """Resolve ``surface`` to a person, creating one if needed; returns its handle.

        None when the surface is not a name, is an unresolved title-only
        reference, or fits two persons. With ``alias_of`` (rule 5) the surface
        is that person whatever its surname, and becomes their main form.
        """
        _check_choice(role, ROLES, "role", optional=True)
        _check_choice(group, GROUPS, "group")
        surface = _PLURAL_TITLE.sub("", surface)  # "Comrades N. S. Khrushchev (chairman), …": the list's head
        label = self._role_label(surface)
        if label is not None and alias_of is None:
            return self._note(self._role_entry(label), role, group)
        name = parse_name(surface, titles=self._titles)
        if alias_of is not None:
            return None if name is None else self._note(self._alias(surface, name, alias_of), role, group)
        if name is None:
            entry = self._title_reference(surface)
            return None if entry is None else self._note(entry, role, group)
        if name.surname in self._not_persons:
            return None
        if BOX_KEY in name.surname:  # "Ceau□escu": the one person it fits, never a person of its own
            boxed = self._box_matches(name)
            if boxed is None:
                self._boxed_pending.append((surface, role, group))  # the whole name may be printed later
                return None
            self._add_form(boxed, surface, name)
            return self._note(boxed, role, group)
        known = self._known_person(name)
        if known is not None:
            entry = self._known_entry(known)
            self._add_key(entry, name.surname)
            self._add_form(entry, surface, name)
            self._note_alias(entry, known, name)
            return self._note(entry, role, group)
        # "Anwar al-Sadat" of "Mohammad Anwar al-Sadat": when registering only, so that the text's mentions are
        # still read at their fullest (the inliner takes the first shorter form that resolves)
        matches = self._matches(name, role) or self._first_given_name_left_out(name)
        if len(matches) > 1:
            return None
        entry = matches[0] if matches else self._create(name)
        name = self._family_first_reading(entry, self._compound_reading(entry, name))
        if _by_given_name(name, entry):
            self._add_key(entry, name.surname)  # "Tom" is found as Thomas Simons's in the text too
        self._add_form(entry, surface, name)
        return self._note(entry, role, group)

    def retry_boxed(self) -> None:
        """Mention again the names with OCR boxes that fitted no one when they were met (``Apres□v`` before the
        text prints ``Apresov``): once the record's names are all in, the one they fit takes them, roles and all."""
        pending, self._boxed_pending = self._boxed_pending, []
        for surface, role, group in pending:
            name = parse_name(surface, titles=self._titles)
            if name is not None and (boxed := self._box_matches(name)) is not None:
                self._add_form(boxed, surface, name)
                self._note(boxed, role, group)

    def note_role(self, handle: str, role: str) -> None:
        """Add a role to a person already found (a speaker label's part, ``VOLKOV (interpreter)``)."""
        self._note(self._entry(handle), role, "participants")

    def add_office(self, handle: str, office: str) -> None:
        """The office a person holds, as printed (``People's Commissar``): the header's ``roleName``."""
        _add_office(self._entry(handle), office)

    def resolve(self, surface: str) -> str | None:
        """Find without creating: names by rule 4, titles by rule 6, labels by rule 7; else None."""
        label = self._role_label(surface)
        if label is not None:
            return label if label in self._by_handle else None
        name = parse_name(surface, titles=self._titles)
        if name is None:
            entry = self._title_reference(surface)
            return None if entry is None else entry.handle
        known = self._known_person(name)
        if known is not None:
            return known.ident if known.ident in self._by_handle else None
        if self._other_spellings and (spelled := self._other_spellings.get(_clean(surface))) is not None:
            return spelled.handle  # "Pak Jeong-ae", whose forenames are not Pak Chong Ae's
        if BOX_KEY in name.surname:
            boxed = self._box_matches(name)
            return None if boxed is None else boxed.handle
        matches = self._matches(name)
        return matches[0].handle if len(matches) == 1 else None

    def known_forms(self) -> tuple[str, ...]:
        """Every form the names authority gives (names and aliases), longest first: looked for in the text."""
        forms = {form for person in self._known for form in (person.name, *person.forms)}
        return tuple(sorted(forms, key=lambda form: (-len(form), form)))

    def aliases(self) -> tuple[tuple[str, str, str], ...]:
        """(id, authority name, printed form) for each form that only the alias table made this person."""
        return tuple((e.handle, e.known.name, alias) for e in self._entries if e.known for alias in e.aliases)

    def set_biography(self, person_id: str, bio: Biography, note_id: str) -> None:
        """Attach a footnote biography; its spelling becomes the main name and the id's surname."""
        entry = self._entry(person_id)
        entry.birth, entry.death, entry.occupation, entry.note = bio.birth, bio.death, bio.occupation, note_id
        if entry.known is not None:
            return  # the names authority has the last word on the main name and the id
        name = parse_name(f"{bio.surname}, {bio.forenames}", titles=frozenset())
        if name is not None:
            self._add_key(entry, name.surname)
            entry.id_surname = name.surname
            entry.forenames = _merge_forenames(entry.forenames, name.forenames)
        entry.preferred = bio.reading_order

    def called_by_given_name(self, word: str) -> bool:
        """The word names one person of the record by a given name, not by their family name (``Dong``
        is Pham Van Dong, whose family name is Pham)."""
        handle = self.resolve(word)
        return handle is not None and self._entry(handle).id_surname != _fold(word)

    def bearers(self, surname: str) -> tuple[str, ...]:
        """The handles of everyone whose surname keys include this surname's (``Kim`` may be several)."""
        return tuple(entry.handle for entry in self._by_key.get(_fold(surname), []))

    def set_catalogue_heading(self, person_id: str, heading: str, bio: Biography) -> None:
        """A catalogue heading of the page for a person of the record (``Stalin, Joseph, 1879-1953``): its
        years, unless a footnote dated the person, and its name in reading order as the main name, unless
        a footnote or the names authority gives one. The id stays the record's."""
        entry = self._entry(person_id)
        entry.catalogue = heading
        if entry.note is None and entry.birth is None and entry.death is None:
            entry.birth, entry.death = bio.birth, bio.death
        if entry.known is not None or entry.preferred is not None:
            return
        name = parse_name(bio.reading_order, titles=frozenset())
        if name is None:
            return
        entry.preferred = bio.reading_order
        if _forenames_compatible(name.forenames, entry.forenames):  # not Joseph for the record's "I.V. Stalin":
            self._add_key(entry, name.surname)  # the catalogue's transliteration is then no form of the text's
            self._add_form(entry, bio.reading_order, name)

    def identified(self, printed: str, identity: str, *, role: str | None = None,
                   group: str = "mentioned") -> str | None:
        """A name an editor identified in brackets after it (``Comrade Filippov [Stalin]``, Stalin's cover
        name in cipher telegrams): the person is the one the brackets name; the printed name becomes one of
        their forms, and a later bare ``Filippov`` is them too (ENCODING.md §5, as a footnote identifies)."""
        handle = self.mention(identity, role=role, group=group)
        name = parse_name(printed, titles=self._titles)
        if handle is None or name is None or name.surname in self._not_persons:
            return handle
        entry = self._entry(handle)
        forenames = entry.forenames  # another spelling's forenames are not theirs ("Jeong-ae" of Pak Chong Ae)
        self._add_key(entry, name.surname)
        self._add_form(entry, printed, name)
        entry.forenames = forenames
        entry.other_names.add(name.shown or _display(printed))
        self._other_spellings[_clean(printed)] = entry
        return handle

    def resolve_surname(self, surname: str) -> str | None:
        """The one person whose surname key is exactly this (a compound such as "Clark Kerr")."""
        bearers = self.bearers(surname)
        return bearers[0] if len(bearers) == 1 else None

    def office_holder(self, label: str) -> str | None:
        """The speaker of a label that names an office (``The PRESIDENT``, ``The Prime Minister``): the
        one person printed with that title or holding that office (``The Prime Minister (Mr. Attlee)``),
        else a person known only by the office (created once)."""
        office = office_of_label(label)
        if office is None:
            return None
        titled = self.resolve(label)
        if titled is not None:
            return titled
        # the one in the chair: a list's "(chairman)" or a label's "CHAIRMAN (Comrade Tarabanov):" makes "CHAIRMAN:" theirs
        holders = [entry for entry in self._entries if any(held.casefold() == office for held in entry.offices)
                   or office == "chairman" and office in entry.roles and entry.role_label is None]
        if len(holders) == 1:
            return holders[0].handle
        return self._role_entry(slug(office)).handle  # known only by the office, like Q's interviewer

    def only_name_by_initial(self, letter: str) -> str | None:
        """The printed name (no titles) of the one person whose surname begins with ``letter``: a
        telephone transcript's ``K:`` is Kissinger when no one else's surname begins so."""
        folded = _fold(letter)
        found = [entry for entry in self._entries
                 if entry.role_label is None and any(key.startswith(folded) for key in entry.keys)]
        if len(found) != 1 or not found[0].forms:
            return None
        return found[0].forms[0][1].bare or None

    def only_speaker_by_initials(self, initials: Sequence[str], speakers: Iterable[str]) -> str | None:
        """The printed name (no titles) of the one person among ``speakers`` (handles) whose name's words
        begin with ``initials``, one each, in order (``F``, ``P`` of Frigyes Puja; ``A``, ``H``, ``K`` of Abd
        al-Halim Khaddam, the article aside; ``B``, ``Ch`` of Bohuslav Chňoupek; ``P``, ``V``, ``L`` of Phan
        Văn Lộc): a record that labels its speakers by their initials once they have spoken under their
        names. None when no one or several match."""
        folded = [_fold(initial) for initial in initials]
        among = set(speakers)
        found = [entry for entry in self._entries if entry.handle in among and entry.role_label is None
                 and any(_initials_of(name.bare, folded) for _, name in entry.forms)]
        return (found[0].forms[0][1].bare or None) if len(found) == 1 else None

    def name_words(self) -> frozenset[str]:
        """Every word of every printed form (case-folded, edge punctuation off), titles included."""
        return frozenset(word.casefold().strip(",.’'") for entry in self._entries
                         for display, _ in entry.forms for word in display.split())

    def surname_words(self) -> frozenset[str]:
        """Every folded word of everyone's surname keys: a cheap pre-check before ``resolve``."""
        return frozenset(word for entry in self._entries for key in entry.keys for word in key.split()) | frozenset(
            key for key, entries in self._by_first_word.items() if entries)  # "Kim" may be Kim Sok

    @staticmethod
    def fold(word: str) -> str:
        """The comparison key of one word (NFKC, ASCII, case-folded), as surname keys use."""
        return _fold(word)

    def words(self, person_id: str) -> frozenset[str]:
        """Every word of the person's printed forms, case-folded: tells a forename from a stray word."""
        entry = self._entry(person_id)
        return frozenset(word.casefold().strip(",.") for display, _ in entry.forms for word in display.split())

    def final_ids(self) -> dict[str, str]:
        """handle → final id for everyone (computed once, when the registry is complete)."""
        return dict(self._final_ids())

    def final_id(self, person_id: str) -> str:
        """The id ``persons()`` gives the person behind a handle from ``mention``/``resolve``."""
        return self._final_ids()[self._entry(person_id).handle]

    def persons(self) -> tuple[model.Person, ...]:
        """Every person in order of first mention, with final ids; deterministic."""
        ids = self._final_ids()
        return tuple(
            model.Person(
                ident=ids[e.handle], names=self._names(e), roles=tuple(e.roles), group=e.group,
                birth=e.birth, death=e.death, occupation=e.occupation, note=e.note, offices=tuple(e.offices),
                authority=e.known.authority if e.known else (), catalogue=e.catalogue,
            )
            for e in self._entries
        )

    # ------------------------------------------------------------ resolution

    def _role_label(self, surface: str) -> str | None:
        key = unicodedata.normalize("NFKC", surface).strip().rstrip(":.").strip().casefold()
        return self._role_labels.get(key) or unnamed_speaker_role(key)

    def _known_person(self, name: Name) -> KnownPerson | None:
        """Rule 5's alias table: the one authority person one of whose forms this name is (by rule 4)."""
        found = {person.ident: person for person, form in self._known_forms.get(name.surname, ())
                 if _forenames_compatible(name.forenames, form.forenames)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _matches(self, name: Name, role: str | None = None) -> list[_Entry]:
        """The persons a parsed mention may be (rule 4); when several, the one printed with the
        mention's title or holding its role, if exactly one is (``Cde. Volkov`` is ``Cde. V. Volkov``,
        not the interpreter ``P. R. Volkov``)."""
        found = [e for e in self._by_key.get(name.surname, []) if _forenames_compatible(name.forenames, e.forenames)]
        if not found and role == "speaker":
            # A label "Fidel Castro:" is Fidel Castro Ruz, "Roa:" the Raúl Roa García present; in the text
            # the words may be a given and a middle name ("Geoffrey Wedgwood" of Geoffrey Wedgwood Harrison)
            found = [e for e in self._by_paternal.get(name.surname, [])
                     if _forenames_compatible(name.forenames, e.forenames)]
        if not name.forenames:  # a bare "Kim" is also the one "Kim Sok" (surname printed first), if no other Kim
            found += [e for e in self._by_first_word.get(name.surname, []) if e not in found]
        if not found:
            found = self._compound_matches(name)  # "Couve de Murville" of Maurice Couve de Murville
        if not found and not name.forenames and "-" not in name.surname:
            found = self._by_surname_part(name.surname)  # "Rantzau" of Brockdorff-Rantzau
        if not found and "-" in name.surname:
            found = self._bearers_of_a_part(name)  # "Plunkett-Ernle-Erle-Drax" of the record's "DRAX"
        if not found:
            found = self._family_name_printed_first(name)  # "Ōhira Masayoshi" of the record's "Ōhira"
        if not found and not name.forenames:
            found = self._called_by_first_word(name)  # "Comrade Mengistu" of "Mengistu Haile Mariam"
        if not found:
            found = self._line_end_join_matches(name)  # "Erich Hon-ecker" of the record's "Honecker"
        if not found and not name.forenames and _comradely_titles_only(name.titles):
            # "Tom" signing under "From: Thomas W. Simons Jr.": a given name alone, or its familiar form,
            # is the one person whose first given name it is (none when two are); "Nuri Pasha" is Prime
            # Minister Nuri al-Said, called by his given name as Arab statesmen are
            given = given_names_of(name.surname)
            found = [e for e in self._entries if _given_name_first(e) and e.forenames[0] in given]
        if not found and not name.forenames:
            found = self._abbreviated(name)  # "Str." of Stresemann
        if len(found) > 1:
            titled = [e for e in found if (set(name.titles) - {"the"}) & e.titles]
            holding = [e for e in found if role is not None and role != "speaker" and role in e.roles]
            for narrowed in (titled, holding):
                if len(narrowed) == 1:
                    return narrowed
        return found

    def _box_matches(self, name: Name) -> _Entry | None:
        """The one person a surname with OCR boxes fits, each box read as one lost letter (``Ceau□escu`` of
        the ``Ceaușescu`` printed whole; an accented letter folds to one or two, ``ß`` to ``ss``), the
        forenames agreeing; None when no one or two do. Not fuzzy matching: the box is no letter of its own."""
        shape = re.compile("[a-z]{1,2}".join(map(re.escape, name.surname.split(BOX_KEY))))
        found = [entry for entry in self._entries if entry.role_label is None
                 and any(BOX_KEY not in key and shape.fullmatch(key) for key in entry.keys)
                 and _forenames_compatible(name.forenames, entry.forenames)]
        return found[0] if len(found) == 1 else None

    def _compound_matches(self, name: Name) -> list[_Entry]:
        """A surname with a particle and the word before it (``Couve de Murville``), read one word short or long
        of a person's, as parse_name reads it with or without a given name before: the persons whose surname is
        the compound (``Maurice Couve de Murville``), or its first word alone (``Couve``, no given name), or
        who are the short reading (Couve + ``de Murville``) of the compound; forenames agreeing."""
        head, shorter = _short_reading(name)
        if head is not None:  # "Couve" + "de murville"
            others = name.forenames[:-1]
            found = [e for e in self._by_key.get(f"{head} {name.surname}", []) if _forenames_compatible(others, e.forenames)]
            if not found and not is_given_name(head):
                found = [e for e in self._by_key.get(head, []) if _forenames_compatible(others, e.forenames)]
            return found
        head = _compound_head(name.surname)
        if head is None:
            return []
        return [e for e in self._by_key.get(name.surname.partition(" ")[2], []) if e.forenames[-1:] == (head,)
                and _forenames_compatible(name.forenames, e.forenames[:-1])]

    def _compound_reading(self, entry: _Entry, name: Name) -> Name:
        """The mention read with the person's compound surname (``Couve de Murville``: surname ``couve de
        murville``, no forenames); a person known so far by a part of it (``Couve``, or Couve + ``de Murville``)
        takes the compound as a key and its id, and loses the word from its forenames."""
        if name.surname in entry.keys:
            return name
        head, _ = _short_reading(name)
        if head is not None and ((compound := f"{head} {name.surname}") in entry.keys or head in entry.keys):
            self._compound_key(entry, compound, head)
            return replace(name, surname=compound, forenames=name.forenames[:-1])
        if not name.forenames and _reads_short(entry, name.surname):  # "Seydoux" of François + Seydoux de Clausonne
            shorter = next(key for key in sorted(entry.keys) if key.split()[0] in PARTICLES)
            entry.forenames = entry.forenames[:-1]
            self._compound_key(entry, f"{name.surname} {shorter}", shorter)
            return name
        head = _compound_head(name.surname)
        if head is not None and entry.forenames[-1:] == (head,) and name.surname.partition(" ")[2] in entry.keys:
            entry.forenames = entry.forenames[:-1]
            self._compound_key(entry, name.surname, name.surname.partition(" ")[2])
        part = next((part for part in name.surname.split("-") if part in entry.keys), None) if "-" in name.surname else None
        if part is not None:  # "Plunkett-Ernle-Erle-Drax" of a person known as "Drax": the whole is the surname
            self._compound_key(entry, name.surname, part)
        return name

    def _compound_key(self, entry: _Entry, compound: str, part: str) -> None:
        """The person's surname is the compound: its key and id, and its forms read so (the fullest form is
        then the one with the given name, ``Roger Seydoux de Clausonne``, not ``Seydoux de Clausonne``)."""
        if entry.id_surname == part:
            entry.id_surname = compound
        self._add_key(entry, compound)
        entry.forms = [(display, _read_as_compound(name, compound)) for display, name in entry.forms]

    def _by_surname_part(self, key: str) -> list[_Entry]:
        """The one person one part of whose double surname this is (``Rantzau``, ``Brockdorff`` of Count
        Brockdorff-Rantzau, ``Dej`` of Gheorghiu-Dej; ``Couve`` of Couve de Murville, the part before its
        particle; ``Ribbentrop`` of von Ribbentrop, ``Schulenburg`` of von der Schulenburg, the part after its
        particles, as records call them after the first mention), when no one has it as a whole surname; [] else."""
        found = [entry for entry in self._entries if entry.role_label is None and any(
            "-" in surname and key in surname.split("-") or _compound_head(surname) == key
            or _after_particles(surname) == key for surname in entry.keys)
            or _reads_short(entry, key)]
        return found if len(found) == 1 else []

    def _family_name_printed_first(self, name: Name) -> list[_Entry]:
        """The one person known by a bare surname that this name of two words prints first (``Foreign Minister
        Ōhira Masayoshi`` of the labels' ``Ōhira``, as Japanese and Hungarian names are printed): no one has its
        last word as a surname, its first word is no given name (``Kim Philby``, ``Fidel Castro``) and no
        initial. Before, the full name was a person of its own, surnamed Masayoshi. [] when none or two are."""
        words = name.bare.split()
        if len(words) < 2 or not name.forenames or _is_initials(words[0]) or is_given_name(words[0]):
            return []
        if len(words) > 2:  # "Mengistu Haile Mariam" of the record's "Comrade Mengistu" (_called_by_first_word)
            if len(words) != len(name.forenames) + 1 or _lead_word(name, name.surface) is None:
                return []
            found = [e for e in self._by_key.get(name.forenames[0], []) if e.forenames in ((), name.forenames)]
            return found if len(found) == 1 else []
        found = [e for e in self._by_key.get(name.forenames[0], []) if e.forenames in ((), (name.surname,))]
        return found if len(found) == 1 else []

    def _line_end_join_matches(self, name: Name) -> list[_Entry]:
        """The persons whose surname is this one with a line-end hyphen taken out or put in (``Hon-ecker``, a
        surname cut at a line's end and joined with its hyphen kept, and ``Honecker``), forenames agreeing: the
        same letters, no other spelling (rule 4). [] when none or two are."""
        joined = _line_end_joined(name)
        keys = [joined] if joined is not None else self._hyphened.get(name.surname, [])
        found = [e for key in keys for e in self._by_key.get(key, [])
                 if _forenames_compatible(name.forenames, e.forenames)]
        found = list({id(e): e for e in found}.values())
        return found if len(found) == 1 else []

    def _abbreviated(self, name: Name) -> list[_Entry]:
        """The one person whose surname a name cut short with a full stop begins (``Str.`` of Stresemann, as a
        diarist writes a name met often): two to four letters, a capital first. [] when none or two are."""
        if _ABBREVIATED_NAME.fullmatch(name.surface.rstrip(":,;")) is None:
            return []
        found = [e for e in self._entries if e.role_label is None
                 and any(key.startswith(name.surname) and key != name.surname for key in e.keys)]
        return found if len(found) == 1 else []

    def _called_by_first_word(self, name: Name) -> list[_Entry]:
        """The one person a bare word names by the first word of their name of two or more words, no initials
        (``Comrade Mengistu`` of Mengistu Haile Mariam, ``Col. Mersha`` of Mersha Ketsela, ``SAKO`` of Sako
        Shūichi): Ethiopian, Burmese, Lao and Indonesian persons are called by their given name, the first
        word, and a name printed family name first by its family name. Not a known given name (``Compañero
        Fidel`` is left to the given-name rule), not a person's own key. [] when none or two are."""
        if is_given_name(name.surname):
            return []
        found = [e for e in self._by_lead_word.get(name.surname, []) if name.surname not in e.keys]
        return found if len(found) == 1 else []

    def _first_given_name_left_out(self, name: Name) -> list[_Entry]:
        """The one person of the surname whose given names, written out, are this name's with one more before
        them, or the other way round (``Mohammad Anwar al-Sadat`` and ``Anwar al-Sadat``, as Arab names are
        printed with and without the first): a name that drops its first given name keeps the others in order.
        Initials are left to rule 4. [] when none or two are."""
        found = [e for e in self._by_key.get(name.surname, [])
                 if _first_left_out(name.forenames, e.forenames) or _first_left_out(e.forenames, name.forenames)]
        return found if len(found) == 1 else []

    @staticmethod
    def _family_first_reading(entry: _Entry, name: Name) -> Name:
        """``Ōhira Masayoshi`` joined to the person ``Ōhira``: read family name first (surname ``ohira``, given name
        ``masayoshi``), so that the person's forenames are the given name, not the family name again."""
        if len(name.forenames) == 1 and name.surname not in entry.keys and name.forenames[0] in entry.keys \
                and len(name.bare.split()) == 2:
            return replace(name, surname=name.forenames[0], forenames=(name.surname,))
        return name

    def _bearers_of_a_part(self, name: Name) -> list[_Entry]:
        """The one person whose surname is a part of this double surname (``DRAX`` of Admiral Sir Reginald
        Plunkett-Ernle-Erle-Drax, ``Dej`` of Gheorghiu-Dej), their forenames agreeing: the converse of
        _by_surname_part, for a record that prints the short name first (its labels, ``Admiral DRAX:``)
        and the full one later. Before, the two were two persons. [] when none or two are."""
        found = {id(e): e for part in name.surname.split("-") for e in self._by_key.get(part, [])
                 if _forenames_compatible(name.forenames, e.forenames)}
        return list(found.values()) if len(found) == 1 else []

    def _title_reference(self, surface: str) -> _Entry | None:
        """Rule 6: ``the Generalissimo`` is the one person printed with that title, if exactly one."""
        titles, rest = _strip_titles(unicodedata.normalize("NFKC", _clean(surface)).split(), self._titles)
        wanted = {t for t in titles if t != "the"}
        if rest or not wanted:
            return None
        candidates = min((self._by_title.get(title, []) for title in wanted), key=len)
        holders = [e for e in candidates if any(wanted <= set(n.titles) for _, n in e.forms)]
        return holders[0] if len(holders) == 1 else None

    # ------------------------------------------------------------ construction

    def _entry(self, person_id: str) -> _Entry:
        entry = self._by_handle.get(person_id)
        if entry is None:
            entry = {self._final_ids()[e.handle]: e for e in self._entries}.get(person_id)
        if entry is None:
            raise ValueError(f"unknown person id {person_id!r}")
        return entry

    def _new_handle(self, base: str) -> str:
        handle, n = base, 2
        while handle in self._by_handle or handle in self._reserved or handle in self._role_labels.values():
            handle, n = f"{base}-{n}", n + 1
        return handle

    def _register(self, entry: _Entry) -> _Entry:
        entry.order = len(self._entries)
        self._entries.append(entry)
        self._by_handle[entry.handle] = entry
        return entry

    def _create(self, name: Name) -> _Entry:
        entry = self._register(_Entry(self._new_handle(slug(name.surname)), name.surname))
        self._add_key(entry, name.surname)
        return entry

    def _add_key(self, entry: _Entry, key: str) -> None:
        if key in entry.keys:
            return
        entry.keys.add(key)
        if entry.role_label is None:  # a role label (Q) is found by its label, never by a surname
            _insert_in_order(self._by_key.setdefault(key, []), entry)

    def _known_entry(self, known: KnownPerson) -> _Entry:
        entry = self._by_handle.get(known.ident)
        if entry is None:
            entry = self._register(_Entry(known.ident, known.ident, preferred=known.name, known=known))
        return entry

    def _note_alias(self, entry: _Entry, known: KnownPerson, name: Name) -> None:
        """A form no identity rule joins to the authority's name (``Iden`` for Eden) is an alias used."""
        main = parse_name(known.name, titles=self._titles)
        shown = name.bare or name.shown or name.surface
        if (main is None or not same_person(main, name)) and shown not in entry.aliases:
            entry.aliases.append(shown)

    def _role_entry(self, label: str) -> _Entry:
        entry = self._by_handle.get(label)
        if entry is None:
            entry = self._register(_Entry(label, label, roles=[label], role_label=label))
        return entry

    def _alias(self, surface: str, name: Name, alias_of: str) -> _Entry:
        entry = self._entry(alias_of)
        self._add_key(entry, name.surname)
        entry.id_surname = name.surname
        entry.preferred = _display(surface)
        self._add_form(entry, surface, name)
        return entry

    def _add_form(self, entry: _Entry, surface: str, name: Name) -> None:
        entry.forms.append((name.shown or _display(surface), name))
        if name.office:
            _add_office(entry, name.office)
        # "Kim Sok" is read with Sok as surname (two words), but Kim may be the surname printed first:
        # a later bare "Kim" is then this person, when no other Kim is (see _matches).
        first = name.bare.split()[:1] if name.bare and "," not in surface else []
        if first and len(name.bare.split()) > 1 and _fold(first[0]) in SURNAME_FIRST:
            key = _fold(first[0])
            if key != name.surname and entry not in self._by_first_word.get(key, []):
                _insert_in_order(self._by_first_word.setdefault(key, []), entry)
        if first and 1 < len(name.bare.split()) <= 3 and name.surname == _fold(first[0]) in VIETNAMESE_FAMILY_NAMES:
            self._add_key(entry, _fold(name.bare.split()[-1]))
        joined = _line_end_joined(name)
        if joined is not None:
            if name.surname not in self._hyphened.setdefault(joined, []):
                self._hyphened[joined].append(name.surname)
            if joined in entry.keys or any(key in entry.keys for key in self._hyphened.get(joined, [])):
                self._add_key(entry, name.surname)
                self._add_key(entry, joined)
        elif name.surname not in entry.keys and any(key in entry.keys for key in self._hyphened.get(name.surname, [])):
            self._add_key(entry, name.surname)  # "Honecker" of the person first printed "Hon-ecker"
        lead = _lead_word(name, surface)
        if lead is not None and entry not in self._by_lead_word.get(lead, []):
            _insert_in_order(self._by_lead_word.setdefault(lead, []), entry)
        paternal = _paternal_surname(name)
        if paternal and entry not in self._by_paternal.get(paternal, []):
            _insert_in_order(self._by_paternal.setdefault(paternal, []), entry)
        for title in name.titles:
            if title not in entry.titles:
                entry.titles.add(title)
                _insert_in_order(self._by_title.setdefault(title, []), entry)
        entry.forenames = _merge_forenames(entry.forenames, name.forenames)
        named = _named_before_honorific(name)
        if len(named.split()) > len(entry.honoured.split()):
            entry.honoured = named

    def _note(self, entry: _Entry, role: str | None, group: str) -> str:
        if role is not None and role not in entry.roles:
            entry.roles.append(role)
        if group == "participants":
            entry.group = group  # "participants" wins over "mentioned", whatever the order
        return entry.handle

    # ------------------------------------------------------------ output

    def _names(self, entry: _Entry) -> tuple[str, ...]:
        """The main form first, then every other printed form.

        Issue 10 §3: the main form is the fullest the record prints, without titles or
        organisation words, and not in capitals when any form is not (``I. V. Stalin``, not
        ``COMRADE I.V. STALIN``); a footnote's form still wins (rule 5).
        """
        if entry.role_label is not None:
            return ()  # rule 7: the label stays only in <speaker>
        displays = list(dict.fromkeys(d for d, _ in entry.forms))
        if entry.known is not None:
            main = entry.known.name  # the names authority's preferred name, printed or not
        elif entry.preferred is not None:
            main = entry.preferred
        else:
            own = [(k, form) for k, form in enumerate(entry.forms) if form[0] not in entry.other_names]
            ranked = max(own or list(enumerate(entry.forms)), key=lambda p: (
                OCR_BOX not in p[1][0], not _in_capitals(_bare(p[1][1], p[1][0])), _fullness(p[1][1], _bare(p[1][1], p[1][0])), -p[0]))
            main = _bare(ranked[1][1], ranked[1][0])
        return (main, *(d for d in displays if d != main))

    def _final_ids(self) -> dict[str, str]:
        """handle -> final id (see the module docstring for the scheme)."""
        people = [e for e in self._entries if e.role_label is None and e.known is None]
        bases = {e.handle: slug(_id_name(e)) for e in people}
        group_sizes: dict[str, int] = {}
        for base in bases.values():
            group_sizes[base] = group_sizes.get(base, 0) + 1
        fixed = [e for e in self._entries if e.role_label is not None or e.known is not None]
        used = set(self._reserved) | {e.handle for e in fixed}
        ids = {e.handle: e.handle for e in fixed}  # role labels and the authority's ids are never changed
        for e in people:
            base = bases[e.handle]
            initials = "".join(f[0] for f in e.forenames if f)
            wanted = f"{base}-{slug(initials)}" if group_sizes[base] > 1 and initials else base
            final, n = wanted, 2
            while final in used:
                final, n = f"{wanted}-{n}", n + 1
            used.add(final)
            ids[e.handle] = final
        return ids


def _read_as_compound(name: Name, compound: str) -> Name:
    head, surname = _short_reading(name)
    return replace(name, surname=compound, forenames=name.forenames[:-1]) if f"{head} {surname}" == compound else name


def _reads_short(entry: _Entry, word: str) -> bool:
    """The person is known by the short reading of a compound surname whose first word is this word, no given
    name (``Couve`` of Couve + ``de Murville``; not ``Charles`` of Charles + ``de Gaulle``)."""
    return entry.forenames[-1:] == (word,) and any(key.split()[0] in PARTICLES for key in entry.keys) \
        and not is_given_name(word)


# The particles a German or Dutch name drops when the bearer is named again (Ribbentrop, Schulenburg, Papen):
# never a French or Spanish article (de Gaulle is no Gaulle) nor "des"/"der" alone, which open a noun (des ZK).
_DROPPED_PARTICLES = frozenset({"von", "van", "vom", "zu"})


def _after_particles(surname: str) -> str | None:
    """A surname key's words after its leading particles (``von der schulenburg`` → ``schulenburg``); None
    when it opens with none that is dropped."""
    words = surname.split()
    rest = list(itertools.dropwhile(lambda word: word in PARTICLES, words))
    return " ".join(rest) if rest and words[0] in _DROPPED_PARTICLES and len(rest) < len(words) else None


def _compound_head(surname: str) -> str | None:
    """``couve`` of ``couve de murville``: a surname's first word, when a particle follows it."""
    words = surname.split()
    return words[0] if len(words) > 2 and words[0] not in PARTICLES and words[1] in PARTICLES else None


def _short_reading(name: Name) -> tuple[str | None, str]:
    """``Couve de Murville`` read as given name Couve, surname ``de murville``: (``couve``, ``de murville``);
    (None, surname) for any other reading."""
    words = name.surname.split()
    if len(words) > 1 and words[0] in PARTICLES and name.forenames and len(name.forenames[-1]) > 1:
        return name.forenames[-1], name.surname
    return None, name.surname


def _named_before_honorific(name: Name) -> str:
    """``Yusuf Kemal`` of ``Dr. Yusuf Kemal Bey``: the name's words before an honorific printed after it, else ""."""
    words = name.bare.split()
    return " ".join(words[:-1]) if len(words) > 1 and "," not in name.bare and is_honorific_after(words[-1]) else ""


def _id_name(entry: _Entry) -> str:
    """What the id is made of: the surname; the whole name of a person called with an honorific after it
    (``yusuf-kemal``, ``mustafa-kemal``, ``tevfik-rustu``: ``Kemal`` is no family name of either), when no
    other surname of theirs is printed; the first of two Spanish surnames (_paternal_called). A footnote's or
    catalogue's name comes first."""
    if entry.note is not None or entry.preferred is not None:
        return entry.id_surname
    if entry.honoured and entry.keys <= set(_fold(entry.honoured).split()):
        return entry.honoured  # not Nuri al-Said's "Nuri Pasha": his family name is printed too
    if "-" in entry.id_surname and entry.id_surname.replace("-", "") in entry.keys:
        return entry.id_surname.replace("-", "")  # "honecker", printed whole too, not the line-end "hon-ecker"
    return _paternal_called(entry) or _first_word_called(entry) or entry.id_surname


_ABBREVIATED_NAME = re.compile(r"[A-Z][a-z]{1,3}\.")
_LINE_END_HYPHEN = re.compile(r"[^\W\d_]{2,}-[a-z]+")  # the whole word: "Moshaver-ol-Mamalek" is no cut word


def _line_end_joined(name: Name) -> str | None:
    """``honecker`` of ``Hon-ecker``: a surname whose hyphen is followed by a lower-case letter was cut at a
    line's end and joined with the hyphen kept (ENCODING.md keeps it); its key without the hyphen. None for
    a surname of capitalised parts (``Niculescu-Mizil``) or with an Arabic article (``al-Sadat``)."""
    words = name.bare.split()
    if not words or "-" not in name.surname or " " in name.surname:
        return None
    last = ARABIC_ARTICLE_IN_WORD.sub("", words[-1], count=1)
    return name.surname.replace("-", "") if _LINE_END_HYPHEN.fullmatch(last.rstrip(".,;:")) else None


def _lead_word(name: Name, surface: str) -> str | None:
    """``mengistu`` of ``Mengistu Haile Mariam``: the folded first word of a name of two or more words printed
    in reading order, none of them initials, the first no known given name; else None."""
    words = name.bare.split() if name.bare and "," not in surface else []
    if len(words) < 2 or any(map(_is_initials, words)) or is_given_name(words[0]) \
            or not all(word[:1].isupper() for word in words):  # "Hosni al-Rifai" is called "Rifai"
        return None
    if _in_capitals(words[0]) and not _in_capitals(words[-1]):
        return None  # "EAM Sardar Swaran Singh", "SOBOLEV United Kingdom": an acronym or a surname in capitals
    lead = _fold(words[0])
    # a family name printed first ("Kim Sok") is found so by _by_first_word, and keeps its id
    return lead if lead != name.surname and lead.isalpha() and lead not in SURNAME_FIRST else None


def _first_word_called(entry: _Entry) -> str | None:
    """The first word of the person's name of three or more words when the record calls them by it alone and
    never by their surname alone (``mengistu`` for Mengistu Haile Mariam): the name they go by, as the id (it
    was ``mariam``, his father's name). Not a known given name: Fidel Castro Ruz stays ``castro``
    (_paternal_called). A name of two words keeps its last (``shehu`` of Comrade Mehmet Shehu, an Albanian
    called by his given name as comrades are)."""
    alone = {name.surname for _, name in entry.forms if not name.forenames and len(name.bare.split()) == 1}
    if not alone or entry.id_surname in alone:
        return None
    leads = [_lead_word(name, display) for display, name in entry.forms if len(name.bare.split()) > 2]
    return next((lead for lead in leads if lead is not None and lead in alone), None)


def _paternal_called(entry: _Entry) -> str | None:
    """``castro`` for Fidel Castro Ruz, when the record also calls him ``Fidel Castro`` or ``Castro``: the first of
    a Spanish name's two surnames is the family name he goes by (the id was ``ruz``, his mother's). Only so
    printed: ``John Foster Dulles`` is never called ``Foster``."""
    surnames = {name.surname for _, name in entry.forms}
    for _, name in entry.forms:
        paternal = _paternal_surname(name)
        if paternal is not None and name.surname == entry.id_surname and paternal in surnames:
            return paternal
    return None


def _insert_in_order(entries: list[_Entry], entry: _Entry) -> None:
    """Keep an index list in order of first mention (a key added later may belong to an early person)."""
    if not entries or entries[-1].order < entry.order:
        entries.append(entry)
    else:
        bisect.insort(entries, entry, key=lambda e: e.order)


def _add_office(entry: _Entry, office: str) -> None:
    """Each office once, whatever its case, and not again as the start of a longer one; printed in
    capitals only when no other form is (``Ambassador of Denmark`` over ``AMBASSADOR OF DENMARK``)."""
    for index, known in enumerate(entry.offices):
        if known.casefold() == office.casefold():
            if _in_capitals(known) and not _in_capitals(office):
                entry.offices[index] = office
            return
        if (known.casefold() + " ").startswith(office.casefold() + " "):
            return  # "Counsellor" after "Counsellor of the Embassy": nothing new
    entry.offices.append(office)


def _bare(name: Name, display: str) -> str:
    return name.bare or display


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _check_choice(value: str | None, allowed: tuple[str, ...], what: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}; got {value!r}")


def registry_for(persons: tuple[KnownPerson, ...] = (), vocabulary: Vocabulary = Vocabulary()) -> Registry:
    """A registry with the edition's names authority and its words added to the built-in lists."""
    titles = TITLES | {_title_key(title) for title in vocabulary.titles}
    labels = {**ROLE_LABELS, **{_title_key(label): role for label, role in vocabulary.role_labels}}
    not_persons = frozenset(_fold(word) for word in vocabulary.not_persons)
    return Registry(titles=titles, role_labels=MappingProxyType(labels), known=persons, not_persons=not_persons)
