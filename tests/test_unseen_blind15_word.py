"""Unseen records written after the blind15/g Word-export records (endnotes ``[N]`` / ``^N`` printed after
the text): a note of several paragraphs with only its first numbered (one line a paragraph, as LibreOffice's
"Text (encoded)" writes it), note bodies wrapped at a width under blank-line paragraphs (antiword), the
``Notes`` heading over the bodies, and a caret mark named in the translator's remark (``marked ^1, ^2``).
"""

from __future__ import annotations

from tei import body_paragraphs, foot_notes, record, tei, text_of, xp


# -- a note of several paragraphs among the endnotes (notes.py, _body_continuations)

def test_word_63_unnumbered_paragraphs_between_endnotes_belong_to_the_note_above() -> None:
    root = record("word_63_libreoffice_crlf_endnotes_several_paragraphs")
    found = foot_notes(root)
    assert sorted(found) == ["1", "2", "3"]
    assert found["1"].startswith("The meeting of six parties in Dresden")
    assert found["1"].endswith("The Hungarian copy has the same slip.")  # its second paragraph
    assert '"We told the Hungarian comrades only what had been published."' in found["2"]
    assert found["2"].endswith("The report is in the same file, a.j. 62.")
    paragraphs = body_paragraphs(root)
    assert not any(p.startswith(("The Hungarian copy", '"We told', "The report is")) for p in paragraphs)
    assert "Notes" not in paragraphs  # the heading went with the bodies


def test_a_paragraph_after_the_last_endnote_stays_text() -> None:
    root = tei("Report\n\nThe talks began[1] and ended[2].\n\nNotes\n[1] At ten.\n[2] At noon.\n"
               "Working translation, not for citation.\n", "probe.txt")
    assert foot_notes(root) == {"1": "At ten.", "2": "At noon."}
    assert "Working translation, not for citation." in body_paragraphs(root)


def test_notes_printed_at_each_page_foot_take_no_text_of_the_next_page() -> None:
    text = ("Report\nThe talks began[1] in the morning.\n[1] At ten.\nThe second day the talks went on.\n"
            "They ended[2] at noon.\n[2] On 4 May.\n")
    root = tei(text, "probe.txt")
    assert foot_notes(root) == {"1": "At ten.", "2": "On 4 May."}
    assert "The second day the talks went on." in body_paragraphs(root)


def test_the_notes_heading_stays_over_a_body_left_as_text() -> None:
    root = tei("Report\n\nThe talks began[1].\n\nNotes\n[1] At ten.\n[5] A body without its call.\n", "probe.txt")
    assert "Notes" in body_paragraphs(root)


# -- a Word export wrapped at a width (word_export.read, units.lines_are_wrapped)

def test_word_64_wrapped_paragraphs_and_wrapped_note_bodies_are_read_whole() -> None:
    root = record("word_64_antiword_wrapped_paragraphs_wrapped_endnotes")
    found = foot_notes(root)
    assert found["1"] == ("The Ambassador had asked for the conversation in a letter of 5 May 1975, "
                          "which is kept in the same file.")
    assert found["3"].endswith("the talks went on in East Berlin in 1975 and 1976.")
    paragraphs = body_paragraphs(root)
    assert any(p.startswith("Comrade Axen said that the Politburo welcomed the visit.")
               and "was possible. He informed the Ambassador" in p for p in paragraphs)
    assert not any(p.startswith(("1975, which", "delegation had eleven", "in East Berlin")) for p in paragraphs)
    title = " ".join(text_of(xp(root, "//t:titleStmt/t:title[1]")[0]).split())
    assert title.startswith("NOTE on the conversation of Comrade Hermann Axen with the Ambassador of the Mongolian")


# -- a caret mark named in the text is no call (notes.py, _ENDNOTE_ANCHOR)

def test_word_65_the_caret_notation_named_in_the_translators_remark_is_no_call() -> None:
    root = record("word_65_copied_caret_calls_notation_explained")
    remark = next(p for p in body_paragraphs(root) if p.startswith("Translated by Maria Dobreva."))
    assert remark.endswith("the calls appear as ^1, ^2 and so on.")
    heading = next(p for p in xp(root, "//t:body//*[contains(., 'MEMORANDUM')]") if p.tag.endswith(("head", "p")))
    assert xp(heading, ".//t:note/@n") == ["1"]
    assert sorted(foot_notes(root)) == ["1", "2", "3"]


# -- an office alone as a label (speech.py, _bare_office_label) and endnotes numbered with a tab

def test_other_54_an_office_alone_labels_the_writers_turns() -> None:
    root = record("other_54_docx2txt_office_label_tab_endnotes_paragraphs")
    turns = [(sp.get("who"), " ".join(text_of(sp).split())) for sp in xp(root, "//t:sp")]
    assert [who for who, _ in turns] == ["#nasser", "#envoy", "#nasser", "#envoy"]
    assert turns[1][1].startswith("Envoy: I thanked him")


def test_an_office_label_over_a_name_only_is_a_field() -> None:
    root = tei("Record\n\nNasser: We need wheat and we need machines, and we need them soon.\n\n"
               "Envoy: Jozsef Sebes\n\nNasser: The Americans ask too much in return for their wheat.\n", "probe.txt")
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#nasser", "#nasser"]


def test_other_54_endnotes_numbered_with_a_tab_keep_their_later_paragraphs() -> None:
    root = record("other_54_docx2txt_office_label_tab_endnotes_paragraphs")
    found = foot_notes(root)
    assert list(found) == ["¹", "²", "³"]
    assert found["²"].endswith('In later reports the legation uses the form "Nasszer".')
    paragraphs = body_paragraphs(root)
    assert "Endnotes" not in paragraphs
    assert not any(p.startswith("In later reports") for p in paragraphs)
    assert "Working translation – not for quotation" in paragraphs  # after the last note: the footer


# -- Word's symbol notes * † ‡ § ** †† (notes.py, _SYMBOLS) and a capitals title wrapped (title.py)

def test_other_52_doubled_symbols_are_one_mark_each_and_the_section_sign_is_a_call() -> None:
    root = record("other_52_symbol_notes_doubled_marks_section_sign")
    found = foot_notes(root)
    assert sorted(found) == sorted(["*", "†", "‡", "§", "**", "††"])
    assert found["††"].startswith("The Ambassador's report has not been found")
    assert found["§"].startswith("In 1964 China delivered")
    assert found["**"].startswith("The delegation led by Kiço Ngjela")
    text = " ".join(text_of(xp(root, "//t:body")[0]).split())
    assert "The agreement under § 4 of the protocol of 1961 remains valid." in text  # a paragraph cited


def test_other_52_a_capitals_title_wrapped_after_the_keeps_its_second_line() -> None:
    root = record("other_52_symbol_notes_doubled_marks_section_sign")
    title = " ".join(text_of(xp(root, "//t:titleStmt/t:title[1]")[0]).split())
    assert title == ("RECORD OF THE CONVERSATION BETWEEN COMRADE ENVER HOXHA AND THE AMBASSADOR OF THE "
                     "PEOPLE'S REPUBLIC OF CHINA")


def test_stacked_letterhead_lines_in_capitals_are_no_wrapped_title() -> None:
    root = tei("CENTRAL COMMITTEE\nINTERNATIONAL DEPARTMENT\n\nRECORD OF CONVERSATION\n\n"
               "Comrade Hoxha said that the talks went well.\n", "probe.txt")
    title = " ".join(text_of(xp(root, "//t:titleStmt/t:title[1]")[0]).split())
    assert "INTERNATIONAL DEPARTMENT" not in title or "CENTRAL COMMITTEE" not in title


# -- a cover's capitals title with a colon is no speaker's label (speech_turn.py, _capitals_title)

def test_other_53_a_capitals_title_with_a_colon_is_no_speaker() -> None:
    root = record("other_53_hearing_cover_capitals_title_with_colon")
    assert {sp.get("who") for sp in xp(root, "//t:sp")} == {"#hamilton", "#sisco"}
    assert not xp(root, "//t:person[@xml:id='sales']")
    text = " ".join(text_of(xp(root, "//t:body")[0]).split())
    assert text.count("MILITARY SALES: AIRCRAFT FOR THE PERSIAN GULF STATES") == 2  # kept as printed


def test_speech_in_capitals_after_a_label_stays_a_turn() -> None:
    root = tei("TELEGRAM\n\nKISSINGER: WE AGREE WITH THE PROPOSAL OF THE CHINESE SIDE.\n\n"
               "DOBRYNIN: THE SOVIET SIDE WILL STUDY IT.\n", "probe.txt")
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#kissinger", "#dobrynin"]
