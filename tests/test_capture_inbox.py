"""net inbox FILE: net log's vocabulary one line at a time; lines recognised by their
text; names never guessed. Today is Saturday 2026-11-28 (conftest)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.capture_helpers import FIXTURES, add_people, logged

INBOX = FIXTURES / "inbox.txt"


@pytest.fixture(autouse=True)
def people(ok: Callable[..., Any]) -> None:
    add_people(ok)


def test_lines_become_interactions(ok: Callable[..., Any], rows: Callable[..., Any]) -> None:
    result = ok("inbox", str(INBOX))
    assert logged(rows, "inbox") == [
        ("2026-11-21", "video", "notes; still the note", "Marco Neri"),
        ("2026-11-23", "call", "", "Giulia Conti"),
        ("2026-11-25", "one-to-one", "talked about Bergamo", "Ana Rossi"),
        ("2026-11-27", "meal", "the deed", "Ana Rossi, Marco Neri"),
    ]
    assert rows("SELECT direction, kind, what FROM exchange ORDER BY id") == [
        ("give", "introduction", "to Marco Neri"),
        ("ask", "advice", "on the deed"),
    ]
    # the give of an introduction that names a contact records the introduction
    assert rows("SELECT count(*) FROM introduction") == [(1,)]
    assert rows("SELECT category, text FROM fact") == [("family", "two kids")]
    assert rows("SELECT kind, due, note FROM followup ORDER BY id") == [
        ("reach-out", "2026-12-04", ""),
        ("promise", "2026-12-04", "send the draft"),
    ]
    lines = result.stderr.splitlines()
    assert lines[:4] == [
        "line 6: No contact is called 'Ana Rosi'. Did you mean 'Ana Rossi'?",
        "line 7: No contact is called 'Bruno'.",
        "line 8: no 'with NAME' (such as '2026-12-01 coffee with Ana Rossi').",
        "line 9: no date at the start (such as 2026-12-01 or yesterday).",
    ]
    assert lines[4] == "inbox: 4 entries logged with 3 contacts; 4 skipped (left for you 4)"


def test_idempotent_by_content_dry_run_and_undo(
    ok: Callable[..., Any], rows: Callable[..., Any], tmp_path: Path, unchanged: Any
) -> None:
    inbox = tmp_path / "inbox.txt"
    inbox.write_text(INBOX.read_text(encoding="utf-8"), encoding="utf-8")
    with unchanged():
        dry = ok("inbox", str(inbox), "--dry-run")
    assert dry.stdout.splitlines()[0] == (
        "2026-11-25 12:00  one-to-one with Ana Rossi: talked about Bergamo (1 give)"
    )
    ok("inbox", str(inbox))
    # the phone appends a line (and fixes nothing): only the new line is logged
    with inbox.open("a", encoding="utf-8") as handle:
        handle.write("2026-11-28 drinks with Giulia Conti:   a new   line\n")
    again = ok("inbox", str(inbox))
    assert (
        "inbox: 1 entry logged with 1 contact; 8 skipped (already imported 4, left for you 4)"
        in again.stderr
    )
    assert logged(rows, "inbox")[-1] == ("2026-11-28", "one-to-one", "a new line", "Giulia Conti")
    ok("undo")
    assert len(logged(rows, "inbox")) == 4
    ok("undo")
    assert logged(rows, "inbox") == []
    assert rows("SELECT count(*) FROM exchange") == [(0,)]


def test_not_text(net: Callable[..., Any], tmp_path: Path, unchanged: Any) -> None:
    binary = tmp_path / "inbox.txt"
    binary.write_bytes(b"\xff\xfe\x00binary")
    with unchanged():
        result = net("inbox", str(binary))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{binary} is not a UTF-8 text file."


@pytest.mark.parametrize(
    ("answers", "logged_days"),
    [
        ("a\n", ["2026-11-21", "2026-11-23", "2026-11-25", "2026-11-27"]),
        ("c\n", []),
        ("s\ny\nn\ny\nq\n", ["2026-11-23", "2026-11-25"]),
    ],
)
def test_review_on_a_terminal(
    ok: Callable[..., Any], rows: Callable[..., Any], answers: str, logged_days: list[str]
) -> None:
    """On a terminal the proposals are shown first: accept all, step through (yes, no,
    quit), or cancel; --yes writes without asking."""
    env = {"NETJOURNAL_INTERACTIVE": "1"}
    result = ok("inbox", str(INBOX), input=answers, env=env)
    assert "Write 4 interactions?" in result.stdout
    assert sorted(r[0] for r in logged(rows, "inbox")) == logged_days
    if answers == "c\n":
        assert "Cancelled; nothing was written." in result.stderr


def test_yes_skips_the_review(ok: Callable[..., Any], rows: Callable[..., Any]) -> None:
    result = ok("inbox", str(INBOX), "--yes", env={"NETJOURNAL_INTERACTIVE": "1"})
    assert "Write 4 interactions" not in result.stdout
    assert len(logged(rows, "inbox")) == 4
