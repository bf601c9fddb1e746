"""The evidence ``net path`` ranks on: who among your contacts points at a person, a
company or a subject. Plain SQL over ``sqlite3``; nothing here imports SQLModel.

Each function returns (contact id, name, detail) rows, one per piece of evidence.
"""

from __future__ import annotations

import sqlite3

Row = tuple[int, str, str]


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> list[Row]:
    return [(int(a), str(b), str(c or "")) for a, b, c in conn.execute(sql, params)]


def met_with(conn: sqlite3.Connection, target: int) -> list[Row]:
    """One row per interaction a contact shared with ``target``."""
    return _rows(
        conn,
        "SELECT c.id, c.name, i.occurred_on FROM participant p "
        "JOIN participant t ON t.interaction_id = p.interaction_id AND t.contact_id = ? "
        "JOIN contact c ON c.id = p.contact_id JOIN interaction i ON i.id = p.interaction_id "
        "WHERE p.contact_id != ? AND c.archived = 0",
        (target, target),
    )


def introductions_with(conn: sqlite3.Connection, target: int) -> list[Row]:
    """Contacts on the other end of an introduction with ``target`` (detail: how)."""
    return _rows(
        conn,
        "SELECT c.id, c.name, CASE WHEN n.by_id = c.id AND n.to_id IS NULL THEN 'introduced you' "
        "WHEN n.by_id = c.id THEN 'introduced' ELSE 'was introduced' END "
        "FROM introduction n JOIN contact c ON c.id IN (n.contact_id, n.to_id, n.by_id) "
        "WHERE ? IN (n.contact_id, n.to_id, n.by_id) AND c.id != ? AND c.archived = 0",
        (target, target),
    )


def same_company(conn: sqlite3.Connection, target: int) -> list[Row]:
    return _rows(
        conn,
        "SELECT c.id, c.name, c.company FROM contact c JOIN contact t ON t.id = ? "
        "WHERE c.id != t.id AND c.archived = 0 AND c.company IS NOT NULL "
        "AND lower(c.company) = lower(t.company)",
        (target,),
    )


def profile_matches(conn: sqlite3.Connection, match: str) -> list[Row]:
    """Contacts whose company, role, tags or where met match the FTS5 expression."""
    return _rows(
        conn,
        "SELECT c.id, c.name, trim(coalesce(c.role, '') || ' ' || coalesce(c.company, '')) "
        "FROM search_contact JOIN contact c ON c.id = search_contact.rowid "
        "WHERE search_contact MATCH ? AND c.archived = 0",
        (match,),
    )


def fact_matches(conn: sqlite3.Connection, match: str) -> list[Row]:
    return _rows(
        conn,
        "SELECT c.id, c.name, f.text FROM search_fact JOIN fact f ON f.id = search_fact.rowid "
        "JOIN contact c ON c.id = f.contact_id WHERE search_fact MATCH ? AND c.archived = 0",
        (match,),
    )


def introduced_matches(conn: sqlite3.Connection, match: str) -> list[Row]:
    """Contacts who took part in an introduction of someone whose profile matches."""
    return _rows(
        conn,
        "SELECT c.id, c.name, m.name FROM search_contact "
        "JOIN contact m ON m.id = search_contact.rowid "
        "JOIN introduction n ON m.id IN (n.contact_id, n.to_id, n.by_id) "
        "JOIN contact c ON c.id IN (n.contact_id, n.to_id, n.by_id) AND c.id != m.id "
        "WHERE search_contact MATCH ? AND c.archived = 0",
        (match,),
    )


def interactions_count(conn: sqlite3.Connection, ids: list[int]) -> dict[int, int]:
    """How many interactions you had with each contact (how well you know them)."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {
        int(a): int(b)
        for a, b in conn.execute(
            f"SELECT contact_id, count(*) FROM participant WHERE contact_id IN ({marks}) "
            "GROUP BY contact_id",
            ids,
        )
    }
