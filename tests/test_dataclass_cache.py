"""dataclass_cache: the methods dataclasses writes, compiled once, kept beside the bytecode and handed to exec.

A class made with the cache must have the methods a plain ``@dataclass`` gives (the same code), a second
process must not compile them again, a damaged or switched-off cache must only cost time, and the file (code
that runs) is kept where Python keeps the package's bytecode, never in the shared cache folder.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tei_encoder import dataclass_cache

CLASSES = '''
from dataclasses import dataclass, field

@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str = ""
    notes: tuple[str, ...] = ()

@dataclass(slots=True)
class Batch:
    name: str
    items: list[int] = field(default_factory=list)

@dataclass(frozen=True, order=True)
class Key:
    year: int
    title: str
'''
METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__lt__", "__getstate__")


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(dataclass_cache, "_cache_file", lambda: tmp_path / "cache" / "methods.marshal")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "cache"


def _classes(cached: bool) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "sample"}
    code = compile(CLASSES, "<sample>", "exec", dont_inherit=True)  # real annotations, not this file's strings
    if cached:
        with dataclass_cache.generated_code():
            exec(code, namespace)
    else:
        exec(code, namespace)
    return namespace


def _codes(namespace: dict[str, Any]) -> dict[tuple[str, str], object]:
    return {(name, method): getattr(namespace[name], method).__code__
            for name in ("Span", "Batch", "Key") for method in METHODS
            if hasattr(getattr(namespace[name], method, None), "__code__")}


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    compiled: list[str] = []

    def counting(source: str, *rest: Any, **options: Any) -> Any:
        compiled.append(source)
        return compile(source, *rest, **options)

    monkeypatch.setattr(dataclass_cache, "compile", counting, raising=False)  # found before the builtin
    return compiled


def test_methods_from_the_cache_are_those_dataclasses_compiles(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _codes(_classes(cached=False))
    first = _classes(cached=True)
    assert (cache / "methods.marshal").is_file()
    compiled = _compiles(monkeypatch)
    second = _classes(cached=True)
    assert compiled == []  # every method from the cache
    assert _codes(first) == plain and _codes(second) == plain
    span = second["Span"](1, 2, "x")
    assert span == second["Span"](1, 2, "x") and hash(span) == hash(second["Span"](1, 2, "x"))
    assert repr(span) == "Span(start=1, end=2, label='x', notes=())"
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
    assert second["Batch"]("b").items == [] and second["Key"](1, "a") < second["Key"](1, "b")
    assert "exec" not in vars(dataclasses)  # the builtin again after the block


def test_a_damaged_cache_is_compiled_afresh_and_written_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _classes(cached=True)
    stored = cache / "methods.marshal"
    good = stored.read_bytes()
    stored.write_bytes(good[: len(good) // 2])
    compiled = _compiles(monkeypatch)
    made = _classes(cached=True)
    assert len(compiled) >= len(_codes(made))  # every method compiled again
    assert stored.read_bytes() == good
    assert _codes(made) == _codes(_classes(cached=False))


def test_the_file_is_kept_beside_the_bytecode_never_in_the_shared_cache_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEI_ENCODER_CACHE", str(tmp_path / "shared"))
    path = dataclass_cache._cache_file()
    assert path is not None and path.parent == Path(importlib.util.cache_from_source(dataclass_cache.__file__)).parent
    monkeypatch.setenv("TEI_ENCODER_CACHE", "off")
    assert dataclass_cache._cache_file() is None


def test_nothing_is_written_where_python_writes_no_bytecode(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert _codes(_classes(cached=True)) == _codes(_classes(cached=False))
    assert not cache.exists()


def test_the_converter_imported_a_second_time_compiles_no_dataclass_method(tmp_path: Path) -> None:
    probe = ("import dataclasses, sys\n"
             "import tei_encoder.dataclass_cache as cache\n"
             "count = []\n"
             "cache.compile = lambda *args, **options: count.append(1) or compile(*args, **options)\n"
             "import tei_encoder.build.record\nprint(len(count))\n")
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-X", f"pycache_prefix={tmp_path / 'bytecode'}", "-c", probe]  # not the checkout's
    runs = [subprocess.run(command, capture_output=True, text=True, check=True, env=environment).stdout
            for _ in range(2)]
    assert int(runs[0]) > 100 and int(runs[1]) == 0, runs
    assert len(list((tmp_path / "bytecode").rglob("dataclass-methods.*.marshal"))) == 1
