"""The render package's public API names no private type (issue 9: corpus summary split into render/corpus.py)."""

from __future__ import annotations

import inspect
import re

import tei_encoder.render as render


def test_public_functions_take_and_return_no_private_type() -> None:
    for name in render.__all__:
        member = getattr(render, name)
        if inspect.isfunction(member):
            annotations = " ".join(str(value) for value in inspect.get_annotations(member).values())
            assert not re.search(r"(?<![\w.])_[A-Z]\w*", annotations), (name, annotations)


def test_corpus_summary_lives_in_its_own_module() -> None:
    assert render.fold.__module__ == "tei_encoder.render.corpus"
    assert render.DocumentStatus.__module__ == "tei_encoder.render.corpus"
