"""The day's page: plain ``net`` and ``net today`` (issue 17).

Today is Saturday 2026-11-28 (conftest): the week ends tomorrow, Sunday 2026-11-29.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import Result

Run = Callable[..., Result]
Json = Callable[..., Any]

NARROW = {"COLUMNS": "80"}


def _due_contact(ok: Run, name: str, days_ago: int = 60) -> None:
    ok("contact", "add", name, "--met-on", "2024-01-10", "--cadence", "30", "--tier", "close")
    ok("log", name, "--on", f"{days_ago} days ago", "-m", "coffee")


@pytest.fixture
def busy(ok: Run) -> None:
    """Two contacts due, promises and a follow-up this week (one overdue), one next week,
    a weekly goal half met and a streak of two days."""
    _due_contact(ok, "Ana Rossi", 70)
    _due_contact(ok, "Marco Neri", 45)
    ok("contact", "add", "Giulia Bianchi", "--met-on", "2024-01-10")
    ok("log", "Giulia", "--on", "yesterday", "-m", "lunch")
    ok("log", "Giulia", "-m", "call", "-k", "call")
    ok("promise", "Giulia", "send the checklist", "--by", "2026-11-25")  # overdue
    ok("promise", "Marco", "intro to the notary", "--by", "tomorrow")
    ok("followup", "Ana", "sunday", "ask about Bergamo")
    ok("promise", "Giulia", "the BNI invite", "--by", "2026-12-02")  # next week
    ok("goal", "set", "one-to-ones", "2", "--per", "week")


def _lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


def test_plain_net_is_the_days_page(busy: None, ok: Run) -> None:
    shown = ok()
    assert shown.stdout == ok("today").stdout
    lines = _lines(shown.stdout)
    assert lines[0] == (
        "Saturday 28 November 2026 · streak: 2 days in a row with a networking action"
    )
    text = shown.stdout
    # the top of net due, with the reasons as net due gives them
    assert "Whom to contact" in text
    for name in ("Ana Rossi", "Marco Neri"):
        assert name in text
    assert "last contact 70 days ago, every 30 days" in " ".join(text.split())
    # this week's follow-ups and promises, the overdue one first; not next week's
    section = text[text.index("Follow-ups and promises due this week") :]
    assert section.index("send the checklist") < section.index("intro to the notary")
    assert "2026-11-25 (overdue)" in section
    assert "ask about Bergamo" in section
    assert "the BNI invite" not in text
    assert "Goals: one-to-ones 1 of 2 this week" in text
    assert "more: net" not in text  # nothing was cut
    assert shown.stderr == ""


def test_the_page_fits_one_screen_and_says_what_it_left_out(ok: Run, net: Run) -> None:
    for n in range(12):
        _due_contact(ok, f"Person{n:02d} Surname", 40 + n)
        ok("promise", f"Person{n:02d}", f"send the deck number {n}", "--by", "tomorrow")
    ok("goal", "set", "gives", "4", "--per", "month")
    result = net(env=NARROW)
    assert result.exit_code == 0, result.stderr
    lines = _lines(result.stdout)
    assert len(lines) <= 23, result.stdout  # with the prompt: one 24-line screen
    assert all(cell_len(line) <= 80 for line in lines), result.stdout
    assert any(line.endswith("more: net due") for line in lines), result.stdout
    assert any(line.endswith("more: net followups") for line in lines), result.stdout
    assert "Whom to contact" in result.stdout and "Goals: gives 0 of 4" in result.stdout
    shown = sum(1 for line in lines if re.match(r"\s+\d+\s+Person", line))
    more = next(line for line in lines if line.endswith("more: net due"))
    assert shown + int(more.split()[0]) == 12  # what is shown and what is left out: all


def test_json_shape_is_the_reports_it_assembles(busy: None, net_json: Json) -> None:
    page = net_json("today", "--json")
    assert set(page) >= {"as_of", "due", "due_count", "followups", "goals", "streak"}
    assert page == net_json("--json")  # `net --json` is the same page
    due = net_json("due", "--json")
    assert page["due"] == due["items"][:5] and page["due_count"] == len(due["items"])
    followups = net_json("followups", "--json")["followups"]
    assert page["followups"] == [f for f in followups if f["due"] <= "2026-11-29"]
    assert [f["note"] for f in page["followups"]] == [
        "send the checklist",
        "intro to the notary",
        "ask about Bergamo",
    ]
    goals = net_json("goals", "--json")
    assert page["goals"] == goals["goals"] and page["streak"] == goals["streak"] == 2


def test_top_five_of_due(ok: Run, net_json: Json) -> None:
    for n in range(7):
        _due_contact(ok, f"Person{n} Surname", 40 + n)
    page = net_json("--json")
    assert len(page["due"]) == 5 and page["due_count"] == 7


def test_empty_journal_is_a_single_hint(ok: Run, db_path: Path) -> None:
    ok("goal", "set", "gives", "1", "--per", "week")
    ok("goal", "rm", "gives")  # a journal that exists and holds nothing
    shown = ok()
    assert shown.stdout.startswith("Nothing needs you today.")
    assert len(_lines(shown.stdout)) == 1
    page = json.loads(ok("--json").stdout)
    assert (page["due"], page["followups"], page["goals"], page["streak"]) == ([], [], [], 0)


def test_empty_sections_each_say_so_in_a_line(ok: Run) -> None:
    ok("goal", "set", "gives", "1", "--per", "week")
    text = ok().stdout
    assert "Nobody is due within 3 days" in text
    assert "No follow-ups or promises due this week." in text
    assert "Goals: gives 0 of 1 this week" in text
    assert "─" not in text  # never an empty table


def test_no_journal_welcomes_and_creates_nothing(ok: Run, db_path: Path) -> None:
    shown = ok()
    assert shown.stdout.startswith("Welcome to net")
    assert str(db_path) in shown.stdout
    for how in ("net log NAME -m", "net demo", "net help"):
        assert how in shown.stdout
    page = ok("--json")
    assert json.loads(page.stdout)["due"] == [] and "Welcome to net" in page.stderr
    other = db_path.parent / "elsewhere" / "j.db"
    assert "elsewhere" in ok("--db", str(other)).stdout
    assert not db_path.exists() and not db_path.parent.exists()  # no file, no folder


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["help"]])
def test_the_help_is_still_there(ok: Run, db_path: Path, args: list[str]) -> None:
    shown = ok(*args)
    assert shown.stdout.startswith("Usage: net [OPTIONS] [COMMAND [ARGS]...]")
    assert "today" in shown.stdout and "Alone, net shows your day" in shown.stdout
    assert not db_path.exists()
