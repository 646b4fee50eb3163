"""A note signed at its end, as Soviet editions and their translations sign theirs (``[Thus in the text.
– Ed.]``, ``[So in the original. — Transl.]``): an inline note of the editor or translator at its place."""

from __future__ import annotations

from tei import SOVIET_SITE, tei, text_of, xp

import pytest


@pytest.mark.parametrize(("bracket", "kind"), [
    ("[Thus in the text. ‐ Ed.]", "editorial"), ("[So in the original. — Transl.]", "translator"),
    ("[The date is illegible in the copy - Comp.]", "editorial"), ("[Editor's note: see below.]", "editorial"),
])
def test_a_signed_bracket_is_a_note(bracket: str, kind: str) -> None:
    root = tei(SOVIET_SITE + f"Recording of the conversation\n\nBeck said that the pact {bracket} would stand.\n",
               "signed.txt")
    notes = xp(root, "//t:body//t:note")
    assert [note.get("type") for note in notes] == [kind]
    assert text_of(notes[0]) == bracket[1:-1].replace("‐", "-")  # the signature stays in the note's text


@pytest.mark.parametrize("bracket", ["[security]", "[...]", "[Ed.]", "[the Sino-Soviet treaty - 1950]"])
def test_other_brackets_are_no_notes(bracket: str) -> None:
    root = tei(SOVIET_SITE + f"Recording of the conversation\n\nBeck said that the pact {bracket} would stand.\n",
               "plain.txt")
    assert xp(root, "//t:body//t:note") == []
