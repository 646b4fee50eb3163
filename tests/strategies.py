"""Hypothesis strategies: records built from the families' notations, and arbitrary text."""

from __future__ import annotations

from hypothesis import strategies as st

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
