"""py3langid's model, unpacked once into the cache folder so that every later process loads it fast.

py3langid ships its model as an LZMA-compressed npz (4.5 MB); unpacking it costs about a second of
CPU in every process that detects a language (each ``convert`` run, each worker). Here the model is
unpacked once into the cache folder of ``validate/schema_cache`` ($TEI_ENCODER_CACHE, else
~/.cache/tei-encoder; ``off`` turns it off), one folder per model content (SHA-256 of the shipped
file and of this format's version), as plain ``.npy`` arrays written atomically (a temporary folder
renamed into place). Later processes map the large arrays from disk (workers share the pages)
instead of decompressing 68 MB. The arrays are the model's own, unchanged, so every
classification is the same as py3langid's. The files are read with ``allow_pickle=False``; a
folder that cannot be read or written is ignored: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Literal

from tei_encoder.validate.schema_cache import cache_folder

_FORMAT = b"tei-encoder langid model 1"
# The model's parts, in the order LanguageIdentifier takes them; the two big ones are memory-mapped.
_PARTS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_MAPPED = frozenset({"ptc", "nextmove"})


def load_identifier() -> Any:
    """A py3langid ``LanguageIdentifier`` for the shipped model: from the cache when it holds it."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    shipped = Path(MODEL_DIR) / MODEL_FILE
    parts = _cached(shipped)
    if parts is None:
        return LanguageIdentifier.from_model_file(shipped)
    nextmove = _unsigned(parts["nextmove"])
    row = _unsigned(parts["nextmove_row"])
    return LanguageIdentifier(np.asarray(parts["ptc"]), np.asarray(parts["pc"]), parts["classes"].tolist(),
                              nextmove, parts["out_feat"].tolist(), tk_row=row)


def _cached(shipped: Path) -> dict[str, Any] | None:
    """The model's arrays from the cache, unpacking them there first if needed; None without a cache."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        data = shipped.read_bytes()
    except OSError:
        return None
    target = folder / "langid" / hashlib.sha256(_FORMAT + b"\0" + data).hexdigest()
    parts = _read(target)
    if parts is None:
        shutil.rmtree(target, ignore_errors=True)  # a damaged folder (a full disk, a stray edit) goes
        _write(target, data)
        parts = _read(target)
    return parts


def _read(target: Path) -> dict[str, Any] | None:
    import numpy as np

    try:
        return {name: np.load(target / f"{name}.npy", mmap_mode="r" if name in _MAPPED else None,
                              allow_pickle=False) for name in _PARTS}
    except (OSError, ValueError, EOFError):
        return None


def _write(target: Path, data: bytes) -> None:
    """Unpack the shipped model into ``target`` (atomically: a whole folder or nothing)."""
    import io
    import lzma

    import numpy as np

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".tmp-"))
    except OSError:
        return
    try:
        with np.load(io.BytesIO(lzma.decompress(data)), allow_pickle=False) as model:
            for name in _PARTS:
                np.save(staging / f"{name}.npy", model[name], allow_pickle=False)
        os.replace(staging, target)
    except (OSError, ValueError, KeyError, lzma.LZMAError):
        pass  # another process got there first (the folder exists), or the disk is full
    finally:
        shutil.rmtree(staging, ignore_errors=True)


_TYPECODES: dict[int, Literal["H", "I", "L"]] = {2: "H", 4: "I", 8: "L"}


def _unsigned(values: Any) -> memoryview:
    """An unsigned numpy array as a typed memoryview: indexing it one item at a time (the DFA walk) is
    several times faster than indexing numpy, and as fast as a stdlib array; a view of the memory-mapped
    file, not a copy of its 39 MB (copying it cost 0.05–0.15 s of every converting process)."""
    return memoryview(values).cast("B").cast(_TYPECODES[values.dtype.itemsize])
