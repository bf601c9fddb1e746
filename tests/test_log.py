"""`net log` end to end, as DESIGN.md's contract and issue 2's acceptance describe it."""

from __future__ import annotations

import json


def test_log_acceptance_example(ok, net_json, rows):
    result = ok(
        "log",
        "Ana Rossi",
        "Marco Neri",
        "-k",
        "meal",
        "--on",
        "yesterday",
        "-m",
        "Lunch",
        "--give",
        "intro to a notary",
        "--learned",
        "family:two daughters",
        "--follow-up",
        "in 2 weeks",
    )
    assert "New contact: Ana Rossi." in result.stderr
    assert "New contact: Marco Neri." in result.stderr
    assert "Logged meal with Ana Rossi and Marco Neri on 2026-11-27" in result.stdout
    # one interaction with two participants
    assert rows("SELECT kind, note, occurred_on FROM interaction") == [
        ("meal", "Lunch", "2026-11-27")
    ]
    assert rows("SELECT count(*) FROM participant") == [(2,)]
    ana = net_json("show", "Ana", "--json")
    assert ana["name"] == "Ana Rossi"
    assert [(g["kind"], g["what"], g["on"]) for g in ana["gives"]] == [
        ("favor", "intro to a notary", "2026-11-27")
    ]
    assert [(f["category"], f["text"]) for f in ana["facts"]] == [("family", "two daughters")]
    assert [(f["kind"], f["due"]) for f in ana["followups"]] == [("reach-out", "2026-12-12")]
    assert ana["interactions"][0]["at"].startswith("2026-11-27T12:00")
    assert ana["interactions"][0]["with"] == ["Ana Rossi", "Marco Neri"]
    marco = net_json("show", "Marco", "--json")
    assert marco["gives"] == [] and marco["facts"] == [] and marco["followups"] == []
    assert len(marco["interactions"]) == 1


def test_give_kind_before_colon(ok, net_json):
    ok("log", "Ana Rossi", "--give", "introduction:to Marco, a notary", "--ask", "advice:pricing")
    ana = net_json("show", "Ana Rossi", "--json")
    assert ana["gives"][0]["kind"] == "introduction"
    assert ana["gives"][0]["what"] == "to Marco, a notary"
    assert ana["asks"][0]["kind"] == "advice"
    assert ana["asks"][0]["status"] == "granted"


def test_unknown_kind_prefix_is_text(ok, net_json):
    ok("log", "Ana Rossi", "--give", "note: see you soon")
    give = net_json("show", "Ana", "--json")["gives"][0]
    assert (give["kind"], give["what"]) == ("favor", "note: see you soon")


def test_promises_default_a_week_after_the_interaction(ok, net_json):
    ok(
        "log",
        "Ana Rossi",
        "--on",
        "2026-11-20",
        "--promise",
        "send the deck",
        "--promise",
        "call her partner",
    )
    followups = net_json("show", "Ana", "--json")["followups"]
    assert [(f["kind"], f["due"], f["note"]) for f in followups] == [
        ("promise", "2026-11-27", "call her partner"),
        ("promise", "2026-11-27", "send the deck"),
    ] or [(f["kind"], f["due"], f["note"]) for f in followups] == [
        ("promise", "2026-11-27", "send the deck"),
        ("promise", "2026-11-27", "call her partner"),
    ]


def test_promise_by(ok, net_json):
    ok("log", "Ana Rossi", "--promise", "send the deck", "--by", "friday")
    assert net_json("show", "Ana", "--json")["followups"][0]["due"] == "2026-12-04"


def test_by_without_promise_is_usage_error(net, unchanged):
    with unchanged():
        result = net("log", "Ana Rossi", "--by", "friday")
    assert result.exit_code == 2
    assert "--promise" in result.stderr


def test_existing_contact_resolves_by_prefix_and_case(ok, rows):
    ok("contact", "add", "Élodie Núñez")
    result = ok("log", "elodie", "-m", "coffee")
    assert "New contact" not in result.stderr
    assert rows("SELECT count(*) FROM contact") == [(1,)]
    ok("log", "NUNEZ")
    assert rows("SELECT count(*) FROM participant") == [(2,)]


def test_close_spelling_refuses_and_new_forces(net, ok, rows):
    ok("contact", "add", "Marco Neri")
    result = net("log", "Marco Nery")
    assert result.exit_code == 1
    assert "Did you mean 'Marco Neri'?" in result.stderr
    assert rows("SELECT count(*) FROM interaction") == [(0,)]
    ok("log", "Marco Nery", "--new")
    assert sorted(r[0] for r in rows("SELECT name FROM contact")) == ["Marco Neri", "Marco Nery"]


def test_new_still_uses_exact_matches(ok, rows):
    ok("contact", "add", "Ana Rossi")
    ok("log", "ana rossi", "--new")
    assert rows("SELECT count(*) FROM contact") == [(1,)]


def test_new_does_not_prefix_match(ok, rows):
    ok("contact", "add", "Ana Rossi")
    ok("log", "Ana", "--new")
    assert sorted(r[0] for r in rows("SELECT name FROM contact")) == ["Ana", "Ana Rossi"]


def test_ambiguous_name_lists_candidates_and_writes_nothing(net, ok, unchanged):
    ok("contact", "add", "Ana Rossi")
    ok("contact", "add", "Ana Bianchi")
    with unchanged():
        result = net("log", "Ana", "Marco Neri", "-m", "x")
    assert result.exit_code == 1
    assert "'Ana Bianchi'" in result.stderr and "'Ana Rossi'" in result.stderr
    assert "Marco" not in result.stdout


def test_same_contact_twice_is_refused(net, ok, unchanged):
    ok("contact", "add", "Ana Rossi")
    with unchanged():
        result = net("log", "Ana Rossi", "ana")
    assert result.exit_code == 1
    assert "named twice" in result.stderr


def test_log_without_names_off_terminal_is_usage_error(net):
    result = net("log")
    assert result.exit_code == 2


def test_log_json_free_of_rich_markup_in_names(ok, net_json):
    ok("log", "[bold]Ana[/bold]", "-m", "[red]x[/red]")
    data = net_json("show", "[bold]Ana[/bold]", "--json")
    assert data["name"] == "[bold]Ana[/bold]"
    assert data["interactions"][0]["note"] == "[red]x[/red]"
    shown = ok("show", "[bold]Ana[/bold]").stdout
    assert "[bold]Ana[/bold]" in shown


def test_log_reports_interaction_id_that_rm_takes(ok, rows):
    result = ok("log", "Ana Rossi")
    assert "(i1)" in result.stdout
    ok("rm", "i1")
    assert rows("SELECT count(*) FROM interaction") == [(0,)]
    assert rows("SELECT count(*) FROM participant") == [(0,)]


def test_on_future_date_for_log_is_refused(net, rows, db_path):
    result = net("log", "Ana Rossi", "--on", "2026-12-01")
    assert result.exit_code == 1
    assert "2026-12-01 is after today" in result.stderr
    assert not db_path.exists()  # nothing written, not even a journal


def test_contacts_json_lists_created(ok, net_json):
    ok("log", "Ana Rossi", "Marco Neri")
    data = net_json("contacts", "--json")
    assert [c["name"] for c in data["contacts"]] == ["Ana Rossi", "Marco Neri"]
    assert data["contacts"][0]["tier"] == "active"
    assert data["contacts"][0]["last_contact"] == "2026-11-28"
    json.dumps(data)
