"""Short names a record declares for its people: ``Nikita Sergeyevich Khrushchev (hereafter N.S.)``.

A translated transcript names its parties in full once, says what it will call them, then labels
their turns ``N.S.:`` and ``W.U.:``. The declaration is found where it stands (a heading, the first
paragraph); the readers use it to give such a label its speaker and to read the heading's parties
without the parenthesis.
"""

from __future__ import annotations

import re

from tei_encoder.letters import UPPER

# "(hereafter N.S.)", "(hereinafter referred to as Kh.)", "(henceforth – Zhou)": the alias is short and
# starts with a capital (initials, a surname); "(hereafter the Treaty)", "(hereafter The Treaty)" name no person.
DECLARATION = re.compile(
    r"\s*\((?:here(?:in)?after|henceforth)(?:\s+(?:referred\s+to|called|cited|named))?(?:\s+as)?"
    rf"\s*[:,–—-]?\s*(?P<alias>[{UPPER}][\w.'’ -]{{0,15}}?)\s*\)")
# The name right before the parenthesis: up to four capitalised words or initials (titles among them).
_NAME_BEFORE = re.compile(rf"(?:[{UPPER}][\w'’.-]* ){{0,3}}[{UPPER}][\w'’-]*\.?$")


def declared(text: str) -> list[tuple[str, str]]:
    """``(name, alias)`` for each declaration in ``text``, the name as printed before it."""
    found: list[tuple[str, str]] = []
    if not _may_declare(text):
        return found
    for declaration in DECLARATION.finditer(text):
        name = _NAME_BEFORE.search(text, 0, declaration.start())
        alias = declaration.group("alias").strip()
        if name is not None and not alias.lower().startswith("the "):
            found.append((name.group(), alias))
    return found


def without_declarations(text: str) -> str:
    """``text`` with each declaration's parenthesis taken out (for reading the names around it)."""
    return DECLARATION.sub("", text) if _may_declare(text) else text


def _may_declare(text: str) -> bool:
    """Whether text holds what every declaration opens with: most texts do not, and a scan of the
    pattern (its leading white space) would be tried at every position."""
    return "(here" in text or "(hence" in text


__all__ = ["DECLARATION", "declared", "without_declarations"]
