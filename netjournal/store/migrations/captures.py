"""Schema 7 -> 8: ``captured``, what the captures have already brought in.

``net import calendar``, ``net import mail`` and ``net inbox`` file one row per thing
they turned into an interaction: an event occurrence (UID and RECURRENCE-ID), a mail
thread on one day with one contact (from Message-ID, References and In-Reply-To), an
inbox line (its text); ``key`` is a digest of that identity, unique per ``source``, so a
second run recognises what the first brought in. ``interaction_id`` is the interaction
(NULL once it is removed: the key stays, so a capture the user removed does not come
back with the next run; ``net undo`` of the run removes both). Self-contained: the DDL is
written out as schema 9 has it; existing journals start with nothing captured.
"""

from __future__ import annotations

import sqlite3

VERSION = 9

TABLE = (
    "CREATE TABLE captured (\n"
    "\tid INTEGER NOT NULL, \n"
    "\tsource VARCHAR NOT NULL, \n"
    '\t"key" VARCHAR NOT NULL, \n'
    "\tinteraction_id INTEGER, \n"
    "\tcaptured_at DATETIME NOT NULL, \n"
    "\tPRIMARY KEY (id), \n"
    '\tUNIQUE (source, "key"), \n'
    "\tFOREIGN KEY(interaction_id) REFERENCES interaction (id) ON DELETE SET NULL\n"
    ")"
)

INDEXES = ("CREATE INDEX ix_captured_interaction_id ON captured (interaction_id)",)


def migrate(conn: sqlite3.Connection) -> None:
    """Add the captured table and its index (``undo``'s triggers follow it)."""
    conn.execute(TABLE)
    for statement in INDEXES:
        conn.execute(statement)
