"""The code's shape: only the writer knows TEI; families are registered in one place."""

from __future__ import annotations

import re
from pathlib import Path

import tei_encoder
from tei_encoder import families

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


def test_every_family_module_is_registered() -> None:
    modules = {p.stem for p in (PACKAGE / "families").glob("*.py")} - {"__init__", "base"}
    registered = {family.read.__module__.rsplit(".", 1)[1] for family in families.FAMILIES}
    assert modules == registered
    assert families.FAMILIES[-1].name == "generic"
