"""The converter's regular expressions, compiled once per Python build and kept on disk.

Importing the converter compiles about 300 patterns at module level: a third of its import time (0.25 to
0.35 CPU seconds in every process that converts, a build's worker or an edit's one record), because
CPython parses and compiles regular expressions in Python before handing the compiled form to its C
engine (``_sre.compile``). That form depends only on the pattern, its flags and the Python build, so
``precompiled()`` keeps it in the cache folder (validate/schema_cache.py's: $TEI_ENCODER_CACHE, else
~/.cache/tei-encoder; ``off`` turns it off), one file per Python build (its version string and the
engine's magic number), and hands it straight to the engine while the converter's modules are imported.

The patterns are the same objects compiling gives: the engine checks the code it is handed, each entry is
stored only after a pattern made from it was found equal to the one compiled (flags, groups, group names,
and its code: the form ``_sre`` keeps is what ``_compiler`` produced), and anything unexpected (another
Python's internals, an unreadable file) falls back to compiling. The file is read with ``marshal`` (lists,
dicts, strings, integers), never ``pickle``. The cache only ever saves time.
"""

from __future__ import annotations

import array
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# 2: each pattern's code as the bytes of an array of 32-bit words (marshal reads a list of 300 patterns' ints
# in about 0.035 CPU s, the bytes and array.tolist in 0.003 s); the byte order is the machine's.
_FORMAT = f"tei-encoder regex cache 2 {sys.byteorder}"
_WORD = "I"  # the engine's code words are 32-bit unsigned (SRE_CODE)
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # _sre.compile's arguments after the pattern


@contextmanager
def precompiled() -> Iterator[None]:
    """While the block runs (imports of modules compiling patterns at their top level), patterns compiled
    before come from the cache; the patterns compiled in it are kept for the next process."""
    compiler = getattr(re, "_compiler", None)
    engine = sys.modules.get("_sre")
    path = _cache_file()
    if compiler is None or engine is None or path is None or sys.implementation.name != "cpython":
        yield
        return
    stored = _load(path)
    used: dict[tuple[str | bytes, int], Entry] = {}
    real = compiler.compile

    def compile_pattern(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return real(pattern, flags)
        entry = stored.get((pattern, flags))
        if entry is not None:
            try:
                made = engine.compile(pattern, *entry)
                used[pattern, flags] = entry
                return made
            except Exception:  # noqa: BLE001  (another layout of the engine's arguments: compile as usual)
                pass
        made = real(pattern, flags)
        entry = _entry(compiler, pattern, flags, made)
        if entry is not None:
            used[pattern, flags] = entry
        return made

    compiler.compile = compile_pattern
    try:
        yield
    finally:
        compiler.compile = real
        if used.keys() - stored.keys():
            _store(path, used)


def _entry(compiler: Any, pattern: str | bytes, flags: int, compiled: re.Pattern[Any]) -> Entry | None:
    """The engine's arguments for ``pattern`` (as ``_compiler.compile`` makes them), when a pattern made from
    them equals ``compiled``; None otherwise."""
    try:
        parsed = compiler._parser.parse(pattern, flags)
        code = [int(word) for word in compiler._code(parsed, flags)]  # plain ints: marshal takes no opcode names
        groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry: Entry = (int(flags | parsed.state.flags), code, int(parsed.state.groups - 1), groupindex,
                        tuple(indexgroup))
        made = sys.modules["_sre"].compile(pattern, *entry)
    except Exception:  # noqa: BLE001  (internals other than CPython 3.11's: no entry, compiling works)
        return None
    same = (made.flags, made.groups, dict(made.groupindex)) == (compiled.flags, compiled.groups,
                                                                 dict(compiled.groupindex))
    return entry if same and made == compiled else None


def _cache_file() -> Path | None:
    from tei_encoder.validate.schema_cache import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    build = f"{sys.version}\0{getattr(sys.modules.get('_sre'), 'MAGIC', '')}\0{sys.implementation.cache_tag}"
    return folder / "regex" / f"{hashlib.sha256(build.encode('utf-8')).hexdigest()}.marshal"


def _load(path: Path) -> dict[tuple[str | bytes, int], Entry]:
    if array.array(_WORD).itemsize != 4:  # the words would not be read back as they were written: no cache
        return {}
    try:
        with path.open("rb") as handle:
            stored = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _FORMAT and isinstance(stored[1], list)):
        return {}
    entries: dict[tuple[str | bytes, int], Entry] = {}
    for item in stored[1]:
        if (isinstance(item, tuple) and len(item) == 7 and isinstance(item[0], (str, bytes))
                and isinstance(item[1], int) and isinstance(item[3], bytes) and len(item[3]) % 4 == 0):
            pattern, flags, engine_flags, code, groups, groupindex, indexgroup = item
            entries[pattern, flags] = (engine_flags, array.array(_WORD, code).tolist(), groups, groupindex, indexgroup)
    return entries


def _store(path: Path, entries: dict[tuple[str | bytes, int], Entry]) -> None:
    """Write the entries of this import (only those: the file never grows beyond one import's patterns; in
    a stable order: the same patterns give the same file), atomically."""
    if array.array(_WORD).itemsize != 4:
        return
    try:
        rows = [(pattern, flags, entry[0], array.array(_WORD, entry[1]).tobytes(), *entry[2:]) for (pattern, flags), entry
                in sorted(entries.items(), key=lambda item: (isinstance(item[0][0], bytes), repr(item[0])))]
    except OverflowError:  # a code word beyond 32 bits: another engine than the one this format is made for
        return
    write_marshal(path, (_FORMAT, rows))


def write_marshal(path: Path, value: Any) -> None:
    """Write ``value`` with marshal to ``path`` atomically (another process reads the old file or the new one);
    a file that cannot be written is left out: a cache only ever saves time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(handle, "wb") as output:
                marshal.dump(value, output)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        return
