"""Unseen records written after round 4 on the blind17/p records: a Wilson page of several documents under
``[Document N]`` markers, the last a note under its own heading whose addressee's salute (``Comrade Wang
Bingnan:``) stands over its text in one block (p/01).
"""

from __future__ import annotations

from tei import record, tei, text_of, xp


# -- a salute with a colon over the note's text in one block (greeting._addressee_over_text)

def test_salute_over_text_at_a_documents_head_is_no_turn() -> None:
    """``Comrade Wang Bingnan:`` on the first line of the note's block: the note's salute, the addressee
    Wang; before, a turn of Wang's that held the whole note (a false speaker)."""
    root = record("wilson_168_document_markers_heading_over_salute_run_on_text")
    assert not xp(root, "//t:body//t:sp")
    salutes = [text_of(s) for s in xp(root, "//t:body//t:opener/t:salute")]
    assert salutes == ["Comrade Wang Bingnan:"]
    wang = xp(root, "//t:particDesc//t:person[@xml:id='wang']")
    assert wang and wang[0].get("role") == "addressee"
    assert any(text_of(p).startswith("We have received your cable.") for p in xp(root, "//t:body//t:p"))


def test_heading_over_the_salute_under_the_marker_is_the_documents_head() -> None:
    """``Note of the Information Department to the Embassy`` under ``[Document 2]``, over the salute: the
    document's heading (before, a paragraph, and the salute under it came after body text)."""
    root = record("wilson_168_document_markers_heading_over_salute_run_on_text")
    divisions = xp(root, "//t:body/t:div[@type='document']")
    assert len(divisions) == 2
    heads = [text_of(h) for h in xp(divisions[1], "t:head")]
    assert heads == ["[Document 2]", "Note of the Information Department to the Embassy"]


TRANSCRIPT = """Record of Conversation

Comrade Mao Zedong:
How is the harvest in your province this year?

Comrade Li Jingquan:
Better than last year, though the north had little rain.
"""


def test_a_transcripts_labels_over_their_speech_stay_turns() -> None:
    """``Comrade Mao Zedong:`` over its speech in a record whose later blocks carry labels too: turns."""
    root = tei(TRANSCRIPT, "record.txt")
    assert len(xp(root, "//t:body//t:sp")) == 2
