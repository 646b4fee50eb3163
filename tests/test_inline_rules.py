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
    assert run("which is now\ue000bearing")[0] == ["which is now ", m.PageBreak(inferred=True), "bearing"]


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
