"""Introductions as edges (schema 6): ``net introduce``, a give of kind introduction that
names a contact, ``--met-through``; ``net intros`` with what came of each; ``net show``'s
"introduced by" and "introductions" lines; merges, undo, removal and JSON round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def network(ok) -> None:
    """A small hand-built network:

    - Giulia (a notary) introduced you to Marco (--met-through), and you then met Marco
      twice and closed business with him;
    - you introduced Ana to Marco (a give naming him); Ana and Marco then met together and
      Ana passed Marco a referral that names him;
    - you introduced Piero to Giulia (net introduce) and nothing came of it yet.
    """
    ok("contact", "add", "Giulia Verdi", "--role", "Notary")
    ok("contact", "add", "Marco Neri", "--met-through", "Giulia", "--met-on", "2026-09-01")
    ok("contact", "add", "Ana Rossi")
    ok("contact", "add", "Piero Gallo")
    ok("log", "Marco", "-m", "first coffee", "--on", "2026-09-10")
    ok(
        "ask",
        "Marco",
        "the Rossi tender",
        "-k",
        "business",
        "--amount",
        "1200",
        "--on",
        "2026-10-15",
    )
    ok("log", "Ana", "--give", "introduction:to Marco, he needs a designer", "--on", "2026-10-01")
    ok("log", "Ana", "Marco", "-m", "lunch, the three of us", "--on", "2026-10-20")
    ok(
        "give",
        "Ana",
        "passed Marco Neri's name to a client",
        "-k",
        "referral",
        "--on",
        "2026-11-02",
    )
    ok("introduce", "Piero", "Giulia", "he is buying a flat", "--on", "2026-11-20")


def test_intros_lists_made_and_received_with_what_came_of_each(network, net_json) -> None:
    data = net_json("intros", "--json")
    made = [(i["introduced"], i["to"], i["on"]) for i in data["made"]]
    assert made == [
        ("Piero Gallo", "Giulia Verdi", "2026-11-20"),
        ("Ana Rossi", "Marco Neri", "2026-10-01"),
    ]
    piero, ana = data["made"]
    assert piero["led_to"] == {"meetings": 0, "first_meeting": None, "business": 0, "amount": None}
    assert piero["note"] == "he is buying a flat" and piero["give"] == "g4"
    assert ana["led_to"]["meetings"] == 1 and ana["led_to"]["first_meeting"] == "2026-10-20"
    assert ana["led_to"]["business"] == 1  # the referral naming Marco
    (received,) = data["received"]
    assert (received["introduced"], received["by"], received["on"]) == (
        "Marco Neri",
        "Giulia Verdi",
        "2026-09-01",
    )
    assert received["led_to"]["meetings"] == 2
    assert received["led_to"]["business"] == 1 and received["led_to"]["amount"] == "1200.00"


def test_intros_of_one_contact(network, net_json, ok) -> None:
    data = net_json("intros", "Giulia", "--json")
    assert data["contact"] == "Giulia Verdi"
    assert [i["introduced"] for i in data["made"]] == ["Piero Gallo"]
    assert [i["introduced"] for i in data["received"]] == ["Marco Neri"]
    assert net_json("intros", "Piero", "--json")["received"] == []
    out = ok("intros").stdout
    assert "Piero Gallo" in out and "nothing logged yet" in out
    assert "1 meeting (first 2026-10-20), 1 referral or business" in out


def test_show_gains_introduced_by_and_introductions(network, ok, net_json) -> None:
    shown = net_json("show", "Marco", "--json")
    assert shown["introduced_by"] == {"name": "Giulia Verdi", "on": "2026-09-01"}
    assert [(i["introduced"], i["to"]) for i in shown["introductions"]] == [
        ("Ana Rossi", "Marco Neri")
    ]
    out = ok("show", "Marco").stdout
    assert "introduced by Giulia Verdi (2026-09-01)" in out
    assert "introductions Ana Rossi → Marco Neri (2026-10-01)" in out
    assert net_json("show", "Piero", "--json")["introduced_by"] is None


def test_a_give_naming_nobody_known_is_only_a_give(ok, net_json, rows) -> None:
    ok("log", "Ana Rossi", "--give", "introduction:to a notary in Bergamo")
    assert rows("SELECT count(*) FROM introduction") == [(0,)]
    assert net_json("intros", "--json")["made"] == []


def test_an_ambiguous_name_in_an_introduction_writes_nothing(ok, net, unchanged) -> None:
    ok("contact", "add", "Marco Neri")
    ok("contact", "add", "Marco Bianchi")
    ok("contact", "add", "Ana Rossi")
    with unchanged():
        result = net("log", "Ana", "--give", "introduction:to Marco, a client")
    assert result.exit_code == 1
    assert "Marco Bianchi" in result.stderr and "Marco Neri" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("introduce", "Ana", "Ana"),
        ("introduce", "Ana", "Nobody Here"),
        ("contact", "edit", "Ana", "--met-through", "Ana"),
        ("contact", "edit", "Ana", "--met-through", "Nobody Here"),
    ],
)
def test_bad_introductions_are_one_sentence_and_change_nothing(ok, net, unchanged, args) -> None:
    ok("contact", "add", "Ana Rossi")
    with unchanged():
        result = net(*args)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_met_through_is_replaced_and_forgotten(network, ok, net_json) -> None:
    ok("contact", "edit", "Marco", "--met-through", "Piero")
    assert net_json("show", "Marco", "--json")["introduced_by"]["name"] == "Piero Gallo"
    ok("contact", "edit", "Marco", "--met-through", "")
    assert net_json("show", "Marco", "--json")["introduced_by"] is None
    ok("undo")
    assert net_json("show", "Marco", "--json")["introduced_by"]["name"] == "Piero Gallo"


def test_merge_moves_introductions_and_drops_loops(network, ok, net_json, rows) -> None:
    ok("contact", "merge", "Marco", "Giulia")  # Giulia introduced Marco: now a loop
    data = net_json("intros", "--json")
    assert data["received"] == []
    assert [(i["introduced"], i["to"]) for i in data["made"]] == [
        ("Piero Gallo", "Marco Neri"),
        ("Ana Rossi", "Marco Neri"),
    ]
    ok("undo")
    assert len(net_json("intros", "--json")["received"]) == 1


def test_removing_the_give_removes_the_introduction_and_undo_brings_it_back(
    network, ok, net_json
) -> None:
    ok("rm", "g4")
    assert [i["introduced"] for i in net_json("intros", "--json")["made"]] == ["Ana Rossi"]
    ok("undo")
    assert len(net_json("intros", "--json")["made"]) == 2


def test_introductions_survive_a_json_export_and_import(network, ok, tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    ok("export", "json", "-o", str(dump))
    assert len(json.loads(dump.read_text())["tables"]["introduction"]) == 3
    other = tmp_path / "other.db"
    ok("--db", str(other), "import", "json", str(dump))
    before = ok("intros", "--json").stdout
    assert ok("--db", str(other), "intros", "--json").stdout == before
