"""The methods ``dataclasses`` writes for the converter's classes, compiled once and kept beside the bytecode.

Importing the converter makes about 140 dataclasses, and for each ``dataclasses`` writes the source of its
``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__`` … (about 450 functions) and compiles
it with ``exec``: about 0.035 of the 0.085 CPU seconds the converter's import takes in every process that
converts (a build's worker, or an edit's one record). The compiled code depends only on that source text and
the Python version, so ``generated_code()`` keeps it as Python keeps a module's compiled code: in the
package's ``__pycache__`` folder (or under ``sys.pycache_prefix``), one marshal file per bytecode version,
written only where Python itself writes bytecode (not with ``PYTHONDONTWRITEBYTECODE``, nor where the
folder cannot be written). While the converter's modules are imported, ``dataclasses``' ``exec`` is handed
the stored code object for a source text it has seen; the code is what ``exec`` compiles from the text (the
same file name, ``<string>``, and no compiler flags: ``dataclasses`` uses no ``__future__`` import).

This file holds code that runs, so it is never read from the shared cache folder (TEI_ENCODER_CACHE, which
may be shared and is trusted only for data): whoever can write beside the package's bytecode can already
change the code that runs. ``TEI_ENCODER_CACHE=off`` turns it off too. A source not in the file, another
Python's file or an unreadable one is compiled as before: the cache only ever saves time.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
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
        if used.keys() - stored.keys() and not sys.dont_write_bytecode:
            write_marshal(path, (_FORMAT, importlib.util.MAGIC_NUMBER, sorted(used.items())))  # this import's only


def _cache_file() -> Path | None:
    """Beside this module's own bytecode (``sys.pycache_prefix`` respected); None when caching is off."""
    from tei_encoder.validate.schema_cache import CACHE_ENV

    if os.environ.get(CACHE_ENV, "").strip().lower() == "off":
        return None
    try:
        bytecode = Path(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):  # no bytecode for this interpreter
        return None
    return bytecode.with_name(f"dataclass-methods.{sys.implementation.cache_tag}.marshal")


def _load(path: Path) -> dict[str, CodeType]:
    try:
        with path.open("rb") as handle:
            stored = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == _FORMAT
            and stored[1] == importlib.util.MAGIC_NUMBER and isinstance(stored[2], list)):
        return {}
    return {item[0]: item[1] for item in stored[2]
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], CodeType)}
