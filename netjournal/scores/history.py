"""Contacts' histories as the scoring records read them, built from the journal's rows.

The bridge between ``store`` (rows) and ``scoring`` (plain records): nothing else turns
rows into :class:`~netjournal.scoring.records.ContactHistory`.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from netjournal.store.reads import history as history_reads

if TYPE_CHECKING:
    from netjournal.scoring import records
    from netjournal.scoring.constants import Constants


def day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _exchange(row: tuple[Any, ...], make: type[records.Exchange]) -> records.Exchange:
    _cid, direction, kind, on, size, cents, status, what = row
    return make(
        direction=direction,
        kind=kind,
        on=date.fromisoformat(on),
        size=size,
        amount=(Decimal(cents) / 100) if cents is not None else None,
        status=status,
        note=what or "",
    )


def _followup(row: tuple[Any, ...], make: type[records.FollowUp]) -> records.FollowUp:
    _cid, kind, due, note, done_on, created_on = row
    return make(
        kind=kind,
        due=date.fromisoformat(due),
        note=note or "",
        done_on=day(done_on),
        created_on=day(created_on),
    )


def histories(
    conn: sqlite3.Connection,
    today: date,
    contact_ids: Iterable[int] | None = None,
    *,
    c: Constants,
    full: bool = False,
) -> dict[int, records.ContactHistory]:
    """Scoring inputs per contact (all active contacts, or ``contact_ids``), in name order,
    as of ``today`` (nothing dated after it is read: interactions, facts).

    Interactions are limited to the window ``scoring.records`` documents unless ``full``;
    what counts as real contact comes from the constants ``c``.
    """
    from netjournal.scoring import records

    ids = list(contact_ids) if contact_ids is not None else None
    base = history_reads.history_contacts(conn, ids)
    aggregates, window = history_reads.interaction_history(
        conn, today, ids, records.real_kinds(c), full=full
    )
    interactions: dict[int, list[records.Interaction]] = defaultdict(list)
    shared: dict[tuple[str, str], records.Interaction] = {}  # frozen: one object per value
    for cid, on, kind in window:
        item = shared.get((on, kind))
        if item is None:
            item = shared[(on, kind)] = records.Interaction(on=date.fromisoformat(on), kind=kind)
        interactions[cid].append(item)
    exchanges: dict[int, list[records.Exchange]] = defaultdict(list)
    for row in history_reads.history_exchanges(conn, ids):
        exchanges[row[0]].append(_exchange(row, records.Exchange))
    facts: dict[int, list[records.Fact]] = defaultdict(list)
    last_days = {cid: agg[2] for cid, agg in aggregates.items()}
    for cid, category, learned in history_reads.history_facts(conn, today, ids, last_days):
        facts[cid].append(records.Fact(category=category, learned_on=date.fromisoformat(learned)))
    followups: dict[int, list[records.FollowUp]] = defaultdict(list)
    for row in history_reads.history_followups(conn, ids):
        followups[row[0]].append(_followup(row, records.FollowUp))
    out: dict[int, records.ContactHistory] = {}
    for row in base:
        cid = row["id"]
        count, first, last, real, last_real, quarters = aggregates.get(
            cid, (0, None, None, 0, None, ())
        )
        first_day = day(first)
        met_on = day(row["met_on"]) or first_day or day(row["created_on"]) or today
        out[cid] = records.ContactHistory(
            name=row["name"],
            tier=row["tier"],
            kin=bool(row["kin"]),
            cadence=row["cadence"],
            met_on=met_on,
            birthday=row["birthday"],
            interactions=tuple(interactions.get(cid, ())),
            interaction_count=count,
            first_interaction=first_day,
            last_interaction=day(last),
            exchanges=tuple(exchanges.get(cid, ())),
            facts=tuple(facts.get(cid, ())),
            followups=tuple(followups.get(cid, ())),
            snoozed_until=day(row["snoozed_until"]),
            imported=row["source"] is not None,
            real_count=real,
            last_real=day(last_real),
            real_quarters=quarters,
        )
    return out


def history_of(
    conn: sqlite3.Connection, contact_id: int, today: date, c: Constants
) -> records.ContactHistory:
    """One contact's whole history (every interaction up to today, not only the window)."""
    return histories(conn, today, [contact_id], c=c, full=True)[contact_id]
