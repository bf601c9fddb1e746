"""``net due`` (whom to contact now, and one contact's urgency term by term) and
``net followups``."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from netjournal import scores
from netjournal.reports.common import find_contact
from netjournal.scores.history import day
from netjournal.scores.records import due_item, iso_day
from netjournal.store.reads import contacts as contact_reads
from netjournal.store.reads import followups as followup_reads

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants


def due_report(
    conn: sqlite3.Connection,
    today: date,
    constants: Constants,
    *,
    within: int | None = None,
    show_all: bool = False,
    limit: int = 0,
) -> dict[str, Any]:
    """``net due``: the contacts to get in touch with, most urgent first (the first
    ``limit``; 0: all), and ``count`` of them all.

    Archived contacts are never read; snoozed ones are left out even with ``show_all``
    (which otherwise lists every contact, whatever its triggers).
    """
    horizon = constants.horizon if within is None else within
    count, items = scores.due_ranking(
        conn, today, constants, horizon=horizon, show_all=show_all, limit=limit
    )
    return {
        "as_of": today.isoformat(),
        "within": horizon,
        "all": show_all,
        "count": count,
        "items": items,
    }


def due_contact(
    conn: sqlite3.Connection,
    name: str,
    today: date,
    constants: Constants,
    *,
    within: int | None = None,
) -> dict[str, Any]:
    """``net due NAME``: that contact's urgency term by term (value × coefficient)."""
    from netjournal.scores.history import histories
    from netjournal.scoring.urgency import urgency

    cid = find_contact(conn, name)
    history = histories(conn, today, [cid], c=constants)[cid]
    u = urgency(history, today, constants, within=within)
    archived = contact_reads.contact_archived(conn, cid)
    return {
        "as_of": today.isoformat(),
        **due_item(u),
        "listed": u.listed and not archived,
        "snoozed_until": iso_day(history.snoozed_until) if u.snoozed else None,
        "archived": archived,
        "rho": None if u.rho is None else round(u.rho, 2),
        # the days behind rho (since / cadence), for the words of the text output
        "days_since_real_contact": None
        if u.rho is None or u.cadence is None
        else round(u.rho * u.cadence),
        "terms": [
            {
                "name": t.name,
                "value": round(t.value, 3),
                "coefficient": t.coefficient,
                "points": round(t.points, 2),
                "reason": t.reason,
            }
            for t in u.terms
        ],
    }


def snooze_check(
    conn: sqlite3.Connection, contact_id: int, today: date, constants: Constants
) -> dict[str, Any]:
    """What a snooze of this contact would meet, as of today: its follow-ups and promises
    already overdue (a snooze does not hide them) and its cadence if already run out (a
    snooze hides that)."""
    from dataclasses import replace

    from netjournal.scores.history import histories
    from netjournal.scoring.urgency import urgency

    history = histories(conn, today, [contact_id], c=constants)[contact_id]
    u = urgency(replace(history, snoozed_until=None), today, constants)
    overdue = [
        {"kind": f.kind, "due": f.due.isoformat(), "note": f.note}
        for f in sorted(history.followups, key=lambda f: (f.due, f.kind))
        if f.done_on is None and f.due < today
    ]
    late = u.rho is not None and u.rho >= 1 and u.cadence is not None
    start = u.last_real
    return {
        "overdue": overdue,
        "cadence": {
            "every": u.cadence,
            "since": (today - start).days if start is not None else None,
        }
        if late
        else None,
    }


def followups_report(
    conn: sqlite3.Connection,
    today: date,
    *,
    include_done: bool = False,
    until: date | None = None,
) -> dict[str, Any]:
    """``net followups``: open follow-ups and promises by due date (``r<N>`` ids); with
    ``until``, only those due by that day (the day's page: this week's)."""
    items = []
    last = None if until is None else until.isoformat()
    for row in followup_reads.followups_list(conn, include_done=include_done, until=last):
        due = date.fromisoformat(row["due"])
        done = day(row["done_on"])
        items.append(
            {
                "id": f"r{row['id']}",
                "name": row["name"],
                "kind": row["kind"],
                "due": row["due"],
                "note": row["note"],
                "created_on": row["created_on"],
                "done_on": row["done_on"],
                "overdue": done is None and due < today,
                "days": (due - today).days,
                "kept": (done <= due) if done is not None and row["kind"] == "promise" else None,
            }
        )
    return {"as_of": today.isoformat(), "followups": items}
