"""Deterministic synthetic corpus of plain-text historical records, for benchmarks.

``python benchmarks/corpus.py OUT_DIR --count 5000 [--seed 1]`` writes
``OUT_DIR/rec_00001.txt`` … ; ``generate(count, seed)`` yields the same
``(file name, bytes)`` pairs without touching the disk.

The records are built from templates and vocabularies that follow the
conventions of the three record families (see ../shared/seeds and
ENCODING.md) — they are not copies of the seeds:

* ``wilson``  Wilson Center Digital Archive pages: date line, title (markdown
  or plain, sometimes wrapped), ``Citation:`` with a ``<URL>``, ``Summary:``,
  ``Original Language:``, ``Contents:``, optional ``Credits:``; then a British
  telegram (cipher, ``FROM X TO Y``, sender, ``No.``, ``D.``/``R.`` times,
  precedence, classification, ``Repeated to``) with □ runs, quoted turns
  ``Stalin: "…"`` spanning blocks, stage directions, numbered paragraphs,
  run-in ``(a)``/``(b)``, ``[sic]``; or a translated Russian record with
  ``Comrade X:`` turns.
* ``soviet``  selections from Soviet foreign-policy archives: site
  boilerplate, ``Download PDF``, collection title, a (possibly two-block)
  title line, date, ``Top secret``/``Secret``, ``Special folder``,
  ``Sent to comrade …``, reported speech ``Comrade Stalin replied that …``,
  dotted omission lines, ``*`` symbol notes, archival references in several
  fond/opis formats, ``Publ.:``, ``Translated by X``, U+02B9/U+02BA/U+2010.
* ``word``    Word-exported transcripts: letterhead, addressee lines,
  ``[footnoteRef:N]`` anchors with ``[N: Surname, Forenames (YYYY-YYYY) - …]``
  bodies, CAPS speakers in reported speech, one paragraph per line, ``[…]``,
  ``Attendants:``, ``Recorded by [signature] (X.)``, distribution list; or
  ``[1]``-style endnotes after a separator line, ``[Page N]``, form feeds
  with ``- N -`` lines, ``[handwritten: …]``, ``[one word missing]``,
  ``[illegible]``, ``(sic)``, ``[word?]``, labels alone on their line.
* ``generic`` (~10 %) memoranda, letters, Q:/A: interviews and notes with no
  family markers.

Sizes vary between 2 and 20 KB (mean about 10 KB).  About 8 % of the files
are Windows-1252, about 15 % use CRLF line ends and about 5 % start with a
UTF-8 BOM.  Record *i* depends only on ``(seed, i)``, so a corpus of 1,000
records is the prefix of a corpus of 5,000 with the same seed.

Standard library only.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["generate", "main", "FAMILY_WEIGHTS"]

FAMILY_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("wilson", 0.30),
    ("soviet", 0.30),
    ("word", 0.30),
    ("generic", 0.10),
)

MIN_SIZE = 2_000
MAX_SIZE = 20_000
MEAN_SIZE = 10_000

BOX = "\u25a1"
MOD_APOS = "\u02b9"   # ʹ used as an apostrophe by the Soviet-archive site
MOD_QUOTE = "\u02ba"  # ʺ used as a quotation mark
HYPHEN = "\u2010"     # ‐ used as hyphen and dash


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True, slots=True)
class Person:
    surname: str
    forenames: str
    side: str            # soviet, british, american, other
    titles: tuple[str, ...]
    born: int
    died: int
    bio: str

    @property
    def initials(self) -> str:
        return " ".join(f"{part[0]}." for part in self.forenames.split() if part)

    @property
    def initials_tight(self) -> str:
        return "".join(f"{part[0]}." for part in self.forenames.split() if part)


PEOPLE: tuple[Person, ...] = (
    Person("Stalin", "Iosif Vissarionovich", "soviet", ("Comrade", "Generalissimo", "Marshal"), 1878, 1953,
           "party and state leader in the USSR. General Secretary of the Central Committee (1922-1952), Chairman of the Council of Ministers of the USSR (1946-1953)."),
    Person("Molotov", "Vyacheslav Mikhailovich", "soviet", ("Comrade", "Minister"), 1890, 1986,
           "party and state leader in the USSR. People's Commissar of Foreign Affairs (1939-1946), Minister of Foreign Affairs (1946-1949, 1953-1956)."),
    Person("Vyshinsky", "Andrey Yanuaryevich", "soviet", ("Comrade", "Mr."), 1883, 1954,
           "Soviet jurist and diplomat. Deputy Minister of Foreign Affairs (1940-1949), Minister of Foreign Affairs (1949-1953)."),
    Person("Gromyko", "Andrey Andreyevich", "soviet", ("Comrade", "Ambassador"), 1909, 1989,
           "Soviet diplomat. Ambassador to the United States (1943-1946), Permanent Representative to the United Nations (1946-1948)."),
    Person("Maisky", "Ivan Mikhailovich", "soviet", ("Comrade", "Ambassador"), 1884, 1975,
           "Soviet diplomat and historian. Plenipotentiary Representative of the USSR in Great Britain (1932-1943)."),
    Person("Litvinov", "Maxim Maximovich", "soviet", ("Comrade",), 1876, 1951,
           "Soviet diplomat. People's Commissar of Foreign Affairs (1930-1939), Ambassador to the United States (1941-1943)."),
    Person("Zorin", "Valerian Aleksandrovich", "soviet", ("Comrade",), 1902, 1986,
           "Soviet diplomat. Ambassador to Czechoslovakia (1945-1947), Deputy Minister of Foreign Affairs (1947-1955)."),
    Person("Mikoyan", "Anastas Ivanovich", "soviet", ("Comrade",), 1895, 1978,
           "party and state leader in the USSR. Minister of Foreign Trade (1938-1949)."),
    Person("Dekanozov", "Vladimir Georgievich", "soviet", ("Comrade",), 1898, 1953,
           "Soviet diplomat. Deputy People's Commissar of Foreign Affairs (1939-1947)."),
    Person("Pavlov", "Vladimir Nikolayevich", "soviet", ("Comrade", "Mr."), 1915, 1993,
           "Soviet diplomat and interpreter."),
    Person("Troyanovsky", "Oleg Aleksandrovich", "soviet", ("Comrade",), 1919, 2003,
           "Soviet diplomat and interpreter. Later Permanent Representative to the United Nations (1977-1986)."),
    Person("Vinogradov", "Sergey Aleksandrovich", "soviet", ("Comrade",), 1907, 1970,
           "Soviet diplomat. Plenipotentiary Representative in Turkey (1940-1948)."),
    Person("Kelly", "David Victor", "british", ("Sir", "Sir.", "Ambassador"), 1891, 1959,
           "British diplomat. Ambassador to the Soviet Union (1949-1951)."),
    Person("Peterson", "Maurice Drummond", "british", ("Sir", "Ambassador"), 1889, 1952,
           "British diplomat. Ambassador to the Soviet Union (1946-1949)."),
    Person("Clark Kerr", "Archibald John Kerr", "british", ("Sir", "Ambassador"), 1882, 1951,
           "British diplomat. Ambassador to the Soviet Union (1942-1946)."),
    Person("Bevin", "Ernest", "british", ("Mr.", "Mr"), 1881, 1951,
           "British trade unionist and Labour politician. Foreign Secretary (1945-1951)."),
    Person("Eden", "Robert Anthony", "british", ("Mr.", "Mr"), 1897, 1977,
           "British Conservative politician. Foreign Secretary (1940-1945, 1951-1955)."),
    Person("Cripps", "Richard Stafford", "british", ("Sir", "Mr."), 1889, 1952,
           "British Labour politician. Ambassador to the Soviet Union (1940-1942)."),
    Person("Montgomery", "Bernard Law", "british", ("Field Marshal", "Field Marshall"), 1887, 1976,
           "British Army officer. Chief of the Imperial General Staff (1946-1948)."),
    Person("Roberts", "Frank Kenyon", "british", ("Mr.", "Mr"), 1907, 1998,
           "British diplomat. Minister in Moscow (1945-1947)."),
    Person("Harrison", "Geoffrey Wedgwood", "british", ("Mr.",), 1908, 1990,
           "British diplomat. Counsellor at the Embassy in Moscow."),
    Person("Hayward", "Thomas Ernest", "british", ("Mr.",), 1911, 1987, "British interpreter."),
    Person("Zilliacus", "Konni", "british", ("Mr.",), 1894, 1967,
           "British Labour politician of Finnish-American origin. Member of Parliament (1945-1950, 1955-1967)."),
    Person("Harriman", "William Averell", "american", ("Mr.", "Ambassador"), 1891, 1986,
           "American diplomat. Ambassador to the Soviet Union (1943-1946)."),
    Person("Smith", "Walter Bedell", "american", ("General", "Ambassador"), 1895, 1961,
           "American Army officer and diplomat. Ambassador to the Soviet Union (1946-1948)."),
    Person("Kennan", "George Frost", "american", ("Mr.",), 1904, 2005,
           "American diplomat. Chargé d'Affaires in Moscow (1944-1946)."),
    Person("Saracoglu", "Şükrü", "other", ("Mr.", "Minister"), 1887, 1953,
           "Turkish politician. Minister of Foreign Affairs (1938-1942), Prime Minister (1942-1946)."),
    Person("Aktay", "Haydar", "other", ("Mr.", "Ambassador"), 1890, 1960, "Turkish diplomat. Ambassador in Moscow (1934-1942)."),
    Person("Sultan", "Mohammed Saed", "other", ("Mr.",), 1883, 1973, "Iranian politician. Prime Minister of Iran (1944)."),
    Person("Gomułka", "Władysław", "other", ("Comrade",), 1905, 1982,
           "Polish party leader and statesman. Secretary General of the Polish Workers' Party (1943-1948)."),
    Person("Slánský", "Rudolf", "other", ("Comrade",), 1901, 1952,
           "Czechoslovak party leader. Secretary General of the Central Committee of the Czechoslovak Communist Party (1945-1951)."),
    Person("Rákosi", "Mátyás", "other", ("Comrade",), 1892, 1971, "Hungarian Communist leader."),
    Person("de Gaulle", "Charles", "other", ("General",), 1890, 1970, "French general and statesman. Head of the Provisional Government (1944-1946)."),
    Person("Kardelj", "Edvard", "other", ("Comrade",), 1910, 1979, "Yugoslav politician. Minister of Foreign Affairs (1948-1953)."),
)

SOVIET = tuple(p for p in PEOPLE if p.side == "soviet")
WESTERN = tuple(p for p in PEOPLE if p.side != "soviet")

PLACES = ("Moscow", "London", "Washington", "Paris", "Ankara", "Tehran", "Berlin", "Warsaw", "Prague",
          "Belgrade", "Sofia", "Bucharest", "Helsinki", "Kabul", "New Delhi", "Istanbul", "Vienna", "Rome")
COUNTRIES = ("Turkey", "Iran", "Afghanistan", "Poland", "Yugoslavia", "Bulgaria", "Romania", "Finland",
             "Greece", "Germany", "Austria", "Japan", "China", "India", "France", "Italy", "Czechoslovakia",
             "Hungary", "Norway", "Sweden")
TOPICS = ("the Straits question", "the reparations question", "the future of Germany", "the Danube conference",
          "trade negotiations", "the Baltic states", "the peace treaty with Italy", "the Trieste question",
          "the repatriation of prisoners of war", "the occupation of Austria", "the Iranian oil concession",
          "the Polish frontier", "credit terms", "the exchange of officers", "the Security Council",
          "the Marshall Plan", "the deliveries of grain and timber", "shipping in the Black Sea",
          "the situation in the Far East", "the treaty of alliance")
NOUNS = ("agreement", "proposal", "draft", "communiqué", "memorandum", "formula", "declaration", "note",
         "telegram", "letter", "protocol", "statement", "report")
ADJS = ("new", "revised", "British", "Soviet", "joint", "preliminary", "final", "secret", "confidential",
        "American", "Turkish", "provisional")
VERBS_PAST = ("said", "replied", "answered", "noted", "remarked", "added", "declared", "objected", "stated",
              "emphasized", "stressed", "explained", "observed", "confirmed", "insisted", "continued",
              "pointed out", "interjected", "agreed")
VERBS_PRES = ("says", "replies", "answers", "notes", "remarks", "adds", "declares", "objects", "states",
              "emphasizes", "stresses", "explains", "observes", "confirms", "insists", "specifies",
              "continues", "agrees")
COMPLEMENTISERS = ("that", "that", "that", "that,", "whether", ":")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
STAGE = ("(Laughing)", "(After a pause)", "(smiling)", "(Laughter)", "(pause)", "(interrupting)",
         "(delegates smile)", "(laughs)")
BRITISH_POSTS = ("MOSCOW", "FOREIGN OFFICE", "WASHINGTON", "PARIS", "ANKARA", "TEHRAN", "BERLIN", "WARSAW",
                 "PRAGUE", "BELGRADE", "ROME", "VIENNA")
CIPHERS = ("Cypher/OTP", "Cyber/OTP", "Cypher/Cat A", "En clair", "Cypher/OTP and by Bag", "Cypher(O.T.P.)")
DISTRIBUTIONS = ("POLITICAL DISTRIBUTION", "DIPLOMATIC SECRET", "DEPARTMENTAL NO. 1", "GENERAL DISTRIBUTION",
                 "SPECIAL DISTRIBUTION")
PRECEDENCE = ("IMMEDIATE", "IMPORTANT", "PRIORITY", "EMERGENCY", "MOST IMMEDIATE")
CLASS_UK = ("CONFIDENTIAL", "SECRET", "TOP SECRET", "RESTRICTED")
CLASS_SU = ("Top secret", "Secret", "TOP SECRET", "Strictly confidential", "SECRET")
ARCHIVES_UK = ("National Archives of the UK", "The National Archives (Kew)", "Public Record Office")
ARCHIVES_OTHER = ("Archive of Foreign Policy of the Russian Federation", "Russian State Archive of Socio-Political History",
                  "Archive of the President of the Russian Federation")
HOSTS = ("https://digitalarchive.wilsoncenter.org/document/", "https://digitalarchive.wilsoncenter.org/document/",
         "https://wilson-center-digital-archive.dvincitest.com/document/", "https://digitalarchive.umd.edu/document/")

# sentence building blocks for body text
_SUBJECTS = ("The Soviet Government", "His Majesty's Government", "The British Government", "The delegation",
             "The Ministry of Foreign Affairs", "The Council of Ministers", "The Embassy", "Our side",
             "The other side", "The United States Government", "The Turkish Government", "The commission",
             "The press", "Public opinion in {country}", "The military authorities")
_PREDICATES = (
    "had no intention of raising {topic} at the present time",
    "would study the {adj} {noun} with the greatest attention",
    "could not accept the {noun} in its present form",
    "was prepared to resume discussion of {topic} in {place}",
    "considered that {topic} should be settled by mutual agreement",
    "had already informed {place} of its point of view on {topic}",
    "would wish to see the {noun} signed before the end of {month}",
    "regarded the {adj} {noun} as a stabilizing factor",
    "did not object to consultations with {country} on {topic}",
    "attached great importance to good relations with {country}",
    "had repeatedly raised {topic} without receiving a reply",
    "was not in a position to give a final answer on {topic}",
    "would inform {place} as soon as the {noun} was ready",
    "saw no reason why {topic} could not be resolved within {n} weeks",
    "had received the {adj} {noun} on the {day}th of {month}",
)
_CLAUSES = (
    "In the meantime, {topic} remains open.",
    "This would be the best way out for both sides.",
    "There is no other way of settling {topic}.",
    "It is necessary to take into account the interests of {country}.",
    "Such a step might be misunderstood in political circles.",
    "Nothing of political interest transpired.",
    "The conversation lasted about {n} minutes.",
    "He did not wish to insist on this point.",
    "The question of {topic} was not discussed.",
    "Both sides agreed that the {noun} should not be published.",
    "The text of the {noun} is attached.",
    "Further instructions will follow from {place}.",
    "The situation in {country} is not clear.",
    "A copy of the {noun} was handed over to {place}.",
)


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        topic=rng.choice(TOPICS), adj=rng.choice(ADJS), noun=rng.choice(NOUNS), place=rng.choice(PLACES),
        country=rng.choice(COUNTRIES), month=rng.choice(MONTHS), n=rng.randint(2, 60), day=rng.randint(4, 28),
    )


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.45:
        return _fill(rng, rng.choice(_CLAUSES))
    return _fill(rng, f"{rng.choice(_SUBJECTS)} {rng.choice(_PREDICATES)}.")


def _clause(rng: random.Random) -> str:
    """A sentence without its capital and full stop, for use after a complementiser."""
    text = _fill(rng, f"{rng.choice(_SUBJECTS).lower()} {rng.choice(_PREDICATES)}")
    return text.replace("his majesty's", "His Majesty's").replace("british", "British") \
        .replace("soviet", "Soviet").replace("united states", "United States").replace("turkish", "Turkish") \
        .replace("ministry of foreign affairs", "Ministry of Foreign Affairs") \
        .replace("council of ministers", "Council of Ministers")


def _sentences(rng: random.Random, low: int, high: int) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(low, high)))


# --------------------------------------------------------------------------- dates and names


@dataclass(frozen=True, slots=True)
class Day:
    year: int
    month: int
    day: int

    def fmt(self, style: int) -> str:
        m = MONTHS[self.month - 1]
        suffix = "th" if 10 <= self.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(self.day % 10, "th")
        return (
            f"{m} {self.day}, {self.year}",                 # July 19, 1949
            f"{self.day}{suffix} {m}, {self.year}",         # 19th July, 1949
            f"{self.day} {m} {self.year}",                  # 19 July 1949
            f"{m}, {self.day}, {self.year}",                # October, 14, 1947
            f"{self.day:02d}.{self.month:02d}.{self.year}",  # 14.10.1947
            f"{self.day}{suffix} {m} {self.year}",          # 17th January 1947
            f"{self.day}.{self.month}.{self.year % 100:02d}",  # 3.6.55
        )[style]


def _day(rng: random.Random, lo: int = 1919, hi: int = 1956) -> Day:
    return Day(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


def _time(rng: random.Random) -> str:
    style = rng.random()
    h, m = rng.randint(1, 12), rng.randint(0, 59)
    if style < 0.6:
        return f"{h}.{m:02d} {rng.choice(('a.m.', 'p.m.'))}"
    if style < 0.8:
        return f"{h}.{m:02d}"
    return f"{rng.randint(0, 23):02d}{m:02d} hours"


def _name(rng: random.Random, p: Person, *, caps: bool = False, title: bool | None = None) -> str:
    """One surface form of a person: with or without title and initials."""
    use_title = rng.random() < 0.5 if title is None else title
    surname = p.surname.upper() if caps else p.surname
    parts: list[str] = []
    if use_title:
        parts.append(rng.choice(p.titles))
    if rng.random() < 0.3:
        parts.append(p.initials if rng.random() < 0.6 else p.initials_tight)
    parts.append(surname)
    return " ".join(parts)


def _cast(rng: random.Random, n_soviet: int, n_other: int) -> tuple[list[Person], list[Person]]:
    return rng.sample(SOVIET, n_soviet), rng.sample(WESTERN, n_other)


# --------------------------------------------------------------------------- small phenomena


def _boxes(rng: random.Random, low: int = 1, high: int = 6) -> str:
    return BOX * rng.randint(low, high)


def _maybe_sic(rng: random.Random, text: str) -> str:
    if rng.random() < 0.08:
        word = rng.choice(("shewed", "connexion", "recieved", "Marshall", "agressive", "goverment"))
        marker = rng.choice(("[sic]", "[sic]", "(sic)"))
        return f"{text} It was {word} {marker} at the time."
    return text


def _inline_notation(rng: random.Random, text: str) -> str:
    """Sprinkle the bracket notations that transcripts use."""
    r = rng.random()
    words = text.split(" ")
    if len(words) < 6:
        return text
    i = rng.randint(1, len(words) - 2)
    if r < 0.05:
        words.insert(i, "[one word missing]")
    elif r < 0.09:
        words.insert(i, "[illegible]")
    elif r < 0.12:
        words.insert(i, rng.choice(("[2 lines illegible]", "[three words missing]")))
    elif r < 0.15:
        words[i] = f"[{words[i].strip('.,;:')}?]"
    elif r < 0.18:
        words.insert(i, rng.choice(("[inaudible]", "(.?.)")))
    elif r < 0.21:
        words.insert(i, rng.choice(("[...]", "[…]", "[. . .]")))
    elif r < 0.23:
        words.insert(i, "[handwritten: " + rng.choice(("Seen", "Agreed", "Yes", "file", "Copy to Mr. Roberts")) + "]")
    return _maybe_sic(rng, " ".join(words))


def _run_in_list(rng: random.Random) -> str:
    return (f"provided (a) {_clause(rng)} and (b) {_clause(rng)}")


class Sized:
    """Collects blocks until the record reaches its target size."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.blocks: list[str] = []
        self.size = 0

    def add(self, block: str) -> None:
        self.blocks.append(block)
        self.size += len(block.encode("utf-8")) + 2

    def full(self, reserve: int = 0) -> bool:
        return self.size + reserve >= self.target


# --------------------------------------------------------------------------- family: Wilson Center


def _wilson(rng: random.Random, target: int, *, cp1252: bool) -> str:
    soviets, others = _cast(rng, rng.randint(1, 3), rng.randint(1, 3))
    host = soviets[0]
    guest = others[0]
    day = _day(rng, 1941, 1956)
    boxes = not cp1252 and rng.random() < 0.8
    box = (lambda lo=1, hi=4: _boxes(rng, lo, hi)) if boxes else (lambda lo=1, hi=4: "")
    translated = rng.random() < 0.25
    kind = rng.choice(("Cable", "Telegram", "Report", "Record of Conversation", "Minute", "Despatch"))
    origin, dest = rng.sample(BRITISH_POSTS, 2)
    if kind in ("Cable", "Telegram"):
        title = f"{kind} from {origin.title()} to the {dest.title()}" if dest == "FOREIGN OFFICE" else \
            f"{kind} from {origin.title()} to {dest.title()}"
    elif kind == "Record of Conversation":
        title = f"Record of Conversation between {_name(rng, host, title=False)} and {_name(rng, guest, title=True)}"
    else:
        title = f"{kind} on {guest.surname}'s Conversation with {host.surname}"
    page_id = rng.randint(100000, 299999)
    date_text = day.fmt(0)
    archive = rng.choice(ARCHIVES_OTHER if translated else ARCHIVES_UK)

    out = Sized(target)
    md = rng.random()
    lines: list[str] = ["", ""]
    if md < 0.45:
        lines += [f"## **{date_text}**", "", f"### **{title}**", ""]
        label = lambda s: f"#### **{s}:**"  # noqa: E731
    elif md < 0.8:
        wrapped = title if len(title) < 40 or rng.random() < 0.5 else title.replace(" ", "\n", 1)
        lines += [date_text, f"**{wrapped}**", ""]
        label = lambda s: f"{s}:"  # noqa: E731
    else:
        lines += [date_text, "", title, ""]
        label = lambda s: f"{s}:"  # noqa: E731
    citation = f"\"{title}\", {date_text}, Wilson Center Digital Archive, {archive}"
    if rng.random() < 0.3:
        citation += f". Translated by {rng.choice(('Sergey Radchenko', 'Gary Goldberg', 'Anna Ivanova'))}."
    wrap_cit = rng.random() < 0.4
    lines += [label("Citation"), "", (citation.replace(", Wilson", ",\nWilson", 1) if wrap_cit else citation + "  "),
              f"<{rng.choice(HOSTS)}{page_id}>", ""]
    lines += [label("Summary"), "", _sentences(rng, 1, 3), ""]
    if rng.random() < 0.35:
        lines += [label("Credits"), "", rng.choice((
            "This document was made possible with support from the Leon Levy Foundation.",
            "This document was made possible with support from Carnegie Corporation of New York (CCNY)",
            "Translated for CWIHP by Gary Goldberg.")), ""]
    lines += [label("Original Language"), "", "Russian" if translated else "English", ""]
    contents = ["Transcript - English"] if not translated else ["Original Scan", "Translation - English"]
    if not translated and rng.random() < 0.2:
        contents.insert(0, "Original Scan")
    lines += [label("Contents"), ""]
    for c in contents:
        lines += [c, ""]
    out.add("\n".join(lines))
    out.add(title)

    if translated:
        _wilson_russian(rng, out, host, others, day, box)
    else:
        _wilson_telegram(rng, out, host, guest, others, soviets, day, origin, dest, box)
    return "\n\n".join(out.blocks).rstrip() + ("\n" if rng.random() < 0.7 else "")


def _wilson_header(rng: random.Random, out: Sized, guest: Person, day: Day, origin: str, dest: str,
                   box) -> None:
    lines: list[str] = []
    if rng.random() < 0.3:
        lines.append("[This telegram is of particular secrecy and should be retained by the authorized recipient and not passed on]")
        lines.append("")
    lines.append(rng.choice(CIPHERS) + box(0, 6))
    if rng.random() < 0.7:
        lines.append(rng.choice(DISTRIBUTIONS))
    lines.append("")
    lines.append(box(0, 2) + f"FROM {origin} TO {dest}")
    lines.append("")
    separate = rng.random() < 0.5
    if separate:
        lines += [f"{_name(rng, guest, title=True)} {box(0, 3)}".rstrip(), "", box(2, 5), "",
                  f"No. {rng.randint(1, 2500)}", "", "D.", "", _time(rng), "", f"{day.fmt(1)} {box(0, 3)}".rstrip(),
                  "", box(2, 5), "", day.fmt(1), "", "R.", "", _time(rng), "", f"{day.fmt(1)} {box(0, 2)} {box(0, 2)}".rstrip(), ""]
    else:
        lines += [f"D. {_time(rng)} {day.fmt(5)}", f"{rng.choice(('No:', 'No.'))} {rng.randint(1, 2500)}",
                  day.fmt(5)]
        if rng.random() < 0.8:
            lines.append(f"R. {_time(rng)} {day.fmt(5)}")
        for _ in range(rng.randint(0, 2)):
            lines.append(f"{box(0, 2)}Repeated to {rng.choice(PLACES)} No. {rng.randint(1, 999)}"
                         f"{rng.choice(('', ' Saving', ''))}")
        if rng.random() < 0.3:
            lines += ["", box(0, 2) + "X:X:X:"]
        lines.append("")
    lines += [rng.choice(PRECEDENCE), "", rng.choice(CLASS_UK)]
    out.add("\n".join(lines))


def _wilson_telegram(rng, out, host, guest, others, soviets, day, origin, dest, box) -> None:
    _wilson_header(rng, out, guest, day, origin, dest, box)
    lead = box(0, 2)
    out.add(f"{lead}My telegram No. {rng.randint(1, 999)}. {rng.choice(('Interview with', 'Conversation with', 'Call on'))} {host.surname}.")
    out.add(f"{lead}{_name(rng, host, title=True)} received me {rng.choice(('last night', 'this afternoon', 'yesterday'))} "
            f"at {rng.randint(1, 11)} p.m. (Moscow Time) in the Kremlin. I was accompanied by "
            f"{_name(rng, others[-1], title=True)}. Following is a {rng.choice(('verbatim record', 'summary'))} of conversation.")
    verbatim = rng.random() < 0.55
    n = 2
    guest_label = _name(rng, guest, title=True) + ":"
    host_label = host.surname + ":"
    while not out.full(600):
        if verbatim:
            who = rng.random()
            label = guest_label if who < 0.5 else host_label
            r = rng.random()
            if r < 0.15:
                # quoted turn spanning several blocks, maybe with a box-only block between
                paras = [f"{lead}{label} \"{_sentences(rng, 2, 5)}"]
                for _ in range(rng.randint(1, 3)):
                    if rng.random() < 0.3 and lead:
                        paras.append(box(1, 1))
                    paras.append(f"{lead}{_sentences(rng, 2, 6)}")
                paras[-1] += rng.choice(("\"", "\".", ".\""))
                for p in paras:
                    out.add(p)
            elif r < 0.25:
                out.add(f"{label} {rng.choice(STAGE)} \"{_sentences(rng, 1, 2)}\"")
            elif r < 0.33:
                out.add(f"{label} \"{_sentence(rng)} {rng.choice(STAGE)}. {_sentence(rng)}\"")
            elif r < 0.43:
                out.add(f"At this point {host.surname} {rng.choice(('took out his pipe', 'rose', 'turned to Molotov', 'smiled'))} "
                        f"and {rng.choice(VERBS_PAST)} {rng.choice(('that', 'whether'))} {_clause(rng)}.")
            elif r < 0.5:
                # mid-sentence block break (page boundary of the original)
                out.add(f"{label} \"{_sentences(rng, 1, 3)} The {rng.choice(ADJS)} {rng.choice(NOUNS)} is now")
                out.add(f"{rng.choice(('bearing', 'being', 'under', 'in'))} {_clause(rng)}.\"")
            else:
                out.add(_maybe_sic(rng, f"{lead}{label} \"{_sentences(rng, 1, 4)}\""))
        else:
            r = rng.random()
            subject = rng.choice((_name(rng, host, title=True), host.surname, "The C.I.G.S.", _name(rng, guest, title=True),
                                  "The Generalissimo", "The Ambassador"))
            body = f"{subject} {rng.choice(VERBS_PAST)} {rng.choice(COMPLEMENTISERS)} {_clause(rng)}. {_sentences(rng, 1, 5)}"
            if r < 0.12:
                body += f" For his part he would have no objection {_run_in_list(rng)}."
            elif r < 0.2:
                body += f" {host.surname} replied \"{_sentence(rng)}\"."
            if r > 0.9:
                out.add(f"{lead}{n}. {body} {rng.choice(('He added that he did not in the least object to such an', 'This was'))}")
                out.add(f"{rng.choice(('provided', 'because', 'since'))} {_clause(rng)}.")
            else:
                out.add(_maybe_sic(rng, f"{lead}{n}. {body}"))
            n += 1
    if rng.random() < 0.6:
        out.add(f"{lead}({rng.choice(('This telegram has also been distributed to members of the Cabinet.', 'Repeated to Washington.', 'Foreign Office please pass to Washington as my telegram No. 12.'))})")
    else:
        out.add(f"{host.surname} appeared to be in good health. {_sentence(rng)}")


def _wilson_russian(rng, out, host, others, day, box) -> None:
    """A translated Russian record on a Wilson Center page: `Comrade X:` turns, no quotes."""
    guest = others[0]
    out.add(rng.choice(("Top Secret", "Secret", "SECRET", "Top secret")) +
            ("\n\nCopy No. " + str(rng.randint(1, 9)) if rng.random() < 0.5 else ""))
    out.add(f"RECORD OF CONVERSATION OF {_name(rng, host, title=True).upper()} WITH {_name(rng, guest, title=True).upper()}")
    out.add(f"{day.fmt(rng.choice((2, 0)))}")
    if rng.random() < 0.6:
        out.add(f"Present: {_name(rng, others[-1], title=True)}, {rng.choice(SOVIET).surname} (interpreter).")
    while not out.full(400):
        r = rng.random()
        if r < 0.55:
            spk = rng.choice((host, guest))
            out.add(f"{'Comrade ' if spk.side == 'soviet' else rng.choice(spk.titles) + ' '}{spk.surname}: {_inline_notation(rng, _sentences(rng, 1, 5))}")
        elif r < 0.65:
            out.add(f"Comrade {host.surname} {rng.choice(STAGE).lower()}: {_sentences(rng, 1, 2)}")
        elif r < 0.75:
            out.add(rng.choice(("[...]", "[…]", "...", "<…>")))
        else:
            out.add(f"{rng.choice((guest.surname, 'Comrade ' + host.surname))} {rng.choice(VERBS_PAST)} that {_clause(rng)}.")
    out.add(f"Recorded by {_name(rng, rng.choice(SOVIET), title=False)}")
    if rng.random() < 0.5:
        out.add(f"[Source: AVP RF, f. 06, op. {rng.randint(1, 12)}, p. {rng.randint(1, 80)}, d. {rng.randint(1, 900)}, "
                f"ll. {rng.randint(1, 50)}-{rng.randint(51, 99)}. Translated by {rng.choice(('Gary Goldberg', 'Sergey Radchenko'))}.]")


# --------------------------------------------------------------------------- family: Soviet archives


SOVIET_BOILERPLATE_TITLES = (
    "Selected Secret Documents from Soviet Foreign Policy Documents Archives - 1919 to 1941",
    "Selected Secret Documents from Soviet Foreign Policy Documents Archives - 1941 to 1945",
    "Soviet Foreign Policy Documents - Selected Records of Conversation 1939 to 1946",
)
SOVIET_SCOPES = (
    "Concentrated on 1st and  2nd WW Correspondence and Meetings related to Turkey, Balkans and Iran, with some additions from Afghanistan and India.",
    "Concentrated on Correspondence and Meetings related to the Middle East and the Straits.",
)


def _soviet_archref(rng: random.Random) -> str:
    f, o, p, d = rng.randint(1, 99), rng.randint(1, 40), rng.randint(1, 300), rng.randint(1, 999)
    a = rng.randint(1, 200)
    b = a + rng.randint(1, 12)
    return rng.choice((
        f"Ap rf. F. {f}. On. {o}.d. {d}. L. {a}-{b}.",
        f"avprf, f.0{f:02d}, op.{o}, p.{p}, d.{d}, l.{a}-{b}.",
        f"AVP RF. F. 0{f:02d}. Op. {o}. P. {p}. D. {d}. L. {a}-{b}.",
        f"RGASPI. F. 558. Op. 11. D. {d}. L. {a}-{b}.",
        f"AP RF, f. {f}, op. {o}, d. {d}, ll. {a}-{b}.",
        f"Avp rf, fund 0{f:02d}, inventory {o}, folder {p}, file {d}, sheets {a}-{b}.",
    ))


def _soviet_text(text: str) -> str:
    """The site's punctuation: modifier letters for apostrophes and quotes, U+2010 for hyphens."""
    out = []
    quote_open = True
    for ch in text:
        if ch in "'’":
            out.append(MOD_APOS)
        elif ch == '"':
            out.append(MOD_QUOTE)
            quote_open = not quote_open
        elif ch == "-":
            out.append(HYPHEN)
        else:
            out.append(ch)
    return "".join(out)


def _soviet(rng: random.Random, target: int, *, cp1252: bool) -> str:
    soviets, others = _cast(rng, rng.randint(1, 3), rng.randint(1, 3))
    host, guest = soviets[0], others[0]
    day = _day(rng, 1919, 1946)
    out = Sized(target)
    coll = rng.choice(SOVIET_BOILERPLATE_TITLES)
    nav = rng.choice(("Marx-Engels |  Lenin  | Stalin |  Home Page", "Marx-Engels | Lenin | Stalin | Home Page"))
    head = [coll, "", nav, "", "  " + coll]
    if rng.random() < 0.5:
        head.append("")
    head += [rng.choice(SOVIET_SCOPES), "", "Download PDF", rng.choice(("", " "))]
    out.add("\n".join(head))

    post = rng.choice(("plenipotentiary representative of the USSR in", "ambassador of the USSR in"))
    g_country = rng.choice(("the Great Britain", "Turkey", "Iran", "the USA", "Afghanistan"))
    if rng.random() < 0.5:
        title = (f" Recording of the conversation of the\n\nchairman of the council of people's commissars of the USSR "
                 f"{_name(rng, host, title=False)} with the minister of foreign affairs of {g_country} {guest.surname}")
    else:
        envoy = host if host.surname != "Stalin" else rng.choice(SOVIET[3:])
        title = (f"From: {rng.choice(('talk', 'diary', 'record of conversation'))} of the {post} {g_country.replace('the ', '')} "
                 f"{envoy.initials} {envoy.surname} with the minister of foreign affairs of {g_country} {guest.initials[:2]} {guest.surname}")
    out.add(title)
    if rng.random() < 0.4:
        out.add(f"Sent to comrade {soviets[-1].surname}, comrade {rng.choice(SOVIET).surname}")
    out.add(day.fmt(rng.choice((0, 0, 2, 4))))
    out.add(rng.choice(CLASS_SU))
    if rng.random() < 0.5:
        out.add("Special folder")
    star_used = False
    n = rng.randint(1, 6)
    numbered = rng.random() < 0.35
    if rng.random() < 0.5:
        out.add("." * rng.randint(8, 16))
    while not out.full(500):
        r = rng.random()
        speaker = rng.choice((host, guest) + tuple(soviets[1:]))
        who = f"{'Comrade' if rng.random() < 0.6 else 'comrade'} {speaker.surname}" if speaker.side == "soviet" else speaker.surname
        if r < 0.62:
            body = f"{who} {rng.choice(VERBS_PAST)} {rng.choice(COMPLEMENTISERS)} {_clause(rng)}. {_sentences(rng, 0, 4)}"
            if rng.random() < 0.25:
                body += f" {guest.surname} {rng.choice(VERBS_PAST)} {rng.choice(('that', ':'))} \"{_clause(rng)}.\""
            if rng.random() < 0.2:
                body += f" It was then that the {rng.choice(ADJS)} {rng.choice(NOUNS)} on the post-war organization was brought in."
            if not star_used and rng.random() < 0.08:
                body = body.replace(".", " *.", 1)
                star_used = True
            if numbered:
                body = f"{n}. {body}"
                n += 1
            out.add(body.strip())
        elif r < 0.72:
            out.add(f"Then the conversation touched the question of {rng.choice(TOPICS)}, and {guest.surname} asked")
            out.add(f"{rng.choice(('comrade', 'comrade'))} {host.surname} {_clause(rng)}.")
        elif r < 0.8:
            out.add("." * rng.randint(8, 16))
        elif r < 0.86 and star_used:
            out.add(f"{rng.choice(('Article', 'Paragraph', 'Point'))} {rng.randint(1, 9)} is mistakenly indicated in the original.")
            star_used = False
        elif r < 0.9:
            out.add(f"{guest.surname}. In order to clarify, he posed the question: {_clause(rng)}?")
        else:
            out.add(_sentences(rng, 2, 6))
    if star_used and rng.random() < 0.7:
        out.add(f"* {rng.choice(('Article', 'Paragraph'))} {rng.randint(1, 9)} is mistakenly indicated in the original.")
    out.add(f"The meeting ended at {rng.randint(17, 23)}:{rng.choice(('00', '30', '15'))}. {rng.choice(('00 minutes', ''))}".rstrip())
    closing = rng.random()
    ref = _soviet_archref(rng)
    if rng.random() < 0.5:
        out.add(f"Translated by {rng.choice(('Maisky', 'Pavlov', 'Berezhkov', 'Potrubach'))}")
    if closing < 0.35:
        out.add(f"{host.initials[:2]} {host.surname} {ref}")
    elif closing < 0.7:
        out.add(ref)
        out.add(f"Publ .: {rng.choice(('Soviet-English relations', 'Soviet-Turkish relations', 'Documents of the foreign policy of the USSR'))} ... - t. {rng.choice(('I', 'II', 'XXIII'))}. - s. {rng.randint(10, 300)}-{rng.randint(301, 600)}")
    else:
        post_title = rng.choice(("Plenipotentiary", "Ambassador", "Deputy People's Commissar"))
        out.add(f"{post_title} of the USSR {host.initials[:2]} {host.surname}")
        out.add(ref)
        if rng.random() < 0.5:
            out.add(f"Publ.: Documents of the foreign policy of the USSR. - T. {rng.randint(1, 24)}. - S. {rng.randint(10, 600)}.")
    text = "\n\n".join(out.blocks).rstrip() + "\n"
    if cp1252:
        return text
    # the site's character habits apply below the boilerplate
    first, _, rest = text.partition("Download PDF")
    return first + "Download PDF" + _soviet_text(rest)


# --------------------------------------------------------------------------- family: Word transcripts


def _fn_body(rng: random.Random, n: int, p: Person | None) -> str:
    if p is not None:
        dash = rng.choice(("-", "-", "–"))
        return f"[{n}:  {p.surname}, {p.forenames} ({p.born}-{p.died}) {dash} {p.bio}]"
    text = _sentences(rng, 1, 3)
    if rng.random() < 0.2:
        text = text.replace("The ", "The [Communist] ", 1)
    if rng.random() < 0.3:
        text += f" See {rng.choice(('SAVILLE, J.', 'Petrov, N. V.', 'ROBERTS, G.'))}, {rng.choice(('The Politics of Continuity', 'Stalin’s Wars', 'According to Stalin’s Scenario'))} ({rng.choice(PLACES)}, {rng.randint(1980, 2015)}), p. {rng.randint(1, 400)}."
    return f"[{n}:  {text}]"


def _word(rng: random.Random, target: int, *, cp1252: bool) -> str:
    if rng.random() < 0.55:
        return _word_footnoteref(rng, target)
    return _word_endnotes(rng, target, cp1252=cp1252)


def _word_footnoteref(rng: random.Random, target: int) -> str:
    soviets, others = _cast(rng, rng.randint(2, 4), rng.randint(2, 5))
    host = soviets[0]
    day = _day(rng, 1944, 1956)
    out = Sized(target)
    fn = 0
    notes_inline = rng.random() < 0.8   # bodies on the same line as the anchor, else at the very end
    pending: list[str] = []

    def anchor(p: Person | None) -> str:
        nonlocal fn
        fn += 1
        body = _fn_body(rng, fn, p)
        pending.append(body)
        if not notes_inline:
            out.size += len(body.encode("utf-8")) + 1
        return f"{' ' if rng.random() < 0.15 else ''}[footnoteRef:{fn}]"

    def flush(line: str) -> str:
        if not notes_inline or not pending:
            return line
        text = line + " " + "  ".join(pending) + " "
        pending.clear()
        return text

    lines = [rng.choice((" STRICTLY CONFIDENTIAL", "TOP SECRET", " SECRET", "STRICTLY SECRET")),
             rng.choice(("THE CENTRAL COMMITTEE", "MINISTRY OF FOREIGN AFFAIRS OF THE USSR", "COUNCIL OF MINISTERS OF THE USSR")),
             rng.choice(("All-Union Communist Party (Bolsheviks).", "First European Department", "Secretariat")),
             rng.choice(("SPECIAL DEPARTMENT", "SPECIAL SECTOR", "GENERAL DEPARTMENT")),
             f"No P-{rng.randint(1, 99)}" + "\t" * rng.randint(0, 7), ""]
    addressees = rng.sample(SOVIET, rng.randint(3, 6))
    first = " " * rng.randint(0, 21) + "To Comrades " + ", ".join(
        a.surname + (anchor(a) if rng.random() < 0.7 else "") for a in addressees[:-1]) + \
        f" and {addressees[-1].surname}{anchor(addressees[-1])}."
    lines += [rng.choice(("TO MEMBERS AND CANDIDATES OF THE POLITICAL BUREAU OF CENTRAL COMMITTEE OF VKP (b) = All-Union Communist Party (Bolsheviks)",
                          "TO MEMBERS OF THE COLLEGIUM OF THE MINISTRY OF FOREIGN AFFAIRS")),
              flush(first), ""]
    out.add("\n".join(lines))
    out.add(f"For your information: record of conversation of Comrade {host.initials_tight} {host.surname} with "
            f"{rng.choice(('the group of British Labourites-deputies of parliament', 'the delegation of the Turkish Grand National Assembly', 'the Ambassador of the USA'))} "
            f"on {day.fmt(3)}.")
    cast = others
    body: list[str] = [f"RECORD OF CONVERSATION OF COMRADE {host.surname.upper()} WITH {rng.choice(('THE GROUP OF', 'THE DELEGATION OF', ''))} {rng.choice(('BRITISH LABOUR PARTY MEMBERS OF PARLIAMENT', 'AMERICAN CORRESPONDENTS', 'TURKISH PARLIAMENTARIANS'))}".replace("  ", " "),
                       "",
                       "   Attendants: " + ", ".join(p.surname for p in cast[:-1]) + f" and {cast[-1].surname} ({rng.choice(('secretary of delegation', 'interpreter'))}).",
                       ""]
    out.add("\n".join(body))
    lines = []
    while out.size < target - 700:
        r = rng.random()
        spk = rng.choice(cast)
        indent = " " * rng.choice((0, 0, 0, 1, 3))
        if r < 0.3:
            line = f"Comrade {host.surname.upper()} {rng.choice(VERBS_PRES)} {rng.choice(COMPLEMENTISERS)} {_clause(rng)}. {_sentences(rng, 0, 4)}"
        elif r < 0.55:
            line = f"{spk.surname.upper()} {rng.choice(VERBS_PRES)} {rng.choice(COMPLEMENTISERS)} {_clause(rng)}. {_sentences(rng, 0, 3)}"
        elif r < 0.6:
            line = f"{spk.surname.upper()} {rng.choice(('answers affirmatively.', 'expresses gratitude for the reception.', 'thanks Comrade Stalin for the conversation.'))}"
        elif r < 0.65:
            line = f"{spk.surname.upper()} {rng.choice(STAGE).lower()} {rng.choice(VERBS_PRES)} that {_clause(rng)}."
        elif r < 0.7:
            line = f"{spk.surname.upper()} {rng.choice(VERBS_PRES)} that {_clause(rng)}.   Comrade {host.surname.upper()} says that {_clause(rng)}."
        elif r < 0.74:
            line = f"Answering to {spk.surname}, Comrade {host.surname.upper()} says that, {_clause(rng)}."
        elif r < 0.78:
            line = "[…]"
        elif r < 0.82:
            line = f"Comrade {host.surname.upper()} (smiling) says: \"{_sentence(rng)}\" {_sentences(rng, 1, 2)}"
        else:
            line = _sentences(rng, 2, 6)
        if rng.random() < 0.15:
            who = rng.choice(PEOPLE)
            line = line.replace(".", f" with {who.surname}{anchor(who)}.", 1) if "." in line else line
        elif rng.random() < 0.08:
            line = line.rstrip(".") + f"{anchor(None)}."
        line = flush(indent + line + rng.choice(("", "", " ", "  ")))
        lines.append(line)
        out.size += len(line.encode()) + 1
    lines += ["End of conversation. ", f"Conversation lasted for {rng.randint(1, 3)} hours. ",
              f"Recorded by [signature] ({soviets[-1].initials_tight[:2]} {soviets[-1].surname})."]
    out.add("\n".join(lines))
    dist = ["MARKING", "mailing of conversation between Comrade Stalin and the group of visitors.", "",
            "To all members of the board of the Ministry for Foreign Affairs", "To all the ambassadors of the Soviet Union"]
    for country, names in (("Poland", ("Bierut", "Gomułka")), ("Czechoslovakia", ("Gottwald", "Slánský")),
                           ("Hungary", ("Rákosi", "Farkas")), ("Yugoslavia", ("Tito", "Kardelj"))):
        if rng.random() < 0.6:
            parts = []
            for nm in names:
                p = next((q for q in PEOPLE if q.surname == nm), None)
                parts.append(nm + (anchor(p) if p and rng.random() < 0.7 else ""))
            dist.append(flush(f"{' ' * rng.choice((0, 5))}{country} {rng.choice(('-', '–'))} " + ", ".join(parts)))
    out.add("\n".join(dist))
    text = "\n".join(out.blocks)
    if pending:  # bodies at the end of the document
        text += "\n\n" + "\n".join(pending)
    return text + "\n"


def _word_endnotes(rng: random.Random, target: int, *, cp1252: bool) -> str:
    """A transcript with [1]-style endnotes, pages, handwriting and bracket notations."""
    soviets, others = _cast(rng, rng.randint(1, 3), rng.randint(1, 3))
    host, guest = soviets[0], others[0]
    day = _day(rng, 1944, 1956)
    place = rng.choice(PLACES)
    out = Sized(target)
    notes: list[str] = []
    page = 1
    out.add("\n".join([rng.choice(("MEMORANDUM OF CONVERSATION", "RECORD OF A CONVERSATION", "Record of Conversation")),
                       f"{place}, {day.fmt(rng.choice((2, 5)))}",
                       rng.choice(("SECRET", "Top Secret", "CONFIDENTIAL")),
                       ("[handwritten: " + rng.choice(("Seen", "Seen by the Minister", "Copy to file")) + "]") if rng.random() < 0.5 else ""]).rstrip())
    present = [host, guest] + others[1:]
    if rng.random() < 0.5:
        out.add("Present:\n" + "\n".join(_name(rng, p, title=True) for p in present))
    else:
        out.add("Participants: " + ", ".join(_name(rng, p, title=True) for p in present) + ".")
    labels = {p: (_name(rng, p, title=True) if rng.random() < 0.5 else p.surname.upper()) for p in (host, guest)}
    qa = rng.random() < 0.2
    while not out.full(900):
        r = rng.random()
        if r < 0.06:
            page += 1
            if rng.random() < 0.5:
                out.add(f"[Page {page}]")
            else:
                out.add(f"\f- {page} -" if rng.random() < 0.6 else "\f")
            continue
        spk = rng.choice((host, guest))
        text = _inline_notation(rng, _sentences(rng, 1, 5))
        if rng.random() < 0.12:
            notes.append(_sentences(rng, 1, 2))
            text = text.rstrip(".") + f".[{len(notes)}]"
        if qa:
            out.add(f"{'Q' if spk is guest else 'A'}: {text}")
        elif r < 0.25:
            out.add(f"{labels[spk]}:\n{text}")      # label alone on its line
        elif r < 0.65:
            stage = f" {rng.choice(STAGE)}" if rng.random() < 0.1 else ""
            out.add(f"{labels[spk]}:{stage} {text}")
        elif r < 0.75:
            items = "\n".join(f"({chr(97 + i)}) {_clause(rng)};" for i in range(rng.randint(2, 4)))
            out.add(f"{labels[spk]}: {rng.choice(('There are three points.', 'Our proposals are as follows:'))}\n{items}")
        elif r < 0.82:
            out.add("\n".join(f"{i}. {_sentence(rng)}" for i in range(1, rng.randint(3, 5))))
        else:
            out.add(f"{_name(rng, spk, title=True)} {rng.choice(VERBS_PAST)} that {_clause(rng)}. {_sentences(rng, 0, 2)}")
    out.add(f"{rng.choice(('Recorded by', 'Drafted by', 'Minute by'))} {_name(rng, rng.choice(PEOPLE), title=False)}")
    if notes:
        sep = rng.choice(("________________", "-" * 20, "* * *", "Notes:", "________________\n\nNotes"))
        out.add(sep + "\n" + "\n".join(f"[{i}] {body}" for i, body in enumerate(notes, 1)))
    text = "\n\n".join(out.blocks) + "\n"
    if not cp1252 and rng.random() < 0.3:
        text = text.replace("'", "’")
    return text


# --------------------------------------------------------------------------- generic plain text


def _generic(rng: random.Random, target: int, *, cp1252: bool) -> str:
    kind = rng.choice(("memo", "letter", "interview", "note"))
    out = Sized(target)
    day = _day(rng, 1930, 1965)
    a, b = rng.sample(PEOPLE, 2)
    if kind == "memo":
        out.add("\n".join(["MEMORANDUM", "", f"To: {_name(rng, a, title=True)}", f"From: {_name(rng, b, title=True)}",
                           f"Date: {day.fmt(rng.choice((0, 2, 4)))}", f"Subject: {rng.choice(TOPICS).capitalize()}"]))
    elif kind == "letter":
        out.add(f"{rng.choice(PLACES)}\n{day.fmt(rng.choice((1, 2, 0)))}")
        out.add(f"Dear {rng.choice(('Sir', a.titles[0] + ' ' + a.surname, a.forenames.split()[0]))},")
    elif kind == "interview":
        out.add(f"Interview with {a.forenames} {a.surname}\n{rng.choice(PLACES)}, {day.fmt(2)}\nInterviewer: {b.forenames} {b.surname}")
    else:
        out.add(f"Notes on {rng.choice(TOPICS)}")
    n = 1
    while not out.full(200):
        if kind == "interview":
            q = rng.choice(("Q:", "Question:", "Q.", "INTERVIEWER:"))
            out.add(f"{q} {_sentence(rng)[:-1]}?")
            ans = _sentences(rng, 1, 6)
            if rng.random() < 0.2:
                ans = f"{rng.choice(STAGE)} " + ans
            out.add(f"{'A:' if q == 'Q:' else 'A.' if q == 'Q.' else a.surname.upper() + ':'} {ans}")
        elif kind == "memo" and rng.random() < 0.5:
            out.add(f"{n}. {_sentences(rng, 1, 6)}")
            n += 1
        else:
            text = _sentences(rng, 2, 8)
            if rng.random() < 0.05:
                text += " *"
            out.add(text)
    if kind == "letter":
        out.add(f"{rng.choice(('Yours sincerely,', 'Yours faithfully,', 'Yours ever,'))}\n{b.forenames.split()[0][0]}. {b.surname}")
    elif kind == "memo":
        out.add(f"{b.initials_tight} {b.surname}".strip())
    text = "\n\n".join(out.blocks) + "\n"
    if not cp1252 and rng.random() < 0.2:
        text = text.replace(" - ", " – ")
    return text


FAMILIES = {"wilson": _wilson, "soviet": _soviet, "word": _word, "generic": _generic}


# --------------------------------------------------------------------------- bytes


def _target_size(rng: random.Random) -> int:
    size = int(rng.gauss(MEAN_SIZE, 4_500))
    return max(MIN_SIZE, min(MAX_SIZE, size))


def _pick_family(rng: random.Random) -> str:
    x = rng.random()
    acc = 0.0
    for name, weight in FAMILY_WEIGHTS:
        acc += weight
        if x < acc:
            return name
    return FAMILY_WEIGHTS[-1][0]


def _trim(text: str, limit: int) -> str:
    """Hard cap at the maximum size, cutting at a line end."""
    if len(text.encode("utf-8")) <= limit:
        return text
    cut = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    end = cut.rfind("\n")
    return cut[: end + 1] if end > limit // 2 else cut


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "Ş": "S", "ş": "s", "ő": "o", "ű": "u", "ć": "c", "ń": "n",
                       "ś": "s", "ź": "z", "ż": "z", "ę": "e", "ą": "a", "Ś": "S", "Ż": "Z"})


def _to_cp1252(text: str) -> bytes | None:
    """Windows-1252 bytes, folding the few letters that code page lacks (as old exports did); None if impossible."""
    try:
        return text.translate(_FOLD).encode("cp1252")
    except UnicodeEncodeError:
        return None


def record(index: int, seed: int = 1) -> tuple[str, bytes, dict[str, object]]:
    """Record ``index`` (1-based) of the corpus for ``seed``: file name, bytes, and its properties."""
    rng = random.Random(f"tei-encoder-corpus:{seed}:{index}")
    family = _pick_family(rng)
    target = _target_size(rng)
    enc_roll, crlf_roll, bom_roll = rng.random(), rng.random(), rng.random()
    cp1252 = enc_roll < 0.085
    crlf = crlf_roll < 0.15
    text = FAMILIES[family](rng, target, cp1252=cp1252)
    for _ in range(8):  # the templates overshoot or undershoot the target a little: regenerate
        size = len(text.encode("utf-8")) + (text.count("\n") if crlf else 0) + 3
        if size < MIN_SIZE:
            target += MIN_SIZE
        elif size > MAX_SIZE:
            target -= size - MAX_SIZE + 500
        else:
            break
        text = FAMILIES[family](rng, target, cp1252=cp1252)
    text = _trim(text, MAX_SIZE - (text.count("\n") if crlf else 0) - 3)  # last resort only
    if crlf:
        text = text.replace("\n", "\r\n")
    data = _to_cp1252(text) if cp1252 else None
    encoding = "cp1252" if data is not None else "utf-8"
    if data is None:
        data = text.encode("utf-8")
        if bom_roll < 0.05:
            data = b"\xef\xbb\xbf" + data
    info = {"family": family, "encoding": encoding, "crlf": crlf,
            "bom": data.startswith(b"\xef\xbb\xbf"), "size": len(data)}
    return f"rec_{index:05d}.txt", data, info


def generate(count: int, seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """Yield ``count`` records as ``(file name, bytes)``, deterministic for ``seed``."""
    for index in range(1, count + 1):
        name, data, _ = record(index, seed)
        yield name, data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a deterministic synthetic corpus of plain-text records.")
    parser.add_argument("out_dir", type=Path, help="directory to write rec_00001.txt … into (created if missing)")
    parser.add_argument("--count", type=int, default=5000, help="number of records (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--stats", action="store_true", help="print family, encoding and size statistics")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be >= 0")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    families: dict[str, int] = {}
    encodings: dict[str, int] = {}
    crlf = bom = 0
    sizes: list[int] = []
    for index in range(1, args.count + 1):
        name, data, info = record(index, args.seed)
        (args.out_dir / name).write_bytes(data)
        total += len(data)
        sizes.append(len(data))
        families[str(info["family"])] = families.get(str(info["family"]), 0) + 1
        encodings[str(info["encoding"])] = encodings.get(str(info["encoding"]), 0) + 1
        crlf += bool(info["crlf"])
        bom += bool(info["bom"])
    print(f"wrote {args.count} records, {total / 1e6:.1f} MB, to {args.out_dir}", file=sys.stderr)
    if args.stats and sizes:
        sizes.sort()
        print(f"families: {dict(sorted(families.items()))}")
        print(f"encodings: {dict(sorted(encodings.items()))}  crlf: {crlf}  bom: {bom}")
        print(f"size: min {sizes[0]}  median {sizes[len(sizes) // 2]}  mean {total // len(sizes)}  max {sizes[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
