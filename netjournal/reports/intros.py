"""``net intros``: the introductions you made and received, with what came of each.
Plain JSON-ready data."""

from __future__ import annotations

import sqlite3
from typing import Any

from netjournal.store.reads import contacts as contact_reads
from netjournal.store.reads import intros as intro_reads
from netjournal.text import format_money


def led_to(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "meetings": row["meetings"],
        "first_meeting": row["first_meeting"],
        "business": row["business"],
        "amount": format_money(row["amount_cents"]) if row["amount_cents"] else None,
    }


def item(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "on": row["made_on"],
        "introduced": row["contact"],
        "to": row["to"],  # None: to you
        "by": row["by"],  # None: by you
        "note": row["note"],
        "give": f"g{row['exchange_id']}" if row["exchange_id"] else None,
        "led_to": led_to(row),
    }


def intros(conn: sqlite3.Connection, name: str | None = None) -> dict[str, Any]:
    """{"contact", "made": [...], "received": [...]}; with ``name``, only the
    introductions that contact was part of (introduced, introduced to, or introducer)."""
    contact_id = None
    who = None
    if name is not None:
        from netjournal.names import Outcome, resolution_error

        res = contact_reads.resolve_contact(conn, name)
        if res.outcome is not Outcome.FOUND or res.match is None:
            raise resolution_error(res)
        contact_id, who = res.match.id, res.match.name
    rows = intro_reads.introductions(conn, contact_id)
    return {
        "contact": who,
        "made": [item(r) for r in rows if r["by_id"] is None],
        "received": [item(r) for r in rows if r["to_id"] is None],
        "others": [item(r) for r in rows if r["by_id"] is not None and r["to_id"] is not None],
    }
