"""The proactive habits: goals, targets, settings, money, and what ``net review`` and
``net match`` count.

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from netjournal.store.reads.sql import dicts


def goals(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return dicts(conn, "SELECT id, metric, target, per FROM goal ORDER BY id")


def targets(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return dicts(
        conn,
        "SELECT id, text, date(created_at, 'localtime') AS added_on FROM target ORDER BY id",
    )


def setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def expenses(
    conn: sqlite3.Connection, start: date | None = None, end: date | None = None
) -> list[dict[str, Any]]:
    """Expenses (oldest first) with the contact's name, optionally within [start, end]."""
    return dicts(
        conn,
        """
        SELECT e.id, e.amount_cents, e.what, e.spent_on, e.event, c.name
          FROM expense e LEFT JOIN contact c ON c.id = e.contact_id
         WHERE (? IS NULL OR e.spent_on >= ?) AND (? IS NULL OR e.spent_on <= ?)
         ORDER BY e.spent_on, e.id
        """,
        (
            start and start.isoformat(),
            start and start.isoformat(),
            end and end.isoformat(),
            end and end.isoformat(),
        ),
    )


def spent_cents(conn: sqlite3.Connection, start: date | None, end: date) -> int:
    row = conn.execute(
        "SELECT coalesce(sum(amount_cents), 0) FROM expense "
        "WHERE (? IS NULL OR spent_on >= ?) AND spent_on <= ?",
        (start and start.isoformat(), start and start.isoformat(), end.isoformat()),
    ).fetchone()
    return int(row[0])


def returned_cents(conn: sqlite3.Connection, start: date | None, end: date) -> int:
    """Closed business from referrals received: granted asks of kind business, with amounts."""
    row = conn.execute(
        """
        SELECT coalesce(sum(amount_cents), 0) FROM exchange
         WHERE direction = 'ask' AND kind = 'business' AND status = 'granted'
           AND amount_cents IS NOT NULL
           AND (? IS NULL OR occurred_on >= ?) AND occurred_on <= ?
        """,
        (start and start.isoformat(), start and start.isoformat(), end.isoformat()),
    ).fetchone()
    return int(row[0])


def action_days(conn: sqlite3.Connection, end: date) -> list[str]:
    """Every day up to ``end`` with a networking action, newest first."""
    return [
        str(r[0])
        for r in conn.execute(
            """
            SELECT day FROM (
                SELECT occurred_on AS day FROM interaction
                UNION SELECT occurred_on FROM exchange
                UNION SELECT learned_on FROM fact
                UNION SELECT done_on FROM followup WHERE done_on IS NOT NULL
                UNION SELECT spent_on FROM expense
            ) WHERE day <= ? ORDER BY day DESC
            """,
            (end.isoformat(),),
        )
    ]


def met_days(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(contact, met date) of every contact: --met-on, else first interaction, else recorded."""
    return [
        (int(r[0]), str(r[1]))
        for r in conn.execute(
            """
            SELECT c.id, coalesce(c.met_on,
                   (SELECT min(i.occurred_on) FROM participant p
                      JOIN interaction i ON i.id = p.interaction_id WHERE p.contact_id = c.id),
                   date(c.created_at, 'localtime'))
              FROM contact c
            """
        )
    ]


def period_interactions(
    conn: sqlite3.Connection, start: date, end: date
) -> list[tuple[int, str, str]]:
    """(interaction, day, kind) of interactions dated within [start, end]."""
    return [
        (int(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute(
            "SELECT id, occurred_on, kind FROM interaction "
            "WHERE occurred_on BETWEEN ? AND ? ORDER BY occurred_on, id",
            (start.isoformat(), end.isoformat()),
        )
    ]


def period_exchanges(conn: sqlite3.Connection, start: date, end: date) -> list[dict[str, Any]]:
    return dicts(
        conn,
        """
        SELECT id, contact_id, direction, kind, occurred_on, size, amount_cents, status
          FROM exchange WHERE occurred_on BETWEEN ? AND ? ORDER BY occurred_on, id
        """,
        (start.isoformat(), end.isoformat()),
    )


def period_fact_count(conn: sqlite3.Connection, start: date, end: date) -> int:
    row = conn.execute(
        "SELECT count(*) FROM fact WHERE learned_on BETWEEN ? AND ?",
        (start.isoformat(), end.isoformat()),
    ).fetchone()
    return int(row[0])


def followups_done_count(conn: sqlite3.Connection, start: date, end: date) -> int:
    row = conn.execute(
        "SELECT count(*) FROM followup WHERE done_on BETWEEN ? AND ?",
        (start.isoformat(), end.isoformat()),
    ).fetchone()
    return int(row[0])


def followups_missed_count(conn: sqlite3.Connection, start: date, before: date) -> int:
    """Follow-ups and promises dated in [start, before) and not done by their date."""
    row = conn.execute(
        """
        SELECT count(*) FROM followup
         WHERE due >= ? AND due < ? AND (done_on IS NULL OR done_on > due)
        """,
        (start.isoformat(), before.isoformat()),
    ).fetchone()
    return int(row[0])


def first_interaction_days(conn: sqlite3.Connection) -> dict[int, str]:
    """Per contact, the day of their first interaction."""
    return {
        int(r[0]): str(r[1])
        for r in conn.execute(
            "SELECT p.contact_id, min(i.occurred_on) FROM participant p "
            "JOIN interaction i ON i.id = p.interaction_id GROUP BY p.contact_id"
        )
    }


def interaction_days_of(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for cid, day in conn.execute(
        "SELECT p.contact_id, i.occurred_on FROM participant p "
        "JOIN interaction i ON i.id = p.interaction_id "
        "WHERE p.contact_id IN (SELECT value FROM json_each(?)) ORDER BY i.occurred_on",
        (json.dumps(ids),),
    ):
        out.setdefault(int(cid), []).append(str(day))
    return out


def recently_active_ids(conn: sqlite3.Connection, since: date) -> list[int]:
    """Active (not archived) contacts with an interaction on or after ``since``."""
    return [
        int(r[0])
        for r in conn.execute(
            """
            SELECT DISTINCT p.contact_id FROM participant p
              JOIN interaction i ON i.id = p.interaction_id
              JOIN contact c ON c.id = p.contact_id
             WHERE c.archived = 0 AND i.occurred_on >= ?
            """,
            (since.isoformat(),),
        )
    ]


def match_contacts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Active contacts with what matching reads: company, role, tags and facts."""
    rows = dicts(
        conn,
        "SELECT id, name, company, role, tags FROM contact WHERE archived = 0 ORDER BY name_folded",
    )
    facts: dict[int, list[tuple[str, str]]] = {}
    for cid, category, text in conn.execute(
        "SELECT contact_id, category, text FROM fact ORDER BY learned_on, id"
    ):
        facts.setdefault(int(cid), []).append((str(category), str(text)))
    for row in rows:
        row["tags"] = json.loads(row["tags"] or "[]")
        row["facts"] = facts.get(row["id"], [])
    return rows


def met_together(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Pairs of contacts who took part in the same interaction."""
    return [
        (int(r[0]), int(r[1]))
        for r in conn.execute(
            # only interactions with two or more participants can pair anyone: finding
            # them first (one scan of an index) spares a join for every lone meeting
            "WITH shared AS (SELECT interaction_id FROM participant "
            "GROUP BY interaction_id HAVING count(*) > 1) "
            "SELECT DISTINCT a.contact_id, b.contact_id FROM shared s "
            "JOIN participant a ON a.interaction_id = s.interaction_id "
            "JOIN participant b ON b.interaction_id = s.interaction_id "
            "AND a.contact_id < b.contact_id"
        )
    ]


def introduction_gives(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    return [
        (int(r[0]), str(r[1]))
        for r in conn.execute(
            "SELECT contact_id, what FROM exchange WHERE direction = 'give' "
            "AND kind = 'introduction'"
        )
    ]
