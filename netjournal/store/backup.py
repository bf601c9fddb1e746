"""Consistent copies of the journal through SQLite's online backup API.

A plain file copy can miss what still sits in the WAL file; ``Connection.backup`` cannot.
Every copy is written to a private temporary file next to its target and renamed into
place only when complete, so an interrupted backup never leaves half a file behind (nor
destroys an earlier backup of the same name). Copies are self-contained single files
(rollback-journal mode, no ``-wal`` beside them), readable by their owner only.

A temporary copy is ``.NAME.XXXXXXXX.tmp``, held under an ``flock`` for as long as it is
written. A process killed meanwhile (SIGKILL, a power cut) leaves it behind, unlocked:
the next backup, restore or upgrade writing to that folder, and ``net doctor``, remove
those they can lock (:func:`remove_stale`), never one another process is writing.

Restoring is ``store.restore``.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.store.paths import make_private_dirs

#: tables every netjournal journal has, whatever its schema version
SIGNATURE_TABLES = frozenset({"contact", "interaction", "participant", "undo_control"})
#: a temporary copy (``tempfile.mkstemp``'s eight random characters), or its -journal
TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp(-journal)?$")
#: a temporary copy younger than this is never removed: its writer may not have locked
#: it yet (the lock follows the creation by microseconds)
STALE_AFTER_S = 2.0


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


@contextlib.contextmanager
def private_temp(folder: Path, name: str) -> Iterator[Path]:
    """A new empty file ``folder/.NAME.XXXXXXXX.tmp`` (0600; the folder made 0700 if
    missing), locked while the block runs and removed after it unless it was renamed.
    Stale ones left in ``folder`` by killed processes are removed first."""
    make_private_dirs(folder)
    # in a folder of the user's, only leftovers of this very target; in the backups folder
    # (netjournal's own) every leftover: migrations and restores name theirs by the minute
    remove_stale(folder, only=None if folder.name == "backups" else name)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.fchmod(fd, 0o600)
        yield tmp
    finally:
        with contextlib.suppress(OSError):
            if os.fstat(fd).st_ino == tmp.lstat().st_ino:  # not renamed into place
                tmp.unlink()
        with contextlib.suppress(FileNotFoundError):
            tmp.with_name(tmp.name + "-journal").unlink()
        os.close(fd)  # last: the lock holds until the leftovers are gone


def remove_stale(
    folder: Path, failed: list[Path] | None = None, only: str | None = None
) -> list[Path]:
    """Remove the temporary copies in ``folder`` that no live process holds (of the target
    named ``only``, if given); return them (those that could not go are added to ``failed``).

    A copy is recognised by its name and by what it holds: nothing yet, or an SQLite file.
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    now = time.time()
    removed: list[Path] = []
    for entry in entries:
        if not TEMP_NAME.match(entry.name):
            continue
        if only is not None and not entry.name.startswith(f".{only}."):
            continue
        try:
            if now - entry.lstat().st_mtime < STALE_AFTER_S:
                continue
            if entry.name.endswith("-journal"):
                owner = entry.with_name(entry.name.removesuffix("-journal"))
                if not owner.exists():  # a -journal whose copy is gone: nobody's
                    entry.unlink()
                    removed.append(entry)
                continue
            if _remove_if_unlocked(entry):
                removed.append(entry)
        except FileNotFoundError:
            continue  # finished and renamed meanwhile
        except OSError:
            if failed is not None:
                failed.append(entry)
    return removed


def _remove_if_unlocked(path: Path) -> bool:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # being written right now
        if os.read(fd, 16) not in (b"", b"SQLite format 3\x00"):
            return False  # not a copy of a journal: someone else's file
        if os.fstat(fd).st_ino != path.lstat().st_ino:
            return False  # renamed into place meanwhile, and another file took the name
        for leftover in (path, path.with_name(path.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        return True
    finally:
        os.close(fd)


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of ``conn``'s database to ``target`` (mode 0600).

    ``conn`` must not be inside a transaction of its own (the backup would wait for it
    forever); to copy what a held write lock protects, pass a second connection.
    Raises ``OSError`` or ``sqlite3.Error`` as they come (:func:`backup_file` words them).
    """
    from netjournal.store.sqlite import raw_connect

    with private_temp(target.parent, target.name) as tmp:
        dest = raw_connect(tmp)
        try:
            conn.backup(dest)
            # a single self-contained file: no -wal/-shm appear when it is opened later
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    return target


def backup_file(journal: Path, target: Path, timeout_ms: int | None = None) -> Path:
    """Copy the journal file at ``journal`` to ``target`` through a connection of its own;
    failures become one sentence naming what went wrong and where."""
    from netjournal.store.sqlite import raw_connect, translate

    try:
        src = raw_connect(journal, timeout_ms=timeout_ms)
    except sqlite3.Error as exc:
        raise translate(exc, journal) from exc
    try:
        return backup_to(src, target)
    except OSError as exc:
        raise _target_error(target, exc.errno, exc.strerror or str(exc)) from exc
    except sqlite3.Error as exc:
        name = str(getattr(exc, "sqlite_errorname", ""))
        if name.startswith(("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_CANTOPEN")):
            code = errno.ENOSPC if name == "SQLITE_FULL" else errno.EACCES
            raise _target_error(target, code, str(exc)) from exc
        if name in WRITE_ERRORS:
            raise _target_error(target, errno.EIO, str(exc)) from exc
        raise translate(exc, journal) from exc  # the journal could not be read
    finally:
        src.close()


#: I/O errors of writing the copy (reading the journal fails with IOERR_READ and others)
WRITE_ERRORS = frozenset(
    {"SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_DIR_FSYNC"}
)


def _target_error(target: Path, code: int | None, reason: str) -> JournalError:
    if code in (errno.ENOSPC, errno.EDQUOT):
        return JournalError(messages.BACKUP_NO_SPACE.format(path=target))
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return JournalError(messages.BACKUP_READ_ONLY.format(path=target, folder=target.parent))
    return JournalError(messages.BACKUP_FAILED.format(path=target, reason=reason))


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


def read_header(path: Path) -> None:
    """Raise the user's sentence unless ``path`` is a readable SQLite file."""
    try:
        if not path.is_file():
            raise JournalError(messages.RESTORE_MISSING.format(path=path))
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise JournalError(
            messages.JOURNAL_UNREADABLE.format(path=path, reason=exc.strerror or exc)
        ) from exc
    if header != b"SQLite format 3\x00":
        raise JournalError(messages.JOURNAL_NOT_SQLITE.format(path=path))


def journal_version(path: Path) -> int:
    """The schema version of the netjournal journal at ``path``; raise if it is not one.

    A light check (``net backup`` of the journal, or of a file it would overwrite); a file
    to restore gets the full one (``restore.staged``). Changes nothing.
    """
    from netjournal.store.sqlite import raw_connect, translate

    read_header(path)
    try:
        conn = raw_connect(path, readonly=True)
        try:
            tables = {
                str(row[0])
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    except UnicodeDecodeError as exc:
        raise JournalError(messages.RESTORE_DAMAGED.format(path=path)) from exc
    if version < 1 or not tables >= SIGNATURE_TABLES:
        raise JournalError(messages.NOT_A_JOURNAL.format(path=path))
    return version
