"""The guided debrief: ``net log`` with no names on a terminal, with scripted answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netjournal.cli import debrief

Run = Callable[..., Any]
TTY = {debrief.INTERACTIVE_ENV: "1"}


def _answers(*lines: str) -> str:
    return "\n".join(lines) + "\n"


FULL = (
    "Ana Rossi",  # who
    "",  # who introduced you (asked of a new contact): nobody
    "",  # kind: one-to-one
    "yesterday",  # when
    "Coffee at the fair",  # what happened
    "introduction:to Marco, a notary",  # gave
    "",  # gave nothing else
    "advice:pricing",  # asked
    "",  # asked nothing else
    "send the deck",  # promised
    "friday",  # by
    "",  # promised nothing else
    "two daughters",  # family (unknown for a new contact)
    "",  # learned nothing else
    "2w",  # next step
    "y",  # confirm
)


def test_off_a_terminal_no_names_is_a_usage_error(net: Run, unchanged: Any) -> None:
    with unchanged():
        result = net("log", env={debrief.INTERACTIVE_ENV: "0"})
    assert result.exit_code == 2
    assert "Name at least one contact" in result.stderr


def test_options_without_names_are_a_usage_error_even_on_a_terminal(
    net: Run, unchanged: Any
) -> None:
    with unchanged():
        result = net("log", "-m", "coffee", input=_answers(*FULL), env=TTY)
    assert result.exit_code == 2
    assert "Name at least one contact" in result.stderr


def test_terminal_check_is_injectable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(debrief.INTERACTIVE_ENV, "1")
    assert debrief.interactive()
    monkeypatch.setenv(debrief.INTERACTIVE_ENV, "0")
    assert not debrief.interactive()


def test_debrief_end_to_end(ok: Run, rows: Run) -> None:
    result = ok("log", input=_answers(*FULL), env=TTY)
    assert "About to record:" in result.stdout
    assert "  one-to-one with Ana Rossi on 2026-11-27" in result.stdout
    assert "  promise by 2026-12-04 → Ana Rossi: send the deck" in result.stdout
    assert "  fact family → Ana Rossi: two daughters" in result.stdout
    assert "Logged one-to-one with Ana Rossi on 2026-11-27" in result.stdout
    assert "Ana Rossi is not in your journal yet" in result.stderr
    assert rows("SELECT kind, occurred_on, note FROM interaction") == [
        ("one-to-one", "2026-11-27", "Coffee at the fair")
    ]
    assert sorted(rows("SELECT direction, kind, what FROM exchange")) == [
        ("ask", "advice", "pricing"),
        ("give", "introduction", "to Marco, a notary"),
    ]
    assert rows("SELECT category, text FROM fact") == [("family", "two daughters")]
    assert sorted(rows("SELECT kind, due, note FROM followup")) == [
        ("promise", "2026-12-04", "send the deck"),
        ("reach-out", "2026-12-12", ""),
    ]
    ok("undo")
    assert rows("SELECT count(*) FROM interaction") == [(0,)]


def test_debrief_asks_about_an_unknown_category(ok: Run, rows: Run) -> None:
    ok("contact", "add", "Ana Rossi")
    ok("learn", "Ana", "family", "two daughters")
    result = ok(
        "log",
        input=_answers("ana", "dinner", "meal", "", "", "", "", "", "run a marathon", "", "", "y"),
        env=TTY,
    )
    assert "What are Ana's goals?" in result.stdout
    assert "Unknown interaction kind 'dinner'" in result.stderr
    assert rows("SELECT kind FROM interaction") == [("meal",)]
    assert sorted(rows("SELECT category, text FROM fact")) == [
        ("family", "two daughters"),
        ("goals", "run a marathon"),
    ]


def test_debrief_reprompts_a_bad_date(ok: Run, rows: Run) -> None:
    ok("contact", "add", "Ana Rossi")
    answers = _answers(
        "Ana", "", "the 45th of Smarch", "3 days ago", "", "", "", "", "", "", "", ""
    )
    result = ok("log", input=answers, env=TTY)
    assert "Cannot read the date" in result.stderr
    assert rows("SELECT occurred_on FROM interaction") == [("2026-11-25",)]


def test_debrief_interrupted_halfway_writes_nothing(net: Run, unchanged: Any) -> None:
    with unchanged():
        result = net("log", input=_answers(*FULL[:5]), env=TTY)
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr


def test_debrief_declined_writes_nothing(net: Run, ok: Run, rows: Run) -> None:
    ok("contact", "add", "Ana Rossi")
    result = ok("log", input=_answers(*FULL[:-1], "n"), env=TTY)
    assert "Nothing was written." in result.stderr
    assert rows("SELECT count(*) FROM interaction") == [(0,)]


def test_debrief_refuses_ambiguous_names_then_accepts(ok: Run, rows: Run) -> None:
    ok("contact", "add", "Ana Rossi")
    ok("contact", "add", "Ana Bianchi")
    answers = _answers(
        "ana",
        "Ana Rossi, ana rossi",
        "Ana Rossi, Marco Neri",
        *("", "", "", "", "", ""),  # kind, when, note, gave, asked, promised
        *("", "", ""),  # Ana's goals, Marco's family, anything else
        "",  # next step
        "y",
    )
    result = ok("log", input=answers, env=TTY)
    assert "could be" in result.stderr
    assert "'Ana Rossi' is named twice" in result.stderr
    assert "Marco Neri is not in your journal yet" in result.stderr
    assert rows(
        "SELECT c.name FROM participant p JOIN contact c ON c.id = p.contact_id ORDER BY position"
    ) == [("Ana Rossi",), ("Marco Neri",)]


def test_debrief_asks_who_introduced_a_new_contact(ok: Run, net_json: Run) -> None:
    ok("contact", "add", "Giulia Verdi")
    answers = ("Marco Neri", "Nobody Known", "giulia", *FULL[2:])
    result = ok("log", input=_answers(*answers), env=TTY)
    assert "No contact is called 'Nobody Known'" in result.stderr  # asked again
    assert "  introduced to you by giulia" in result.stdout
    assert net_json("show", "Marco", "--json")["introduced_by"]["name"] == "Giulia Verdi"


def test_log_met_through_records_who_introduced_the_first_contact(ok: Run, net_json: Run) -> None:
    ok("contact", "add", "Giulia Verdi")
    result = ok("log", "Marco Neri", "-m", "coffee", "--met-through", "Giulia")
    assert "Marco Neri was introduced to you by Giulia Verdi." in result.stdout
    assert net_json("show", "Marco", "--json")["introduced_by"]["name"] == "Giulia Verdi"
