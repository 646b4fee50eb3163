"""Body structure: turns, reported speech, directions, notes, lists, breaks, documents."""

from __future__ import annotations

from conftest import SEEDS
from tei import tei, text_of, xp

SEED = {path.name[:3]: path for path in SEEDS}


def seed(stem: str):
    return tei(SEED[stem].read_bytes(), SEED[stem].name)


def test_labelled_turns_resolve_spellings_to_one_id() -> None:
    root = seed("000")
    assert xp(root, "//t:sp/@who") == ["#kelly", "#stalin"] * 4 + ["#kelly", "#kelly", "#stalin"]
    assert xp(root, "//t:sp/t:speaker/text()")[:2] == ["Sir. D. Kelly:", "Stalin:"]


def test_quoted_turn_spans_blocks_until_the_quote_closes() -> None:
    first = xp(seed("000"), "//t:sp")[0]
    paragraphs = xp(first, "t:p")
    assert len(paragraphs) == 5
    assert xp(paragraphs[1], "count(t:gap)") == 1 and text_of(paragraphs[1]) == ""
    assert text_of(paragraphs[-1]).endswith('a final solution".')
    assert xp(first, "t:gap/following-sibling::t:speaker")  # lost character before the label


def test_unlabelled_block_after_a_closed_turn_is_a_paragraph() -> None:
    root = seed("000")
    para = xp(root, "//t:div/t:p[starts-with(., 'At this point')]")
    assert len(para) == 1


def test_stage_directions_by_position() -> None:
    root = seed("000")
    assert xp(root, "//t:sp/t:stage/text()") == ["(Laughing)"]
    assert "(After a pause)" in xp(root, "//t:sp/t:p/t:stage/text()")
    assert xp(root, "//t:p[contains(., 'Moscow Time')]/t:stage") == []


def test_reported_speech() -> None:
    root = seed("003")
    said = xp(root, "//t:p[starts-with(., 'ALLEN notes')]/t:said")
    assert [s.get("who") for s in said] == ["#allen", "#stalin"]
    assert all(s.get("direct") == "false" for s in said)
    assert text_of(said[1]) == "this is certainly wrong."
    smiling = xp(root, "//t:p[starts-with(., 'THOMAS (smiling)')]")[0]
    assert xp(smiling, "t:stage/text()") == ["(smiling)"] and not xp(smiling, "t:said")
    direct = xp(root, "//t:said[@direct='true']")
    assert text_of(direct[0]).startswith('"Don\'t mention it"')
    only_name = xp(root, "//t:p[starts-with(., 'ZILLIACUS answers affirmatively')]")[0]
    assert xp(only_name, "t:persName/@ref") == ["#zilliacus"] and not xp(only_name, "t:said")


def test_reported_speech_never_becomes_a_turn() -> None:
    assert xp(seed("002"), "//t:sp") == []
    assert xp(seed("003"), "//t:sp") == []


def test_inferred_page_break_joins_a_split_sentence() -> None:
    root = seed("002")
    para = xp(root, "//t:p[t:pb[@type='inferred']]")[0]
    assert "Eden asked" in text_of(para) and "to which sector" in text_of(para)
    assert len(xp(seed("000"), "//t:pb[@type='inferred']")) == 2


def test_a_line_break_inside_a_bracketed_mark_is_a_wrap_not_a_page_break() -> None:
    # One paragraph a line (no blank lines): "[SIC," / "plural]" is one note broken over a line.
    root = tei("Title line\nThe islands have an importance [SIC,\nplural] for both countries.\n"
               "The talks went on.\n", "record.txt", family="generic")
    para = xp(root, "//t:p[contains(., 'islands')]")[0]
    assert xp(para, "t:pb") == [] and xp(para, "t:sic/text()") == ["importance"]
    assert "[SIC, plural] for both" in text_of(para)


def test_two_block_title_is_one_heading() -> None:
    head = xp(seed("002"), "//t:div/t:head")[0]
    assert text_of(head).startswith("Recording of the conversation of the chairman")


def test_word_footnotes_at_their_anchors() -> None:
    root = seed("003")
    notes = xp(root, "//t:note[@place='foot']")
    assert [n.get("n") for n in notes][:3] == ["1", "2", "3"]
    assert [n.get("{http://www.w3.org/XML/1998/namespace}id") for n in notes][:2] == ["fn1", "fn2"]
    popov = xp(root, "//t:note[@n='13']")[0]
    assert "[Communist]" in text_of(popov)
    assert "footnoteRef" not in text_of(xp(root, "//t:text")[0])
    voks = xp(root, "//t:note[@n='24']")[0]
    assert voks.getparent().tag.endswith("p") and text_of(voks).startswith("The All-Union Society")


def test_stranded_symbol_stays_text() -> None:
    root = seed("002")
    assert "article 3 *," in text_of(xp(root, "//t:body")[0])
    assert xp(root, "//t:p[. = 'Article 4 is mistakenly indicated in the original.']")


def test_symbol_note_moves_when_its_block_exists() -> None:
    root = tei("Selected Secret Documents from Soviet Foreign Policy\n\nDownload PDF\n\nTitle\n\n"
               "Eden proposed article 3 *, which read well.\n\n* Article 4 in the original.\n")
    note = xp(root, "//t:note[@n='*']")[0]
    assert text_of(note) == "Article 4 in the original."
    assert not xp(root, "//t:p[starts-with(., '*')]")


def test_endnotes_move_to_their_anchors() -> None:
    root = tei("Title line\n\nFirst claim.[1] Second claim.[2]\n\n__________\n\n[1] Source one.\n\n"
               "[2] Source two.\n")
    assert [text_of(n) for n in xp(root, "//t:note[@place='foot']")] == ["Source one.", "Source two."]
    assert "____" not in text_of(root)


def test_omissions() -> None:
    root = seed("004")
    assert xp(root, "//t:div/t:ellipsis/t:metamark/text()") == ["..............", "............."]
    assert xp(seed("003"), "//t:div/t:ellipsis/t:metamark/text()") == ["[…]", "[…]"]


def test_numbered_paragraph_keeps_its_number() -> None:
    root = seed("001")
    para = xp(root, "//t:p[@n='2']")[0]
    assert text_of(para).startswith("2. Field Marshal Montgomery")


def test_telegram_opening() -> None:
    root = seed("000")
    types = xp(root, "//t:opener/t:seg/@type")
    assert types == ["cipher", "distribution", "route", "sender", "number", "despatched", "received",
                     "precedence", "classification"]
    despatched = xp(root, "//t:seg[@type='despatched']")[0]
    assert xp(despatched, "t:time/@when") == ["13:11:00"]
    assert xp(despatched, "t:date/@when") == ["1949-07-19", "1949-07-19"]


def test_letterhead_addressees_and_documents() -> None:
    root = seed("003")
    divs = xp(root, "//t:body/t:div")
    assert [(d.get("type"), d.get("n")) for d in divs] == [("document", "1"), ("document", "2"),
                                                           ("distribution", None)]
    types = xp(divs[0], "t:opener/t:seg/@type")
    assert types[:5] == ["classification", "letterhead", "letterhead", "letterhead", "number"]
    assert set(types[5:]) == {"addressee"}
    assert xp(divs[1], "string(t:head)").startswith("RECORD OF CONVERSATION")
    assert xp(divs[1], "string(t:closer/t:signed)") == "Recorded by signature (O. Troyanovsky)."
    assert xp(divs[1], "t:closer//t:gap[@reason='editorial']/t:desc/text()") == ["signature"]
    assert xp(divs[2], "string(t:head)") == "MARKING"


def test_signature_sharing_the_reference_line() -> None:
    root = seed("004")
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, "string(t:signed)") == "I. Maisky"
    assert xp(closer, "t:note[@type='source']/t:idno/text()") == ["avprf, f.059, op.24, p.70, d.43, l.132-137."]


def test_sic_in_the_body() -> None:
    para = xp(seed("000"), "//t:p[t:sic]")[0]
    assert xp(para, "t:sic/text()") == ["shewed"] and "shewed [sic] that" in text_of(para)


def test_participants_list_run_in() -> None:
    para = xp(seed("003"), "//t:p[starts-with(., 'Attendants:')]")[0]
    assert xp(para, "t:persName/@ref")[:3] == ["#zilliacus", "#white", "#thomas"]


def test_question_and_answer_labels() -> None:
    root = tei("Interview\n\nQ: Where were you?\n\nA: In Moscow.\n")
    assert xp(root, "//t:sp/@who") == ["#interviewer", "#interviewee"]
    assert "interviewer" in xp(root, "string(//t:person[@xml:id='interviewer']/@role)").split()


def test_form_feed_page_break_with_printed_number() -> None:
    root = tei("First page text.\n\f\n- 2 -\n\nSecond page text.\n")
    assert xp(root, "//t:pb/@n") == ["2"] and xp(root, "//t:fw[@type='pageNum']/text()") == ["- 2 -"]


def test_letter_valediction_closes_the_letter() -> None:
    root = tei("BRITISH EMBASSY,\nMOSCOW.\n\nDear Oliver,\n\nI have your letter of the 14th.\n\n"
               "Yours ever,\nFrank Roberts\n\nO. C. Harvey, Esq.,\nForeign Office.\n")
    assert xp(root, "//t:opener/t:salute/text()") == ["Dear Oliver,"]
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, "string(t:salute)") == "Yours ever,"
    assert xp(closer, "t:signed/t:persName/@ref") == ["#roberts"]
    assert xp(root, "//t:div[@type='distribution']/t:p[starts-with(., 'O. C. Harvey')]")


def test_valediction_without_body_text_is_a_paragraph() -> None:
    root = tei("Yours ever,\nFrank Roberts\n")
    assert not xp(root, "//t:closer")


def test_places_bodies_and_pronouns_are_not_people() -> None:
    root = tei("Title line\n\nTo London, Maisky.\n\nEverybody says that he is right. Finland asks for it. "
               "It was a breach of the front of Slav states. Comrade Molotov said that it was so.\n")
    assert sorted(xp(root, "//t:person/@xml:id")) == ["maisky", "molotov"]


def test_bracketed_capitals_are_not_a_heading() -> None:
    root = tei("Q: Where were you?\n\nA: In Moscow.\n\n[END OF TAPE 1, SIDE A]\n")
    assert len(xp(root, "//t:body/t:div")) == 1
    assert not xp(root, "//t:head[contains(., 'TAPE')]")


def test_surname_particles_belong_to_the_name() -> None:
    root = tei("Title line\n\nThe talks with de Gaulle[footnoteRef:1] went well. De Gaulle said that he agreed. "
               "[1: de Gaulle, Charles (1890-1970) - French general. President.]\n")
    assert xp(root, "//t:text//t:persName[@ref='#de-gaulle']/text()") == ["de Gaulle", "de Gaulle", "De Gaulle"]
    assert xp(root, "//t:said/@who") == ["#de-gaulle"]


def test_enclosure_is_a_nested_attachment() -> None:
    root = tei("Title line\n\nI enclose the draft treaty.\n\nEnclosure:\n\nDRAFT TREATY OF FRIENDSHIP AND ALLIANCE\n\n"
               "Article 1. The parties agree.\n")
    attachment = xp(root, "//t:div[@type='document']/t:div[@type='attachment']")[0]
    assert xp(attachment, "t:head/text()") == ["Enclosure:", "DRAFT TREATY OF FRIENDSHIP AND ALLIANCE"]
    assert xp(root, "//t:div[@type='document']/t:p/text()") == ["I enclose the draft treaty."]


def test_memorandum_header_fields() -> None:
    root = tei("MEMORANDUM\n\nTo: The Secretary of State\nFrom: George F. Kennan\nSubject: Soviet policy\n"
               "Date: February 22, 1946\n\nThe Soviet Government will not cooperate.\n")
    assert xp(root, "//t:opener/t:seg/@type") == ["addressee", "sender", "subject"]  # subject: session 4
    assert xp(root, "//t:opener/t:dateline/t:date/@when") == ["1946-02-22"]
    assert xp(root, "//t:person[@xml:id='kennan']/@role") == ["sender"]
    assert xp(root, "//t:creation/t:date/@when") == ["1946-02-22"]


def test_full_stop_labels_only_for_roles_and_known_speakers() -> None:
    root = tei("Interview\n\nQ. Where were you in 1945?\n\nA. In Moscow.\n")
    assert xp(root, "//t:sp/t:speaker/text()") == ["Q.", "A."]
    root = tei('Record\n\nKelly: "We agree."\n\nKelly. Then it is settled.\n\nCripps. In order to clarify, he asked.\n')
    assert xp(root, "//t:sp/t:speaker/text()") == ["Kelly:", "Kelly."]
    # Cripps is no participant: no label (ENCODING.md 3); the unquoted turn runs on over that block
    assert xp(root, "//t:p[starts-with(., 'Cripps. In order')]") and not xp(root, "//t:person[@xml:id='cripps']")


def test_two_word_surnames() -> None:
    root = tei("Title line\n\nThe matter was discussed with Clark Kerr[footnoteRef:1]. Clark Kerr said that he agreed. "
               "[1: Clark Kerr, Archibald John Kerr (1882-1951) - British diplomat. Ambassador.]\n")
    assert xp(root, "//t:body//t:persName[@ref='#clark-kerr']/text()")[:1] == ["Clark Kerr"]
    assert xp(root, "//t:said/@who") == ["#clark-kerr"]


def test_endnote_anchor_after_a_space() -> None:
    root = tei("Title line\n\nFirst claim [1] and second claim.[2]\n\n[1] Source one.\n\n[2] Source two.\n")
    assert [text_of(n) for n in xp(root, "//t:note[@place='foot']")] == ["Source one.", "Source two."]
    assert "[1]" not in text_of(xp(root, "//t:body")[0])


def test_surname_printed_first() -> None:
    root = tei("Conversation between Stalin and Mao Zedong\n\nStalin: What do you want?\n\nMao Zedong: A treaty.\n\n"
               "Mao said that China needs help. Chairman Mao Zedong asked whether it could come.\n")
    assert xp(root, "//t:sp/@who") == ["#stalin", "#mao"]
    assert xp(root, "//t:text//t:persName[@ref='#mao']/text()") == ["Mao Zedong", "Mao", "Chairman Mao Zedong"]
    assert len(xp(root, "//t:person")) == 2


def test_a_stranded_note_symbol_warning_counts_in_words() -> None:
    from tei_encoder.pipeline import encode
    from tei_encoder.source import source_from_bytes

    document, _ = encode(source_from_bytes(b"Record\n\nThe treaty of 1925 *.\n\nMore text.\n", "a.txt"))
    assert [w.message for w in document.warnings] == [
        "note symbol '*' has 1 anchor and 0 note blocks; kept as text"]
