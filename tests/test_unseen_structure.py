"""Issue 10 §5, structure: sections, lists, page breaks, unwrapped lines, closing matter, second
documents and family detection, on the hand-made records of tests/records and on small units.

The block-rule tests follow test_block_rules.py: each rule with a case it must take and one it
must not.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp
from test_block_rules import BODY, lay_out, layout_of

from tei_encoder.markers import FORM_FEED
from tei_encoder.reader import blocks as b
from tei_encoder.reader.units import lines_are_paragraphs
from tei_encoder.source import source_from_bytes

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)




# ---------------------------------------------------------------- sections

def test_section_heading_opens_a_section_of_the_document() -> None:
    layout = layout_of(BODY, "II. ECONOMY", BODY)
    assert [(d.kind, d.number) for d in layout.divisions] == [("document", None), ("section", "II")]
    assert layout.divisions[1].blocks[0] == b.HeadingBlock(2, "II. ECONOMY")
    assert [d.kind for d in layout_of(BODY, "3. On the Korean question", BODY).divisions] == [
        "document", "section"]


def test_section_heading_not_a_numbered_paragraph_a_list_an_initial_or_a_split_sentence() -> None:
    for paragraphs in (
        (BODY, "3. On the trade agreement. The delegates asked for oil.", BODY),  # a paragraph
        (BODY, "1. Chrome ore", "2. Copper", "3. Cotton", BODY),  # a list
        (BODY, "V. Molotov", BODY),  # an initial and a name
        (BODY, "3. The talks went on", "into the night."),  # a sentence split by a page
        (BODY, "II. ECONOMY"),  # no body text after it
    ):
        assert [d.kind for d in layout_of(*paragraphs).divisions] == ["document"], paragraphs


def test_record_sections_nest_in_their_document() -> None:
    root = record("soviet_10_sections_lists_second_document")
    first = xp(root, "//t:body/t:div[@type='document']")[0]
    sections = xp(first, "t:div[@type='section']")
    assert [s.get("n") for s in sections] == ["I", "II"]
    assert [text_of(xp(s, "t:head")[0]) for s in sections] == ["I. POLITICAL QUESTIONS", "II. ECONOMY"]
    assert xp(sections[0], "t:p/@n") == ["1", "2"] and xp(sections[1], "t:p/@n")[0] == "3"
    assert not xp(first, "t:opener//*[contains(., 'POLITICAL')]")  # the heading left the opener


# ---------------------------------------------------------------- lists

def test_dashed_lines_in_one_block_are_a_list() -> None:
    blocks = lay_out(BODY, "- chrome ore, 20 thousand tons;\n- copper, 5 thousand tons;\n"
                           "– cotton, 10\nthousand tons.")
    assert blocks[1] == b.ListBlock(2, (b.Item("-", "chrome ore, 20 thousand tons;"),
                                        b.Item("-", "copper, 5 thousand tons;"),
                                        b.Item("–", "cotton, 10 thousand tons.")))


def test_dashed_items_one_per_block_and_short_numbered_items_are_lists() -> None:
    assert isinstance(lay_out(BODY, "- chrome ore;", "- copper.")[1], b.ListBlock)
    assert lay_out(BODY, "1. Chrome ore", "2. Copper")[1] == b.ListBlock(
        2, (b.Item("1.", "Chrome ore"), b.Item("2.", "Copper")))
    assert isinstance(lay_out(BODY, "1. chrome ore;\n2. copper.")[1], b.ListBlock)


def test_not_a_list_numbered_paragraphs_a_dash_in_prose_or_a_page_number() -> None:
    long = ("1. The Turkish side raised the treaty. The delegation declined.",
            "2. The Straits were discussed. Nothing was agreed.")
    assert [type(x).__name__ for x in lay_out(BODY, *long)] == ["ParagraphBlock"] * 3
    sentences = ("1. The commission could not accept the draft.", "2. Nothing of interest transpired.")
    assert [type(x).__name__ for x in lay_out(BODY, *sentences)] == ["ParagraphBlock"] * 3
    assert [type(x).__name__ for x in lay_out(BODY, "- and then they left.")] == ["ParagraphBlock"] * 2
    # a page number between dashes is no list item: text before any body, a page break after it
    assert [type(x).__name__ for x in lay_out("- 2 -", "- 3 -")] == ["ParagraphBlock", "PageBreakLine"]


def test_no_inferred_page_break_before_a_list_item() -> None:
    blocks = lay_out("The delegation proposed", "a) joint defence of the Straits;", "b) revision.")
    assert isinstance(blocks[0], b.ParagraphBlock) and "\ufdd0" not in blocks[0].text
    assert isinstance(blocks[1], b.ListBlock)


def test_record_lists() -> None:
    root = record("soviet_10_sections_lists_second_document")
    lists = xp(root, "//t:list[not(@type)]")
    assert [xp(x, "t:label/text()") for x in lists] == [["a)", "b)", "c)"], ["-", "-", "-"]]
    assert xp(lists[1], "t:item[1]/text()") == ["chrome ore, 20 thousand tons;"]


# ---------------------------------------------------------------- unwrapped lines, page breaks

def lines(text: str):
    return source_from_bytes(text.encode(), "x.txt").lines


def test_unwrapped_lines_are_paragraphs() -> None:
    sentences = [f"Line {n} of the record says something long enough to count as a long line." for n in range(4)]
    assert lines_are_paragraphs(lines("\n".join(sentences)))


def test_wrapped_lines_are_not_paragraphs() -> None:
    wrapped = ("The Ambassador said that the question of the Straits could not be\n"
               "separated from the treaty and that his government would not accept any\n"
               "settlement which left Turkey alone in the face of such demands. He added\n"
               "that the matter would be raised in London and in Washington next week.\n")
    assert not lines_are_paragraphs(lines(wrapped))
    assert not lines_are_paragraphs(lines("Short\nlines\nonly."))


def test_record_unwrapped_lines_give_one_paragraph_a_line() -> None:
    root = record("other_12_unwrapped_lines_formfeed_turn")
    assert text_of(xp(root, "//t:body//t:head")[0]) == "MINUTES OF THE MEETING OF THE ALLIED COMMISSION"
    paragraphs = [text_of(p) for p in xp(root, "//t:body/t:div/t:p")]
    assert "The meeting opened at 11 a.m." in paragraphs
    assert all(len(p) < 250 for p in paragraphs)


def test_form_feed_in_mid_sentence_is_a_page_break_inside_the_turn() -> None:
    root = record("other_12_unwrapped_lines_formfeed_turn")
    turn = xp(root, "//t:sp[t:speaker='SCHUYLER:']")[0]
    assert len(xp(turn, "t:p")) == 1
    assert xp(turn, "t:p/t:pb/@n") == ["2"] and xp(turn, "t:p/t:fw/text()") == ["- 2 -"]
    assert xp(turn, "t:p/t:pb/preceding-sibling::text()[1]")[0].endswith("consult their ")
    assert xp(turn, "t:p/t:fw/following-sibling::text()[1]")[0].startswith("governments before")


def test_form_feed_in_mid_sentence_of_a_paragraph() -> None:
    blocks = lay_out(BODY, "The delegates asked for", FORM_FEED, "- 4 -", "deliveries of oil.")
    assert len(blocks) == 2 and isinstance(blocks[1], b.ParagraphBlock)
    assert blocks[1].text == "The delegates asked for\ufdd3- 4 -\ufdd4deliveries of oil."
    # after a sentence end the form feed stays a page break between paragraphs
    assert [type(x).__name__ for x in lay_out(BODY, FORM_FEED, "deliveries.")] == [
        "ParagraphBlock", "PageBreakLine", "ParagraphBlock"]


# ---------------------------------------------------------------- closing matter

def test_closing_matter_signature_columns_greeting_date_and_source_in_one_closing() -> None:
    blocks = lay_out(BODY, "Head of the delegation S. Vinogradov Member of the delegation A. Lavrentyev",
                     "With greetings!", "October 12, 1944", "AVP RF, f. 06, op. 6, d. 520, l. 3.",
                     "Keywords: Straits, Turkey")
    closing = blocks[1]
    assert isinstance(closing, b.ClosingBlock) and closing.more == (
        ("signed", "Head of the delegation S. Vinogradov"), ("signed", "Member of the delegation A. Lavrentyev"),
        ("salute", "With greetings!"), ("dateline", "October 12, 1944"))
    assert blocks[2] == b.SourceBlock(5, (b.SourcePart("archival", "AVP RF, f. 06, op. 6, d. 520, l. 3."),
                                          b.SourcePart("keywords", "Keywords: Straits, Turkey")))


def test_closing_matter_a_bare_surname_last_and_a_lone_trailing_date() -> None:
    assert lay_out("Telegram of V. M. Molotov", BODY, "Molotov")[2] == b.ClosingBlock(
        3, "", more=(("signed", "Molotov"),))
    assert isinstance(lay_out(BODY, "Applause")[1], b.ParagraphBlock)  # named nowhere else: no signer
    assert lay_out(BODY, "12 May 1946")[1] == b.ClosingBlock(2, "", more=(("dateline", "12 May 1946"),))


def test_closing_matter_not_before_more_body_text_or_as_a_sentence() -> None:
    def kinds(*paragraphs: str) -> list[str]:
        return [type(block).__name__ for block in lay_out(*paragraphs)]
    assert kinds(BODY, "With greetings!", "S. Vinogradov", BODY) == ["ParagraphBlock"] * 4
    assert kinds(BODY, "With greetings to the Minister, he left.") == ["ParagraphBlock"] * 2
    assert kinds(BODY, "Molotov", "Vyshinsky said that he agreed.") == ["ParagraphBlock"] * 3
    assert kinds(BODY, "The talks were held by S. Vinogradov and his deputy.") == ["ParagraphBlock"] * 2


def test_record_closing_matter_goes_to_the_closer() -> None:
    root = record("soviet_10_sections_lists_second_document")
    first = xp(root, "//t:body/t:div[@type='document']")[0]
    closer = xp(first, "t:closer")[0]
    assert [text_of(s) for s in xp(closer, "t:signed")] == [
        "Head of the delegation S. Vinogradov", "Member of the delegation A. Lavrentyev"]
    assert xp(closer, "t:salute/text()") == ["With greetings!"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1944-10-12"]
    assert xp(first, "t:note[@type='source']/t:bibl[@type='publication']")
    assert not xp(root, "//t:div[@type='distribution']")
    assert not xp(first, ".//t:p[contains(., 'greetings') or contains(., 'Lavrentyev')]")


# ---------------------------------------------------------------- a second document

def test_document_start_after_a_closing() -> None:
    layout = layout_of(BODY, "S. Vinogradov", "Telegram of V. M. Molotov to S. Vinogradov",
                       "October 14, 1944", "Secret", BODY, "Molotov")
    assert [d.kind for d in layout.divisions] == ["document", "document"]
    assert layout.divisions[1].blocks[0] == b.HeadingBlock(3, "Telegram of V. M. Molotov to S. Vinogradov")
    letter = layout_of(BODY, "Yours ever,\nFrank Roberts", "BRITISH EMBASSY,\nMOSCOW.\n25th October, 1946.",
                       "Dear Oliver,", BODY)
    assert [d.kind for d in letter.divisions] == ["document", "document"]


def test_document_start_not_for_distribution_matter_or_an_undated_heading() -> None:
    layout = layout_of(BODY, "Recorded by A. Lavrov", "Copies to: Molotov, Vyshinsky", "Sent to the archive")
    assert [d.kind for d in layout.divisions] == ["document", "distribution"]
    layout = layout_of(BODY, "Recorded by A. Lavrov", "Telegram of V. M. Molotov", BODY)
    assert [d.kind for d in layout.divisions] == ["document", "distribution"]


def test_document_start_heading_and_dated_opening_in_one_block() -> None:
    layout = layout_of(BODY, "Yours sincerely,\nA. G. Kirk",
                       "Memorandum of the Government of the USSR\nMoscow, 9th March, 1951.", BODY)
    assert [d.kind for d in layout.divisions] == ["document", "document"]
    assert layout.divisions[1].blocks[0] == b.HeadingBlock(3, "Memorandum of the Government of the USSR")
    # a capitals line over a date after a closing is letterhead, not a heading; a sentence over a date is prose
    undated = layout_of(BODY, "Yours sincerely,\nA. G. Kirk", "It was sent on to Moscow.\n9th March, 1951.")
    assert [d.kind for d in undated.divisions] == ["document", "distribution"]


def test_record_creation_date_is_the_first_documents() -> None:
    root = record("other_31_covering_letter_dated_enclosure")
    documents = xp(root, "//t:body/t:div[@type='document']")
    assert [text_of(xp(d, "t:head")[0]) for d in documents[1:]] == ["Memorandum of the Government of the USSR"]
    assert xp(documents[1], "t:opener/t:dateline/t:date/@when") == ["1951-03-09"]
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1951-03-12"]
    assert xp(documents[0], "t:opener/t:salute/text()") == ["Dear Mr. Secretary,"]


def test_a_second_documents_dateline_never_dates_the_record() -> None:
    """An undated first document: the enclosure's date is not the record's (no creation date rather
    than a wrong one)."""
    text = ("Note for the file\n\nThe Ambassador asked me to keep the enclosed memorandum with the papers "
            "on the Atlantic Pact.\n\nA. G. Kirk\n\nMemorandum of the Government of the USSR\n"
            "Moscow, 9th March, 1951.\n\nThe Soviet Government has received the note.\n")
    root = tei(text.encode(), "undated_covering_note.txt")
    assert xp(root, "//t:body/t:div[@type='document'][2]/t:opener/t:dateline/t:date/@when") == ["1951-03-09"]
    assert xp(root, "//t:profileDesc/t:creation") == []
    # "A. G. Kirk": a name's initials, not an interview's answer label "A."
    assert xp(root, "//t:sp") == []
    assert xp(root, "//t:closer/t:signed/t:persName/text()") == ["A. G. Kirk"]


def test_record_second_document() -> None:
    root = record("soviet_10_sections_lists_second_document")
    documents = xp(root, "//t:body/t:div[@type='document']")
    assert [d.get("n") for d in documents] == ["1", "2"]
    second = documents[1]
    assert text_of(xp(second, "t:head")[0]).startswith("Telegram of the people's commissar")
    assert xp(second, "t:opener/t:dateline/t:date/@when") == ["1944-10-14"]
    assert xp(second, "t:opener/t:seg[@type='classification']/text()") == ["Secret"]
    assert xp(second, "t:closer/t:signed/t:persName/@ref") == ["#molotov"]


def test_record_second_letter_on_the_page_with_its_heading_salutation_and_closing() -> None:
    root = record("word_11_web_rendering_two_letters")
    documents = xp(root, "//t:body/t:div[@type='document']")
    assert len(documents) == 2
    assert [text_of(xp(d, "t:head")[0]) for d in documents] == [
        "Letter from Ambassador A. Panyushkin to V. M. Molotov",
        "Letter from V. M. Molotov to Ambassador A. Panyushkin"]
    assert [xp(d, "t:opener/t:salute/text()") for d in documents] == [
        ["Dear Vyacheslav Mikhailovich,"], ["Dear Alexander Semenovich,"]]
    assert [xp(d, "t:closer/t:salute/text()") for d in documents] == [
        ["With comradely greetings,"], ["Yours sincerely,"]]
    assert [text_of(xp(d, "t:closer/t:signed")[0]) for d in documents] == ["A. Panyushkin", "V. Molotov"]
    assert xp(root, "//t:note[@place='foot']/@n") == ["1", "2"]  # the ^N endnotes at their anchors


def test_record_numbered_sections_dashed_list_and_signature_columns_on_a_wilson_page() -> None:
    root = record("wilson_11_numbered_sections_dashed_list")
    document = xp(root, "//t:body/t:div[@type='document']")[0]
    sections = xp(document, "t:div[@type='section']")
    assert [s.get("n") for s in sections] == ["1", "2", "3"]
    assert text_of(xp(sections[1], "t:head")[0]) == "2. The Ulan-Bator railway line"
    assert xp(sections[0], "t:list/t:label/text()") == ["–"] * 3
    assert xp(document, "t:p")  # the preamble before the first section stays in the document
    closer = xp(document, "t:closer")[0]
    assert [text_of(s) for s in xp(closer, "t:signed")] == [
        "Head of the Soviet delegation P. Kumykin", "Deputy head of the delegation N. Osipov"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1953-03-09"]


def test_record_one_paragraph_a_line_with_a_page_break_list_and_closing_matter() -> None:
    root = record("other_13_one_paragraph_per_line_report")
    document = xp(root, "//t:body/t:div[@type='document']")[0]
    assert len(xp(document, "t:p")) == 4
    assert xp(document, "t:list/t:label/text()") == ["(a)", "(b)"]
    assert xp(document, "t:p/t:pb/@n") == ["2"] and not xp(root, "//t:pb[@type='inferred']")
    assert xp(document, "t:closer/t:signed/t:persName/@ref") == ["#walker"]
    note = xp(document, "t:note[@type='source']")[0]
    assert text_of(xp(note, "t:bibl[@type='publication']")[0]).startswith("Reprinted in:")
    assert "Keywords: trade agreements" in text_of(note)


# ---------------------------------------------------------------- family detection

FAMILY_OF_PREFIX = {"wilson": "wilson-center", "soviet": "soviet-archive", "word": "word-export",
                    "other": "generic"}


def _scores(stem: str) -> dict[str, float]:
    from tei_encoder import families
    source = source_from_bytes(RECORD[stem].read_bytes(), RECORD[stem].name)
    return {family.name: family.detect(source) for family in families.FAMILIES}


def test_no_family_claims_another_familys_record() -> None:
    for stem in RECORD:
        own = FAMILY_OF_PREFIX[stem.split("_")[0]]
        scores = _scores(stem)
        rivals = {name: score for name, score in scores.items() if name not in (own, "generic")}
        assert all(score < max(scores[own], scores["generic"]) for score in rivals.values()), (stem, scores)
        if own != "word-export":  # a Word record without its export's marks is read as plain text
            assert max(scores, key=lambda name: scores[name]) == own, (stem, scores)


def test_web_rendering_of_the_word_export_is_recognised_by_its_endnotes() -> None:
    from tei_encoder import families
    web = ("Letter to the Minister\nThe talks went on.^1 Nothing was agreed.\n^1 See the record.\n"
           "AVP RF, f. 06, op. 6, d. 520, l. 3.\n")
    assert families.detect(source_from_bytes(web.encode(), "x.txt")).name == "word-export"
    caret_in_prose = "The area was 10^2 metres.\nNothing else.\n"  # no endnote line: not claimed
    assert families.detect(source_from_bytes(caret_in_prose.encode(), "x.txt")).name == "generic"


def test_capitals_heading_after_body_text_is_a_section_unless_it_starts_a_document() -> None:
    layout = layout_of(BODY, "POLITICAL AND MILITARY QUESTIONS", BODY)
    assert [d.kind for d in layout.divisions] == ["document", "section"]
    assert layout.divisions[1].blocks[0] == b.HeadingBlock(2, "POLITICAL AND MILITARY QUESTIONS")
    for title in ("RECORD OF CONVERSATION WITH THE AMBASSADOR", "TELEGRAM FROM THE EMBASSY IN ANKARA"):
        assert [d.kind for d in layout_of(BODY, title, BODY).divisions] == ["document", "document"]
    dated = layout_of(BODY, "THE SOVIET DELEGATION IN ANKARA", "14 October 1944", BODY)
    assert [d.kind for d in dated.divisions] == ["document", "document"]


def test_a_title_before_a_name_is_no_full_stop_label() -> None:
    blocks = lay_out("Present:", "Mr. Vyshinsky", "Field Marshal B. L. Montgomery", "Comrade Vyshinsky:",
                     "He did not wish.", "MONTGOMERY: There are three points.",
                     "Mr. Vyshinsky replied that the Soviet government had no such intention.")
    assert isinstance(blocks[-1], b.ParagraphBlock)


def test_initials_sign_before_a_distribution_list_which_is_no_signature() -> None:
    layout = layout_of(BODY, "C.E.B.", "cc: Mr. Kennan\nMr. Hickerson\nEUR - Mr. Thompson")
    assert [d.kind for d in layout.divisions] == ["document", "distribution"]
    assert layout.divisions[0].blocks[1] == b.ClosingBlock(2, "", more=(("signed", "C.E.B."),))
    assert isinstance(layout.divisions[1].blocks[0], b.ParagraphBlock)
    # a distribution list alone at the end is not the sender's signature either
    assert isinstance(lay_out(BODY, "cc: Mr. Kennan\nMr. Thompson")[1], b.ParagraphBlock)
    assert isinstance(lay_out(BODY, "C.E.B.", BODY)[1], b.ParagraphBlock)  # initials before body text


def test_closing_matter_in_one_block_with_an_office_line_above_a_name() -> None:
    blocks = lay_out(BODY, "Head of the delegation\nS. Vinogradov\nWith greetings!\n12 October 1944")
    assert blocks[1] == b.ClosingBlock(2, "", more=(
        ("signed", "Head of the delegation S. Vinogradov"), ("salute", "With greetings!"),
        ("dateline", "12 October 1944")))
    # a wrapped paragraph whose first line is short is no office line
    assert isinstance(lay_out(BODY, "The delegation\narrived in Ankara on Monday and left.")[1], b.ParagraphBlock)


def test_form_feed_before_a_capitalised_word_in_mid_sentence() -> None:
    blocks = lay_out(BODY, "He said that the reply would be sent through the", FORM_FEED, "Foreign Office today.")
    assert len(blocks) == 2 and blocks[1].text.endswith("through the\ufdd3\ufdd4Foreign Office today.")
    # a heading or a sentence end before the form feed: the page breaks between blocks
    assert [type(x).__name__ for x in lay_out(BODY, "II. ECONOMY AND TRADE", FORM_FEED, "The talks went on.")] == [
        "ParagraphBlock", "HeadingBlock", "PageBreakLine", "ParagraphBlock"]
    assert [type(x).__name__ for x in lay_out(BODY, "The talks went on until late in the evening.", FORM_FEED,
                                              "Foreign Office.")] == [
        "ParagraphBlock", "ParagraphBlock", "PageBreakLine", "ParagraphBlock"]


def test_a_signature_mark_under_the_recorder_stays_in_the_closing() -> None:
    layout = layout_of(BODY, "Recorded by A. Lavrov", "[signature illegible]")
    assert [d.kind for d in layout.divisions] == ["document"]
    assert layout.divisions[0].blocks[1] == b.ClosingBlock(2, "Recorded by A. Lavrov",
                                                           more=(("signed", "[signature illegible]"),))
    assert isinstance(lay_out(BODY, "With greetings!", "[signature illegible]")[1], b.ClosingBlock)
    assert isinstance(lay_out(BODY, "[signature missing on the copy, see the original]", BODY)[1],
                      b.ParagraphBlock)


def test_markdown_emphasis_of_a_web_rendering_is_no_note_symbol() -> None:
    from tei_encoder.reader.notes import extract_notes
    units, notes = extract_notes([(1, "The *Secretary* did not conceal it.")])
    assert units == [(1, "The *Secretary* did not conceal it.")] and not notes.warnings
    units, notes = extract_notes([(1, "March 3 *. Then **bold** words."), (2, "* The note.")])
    assert [body.text for body in notes.bodies] == ["The note."]
