"""Convert time grows linearly with the input (issue 8, finding 4).

Timing tests on a shared machine are noisy, so each compares the best of
three runs at size n and 4n: linear work takes about 4 times as long,
quadratic work 16 times; the bound (8) sits between the two.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Callable

from tei_encoder import model as m
from tei_encoder.header.people import Registry
from tei_encoder.notes import extract_notes
from tei_encoder.pipeline import encode, encode_bytes
from tei_encoder.source import source_from_bytes
from tei_encoder.writer import write_tei

LINEAR_BOUND = 8.0


def best_of_three(work: Callable[[], object]) -> float:
    timings = []
    for _ in range(3):
        gc.collect()
        gc.disable()  # the collector's passes grow with the heap: they would blur the ratio
        try:
            start = time.perf_counter()
            work()
            timings.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(timings)


def assert_linear(work_at: Callable[[int], Callable[[], object]], n: int) -> None:
    small, large = best_of_three(work_at(n)), best_of_three(work_at(4 * n))
    assert large < LINEAR_BOUND * small + 0.2, (  # the slack absorbs scheduling noise on tiny timings
        f"4 times the input took {large / small:.1f} times as long ({small:.3f} s → {large:.3f} s)")


def test_writing_a_paragraph_of_many_gaps_is_linear() -> None:
    document, _ = encode(source_from_bytes(b"A record.", "a.txt"))

    def writing(n: int) -> Callable[[], object]:
        children = (m.Loss(reason="illegible", agent="ocr", unit="chars", quantity=1), m.Text(" ")) * n
        division = m.Division(kind="document", number=None, blocks=(m.Paragraph(children),))
        return lambda: write_tei(dataclasses.replace(document, divisions=(division,)))

    assert_linear(writing, 2000)


def surname(n: int) -> str:
    letters = "".join(chr(ord("a") + (n // 26 ** k) % 26) for k in range(3))
    return "Sur" + letters


def test_resolving_mentions_of_many_persons_is_linear() -> None:
    def mentioning(n: int) -> Callable[[], object]:
        def work() -> None:
            registry = Registry()
            for index in range(n):
                registry.mention(f"Mr. {surname(index)}")
        return work

    assert_linear(mentioning, 2000)


def test_footnotes_on_many_lines_are_linear() -> None:
    def extracting(n: int) -> Callable[[], object]:
        anchors = [(i, f"Word{i}[footnoteRef:{i}] text.") for i in range(1, n + 1)]
        bodies = [(n + i, f"[{i}: Body {i}.]") for i in range(1, n + 1)]
        return lambda: extract_notes(anchors + bodies)

    assert_linear(extracting, 1000)
