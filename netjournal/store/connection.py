"""Opening the journal with plain ``sqlite3``: pragmas, permissions, schema checks.

Both paths use these connections: reports read through them directly, and the schema,
migrations and undo run on them. SQLModel sessions (``writer``) apply the same pragmas.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError, JournalLocked
from netjournal.store import SCHEMA_VERSION
from netjournal.store.paths import create_private_file

#: how long a command waits for another process's write lock before giving up (exit 3)
BUSY_TIMEOUT_MS = 15_000
#: overrides BUSY_TIMEOUT_MS (milliseconds); meant for tests of the lock-timeout path
ENV_BUSY_TIMEOUT = "NETJOURNAL_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    """The busy timeout in force: ``$NETJOURNAL_BUSY_TIMEOUT_MS`` if set, else 15 s."""
    raw = os.environ.get(ENV_BUSY_TIMEOUT, "").strip()
    try:
        value = int(raw) if raw else BUSY_TIMEOUT_MS
    except ValueError:
        return BUSY_TIMEOUT_MS
    return value if value >= 0 else BUSY_TIMEOUT_MS


def apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (we issue BEGIN ourselves) with our pragmas."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_ms() / 1000)
        apply_pragmas(conn)
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from exc
    return conn


def translate(exc: BaseException, path: Path) -> Exception:
    """Turn an SQLite error into the user's sentence."""
    text = str(getattr(exc, "orig", None) or exc)
    if "locked" in text or "busy" in text:
        return JournalLocked(messages.JOURNAL_LOCKED.format(path=path))
    if "not a database" in text or "file is encrypted" in text:
        return JournalError(messages.JOURNAL_NOT_SQLITE.format(path=path))
    return JournalError(messages.JOURNAL_UNREADABLE.format(path=path, reason=text))


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def open_journal(path: Path, on_notice: Callable[[str], None] | None = None) -> sqlite3.Connection:
    """Open (creating or migrating when needed) and return a ready connection.

    Creating the schema or migrating imports SQLModel; an up-to-date journal does not.
    ``on_notice`` receives the sentence to show after a migration.
    """
    if path.is_dir():
        raise JournalError(messages.JOURNAL_UNREADABLE.format(path=path, reason="it is a folder"))
    existed = path.exists() and path.stat().st_size > 0
    if not existed:
        try:
            create_private_file(path)
        except OSError as exc:
            raise JournalError(
                messages.JOURNAL_UNREADABLE.format(path=path, reason=exc.strerror or exc)
            ) from exc
    conn = connect(path)
    try:
        version = user_version(conn)
        if version != SCHEMA_VERSION:
            if version > SCHEMA_VERSION:
                raise JournalError(
                    messages.JOURNAL_NEWER.format(path=path, found=version, known=SCHEMA_VERSION)
                )
            from netjournal.store import schema

            backup = schema.upgrade(conn, path, version)
            if backup is not None and on_notice is not None:
                on_notice(messages.JOURNAL_MIGRATED.format(version=SCHEMA_VERSION, backup=backup))
        elif conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise translate(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return conn
