"""Consistent copies of the journal through SQLite's online backup API.

A plain file copy can miss what still sits in the WAL file; ``Connection.backup`` cannot.
Every copy is written to a private temporary file next to its target and renamed into
place only when complete, so an interrupted backup never leaves half a file behind (nor
destroys an earlier backup of the same name). Copies are self-contained single files
(rollback-journal mode, no ``-wal`` beside them), readable by their owner only.

``restore_from`` is the reverse: it checks that a file is a netjournal journal this code
can open, backs up the current journal, then copies the file over it with the same API.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.store.paths import create_private_file

#: tables every netjournal journal has, whatever its schema version
SIGNATURE_TABLES = frozenset({"contact", "interaction", "participant", "undo_control"})


def backups_dir(journal: Path) -> Path:
    """``<journal folder>/backups``."""
    return journal.parent / "backups"


def default_backup_path(journal: Path, now: datetime, label: str = "backup") -> Path:
    """``<journal folder>/backups/<stem>-<label>-<YYYYmmdd-HHMMSS>[-n].db``, unused so far."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    folder = backups_dir(journal)
    candidate = folder / f"{journal.stem}-{label}-{stamp}.db"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{journal.stem}-{label}-{stamp}-{n}.db"
    return candidate


def _private_dir(folder: Path) -> None:
    existed = folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    if not existed:
        os.chmod(folder, 0o700)


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of ``conn``'s database to ``target`` (mode 0600).

    ``conn`` must not be inside a transaction of its own (the backup would wait for it
    forever); to copy what a held write lock protects, pass a second connection.
    """
    _private_dir(target.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        dest = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.backup(dest)
            # a single self-contained file: no -wal/-shm appear when it is opened later
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise
    return target


def backup_file(journal: Path, target: Path, timeout_ms: int | None = None) -> Path:
    """Copy the journal file at ``journal`` to ``target`` through a connection of its own."""
    from netjournal.store.connection import busy_timeout_ms

    ms = busy_timeout_ms() if timeout_ms is None else timeout_ms
    src = sqlite3.connect(journal, isolation_level=None, timeout=ms / 1000)
    try:
        return backup_to(src, target)
    finally:
        src.close()


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    size: int
    modified: datetime  # aware, UTC


def list_backups(journal: Path) -> list[BackupInfo]:
    """The backups in ``<journal folder>/backups``, oldest first."""
    folder = backups_dir(journal)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        if entry.suffix != ".db" or entry.name.startswith(".") or not entry.is_file():
            continue
        stat = entry.stat()
        found.append(BackupInfo(entry, stat.st_size, datetime.fromtimestamp(stat.st_mtime, tz=UTC)))
    found.sort(key=lambda b: (b.modified, b.path.name))
    return found


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def journal_version(path: Path) -> int:
    """The schema version of the netjournal journal at ``path``; raise if it is not one.

    Opens the file read-only and changes nothing.
    """
    if not path.is_file():
        raise JournalError(messages.RESTORE_MISSING.format(path=path))
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise JournalError(
            messages.JOURNAL_UNREADABLE.format(path=path, reason=exc.strerror or exc)
        ) from exc
    if header != b"SQLite format 3\x00":
        raise JournalError(messages.JOURNAL_NOT_SQLITE.format(path=path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise JournalError(messages.JOURNAL_NOT_SQLITE.format(path=path)) from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        raise JournalError(messages.JOURNAL_NOT_SQLITE.format(path=path)) from exc
    finally:
        conn.close()
    if version < 1 or not tables >= SIGNATURE_TABLES:
        raise JournalError(messages.NOT_A_JOURNAL.format(path=path))
    if check != "ok":
        raise JournalError(messages.RESTORE_DAMAGED.format(path=path))
    return version


def restore_from(source: Path, journal: Path, now: datetime) -> Path | None:
    """Replace the journal's content with ``source``'s; return the backup of the old one.

    ``source`` must already have passed :func:`journal_version`. The current journal is
    backed up first (None when there was none); the copy is made with the backup API
    into the live file, so other processes see either the old or the new journal.
    """
    from netjournal.store.connection import busy_timeout_ms, translate

    previous: Path | None = None
    if journal.exists() and journal.stat().st_size > 0:
        previous = backup_file(journal, default_backup_path(journal, now, "before-restore"))
    else:
        create_private_file(journal)
    ms = busy_timeout_ms()
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(journal, isolation_level=None, timeout=ms / 1000)
            try:
                dest.execute(f"PRAGMA busy_timeout={ms}")
                src.backup(dest)
                dest.execute("PRAGMA journal_mode=WAL")
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise translate(exc, journal) from exc
    os.chmod(journal, 0o600)
    return previous
