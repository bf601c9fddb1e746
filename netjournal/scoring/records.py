"""What a score reads: plain records of one contact's history (no database, no clock).

WINDOW (what the database reader must supply)
---------------------------------------------
``ContactHistory.interactions`` need not hold every interaction. The reader guarantees
that it holds at least:

* every interaction dated on or after ``today - 730 days`` (24 months),
* the last 10 interactions ever (by date; when several share the date of the tenth
  from last, all interactions of that date), and
* when the last interaction is 1095 or more days before ``today``: every interaction
  dated on or after ``last_interaction - 730 days``.

``interaction_count``, ``first_interaction`` and ``last_interaction`` are exact totals
over all interactions. Under that guarantee every result of the scoring modules equals
the result on the full list, with one exception that no bounded window can settle: the
visibility rule asks for a non-social interaction *ever*. When interactions exist beyond
the list and every listed one is ``social``, the unlisted ones are assumed to include a
non-social one (the usual case: a meeting long ago, then only likes); a contact whose
11+ interactions were all ``social`` is then shown at visibility instead of contact.
When ``interaction_count`` is 0 and ``interactions`` is not empty, the list is taken as
the complete history (convenient in tests; see :func:`history_from_full`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from netjournal.scoring.constants import DEFAULTS, Constants


@dataclass(frozen=True, slots=True)
class Interaction:
    """Something that happened with the contact on a day, of a kind (``one-to-one``...)."""

    on: date
    kind: str


@dataclass(frozen=True, slots=True)
class Exchange:
    """A give (deposit) or an ask (withdrawal). ``amount`` is money in major units."""

    direction: Literal["give", "ask"]
    kind: str
    on: date
    size: int | None = None
    amount: Decimal | None = None
    status: Literal["granted", "open", "declined"] = "granted"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """Something learned about the contact, in a category (``family``, ``goals``...)."""

    category: str
    learned_on: date


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A reach-out reminder or a promise; open while ``done_on`` is None."""

    kind: Literal["reach-out", "promise"]
    due: date
    note: str = ""
    done_on: date | None = None
    created_on: date | None = None


@dataclass(frozen=True, slots=True)
class ContactHistory:
    """Everything scoring needs about one contact. See WINDOW in the module docstring."""

    name: str
    tier: str = "active"
    kin: bool = False
    cadence: int | None = None
    met_on: date = field(kw_only=True)
    birthday: str | None = None
    interactions: tuple[Interaction, ...] = ()
    interaction_count: int = 0
    first_interaction: date | None = None
    last_interaction: date | None = None
    exchanges: tuple[Exchange, ...] = ()
    facts: tuple[Fact, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    snoozed_until: date | None = None


# --- building histories ------------------------------------------------------------------------


def window_interactions(
    interactions: Iterable[Interaction], today: date, c: Constants = DEFAULTS
) -> tuple[Interaction, ...]:
    """The smallest list the WINDOW guarantee allows, oldest first (a reference for the
    database reader and for tests)."""
    ordered = sorted(interactions, key=lambda i: i.on)
    if not ordered:
        return ()
    keep = [False] * len(ordered)
    since = today - timedelta(days=c.evidence_days)
    tail = ordered[-c.richness_last :]
    boundary = tail[0].on
    last = ordered[-1].on
    dormant_from = (
        last - timedelta(days=c.evidence_days) if (today - last).days >= c.dormant_days else None
    )
    for index, item in enumerate(ordered):
        if (
            item.on >= since
            or item.on >= boundary
            or (dormant_from is not None and item.on >= dormant_from)
        ):
            keep[index] = True
    return tuple(item for item, kept in zip(ordered, keep, strict=True) if kept)


def history_from_full(
    name: str,
    *,
    interactions: Sequence[Interaction] = (),
    met_on: date | None = None,
    window_today: date | None = None,
    c: Constants = DEFAULTS,
    **others: Any,
) -> ContactHistory:
    """A :class:`ContactHistory` from a complete list of interactions.

    Sets the exact totals; ``met_on`` defaults to the first interaction. With
    ``window_today``, keeps only the interactions the WINDOW guarantee requires for that
    day, as the database reader may.
    """
    ordered = tuple(sorted(interactions, key=lambda i: i.on))
    first = ordered[0].on if ordered else None
    last = ordered[-1].on if ordered else None
    met = met_on or first
    if met is None:
        raise ValueError("met_on is needed when there are no interactions")
    listed = ordered if window_today is None else window_interactions(ordered, window_today, c)
    return ContactHistory(
        name,
        met_on=met,
        interactions=listed,
        interaction_count=len(ordered),
        first_interaction=first,
        last_interaction=last,
        **others,
    )
