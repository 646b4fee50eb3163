"""Unseen records written after the blind17/m Wilson Center pages: the page's fields in a markdown table
with full-stop labels (m/09, whose whole text was lost to the header), a tape transcript's ``Document
Information`` block with ``Title:`` and an approximate ``Date:``, its unnamed speakers numbered and its
Arabic names opening with an ayn or an article (m/08), ``**Title:**`` among fields printed summary first over
a letterhead and capitals delegation headings (m/07), and ``Document Date:`` under the title with
``Transcript - English`` alone after the summary (m/03).
"""

from __future__ import annotations

import pytest

from tei import body_text, header_fields, record, tei, text_of, xp

from tei_encoder.families import wilson_center
from tei_encoder.reader import speech


def title(root) -> list[str]:
    return [" ".join(text_of(t).split()) for t in xp(root, "//t:titleStmt/t:title[not(@type)]")]


def speakers(root) -> list[str]:
    return [who.lstrip("#") for who in xp(root, "//t:body//t:sp/@who")]


# -- the page's fields in a markdown table (wilson_center._field_table), full-stop labels (_STOP_LABEL)

def test_fields_in_a_pipe_table_keep_the_transcript_in_the_body() -> None:
    """``| Date | September 3, 1964 |`` rows under ``| Document Information | |``, then ``**Summary.**`` and
    ``**Citation.**``: the header's fields; the memorandum under ``**Translation – English**`` is the body.
    Before, no field was found, every line was the site's boilerplate and the body was empty."""
    root = record("wilson_136_fields_in_pipe_table_full_stop_labels")
    body = body_text(root)
    assert "called on me today at 11 a.m." in body
    assert "would report his remarks" in body
    for words in ("Document Information", "Record ID", "Summary", "Citation", "Translation –", "|"):
        assert words not in body
    assert title(root) == ["Memorandum of the Hungarian Foreign Ministry on the Visit of the Yugoslav Deputy "
                           "Foreign Minister"]
    assert xp(root, "//t:sourceDesc//t:bibl/t:date/@when") == ["1964-09-03"]
    fields = header_fields(root)
    assert fields["Archival Signature"] == ["XIX-J-1-j, Jugoszlávia, 4. doboz, 12/b"]
    assert fields["Record ID"] == ["118204"]
    assert xp(root, "//t:langUsage/t:language/@ident") == ["en"]
    assert "Danube commission" in " ".join(text_of(a) for a in xp(root, "//t:abstract"))


@pytest.mark.parametrize(("line", "label"), [
    ("**Summary.** A department head records …", ("summary", "A department head records …")),
    ("**Citation.** \"Memorandum …\"", ("citation", "\"Memorandum …\"")),
    ("**Mr. Smith.** We agree.", None),  # no field's label: a full-stop speaker's, left to the body
])
def test_a_bold_label_closed_by_a_full_stop(line: str, label: tuple[str, str] | None) -> None:
    assert wilson_center._label(line) == label


# -- a tape's transcript: Title:/Date: in Document Information, unnamed and Arabic speakers (reader/speech.py)

def test_information_block_title_and_approximate_date() -> None:
    """``Title:`` under ``Document Information`` is the title (before: ``Title: … Date: …`` whole);
    ``Date: April 1988 (approximate)`` the page's date, as printed, with no ``@when`` (as ``circa``)."""
    root = record("wilson_137_tape_transcript_information_block_unnamed_and_ayn_speakers")
    assert title(root) == ["Saddam Hussein and the General Command Discuss the Battle of Fao"]
    dates = xp(root, "//t:sourceDesc//t:bibl/t:date")
    assert [text_of(d) for d in dates] == ["April 1988 (approximate)"]
    assert dates[0].get("when") is None
    assert "Document Information" not in body_text(root)


def test_unnamed_and_ayn_speakers_have_their_own_turns() -> None:
    """``ʿAbd al-Wahid Shannan:``, ``Husayn Rashid al-Tikriti:``, ``Unidentified Female 1:`` and ``Unknown
    Speaker 2:`` each open a turn; before, their words ran on in Saddam Hussein's turn above them."""
    root = record("wilson_137_tape_transcript_information_block_unnamed_and_ayn_speakers")
    assert speakers(root) == ["hussein", "shannan", "hussein", "unidentified-female-1", "hussein", "tikriti",
                              "unknown-speaker-2", "tikriti", "shannan", "unidentified-female-1", "hussein"]
    unnamed = xp(root, "//t:particDesc//t:person[@xml:id='unknown-speaker-2']")
    assert unnamed and "speaker" in unnamed[0].get("role").split()


@pytest.mark.parametrize(("text", "label"), [
    ("ʿIzzat Ibrahim al-Duri: Sir, in my opinion …", "ʿIzzat Ibrahim al-Duri:"),
    ("Tariq ʿAziz: The reaction will be good.", "Tariq ʿAziz:"),
    ("Nuri al-Said: We agree.", "Nuri al-Said:"),
    ("Unidentified Male 1: Yes, Sir.", "Unidentified Male 1:"),
    ("Article 3: Both parties undertake …", None),  # a numbered part is no unnamed speaker
])
def test_labels_of_transliterated_and_unnamed_speakers(text: str, label: str | None) -> None:
    found = speech.match_label(text)
    assert (found[1] if found else None) == label


# -- fields printed summary first, **Title:** among them (wilson_center._title_field), delegation heads

def test_title_field_among_fields_printed_summary_first() -> None:
    """``**Summary:**``, ``**Date:**``, ``**Title:** …``: the labelled title, not the letterhead under
    the fields (before: ``MINISTRY OF FOREIGN AFFAIRS OF THE GERMAN DEMOCRATIC REPUBLIC``, and ``Title:``
    and the other fields the body's first paragraphs)."""
    root = record("wilson_138_summary_first_title_field_delegation_headings")
    assert title(root) == ["Minutes of the Talks between the Delegations of the GDR and the Republic of Guinea, "
                           "Conakry"]
    body = body_text(root)
    for words in ("Title:", "Citation:", "Original Language", "Translation - English"):
        assert words not in body


def test_capitals_delegation_heading_is_no_letterhead() -> None:
    """``GERMAN DELEGATION:`` over its members under the letterhead's opener: the members' list, so the
    delegation's people are persons of the record (the opener kept it as letterhead once the page's
    fields were no longer in the body)."""
    root = record("wilson_138_summary_first_title_field_delegation_headings")
    for seg in xp(root, "//t:body//t:opener//t:seg[@type='letterhead']"):
        assert "DELEGATION" not in text_of(seg)
    assert xp(root, "//t:body//t:list")
    assert "weiss" in xp(root, "//t:particDesc//t:person/@xml:id")


# -- Document Date: under the title; Transcript - English alone after a field on its label's line

def test_document_date_label_under_the_title() -> None:
    """``Document Date: March 14, 1968`` under the title line: the page's date, the line above it the
    title (before, the date line was the title)."""
    root = record("wilson_139_document_date_under_title_contents_alone_after_summary")
    assert title(root) == ["Minutes of the Meeting of the Politburo of the Polish United Workers' Party, "
                           "14 March 1968"]
    assert xp(root, "//t:sourceDesc//t:bibl/t:date/@when") == ["1968-03-14"]


def test_contents_alone_ends_the_summary_above_it() -> None:
    """``Summary: …`` on its label's line, a blank line, ``Transcript - English``: the contents, not the
    summary's last words."""
    root = record("wilson_139_document_date_under_title_contents_alone_after_summary")
    summary = " ".join(text_of(a) for a in xp(root, "//t:abstract"))
    assert "Transcript" not in summary
    assert "radio" in summary
    assert [text_of(n) for n in xp(root, "//t:sourceDesc//t:note[@type='contents']")] == ["Transcript - English"]


_PAGE_OVER_DELEGATIONS = """October 7, 1960

Minutes of the Talks between the Delegations of the GDR and the Republic of Guinea

Citation: "Minutes of the Talks", October 7, 1960, Wilson Center Digital Archive, PA AA, MfAA, A 14012.
Original Language: German
Contents: Translation - English

MINISTRY OF FOREIGN AFFAIRS
OF THE GERMAN DEMOCRATIC REPUBLIC

CONFIDENTIAL

MINUTES

Place: Conakry, Presidential Palace
Date: 7 October 1960
Beginning: 9h30. End: 11h45.

GERMAN DELEGATION:
- Comrade Heinrich Rau, Minister of Foreign and Inner-German Trade
- Comrade Gerhard Weiss, Deputy Minister

MINISTER RAU: We have come to Conakry to conclude the trade agreement.

MINISTER WEISS: The first fifty could travel in January.
"""


def test_capitals_heading_with_a_colon_ends_the_letterhead() -> None:
    """Under ``Place:`` / ``Date:`` / ``Beginning:``, ``GERMAN DELEGATION:`` in capitals heads its members:
    no letterhead seg of the opener (before, it and its members were letterhead)."""
    root = tei(_PAGE_OVER_DELEGATIONS, "talks.txt")
    for seg in xp(root, "//t:body//t:opener//t:seg[@type='letterhead']"):
        assert "DELEGATION" not in text_of(seg) and "Weiss" not in text_of(seg)
