"""Letter classes for the readers' regular expressions.

Python's ``re`` has no ``\\p{Lu}``, and ``[A-Z]`` misses the names of translated records from
Central and Eastern Europe and Turkey: Široký, Łukasiewicz, Ştefan, İnönü, Á. Szakasits. ``UPPER``
and ``LOWER`` are the bodies of character classes (``rf"[{UPPER}]"``) holding ASCII and every
capital or small letter of the Latin blocks, built from Unicode's own case data so that no letter is
forgotten. Cyrillic is in too: a Wilson page may give the Russian transcript (``Сталин: …``, ``Записал
В. Павлов``), and its names are read as the Latin ones are. Greek stays out.
"""

from __future__ import annotations

# Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional (Vietnamese and others), Cyrillic
_LATIN_BLOCKS = ((0x00C0, 0x024F), (0x1E00, 0x1EFF), (0x0400, 0x04FF))


def _letters(upper: bool) -> str:
    found = (chr(point) for low, high in _LATIN_BLOCKS for point in range(low, high + 1))
    return "".join(letter for letter in found if (letter.isupper() if upper else letter.islower()))


UPPER = "A-Z" + _letters(upper=True)
LOWER = "a-z" + _letters(upper=False)
