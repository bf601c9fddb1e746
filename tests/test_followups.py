"""``net followup``, ``promise``, ``followups``, ``done`` and ``snooze``.

Today is Saturday 2026-11-28 (conftest).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import Result

Run = Callable[..., Result]
Json = Callable[..., Any]
Rows = Callable[..., list[tuple[Any, ...]]]


@pytest.fixture
def ana(ok: Run) -> str:
    ok("contact", "add", "Ana Rossi", "--met-on", "2024-11-28")
    return "Ana Rossi"


@pytest.mark.parametrize(
    ("when", "day"),
    [
        ("friday", "2026-12-04"),
        ("saturday", "2026-12-05"),  # a bare weekday is never today
        ("sun", "2026-11-29"),
        ("3d", "2026-12-01"),
        ("in 2 weeks", "2026-12-12"),
        ("next monday", "2026-11-30"),
        ("2027-01-15", "2027-01-15"),
        ("tomorrow", "2026-11-29"),
    ],
)
def test_followup_dates_prefer_the_future(
    ok: Run, rows: Rows, ana: str, when: str, day: str
) -> None:
    result = ok("followup", "ana", when, "ask about Milan")
    assert result.stdout == f"Follow up with Ana Rossi by {day} (r1).\n"
    assert rows("SELECT kind, due, note, created_on, done_on FROM followup") == [
        ("reach-out", day, "ask about Milan", "2026-11-28", None)
    ]


def test_followup_in_the_past_warns_but_records(ok: Run, rows: Rows, ana: str) -> None:
    result = ok("followup", "Ana", "2026-11-20")
    assert "already past" in result.stderr
    assert rows("SELECT due, note FROM followup") == [("2026-11-20", "")]


def test_promise_defaults_to_a_week(ok: Run, rows: Rows, ana: str) -> None:
    result = ok("promise", "Ana", "send the deck")
    assert result.stdout == "Promised Ana Rossi by 2026-12-05: send the deck (r1).\n"
    ok("promise", "Ana", "intro to Marco", "--by", "tuesday")
    assert rows("SELECT kind, due, note FROM followup ORDER BY id") == [
        ("promise", "2026-12-05", "send the deck"),
        ("promise", "2026-12-01", "intro to Marco"),
    ]


def test_bad_input_writes_nothing(net: Run, ok: Run, ana: str, unchanged: Any) -> None:
    with unchanged():
        assert net("followup", "Nobody", "friday").exit_code == 1
        assert net("followup", "Ana", "someday").exit_code == 1
        assert net("followup", "Ana", "friday", "bad\x07note").exit_code == 1
        assert net("promise", "Ana", "  ").exit_code == 1
        assert net("promise", "Ana", "deck", "--by", "2019-02-29").exit_code == 1
        assert net("done", "Ana").exit_code == 1
        assert net("snooze", "Ana", "yesterday").exit_code == 1
        assert net("snooze", "Ana").exit_code == 2
        assert net("snooze", "Ana", "friday", "--clear").exit_code == 2


def test_followups_lists_open_ones_by_due_date(ok: Run, net_json: Json, ana: str) -> None:
    ok("contact", "add", "Marco Neri")
    ok("followup", "Ana", "friday", "ask about Milan")
    ok("promise", "Marco", "send the deck", "--by", "2026-11-25")
    ok("followup", "Marco", "in 3 weeks")
    data = net_json("followups", "--json")
    assert data["as_of"] == "2026-11-28"
    assert [(f["id"], f["name"], f["kind"], f["due"]) for f in data["followups"]] == [
        ("r2", "Marco Neri", "promise", "2026-11-25"),
        ("r1", "Ana Rossi", "reach-out", "2026-12-04"),
        ("r3", "Marco Neri", "reach-out", "2026-12-19"),
    ]
    assert data["followups"][0]["overdue"] is True
    assert data["followups"][1]["overdue"] is False
    out = ok("followups").stdout
    assert out.index("r2") < out.index("r1") < out.index("r3")
    assert "overdue" in out
    assert "send the deck" in out


@pytest.mark.usefixtures("empty_journal")
def test_followups_empty(net: Run) -> None:
    result = net("followups")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No open follow-ups" in result.stderr


def test_done_closes_the_earliest_open_one(ok: Run, rows: Rows, net_json: Json, ana: str) -> None:
    ok("followup", "Ana", "friday")
    ok("promise", "Ana", "send the deck", "--by", "tuesday")
    result = ok("done", "Ana")
    assert result.stdout == (
        "Done: promise r2 with Ana Rossi, due 2026-12-01: send the deck (kept).\n"
    )
    assert rows("SELECT id, done_on FROM followup ORDER BY id") == [
        (1, None),
        (2, "2026-11-28"),
    ]
    assert [f["id"] for f in net_json("followups", "--json")["followups"]] == ["r1"]
    everything = net_json("followups", "--json", "--all")["followups"]
    assert [(f["id"], f["done_on"], f["kept"]) for f in everything] == [
        ("r1", None, None),
        ("r2", "2026-11-28", True),
    ]
    ok("done", "Ana")
    assert rows("SELECT count(*) FROM followup WHERE done_on IS NULL") == [(0,)]


def test_done_all_and_a_late_promise(ok: Run, rows: Rows, ana: str) -> None:
    ok("promise", "Ana", "send the deck", "--by", "2026-11-20")
    ok("followup", "Ana", "friday")
    ok("followup", "Ana", "in 2 weeks")
    result = ok("done", "Ana", "--all")
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0] == "Done: promise r1 with Ana Rossi, due 2026-11-20: send the deck (late)."
    assert rows("SELECT count(*) FROM followup WHERE done_on = '2026-11-28'") == [(3,)]
    listed = json.loads(ok("followups", "--all", "--json").stdout)["followups"]
    assert [f["kept"] for f in listed] == [False, None, None]


def test_promise_kept_counts_for_credibility(ok: Run, net_json: Json, ana: str) -> None:
    ok("log", "Ana", "--on", "2026-10-10", "--promise", "send the deck")
    ok("log", "Ana", "--on", "2026-11-10")
    ok("learn", "Ana", "family", "two daughters")
    ok("learn", "Ana", "goals", "an office in Milan")
    assert net_json("show", "Ana", "--json")["stage"] == "visibility"
    ok("done", "Ana", env={"NETJOURNAL_NOW": "2026-10-15T09:00"})
    assert net_json("show", "Ana", "--json")["stage"] == "credibility"


def test_done_is_undoable(ok: Run, rows: Rows, ana: str) -> None:
    ok("followup", "Ana", "friday")
    ok("done", "Ana")
    ok("undo")
    assert rows("SELECT done_on FROM followup") == [(None,)]


def test_snooze_and_clear(ok: Run, rows: Rows, net_json: Json, ana: str) -> None:
    result = ok("snooze", "Ana", "monday")
    assert result.stdout == (
        "Snoozed Ana Rossi until 2026-11-30: no cadence reminders until then; follow-ups and "
        "promises that fall due stay in 'net due'.\n"
    )
    assert rows("SELECT snoozed_until FROM contact") == [("2026-11-30",)]
    assert net_json("due", "--json", "--all")["items"] == []
    assert ok("snooze", "Ana", "--clear").stdout == "Ana Rossi is no longer snoozed.\n"
    assert rows("SELECT snoozed_until FROM contact") == [(None,)]
    assert [i["name"] for i in net_json("due", "--json", "--all")["items"]] == ["Ana Rossi"]


def test_a_snooze_never_hides_what_is_overdue(ok: Run, net: Run, net_json: Json) -> None:
    """``net snooze Marco "in 2 weeks"`` used to hide an overdue promise and a dated
    follow-up from ``net due`` without a word."""
    ok("contact", "add", "Marco Neri", "--tier", "close", "--met-on", "2025-01-10")
    ok("log", "Marco", "--on", "2026-10-01", "-k", "meal")
    ok("promise", "Marco", "send the deck", "--by", "2026-11-20")
    ok("followup", "Marco", "2026-11-29", "ask about the tender")
    result = ok("snooze", "Marco", "in 2 weeks")
    assert result.stderr.splitlines() == [
        "Note: Marco Neri's promise is overdue since 2026-11-20: send the deck; a snooze does "
        "not hide it, so 'net due' keeps listing it.",
        "Note: Marco Neri is already past the cadence (last real contact 58 days ago, every 30 "
        "days); the snooze hides that until 2026-12-12.",
    ]
    (item,) = net_json("due", "--json")["items"]
    assert item["name"] == "Marco Neri"
    assert item["reasons"][0] == "promise overdue since 2026-11-20: send the deck"
    assert not any("every" in r for r in item["reasons"])  # the cadence reminder is hidden
    assert "cadence" not in item["terms"]
    # done with the promise, nothing due within 3 days... but the follow-up tomorrow is
    ok("done", "Marco")
    assert [i["name"] for i in net_json("due", "--json")["items"]] == ["Marco Neri"]
    ok("done", "Marco")
    assert net_json("due", "--json")["items"] == []
    assert net_json("due", "--json", "--all")["items"] == []  # hidden, even from --all
    one = net_json("due", "Marco", "--json")
    assert one["listed"] is False and one["snoozed_until"] == "2026-12-12"
    # a snooze with nothing overdue says nothing more
    ok("contact", "add", "Pia Bassi", "--met-on", "2026-11-20")
    assert net("snooze", "Pia", "monday").stderr == ""


def test_archived_contacts_followups_are_not_listed(ok: Run, net_json: Json, ana: str) -> None:
    ok("followup", "Ana", "friday")
    ok("contact", "archive", "Ana")
    assert net_json("followups", "--json")["followups"] == []
