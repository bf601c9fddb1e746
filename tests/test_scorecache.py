"""The score cache: reports read the same numbers whether scores are cached or fresh,
and any change to a contact's records empties that contact's cached scores."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NAMES = ["Ana Rossi", "Marco Neri", "Giulia Bianchi"]


def cached(db) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(
            conn.execute(
                "SELECT c.name, s.as_of FROM score_cache s JOIN contact c ON c.id = s.contact_id"
            ).fetchall()
        )
    finally:
        conn.close()


def clear(db) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM score_cache")
    conn.execute("DELETE FROM score_quiet")
    conn.commit()
    conn.close()


def reports(net_json) -> dict[str, Any]:
    return {
        "balance": net_json("balance", "--json"),
        "depth": net_json("depth", "--json"),
        "due": net_json("due", "--json"),
        "due_all": net_json("due", "--all", "--json"),
    }


@pytest.fixture
def journal(ok):
    for step in SETUP:
        ok(*step)


def test_reports_fill_the_cache_and_read_it_back_identically(journal, net_json, db_path):
    assert cached(db_path) == {}
    first = reports(net_json)
    assert cached(db_path) == {name: "2026-11-28" for name in NAMES}
    assert reports(net_json) == first  # from the cache
    clear(db_path)
    assert reports(net_json) == first  # recomputed


def test_any_change_empties_that_contacts_scores(journal, ok, net_json, db_path):
    reports(net_json)
    ok("give", "Ana", "a lead")
    assert set(cached(db_path)) == {"Marco Neri", "Giulia Bianchi"}
    reports(net_json)
    ok("edit", "i1", "--on", "2026-09-03")  # an interaction Ana and Marco share
    assert set(cached(db_path)) == {"Giulia Bianchi"}
    reports(net_json)
    ok("contact", "edit", "Giulia", "--tier", "close")
    assert set(cached(db_path)) == {"Ana Rossi", "Marco Neri"}
    reports(net_json)
    ok("undo")
    assert set(cached(db_path)) == {"Ana Rossi", "Marco Neri"}


def test_a_new_day_or_other_constants_recompute(journal, net, net_json, db_path, tmp_path):
    today = reports(net_json)
    later = net("due", "--json", env={"NETJOURNAL_NOW": "2026-12-20T10:00:00"})
    assert later.exit_code == 0
    assert set(cached(db_path).values()) == {"2026-12-20"}
    assert reports(net_json) == today
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[scoring]\nbalance_half_life = 30\n", encoding="utf-8")
    changed = net_json("balance", "--json")
    assert changed != today["balance"]
    config.unlink()
    assert net_json("balance", "--json") == today["balance"]


OPS = st.lists(
    st.sampled_from(
        [
            ("log", "Ana Rossi", "-m", "coffee"),
            ("log", "Marco Neri", "Giulia Bianchi", "-k", "event", "--on", "3 weeks ago"),
            ("give", "Marco", "an intro", "-k", "introduction"),
            ("ask", "Giulia", "advice", "-k", "advice", "--open"),
            ("learn", "Giulia", "goals", "open a shop"),
            ("followup", "Ana", "friday"),
            ("done", "Giulia"),
            ("snooze", "Marco", "in 3 days"),
            ("contact", "edit", "Ana", "--kin"),
            ("rm", "i1"),
            ("undo",),
            ("contact", "merge", "Ana Rossi", "Marco Neri"),
        ]
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_cached_reports_equal_fresh_ones_after_any_writes(net, tmp_path_factory, ops):
    db = tmp_path_factory.mktemp("cache") / "journal.db"
    env = {"NETJOURNAL_DB": str(db)}

    def run(*args: str) -> Any:
        return net(*args, env=env)

    def json_of(*args: str) -> Any:
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    for step in SETUP:
        assert run(*step).exit_code == 0
    reports(json_of)  # warm the cache
    for op in ops:
        run(*op)  # some fail (e.g. merging twice): that must not matter either
    warm = reports(json_of)
    clear(db)
    assert reports(json_of) == warm


SETUP = [
    (
        "log",
        "Ana Rossi",
        "Marco Neri",
        "-k",
        "meal",
        "--on",
        "2026-09-02",
        "--give",
        "introduction:to a notary",
        "--learned",
        "family:two kids",
    ),
    (
        "log",
        "Giulia Bianchi",
        "--on",
        "2026-11-20",
        "--ask",
        "referral:a CFO",
        "--promise",
        "send the deck",
        "--by",
        "2026-11-25",
    ),
    ("contact", "edit", "Marco", "--tier", "inner"),
]


# --- the first net due of a day scores only who may be listed ----------------------------


def quiet(db) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {
            r[0]
            for r in conn.execute(
                "SELECT c.name FROM score_quiet q JOIN contact c ON c.id = q.contact_id"
            )
        }
    finally:
        conn.close()


def test_the_first_due_of_a_day_scores_only_who_may_be_listed(journal, ok, net_json, db_path):
    # an acquaintance met two years ago and never contacted: nothing can list her today
    ok("contact", "add", "Quinn Quiet", "--tier", "acquaintance", "--met-on", "2024-11-01")
    first = net_json("due", "--json")
    assert "Quinn Quiet" not in {item["name"] for item in first["items"]}
    assert quiet(db_path) == {"Quinn Quiet"}
    assert "Quinn Quiet" not in cached(db_path)  # her full scores were not computed
    assert net_json("due", "--json") == first  # the second report: all in SQL
    assert quiet(db_path) == {"Quinn Quiet"}
    # balance needs everyone's scores: it computes hers, and lists her
    names = {row["name"] for row in net_json("balance", "--json")["contacts"]}
    assert "Quinn Quiet" in names and "Quinn Quiet" in cached(db_path)
    # a follow-up due today empties her quiet row, and the next net due lists her
    ok("followup", "Quinn", "today")
    assert quiet(db_path) == set()
    again = net_json("due", "--json")
    assert "Quinn Quiet" in {item["name"] for item in again["items"]}
    assert again["count"] == first["count"] + 1


def test_doctor_finds_a_contact_wrongly_held_quiet(journal, ok, net, net_json, db_path):
    net_json("due", "--json")
    conn = sqlite3.connect(db_path)
    with conn:  # Giulia has an overdue promise: listed, never quiet
        conn.execute(
            "INSERT INTO score_quiet SELECT c.id, s.as_of, s.fingerprint FROM contact c "
            "JOIN score_cache s ON s.contact_id = c.id WHERE c.name = 'Giulia Bianchi'"
        )
    conn.close()
    sick = net("doctor")
    assert sick.exit_code == 1
    assert "1 of 1 contact the score cache holds as quiet today would be listed" in sick.stdout
    fixed = ok("doctor", "--rebuild")
    assert "All checks passed." in fixed.stdout
    assert quiet(db_path) == set()


PEOPLE = st.lists(
    st.tuples(
        st.sampled_from(["inner", "close", "active", "network", "acquaintance"]),
        st.sampled_from(["2024-01-05", "2026-10-20", "2026-11-20"]),  # met on
        st.sampled_from([None, "2025-06-01", "2026-08-15", "2026-11-25"]),  # last met on
        st.sampled_from([None, "--11-30", "--03-01"]),  # birthday
        st.sampled_from([None, "2026-12-02", "2027-01-20"]),  # a follow-up due
        st.booleans(),  # imported, never met
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=PEOPLE, offsets=st.lists(st.integers(0, 400), min_size=1, max_size=3))
def test_due_through_the_screen_equals_scoring_everyone(net, tmp_path_factory, people, offsets):
    """On random journals and days, ``net due``'s first report of the day (screen, then
    scoring who may be listed) and its second (SQL over the cache and the quiet rows) both
    list exactly what scoring every contact and ``rank_due`` list."""
    from datetime import date, timedelta

    from netjournal.reports import due as due_reports
    from netjournal.scores.history import histories
    from netjournal.scores.records import due_item
    from netjournal.scoring.constants import DEFAULTS
    from netjournal.scoring.urgency import rank_due, urgency
    from netjournal.store.connection import open_journal

    db = tmp_path_factory.mktemp("screen") / "journal.db"
    env = {"NETJOURNAL_DB": str(db)}
    for n, (tier, met, last, birthday, due, imported) in enumerate(people):
        name = f"Person {n}"
        add = ["contact", "add", name, "--tier", tier, "--met-on", met]
        assert net(*add, *(["--birthday", birthday] if birthday else []), env=env).exit_code == 0
        if last and not imported:
            assert net("log", name, "--on", last, env=env).exit_code == 0
        if due:
            assert net("followup", name, due, env=env).exit_code == 0
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE contact SET source = 'linkedin' WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([n + 1 for n, p in enumerate(people) if p[5]]),),
        )
    conn.close()
    conn = open_journal(db)
    try:
        for offset in sorted(offsets):
            today = date(2026, 11, 28) + timedelta(days=offset)
            every = histories(conn, today, c=DEFAULTS)
            expected = [due_item(u) for u in rank_due(urgency(h, today) for h in every.values())]
            for _ in range(2):  # the first report of the day, then the second
                got = due_reports.due_report(conn, today, DEFAULTS)
                assert got["items"] == expected, today
                assert got["count"] == len(expected)
    finally:
        conn.close()


# --- ranking in SQL equals scoring.rank_due ------------------------------------------------

ROW = st.tuples(
    st.sampled_from([0.0, 1.5, 7.25, 7.25, 12.0]),  # urgency, with ties
    st.booleans(),  # listed
    st.booleans(),  # listed only as a dormant strong tie
    st.sampled_from([None, 0.0, 50.0, 61.5, 61.5, 80.0]),  # depth then
    st.booleans(),  # hidden by a snooze
    st.booleans(),  # archived
    st.sampled_from([None, -3, 0, 1, 5]),  # a follow-up due that many days from today
)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(ROW, max_size=12),
    names=st.permutations(["Ana", "ana b", "Émile", "Zoë", "Bo", "Öz", "Al", "Ćira"] * 2),
    dormant_limit=st.integers(0, 3),
    limit=st.integers(0, 4),
)
def test_due_ranking_in_sql_equals_rank_due(
    tmp_path_factory, rows, names, dormant_limit, limit
) -> None:
    """``scorecache.due_ranked`` (SQL over the cache) lists, orders and counts exactly as
    ``scoring.rank_due`` (and the ``--all`` order) does over the same urgencies."""
    from dataclasses import dataclass
    from datetime import date

    from netjournal.scoring import constants, urgency
    from netjournal.store import scorecache
    from netjournal.store.connection import open_journal

    @dataclass
    class U:
        cid: int
        name: str
        total: float
        listed: bool
        triggers: tuple[str, ...]
        was_depth: float | None
        hidden: bool
        due_now: bool

    day, fp = date(2026, 11, 28), "f" * 16
    conn = open_journal(tmp_path_factory.mktemp("rank") / "journal.db")
    conn.execute("PRAGMA trusted_schema=ON")  # our own schema: the search-index triggers run
    conn.execute("UPDATE undo_control SET recording = 0")  # rows written here, not by a command
    active: list[U] = []
    for cid, (total, listed, dormant, was, hidden, archived, due) in enumerate(rows, start=1):
        name = f"{names[cid % len(names)]} {cid % 3}" if cid > len(names) else names[cid - 1]
        conn.execute(
            "INSERT INTO contact (id, uuid, name, name_folded, tags, tier, kin, archived, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, '[]', 'active', 0, ?, '', '')",
            (cid, f"u{cid}", name, f"{name.casefold()}#{cid}", archived),
        )
        now = listed and due is not None and due <= 0  # only a listed one can be due now
        column = (2 if now else 1) if listed else 0
        conn.execute(
            "INSERT INTO score_cache VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?, "
            "'{}', '{}', '{}')",
            (cid, day.isoformat(), fp, total, column, listed and dormant, was, hidden),
        )
        if not archived:
            triggers = ("dormant",) if listed and dormant else ("cadence",)
            active.append(U(cid, name, total, listed, triggers, was, hidden, now))
    conn.commit()
    c = constants.Constants(dormant_limit=dormant_limit)

    expected = [u.cid for u in urgency.rank_due(sorted(active, key=lambda u: u.cid), c)]
    count, ids = scorecache.due_ranked(
        conn, day, fp, everyone=False, dormant_limit=dormant_limit, limit=limit
    )
    assert count == len(expected)
    assert ids == (expected[:limit] if limit else expected)

    order = sorted(active, key=lambda u: (not u.due_now, -u.total, u.name))
    everyone = [u.cid for u in order if not u.hidden]
    count, ids = scorecache.due_ranked(
        conn, day, fp, everyone=True, dormant_limit=dormant_limit, limit=limit
    )
    assert count == len(everyone)
    assert ids == (everyone[:limit] if limit else everyone)
    conn.close()


def test_review_reads_todays_scores_from_the_cache_and_keeps_them(journal, net_json, db_path):
    """`net review` takes today's stages and depths through the score cache (keeping the
    depths it computes for the reports after it), and its figures are the reference ones:
    the stage counts of `net depth`, the median of the unrounded depths."""
    from datetime import date, timedelta
    from statistics import median

    from netjournal.scores.history import histories
    from netjournal.scoring.constants import DEFAULTS as c
    from netjournal.scoring.depth import depth
    from netjournal.scoring.habits import ACTIVE_WINDOW
    from netjournal.store.reads.proactive import recently_active_ids
    from netjournal.store.sqlite import raw_connect

    assert cached(db_path) == {}
    fresh = net_json("review", "--month", "--json")
    assert cached(db_path) == {name: "2026-11-28" for name in NAMES}
    assert net_json("review", "--month", "--json") == fresh  # from the cache
    stages = [e["stage"] for e in net_json("depth", "--json")["contacts"]]
    assert {k: n for k, n in fresh["stages"]["counts"].items() if n} == {
        s: stages.count(s) for s in set(stages)
    }
    today = date(2026, 11, 28)
    conn = raw_connect(db_path, readonly=True)
    try:
        ids = recently_active_ids(conn, today - timedelta(days=ACTIVE_WINDOW))
        exact = [depth(h, today, c).depth for h in histories(conn, today, ids, c=c).values()]
    finally:
        conn.close()
    assert fresh["depth"]["median"] == round(median(exact), 1)
