"""One test per inline rule: what it makes of a match, and a case that must not match."""

from __future__ import annotations

import pytest

from tei_encoder import model as m
from tei_encoder.inline import RULES, Context, apply_rules


def run(text: str) -> tuple[list, Context]:
    context = Context()
    return apply_rules([text], context), context


def test_rules_are_named_and_ordered() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert names.index("page-breaks") < names.index("sic") < names.index("emphasis")


def test_box_runs_become_one_loss_each_and_keep_the_space() -> None:
    segments, context = run("a□□ □□b")
    assert segments == ["a", m.Loss("illegible", agent="ocr", unit="char", quantity=2), " ",
                        m.Loss("illegible", agent="ocr", unit="char", quantity=2), "b"]
    assert context.counts == {"boxes": 4, "box-runs": 2}


def test_other_squares_are_not_boxes() -> None:
    assert run("■ ◻")[0] == ["■ ◻"]


@pytest.mark.parametrize("mark", ["[...]", "[…]", "[. . .]"])
def test_bracketed_omissions(mark: str) -> None:
    assert run(f"before {mark} after")[0] == ["before ", m.Omission(mark), " after"]


def test_dots_in_a_sentence_stay_text() -> None:
    assert run("relations ... - t. I.")[0] == ["relations ... - t. I."]


@pytest.mark.parametrize("text, loss", [
    ("[one word missing]", m.Loss("missing", unit="word", quantity=1, description="one word missing")),
    ("[2 lines illegible]", m.Loss("illegible", unit="line", quantity=2, description="2 lines illegible")),
    ("[illegible]", m.Loss("illegible", description="illegible")),
    ("(.?.)", m.Loss("inaudible", description="(.?.)")),
    ("[signature]", m.Loss("editorial", description="signature")),
])
def test_described_losses(text: str, loss: m.Loss) -> None:
    assert run(text)[0] == [loss]


def test_unknown_bracketed_text_stays_verbatim() -> None:
    text = "[This telegram is of particular secrecy and should be retained]"
    assert run(text)[0] == [text]


def test_handwriting_gets_a_hand() -> None:
    segments, context = run("Read. [handwritten: Seen] End")
    assert segments[1] == m.Handwritten("Seen", "hw1")
    assert [hand.ident for hand in context.hands] == ["hw1"]
    assert run("[written answer]")[0] == ["[written answer]"]


def test_handwriting_in_the_margin() -> None:
    assert run("[handwritten in margin: Agreed]")[0] == [m.Handwritten("Agreed", "hw1", in_margin=True)]


def test_conjecture() -> None:
    assert run("the [Kremlin?] gate")[0] == ["the ", m.Doubtful("Kremlin"), " gate"]
    assert run("[Is this right? see below]")[0] == ["[Is this right? see below]"]
    assert run("[?]")[0] == ["[?]"]


@pytest.mark.parametrize("text, word, rest", [
    ("shewed [sic] that", "shewed", " [sic]"),
    ("connexion, (sic) and", "connexion", ", (sic)"),
])
def test_sic_wraps_the_word_before_the_marker(text: str, word: str, rest: str) -> None:
    segments = run(text)[0]
    flagged = next(s for s in segments if isinstance(s, m.Flagged))
    assert flagged.text == word
    assert rest in "".join(s for s in segments if isinstance(s, str))


def test_sic_without_brackets_is_text() -> None:
    assert run("sic transit gloria")[0] == ["sic transit gloria"]


def test_page_marker_and_inferred_join() -> None:
    assert run("a [Page 652] b")[0] == ["a ", m.PageBreak(number="652"), " b"]
    assert run("page 3 of the text")[0] == ["page 3 of the text"]
    assert run("which is now\ufdd0bearing")[0] == ["which is now ", m.PageBreak(inferred=True), "bearing"]


def test_translator_note() -> None:
    segments = run("word [Translator's note: literally, \"formally\"] end")[0]
    note = segments[1]
    assert isinstance(note, m.NoteCall) and note.kind == "translator"
    assert run("[Note the date]")[0] == ["[Note the date]"]


def test_emphasis_but_not_a_note_symbol() -> None:
    assert run("**bold** and *it*")[0] == [m.Emphasis("bold", (m.Text("bold"),)), " and ",
                                           m.Emphasis("italic", (m.Text("it"),))]
    assert run("article 3 *, which")[0] == ["article 3 *, which"]


def test_direction_by_wording() -> None:
    assert run("guests (delegates smile) nod")[0] == ["guests ", m.Direction("(delegates smile)"), " nod"]
    assert run("[Laughter]")[0] == [m.Direction("[Laughter]")]
    for text in ("(Moscow Time)", "(the text is attached)", "VKP (b)"):
        assert run(text)[0] == [text]


# ---- bracket notation variants (issue 10 §4; ENCODING.md 9)

@pytest.mark.parametrize("text, expected", [
    ("of 30 September [?] and", ["of 30 ", m.Doubtful("September"), " and"]),
    ("opens in [3?] weeks", ["opens in ", m.Doubtful("3"), " weeks"]),
    ("the Storting [November?].", ["the Storting ", m.Doubtful("November"), "."]),
    ("said so, [?] then", ["said ", m.Doubtful("so"), ", then"]),
])
def test_doubted_readings(text: str, expected: list) -> None:
    assert run(text)[0] == expected


@pytest.mark.parametrize("text", ["[?] at the start", "[Is this right? see below]", "why [?!]"])
def test_doubt_markers_without_a_word_stay_text(text: str) -> None:
    assert run(text)[0] == [text]


@pytest.mark.parametrize("text, loss", [
    ("[two words unclear]", m.Loss("illegible", unit="word", quantity=2, description="two words unclear")),
    ("[one line illegible]", m.Loss("illegible", unit="line", quantity=1, description="one line illegible")),
    ("[signature illegible]", m.Loss("illegible", description="signature illegible")),
    ("[Illegible signature]", m.Loss("illegible", description="Illegible signature")),
])
def test_described_losses_with_other_wordings(text: str, loss: m.Loss) -> None:
    assert run(text)[0] == [loss]


def test_unclear_alone_in_a_phrase_is_no_loss() -> None:
    assert run("[unclear what he meant]")[0] == ["[unclear what he meant]"]


@pytest.mark.parametrize("text, word, marker", [
    ('the north [sic, probably "west"] of', "north", ' [sic, probably "west"] of'),
    ("an importance [SIC,\nplural] for", "importance", " [SIC,\nplural] for"),
    ("word (sic!) x", "word", " (sic!) x"),
])
def test_sic_marker_with_a_comment_keeps_it(text: str, word: str, marker: str) -> None:
    segments, context = run(text)
    assert m.Flagged(word) in segments and segments[-1] == marker
    assert context.counts["sic"] == 1


def test_a_bracketed_word_starting_with_sic_is_no_marker() -> None:
    assert run("in [sicily] today")[0] == ["in [sicily] today"]


def test_handwriting_in_the_left_margin_keeps_its_quotes() -> None:
    segments, _ = run('SECRET [handwritten in the left margin: "Agreed. V.M."]')
    assert segments == ["SECRET ", m.Handwritten('"Agreed. V.M."', "hw1", in_margin=True)]


def test_unclosed_handwriting_runs_to_the_end_of_its_line() -> None:
    segments, context = run("[handwritten: Inform Comrade Molotov\nRecorded by A. Lavrov")
    assert segments == [m.Handwritten("Inform Comrade Molotov", "hw1"), "\nRecorded by A. Lavrov"]
    assert context.counts["unclosed-brackets"] == 1


def test_nested_translator_note_is_a_note_in_a_note_and_glosses_stay_text() -> None:
    text = ('x [Translator\'s note: has "bezopasnost" [security], also "safety" '
            "[Translator's note: in the draft].] y")
    segments, context = run(text)
    outer = segments[1]
    assert isinstance(outer, m.NoteCall) and outer.kind == "translator"
    assert outer.children[0] == m.Text('Translator\'s note: has "bezopasnost" [security], also "safety" ')
    assert outer.children[1] == m.NoteCall("", "", "translator", (m.Text("Translator's note: in the draft"),))
    assert context.counts["inline-notes"] == 2


def test_rules_apply_inside_a_translator_note() -> None:
    segments, _ = run("[Translator's note: the word □□ is [illegible] here]")
    note = segments[0]
    assert isinstance(note, m.NoteCall)
    assert any(isinstance(child, m.Loss) and child.agent == "ocr" for child in note.children)
    assert m.Loss("illegible", description="illegible") in note.children


@pytest.mark.parametrize("text, word, correction", [
    ("The minister shewed [showed] great", "shewed", "showed"),
    ("was recieved [received].", "recieved", "received"),
])
def test_printed_correction(text: str, word: str, correction: str) -> None:
    segments, context = run(text)
    assert m.Corrected(word, correction) in segments
    assert context.counts["printed-corrections"] == 1


@pytest.mark.parametrize("text", ['had "bezopasnost" [security], also', "Moscow [Kremlin]", "the [the]",
                                  "illegal [illegible]"])
def test_a_bracketed_word_unlike_the_one_before_is_no_correction(text: str) -> None:
    segments, _ = run(text)
    assert not any(isinstance(s, m.Corrected) for s in segments)


# ---------------------------------------------------------------- the transcriber's marks on the paper

@pytest.mark.parametrize("text, struck", [
    ("[crossed out: British]", True), ("[Crossed out: British]", True), ("[struck out: British]", True),
    ("[crossed through: British]", True), ("[deleted: British]", False),
])
def test_deletions_keep_their_words(text: str, struck: bool) -> None:
    segments, context = run(f"the {text} Soviet government")
    assert segments == ["the ", m.Deleted((m.Text("British"),), struck=struck), " Soviet government"]
    assert context.counts == {"deletions": 1}


@pytest.mark.parametrize("text", ["[crossed out]", "[deleted]", "the words were crossed out: British",
                                  "[deleted in the draft]", "[crossed out: ]"])
def test_what_is_no_deletion_stays_text(text: str) -> None:
    assert run(text) == ([text], Context())


def test_a_deletion_holds_other_notation() -> None:
    segments, context = run("[crossed out: [illegible]] and")
    assert segments == [m.Deleted((m.Loss("illegible", description="illegible"),), struck=True), " and"]
    assert context.counts == {"deletions": 1, "described-losses": 1}


@pytest.mark.parametrize("text", [
    "is [underlined] urgent [end of underlining] now", "is [underlining] urgent [end underlining] now",
    "is [Underlined] urgent [underlining ends] now", "is [underlined: urgent] now", "is [underlined:urgent ] now",
])
def test_underlining_in_both_forms(text: str) -> None:
    segments, context = run(text)
    assert segments == ["is ", m.Underlined((m.Text("urgent"),)), " now"]
    assert context.counts == {"underlines": 1}


@pytest.mark.parametrize("text", ["[underlined] urgent", "urgent [end of underlining]", "the word was underlined",
                                  "[underlined] [end of underlining]"])
def test_underlining_without_its_pair_stays_text(text: str) -> None:
    assert run(text)[0] == [text]


def test_of_two_start_markers_the_inner_pair_is_underlined() -> None:
    segments, _ = run("a [underlined] b [underlined] c [end of underlining] d")
    assert segments == ["a [underlined] b ", m.Underlined((m.Text("c"),)), " d"]


@pytest.mark.parametrize("text, label, words", [
    ("[in the margin: Agree]", None, "Agree"),
    ("[In the left margin: Agree]", None, "Agree"),
    ("[marginal note: To file]", None, "To file"),
    ("[Resolution in the margin: Agree. V. M.]", "Resolution", "Agree. V. M."),
    ("[Stalin's resolution written in the margin: Agree. J. St.]", "Stalin's resolution", "Agree. J. St."),
])
def test_margin_notes_keep_the_transcribers_words_before_the_place(text: str, label: str | None, words: str) -> None:
    segments, context = run(f"Moscow {text} end")
    assert segments == ["Moscow ", m.MarginNote((m.Text(words),), label), " end"]
    assert context.counts == {"margin-notes": 1}


@pytest.mark.parametrize("text", ["[in the margin]", "notes in the margin: Agree", "[in the margin: ]",
                                  "[Handwritten resolution in the margin: Agree]"])
def test_what_is_no_margin_note_stays_text(text: str) -> None:
    assert run(text)[0] == [text]


def test_handwriting_in_the_margin_is_never_a_margin_note() -> None:
    segments, context = run("[handwritten in the margin: Agreed] [Handwriting in margin: Seen]")
    assert segments == [m.Handwritten("Agreed", "hw1", in_margin=True), " ", m.Handwritten("Seen", "hw1", in_margin=True)]
    assert "margin-notes" not in context.counts


def test_a_margin_note_holds_underlining() -> None:
    segments, context = run("[in the margin: [underlined] Agree [end of underlining]]")
    assert segments == [m.MarginNote((m.Underlined((m.Text("Agree"),)),))]
    assert context.counts == {"margin-notes": 1, "underlines": 1}


def test_underlining_holds_a_deletion() -> None:
    segments, _ = run("[underlined] not [crossed out: never] later [end of underlining]")
    assert segments == [m.Underlined((m.Text("not "), m.Deleted((m.Text("never"),), struck=True), m.Text(" later")))]


@pytest.mark.parametrize("text", ["[Stamp: Archive of the MFA, incoming No. 5512]",
                                  "[stamp: Archive of the MFA, incoming No. 5512]",
                                  "[Rubber stamp: Archive of the MFA, incoming No. 5512 ]"])
def test_stamps(text: str) -> None:
    segments, context = run(f"No 318 {text}")
    assert segments == ["No 318 ", m.Stamp((m.Text("Archive of the MFA, incoming No. 5512"),))]
    assert context.counts == {"stamps": 1}


@pytest.mark.parametrize("text", ["[seal: MFA]", "the stamp: MFA", "[stamp: ]"])
def test_what_is_no_stamp_stays_text(text: str) -> None:
    assert run(text)[0] == [text]


def test_a_stamp_without_words_is_still_an_untranscribed_stamp() -> None:
    assert run("[stamp]")[0] == [m.Loss("editorial", description="stamp")]


def test_paper_marks_come_before_the_notations_they_hold() -> None:
    names = [rule.name for rule in RULES]
    assert names.index("margin-notes") < names.index("underlines") < names.index("deletions") \
        < names.index("described-losses") < names.index("handwriting") < names.index("conjectures")
