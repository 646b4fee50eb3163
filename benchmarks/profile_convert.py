"""Where a converted record's time goes: CPU ms per record for each stage, then the regex patterns by time.

``python benchmarks/profile_convert.py CORPUS_DIR [--count 300] [--passes 5] [--regex] [--top 30]``

1. Stages, in one process, over the first ``--count`` ``.txt`` records of CORPUS_DIR (sorted): read the
   source, detect the family, read the body into the model, build the TEI tree, serialise it, the
   self-check ``convert`` runs before writing, the decision trace as JSON. Each pass converts every
   record; the table gives the least and the median pass (the least is the one a busy machine
   disturbed least: compare trees by it, and by several runs).
2. With ``--regex``: every call of a compiled pattern made while converting the records once is
   recorded (the patterns are wrapped as they are compiled, before the encoder is imported), then
   each pattern's calls are replayed alone, three times, and the patterns are listed by CPU time
   per record. cProfile cannot tell this: a ``finditer`` costs nothing when called and its scan is
   paid while iterating, and the profile shows neither which pattern nor from where. The sum is the
   time spent inside the regex engine, which a flat profile hides among thousands of small calls.
   The wrappers slow every pattern call: with ``--regex``, take the stage times from a run without it.
   A ``finditer`` its caller stops early (``islice``) is replayed to its end, and shows dearer than it is.
   Each row also gives the characters a record hands the pattern (the span between ``pos`` and
   ``endpos``) and the ns per character: a scan far above the engine's few ns per character (a
   look-behind tried at every position, a case-blind alternation) is one to read first; a ``match``
   anchored at the start reads only a few of the characters it is handed, so its ns per character
   says little.

A benchmark tool, not a test; standard library only, apart from the encoder itself.
"""

from __future__ import annotations

import argparse
import collections
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

_COMPILE = re.compile
_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")
Key = tuple[str, int, str]  # (pattern, flags, method)


class _Recorded:
    """A compiled pattern that records the arguments of each call, then makes it."""

    __slots__ = ("_pattern",)
    calls: dict[Key, list[tuple[tuple[Any, ...], dict[str, Any]]]] = collections.defaultdict(list)
    sites: dict[Key, str] = {}
    recording = False

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self._pattern = pattern

    def __getattr__(self, name: str) -> Any:  # .pattern, .flags, .groupindex …
        return getattr(self._pattern, name)


def _recording_method(method: str) -> Any:
    def call(self: _Recorded, *args: Any, **kwargs: Any) -> Any:
        if _Recorded.recording and not any(callable(value) for value in (*args, *kwargs.values())):
            key = (self._pattern.pattern, self._pattern.flags, method)
            _Recorded.calls[key].append((args, kwargs))
            if key not in _Recorded.sites:
                caller = sys._getframe(1).f_code
                _Recorded.sites[key] = f"{caller.co_filename.rsplit('tei_encoder/', 1)[-1]}:{caller.co_name}"
        return getattr(self._pattern, method)(*args, **kwargs)
    return call


for _method in _METHODS:
    setattr(_Recorded, _method, _recording_method(_method))


def _compile_recorded(pattern: Any, flags: int = 0) -> Any:
    return pattern if isinstance(pattern, _Recorded) else _Recorded(_COMPILE(pattern, flags))


def _stages(files: list[Path], passes: int) -> dict[str, list[float]]:
    from dataclasses import replace

    from tei_encoder import pipeline
    from tei_encoder.config import Config
    from tei_encoder.source import read_source
    from tei_encoder.trace import ordered, to_json
    from tei_encoder.writer import serialise, tei_tree

    config = Config()
    pipeline._validator()
    for path in files[:10]:  # the caches of a process that has converted a few records
        pipeline.encode(read_source(path))
    names = ("read", "family", "reader", "tree", "serialise", "self-check", "trace", "total")
    passes_ms: dict[str, list[float]] = {name: [] for name in names}
    clock = time.process_time
    for _ in range(passes):
        spent = dict.fromkeys(names, 0.0)
        for path in files:
            t0 = clock()
            source = read_source(path)
            t1 = clock()
            reader, choice = pipeline._family(source, None)
            t2 = clock()
            document = reader.read(source, config)
            document = replace(document, trace=ordered(document.trace + (choice,)),
                               edition=config.edition_statement(path.stem))
            t3 = clock()
            root = tei_tree(document)
            t4 = clock()
            tei = serialise(root)
            t5 = clock()
            pipeline._self_check(root, tei, path.stem + ".xml", False)
            t6 = clock()
            to_json(path.name, document.trace, document.spans)
            t7 = clock()
            for name, start, end in zip(names, (t0, t1, t2, t3, t4, t5, t6, t0), (t1, t2, t3, t4, t5, t6, t7, t7)):
                spent[name] += end - start
        for name in names:
            passes_ms[name].append(spent[name] / len(files) * 1000)
    return passes_ms


def _regex_table(files: list[Path], top: int) -> None:
    from tei_encoder import pipeline
    from tei_encoder.source import read_source

    _Recorded.recording = True
    for path in files:
        pipeline.encode(read_source(path))
    _Recorded.recording = False
    rows = []
    for (pattern, flags, method), calls in _Recorded.calls.items():
        bound = getattr(_COMPILE(pattern, flags), method)
        start = time.process_time()
        for _ in range(3):
            for args, kwargs in calls:
                result = bound(*args, **kwargs)
                if method == "finditer":
                    collections.deque(result, maxlen=0)  # the scan is paid while iterating
        seconds = (time.process_time() - start) / 3
        characters = sum(_span(method, args, kwargs) for args, kwargs in calls)
        rows.append((seconds, len(calls), characters, method, _Recorded.sites[(pattern, flags, method)], pattern))
    rows.sort(reverse=True)
    total = sum(row[0] for row in rows)
    print(f"\nregex engine: {total / len(files) * 1000:.3f} ms CPU per record over {len(rows)} patterns "
          f"({sum(row[1] for row in rows) / len(files):.0f} calls per record)")
    print(f"{'us/rec':>8} {'calls/rec':>9} {'chars/rec':>9} {'ns/char':>7}  {'method':9} {'called from':44} pattern")
    for seconds, count, characters, method, site, pattern in rows[:top]:
        per_char = seconds / characters * 1e9 if characters else float("nan")
        print(f"{seconds / len(files) * 1e6:8.1f} {count / len(files):9.1f} {characters / len(files):9.0f} "
              f"{per_char:7.1f}  {method:9} {site:44} {pattern[:60]!r}")


def _span(method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """The characters a call hands the pattern: its string between ``pos`` and ``endpos`` (``sub``,
    ``subn`` and ``split`` take the whole string, the second argument of the first two)."""
    if method in ("sub", "subn"):
        text = args[1] if len(args) > 1 else kwargs.get("string")
        return len(text) if isinstance(text, str) else 0
    text = args[0] if args else kwargs.get("string")
    if not isinstance(text, str):
        return 0
    if method == "split":
        return len(text)
    start = args[1] if len(args) > 1 else kwargs.get("pos", 0)
    end = args[2] if len(args) > 2 else kwargs.get("endpos", len(text))
    return max(0, min(end, len(text)) - max(0, start))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--regex", action="store_true", help="also list the patterns by time (replayed)")
    parser.add_argument("--top", type=int, default=30)
    options = parser.parse_args(argv)
    if options.regex:
        re.compile = _compile_recorded  # before the encoder's modules compile their patterns
    files = sorted(options.corpus.glob("*.txt"))[:options.count]
    if not files:
        parser.error(f"no .txt records in {options.corpus}")
    passes_ms = _stages(files, options.passes)
    print(f"{len(files)} records, {options.passes} passes: CPU ms per record (least pass / median pass)")
    for name, values in passes_ms.items():
        print(f"  {name:11} {min(values):7.3f} {statistics.median(values):7.3f}")
    if options.regex:
        _regex_table(files, options.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
