"""`net budget` alone, `net budget show --json` and `net backup --list --json`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]


@pytest.mark.usefixtures("empty_journal")
def test_budget_alone_shows_the_budget(ok: Run) -> None:
    assert ok("budget").stderr.strip() == "No networking budget is set."
    ok("budget", "set", "150", "--per", "month")
    ok("spend", "35", "BNI breakfast", "--on", "2026-11-25")
    shown = ok("budget").stdout.strip()
    assert shown == ok("budget", "show").stdout.strip()
    assert shown.startswith("Budget 150.00 a month")
    assert "spent 35.00, 115.00 left" in shown


@pytest.mark.usefixtures("empty_journal")
def test_budget_show_json(ok: Run) -> None:
    empty = json.loads(ok("budget", "show", "--json").stdout)
    assert empty == {"as_of": "2026-11-28", "budget": None}
    ok("budget", "set", "150", "--per", "month")
    ok("spend", "35", "BNI breakfast", "--on", "2026-11-25")
    data = json.loads(ok("budget", "show", "--json").stdout)
    assert data == {
        "as_of": "2026-11-28",
        "budget": {
            "amount": "150.00",
            "per": "month",
            "for_period": "150.00",
            "left": "115.00",
            "from": "2026-11-01",
            "to": "2026-11-30",
            "spent": "35.00",
        },
    }
    assert json.loads(ok("budget", "--json").stdout) == data
    assert json.loads(ok("budget", "--json", "show").stdout) == data


def test_budget_json_before_a_write_is_refused(ok: Run, net: Run, unchanged: Any) -> None:
    ok("budget", "set", "150", "--per", "month")
    for args in (("set", "200", "--per", "month"), ("rm",)):
        with unchanged():
            result = net("budget", "--json", *args)
        assert result.exit_code == 2, args
        assert result.stderr == (
            "--json goes with net budget or net budget show, which print the budget.\n"
        )


def test_budget_subcommands_still_work(ok: Run, net: Run) -> None:
    ok("budget", "set", "1200", "--per", "year")
    ok("budget", "rm")
    assert net("budget", "rm").exit_code == 1
    assert net("budget", "nonsense").exit_code == 2


def test_backup_list_json(ok: Run, db_path: Path) -> None:
    ok("log", "Ana Rossi")
    empty = json.loads(ok("backup", "--list", "--json").stdout)
    assert empty == {"folder": str(db_path.parent / "backups"), "backups": []}
    ok("backup")
    data = json.loads(ok("backup", "--list", "--json").stdout)
    assert data["folder"] == str(db_path.parent / "backups")
    [item] = data["backups"]
    assert item["file"] == "journal-backup-20261128-100000.db"
    assert item["path"] == str(db_path.parent / "backups" / item["file"])
    assert item["size"] == Path(item["path"]).stat().st_size
    modified = datetime.fromisoformat(item["modified"])  # ISO 8601, in UTC
    assert modified.utcoffset() == timedelta(0)


def test_backup_json_needs_list(net: Run, ok: Run, unchanged: Any) -> None:
    ok("log", "Ana Rossi")
    with unchanged():
        result = net("backup", "--json")
    assert result.exit_code == 2
    assert "--json goes with --list" in result.stderr
