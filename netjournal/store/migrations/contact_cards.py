"""Schema 7 -> 8: ``contact_card``, what a vCard said beyond the contact's own fields.

One row per contact at most, its ``data`` a JSON object (``netjournal.cards``): the
structured name N as the card had it (with the FN it came with), nicknames, ORG units,
every email, phone, URL and address with its TYPE values. The vCard import writes it, the
vCard export reads it back, so an address book makes the round trip through the journal.

Existing journals get no rows (nothing was kept before this version: their export builds
N from the name, as before). Only a new table is created, so the undo history stays
valid. Self-contained: the DDL is written out as schema 8 has it.
"""

from __future__ import annotations

import sqlite3

VERSION = 8

TABLE = (
    "CREATE TABLE contact_card (\n"
    "\tid INTEGER NOT NULL, \n"
    "\tcontact_id INTEGER NOT NULL, \n"
    "\tdata VARCHAR NOT NULL, \n"
    "\tPRIMARY KEY (id), \n"
    "\tUNIQUE (contact_id), \n"
    "\tFOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE\n"
    ")"
)


def migrate(conn: sqlite3.Connection) -> None:
    """Add the contact_card table (``undo``'s triggers follow it)."""
    conn.execute(TABLE)
