"""The progress bar every command shares: warnings and reports never end up glued to it."""

from __future__ import annotations

import io
import re
import sys

import pytest

from tei_encoder.commands.progress import beside_bar, progress, say


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    # Inside the test, not in a fixture: pytest puts its own capture back on sys.stderr before each test runs.
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    return screen


def test_warnings_printed_during_a_bar_start_their_own_line(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = on_terminal(monkeypatch)
    for n in progress(range(30), 30, "converting"):
        if n % 10 == 5:
            say(f"WARNING {n}")
    written = terminal.getvalue()
    assert "converting" in written  # the bar was drawn
    for n in (5, 15, 25):
        before = written[:written.index(f"WARNING {n}\n")]
        # the bar was cleared first: the warning follows a carriage return, never the bar's text
        assert before.endswith("\r"), repr(before[-60:])


def test_reports_on_another_stream_clear_the_bar_too(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = on_terminal(monkeypatch)
    report = Terminal()
    monkeypatch.setattr(sys, "stdout", report)
    for n in progress(range(25), 25, "validating", unit="file"):
        with beside_bar(sys.stdout):
            sys.stdout.write(f"file{n}.xml: valid\n")
    assert report.getvalue().splitlines() == [f"file{n}.xml: valid" for n in range(25)]
    assert re.search(r"\r\s+\r", terminal.getvalue())  # the bar was wiped before each report line


def test_no_bar_when_quiet_short_or_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = on_terminal(monkeypatch)
    assert list(progress(range(30), 30, "x", quiet=True)) == list(range(30))
    assert list(progress(range(5), 5, "x")) == list(range(5))
    say("plain")
    assert terminal.getvalue() == "plain\n"
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert list(progress(range(30), 30, "x")) == list(range(30))
    assert sys.stderr.getvalue() == ""
