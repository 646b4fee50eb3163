"""Unseen records written after the blind14/d Word-export records (seed 003's form: ``[footnoteRef:N]``
calls, ``[N: …]`` bodies): note bodies of two paragraphs that open after their paragraph's text or close
before other bodies; a recorder's field among the participants lines; an agenda with its reporters and
parts numbered again; long capitals headings and headings with a call; a parenthesis between the marks and
the heading; capitals labels with a call before the stop; an enclosure line over the signature or the
distribution list.
"""

from __future__ import annotations

import re

from conftest import RECORDS
from tei import tei, text_of, xp

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def title(root) -> str:
    return " ".join(text_of(xp(root, "//t:titleStmt/t:title[1]")[0]).split())


def notes(root) -> dict[str, str]:
    return {note.get("n"): " ".join(text_of(note).split()) for note in xp(root, "//t:body//t:note[@place='foot']")}


# -- note bodies of two paragraphs (notes.py, _end_of_split_body)

def test_a_two_paragraph_body_opened_after_its_paragraph_keeps_its_text() -> None:
    root = record("word_57_note_bodies_over_two_paragraphs_mid_line")
    found = notes(root)
    assert sorted(found, key=int) == ["1", "2", "3", "4", "5", "6", "7"]
    assert found["4"].startswith("Gheorghiu-Dej, Gheorghe (1901–1965)")
    assert found["4"].endswith("simply “the comrade”.")
    assert "The source gives no text" not in text_of(root)


def test_a_two_paragraph_body_followed_by_another_body_keeps_both() -> None:
    root = record("word_57_note_bodies_over_two_paragraphs_mid_line")
    found = notes(root)
    assert found["5"].startswith("The construction of the Galați combine") and found["5"].endswith("in 1966.")
    assert found["6"].startswith("Bîrlădeanu, Alexandru (1911–1997)")
    note5 = xp(root, "//t:note[@n='5']")[0]
    assert xp(note5, ".//t:lb") or len(xp(note5, "t:p")) == 2  # its two paragraphs kept apart
    # no part of a body is left in the text as a paragraph of its own
    for p in xp(root, "//t:body//t:p[not(ancestor::t:note)]"):
        own = "".join(p.xpath("text()"))
        assert not re.search(r"\]\s*$|^\s*\[\d+:", own), own


def test_signatures_in_tab_columns_are_one_signer_a_column() -> None:
    """``Chivu Stoica<tabs>Emil Bodnăraş[footnoteRef:7]<tabs>Nicolae Ceauşescu [7: …]``, a name alone under
    the rows, ``Alternate members:`` over a last row: each name a signer, the note at its call."""
    root = record("word_57_note_bodies_over_two_paragraphs_mid_line")
    signers = ["stoica", "bodnaras", "ceausescu", "draghici", "borila", "moghioros", "rautu", "salajan"]
    assert xp(root, "//t:closer/t:signed/t:persName/@ref") == [f"#{ident}" for ident in signers]
    assert all(xp(root, f"//t:person[@xml:id='{ident}']/@role") == ["sender"] for ident in signers)
    assert xp(root, "//t:closer/t:signed[t:persName/@ref='#bodnaras']/t:note/@n") == ["7"]
    assert "Alternate members:" in [text_of(signed) for signed in xp(root, "//t:closer/t:signed")]
    assert notes(root)["7"].startswith("Bodnăraş, Emil (1904–1976)")


# -- minutes: a recorder's field, an agenda with reporters, parts numbered again, a signature family name first

def test_a_recorder_field_among_the_participants_lines_closes_nothing() -> None:
    root = record("word_58_minutes_recorder_field_agenda_reporters")
    assert xp(root, "//t:person[@xml:id='pavel']/@role") == ["attendant recorder"]
    assert xp(root, "//t:sp/@who") == ["#nyers", "#komocsin", "#fock", "#gaspar", "#feher"]
    assert not xp(root, "//t:div[@type='distribution']//t:sp")


def test_a_heading_with_a_note_call_is_the_title_with_its_continuation() -> None:
    root = record("word_58_minutes_recorder_field_agenda_reporters")
    assert title(root) == "MINUTES of the session of the Political Committee held on 10 May 1966"


def test_the_meeting_date_of_the_title_is_the_setting() -> None:
    """``MINUTES`` / ``of the session of the Political Committee held on 10 May 1966``: the title gives the
    meeting's date (the dateline at the foot, 12 May, is the minutes')."""
    root = record("word_58_minutes_recorder_field_agenda_reporters")
    assert xp(root, "//t:settingDesc/t:setting/t:date/@when") == ["1966-05-10"]
    assert xp(root, "//t:creation/t:date/@when") == ["1966-05-12"]


def test_an_agendas_reporter_lines_are_no_turns_and_its_items_no_sections() -> None:
    root = record("word_58_minutes_recorder_field_agenda_reporters")
    assert not xp(root, "//t:person[@xml:id='reporter']")
    heads = [" ".join(text_of(head).split()) for head in xp(root, "//t:div[@type='section']/t:head")]
    assert heads == ["1. THE GUIDELINES OF THE ECONOMIC REFORM", "2. THE PRICE SYSTEM", "3. OTHER BUSINESS"]
    assert len(xp(root, "//t:div[@type='document']")) == 1


def test_a_signature_with_the_family_name_first_is_the_man_of_the_minutes() -> None:
    root = record("word_58_minutes_recorder_field_agenda_reporters")
    assert xp(root, "//t:closer//t:persName/@ref") == ["#fock"]
    assert "sender" in xp(root, "//t:person[@xml:id='fock']/@role")[0]
    assert not xp(root, "//t:person[@xml:id='jeno']")


def test_given_names_are_no_persons_nor_forms_of_their_own() -> None:
    root = record("word_58_minutes_recorder_field_agenda_reporters")
    # "Comrade Sándor Gáspár asked …": an accented surname is part of the name after the title
    assert not xp(root, "//t:person[@xml:id='sandor']")
    # "Comrades Jenő Fock, …", "Comrades István Friss, …": the first listed name is the whole name
    variants = {" ".join(text_of(name).split()) for name in xp(root, "//t:person/t:persName")}
    assert not variants & {"Jenő", "István", "Comrade Sándor"}


# -- headings: long capitals, a parenthesis over the heading, capitals labels with a call

def test_a_long_capitals_heading_that_names_its_kind_is_the_title() -> None:
    root = record("word_59_long_capitals_record_heading_note_from_41")
    assert title(root).startswith("RECORD OF PREMIER ZHOU ENLAI’S CONVERSATION WITH THE AMBASSADOR OF THE GERMAN")
    assert title(root).endswith("BEIJING, ON 6 MARCH 1964")
    assert sorted(notes(root)) == ["41", "42"]


def test_a_possessive_in_a_capitals_heading_ends_the_name() -> None:
    """``PREMIER ZHOU ENLAI’S CONVERSATION``: the given names after a family name printed first stop at
    the possessive; the noun after it is no part of Zhou's form."""
    root = record("word_59_long_capitals_record_heading_note_from_41")
    forms = [" ".join(text_of(name).split()) for name in xp(root, "//t:person[@xml:id='zhou']/t:persName")]
    assert "PREMIER ZHOU ENLAI" in forms
    assert not [form for form in forms if "CONVERSATION" in form]


def test_a_parenthesis_over_a_meeting_heading_stays_in_the_opening() -> None:
    root = record("word_60_working_record_aside_meeting_heading_stop_labels")
    assert title(root) == "MEETING OF THE SECRETARIAT OF THE CC CPSU"
    assert len(xp(root, "//t:div[@type='document']")) == 1
    assert "(Draft record)" in " ".join(text_of(opener) for opener in xp(root, "//t:body//t:opener"))


def test_a_capitals_label_with_a_call_before_its_stop_opens_a_turn() -> None:
    root = record("word_60_working_record_aside_meeting_heading_stop_labels")
    assert xp(root, "//t:sp/@who") == ["#suslov", "#ponomarev", "#kirilenko", "#katushev", "#suslov"]
    assert xp(root, "//t:sp[2]/t:speaker/t:note/@n") == ["2"]
    assert xp(root, "//t:sp[4]/t:speaker/t:note/@n") == ["3"]


def test_the_meetings_end_closes_the_last_turn() -> None:
    """``(The meeting ended at 12.40.)`` in the last turn, then ``Checked against the shorthand notes by …``:
    the parenthesis is the turn's last stage direction, the line after it no one's speech."""
    root = record("word_60_working_record_aside_meeting_heading_stop_labels")
    last = xp(root, "//t:sp")[-1]
    assert " ".join(text_of(xp(last, "t:stage")[-1]).split()) == "(The meeting ended at 12.40.)"
    assert "Checked against" not in text_of(last)
    assert any(text_of(p).startswith("Checked against") for p in xp(root, "//t:body//t:p[not(ancestor::t:sp)]"))


# -- an enclosure line and an attached document

def test_an_enclosure_line_over_the_signature_is_no_attachment() -> None:
    root = record("word_61_cover_note_enclosure_line_attached_report")
    attachments = xp(root, "//t:div[@type='attachment']")
    assert len(attachments) == 1
    assert " ".join(text_of(xp(attachments[0], "t:head")[0]).split()) == "Attachment"
    assert "Enclosure: 5 pages, secret." not in text_of(attachments[0])


def test_the_attached_documents_heading_is_the_title_of_a_cover_note() -> None:
    root = record("word_61_cover_note_enclosure_line_attached_report")
    assert title(root) == ("REPORT on the situation in the Korean Workers’ Party after the September (1965) "
                           "plenum of its CC")


def test_an_enclosure_line_over_the_distribution_is_no_title() -> None:
    root = record("word_62_letter_enclosure_line_over_distribution")
    assert title(root) == "The visit of the Ghanaian military delegation"
    assert not xp(root, "//t:div[@type='attachment']")


def test_a_table_row_with_a_note_body_in_a_cell_stays_a_row() -> None:
    """``10 July<tab>Prague<tab>Talks at the General Staff[footnoteRef:2] [2:  …]``, ``12 July<tab>Brno[footnoteRef:3]
    [3:  …] <tab>Departure``: the bodies go to their calls, the rows keep their three cells."""
    root = record("word_62_letter_enclosure_line_over_distribution")
    rows = [[" ".join(text_of(cell).split()) for cell in xp(row, "t:cell")] for row in xp(root, "//t:table/t:row")]
    assert [len(row) for row in rows] == [3, 3, 3, 3]
    assert rows[1][:2] == ["10 July", "Prague"] and rows[1][2].startswith("Talks at the General Staff")
    assert xp(root, "//t:table/t:row[4]/t:cell[2]/t:note/@n") == ["3"]
    assert rows[3][2] == "Departure"


def test_a_ranked_signer_under_his_office_signs_the_letter() -> None:
    """``Chief of the General Staff`` / ``Colonel General Otakar Rytíř[footnoteRef:2], v. r.``, then the
    enclosure line and the copies: the signature closes the letter, its signer is the sender."""
    root = record("word_62_letter_enclosure_line_over_distribution")
    closer = " ".join(text_of(xp(root, "//t:closer")[0]).split())
    assert closer.startswith("Chief of the General Staff Colonel General Otakar Rytíř")
    assert "Enclosure: Draft programme of the visit" in closer
    assert xp(root, "//t:person[@xml:id='rytir']/@role") == ["sender"]
    assert xp(root, "//t:correspAction[@type='sent']/t:persName/@ref") == ["#rytir"]
    # the copies are the distribution matter, no closing of their own
    copies = xp(root, "//t:div[@type='distribution']")
    assert copies and not xp(copies[0], ".//t:closer")
