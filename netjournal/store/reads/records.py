"""One contact's records (timeline, gives and asks, facts, follow-ups), records by id,
and the list of asks.

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from netjournal.store.reads.sql import dicts


def interactions_of(conn: sqlite3.Connection, contact_id: int) -> list[dict[str, Any]]:
    """The contact's interactions, newest first, with everyone who took part and the
    capture that brought each in (``source``: calendar, mail, inbox; NULL when typed)."""
    rows = dicts(
        conn,
        """
        SELECT i.id, i.uuid, i.kind, i.occurred_at, i.occurred_on, i.note,
               (SELECT k.source FROM captured k WHERE k.interaction_id = i.id
                 ORDER BY k.id LIMIT 1) AS source,
               (SELECT json_group_array(c.name) FROM (
                    SELECT c2.name FROM participant p2 JOIN contact c2 ON c2.id = p2.contact_id
                     WHERE p2.interaction_id = i.id ORDER BY p2.position) c) AS names
          FROM participant p JOIN interaction i ON i.id = p.interaction_id
         WHERE p.contact_id = ?
         ORDER BY i.occurred_at DESC, i.id DESC
        """,
        (contact_id,),
    )
    for row in rows:
        row["with"] = json.loads(row.pop("names"))
    return rows


def exchanges_of(conn: sqlite3.Connection, contact_id: int) -> list[dict[str, Any]]:
    return dicts(
        conn,
        """
        SELECT id, uuid, direction, kind, what, size, amount_cents, status, occurred_on,
               settled_on, interaction_id
          FROM exchange WHERE contact_id = ? ORDER BY occurred_on, id
        """,
        (contact_id,),
    )


def facts_of(conn: sqlite3.Connection, contact_id: int) -> list[dict[str, Any]]:
    return dicts(
        conn,
        "SELECT id, uuid, category, text, learned_on, interaction_id FROM fact "
        "WHERE contact_id = ? ORDER BY category, learned_on, id",
        (contact_id,),
    )


def followups_of(conn: sqlite3.Connection, contact_id: int) -> list[dict[str, Any]]:
    return dicts(
        conn,
        "SELECT id, uuid, kind, due, note, created_on, done_on, interaction_id FROM followup "
        "WHERE contact_id = ? ORDER BY done_on IS NOT NULL, due, id",
        (contact_id,),
    )


def asks(conn: sqlite3.Connection, *, open_only: bool = False) -> list[dict[str, Any]]:
    where = "AND x.status = 'open'" if open_only else ""
    return dicts(
        conn,
        f"""
        SELECT x.id, x.kind, x.what, x.size, x.amount_cents, x.status, x.occurred_on,
               x.settled_on, c.name
          FROM exchange x JOIN contact c ON c.id = x.contact_id
         WHERE x.direction = 'ask' {where}
         ORDER BY x.occurred_on DESC, x.id DESC
        """,
    )


RECORD_TABLES = {
    "i": "interaction",
    "g": "exchange",
    "a": "exchange",
    "f": "fact",
    "r": "followup",
    "e": "expense",
    "t": "target",
}


def record(conn: sqlite3.Connection, table: str, record_id: int) -> dict[str, Any] | None:
    if table not in set(RECORD_TABLES.values()):
        raise ValueError(table)
    rows = dicts(conn, f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    return rows[0] if rows else None


def interaction_participants(conn: sqlite3.Connection, interaction_id: int) -> list[int]:
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT contact_id FROM participant WHERE interaction_id = ? ORDER BY position",
            (interaction_id,),
        )
    ]
