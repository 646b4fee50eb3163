"""Hypothesis strategies: records built from the families' notations, real records mutated, arbitrary text."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import strategies as st

from tei_encoder.source import decode_text

WORDS = st.sampled_from("""the of and to conversation treaty Moscow Stalin Eden Molotov government
border said that whether agreement question Britain Soviet comrade proposal war peace trade""".split())
NAMES = st.sampled_from(["Stalin", "Sir D. Kelly", "Comrade Molotov", "Eden", "ZILLIACUS", "Q", "A"])
VERBS = st.sampled_from(["says that", "replied that", "asks whether", "noted:", "agreed", "objected that"])

sentence = st.lists(WORDS, min_size=1, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")

inline = st.one_of(
    sentence,
    st.integers(1, 5).map(lambda n: "□" * n),
    st.just("shewed [sic]"), st.just("[...]"), st.just("[…]"), st.just("[one word missing]"),
    st.just("(Laughing)"), st.just("[Page 3]"), st.just("[handwritten: Seen]"), st.just("[Kremlin?]"),
    st.just("**bold**"), st.just("(Moscow Time)"), st.just("article 3 *,"),
    st.just("[crossed out: British]"), st.just("[underlined] urgent [end of underlining]"),
    st.just("[Resolution in the margin: Agree. V. M.]"), st.just("[Stamp: Archive of the MFA, No. 5512]"),
    st.builds(lambda n: f"note[footnoteRef:{n}]", st.integers(1, 3)),
    st.builds(lambda n: f"[{n}: Surname, Forename (1900-1970) - a leader. More.]", st.integers(1, 3)),
)
paragraph = st.lists(inline, min_size=1, max_size=6).map(" ".join)
block = st.one_of(
    paragraph,
    st.builds(lambda name, text: f"{name}: \"{text}\"", NAMES, paragraph),
    st.builds(lambda name, text: f"{name}: {text}", NAMES, paragraph),
    st.builds(lambda name, verb, text: f"{name} {verb} {text}", NAMES, VERBS, paragraph),
    st.sampled_from(["TOP SECRET", "IMMEDIATE", "No. 608", "D.", "1.11 p.m.", "19th July, 1949",
                     "FROM MOSCOW TO FOREIGN OFFICE", "..............", "\f", "- 2 -", "Attendants:",
                     "Recorded by [signature] (O. Troyanovsky).", "Translated by Maisky",
                     "Ap rf. F. 45. On. 1.d. 279. L. 115-122.", "Publ.: Relations ... - t. I.",
                     "(a) first item", "(b) second item", "2. Numbered paragraph.", "Citation:",
                     "Selected Secret Documents from Soviet Foreign Policy", "Download PDF"]),
)
separators = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\n\n"])
record = st.builds(lambda blocks, sep: sep.join(blocks), st.lists(block, min_size=1, max_size=12), separators)

arbitrary = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400)


# ---------------------------------------------------------------- mutations of real records (issue 8, finding 8)
# Damage as it happens to real transcripts: lines dropped, duplicated, merged or swapped, and
# characters of the records' own notations typed in at random places. Starting from real records
# (seeds/ and tests/records/) reaches header fields, turns, notes and telegram apparatus that
# text built from scratch rarely does.

REPO = Path(__file__).resolve().parent.parent
REAL_RECORDS = tuple(sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests" / "records").glob("*.txt")))

MUTATION_ALPHABET = tuple("□[]…:*\f0123456789aZé\"'“”‘’()-.,_#<>/") + (
    " ", "\n", "[sic]", "[…]", "[...]", "**", "[footnoteRef:1]", "[1: ", "[2]", "Q:", "http://x.org/a",
    "(Laughing)", "[Page 2]", "[handwritten: ", "?]", "[crossed out: ", "[underlined] ", " [end of underlining]",
    "[in the margin: ", "[Stamp: ", "\ue001")  # (a private-use character, as a PDF's symbol font gives one)
MUTATIONS = ("drop", "duplicate", "merge", "swap", "insert", "insert")


def record_text(path: Path) -> str:
    """A record as text, whatever its encoding (the mutations work on characters, not bytes): decoded
    as the package decodes it, so a record in Windows-1250 or KOI8-R gives its own letters."""
    return decode_text(path.read_bytes())


def mutate(text: str, chooser: random.Random, steps: int) -> str:
    """Apply ``steps`` random mutations; ``chooser`` decides everything, so a seed replays a case."""
    lines = text.split("\n")
    for _ in range(steps):
        if len(lines) < 2:
            lines.append(chooser.choice(MUTATION_ALPHABET))
        at = chooser.randrange(len(lines))
        kind = chooser.choice(MUTATIONS)
        if kind == "drop":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "merge" and at + 1 < len(lines):
            lines[at:at + 2] = [lines[at] + chooser.choice(("", " ")) + lines[at + 1]]
        elif kind == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        else:
            line = lines[at]
            column = chooser.randrange(len(line) + 1)
            lines[at] = line[:column] + chooser.choice(MUTATION_ALPHABET) + line[column:]
    return "\n".join(lines)


mutated_record = st.builds(
    lambda path, chooser, steps: mutate(record_text(path), chooser, steps),
    st.sampled_from(REAL_RECORDS), st.randoms(use_true_random=False), st.integers(1, 12))
