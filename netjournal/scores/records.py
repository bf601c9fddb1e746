"""The score records: each contact's scores as plain JSON-ready data.

What the score cache keeps and what the reports show: a report built from a record is
identical whether the record was just computed or read back from the cache.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netjournal.scoring.balance import Balance
    from netjournal.scoring.constants import Constants
    from netjournal.scoring.depth import Depth
    from netjournal.scoring.records import ContactHistory
    from netjournal.scoring.stage import Stage
    from netjournal.scoring.urgency import Urgency


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def iso_day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def balance_json(bal: Balance) -> dict[str, Any]:
    return {
        "gives": bal.gives,
        "asks": bal.asks,
        "given": _r(bal.given),
        "taken": _r(bal.taken),
        "balance": _r(bal.balance),
        "ratio": _r(bal.ratio),
        "label": bal.label,
        "lifetime_given": _r(bal.lifetime_given),
        "lifetime_taken": _r(bal.lifetime_taken),
    }


def depth_json(dep: Depth) -> dict[str, Any]:
    return {
        "depth": round(dep.depth, 1),
        "band": dep.band,
        "components": {comp.name: round(comp.points, 2) for comp in dep.components},
    }


def depth_entry(dep: Depth, stg: Stage) -> dict[str, Any]:
    """One row of ``net depth`` (and of its JSON)."""
    return {
        "name": dep.name,
        "depth": round(dep.depth, 1),
        "band": dep.band,
        "stage": stg.name,
        "stage_was": stg.was,
        "components": {comp.name: round(comp.points, 2) for comp in dep.components},
    }


def due_item(u: Urgency) -> dict[str, Any]:
    """One row of ``net due`` (and of its JSON): the contract's fields, then extras."""
    return {
        "name": u.name,
        "urgency": round(u.total, 2),
        "due_on": iso_day(u.due_on),
        "last_contact": iso_day(u.last_contact),
        "reasons": list(u.reasons),
        "terms": {t.name: round(t.points, 2) for t in u.terms if t.points},
        "triggers": list(u.triggers),
        "cadence": u.cadence,
        "last_real_contact": iso_day(u.last_real),
        "due_now": u.due_now,
    }


def urgency_record(u: Urgency) -> dict[str, Any]:
    """The row of ``net due`` and what ranking reads besides (name, triggers and due_now
    are the item's: not stored twice)."""
    return {
        "item": due_item(u),
        "total": u.total,
        "listed": u.listed,
        "was_depth": u.was_depth,
        "hidden": u.hidden,
    }


def score_record(h: ContactHistory, today: date, c: Constants) -> dict[str, Any]:
    """Everything the whole-journal reports show of one contact, as JSON-ready data."""
    from netjournal.scoring.evaluate import evaluate

    scores = evaluate(h, today, c)
    bal = scores.balance
    return {
        "balance": {
            "name": h.name,
            **balance_json(bal),
            "_given": bal.given,
            "_taken": bal.taken,
            "_balance": round(bal.balance, 9),
        },
        "depth": {**depth_entry(scores.depth, scores.stage), "_depth": scores.depth.depth},
        "urgency": urgency_record(scores.urgency),
    }


class CachedUrgency:
    """What ``urgency.rank_due`` reads of an urgency, rebuilt from a score record."""

    __slots__ = ("due_now", "hidden", "item", "listed", "name", "total", "triggers", "was_depth")

    def __init__(self, record: dict[str, Any]) -> None:
        item = self.item = record["item"]
        self.name: str = item["name"]
        self.total: float = record["total"]
        self.listed: bool = record["listed"]
        self.triggers: tuple[str, ...] = tuple(item["triggers"])
        self.was_depth: float | None = record["was_depth"]
        self.hidden: bool = record["hidden"]
        self.due_now: bool = item["due_now"]
