"""Follow-ups and promises across contacts, and birthdays: ``net followups`` and the
calendar export.

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from netjournal.store.reads.sql import dicts


def open_followups(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return dicts(
        conn,
        """
        SELECT f.id, f.uuid, f.kind, f.due, f.note, f.created_on, c.name, c.id AS contact_id
          FROM followup f JOIN contact c ON c.id = f.contact_id
         WHERE f.done_on IS NULL
         ORDER BY f.due, f.id
        """,
    )


def followups_list(conn: sqlite3.Connection, *, include_done: bool = False) -> list[dict[str, Any]]:
    """Follow-ups and promises of contacts that are not archived: open ones by due date,
    then (with ``include_done``) the done ones, also by due date."""
    where = "" if include_done else "AND f.done_on IS NULL"
    return dicts(
        conn,
        f"""
        SELECT f.id, f.uuid, f.kind, f.due, f.note, f.created_on, f.done_on,
               c.name, c.id AS contact_id, c.uuid AS contact_uuid
          FROM followup f JOIN contact c ON c.id = f.contact_id
         WHERE c.archived = 0 {where}
         ORDER BY f.done_on IS NOT NULL, f.due, f.id
        """,
    )


def birthdays(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Contacts that are not archived and have a birthday, by name."""
    return dicts(
        conn,
        """
        SELECT id, uuid, name, birthday FROM contact
         WHERE archived = 0 AND birthday IS NOT NULL AND birthday != ''
         ORDER BY name_folded
        """,
    )
