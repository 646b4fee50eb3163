"""Tests for tei_encoder.header.dates: one test per rule, each with a case that must not match."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encoder.header import dates
from tei_encoder.header.dates import Found, find_dates, find_times, parse_date, parse_time


SEEDS = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))


@pytest.fixture(params=SEEDS, ids=[p.stem for p in SEEDS])
def seed_text(request: pytest.FixtureRequest) -> str:
    path: Path = request.param
    return path.read_text(encoding="utf-8")


def test_the_seed_corpus_is_there() -> None:
    assert len(SEEDS) >= 5, "seed-based tests would pass vacuously"


def whens(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.when) for f in find_dates(text)]


def time_whens(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.when) for f in find_times(text)]


# ---------------------------------------------------------------- date forms


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("July 19, 1949", "1949-07-19"),
        ("19th July, 1949", "1949-07-19"),
        ("17th January 1947", "1947-01-17"),
        ("December 18, 1941", "1941-12-18"),
        ("October, 14, 1947", "1947-10-14"),
        ("14 October 1947", "1947-10-14"),
        ("19 July 1949", "1949-07-19"),
        ("Oct. 14, 1947", "1947-10-14"),
        ("Sept 3 1939", "1939-09-03"),
        ("Sept. 3, 1939", "1939-09-03"),
        ("July 19th, 1949", "1949-07-19"),
        ("19th of July 1949", "1949-07-19"),
        ("3 June 1955", "1955-06-03"),
        ("JULY 19, 1949", "1949-07-19"),
        ("july 19, 1949", "1949-07-19"),
        ("1st March 1950", "1950-03-01"),
        ("July 1949", "1949-07"),
        ("July, 1949", "1949-07"),
        ("1949-07-19", "1949-07-19"),
        ("19.07.1949", "1949-07-19"),
        ("19/07/1949", "1949-07-19"),
        ("3.6.1955", "1955-06-03"),
    ],
)
def test_each_date_form_is_found_whole_with_its_iso_value(text: str, when: str) -> None:
    assert find_dates(f"On {text} they met.") == [Found(3, 3 + len(text), text, when)]
    assert parse_date(text) == when


def test_precision_is_the_sources_never_a_filled_in_day_or_month() -> None:
    assert whens("in June 1953 and November 1946") == [("June 1953", "1953-06"), ("November 1946", "1946-11")]
    assert parse_date("1949") == "1949"
    assert parse_date("1949-07") == "1949-07"
    # must not: a month-year never becomes the first of the month
    assert parse_date("July 1949") != "1949-07-01"


def test_day_and_month_without_year_are_found_but_get_no_when() -> None:
    assert whens("received by Stalin on January 10th. The") == [("January 10th", None)]
    assert whens("They left Britain on September, 25, spent") == [("September, 25", None)]
    assert whens("from 13 February to 27 June 1919") == [("13 February", None), ("27 June 1919", "1919-06-27")]
    assert parse_date("January 10th") is None


def test_a_bare_year_is_not_found_in_running_text() -> None:
    assert find_dates("the border of 1941, 20 years, Archives - 1919 to 1941, 1940s") == []
    assert parse_date("1949") == "1949"  # but accepted when the whole string is the date
    assert parse_date("0949") is None


def test_calendar_is_validated_without_crashing() -> None:
    assert whens("31 February 1949") == [("31 February 1949", None)]
    assert whens("February 29, 1948") == [("February 29, 1948", "1948-02-29")]
    assert whens("February 29, 1949") == [("February 29, 1949", None)]
    assert whens("April 31, 1949") == [("April 31, 1949", None)]
    assert parse_date("1949-13") is None
    assert whens("1949-13-40") == [("1949-13-40", None)]
    # must not: a day number that no month has is not a day at all
    assert find_dates("In June 45 delegates came") == []


def test_numeric_dates_are_day_first_and_never_swapped() -> None:
    assert whens("04.05.1949") == [("04.05.1949", "1949-05-04")]
    assert whens("04/05/1949") == [("04/05/1949", "1949-05-04")]
    # must not: a US-looking date is not silently re-read month first
    assert whens("07/19/1949") == [("07/19/1949", None)]
    # must not: mixed separators, two-digit years, section numbers
    assert find_dates("19.07/1949 and 19.07.49 and section 1.2.3") == []


def test_month_words_that_are_english_words_need_a_capital() -> None:
    assert whens("May 3, 1949") == [("May 3, 1949", "1949-05-03")]
    assert whens("on 3 March 1950") == [("3 March 1950", "1950-03-03")]
    # must not
    assert find_dates("you may 3 times ask; they march 10 miles; 19 may 1949") == []
    assert parse_date("may 1949") is None


def test_only_abbreviations_take_a_dot() -> None:
    assert whens("Oct. 14") == [("Oct. 14", None)]
    # must not: a full month name followed by a sentence stop and a number
    assert find_dates("It was in July. 19 people came.") == []


def test_dates_do_not_start_inside_numbers_or_words() -> None:
    assert find_dates("No.19 July") == []
    assert whens("x19 July 1949") == [("July 1949", "1949-07")]  # not "19 July 1949"
    assert find_dates("item 2.19 July") == []
    assert whens("Tuesday, July 19, 1949.") == [("July 19, 1949", "1949-07-19")]


def test_seed_record_dates(seed_text: str) -> None:
    found = find_dates(seed_text)
    assert found, "the seeds hold dates"
    for f in found:
        assert seed_text[f.start:f.end] == f.text


def test_parse_date_needs_the_whole_string() -> None:
    assert parse_date("  19th July, 1949 ") == "1949-07-19"
    assert parse_date("19th July, 1949 □□□") is None
    assert parse_date("on 19th July, 1949") is None
    assert parse_date("") is None
    assert parse_date("last night") is None


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("1.11 p.m.", "13:11:00"),
        ("10 p.m.", "22:00:00"),
        ("3.50 p.m.", "15:50:00"),
        ("11:30 a.m.", "11:30:00"),
        ("10 a. m.", "10:00:00"),
        ("10 P.M.", "22:00:00"),
        ("10p.m.", "22:00:00"),
        ("10.30 am", "10:30:00"),
        ("10:30pm", "22:30:00"),
        ("12 a.m.", "00:00:00"),
        ("12.15 p.m.", "12:15:00"),
        ("12 noon", "12:00:00"),
        ("12 midnight", "00:00:00"),
        ("21:00", "21:00:00"),
        ("09:30:15", "09:30:15"),
        ("00:05", "00:05:00"),
    ],
)
def test_each_time_form_is_found_whole_with_24_hour_value(text: str, when: str) -> None:
    assert find_times(f"at {text} on") == [Found(3, 3 + len(text), text, when)]
    assert parse_time(text) == when


def test_am_pm_trailing_dot_belongs_to_the_time() -> None:
    assert time_whens("last night at 10 p.m. (Moscow Time)") == [("10 p.m.", "22:00:00")]


def test_times_without_am_pm_are_not_reported() -> None:
    # 001's despatch time: no a.m./p.m., so no @when and no finding
    assert find_times("D. 5.25 17th January 1947") == []
    assert parse_time("5.25") is None
    # must not: section numbers, list markers, verses, one-digit colon hours
    assert find_times("see 1.11 and 2. the list; John 3:16; at 9:30; 24:00; 12:60") == []


def test_undotted_am_pm_needs_minutes() -> None:
    assert time_whens("at 10.30 am") == [("10.30 am", "10:30:00")]
    # must not: "am" the verb
    assert find_times("Question 2 am I right? 5 pm") == []


def test_impossible_twelve_hour_value_is_found_without_when() -> None:
    assert time_whens("13 p.m.") == [("13 p.m.", None)]
    assert time_whens("0 a.m.") == [("0 a.m.", None)]
    assert parse_time("13 p.m.") is None


def test_times_do_not_start_inside_numbers_or_words() -> None:
    assert find_times("3.1.11 p.m.") == []
    assert find_times("x10 p.m.") == []
    assert find_times("121:00") == []


def test_seed_times(seed_text: str) -> None:
    for f in find_times(seed_text):
        assert seed_text[f.start:f.end] == f.text
        assert f.when is not None


def test_the_seed_telegram_header_times() -> None:
    header = "D.\n\n1.11 p.m.\n\n19th July, 1949 □□□\n\nR.\n\n3.50 p.m.\n\n19th July, 1949"
    assert time_whens(header) == [("1.11 p.m.", "13:11:00"), ("3.50 p.m.", "15:50:00")]
    assert whens(header) == [("19th July, 1949", "1949-07-19")] * 2


# Speed is measured in benchmarks/ (bench_convert.py), never as a timed unit test: a timed
# assertion fails on a loaded machine and proves nothing about scaling.


# ---------------------------------------------------------------- properties

_date_alphabet = st.sampled_from(list("0123456789 ,./-:apmAPM") + ["July ", "May ", "may ", "Oct. ", "th ", "\n", "□", "é"])
_texty = st.lists(_date_alphabet, max_size=40).map("".join)


@given(st.text() | _texty)
def test_never_crashes_and_spans_slice_back(text: str) -> None:
    for found in (find_dates(text), find_times(text)):
        previous_end = 0
        for f in found:
            assert text[f.start:f.end] == f.text
            assert f.start >= previous_end  # in order, non-overlapping
            previous_end = f.end
    parse_date(text)
    parse_time(text)


@given(st.text() | _texty)
def test_anchored_scan_equals_the_plain_scan(text: str) -> None:
    assert find_dates(text) == dates._plain_scan(dates._DATE_RE, text, dates._accepted)
    assert find_times(text) == dates._plain_scan(dates._TIME_RE, text, dates._time_accepted)


_MONTH_NAMES = [calendar.month_name[m] for m in range(1, 13)]


@settings(max_examples=300)
@given(
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)),
    st.sampled_from(["{M} {d}, {y}", "{d} {M} {y}", "{d}th {M}, {y}", "{M}, {d}, {y}", "{dd}.{mm}.{y}", "{y}-{mm}-{dd}"]),
    st.sampled_from([str, str.upper]),
)
def test_any_valid_date_round_trips(day: datetime.date, form: str, case: Callable[[str], str]) -> None:
    text = form.format(
        M=case(_MONTH_NAMES[day.month - 1]), d=day.day, y=day.year, dd=f"{day.day:02d}", mm=f"{day.month:02d}"
    )
    assert parse_date(text) == day.isoformat()
    assert [f.when for f in find_dates(f"Dated {text}.")] == [day.isoformat()]


@given(st.integers(0, 23), st.integers(0, 59))
def test_any_clock_time_round_trips(hour: int, minute: int) -> None:
    twelve = hour % 12 or 12
    suffix = "a.m." if hour < 12 else "p.m."
    expected = f"{hour:02d}:{minute:02d}:00"
    assert parse_time(f"{twelve}.{minute:02d} {suffix}") == expected
    assert parse_time(f"{hour:02d}:{minute:02d}") == expected
