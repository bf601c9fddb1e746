"""Keeping the full-text index true: checking it against the journal's rows and
rebuilding it (``net doctor``, ``net doctor --rebuild``).

The index is derived data (schema 6, ``migrations/search_index.py``): its triggers keep
it in step with every change, so it can only drift when something other than netjournal
wrote to the file. FTS5's ``integrity-check`` with rank 1 compares each index with its
content table; ``rebuild`` makes it again from the rows.
"""

from __future__ import annotations

import sqlite3

#: each index and the table whose rows it indexes
INDEXES = (
    ("search_note", "interaction"),
    ("search_fact", "fact"),
    ("search_exchange", "exchange"),
    ("search_followup", "followup"),
    ("search_contact", "contact"),
)


def stale(conn: sqlite3.Connection) -> list[str]:
    """The content tables whose index differs from their rows (FTS5 reports a corrupt
    virtual table). The check takes the write lock for its duration and writes nothing."""
    out = []
    for index, table in INDEXES:
        try:
            conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            if "malformed" not in str(exc) and "corrupt" not in str(exc):
                raise
            out.append(table)
    return out


def rebuild(conn: sqlite3.Connection) -> None:
    """Make every index again from its table's rows. Call inside a write transaction."""
    for index, _table in INDEXES:
        conn.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
