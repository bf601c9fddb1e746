"""``net doctor --rebuild``: put back what netjournal can restore without losing data.

In one write transaction: the triggers, views and indexes netjournal did not create are
dropped (no data is in them) before anything else runs, netjournal's own triggers and
indexes that are altered or missing are recreated from ``snapshot``, the undo history of
commands holding steps netjournal did not record is forgotten, undo recording is switched
back on, the score cache is emptied (derived data: the next report recomputes it) and
the full-text index is rebuilt from the rows.
Tables are never dropped or changed: ``net doctor`` says how to deal with those.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.store import SCHEMA_VERSION, searchindex, shape, undo
from netjournal.store.sqlite import connect, translate, user_version


@dataclass
class Rebuilt:
    version: int
    removed: list[shape.Item] = field(default_factory=list)
    restored: list[shape.Item] = field(default_factory=list)
    forgotten: int = 0  # commands whose undo history was forgotten
    dropped: int = 0  # cached scores dropped
    reindexed: bool = False  # the full-text index rebuilt from the rows


def rebuild(path: Path) -> Rebuilt:
    """Repair the journal at ``path`` (see the module's docstring); what was done."""
    conn = connect(path)
    try:
        version = user_version(conn)
        if version > SCHEMA_VERSION:
            raise JournalError(
                messages.JOURNAL_NEWER.format(path=path, found=version, known=SCHEMA_VERSION)
            )
        if version < 1:
            raise JournalError(messages.NOT_A_JOURNAL.format(path=path))
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = Rebuilt(version)
            done.removed, done.restored = shape.repair(conn, version)
            tables = {n for n, i in shape.found(conn).items() if i.type == "table"}
            if {"undo_step", "undo_command"} <= tables:
                done.forgotten = _forget_foreign_undo(conn)
            if "undo_control" in tables:
                conn.execute("INSERT OR IGNORE INTO undo_control (id, recording) VALUES (1, 1)")
                conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
            if "score_cache" in tables:
                done.dropped = int(conn.execute("SELECT count(*) FROM score_cache").fetchone()[0])
                conn.execute("DELETE FROM score_cache")
            if "score_quiet" in tables:
                conn.execute("DELETE FROM score_quiet")
            if {name for name, _ in searchindex.INDEXES} <= tables:
                searchindex.rebuild(conn)
                done.reindexed = True
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return done
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from exc
    finally:
        conn.close()


def _forget_foreign_undo(conn: sqlite3.Connection) -> int:
    """Forget every command with a step ``net undo`` would refuse; how many."""
    commands = sorted({command_id for _step, command_id, _name in undo.foreign_steps(conn)})
    for command_id in commands:
        conn.execute("DELETE FROM undo_step WHERE command_id = ?", (command_id,))
        conn.execute("DELETE FROM undo_command WHERE id = ?", (command_id,))
    return len(commands)
