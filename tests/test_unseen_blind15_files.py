"""Unseen records of session 15 whose FILES are odd (blind15/h): a web page saved as mojibake (UTF-8
once read as Windows-1252, hiding no-break spaces, soft hyphens and C1 controls in its pairs), the text
of a PDF with its Latin ligatures (``Aﬀairs``) and ``Page N of M`` footers at form feeds, and text
hard-wrapped at a compound's hyphen before a capital (``Soviet-`` / ``Romanian``).
"""

from __future__ import annotations

from tei import record, tei, text_of, xp

from tei_encoder.mojibake import repair_mojibake
from tei_encoder.reader.units import join_lines
from tei_encoder.source import source_from_bytes


def mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252, its five undefined bytes as the C1 controls of their numbers."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def statements(root) -> list[str]:
    return [text_of(p) for p in xp(root, "//t:editorialDecl/t:normalization/t:p")]


def persons(root) -> list[str]:
    return xp(root, "//t:person/@xml:id")


# -- mojibake

def test_mojibake_lines_are_read_again_as_utf8_before_the_spaces_are_normalised() -> None:
    text = "Comrade Novotný and Široký met Phạm Văn Đồng; “Hồ Chí Minh” spoke."
    source = source_from_bytes(mojibake(text).encode("utf-8"), "a.txt")
    assert source.lines[0].text == text  # Š hid a no-break space, í a soft hyphen, Đ a C1 control
    assert [s.key for s in source.statements][:2] == ["01-decoding", "01-mojibake"]
    assert [w.rule for w in source.warnings] == ["mojibake-repaired"]


def test_a_genuine_line_that_happens_to_round_trip_alone_is_kept() -> None:
    assert repair_mojibake("Er sagte „Weiß“ und ging.\nSo „heiß“.").characters == 0  # „ is no UTF-8 byte
    assert repair_mojibake("Das Wort Weiß“ allein.").characters == 0  # one pair is no evidence


def test_a_line_misread_in_part_is_repaired_where_it_was_misread() -> None:
    """A line whose ``ő`` no Windows-1252 byte reads as was pasted in after the misreading: its misread words
    are repaired, the rest stays; the count is of the repaired characters only."""
    text = mojibake("Novotný said") + " ő\n" + mojibake("Široký agreed")
    repair = repair_mojibake(text)
    assert repair.text.split("\n") == ["Novotný said ő", "Široký agreed"]
    assert repair.lines == (1, 2) and repair.characters == 3  # ý, Š, ý


def test_genuine_accented_text_is_left_alone() -> None:
    text = "Dvořák and Müller met in Zürich – “fine”, said Ó Faoláin; Ça va."
    assert repair_mojibake(text) == repair_mojibake(text).__class__(text)


def test_wilson_102_names_are_repaired_and_the_repair_declared() -> None:
    root = record("wilson_102_mojibake_copy_hidden_nbsp_soft_hyphen_c1")
    assert xp(root, "//t:titleStmt/t:title/text()")[0] == ("Memorandum of Conversation between János Kádár "
                                                           "and Koča Popović")
    assert {"kadar", "popovic", "szakasits"} <= set(persons(root))
    body = text_of(xp(root, "//t:body")[0])
    assert "Árpád Szakasits" in body and "Ferenc Bíró" in body and "Šid" in body and "Győr" in body
    assert "Đuro Pucar" in body and "Ã" not in body and "Â" not in body
    assert any("were mojibake, UTF-8 once read as Windows-1252" in s for s in statements(root))


# -- the text of a PDF: ligatures, page footers

def test_pdf_ligatures_become_their_letters_and_are_counted() -> None:
    source = source_from_bytes("Foreign Aﬀairs, the ﬁrst oﬃcial ﬂight of Griﬃth.\n".encode(), "a.txt")
    assert source.lines[0].text == "Foreign Affairs, the first official flight of Griffith."
    assert [(s.key, s.count) for s in source.statements if s.key == "03-ligatures"] == [("03-ligatures", 5)]


def test_wilson_103_ligatures_footers_and_form_feed() -> None:
    root = record("wilson_103_pdf_ligatures_page_of_footers_form_feed")
    assert persons(root).count("kauffmann") == 1
    body = text_of(xp(root, "//t:body")[0])
    assert "Page 1 of 2" not in body and "Page 2 of 2" not in body and "\ufb00" not in body
    # one page break, inside the paragraph the page cut: not one for the form feed and one for the head
    assert len(xp(root, "//t:body//t:pb")) == 1 and len(xp(root, "//t:body//t:p/t:pb")) == 1
    assert [text_of(s) for s in xp(root, "//t:closer/t:signed")] == ["A. Gromyko"]
    assert any("the last page’s number at its foot was removed too" in s for s in statements(root))


# -- hard wraps

def test_a_compound_hyphen_wrapped_before_a_capital_joins_without_a_space() -> None:
    assert join_lines(["the Soviet-", "Romanian pact"]) == "the Soviet-Romanian pact"
    assert join_lines(["the pact -", "Romania"]) == "the pact - Romania"  # a dash keeps its spaces
    assert join_lines(["the pact--", "Romania"]) == "the pact-- Romania"


def test_soviet_77_compounds_over_wraps() -> None:
    root = record("soviet_77_wrapped_compound_hyphens_before_capitals")
    body = text_of(xp(root, "//t:body")[0])
    assert "Anglo-French talks" in body and "Soviet-German trade" in body and "anti-Soviet campaign" in body
    assert "- " not in body.replace("l. 45-47", "")


def test_the_wrapped_hyphen_before_a_capital_in_a_whole_record() -> None:
    root = tei("Memorandum\n\nThe Soviet-\nRomanian pact was discussed.\n")
    assert "The Soviet-Romanian pact was discussed." in [text_of(p) for p in xp(root, "//t:body//t:p")]


def test_a_no_break_space_that_became_a_space_is_still_read_again() -> None:
    """``Ã `` is à whose 0xA0 byte a later step made a plain space: ftfy restores it; the line is asked of
    it though its pair holds no continuation byte's reading."""
    repair = repair_mojibake("Voil\u00c3 la d\u00c3\u00a9marche.")
    assert repair.text == "Voilà la démarche." and repair.characters == 2
