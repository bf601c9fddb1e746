"""``history_reads.interaction_history`` (the one-pass read behind
``scores.history.histories``) gives
exactly what ``interaction_aggregates`` + ``window_interactions`` (SQL windows) give."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from netjournal.scoring.records import real_kinds
from netjournal.store.connection import open_journal
from netjournal.store.reads import history as history_reads

REAL = real_kinds()

TODAY = date(2026, 11, 28)


def _journal(path: Path, seed: int) -> None:
    """Contacts with few, many, tied, dormant, future and shared interactions."""
    rng = random.Random(seed)
    conn = open_journal(path)
    conn.execute("PRAGMA trusted_schema=ON")  # our own schema: the search-index triggers run
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE undo_control SET recording = 0 WHERE id = 1")
    contacts = 40
    conn.executemany(
        "INSERT INTO contact (id, uuid, name, name_folded, tags, tier, kin, archived, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, '[]', 'active', 0, ?, "
        "'2020-01-01 00:00:00.000000', '2020-01-01 00:00:00.000000')",
        [(c, f"u{c}", f"P{c}", f"p{c}", int(c % 13 == 0)) for c in range(1, contacts + 1)],
    )
    iid = 0
    for cid in range(1, contacts + 1):
        style = cid % 5
        count = rng.choice((0, 1, 3, 9, 10, 11, 25, 60))
        for _ in range(count):
            if style == 0:  # dormant: everything four to ten years ago
                day = TODAY - timedelta(days=rng.randrange(1460, 3650))
            elif style == 1:  # heavy ties: a handful of days only
                day = TODAY - timedelta(days=rng.choice((3, 400, 800, 900, 1200)))
            elif style == 2:  # some in the future
                day = TODAY + timedelta(days=rng.randrange(-1500, 60))
            else:
                day = TODAY - timedelta(days=rng.randrange(0, 3650))
            iid += 1
            conn.execute(
                "INSERT INTO interaction (id, uuid, kind, occurred_at, occurred_on, note, "
                "created_at) VALUES (?, ?, ?, ?, ?, '', ?)",
                (
                    iid,
                    f"i{iid}",
                    rng.choice(("meal", "call", "social", "email")),
                    f"{day} 12:00:00.000000",
                    day.isoformat(),
                    f"{day} 12:00:00.000000",
                ),
            )
            people = [cid, *rng.sample(range(1, contacts + 1), rng.choice((0, 0, 1, 2)))]
            for position, other in enumerate(dict.fromkeys(people)):
                conn.execute(
                    "INSERT INTO participant (interaction_id, contact_id, position) "
                    "VALUES (?, ?, ?)",
                    (iid, other, position),
                )
    for n in range(200):
        day = TODAY - timedelta(days=rng.randrange(-30, 3650))
        conn.execute(
            "INSERT INTO fact (uuid, contact_id, category, text, learned_on, created_at) "
            "VALUES (?, ?, ?, 'x', ?, '2020-01-01 00:00:00.000000')",
            (f"f{n}", rng.randrange(1, contacts + 1), rng.choice(("family", "goals")), str(day)),
        )
    conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_one_pass_equals_the_sql_windows(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "window.db"
    _journal(path, seed)
    conn = open_journal(path)
    try:
        for today in (TODAY, TODAY - timedelta(days=700), TODAY + timedelta(days=1500)):
            for ids in (None, [1, 2, 3, 13, 26], [5], [], list(range(1, 41))):
                for full in (False, True):
                    expected = (
                        history_reads.interaction_aggregates(conn, today, ids, REAL),
                        history_reads.window_interactions(conn, today, ids, full=full),
                    )
                    got = history_reads.interaction_history(conn, today, ids, REAL, full=full)
                    assert got == expected, (today, ids, full)
    finally:
        conn.close()


@pytest.mark.parametrize("seed", [4])
def test_facts_with_known_last_days_equal_the_sql_union(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "facts.db"
    _journal(path, seed)
    conn = open_journal(path)
    try:
        for today in (TODAY, TODAY - timedelta(days=900)):
            for ids in (None, [1, 2, 3, 13, 26], [5], []):
                aggregates = history_reads.interaction_aggregates(conn, today, ids, REAL)
                last_days = {cid: agg[2] for cid, agg in aggregates.items()}
                expected = history_reads.history_facts(conn, today, ids)
                assert expected or ids is not None
                assert all(day <= today.isoformat() for _c, _k, day in expected)
                got = history_reads.history_facts(conn, today, ids, last_days)
                assert got == expected, (today, ids)
    finally:
        conn.close()
