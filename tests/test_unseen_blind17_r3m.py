"""Unseen records written after round 3 on the blind17/m Wilson Center pages: a page copied with the
browser's "select all", its field labels alone on their lines without colons over their values, the site's
navigation and buttons around them (m/02).
"""

from __future__ import annotations

from tei import record, tei, text_of, xp


def fields(root) -> dict[str, str]:
    return {note.get("n"): text_of(note) for note in xp(root, "//t:sourceDesc//t:note[@type='field']")}


# -- colon-less labels alone over their values (wilson_center._colon_less_head_labels)

def test_colon_less_labels_over_their_values_fill_the_header() -> None:
    """``Summary`` / ``The Budapest Party Committee reports …``, ``Source`` / ``Hungarian National Archives …``:
    the fields, not the body. Before, the body began with the buttons and the labelled fields (``Summary The
    Budapest …``), and the letter's opening under them was not read."""
    root = record("wilson_159_select_all_copy_colon_less_labels_buttons")
    body = [text_of(p) for p in xp(root, "//t:body//t:p")]
    assert not any(text.startswith(("Share", "Summary", "Credits", "Source", "Original Language", "Contents"))
                   for text in body)
    assert text_of(xp(root, "//t:profileDesc/t:abstract")[0]).strip().startswith("The Budapest Party Committee reports")
    found = fields(root)
    assert found["Source"].startswith("Hungarian National Archives (MOL)")
    assert found["Record ID"] == "120377"
    boilerplate = [text_of(note) for note in xp(root, "//t:sourceDesc//t:note[@type='boilerplate']")]
    assert boilerplate[-3:] == ["Share", "Download PDF", "Print"]
    assert "Document Date" not in boilerplate  # a label, over the page's date
    assert xp(root, "//t:body//t:opener/t:salute")
    assert [text_of(d) for d in xp(root, "//t:sourceDesc/t:bibl/t:date")] == ["October 24, 1956"]


def test_the_person_after_attn_is_the_addressee() -> None:
    """``attn. Comrade Lajos Ács`` under the body addressed: the person Ács, addressee (before, no person)."""
    root = record("wilson_159_select_all_copy_colon_less_labels_buttons")
    acs = xp(root, "//t:particDesc//t:person[@xml:id='acs']")
    assert acs and acs[0].get("role") == "addressee"


TWO_HEADINGS = """Minutes of the Meeting

Summary
We met on Monday and agreed the plan.

The chairman opened the meeting at ten. He thanked the members for coming.

Source
The notes of the secretary, kept in the office.
"""


def test_one_label_alone_in_a_text_is_its_heading() -> None:
    """A text with ``Summary`` and ``Source`` alone over paragraphs that are not in a row keeps them."""
    root = tei(TWO_HEADINGS, "minutes.txt")
    assert any(text_of(p).startswith("Summary") for p in xp(root, "//t:body//t:p | //t:body//t:head"))
