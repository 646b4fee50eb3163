"""Described losses: ``[one word missing]``, ``[2 lines illegible]``, ``[two words unclear]``,
``[illegible]``, ``[inaudible]`` (``[inaudible 00:01:02]``, with the recording's time), ``(.?.)``,
an untranscribed ``[signature]`` (translations of Russian documents: ``/signature/``, ``/s/``) and
an unreadable one (``[signature illegible]``, ``[illegible signature]``).

→ Loss(reason, unit, quantity, description) with the transcriber's words kept
verbatim as the description; only the brackets are dropped. reason is
illegible / inaudible / missing, or editorial for ``[signature]``.
Must not match: ``[This telegram is of particular secrecy …]`` (unknown
notation stays text) or ``[missing link]``-like phrases without a loss word.
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Loss

NUMBER_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
UNITS = {"word": "word", "line": "line", "letter": "char", "character": "char", "page": "page"}

PATTERN = re.compile(
    r"\[(?P<desc>(?:(?P<num>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+)?"
    r"(?:(?P<unit>word|line|letter|character|page)s?\s+)?"
    r"(?P<what>missing|illegible|inaudible|unreadable|indecipherable|undecipherable|unclear|omitted|lost)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?)?"  # the recording's time: "[inaudible 00:01:02]"
    r"|(?P<signature>(?:illegible|unreadable) signature|signature (?:illegible|unreadable))"
    r"|(?P<editorial>signature|seal|stamp|signed))\]"
    r"|(?P<inaudible>\(\.\?\.\))"
    r"|(?<![\w/])/(?P<slashed>signature|signed|s)/(?![\w/])",  # "/signature/" of translations
    re.IGNORECASE,
)


def _make(match: re.Match[str], context: Context) -> list[Loss]:
    context.count("described-losses")
    if match.group("inaudible"):
        return [Loss("inaudible", description=match.group("inaudible"))]
    if match.group("signature"):
        return [Loss("illegible", description=match.group("signature"))]
    if match.group("editorial"):
        return [Loss("editorial", description=match.group("editorial"))]
    if match.group("slashed"):
        return [Loss("editorial", description=match.group("slashed"))]
    what = match.group("what").lower()
    reason = {"inaudible": "inaudible", "missing": "missing", "omitted": "missing",
              "lost": "missing"}.get(what, "illegible")
    unit = match.group("unit")
    number = match.group("num")
    quantity = None
    if number and unit:
        quantity = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
    return [Loss(reason, unit=UNITS[unit.lower()] if unit else None, quantity=quantity,
                 description=match.group("desc"))]


RULE = Rule("described-losses", PATTERN, _make, cheap=("[", "(.?.)", "/s"))
