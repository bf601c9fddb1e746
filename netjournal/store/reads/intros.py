"""Introductions (schema 7) and what came of each.

Plain SQL over ``sqlite3``; nothing here imports SQLModel or SQLAlchemy.

What came of an introduction made on day D:

- one you made, A to B: the interactions on or after D that A and B both took part in,
  and the referrals and business (gives or asks of kind referral, business or job-lead)
  with A or B on or after D that name the other one, or came out of such a meeting;
- one you received, NAME to C: the interactions with C on or after D, and the referrals
  and business with C on or after D.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from netjournal.store.reads.sql import dicts

#: the kinds of gives and asks that count as what an introduction led to
HARVEST = ("referral", "business", "job-lead")

_EDGES = """
    SELECT n.id, n.made_on, n.note, n.exchange_id,
           n.contact_id, a.name AS contact, n.to_id, b.name AS "to", n.by_id, y.name AS by
      FROM introduction n
      JOIN contact a ON a.id = n.contact_id
      LEFT JOIN contact b ON b.id = n.to_id
      LEFT JOIN contact y ON y.id = n.by_id
"""

_MET_TOGETHER = """
    SELECT count(*), min(i.occurred_on) FROM interaction i
     WHERE i.occurred_on >= :on
       AND EXISTS (SELECT 1 FROM participant p WHERE p.interaction_id = i.id AND p.contact_id = :a)
       AND EXISTS (SELECT 1 FROM participant p WHERE p.interaction_id = i.id AND p.contact_id = :b)
"""

_MET = """
    SELECT count(*), min(i.occurred_on) FROM interaction i
      JOIN participant p ON p.interaction_id = i.id
     WHERE p.contact_id = :a AND i.occurred_on >= :on
"""

_BUSINESS_BETWEEN = f"""
    SELECT count(*), total(coalesce(e.amount_cents, 0)) FROM exchange e
      JOIN contact other ON other.id = CASE e.contact_id WHEN :a THEN :b ELSE :a END
     WHERE e.contact_id IN (:a, :b) AND e.occurred_on >= :on
       AND e.kind IN ({", ".join(f"'{k}'" for k in HARVEST)}) AND e.id IS NOT :give
       AND (instr(lower(e.what), lower(other.name)) > 0
            OR EXISTS (SELECT 1 FROM participant p WHERE p.interaction_id = e.interaction_id
                       AND p.contact_id = other.id))
"""

_BUSINESS_WITH = f"""
    SELECT count(*), total(coalesce(e.amount_cents, 0)) FROM exchange e
     WHERE e.contact_id = :a AND e.occurred_on >= :on
       AND e.kind IN ({", ".join(f"'{k}'" for k in HARVEST)})
"""


def introductions(conn: sqlite3.Connection, contact_id: int | None = None) -> list[dict[str, Any]]:
    """Every introduction (those touching ``contact_id`` only, when given), newest first,
    each with ``meetings``, ``first_meeting``, ``business`` and ``amount_cents``."""
    where, params = "", {}
    if contact_id is not None:
        where = " WHERE :c IN (n.contact_id, n.to_id, n.by_id)"
        params = {"c": contact_id}
    rows = dicts(conn, _EDGES + where + " ORDER BY n.made_on DESC, n.id DESC", params)
    for row in rows:
        row.update(_outcome(conn, row))
    return rows


def _outcome(conn: sqlite3.Connection, edge: dict[str, Any]) -> dict[str, Any]:
    """What came of one introduction (see the module's docstring)."""
    on = edge["made_on"]
    if edge["to_id"] is not None:
        args = {"a": edge["contact_id"], "b": edge["to_id"], "on": on, "give": edge["exchange_id"]}
        met = conn.execute(_MET_TOGETHER, args).fetchone()
        deals = conn.execute(_BUSINESS_BETWEEN, args).fetchone()
    else:
        args = {"a": edge["contact_id"], "on": on}
        met = conn.execute(_MET, args).fetchone()
        deals = conn.execute(_BUSINESS_WITH, args).fetchone()
    return {
        "meetings": int(met[0]),
        "first_meeting": met[1],
        "business": int(deals[0]),
        "amount_cents": int(deals[1]),
    }


def introduced_by(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any] | None:
    """Who introduced you to the contact, and when (None: nobody recorded)."""
    rows = dicts(
        conn,
        "SELECT y.name AS by, n.made_on FROM introduction n JOIN contact y ON y.id = n.by_id "
        "WHERE n.contact_id = ? AND n.to_id IS NULL ORDER BY n.id LIMIT 1",
        (contact_id,),
    )
    return rows[0] if rows else None


def pairs(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Pairs of contacts an introduction joined: the two introduced, and the introducer
    with the one introduced (``net match`` never proposes introducing them again)."""
    return [
        (int(a), int(b))
        for a, b in conn.execute(
            "SELECT contact_id, to_id FROM introduction WHERE to_id IS NOT NULL "
            "UNION SELECT contact_id, by_id FROM introduction WHERE by_id IS NOT NULL"
        )
    ]
