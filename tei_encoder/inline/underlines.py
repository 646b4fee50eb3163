"""Underlining the transcript reports: ``[underlined] urgent [end of underlining]`` (also
``[underlining] … [end underlining]``, ``[underlining ends]``) and ``[underlined: urgent]``.

→ Underlined(words). Both markers, or the label, are declared notation; the spaces
just inside the markers go with them, so ``is [underlined] urgent [end of underlining] now``
reads ``is urgent now`` with ``urgent`` underlined. Within one line only.
Must not match: an ``[underlined]`` whose end marker never comes (it stays text), an end
marker alone, or prose (``the word was underlined``).
"""

import re

from tei_encoder.inline.base import BODY, Context, Rule, inner
from tei_encoder.model import Underlined

_START = r"\[(?:underlined|underlining)\]"
_END = r"\[(?:end\s+(?:of\s+)?underlin(?:ing|e)|underlining\s+ends)\]"
# Between the markers: one level of brackets, but never a second start marker (the inner pair is the one).
_SPAN = r"(?:[^\[\]\n]|\[(?!underlin)[^\[\]\n]*\])+?"
PATTERN = re.compile(
    _START + r"[ \t]*(?P<span>" + _SPAN + r")[ \t]*" + _END
    + r"|\[underlined\s*:\s*(?P<body>" + BODY + r")\s*\]",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list[Underlined] | None:
    words = match.group("span") if match.group("span") is not None else match.group("body")
    if not words.strip():
        return None
    context.count("underlines")
    return [Underlined(inner(words, context))]


RULE = Rule("underlines", PATTERN, _make, cheap=("[underlin", "[Underlin", "[UNDERLIN"))
