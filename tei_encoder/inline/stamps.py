"""Stamps the transcript reports: ``[Stamp: Archive of the MFA, incoming No. 5512]``,
``[stamp: …]``, ``[Rubber stamp: …]``, ``[round stamp: …]``; inline, or a line of its own.

→ Stamp(words): the label is declared notation; the stamp's words stay verbatim (other
notation inside them is read too).
Must not match: ``[stamp]`` without words (an untranscribed stamp: described losses), a
``[seal: …]`` (no stamp), or prose (``the stamp reads``).
"""

import re

from tei_encoder.inline.base import BODY, Context, Rule, inner
from tei_encoder.model import Stamp

PATTERN = re.compile(
    r"\[(?:(?:rubber|round|oval|square|date|registry|registration|incoming|outgoing)\s+)?stamp\s*:"
    r"\s*(?P<body>" + BODY + r")\s*\]",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list[Stamp] | None:
    if not match.group("body").strip():
        return None
    context.count("stamps")
    return [Stamp(inner(match.group("body"), context))]


RULE = Rule("stamps", PATTERN, _make, cheap=("tamp", "TAMP"))
