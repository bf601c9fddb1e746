"""`net balance`, `net depth`, scores in `net show`, and the warnings of `net ask`."""

from __future__ import annotations

import math

import pytest


@pytest.fixture
def journal(ok):
    # today is 2026-11-28 (conftest)
    ok(
        "log",
        "Ana Rossi",
        "Marco Neri",
        "-k",
        "meal",
        "--on",
        "2026-10-02",
        "--give",
        "introduction:to a notary",
        "--learned",
        "family:two daughters",
    )
    ok(
        "log",
        "Ana Rossi",
        "--on",
        "2026-11-10",
        "--ask",
        "referral:a CFO",
        "--learned",
        "goals:second office",
        "--learned",
        "hobbies:sailing",
    )
    ok("give", "Ana", "big deal", "-k", "business", "--amount", "2500", "--on", "2026-11-28")
    ok("ask", "Marco", "intro to his bank", "-k", "introduction", "--open", "--on", "2026-11-28")


def test_balance_json_contract(journal, net_json):
    data = net_json("balance", "--json")
    assert data["as_of"] == "2026-11-28"
    # lowest balance first
    assert [c["name"] for c in data["contacts"]] == ["Marco Neri", "Ana Rossi"]
    marco, ana = data["contacts"]
    assert set(marco) >= {
        "name",
        "gives",
        "asks",
        "given",
        "taken",
        "balance",
        "ratio",
        "label",
        "lifetime_given",
        "lifetime_taken",
    }
    # Marco: one open introduction ask today: 3 points × 1 × 0.5^0 × 0.5 (open) = 1.5
    assert (marco["gives"], marco["asks"], marco["taken"], marco["balance"]) == (0, 1, 1.5, -1.5)
    assert marco["ratio"] == -1.0 and marco["label"] == "overdrawn"
    # Ana: intro 3 × 0.5^(57/365) + business 5 × (1 + log10(1 + 2500/100))
    #      − referral 5 × 0.5^(18/365)
    given = 3 * 0.5 ** (57 / 365) + 5 * (1 + math.log10(26))
    taken = 5 * 0.5 ** (18 / 365)
    assert ana["given"] == pytest.approx(given, abs=0.01)
    assert ana["taken"] == pytest.approx(taken, abs=0.01)
    assert ana["balance"] == pytest.approx(given - taken, abs=0.01)
    assert ana["label"] == "in credit"
    assert data["network"]["balance"] == pytest.approx(given - taken - 1.5, abs=0.02)


def test_balance_ledger_explains_each_line(journal, ok, net_json):
    out = ok("balance", "Ana").stdout
    assert "to a notary" in out and "big deal" in out and "a CFO" in out
    data = net_json("balance", "Ana Rossi", "--json")
    business = [line for line in data["lines"] if line["kind"] == "business"][0]
    assert business["size_mult"] == pytest.approx(1 + math.log10(26), abs=1e-3)
    assert business["money"] == "2500.00"
    assert business["amount"] == pytest.approx(5 * (1 + math.log10(26)), abs=0.01)
    referral = [line for line in data["lines"] if line["kind"] == "referral"][0]
    assert referral["amount"] < 0


def test_depth_json_contract(journal, net_json):
    data = net_json("depth", "--json")
    assert data["as_of"] == "2026-11-28"
    ana = [c for c in data["contacts"] if c["name"] == "Ana Rossi"][0]
    assert set(ana["components"]) == {
        "knowledge",
        "frequency",
        "recency",
        "richness",
        "reciprocity",
        "duration",
    }
    assert sum(ana["components"].values()) == pytest.approx(ana["depth"], abs=0.1)
    # knowledge: family 2 + goals 2 + interests/hobbies 2 = 6 of 9 → 30 × 6/9 = 20
    assert ana["components"]["knowledge"] == 20.0
    assert ana["stage"] in {"contact", "visibility", "credibility", "profitability", "dormant"}
    assert ana["band"] in {"surface", "acquainted", "developing", "strong", "deep"}


def test_depth_detail_lists_missing_and_evidence(journal, ok, net_json):
    data = net_json("depth", "Ana", "--json")
    assert [t["name"] for t in data["terms"]][0] == "knowledge"
    assert {m["category"] for m in data["missing"]} == {"accomplishments", "networks", "skills"}
    assert data["stage_evidence"]
    out = ok("depth", "Ana").stdout
    assert "knowledge" in out and "Next move" in out and "Stage" in out


def test_show_json_has_scores(journal, net_json):
    ana = net_json("show", "Ana", "--json")
    assert set(ana["balance"]) >= {"given", "taken", "balance", "ratio", "label"}
    assert ana["depth"]["depth"] == pytest.approx(sum(ana["depth"]["components"].values()), abs=0.1)
    assert ana["stage"] in {"visibility", "credibility", "profitability"}


def test_ask_warns_before_overdrawing_but_records(ok, net, rows):
    ok("contact", "add", "Luca Verdi")
    result = ok("ask", "Luca", "a referral to his CFO", "-k", "referral")
    assert "deposit before you withdraw" in result.stderr
    assert "too early" in result.stderr
    assert rows("SELECT count(*) FROM exchange WHERE direction = 'ask'") == [(1,)]


def test_no_warnings_for_inner_or_kin(ok):
    ok("contact", "add", "Mamma", "--kin")
    ok("contact", "add", "Best Friend", "--tier", "inner")
    assert ok("ask", "Mamma", "lend me the car").stderr == ""
    assert ok("ask", "Best Friend", "an intro", "-k", "introduction").stderr == ""


@pytest.mark.usefixtures("empty_journal")
def test_empty_journal_reports(ok, net_json):
    assert net_json("balance", "--json") == {
        "as_of": "2026-11-28",
        "contacts": [],
        "count": 0,
        "network": {"given": 0, "taken": 0, "balance": 0},
    }
    assert net_json("depth", "--json") == {"as_of": "2026-11-28", "contacts": [], "count": 0}
    ok("balance")
    ok("depth")


def test_scores_do_not_change_when_others_are_added(journal, ok, net_json):
    before = [c for c in net_json("depth", "--json")["contacts"] if c["name"] == "Ana Rossi"]
    before_bal = [c for c in net_json("balance", "--json")["contacts"] if c["name"] == "Ana Rossi"]
    ok("log", "Someone Else", "--give", "referral:x", "--learned", "family:y")
    after = [c for c in net_json("depth", "--json")["contacts"] if c["name"] == "Ana Rossi"]
    after_bal = [c for c in net_json("balance", "--json")["contacts"] if c["name"] == "Ana Rossi"]
    assert before == after and before_bal == after_bal
