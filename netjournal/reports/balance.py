"""``net balance`` (give/take per contact and for the network), one contact's ledger, and
the warnings ``net ask`` gives before recording."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from netjournal import scores
from netjournal.reports.common import find_contact
from netjournal.scores.records import balance_json
from netjournal.text import format_money

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants


def balance_report(
    conn: sqlite3.Connection, today: date, c: Constants, limit: int = 0
) -> dict[str, Any]:
    """Active contacts' give/take, lowest balance first (then by name; the first ``limit``,
    0: all), ``count`` of them all, and the network's total."""
    rows, count, given, taken = scores.ranked(conn, today, c, "balance", limit)
    return {
        "as_of": today.isoformat(),
        "contacts": [{k: v for k, v in r.items() if k[0] != "_"} for r in rows],
        "count": count,
        "network": {
            "given": round(given, 2),
            "taken": round(taken, 2),
            "balance": round(given - taken, 2),
        },
    }


def balance_ledger(
    conn: sqlite3.Connection, name: str, today: date, c: Constants
) -> dict[str, Any]:
    """One contact's ledger, one line per give or ask, with the arithmetic."""
    from netjournal.scores.history import history_of
    from netjournal.scoring.asks import ask_hint
    from netjournal.scoring.balance import balance

    cid = find_contact(conn, name)
    history = history_of(conn, cid, today, c)
    bal = balance(history, today, c)
    return {
        "as_of": today.isoformat(),
        "name": bal.name,
        **balance_json(bal),
        "close_tie": bal.close_tie,
        "headroom": round(bal.headroom, 2),
        "hint": ask_hint(history, today, c),
        "lines": [
            {
                "date": line.date.isoformat(),
                "direction": line.direction,
                "kind": line.kind,
                "what": line.note,
                "status": line.status,
                "points": line.points,
                "size_mult": round(line.size_mult, 4),
                "decay": round(line.decay, 4),
                "status_factor": line.status_factor,
                "amount": round(line.signed, 2),
                "money": format_money(int(line.money * 100)) if line.money is not None else None,
                "size": line.size,
            }
            for line in bal.lines
        ],
    }


def ask_warnings(
    conn: sqlite3.Connection,
    contact_id: int,
    today: date,
    constants: Constants,
    kind: str,
    size: int | None,
    amount_cents: int | None,
    on: date | None = None,
    status: Literal["granted", "open", "declined"] = "granted",
) -> tuple[str, ...]:
    """What ``net ask`` says on stderr before recording an ask dated ``on`` (never
    blocks): the balance it names is the one ``net balance`` will show."""
    from netjournal.scores.history import history_of
    from netjournal.scoring import asks

    history = history_of(conn, contact_id, today, constants)
    amount = Decimal(amount_cents) / 100 if amount_cents is not None else None
    return asks.ask_warnings(
        history, today, kind, size=size, amount=amount, c=constants, status=status, on=on
    )
