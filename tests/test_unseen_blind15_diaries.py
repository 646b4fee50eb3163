"""Unseen diaries and first-person records (blind14/a, blind15/e and f): a journal whose records are each
signed (the signature closes its record; the date and capitals title under it open the next), the
distribution after the last signature (``Sent: Com. …``), and the writer's own narration after a turn
(a Vietnamese ``Đ/c`` before the subject's name, the writer's assessment of the meeting after a run of
questions and answers). Records wilson_114, wilson_115, soviet_90, soviet_91.
"""

from __future__ import annotations

from tei import record, text_of, xp

from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import closing_matter


def _divisions(root) -> list[tuple[str, str]]:
    return [(div.get("type"), div.get("n")) for div in xp(root, "//t:body/t:div")]


# -- a journal whose records are each signed

WILSON_114 = "wilson_114_journal_entries_each_signed"


def test_each_signature_closes_its_record_and_heads_no_next_one() -> None:
    root = record(WILSON_114)
    assert _divisions(root) == [("document", "1"), ("document", "2"), ("distribution", None)]
    for div in xp(root, "//t:body/t:div[@type='document']"):
        assert [text_of(s) for s in xp(div, "t:closer/t:signed")] == ["AMBASSADOR OF THE USSR IN THE PRC (P. YUDIN)"]
        assert not any("AMBASSADOR" in text_of(head) for head in xp(div, "t:head"))


def test_the_date_and_capitals_title_under_a_signature_open_the_next_record() -> None:
    root = record(WILSON_114)
    second = xp(root, "//t:body/t:div[@n='2']")[0]
    assert xp(second, "t:opener//t:date/@when") == ["1957-11-02"]
    assert [text_of(head) for head in xp(second, "t:head")] == [
        "RECORD OF CONVERSATION with the Minister of Foreign Affairs of the PRC Comrade CHEN YI"]


def test_sent_to_comrades_after_the_last_signature_is_the_distribution() -> None:
    root = record(WILSON_114)
    assert [text_of(p) for p in xp(root, "//t:div[@type='distribution']/t:p")] == [
        "Sent: Comrades Khrushchev, Suslov, Gromyko. 5 copies."]
    assert not xp(root, "//t:seg[@type='despatched']")
    assert closing_matter.sent_to_comrades("Sent: Com. Khrushchev, Com. Bulganin.")
    assert not closing_matter.sent_to_comrades("Sent: 10 March 1950, 14:00")  # a telegram's despatch field


SOVIET_91 = "soviet_91_diary_records_signed_under_box_lines"


def test_a_signed_record_under_box_lines_ends_before_the_next_date_and_title() -> None:
    root = record(SOVIET_91)
    assert _divisions(root) == [("document", "1"), ("document", "2"), ("distribution", None)]
    assert [text_of(s) for s in xp(root, "//t:closer/t:signed")] == [
        "PLENIPOTENTIARY REPRESENTATIVE OF THE USSR IN LATVIA /I. ZOTOV/"] * 2
    assert [text_of(head) for head in xp(root, "//t:div[@n='2']/t:head")] == [
        "MEMORANDUM OF CONVERSATION with the envoy of Estonia in Riga A. Tupits"]


# -- the writer's narration after a turn

def _paragraphs_outside_turns(root) -> list[str]:
    return [text_of(p) for p in xp(root, "//t:body//t:div/t:p")]


def test_a_slashed_vietnamese_comrade_before_a_speakers_name_narrates() -> None:
    def known(name: str) -> bool:
        return name == "Lê Duẩn"
    assert speech.opens_with_narration("Đ/c Lê Duẩn accompanied the Ambassador to the car.", known)
    assert speech.opens_with_narration("Các đ/c Lê Duẩn left the hall.", known)
    assert not speech.opens_with_narration("Đ/c Trường Chinh accompanied the Ambassador.", known)  # no one of the record


def test_narration_of_the_vietnamese_comrade_ends_the_turn_before() -> None:
    root = record("wilson_115_vietnamese_slashed_comrade_narration")
    assert _paragraphs_outside_turns(root) == [
        "Đ/c Phạm Văn Đồng handed the Ambassador a list of the goods requested.",
        "Đ/c Phạm Văn Đồng accompanied the Ambassador to the door."]
    assert xp(root, "//t:sp/@who") == ["#pham", "#shcherbakov", "#pham", "#shcherbakov", "#pham"]
    assert not any("Đ/c" in text_of(sp) for sp in xp(root, "//t:sp"))


def test_the_writers_view_of_the_meeting_in_the_past_narrates() -> None:
    def anyone(name: str) -> bool:
        return True
    assert speech.opens_with_narration("In my assessment the briefing was designed to reassure them.", anyone)
    assert speech.opens_with_narration("In my opinion, the conversation showed that he was worried.", anyone)
    assert not speech.opens_with_narration("In my view we must proceed from the principle.", anyone)
    assert not speech.opens_with_narration("In my view the talks were useful.", anyone)  # no verb in the past
    assert not speech.opens_with_narration("In my opinion the talks with Amin were conducted badly.", anyone)


def test_the_writers_assessment_after_the_last_answer_is_no_answer() -> None:
    root = record("soviet_90_questions_answers_writer_assessment")
    assert len(xp(root, "//t:sp")) == 4
    assert text_of(xp(root, "//t:sp")[-1]).strip().endswith("None have been asked for and none will be given.")
    assert _paragraphs_outside_turns(root)[-1].startswith("In my opinion the briefing was arranged")
