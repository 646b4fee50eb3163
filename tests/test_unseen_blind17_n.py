"""Unseen records written after the blind17/n Soviet selections: a record of conversation whose turns are
labelled ``Name –`` (a dash for the colon), some in reported form (``Rosso – replied that …``), under a
``Present:`` list nested by side (``on the Soviet side –`` over one person a line), dated by a dateline that
runs over midnight (``20 June 1940, 23 h. 30 m. – 21 June 1940, 0 h. 50 m.``), with the narration after the
last turn (``At the end of the conversation the text … was agreed upon``). Before, no turn was read (the
other side's people were no attendants, so their labels named no one; a reported turn ran on in the turn
before, a wrong speaker), the record had no date, and the narration ran on in the last speaker's turn
(docs/encoding.md, "Dash labels in reported form", "Present: nested by side, one person a line",
"Dateline over midnight").
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp
from tei_encoder.header import people
from tei_encoder.reader.opening import is_dateline

RECORD = {path.stem: path for path in RECORDS}
DASHED = "soviet_114_dash_labels_reported_turns_sides_one_a_line_over_midnight"


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def turns(root) -> list[tuple[str, str, str]]:
    """(who, speaker, the speech's first three words) of each turn."""
    return [(sp.get("who"), text_of(xp(sp, "t:speaker")[0]), " ".join(text_of(xp(sp, "t:p")[0]).split()[:3]))
            for sp in xp(root, "//t:body//t:sp")]


def test_dash_labels_in_reported_form_are_turns_of_their_speakers() -> None:
    assert turns(record(DASHED)) == [
        ("#rosso", "Rosso –", "He had come"),
        ("#molotov", "Molotov –", "The Soviet government"),
        ("#rosso", "Rosso –", "replied that Italy"),
        ("#dekanozov", "Dekanozov –", "pointed out that"),
        ("#molotov", "Molotov –", "We are ready"),
        ("#rosso", "Rosso –", "remarked that Ciano"),
    ]


def test_narration_after_the_last_turn_is_no_speech() -> None:
    root = record(DASHED)
    last = text_of(xp(root, "//t:body//t:sp")[-1])
    assert "At the end of the conversation" not in last
    paragraphs = [" ".join(text_of(p).split()) for p in xp(root, "//t:body/t:div/t:p")]
    assert "At the end of the conversation the text of a short statement for the press was agreed upon by both sides." \
        in paragraphs


def test_present_nested_by_side_one_person_a_line_names_the_attendants() -> None:
    root = record(DASHED)
    lists = xp(root, "//t:body//t:list[@type='participants']")
    assert len(lists) == 2
    assert [" ".join(text_of(item).split()) for item in xp(lists[1], "t:item")] == [
        "Augusto Rosso, ambassador", "di Stefano, first secretary of the embassy (interpreter)"]
    roles = {person.get("{http://www.w3.org/XML/1998/namespace}id"): person.get("role")
             for person in xp(root, "//t:listPerson/t:person")}
    assert "attendant" in roles["rosso"] and "interpreter" in roles["di-stefano"]
    assert "interpreter" in roles["potrubach"] and "attendant" in roles["dekanozov"]


def test_a_dateline_over_midnight_dates_the_record_by_its_first_day() -> None:
    root = record(DASHED)
    assert [date.get("when") for date in xp(root, "//t:profileDesc/t:creation/t:date")] == ["1940-06-20"]
    assert is_dateline("Moscow, Kremlin. 27 September 1939, 22 h. 00 m. – 28 September 1939, 1 h. 00 m.")
    assert is_dateline("27 September 1939, 22 h. 00 m. – 28 September 1939, 1 h. 00 m.")
    assert is_dateline("Moscow, Kremlin. 27 September 1939")
    assert not is_dateline("V. Molotov. 27 September 1939")


def test_a_surname_after_its_particles_is_the_person_with_them() -> None:
    registry = people.Registry()
    ribbentrop = registry.mention("von Ribbentrop", role="attendant")
    schulenburg = registry.mention("Count von der Schulenburg", role="attendant")
    assert registry.resolve("Ribbentrop") == ribbentrop
    assert registry.resolve("Schulenburg") == schulenburg


PAGED = "soviet_115_pdf_page_lines_first_over_diary_heading"


def test_the_pdf_first_page_line_under_the_site_lines_is_no_title() -> None:
    root = record(PAGED)
    titles = [" ".join(text_of(title).split()) for title in xp(root, "//t:titleStmt/t:title")]
    assert titles[0] == "FROM THE DIARY OF M. M. LITVINOV, Reception of the ambassador of Turkey Hüseyin Ragıp Baydur"
    assert [date.get("when") for date in xp(root, "//t:profileDesc/t:creation/t:date")] == ["1935-03-12"]
    assert "Page 1 of 2" not in text_of(xp(root, "//t:body")[0])  # kept with the site's lines in the header
    assert [text_of(fw) for fw in xp(root, "//t:body//t:fw")] == ["Page 2 of 2"]


def test_a_pdf_page_line_with_a_slash_is_a_page_break() -> None:
    from tei_encoder.reader.block_rules import page_marker
    assert page_marker.RUNNING_HEAD.match("Page 2 / 3")
    assert page_marker.RUNNING_HEAD.match("Page 2 of 3")
    assert not page_marker.RUNNING_HEAD.match("Page 2 / 3 of the draft was missing.")
