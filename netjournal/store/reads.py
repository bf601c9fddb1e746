"""Every read query, in plain SQL over ``sqlite3``: the fast path behind reports.

Nothing here imports SQLModel or SQLAlchemy. Functions take an open connection (from
``connection.open_journal`` or, inside a write, the session's own connection) and return
plain dicts and tuples. ``tests/test_reads.py`` runs each query against the schema built
from ``netjournal.models`` so the SQL and the models cannot drift.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from typing import Any


def _rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
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


# --- contacts ---------------------------------------------------------------------------

CONTACT_COLUMNS = (
    "id, uuid, name, company, role, email, phone, birthday, tags, met_at, met_on, tier, kin, "
    "cadence, archived, snoozed_until, linkedin_url, vcard_uid, created_at, updated_at"
)


def contact_candidates(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(id, name, folded name) of every contact, for name resolution."""
    return [
        (int(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute("SELECT id, name, name_folded FROM contact ORDER BY name_folded")
    ]


def _contact_dict(row: dict[str, Any]) -> dict[str, Any]:
    row["tags"] = json.loads(row["tags"] or "[]")
    row["kin"] = bool(row["kin"])
    row["archived"] = bool(row["archived"])
    return row


def contact(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any] | None:
    rows = _rows(conn, f"SELECT {CONTACT_COLUMNS} FROM contact WHERE id = ?", (contact_id,))
    return _contact_dict(rows[0]) if rows else None


def contacts(
    conn: sqlite3.Connection,
    *,
    tag: str | None = None,
    tier: str | None = None,
    include_archived: bool = False,
) -> list[dict[str, Any]]:
    """Contacts with their interaction count and last interaction day, by name."""
    where = []
    params: list[Any] = []
    if not include_archived:
        where.append("c.archived = 0")
    if tier:
        where.append("c.tier = ?")
        params.append(tier)
    if tag:
        where.append("EXISTS (SELECT 1 FROM json_each(c.tags) WHERE lower(json_each.value) = ?)")
        params.append(tag.lower())
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    sql = f"""
        SELECT {", ".join("c." + col.strip() for col in CONTACT_COLUMNS.split(","))},
               c.name_folded AS folded,
               (SELECT count(*) FROM participant p WHERE p.contact_id = c.id) AS interactions,
               (SELECT max(i.occurred_on) FROM participant p
                  JOIN interaction i ON i.id = p.interaction_id
                 WHERE p.contact_id = c.id) AS last_contact
          FROM contact c {clause}
         ORDER BY c.name_folded
    """
    return [_contact_dict(r) for r in _rows(conn, sql, params)]


def contact_search_text(conn: sqlite3.Connection) -> dict[int, str]:
    """Per contact, the text ``contacts --search`` looks through (facts included)."""
    out: dict[int, list[str]] = {}
    for cid, text in conn.execute(
        "SELECT id, coalesce(name,'') || ' ' || coalesce(company,'') || ' ' || "
        "coalesce(role,'') || ' ' || coalesce(email,'') || ' ' || coalesce(met_at,'') || ' ' || "
        "tags FROM contact"
    ):
        out.setdefault(cid, []).append(text)
    for cid, text in conn.execute("SELECT contact_id, text FROM fact"):
        out.setdefault(cid, []).append(text)
    return {cid: " ".join(parts) for cid, parts in out.items()}


# --- one contact's history ----------------------------------------------------------------


def interactions_of(conn: sqlite3.Connection, contact_id: int) -> list[dict[str, Any]]:
    """The contact's interactions, newest first, with everyone who took part."""
    rows = _rows(
        conn,
        """
        SELECT i.id, i.uuid, i.kind, i.occurred_at, i.occurred_on, i.note,
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
    return _rows(
        conn,
        """
        SELECT id, uuid, direction, kind, what, size, amount_cents, status, occurred_on,
               settled_on, interaction_id
          FROM exchange WHERE contact_id = ? ORDER BY occurred_on, id
        """,
        (contact_id,),
    )


def facts_of(conn: sqlite3.Connection, contact_id: int) -> list[dict[str, Any]]:
    return _rows(
        conn,
        "SELECT id, uuid, category, text, learned_on, interaction_id FROM fact "
        "WHERE contact_id = ? ORDER BY category, learned_on, id",
        (contact_id,),
    )


def followups_of(conn: sqlite3.Connection, contact_id: int) -> list[dict[str, Any]]:
    return _rows(
        conn,
        "SELECT id, uuid, kind, due, note, created_on, done_on, interaction_id FROM followup "
        "WHERE contact_id = ? ORDER BY done_on IS NOT NULL, due, id",
        (contact_id,),
    )


# --- lists across contacts ----------------------------------------------------------------


def asks(conn: sqlite3.Connection, *, open_only: bool = False) -> list[dict[str, Any]]:
    where = "AND x.status = 'open'" if open_only else ""
    return _rows(
        conn,
        f"""
        SELECT x.id, x.kind, x.what, x.size, x.amount_cents, x.status, x.occurred_on,
               x.settled_on, c.name
          FROM exchange x JOIN contact c ON c.id = x.contact_id
         WHERE x.direction = 'ask' {where}
         ORDER BY x.occurred_on DESC, x.id DESC
        """,
    )


def open_followups(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(
        conn,
        """
        SELECT f.id, f.uuid, f.kind, f.due, f.note, f.created_on, c.name, c.id AS contact_id
          FROM followup f JOIN contact c ON c.id = f.contact_id
         WHERE f.done_on IS NULL
         ORDER BY f.due, f.id
        """,
    )


# --- records by id --------------------------------------------------------------------

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
    rows = _rows(conn, f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    return rows[0] if rows else None


def interaction_participants(conn: sqlite3.Connection, interaction_id: int) -> list[int]:
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT contact_id FROM participant WHERE interaction_id = ? ORDER BY position",
            (interaction_id,),
        )
    ]


# --- scoring inputs -----------------------------------------------------------------------
# ``ids`` limits a query to some contacts (None: every contact that is not archived).


def _ids_clause(column: str, ids: list[int] | None) -> tuple[str, tuple[Any, ...]]:
    if ids is None:
        return f"{column} IN (SELECT id FROM contact WHERE archived = 0)", ()
    return f"{column} IN (SELECT value FROM json_each(?))", (json.dumps(ids),)


def history_contacts(conn: sqlite3.Connection, ids: list[int] | None) -> list[dict[str, Any]]:
    clause, params = _ids_clause("id", ids)
    return _rows(
        conn,
        f"""
        SELECT id, name, tier, kin, cadence, met_on, birthday, snoozed_until,
               date(created_at, 'localtime') AS created_on
          FROM contact WHERE {clause} ORDER BY name_folded
        """,
        params,
    )


def interaction_aggregates(
    conn: sqlite3.Connection, ids: list[int] | None
) -> dict[int, tuple[int, str, str]]:
    """Per contact: (number of interactions, first day, last day)."""
    clause, params = _ids_clause("p.contact_id", ids)
    return {
        int(cid): (int(n), first, last)
        for cid, n, first, last in conn.execute(
            f"""
            SELECT p.contact_id, count(*), min(i.occurred_on), max(i.occurred_on)
              FROM participant p JOIN interaction i ON i.id = p.interaction_id
             WHERE {clause}
             GROUP BY p.contact_id
            """,
            params,
        )
    }


def window_interactions(
    conn: sqlite3.Connection, today: date, ids: list[int] | None, *, full: bool = False
) -> list[tuple[int, str, str]]:
    """(contact, day, kind) of the interactions scoring needs, oldest first.

    The window (see ``scoring``): the last 730 days, the last 10 per contact (with ties
    on the tenth day), and for contacts silent 1095+ days the 730 days up to their last.
    """
    clause, params = _ids_clause("p.contact_id", ids)
    if full:
        return [
            (int(r[0]), r[1], r[2])
            for r in conn.execute(
                f"""
                SELECT p.contact_id, i.occurred_on, i.kind
                  FROM participant p JOIN interaction i ON i.id = p.interaction_id
                 WHERE {clause}
                 ORDER BY p.contact_id, i.occurred_on, i.id
                """,
                params,
            )
        ]
    since = date.fromordinal(today.toordinal() - 730).isoformat()
    dormant_cut = date.fromordinal(today.toordinal() - 1095).isoformat()
    return [
        (int(r[0]), r[1], r[2])
        for r in conn.execute(
            f"""
            WITH ranked AS (
                SELECT p.contact_id AS cid, i.occurred_on AS day, i.kind AS kind, i.id AS iid,
                       rank() OVER (PARTITION BY p.contact_id ORDER BY i.occurred_on DESC) AS rk,
                       max(i.occurred_on) OVER (PARTITION BY p.contact_id) AS last_day
                  FROM participant p JOIN interaction i ON i.id = p.interaction_id
                 WHERE {clause}
            )
            SELECT cid, day, kind FROM ranked
             WHERE day >= ? OR rk <= 10
                OR (last_day <= ? AND day >= date(last_day, '-730 days'))
             ORDER BY cid, day, iid
            """,
            (*params, since, dormant_cut),
        )
    ]


def history_exchanges(conn: sqlite3.Connection, ids: list[int] | None) -> list[tuple[Any, ...]]:
    """(contact, direction, kind, day, size, cents, status, what), oldest first."""
    clause, params = _ids_clause("contact_id", ids)
    return conn.execute(
        f"""
        SELECT contact_id, direction, kind, occurred_on, size, amount_cents, status, what
          FROM exchange WHERE {clause} ORDER BY contact_id, occurred_on, id
        """,
        params,
    ).fetchall()


def history_facts(conn: sqlite3.Connection, ids: list[int] | None) -> list[tuple[int, str, str]]:
    """(contact, category, latest day learned): what depth's knowledge needs."""
    clause, params = _ids_clause("contact_id", ids)
    return conn.execute(
        f"""
        SELECT contact_id, category, max(learned_on) FROM fact
         WHERE {clause} GROUP BY contact_id, category
        """,
        params,
    ).fetchall()


def history_followups(conn: sqlite3.Connection, ids: list[int] | None) -> list[tuple[Any, ...]]:
    """(contact, kind, due, note, done_on, created_on) of open follow-ups and all promises."""
    clause, params = _ids_clause("contact_id", ids)
    return conn.execute(
        f"""
        SELECT contact_id, kind, due, note, done_on, created_on FROM followup
         WHERE {clause} AND (done_on IS NULL OR kind = 'promise')
         ORDER BY contact_id, due, id
        """,
        params,
    ).fetchall()


# --- follow-ups, due and calendar export ------------------------------------------------


def followups_list(conn: sqlite3.Connection, *, include_done: bool = False) -> list[dict[str, Any]]:
    """Follow-ups and promises of contacts that are not archived: open ones by due date,
    then (with ``include_done``) the done ones, also by due date."""
    where = "" if include_done else "AND f.done_on IS NULL"
    return _rows(
        conn,
        f"""
        SELECT f.id, f.uuid, f.kind, f.due, f.note, f.created_on, f.done_on,
               c.name, c.id AS contact_id, c.uuid AS contact_uuid
          FROM followup f JOIN contact c ON c.id = f.contact_id
         WHERE c.archived = 0 {where}
         ORDER BY f.done_on IS NOT NULL, f.due, f.id
        """,
    )


def contact_archived(conn: sqlite3.Connection, contact_id: int) -> bool:
    row = conn.execute("SELECT archived FROM contact WHERE id = ?", (contact_id,)).fetchone()
    return bool(row and row[0])


def birthdays(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Contacts that are not archived and have a birthday, by name."""
    return _rows(
        conn,
        """
        SELECT id, uuid, name, birthday FROM contact
         WHERE archived = 0 AND birthday IS NOT NULL AND birthday != ''
         ORDER BY name_folded
        """,
    )
