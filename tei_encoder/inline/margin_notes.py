"""Notes the transcript reports in the margin: ``[in the margin: …]``, ``[on the left margin: …]``,
``[marginal note: …]``, and with the transcriber's words for what stands there before the place:
``[Resolution in the margin: Agree. V. M.]``, ``[Stalin's note in the margin: …]``.

→ MarginNote(words, label): the place and its label (``in the margin:``, ``marginal note:``)
are declared notation; words before the place (``Resolution``) are kept as the note's label,
verbatim. Other notation inside the note is read too.
Must not match: ``[handwritten in the margin: …]`` (handwriting: an addition in a hand, its
own rule), a label without words (``[in the margin]``), or prose (``notes in the margin``).
"""

import re

from tei_encoder.inline.base import BODY, Context, Rule, inner
from tei_encoder.model import MarginNote

_SIDE = r"(?:(?:left|right|top|bottom|upper|lower|outer|inner)\s+)?"
_PLACE = (r"(?:(?:written\s+)?(?:in|on)\s+(?:the\s+)?" + _SIDE + r"margins?"
          r"|marginal\s+(?:note|notation|comment)|margin\s+note)")
# A few words of the transcriber's before the place, never a handwriting label (handwriting.py).
_LEAD = r"(?!(?:hand-?written|handwriting|in\s+handwriting|manuscript)\b)[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?"
PATTERN = re.compile(
    r"\[(?:(?P<lead>" + _LEAD + r")\s+)??" + _PLACE + r"\s*:\s*(?P<body>" + BODY + r")\s*\]",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list[MarginNote] | None:
    if not match.group("body").strip():
        return None
    context.count("margin-notes")
    return [MarginNote(inner(match.group("body"), context), match.group("lead"))]


RULE = Rule("margin-notes", PATTERN, _make, cheap=("argin", "ARGIN"))
