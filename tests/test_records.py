"""`net edit ID`, `net rm ID`, `net undo`, `net ask-status`, `net asks`."""

from __future__ import annotations

from tests.conftest import snapshot


def test_edit_interaction(ok, rows):
    ok("log", "Ana Rossi", "-m", "coffe")
    ok("edit", "i1", "-m", "coffee", "-k", "meal", "--on", "2026-11-20")
    assert rows("SELECT note, kind, occurred_on FROM interaction") == [
        ("coffee", "meal", "2026-11-20")
    ]


def test_edit_give_size_then_amount(ok, rows):
    ok("log", "Ana Rossi")
    ok("give", "Ana Rossi", "a lead", "--size", "2")
    ok("edit", "g1", "--amount", "1250.50")
    assert rows("SELECT size, amount_cents FROM exchange") == [(None, 125050)]


def test_edit_wrong_prefix_or_option(net, ok, unchanged):
    ok("log", "Ana Rossi", "--give", "x")
    with unchanged():
        assert net("edit", "a1", "-m", "y").exit_code == 1  # g1 is a give, not an ask
        assert net("edit", "i1", "--size", "2").exit_code == 2
        assert net("edit", "zz9", "-m", "y").exit_code == 1
        assert net("edit", "i99", "-m", "y").exit_code == 1


def test_rm_and_undo_restores_exactly(ok, db_path):
    ok("log", "Ana Rossi", "Marco Neri", "--give", "x", "--learned", "family:kids")
    before = snapshot(db_path)
    ok("rm", "i1")
    assert snapshot(db_path) != before
    result = ok("undo")
    assert "rm i1" in result.stdout
    assert {k: v for k, v in snapshot(db_path).items() if not k.startswith("undo")} == {
        k: v for k, v in before.items() if not k.startswith("undo")
    }


def test_undo_twice_goes_back_two_commands(ok, rows, net):
    ok("contact", "add", "Ana Rossi")
    ok("log", "Ana", "-m", "one")
    ok("log", "Ana", "-m", "two")
    ok("undo")
    assert rows("SELECT note FROM interaction") == [("one",)]
    ok("undo")
    assert rows("SELECT count(*) FROM interaction") == [(0,)]
    assert rows("SELECT count(*) FROM contact") == [(1,)]
    ok("undo")
    assert rows("SELECT count(*) FROM contact") == [(0,)]
    result = net("undo")
    assert result.exit_code == 1 and "Nothing to undo" in result.stderr


def test_undo_contact_rm_brings_back_everything(ok, db_path):
    ok("log", "Ana Rossi", "--give", "x", "--ask", "y", "--learned", "goals:z", "--promise", "p")
    before = {k: v for k, v in snapshot(db_path).items() if not k.startswith("undo")}
    ok("contact", "rm", "Ana", "--yes")
    ok("undo")
    assert {k: v for k, v in snapshot(db_path).items() if not k.startswith("undo")} == before


def test_undo_merge(ok, db_path):
    ok("log", "Ana Rossi", "--give", "x")
    ok("log", "Anna R", "--new", "--learned", "family:kids")
    before = {k: v for k, v in snapshot(db_path).items() if not k.startswith("undo")}
    ok("contact", "merge", "Ana Rossi", "Anna R")
    ok("undo")
    assert {k: v for k, v in snapshot(db_path).items() if not k.startswith("undo")} == before


def test_ask_open_then_settle(ok, net, net_json, rows):
    ok("log", "Ana Rossi")
    ok("ask", "Ana", "an intro to her bank", "-k", "introduction", "--open")
    assert [a["status"] for a in net_json("asks", "--open", "--json")["asks"]] == ["open"]
    ok("ask-status", "a1", "declined")
    assert net_json("asks", "--open", "--json")["asks"] == []
    assert rows("SELECT status, settled_on FROM exchange") == [("declined", "2026-11-28")]
    assert net("ask-status", "a7", "granted").exit_code == 1
    assert net("ask-status", "a1", "maybe").exit_code == 1


def test_asks_table(ok):
    ok("log", "Ana Rossi", "--ask", "referral:a CFO")
    out = ok("asks").stdout
    assert "a CFO" in out and "a1" in out


def test_learn(ok, net, net_json):
    ok("contact", "add", "Ana Rossi")
    ok("learn", "Ana", "Hobbies", "sailing\nand chess")
    assert net_json("show", "Ana", "--json")["facts"][0]["text"] == "sailing\nand chess"
    assert net("learn", "Ana", "horoscope", "leo").exit_code == 1
