"""Unseen records of session 14 (Soviet selections), after records written blind: the site's navigation
repeated as a footer under the document, a signer's office in capitals over the signature
(``SECRETARY OF THE CC`` / ``[signature]``), narration opened by ``Then comrade …`` between labelled turns,
a postscript signed again with initials (``A. L.``), and a paragraph cut by the PDF's page before a name
(``… a conversation with`` / ``Filov, who told me …``).
"""

from __future__ import annotations

from tei import SOVIET_SITE, record, tei, text_of, xp

from tei_encoder.reader import speech

NB = "\u00a0"
NAVIGATION = "Marx-Engels | Lenin | Stalin | Home Page"


def page(body: str):
    return tei(SOVIET_SITE + body, "probe.txt")


def body_blocks(root) -> list[str]:
    return [text_of(block) for block in xp(root, "//t:body/t:div/*")]


def boilerplate(root) -> list[str]:
    return [text_of(note) for note in xp(root, "//t:sourceDesc//t:note[@type='boilerplate']")]


def signed(root) -> list[str]:
    return [text_of(element) for element in xp(root, "//t:body//t:closer/t:signed")]


TELEGRAM = ("Telegram of the plenipotentiary representative of the USSR in Iran A. A. Smirnov\n\n"
            "August 19, 1941\n\nTop secret\n\n1. Today I was received by the prime minister Mansur.\n\n"
            "I ask for instructions.\n\nSmirnov\n\nAVP RF, f. 094, op. 26, p. 339, d. 5, l. 112-114.\n\n{}")


# -- the site's footer

def test_the_navigation_repeated_under_the_document_is_boilerplate() -> None:
    root = page(TELEGRAM.format(f"Marx-Engels |{NB} Lenin{NB} | Stalin |{NB} Home Page\n"))
    assert NAVIGATION not in body_blocks(root)
    assert boilerplate(root).count(NAVIGATION) == 2
    assert signed(root) == ["Smirnov"]  # the footer no longer hides the signature at the end


def test_a_table_row_at_the_end_that_the_header_never_printed_stays_text() -> None:
    root = page(TELEGRAM.format("Rifles | Cartridges | Aircraft\n"))
    assert "Rifles | Cartridges | Aircraft" in body_blocks(root)


def test_soviet_58_footer_lines_go_to_the_header() -> None:
    root = record("soviet_58_telegram_site_footer_surname_signature")
    blocks = body_blocks(root)
    assert not any(NAVIGATION in block or block.startswith("Selected Secret") for block in blocks)
    assert boilerplate(root)[-2:] == [NAVIGATION, "Selected Secret Documents from Soviet Foreign Policy "
                                      "Documents Archives - 1919 to 1941"]
    assert signed(root) == ["Mikhailov"]
    assert xp(root, "//t:person[@xml:id='mikhailov']/@role") == ["sender"]


# -- an office in capitals over the signature

DECISION = ("Decision of the Politburo of the CC VKP (b) on Iran\n\nMay 5, 1938\n\nTop secret\n\n"
            "1. To accept the proposal of the NKID.\n\n2. To instruct comrade Litvinov to answer.\n\n"
            "{}\n\nAP RF. F. 3. Op. 66. D. 245. L. 17.\n")


def test_a_capitals_office_over_a_signature_mark_is_the_closer() -> None:
    root = page(DECISION.format("SECRETARY OF THE CC\n\n[signature]"))
    assert not xp(root, "//t:div[@type='section']")
    assert signed(root) == ["SECRETARY OF THE CC signature"]
    assert xp(root, "//t:closer//t:gap/t:desc/text()") == ["signature"]


def test_a_capitals_office_over_a_name_signs_with_it() -> None:
    root = page(DECISION.format("SECRETARY OF THE CC\n\nJ. Stalin"))
    assert signed(root) == ["SECRETARY OF THE CC J. Stalin"]
    assert xp(root, "//t:person[@xml:id='stalin']/@role") == ["sender"]


def test_a_capitals_heading_with_text_under_it_is_still_a_section() -> None:
    root = page(DECISION.format("SECRETARY OF THE CC\n\nThe secretariat is to send the decision to the NKID at once."))
    assert [text_of(head) for head in xp(root, "//t:div[@type='section']/t:head")] == ["SECRETARY OF THE CC"]


def test_soviet_59_commissar_in_capitals_over_the_signature() -> None:
    root = record("soviet_59_instruction_caps_office_over_signature")
    assert not xp(root, "//t:div[@type='section']")
    assert signed(root) == ["PEOPLE’S COMMISSAR OF FOREIGN AFFAIRS OF THE USSR V. Molotov"]
    assert xp(root, "//t:correspAction[@type='sent']/t:persName/text()") == ["V. Molotov"]


# -- narration between turns

def test_then_and_a_lower_case_form_of_address_opens_narration() -> None:
    known = {"Stalin"}.__contains__
    assert speech.opens_with_narration("Then comrade Stalin raised the question of the fishing convention.", known)
    assert speech.opens_with_narration("Thereupon comrade Molotov handed over the draft.", known)
    assert not speech.opens_with_narration("Then comrade, we shall sign tomorrow.", known)


def test_soviet_60_narration_ends_the_turn() -> None:
    root = record("soviet_60_labelled_turns_narration_after_title")
    narration = [text_of(p) for p in xp(root, "//t:body/t:div/t:p")]
    assert [text[:28] for text in narration] == ["Then comrade Molotov raised ", "Thereupon comrade Molotov ha"]
    assert not any("Then comrade" in text_of(sp) or "Thereupon" in text_of(sp) for sp in xp(root, "//t:sp"))
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#molotov", "#aktay", "#molotov", "#aktay", "#molotov"]


# -- a postscript signed with initials

LETTER = ("Letter of A. Lavrentiev to V. M. Molotov\n\nSofia, November 28, 1940\n\nSecret\n\n"
          "I consider it necessary to inform you about the visit.\n\nWith comradely greetings\n\nA. Lavrentiev\n\n"
          "P.S. The Turkish ambassador visited me today.\n\n{}\n\nAVP RF, f. 07, op. 1, p. 12, d. 123, l. 98-101.\n")


def test_initials_under_a_postscript_sign_it() -> None:
    root = page(LETTER.format("A. L."))
    assert not xp(root, "//t:div[@type='distribution']")
    assert signed(root) == ["A. Lavrentiev", "A. L."]
    assert [element.tag.split("}")[1] for element in xp(root, "//t:body/t:div/*")][-3:] == [
        "postscript", "closer", "note"]


def test_a_sentence_under_a_postscript_is_no_signature() -> None:
    root = page(LETTER.format("Sent to comrade Stalin."))
    assert signed(root) == ["A. Lavrentiev"]


def test_soviet_61_postscript_initials() -> None:
    root = record("soviet_61_letter_postscript_initials")
    assert signed(root) == ["M. Maximov", "M. M."]
    assert not xp(root, "//t:div[@type='distribution']")
    assert len(xp(root, "//t:person")) == 3  # the initials make no person


# -- a page split before a capitalised name

REPORT = ("From the diary of A. Shkvartsev\n\nOctober 11, 1939\n\nSecret\n\n"
          "Today at 12 h. I handed the copy of the agreement and the letter of comrade Molotov to\n\n"
          "{}\n\nA. Shkvartsev\n\nAVP RF, f. 082, op. 22, p. 93, d. 4, l. 31-33.\n")


def test_a_paragraph_cut_after_a_preposition_goes_on_before_a_name() -> None:
    root = page(REPORT.format("Ribbentrop personally. He thanked me."))
    assert len(xp(root, "//t:body//t:p")) == 1
    assert xp(root, "//t:pb/@type") == ["inferred"]


def test_a_short_line_ending_in_a_preposition_is_no_cut_paragraph() -> None:
    root = page(REPORT.format("Ribbentrop personally. He thanked me.").replace(
        "Today at 12 h. I handed the copy of the agreement and the letter of comrade Molotov to", "Attached to"))
    assert not xp(root, "//t:pb")


def test_soviet_62_page_splits_before_names() -> None:
    root = record("soviet_62_diary_page_splits_before_names")
    paragraphs = [text_of(p) for p in xp(root, "//t:body//t:p")]
    assert len(paragraphs) == 3
    assert "addressed to Ribbentrop personally" in paragraphs[0]
    assert "forced upon Germany by Chamberlain, and that" in paragraphs[1]
    assert xp(root, "//t:pb/@type") == ["inferred", "inferred"]
    assert "had already stated its position" in paragraphs[2]  # the edition's "[Page 34]" inside the sentence
    assert xp(root, "//t:pb/@n") == ["34"]


def test_a_page_marker_alone_between_the_halves_of_a_sentence_joins_them() -> None:
    root = page(REPORT.format("[Page 418]\n\nhis personal letter. He thanked me."))
    assert len(xp(root, "//t:body//t:p")) == 1
    assert xp(root, "//t:pb/@n") == ["418"] and not xp(root, "//t:pb/@type")


# -- superscript note numbers flattened into digits

DECREE = ("Decision of the Politburo of the CC VKP (b) on Afghanistan\n\nApril 5, 1938\n\nStrictly secret\n\n"
          "3. To instruct the plenipotentiary in Kabul comrade Mikhailov{a} to inform the prime minister "
          "Hashim-khan{b} that the Soviet government agrees.\n\n"
          "1 Mikhailov, Konstantin Vasilyevich (1896-1955) - Soviet diplomat.\n\n"
          "2 Mohammad Hashim Khan (1884-1953) - prime minister of Afghanistan.\n\n"
          "AP RF. F. 3. Op. 66. D. 245. L. 17.\n")


def test_digits_glued_to_words_are_note_marks_when_their_bodies_follow_in_order() -> None:
    root = page(DECREE.format(a="1", b="2"))
    assert xp(root, "//t:body//t:note[@place='foot']/@n") == ["1", "2"]
    assert "Mikhailov1" not in text_of(xp(root, "//t:body")[0])
    assert [text_of(p)[:2] for p in xp(root, "//t:body//t:p")] == ["3."]  # the bodies are no paragraphs
    assert xp(root, "//t:person[@xml:id='mikhailov']/t:birth/@when") == ["1896"]


def test_glued_digits_out_of_order_or_missing_stay_text() -> None:
    for a, b in (("2", "1"), ("1", "")):
        root = page(DECREE.format(a=a, b=b))
        assert not xp(root, "//t:body//t:note[@place='foot']")
        assert f"Mikhailov{a}" in text_of(xp(root, "//t:body")[0])
        assert any(text_of(p).startswith("1 Mikhailov") for p in xp(root, "//t:body//t:p"))


def test_soviet_63_flattened_superscript_notes() -> None:
    root = record("soviet_63_letter_flattened_superscript_notes")
    assert xp(root, "//t:body//t:note[@place='foot']/@n") == ["1", "2", "3"]
    assert [text_of(note)[:12] for note in xp(root, "//t:body//t:note[@place='foot']")] == [
        "Tevfik Rüştü", "Frunze, Mikh", "Numan Meneme"]
    assert not any(text_of(p)[:2] in ("1 ", "2 ", "3 ") for p in xp(root, "//t:body//t:p"))
    assert xp(root, "//t:person[@xml:id='frunze']/t:death/@when") == ["1925"]


# -- a telegram's receipt with its place

def test_received_in_a_place_is_the_receipt_field() -> None:
    from tei_encoder.reader.opening import field_kind
    assert field_kind("Received in Moscow August 20, 1941, 4 h. 15 min.") == "received"
    assert field_kind("Received in Moscow on March 1, 1941, at 6 h. 30 min.") == "received"
    assert field_kind("Received in Moscow the delegation was taken to the hotel.") is None
    assert field_kind("Extraordinary") == "precedence"


def test_soviet_64_received_in_moscow_and_extraordinary() -> None:
    root = record("soviet_64_telegram_received_in_place_extraordinary")
    assert [text_of(seg) for seg in xp(root, "//t:opener/t:seg[@type='received']")] == [
        "Received in Moscow on March 1, 1941, at 6 h. 30 min."]
    assert xp(root, "//t:opener/t:seg[@type='received']/t:time/@when") == ["06:30:00"]
    assert xp(root, "//t:opener/t:seg[@type='precedence']/text()") == ["Extraordinary"]
    assert not any(text_of(p).startswith("Received") for p in xp(root, "//t:body//t:p"))
