"""Unseen records of session 16 (Soviet selections), after records written blind (blind16/j): the last body
of a block of endnotes wrapped over a line of its own; the writer telling, after the last labelled turn,
what a party did not do (``Beneš did not return to this subject.``); a dateline whose time writes the
minutes by their letter (``02 h. 45 m.``) or spans midnight (``22 h. 10 m. – 0 h. 40 m.``); a reference
that says which copy was printed (``Printed from the outgoing copy.``); a foreign party named in the
capitals title by the surname alone, then a label.
"""

from __future__ import annotations

from tei import creation_dates, foot_notes, person_ids, record, soviet_page, text_of, xp

SOURCE = "\n\nAVP RF. F. 06. Op. 2. P. 14. D. 160. L. 7–8. Copy.\n"


def page(body: str, source: str = SOURCE):
    return soviet_page(body, source)


def speakers(root) -> list[str]:
    return [sp.get("who") for sp in xp(root, "//t:sp")]



# -- the last endnote of a block wraps

DIARY = ("From the diary of the plenipotentiary representative of the USSR in Turkey Ya. Z. Surits\n\n"
         "14 January 1926\n\nSecret\n\nToday I called on Tevfik Rüştü[1] about the draft[2].\n\n"
         "                                  Ya. Surits\n\nNotes\n\n[1] See document No. 3.\n"
         "[2] Tevfik Rüştü Aras (1883–1972) – Minister of Foreign Affairs of Turkey\n{tail}")


def paragraphs_without_notes(root) -> list[str]:
    """Each paragraph's own text, its notes' text left out."""
    return ["".join(text for text in xp(p, ".//text()[not(ancestor::t:note)]")) for p in xp(root, "//t:body//t:p")]


def test_the_last_body_of_a_block_keeps_the_line_that_ends_its_sentence() -> None:
    root = page(DIARY.format(tail="in 1925–1938."))
    assert foot_notes(root)["2"].endswith("Minister of Foreign Affairs of Turkey in 1925–1938.")
    assert not [p for p in paragraphs_without_notes(root) if "1925–1938" in p]
    assert xp(root, "//t:closer/t:signed//text()") == ["Ya. Surits"]
    assert not xp(root, "//t:pb")


def test_a_line_after_a_finished_last_body_stays_where_it_is() -> None:
    root = page(DIARY.format(tail="in 1925–1938.\nSee also document No. 12."),)
    assert foot_notes(root)["2"].endswith("in 1925–1938.")


def test_soviet_92_diary_notes() -> None:
    root = record("soviet_92_diary_notes_last_body_wraps_unfinished")
    notes = foot_notes(root)
    assert notes["2"].endswith("Gazi, Ghazi Pasha in the Soviet papers of the time.")
    assert not [p for p in paragraphs_without_notes(root) if "Soviet papers" in p]
    assert xp(root, "//t:closer/t:signed//text()") == ["Ya. Surits"]


# -- what a party did not do, after the last turn

EXCHANGE = ("RECORD OF CONVERSATION OF M. M. LITVINOV WITH E. BENEŠ\n\nGeneva, 24.IX.36\n\nSecret\n\n"
            "BENEŠ. Nor am I certain of it.\n\nLITVINOV. Then let us raise the question of staff talks.\n\n"
            "BENEŠ. Staff talks are possible.\n\nLITVINOV. I have nothing to add.\n\n{after}\n\nM. Litvinov")


def test_a_speaker_who_did_not_do_something_is_the_writers_narration() -> None:
    root = page(EXCHANGE.format(after="Beneš did not return to this subject. He asked me to convey his greetings."))
    last = xp(root, "//t:sp")[-1]
    assert "did not return" not in text_of(last)
    assert [p for p in xp(root, "//t:div/t:p") if text_of(p).startswith("Beneš did not return")]


def test_a_speakers_own_did_not_stays_speech() -> None:
    root = page(EXCHANGE.format(after="We did not expect this from Paris."))
    assert "We did not expect" in text_of(xp(root, "//t:sp")[-1])


def test_soviet_93_record() -> None:
    root = record("soviet_93_caps_labels_writer_tells_what_one_did_not_do")
    assert speakers(root) == ["#ansari", "#petrovsky", "#ansari", "#petrovsky"]
    assert "did not press" not in text_of(xp(root, "//t:sp")[-1])
    assert [p for p in xp(root, "//t:div/t:p") if text_of(p).startswith("Ansari did not press")]


# -- a surname alone in the capitals title labels turns

def test_a_surname_in_the_capitals_title_labels_its_turns() -> None:
    root = page("RECORD OF CONVERSATION OF A. M. PETROVSKY WITH THE MINISTER OF PERSIA ANSARI\n\n3.IV.1933\n\n"
                "ANSARI. The Majlis is troubled.\n\nPETROVSKY. The concession stands.\n\n"
                "ANSARI. Nobody speaks of revision.\n\nPETROVSKY. I shall report your wish.")
    assert speakers(root) == ["#ansari", "#petrovsky", "#ansari", "#petrovsky"]


# -- hours and minutes by their letters

def test_minutes_by_their_letter_end_a_dateline() -> None:
    root = page("CIRCULAR TELEGRAM OF V. M. MOLOTOV TO THE PLENIPOTENTIARY REPRESENTATIVES\n\n"
                "CIPHER.\nMoscow, 11.X.1939, 02 h. 45 m.\n\nConfirm receipt.\n\nMOLOTOV")
    assert creation_dates(root) == ["1939-10-11"]
    assert xp(root, "//t:opener//t:time/@when") == ["02:45:00"]


def test_a_time_range_over_midnight_ends_a_dateline() -> None:
    root = page("UNCORRECTED STENOGRAM\nof the conversation of comrade Stalin with P. Genden\n\n"
                "Moscow, Kremlin, 15 November 1934, 22 h. 10 m. – 0 h. 40 m.\n\nTop secret\n\n"
                "The delegation thanked the Soviet government.")
    assert creation_dates(root) == ["1934-11-15"]
    assert xp(root, "//t:opener//t:dateline")
    assert xp(root, "//t:opener/t:seg[@type='classification']/text()") == ["Top secret"]


def test_soviet_94_telegram() -> None:
    root = record("soviet_94_cipher_telegram_minutes_by_letter")
    assert creation_dates(root) == ["1939-09-02"]
    assert xp(root, "//t:msIdentifier/t:repository/text()") == ["AVP RF"]
    assert xp(root, "//t:closer/t:signed//text()") == ["POTEMKIN"]


def test_soviet_95_stenogram() -> None:
    root = record("soviet_95_stenogram_time_range_over_midnight")
    assert creation_dates(root) == ["1939-10-01"]
    assert speakers(root) == ["#molotov", "#saracoglu", "#molotov", "#saracoglu"]
    assert xp(root, "//t:opener/t:seg[@type='classification']/text()") == ["Top secret"]


# -- which copy an edition printed from

def test_printed_from_a_copy_describes_the_reference() -> None:
    root = page("CIRCULAR TELEGRAM OF V. M. MOLOTOV\n\nMoscow, 11.X.1939\n\nConfirm receipt.\n\nMOLOTOV",
                source="\n\nAVP RF, F. 059, Op. 1, P. 313, D. 2154, L. 201–203. Printed from the outgoing copy.\n")
    assert xp(root, "//t:msIdentifier/t:repository/text()") == ["AVP RF"]
    assert not [p for p in xp(root, "//t:body//t:p") if "outgoing copy" in text_of(p)]


def test_person_ids_of_soviet_93() -> None:
    assert sorted(person_ids(record("soviet_93_caps_labels_writer_tells_what_one_did_not_do"))) == [
        "ansari", "karakhan", "petrovsky"]


# -- a running head and the page's number on one line

TURNING = ("FROM THE DIARY OF YA. Z. SURITS\n\nAnkara, 3 March 1927\n\n"
           "I called on Tevfik Rüştü at noon. I remarked that Moscow expected an answer in the course of\n\n"
           "Surits – Tevfik Rüštü, 2.III.1927                                   - 2 -\n\n"
           "the next week. Tevfik Rüştü promised to speak to Ismet Pasha.\n\n"
           "                                     Ya. Surits\n\n"
           "Surits – Tevfik Rüštü, 2.III.1927                                   - 3 -\n\n"
           "Sent: 1 – to c. Chicherin, 2 – to file.")


def test_a_running_head_with_its_page_number_turns_the_page_in_the_sentence() -> None:
    root = page(TURNING)
    assert xp(root, "//t:body//t:p/t:pb/@n") == ["2"]
    assert not xp(root, "//t:pb[@type='inferred']")
    assert "in the course of the next week" in " ".join(text_of(p) for p in xp(root, "//t:body//t:p")).replace(
        "Surits – Tevfik Rüštü, 2.III.1927 - 2 -", "")


def test_a_running_head_after_the_signature_heads_no_document() -> None:
    root = page(TURNING)
    assert len(xp(root, "//t:div[@type='document']")) == 1
    assert xp(root, "//t:pb/@n") == ["2", "3"]
    assert xp(root, "//t:head/text()") == ["FROM THE DIARY OF "]


def test_a_sentence_ending_in_a_dashed_number_is_no_running_head() -> None:
    from tei_encoder.reader.block_rules import page_marker
    assert page_marker.printed_page("Surits – Tevfik Rüštü, 2.III.1927 - 2 -") == "2"
    assert page_marker.printed_page("He said that the vote stood at 5 - 2 -") is None


def test_soviet_96_running_heads() -> None:
    root = record("soviet_96_running_head_and_page_number_one_line")
    assert xp(root, "//t:pb/@n") == ["2", "3"]
    assert len(xp(root, "//t:div[@type='document']")) == 1
    assert xp(root, "//t:closer/t:signed//text()") == ["Ya. Surits"]
    assert xp(root, "//t:div[@type='distribution']/t:p/text()") == ["Sent: 1 – to c. Chicherin, 2 – to c. Karakhan, 3 – to file."]
