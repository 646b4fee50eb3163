"""``[sic]`` / ``(sic)`` after a word flags that word as printed in error.

``shewed [sic]`` → Flagged("shewed"), Text(" [sic]"): the preceding word token
(trailing punctuation excluded) is wrapped and the marker stays as text; we
never write a correction. The marker may carry the editor's comment, kept with it
as text: ``[sic, probably "east"]``, ``[SIC, plural]``, also broken over a line.
Must not match: ``sic`` without brackets (``sic transit``), ``[sicily]``, or a
marker with no word before it (left as text).
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Flagged

# The word starts where its run of word characters does (no match starts inside a run: from the run's
# start the same end is reached, and a match ends with a bracket, no word character); its first character
# before that test, so that a position inside a word fails at once rather than after a lazy walk to its end.
PATTERN = re.compile(
    r"(?P<word>[^\s\[\](){}\"“”](?<![^\s\[\](){}\"“”][^\s\[\](){}\"“”])[^\s\[\](){}\"“”]*?)(?P<punct>[.,;:!?\"”’)]*)(?P<space>\s*)(?P<marker>[\[(]sic!?(?:[,:;]\s*[^\[\]()]{1,80})?[\])])",
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list:
    context.count("sic")
    return [Flagged(match.group("word")), match.group("punct") + match.group("space") + match.group("marker")]


RULE = Rule("sic", PATTERN, _make, cheap=("sic", "SIC", "Sic"))
