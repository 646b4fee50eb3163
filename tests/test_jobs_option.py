"""``--jobs`` means the same on every command: N ≥ 1, or ``auto`` (all cores, the default)."""

from __future__ import annotations

import os

import pytest

from conftest import SEEDS
from tei_encoder.cli import make_parser, main

# Each command with the arguments it needs besides --jobs.
COMMANDS = {
    "convert": [str(SEEDS[0]), "--out", "out"],
    "validate": ["file.xml"],
    "render": ["file.xml", "--out", "out"],
    "build": ["source", "--out", "out"],
}


def parse(command: str, *jobs: str) -> int:
    return int(make_parser(command).parse_args([command, *COMMANDS[command], *jobs]).jobs)


@pytest.mark.parametrize("command", COMMANDS)
def test_jobs_defaults_to_all_cores(command: str) -> None:
    assert parse(command) == (os.cpu_count() or 1)


@pytest.mark.parametrize("command", COMMANDS)
def test_jobs_auto_is_all_cores(command: str) -> None:
    assert parse(command, "--jobs", "auto") == (os.cpu_count() or 1)
    assert parse(command, "-j", "AUTO") == (os.cpu_count() or 1)


@pytest.mark.parametrize("command", COMMANDS)
def test_jobs_number(command: str) -> None:
    assert parse(command, "--jobs", "3") == 3


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_jobs_zero_negative_or_not_a_number_is_a_usage_error(command: str, value: str, capsys, tmp_path) -> None:
    with pytest.raises(SystemExit) as usage:
        main([command, *COMMANDS[command], f"--jobs={value}"])
    assert usage.value.code == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1 and "--jobs" in errors[0], err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()
