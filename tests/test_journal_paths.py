"""The writer writes exactly the file the reader reads, whatever characters the path has.

SQLAlchemy reads ``sqlite:///PATH`` as a URL: ``%20`` became a space and ``?`` started a
query, so writes went to another file than reads (or failed, leaving a stray file). The
writer now gets its connections from the same ``sqlite3.connect`` the reads use.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

NAMES = (
    "work journal.db",
    "work%20journal.db",
    "what?.db",
    "mode=ro?x=1.db",
    "a#b.db",
    "semi;colon.db",
    "Ünïcødé ✓ журнал.db",
    "file:journal.db",
    "50%.db",
)


@pytest.mark.parametrize("name", NAMES)
def test_writes_and_reads_touch_one_file(
    name: str, tmp_path: Path, ok: Callable[..., Result], net_json: Callable[..., Any]
) -> None:
    folder = tmp_path / "odd %41 folder?#"
    db = folder / name
    ok("--db", str(db), "log", "Ana Rossi", "-m", "Coffee", "--learned", "family:two kids")
    ok("--db", str(db), "give", "Ana", "an intro")
    shown = net_json("--db", str(db), "show", "Ana", "--json")
    assert [i["note"] for i in shown["interactions"]] == ["Coffee"]
    assert len(shown["gives"]) == 1
    ok("--db", str(db), "undo")
    assert net_json("--db", str(db), "show", "Ana", "--json")["gives"] == []
    ok("--db", str(db), "backup")
    ok("--db", str(db), "doctor")
    stray = {p.name for p in folder.iterdir()} - {name, f"{name}-wal", f"{name}-shm", "backups"}
    assert stray == set()
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]
    conn = sqlite3.connect(db)  # the very file, opened by name
    try:
        assert conn.execute("SELECT note FROM interaction").fetchall() == [("Coffee",)]
    finally:
        conn.close()


def test_worker_processes_read_the_same_odd_path(tmp_path: Path, ok: Callable[..., Result]) -> None:
    from netjournal.scores import workers as batch
    from netjournal.scoring.constants import DEFAULTS
    from netjournal.store.connection import open_journal

    db = tmp_path / "a b%20c?d#e;f" / "jour nal?.db"
    for n in range(4):
        ok("--db", str(db), "log", f"Contact {n}", "--new", "-m", f"n{n}")
    conn = open_journal(db)
    try:
        path = batch._database_file(conn)
        assert path is not None
        ids = [int(r[0]) for r in conn.execute("SELECT id FROM contact ORDER BY id")]
        here = batch.records(conn, date(2026, 11, 28), DEFAULTS, ids)
    finally:
        conn.close()
    # the worker's own read-only connection, through the percent-encoded URI
    there = batch._in_workers(path, date(2026, 11, 28), DEFAULTS, ids, 2)
    assert json.dumps(there, sort_keys=True) == json.dumps(here, sort_keys=True)
