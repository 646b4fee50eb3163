"""Rules found in session 17 by the lead, by mutating the blind records of sessions 14-17 (outside the
repository) the way tests/test_properties.py mutates ours, proved here on texts of our own.

- A page's number over a line with a note's call (``- 2 -`` / ``Mr. Lloyd[1]``, a minute sheet's next
  addressee under the typed number): the line is the text's, not page furniture. Read as a running head, the
  call went into the ``fw`` as bare text and its note was lost, body and all.
- A record holding a private-use character the reader used as its own marker (U+E000-U+E004, as a PDF's
  extraction of a symbol font can print them) broke the reader (``internal error: IndexError``). The
  markers are now Unicode noncharacters (U+FDD0-U+FDD4), kept by Unicode for a program's internal use, and
  source.py removes those from every record and declares it, as it does control characters.
- A note called inside a biographical note (``Special Adviser to the delegation[footnoteRef:2] in Paris``):
  the person's occupation in the header held the reader's marker of the call; it holds the words alone
  (the call stays in the body's note).
- A letter's postscript over its enclosure with no closer read above it (the signature mark garbled,
  ``[signatur7e]``): the enclosure's division came after the postscript, which TEI does not allow (the
  record was refused). The letter's own text becomes a cover division, as it does under a closer.
- An oral history's unlabelled answer that opens on a new page (``Q: …`` / ``[Page 2]`` / ``Korea, actually.``):
  the answer's turn begins with its page break, which the project's schema refused (an answer without a
  speaker had to begin with its paragraph; TEI lets a page break stand first, as it may before a speaker).
- A record that opens with two form feeds (an empty first page): the second form feed was taken for the
  running head repeated under the first, and its character went into the TEI (not well-formed: an
  internal error). Two page breaks now.
- A parenthesis inside a turn that calls a note (``(from a conversation with … Zong Kewen[footnoteRef:1])``):
  a stage direction holds words only, so the call's marker went into the TEI and the note, body and all,
  was lost. Such a parenthesis is a paragraph of the turn, with its note.
- A Wilson page's field table with two rows run together on one line (``| Language | Spanish | | Type |
  Memorandum |``): every cell after the second was lost. The cells are read pair by pair.
- OCR boxes inside a stage direction (``(Gen□eral Valin writes down the figures …)``): the direction held
  its words as text, boxes and all, and the record was refused (TE-CHAR-001). The boxes are gaps inside
  the stage, counted in the header's statement of boxes replaced.
- ``attn. Comrade Karl Schirdewan`` under a letter's addressed body (blind m/02): the person it goes to, an
  addressee line; it had been an untyped line, and once the page's fields were read the addressee was lost.
- The meeting's place read from ``met … at the X`` stays within its sentence: ``The meeting ended at 18:45.
  Premier Zhou then invited the delegation to dinner at the Great Hall`` names no place of the meeting (blind
  o/01); a full stop after an initial or an abbreviation (``I. V. Stalin``, ``10 p.m.``, ``Mr.``) ends no sentence.
"""

from __future__ import annotations

import re

import pytest

from accounting import lost_words
from tei import tei, text_of, xp

from tei_encoder.pipeline import encode_bytes

MARKER = re.compile("[\ufdd0-\ufdd4]")

MINUTE = """     I agree with Mr. Snodgrass's paragraph 3(c).  We should not allow
ourselves to be hustled into talking about an ultimatum: it would only
give Mr. Khrushchev the crisis he is looking for.  But we need a clear
                                               28/xi

- 2 -
Mr. Lloyd[1]

I suggest that it be shown to the Prime Minister before it goes, in

[1] Selwyn Lloyd, Secretary of State for Foreign Affairs, 1955-1960.
"""


def test_a_note_call_under_a_page_number_keeps_its_note() -> None:
    data = MINUTE.encode()
    assert not lost_words(data, encode_bytes(data, "minute.txt"))
    root = tei(MINUTE, "minute.txt")
    assert [text_of(note) for note in xp(root, "//t:body//t:note")] == [
        "Selwyn Lloyd, Secretary of State for Foreign Affairs, 1955-1960."]
    assert not xp(root, "//t:fw[contains(., 'Lloyd')]")
    assert not MARKER.search(encode_bytes(data, "minute.txt").decode())  # no marker of the reader's left


PRIVATE_USE = "Memo\n\nThe text has \ue0010\ue002 here and \ue000 a join \ue003- 2 -\ue004 too.\n"


def test_private_use_characters_are_kept_as_printed() -> None:
    root = tei(PRIVATE_USE, "memo.txt")
    assert [text_of(p) for p in xp(root, "//t:body//t:p")] == [
        "The text has \ue0010\ue002 here and \ue000 a join \ue003- 2 -\ue004 too."]


def test_noncharacters_are_removed_and_declared() -> None:
    root = tei("Memo\n\nThe text has \ufdd10\ufdd2 here.\n", "memo.txt")
    assert [text_of(p) for p in xp(root, "//t:body//t:p")] == ["The text has 0 here."]
    assert any("2 control characters" in text_of(p) for p in xp(root, "//t:normalization/t:p"))


NOTE_IN_A_BIOGRAPHY = """RECORD OF CONVERSATION

Comrade Le Duc Tho[footnoteRef:1] arrived in the morning.

ZHOU ENLAI: Welcome.

[1: Le Duc Tho (1911-1990), member of the Politburo of the Vietnam Workers' Party and Special Adviser to the delegation[footnoteRef:2] in Paris.]
[2: The delegation of the DRV at the Paris talks.]
"""


def test_a_note_called_in_a_biography_leaves_the_occupation_its_words() -> None:
    root = tei(NOTE_IN_A_BIOGRAPHY, "record.txt")
    assert xp(root, "//t:person/t:occupation/text()") == [
        "member of the Politburo of the Vietnam Workers' Party and Special Adviser to the delegation in Paris"]
    assert [note.get("n") for note in xp(root, "//t:body//t:note")] == ["1", "2"]
    assert not MARKER.search(encode_bytes(NOTE_IN_A_BIOGRAPHY.encode(), "record.txt").decode())


POSTSCRIPT_OVER_ENCLOSURE = """Please accept, Excellency, the assurance of my consideration.

[signatur7e]

Norodom Sihanouk
7

P.S. I have asked Mr. Son Sann to explain certain matters to you orally.

Enclosure

AIDE-MEMOIRE on the violations of the frontiers of Cambodia

(c) 27 July, the post of Bavet: the post destroyed.
"""


def test_a_postscript_over_an_enclosure_makes_the_letter_a_cover() -> None:
    from test_properties import project_validator

    data = POSTSCRIPT_OVER_ENCLOSURE.encode()
    output = encode_bytes(data, "letter.txt")
    assert not [d.one_line() for d in project_validator().validate_bytes(output, "letter.xml") if d.severity.name == "ERROR"]
    root = tei(POSTSCRIPT_OVER_ENCLOSURE, "letter.txt")
    assert [div.get("type") for div in xp(root, "//t:body/t:div/t:div")] == ["cover", "attachment"]
    assert xp(root, "//t:div[@type='cover']/t:postscript")


ANSWER_ON_A_NEW_PAGE = """TABLE OF CONTENTS HIGHLIGHTS
Q: How did it come about?
[Page 2]
Korea, actually. I was drafted in 1954, just after the armistice, and spent sixteen months near Munsan.
"""


def test_an_answer_that_opens_on_a_new_page_is_valid() -> None:
    from test_properties import project_validator

    output = encode_bytes(ANSWER_ON_A_NEW_PAGE.encode(), "interview.txt")
    assert not [d.one_line() for d in project_validator().validate_bytes(output, "interview.xml")
                if d.severity.name == "ERROR"]
    root = tei(ANSWER_ON_A_NEW_PAGE, "interview.txt")
    assert [child.tag.split("}")[1] for child in xp(root, "//t:sp[@who='#interviewee']/*")] == ["pb", "p"]


def test_two_form_feeds_at_the_start_are_two_page_breaks() -> None:
    root = tei("\f\n\f\nThe memorandum follows.\n", "memo.txt")
    assert [child.tag.split("}")[1] for child in xp(root, "//t:body/t:div/*")] == ["pb", "pb", "p"]


STAGE_WITH_A_NOTE = """MINUTES

Comrade Deng Xiaoping: China supports the proposal.

(from a conversation with the Chinese Ambassador Zong Kewen[footnoteRef:1])

The visit had been arranged at the request of the Korean side.

Comrade Kim Il Sung: We thank you.

[1:  Zong Kewen, PRC ambassador to the DPRK, 1982-1987.]
"""


def test_a_parenthesis_calling_a_note_in_a_turn_keeps_its_note() -> None:
    data = STAGE_WITH_A_NOTE.encode()
    output = encode_bytes(data, "minutes.txt")
    assert not lost_words(data, output) and not MARKER.search(output.decode())
    root = tei(STAGE_WITH_A_NOTE, "minutes.txt")
    assert [text_of(note) for note in xp(root, "//t:sp//t:note")] == ["Zong Kewen, PRC ambassador to the DPRK, 1982-1987."]


RUN_TOGETHER_ROWS = """# Memorandum on the Visit of the Foreign Minister to Lima

| Document Information | |
|---|---|
| Date | March 3, 1975 |
| Original Archive | Archivo Central, Lima |
| Language | Spanish | | Type | Memorandum |
| Translation | Translated for the project by its editors |
| Record ID | 220101 |

**Summary.** The minister reports on his talks about the fisheries dispute.

**Citation.** "Memorandum on the Visit of the Foreign Minister to Lima," March 3, 1975, Wilson Center Digital Archive, Archivo Central, Lima. <https://digitalarchive.wilsoncenter.org/document/220101>

**Transcript – English**

MEMORANDUM

The minister met his colleague on 2 March and discussed the fisheries dispute at length.
"""


def test_field_table_rows_run_together_keep_every_cell() -> None:
    data = RUN_TOGETHER_ROWS.encode()
    assert not lost_words(data, encode_bytes(data, "page.txt"))
    root = tei(RUN_TOGETHER_ROWS, "page.txt")
    fields = {note.get("n"): text_of(note) for note in xp(root, "//t:sourceDesc//t:note[@type='field']")}
    assert fields["Language"] == "Spanish" and fields["Type"] == "Memorandum"


STAGE_WITH_A_BOX = """RECORD OF THE MEETING OF THE MILITARY MISSIONS

Shaposhnikov: The Soviet side can put up 120 divisions and 5,000 aircraft.

(Gen\u25a1eral Valin writes down the figures and asks that the number of aircraft be repeated.)

Drax: We thank the marshal.
"""


def test_ocr_boxes_in_a_stage_direction_are_gaps() -> None:
    from test_properties import project_validator

    output = encode_bytes(STAGE_WITH_A_BOX.encode(), "minutes.txt")
    assert not [d.one_line() for d in project_validator().validate_bytes(output, "minutes.xml")
                if d.severity.name == "ERROR"]
    root = tei(STAGE_WITH_A_BOX, "minutes.txt")
    assert xp(root, "//t:sp/t:stage/t:gap/@quantity") == ["1"]
    assert any("1 U+25A1 character in 1 run" in text_of(p) for p in xp(root, "//t:normalization/t:p"))


FOR_THE_ATTENTION_OF = """Socialist Unity Party of Germany
District Committee Magdeburg

Magdeburg, 18.6.1953

To the
Central Committee of the SED
attn. Comrade Otto Buchwitz
Berlin

Dear Comrade Buchwitz!

We report that the works in the district resumed work this morning.
"""


def test_an_attn_line_names_the_addressee() -> None:
    root = tei(FOR_THE_ATTENTION_OF, "report.txt")
    assert xp(root, "//t:correspAction[@type='received']/t:persName/text()") == ["Otto Buchwitz"]
    assert [text_of(seg) for seg in xp(root, "//t:opener/t:seg[@type='addressee']")][-2:] == [
        "attn. Comrade Otto Buchwitz", "Berlin"]


@pytest.mark.parametrize(("paragraph", "place"), [
    ("The meeting ended at 18:45. Premier Zhou then invited the delegation to dinner at the Great Hall.", None),
    ("The Generalissimo received me last night at 10 p.m. (Moscow Time) in the Kremlin.", "Kremlin"),
    ("Comrade I. V. Stalin received Mr. Eden in the Kremlin.", "Kremlin"),
])
def test_the_meetings_place_stays_within_its_sentence(paragraph: str, place: str | None) -> None:
    root = tei(f"RECORD OF CONVERSATION\n\n{paragraph}\n\nThe talk lasted an hour.\n", "record.txt")
    assert xp(root, "//t:settingDesc//t:placeName/text()") == ([place] if place else [])
