"""Markdown emphasis left in the body: ``**bold**``, ``*italic*``.

→ Emphasis(bold|italic). The markup characters are declared notation.
Must not match: a lone note symbol (``article 3 *,``) or ``2 * 3``.
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Emphasis, Text

# Both alternatives open with the star, what stands before the italic's star tested after it: the scan
# skips to stars (a pattern opening with a look-behind is tried at every position of the text).
PATTERN = re.compile(r"\*\*(?P<bold>\S(?:[^*]*?\S)?)\*\*|\*(?<![\w*]\*)(?P<italic>[^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])")


def _make(match: re.Match[str], context: Context) -> list[Emphasis]:
    context.count("emphasis")
    if match.group("bold") is not None:
        return [Emphasis("bold", (Text(match.group("bold")),))]
    return [Emphasis("italic", (Text(match.group("italic")),))]


RULE = Rule("emphasis", PATTERN, _make, cheap=("*",))
