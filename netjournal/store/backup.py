"""Consistent copies of the journal through SQLite's online backup API.

A plain file copy can miss what still sits in the WAL file; ``Connection.backup`` cannot.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from netjournal.store.paths import create_private_file


def default_backup_path(journal: Path, now: datetime, label: str = "backup") -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    folder = journal.parent / "backups"
    candidate = folder / f"{journal.stem}-{label}-{stamp}.db"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{journal.stem}-{label}-{stamp}-{n}.db"
    return candidate


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of ``conn``'s database to ``target`` (mode 0600)."""
    if target.exists():
        target.unlink()
    create_private_file(target)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target
