"""What reading a big RELAX NG schema produces, kept on disk between runs, keyed by the schema's content.

Reading tei_all (1 MB) into the cut-down model of rng_subset and pulling its
embedded Schematron out takes about a second; a pre-commit hook runs one
process per commit, so that second would be paid every time. The result is
kept in the user's cache folder (platformdirs: ~/.cache/tei-encoder on
Linux), one file per schema content (SHA-256 of its bytes and of this
format's version), written atomically. $TEI_ENCODER_CACHE names another
folder; ``off`` turns the cache off. Nothing is ever fetched.

The file is read with ``marshal`` (tuples, bytes, strings, dicts), never
``pickle``: a file planted in the cache folder cannot run code. A file that
cannot be read or written is ignored: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

CACHE_ENV = "TEI_ENCODER_CACHE"
_FORMAT = b"tei-encoder schema cache 1"


def cache_folder() -> Path | None:
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("tei-encoder", appauthor=False))


def key_of(data: bytes) -> str:
    return hashlib.sha256(_FORMAT + b"\0" + data).hexdigest()


def _file(key: str) -> Path | None:
    folder = cache_folder()
    return None if folder is None else folder / "schemas" / f"{key}.marshal"


def load(key: str) -> Any:
    """The value stored under ``key``, or None (absent, unreadable, another format)."""
    path = _file(key)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            stored = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _FORMAT):
        return None
    return stored[1]


def store(key: str, value: Any) -> None:
    """Write ``value`` atomically (a temporary file renamed into place); failures are ignored."""
    path = _file(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(handle, "wb") as output:
                marshal.dump((_FORMAT, value), output)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        return
