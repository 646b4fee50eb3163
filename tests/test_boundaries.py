"""The code's shape: only the writer knows TEI; families are registered in one place."""

from __future__ import annotations

import functools
import io
import re
import tokenize
from pathlib import Path

from conftest import RECORDS, SEEDS
from lxml import etree

import tei_encoder
from tei_encoder import families
from tei_encoder.pipeline import encode_bytes

PACKAGE = Path(tei_encoder.__file__).parent
TEI_NAMES = ("teiHeader", "fileDesc", "titleStmt", "persName", "particDesc", "listPerson", "editorialDecl",
             "metamark", "msIdentifier", "handNote", "correspDesc", "settingDesc", "tei-c.org/ns")


def test_only_the_writer_knows_tei_names() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ("writer", "validate", "render", "report"):
            continue  # the writer writes TEI; validation and rendering read any TEI
        text = path.read_text(encoding="utf-8")
        for name in TEI_NAMES:
            if re.search(rf"[\"'<]{re.escape(name)}", text):
                offenders.append(f"{relative}: {name}")
    assert not offenders, offenders


@functools.cache
def emitted_names() -> frozenset[str]:
    """Every element name the writer emits for the seeds and the hand-made records."""
    names: set[str] = set()
    for path in SEEDS + RECORDS:
        root = etree.fromstring(encode_bytes(path.read_bytes(), path.name))
        names.update(etree.QName(element).localname for element in root.iter(etree.Element))
    return frozenset(names)


def _markup_mentions(name: str) -> re.Pattern[str]:
    """A TEI name used as TEI: a tag, a path step (``sourceDesc/bibl``), a predicate (``note[@``),
    ``gap elements``, ``wrapped in sic``; camel-case names (``persName``) anywhere in a string."""
    n = re.escape(name)
    forms = [rf"(?<!\?P)</?{n}\b", rf"\b{n}/[a-zA-Z@]", rf"[a-zA-Z]/{n}\b(?!\.py)", rf"\b{n}\[@", rf"\b{n} elements?\b",
             rf"\bwrapped in {n}\b"]
    if name != name.lower() and name != "TEI":
        forms.append(rf"[\"'<]{n}\b")
    return re.compile("|".join(forms))


def test_the_writers_tei_names_appear_nowhere_else() -> None:
    names = emitted_names()
    assert {"teiHeader", "sp", "gap", "sic", "editorialDecl"} <= names  # the list is the writer's own
    patterns = {name: _markup_mentions(name) for name in sorted(names)}
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ("writer", "validate", "render", "report"):
            continue  # the writer writes TEI; validation and rendering read any TEI
        text = _strings(path)
        offenders.extend(f"{relative}: {name}" for name, pattern in patterns.items() if pattern.search(text))
    assert not offenders, offenders


def _strings(path: Path) -> str:
    """The string literals of a module (docstrings too): what could reach a reader or the output."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return "\n".join(token.string for token in tokens if token.type in _STRING_TOKENS)


# Python 3.12 splits an f-string into FSTRING_START, FSTRING_MIDDLE (its text) and FSTRING_END.
_STRING_TOKENS = {tokenize.STRING} | ({tokenize.FSTRING_MIDDLE} if hasattr(tokenize, "FSTRING_MIDDLE") else set())


def test_every_family_module_is_registered() -> None:
    modules = {p.stem for p in (PACKAGE / "families").glob("*.py")} - {"__init__", "base"}
    registered = {family.read.__module__.rsplit(".", 1)[1] for family in families.FAMILIES}
    assert modules == registered
    assert families.FAMILIES[-1].name == "generic"
