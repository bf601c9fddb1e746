"""Parameters are coerced without pydantic (``netjournal.cli.coerce``) and still behave as
Typer's own coercion would: the values arrive typed, and a bad value is one sentence and
exit 2 with the journal untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result


def test_whole_numbers_arrive_as_int(ok: Callable[..., Result], rows: Any) -> None:
    ok("contact", "add", "Ana Rossi", "--cadence", " 30 ")
    assert rows("SELECT cadence FROM contact") == [(30,)]
    ok("log", "Ana Rossi", "--kind", "meal")
    ok("give", "Ana Rossi", "intro to Bo", "--size", "4")
    assert rows("SELECT size FROM exchange") == [(4,)]


def test_a_bad_whole_number_is_one_sentence_and_exit_2(
    net: Callable[..., Result], ok: Callable[..., Result], unchanged: Any
) -> None:
    ok("contact", "add", "Ana Rossi")
    with unchanged():
        result = net("give", "Ana Rossi", "intro", "--size", "big")
    assert result.exit_code == 2
    assert "Invalid value for '--size': 'big' is not a whole number." in result.stderr
    assert "Traceback" not in result.stderr
    result = net("due", "--limit", "1.5")
    assert result.exit_code == 2
    assert "'1.5' is not a whole number" in result.stderr


def test_repeated_options_arrive_as_a_list(
    ok: Callable[..., Result], net_json: Callable[..., Any]
) -> None:
    ok("contact", "add", "Ana Rossi", "--tag", "chess", "--tag", "wine")
    (contact,) = net_json("contacts", "--json")["contacts"]
    assert sorted(contact["tags"]) == ["chess", "wine"]


def test_paths_arrive_as_paths(ok: Callable[..., Result], tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    ok("--db", str(other), "contact", "add", "Ana Rossi")
    assert other.exists()
    backup = tmp_path / "copy.db"
    ok("--db", str(other), "backup", str(backup))
    result = ok("restore", str(backup), "--yes")
    assert "Ana Rossi" in ok("contacts").stdout, result.stdout
