"""Rules found by blind record k/05 of session 16 (round 4: a letter exported from Word with an enclosure),
proved on records of our own.

- The signer's typed name under ``[signature]`` (a name of three words: a Spanish double surname) and his
  office under it sign the letter: one closer, the signer the sender.
- ``Enclosure: 1 (note, 2 pages)`` over a heading in capitals that names a kind of document (``NOTE``,
  ``MEMORANDUM``) with text under it: the enclosed text, a nested attachment division, not the closing matter.
"""

from __future__ import annotations

from tei import record, text_of, xp

_RECORD = "word_86_signature_mark_over_three_word_name_enclosed_note"


def test_the_name_and_office_under_the_signature_mark_sign_the_letter() -> None:
    root = record(_RECORD)
    closers = xp(root, "//t:div[@type='cover']/t:closer")
    assert len(closers) == 1
    assert [text_of(signed) for signed in xp(closers[0], "t:signed")] == [
        "signature", "Manuel Tello Baurraud Secretary of Foreign Relations"]
    assert xp(root, "//t:person[@role='sender']/t:persName/text()") == ["Manuel Tello Baurraud"]
    assert xp(root, "//t:div[@type='distribution']") == []


def test_the_enclosure_line_over_a_document_heading_opens_the_attachment() -> None:
    root = record(_RECORD)
    attachment = xp(root, "//t:div[@type='document']/t:div[@type='attachment']")
    assert len(attachment) == 1
    assert [text_of(head) for head in xp(attachment[0], "t:head")][0] == "Enclosure: 1 (note, 2 pages)"
    assert "The Mexican side agrees" in text_of(attachment[0])


def test_a_revolutionary_motto_over_the_signature_is_the_valediction() -> None:
    root = record("word_87_revolutionary_motto_closes_letter_over_signature")
    closer = xp(root, "//t:closer")
    assert len(closer) == 1
    assert [text_of(salute) for salute in xp(closer[0], "t:salute")] == ["Patria o Muerte, Venceremos!"]
    assert [text_of(signed) for signed in xp(closer[0], "t:signed")] == [
        "signature", "Raúl Roa García Minister of Foreign Relations"]
    assert "Patria" not in " ".join(text_of(p) for p in xp(root, "//t:body//t:p"))


def test_the_address_lines_under_the_dateline_and_the_salute_with_a_colon_end_the_opening() -> None:
    root = record(_RECORD)
    opener = xp(root, "//t:div[@type='cover']/t:opener")
    assert len(opener) == 1
    assert [text_of(seg) for seg in xp(opener[0], "t:seg[@type='addressee']")] == [
        "His Excellency", "Mr. Vladimir Bazykin", "Ambassador of the Union of Soviet Socialist Republics", "Mexico City"]
    assert [text_of(salute) for salute in xp(opener[0], "t:salute")] == ["Dear Mr. Ambassador:"]
    assert xp(root, "//t:person[@role='addressee']/@xml:id") == ["bazykin"]
    assert not any(text_of(p).startswith(("His Excellency", "Dear")) for p in xp(root, "//t:body//t:p"))
