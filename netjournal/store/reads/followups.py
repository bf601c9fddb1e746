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


def followups_list(
    conn: sqlite3.Connection, *, include_done: bool = False, until: str | None = None
) -> list[dict[str, Any]]:
    """Follow-ups and promises of contacts that are not archived: open ones by due date,
    then (with ``include_done``) the done ones, also by due date; with ``until`` (an ISO
    day), only those due by then."""
    where = "" if include_done else "AND f.done_on IS NULL"
    if until is not None:
        where += " AND f.due <= :until"
    return dicts(
        conn,
        f"""
        SELECT f.id, f.uuid, f.kind, f.due, f.note, f.created_on, f.done_on, f.created_at,
               c.name, c.id AS contact_id, c.uuid AS contact_uuid
          FROM followup f JOIN contact c ON c.id = f.contact_id
         WHERE c.archived = 0 {where}
         ORDER BY f.done_on IS NOT NULL, f.due, f.id
        """,
        {"until": until},
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


def closed_since(conn: sqlite3.Connection, since: str) -> list[dict[str, Any]]:
    """Follow-ups and promises done on or after ``since`` (an ISO day), of contacts that
    are not archived, by due date."""
    return dicts(
        conn,
        """
        SELECT f.id, f.uuid, f.kind, f.due, f.note, f.created_on, f.done_on, f.created_at,
               c.name
          FROM followup f JOIN contact c ON c.id = f.contact_id
         WHERE c.archived = 0 AND f.done_on IS NOT NULL AND f.done_on >= ?
         ORDER BY f.due, f.id
        """,
        (since,),
    )


def removed_since(conn: sqlite3.Connection, since: str) -> list[dict[str, Any]]:
    """Follow-ups and promises removed (``net rm``, ``contact rm``) by a command on or
    after ``since`` (an ISO instant) that ``net undo`` still remembers: the undo history
    holds each removed row as the statement that would insert it again, read here with
    ``steps.parse`` (never run). Each: uuid, kind, due, note, name, removed_at."""
    from netjournal.store.steps import parse

    removed: list[dict[str, Any]] = []
    names: dict[int, str] = {
        int(r[0]): str(r[1]) for r in conn.execute("SELECT id, name FROM contact")
    }
    for raw, at in conn.execute(
        "SELECT CAST(s.statement AS BLOB), c.at FROM undo_step s "
        "JOIN undo_command c ON c.id = s.command_id "
        "WHERE c.at >= ? AND (s.statement LIKE 'INSERT INTO \"followup\"%' "
        "OR s.statement LIKE 'INSERT INTO \"contact\"%') ORDER BY s.id",
        (since,),
    ):
        step = parse(raw)
        if step is None or step.op != "insert":
            continue
        row = dict(zip(step.columns, step.values, strict=True))
        if step.table == "contact":
            names[step.rowid] = str(row.get("name") or "")
        elif row.get("uuid") and row.get("due"):
            row["removed_at"] = str(at)
            removed.append(row)
    for row in removed:
        row["name"] = names.get(int(row.get("contact_id") or 0), "")
    return removed
