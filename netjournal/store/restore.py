"""``net restore``: check a file as thoroughly as ``net doctor`` would, then copy it over
the journal.

The file is first copied (backup API, read-only) into a private temporary file beside the
journal's backups, and every check runs on that copy, so the file checked is the file
restored: SQLite's ``integrity_check`` (before anything else reads the file), the schema
version, the objects of that version and nothing else (``shape``), ``foreign_key_check``
and text that is UTF-8. Only then is the current journal backed up and replaced.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from netjournal import messages
from netjournal.errors import JournalError
from netjournal.plural import plural
from netjournal.store import SCHEMA_VERSION, shape
from netjournal.store.backup import (
    SIGNATURE_TABLES,
    backup_file,
    backups_dir,
    default_backup_path,
    private_temp,
    read_header,
)
from netjournal.store.checks import first_non_text
from netjournal.store.paths import create_private_file
from netjournal.store.sqlite import connect, raw_connect, translate


@contextmanager
def staged(source: Path, journal: Path) -> Iterator[tuple[Path, int]]:
    """A checked private copy of ``source`` and its schema version, for the block to
    restore (:func:`restore_from`); raise the user's sentence when it may not be."""
    read_header(source)
    with private_temp(backups_dir(journal), f"restore-{source.name}") as copy:
        try:
            src = raw_connect(source, readonly=True)
            try:
                dest = raw_connect(copy)
                try:
                    src.backup(dest)
                    dest.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dest.close()
            finally:
                src.close()
        except UnicodeDecodeError as exc:  # the error message quotes a damaged schema
            raise JournalError(messages.RESTORE_DAMAGED.format(path=source)) from exc
        except sqlite3.Error as exc:
            name = str(getattr(exc, "sqlite_errorname", ""))
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or shape.is_decode_error(exc):
                raise JournalError(messages.RESTORE_DAMAGED.format(path=source)) from exc
            raise JournalError(messages.RESTORE_UNREADABLE.format(path=source, reason=exc)) from exc
        yield copy, verify(copy, source)


def verify(copy: Path, source: Path) -> int:
    """Check the private ``copy`` of ``source``; its schema version, or the sentence."""
    try:
        conn = raw_connect(copy)
        try:
            return _verify(conn, source)
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise JournalError(messages.RESTORE_DAMAGED.format(path=source)) from exc


def _verify(conn: sqlite3.Connection, source: Path) -> int:
    if [str(r[0]) for r in conn.execute("PRAGMA integrity_check")] != ["ok"]:
        raise JournalError(messages.RESTORE_DAMAGED.format(path=source))
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    found = shape.found(conn)
    tables = {n for n, item in found.items() if item.type == "table"}
    if version < 1 or not tables >= SIGNATURE_TABLES:
        raise JournalError(messages.NOT_A_JOURNAL.format(path=source))
    if version > SCHEMA_VERSION:
        raise JournalError(
            messages.RESTORE_NEWER.format(path=source, found=version, known=SCHEMA_VERSION)
        )
    problem = shape.refusal(shape.compare(conn, version), source)
    if problem:
        raise JournalError(f"{problem} {messages.SCHEMA_NOT_RESTORED}")
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        example = messages.FK_EXAMPLE.format(table=table, rowid=rowid, parent=parent)
        raise JournalError(
            messages.RESTORE_BROKEN_LINKS.format(
                path=source, records=plural(len(broken), "record"), example=example
            )
        )
    bad = first_non_text(conn, shape.text_tables(found))
    if bad is not None:
        raise JournalError(
            messages.RESTORE_NOT_TEXT.format(path=source, table=bad[0], rowid=bad[1])
        )
    return version


def restore_from(copy: Path, journal: Path, now: datetime) -> Path | None:
    """Replace the journal's content with the checked ``copy`` (from :func:`staged`);
    return the backup of the old journal (None when there was none).

    The copy is made with the backup API into the live file, so other processes see
    either the old or the new journal.
    """
    previous: Path | None = None
    if journal.exists() and journal.stat().st_size > 0:
        previous = backup_file(journal, default_backup_path(journal, now, "before-restore"))
    else:
        create_private_file(journal)
    try:
        src = raw_connect(copy, readonly=True)
        try:
            dest = connect(journal)
            try:
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
