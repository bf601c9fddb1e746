"""Creating and migrating the schema.

A new journal gets the current schema from ``snapshot``: the statements the SQLModel
metadata, the extra indexes and the trigger generators below produce, kept as text so
that creating a journal needs no SQLModel and every journal holds exactly the objects
``shape`` compares against (``tests/test_schema_snapshot.py`` checks that the snapshot is
still what the models and migrations make). An older journal is first copied with the
backup API, then brought forward by the ordered migrations below, all in one
transaction, each step bumping ``PRAGMA user_version``; its schema is compared with its
own version's objects before the first step and with the current ones before the
commit. A journal from a newer netjournal is refused before anything is touched
(``connection``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.store import SCHEMA_VERSION, scorecache, shape, snapshot, undo
from netjournal.store.backup import backup_file, default_backup_path
from netjournal.store.migrations import (
    captures,
    contact_cards,
    contact_source,
    identities,
    introductions,
    score_quiet,
    search_index,
)

#: MIGRATIONS[n] turns a journal of version n - 1 into version n.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    2: scorecache.migrate_to_2,
    3: scorecache.migrate_to_3,
    contact_source.VERSION: contact_source.migrate,
    identities.VERSION: identities.migrate,
    search_index.VERSION: search_index.migrate,
    introductions.VERSION: introductions.migrate,
    contact_cards.VERSION: contact_cards.migrate,
    captures.VERSION: captures.migrate,
    score_quiet.VERSION: score_quiet.migrate,
}


def schema_ddl() -> list[str]:
    """CREATE TABLE and CREATE INDEX statements of the current models, in order."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlalchemy.schema import CreateIndex, CreateTable
    from sqlmodel import SQLModel

    from netjournal import models

    models.load_all()

    dialect = sqlite_dialect.dialect()
    statements: list[str] = []
    for table in SQLModel.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)).strip())
    return statements


EXTRA_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_participant_contact_interaction "
    "ON participant (contact_id, interaction_id)",
    "CREATE INDEX IF NOT EXISTS ix_exchange_contact_on ON exchange (contact_id, occurred_on)",
    "CREATE INDEX IF NOT EXISTS ix_fact_contact_category ON fact (contact_id, category)",
    "CREATE INDEX IF NOT EXISTS ix_followup_contact_open ON followup (contact_id, done_on, due)",
    # schema 2
    *scorecache.INDEXES,
    # schema 3
    scorecache.DAY_INDEX,
)


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def build_from_models(conn: sqlite3.Connection) -> None:
    """Make the current schema in an empty database from the models, the extra indexes
    and the trigger generators: what ``snapshot`` holds as text (its generator and test
    call this; journals are created from the snapshot)."""
    for statement in schema_ddl():
        conn.execute(statement)
    for statement in EXTRA_INDEXES:
        conn.execute(statement)
    undo.install_triggers(conn)
    scorecache.install_triggers(conn)
    search_index.create(conn)  # schema 6: the full-text index and its triggers


def create(conn: sqlite3.Connection, path: Path) -> None:
    """Create the current schema in an empty database, in one transaction.

    Several processes may find the same new file at once: the first to take the write
    lock creates the schema, the others find it done once they get the lock.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not create_in_transaction(conn, path):
            conn.execute("ROLLBACK")  # created meanwhile by another process
            return
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    conn.execute("PRAGMA journal_mode=WAL")


def create_in_transaction(conn: sqlite3.Connection, path: Path) -> bool:
    """Inside the caller's write transaction, create the current schema in a file that
    has none; False when it has one already (made meanwhile by another process).

    A file that holds anything else (a table, a view, a trigger) is not a journal.
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] != 0:
        return False
    if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
        raise JournalError(messages.NOT_A_JOURNAL.format(path=path))
    for key in snapshot.VERSIONS[SCHEMA_VERSION]:
        if key not in shape.shadow_tables(SCHEMA_VERSION):  # their virtual table makes them
            conn.execute(snapshot.OBJECTS[key][3])
    conn.execute("INSERT OR IGNORE INTO undo_control (id, recording) VALUES (1, 1)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return True


def migrate(conn: sqlite3.Connection, path: Path, found: int) -> Path | None:
    """Back up, then bring a journal of version ``found`` up to date. Returns the backup.

    The write lock is taken first, so the backup (made through a second connection,
    which sees exactly what the lock protects) and the migration cover the same state,
    and a second process arriving meanwhile finds the work done. Foreign keys are off
    during the migration so that steps may rebuild tables (sqlite.org/lang_altertable.html)
    and are checked as a whole before the commit. Any failure rolls everything back.
    """
    conn.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction: set it first
    try:
        conn.execute("BEGIN IMMEDIATE")
        backup: Path | None = None
        try:
            found = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if found >= SCHEMA_VERSION:
                conn.execute("ROLLBACK")  # migrated meanwhile by another process
                return None
            shape.check(conn, path, found)  # nothing foreign may run during the steps
            # so the schema's code is netjournal's own, and may use the search index's
            # virtual tables (its triggers fire when a step changes rows; ``sqlite``)
            conn.execute("PRAGMA trusted_schema=ON")
            backup = backup_file(path, default_backup_path(path, datetime.now(UTC), f"v{found}"))
            conn.execute("UPDATE undo_control SET recording = 0 WHERE id = 1")
            for version in range(found + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version}")
            undo.install_triggers(conn)
            scorecache.install_triggers(conn)
            # the undo history stays: its statements name their columns, so they still
            # apply after steps that add tables or columns (a step that rebuilds or drops
            # columns must clear undo_step and undo_command itself)
            conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
            shape.check(conn, path, SCHEMA_VERSION)  # the steps made exactly the new schema
            if conn.execute("PRAGMA foreign_key_check").fetchall():
                raise JournalError(
                    messages.MIGRATION_FAILED.format(
                        path=path,
                        version=SCHEMA_VERSION,
                        reason="foreign keys broken",
                        backup=backup,
                    )
                )
            conn.execute("COMMIT")
        except JournalError:
            _rollback(conn)
            raise
        except Exception as exc:
            _rollback(conn)
            if backup is None:
                raise
            raise JournalError(
                messages.MIGRATION_FAILED.format(
                    path=path, version=SCHEMA_VERSION, reason=exc, backup=backup
                )
            ) from exc
        except BaseException:
            _rollback(conn)
            raise
    finally:
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("PRAGMA foreign_keys=ON")
    return backup
