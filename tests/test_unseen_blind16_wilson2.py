"""Unseen records written after round 2 on the blind16 Wilson Center records (i and l): Roman numerals that
number a record's parts (alone on their line, or over a one-word title, or over a lettered list), an
omission mark before a page marker and the next turn or before the writer's narration, and a file of
cables copied frame by frame (bare frame numbers, ``(END)``, the writer naming himself by his office).
"""

from __future__ import annotations

from tei import record, tei, text_of, xp

from tei_encoder.reader import speech


def squeezed(element) -> str:
    return " ".join(text_of(element).split())


def without_page_furniture(element) -> str:
    """The element's words without the page numbers printed in ``fw``."""
    return " ".join("".join(element.xpath(".//text()[not(ancestor::*[local-name()='fw'])]")).split())


def sections(root) -> list[str]:
    return [squeezed(head) for head in xp(root, "//t:div[@type='section']/t:head")]


# -- Roman numerals numbering the parts (block_rules/section_heading.py)

def test_roman_numerals_alone_on_their_lines_are_sections() -> None:
    """``I.`` … ``V.`` alone over the narration: five sections; the last turn before ``IV.`` ends there, and
    ``IV.`` holds the list of what was agreed, not the speaker."""
    root = record("wilson_127_roman_numerals_alone_over_narration_and_turns")
    assert sections(root) == ["I.", "II.", "III.", "IV.", "V."]
    turns = xp(root, "//t:sp")
    assert len(turns) == 3
    assert "Ten ZANU cadres" not in squeezed(turns[-1])
    fourth = xp(root, "//t:div[@type='section'][t:head='IV.']")[0]
    assert "Ten ZANU cadres will study" in squeezed(fourth)
    assert not xp(fourth, ".//t:sp")


def test_titled_roman_sections_over_lettered_items_and_a_one_word_title() -> None:
    """``II. Difficulties`` over ``a) seed grain …`` (a list's item, in lower case: no sentence's rest) and
    ``V. Conclusions`` after ``IV.`` (no initial and a name): sections both."""
    root = record("wilson_128_titled_roman_sections_lettered_items_one_word_title")
    assert sections(root) == ["I. Course of the sowing", "II. Difficulties", "III. Measures",
                              "IV. Recommendations", "V. Conclusions"]


def test_a_numeral_and_a_name_out_of_order_stays_a_name() -> None:
    """``V. Molotov`` with no ``IV.`` before it is still the initial and the name (a signature), no section."""
    root = tei("Memorandum\n\nThe talks went well and ended at noon.\n\nV. Molotov\n")
    assert not xp(root, "//t:div[@type='section']")


# -- an omission mark at a turn's end (block_rules/speech_turn.py)

def test_omission_before_a_page_marker_and_a_turn_stands_between_the_turns() -> None:
    """``[...]`` / ``[Page 3]`` / ``Prime Minister U Ba Swe: …``: the turns between were left out, not the
    speaker's words; the mark and the page stand between the turns."""
    root = record("wilson_129_omission_before_narration_and_before_page_marker")
    assert not xp(root, "//t:sp//t:ellipsis")
    assert not xp(root, "//t:sp//t:pb")
    assert len(xp(root, "//t:body//t:ellipsis")) == 2
    assert xp(root, "//t:body//t:pb/@n") == ["3"]


def test_narration_after_an_omission_after_the_last_turn_is_the_records() -> None:
    """``At the end of the conversation Prime Minister U Ba Swe invited …`` (a name with the one-letter
    honorific ``U``): the record's narration, outside Zhou's last turn."""
    root = record("wilson_129_omission_before_narration_and_before_page_marker")
    assert "At the end of the conversation" not in " ".join(squeezed(sp) for sp in xp(root, "//t:sp"))
    last = xp(root, "//t:body//t:p")[-1]
    assert squeezed(last).startswith("At the end of the conversation")
    assert last.getparent().tag.endswith("div")


def test_a_name_with_a_one_letter_word_after_the_meeting_is_narration() -> None:
    for text in ("At the end of the conversation Prime Minister U Nu invited President Tito to visit Burma.",
                 "After the meeting Kim Il Sung thanked the delegation."):
        assert speech.opens_with_narration(text, lambda name: False)


# -- a file of cables copied frame by frame (section_heading, document_start, speech_turn, layout)

def test_cables_copied_frame_by_frame() -> None:
    """``INCOMING CABLE`` and ``OUTGOING CABLE`` each a document; the frame numbers page breaks, inside the
    sentence (and the word) they cut; ``This Ambassador believes …`` and ``(END)`` after the last turn the
    cable's, not the minister's."""
    root = record("wilson_130_cables_frame_numbers_end_marks_writer_by_office")
    documents = xp(root, "//t:body/t:div[@type='document']")
    assert [squeezed(xp(div, "t:head")[0]) for div in documents] == ["INCOMING CABLE", "OUTGOING CABLE"]
    assert xp(root, "//t:body//t:pb/@n") == ["0211", "0212", "0213", "0214", "0215"]
    first_turn = xp(root, "//t:sp")[0]
    assert xp(first_turn, "t:p/t:pb/@n") == ["0212"]
    assert "a line drawn without their consent" in without_page_furniture(xp(first_turn, "t:p")[0])
    last_turn = squeezed(xp(root, "//t:sp")[-1])
    assert "This Ambassador believes" not in last_turn and "(END)" not in last_turn
    reply = xp(documents[1], "t:p[t:pb]")
    assert len(reply) == 1 and xp(reply[0], "t:pb/@n") == ["0215"]
    assert "dent on Monday" in without_page_furniture(reply[0])


def test_a_numeral_over_a_dated_opening_numbers_the_next_letter() -> None:
    """``II.`` over ``Moscow, 13 September 1956`` after the first letter's signature: the reply's number,
    a document of its own (no section of the first letter)."""
    text = ("I.\n\nTokyo, September 11, 1956\n\nYour Excellency,\n\nWe are ready to negotiate in Moscow.\n\n"
            "Hatoyama Ichiro\n\nII.\n\nMoscow, 13 September 1956\n\nMr. Prime Minister,\n\n"
            "The Soviet Government agrees to the negotiations.\n\nN. Bulganin\n")
    root = tei(text)
    assert not xp(root, "//t:div[@type='section']")
    assert [squeezed(head) for head in xp(root, "//t:body/t:div[@type='document']/t:head")][-1:] == ["II."]
