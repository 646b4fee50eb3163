"""Find and parse dates and clock times in English record text (ENCODING.md section 4).

``find_dates`` / ``find_times`` return every expression with its exact character
span, so a caller can wrap the source words in ``DateText`` / ``TimeText``
without changing them. ``parse_date`` / ``parse_time`` read one whole string.

Dates become ISO 8601 at the precision the source gives: ``1949``, ``1949-07``,
``1949-07-19``. A missing day or month is never filled in and a year is never
guessed, so ``January 10th`` is found but gets ``when=None``. Calendar errors
(``31 February 1949``) are found with ``when=None`` too. Recognised forms:

* ``July 19, 1949``, ``JULY 19 1949``, ``Oct. 14, 1947``, ``October, 14, 1947``,
  ``Sept 3 1939``, ``July 19th, 1949``; ``January 10th`` and ``September, 25``
  (no year)
* ``19th July, 1949``, ``17th January 1947``, ``3 June 1955``, ``19th of July 1949``;
  ``13 February`` (no year)
* ``July 1949``, ``July, 1949``
* ``1949-07-19`` (ISO)
* ``12.VIII.1943``, ``12/VIII/1943``, ``14/V-1939``: a Roman-numeral month (capitals only), as Russian and
  Central European archives print it
* ``121455Z MAR 74``: a telegram's date-time group (day, hour and minute in universal time, the month
  in capitals, a two-digit year of the 1900s); ``when`` is the day
* ranges of days in one month, ``June 2–3, 1952`` and ``2–3 June 1952``: ``when`` is None
  and ``from_``/``to`` hold the first and the last day
* ``一九五九年十月二日`` and ``1959年10月2日`` (Chinese and Japanese, the year first, in Chinese numerals or
  digits); ``一九五九年十月`` (no day)
* ``19.07.1949`` and ``19/07/1949``: always day first, the European archival
  convention; an impossible reading (``07/19/1949``) is found with ``when=None``
  rather than silently swapped to month first.

Policy points:

* A bare year (``1949``) is not *found*: ``20 years``, ``the 1941 border`` and
  ``1919 to 1941`` would be false positives. ``parse_date("1949")`` accepts it,
  because there the caller already knows the string is a date.
* Years are four digits, 1000-2999; two-digit years are expanded only in the two formats that
  print no other (a Roman-numeral month, a date-time group), as years of the 1900s, and in
  ``entry_date``'s ``7.11.37`` alone on a diary entry's line.
* Month names match in any case (``JULY``), except the ones that are also English
  words (``may``, ``march``, ``mar``), which must start with a capital letter:
  "you may 3 times" is not a date.
* A weekday before a date (``Tuesday, July 19``) stays outside the span.

Times become ``hh:mm:ss`` on the 24-hour clock:

* ``1.11 p.m.`` -> ``13:11:00``, ``10 p.m.``, ``11:30 a.m.``, ``10.30 am``. The
  undotted ``am``/``pm`` is accepted only after minutes (``10.30 am``), because
  ``2 am`` is too often "2 am I …"; a bare hour needs ``a.m.``/``p.m.``.
  ``12 a.m.`` is 00:00, ``12 p.m.`` is 12:00; an hour outside 1-12 is found
  with ``when=None``.
* ``12 noon`` -> ``12:00:00``, ``12 midnight`` -> ``00:00:00``.
* ``21:00`` / ``09:30:15``: a colon with a two-digit hour 00-23 is the 24-hour
  clock. ``9:30`` (one-digit hour, no a.m./p.m.) and every dotted time without
  a.m./p.m. (001 ``D. 5.25``) are not reported: they may be 12-hour times, and
  ``1.11`` or ``3:16`` may be section or verse numbers.

Why not ``dateparser``: it is slow to import and to call, it fills a missing day
or month from the current date by default, it depends on locale data, and it
does not give character spans. These patterns are compiled once, run in well
under a millisecond on a 10 KB paragraph, and need no locale and no clock.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Found", "find_dates", "parse_date", "whole_date", "entry_date", "meeting_date", "find_times", "parse_time",
           "labelled_short_date", "DATE_LABEL", "WEEKDAYS"]


@dataclass(frozen=True, slots=True)
class Found:
    """One date or time expression: ``text == source[start:end]``; ``when`` is ISO or None."""

    start: int
    end: int
    text: str
    when: str | None
    from_: str | None = None  # a range ("June 2–3, 1952"): its first day …
    to: str | None = None  # … and its last


# ---------------------------------------------------------------- months

_FULL_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# A Russian transcript's months, in the genitive a date takes ("15 июня 1945 г.").
_RUSSIAN_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                   "октября", "ноября", "декабря")
# The months of transcripts in the original language that archives print beside translations, as a
# date writes them: German, French, Spanish, Italian, Hungarian, and the genitives of Polish and Czech.
# Read only in a full date with the day first ("12. März 1975", "12 de abril de 1945", "3 kwietnia 1945")
# or, in Hungarian, the year first ("1945. április 12."): alone, "mars" or "Maja" is no month.
_FOREIGN_MONTHS: tuple[tuple[str, ...], ...] = (
    ("januar", "jänner", "janvier", "enero", "gennaio", "január", "stycznia", "ledna"),
    ("februar", "février", "febrero", "febbraio", "február", "lutego", "února"),
    ("märz", "mars", "marzo", "március", "marca", "března"),
    ("avril", "abril", "aprile", "április", "kwietnia", "dubna"),
    ("mai", "mayo", "maggio", "május", "maja", "května"),
    ("juni", "juin", "junio", "giugno", "június", "czerwca", "června"),
    ("juli", "juillet", "julio", "luglio", "július", "lipca", "července"),
    ("août", "agosto", "augusztus", "sierpnia", "srpna"),
    ("septembre", "septiembre", "setiembre", "settembre", "szeptember", "września", "září"),
    ("oktober", "octobre", "octubre", "ottobre", "október", "października", "října"),
    ("novembre", "noviembre", "listopada", "listopadu"),
    ("dezember", "décembre", "diciembre", "dicembre", "grudnia", "prosince"),
)
_MONTHS: dict[str, int] = ({name: n for n, name in enumerate(_FULL_MONTHS, start=1)} | _ABBREVIATIONS
                           | {name: n for n, name in enumerate(_RUSSIAN_MONTHS, start=1)}
                           | {name: n for n, names in enumerate(_FOREIGN_MONTHS, start=1) for name in names})

# Month names that are also ordinary English words: only a capitalised token counts.
_WORDLIKE_MONTHS = frozenset({"may", "march", "mar"})


def _month_pattern(group: str) -> str:
    # Full names before abbreviations; only an abbreviation may carry a dot
    # ("Oct. 14"), so "in July. 19 people …" is not read as July 19.
    full = "|".join(_FULL_MONTHS + _RUSSIAN_MONTHS)
    short = "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
    return rf"(?P<{group}>(?:{full})\b|(?:{short})\b\.?)"


_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?\b"
_YEAR = r"[12]\d{3}(?!\w)"
_NOT_AFTER_NUMBER = r"(?<![\w.:/])"  # not the tail of 1.19, 3/19, No.19 or a word

_ISO = rf"{_NOT_AFTER_NUMBER}(?P<iso_y>[12]\d{{3}})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)(?![\w]|-\d)"
_NUMERIC = (
    rf"{_NOT_AFTER_NUMBER}(?P<num_d>\d{{1,2}})(?P<num_sep>[./])(?P<num_m>\d{{1,2}})"
    rf"(?P=num_sep)(?P<num_y>{_YEAR})(?![./]\d)"
)
# The year an edition supplies in square brackets after the source's day and month ("3 May [1939]",
# "May 3, [1939]"), as Soviet and FRUS volumes print an undated diary entry or letter: the date is the
# edition's reading, its brackets kept in the date's text.
_SUPPLIED_YEAR = r",?\s+\[(?P<{group}>[12]\d{{3}})\](?!\w)"
_DAY_FIRST = (
    rf"{_NOT_AFTER_NUMBER}(?P<dmy_d>{_DAY})\s+(?:of\s+)?{_month_pattern('dmy_m')}"
    rf"(?:,?\s+(?P<dmy_y>{_YEAR})|{_SUPPLIED_YEAR.format(group='dmy_by')})?"
)
_MONTH_FIRST = (
    rf"\b{_month_pattern('mdy_m')},?\s+"
    rf"(?:(?P<mdy_d>{_DAY})(?![.:/]\d)(?:,?\s+(?P<mdy_y>{_YEAR})|{_SUPPLIED_YEAR.format(group='mdy_by')})?|(?P<my_y>{_YEAR}))"
)

_ANY_FULL_MONTH = "|".join(sorted({*_FULL_MONTHS, *(name for names in _FOREIGN_MONTHS for name in names)},
                                   key=lambda name: (-len(name), name)))
# "12. März 1975" (a German day with its stop), "12 de abril de 1945", "3 kwietnia 1945": the year is required.
_DAY_FIRST_FOREIGN = (
    rf"{_NOT_AFTER_NUMBER}(?P<fdm_d>{_DAY})(?:\.\s*|\s+)(?:de\s+)?(?P<fdm_m>{_ANY_FULL_MONTH})(?!\w),?\s+"
    rf"(?:de\s+)?(?P<fdm_y>{_YEAR})"
)
# Hungarian, the year first: "1945. április 12.".
_YEAR_FIRST = rf"{_NOT_AFTER_NUMBER}(?P<ymd_y>{_YEAR})\.\s+(?P<ymd_m>{_ANY_FULL_MONTH})(?!\w)\s+(?P<ymd_d>{_DAY})"

# "Received 3.IX. 10 h. 20 min.": the hour of a receipt stamped with the day and month only, no year of the
# 1900s (it had been read as 1910).
_HOURS_AFTER = r"\s*(?:h|hrs?|hours?|ч)\.?(?!\w)"
_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# "12.VIII.1943", "12/VIII/1943": the Roman-numeral month of Russian and Central European archives;
# Soviet clerks also wrote "15.IV.50": with a Roman month two digits are the year of the 1900s (the
# families' records are all of the twentieth century; the date's text is kept as printed), and
# "14/V-1939", "14/V-39" with a dash before the year.
_ROMAN = (
    rf"{_NOT_AFTER_NUMBER}(?P<rom_d>\d{{1,2}})(?P<rom_sep>[./])\s?"
    rf"(?P<rom_m>{'|'.join(sorted(_ROMAN_MONTHS, key=len, reverse=True))})(?:(?P=rom_sep)|-)\s?"
    rf"(?P<rom_y>{_YEAR}|\d\d(?![\w/-]|\.\d|{_HOURS_AFTER}))"
)
# A telegram's date-time group, "121455Z MAR 74": day, hour and minute, Z (universal time), month,
# year; a machine format of the teletype era, so its two-digit year is of the 1900s as with Roman months.
_DTG = (rf"{_NOT_AFTER_NUMBER}(?P<dtg_d>0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\dZ\s+"
        r"(?P<dtg_m>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(?P<dtg_y>\d\d)(?!\w)")
_RANGE_DASH = r"\s?[-–—‐]\s?"
# "June 2–3, 1952" and "2–3 June 1952": two days of one month.
_MONTH_FIRST_RANGE = (
    rf"\b{_month_pattern('mdr_m')}\s+(?P<mdr_d1>{_DAY}){_RANGE_DASH}(?P<mdr_d2>{_DAY}),?\s+(?P<mdr_y>{_YEAR})"
)
_DAY_FIRST_RANGE = (
    rf"{_NOT_AFTER_NUMBER}(?P<dmr_d1>{_DAY}){_RANGE_DASH}(?P<dmr_d2>{_DAY})\s+{_month_pattern('dmr_m')},?\s+"
    rf"(?P<dmr_y>{_YEAR})"
)

# A date of the Old Style (Julian) with the New Style's (Gregorian) in parentheses, as Soviet editions print
# dates up to February 1918: "14 (27) January 1918", "19 February (4 March) 1918". ``when`` is the New
# Style's (the calendar ISO 8601 counts in); the Old Style's day stays in the text as printed.
_OLD_AND_NEW_STYLE = (
    rf"{_NOT_AFTER_NUMBER}(?P<os_d>{_DAY})(?:\s+{_month_pattern('os_m')})?\s?\((?P<ns_d>{_DAY})"
    rf"(?:\s+{_month_pattern('ns_m')})?\)\s*(?(os_m)|{_month_pattern('nso_m')}),?\s+(?P<ns_y>{_YEAR})"
)

_DATE_RE = re.compile("|".join((_ISO, _NUMERIC, _ROMAN, _DTG, _MONTH_FIRST_RANGE, _DAY_FIRST_RANGE, _OLD_AND_NEW_STYLE, _DAY_FIRST,
                                _MONTH_FIRST, _DAY_FIRST_FOREIGN, _YEAR_FIRST)), re.IGNORECASE)
# A Chinese or Japanese date, the year first: 1959年10月2日, or in Chinese numerals 一九五九年十月二日 (a digit
# a character in the year, 〇, ○ or 零 for zero; 十 for the tens of a month or day: 十月, 二十三日, 三十一日).
# Read apart from _DATE_RE: its numerals are no digits to anchor a scan on. Year and month alone
# (一九五九年十月) is a month, as "October 1959" is; the year alone is never found.
_HAN_DIGITS = "〇○零一二三四五六七八九"
_HAN_DIGIT_VALUES = {digit: max(n - 2, 0) for n, digit in enumerate(_HAN_DIGITS)}  # the three zeros, then 1-9
_HAN_NUMBER = "(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"  # 1 to 39: _iso rejects a day past the month's
_ARABIC = "0-9０-９"
_HAN_DATE_RE = re.compile(
    rf"(?<![{_ARABIC}{_HAN_DIGITS}十])(?P<y>[12１２][{_ARABIC}]{{3}}|[一二][{_HAN_DIGITS}]{{3}})\s?年\s?"
    rf"(?P<m>1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九])\s?月"
    rf"(?:\s?(?P<d>[12][0-9]|3[01]|0?[1-9]|[１２][０-９]|３[０１]|０?[１-９]|{_HAN_NUMBER})\s?[日号])?"
    rf"(?![{_ARABIC}])")
_BARE_YEAR_RE = re.compile(r"[12]\d{3}")
_YEAR_MONTH_RE = re.compile(r"(?P<y>[12]\d{3})-(?P<m>\d\d)")


def _iso(year: str | None, month: int | None, day: str | None) -> str | None:
    """ISO 8601 at the given precision, or None when the calendar forbids it or the year is missing."""
    if year is None or month is None or not 1 <= month <= 12:
        return None
    y = int(year)
    if day is None:
        return f"{y:04d}-{month:02d}"
    d = int(day.rstrip("stndrhSTNDRH"))
    if not 1 <= d <= calendar.monthrange(y, month)[1]:
        return None
    return f"{y:04d}-{month:02d}-{d:02d}"


def _month_number(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _month_token_ok(token: str | None) -> bool:
    if token is None:
        return True
    return token.rstrip(".").lower() not in _WORDLIKE_MONTHS or token[0].isupper()


def _date_when(m: re.Match[str]) -> str | None:
    g = m.group
    if g("iso_y"):
        return _iso(g("iso_y"), int(g("iso_m")), g("iso_d"))
    if g("num_y"):
        return _iso(g("num_y"), int(g("num_m")), g("num_d"))
    if g("rom_y"):
        year = g("rom_y") if len(g("rom_y")) == 4 else "19" + g("rom_y")
        return _iso(year, _ROMAN_MONTHS.index(g("rom_m").upper()) + 1, g("rom_d"))
    if g("dtg_y"):
        return _iso("19" + g("dtg_y"), _month_number(g("dtg_m")), g("dtg_d"))
    if g("mdr_m") or g("dmr_m"):
        return None  # a range has no single day: see _range
    if g("ns_y"):
        return _new_style(m)
    if g("dmy_m"):
        return _iso(g("dmy_y") or g("dmy_by"), _month_number(g("dmy_m")), g("dmy_d"))
    if g("mdy_d"):
        return _iso(g("mdy_y") or g("mdy_by"), _month_number(g("mdy_m")), g("mdy_d"))
    if g("fdm_m"):
        return _iso(g("fdm_y"), _month_number(g("fdm_m")), g("fdm_d"))
    if g("ymd_m"):
        return _iso(g("ymd_y"), _month_number(g("ymd_m")), g("ymd_d"))
    return _iso(g("my_y"), _month_number(g("mdy_m")), None)


def _new_style(m: re.Match[str]) -> str | None:
    """The New Style's day of ``14 (27) January 1918`` or ``19 February (4 March) 1918``: both months
    printed, or one for both days. None unless the New Style's day is 10 to 13 days after the Old
    Style's (the calendars' difference from 1582 to 1918): "Article 4 (5) May 1920" is no such date."""
    g = m.group
    new_month = g("ns_m") if g("os_m") else g("nso_m")
    if new_month is None or (g("ns_m") and not g("os_m")):
        return None
    old = _iso(g("ns_y"), _month_number(g("os_m") or new_month), g("os_d"))
    new = _iso(g("ns_y"), _month_number(new_month), g("ns_d"))
    if old is None or new is None:
        return None
    difference = (datetime.date.fromisoformat(new) - datetime.date.fromisoformat(old)).days
    return new if 10 <= difference <= 13 else None


def _range(m: re.Match[str]) -> tuple[str | None, str | None]:
    """First and last day of a range match; (None, None) for a single date or an impossible range."""
    g = m.group
    prefix = "mdr" if g("mdr_m") else "dmr" if g("dmr_m") else None
    if prefix is None:
        return None, None
    month = _month_number(g(f"{prefix}_m"))
    first, last = _iso(g(f"{prefix}_y"), month, g(f"{prefix}_d1")), _iso(g(f"{prefix}_y"), month, g(f"{prefix}_d2"))
    if first is None or last is None or first >= last:
        return None, None
    return first, last


# A slashed numeric date whose year is before 1500 is no Gregorian date in a modern record: it is the Hijri
# calendar's, solar or lunar, as Iranian and Afghan papers write it ("20/8/1343", 11 November 1964), which
# a Gregorian @when would misdate by six centuries. The date stays text.
_FIRST_GREGORIAN_SLASHED_YEAR = 1500


def _accepted(m: re.Match[str]) -> bool:
    if m.group("num_sep") == "/" and int(m.group("num_y")) < _FIRST_GREGORIAN_SLASHED_YEAR:
        return False
    if m.group("ns_y") and _new_style(m) is None:
        return False  # "Article 4 (5) May 1920": no Old Style date; "5) May 1920" is not read either
    if m.group("rom_m") and m.group("rom_m") != m.group("rom_m").upper():
        return False  # "3 vi 1943" is no Roman month
    return all(_month_token_ok(m.group(g)) for g in ("dmy_m", "mdy_m", "mdr_m", "dmr_m", "os_m", "ns_m", "nso_m"))


def _han_value(numeral: str) -> int:
    """``1959``, ``１０``, ``一九五九``, ``十``, ``二十三``: the number a date's part writes."""
    if numeral.isdecimal():
        return int(numeral)  # ASCII or full-width digits
    if "十" in numeral:  # tens: 十 (10), 十二 (12), 二十 (20), 三十一 (31)
        tens, _, units = numeral.partition("十")
        return 10 * (_HAN_DIGIT_VALUES[tens] if tens else 1) + (_HAN_DIGIT_VALUES[units] if units else 0)
    return int("".join(str(_HAN_DIGIT_VALUES[digit]) for digit in numeral))  # the year, digit by digit


def _han_found(m: re.Match[str]) -> Found:
    day = m.group("d")
    when = _iso(str(_han_value(m.group("y"))), _han_value(m.group("m")), None if day is None else str(_han_value(day)))
    return Found(m.start(), m.end(), m.group(), when)


def _han_dates(text: str) -> list[Found]:
    return [_han_found(m) for m in _HAN_DATE_RE.finditer(text)] if "年" in text else []


# ---------------------------------------------------------------- times

_NOT_AFTER_TIME = r"(?<![\w.:])"
_AM_PM = (
    rf"{_NOT_AFTER_TIME}(?P<ap_h>\d{{1,2}})(?:[.:](?P<ap_m>[0-5]\d))?\s?"
    r"(?P<ap>(?P<ap_l>[ap])(?:\.\s?m\b\.?|m\b))"
)
_NOON = rf"{_NOT_AFTER_TIME}12(?:[.:]00)?\s+(?P<noon>noon|midnight)\b"
_CLOCK24 = (
    rf"{_NOT_AFTER_TIME}(?P<h24_h>[01]\d|2[0-3]):(?P<h24_m>[0-5]\d)"
    r"(?::(?P<h24_s>[0-5]\d))?(?![\w:]|\.\d)"
)
# Soviet records' hours and minutes: "5 h. 30 min." (the Russian "5 ч. 30 мин."), 24-hour; a cipher
# telegram's "02 h. 45 m." abbreviates the minutes to their letter (the Russian "м.").
_HOURS_MINUTES = (rf"{_NOT_AFTER_TIME}(?P<hm_h>[01]?\d|2[0-3])\s?(?:h(?:rs?|ours?)?|ч)\.?\s(?P<hm_m>[0-5]?\d)\s?"
                  r"(?:min(?:utes?)?|мин|[mм])\b\.?")  # and a Russian transcript's "22 ч. 00 мин."
# A 24-hour time with its unit and no colon: "22.00 hrs", "2200 hours", "0538 hours".
_HOURS_UNIT = rf"{_NOT_AFTER_TIME}(?P<hu_h>[01]\d|2[0-3])\.?(?P<hu_m>[0-5]\d)\s?(?:hrs|hours)\b\.?"
_TIME_RE = re.compile("|".join((_AM_PM, _NOON, _CLOCK24, _HOURS_MINUTES, _HOURS_UNIT)), re.IGNORECASE)


def _time_accepted(m: re.Match[str]) -> bool:
    # Undotted "am"/"pm" only after minutes: "2 am I right" is not a time.
    marker = m.group("ap")
    return marker is None or "." in marker or m.group("ap_m") is not None


def _time_when(m: re.Match[str]) -> str | None:
    g = m.group
    if g("noon"):
        return "12:00:00" if g("noon").lower() == "noon" else "00:00:00"
    if g("h24_h"):
        return f"{g('h24_h')}:{g('h24_m')}:{g('h24_s') or '00'}"
    if g("hm_h"):
        return f"{int(g('hm_h')):02d}:{int(g('hm_m')):02d}:00"
    if g("hu_h"):
        return f"{g('hu_h')}:{g('hu_m')}:00"
    hour = int(g("ap_h"))
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if g("ap_l").lower() == "p" else 0)
    return f"{hour:02d}:{g('ap_m') or '00'}:00"


# ---------------------------------------------------------------- scanning

_Accept = Callable[[re.Match[str]], bool]
_WHEN: dict[re.Pattern[str], Callable[[re.Match[str]], str | None]] = {
    _DATE_RE: _date_when,
    _TIME_RE: _time_when,
}
_DIGITS_RE = re.compile(r"\d\d*")  # not "\d+": a pattern opening with a repeat is tried at every position
_MONTH_WINDOW = 16  # "September, " plus slack for doubled spaces
_MONTH_BEFORE_RE = re.compile(rf"\b{_month_pattern('m')},?\s+\Z", re.IGNORECASE)


def _match_at(pattern: re.Pattern[str], text: str, at: int, accept: _Accept) -> re.Match[str] | None:
    m = pattern.match(text, at)
    return m if m is not None and accept(m) else None


def _anchored_scan(pattern: re.Pattern[str], text: str, accept: _Accept, month_first: bool) -> list[Found]:
    """Try ``pattern`` only where a digit run starts, or at a month name just before one.

    Every date and time contains a digit, so anchoring on digit runs skips the
    words a plain scan would try the month alternation on. The result equals
    ``_plain_scan`` (a property test holds that) and is several times faster.
    """
    found: list[Found] = []
    pos = 0
    for digits in _DIGITS_RE.finditer(text):
        start = digits.start()
        if start < pos:
            continue  # inside the previous expression
        m = None
        if month_first:
            before = _MONTH_BEFORE_RE.search(text, max(pos, start - _MONTH_WINDOW), start)
            if before is not None:
                m = _match_at(pattern, text, before.start(), accept)
        m = m or _match_at(pattern, text, start, accept)
        if m is not None:
            found.append(_found(pattern, m))
            pos = m.end()
    return found


def _found(pattern: re.Pattern[str], m: re.Match[str]) -> Found:
    first, last = _range(m) if pattern is _DATE_RE else (None, None)
    return Found(m.start(), m.end(), m.group(), _WHEN[pattern](m), first, last)


def _plain_scan(pattern: re.Pattern[str], text: str, accept: _Accept) -> list[Found]:
    """The obvious scan, kept as the reference that ``_anchored_scan`` must equal."""
    found: list[Found] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if not accept(m):
            pos = m.start() + 1  # "may 3" rejected: look again one character later
            continue
        found.append(_found(pattern, m))
        pos = m.end()
    return found


# ---------------------------------------------------------------- public API


def find_dates(text: str) -> list[Found]:
    """Every date expression in ``text``, non-overlapping, in order of position."""
    found = _anchored_scan(_DATE_RE, text, _accepted, month_first=True)
    han = [date for date in _han_dates(text) if not any(f.start < date.end and date.start < f.end for f in found)]
    return sorted(found + han, key=lambda date: date.start) if han else found


# Cached, as entry_date: the block rules ask both of the same unit's text again (the diary test, then its rule).
@functools.lru_cache(maxsize=1024)
def parse_date(text: str) -> str | None:
    """ISO date when the whole (stripped) string is one date, else None.

    Unlike ``find_dates`` this accepts a bare year (``1949``) and ISO year-month
    (``1949-07``), since the caller already holds a string that should be a date.
    """
    s = text.strip()
    if _BARE_YEAR_RE.fullmatch(s):
        return s
    if (ym := _YEAR_MONTH_RE.fullmatch(s)) is not None:
        return _iso(ym.group("y"), int(ym.group("m")), None)
    m = _DATE_RE.fullmatch(s)
    if m is None and (han := _HAN_DATE_RE.fullmatch(s)) is not None:
        return _han_found(han).when
    if m is None or not _accepted(m):
        return None
    return _date_when(m)


# "7.11.37": a diarist's day, month and two-digit year, read only as a whole line that heads an entry.
_SHORT_NUMERIC = re.compile(r"(?P<d>[12]\d|3[01]|0?[1-9])\.(?P<m>1[0-2]|0?[1-9])\.(?P<y>\d\d)")


# A date field's label: "Date: 17.3.70, 23:40" (an Israeli or Czechoslovak cable's form), "Dated: …".
DATE_LABEL = re.compile(r"^(?:Date|Dated|Time|Date and time)\s*:\s*", re.I)


def labelled_short_date(text: str) -> Found | None:
    """``17.3.70`` right after a date field's label (``Date: 17.3.70, 23:40``): day, month and a
    two-digit year of the 1900s, as ``entry_date`` reads a diary's. The label says it is a date; in
    running text ``1.2.10`` is a section's number, so nowhere else."""
    label = DATE_LABEL.match(text)
    short = _SHORT_NUMERIC.match(text, label.end()) if label else None
    if short is None or re.match(r"\.?\d", text[short.end():]):
        return None
    when = _iso("19" + short.group("y"), int(short.group("m")), short.group("d"))
    return Found(short.start(), short.end(), short.group(), when) if when else None


@functools.lru_cache(maxsize=1024)
def entry_date(text: str) -> str | None:
    """ISO date of a diary entry's heading: any whole date ``parse_date`` reads, or ``7.11.37`` (day
    first, a year of the 1900s, as with Roman months). Found nowhere else: in running text ``1.2.10``
    is a section's number."""
    when = parse_date(text)
    if when is not None or (short := _SHORT_NUMERIC.fullmatch(text.strip())) is None:
        return when
    return _iso("19" + short.group("y"), int(short.group("m")), short.group("d"))


def whole_date(text: str) -> Found | None:
    """The date when the whole (stripped) string is one date or one range (``June 2–3, 1952``)."""
    s = text.strip()
    m = _DATE_RE.fullmatch(s)
    if m is None and (han := _HAN_DATE_RE.fullmatch(s)) is not None:
        return _han_found(han)
    if m is None or not _accepted(m):
        return None
    return _found(_DATE_RE, m)


def find_times(text: str) -> list[Found]:
    """Clock times with a.m./p.m., ``12 noon``/``12 midnight``, or 24-hour ``hh:mm``."""
    return _anchored_scan(_TIME_RE, text, _time_accepted, month_first=False)


def parse_time(text: str) -> str | None:
    """``hh:mm:ss`` when the whole (stripped) string is one clock time, else None."""
    m = _TIME_RE.fullmatch(text.strip())
    if m is None or not _time_accepted(m):
        return None
    return _time_when(m)


# The date of the meeting a record reports, when the record says so: "On 10 August 1943 I met …",
# "I received the Ambassador on 12 May", "the conversation took place on June 2–3, 1952", a verbatim
# record's "Held at Lake Success, New York, on Tuesday, 27 June 1950" (a weekday may precede the date).
_MEETING_WORDS = (r"(?:met|received|visited|called on|saw|talked|spoke|conversation|meeting|interview|talks?|"
                  r"audience|negotiations?|discussion|Held)")
_ON = re.compile(r"^\s*On\s+")
_MEETING_SOON = re.compile(rf"^,?\s+(?:[\w.'’-]+\s+){{0,6}}?{_MEETING_WORDS}\b")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?"
# The meeting words' first letters, looked ahead for first: a position whose letter opens none of them
# fails on one test of a class, not on the word boundary and each word of the case-blind alternation.
_MEETING_INITIALS = "[acdhimnrstv]"
_MEETING_THEN_DATE = re.compile(
    rf"(?={_MEETING_INITIALS})\b{_MEETING_WORDS}\b[^\n]{{0,160}}?\bon\s+{_WEEKDAY}(?P<date>[^\n]{{4,40}})", re.I)


def meeting_date(paragraph: str) -> Found | None:
    """The date of the meeting a paragraph reports, with its ISO value, or None.

    Only a date introduced by ``on`` next to a meeting word counts: a narrative date
    (``the troops arrived on 5 August``) is not the meeting's.
    """
    on = _ON.match(paragraph)
    if on is not None:  # "On 10 August 1943 I met …"
        candidates = find_dates(paragraph[on.end():on.end() + 40])
        if candidates and candidates[0].start == 0 and (candidates[0].when or candidates[0].from_) \
                and _MEETING_SOON.match(paragraph[on.end() + candidates[0].end:]):
            return candidates[0]
    found = _MEETING_THEN_DATE.search(paragraph)
    if found is not None:
        candidates = find_dates(found.group("date"))
        if candidates and candidates[0].start == 0 and (candidates[0].when or candidates[0].from_):
            return candidates[0]
    return None
