"""Scoring thousands of contacts at once: the first whole-journal report of a day.

Scoring is pure Python, so one process uses one core: on 10,000 contacts the first
``net due`` of a day takes seconds. Here the contacts are split into chunks scored by
worker processes, one per available core, each reading its contacts through its own
read-only connection. Results are the same records ``records.score_record`` returns
(a test runs both ways and compares them).

Workers are fresh interpreters (``spawn``: a forked child would inherit SQLite's
per-process lock bookkeeping of this process's open connection, which SQLite forbids
using). Each costs a start-up of a few hundred milliseconds, so small batches run in this
process. ``NETJOURNAL_WORKERS`` sets the number of processes (1: this process only).

If a writer commits while workers read, they may see newer data than the report's own
snapshot; the score cache then refuses those scores (its write fails on the stale
snapshot), so nothing inconsistent is kept.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netjournal.scores.history import histories
from netjournal.scores.records import score_record

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants

WORKERS_ENV = "NETJOURNAL_WORKERS"
#: contacts a worker should have at least, for starting a process to pay off. Measured
#: on 2 cores (``bench/run.py --huge --only first``, 2026-12-03): 10,000 contacts took
#: 3.61 s in 2 workers and 3.50 s in this process (the start-ups eat the gain), 50,000
#: took 12.95 s in 2 workers and 20.64 s in this process; so 2 workers from 20,000
PER_WORKER = 10_000
#: at most this many worker processes
MAX_WORKERS = 8
#: chunks per worker (each chunk scans the interactions once: fewer is cheaper)
CHUNKS_PER_WORKER = 1


def workers(contacts: int) -> int:
    """How many processes should score ``contacts`` contacts."""
    override = os.environ.get(WORKERS_ENV, "").strip()
    if override:
        try:
            return max(1, min(int(override), MAX_WORKERS))
        except ValueError:
            return 1
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))  # the cores this process may use
    else:
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS, contacts // PER_WORKER))


def _database_file(conn: sqlite3.Connection) -> str | None:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return str(file) or None
    return None


def records(
    conn: sqlite3.Connection, today: date, c: Constants, ids: list[int]
) -> dict[int, dict[str, Any]]:
    """``records.score_record`` of each contact in ``ids``, computed now."""

    n = workers(len(ids))
    path = _database_file(conn) if n > 1 and len(ids) > 1 else None
    if path is not None:
        try:
            return _in_workers(path, today, c, ids, n)
        except Exception:  # no processes, a read-only connection refused, ...: do it here
            pass  # (a real error in scoring shows itself again below, with its traceback)
    return {cid: score_record(h, today, c) for cid, h in histories(conn, today, ids, c=c).items()}


def _in_workers(
    path: str, today: date, c: Constants, ids: list[int], n: int
) -> dict[int, dict[str, Any]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, -(-len(ids) // (n * CHUNKS_PER_WORKER)))
    jobs = [(path, today, c, ids[k : k + size]) for k in range(0, len(ids), size)]
    out: dict[int, dict[str, Any]] = {}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
        for part in pool.map(_score_chunk, jobs):
            out.update(part)
    return out


def _score_chunk(job: tuple[str, date, Constants, list[int]]) -> dict[int, dict[str, Any]]:
    """In a worker: score the job's contacts from the journal, read-only."""
    from netjournal.store.sqlite import raw_connect

    path, today, c, ids = job
    conn = raw_connect(Path(path), readonly=True)  # hardened like every connection
    try:
        conn.execute("BEGIN")
        return {
            cid: score_record(h, today, c) for cid, h in histories(conn, today, ids, c=c).items()
        }
    finally:
        conn.close()
