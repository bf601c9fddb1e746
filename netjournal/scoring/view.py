"""A contact's history as of one day: what every score reads, and the small helpers they
share (ages in days, "N days" in words, whether a tie is close, an interaction's richness).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netjournal.plural import plural
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.records import (
    UNKNOWN_KIND,
    ContactHistory,
    Exchange,
    Fact,
    Interaction,
    kind_table,
    quarter,
)


@dataclass(frozen=True, slots=True)
class View:
    day: date
    interactions: tuple[Interaction, ...]  # listed ones dated <= day, oldest first
    count: int  # all interactions dated <= day
    last: date | None
    exchanges: tuple[Exchange, ...]  # dated <= day, oldest first
    facts: tuple[Fact, ...]
    unlisted: bool  # some interactions dated <= day are not in the list
    real_count: int = 0  # interactions of real contact dated <= day
    last_real: date | None = None
    quarters: int = 0  # distinct calendar quarters with real contact, up to day
    imported_only: bool = False  # brought in by an import and not met (for real) yet


def as_of(h: ContactHistory, day: date, c: Constants = DEFAULTS) -> View:
    """The history as it stood on ``day``: later records are left out."""
    listed = sorted(h.interactions, key=lambda i: i.on)
    complete = h.interaction_count == 0 and bool(listed)
    if complete:
        total, first, last = len(listed), listed[0].on, listed[-1].on
    else:
        total, first, last = h.interaction_count, h.first_interaction, h.last_interaction
        if listed:
            first = min(first, listed[0].on) if first else listed[0].on
            last = max(last, listed[-1].on) if last else listed[-1].on
            total = max(total, len(listed))
    past = tuple(i for i in listed if i.on <= day)
    count = max(total - (len(listed) - len(past)), len(past))
    if first is not None and first > day:
        count = len(past)
    if last is not None and last > day:
        last = past[-1].on if past else None
    if count == 0:
        last = None
    elif last is None and past:
        last = past[-1].on
    real_count, last_real, quarters = _real(h, listed, past, day, complete, c)
    exchanges = tuple(sorted((e for e in h.exchanges if e.on <= day), key=lambda e: e.on))
    facts = tuple(f for f in h.facts if f.learned_on <= day)
    return View(
        day,
        past,
        count,
        last,
        exchanges,
        facts,
        count > len(past),
        real_count=real_count,
        last_real=last_real,
        quarters=quarters,
        imported_only=h.imported and real_count == 0,
    )


def _real(
    h: ContactHistory,
    listed: list[Interaction],
    past: tuple[Interaction, ...],
    day: date,
    complete: bool,
    c: Constants,
) -> tuple[int, date | None, int]:
    """(real interactions, the last of them, distinct quarters with one) up to ``day``."""
    table = kind_table(c)
    real_listed = [i for i in listed if table.get(i.kind, UNKNOWN_KIND)[2]]
    last_total = h.last_real
    if (
        not complete
        and len(past) == len(listed)  # nothing listed after ``day`` ...
        and (last_total is None or last_total <= day)  # ... nor counted: the totals stand
        and h.real_count >= len(real_listed)
        and (h.real_quarters or not real_listed)
        and (not real_listed or (last_total is not None and real_listed[-1].on <= last_total))
    ):
        return h.real_count, last_total, len(h.real_quarters)
    real_past = [i for i in real_listed if i.on <= day]
    if complete:
        total, last_total, all_quarters = (
            len(real_listed),
            real_listed[-1].on if real_listed else None,
            {quarter(i.on) for i in real_listed},
        )
    else:
        total, last_total, all_quarters = h.real_count, h.last_real, set(h.real_quarters)
        total = max(total, len(real_listed))
    count = max(total - (len(real_listed) - len(real_past)), len(real_past))
    if last_total is not None and last_total <= day:
        last = max(last_total, real_past[-1].on) if real_past else last_total
    else:
        last = real_past[-1].on if real_past else None
    if count == 0:
        last = None
    this = quarter(day)
    quarters = {q for q in all_quarters if q < this} | {quarter(i.on) for i in real_past}
    return count, last, len(quarters)


def age(day: date, then: date) -> int:
    """Whole days from ``then`` to ``day``, never negative."""
    return max(0, (day - then).days)


def days_text(n: int) -> str:
    """'1 day', '3 days'."""
    return plural(n, "day")


def close_tie(h: ContactHistory, c: Constants) -> bool:
    """Inner-tier contacts and kin: the numbers stand, but no warnings are given."""
    return h.kin or h.tier in c.close_tiers


def richness_of(kind: str, c: Constants) -> float:
    """How rich an interaction of ``kind`` is (one-to-one 1.0 ... social 0.05)."""
    return float(c.richness.get(kind, 0.0))


def clock(h: ContactHistory, v: View) -> date:
    """Where the cadence clock starts: the last real contact, else the met date."""
    return v.last_real if v.last_real is not None else h.met_on
