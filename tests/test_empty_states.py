"""One rule for an empty list: one hint line on stderr (what to do to fill it), nothing on
stdout (never an empty table), exit 0; ``--json`` keeps its usual shape with an empty list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import Result

LIST_COMMANDS = [
    ("contacts",),
    ("due",),
    ("due", "--all"),
    ("followups",),
    ("followups", "--all"),
    ("balance",),
    ("depth",),
    ("asks",),
    ("asks", "--open"),
    ("expenses",),
    ("targets",),
    ("match",),
    ("intros",),
    ("search", "notary"),
    ("path", "notary"),
    ("contact", "dupes"),
    ("backup", "--list"),
]


@pytest.fixture
def empty_journal(ok: Callable[..., Result]) -> None:
    """A journal that exists and holds nothing (a goal set and removed)."""
    ok("goal", "set", "gives", "1", "--per", "week")
    ok("goal", "rm", "gives")


@pytest.mark.usefixtures("empty_journal")
@pytest.mark.parametrize("args", LIST_COMMANDS, ids=" ".join)
def test_an_empty_list_prints_one_hint_and_no_table(
    args: tuple[str, ...], ok: Callable[..., Result]
) -> None:
    result = ok(*args)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].strip()


@pytest.mark.usefixtures("empty_journal")
def test_goals_without_goals_say_how_to_set_one(ok: Callable[..., Result]) -> None:
    result = ok("goals")
    assert "net goal set" in result.stderr
    assert "metric" not in result.stdout  # no table header


@pytest.mark.usefixtures("empty_journal")
@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("balance",), "net log"),
        (("depth",), "net log"),
        (("asks",), "net ask"),
        (("asks", "--open"), "net asks lists all"),
        (("due",), "net due --all"),
        (("due", "--all"), "net log"),
        (("expenses",), "net spend"),
    ],
)
def test_the_hint_says_what_fills_the_list(
    args: tuple[str, ...], hint: str, ok: Callable[..., Result]
) -> None:
    assert hint in ok(*args).stderr


@pytest.mark.usefixtures("empty_journal")
@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("balance", "--json"), "contacts"),
        (("depth", "--json"), "contacts"),
        (("asks", "--json"), "asks"),
        (("contacts", "--json"), "contacts"),
        (("followups", "--json"), "followups"),
        (("due", "--json"), "items"),
    ],
)
def test_json_of_an_empty_list_keeps_its_shape(
    args: tuple[str, ...], key: str, net_json: Callable[..., Any]
) -> None:
    assert net_json(*args)[key] == []


def test_asks_with_only_settled_ones_hint_at_the_full_list(ok: Callable[..., Result]) -> None:
    ok("log", "Ana Rossi", "--new", "-m", "coffee", "--on", "2026-11-20")
    ok("ask", "Ana Rossi", "intro to her accountant", "-k", "introduction")
    result = ok("asks", "--open")
    assert result.stdout == ""
    assert "net asks lists all" in result.stderr
