"""regex_cache: the converter's patterns compiled once per Python build, then handed to the engine from disk.

A pattern from the cache must be the pattern compiling gives (the same code, flags and groups, so the same
matches), a second process must not compile again, and a damaged or switched-off cache must only cost time.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tei_encoder import regex_cache

PATTERNS = [
    (r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)\s+(?P<year>1[89]\d\d)", 0),
    (r"^\s*(?:MEMORANDUM|Memorandum) of (?:a )?conversation\b", re.MULTILINE),
    (r"(?<![\w.])(?:Mr|Mrs|Dr)\.\s+(\w+)(?:\s+(\w+))?", re.IGNORECASE),
    (r"""(?x) \b (?: TOP \s+ SECRET | SECRET | CONFIDENTIAL ) \b  # a classification""", 0),
    (r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", re.UNICODE),
    (r"(a)|b(?(1)c|d)", 0),
    (r"\d+", re.ASCII),
]
SAMPLES = ["27 December 1940", "  Memorandum of a conversation here", "see dr. Jones Smith and Mr. X",
           "it is TOP   SECRET indeed", "Иван Петров-Водкин", "bd ac", "٣٤ 34"]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TEI_ENCODER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _compile_all() -> list[re.Pattern[str]]:
    re.purge()  # re keeps compiled patterns in memory: each round must ask for them again
    with regex_cache.precompiled():
        return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = re._parser.parse  # type: ignore[attr-defined]

    def parse(pattern: str, *rest: object) -> object:
        parsed.append(pattern)
        return real(pattern, *rest)

    monkeypatch.setattr(re._parser, "parse", parse)  # type: ignore[attr-defined]
    return parsed


def test_patterns_from_the_cache_are_those_compiling_gives(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _compile_all()
    assert len(list((cache / "regex").glob("*.marshal"))) == 1
    parsed = _parses(monkeypatch)
    second = _compile_all()
    assert parsed == []  # none compiled again
    re.purge()
    plain = [re.compile(pattern, flags) for pattern, flags in PATTERNS]
    for made, expected in zip(second, plain):
        assert made is not expected and made == expected  # Pattern equality compares the engine's code
        assert (made.flags, made.groups, made.groupindex) == (expected.flags, expected.groups, expected.groupindex)
        for text in SAMPLES:
            assert [m.span() + m.groups() for m in made.finditer(text)] == [
                m.span() + m.groups() for m in expected.finditer(text)]
    assert first == second


def test_a_damaged_cache_is_compiled_afresh_and_written_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _compile_all()
    [stored] = (cache / "regex").glob("*.marshal")
    good = stored.read_bytes()
    stored.write_bytes(good[: len(good) // 2])
    parsed = _parses(monkeypatch)
    made = _compile_all()
    assert len(parsed) == len(PATTERNS) * 2  # compiled, and checked once more before being kept
    assert stored.read_bytes() == good
    re.purge()
    assert made == [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def test_a_cache_switched_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEI_ENCODER_CACHE", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert _compile_all() == [re.compile(pattern, flags) for pattern, flags in PATTERNS]
    assert not any(tmp_path.rglob("*.marshal"))


def test_the_converter_imported_a_second_time_compiles_no_module_level_pattern(cache: Path) -> None:
    probe = ("import re, sys\n"
             "import tei_encoder.files, tei_encoder.xmlsafe, tei_encoder.config, tei_encoder.regex_cache\n"
             "tei_encoder.regex_cache._cache_file()\n"  # what build/record.py imports before the cached block
             "real = re._parser.parse\ncount = []\n"
             "re._parser.parse = lambda *args: count.append(1) or real(*args)\n"
             "import tei_encoder.build.record\nprint(len(count))\n")
    # One hash seed for both: a pattern joined from a set's members (reader/inliner.py's particles) is other
    # text under another seed, which the cache can only take for a new pattern.
    environment = {**os.environ, "PYTHONHASHSEED": "1"}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                           env=environment).stdout for _ in range(2)]
    assert int(runs[0]) > 200 and int(runs[1]) == 0, runs
