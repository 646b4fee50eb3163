"""The trace file's items are written directly, not through json's encoder: the same text, always."""

from __future__ import annotations

import json
from dataclasses import fields

from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encoder.trace import Decision, Span, _as_dict, _json_item, from_json, spans_from_json, to_json

ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # how every item was written before
TEXT = st.text(max_size=20)  # any character: quotes, backslashes, controls, lone surrogates, beyond the BMP
WRITABLE = st.text(st.characters(blacklist_categories=["Cs"]), max_size=20)  # what a UTF-8 file can hold
LINE = st.integers(min_value=-(2**70), max_value=2**70)


def decisions(text: st.SearchStrategy[str] = TEXT) -> st.SearchStrategy[Decision]:
    return st.builds(Decision, text, text, LINE, LINE, text, st.none() | text, st.booleans(), text)


def spans(text: st.SearchStrategy[str] = TEXT) -> st.SearchStrategy[Span]:
    return st.builds(Span, text, LINE, LINE)


@settings(max_examples=300, deadline=None)
@given(st.one_of(decisions(), spans()))
def test_an_item_is_written_as_the_json_encoder_writes_it(item: Decision | Span) -> None:
    assert _json_item(item) == ENCODER.encode(_as_dict(item))


@settings(max_examples=50, deadline=None)
@given(st.lists(decisions(WRITABLE), max_size=4), st.lists(spans(WRITABLE), max_size=3))
def test_a_trace_file_reads_back_as_written(written: list[Decision], units: list[Span]) -> None:
    data = to_json("a.txt", written, units)
    assert from_json(data) == ("a.txt", tuple(written)) and spans_from_json(data) == tuple(units)


def test_a_value_of_another_type_goes_through_the_encoder() -> None:
    """A field given a value of another type than declared (a line as a bool) is written as json writes it."""
    odd = Decision("header", "rule", True, 2, "title", None, True)  # type: ignore[arg-type]
    assert _json_item(odd) == ENCODER.encode(_as_dict(odd)) and '"first_line": true' in _json_item(odd)


def test_the_direct_format_names_every_field_of_a_decision() -> None:
    item = Decision("header", "rule", 1, 2, "title", "h-title", False, "detail")
    assert list(json.loads(_json_item(item))) == sorted(f.name for f in fields(Decision))
