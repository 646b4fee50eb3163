"""Speech: speaker labels of labelled turns, and reporting clauses (ENCODING.md 3).

A *label* opens a block: ``Stalin:``, ``Sir. D. Kelly:``, ``Comrade NAME:``,
``Q:``, a Chinese transcript's ``毛泽东：``. A *reporting clause* is a name (titles allowed) that is the subject of
a reporting verb from REPORTING_LEMMAS: ``Comrade STALIN says that …``.
The lexicons are module constants so that a deployment can extend them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable

from tei_encoder.alternation import longest_first_alternation
from tei_encoder.header import people
from tei_encoder.inline.directions import is_direction_wording
from tei_encoder.letters import UPPER
from tei_encoder.markers import NOTE_MARKER, plain

REPORTING_LEMMAS: tuple[str, ...] = (
    "say", "reply", "answer", "ask", "note", "remark", "add", "declare", "object", "agree",
    "propose", "state", "emphasize", "emphasise", "stress", "explain", "interject", "observe",
    "confirm", "insist", "specify", "continue", "respond", "repeat", "suggest", "mention",
    "assure", "promise", "inquire", "enquire", "tell", "request", "argue", "claim", "admit",
    "warn", "recall", "remind", "believe", "think", "consider", "express", "thank",
    "introduce", "apologize", "apologise", "point out", "interrupt", "refuse", "reject",
    "announce", "report", "suppose", "doubt", "protest", "concede", "conclude", "retort",
    "telegraph", "cable",  # a diplomat's report to his ministry: "Sir R. Bullard telegraphs that …"
)
_IRREGULAR = {"say": ("says", "said"), "tell": ("tells", "told"), "think": ("thinks", "thought"),
              "admit": ("admits", "admitted")}

# Labels that end in a colon but name no speaker.
NOT_SPEAKERS = frozenset("""
citation summary subject re date from to cc bcc note notes attendants present participants
contents translated source publ publication original language answer? copy copies title
place time location attachment enclosure keywords credits memorandum telegram reference
ref encl distribution minutes agenda item conclusion question? result results sent received
dated despatched dispatched copy copies file folder fond tape side no nos number tel
invited ps nb secret confidential urgent immediate restricted personal comment comments remark remarks
background text translation original appendix addendum postscript proposal proposals decision
decisions resolution resolutions recommendation recommendations conclusions purpose objective topic
topics issue issues point points status authority origin venue absent apologies phone telephone fax
cable message footnote footnotes sources references subj orig msg memo pp
files box boxes series record records archive archives collection division department section
classification priority precedence action info information attention attn page pages volume vol
reel roll document documents group lot annex enclosures signed approved drafted cleared keywords
requested guidance assessment analysis tags decl caption quote unquote begin end
author authors recipient recipients sender addressee type url link id
decided resolved agreed noted heard listened adopted ordered instructed
secretaries experts advisers advisors interpreters translators recorded checked
""".split())  # the second last line: minutes' resolution heads ("Decided: to send a letter …"; Russian Слушали/Постановили);
# the last: a protocol's lists of its staff by their plural ("Secretaries: A. Sabanin, Hikmet Bey.") and its
# recorder's fields ("Recorded:", "Checked: B. Shaposhnikov"): one speaks as a secretary, never as secretaries - {"answer?", "question?"}

# Role labels a transcript prints alone on a line (``INTERVIEWER``, ``Q``, ``MODERATOR``): a label
# by their wording, before the record has used them. The first ones are the registry's role labels.
ROLE_WORDS = frozenset(people.ROLE_LABELS) | frozenset(people.OFFICE_LABELS) | frozenset(
    "moderator host presenter announcer narrator correspondent reporter commentator".split())


# Capitalised subjects of reporting verbs that are not people: states, bodies, peoples.
# States and capitals (a place a phrase before a subject may end on: "On Outer Mongolia Sun declared").
PLACES = frozenset(w.casefold() for w in """
Afghanistan Albania America Austria Belgium Britain Bulgaria Canada China Czechoslovakia Denmark
England Estonia Finland France Germany Greece Holland Hungary India Iran Iraq Italy Japan Korea
Latvia Lithuania Mongolia Netherlands Norway Persia Poland Portugal Romania Rumania Russia Spain
Sweden Switzerland Syria Turkey Ukraine Yugoslavia USSR USA UK US UN UNO NATO Moscow London
Washington Paris Berlin Ankara Tokyo Beijing Peking Warsaw Prague Belgrade Budapest Bucharest Sofia
Jerusalem Cairo Vienna Bonn Geneva Havana Hanoi Pyongyang Tehran Baghdad Damascus Tirana Ulaanbaatar
Madrid Rome Lisbon Stockholm Helsinki Oslo Copenhagen Athens Kabul Riga Tallinn Kaunas Barcelona Valencia
""".split())
NOT_PEOPLE = PLACES | frozenset(w.casefold() for w in """
Government Ministry Embassy Parliament Party Committee Commission Council Cabinet Delegation Side
Soviets Union Kremlin Office Department Command Army Navy Press Agency TASS Pravda Izvestia
Air Force Marines Treasury Commerce Defense Defence Bureau Directorate Secretariat Headquarters
CIA FBI NSA JCS USIA AEC
Americans British French Germans Russians Chinese Japanese Poles Turks
Nobody Somebody Everybody Anybody Someone Anyone Everyone Noone
Times Temps Figaro Humanité Herald Tribune Gazette Observer Guardian
Opening Closing Concluding Introductory Preliminary
""".split())  # the third last line: pronouns a capital made look like a name ("No. Nobody thinks that.");
# the second last: newspapers cited as saying ("yesterday's Times, for example, wrote that …"); the last: a
# section's heading over the speeches ("1. Opening remarks", "Concluding remarks"), whose noun reads as a verb


def _verb_forms(lemma: str) -> tuple[str, ...]:
    head, _, particle = lemma.partition(" ")
    if head in _IRREGULAR:
        third, past = _IRREGULAR[head]
    elif head.endswith("y") and head[-2] not in "aeiou":
        third, past = head[:-1] + "ies", head[:-1] + "ied"
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        third, past = head + "es", head + "ed"
    elif head.endswith("e"):
        third, past = head + "s", head + "d"
    else:
        third, past = head + "s", head + "ed"
    suffix = f" {particle}" if particle else ""
    # No base form: a named person takes "says"/"said"; "Turkey continue", "the Baltic states"
    # and "Don't mention" must not read as reporting clauses.
    return tuple(form + suffix for form in (third, past))


# A Russian transcript's reporting verbs ("Молотов сказал, что …"): the past in each gender and number,
# and the present's third person.
RUSSIAN_VERB_FORMS = tuple("""
сказал сказала сказали говорит говорил говорила заявил заявила заявили заявляет спросил спросила спросили
спрашивает ответил ответила ответили отвечает отметил отметила отмечает подчеркнул подчеркнула подчеркивает
сообщил сообщила сообщает указал указала указывает добавил добавила добавляет предложил предложила
предлагает возразил возразила возражает напомнил напомнила поблагодарил поблагодарила благодарит
""".split())
# A German transcript's reporting verbs ("Genosse Breshnew betonte, dass …"), past and present; a
# separable verb's particle stands after the verb and before the comma ("teilte mit, dass").
GERMAN_VERB_FORMS = tuple(form.replace("_", " ") for form in """
sagte sagten sagt erklärte erklärten erklärt betonte betonten betont fragte fragten fragt antwortete
antworteten antwortet erwiderte erwiderten erwidert bemerkte bemerkten bemerkt unterstrich unterstrichen
unterstreicht meinte meinten meint informierte informierten informiert versicherte versicherten versichert
teilte_mit teilten_mit teilt_mit stellte_fest stellten_fest stellt_fest fügte_hinzu fügten_hinzu
schlug_vor schlugen_vor wies_darauf_hin äußerte äußerten äußert
""".split())
# A speech's first or last words reported by a gerund, as British records put it: "Mr. Bevin opened by
# saying that …", "Stalin began by asking whether …", "He concluded by expressing the hope that …".
GERUND_FORMS = tuple(f"{opening} by {gerund}" for opening in ("opened", "began", "started", "concluded", "ended")
                     for gerund in ("saying", "stating", "declaring", "asking", "observing", "remarking",
                                    "explaining", "recalling", "noting", "stressing", "emphasizing", "emphasising",
                                    "pointing out", "expressing the hope"))
# "states" is far more often the noun ("the Slav states", "the Baltic states") than the verb.
VERB_FORMS = tuple(sorted(({f for lemma in REPORTING_LEMMAS for f in _verb_forms(lemma)} - {"states"})
                          | set(RUSSIAN_VERB_FORMS) | set(GERMAN_VERB_FORMS) | set(GERUND_FORMS),
                          key=lambda form: (-len(form), form)))


_VERBS = longest_first_alternation(VERB_FORMS)
_TITLES = longest_first_alternation(people.TITLES)

_SHORT_TITLES = longest_first_alternation(t for t in people.TITLES if len(t) <= 4)
# A name as printed: titles (any case; only short ones take a dot, so "minister. Comrade"
# does not run across a sentence end), initials, one to three capitalised words.
TITLE_PREFIX = rf"(?:(?i:{_SHORT_TITLES})\.?|(?i:{_TITLES})|t\.|[Tt]t\.|Com\.)\s+"  # "t. Molotov", "Com. STALIN": people.ABBREVIATED_COMRADE
# A surname's particles in lower case ("General de Gaulle", "Couve de Murville", "von der Schulenburg"),
# after a title, initials or a forename: before, "General de Gaulle:" was no label and his turns were
# paragraphs. Case-sensitive: "De Gaulle" is a capitalised word already.
# people.PARTICLES but the Portuguese and German articles, which also stand before capitalised nouns
# ("das Politbüro beschloss"): in a label or a clause they would make a noun a name.
PARTICLES_BEFORE_NAME = rf"(?:(?:{longest_first_alternation(people.PARTICLES - {'dos', 'das'})})\s+){{0,2}}"
NAME = (rf"(?:{TITLE_PREFIX})*(?:{people.INITIAL}\s?)*{PARTICLES_BEFORE_NAME}[{UPPER}][\w'’-]*\.?"
        rf"(?:\s+(?:{people.INITIAL}\s?)*{PARTICLES_BEFORE_NAME}[{UPPER}][\w'’-]*){{0,2}}")
# A label's name may take the Portuguese particles after its forenames ("José Eduardo dos Santos:"): a
# label is no running text, where "das" or "dos" may be an article before a noun. Before, the label was
# none and dos Santos's words ran on in the turn before.
# A label's word may open with the Arabic article joined by a hyphen and with the ayn or hamza a
# transliteration prints before the capital ("ʿIzzat Ibrahim al-Duri:", "Tariq ʿAziz:", "Abd al-Halim Khaddam:"):
# before, such a label was none and the speaker's words ran on in the turn before, under another name.
_LABEL_WORD_START = rf"(?:{people.ARABIC_ARTICLES})?[\u02bf\u02be]?[{UPPER}]"
_LABEL_NAME = (rf"(?:{TITLE_PREFIX})*(?:{people.INITIAL}\s?)*{PARTICLES_BEFORE_NAME}{_LABEL_WORD_START}[\w'’-]*\.?"
               rf"(?:\s+(?:{people.INITIAL}\s?)*(?:(?:dos|das)\s+)?{PARTICLES_BEFORE_NAME}{_LABEL_WORD_START}[\w'’-]*)"
               rf"{{0,2}}")
# A speaker the transcriber could not name, told apart by a number ("Unidentified Male 1:", "Unknown
# Speaker 2:"), as a tape's transcript labels them: one speaker each, the number part of the label.
_UNNAMED_SPEAKER = r"(?:Unidentified|Unknown|Unnamed)(?: [A-Z][a-z]+){1,2}(?: \d{1,2})?"
# A press conference's questioner labelled by the kind of person asking, in lower case after the article
# ("Another correspondent:", "A journalist:"; people.ROLE_LABELS): before, no label, and the question ran on
# in the answer before it, the Prime Minister's.
UNNAMED_QUESTIONER = r"(?i:An?|Another|One) (?i:correspondent|journalist|reporter|questioner|newsman|pressman)"

# A note anchored at the speaker's name (``Khrushchev[footnoteRef:2]: …``, a biography at the
# first mention) stands between the name and the colon: it is part of the label as printed. Word puts
# the call after the colon as often (``Kohl:[footnoteRef:2] Guten Morgen``: the note was added to the
# label, colon and all): that note is the label's too, after its colon; before, the whole turn was a
# paragraph of the turn before or of narration.
# A verbatim record labels the chair by office ("The PRESIDENT:"), and a delegate with the country and
# the language interpreted from ("Mr. BEBLER (Yugoslavia) (interpretation from French):").
LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>{_UNNAMED_SPEAKER}|{UNNAMED_QUESTIONER}|(?:{_LABEL_NAME})|Q|A|The [{UPPER}][\w-]*(?: [{UPPER}][\w-]*){{0,2}}"
                   r"|(?i:voices?\s+(?:from|in)\s+the\s+(?:floor|hall|audience)))"
                   rf"(?P<note>{NOTE_MARKER.pattern})?"
                   rf"(?P<stage>(?:\s*\([^()]{{1,40}}\)){{1,2}})?(?P<spaced>\s*):"
                   rf"(?P<note_after>{NOTE_MARKER.pattern})?(?:\s+|$)"
                   rf"(?P<rest>.*)$", re.S)

# A Chinese or Japanese transcript's label: a Han name of two to four characters with its title as printed
# (赫鲁晓夫：, 毛泽东同志：), then the full-width colon (or an ASCII one) and the speech, with no space between.
HAN_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<label>{people.HAN_NAME.pattern})(?P<colon>[：:])\s*(?P<rest>.*)$", re.S)
# What such a label must not end on: a reporting verb (他说：, 我认为：, 毛泽东指出：: narration, not a label)
# and the fields of a record's apparatus (时间：, 地点：, 翻译：).
_HAN_NOT_LABEL_ENDS = ("说", "道", "问", "答", "称", "曰", "指出", "表示", "认为", "强调", "回答", "补充", "宣布")
_HAN_NOT_SPEAKERS = frozenset("""
时间 地点 日期 主题 事由 内容 备注 附件 附注 注释 译者 翻译 记录 记录人 整理 出席 出席者 参加 参加者 参加人员 在座
问题 结论 决定 议程 标题 来源 档案 文件 说明 摘要 编者 编者按 原注 电报 抄送 发送 收件人
""".split())


def _han_label(text: str) -> tuple[str, str, str] | None:
    """``(lead, label, rest)`` of ``毛泽东：这是好事。``; None for a field or narration before a colon."""
    match = HAN_LABEL.match(text)
    if match is None:
        return None
    label = match.group("label")
    if label in _HAN_NOT_SPEAKERS or match.group("han_name").endswith(_HAN_NOT_LABEL_ENDS):
        return None
    return match.group("lead"), label + match.group("colon"), match.group("rest")


# What may stand between the subject and its verb: a parenthesis (a stage
# direction), a parenthetic phrase between commas, an adverb.
_BETWEEN = (r"(?P<between>\s*(?:\((?P<stage>[^()]{1,40})\)\s*)?(?:,\s*[^,\n]{1,30},\s*)?"
            # a perfect ("has since said", "had already told"): what was said before, elsewhere; still said,
            # but its subject is no speaker of the record (_reporting_subjects)
            r"(?P<perfect>ha[sd]\s+(?:(?:since|already|also|just|now|again|repeatedly|often)\s+)?)?"
            r"(?:(?:then|also|again|further|once again|in turn|in reply|in response|\w+ly)\s+)?)")
# Whom the words were addressed to, between the verb and "that": "told me that", "assured him that", "told
# the Ambassador that", "said to the delegation that" (a pronoun, or up to three words after "the").
THAT_AFTER_ADDRESSEE = r"\s*,?\s*(?:that|whether|if)\b"  # what follows the one addressed (the inliner's too)
_ADDRESSEE = rf"(?:\s+(?:to\s+)?(?:me|him|her|us|them|you|the(?:\s+[\w-]+){{1,3}}?)(?={THAT_AFTER_ADDRESSEE}))"
# "informed" reports only with the one informed and a "that" after it: "informed me that …", "informed
# Eden that …" ("keep Mr. Bevin informed of …" is no clause). _INFORMED_SCAN finds it for the subject scan;
# _INFORMED is the tail's, where a name after it is a segment of its own.
_INFORMED_SCAN = (rf"inform(?:s|ed)(?={_ADDRESSEE}|\s+(?:to\s+)?[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+){{0,2}}"
                  rf"{THAT_AFTER_ADDRESSEE})")
_INFORMED = rf"inform(?:s|ed)(?={_ADDRESSEE}|\s+(?:to\s+)?$)"
# An adverb may stand after the verb: "replied evasively: …", "asked again whether …".
_COMPLEMENTISER = (rf"(?P<comp>{_ADDRESSEE}?(?:\s+(?:[a-z]+ly|again|once more|in reply))?\s*,?\s*(?:(?:that|whether|if|how|why|what|when|where|who|which|что|чтобы|ли|dass|daß|ob)\b,?\s*"
                   r"|:\s*|(?=[\"“])))?")
REPORTING_CLAUSE = re.compile(rf"(?<![\w'’\"“.])(?P<subject>{NAME}){_BETWEEN}(?P<verb>{_VERBS}|inform(?:s|ed))\b")
_WINDOW = 100  # characters before a verb in which its subject (titles, name, aside) must stand
_ALPHA = re.compile(r"[^\W\d_]+")  # letters of any script: "Đỗ Mười" is two words, not "M" and "ười"
# Every reporting verb form, one scan; a verb's first word opens a word of the text (no ASCII letter before it).
_VERB_SCAN = re.compile(rf"(?<![A-Za-z])(?:{_VERBS}|{_INFORMED_SCAN})\b")
TITLE_WORDS = frozenset(word for title in people.TITLES for word in title.split())


@functools.lru_cache(maxsize=64)
def _verbs(text: str) -> tuple[re.Match[str], ...]:
    """Reporting verbs in text, in order, from one scan of it. Kept for the last texts: the person
    scan asks for a text's reporting subjects, then for its embedded ones, of the same text."""
    found = []
    words: set[str] | None = None
    for verb in _VERB_SCAN.finditer(text):
        start = verb.start()
        if start and _ALPHA.match(text, start - 1, start):  # "ésaid": a letter outside ASCII before it
            if words is None:
                words = set(_ALPHA.findall(text))
            if verb.group().split()[0] not in words:
                continue  # the form is no word of its own here (a verb counts where it is one elsewhere too)
        found.append(verb)
    return tuple(found)


_PARTICLE_WORDS = frozenset(people.PARTICLES)


def name_starts(text: str, start: int, end: int):
    """Positions in text[start:end] where a name (or its title) may begin, nearest the start first
    (a particle too: "de Gaulle added that …")."""
    for word in _ALPHA.finditer(text, start, end):
        token = word.group()
        if token[0].isupper() or token.lower() in TITLE_WORDS or token in _PARTICLE_WORDS:
            yield word.start()
_ARTICLE_BEFORE = re.compile(r"\b(?:(?i:the|an)|a|A)\s+$")  # "THE CHANCELLOR …" in capitals too
# A name after a body's "of" names the body: "the Ministry of Foreign Affairs considered that …".
_BODY_OF_BEFORE = re.compile(r"\b(?i:" + "|".join(sorted(people.ORGANISATION_WORDS)) + rf")\s+of\s+(?:the\s+)?(?:[{UPPER}][\w-]*\s+){{0,2}}$")
_BODY_OF_REACH = 30


def _body_of_before(text: str, end: int) -> bool:
    """A body's name and "of" end right before ``end`` ("the Ministry of Foreign Affairs considered …").
    Every match holds "of": a text without one is not scanned (the pattern, anchored at the end, is
    tried at every position of the window)."""
    start = max(0, end - _BODY_OF_REACH)
    return text.find("of", start, end) != -1 and _BODY_OF_BEFORE.search(text, start, end) is not None


# A name right after "of" completes the noun before it: "The workers of Kiev asked me …".
_OF_BEFORE = re.compile(r"\b(?i:of)\s+$")
# An aside naming the source of the report inside the clause: "Bullitt, according to comrade Krestinsky, was
# nervous, said that …". The name after "according to" told the writer; the one who said it is the subject
# before the aside. (Before, the name of the source, nearest the verb, was taken for the speaker.)
SOURCE_ASIDE = re.compile(rf",\s*(?i:according to|in the words of)\s+(?:{TITLE_PREFIX})*$")
_SOURCE_ASIDE_REACH = 40
_NAME_ALONE = re.compile(rf"(?<![\w'’\"“.]){NAME}")


def subject_before_source_aside(text: str, start: int) -> str | None:
    """The name that ends right before a source aside ending at ``start`` ("Bullitt" in "Bullitt, according
    to comrade Krestinsky"), or "" when an aside ends there but no name stands before it; None: no aside."""
    reach = max(0, start - _SOURCE_ASIDE_REACH)
    if text.find(",", reach, start) == -1:
        return None  # (every aside opens with a comma: most clauses have none before them)
    aside = SOURCE_ASIDE.search(text, reach, start)
    if aside is None:
        return None
    for word_start in name_starts(text, max(0, aside.start() - _WINDOW), aside.start()):
        name = _NAME_ALONE.match(text, word_start, aside.start())
        if name is not None and name.end() == aside.start():
            return name.group()
    return ""
# Applied to the text right after a resolved name.
REPORTING_TAIL = re.compile(rf"^{_BETWEEN}(?P<verb>{_VERBS}|{_INFORMED})\b{_COMPLEMENTISER}")

_NOT_SUBJECT_START = frozenset("""
the then however but and if when in on at as this that these those he she it they we i you
his her their our my your a an since while although therefore thus nevertheless for from to
with by after before here there now also both such some many members answering perhaps
whatever what who which where why how no yes all every each one first second third
everybody everyone somebody someone nobody anybody anyone nothing something everything
further later finally next moreover furthermore besides again meanwhile subsequently afterwards
thereupon accordingly lastly secondly thirdly today yesterday tomorrow
он она они мы я вы это затем потом далее
er sie es ich wir ihr man dann danach darauf außerdem ferner weiter
""".split())


def _function_word_first(name: str) -> bool:
    """The name opens with a word that opens sentences, not names (``The``, ``However``, ``He``), unless it is
    the Chinese family name He before a given name (``He Ying:``, people.family_name_he)."""
    words = name.split()
    return words[0].lower() in _NOT_SUBJECT_START and not people.family_name_he(words)


# The first words of a letter's salute ("Dear Mr. President:", "Esteemed Comrade Kim:"): no label starts so.
_SALUTATION_WORDS = frozenset("dear dearest esteemed respected honoured honored".split())


# Cached: the block rules, the turn reader and the label count ask this of the same unit's text again.
@functools.lru_cache(maxsize=1024)
def match_label(text: str) -> tuple[str, str, str] | None:
    """``(lead, label, rest)`` when the block opens with a speaker label, else None.

    A direction inside the label (``Stalin (after a pause):``) is returned at the start of rest,
    where the turn reader takes it as the turn's first stage direction.
    """
    if ":" not in text:  # every label ends with its colon: most units hold none, and need no match
        return _han_label(text) if "：" in text else None
    match = LABEL.match(text)
    if not match:
        return _han_label(text)  # a Han name is no Latin or Cyrillic one: "毛泽东: 这是好事。"
    label = match.group("label")
    key = label.rstrip(".").lower()
    last = label.split()[-1].rstrip(".").casefold()
    if key in NOT_SPEAKERS or _words_after_titles(label) > 5 or last in NOT_PEOPLE or last in NOT_SPEAKERS:
        return None  # "Central Committee: Comrades …" addresses a body; it is no speaker
    if label.split()[0].casefold() in _SALUTATION_WORDS:
        return None  # "Dear Comrade Novotný:" opens a letter, as American letters end their salute with a colon
    by_role = (key in people.ROLE_LABELS or people.office_of_label(label) is not None  # "Q:", "The PRESIDENT:"
               or people.unnamed_speaker_role(key) is not None  # "Unidentified Male 1:"
               or _bare_office_label(label, match.group("rest")))
    if not by_role and people.parse_name(label) is None:
        return None
    if not by_role and _function_word_first(label):
        return None
    rest = match.group("rest")
    label += match.group("note") or ""  # the note stays where it was printed, after the name
    colon = match.group("spaced") + ":" + (match.group("note_after") or "")  # "M. Khrouchtchev :": French typography's space kept as printed
    stage = match.group("stage")
    if stage and (is_part_played(stage) or stage.count("(") == 2 or (by_role and _OFFICE_HOLDER.fullmatch(stage.strip()))):
        # "KIM (interpreter):"; "Mr. BEBLER (Yugoslavia) (interpretation from French):" keeps both
        return match.group("lead"), label + stage + colon, rest
    if match.group("stage"):
        return match.group("lead"), label + colon, f"{match.group('stage').strip()} {rest}".rstrip()
    return match.group("lead"), label + colon, rest


# An office alone as a speaker's label, without "The" (``Ambassador:<tab>I said that …`` opposite
# ``Qasim:``): the writer's own side named by the office he holds. Only offices one person holds in a
# conversation, and only over a sentence: ``Ambassador: Stanisław Kozłowski`` is a field, no turn.
_BARE_OFFICES = frozenset("ambassador minister premier president envoy consul counsellor counselor chancellor".split())
_SENTENCE_WORDS = 5


def _bare_office_label(label: str, rest: str) -> bool:
    words = rest.split()
    return (_bare_office(label) and label[:1].isupper()
            and len(words) >= _SENTENCE_WORDS and any(word[:1].islower() for word in words))


def _bare_office(label: str) -> bool:
    """``Ambassador``, and such an office with the titles that qualify it (``PRIME MINISTER``, ``Foreign
    Minister``, ``Vice President``), as a press conference's verbatim record labels the one who answers
    without naming him: before, ``PRIME MINISTER:`` was no label and his answers ran on in the question's turn."""
    words = label.rstrip(".").casefold().split()
    if len(words) == 1:
        return words[0] in _BARE_OFFICES
    return (len(words) <= 3 and words[0] != "the" and words[-1] in _BARE_OFFICES  # "The Ambassador" has its article
            and people.office_of_label("The " + " ".join(words)) is not None)


def office_label_name(name: str) -> str:
    """The name the registry knows an office label by: ``Ambassador`` alone is ``The Ambassador``."""
    return f"The {name.rstrip('.')}" if _bare_office(name) else name


_TITLES_BEFORE = re.compile(rf"^(?:{TITLE_PREFIX})*")

# A heading's parties: "… of the deputy people's commissar … L. M. Karakhan with the ambassador of Persia
# in the USSR Ali-Gholi Khan Ansari (Moshaver-ol-Mamalek)"; an office, then its holder's name at the end.
_HEADING_PARTIES = re.compile(r"\s+(?:with|and|between)\s+|,\s*", re.I)
_NAME_WORD = re.compile(rf"^(?:[{UPPER}][\w'’-]*\.?|[{UPPER}]\.)$")


def heading_office_holder(heading: str, office: str) -> str | None:
    """The name a record's heading gives the one party printed with ``office`` (``ambassador``): the
    capitalised words that end that party's part of the heading, its bodies and places left out (``… in
    the USSR Ali-Gholi Khan Ansari``). None when no part or more than one names the office, or no name
    ends it: an office label (``The Ambassador:``) then stays a person of its own."""
    office_words = re.compile(rf"\b{re.escape(office)}\b", re.I)
    parts = [part for part in _HEADING_PARTIES.split(heading) if office_words.search(part)]
    if len(parts) != 1:
        return None
    words = re.sub(r"\s*\([^()]*\)\s*$", "", parts[0]).split()
    name: list[str] = []
    while words and _NAME_WORD.match(words[-1]) and words[-1].rstrip(".").casefold() not in NOT_PEOPLE \
            and not is_capitals(words[-1].rstrip(".")) and not office_words.fullmatch(words[-1]):
        name.insert(0, words.pop())
    holder = " ".join(name)
    parsed = people.parse_name(holder) if name else None
    return holder if parsed is not None and len(name) >= 2 else None


def _words_after_titles(label: str) -> int:
    """The words of a label's name, its titles not counted: a title of three words ("Comandante en Jefe
    Fidel Castro Ruz:") made a name of three words too long for a label."""
    return len(label[_TITLES_BEFORE.match(label).end():].split())  # type: ignore[union-attr]  # (matches always)


# A parenthesis after a speaker's name that says who the speaker is, not what they do: ``KIM
# (interpreter):``, ``Molotov (People's Commissar):``. ``(after a pause)``, ``(to Eden)``,
# ``(smiling)`` and ``(continuing)`` are directions.
_DIRECTION_OPENINGS = frozenset("""
after before to turning with without in on at continuing reading looking quietly aloud again then
interrupting addressing pointing raising standing rising sitting
""".split())
OFFICE_WORDS = frozenset("""
interpreter translator chairman chairwoman chair secretary recorder minister commissar ambassador
counsellor counselor consul envoy deputy head member adviser advisor attache general colonel admiral
marshal president premier director officer delegate representative spokesman professor editor
correspondent former acting
""".split())
_LABEL_PART = re.compile(r"^(?P<name>.*?)\s*\((?P<part>[^()]{1,80})\)$")
# A debate's label: the office, then its holder in parentheses ("The Prime Minister (Mr. Attlee):").
_HOLDER = r"(?:Mr|Mrs|Miss|Ms|Sir|Lord|Lady|Dr)\.?\s[^()]{1,40}"
_OFFICE_HOLDER = re.compile(rf"\({_HOLDER}\)")
_OFFICE_AND_HOLDER = re.compile(rf"^The (?P<office>[^()]+?)\s*\((?P<name>{_HOLDER})\)$")
# An office label without "The" (a stenographic record's "CHAIRMAN (Comrade Tarabanov):"), its holder after it.
_BARE_OFFICE_AND_HOLDER = re.compile(rf"^(?P<office>[^()]+?)\s*\((?P<name>(?:{_HOLDER}|(?i:comrade|cde\.?|tov\.?)\s[^()]{{1,40}}))\)$")
# The words that make a phrase a state's name ("German Democratic Republic", "Union of Soviet Socialist Republics").
_STATE_WORDS = frozenset("republic republics kingdom union federation confederation emirates principality".split())


def names_a_state(phrase: str) -> bool:
    """A label's parenthesis names the delegate's state, not a part or office of theirs (``Hungarian People's
    Republic``; not ``People's Commissar of the USSR``, whose office word tells the office)."""
    words = [word.casefold() for word in re.findall(r"[^\W\d_]+", phrase)]
    return bool(_STATE_WORDS.intersection(words)) and not OFFICE_WORDS.intersection(words)


_TWO_PARENTHESES = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<part>[^()]{1,80})\)\s*\([^()]{1,80}\)$")


def is_part_played(parenthesis: str) -> bool:
    """Whether a label's parenthesis (``(Deputy Minister)``) names the speaker's part or office."""
    inner = parenthesis.strip().strip("()").strip()
    words = re.findall(r"[A-Za-z'’]+", inner)
    if not words or len(words) > 10 or is_direction_wording(inner):
        return False
    if words[0].lower() in _DIRECTION_OPENINGS or words[0].lower().endswith("ing"):
        return False
    if any(word.lower() in OFFICE_WORDS for word in words):
        return True
    # Else a title-case phrase of two words or more ("People's Commissariat", "Soviet Side"); not "(Reads)".
    content = [word for word in words if word.lower() not in ("of", "the", "for", "in", "and", "at", "to")]
    return len(content) >= 2 and all(word[:1].isupper() for word in content)


def field_label(text: str) -> bool:
    """The unit opens with a field's label in a speaker label's place (``Resolution: Cdes. Mikoyan and
    Suslov are to travel …``, ``Decided: …``, ``Note: …``): minutes' apparatus, no speech of a turn."""
    match = LABEL.match(text) if ":" in text else None  # a label ends with its colon
    return match is not None and match.group("label").rstrip(".").lower() in NOT_SPEAKERS


# Cached: a speaker's label is read again at each of their turns (29 reads a record, 28 of them repeats).
@functools.lru_cache(maxsize=1024)
def label_parts(label: str) -> tuple[str, str | None]:
    """A label's name and the part it gives the speaker: ``GROMYKO (Deputy Minister):`` →
    (``GROMYKO``, ``Deputy Minister``); a label without one → (the name, None)."""
    bare = plain(label).strip().rstrip(":：").rstrip()  # a note at the name is no part of it
    holder = _OFFICE_AND_HOLDER.match(bare)
    if holder:  # "The Prime Minister (Mr. Attlee)": Attlee, holding the office
        return holder.group("name"), holder.group("office")
    holder = _BARE_OFFICE_AND_HOLDER.match(bare)
    if holder and people.office_of_label(holder.group("office")) is not None:
        return holder.group("name"), holder.group("office")  # "CHAIRMAN (Comrade Tarabanov)": Tarabanov, in the chair
    match = _LABEL_PART.match(bare)
    if match and match.group("name") and is_part_played(match.group("part")):
        if names_a_state(match.group("part")):
            return match.group("name"), None  # "F. PUJA (Hungarian People's Republic)": his state, no office of his
        return match.group("name"), match.group("part").strip()
    delegate = _TWO_PARENTHESES.match(bare)
    if delegate:  # "Mr. BEBLER (Yugoslavia) (interpretation from French)"
        part = delegate.group("part")
        return delegate.group("name"), part if is_part_played(part) and not names_a_state(part) else None
    return bare, None


def opens_with_reporting_clause(text: str) -> bool:
    """``Comrade STALIN says …`` (perhaps after a lead-in) opening a block: narration, not a turn."""
    return bool(reporting_subjects(text[:_WINDOW]))


# Titles printed abbreviated with a full stop ("Gen. Kim", "Messrs. Eden and Cadogan"): a longer title is
# a whole word, and its full stop ends a sentence ("… more cautious than his Minister. He said that …").
_ABBREVIATED_TITLES = frozenset(title for title in people.TITLES if len(title) <= 4) | {"messrs"}


def _sentence_end_inside(subject: str) -> bool:
    """A word of the subject but its last ends a sentence: a full stop after a word that is no
    initial or abbreviated title ("Bulgaria. Saracoğlu", "Minister. He", not "Gen. Kim" or "V. M. Molotov")."""
    return any(len(word) > 3 and word.endswith(".") and word[:-1].lower() not in _ABBREVIATED_TITLES
               and not _INITIAL_WORD.fullmatch(word) for word in subject.split()[:-1])  # "Dzh. Mirza-Khan", "Shch."


_INITIAL_WORD = re.compile(people.INITIAL)


# An all-capitals text (a teletype telegram: "GROMYKO SAID THAT …") has no case to tell a name from a
# word. Its shadow, of the same length, writes the small words and the reporting verbs in lower case and
# every other word with one capital ("Gromyko said that …"), so the clause rules read it as they read
# print; what they find is taken from the text at the same place, as printed.
_SMALL_WORDS = frozenset("""a an the of in on at to for with by from and or but not no nor that whether if
he she it we they me him her us them his its our their this these those who whom which what when where why how
was were is are be been being had has have would will could should shall may might must do did does also
then there here as so than very about after before into over under upon against between during without
all any some such only just still again once too more most much many other""".split()) | {
    word for form in VERB_FORMS for word in form.split()} | NOT_SPEAKERS  # "ACTION REQUESTED:" names no one
_CAPITALS_WORD = re.compile(r"[A-Z][A-Z'’]*")


def _shadow_word(word: re.Match[str]) -> str:
    text = word.group()
    if text == "I":
        return text
    lower = text.lower()
    return lower if lower in _SMALL_WORDS else text[0] + lower[1:]


def in_capitals(text: str) -> bool:
    """A text of several words, every letter a capital."""
    return text.isupper() and text.count(" ") >= 3


def capitals_shadow(text: str) -> str:
    """The all-capitals ``text`` in the case of print (see _SMALL_WORDS); the same length."""
    shadow = _POSSESSED.sub(_lower_possessed, _CAPITALS_WORD.sub(_shadow_word, text))
    shadow = _SENTENCE_OPENING.sub(_upper_opening, shadow)  # "… STAY. THE SECRETARY SAID": "The Secretary said"
    return shadow if len(shadow) == len(text) else text


_POSSESSED = re.compile(r"(?<=['’]s )[A-Z]")  # "Gromyko's tone suggests": the thing possessed is no name


def _lower_possessed(letter: re.Match[str]) -> str:
    return letter.group().lower()


# A pronoun or article that opens a sentence takes its capital, as in print: the clause rules read "He
# replied …" and "The Secretary said …" as pronoun clauses. Field words keep theirs small ("2. ACTION
# REQUESTED:" is no subject), and a paragraph's number is no sentence's end.
_SENTENCE_OPENING = re.compile(r"(?:^|(?<=[A-Za-z][.!?] )|(?<=[A-Za-z][.!?][\"”’)] ))"
                               r"(?=(?:the|he|she|they|we|it|this|that|these|those|his|her|their|our|a|an)\b)[a-z]")


def _upper_opening(letter: re.Match[str]) -> str:
    return letter.group().upper()


def reporting_subjects(text: str, perfect: bool = False, *, people_only: bool = False) -> list[str]:
    """Names that are the subject of a reporting verb in text, as printed; with ``perfect``, the subjects
    of a perfect instead (``M. Molotov has since said``: what was said before and elsewhere). With
    ``people_only`` (the person scan), a clause of an all-capitals text only where it says something
    (_says_something_in_capitals): there a capital tells no name from a word."""
    if perfect and " ha" not in text:
        return []  # (no "has" or "had": most texts)
    if in_capitals(text):
        shadow = capitals_shadow(text)
        if shadow != text:
            spans, position = [], 0
            keep = _says_something_in_capitals if people_only else None
            for subject in _reporting_subjects(shadow, perfect, keep):
                start = shadow.index(subject, position)
                position = start + len(subject)
                spans.append(text[start:position])
            return spans
    return _reporting_subjects(text, perfect)


_PARENTHESISED_NAME = re.compile(rf"[{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+){{0,2}}")


def _named_in_parentheses(stage: str | None) -> str | None:
    """The name a parenthesis after a subject gives (``Bailes`` in ``UK Rep (Bailes) said``), not a
    stage direction (``(Laughing)``) or a place or body."""
    if not stage or not _PARENTHESISED_NAME.fullmatch(stage) or is_direction_wording(stage):
        return None
    last = stage.rsplit(None, 1)[-1].casefold()
    if last in NOT_PEOPLE or last in NOT_SPEAKERS or people.parse_name(stage) is None:
        return None
    return stage


_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")


def _reporting_subjects(text: str, perfect: bool = False,
                        keep: Callable[[str, re.Match[str]], bool] | None = None) -> list[str]:
    found = []
    for match in _clauses(text):
        if bool(match.group("perfect")) is not perfect:
            continue  # "Mr. Bevin has said over and over again …": said before, elsewhere; no speaker here
        if keep is not None and not keep(text, match):
            continue
        named = _named_in_parentheses(match.group("stage"))
        before_aside = subject_before_source_aside(text, match.start())
        if before_aside is not None:  # "Bullitt, according to comrade Krestinsky, … said": Bullitt said it
            subject = trim_subject(before_aside) if before_aside else None
            if subject:
                found.append(subject)
        elif named:  # "UK REP (BAILES) SAID", "the Minister (Gromyko) said": the person is the one named
            found.append(named)
        elif match.group("subject").endswith(_POSSESSIVE_ENDINGS) and not match.group("between").strip():
            continue  # "Translator's notes are given …", "Eden's remarks": the verb is the noun possessed
        elif not (_ARTICLE_BEFORE.search(text, max(0, match.start() - 5), match.start())
                  or match.group("subject").split(None, 1)[0].casefold() == "of"  # "… OF THE EXCHEQUER said"
                  or _OF_BEFORE.search(text, max(0, match.start() - 4), match.start())
                  or _body_of_before(text, match.start())):
            # (no subject after an article: "the Baltic states" is no person's name)
            subject = trim_subject(match.group("subject"))
            if subject:
                found.append(subject)
    return found


# In an all-capitals text (a teletype telegram, a broadcast's headline) the shadow capitalises every word
# that is no small word, so any word before a verb form reads as a subject: "… WAHEED ABDULLAH, WHO TOOK
# NOTES." made a person "TOOK" (of "notes"), the headline "CURFEW, BORDER CLOSURE ANNOUNCED" one "BORDER
# CLOSURE". A clause there names a person only where it says something: a title or a given name in the
# subject ("MR. BHUTTO SAYS"), or words said after the verb, in the same sentence ("GROMYKO SAID SOVIETS
# WOULD …"); after a verb form that is also a plural noun ("NOTES", "REMARKS", "REPORTS") only a
# complement ("NAIM NOTES THAT …", "… REPLIES: …") tells the verb. A headline (no full stop at its end)
# reports in the present ("NASIR SAYS EGYPT WILL FIGHT"); its past form is a passive participle ("ISRAELI
# FORCES REPORTED IN SINAI"), whose subject is what was reported.
_PLURAL_NOUN_FORMS = frozenset("""notes remarks reports requests claims doubts protests thanks answers replies
objects cables telegraphs promises retorts""".split())
_COMPLEMENT_AFTER = re.compile(r"\s*,?\s*(?:(?:to\s+)?(?:me|him|her|us|them|you)\s+)?(?:that|whether|if)\b|\s*[:\"“]")
_HEADLINE = re.compile(r"[.!?:;][\"”’)]?\s*$")  # (the end of a text that is no headline)
_NOTHING_AFTER = re.compile(r"\s*(?:[.;!?)\]]|$)")


def _says_something_in_capitals(shadow: str, clause: re.Match[str]) -> bool:
    """The clause, read in an all-capitals text's shadow, names its subject as a speaker (see above)."""
    subject = clause.group("subject")
    if _TITLES_BEFORE.match(subject).end() or any(people.is_given_name(word) for word in subject.split()[:-1]):  # type: ignore[union-attr]
        return True
    verb = clause.group("verb").casefold()
    if verb in _PLURAL_NOUN_FORMS:
        return _COMPLEMENT_AFTER.match(shadow, clause.end()) is not None
    if _HEADLINE.search(shadow) is None and not verb.split()[0].endswith("s"):
        return False
    return _NOTHING_AFTER.match(shadow, clause.end()) is None


# Cached: the person scan asks for a text's subjects, then for the subjects of its perfects ("has said"):
# one set of clauses, each then kept by the one of the two passes its tense belongs to.
@functools.lru_cache(maxsize=64)
def _clauses(text: str) -> tuple[re.Match[str], ...]:
    """Each reporting verb's clause in text, in order: the first name start before the verb (in the
    window after the clause before) from which the clause pattern reaches the verb's end, its subject
    crossing no sentence end ("… into Bulgaria. Saracoğlu asked": the subject starts after it)."""
    found = []
    position = 0
    # Verb first: the clause pattern is only tried, anchored, at the capitalised words (and
    # title words) shortly before each reporting verb: far cheaper than a scan of the text.
    for verb in _verbs(text):
        start = max(position, verb.start() - _WINDOW)
        for word_start in name_starts(text, start, verb.start()):
            match = REPORTING_CLAUSE.match(text, word_start, verb.end())
            if match is None or match.end() != verb.end() or _sentence_end_inside(match.group("subject")):
                continue
            position = verb.end()
            found.append(match)
            break
    return tuple(found)


# A reporting clause with a pronoun subject (``I replied that …``, ``He asked whether …``) opening a
# sentence: it names no one, but the reported speech before it ends there.
# A person a sentence names by a title alone (``The Ambassador replied …``; rule 6 of the identity rules).
_TITLE_SUBJECT = "The (?:" + "|".join(re.escape(t.title()) for t in sorted(people.TITLES, key=lambda t: (-len(t), t))
                                     if t not in ("the", "mr", "mrs", "ms", "m")) + ")"
# A reporting clause opened by a pronoun or such a title: no name in it, yet it ends the said before it.
PRONOUN_CLAUSE = re.compile(rf"(?:I|We|He|She|They|Я|Мы|Он|Она|Они|Ich|Wir|Er|Sie|{_TITLE_SUBJECT})\b{_BETWEEN}(?P<verb>{_VERBS})\b")
_COMPLEMENT = re.compile(rf"\b(?:{_VERBS})\b\s*,?\s*(?:that|whether|if|how|why|what|when|where|:)(?!\w)")
# Where a clause may start: after a sentence's end or a comma or semicolon (and at the text's start,
# sentence_starts); the mark first, so that the scan skips to the marks: one class of them opens the
# pattern ("(?:[.!?]…|[,;])", two branches, was tried at every position), a closing quotation mark or
# parenthesis only after a sentence's end.
_SENTENCE_START = re.compile(r"[.!?,;](?:(?<=[.!?])[\"”’)])?\s+(?=\S)")


def embedded_subjects(text: str) -> set[str]:
    """Subjects of reporting clauses that stand inside what an earlier clause of their sentence
    reports: in ``Orlov says that Baker thinks …`` Baker is mentioned, not a speaker (after a
    comma or semicolon a clause may start anew, as the inliner reads it)."""
    embedded: set[str] = set()
    # Where clauses may start, found once: the last one before each verb opens its sentence (one
    # scan of the text, not one from the start per verb; a start must lie before the verb).
    starts = sentence_starts(text)
    for verb in _verbs(text):
        before = bisect.bisect_left(starts, verb.start())
        sentence = text[starts[before - 1] if before else 0:verb.start()]
        clause = _COMPLEMENT.search(sentence)
        if clause is None:
            continue
        subjects = reporting_subjects(sentence[clause.end():] + " " + verb.group())
        embedded.update(subjects[-1:])
    return embedded


def sentence_starts(text: str) -> list[int]:
    """Where a clause may start in text, in order: its start (unless a space), and after each sentence
    end, comma or semicolon and the spaces after it."""
    starts = [0] if text[:1] and not text[0].isspace() else []
    starts += [match.end() for match in _SENTENCE_START.finditer(text)]
    return starts


def _after_the_place(words: list[str]) -> list[str]:
    """The words after the last state or capital named before the subject's last word: in ``On Outer
    Mongolia Sun declared …``, ``In Peking Chang said …`` the place is the phrase's before the subject, which
    is ``Sun``, ``Chang`` (before, ``Mongolia Sun`` was a person, the place a forename). A given name is
    never taken for the place."""
    places = [k for k, word in enumerate(words[:-1]) if word.strip(".,’'").casefold() in PLACES
              and not people.is_given_name(word)]
    return words[places[-1] + 1:] if places else words


# Cached: the subject of each reporting clause is asked again at each clause of the same speaker's.
@functools.lru_cache(maxsize=1024)
def trim_subject(subject: str) -> str | None:
    """Drop sentence-initial function words a capital letter made look like a name."""
    words = subject.split()
    if words and words[0].lower() in ("the", "a", "an"):
        return None
    while words and words[0].lower() in _NOT_SUBJECT_START and not people.family_name_he(words):
        words.pop(0)  # "Then He Ying said": He is his family name, not the pronoun
    words = _after_the_place(words)
    if not words:
        return None
    candidate = " ".join(words)
    if words[-1].strip(".,’'").casefold() in NOT_PEOPLE:
        return None
    return candidate if people.parse_name(candidate) else None


# A label alone on its line: a name or role (one to four capitalised words), perhaps with the
# speaker's role or office in parentheses (``KALNINS (former counsellor of the Legation)``).
BARE_LABEL = re.compile(rf"^(?P<lead>[\u25a1 ]*)(?P<name>(?:[{UPPER}][\w'’-]*\.? ){{0,3}}[{UPPER}][\w'’-]*)"
                        r"(?:\s*\((?P<role>[^()]{1,80})\))?$")


# A document's heading in capitals, a genre word and what it is of: "RECORD OF CONVERSATION", "MEMORANDUM OF
# CONVERSATION", "NOTES ON THE TALK". Shaped like a label alone on its line, but no one's name: in a record
# with turns it became a speaker (and a person "conversation") whose turn swallowed the entry under it.
_DOCUMENT_HEADING = re.compile(r"(?i:record(?:ing)?|memorandum|minutes|notes?|protocol|report|transcript|summary|"
                               r"diary|telegram|letter)\s+(?i:of|on|with|from|to|about|concerning|regarding|between)\b")


# The first words of a letter's salute ("Dear Mr. President:", "Esteemed Comrade Kim:"): no label starts so.
_SALUTATION_WORDS = frozenset("dear dearest esteemed respected honoured honored".split())


# Cached: the block rules, the turn reader and the label count ask this of the same unit's text again.
@functools.lru_cache(maxsize=1024)
def bare_label(line: str) -> str | None:
    """The name of a label alone on its line (``KALNINS``, ``INTERVIEWER``), else None.

    Only the shape: the caller decides whether the record uses the line as a label.
    """
    match = BARE_LABEL.match(line.strip())
    if not match:
        return None
    name = match.group("name")
    key = name.rstrip(".").lower()
    if key in ROLE_WORDS:
        return name
    if _DOCUMENT_HEADING.match(name):
        return None
    last = name.split()[-1].rstrip(".").casefold()
    if key in NOT_SPEAKERS or last in NOT_SPEAKERS or last in NOT_PEOPLE or _function_word_first(name):
        return None
    return name if people.parse_name(name) is not None else None


def is_role_word(name: str) -> bool:
    key = name.rstrip(".:").lower()
    return key in ROLE_WORDS or people.unnamed_speaker_role(key) is not None  # "Unidentified Male 2"


def is_capitals(name: str) -> bool:
    """``ORLOV``, ``SIR D. KELLY``: a name printed in capitals (two letters at least)."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# A label inside a paragraph, after a sentence end: ``… in Carinthia? ASHBY: Three …``. The sentence's
# last mark is part of the match (a pattern opening with a look-behind is tried at every position; one
# opening with a character class, only where one of its characters stands).
INLINE_LABEL = re.compile(
    rf"[.?!…](?:[\"”’)\]]*)\s+(?P<label>(?:{NAME})|Q|A)(?P<stage>\s*\([^()]{{1,40}}\))?\s*:\s+(?=\S)")


def inline_label_starts(text: str) -> list[tuple[int, str]]:
    """(where the label starts, its name) for each label-shaped run after a sentence end."""
    if ":" not in text:
        return []  # the common case, without a scan
    return list(_inline_label_starts(text))


# Cached: the record's label count and the inline-labels rule ask this of the same unit's text.
@functools.lru_cache(maxsize=1024)
def _inline_label_starts(text: str) -> tuple[tuple[int, str], ...]:
    found: list[tuple[int, str]] = []
    for match in INLINE_LABEL.finditer(text, 0, _label_scan_end(text)):
        label = match.group("label")
        after_mark = match.start() + 1  # the sentence's last mark ends the text that may hold an abbreviation
        if _ABBREVIATION_BEFORE.search(text, max(0, after_mark - _ABBREVIATION_REACH), after_mark):
            continue  # "Sir D. Kelly:", "Mr. Orlov:": the full stop ends an initial or a title
        if match_label(text[match.start("label"):]) is not None:
            found.append((match.start("label"), label))
    return tuple(found)


def _label_scan_end(text: str) -> int:
    """Where the scan for inline labels may stop: just past the first non-space after the last colon and
    the spaces after it. A label's match ends before a non-space that only spaces part from its colon, so
    none ends later, and none reads further; the sentence ends after the last colon (most of a turn's
    text, whose own label's colon opens it) were each tried with the whole name pattern."""
    after_colon = text.rfind(":") + 1
    first_non_space = len(text) - len(text[after_colon:].lstrip())
    return min(len(text), first_non_space + 1)


_ABBREVIATION_BEFORE = re.compile(rf"(?:(?<![\w'’]){people.INITIAL}|(?<![\w'’])(?:(?i:{_SHORT_TITLES})|Com)\.)$")
# A match of it ends at the end of the searched text (or one newline before it) and holds at most a
# short title and its full stop: searching only the last few characters finds the same (searching the
# whole text before each label was quadratic in a long paragraph's labels).
_ABBREVIATION_REACH = 8


# Narration that ends an unquoted turn: a narrative adverb or phrase, the meeting as subject,
# or a person as the subject of a verb of action (ENCODING.md 3: no false attribution).
_NARRATIVE_LEAD = re.compile(
    r"^(?:Then|Thereupon|Afterwards|After (?:this|that)|Later|At this point|At that point|"
    r"At this moment|At that moment|Meanwhile|Subsequently|Next|Finally|Here)\b,?\s+"
    rf"(?:the|a|an|he|she|they|it|(?:{TITLE_PREFIX})?[{UPPER}][\w'’-]+)\b")  # "Then comrade Stalin raised …"
_EVENT_SUBJECT = re.compile(
    # an interrogation protocol's "The interrogation was interrupted at 0.15 hrs and resumed …" as well
    r"^(?:The|This|That) (?:meeting|conversation|talks|discussion|session|sitting|negotiations|interview|"
    r"interrogation|hearing|examination|questioning|"
    r"delegations?|parties|sides|visit|audience|reception)\s+(?:then\s+|also\s+)?"
    # the passive too: "The meeting was interrupted at 10 h. 40 min. and resumed …" tells of the meeting
    r"(?:(?:was|were)\s+(?:then\s+|also\s+)?)?(?P<verb>[a-z]+)\b")
# "The statement was initialled at 6 p.m.": what became of a paper, in the passive; a verbatim
# record's "A vote was taken by show of hands.", "The draft resolution was adopted by 7 votes to 1."
_PASSIVE_EVENT = re.compile(
    r"^(?:The|This|That|A|An) (?:statement|protocol|agreement|treaty|document|text|note|memorandum|communiqu[eé]|"
    r"record|draft|letter|declaration|minutes|exchange of notes|(?:draft )?resolution|vote|proposal|amendment|"
    r"motion)\s+(?:was|were)\s+(?:then\s+|also\s+)?(?P<verb>[a-z]+)\b")
_ACTION_SUBJECT = re.compile(
    rf"^(?P<subject>{NAME})\s+(?:then\s+|also\s+|again\s+|now\s+)?(?P<verb>[a-z]+)\b")
# What a person of the record did not do, told after the exchange: "Beneš did not return to this subject.",
# "Tanaka did not insist." The past negated with "did" (no verb of action by itself) is the writer's report;
# a speaker present speaks to the other, not of him in the past.
_NEGATED_PAST = re.compile(rf"^(?P<subject>{NAME})\s+did\s+not\s+[a-z]+\b")
# Vietnamese records abbreviate "comrade" (đồng chí) with a slash before the name: "Đ/c Lê Duẩn accompanied the
# Ambassador to the car.", "Các đ/c …" (the comrades). No title of the name list: passed over before the subject.
_SLASHED_COMRADE = re.compile(r"^(?:[Cc]ác\s+)?[ĐđÐ]/[Cc]\.?\s+(?=[^\W\d_])")
_NOT_ACTION = frozenset("""
is was are were be been has had have does did do will would shall should can could may might must
and or but of to in on at for with who whose which that as if than
""".split())
_IRREGULAR_PAST = frozenset("""
took gave left went came rose sat stood spoke began put brought read shook made got held met saw
drew ran wrote kept lost sent fell hung showed shown taken given
""".split())
_PERSONAL = re.compile(r"\b(?:I|we|We|you|You|me|us|our|Our|my|My|your|Your)\b")
# The record's writer telling what happened once the meeting was over: "After the conversation Zambrowski
# accompanied me to the car …", "At the end of the talk I handed him …". A past verb after its subject, as a
# speaker's "After the meeting I will report …" has not: narration though it says I or me.
_AFTER_THE_MEETING = re.compile(
    r"^(?:After|Following|At the end of|At the close of) (?:the|this) (?:conversation|meeting|talks?|discussion|"
    # the pause in a sitting too: "After the break I. V. Arkhipov informed the Lao comrades …"
    r"session|interview|reception|dinner|audience|visit|briefing|break|recess|interval|lunch|luncheon),?\s+"
    # a name of up to three words, one of a letter ("Prime Minister U Nu", the Burmese honorific; "Kim Il Sung"),
    # after its initials ("I. V. Arkhipov")
    rf"(?:[Ii]|we|he|she|they|(?:{TITLE_PREFIX})?(?:{people.INITIAL}\s?){{0,3}}"
    rf"[{UPPER}][\w'’-]*(?: [{UPPER}][\w'’-]*){{0,2}})\s+(?:then\s+|also\s+)?"
    r"(?P<verb>[a-z]+)\b")
# The same lead-in over a passive, the thing done its subject: "At the end of the conversation the following text
# of the protocol was agreed upon …", "After the talks a communiqué was issued". Before, it ran on in the last
# turn, the quoted protocol with it.
_AFTER_THE_MEETING_PASSIVE = re.compile(
    r"^(?:After|Following|At the end of|At the close of) (?:the|this) (?:conversation|meeting|talks?|discussion|"
    r"session|interview|reception|audience|visit),?\s+(?:the|a|an) (?:[\w-]+ ){0,8}?(?:was|were|had been) "
    r"(?P<verb>[a-z]+)\b")
# The writer's own judgement of the meeting, after its last question and answer: "In my assessment the briefing
# was designed to reassure …", "In my opinion, the conversation showed …". The meeting as the subject of a verb
# in the past, as the record's narration tells it (a speaker in it speaks of it in the present), though the
# lead-in says "my"; "In my view we must …" is still speech.
_WRITERS_VIEW_OF_THE_MEETING = re.compile(
    r"^(?:In my (?:assessment|opinion|view|judge?ment|estimation)|In the opinion of the undersigned),?\s+"
    r"(?:the|this|that) (?:meeting|conversation|talks?|discussion|session|interview|reception|audience|visit|"
    r"briefing)\s+(?:(?:was|were)\s+)?(?:also\s+|clearly\s+|evidently\s+)?(?P<verb>[a-z]+)\b")
_FIRST_SENTENCE = re.compile(r"^.*?(?:[.?!](?=\s|$)|$)", re.S)
# An interrogation protocol's closing formula, pre-printed over the signatures: "The protocol was read to me, I have
# nothing to add …", "The above statement has been read over to me …", "Read, approved and signed.", "I have read
# the protocol …". The record certifying itself, no answer, though it says "I": before, it ran on in the last
# answer of the accused.
_PROTOCOL_READ = re.compile(
    r"^(?:(?:The|This) (?:above |present )?(?:protocol|record|statement|testimony|deposition|minutes) "
    r"(?:was|has been|have been|were) read (?:over |out |aloud )?(?:to|by) me\b"
    r"|I have (?:personally )?read (?:the|this) (?:above |present )?(?:protocol|record|statement|minutes)\b"
    r"|Read,? (?:approved|confirmed|agreed) and signed\b)", re.I)


def opens_with_narration(text: str, is_person: Callable[[str], bool]) -> bool:
    """A block that narrates rather than speaks: ``Then the meeting turned to trade.``,
    ``The meeting closed at 1 p.m.``, ``Ashby hands over a memorandum.``

    ``is_person(name)`` tells whether a name is one of the record's people. A first sentence that
    asks, exclaims or says ``I``/``we``/``you`` is speech, whatever its opening.
    """
    first = _FIRST_SENTENCE.match(text.lstrip(" \u25a1"))
    sentence = first.group() if first else text
    # on the text, not its first sentence: the initials' stops of "After the break I. V. Arkhipov informed …" end none
    after_the_meeting = (_AFTER_THE_MEETING.match(text.lstrip(" \u25a1"))
                         or _AFTER_THE_MEETING_PASSIVE.match(text.lstrip(" \u25a1")))
    if after_the_meeting and _past(after_the_meeting.group("verb")):
        return True
    writers_view = _WRITERS_VIEW_OF_THE_MEETING.match(sentence)
    if writers_view and _past(writers_view.group("verb")):
        return True
    if _PROTOCOL_READ.match(sentence):
        return True
    if sentence.rstrip(" \"”’").endswith(("?", "!")) or _PERSONAL.search(sentence):
        return False
    if _NARRATIVE_LEAD.match(sentence):
        return True
    event = _EVENT_SUBJECT.match(sentence) or _PASSIVE_EVENT.match(sentence)
    if event and _past(event.group("verb")):
        return True
    clause = _SLASHED_COMRADE.sub("", sentence, count=1)
    action = _ACTION_SUBJECT.match(clause)
    if action and action.group("verb") == "did":  # no action by itself; "did not insist" tells one
        action = _NEGATED_PAST.match(clause)
        return action is not None and _a_person(action.group("subject"), is_person)
    if action and _is_action(action.group("verb")):
        return _a_person(action.group("subject"), is_person)
    return False


def _a_person(subject: str, is_person: Callable[[str], bool]) -> bool:
    trimmed = trim_subject(subject)
    return trimmed is not None and bool(is_person(trimmed))


def _past(verb: str) -> bool:
    return verb not in _NOT_ACTION and (verb.endswith("ed") or verb in _IRREGULAR_PAST)


def _is_action(verb: str) -> bool:
    """A finite verb of action: ``hands``, ``handed``, ``took`` (not ``is``, ``has``, ``and``)."""
    return verb not in _NOT_ACTION and (_past(verb) or (verb.endswith("s") and not verb.endswith("ss")))


# The writer telling what they did or were told: "I told Apaydin", "I replied that", "… visited me".
# Two patterns, each opening with the fixed string every match of it holds ("I ", " me"), what stands
# before that tested after it: a scan skips to those strings, where the one pattern of both
# (``(?:^|[.!?] )I (?:told|…)\b|\b(?:visited|…) me\b``) was tried at every position of every text.
_FIRST_PERSON_VERBS = ("told", "replied", "said", "asked", "answered", "informed", "remarked", "pointed out", "stated",
                       "noted")
_DONE_TO_ME = ("visited", "received", "told", "asked", "informed", "handed")
_I_NARRATE = re.compile(r"I (?:(?<=^I )|(?<=[.!?] I ))(?:" + "|".join(_FIRST_PERSON_VERBS) + r")\b")
_TO_ME = re.compile(r" me\b(?:" + "|".join(rf"(?<=\b{verb} me)" for verb in _DONE_TO_ME) + ")")


def narrates_in_first_person(texts: Iterable[str]) -> bool:
    """Whether the record's writer tells in the first person: in a letter or a diary, a sentence in the
    writer's own voice ("In my opinion, …") is the writer's, not the reported speaker's (a record in the
    third person may slip into its speaker's voice: "Comrade STALIN says that … I believe, …")."""
    return any(_I_NARRATE.search(text) or _TO_ME.search(text) for text in texts)


# A label may print a run of honorifics before the speaker's title and name ("The Great Leader Comrade Kim
# Il Sung:", as the DPRK's records name their leader, who is "Comrade Kim Il Sung:" in the next turns): the
# run made the label too long to be one, and the turn was a paragraph. Capitalised words only, no function
# word but an opening "The" and an "and" between two of them ("The Respected and Beloved Leader Comrade Kim
# Jong Il:"; "The Chinese side told Comrade Kim:" is a sentence), at most five, then a title: the rest must
# be a label by itself. Whether its name speaks in the record the turn reader asks.
_HONORIFIC_WORDS = 5
_HONORIFIC_WORD = re.compile(rf"[{UPPER}][\w'’-]*")


def honorific_label(text: str) -> tuple[str, str, str, str] | None:
    """``(lead, label as printed, rest, titled name)`` when the unit opens with honorifics before a label
    (``The Great Leader Comrade Kim Il Sung: Welcome …`` gives the name ``Comrade Kim Il Sung``), else None."""
    colon = text.find(":")
    if colon < 0 or match_label(text) is not None:
        return None
    lead = text[:len(text) - len(text.lstrip("\u25a1 "))]
    words = list(re.finditer(r"\S+", text[len(lead):colon]))
    for count in range(1, min(_HONORIFIC_WORDS, len(words) - 1) + 1):
        tail = text[len(lead) + words[count].start():]
        if not _TITLES_BEFORE.match(tail).group() or tail[:4].casefold() == "the ":  # type: ignore[union-attr]
            continue  # the name's part opens with the speaker's title ("Comrade", "President")
        if not all(_honorific(word.group(), first=index == 0, inner=0 < index < count - 1)
                   for index, word in enumerate(words[:count])):
            return None
        label = match_label(tail)
        if label is None or label[0]:
            return None
        return lead, text[len(lead):len(lead) + words[count].start()] + label[1], label[2], label_parts(label[1])[0]
    return None


def _honorific(word: str, first: bool, inner: bool) -> bool:
    if word.casefold() == "the" and first or word == "and" and inner:
        return True
    return _HONORIFIC_WORD.fullmatch(word) is not None and word.casefold() not in _SMALL_WORDS
