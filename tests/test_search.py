"""``net search`` and ``net contacts --search``: the full-text index (schema 6).

Ranking on a small journal written the way a networker writes one; the grammar (prefix,
phrase, exclusion, OR, accents and case); bad queries as one sentence; the index kept in
step with every kind of write (hypothesis: after random writes, edits, merges, deletes
and undos it equals a fresh rebuild); ``net doctor`` finding and rebuilding a stale one.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netjournal.store import scorecache, searchindex
from netjournal.store.fts import QueryError, to_fts


@pytest.fixture
def journal(ok) -> None:
    ok(
        "log",
        "Marco Neri",
        "-k",
        "meal",
        "--on",
        "2026-10-02",
        "-m",
        "Long lunch in Bergamo Città Alta. We talked about football, his daughter's school, "
        "the new ring road, holidays in Sardinia, and in passing about the notary his firm "
        "uses for property deals. He wants to grow the consultancy next year.",
    )
    ok("contact", "add", "Ana Rossi")
    ok("learn", "Ana Rossi", "business", "Notary in Bergamo, runs Studio Rossi")
    ok("log", "Giulia Bianchi", "--on", "2026-11-20", "-m", "Coffee; her bank changed its CFO")
    ok("give", "Giulia", "Introduced her to Ana, the notary", "-k", "introduction")
    ok("ask", "Marco", "A referral to his bank's private banking desk", "-k", "referral")
    ok("promise", "Giulia", "Send the deck about Élodie's fintech", "--by", "2026-12-01")
    ok("contact", "add", "Élodie Núñez", "--company", "Acme Fintech", "--role", "CTO")


def search(net_json, *args: str) -> dict[str, Any]:
    return net_json("search", *args, "--json")


def kinds_ids(report: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(h["kind"], h["id"]) for h in report["hits"]]


def test_a_fact_beats_a_passing_mention_in_a_note(journal, net_json) -> None:
    hits = search(net_json, "notary")["hits"]
    assert [h["kind"] for h in hits][:1] == ["fact"]
    assert hits[0]["names"] == ["Ana Rossi"] and hits[0]["what"] == "business"
    assert hits[-1]["kind"] == "note" and hits[-1]["names"] == ["Marco Neri"]
    assert {h["kind"] for h in hits} == {"fact", "give", "note"}


def test_each_hit_has_contact_date_kind_and_marked_snippet(journal, net_json) -> None:
    (hit,) = search(net_json, "sardinia")["hits"]
    assert hit["kind"] == "note" and hit["id"] == "i1" and hit["on"] == "2026-10-02"
    assert hit["what"] == "meal"
    (start, end), *_ = hit["highlights"]
    assert hit["snippet"][start:end] == "Sardinia"


def test_accents_and_case_are_ignored_both_ways(journal, net_json) -> None:
    assert kinds_ids(search(net_json, "CITTA")) == [("note", "i1")]
    (promise,) = search(net_json, "elodie", "--in", "followups")["hits"]
    assert (promise["kind"], promise["what"], promise["id"]) == ("followup", "promise", "r1")
    contact_hit = search(net_json, "núñez")["hits"]
    assert [(h["kind"], h["names"]) for h in contact_hit] == [("contact", ["Élodie Núñez"])]


def test_prefix_phrase_exclusion_and_or(journal, net_json) -> None:
    assert {h["kind"] for h in search(net_json, "bank")["hits"]} == {"note", "ask"}
    assert {h["kind"] for h in search(net_json, "bank")["hits"]} == {
        h["kind"] for h in search(net_json, "ban")["hits"]
    }
    assert kinds_ids(search(net_json, '"ring road"')) == [("note", "i1")]
    assert search(net_json, '"road ring"')["hits"] == []
    assert kinds_ids(search(net_json, "notary -bergamo")) == [("give", "g1")]
    unquoted = net_json("search", "--json", "--", "notary", "-bergamo")
    assert kinds_ids(unquoted) == [("give", "g1")]
    either = {h["kind"] for h in search(net_json, "sardinia OR fintech")["hits"]}
    assert either == {"note", "followup", "contact"}


def test_in_and_since_narrow_the_search(journal, net_json) -> None:
    assert {h["kind"] for h in search(net_json, "bank", "--in", "asks")["hits"]} == {"ask"}
    assert kinds_ids(search(net_json, "notary", "--in", "facts,gives")) == [
        ("fact", "f1"),
        ("give", "g1"),
    ]
    recent = search(net_json, "bank", "--since", "2026-11-01")["hits"]
    assert {h["id"] for h in recent} == {"i2", "a2"}


def test_the_table_shows_who_when_and_what(journal, ok) -> None:
    out = ok("search", "notary").stdout
    assert "Ana Rossi" in out and "fact (business)" in out and "f1" in out
    assert "Notary in Bergamo" in out


@pytest.mark.parametrize(
    "query",
    ['"unclosed phrase', "-bergamo", "notary OR", "OR notary", "!!! ...", "a OR OR b"],
)
def test_a_query_that_cannot_be_a_search_is_one_sentence(journal, net, query) -> None:
    result = net("search", "--", query)
    assert result.exit_code == 1
    assert result.stderr.startswith("Cannot search for ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "fts5" not in result.stderr and "syntax" not in result.stderr


def test_fts5_keywords_and_punctuation_are_only_text() -> None:
    for query in ("NOT", "NEAR(a b)", "role:cto", "a AND b", "x^y", "(a", "c++ or c#"):
        to_fts(query)  # never raises: every term is a quoted FTS5 string
    for query in ('"', "(", "- -", "OR"):
        with pytest.raises(QueryError):
            to_fts(query)


def test_nothing_found_says_so(journal, net) -> None:
    result = net("search", "zanzibar")
    assert result.exit_code == 0 and result.stdout == ""
    assert "Nothing in the journal matches zanzibar" in result.stderr


def test_contacts_search_uses_the_same_index(journal, net_json) -> None:
    def names(*args: str) -> list[str]:
        return [c["name"] for c in net_json("contacts", "--search", *args, "--json")["contacts"]]

    assert names("notary") == ["Ana Rossi", "Giulia Bianchi", "Marco Neri"]
    assert names("notary -bergamo") == ["Giulia Bianchi"]
    assert names("fintec") == ["Élodie Núñez", "Giulia Bianchi"]
    assert names("NUNEZ") == ["Élodie Núñez"]


# --- the index stays in step -------------------------------------------------------------


def index_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every (term, document, column, offset) of every index, through fts5vocab."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for index, _table in searchindex.INDEXES:
            conn.execute(
                f"CREATE VIRTUAL TABLE temp.v_{index} USING fts5vocab(main, {index}, instance)"
            )
            out[index] = sorted(conn.execute(f"SELECT * FROM temp.v_{index}").fetchall())
        return out
    finally:
        conn.close()


def rebuilt_rows(db: Path, tmp: Path) -> dict[str, list[tuple[Any, ...]]]:
    copy = tmp / "rebuilt.db"
    shutil.copyfile(db, copy)
    conn = sqlite3.connect(copy)
    searchindex.rebuild(conn)
    conn.commit()
    conn.close()
    return index_rows(copy)


def integrity_ok(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return searchindex.stale(conn) == []
    finally:
        conn.close()


SETUP = [
    ("log", "Ana Rossi", "Marco Neri", "-m", "Dinner about the notary in Bergamo"),
    ("learn", "Ana", "business", "Runs a café in Città Alta"),
    ("give", "Marco", "an introduction to a banker", "-k", "introduction"),
    ("ask", "Ana", "advice on leases", "--open"),
    ("promise", "Marco", "send the lease template"),
    ("contact", "add", "Giulia Bianchi", "--role", "Notaio"),
]

OPS = st.lists(
    st.sampled_from(
        [
            ("log", "Giulia", "-m", "Coffee, talked about banks"),
            ("log", "Ana Rossi", "Giulia", "-m", "Aperitivo: leases and notaries"),
            ("learn", "Giulia", "hobbies", "sails on Lake Iseo"),
            ("give", "Ana", "lead for a bakery", "-k", "referral"),
            ("followup", "Giulia", "friday", "ask about the lease"),
            ("edit", "i1", "-m", "Dinner, nothing about notaries after all"),
            ("edit", "f1", "-m", "Runs two cafés now"),
            ("edit", "g1", "-m", "introduced him to a private banker"),
            ("edit", "r1", "-m", "send the lease and the deck"),
            ("contact", "edit", "Giulia", "--company", "Studio Bianchi", "--role", "Notary"),
            ("contact", "edit", "Marco Neri", "--name", "Marco Nerone"),
            ("contact", "merge", "Ana Rossi", "Marco"),
            ("contact", "rm", "Giulia", "--yes"),
            ("rm", "i1"),
            ("rm", "f1"),
            ("rm", "g1"),
            ("done", "Marco"),
            ("undo",),
            ("undo",),
        ]
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_the_index_equals_a_fresh_rebuild_after_any_writes(net, tmp_path_factory, ops) -> None:
    tmp = tmp_path_factory.mktemp("search")
    db = tmp / "journal.db"
    env = {"NETJOURNAL_DB": str(db)}
    for step in SETUP:
        assert net(*step, env=env).exit_code == 0
    for op in ops:
        net(*op, env=env)  # some fail (e.g. editing a removed record): that must not matter
    assert index_rows(db) == rebuilt_rows(db, tmp)
    assert integrity_ok(db)
    found = json.loads(net("search", "notar", "--json", env=env).stdout)
    assert found["total"] == len(found["hits"])


def test_undo_takes_words_out_of_the_index_again(journal, ok, net_json) -> None:
    ok("learn", "Ana", "hobbies", "plays the theremin")
    assert kinds_ids(search(net_json, "theremin")) == [("fact", "f2")]
    ok("undo")
    assert search(net_json, "theremin")["hits"] == []
    ok("edit", "f1", "-m", "Notary in Brescia")
    assert search(net_json, "bergamo", "--in", "facts")["hits"] == []
    ok("undo")
    assert kinds_ids(search(net_json, "bergamo", "--in", "facts")) == [("fact", "f1")]


def test_an_older_journal_gets_its_index_built_from_its_rows(ok, net_json, db_path) -> None:
    from netjournal.store.migrations import search_index

    ok("contact", "add", "Ana Rossi")
    ok("learn", "Ana Rossi", "business", "Notary in Bergamo")
    conn = sqlite3.connect(db_path, isolation_level=None)
    for index, _content, _columns in search_index.INDEXES:
        conn.execute(f"DROP TABLE {index}")  # its shadow tables go with it
        for event in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER {index}_{event}")
    conn.execute("DROP TABLE introduction")  # schema 7
    conn.execute("DROP TABLE contact_card")  # schema 8
    conn.execute("DROP TABLE captured")  # schema 9 (its undo triggers go with it)
    conn.execute("DROP TABLE score_quiet")  # schema 10
    with conn:  # the cache's triggers as schema 9 had them
        scorecache.install_triggers(conn)
    conn.execute(f"PRAGMA user_version = {search_index.VERSION - 1}")
    conn.close()
    assert kinds_ids(search(net_json, "notary")) == [("fact", "f1")]
    assert integrity_ok(db_path)


def test_doctor_finds_a_stale_index_and_rebuild_mends_it(journal, net, ok, db_path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO search_fact (search_fact, rowid, text) "
        "VALUES ('delete', 1, 'Notary in Bergamo, runs Studio Rossi')"
    )
    conn.commit()
    conn.close()
    result = net("doctor")
    assert result.exit_code == 1
    assert "search index differs from the journal's fact rows" in result.stdout
    rebuilt = ok("doctor", "--rebuild")
    assert "Rebuilt the search index" in rebuilt.stderr
    assert "ok       search index" in rebuilt.stdout


def test_a_word_in_very_many_records_ranks_the_newest_and_counts_all(
    journal, ok, net_json, monkeypatch
) -> None:
    from netjournal.store.reads import search as search_reads

    ok("log", "Ana Rossi", "-m", "bank holiday plans")
    monkeypatch.setattr(search_reads, "RANKED", 1)
    notes = search(net_json, "bank", "--in", "notes")
    assert notes["total"] == 2  # both notes that hold the word are counted
    assert [h["id"] for h in notes["hits"]] == ["i3"]  # only the newest is ranked
