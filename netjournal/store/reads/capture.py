"""What the captures read: contacts by email identity or exact name, and which items
were captured already (``captured``, schema 8). Plain SQL over ``sqlite3``."""

from __future__ import annotations

import sqlite3


def contact_by_email(conn: sqlite3.Connection, email: str) -> tuple[int, str] | None:
    """(id, name) of the contact with this (normalised) email identity."""
    row = conn.execute(
        "SELECT c.id, c.name FROM identity i JOIN contact c ON c.id = i.contact_id "
        "WHERE i.kind = 'email' AND i.value = ?",
        (email,),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def contact_by_exact_name(conn: sqlite3.Connection, name: str) -> tuple[int, str] | None:
    """(id, name) of the contact whose folded name is exactly ``name``'s (with or
    without the spaces between CJK characters), never a prefix or a close spelling."""
    from netjournal.names import Outcome
    from netjournal.store.reads.contacts import resolve_contact

    res = resolve_contact(conn, name, exact_only=True)
    if res.outcome is Outcome.FOUND and res.match is not None:
        return res.match.id, res.match.name
    return None


def is_captured(conn: sqlite3.Connection, source: str, key: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM captured WHERE source = ? AND key = ?", (source, key)
    ).fetchone()
    return row is not None


def open_reach_out_contacts(conn: sqlite3.Connection) -> set[int]:
    """The contacts with a reach-out still open (what a captured meeting may close)."""
    return {
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT contact_id FROM followup WHERE kind = 'reach-out' AND done_on IS NULL"
        )
    }
