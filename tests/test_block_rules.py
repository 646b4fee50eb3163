"""One test per block rule: what it makes of the units it takes, and a case it must not take.

The layout stage runs the rules over paragraph units; ``lay_out`` gives it a small body
(blank-line blocks, as the generic reader without a title sees them) and returns the
typed blocks of every division, in order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_encoder.header import people
from tei_encoder.markers import FORM_FEED
from tei_encoder.reader import block_rules
from tei_encoder.reader import blocks as b
from tei_encoder.reader.block_rules import BLOCK_RULES
from tei_encoder.reader.layout import Findings, Layout
from tei_encoder.reader.persons import Persons
from tei_encoder.reader.units import Unit

BODY = "We met in the morning and the talks went on for an hour."  # body text before a rule


def layout_of(*paragraphs: str) -> Layout:
    """A layout over paragraph units (a unit's lines split at newlines), already run."""
    units = [Unit(n, tuple(text.split("\n"))) for n, text in enumerate(paragraphs, start=1)]
    layout = Layout(units, Persons(people.Registry()), Findings(), False, None)
    layout.run()
    return layout


def lay_out(*paragraphs: str) -> list[b.Block]:
    return [block for division in layout_of(*paragraphs).divisions for block in division.blocks]


def kinds(*paragraphs: str) -> list[str]:
    return [type(block).__name__ for block in lay_out(*paragraphs)]


def test_every_rule_module_is_registered_once_and_the_paragraph_rule_is_last() -> None:
    folder = Path(block_rules.__file__).parent
    modules = {path.stem for path in folder.glob("*.py")} - {"__init__", "base"}
    registered = [rule.read.__module__.rsplit(".", 1)[1] for rule in BLOCK_RULES]
    assert sorted(registered) == sorted(modules)
    assert len({rule.name for rule in BLOCK_RULES}) == len(BLOCK_RULES)
    assert BLOCK_RULES[-1].name == "paragraph"


def test_page_break_takes_the_page_number_under_a_form_feed() -> None:
    assert lay_out(BODY, FORM_FEED, "- 2 -", BODY)[1] == b.PageBreakLine(2, "2", "- 2 -")
    assert lay_out(BODY, FORM_FEED, BODY)[1] == b.PageBreakLine(2)


def test_page_number_between_dashes_is_a_page_break_without_a_form_feed() -> None:
    assert lay_out(BODY, "- 2 -", BODY)[1] == b.PageBreakLine(2, "2", printed="- 2 -")
    assert lay_out(BODY, "–3–", BODY)[1] == b.PageBreakLine(2, "3", printed="–3–")


def test_page_break_not_for_a_number_with_one_dash_or_before_any_body() -> None:
    assert kinds(BODY, "- 2") == ["ParagraphBlock", "ParagraphBlock"]
    assert kinds(BODY, "2 -") == ["ParagraphBlock", "ParagraphBlock"]
    assert "PageBreakLine" not in kinds("- 1 -", BODY)  # a first page's number above the text is no break


def test_omission_line() -> None:
    assert lay_out(BODY, ". . . . .")[1] == b.OmissionLine(2, ". . . . .")


def test_omission_not_dots_in_a_sentence() -> None:
    assert kinds(BODY, "relations ... went on.") == ["ParagraphBlock", "ParagraphBlock"]


def test_page_marker_alone_on_its_line() -> None:
    assert lay_out(BODY, "[Page 2]")[1] == b.PageBreakLine(2, "2", marker="[Page 2]")


def test_page_marker_not_inside_a_sentence() -> None:
    assert kinds(BODY, "See [Page 2] for the rest.") == ["ParagraphBlock", "ParagraphBlock"]


def test_attachment_opens_a_nested_division() -> None:
    layout = layout_of(BODY, "Attachment No. 2", "The draft treaty follows.")
    assert [d.kind for d in layout.divisions] == ["document", "attachment"]
    assert layout.divisions[1].blocks[0] == b.HeadingBlock(2, "Attachment No. 2")


def test_attachment_not_a_sentence_or_before_body_text() -> None:
    assert [d.kind for d in layout_of(BODY, "Attachments were not received.").divisions] == ["document"]
    assert [d.kind for d in layout_of("Attachment No. 2", BODY).divisions] == ["document"]


def test_caps_heading_opens_a_new_document() -> None:
    layout = layout_of(BODY, "RECORD OF CONVERSATION WITH THE AMBASSADOR", BODY)
    assert [d.kind for d in layout.divisions] == ["document", "document"]
    assert layout.divisions[1].blocks[0] == b.HeadingBlock(2, "RECORD OF CONVERSATION WITH THE AMBASSADOR")


def test_caps_heading_not_a_sentence_or_a_transcribers_note() -> None:
    assert kinds(BODY, "THE MEETING ENDED AT NOON.") == ["ParagraphBlock", "ParagraphBlock"]
    assert kinds(BODY, "[END OF TAPE 1, SIDE A]") == ["ParagraphBlock", "ParagraphBlock"]


def test_distribution_lines_are_paragraphs_naming_recipients() -> None:
    layout = layout_of(BODY, "Recorded by A. Smith", "Copies - Molotov and Vyshinsky")
    assert [d.kind for d in layout.divisions] == ["document", "distribution"]
    assert layout.divisions[1].blocks == [b.ParagraphBlock(3, "Copies - Molotov and Vyshinsky")]
    assert layout.persons.registry.resolve("Molotov") is not None


def test_distribution_line_without_a_dash_names_no_one() -> None:
    layout = layout_of(BODY, "Recorded by A. Smith", "Copies to Molotov")
    assert layout.persons.registry.resolve("Molotov") is None


def test_greeting_ends_the_opening() -> None:
    assert lay_out("Dear Oliver,", BODY)[0] == b.OpeningBlock(1, (b.OpeningLine("salute", "Dear Oliver,"),))


def test_greeting_not_a_sentence_or_after_body_text() -> None:
    assert kinds("Dear Oliver, thank you for your letter.") == ["ParagraphBlock"]
    assert kinds(BODY, "Dear Oliver,") == ["ParagraphBlock", "ParagraphBlock"]


def test_participants_list_under_its_head() -> None:
    layout = layout_of("Present:", "I. V. Stalin", "V. M. Molotov", BODY)
    first = layout.divisions[0].blocks[0]
    assert first == b.ListBlock(1, (b.Item(None, "I. V. Stalin"), b.Item(None, "V. M. Molotov")),
                                "participants", "Present:")
    assert "attendant" in {role for p in layout.persons.registry.persons() for role in p.roles}


def test_participants_not_without_the_colon() -> None:
    assert kinds("Presently the talks resumed.") == ["ParagraphBlock"]


def test_closing_registers_the_recorder() -> None:
    layout = layout_of(BODY, "Recorded by A. Smith")
    assert layout.divisions[0].blocks[1] == b.ClosingBlock(2, "Recorded by A. Smith")
    assert [p.roles for p in layout.persons.registry.persons()] == [("recorder",)]


def test_closing_not_before_body_text_or_without_its_words() -> None:
    assert kinds("Recorded by A. Smith") == ["ParagraphBlock"]
    assert kinds(BODY, "He signed the treaty.") == ["ParagraphBlock", "ParagraphBlock"]


def test_source_note_of_archival_references() -> None:
    blocks = lay_out("avprf, f.059, op.24, d.13")
    assert blocks == [b.SourceBlock(1, (b.SourcePart("archival", "avprf, f.059, op.24, d.13"),))]


def test_source_note_with_a_signature_is_a_closing() -> None:
    closing = lay_out(BODY, "I. Maisky avprf, f.059, op.24, d.13")[1]
    assert closing == b.ClosingBlock(2, "I. Maisky", (b.SourcePart("archival", "avprf, f.059, op.24, d.13"),))


def test_source_note_not_one_token_in_a_sentence() -> None:
    assert kinds(BODY, "See d. 4 of the report for the figures.") == ["ParagraphBlock", "ParagraphBlock"]


def test_translated_credits_the_translator_and_passes_the_line_on() -> None:
    layout = layout_of(BODY, "Translated by Gary Goldberg")
    assert layout.divisions[0].blocks[1] == b.ParagraphBlock(2, "Translated by Gary Goldberg")
    assert [(c.role, c.name) for c in layout.findings.credits] == [("translation", "Gary Goldberg")]


def test_translated_not_in_mid_sentence() -> None:
    assert layout_of(BODY, "He translated by hand the letter Smith wrote.").findings.credits == []


def test_speech_turn_runs_until_the_next_label() -> None:
    blocks = lay_out("Stalin: We agree.", "And we sign.", "Kelly: Good.")
    assert [type(block).__name__ for block in blocks] == ["TurnBlock", "TurnBlock"]
    first = blocks[0]
    assert isinstance(first, b.TurnBlock)
    assert first.label == "Stalin:" and first.parts == (b.Speech("We agree."), b.Speech("And we sign."))


def test_speech_turn_with_a_full_stop_only_for_someone_who_spoke() -> None:
    assert kinds("Cripps. Then the talks began.") == ["ParagraphBlock"]
    assert kinds("Cripps: Yes.", "Kelly: No.", "Cripps. Then we agree.") == ["TurnBlock"] * 3


def test_speech_turn_not_a_field_label() -> None:
    assert kinds("Citation: a page of the archive.") == ["ParagraphBlock"]


def test_item_list_of_one_line_items() -> None:
    blocks = lay_out(BODY, "(a) the border;", "(b) the railway.")
    assert blocks[1] == b.ListBlock(2, (b.Item("(a)", "the border;"), b.Item("(b)", "the railway.")))


def test_item_list_not_a_single_item() -> None:
    assert kinds(BODY, "(a) the border and the railway.") == ["ParagraphBlock", "ParagraphBlock"]


def test_introduced_list_after_a_colon() -> None:
    blocks = lay_out("The following forms:\n(a) the first;\n(b) the second.")
    assert blocks == [b.ParagraphBlock(1, "The following forms:"),
                      b.ListBlock(1, (b.Item("(a)", "the first;"), b.Item("(b)", "the second.")))]


def test_introduced_list_not_without_the_colon() -> None:
    assert kinds("The following forms\n(a) the first;\n(b) the second.") == ["ParagraphBlock"]


def test_valediction_closes_a_letter_with_its_signature() -> None:
    layout = layout_of(BODY, "Yours ever,\nFrank Roberts")
    assert layout.divisions[0].blocks[1] == b.ClosingBlock(2, "Frank Roberts", salute="Yours ever,")
    assert [p.roles for p in layout.persons.registry.persons()] == [("sender",)]


def test_valediction_not_before_a_sentence() -> None:
    assert kinds(BODY, "Yours ever,\nas I said before, the matter is closed.") == ["ParagraphBlock"] * 2


def test_signoff_at_the_end() -> None:
    assert lay_out(BODY, "Ambassador I. Maisky")[1] == b.ClosingBlock(2, "Ambassador I. Maisky")


def test_signoff_not_before_more_body_text() -> None:
    assert kinds(BODY, "Ambassador I. Maisky", BODY) == ["ParagraphBlock"] * 3


def test_paragraph_number_and_a_page_split_rejoined() -> None:
    blocks = lay_out("3. The talks went on", "into the night.")
    assert len(blocks) == 1 and isinstance(blocks[0], b.ParagraphBlock)
    assert blocks[0].number == "3" and blocks[0].text.endswith("went on\ufdd0into the night.")


def test_paragraph_number_not_a_decimal() -> None:
    blocks = lay_out("3.5 million men were under arms.")
    assert blocks == [b.ParagraphBlock(1, "3.5 million men were under arms.")]


@pytest.mark.parametrize("rule", BLOCK_RULES[:-1], ids=lambda rule: rule.name)  # the paragraph rule takes all
def test_a_rule_that_does_not_take_a_unit_leaves_the_layout_unchanged(rule) -> None:
    layout = layout_of(BODY)
    before = [list(d.blocks) for d in layout.divisions]
    layout.units.append(Unit(9, ("zzz",)))
    assert rule.read(layout, len(layout.units) - 1) is None
    assert [list(d.blocks) for d in layout.divisions] == before
