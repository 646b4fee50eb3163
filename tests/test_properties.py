"""Invariants on generated records: no crash, well-formed, valid, every word kept, deterministic."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from accounting import lost_words
from conftest import RECORDS, SEEDS, assert_valid
from strategies import arbitrary, record
from tei_encoder.pipeline import encode_bytes
from tei_encoder.source import SourceError

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def encode_or_refuse(data: bytes) -> bytes | None:
    try:
        return encode_bytes(data)
    except SourceError:
        return None  # empty or binary input is refused with a message, never a crash


@pytest.mark.parametrize("path", SEEDS + RECORDS, ids=lambda p: p.stem)
def test_every_word_of_the_sample_records_is_kept(path) -> None:
    data = path.read_bytes()
    assert not lost_words(data, encode_bytes(data, path.name))


@SETTINGS
@given(record)
def test_generated_records_keep_every_word_and_are_deterministic(text: str) -> None:
    data = text.encode()
    tei = encode_or_refuse(data)
    if tei is None:
        return
    etree.fromstring(tei)  # well-formed
    assert not lost_words(data, tei)
    assert encode_bytes(data) == tei


@SETTINGS
@given(text=record)
def test_generated_records_are_valid_tei(text: str, tei_all) -> None:
    tei = encode_or_refuse(text.encode())
    if tei is not None:
        assert_valid(tei_all, tei, repr(text[:80]))


@SETTINGS
@given(arbitrary)
def test_arbitrary_text_never_crashes(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    tei = encode_or_refuse(data)
    if tei is not None:
        etree.fromstring(tei)
        assert not lost_words(data, tei)


@SETTINGS
@given(arbitrary)
def test_windows_1252_input_never_crashes(text: str) -> None:
    encode_or_refuse(text.encode("cp1252", "ignore") or b"x")


def test_same_bytes_whatever_the_environment(monkeypatch) -> None:
    data = SEEDS[0].read_bytes()
    first = encode_bytes(data, SEEDS[0].name)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    monkeypatch.setenv("LC_ALL", "tr_TR.UTF-8")
    assert encode_bytes(data, SEEDS[0].name) == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    dated = encode_bytes(data, SEEDS[0].name)
    assert b'when="1970-01-01"' in dated and dated.replace(b' when="1970-01-01"', b"") == first
