"""What the read modules share: rows as dicts, stored dates and times, and "these
contacts" in SQL.

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from typing import Any


def dicts(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def parse_utc(text: str | None) -> datetime | None:
    """A stored UTC timestamp ('2026-03-01 17:00:00.000000') as an aware datetime."""
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def parse_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def ids_clause(column: str, ids: list[int] | None) -> tuple[str, tuple[Any, ...]]:
    if ids is None:
        return f"{column} IN (SELECT id FROM contact WHERE archived = 0)", ()
    return f"{column} IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
