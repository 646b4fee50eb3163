"""An oral history that labels its questions alone (``Q: When did you arrive?``, then the answer
unlabelled), as the Foreign Affairs Oral History transcripts do: each answer is the interviewee's turn,
an ``sp`` without ``speaker``; a record that labels its answers keeps its labels.
"""

from __future__ import annotations

from conftest import RECORDS, assert_valid
from tei import record, tei, text_of, xp

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.pipeline import encode_bytes
from tei_encoder.render import Renderer
from tei_encoder.validate import Severity, Validator

RECORD = {path.stem: path for path in RECORDS}
QUESTIONS = "other_51_oral_history_questions_only"


def test_each_answer_after_a_question_is_the_interviewees_turn() -> None:
    root = record(QUESTIONS)
    turns = xp(root, "//t:sp")
    assert [turn.get("who") for turn in turns] == ["#interviewer", "#interviewee"] * 3 + ["#interviewer"]
    assert [len(xp(turn, "t:speaker")) for turn in turns] == [1, 0] * 3 + [1]  # no label printed, none made
    first_answer = turns[1]
    assert len(xp(first_answer, "t:p")) == 2 and "the lines" in text_of(first_answer)  # two paragraphs, one answer
    assert text_of(xp(turns[0], "t:p")[0]) == "Let's start with Warsaw. When did you arrive?"
    assert xp(turns[3], "t:p/t:stage/text()") == ["[laughs]"]
    # the omission between two exchanges ends the answer: it stands between the turns
    assert turns[3].getnext() is not turns[4] and "[...]" not in text_of(turns[3])
    segmentation = " ".join(xp(root, "//t:segmentation//text()"))
    assert "3 answers that no label names" in segmentation and "4 speech turns were recognised" in segmentation


def test_a_record_that_labels_its_answers_keeps_them() -> None:
    root = record("other_02_interview_qa")
    assert all(xp(turn, "t:speaker") for turn in xp(root, "//t:sp"))


def test_answers_without_a_speaker_are_valid(tei_all: etree.RelaxNG) -> None:
    data = encode_bytes(RECORD[QUESTIONS].read_bytes(), RECORD[QUESTIONS].name)
    assert [d for d in Validator().validate_bytes(data, "q.xml") if d.severity is Severity.ERROR] == []
    assert_valid(tei_all, data, QUESTIONS)


def test_the_reading_view_names_the_unlabelled_speaker_in_brackets() -> None:
    tree = xmlsafe.parse_bytes(encode_bytes(RECORD[QUESTIONS].read_bytes(), RECORD[QUESTIONS].name))
    page = Renderer().render_document(tree, QUESTIONS)
    assert page.count('<span class="speaker supplied-speaker"') == 3
    assert "[Interviewee]</span>" in page
    assert "[In the autumn of 1979" not in page  # the turn's text was shown as its speaker's name
