"""Creating and migrating the schema.

A new journal gets the current schema straight from the SQLModel metadata. An older one
is first copied with the backup API, then brought forward by the ordered migrations
below, all in one transaction, each step bumping ``PRAGMA user_version``. A journal
from a newer netjournal is refused before anything is touched (``connection``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.store import SCHEMA_VERSION, undo
from netjournal.store.backup import backup_to, default_backup_path

#: MIGRATIONS[n] turns a journal of version n - 1 into version n.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def schema_ddl() -> list[str]:
    """CREATE TABLE and CREATE INDEX statements of the current models, in order."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlalchemy.schema import CreateIndex, CreateTable
    from sqlmodel import SQLModel

    import netjournal.models  # noqa: F401  (registers the tables)

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
)


def create(conn: sqlite3.Connection) -> None:
    """Create the current schema in an empty database, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in schema_ddl():
            conn.execute(statement)
        for statement in EXTRA_INDEXES:
            conn.execute(statement)
        undo.install_triggers(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("PRAGMA journal_mode=WAL")


def migrate(conn: sqlite3.Connection, path: Path, found: int) -> Path:
    """Back up, then bring a journal of version ``found`` up to date. Returns the backup."""
    backup = backup_to(conn, default_backup_path(path, datetime.now(UTC), f"v{found}"))
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("UPDATE undo_control SET recording = 0 WHERE id = 1")
        for version in range(found + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version}")
        undo.install_triggers(conn)
        # the undo history refers to the old layout; it cannot be replayed after a migration
        conn.execute("DELETE FROM undo_step")
        conn.execute("DELETE FROM undo_command")
        conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise JournalError(
                messages.JOURNAL_UNREADABLE.format(path=path, reason="foreign keys broken")
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return backup


def upgrade(conn: sqlite3.Connection, path: Path, found: int) -> Path | None:
    """Bring the journal behind ``conn`` to :data:`SCHEMA_VERSION` (user_version ``found``).

    Returns the backup taken before a migration (None for a new journal).
    """
    if found == 0:
        has_tables = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1"
        ).fetchone()
        if has_tables:
            raise JournalError(messages.JOURNAL_NOT_SQLITE.format(path=path))
        create(conn)
        return None
    return migrate(conn, path, found)
