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

The feature count, py3langid's walk of its automaton (DFA) over the text's bytes one byte at a
time in Python, cost about 5 ms a record. The automaton forgets: after a few bytes, the state it is
in depends only on those last bytes, whatever came before (it is an Aho-Corasick matcher of n-grams
of at most six bytes). Unpacking also measures that window (``synchronising_window``, checked on the
automaton itself, over every pair of states that can still differ) and stores it; the state at each
byte is then the state reached from the start by reading the window's bytes that end there, which
numpy computes for every byte at once in one step per byte of the window. The states, hence the
features and their counts, and the order in which the features are first met (which fixes the order
of the score's floating-point sum), are exactly those of the byte-by-byte walk (tests/test_langid_model.py
compares them); a model whose automaton never forgets keeps py3langid's walk.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Literal

from tei_encoder.validate.schema_cache import cache_folder

_FORMAT = b"tei-encoder langid model 2"  # 2: with the synchronising window
# The model's parts, in the order LanguageIdentifier takes them; the two big ones are memory-mapped.
_PARTS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_MAPPED = frozenset({"ptc", "nextmove"})
_WINDOW = "window"  # the synchronising window, in bytes (0: none within MAX_WINDOW)
# Beyond this many bytes a window would make the vectorised walk slower than py3langid's own.
MAX_WINDOW = 12


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
    arguments = (np.asarray(parts["ptc"]), np.asarray(parts["pc"]), parts["classes"].tolist(), nextmove,
                 parts["out_feat"].tolist())
    window = int(parts[_WINDOW])
    if not window:
        return LanguageIdentifier(*arguments, tk_row=row)
    identifier = _windowed_class()(*arguments, tk_row=row)
    identifier.set_window(window, parts["nextmove"], parts["nextmove_row"], parts["out_feat"])
    return identifier


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
                              allow_pickle=False) for name in (*_PARTS, _WINDOW)}
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
            window = synchronising_window(model["nextmove"], model["nextmove_row"])
            np.save(staging / f"{_WINDOW}.npy", np.array(window), allow_pickle=False)
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


def synchronising_window(nextmove: Any, rows: Any, limit: int = MAX_WINDOW) -> int:
    """The fewest bytes ``w`` after which the automaton's state depends only on the last ``w`` bytes read
    (from the start state), or 0 if more than ``limit`` are needed.

    Reading a byte ``b`` and then a string ``v``, or ``v`` alone, from the start state: a pair of states
    that still differ after ``v`` can differ after more bytes; once no pair differs after every ``v`` of
    ``w`` bytes, dropping the first byte of any text longer than ``w`` never changes the state reached,
    so the state after a whole text is the state after its last ``w`` bytes. The pairs are followed
    level by level, each level's distinct pairs only (about 35,000 at most for py3langid's model).
    """
    import numpy as np

    table = np.asarray(nextmove)
    row_starts = np.asarray(rows, dtype=np.int64) << 8
    every_byte = np.arange(256, dtype=np.int64)
    first = table[row_starts[0] + every_byte].astype(np.int64)
    pairs = np.stack([first, np.zeros_like(first)], axis=1)
    for window in range(limit + 1):
        pairs = np.unique(pairs[pairs[:, 0] != pairs[:, 1]], axis=0)
        if not len(pairs):
            return window
        # a few thousand pairs at a time: all 256 successors of every pair at once would take 300 MB
        pairs = np.concatenate([_successors(table, row_starts, every_byte, pairs[start:start + _CHUNK])
                                for start in range(0, len(pairs), _CHUNK)])
    return 0


_CHUNK = 2048


def _successors(table: Any, row_starts: Any, every_byte: Any, pairs: Any) -> Any:
    """The distinct pairs of differing states that ``pairs`` reach on one more byte."""
    import numpy as np

    after = [table[row_starts[pairs[:, side]][:, None] + every_byte].ravel() for side in (0, 1)]
    differing = after[0] != after[1]
    return np.unique(np.stack([after[0][differing], after[1][differing]], axis=1).astype(np.int64), axis=0)


def _windowed_class() -> Any:
    """py3langid's ``LanguageIdentifier`` with the vectorised feature count (made on first use: py3langid
    and numpy are imported only when a language is detected)."""
    global _WINDOWED
    if _WINDOWED is None:
        _WINDOWED = _make_windowed_class()
    return _WINDOWED


_WINDOWED: Any = None


def _make_windowed_class() -> Any:
    from collections import Counter

    import numpy as np
    from py3langid.langid import LanguageIdentifier

    class WindowedIdentifier(LanguageIdentifier):  # type: ignore[misc]  # py3langid has no types
        __slots__ = ("_window", "_table", "_row_starts", "_outputs")

        def set_window(self, window: int, nextmove: Any, rows: Any, outputs: Any) -> None:
            self._window = window
            self._table = np.asarray(nextmove)
            self._row_starts = np.asarray(rows, dtype=np.int64) << 8  # py3langid's _rowbase, as an array
            self._outputs = np.asarray(outputs, dtype=np.int64)

        def _raw_score(self, text: bytes) -> Any:
            visits = self._visits(text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(text)  # no feature at all: py3langid's own floor

        def _visits(self, text: bytes) -> Counter[int] | None:
            """py3langid's ``visit_counts``: each feature's count, keyed in the order first met."""
            read = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
            states = np.zeros(len(read), dtype=np.int64)
            for back in range(min(self._window, len(read)) - 1, -1, -1):  # the window's oldest byte first
                states[back:] = self._table[self._row_starts[states[back:]] + read[:len(read) - back]]
            features = self._outputs[states]
            met = features[features >= 0].tolist()
            return Counter(met) if met else None

    return WindowedIdentifier
