"""Unseen records written after round 2 on the blind15 Word-export records (g/01-10, h/08-10): a Word file's
PDF read back as text (pdftotext), its notes printed at the foot of each page, a note run on to the next
page, a footer ``Page N of M`` over each form feed and the running head under it.
"""

from __future__ import annotations

from tei import body_paragraphs, foot_notes, record, tei, text_of, xp


# -- notes at the foot of each page (notes.py, _page_foot_notes)

def test_word_66_page_foot_notes_move_to_their_calls_and_a_run_on_note_is_whole() -> None:
    root = record("word_66_pdftotext_page_foot_notes_run_on")
    found = foot_notes(root)
    assert sorted(found) == ["1", "2", "3", "4"]
    assert found["1"].startswith("Walter Ulbricht (1893-1973)") and found["1"].endswith("General Secretary).")
    # note 3 broke off at the page's foot and goes on above note 4 on the next page
    assert found["3"] == ("The agreement on interzonal trade was given notice by the Federal Government on 30 "
                          "September 1960 and restored at the end of December.")
    assert found["4"] == "The meeting was held in Moscow in March 1961."
    paragraphs = body_paragraphs(root)
    assert not any(p.startswith(("1 Walter", "2 Otto", "September 1960", "4 The meeting")) for p in paragraphs)


def test_word_66_the_page_turn_keeps_the_paragraph_whole_with_its_footer_and_running_head() -> None:
    root = record("word_66_pdftotext_page_foot_notes_run_on")
    paragraph = next(p for p in xp(root, "//t:body//t:p") if "rolled steel and of" in text_of(p))
    breaks = xp(paragraph, ".//t:pb")
    assert [pb.get("n") for pb in breaks] == ["2"]  # the footer named page 1: the page that begins is 2
    assert "coke. Without them" in text_of(paragraph)
    heads = [" ".join(text_of(fw).split()) for fw in xp(root, "//t:body//t:fw")]
    assert "Page 1 of 3 Working translation (Woodrow Wilson Center) Pervukhin - Ulbricht, 3.XII.1960" in heads
    assert not any("Working translation (Woodrow" in p and "coke" in p for p in body_paragraphs(root)
                   if "rolled steel" not in p)


def test_page_foot_notes_need_every_call() -> None:
    page = ("Report\n\nThe talks began in the morning and went on.\n\n\n1 A note with no call.\n"
            "2 Another note with no call.\n\nPage 1 of 2\n\fReport\n\nThey ended at noon.\n\nPage 2 of 2\n")
    root = tei(page, "probe.txt")
    assert foot_notes(root) == {}
    assert any(p.startswith("1 A note with no call.") for p in body_paragraphs(root))


# -- bare column numbers between passages (block_rules/page_marker.py, column_number)

def test_other_55_bare_column_numbers_are_page_breaks_not_the_date() -> None:
    root = record("other_55_debate_bare_column_numbers")
    assert [pb.get("n") for pb in xp(root, "//t:body//t:pb")] == ["1711", "1712", "1713"]
    assert [" ".join(text_of(fw).split()) for fw in xp(root, "//t:body//t:fw")] == ["1711", "1712", "1713"]
    assert not xp(root, "//t:profileDesc/t:creation/t:date[@when='1711']")
    assert not any(p in ("1711", "1712", "1713") or p.startswith("1712 ") for p in body_paragraphs(root))


def test_numbers_one_under_another_stay_text() -> None:
    root = tei("Deliveries\n\nThe deliveries rose in these years:\n1958\n1959\n1960\n1961\n"
               "They fell again after that.\n", "probe.txt")
    assert not xp(root, "//t:body//t:pb")


# -- a symbol note's body wrapped over lines of its own (notes.py, _symbol_body_wrapped)

def test_other_56_a_wrapped_symbol_note_keeps_all_its_lines() -> None:
    root = record("other_56_catdoc_symbol_note_wrapped_lines")
    assert foot_notes(root) == {"*": "Translator's note: the date of the statement is given in the original as "
                                "\"11 March\", but the Finnish text, which is kept in the same file, bears the date "
                                "of 12 March; the translation follows the original."}
    paragraphs = body_paragraphs(root)
    assert not any(p.startswith(("as \"11 March\"", "bears the date")) for p in paragraphs)
    assert any(p.startswith("I answered that the statement") for p in paragraphs)


def test_a_symbol_note_ending_its_sentence_takes_no_line_after_it() -> None:
    root = tei("Report\n\nThe talks began at ten*.\n\n* At the ministry.\n\nthe rest of the day was free.\n",
               "probe.txt")
    assert foot_notes(root) == {"*": "At the ministry."}
