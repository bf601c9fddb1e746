"""Schema 9 -> 10: ``score_quiet``, the contacts ``net due`` need not score on a day.

The first ``net due`` of a day scores only the contacts its SQL screen lets through (those
that may be listed); the others are written here, so that the next report of the day finds
every contact either scored or known quiet and ranks in SQL. Derived data like
``score_cache``: the cache's triggers (reinstalled after the steps) empty both per contact.
Self-contained: the DDL is written out as schema 10 has it; existing journals start with
nothing quiet.
"""

from __future__ import annotations

import sqlite3

VERSION = 10

TABLE = (
    "CREATE TABLE score_quiet (\n"
    "\tcontact_id INTEGER NOT NULL, \n"
    "\tas_of DATE NOT NULL, \n"
    "\tfingerprint VARCHAR NOT NULL, \n"
    "\tPRIMARY KEY (contact_id), \n"
    "\tFOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE\n"
    ")"
)


def migrate(conn: sqlite3.Connection) -> None:
    """Add the score_quiet table (the cache's triggers follow it)."""
    conn.execute(TABLE)
