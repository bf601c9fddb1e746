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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netjournal.names import Resolution


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


def resolve_contact(conn: sqlite3.Connection, name: str, *, exact_only: bool = False) -> Resolution:
    """``names.resolve`` of ``name`` against the journal's contacts.

    The same rule, asked of the database: the exact folded name through its unique index,
    then the names with a word starting with what was typed (``' ' || name_folded``
    contains ``' ' || key``: ``names._prefix_match`` in SQL). Only a name that matches
    nothing reads every contact, to suggest close spellings.
    """
    from netjournal.names import Candidate, decide
    from netjournal.text import check_utf8, fold

    check_utf8(name)  # invalid UTF-8 from argv: a sentence, not an encoding error
    key = fold(name)
    row = conn.execute(
        "SELECT id, name, name_folded FROM contact WHERE name_folded = ?", (key,)
    ).fetchone()
    exact = None if row is None else Candidate(int(row[0]), str(row[1]), str(row[2]))
    hits: list[Candidate] = []
    if exact is None and not exact_only and key:
        hits = [
            Candidate(int(r[0]), str(r[1]), str(r[2]))
            for r in conn.execute(
                "SELECT id, name, name_folded FROM contact "
                "WHERE instr(' ' || name_folded, ' ' || ?) > 0",
                (key,),
            )
        ]
    return decide(
        name,
        exact,
        hits,
        lambda: [Candidate(*c) for c in contact_candidates(conn)],
        exact_only=exact_only,
    )


def contact_id_by_folded(conn: sqlite3.Connection, folded: str) -> tuple[int, str] | None:
    """(id, name) of the contact whose folded name is ``folded``."""
    row = conn.execute("SELECT id, name FROM contact WHERE name_folded = ?", (folded,)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


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


def history_facts(
    conn: sqlite3.Connection,
    ids: list[int] | None,
    last_days: dict[int, str | None] | None = None,
) -> list[tuple[int, str, str]]:
    """(contact, category, day learned): what depth's knowledge needs.

    Per category, the latest fact, and also the latest one learned on or before the
    contact's last interaction (what a dormant contact's "as of the last day" needs).
    ``last_days`` (contact -> last interaction day, every contact of ``ids`` that has
    one) saves recomputing those days over every interaction of the journal; the result
    is the same set, sorted by contact, category, day.
    """
    clause, params = _ids_clause("f.contact_id", ids)
    if last_days is not None:
        latest: dict[tuple[int, str], str] = {}
        before: dict[tuple[int, str], str] = {}
        for cid, category, day in conn.execute(
            f"SELECT f.contact_id, f.category, f.learned_on FROM fact f WHERE {clause}", params
        ):
            key = (cid, category)
            if day > latest.get(key, ""):
                latest[key] = day
            last = last_days.get(cid)
            if last is not None and day <= last and day > before.get(key, ""):
                before[key] = day
        found = {(*key, day) for key, day in latest.items()}
        found.update((*key, day) for key, day in before.items())
        return sorted(found)
    return conn.execute(
        f"""
        SELECT f.contact_id, f.category, max(f.learned_on) FROM fact f
         WHERE {clause} GROUP BY f.contact_id, f.category
        UNION
        SELECT f.contact_id, f.category, max(f.learned_on) FROM fact f
          JOIN (SELECT p.contact_id AS cid, max(i.occurred_on) AS last_day
                  FROM participant p JOIN interaction i ON i.id = p.interaction_id
                 GROUP BY p.contact_id) l ON l.cid = f.contact_id
         WHERE {clause} AND f.learned_on <= l.last_day
         GROUP BY f.contact_id, f.category
        """,
        params + params,
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


def due_screen(conn: sqlite3.Connection, today: date) -> list[tuple[Any, ...]]:
    """What ``net due`` needs to tell who may be listed, for every contact that is not
    archived nor snoozed past ``today``, without reading any interaction row into Python:
    (id, tier, kin, cadence, met_on, created_on, birthday, interactions, first day,
    last day, earliest due of the open follow-ups recorded by ``today``)."""
    return conn.execute(
        """
        WITH agg AS (
            SELECT p.contact_id AS cid, count(*) AS n, min(i.occurred_on) AS first_day,
                   max(i.occurred_on) AS last_day
              FROM participant p JOIN interaction i ON i.id = p.interaction_id
             GROUP BY p.contact_id
        ), due AS (
            SELECT contact_id AS cid, min(due) AS first_due FROM followup
             WHERE (done_on IS NULL OR done_on > :today) AND created_on <= :today
             GROUP BY contact_id
        )
        SELECT c.id, c.tier, c.kin, c.cadence, c.met_on, date(c.created_at, 'localtime'),
               c.birthday, coalesce(agg.n, 0), agg.first_day, agg.last_day, due.first_due
          FROM contact c
          LEFT JOIN agg ON agg.cid = c.id
          LEFT JOIN due ON due.cid = c.id
         WHERE c.archived = 0 AND (c.snoozed_until IS NULL OR c.snoozed_until <= :today)
        """,
        {"today": today.isoformat()},
    ).fetchall()


# --- import and export (interop) --------------------------------------------------------


def interop_contacts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every contact with every column, by name, for exports and import look-up tables."""
    return _rows(conn, "SELECT * FROM contact ORDER BY name_folded, id")


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
    return _rows(conn, f"SELECT * FROM {table} ORDER BY {order}")


def table_count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def uuid_ids(conn: sqlite3.Connection, table: str) -> dict[str, int]:
    """uuid -> id of one table that has uuids."""
    return {str(r[0]): int(r[1]) for r in conn.execute(f"SELECT uuid, id FROM {table}")}


# --- goals, money, targets, review and match (the proactive habits) ----------------------


def goals(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(conn, "SELECT id, metric, target, per FROM goal ORDER BY id")


def targets(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(
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
    return _rows(
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
    return _rows(
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
    rows = _rows(
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
            "SELECT DISTINCT a.contact_id, b.contact_id FROM participant a "
            "JOIN participant b ON a.interaction_id = b.interaction_id "
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


#: more contacts than this: read every interaction in table order rather than per contact
SCAN_ABOVE = 300


def interaction_history(
    conn: sqlite3.Connection, today: date, ids: list[int] | None, *, full: bool = False
) -> tuple[dict[int, tuple[int, str, str]], list[tuple[int, str, str]]]:
    """``interaction_aggregates`` and ``window_interactions`` together, in one pass.

    Same results as those two (aggregates per contact; the window's (contact, day, kind)
    rows ordered by contact, day, id), but it reads every interaction once, in table
    order, and applies the window in Python: on a large journal that is several times
    faster than looking each interaction up per contact and ranking with SQL windows.
    A short ``ids`` list goes through the per-contact index instead.
    """
    if ids is None:
        sql = """
            SELECT p.contact_id, i.occurred_on, i.kind, i.id
              FROM interaction i CROSS JOIN participant p ON p.interaction_id = i.id
             WHERE +p.contact_id IN (SELECT id FROM contact WHERE archived = 0)
        """
        params: tuple[Any, ...] = ()
    elif len(ids) > SCAN_ABOVE:
        sql = """
            SELECT p.contact_id, i.occurred_on, i.kind, i.id
              FROM interaction i CROSS JOIN participant p ON p.interaction_id = i.id
             WHERE +p.contact_id IN (SELECT value FROM json_each(?))
        """
        params = (json.dumps(ids),)
    else:
        sql = """
            SELECT p.contact_id, i.occurred_on, i.kind, i.id
              FROM participant p JOIN interaction i ON i.id = p.interaction_id
             WHERE p.contact_id IN (SELECT value FROM json_each(?))
        """
        params = (json.dumps(ids),)
    strings: dict[str, str] = {}  # one object per distinct day and kind: less memory
    intern = strings.setdefault
    per_contact: dict[int, list[tuple[str, int, str]]] = {}
    for cid, day, kind, iid in conn.execute(sql, params):
        items = per_contact.get(cid)
        if items is None:
            items = per_contact[cid] = []
        items.append((intern(day, day), iid, intern(kind, kind)))
    since = date.fromordinal(today.toordinal() - 730).isoformat()
    dormant_cut = date.fromordinal(today.toordinal() - 1095).isoformat()
    aggregates: dict[int, tuple[int, str, str]] = {}
    window: list[tuple[int, str, str]] = []
    for cid in sorted(per_contact):
        items = per_contact[cid]
        items.sort()
        first, last = items[0][0], items[-1][0]
        aggregates[int(cid)] = (len(items), first, last)
        if full:
            window.extend((int(cid), day, kind) for day, _iid, kind in items)
            continue
        # rank() by day, newest first, is <= 10 exactly from the day of the tenth from last
        low = min(since, items[-10][0]) if len(items) >= 10 else ""
        if last <= dormant_cut:
            low = min(low, date.fromordinal(date.fromisoformat(last).toordinal() - 730).isoformat())
        window.extend((int(cid), day, kind) for day, _iid, kind in items if day >= low)
    return aggregates, window


def active_contact_ids(conn: sqlite3.Connection) -> list[int]:
    """Ids of the contacts that are not archived, in name order."""
    return [
        int(r[0])
        for r in conn.execute("SELECT id FROM contact WHERE archived = 0 ORDER BY name_folded")
    ]
