"""Deletions the transcript reports: ``[crossed out: British]``, ``[struck out: …]``,
``[crossed through: …]``, ``[deleted: …]``.

→ Deleted(words), struck when the label says crossed or struck (a line drawn through the
words); ``deleted`` says nothing of how. The label is declared notation; the deleted words stay
verbatim, and other notation inside them is read too (``[crossed out: [illegible]]``).
Must not match: a label without its words (``[crossed out]``, ``[deleted]``), prose that
mentions a deletion (``the words were crossed out``), or ``[deleted in the draft]`` (no colon).
"""

import re

from tei_encoder.inline.base import BODY, Context, Rule, inner
from tei_encoder.model import Deleted

PATTERN = re.compile(
    r"\[(?:(?P<struck>(?:crossed|struck)\s+(?:out|through))|deleted)\s*:\s*(?P<body>" + BODY + r")\s*\]",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list[Deleted] | None:
    if not match.group("body").strip():
        return None
    context.count("deletions")
    return [Deleted(inner(match.group("body"), context), struck=match.group("struck") is not None)]


RULE = Rule("deletions", PATTERN, _make, cheap=("ross", "ruck", "elete", "ROSS", "RUCK", "ELETE"))
