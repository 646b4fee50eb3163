"""Patterns rewritten for speed (convert speed, round 3) find exactly what their plain forms find.

A look-behind at the start of a pattern makes the regex engine try it at every position; the
encoder's scans put the consumed character first and the look-behind after it. Each plain form
below is the pattern as first written: the specification the fast one must keep.
"""

from __future__ import annotations

import random
import re

import pytest

from tei_encoder import source
from tei_encoder.families import word_export
from tei_encoder.header import aliases, classification, dates, people
from tei_encoder.inline import emphasis, sic
from tei_encoder.markers import NOTE_OPEN, NOTE_CLOSE, PAGE_FEED_CLOSE, PAGE_FEED_OPEN, PAGE_JOIN, plain
from tei_encoder.reader import inliner, notes, persons, speech, traced
from tei_encoder.reader.block_rules import closing_matter
from tei_encoder.writer.tei import OCR_BOXES

SAMPLES = [
    "", "Stalin", "said Stalin. The Ambassador replied that Mr. Eden, comrade Molotov and Cde. V. Volkov met.",
    "O’Brien's x-Ray .Dot A.B. Smith, A. Ya. Vyshinsky and V. M. MOLOTOV signed. (Laughter.) \"Yes.\" (pause)",
    "theThe the Minister; Sir Stafford Cripps; Herr Schmidt, Frau Weber, Monsieur Dupont, Mme Curie, Dr. Who",
    "TOV. KIM said: “no”. Mrs Smith’s and Lady Astor's, Lord Halifax; Mister X. Mme. Y asks. He points out",
    "Vice President Nixon, Field Marshal Montgomery, Deputy Minister Gromyko, Prime Minister Attlee, "
    "General Assembly, Generalissimo Stalin, x-General Y, Foreign Minister Eden's A. B. Secretary Dulles",
]


def _random_texts(alphabet: str, count: int = 3000) -> list[str]:
    rng = random.Random(12)
    return [''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


PLAIN_FORMS = [
    (inliner._CAPITALISED, r"(?<![\w'’.-])[A-Z][\w'’-]*", "aAZ.’'-_ 9é"),
    (inliner._SENTENCE_STAGE, r"(?:(?<=[.?!] )|(?<=[.?!][\"”] ))\([^()]{1,80}\)", ".?!\"” ()a"),
    (emphasis.PATTERN, r"\*\*(?P<bold>\S(?:[^*]*?\S)?)\*\*|(?<![\w*])\*(?P<italic>[^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])",
     "a* _\n9"),
    (closing_matter.SIGNER, r"(?<![\w.])(?:[A-Z][a-z]?\.\s?){1,3}[A-Z][\w'’-]+", "ABab. ’-"),
    (persons._ADDRESSED,
     r"(?<![\w'’.-])(?:(?i:comrade|cde|tov)\.?|(?:Mr|Mrs|Ms|Miss|Mister|Sir|Herr|Frau|Monsieur|"
     r"Madame|Mme|Dr|Lord|Lady)\.?)\s+(?:[A-Z][a-z]?\.\s?)*[A-Z][\w’'-]*[a-z\w]"
     r"(?: [A-Z]\.)*"
     r"(?: (?!(?:His|Her|Its|Our|Their|The|This|That|These|Those|He|She|It|We|They|In|On|At|And|"
     r"But|As|If|When|Then)\b)[A-Z][a-z][\w’'-]*){0,2}(?![\w’'-]|\.[A-Z])", "CcTtMSHFDLomradevrsiteu. ’-"),
    (persons._RANKED,
     r"(?<![\w'’.-])(?<!Field )(?<!Vice )(?<!Deputy )(?<!Foreign )(?<!Prime )(?:Generalissimo|Marshal|General|Admiral|Colonel|President|"
     r"Premier|Chairman|Ambassador|Secretary|Minister|Prime Minister|Foreign Minister|Chancellor) "
     r"(?P<name>(?:[A-Z]\. ?)*[A-Z][a-z][\w’'-]*(?: [A-Z][a-z][\w’'-]*){0,2})(?![\w’'-])",
     "GeneralMarshalPrimeMinisterFieldViceDeputy SaA. ’-"),
    (source._RUNS, " {2,}", "  a\t"),
    (people._CAPITALISED_BEFORE_CAPITAL, r"(?<![\w'’.-])([A-Z][a-z]{1,4}) (?=[A-Z])", "AZaz. ’'-_é9 "),
    (OCR_BOXES, "\u25a1+", "\u25a1\u25a1a "),
    (dates._DIGITS_RE, r"\d+", "0 9²a٣"),
    (word_export._MARKDOWN_EMPHASIS,
     r"\*\*[^*\s][^*]*\*\*|(?<![*\w])\*[^*\s][^*]*\*(?![*\w])|(?<!\w)_[^_\s][^_]*_(?!\w)", "**__ a\n9é"),
]


@pytest.mark.parametrize("fast, plain_form, alphabet", PLAIN_FORMS, ids=lambda value: str(value)[:24])
def test_fast_scan_finds_what_the_plain_form_finds(fast: re.Pattern[str], plain_form: str, alphabet: str) -> None:
    slow = re.compile(plain_form, fast.flags & re.IGNORECASE)
    assert fast.pattern != slow.pattern
    for text in SAMPLES + _random_texts(alphabet):
        assert _found(fast, text) == _found(slow, text), text


def test_title_mentions_scan_finds_what_the_word_boundary_form_finds() -> None:
    # The specification: "the" at a word boundary, then the titles as a plain alternation, longest first.
    from tei_encoder.header import people
    from tei_encoder.letters import UPPER

    titles = "|".join(re.escape(t.title()) for t in sorted(people.TITLES, key=lambda t: (-len(t), t))
                      if t not in ("the", "mr", "mrs", "ms", "m"))
    slow = re.compile(r"\b(?:the|The)\s+(?P<title>(?:" + titles + rf")(?:\.[{UPPER}]\.?)*)(?![\w])")
    fast = inliner._TITLE_ONLY
    titled = [f"the {t.title()}" for t in sorted(people.TITLES)]
    for text in SAMPLES + _random_texts("tThe Ministr.Ambasdor _") + titled + [" ".join(titled) + ".X."]:
        assert _found(fast, text) == _found(slow, text), text


def test_inline_rules_after_the_one_cheap_search_do_what_every_rules_own_test_does() -> None:
    from tei_encoder import inline
    from tei_encoder.inline.base import Context

    def spec(text: str) -> tuple[list[object], dict[str, int]]:  # each rule's own test, no search before
        context, segments = Context(), [text]
        for rule in inline.RULES:
            if rule.trigger(text):
                segments = rule.apply(segments, context)
        return segments, context.counts

    def fast(text: str) -> tuple[list[object], dict[str, int]]:
        context = Context()
        return inline.apply_rules([text], context), context.counts

    pieces = sorted({cheap for rule in inline.RULES for cheap in rule.cheap}) + [
        "a", "x", " ", "marg", "[under", "[margin: x]", "[stamp: y]", "[crossed out: z]", "[deleted: w]", "word [sic]",
        "(sic)", "basic", "across", "stamped", "Margin", "[", "(", "]", ")", ":"]
    rng = random.Random(4)
    texts = SAMPLES + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(4000)]
    for text in texts:
        assert fast(text) == spec(text), text


def test_the_rules_stood_for_by_a_bracket_match_only_with_it() -> None:
    from tei_encoder import inline

    pieces = ["[", "(", "]", ")", "margin", "MARGIN", "in margin", "stamp", "STAMP", "Stamp", "crossed out", "struck",
              "deleted", "sic", "SIC", "sic!", ":", " ", "x", "word", "note", "left", "handwritten", ",", "\n",
              "[margin: x]", "[In margin: y]", "[left margin note: z]", "[stamp: a]", "[Round stamp: b]",
              "[crossed out: c]", "[DELETED: d]", "[struck through: e]", "shewed [sic]", "(SIC)", " [sic, probably x]"]
    rng = random.Random(17)
    texts = SAMPLES + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(5000)]
    rules = [rule for rule in inline.RULES if rule.name in inline._OPENED_BY]
    assert len(rules) == len(inline._OPENED_BY)
    matched = 0
    for rule in rules:
        for text in texts:
            for match in rule.pattern.finditer(text):
                matched += 1
                assert any(opening in match.group() for opening in inline._OPENED_BY[rule.name]), (rule.name, text)
    assert matched > 2000


def test_verb_scan_finds_what_each_verb_word_of_the_text_finds() -> None:
    # The specification (the scan as first written): the verb forms whose first word is a word of the
    # text (letters of any script), each looked for where no ASCII letter stands before it.
    heads = frozenset(form.split()[0] for form in speech.VERB_FORMS)

    def spec(text: str) -> list[tuple[int, int]]:
        found = []
        for head in heads.intersection(speech._ALPHA.findall(text)):
            forms = [form for form in speech.VERB_FORMS if form.split()[0] == head]
            pattern = re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, forms)) + r")\b")
            found += [match.span() for match in pattern.finditer(text)]
        return sorted(found)

    texts = SAMPLES + _random_texts("saidpontuhkrelyx ’'-.é²3_") + [
        "He ésaid it", "ésaid, and then said", "3said", "said3 said", "x²said", "unsaid", "disappointed out said",
        "Kim pointed out that", "points  out", "said_ said", "Đỗ saidé said"]
    for text in texts:
        assert [verb.span() for verb in speech._verbs(text)] == spec(text), text


def test_line_key_is_the_words_case_folded() -> None:
    def spec(text: str) -> str:
        return re.sub(r"[\W_]+", " ", plain(text)).strip().casefold()

    markers = NOTE_OPEN + "1" + NOTE_CLOSE + PAGE_JOIN + PAGE_FEED_OPEN + PAGE_FEED_CLOSE
    for text in SAMPLES + ["  Straße__İstanbul ΣΑΣ ﬁ\t-x-  ", "a\x1cb\u2028c"] + \
            _random_texts("aZ9_ -.,\t\u00a0ßİΣςﬁ\u0307\x1c" + markers):
        assert traced._key(text) == spec(text), repr(text)


def test_found_marks_are_a_list_of_each_callers_own() -> None:
    line = "TOP SECRET Moscow, 3 March 1950"
    first = classification.find_marks(line)
    assert [mark.kind for mark in first] == ["classification"]
    first.clear()
    assert [mark.text for mark in classification.find_marks(line)] == ["TOP SECRET"]


def _words_with_shared_beginnings() -> list[list[str]]:
    rng = random.Random(7)
    sets = [sorted(people_titles()), list(speech.VERB_FORMS), ["a", "ab", "abc", "abd", "b", "ba", "a b", "a.b"]]
    for _ in range(40):
        sets.append(sorted({"".join(rng.choice("ab. ") for _ in range(rng.randint(1, 4))) for _ in range(8)}))
    return sets


def people_titles() -> frozenset[str]:
    from tei_encoder.header import people

    return people.TITLES


@pytest.mark.parametrize("flags", [0, re.I])
def test_factored_alternation_matches_as_the_longest_first_alternation(flags: int) -> None:
    # Around the alternation, what backtracks into it: of two words that both match, which one the
    # engine takes first decides what follows (the specification: the plain alternation, longest first).
    for words in _words_with_shared_beginnings():
        plain_form = "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))
        fast_form = speech.longest_first_alternation(words)
        for context in (r"(?P<w>{})", r"(?P<w>{})\s+(?P<rest>\w*)", r"(?:(?P<w>{})\.?\s?)+b"):
            slow, fast = re.compile(context.format(plain_form), flags), re.compile(context.format(fast_form), flags)
            for text in SAMPLES + _random_texts("abdAB. \n") + [" ".join(words)]:
                assert _found(fast, text) == _found(slow, text), (words, context, text)


def test_inline_label_starts_sees_an_abbreviation_as_the_whole_text_before_does() -> None:
    # The label pattern as first written: the sentence's last mark looked behind, not matched.
    plain_label = re.compile("(?<=[.?!…])" + speech.INLINE_LABEL.pattern.removeprefix("[.?!…]"))

    def spec(text: str) -> list[tuple[int, str]]:
        found = []
        for match in plain_label.finditer(text):
            if speech._ABBREVIATION_BEFORE.search(text, 0, match.start()):
                continue
            if speech.match_label(text[match.start("label"):]) is not None:
                found.append((match.start("label"), match.group("label")))
        return found

    texts = ["He left. Sir D. Kelly: Yes.", "It is so. Mr. Orlov: No. Then? KIM: Well.", "Ends. Gen.\nMOLOTOV: x",
             "Done. A. GROMYKO: We agree. Next. Cde.  Volkov: no", "Yes.” KIM: Well. ..ASHBY: so!) Q: a",
             "x.) A: b. Q: c… KIM (smiling): d"]
    rng = random.Random(3)
    pieces = ["Sir", "D.", "Mr.", "Cde.", "gen.", "A.", "Kelly:", "KIM:", "Q:", "Yes.", "no", "\n", "x?", "O’", "a",
              "so…", "it.”", "(x).)", "]"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(2, 12))) for _ in range(3000)]
    for text in texts:
        assert speech.inline_label_starts(text) == spec(text), text


def test_attendance_patterns_match_only_where_their_precheck_does() -> None:
    # The pre-check decides whether a text is scanned at all: it must hold wherever the pattern matches.
    rng = random.Random(5)
    pieces = ["Mr.", "Vyshinsky", "V. M. Molotov", "was", "also", "present", "presented", "in attendance",
              "interpreted", "acted as interpreter", "accompanied by", "joined by", "with", "as", "an",
              "interpreter", "\n", "\t", ".", ","]
    texts = SAMPLES + ["On the Russian side Vyshinsky was in attendance.", "Pavlov\tinterpreted.",
                       "Mr. Eden was also\npresent"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    matched = 0
    for _, needed, pattern in persons._ATTENDANCE:
        for text in texts:
            if pattern.search(text):
                matched += 1
                assert needed.search(text), (pattern.pattern[:40], text)
    assert matched > 100


def test_a_text_with_an_endnote_anchor_holds_a_mark_start() -> None:
    # Texts without a mark's first character are not scanned for anchors: each anchor must begin so.
    found = 0
    for text in SAMPLES + ["claim.[1] and [2]", "claim [12] x", "there.¹ so ²³", "State.^2 Yours ^3x"] + \
            _random_texts("a [1]^2¹²\n.x"):
        for match in notes._ENDNOTE_ANCHOR.finditer(text):
            found += 1
            assert notes._MARK_START.search(match.group()), text
    assert found > 100


def test_pronoun_clause_is_found_where_the_look_behind_form_finds_it() -> None:
    slow = re.compile(r"(?:(?<=[.!?] )|(?<=[.!?][\"”’)] ))(?=" + speech.PRONOUN_CLAUSE.pattern + ")")

    def spec(text: str, first: bool) -> int | None:
        match = slow.search(text, 1 if first else 0)
        return match.start() if match else None

    rng = random.Random(9)
    pieces = ["I", "We", "He", "replied", "asked", "that", "The Ambassador", "said", ".", "!", "?", '"', "”", ")",
              " ", "  ", "x", "then"]
    texts = SAMPLES + [". I replied that", "No. He asked.", 'Yes." We said so', "a.  I said"]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 10)))
              for _ in range(3000)]
    texts += [rng.choice(["", "x", "No"]) + rng.choice(["", ".", "!", "?"]) + rng.choice(["", '"', "”", ")"])
              + rng.choice(["", " ", "  "]) + rng.choice(["I", "We", "The Ambassador", "he"])
              + rng.choice([" replied", " then said", "  asked"]) for _ in range(1000)]
    found = 0
    for text in texts:
        for first in (True, False):
            found += spec(text, first) is not None
            assert inliner._pronoun_clause(text, first) == spec(text, first), (text, first)
    assert found > 100


def test_name_candidates_are_the_capitalised_words_that_are_name_words() -> None:
    # The specification: every capitalised word of the text (the _CAPITALISED walk), kept when it is a
    # name's word, or one with a possessive 's (then without it).
    words = frozenset({"kim", "il", "sung", "molotov", "o’brien", "ana", "x-ray"})

    def spec(text: str) -> list[tuple[int, int, str]]:
        found = []
        for match in inliner._CAPITALISED.finditer(text):
            word = match.group()
            if word.casefold().strip("’'") in words:
                found.append((match.start(), match.end(), word))
            elif word.endswith(("'s", "’s")) and word[:-2].casefold() in words:
                found.append((match.start(), match.end() - 2, word[:-2]))
        return found

    rng = random.Random(11)
    pieces = ["Kim", "KIM", "Il", "Sung", "Molotov", "Molotov's", "Molotov’s", "O’Brien", "Ana", "Anana", "X-Ray",
              "KimKim", "Kim-Il", "Kim.", ".Kim", "-Kim", "'Kim", "’Kim", "_Kim", "Kim_", "éKim", "Kimé", "9Kim"]
    texts = SAMPLES + [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    texts += ["".join(rng.choice(pieces + [" ", ",", ""]) for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    for text in texts:
        assert inliner.name_candidates(text, words) == spec(text), text


def test_sentence_starts_are_where_the_anchored_form_finds_them() -> None:
    slow = re.compile(r"(?:^|[.!?][\"”’)]?\s+|[,;]\s+)(?=\S)")
    texts = SAMPLES + _random_texts("a .!?\"”’),;\n\t") + ["", " ", ". x", "x", "\u00a0x. y", ".” ) x, y; z"]
    for text in texts:
        assert speech.sentence_starts(text) == [match.end() for match in slow.finditer(text)], repr(text)


def test_closing_line_kinds_with_the_word_count_gates_are_the_full_tests_kinds() -> None:
    from tei_encoder.reader.block_rules import attachment, source_note, valediction
    from tei_encoder.reader.opening import is_dateline

    def spec(text: str, last: bool) -> str | None:  # every test, none skipped by the word count
        bare = plain(text).strip()
        if closing_matter.DISTRIBUTION_HEAD.match(bare):
            return None
        if valediction.closes_letter(bare):
            return "salute"
        if len(bare.split()) <= 8 and is_dateline(bare):
            return "dateline"
        if source_note.matches(bare):
            return "source"
        if closing_matter._NUMBER.match(bare):
            return "number"
        if closing_matter.SIGNATURE_MARK.match(bare) or closing_matter.columns(bare, known) or (
                last and (closing_matter.bare_name(bare) or closing_matter._INITIALS.match(bare)
                          or closing_matter._office_before_bare_name(bare))):
            return "signed"
        if last and attachment.PATTERN.match(bare):
            return "enclosure"
        return None

    def known(name: str) -> bool:
        return name in ("Pak Hon Yong", "Molotov")

    rng = random.Random(8)
    pieces = ["A.", "V. M.", "Molotov", "MOLOTOV", "Pak Hon Yong", "S. Vinogradov", "(", ")", "(M. Rákosi)", "of",
              "Head", "the", "delegation", "C.E.B.", "K.", "L.", "x", "[signature]", "Enclosure:", "1950", "Yours,",
              "Ambassador", "Deputy", "People's", "Commissar", "József", "Kovács"]
    texts = ["( " + " ".join(["A. Gromyko"] * n) + " )" for n in range(6, 11)]
    texts += ["(" + " ".join(["A. Gromyko"] * n) + ")" for n in range(6, 11)]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 24))) for _ in range(3000)]
    kinds = set()
    for text in texts:
        for last in (True, False):
            kinds.add(spec(text, last))
            assert closing_matter.kind_of(text, last, known) == spec(text, last), (text, last)
    assert {"signed", None} <= kinds


def test_sic_scan_finds_what_the_plain_form_finds() -> None:
    slow = re.compile(r"(?P<word>[^\s\[\](){}\"“”]+?)(?P<punct>[.,;:!?\"”’)]*)(?P<space>\s*)"
                      r"(?P<marker>[\[(]sic!?(?:[,:;]\s*[^\[\]()]{1,80})?[\])])", re.IGNORECASE)
    rng = random.Random(13)
    pieces = ["shewed", "[sic]", "(SIC)", "[sIc, probably x]", "(sic!)", "[sic:", "basic", "music", "sic", ".", "”",
              '"', "’", ")", "(", " ", "\n", "[", "]", "{", "}", "word", "x,", "a", "a.b", "[sic] [sic]", "“"]
    texts = SAMPLES + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(5000)]
    matched = 0
    for text in texts:
        found = _found(slow, text)
        matched += bool(found)
        assert _found(sic.PATTERN, text) == found, text
    assert matched > 1000


def test_a_speaker_label_holds_a_colon() -> None:
    # match_label and field_label skip the label pattern on a text without a colon: it must need one.
    rng = random.Random(15)
    pieces = ["Stalin", "Sir D. Kelly", "Comrade", "MOLOTOV", "Q", "A", "The PRESIDENT", "(smiling)", " ", "\n",
              "\u25a1", ".", "[1]", "said", "Yes", ":", ": "]
    texts = SAMPLES + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(5000)]
    matched = 0
    for text in texts:
        if speech.LABEL.match(text):
            matched += 1
            assert ":" in text, text
        if ":" not in text:
            assert speech.match_label(text) is None and not speech.field_label(text), text
    assert matched > 200


def test_running_heads_and_caps_headings_with_their_prechecks_are_as_without() -> None:
    from tei_encoder.letters import LOWER, UPPER
    from tei_encoder.reader.block_rules import caps_heading, page_marker, source_note

    def caps_spec(text: str) -> bool:  # the test as first written: the letters counted before the words
        if len(text) > 300 or text.endswith((".", ",", ":")) or text.startswith("["):
            return False
        if caps_heading._NUMBERED_KIND.match(text) and caps_heading.DOCUMENT_TITLE.search(text):
            return True
        upper, lower = len(re.findall(f"[{UPPER}]", text)), len(re.findall(f"[{LOWER}]", text))
        sentence_inside = len(text.split()) > 15 and re.search(r"(?:[A-Z]{3}|\d)[.!?]\s+[A-Z]", text[4:])
        most = 45 if caps_heading.DOCUMENT_TITLE.match(text) else 30  # a heading that opens with its kind runs longer
        return (3 <= len(text.split()) <= most and upper + lower >= 10 and upper >= 0.85 * (upper + lower)
                and not sentence_inside and speech.match_label(text) is None and not source_note.matches(text)
                and not text.upper().startswith(("TO ", "FROM ")))

    rng = random.Random(16)
    pieces = ["CONFIDENTIAL", "Page", "PAGE", "pAgE", "of", "2", "3", "\u0663", "\u00b2", "\t", " ", "\n", "-",
              "RECORD", "OF", "CONVERSATION", "WITH", "Molotov", "MINUTES No. 14", "x", "."]
    texts = SAMPLES + ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 14)))
                       for _ in range(5000)]
    texts += ["".join(rng.choice(choices) for choices in (["", "CONFIDENTIAL\t", "x "], ["Page", "PAGE", "page"],
                                                          [" ", "\t", ""], ["2", "\u0663", "\u00b2", "x"], [" ", ""],
                                                          ["of", "OF"], [" "], ["3", "12", "\u0663", "3."],
                                                          ["", "\n", "\n\n", " "]))
              for _ in range(3000)]
    texts += [" ".join(["RECORD"] * count) for count in range(1, 34)] + [" ".join(["AB"] * count) for count in (2, 3, 4)]
    heads = headings = 0
    for text in texts:
        if page_marker.RUNNING_HEAD.match(text):
            heads += 1
            assert page_marker._ends_with_digit(text), repr(text)
        caps_heading.matches.cache_clear()
        headings += caps_spec(text)
        assert caps_heading.matches(text) == caps_spec(text), repr(text)
    assert heads > 50 and headings > 50


def test_a_declared_alias_is_found_only_where_its_precheck_lets_the_scan_run() -> None:
    """Every declaration holds "(here" or "(hence": the texts without either are not scanned."""
    texts = SAMPLES + _random_texts("(hereinaftcdH N.S.)–", 6000) + [
        "Nikita Sergeyevich Khrushchev (hereafter N.S.) said", "Zhou Enlai (henceforth – Zhou)",
        "Kh. ( hereafter Kh.)", "Eden (Hereafter E.)"]
    for text in texts:
        full = [(m.span(), m.group("alias")) for m in aliases.DECLARATION.finditer(text)]
        if full:
            assert aliases._may_declare(text), text
        assert aliases.without_declarations(text) == aliases.DECLARATION.sub("", text), text


@pytest.mark.parametrize("reader, plain_form, group", [
    (inliner._token_before, r"(?P<token>[\w.'’-]+)\s+$", "token"),
    (inliner._two_words_before, r"(?P<title>[A-Za-z]+\.?\s+[A-Za-z]+\.?)\s+$", "title"),
])
def test_the_words_before_a_position_are_what_a_search_of_the_window_finds(reader, plain_form, group) -> None:
    slow = re.compile(plain_form)
    for text in SAMPLES + _random_texts("aB.’'-_é9 \n\t", 1500):
        for end in range(len(text) + 1):
            for window in {0, max(0, end - 3), max(0, end - 6)}:
                match = slow.search(text, window, end)
                expected = None if match is None else (match.start(group), match.group(group))
                assert reader(text, window, end) == expected, (text, window, end)


def test_label_patterns_match_only_where_their_cheap_prechecks_let_them() -> None:
    """A dash label holds a dash; an initial's label and a participants head hold a colon."""
    import unicodedata

    from tei_encoder.reader.block_rules import participants, speech_turn

    dashes = [chr(c) for c in range(0x2000, 0x2070) if unicodedata.category(chr(c)) == "Pd"] + ["-", "\u2e3a", "\ufe63"]
    for dash in dashes:
        text = f"Khrushchev {dash} The matter is becoming clear."
        if speech_turn.DASH_LABEL.match(text):
            assert speech_turn.may_be_dash_label(text), repr(dash)
    for head in ("Present", "Participants", "Also present", "K", "Q"):
        for mark in (":", "\uff1a", "\ufe55", ";", "."):
            text = f"{head}{mark} Mr. Kennan, Mr. Bohlen"
            if participants.PATTERN.match(text) or speech_turn.INITIAL_LABEL.match(text):
                assert ":" in text, text


def test_first_person_narration_is_found_where_the_one_pattern_finds_it() -> None:
    # The specification: the pattern as first written, both alternatives in one, tried at every position.
    slow = re.compile(r"(?:^|[.!?] )I (?:told|replied|said|asked|answered|informed|remarked|pointed out|stated|noted)\b"
                      r"|\b(?:visited|received|told|asked|informed|handed) me\b")
    rng = random.Random(13)
    pieces = ["I", "I ", " I ", ". ", "! ", "? ", ",", " ", "\n", "x", "_", "9", "é", "told", "replied", "said", "asked",
              "answered", "informed", "remarked", "pointed out", "pointed", "stated", "noted", "visited", "received",
              "handed", "me", " me", "mean", "Me", "noteds"]
    texts = SAMPLES + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) for _ in range(20000)]
    found = 0
    for text in texts:
        expected = slow.search(text) is not None
        found += expected
        assert speech.narrates_in_first_person([text]) is expected, repr(text)
    assert found > 100


def test_a_mark_ending_a_line_is_found_where_the_look_behind_form_finds_it() -> None:
    # The specification: the look-behind first, then the separators, as first written.
    rng = random.Random(14)
    pieces = ["secret", "SECRET", "top secret", "Top  Secret", "personal", "eyes only", "nodis", "2 copies", "x", "X9",
              "é", " ", "  ", ",", ".", ";", ":", "-", "–", "—", "\n", "\t", "_", "(", ")"]
    texts = SAMPLES + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) for _ in range(20000)]
    found = 0
    for kind, fast in classification._AT_END.items():
        mark = (classification.CLASSIFICATION if kind == "classification" else classification.HANDLING).pattern
        slow = re.compile(rf"(?<=\S)(?:[\s,.;:–—-]+)(?P<mark>{mark})\.?\s*$", re.I)
        for text in texts:
            expected, got = slow.search(text), fast.search(text)
            found += expected is not None
            assert (got and (got.span(), got.groupdict())) == (expected and (expected.span(), expected.groupdict())), \
                repr(text)
    assert found > 1000


def test_a_line_has_as_many_token_ends_as_archival_tokens_at_least() -> None:
    # is_reference counts the tokens only in a line with two token ends: each token must end in one.
    from tei_encoder.header import archive

    rng = random.Random(21)
    words = ["f", "fond", "F", "op", "OPIS", "d", "delo", "l", "ll", "listy", "sheets", "ſheets", "K", "k", "İnventory",
             "record group", "record \n group", "ed. khr", "bestand", "Bestand Z", "ф", "оп", "ᲂп", "д", "ᲁ", "лл",
             "пап", "x", "AVP RF", "was", "_", "", "-", "é"]
    gaps = ["", ".", ". ", " ", "  ", "\t", "\n", ",", "_", "-", ".."]
    numbers = ["1", "07", "٣", "²", "", "x"]
    texts = SAMPLES + ["f. 07, op. 3, d. 21, l. 40", "fond 0112,opis 12", "ф.06 оп. 7", "Bestand Z 45 F", "RG 84, Lot 62"]
    texts += ["".join(rng.choice(words) + rng.choice(gaps) + rng.choice(numbers) + rng.choice(gaps)
                      for _ in range(rng.randint(1, 5))) for _ in range(20000)]
    found = 0
    for text in texts:
        tokens = len(archive.TOKEN.findall(text))
        found += tokens >= 2
        assert len(archive._TOKEN_END.findall(text)) >= tokens, text
    assert found > 1000


def test_a_line_is_bare_of_manu_propria_as_the_end_anchored_scan_of_the_whole_line_makes_it() -> None:
    rng = random.Random(22)
    pieces = ["m.p.", "m. p.", "m.  p.", "v. r.", "v.r.", "в. р.", "в.р.", "M. P.", ",", ", ", " ", "\n", "\t", "x", "p.",
              "r.", "р.", "m.", ".", "Lomský", "\u00a0"]
    texts = SAMPLES + ["Bohumír Lomský, m. p.", "A. Gromyko v.r.\n", "в. р."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    stripped = 0
    for text in texts:
        spec = closing_matter._MANU_PROPRIA.sub("", plain(text).strip())
        stripped += spec != plain(text).strip()
        assert closing_matter._bare_of_manu_propria(text) == spec, repr(text)
    assert stripped > 2000


def test_a_body_of_before_a_name_is_found_where_the_window_search_finds_it() -> None:
    from tei_encoder.header import people

    rng = random.Random(23)
    bodies = sorted(people.ORGANISATION_WORDS)[:12] + ["Ministry", "MINISTRY", "embassy"]
    pieces = bodies + ["of", "Of", "OF", "o", "f", "the", "Foreign", "Affairs", "x", " ", "  ", "\t", "\n", "-"]
    texts = SAMPLES + ["the Ministry of Foreign Affairs considered", "Embassy\tof\tthe USSR said"]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", "\t", "\n"]) for _ in range(rng.randint(1, 10)))
              for _ in range(4000)]
    found = 0
    for text in texts:
        for end in range(len(text) + 1):
            spec = speech._BODY_OF_BEFORE.search(text, max(0, end - speech._BODY_OF_REACH), end) is not None
            found += spec
            assert speech._body_of_before(text, end) is spec, (text, end)
    assert found > 200


def test_inline_labels_end_where_the_scan_of_the_whole_text_finds_them() -> None:
    # The scan stops past the first non-space after the last colon: it must find what the scan of the
    # whole text finds (a colon's spaces of every kind, a colon without a space after it, none at all).
    rng = random.Random(24)
    pieces = ["KIM", "Sir D. Kelly", "Mr. Orlov", "Q", "A", "(smiling)", ":", ": ", ":\t", ":\n", ":\u2028", ":\x1c",
              ":  ", "10:30", ". ", "? ", "! ", "… ", ".” ", ".) ", "Yes", "x", " ", "\t", "\u00a0", "\n", ""]
    texts = SAMPLES + ["It is so. KIM: Well.", "It is so. KIM:\tWell", "Done. KIM: ", "Done. KIM:\n\nx", "a. Q:b"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    found = 0
    for text in texts:
        spec = _found(speech.INLINE_LABEL, text)
        found += bool(spec)
        assert [(match.span(), match.groupdict())
                for match in speech.INLINE_LABEL.finditer(text, 0, speech._label_scan_end(text))] == spec, repr(text)
    assert found > 2000


def test_a_line_names_an_archive_only_where_its_case_folded_keys_let_the_scan_run() -> None:
    import sys

    from tei_encoder.families import soviet_archive

    # Each letter of the keys is matched, case-blind, only by characters that case-fold to it: a name the
    # scan finds holds a key in the folded line.
    for letter in sorted(set("".join(soviet_archive._ARCHIVE_KEYS))):
        matched = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(letter, chr(c), re.I)]
        assert {character.casefold() for character in matched} == {letter}, (letter, matched)
    rng = random.Random(25)
    names = ["avp rf", "AVPRF", "Ap Rf", "ap\trf", "RGASPI", "rgaſpi", "GARF", "rgae", "TſAMO", "tsamo", "rgvа", "RGVA",
             "RGANİ", "rganı", "RTSKHIDNI", "rtsKhidni", "RTſKHİDNI", "ГАРФ"]
    pieces = names + ["f. 3", "op. 1", "x", " ", ",", ".", "_", "9", "-", "é", "archive", "surf", "large", "its", "ſ"]
    texts = SAMPLES + ["AVP RF, f. 07, op. 3", "RGASPI f. 558", "(TsAMO)", "Tsamoan"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(20000)]
    found = 0
    for text in texts:
        spec = soviet_archive._ARCHIVES.search(text) is not None
        found += spec
        assert soviet_archive._names_archive(text) is spec, repr(text)
    assert found > 2000


def test_a_meeting_then_its_date_is_found_where_the_plain_form_finds_it() -> None:
    import sys

    # The plain form: the case-blind meeting words at a word boundary, no look-ahead for their first letters.
    plain_form = re.compile(dates._MEETING_THEN_DATE.pattern.removeprefix(f"(?={dates._MEETING_INITIALS})"), re.I)
    assert plain_form.pattern != dates._MEETING_THEN_DATE.pattern
    words = dates._MEETING_WORDS.removeprefix("(?:").removesuffix(")").split("|")
    for first in sorted({word[0] for word in words}):
        for character in map(chr, range(sys.maxunicode + 1)):
            if re.fullmatch(first, character, re.I):
                assert re.fullmatch(dates._MEETING_INITIALS, character, re.I), (first, character)
    rng = random.Random(26)
    forms = [word.replace("?", "") for word in words] + ["talk", "negotiation", "HELD", "Met", "ſaw", "ıntervıew",
                                                         "İNTERVİEW", "TALKED", "talKed", "xmet", "met_", "Meeting"]
    pieces = forms + [" on ", " ON ", " on\t", " On Tuesday, ", " on Monday ", "27 June 1950", "12 May", "June 2–3, 1952",
                      "\n", " ", ",", "x", "9", "é", "the Ambassador"]
    texts = SAMPLES + ["I received the Ambassador on 12 May.", "Held at Lake Success, on Tuesday, 27 June 1950"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    found = 0
    for text in texts:
        spec = _found(plain_form, text)[:1]
        found += bool(spec)
        fast = dates._MEETING_THEN_DATE.search(text)
        assert ([(fast.span(), fast.groupdict())] if fast else []) == spec, repr(text)
    assert found > 1000


def test_a_diarys_dates_are_read_where_the_whole_paragraph_split_and_scanned_reads_them() -> None:
    from tei_encoder.markers import plain as without_markers
    from tei_encoder.reader.block_rules import diary_entry
    from tei_encoder.reader.opening import strip_boxes
    from tei_encoder.reader.units import Unit

    def spec_run_in_date(unit: Unit) -> int:  # as first written: every word counted, every head scanned
        text = unit.text
        if not text[:1].isdigit() and not text[:1].isupper() or len(text.split()) < 6:
            return 0
        found = next(iter(dates.find_dates(text[:40])), None)
        if found is None or found.start != 0 or not diary_entry._AFTER_RUN_IN_DATE.match(text, found.end):
            return 0
        return found.end

    def spec_entry_date(unit: Unit) -> str | None:
        if len(unit.lines) != 1:
            return None
        bare = diary_entry._WEEKDAY.sub("", strip_boxes(without_markers(unit.text)).strip().rstrip(".:"))
        if not bare or len(bare.split()) > 6 or not bare[0].isdigit() and not bare[0].isupper():
            return None
        return dates.entry_date(bare)

    rng = random.Random(27)
    pieces = ["3 January 1957", "9 January", "Monday, ", "MONDAY ", "7.11.37", "1957年10月1日", "１２ May 1950",
              "二〇年", "June 2–3, 1952", "8th of November, 1937", "1957 年 10 月 1 日", ". ", ": ", " – ", " - ", " ",
              "  ", "\t", "\u3000", "\u25a1 ", "I visited Nam Il", "Pak came", "x", "y z", "The", "9", "é", "\ue0012\ue002",
              "\ue000", ".", ":", "(", '"']
    texts = ["3 January 1957. I visited Nam Il and we spoke", "9 January: Pak Chang-ok came to see me today",
             "Monday, 8 November 1937", "7.11.37", "a b c d e ", "A b c d e ", "A b c d e f  ",
             "1957 年 10 月 1 日", "1957 年 10 月 1 日 x", "Monday, 1957 年 10 月 1 日."]  # a date of six words
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(20000)]
    run_in = entries = 0
    for text in texts:
        for unit in (Unit(1, (text,)), Unit(1, (text, "x"))):
            spec = spec_run_in_date(unit)
            run_in += bool(spec)
            assert diary_entry.run_in_date(unit) == spec, repr(text)
            spec_date = spec_entry_date(unit)
            entries += spec_date is not None
            assert diary_entry.entry_date(unit) == spec_date, repr(text)
    assert run_in > 300 and entries > 300, (run_in, entries)


def test_a_participants_head_is_matched_only_in_a_line_with_its_colon() -> None:
    # The participants rules test a line for a colon before matching its head: every head ends with one.
    from tei_encoder.reader.block_rules import participants

    rng = random.Random(28)
    heads = ["Present", "PRESENT", "present on the Soviet side", "Participating in the talks", "Took part", "Participants",
             "Chinese Participants", "Also present", "In attendance", "Присутствовали", "Anwesend", "Teilnehmer",
             "From the Romanian side took part", "Vietnamese side", "On the Soviet side", "Attendants", "Attending"]
    pieces = heads + [":", " :", "：", "﹕", "꞉", "\u2236", ";", " ", "\t", "Molotov", ", ", "x", "\u25a1", "-", "side"]
    texts = SAMPLES + [head + ":" for head in heads] + [head + " Bulganin" for head in heads]
    texts += [rng.choice(heads) * rng.randint(0, 1) + "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
              for _ in range(20000)]
    matched = 0
    for text in texts:
        found = participants.PATTERN.match(text) is not None
        matched += found
        assert not found or ":" in text, repr(text)
    assert matched > 500


def test_a_word_count_up_to_a_bound_is_the_whole_count_capped() -> None:
    # The specification: every word counted, the count then capped at one past the bound the caller tests.
    from tei_encoder.words import words_up_to

    rng = random.Random(29)
    pieces = ["a", "bc", " ", "  ", "\t", "\n", "\u3000", "\xa0", "\u2003", "\x1c", "\u200b", "é", ".", "\ue001"]
    texts = SAMPLES + ["", " ", "a ", " a", "a b c d e ", "a b c d e f  "]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    for text in texts:
        for most in range(0, 12):
            assert words_up_to(text, most) == min(len(text.split()), most + 1), (text, most)


def test_signatures_in_columns_are_read_where_every_line_was_cut_into_its_cells() -> None:
    from types import SimpleNamespace

    from tei_encoder.markers import plain as without_markers
    from tei_encoder.reader.block_rules import closing_matter
    from tei_encoder.reader.notes import without_word_notes
    from tei_encoder.reader.units import Unit

    def spec(layout: SimpleNamespace, unit: Unit, in_columns: bool) -> list[str] | None:  # as first written
        cells = layout.columns.get(unit.line, ())
        names = [name.strip() for name in without_word_notes("\0".join(cells)).split("\0") if name.strip()]
        if in_columns and not cells and len(unit.lines) == 1 and closing_matter.bare_name(
                without_markers(unit.text).strip()):
            return [unit.text]
        if len(unit.lines) != 1 or len(names) < 2 or not all(closing_matter.bare_name(name) for name in names):
            return None
        text, starts, position = unit.text, [], 0
        for name in names:
            found = text.find(name, position)
            if found < 0:
                return None
            starts.append(found)
            position = found + len(name)
        return [text[start:end].strip() for start, end in zip(starts, [*starts[1:], len(text)])]

    rng = random.Random(30)
    names = ["Hermann Axen", "Gerhard Grüneberg", "Kurt Hager", "Erich Mückenberger", "the text", "[7:  Axen, x]", ""]
    found = 0
    for _ in range(5000):
        cells = tuple(rng.choice(names) for _ in range(rng.randint(0, 3)))
        text = "\t".join(cells) if cells and rng.random() < 0.8 else rng.choice(names) or "x"
        lines = (text,) if rng.random() < 0.8 else (text, "Kurt Hager")
        layout = SimpleNamespace(columns={1: cells} if cells else {})
        unit = Unit(1, lines)
        for in_columns in (False, True):
            expected = spec(layout, unit, in_columns)
            found += expected is not None
            assert closing_matter._name_columns(layout, unit, in_columns) == expected, (cells, lines, in_columns)
    assert found > 1000, found
