"""Negative numbers given where a number goes get the command's own sentence about the
value, not Click's "No such option: -3"; and the journal is left as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from typer.testing import Result

from netjournal.cli.negatives import reorder

Run = Callable[..., Result]
Unchanged = Callable[[], AbstractContextManager[None]]


@pytest.fixture(autouse=True)
def journal(ok: Run) -> Iterator[None]:
    ok("log", "Ana Rossi", "-m", "coffee")
    yield


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("spend", "-35", "lunch"), "Cannot read the amount '-35'; use a number like 250"),
        (("spend", "-35.50", "lunch", "--on", "yesterday"), "Cannot read the amount '-35.50'"),
        (
            ("goal", "set", "one-to-ones", "-2", "--per", "week"),
            "A goal must be a whole number from 1 to 10000, not -2.",
        ),
        (("budget", "set", "-100", "--per", "month"), "Cannot read the amount '-100'"),
        (("give", "Ana Rossi", "intro", "--amount", "-500"), "Cannot read the amount '-500'"),
    ],
)
def test_a_negative_number_gets_the_value_sentence(
    net: Run, unchanged: Unchanged, args: tuple[str, ...], sentence: str
) -> None:
    with unchanged():
        result = net(*args)
    assert result.exit_code == 1, result.output
    assert sentence in result.stderr
    assert "No such option" not in result.stderr


def test_a_mistyped_option_is_still_named(net: Run, unchanged: Unchanged) -> None:
    with unchanged():
        result = net("spend", "35", "lunch", "--amout", "3")
    assert result.exit_code == 2
    assert "No such option: --amout" in result.stderr


def test_positive_numbers_and_option_values_parse_as_before(ok: Run, rows: Callable) -> None:
    ok("spend", "35", "lunch", "--on", "yesterday")
    assert rows("SELECT amount_cents FROM expense") == [(3500,)]


def test_reorder_moves_positionals_after_a_double_dash_only_when_needed() -> None:
    takes = {"--per": True, "--json": False, "--on": True}
    assert reorder(["one-to-ones", "2", "--per", "week"], takes) == [
        "one-to-ones",
        "2",
        "--per",
        "week",
    ]
    assert reorder(["one-to-ones", "-2", "--per", "week"], takes) == [
        "--per",
        "week",
        "--",
        "one-to-ones",
        "-2",
    ]
    # an option's value that looks negative stays the option's
    assert reorder(["x", "--on", "-3", "-4"], takes) == ["--on", "-3", "--", "x", "-4"]
    # words after an existing -- stay positional, in order
    assert reorder(["-5", "--", "--json"], takes) == ["--", "-5", "--json"]
