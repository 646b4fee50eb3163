"""Unseen long, noisy records (blind16/l): the page furniture a typescript's scan leaves in the text (a page's
number between dashes over the archive's running foot) and stenogram labels in capitals that the record
spells differently elsewhere or that run to three words. Records wilson_125, soviet_100, word_82.
"""

from __future__ import annotations

from tei import body_paragraphs, record, text_of, xp

from tei_encoder.reader.block_rules import page_marker

# -- a page's number between dashes over the archive's running foot

WILSON_125 = "wilson_125_page_numbers_over_archive_foot_lines"


def test_a_page_number_over_an_archive_foot_inside_a_turn_is_a_page_break_in_the_speech() -> None:
    root = record(WILSON_125)
    first = xp(root, "//t:sp[1]/t:p")
    assert len(first) == 1
    assert xp(first[0], "t:pb/@n") == ["2"]
    assert [text_of(fw) for fw in xp(first[0], "t:fw")] == ["- 2 - Central State Archive - Fond 1B, opis 5, a.e. 212"]
    assert "our help will continue next year as well." in " ".join(
        "".join(first[0].xpath("text()")).split())


def test_a_page_number_over_an_archive_foot_between_turns_is_no_paragraph_or_source_note() -> None:
    root = record(WILSON_125)
    assert xp(root, "//t:body//t:pb/@n") == ["2", "3"]
    speech = ["".join(p.xpath("text()|*[not(self::t:fw)]//text()", namespaces={"t": "http://www.tei-c.org/ns/1.0"}))
              for p in xp(root, "//t:body//t:p")]
    assert len(speech) == len(body_paragraphs(root)) and not [p for p in speech if "Archive" in p or "TsDA" in p]
    assert not xp(root, "//t:body//t:note[@type='source']")
    assert [text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")) for sp in xp(root, "//t:sp")] == [
        "Comrade Todor Zhivkov:", "Comrade Kim Il Sung:", "Comrade Anton Yugov:"]


def test_the_folio_rule_takes_short_furniture_lines_only() -> None:
    assert page_marker.folio_over_running_line(
        ("- 3 -", "ANIC, fond CC al PCR - Secția Relații Externe, dosar 94/1972, f. 7")) == "3"
    assert page_marker.folio_over_running_line(("- 2 -", "VVS b 5 - 1\u25a17/77   [page stamp 0048]")) == "2"
    assert page_marker.folio_over_running_line(("- 3 -", "and the talks went on until late.")) is None
    assert page_marker.folio_over_running_line(("- 3 -", "we have big stocks of rice")) is None
    assert page_marker.folio_over_running_line(("3", "AJ, KPR I-2/4-1")) is None


# -- a stenogram's labels in capitals, spelled apart from the participants list

SOVIET_100 = "soviet_100_stenogram_labels_spelled_apart_from_list"


def _turns(root) -> list[tuple[str, str]]:
    return [(sp.get("who"), text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker"))) for sp in xp(root, "//t:sp")]


def test_a_capitals_label_used_three_times_is_a_speaker_though_the_list_spells_it_otherwise() -> None:
    root = record(SOVIET_100)
    assert [who for who, _ in _turns(root)] == [
        "#zekria", "#stark", "#zekria", "#stark", "#aziz", "#stark", "#zekria", "#stark"]
    assert not [text_of(sp) for sp in xp(root, "//t:sp[@who='#stark']") if "ZEKRIA" in text_of(sp) or "AZIZ" in text_of(sp)]


def test_a_capitals_label_used_once_is_the_list_s_person_printed_in_two_other_units() -> None:
    root = record(SOVIET_100)
    assert xp(root, "//t:person[@xml:id='aziz']/@role") == ["attendant speaker"]
    assert "The deputy chairman said" in text_of(xp(root, "//t:sp[@who='#aziz']")[0])


# -- a stenogram's labels of three words in capitals (Arabic names)

WORD_82 = "word_82_stenogram_three_word_capitals_labels"


def test_a_three_word_capitals_label_is_a_turn_of_the_list_s_person() -> None:
    root = record(WORD_82)
    assert [who for who, _ in _turns(root)] == [
        "#ponomarev", "#ahmar", "#ponomarev", "#saleh", "#ulyanovsky", "#ahmar", "#ponomarev", "#ahmar"]
    assert ("#saleh", "MOHAMMED HAYDAR SALEH.") in _turns(root)
    assert not [text_of(sp) for sp in xp(root, "//t:sp[@who='#ponomarev']") if "SALEH" in text_of(sp)]
