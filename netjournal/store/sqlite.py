"""Hardened ``sqlite3`` connections, the journal file itself, and SQLite's errors as the
user's sentences.

Every connection netjournal makes to a journal, a backup or a file being restored comes
from :func:`raw_connect`: ``sqlite3`` on exactly the path given (never re-read as a URL),
hardened so that the file's schema cannot run code (``trusted_schema=OFF`` and the other
settings of sqlite.org/security.html that Python 3.11's ``sqlite3`` can reach).
SQLModel sessions (``writer``) get their connections from here too. Opening a journal
(checking its schema, creating or migrating it) is ``connection.open_journal``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError, JournalLocked
from netjournal.store import shape
from netjournal.store.paths import create_private_file

#: how long a command waits for another process's write lock before giving up (exit 3)
BUSY_TIMEOUT_MS = 15_000
#: overrides BUSY_TIMEOUT_MS (milliseconds); meant for tests of the lock-timeout path
ENV_BUSY_TIMEOUT = "NETJOURNAL_BUSY_TIMEOUT_MS"

#: set on every connection, before the file's schema is used (sqlite.org/security.html,
#: "untrusted database files"): triggers, views, CHECK constraints, defaults and indexes
#: may call only innocuous functions; malformed b-tree cells are detected before use; no
#: memory-mapped I/O of a file that may be hostile. (SQLITE_DBCONFIG_DEFENSIVE needs
#: ``Connection.setconfig``, which Python's sqlite3 has only from 3.12 on.)
HARDENING = (
    "PRAGMA trusted_schema=OFF",
    "PRAGMA cell_size_check=ON",
    "PRAGMA mmap_size=0",
)
#: runtime limits: netjournal never attaches a database, and its own triggers nest at
#: most three deep (a cascade, the undo trigger, the cache trigger)
LIMITS = (
    (sqlite3.SQLITE_LIMIT_ATTACHED, 0),
    (sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 10),
)


def trust_checked_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Inside a write transaction: check that the file holds exactly netjournal's objects
    of the current version, then let its schema use virtual tables (``trusted_schema``).

    The full-text index's triggers write to FTS5 tables, which SQLite lets schema code
    use only when the schema is trusted. Under the write lock nobody can change the
    schema, so once it is exactly netjournal's, the only schema code is netjournal's own
    (``store/migrations/search_index.py``). The writer switches it off again before it
    commits; every other connection keeps it off.
    """
    from netjournal.store import SCHEMA_VERSION

    shape.check(conn, path, SCHEMA_VERSION)
    conn.execute("PRAGMA trusted_schema=ON")


def busy_timeout_ms() -> int:
    """The busy timeout in force: ``$NETJOURNAL_BUSY_TIMEOUT_MS`` if set, else 15 s."""
    raw = os.environ.get(ENV_BUSY_TIMEOUT, "").strip()
    try:
        value = int(raw) if raw else BUSY_TIMEOUT_MS
    except ValueError:
        return BUSY_TIMEOUT_MS
    return value if value >= 0 else BUSY_TIMEOUT_MS


def harden(conn: sqlite3.Connection) -> None:
    """Keep the file's schema from running code (see :data:`HARDENING`, :data:`LIMITS`)."""
    for pragma in HARDENING:
        conn.execute(pragma)
    for limit, value in LIMITS:
        conn.setlimit(limit, value)


def raw_connect(
    path: Path, *, readonly: bool = False, timeout_ms: int | None = None
) -> sqlite3.Connection:
    """A hardened connection in autocommit mode to exactly the file ``path``.

    Read-write connections get the absolute path as a plain file name (never a URI, so
    ``%``, ``?``, ``#`` or ``file:`` in it mean nothing); read-only ones a ``file:`` URI
    built by :meth:`Path.as_uri`, which percent-encodes every such character.
    """
    ms = busy_timeout_ms() if timeout_ms is None else timeout_ms
    absolute = Path(os.path.abspath(path))
    if readonly:
        conn = sqlite3.connect(
            f"{absolute.as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=ms / 1000
        )
    else:
        conn = sqlite3.connect(absolute, isolation_level=None, timeout=ms / 1000)
    try:
        harden(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (we issue BEGIN ourselves) with our pragmas."""
    try:
        conn = raw_connect(path)
        try:
            apply_pragmas(conn)
        except BaseException:
            conn.close()
            raise
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise translate(exc, path) from exc
    return conn


def _error_name(exc: BaseException) -> str:
    for candidate in (exc, getattr(exc, "orig", None)):
        name = getattr(candidate, "sqlite_errorname", None)
        if name:
            return str(name)
    return ""


def translate(exc: BaseException, path: Path) -> Exception:
    """Turn an SQLite error into the user's sentence about the journal at ``path``."""
    if shape.is_decode_error(exc):  # a damaged schema's error message, or a damaged value
        return JournalError(messages.JOURNAL_DAMAGED.format(path=path, reason=messages.NOT_UTF8))
    text = str(getattr(exc, "orig", None) or exc)
    name = _error_name(exc)
    folder = path.parent
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return JournalLocked(messages.JOURNAL_LOCKED.format(path=path))
    if name == "SQLITE_NOTADB" or "not a database" in text or "file is encrypted" in text:
        return JournalError(messages.JOURNAL_NOT_SQLITE.format(path=path))
    if name == "SQLITE_READONLY_DBMOVED":
        return JournalError(messages.JOURNAL_MOVED.format(path=path))
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return JournalError(messages.JOURNAL_READ_ONLY.format(path=path, folder=folder))
    if name == "SQLITE_FULL" or "disk is full" in text:
        return JournalError(messages.JOURNAL_DISK_FULL.format(path=path))
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return JournalError(messages.JOURNAL_DAMAGED.format(path=path, reason=text))
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return JournalError(messages.JOURNAL_CANNOT_OPEN.format(path=path, folder=folder))
    if name.startswith("SQLITE_CONSTRAINT") or "constraint failed" in text:
        return JournalError(messages.JOURNAL_CONSTRAINT.format(path=path, reason=text))
    if name.startswith("SQLITE_IOERR"):
        return JournalError(messages.JOURNAL_IO_ERROR.format(path=path, reason=text))
    return JournalError(messages.JOURNAL_UNREADABLE.format(path=path, reason=text))


def translate_os(exc: OSError, path: Path) -> JournalError:
    """Turn a file-system error met while opening the journal into the user's sentence."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return JournalError(messages.JOURNAL_NO_ACCESS.format(path=path, folder=path.parent))
    if exc.errno == errno.EROFS:
        return JournalError(messages.JOURNAL_READ_ONLY.format(path=path, folder=path.parent))
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return JournalError(messages.JOURNAL_DISK_FULL.format(path=path))
    return JournalError(messages.JOURNAL_UNREADABLE.format(path=path, reason=exc.strerror or exc))


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def path_exists(path: Path) -> bool:
    """Whether something is at ``path``; an unreadable folder raises the user's sentence."""
    try:
        return path.exists()
    except OSError as exc:
        raise translate_os(exc, path) from exc


def has_content(path: Path) -> bool:
    """Whether a non-empty file is at ``path`` (folders and unreadable paths raise the
    user's sentence)."""
    try:
        if path.is_dir():
            raise JournalError(
                messages.JOURNAL_UNREADABLE.format(path=path, reason="it is a folder")
            )
        return path.exists() and path.stat().st_size > 0
    except OSError as exc:
        raise translate_os(exc, path) from exc


def create_file(path: Path) -> bool:
    """Create the journal file (0600, missing folders 0700) unless there is one; True
    when this call created it."""
    if has_content(path):
        return False
    try:
        return create_private_file(path)
    except OSError as exc:
        raise translate_os(exc, path) from exc


def use_wal(path: Path) -> None:
    """Switch a journal this process has just created to WAL (best effort: the next
    opening of the journal switches it otherwise)."""
    with contextlib.suppress(sqlite3.Error):
        conn = raw_connect(path)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
        finally:
            conn.close()


def discard_new(path: Path) -> None:
    """Remove the journal file this process created for a write command that failed.

    Only while it is still empty (the command's transaction, schema included, was rolled
    back, and nobody wrote since) and while no other process is writing to it: the write
    lock is taken without waiting first. A process that opened the file meanwhile and
    writes to it later gets SQLite's "moved" error, never a lost write.
    """
    try:
        conn = raw_connect(path, timeout_ms=0)
    except sqlite3.Error:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        if path.stat().st_size != 0:
            return
        for leftover in (path, *(Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm"))):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    except (sqlite3.Error, OSError):
        return
    finally:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        conn.close()
