"""Whole tables, for exports and the look-up tables of imports.

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from netjournal.store.reads.sql import dicts


def interop_contacts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every contact with every column, by name, for exports and import look-up tables."""
    return dicts(conn, "SELECT * FROM contact ORDER BY name_folded, id")


def identities(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(contact id, kind, value) of every identity, oldest first."""
    return [
        (int(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute("SELECT contact_id, kind, value FROM identity ORDER BY id")
    ]


def contact_cards(conn: sqlite3.Connection) -> dict[int, str]:
    """contact id -> what its vCard said beyond its fields (``contact_card.data``)."""
    return {int(r[0]): str(r[1]) for r in conn.execute("SELECT contact_id, data FROM contact_card")}


def interop_fact_rows(conn: sqlite3.Connection, category: str) -> list[tuple[int, int, str]]:
    """(fact id, contact id, text) of the facts of one category, oldest first."""
    return [
        (int(r[0]), int(r[1]), str(r[2]))
        for r in conn.execute(
            "SELECT id, contact_id, text FROM fact WHERE category = ? ORDER BY id", (category,)
        )
    ]


def interop_facts(conn: sqlite3.Connection, category: str) -> list[tuple[int, str]]:
    """(contact id, text) of the facts of one category, oldest first."""
    return [
        (int(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT contact_id, text FROM fact WHERE category = ? ORDER BY id", (category,)
        )
    ]


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of one journal table, in schema order (``table`` is a known name)."""
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


def table_dump(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    """Every row of one journal table as stored, in primary-key order."""
    order = "key" if table == "setting" else "id"
    return dicts(conn, f"SELECT * FROM {table} ORDER BY {order}")


def table_rows(
    conn: sqlite3.Connection, table: str, *, sort_columns: bool = False
) -> Iterator[dict[str, Any]]:
    """:func:`table_dump` one row at a time (a cursor, not a list: bounded memory); with
    ``sort_columns`` each row's keys come in sorted order."""
    order = "key" if table == "setting" else "id"
    columns = table_columns(conn, table)
    if sort_columns:
        columns.sort()
    listed = ", ".join(f'"{c}"' for c in columns)
    cur = conn.execute(f"SELECT {listed} FROM {table} ORDER BY {order}")
    while batch := cur.fetchmany(500):  # a row has exactly the columns selected
        yield from [dict(zip(columns, row, strict=False)) for row in batch]


def table_count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def uuid_ids(conn: sqlite3.Connection, table: str, *, after: int = 0) -> dict[str, int]:
    """uuid -> id of one table that has uuids (only the rows with an id above ``after``)."""
    rows = conn.execute(f"SELECT uuid, id FROM {table} WHERE id > ?", (after,))
    return {str(r[0]): int(r[1]) for r in rows}


def max_id(conn: sqlite3.Connection, table: str) -> int:
    """The largest id of a table, 0 when it is empty."""
    return int(conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0])
