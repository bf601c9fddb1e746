"""Several net processes at once, a lock held too long, and a write killed half-way.

The promise (DESIGN, "Reliability and privacy"): concurrent writers queue behind the busy
timeout and never see "database is locked"; past the timeout a command says so in one
sentence and exits 3 having written nothing; a killed write is wholly there or wholly
absent and the file stays sound.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

WORKERS = 8
WRITES = 50
#: names far enough apart that no one is a "close spelling" of another
NAMES = (
    "Ana Rossi",
    "Marco Bianchi",
    "Carla Verdi",
    "Giulia Neri",
    "Luca Romano",
    "Sofia Greco",
    "Paolo Conti",
    "Elena Marino",
    "Davide Gallo",
    "Chiara Costa",
)


def _writer(db: str, worker: int, barrier: Any, results: Any) -> None:
    """One process: WRITES `net log` commands that resolve, and sometimes create, contacts."""
    import typer.testing
    from typer.testing import CliRunner

    from netjournal.cli.app import app

    # build the click command once (in this worker process only): Typer rebuilds it on
    # every invoke otherwise, which costs more than the write itself
    command = typer.main.get_command(app)
    typer.testing._get_command = lambda _app: command  # type: ignore[assignment]
    runner = CliRunner()
    failures: list[str] = []
    barrier.wait()
    for n in range(WRITES):
        names = [NAMES[(worker + n) % len(NAMES)]]
        if n % 3 == 0:
            names.append(NAMES[(worker * 3 + n + 1) % len(NAMES)])
        if len(set(names)) < len(names):
            names = names[:1]
        result = runner.invoke(
            app, ["--db", db, "log", *names, "-m", f"w{worker}-n{n}"], catch_exceptions=True
        )
        if result.exit_code != 0 or (
            result.exception and not isinstance(result.exception, SystemExit)
        ):
            failures.append(f"{names}: exit {result.exit_code}: {result.stderr!r}")
    results.put((worker, failures))


@pytest.mark.slow
def test_eight_processes_log_at_once(tmp_path: Path) -> None:
    db = tmp_path / "shared" / "journal.db"  # does not exist yet: creation races too
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_writer, args=(str(db), w, barrier, results)) for w in range(WORKERS)
    ]
    for p in procs:
        p.start()
    collected = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    failures = [f for _, fs in collected for f in fs]
    assert failures == [], failures[:5]
    assert not any("locked" in f for f in failures)
    conn = sqlite3.connect(db)
    try:
        notes = {r[0] for r in conn.execute("SELECT note FROM interaction")}
        assert notes == {f"w{w}-n{n}" for w in range(WORKERS) for n in range(WRITES)}
        assert conn.execute("SELECT count(*) FROM interaction").fetchone()[0] == 400
        contacts = [r[0] for r in conn.execute("SELECT name FROM contact ORDER BY name")]
        assert contacts == sorted(NAMES)  # each created exactly once
        orphans = conn.execute(
            "SELECT count(*) FROM interaction i WHERE NOT EXISTS "
            "(SELECT 1 FROM participant p WHERE p.interaction_id = i.id)"
        ).fetchone()[0]
        assert orphans == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_lock_held_past_the_busy_timeout(
    ok: Callable[..., Result],
    net: Callable[..., Result],
    db_path: Path,
    unchanged: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ok("log", "Ana Rossi", "-m", "first")
    monkeypatch.setenv("NETJOURNAL_BUSY_TIMEOUT_MS", "300")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with unchanged():
            for args in (
                ("log", "Ana Rossi", "-m", "second", "--give", "a book"),
                ("log", "Marco Bianchi", "-m", "new person"),
                ("contact", "add", "Carla Verdi"),
                ("undo",),
            ):
                start = time.monotonic()
                result = net(*args)
                waited = time.monotonic() - start
                assert result.exit_code == 3, (args, result.stderr)
                lines = result.stderr.strip().splitlines()
                assert len(lines) == 1, result.stderr
                assert "Another net process is still writing" in lines[0]
                assert "Traceback" not in result.stderr
                assert 0.25 <= waited < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # readers are never blocked by a writer (WAL), and the lock going away lets writes in
    ok("log", "Ana Rossi", "-m", "second")


def test_busy_timeout_is_overridable(monkeypatch: pytest.MonkeyPatch) -> None:
    from netjournal.store.sqlite import BUSY_TIMEOUT_MS, busy_timeout_ms

    monkeypatch.delenv("NETJOURNAL_BUSY_TIMEOUT_MS", raising=False)
    assert busy_timeout_ms() == BUSY_TIMEOUT_MS == 15_000
    monkeypatch.setenv("NETJOURNAL_BUSY_TIMEOUT_MS", "250")
    assert busy_timeout_ms() == 250
    monkeypatch.setenv("NETJOURNAL_BUSY_TIMEOUT_MS", "soon")
    assert busy_timeout_ms() == 15_000


def _big_csv(path: Path, rows: int) -> None:
    lines = ["name,company,role,email"]
    lines += [
        f"Person{i:05d} Zed{i * 7919 % 100000:05d},Acme,CTO,p{i}@example.com" for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_import_killed_half_way_is_wholly_absent(tmp_path: Path, ok: Callable[..., Result]) -> None:
    db = tmp_path / "crash" / "journal.db"
    ok("--db", str(db), "log", "Ana Rossi", "-m", "before the import")
    source = tmp_path / "big.csv"
    _big_csv(source, 20_000)
    wal = Path(f"{db}-wal")
    env = {**os.environ, "NETJOURNAL_DB": str(db)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "netjournal", "import", "csv", str(source)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    # wait until the import is writing for real (its transaction spills into the WAL)
    while time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            break
        if proc.poll() is not None:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        names = [r[0] for r in conn.execute("SELECT name FROM contact")]
        assert names == ["Ana Rossi"]  # none of the import: it was one transaction
    finally:
        conn.close()
    # the journal works normally afterwards, and the import can simply be run again
    ok("--db", str(db), "log", "Ana Rossi", "-m", "after")
    ok("--db", str(db), "doctor")


def test_writer_takes_the_write_lock_up_front(ok: Callable[..., Result], db_path: Path) -> None:
    """A write transaction holds the lock from BEGIN on, even before its first write, so a
    command that reads then writes can never be refused half-way ("database is locked")."""
    from netjournal.store.writer import _engine

    ok("log", "Ana Rossi")
    engine = _engine(db_path)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM contact").fetchone()  # a read only
            other = sqlite3.connect(db_path, isolation_level=None, timeout=0)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
    finally:
        engine.dispose()
