"""Faster engines for the converter's costliest scans? Measured on the calls a corpus makes.

``python benchmarks/bench_regex_engines.py CORPUS_DIR [--count 300] [--top 8]``

Converts the records once with every compiled pattern recorded (profile_convert's wrappers), then takes
the ``--top`` costliest patterns called as scans (``finditer``, ``search``, ``findall`` over a whole
string) and replays their calls with:

- ``re``: the call as the converter makes it;
- a prefilter on the literal prefixes: the strings every match must begin with, derived by code from
  the pattern's parse tree (``literal_prefixes``: look-arounds and anchors read nothing, literals are
  appended, an alternation is the union of its branches, anything else ends the prefix). An
  Aho-Corasick automaton finds where any of them starts (all occurrences, overlapping), and the pattern
  is tried, anchored, only there, in order, from the end of the last match: the same matches as the scan
  (the table checks it on every call), with the automaton from ``ahocorasick-rs`` (its DFA) or
  ``pyahocorasick``;
- ``hyperscan`` over the same literals (the automaton's pass alone: it reports byte offsets of UTF-8,
  which a Python string's indexes are only for ASCII text);
- ``google-re2``, which refuses most of these patterns: it has no look-behind (and its ``\\b`` knows
  ASCII word characters only, Python's every letter).

Each engine that is not installed is left out. A benchmark tool, not a test.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import profile_convert  # noqa: E402  (its wrappers record the calls)

_LIMIT = 4096  # prefixes kept at most: more, and the prefix stops growing (a shorter one is still required)
_SCANS = ("finditer", "search", "findall")


def literal_prefixes(pattern: re.Pattern[str]) -> list[str] | None:
    """Strings one of which every match of ``pattern`` begins with (none of them a prefix of another);
    None when a match may begin with something other than a fixed string (a class, a case-blind letter)."""
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern.pattern, pattern.flags)
    prefixes, _ = _sequence(parsed.data, parsed.state.flags)
    if "" in prefixes:
        return None
    kept: list[str] = []
    for prefix in sorted(prefixes, key=len):
        if not any(prefix.startswith(shorter) for shorter in kept):
            kept.append(prefix)
    return sorted(kept)


def _sequence(items: Any, flags: int) -> tuple[set[str], bool]:
    """(the prefixes of a sequence of parsed items, whether each is the whole of what the sequence reads)."""
    from re import _constants as sre  # type: ignore[attr-defined]

    prefixes = {""}
    for op, argument in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # reads no character
        if op is sre.LITERAL and not flags & re.IGNORECASE:
            prefixes = {prefix + chr(argument) for prefix in prefixes}
            continue
        if op is sre.SUBPATTERN:
            _group, add, remove, inner = argument
            ends, whole = _sequence(inner.data, (flags | add) & ~remove)
        elif op is sre.BRANCH:
            ends, whole = set(), True
            for branch in argument[1]:
                branch_ends, branch_whole = _sequence(branch.data, flags)
                ends |= branch_ends
                whole = whole and branch_whole
        elif op is sre.IN and not flags & re.IGNORECASE and all(kind is sre.LITERAL for kind, _ in argument):
            ends, whole = {chr(code) for _, code in argument}, True
        else:
            return prefixes, False
        longer = {prefix + end for prefix in prefixes for end in ends}
        if len(longer) > _LIMIT:
            return prefixes, False
        prefixes = longer
        if not whole:
            return prefixes, False
    return prefixes, True


def prefiltered(pattern: re.Pattern[str], starts: Callable[[str], list[int]]) -> Callable[[str], Iterator[re.Match[str]]]:
    """``pattern.finditer`` that tries the pattern only at ``starts(text)`` (sorted positions)."""
    def finditer(text: str) -> Iterator[re.Match[str]]:
        end = 0
        match = pattern.match
        for start in starts(text):
            if start >= end:
                found = match(text, start)
                if found is not None:
                    yield found
                    end = found.end()
    return finditer


def _ahocorasick_rs(prefixes: list[str]) -> Callable[[str], list[int]] | None:
    try:
        import ahocorasick_rs
    except ImportError:
        return None
    automaton = ahocorasick_rs.AhoCorasick(prefixes, implementation=ahocorasick_rs.Implementation.DFA)
    find = automaton.find_matches_as_indexes
    return lambda text: sorted([start for _, start, _ in find(text, overlapping=True)])


def _pyahocorasick(prefixes: list[str]) -> Callable[[str], list[int]] | None:
    try:
        import ahocorasick
    except ImportError:
        return None
    automaton = ahocorasick.Automaton()
    for prefix in prefixes:
        automaton.add_word(prefix, len(prefix))
    automaton.make_automaton()
    return lambda text: sorted([end - length + 1 for end, length in automaton.iter(text)])


def _hyperscan_pass(prefixes: list[str]) -> Callable[[str], Any] | None:
    try:
        import hyperscan
    except ImportError:
        return None
    database = hyperscan.Database()
    # each byte escaped: hyperscan reads PCRE syntax, and the prefixes hold "(", "*", "." as plain characters
    expressions = ["".join(f"\\x{byte:02x}" for byte in prefix.encode()).encode() for prefix in prefixes]
    database.compile(expressions=expressions, ids=list(range(len(prefixes))),
                     elements=len(prefixes), flags=[0] * len(prefixes))

    def ends(text: str) -> list[int]:
        found: list[int] = []
        database.scan(text.encode(), match_event_handler=lambda _id, _from, to, _flags, _context: found.append(to))
        return found
    return ends


def _re2_refusal(pattern: re.Pattern[str]) -> str:
    try:
        import re2
    except ImportError:
        return "not installed"
    try:
        options = re2.Options()
        options.log_errors = False
        re2.compile(pattern.pattern, options)
    except Exception as error:  # noqa: BLE001  (re2 raises its own error types)
        message = error.args[0] if error.args else error
        message = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
        return f"refused: {message.split(':')[-1].strip()[:18]}"
    # compiled, but not the same pattern where it has \w, \W, \d or \b: RE2's are ASCII only
    return "compiles (ASCII \\w, \\b)" if re.search(r"\\[wWdDbB]", pattern.pattern) else "compiles"


def _cpu_us(function: Callable[[str], Any], texts: list[str], method: str, records: int, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        for text in texts:
            result = function(text)
            if method != "search":
                for _found in result:
                    pass
        times.append(time.process_time() - start)
    return statistics.median(times) / records * 1e6


def _as_search(finditer: Callable[[str], Iterator[re.Match[str]]]) -> Callable[[str], Any]:
    return lambda text: next(finditer(text), None)


def _same(first: Any, second: Any) -> bool:
    def spans(result: Any) -> Any:
        if result is None or isinstance(result, re.Match):
            return result and (result.span(), result.groups())
        return [spans(item) for item in result]
    return bool(spans(first) == spans(second))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--top", type=int, default=8)
    options = parser.parse_args(argv)
    re.compile = profile_convert._compile_recorded  # type: ignore[assignment]
    from tei_encoder import pipeline
    from tei_encoder.source import read_source

    files = sorted(options.corpus.glob("*.txt"))[:options.count]
    recorded = profile_convert._Recorded
    recorded.recording = True
    for path in files:
        pipeline.encode(read_source(path))
    recorded.recording = False
    re.compile = profile_convert._COMPILE  # type: ignore[assignment]

    scans = []
    for (source, flags, method), calls in recorded.calls.items():
        if method in _SCANS and isinstance(source, str) and all(len(args) == 1 and not kwargs for args, kwargs in calls):
            pattern = re.compile(source, flags)
            texts = [args[0] for args, _ in calls]
            scans.append((_cpu_us(getattr(pattern, method), texts, method, len(files), 3), pattern, method, texts,
                          recorded.sites[(source, flags, method)]))
    scans.sort(key=lambda row: -row[0])
    print(f"{len(files)} records; CPU us per record, median of 5; 'same' = every call gave the same matches")
    print(f"{'re':>7} {'ac-rs':>7} {'pyac':>7} {'hs pass':>7} {'same':5} {'prefixes':>8}  {'re2':28} {'called from':40}")
    for _, pattern, method, texts, site in scans[:options.top]:
        prefixes = literal_prefixes(pattern)
        base = _cpu_us(getattr(pattern, method), texts, method, len(files))
        cells, same = [], True
        for make in (_ahocorasick_rs, _pyahocorasick):
            starts = make(prefixes) if prefixes and method != "findall" else None
            if starts is None:
                cells.append("-")
                continue
            scan = prefiltered(pattern, starts)
            candidate = _as_search(scan) if method == "search" else scan
            same = same and all(_same(getattr(pattern, method)(text), candidate(text) if method == "search"
                                      else list(candidate(text))) for text in texts)
            cells.append(f"{_cpu_us(candidate, texts, method, len(files)):.1f}")
        hyperscan_pass = _hyperscan_pass(prefixes) if prefixes else None
        cells.append(f"{_cpu_us(hyperscan_pass, texts, 'findall', len(files)):.1f}" if hyperscan_pass else "-")
        print(f"{base:7.1f} {cells[0]:>7} {cells[1]:>7} {cells[2]:>7} {str(same):5} "
              f"{len(prefixes) if prefixes else '-':>8}  {_re2_refusal(pattern):28} {site[:40]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
