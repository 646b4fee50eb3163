"""``[sic]`` / ``(sic)`` after a word flags that word as printed in error.

``shewed [sic]`` → Flagged("shewed"), Text(" [sic]"): the preceding word token
(trailing punctuation excluded) is wrapped and the marker stays as text; we
never write a correction. Must not match: ``sic`` without brackets
(``sic transit``), or a marker with no word before it (left as text).
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Flagged

PATTERN = re.compile(
    r"(?P<word>[^\s\[\](){}\"“”]+?)(?P<punct>[.,;:!?\"”’)]*)(?P<space>\s*)(?P<marker>[\[(]sic!?[\])])",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list:
    context.count("sic")
    return [Flagged(match.group("word")), match.group("punct") + match.group("space") + match.group("marker")]


RULE = Rule("sic", PATTERN, _make, cheap="sic")
