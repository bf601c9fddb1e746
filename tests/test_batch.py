"""Scoring many contacts in worker processes gives exactly what one process gives."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from netjournal.scores import workers as batch
from netjournal.scoring.constants import DEFAULTS, Constants

NAMES = [f"Contact {n:02d}" for n in range(12)]


@pytest.fixture
def journal(ok: Any, db_path: Path) -> Path:
    for n, name in enumerate(NAMES):
        ok("log", name, "--new", "-k", "meal", "--on", f"2026-{1 + n % 11:02d}-1{n % 9}")
        if n % 3 == 0:
            ok("give", name, "an intro", "-k", "introduction")
        if n % 4 == 0:
            ok("ask", name, "advice", "-k", "advice", "--open")
        if n % 5 == 0:
            ok("learn", name, "goals", "a new shop")
    return db_path


def test_constants_survive_pickling_for_workers() -> None:
    changed = Constants.from_mapping({"points": {"referral": 6}, "tier_cadence": {"close": 0}})
    for c in (DEFAULTS, changed):
        back = pickle.loads(pickle.dumps(c))
        assert back == c and repr(back) == repr(c)


def test_workers_score_exactly_like_one_process(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = sqlite3.connect(journal)
    ids = [row[0] for row in conn.execute("SELECT id FROM contact ORDER BY id")]
    today = date(2026, 11, 28)
    c = Constants.from_mapping({"balance_half_life": 100})
    monkeypatch.setenv(batch.WORKERS_ENV, "1")
    alone = batch.records(conn, today, c, ids)
    monkeypatch.setenv(batch.WORKERS_ENV, "3")
    shared = batch.records(conn, today, c, ids)
    conn.close()
    assert len(alone) == len(NAMES)
    assert shared == alone


def test_how_many_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(batch.WORKERS_ENV, raising=False)
    assert batch.workers(100) == 1  # not worth a process start
    assert batch.workers(10_000) == 1  # measured: two start-ups cost what they save
    assert 1 <= batch.workers(1_000_000) <= batch.MAX_WORKERS
    monkeypatch.setenv(batch.WORKERS_ENV, "2")
    assert batch.workers(5) == 2
    monkeypatch.setenv(batch.WORKERS_ENV, "lots")
    assert batch.workers(1_000_000) == 1


def test_python_dash_m_with_workers_runs_the_command_once(journal: Path) -> None:
    """Spawned workers import ``netjournal.__main__`` again: it must not rerun ``net``."""
    env = {**os.environ, batch.WORKERS_ENV: "2", "NETJOURNAL_DB": str(journal)}
    done = subprocess.run(
        [sys.executable, "-m", "netjournal", "balance", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)  # one JSON document: the command ran once
    assert report["count"] == len(NAMES)
