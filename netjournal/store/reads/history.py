"""What scoring reads: contacts' histories (the interactions of the scoring window,
exchanges, facts, follow-ups) and the screen of ``net due``.

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from netjournal.store.reads.sql import dicts, ids_clause


def history_contacts(conn: sqlite3.Connection, ids: list[int] | None) -> list[dict[str, Any]]:
    clause, params = ids_clause("id", ids)
    return dicts(
        conn,
        f"""
        SELECT id, name, tier, kin, cadence, met_on, birthday, snoozed_until, source,
               date(created_at, 'localtime') AS created_on
          FROM contact WHERE {clause} ORDER BY name_folded
        """,
        params,
    )


#: per contact: (interactions, first day, last day, real ones, last real day, quarters with
#: real contact as year * 4 + quarter - 1, ascending)
Aggregate = tuple[int, str, str, int, str | None, tuple[int, ...]]


def _quarter(day: str) -> int:
    return int(day[:4]) * 4 + (int(day[5:7]) - 1) // 3


def interaction_aggregates(
    conn: sqlite3.Connection, today: date, ids: list[int] | None, real_kinds: Iterable[str]
) -> dict[int, Aggregate]:
    """Per contact, over the interactions dated up to ``today``: (number, first day, last
    day, number of real contact, last day of real contact, quarters with real contact)."""
    clause, params = ids_clause("p.contact_id", ids)
    kinds = json.dumps(sorted(real_kinds))
    quarters: dict[int, list[int]] = {}
    for cid, q in conn.execute(
        f"""
        SELECT DISTINCT p.contact_id,
               CAST(strftime('%Y', i.occurred_on) AS INTEGER) * 4
               + (CAST(strftime('%m', i.occurred_on) AS INTEGER) - 1) / 3
          FROM participant p JOIN interaction i ON i.id = p.interaction_id
         WHERE {clause} AND i.occurred_on <= ?
           AND i.kind IN (SELECT value FROM json_each(?))
         ORDER BY 1, 2
        """,
        (*params, today.isoformat(), kinds),
    ):
        quarters.setdefault(int(cid), []).append(int(q))
    return {
        int(cid): (int(n), first, last, int(real), last_real, tuple(quarters.get(int(cid), ())))
        for cid, n, first, last, real, last_real in conn.execute(
            f"""
            SELECT p.contact_id, count(*), min(i.occurred_on), max(i.occurred_on),
                   count(r.value), max(CASE WHEN r.value IS NOT NULL THEN i.occurred_on END)
              FROM participant p JOIN interaction i ON i.id = p.interaction_id
              LEFT JOIN json_each(?) r ON r.value = i.kind
             WHERE {clause} AND i.occurred_on <= ?
             GROUP BY p.contact_id
            """,
            (kinds, *params, today.isoformat()),
        )
    }


def window_interactions(
    conn: sqlite3.Connection, today: date, ids: list[int] | None, *, full: bool = False
) -> list[tuple[int, str, str]]:
    """(contact, day, kind) of the interactions scoring needs, oldest first, none dated
    after ``today``.

    The window (see ``scoring.records``): the last 730 days, and for contacts silent 1095+
    days the 730 days up to their last interaction.
    """
    clause, params = ids_clause("p.contact_id", ids)
    if full:
        return [
            (int(r[0]), r[1], r[2])
            for r in conn.execute(
                f"""
                SELECT p.contact_id, i.occurred_on, i.kind
                  FROM participant p JOIN interaction i ON i.id = p.interaction_id
                 WHERE {clause} AND i.occurred_on <= ?
                 ORDER BY p.contact_id, i.occurred_on, i.id
                """,
                (*params, today.isoformat()),
            )
        ]
    since = date.fromordinal(today.toordinal() - 730).isoformat()
    dormant_cut = date.fromordinal(today.toordinal() - 1095).isoformat()
    return [
        (int(r[0]), r[1], r[2])
        for r in conn.execute(
            f"""
            WITH seen AS (
                SELECT p.contact_id AS cid, i.occurred_on AS day, i.kind AS kind, i.id AS iid,
                       max(i.occurred_on) OVER (PARTITION BY p.contact_id) AS last_day
                  FROM participant p JOIN interaction i ON i.id = p.interaction_id
                 WHERE {clause} AND i.occurred_on <= ?
            )
            SELECT cid, day, kind FROM seen
             WHERE day >= ? OR (last_day <= ? AND day >= date(last_day, '-730 days'))
             ORDER BY cid, day, iid
            """,
            (*params, today.isoformat(), since, dormant_cut),
        )
    ]


def history_exchanges(conn: sqlite3.Connection, ids: list[int] | None) -> list[tuple[Any, ...]]:
    """(contact, direction, kind, day, size, cents, status, what), oldest first."""
    clause, params = ids_clause("contact_id", ids)
    return conn.execute(
        f"""
        SELECT contact_id, direction, kind, occurred_on, size, amount_cents, status, what
          FROM exchange WHERE {clause} ORDER BY contact_id, occurred_on, id
        """,
        params,
    ).fetchall()


def history_facts(
    conn: sqlite3.Connection,
    today: date,
    ids: list[int] | None,
    last_days: dict[int, str | None] | None = None,
) -> list[tuple[int, str, str]]:
    """(contact, category, day learned): what depth's knowledge needs, of the facts
    learned up to ``today``.

    Per category, the latest fact, and also the latest one learned on or before the
    contact's last interaction (what a dormant contact's "as of the last day" needs).
    ``last_days`` (contact -> last interaction day up to ``today``, every contact of
    ``ids`` that has one) saves recomputing those days over every interaction of the
    journal; the result is the same set, sorted by contact, category, day.
    """
    clause, params = ids_clause("f.contact_id", ids)
    until = today.isoformat()
    if last_days is not None:
        latest: dict[tuple[int, str], str] = {}
        before: dict[tuple[int, str], str] = {}
        for cid, category, day in conn.execute(
            f"SELECT f.contact_id, f.category, f.learned_on FROM fact f "
            f"WHERE {clause} AND f.learned_on <= ?",
            (*params, until),
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
    return sorted(
        conn.execute(
            f"""
            SELECT f.contact_id, f.category, max(f.learned_on) FROM fact f
             WHERE {clause} AND f.learned_on <= ? GROUP BY f.contact_id, f.category
            UNION
            SELECT f.contact_id, f.category, max(f.learned_on) FROM fact f
              JOIN (SELECT p.contact_id AS cid, max(i.occurred_on) AS last_day
                      FROM participant p JOIN interaction i ON i.id = p.interaction_id
                     WHERE i.occurred_on <= ?
                     GROUP BY p.contact_id) l ON l.cid = f.contact_id
             WHERE {clause} AND f.learned_on <= l.last_day
             GROUP BY f.contact_id, f.category
            """,
            (*params, until, until, *params),
        ).fetchall()
    )


def history_followups(conn: sqlite3.Connection, ids: list[int] | None) -> list[tuple[Any, ...]]:
    """(contact, kind, due, note, done_on, created_on) of open follow-ups and all promises."""
    clause, params = ids_clause("contact_id", ids)
    return conn.execute(
        f"""
        SELECT contact_id, kind, due, note, done_on, created_on FROM followup
         WHERE {clause} AND (done_on IS NULL OR kind = 'promise')
         ORDER BY contact_id, due, id
        """,
        params,
    ).fetchall()


#: more contacts than this: read every interaction in table order rather than per contact
SCAN_ABOVE = 300


def interaction_history(
    conn: sqlite3.Connection,
    today: date,
    ids: list[int] | None,
    real_kinds: Iterable[str],
    *,
    full: bool = False,
) -> tuple[dict[int, Aggregate], list[tuple[int, str, str]]]:
    """``interaction_aggregates`` and ``window_interactions`` together, in one pass.

    Same results as those two (aggregates per contact; the window's (contact, day, kind)
    rows ordered by contact, day, id), but it reads every interaction once, in table
    order, and applies the window in Python: on a large journal that is several times
    faster than looking each interaction up per contact and ranking with SQL windows.
    A short ``ids`` list goes through the per-contact index instead.
    """
    until = today.isoformat()
    if ids is None:
        sql = """
            SELECT p.contact_id, i.occurred_on, i.kind, i.id
              FROM interaction i CROSS JOIN participant p ON p.interaction_id = i.id
             WHERE +p.contact_id IN (SELECT id FROM contact WHERE archived = 0)
               AND +i.occurred_on <= ?
        """
        params: tuple[Any, ...] = (until,)
    elif len(ids) > SCAN_ABOVE:
        sql = """
            SELECT p.contact_id, i.occurred_on, i.kind, i.id
              FROM interaction i CROSS JOIN participant p ON p.interaction_id = i.id
             WHERE +p.contact_id IN (SELECT value FROM json_each(?)) AND +i.occurred_on <= ?
        """
        params = (json.dumps(ids), until)
    else:
        sql = """
            SELECT p.contact_id, i.occurred_on, i.kind, i.id
              FROM participant p JOIN interaction i ON i.id = p.interaction_id
             WHERE p.contact_id IN (SELECT value FROM json_each(?)) AND +i.occurred_on <= ?
        """
        params = (json.dumps(ids), until)
    strings: dict[str, str] = {}  # one object per distinct day and kind: less memory
    intern = strings.setdefault
    per_contact: dict[int, list[tuple[str, int, str]]] = {}
    for cid, day, kind, iid in conn.execute(sql, params):
        items = per_contact.get(cid)
        if items is None:
            items = per_contact[cid] = []
        items.append((intern(day, day), iid, intern(kind, kind)))
    real = frozenset(real_kinds)
    quarter_of: dict[str, int] = {}  # day -> quarter, computed once per distinct day
    since = date.fromordinal(today.toordinal() - 730).isoformat()
    dormant_cut = date.fromordinal(today.toordinal() - 1095).isoformat()
    aggregates: dict[int, Aggregate] = {}
    window: list[tuple[int, str, str]] = []
    for cid in sorted(per_contact):
        items = per_contact[cid]
        items.sort()
        first, last = items[0][0], items[-1][0]
        real_days = [day for day, _iid, kind in items if kind in real]
        quarters: set[int] = set()
        for day in real_days:
            q = quarter_of.get(day)
            if q is None:
                q = quarter_of[day] = _quarter(day)
            quarters.add(q)
        aggregates[int(cid)] = (
            len(items),
            first,
            last,
            len(real_days),
            real_days[-1] if real_days else None,
            tuple(sorted(quarters)),
        )
        if full:
            window.extend((int(cid), day, kind) for day, _iid, kind in items)
            continue
        low = since
        if last <= dormant_cut:
            low = date.fromordinal(date.fromisoformat(last).toordinal() - 730).isoformat()
        if items[0][0] >= low:
            window.extend((int(cid), day, kind) for day, _iid, kind in items)
        else:
            window.extend((int(cid), day, kind) for day, _iid, kind in items if day >= low)
    return aggregates, window


def due_screen(
    conn: sqlite3.Connection,
    today: date,
    real_kinds: Iterable[str],
    ids: Iterable[int] | None = None,
) -> list[tuple[Any, ...]]:
    """What ``net due`` needs to tell who may be listed, for every contact that is not
    archived (or those of ``ids``), without reading any interaction row into Python: (id,
    tier, kin, cadence, met_on, created_on, birthday, interactions, first day, last day,
    real interactions, last real day, source, snoozed_until, earliest due of the open
    follow-ups recorded by ``today``); interactions dated after ``today`` are not counted."""
    only = "" if ids is None else " AND {} IN (SELECT value FROM json_each(:ids))"
    # ``IN (SELECT ...)`` reads the kinds once; a join on json_each would parse them per row
    real = "i.kind IN (SELECT value FROM json_each(:real))"
    return conn.execute(
        f"""
        WITH agg AS (
            SELECT p.contact_id AS cid, count(*) AS n, min(i.occurred_on) AS first_day,
                   max(i.occurred_on) AS last_day, sum({real}) AS real_n,
                   max(CASE WHEN {real} THEN i.occurred_on END) AS last_real
              FROM participant p JOIN interaction i ON i.id = p.interaction_id
             WHERE +i.occurred_on <= :today{only.format("p.contact_id")}
             GROUP BY p.contact_id
        ), due AS (
            SELECT contact_id AS cid, min(due) AS first_due FROM followup
             WHERE (done_on IS NULL OR done_on > :today)
               AND created_on <= :today{only.format("contact_id")}
             GROUP BY contact_id
        )
        SELECT c.id, c.tier, c.kin, c.cadence, c.met_on, date(c.created_at, 'localtime'),
               c.birthday, coalesce(agg.n, 0), agg.first_day, agg.last_day,
               coalesce(agg.real_n, 0), agg.last_real, c.source, c.snoozed_until,
               due.first_due
          FROM contact c
          LEFT JOIN agg ON agg.cid = c.id
          LEFT JOIN due ON due.cid = c.id
         WHERE c.archived = 0{only.format("c.id")}
        """,
        {
            "today": today.isoformat(),
            "real": json.dumps(sorted(real_kinds)),
            "ids": json.dumps(None if ids is None else list(ids)),
        },
    ).fetchall()
