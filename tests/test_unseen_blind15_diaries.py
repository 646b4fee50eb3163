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
