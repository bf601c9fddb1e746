"""Opening the journal: the checks that run before anything in the file is used, then
creating or migrating it. The connections themselves are ``sqlite.connect``'s.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.store import SCHEMA_VERSION, shape
from netjournal.store.sqlite import connect, create_file, has_content, translate, user_version


def open_journal(
    path: Path, on_notice: Callable[[str], None] | None = None, *, create: bool = True
) -> sqlite3.Connection:
    """Open (creating or migrating when needed) and return a ready connection.

    With ``create=False`` (the read commands) a path with no journal yet raises the
    sentence that says so, and nothing is made: a mistyped path must not look like an
    empty journal.

    The schema is compared with the one this code makes before anything in the file runs
    (``shape``): a journal with objects netjournal did not create is refused, and an
    older journal is checked against its own version's objects before it is migrated.
    ``on_notice`` receives the sentence to show after a migration.
    """
    if not create and not has_content(path):
        raise JournalError(messages.NO_JOURNAL.format(path=path))
    create_file(path)
    conn = connect(path)
    try:
        version = user_version(conn)
        if version > SCHEMA_VERSION:
            raise JournalError(
                messages.JOURNAL_NEWER.format(path=path, found=version, known=SCHEMA_VERSION)
            )
        if version == 0:
            from netjournal.store import schema

            schema.create(conn, path)
            version = user_version(conn)
        shape.check(conn, path, version)
        if version < SCHEMA_VERSION:
            from netjournal.store import schema

            backup = schema.migrate(conn, path, version)
            if backup is not None and on_notice is not None:
                on_notice(messages.JOURNAL_MIGRATED.format(version=SCHEMA_VERSION, backup=backup))
        elif conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        conn.close()
        raise translate(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def empty_journal() -> sqlite3.Connection:
    """An in-memory journal with the current schema and nothing in it: what a journal
    that does not exist yet reads as, for a write command that reads first (the
    debrief's names, a capture's proposals) without creating the file before it writes."""
    from netjournal.store import schema

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("BEGIN")
    schema.create_in_transaction(conn, Path(":memory:"))
    conn.execute("COMMIT")
    return conn
