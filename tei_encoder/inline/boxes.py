"""OCR boxes: a run of U+25A1 □ is characters lost in the digital surrogate.

``□□□`` → Loss(illegible, agent=ocr, unit=char, quantity=3); one loss per
unbroken run, so ``□□ □□`` gives two losses with the space kept as text.
Must not match: ``■`` (U+25A0) or ``◻`` (U+25FB), which are other characters.
"""

import re

from tei_encoder.inline.base import Context, Rule
from tei_encoder.model import Loss

BOX = "\u25a1"


def _make(match: re.Match[str], context: Context) -> list[Loss]:
    n = len(match.group())
    context.count("boxes", n)
    context.count("box-runs")
    return [Loss("illegible", agent="ocr", unit="char", quantity=n)]


RULE = Rule("ocr-boxes", re.compile(f"{BOX}+"), _make, cheap=(BOX,))
_RUN = re.compile(f"{BOX}+")


def count_in(text: str, context: Context) -> None:
    """Count the boxes of a text the writer encodes whole (a stage direction: its boxes become gaps there),
    so that the header's statement of boxes replaced counts them too."""
    if BOX in text:
        for run in _RUN.finditer(text):
            context.count("boxes", len(run.group()))
            context.count("box-runs")
