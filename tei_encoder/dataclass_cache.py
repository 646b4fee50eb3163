"""The methods ``dataclasses`` writes for the converter's classes, compiled once per Python build and kept on disk.

Importing the converter makes about 140 dataclasses, and for each ``dataclasses`` writes the source of its
``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__`` … (about 450 functions) and compiles
it with ``exec``: about 0.035 of the 0.085 CPU seconds the converter's import takes in every process that
converts (a build's worker, or an edit's one record). The compiled code depends only on that source text and
the Python build, so ``generated_code()`` keeps it in the cache folder (regex_cache.py's: $TEI_ENCODER_CACHE,
else ~/.cache/tei-encoder; ``off`` turns it off), one marshal file per Python build as a ``.pyc`` file holds
a module's code, and while the converter's modules are imported hands ``dataclasses``' ``exec`` the stored
code object for a source text it has seen. The code is what ``exec`` compiles from the text: the same file
name (``<string>``) and no compiler flags (``dataclasses`` uses no ``__future__`` import). A source not in
the cache, another Python's file or an unreadable one is compiled as before. The cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any

from tei_encoder.regex_cache import write_marshal

_FORMAT = "tei-encoder dataclass code 1"


@contextmanager
def generated_code() -> Iterator[None]:
    """While the block runs (imports of modules defining dataclasses), the functions ``dataclasses`` generates
    are compiled from the cache where it holds their source; those compiled in the block are kept for the
    next process."""
    module = sys.modules.get("dataclasses")
    path = _cache_file()
    if module is None or path is None or sys.implementation.name != "cpython" or "exec" in vars(module):
        yield
        return
    stored = _load(path)
    used: dict[str, CodeType] = {}

    def cached_exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if not isinstance(source, str):
            return exec(source, globals, locals)
        code = stored.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)  # as exec(source) there compiles it
        used[source] = code
        return exec(code, globals, locals)

    module.exec = cached_exec  # type: ignore[attr-defined]  # found before the builtin by dataclasses' functions
    try:
        yield
    finally:
        del module.exec  # type: ignore[attr-defined]
        if used.keys() - stored.keys():
            write_marshal(path, (_FORMAT, sorted(used.items())))  # only this import's: the file never grows


def _cache_file() -> Path | None:
    from tei_encoder.validate.schema_cache import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    build = f"{sys.version}\0{importlib.util.MAGIC_NUMBER.hex()}\0{sys.implementation.cache_tag}"
    return folder / "dataclasses" / f"{hashlib.sha256(build.encode('utf-8')).hexdigest()}.marshal"


def _load(path: Path) -> dict[str, CodeType]:
    try:
        with path.open("rb") as handle:
            stored = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _FORMAT and isinstance(stored[1], list)):
        return {}
    return {item[0]: item[1] for item in stored[1]
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], CodeType)}
