"""Issue 10 §1: words go to the right speaker, in layouts the seeds do not have.

Per record of tests/records (README: "Body layouts of issue 10"): which ``sp/@who`` holds which
words, which paragraphs belong to nobody, and who is in particDesc with which role. The block
rules behind them have their unit tests at the end (each with a case it must not take).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei import tei, text_of, xp
from test_block_rules import kinds, lay_out, layout_of

from tei_encoder.reader import blocks as b
from tei_encoder.reader import speech

RECORDS = Path(__file__).parent / "records"


def record(prefix: str):
    paths = sorted(RECORDS.glob(prefix + "_*.txt"))
    assert len(paths) == 1, f"one record {prefix}_*.txt expected, found {paths}"
    return tei(paths[0].read_bytes(), paths[0].name)


def turns(root) -> list[tuple[str, str]]:
    """(who, the turn's words without its label) per sp, in order."""
    return [(sp.get("who"), " ".join(text_of(p) for p in xp(sp, "t:p"))) for sp in xp(root, "//t:sp")]


def roles(root) -> dict[str, set[str]]:
    return {p.get("{http://www.w3.org/XML/1998/namespace}id"): set((p.get("role") or "").split())
            for p in xp(root, "//t:particDesc//t:person")}


def test_labels_alone_on_their_line_open_turns() -> None:
    root = record("other_10")
    said = turns(root)
    assert [who for who, _ in said] == ["#interviewer", "#kalnins"] * 3
    assert said[0][1].endswith("How did the talks begin?")
    assert said[3][1].startswith("It was Molotov himself.") and said[3][1].endswith("violated anything.")
    assert xp(root, "//t:sp/t:speaker/text()")[-2:] == ["QUESTION", "KALNINS (former counsellor of the Legation)"]
    assert not xp(root, "//t:opener//t:seg[.='INTERVIEWER']")  # the first label is no letterhead
    assert roles(root)["kalnins"] >= {"speaker"}


def test_labels_in_mid_paragraph_and_narration_after_turns() -> None:
    root = record("other_11")
    said = turns(root)
    assert [who for who, _ in said] == ["#orlov", "#ashby", "#orlov", "#ashby", "#orlov", "#orlov"]
    assert said[0][1] == "How many divisions does the British command keep in Carinthia?"
    assert said[1][1].startswith("Three hundred thousand men") and said[2][1] == "Then what is the right figure?"
    narration = [text_of(p) for p in xp(root, "//t:div/t:p")]
    assert "Ashby hands over a memorandum on the displaced persons camps." in narration
    assert "Then the meeting turned to trade between the zones." in narration
    assert not any("hands over" in words or "turned to trade" in words for _, words in said)
    assert xp(root, "//t:said/@who") == ["#dale"]


def test_fields_with_a_colon_are_no_speakers() -> None:
    root = record("other_11")
    assert not xp(root, "//t:sp/t:speaker[starts-with(., 'Navy') or starts-with(., 'Subject')]")
    assert "files" not in roles(root)
    # a paragraph, or (read as an archival location) the source note: never a turn
    assert xp(root, "//t:div/*[self::t:p or self::t:note][starts-with(., 'Navy Files: Box 12')]")


def test_participants_lists_give_roles() -> None:
    assert roles(record("other_11"))["petrenko"] == {"attendant", "interpreter"}
    people = roles(record("other_12"))
    assert people["susaikov"] >= {"attendant", "chairman", "speaker"}
    assert people["pankov"] == {"attendant", "secretary"}
    assert people["stevenson"] >= {"attendant"} and people["schuyler"] >= {"attendant", "speaker"}


def test_a_form_feed_inside_a_turn_does_not_end_it() -> None:
    root = record("other_12")
    schuyler = xp(root, "//t:sp[@who='#schuyler']")
    assert len(schuyler) == 1  # the page break inside the turn, in its paragraph or between two
    assert xp(schuyler[0], ".//t:pb/@n") == ["2"] and xp(schuyler[0], ".//t:fw/text()") == ["- 2 -"]
    words = " ".join(text_of(schuyler[0]).split())
    assert "consult their" in words and words.endswith("governments before they are asked to agree.")
    assert [who for who, _ in turns(root)] == ["#schuyler", "#susaikov"]
    assert xp(root, "//t:div/t:p[.='The meeting closed at 1 p.m.']")  # narration after the last turn


# -- the rules, one by one

def test_label_alone_takes_a_role_word_and_a_repeated_name() -> None:
    blocks = lay_out("INTERVIEWER\nHow did it begin?\nKALNINS\nSlowly.\nINTERVIEWER\nAnd then?\nKALNINS\nNothing.")
    assert [block.label for block in blocks if isinstance(block, b.TurnBlock)] == [
        "INTERVIEWER", "KALNINS", "INTERVIEWER", "KALNINS"]


def test_label_alone_not_a_heading_classification_or_single_caps_line() -> None:
    assert kinds("We met at noon.", "TOP SECRET\nThe talks went on.") == ["ParagraphBlock"] * 2
    assert kinds("We met at noon.", "MOSCOW\nThe talks went on.") == ["ParagraphBlock"] * 2


def test_inline_labels_split_a_paragraph_into_turns() -> None:
    blocks = lay_out("ORLOV: How many? ASHBY: Three. ORLOV: Then?")
    assert [(block.label, block.parts) for block in blocks if isinstance(block, b.TurnBlock)] == [
        ("ORLOV:", (b.Speech("How many?"),)), ("ASHBY:", (b.Speech("Three."),)), ("ORLOV:", (b.Speech("Then?"),))]


def test_inline_labels_not_in_ordinary_prose() -> None:
    assert kinds("The terms were as follows: Moscow agrees. The note said: Peace.") == ["ParagraphBlock"]
    assert kinds("We met at noon. Orlov: a name in a list.") == ["ParagraphBlock"]
    assert kinds("Sir D. Kelly: We agree.", "Sir D. Kelly: Yes.") == ["TurnBlock"] * 2


def test_speech_turn_ends_at_narration() -> None:
    blocks = lay_out("ASHBY: I cannot say.", "Ashby hands over a memorandum.", "ASHBY: We agree.",
                     "Then the meeting turned to trade.")
    assert [type(block).__name__ for block in blocks] == ["TurnBlock", "ParagraphBlock", "TurnBlock", "ParagraphBlock"]


def test_speech_turn_goes_on_over_speech_that_only_looks_like_narration() -> None:
    blocks = lay_out("ORLOV: Who pays?", "Then what is the right figure?", "Then we must agree.", "Ashby is right.")
    assert kinds("ORLOV: Who pays?", "Then what is the right figure?", "Then we must agree.") == ["TurnBlock"]
    assert len(blocks) == 1


def test_speech_turn_not_a_field() -> None:
    assert kinds("Navy Files: Box 12, folder 3") == ["SourceBlock"]  # an archival location, no speaker
    assert kinds("Subject: displaced persons") == ["OpeningBlock"]  # a memo field (session 4), no speaker


@pytest.mark.parametrize("text", ["Then the meeting turned to trade.", "The meeting closed at 1 p.m.",
                                  "Afterwards, the delegations left the hall."])
def test_narration_openings(text: str) -> None:
    assert speech.opens_with_narration(text, lambda name: False)


@pytest.mark.parametrize("text", ["Then what is the right figure?", "The talks will fail.", "Then we must agree.",
                                  "Stalin is right.", "Molotov hands us the paper."])
def test_not_narration(text: str) -> None:
    assert not speech.opens_with_narration(text, lambda name: True)


def test_participants_with_roles_from_parentheses_and_a_leading_role_word() -> None:
    layout = layout_of("We met at noon.", "In attendance: Mr. V. Pankov (secretary), interpreter A. Lavrov.")
    found = {p.names[0]: set(p.roles) for p in layout.persons.registry.persons()}
    # the main form carries no title (ENCODING.md 9: the fullest form without leading titles)
    assert found == {"V. Pankov": {"attendant", "secretary"}, "A. Lavrov": {"attendant", "interpreter"}}


def test_reported_speech_ends_where_the_next_reporting_clause_begins() -> None:
    root = record("wilson_10")
    said = {text_of(s) for s in xp(root, "//t:said[@who='#sok']")}  # Kim is Kim Sok, the only Kim
    assert said == {"the talks at Kaesong had failed.", "the Soviet Union would do if the Americans broke off the talks."}
    assert not xp(root, "//t:said[contains(., 'I replied')]")


def test_a_person_named_in_reported_speech_is_no_speaker() -> None:
    root = record("wilson_10")
    assert xp(root, "//t:said[@who='#orlov']/t:persName/@ref") == ["#baker"]
    assert xp(root, "//t:said/@who") == ["#sok", "#sok", "#orlov"]  # "Kim said", "Kim Sok asked"
    assert xp(root, "//t:listPerson[@type='mentioned']/t:person[@xml:id='baker']")
    assert "speaker" not in roles(root)["baker"]


def test_pronoun_clause_ends_a_said_that_a_name_opened() -> None:
    root = tei("Record\n\nStalin said that the matter was closed. He added that it was not urgent. "
               "I replied that we agreed.\n")
    assert [text_of(s) for s in xp(root, "//t:said")] == ["the matter was closed."]
    root = tei("Record\n\nMr. Bevin said that he could not accept that. The Ambassador replied that Moscow "
               "had sent no instructions.\n")  # a title stands for the next speaker
    assert [text_of(s) for s in xp(root, "//t:said")] == ["he could not accept that."]
    root = tei("Record\n\nStalin said that the matter was closed, and I agreed.\n")  # no sentence end: one said
    assert [text_of(s) for s in xp(root, "//t:said")] == ["the matter was closed, and I agreed."]


def test_question_and_answer_labels_alone_over_wrapped_lines() -> None:
    root = record("other_20")
    said = turns(root)
    assert [who for who, _ in said] == ["#interviewer", "#interviewee"] * 2 + ["#moderator"]
    assert said[0][1] == "When did you first hear of the decision to withdraw the troops?"
    assert said[3][1].endswith("Then the telephone lines to Vienna were cut.")
    assert xp(root, "//t:sp/t:speaker/text()")[:2] == ["QUESTION", "ANSWER"]


def test_caps_labels_in_mid_paragraph_of_a_word_export() -> None:
    root = record("word_20")
    said = turns(root)
    assert [who for who, _ in said] == ["#kollontai", "#hansen", "#kollontai", "#hansen"]
    assert said[1][1] == "No. There will be no bases in peacetime."
    assert xp(root, "//t:sp[3]/t:p/t:note[@place='foot']")  # the footnote stays in its turn
    assert xp(root, "//t:div/t:p[starts-with(., 'Hansen hands over')]")
    assert xp(root, "//t:div/t:p[starts-with(., 'Note: the statement')]")
    people = roles(root)
    assert people["sergeev"] >= {"attendant", "interpreter", "recorder"}
    assert people["rasmussen"] >= {"attendant"}


def test_in_attendance_minutes_with_a_page_inside_a_turn() -> None:
    root = record("soviet_20")
    said = turns(root)
    assert [who for who, _ in said] == ["#vyshinsky", "#cannon", "#vyshinsky"]
    assert said[1][1].endswith("the United States cannot agree to that.")
    assert xp(root, "//t:sp[@who='#cannon']//t:pb/@n") == ["2"]
    assert xp(root, "//t:div/t:p[.='Then the commission passed to the second article.']")
    assert [(s.get("who"), text_of(s)) for s in xp(root, "//t:said")] == [
        ("#vyshinsky", "the second article be adopted without discussion."),
        ("#cannon", "the text had not been translated.")]
    people = roles(root)
    assert people["vyshinsky"] >= {"attendant", "chairman", "speaker"}
    assert people["orekhov"] >= {"attendant", "secretary"} and people["ilic"] >= {"attendant", "interpreter"}


def test_inline_label_after_narration_in_the_same_paragraph() -> None:
    blocks = lay_out("The meeting opened at noon. ORLOV: We begin.")
    assert blocks[0] == b.ParagraphBlock(1, "The meeting opened at noon.")
    assert isinstance(blocks[1], b.TurnBlock) and blocks[1].parts == (b.Speech("We begin."),)


def test_a_signature_with_an_initial_is_no_answer_or_turn() -> None:
    root = record("word_03")
    assert not xp(root, "//t:sp/t:speaker[starts-with(., 'A.')]")
    assert "interviewee" not in roles(root)
    assert kinds("Q. Where were you?", "A. In Moscow.") == ["TurnBlock"] * 2


def test_a_participants_list_after_a_sentence_of_a_paragraph() -> None:
    people = roles(record("word_03"))
    assert people["bohlen"] == {"attendant", "interpreter"} and people["novikov"] == {"attendant"}
    root = tei("Record\n\nWe talked. Present: Mr. Hayward (interpreter). He said nothing.\n")
    assert roles(root) == {"hayward": {"attendant", "interpreter"}}
    root = tei("Record\n\nHe was present: at every meeting.\n")  # no sentence end before: no list
    assert roles(root) == {}


def test_the_speech_under_a_label_alone_is_its_speech_whatever_it_says() -> None:
    blocks = lay_out("MIKOYAN:", "The conversation lasted about an hour.", "Then the meeting turned to trade.")
    assert kinds("MIKOYAN:", "The conversation lasted about an hour.") == ["TurnBlock"]
    assert isinstance(blocks[0], b.TurnBlock) and blocks[0].parts == (b.Speech("The conversation lasted about an hour."),)
    assert isinstance(blocks[1], b.ParagraphBlock)


def test_a_form_feed_between_turns_stays_between_them() -> None:
    from tei_encoder.markers import FORM_FEED
    blocks = lay_out("Q: Where were you?", "A: In Moscow.", FORM_FEED, "- 3 -", "[Page 4]", "Q: And then?")
    assert kinds("Q: Where were you?", "A: In Moscow.", FORM_FEED, "- 3 -", "[Page 4]", "Q: And then?") == [
        "TurnBlock", "TurnBlock", "PageBreakLine", "PageBreakLine", "TurnBlock"]
    assert blocks[1] == b.TurnBlock(2, "", "A:", "interviewee", (b.Speech("In Moscow."),))


def test_a_name_label_alone_under_the_heading_is_no_letterhead() -> None:
    root = tei("INTERVIEW WITH G. KENNAN\n\nPRINCETON, 1972\n\nKENNAN\nI went to Moscow in 1933.\n\nSMITH\n"
               "What did you find?\n\nKENNAN\nA very different world.\nThe embassy had no building.\n\n"
               "Kennan laughs.\n\nSMITH\nAnd Bullitt?\n")
    assert [who for who, _ in turns(root)] == ["#kennan", "#smith", "#kennan", "#smith"]
    assert not xp(root, "//t:opener/t:seg[.='KENNAN']")
    assert xp(root, "//t:div/t:p[.='Kennan laughs.']")


@pytest.mark.parametrize("text, embedded", [
    ("Orlov says that Baker thinks the price is too high.", {"Baker"}),
    ("I said that Baker thinks the price is too high.", {"Baker"}),
    ("Stalin said that he agreed, and Molotov added nothing.", set()),
    ("Stalin said that he agreed. Molotov added that it was late.", set()),
])
def test_embedded_reporting_subjects(text: str, embedded: set[str]) -> None:
    assert speech.embedded_subjects(text) == embedded


@pytest.mark.parametrize("field", ["PS: call me.", "SECRET: not for the file.", "Comments: none.",
                                   "Recommendations: Approve."])
def test_field_words_are_no_labels(field: str) -> None:
    assert speech.match_label(field) is None


def test_a_participant_named_after_an_office() -> None:
    layout = layout_of("We met at noon.", "Present: First Secretary of the Embassy Mr. Dobbs, "
                       "Minister of Foreign Affairs C. Enckell, interpreter V.N. Pavlov.")
    found = {p.names[0]: set(p.roles) for p in layout.persons.registry.persons()}
    assert found == {"Dobbs": {"attendant"}, "C. Enckell": {"attendant"},
                     "V.N. Pavlov": {"attendant", "interpreter"}}
    assert not {p.names[0] for p in layout_of("We met.", "Present: members of the Embassy.").persons.registry.persons()}


def test_a_repeated_name_alone_over_a_heading_or_field_is_no_label() -> None:
    text = ("We met at noon.", "V. MOLOTOV\nRECORD OF THE SECOND CONVERSATION WITH THE AMBASSADOR",
            "The talks went on.", "V. MOLOTOV\n12 May 1946")
    assert "TurnBlock" not in kinds(*text)
