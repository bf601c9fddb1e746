"""Writing ``contact_card`` rows (schema 8): what a vCard said beyond a contact's fields
(``netjournal.cards``), inside a command's write transaction.

An import puts each card it read (merged with what the contact had, by the import);
``net contact merge`` joins the two contacts' cards (the kept contact's first).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from netjournal import cards

_UPSERT = (
    "INSERT INTO contact_card (contact_id, data) VALUES (?, ?) "
    "ON CONFLICT (contact_id) DO UPDATE SET data = excluded.data"
)


def put(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Set each contact's card: (contact id, ``data``)."""
    conn.executemany(_UPSERT, list(rows))


def merge(conn: sqlite3.Connection, keep_id: int, other_id: int) -> None:
    """Give ``keep_id`` what both contacts' cards said; ``other_id``'s card goes (the
    contact itself is removed next, which would remove it anyway)."""
    found = dict(
        conn.execute(
            "SELECT contact_id, data FROM contact_card WHERE contact_id IN (?, ?)",
            (keep_id, other_id),
        ).fetchall()
    )
    if other_id not in found:
        return
    name, company = conn.execute(
        "SELECT name, company FROM contact WHERE id = ?", (keep_id,)
    ).fetchone()
    joined = cards.merge(
        cards.loads(found.get(keep_id)), cards.loads(found[other_id]), name, company
    )
    conn.execute("DELETE FROM contact_card WHERE contact_id = ?", (other_id,))
    put(conn, [(keep_id, cards.dumps(joined))])
