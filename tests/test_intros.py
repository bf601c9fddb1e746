"""Introductions as edges (schema 7): ``net introduce``, a give of kind introduction that
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


# --- net path and net graph ----------------------------------------------------------------


def test_path_to_a_contact_ranks_who_introduced_and_met_them(network, net_json) -> None:
    data = net_json("path", "Marco", "--json")
    assert data["contact"] == "Marco Neri"
    ranked = [(c["name"], c["score"]) for c in data["candidates"]]
    assert ranked == [("Giulia Verdi", 5), ("Ana Rossi", 4)]
    assert data["candidates"][0]["reasons"] == ["introduced you to Marco Neri"]


def test_path_to_words_ranks_role_then_facts_and_introductions(network, ok, net_json) -> None:
    ok("learn", "Ana", "family", "her brother is a notary in Brescia")
    data = net_json("path", "notary", "--json")
    assert data["contact"] is None
    ranked = [(c["name"], c["score"]) for c in data["candidates"]]
    # Giulia is a notary; Ana has a fact about one; Marco and Piero each took part in an
    # introduction with Giulia (ties go to whom you know better, then by name)
    assert ranked == [("Giulia Verdi", 3), ("Ana Rossi", 2), ("Marco Neri", 2), ("Piero Gallo", 2)]
    assert "fact: her brother is a notary in Brescia" in data["candidates"][1]["reasons"]


def test_path_with_nothing_pointing_there_says_so(network, net) -> None:
    result = net("path", "zebra", "farming")
    assert result.exit_code == 0 and result.stdout == ""
    assert "Nobody in the journal points at zebra farming" in result.stderr


def test_graph_svg_is_valid_xml_with_one_node_per_person(network, ok, tmp_path: Path) -> None:
    import stat
    import xml.etree.ElementTree as ET

    ok("contact", "add", "Bob <The> & Co")
    ok("introduce", "Bob", "Ana", "a <b>bold</b> & risky note")
    svg = tmp_path / "net.svg"
    result = ok("graph", "--svg", str(svg))
    assert "5 people" in result.stderr
    assert stat.S_IMODE(svg.stat().st_mode) == 0o600
    root = ET.parse(svg).getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    people = [g.find("s:text", ns).text for g in root.iterfind("s:g", ns)]
    assert sorted(people) == [
        "Ana Rossi",
        "Bob <The> & Co",
        "Giulia Verdi",
        "Marco Neri",
        "Piero Gallo",
    ]
    assert len(root.findall(".//s:circle", ns)) == 5
    lines = root.findall("s:line", ns)
    assert len(lines) == 4  # three made, one received
    widths = sorted(float(line.get("stroke-width")) for line in lines)
    assert widths[0] < widths[-1]  # thicker where more came of it
    assert sum(1 for line in lines if line.get("stroke-dasharray")) == 1


def test_graph_without_svg_lists_the_arrows(network, ok) -> None:
    out = ok("graph").stdout
    assert "Ana Rossi → Marco Neri" in out
    assert "Giulia Verdi ⇢ Marco Neri" in out


def test_match_never_proposes_an_introduction_the_journal_holds(ok) -> None:
    ok("contact", "add", "Ana Rossi")
    ok("learn", "Ana", "seeking", "a commercial lawyer")
    ok("contact", "add", "Marco Neri", "--role", "commercial lawyer")
    assert "Introduce Ana Rossi to Marco Neri" in ok("match").stdout
    ok("contact", "edit", "Marco", "--met-through", "Ana")  # they know each other
    assert "Introduce Ana Rossi to Marco Neri" not in ok("match").stdout
