"""What the reports share: finding a contact by name, dates and money as JSON text."""

from __future__ import annotations

import sqlite3

from netjournal.names import Outcome, resolution_error
from netjournal.store.reads import contacts as contact_reads
from netjournal.store.reads import sql as sql_reads
from netjournal.text import format_money


def find_contact(conn: sqlite3.Connection, name: str) -> int:
    """The id of the contact ``name`` resolves to; else the user's sentence."""
    res = contact_reads.resolve_contact(conn, name)
    if res.outcome is not Outcome.FOUND or res.match is None:
        raise resolution_error(res)
    return res.match.id


def iso_moment(value: str | None) -> str | None:
    """A stored day as it is; a stored UTC timestamp in local time, to the minute."""
    if value is None:
        return None
    if len(value) <= 10:
        return value
    moment = sql_reads.parse_utc(value)
    return moment.astimezone().isoformat(timespec="minutes") if moment else None


def money_text(cents: int | None) -> str | None:
    return format_money(cents) if cents is not None else None
