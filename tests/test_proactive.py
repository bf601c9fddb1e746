"""goal, goals, spend, expenses, budget, target, targets and review, end to end.

Today is Saturday 2026-11-28 (conftest): this week runs from Monday 2026-11-23, this
month from 2026-11-01.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal import vocab

Run = Callable[..., Any]


def _at(day: str) -> dict[str, str]:
    return {"NETJOURNAL_NOW": f"{day}T10:00:00"}


@pytest.fixture
def boundaries(ok: Run) -> None:
    """One of each metric on each side of the week's and the month's first day."""
    for day, name, kind in (
        ("2026-10-31", "Otto October", "one-to-one"),  # last month
        ("2026-11-01", "Nina November", "meal"),  # first day of the month
        ("2026-11-22", "Sam Sunday", "one-to-one"),  # Sunday: last week
        ("2026-11-23", "Mona Monday", "meal"),  # Monday: this week
    ):
        ok(
            "log",
            name,
            "-k",
            kind,
            "--on",
            day,
            "--give",
            "a tip",
            "--give",
            "introduction:to Ugo",
            "--learned",
            "family:two kids",
            "--follow-up",
            "tomorrow",
        )
        ok("log", name, "-k", "call", "--on", day)
        ok("done", name, env=_at(day))


EXPECTED = {
    # metric: (this week, this month)
    "one-to-ones": (1, 3),
    "interactions": (2, 6),
    "gives": (2, 6),
    "referrals-given": (1, 3),
    "new-contacts": (1, 3),
    "facts": (1, 3),
    "follow-ups-done": (1, 3),
}


def test_every_goal_metric_at_week_and_month_boundaries(
    boundaries: None, ok: Run, net_json: Run
) -> None:
    assert set(EXPECTED) == set(vocab.GOAL_METRICS)
    for metric in EXPECTED:
        ok("goal", "set", metric, "3", "--per", "week")
    weekly = net_json("goals", "--json")["goals"]
    assert {g["metric"]: (g["actual"], g["period_start"]) for g in weekly} == {
        metric: (week, "2026-11-23") for metric, (week, _month) in EXPECTED.items()
    }
    for metric in EXPECTED:
        ok("goal", "set", metric, "4", "--per", "month")
    monthly = net_json("goals", "--json")["goals"]
    assert {g["metric"]: (g["actual"], g["period_start"], g["target"]) for g in monthly} == {
        metric: (month, "2026-11-01", 4) for metric, (_week, month) in EXPECTED.items()
    }
    ok("goal", "rm", "facts")
    assert len(net_json("goals", "--json")["goals"]) == 6


def test_goals_on_a_monday_and_on_the_first(boundaries: None, ok: Run, net_json: Run) -> None:
    ok("goal", "set", "interactions", "5", "--per", "week")
    ok("goal", "set", "gives", "5", "--per", "month")
    on_monday = net_json_at(ok, "2026-11-23")
    assert [(g["actual"], g["period_start"]) for g in on_monday["goals"]] == [
        (2, "2026-11-23"),
        (6, "2026-11-01"),
    ]
    on_first = net_json_at(ok, "2026-11-01")
    assert [(g["actual"], g["period_start"]) for g in on_first["goals"]] == [
        (4, "2026-10-26"),
        (2, "2026-11-01"),
    ]


def net_json_at(ok: Run, day: str) -> Any:
    import json

    return json.loads(ok("goals", "--json", env=_at(day)).stdout)


def test_goals_table_and_errors(ok: Run, net: Run, unchanged: Any) -> None:
    ok("log", "Ana Rossi", "--on", "2026-11-24")
    ok("goal", "set", "one-to-ones", "5", "--per", "week")
    out = ok("goals").stdout
    assert "1  [20% of 5]" in out and "Streak: 0 days" in out
    with unchanged():
        assert net("goal", "set", "handshakes", "5", "--per", "week").exit_code == 1
        assert net("goal", "set", "gives", "0", "--per", "week").exit_code == 1
        assert net("goal", "set", "gives", "3", "--per", "day").exit_code == 1
        assert net("goal", "rm", "facts").exit_code == 1
    ok("undo")
    assert net("goals").stderr.startswith("No goals yet")


def test_streak_in_goals_and_review(ok: Run, net_json: Run) -> None:
    ok("log", "Ana Rossi", "--on", "2026-11-27")
    ok("learn", "Ana", "hobbies", "sailing", "--on", "2026-11-26")
    ok("spend", "12", "coffee", "--on", "2026-11-25")
    ok("give", "Ana", "a tip", "--on", "2026-11-23")  # the 24th is a gap
    assert net_json("goals", "--json")["streak"] == 3  # today not yet: 25, 26, 27
    assert net_json("review", "--json")["streak"] == 3
    ok("ask", "Ana", "advice on boats", "-k", "advice")  # today
    assert net_json("goals", "--json")["streak"] == 4


def test_money_is_exact(ok: Run, net_json: Run, rows: Run) -> None:
    ok("log", "Ana Rossi", "--on", "2026-11-02")
    for amount in ("0.10", "0.20", "0.10"):
        ok("spend", amount, "coffee", "--contact", "ana", "--on", "2026-11-20")
    ok("spend", "1000", "last year's fee", "--on", "2025-11-20")
    ok("ask", "Ana", "closed deal", "-k", "business", "--amount", "0.10", "--on", "2026-11-21")
    ok("ask", "Ana", "closed deal", "-k", "business", "--amount", "0.20", "--on", "2026-11-22")
    ok("ask", "Ana", "open deal", "-k", "business", "--amount", "99", "--open")
    ok("ask", "Ana", "a favor", "--amount", "50")  # not business: not a return
    assert rows("SELECT sum(amount_cents) FROM expense WHERE spent_on >= '2026-01-01'") == [(40,)]
    money = net_json("review", "--month", "--json")["money"]
    assert money == {
        "spent": "0.40",
        "returned": "0.30",
        "net": "-0.10",
        "ratio": 0.75,
        "budget": None,
    }
    ok("budget", "set", "100", "--per", "month")
    money = net_json("review", "--month", "--json")["money"]
    # the whole month's budget against what was spent so far, as hledger shows budgets (it
    # was 100 × 28/30 = 93.33 for the days up to today, and 92.93 left)
    assert money["budget"] == {
        "amount": "100.00",
        "per": "month",
        "for_period": "100.00",
        "left": "99.60",
        "from": "2026-11-01",
        "to": "2026-11-30",
        "spent": "0.40",
    }
    year = net_json("review", "--since", "2025-11-01", "--json")["money"]
    assert (year["spent"], year["returned"], year["net"]) == ("1000.40", "0.30", "-1000.10")
    expenses = net_json("expenses", "--json")
    assert [e["amount"] for e in expenses["expenses"]] == ["1000.00", "0.10", "0.20", "0.10"]
    assert expenses["expenses"][1]["contact"] == "Ana Rossi"
    assert (expenses["spent"], expenses["returned"]) == ("1000.40", "0.30")
    since = net_json("expenses", "--since", "2026-01-01", "--json")
    assert since["spent"] == "0.40"


@pytest.mark.usefixtures("empty_journal")
def test_review_without_spending_has_no_ratio(net_json: Run, ok: Run) -> None:
    money = net_json("review", "--json")["money"]
    assert money == {
        "spent": "0.00",
        "returned": "0.00",
        "net": "0.00",
        "ratio": None,
        "budget": None,
    }


def test_currency_symbol_from_config(ok: Run, tmp_path: Path) -> None:
    config = Path(str(tmp_path / "config" / "config.toml"))
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('currency = "€"\n', encoding="utf-8")
    assert ok("spend", "0.30", "coffee").stdout.startswith("Spent €0.30 on coffee")
    assert "Spent €0.30; returned €0.00" in ok("expenses").stdout


def test_budget_set_show_rm(ok: Run, net: Run, rows: Run) -> None:
    ok("budget", "set", "1,200.50", "--per", "year")
    assert rows("SELECT value FROM setting WHERE key = 'budget'") == [
        ('{"cents": 120050, "per": "year"}',)
    ]
    assert ok("budget", "show").stdout.strip() == (
        "Budget 1200.50 a year: 1200.50 for 2026-01-01 – 2026-12-31; spent 0.00, 1200.50 left."
    )
    assert net("budget", "set", "10", "--per", "week").exit_code == 1
    assert net("budget", "set", "ten", "--per", "month").exit_code == 1
    ok("budget", "rm")
    assert net("budget", "rm").exit_code == 1


@pytest.mark.usefixtures("empty_journal")
def test_targets(ok: Run, net: Run, net_json: Run) -> None:
    assert net("targets").stderr.startswith("No targets yet")
    assert ok("target", "add", "IT managers at manufacturers in Lombardy").stdout.startswith(
        "Target t1: IT managers"
    )
    ok("target", "add", "architects in Turin")
    assert [t["id"] for t in net_json("targets", "--json")["targets"]] == ["t1", "t2"]
    ok("target", "rm", "t1")
    assert "architects in Turin" in ok("targets").stdout
    assert net("target", "rm", "t1").exit_code == 1
    assert net("target", "rm", "g1").exit_code == 1
    assert net("target", "add", "  ").exit_code == 1


def test_spend_errors_write_nothing(net: Run, ok: Run, unchanged: Any) -> None:
    ok("contact", "add", "Ana Rossi")
    with unchanged():
        assert net("spend", "abc", "coffee").exit_code == 1
        assert net("spend", "1.234", "coffee").exit_code == 1
        assert net("spend", "5", "coffee", "--contact", "Nobody").exit_code == 1
        assert net("spend", "5", "").exit_code == 1


def test_review_habits_and_stages(ok: Run, net_json: Run) -> None:
    # met 60 days ago and seen again within 30 days; met 45 days ago, never again
    ok("log", "Fay Farmer", "--on", "2026-09-29")
    ok("log", "Fay Farmer", "--on", "2026-10-10")
    ok("log", "Hal Hunter", "--on", "2026-10-14")
    ok("log", "Ivo New", "--on", "2026-11-24", "--ask", "referral:to his boss")
    ok("target", "add", "lawyers")
    ok("give", "Fay", "a lead", "-k", "referral", "--on", "2026-11-25")
    data = net_json("review", "--json")
    assert (data["from"], data["to"]) == ("2026-11-23", "2026-11-28")
    habits = {h["key"]: h for h in data["habits"]}
    assert habits["farming"]["share"] == 0.5 and habits["farming"]["in_place"]
    assert not habits["no_selling"]["in_place"]
    assert habits["targeted"]["in_place"]
    assert habits["giving_first"]["in_place"]
    assert not habits["goals"]["in_place"] and not habits["budget"]["in_place"]
    assert habits["every_day"]["days"] == 2 and not habits["every_day"]["in_place"]
    assert data["activity"]["gives"] == {"count": 1, "points": 5.0}
    assert data["activity"]["asks"]["count"] == 1
    assert data["stages"]["counts"]["visibility"] == 3
    assert {m["name"] for m in data["stages"]["moved"]} == {"Ivo New"}
    assert data["weeks"] == [{"week": "2026-11-23", "gives": 1, "asks": 1}]


@pytest.mark.usefixtures("empty_journal")
def test_review_period_options(net: Run, net_json: Run) -> None:
    assert net_json("review", "--year", "--json")["from"] == "2026-01-01"
    assert net_json("review", "--month", "--json")["from"] == "2026-11-01"
    assert net_json("review", "--since", "3 days ago", "--json")["from"] == "2026-11-25"
    assert net("review", "--week", "--month").exit_code == 2
    assert net("review", "--since", "tomorrow").exit_code == 1


def test_review_goals_scaled_to_period(ok: Run, net_json: Run) -> None:
    ok("goal", "set", "interactions", "7", "--per", "week")
    ok("log", "Ana Rossi", "--on", "2026-11-24")
    # the whole week's target (it was 7 × 6/7 = 6 for the days up to today: 17 %)
    goal = net_json("review", "--json")["goals"][0]
    assert (goal["target"], goal["actual"], goal["percent"]) == (7.0, 1, 14)


def test_goals_and_budgets_read_the_same_everywhere(
    ok: Run, net_json: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a Monday ``net goals`` said "2 [100 % of 2]" where ``net review`` said "2 [350 %
    of 0.6]"; on the 1st of a month the budget line said "4.84 for this period, -30.16
    left" while 115 of 150 was left."""
    monkeypatch.setenv("NETJOURNAL_NOW", "2026-12-01T18:00:00")  # a Tuesday, the 1st
    ok("goal", "set", "one-to-ones", "2", "--per", "week")
    ok("log", "Ana Rossi", "--on", "2026-11-30")
    ok("log", "Ana Rossi", "--on", "2026-12-01")
    goal = net_json("goals", "--json")["goals"][0]
    weekly = net_json("review", "--week", "--json")["goals"][0]
    assert (goal["actual"], goal["target"], goal["percent"]) == (2, 2, 100)
    assert (weekly["actual"], weekly["target"], weekly["percent"]) == (2, 2.0, 100)
    assert "2  [100% of 2]" in ok("goals").stdout
    assert "2  [100% of 2]" in ok("review", "--week").stdout
    ok("budget", "set", "150", "--per", "month")
    ok("spend", "35", "BNI breakfast")
    shown = ok("budget", "show").stdout.strip()
    assert (
        shown
        == "Budget 150.00 a month: 150.00 for 2026-12-01 – 2026-12-31; spent 35.00, 115.00 left."
    )
    assert shown in ok("review", "--month").stdout
    assert net_json("review", "--month", "--json")["money"]["budget"]["left"] == "115.00"


def test_review_svg(ok: Run, tmp_path: Path) -> None:
    ok("log", "Ana Rossi", "--on", "2026-11-16", "--give", "referral:to Bo")
    ok("give", "Ana", "a lead", "--on", "2026-11-17")
    ok("give", "Ana", "a lead", "--on", "2026-11-18")
    ok("ask", "Ana", "a tip", "--on", "2026-11-24")
    target = tmp_path / "out.svg"
    result = ok("review", "--since", "2026-11-16", "--svg", str(target))
    assert "Gives against asks per week" in result.stdout
    root = ET.parse(target).getroot()
    assert root.tag.endswith("svg")
    text = "".join("".join(el.itertext()) for el in root.iter()).replace("\xa0", " ")
    assert "2026-11-16  gives" in text and "2026-11-23  gives" in text
    assert "█ 3" in text and "█ 1" in text
    assert "Wrote the review to" in result.stderr


@pytest.mark.usefixtures("empty_journal")
def test_review_svg_unwritable(net: Run, tmp_path: Path) -> None:
    result = net("review", "--svg", str(tmp_path / "missing" / "out.svg"))
    assert result.exit_code == 1 and "Cannot write" in result.stderr
