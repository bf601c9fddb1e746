"""Schema 6 -> 7: ``introduction``, who was introduced to whom.

An introduction is an edge between contacts: ``contact_id`` was introduced to ``to_id``
(NULL: to you) by ``by_id`` (NULL: by you). ``net introduce A B`` and a give of kind
``introduction`` whose text names a contact record one you made, tied to that give
(``exchange_id``: removing the give removes the introduction); ``--met-through NAME``
records one you received. Self-contained: the DDL is written out as schema 7 has it.

Existing journals start with no edges: the gives of kind introduction they hold name
people in free text, which this step does not guess at.
"""

from __future__ import annotations

import sqlite3

VERSION = 7

TABLE = (
    "CREATE TABLE introduction (\n"
    "\tid INTEGER NOT NULL, \n"
    "\tuuid VARCHAR NOT NULL, \n"
    "\tcontact_id INTEGER NOT NULL, \n"
    "\tto_id INTEGER, \n"
    "\tby_id INTEGER, \n"
    "\texchange_id INTEGER, \n"
    "\tmade_on DATE NOT NULL, \n"
    "\tnote VARCHAR NOT NULL, \n"
    "\tcreated_at DATETIME NOT NULL, \n"
    "\tPRIMARY KEY (id), \n"
    "\tUNIQUE (uuid), \n"
    "\tFOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE, \n"
    "\tFOREIGN KEY(to_id) REFERENCES contact (id) ON DELETE CASCADE, \n"
    "\tFOREIGN KEY(by_id) REFERENCES contact (id) ON DELETE CASCADE, \n"
    "\tFOREIGN KEY(exchange_id) REFERENCES exchange (id) ON DELETE CASCADE\n"
    ")"
)

INDEXES = (
    "CREATE INDEX ix_introduction_by_id ON introduction (by_id)",
    "CREATE INDEX ix_introduction_contact_id ON introduction (contact_id)",
    "CREATE INDEX ix_introduction_exchange_id ON introduction (exchange_id)",
    "CREATE INDEX ix_introduction_to_id ON introduction (to_id)",
)


def migrate(conn: sqlite3.Connection) -> None:
    """Add the introduction table and its indexes (``undo``'s triggers follow it)."""
    conn.execute(TABLE)
    for statement in INDEXES:
        conn.execute(statement)
