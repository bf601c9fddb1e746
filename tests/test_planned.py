"""Future-dated logs: refused unless ``--planned``; a plan is a reminder, never contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netjournal.cli import debrief

Run = Callable[..., Any]


def test_a_log_in_the_future_is_refused_and_writes_nothing(
    ok: Run, net: Run, unchanged: Any
) -> None:
    ok("log", "Ana Rossi", "-k", "call")
    ok("followup", "Ana", "in 2 weeks")
    for when in ("in 3 days", "tomorrow", "2026-12-01", "2027-01-01"):
        with unchanged():
            result = net("log", "Ana", "--on", when, "-k", "meal", "--give", "x")
        assert result.exit_code == 1, when
        assert result.stderr.count("\n") == 1
        assert "is after today: log an interaction once it has happened" in result.stderr
    assert ok("log", "Ana", "--on", "today", "-k", "call").exit_code == 0


def test_planned_is_a_plan_not_contact(ok: Run, net_json: Run, rows: Run) -> None:
    ok("log", "Ana Rossi", "-k", "call", "--on", "20 days ago")
    ok("followup", "Ana", "in 2 weeks", "send the proposal")
    before = net_json("due", "Ana", "--json")
    result = ok("log", "Ana", "--on", "in 3 days", "--planned", "-k", "meal", "-m", "Da Gino")
    assert result.stdout == (
        "Planned meal with Ana Rossi on 2026-12-01 (r2): a reminder, not contact; "
        "log it once it has happened.\n"
    )
    # no interaction; the reach-out stays open; the plan is a follow-up of its own kind
    assert rows("SELECT count(*) FROM interaction") == [(1,)]
    assert rows("SELECT id, kind, due, note, done_on FROM followup ORDER BY id") == [
        (1, "reach-out", "2026-12-12", "send the proposal", None),
        (2, "plan", "2026-12-01", "meal: Da Gino", None),
    ]
    after = net_json("due", "Ana", "--json")
    assert after["last_contact"] == before["last_contact"] == "2026-11-08"
    assert after["last_real_contact"] == "2026-11-08"
    assert after["due_on"] == "2026-12-01"
    assert "plan due 2026-12-01: meal: Da Gino" in after["reasons"]
    shown = net_json("show", "Ana", "--json")
    assert [(f["kind"], f["note"]) for f in shown["followups"] if f["kind"] == "plan"] == [
        ("plan", "meal: Da Gino")
    ]
    assert len(shown["interactions"]) == 1
    assert "plan due 2026-12-01: meal: Da Gino" in ok("due").stdout


def test_a_plan_is_closed_by_real_contact_on_or_after_its_day(
    ok: Run, rows: Run, monkeypatch: Any
) -> None:
    ok("log", "Ana Rossi", "--on", "in 3 days", "--planned", "-k", "meal")
    # a call before the planned day is not the plan: it stays open
    ok("log", "Ana", "-k", "call")
    assert rows("SELECT done_on FROM followup") == [(None,)]
    # on the day, a light touch keeps it open; the meal closes it
    monkeypatch.setenv("NETJOURNAL_NOW", "2026-12-01T20:00:00")
    light = ok("log", "Ana", "-k", "message")
    assert "light touch: plan r1 with Ana Rossi" in light.stderr
    real = ok("log", "Ana", "-k", "meal")
    assert "Closed plan r1 with Ana Rossi (due 2026-12-01: meal): you were in touch." in real.stdout
    assert rows("SELECT done_on FROM followup") == [("2026-12-01",)]


def test_planned_refusals(ok: Run, net: Run, unchanged: Any) -> None:
    ok("log", "Ana Rossi")
    cases = [
        (("--on", "yesterday", "--planned"), 1, "A plan is for a day after today"),
        (("--on", "today", "--planned"), 1, "A plan is for a day after today"),
        (("--planned",), 2, "--planned needs --on WHEN"),
        (("--on", "friday", "--planned", "--give", "x"), 2, "takes only names"),
        (("--on", "friday", "--planned", "--follow-up", "2w"), 2, "takes only names"),
    ]
    for args, code, text in cases:
        with unchanged():
            result = net("log", "Ana", *args)
        assert result.exit_code == code, args
        assert text in result.stderr, args


def test_planned_with_a_bare_weekday_means_the_coming_one(ok: Run, rows: Run) -> None:
    ok("log", "Ana Rossi", "Marco Neri", "--on", "friday", "--planned")
    assert rows("SELECT contact_id, kind, due FROM followup ORDER BY id") == [
        (1, "plan", "2026-12-04"),
        (2, "plan", "2026-12-04"),
    ]
    assert rows("SELECT count(*) FROM interaction") == [(0,)]


def test_debrief_refuses_a_day_after_today(ok: Run, rows: Run) -> None:
    ok("contact", "add", "Ana Rossi")
    answers = "\n".join(("Ana", "", "in 3 days", "yesterday", *[""] * 8, "y")) + "\n"
    result = ok("log", input=answers, env={debrief.INTERACTIVE_ENV: "1"})
    assert "is after today" in result.stderr
    assert rows("SELECT occurred_on FROM interaction") == [("2026-11-27",)]


def test_edit_cannot_move_an_interaction_into_the_future(ok: Run, net: Run, rows: Run) -> None:
    ok("log", "Ana Rossi")
    assert net("edit", "i1", "--on", "in 3 days").exit_code == 1
    assert rows("SELECT occurred_on FROM interaction") == [("2026-11-28",)]


def test_contacts_leave_out_an_interaction_dated_after_today(ok: Run, net_json: Run) -> None:
    ok("log", "Ana Rossi", "--on", "2026-11-20")
    # written while the clock ran ahead (net log refuses a day after today now)
    ok("log", "Ana", "--on", "2026-12-20", env={"NETJOURNAL_NOW": "2026-12-20T10:00"})
    [ana] = net_json("contacts", "--json")["contacts"]
    assert ana["last_contact"] == "2026-11-20"
    assert ana["interactions"] == 1
    assert net_json("due", "Ana", "--json")["last_contact"] == "2026-11-20"


def test_a_plan_travels_with_undo_and_the_json_dump(ok: Run, rows: Run, tmp_path: Any) -> None:
    ok("log", "Ana Rossi", "--on", "friday", "--planned", "-k", "meal", "-m", "Da Gino")
    dump = tmp_path / "dump.json"
    ok("export", "json", "-o", str(dump))
    ok("undo")
    assert rows("SELECT count(*) FROM followup") == [(0,)]
    assert rows("SELECT count(*) FROM contact") == [(0,)]  # the one the plan created too
    ok("import", "json", str(dump))
    assert rows("SELECT kind, due, note FROM followup") == [("plan", "2026-12-04", "meal: Da Gino")]
    ics = ok("export", "ics").stdout
    assert "SUMMARY:Planned with Ana Rossi: meal: Da Gino" in ics


def test_gives_asks_facts_and_expenses_in_the_future_are_refused(
    ok: Run, net: Run, unchanged: Any
) -> None:
    ok("log", "Ana Rossi", "-k", "call")
    cases = [
        (("give", "Ana", "an intro"), "record the give once it has happened"),
        (("ask", "Ana", "an intro"), "record the ask once it has happened"),
        (("learn", "Ana", "family", "two kids"), "record the fact once it has happened"),
        (("spend", "25", "lunch"), "record the expense once it has happened"),
    ]
    for args, text in cases:
        with unchanged():
            result = net(*args, "--on", "in 3 days")
        assert result.exit_code == 1, args
        assert result.stderr.count("\n") == 1, args
        assert f"2026-12-01 is after today: {text}." in result.stderr, args
        ok(*args, "--on", "today")
