"""Unseen records written after round 3 on the blind15 Word-export titles (g/02, g/04, g/06, g/07, h/08, h/10): a
document's kind in capitals alone on its line (``RECORD``, ``NOTE``, ``MINUTES``) with its heading going on under
it, a few blocks under an image, a letterhead in mixed case, a party's own marks or a page's running head; a
letterhead and its dateline set apart by tabs on one line; ``NOTE`` parted from its heading by a blank line.
"""

from __future__ import annotations

from tei import record, tei, text_of, xp


def title(root) -> str:
    return " ".join(text_of(xp(root, "//t:titleStmt/t:title")[0]).split())


def creation(root) -> str | None:
    found = xp(root, "//t:profileDesc/t:creation/t:date/@when")
    return str(found[0]) if found else None


def first_blocks(root) -> list[str]:
    """The local names of the first document's first blocks."""
    division = xp(root, "//t:body/t:div")[0]
    return [element.tag.rsplit("}", 1)[-1] for element in division][:3]


def opener_segs(root) -> list[tuple[str | None, str]]:
    return [(seg.get("type"), " ".join(text_of(seg).split())) for seg in xp(root, "(//t:body//t:opener)[1]/t:seg")]


def test_word_67_kind_alone_over_its_wrapped_heading_under_a_mixed_case_letterhead() -> None:
    root = record("word_67_antiword_kind_heading_under_mixed_case_letterhead")
    assert title(root) == ("RECORD of the conversation between Deputy Foreign Minister Béla Szilágyi and the Ambassador "
                           "of the Mongolian People's Republic, Comrade Dashiin Adilbish, on 3 April 1968 in Budapest")
    assert first_blocks(root) == ["opener", "head", "p"]
    segs = [text for _, text in opener_segs(root)]
    assert segs[:3] == ["[pic]", "Ministry of Foreign Affairs of the Hungarian People's Republic", "Fifth Political Department"]
    assert not any(p.startswith(("[pic]", "Ministry", "Fifth", "RECORD")) for p in
                   (" ".join(text_of(p).split()) for p in xp(root, "//t:body//t:p")))


def test_word_68_letterhead_and_dateline_apart_on_one_tabbed_line_under_the_remarks() -> None:
    root = record("word_68_tab_columns_letterhead_dateline_note_heading")
    assert title(root) == ("NOTE on a conversation of Comrade Kurt Fischer with the Chargé d’Affaires of the DRV, "
                           "Comrade Nguyen Tien, on 21 October 1971")
    assert creation(root) == "1971-10-22"
    segs = opener_segs(root)
    assert ("letterhead", "Ministry for Foreign Affairs of the GDR") in segs
    assert ("classification", "Secret!") in segs
    dateline = xp(root, "(//t:body//t:opener)[1]/t:dateline")
    assert [" ".join(text_of(d).split()) for d in dateline] == ["Berlin, 22 October 1971"]


def test_other_57_generic_title_joins_note_across_the_blank_line_without_its_calls() -> None:
    root = record("other_57_docx2txt_kind_alone_over_blank_line")
    assert title(root) == ("NOTE on the visit of Consul General Jan Pudlák to the Governor of Istanbul, Niyazi Akı, "
                           "on 8 March 1966")
    assert creation(root) == "1966-03-09"
    heads = [" ".join(text_of(h).split()) for h in xp(root, "//t:body//t:head")]
    assert not any(h.startswith("Page 1 of 3") for h in heads)
