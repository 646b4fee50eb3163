"""Word counts that stop early: most tests of a line's length ask whether it has a few words at most."""

from __future__ import annotations


def words_up_to(text: str, most: int) -> int:
    """How many words (runs of non-space) ``text`` has, counted only up to one past ``most``:
    ``min(len(text.split()), most + 1)``, without splitting the whole of a long paragraph."""
    return len(text.split(None, most))
