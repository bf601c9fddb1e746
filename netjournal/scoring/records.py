"""What a score reads: plain records of one contact's history (no database, no clock).

Real contact
------------
An interaction is *real contact* when its kind's richness is at least ``rich_min`` (a
call or better: one-to-one, meal, video, meeting, event, call); the others (voice, note,
email, message, social) are *light touches*. Only real contact resets the cadence
clock, closes a reach-out, counts towards duration and credibility, and turns an
imported name into a relationship. Its *weight* is min(1, richness / rich_min): 1 for
real contact, less for a light touch (see :func:`weight`).

WINDOW (what the database reader must supply)
---------------------------------------------
``ContactHistory.interactions`` need not hold every interaction. The reader, given a
day ``today``, leaves out interactions dated after it and guarantees that the list holds
at least:

* every interaction dated on or after ``today - 730 days`` (24 months), and
* when the last interaction is 1095 or more days before ``today``: every interaction
  dated on or after ``last_interaction - 730 days``.

The totals ``interaction_count``, ``first_interaction``, ``last_interaction``,
``real_count``, ``last_real`` and ``real_quarters`` (the distinct calendar quarters with
real contact, as ``year * 4 + quarter - 1``) are exact over every interaction the
reader read. Under that guarantee every result of the scoring modules, as of ``today``
or as of the last interaction, equals the result on the full list, with one exception
that no bounded window can settle: the visibility rule asks for a non-social interaction
*ever*. When interactions exist beyond the list and every listed one is ``social``, the
unlisted ones are assumed to include a non-social one (the usual case: a meeting long
ago, then only likes). When ``interaction_count`` is 0 and ``interactions`` is not
empty, the list is taken as the complete history (convenient in tests; see
:func:`history_from_full`).
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

    kind: Literal["reach-out", "promise", "plan"]
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
    imported: bool = False  # brought in by an import (LinkedIn, vCard, CSV), not typed
    real_count: int = 0
    last_real: date | None = None
    real_quarters: tuple[int, ...] = ()


# --- real contact ------------------------------------------------------------------------------


#: (richness, weight, real contact) of each interaction kind, per Constants object
KindTable = dict[str, tuple[float, float, bool]]
UNKNOWN_KIND = (0.0, 0.0, False)  # an unknown kind has richness 0
_TABLES: dict[int, tuple[Constants, KindTable]] = {}


def kind_table(c: Constants = DEFAULTS) -> KindTable:
    """Richness, weight and real contact of every kind of ``c`` (remembered per object:
    the scores of thousands of contacts look them up for every interaction)."""
    entry = _TABLES.get(id(c))
    if entry is None or entry[0] is not c:
        if len(_TABLES) > 64:
            _TABLES.clear()
        table = {
            kind: (float(r), min(1.0, float(r) / c.rich_min), float(r) >= c.rich_min)
            for kind, r in c.richness.items()
        }
        entry = _TABLES[id(c)] = (c, table)
    return entry[1]


def weight(kind: str, c: Constants = DEFAULTS) -> float:
    """An interaction's weight: min(1, richness / rich_min); 1 for real contact."""
    return kind_table(c).get(kind, UNKNOWN_KIND)[1]


def is_real(kind: str, c: Constants = DEFAULTS) -> bool:
    """Real contact: richness at least ``rich_min`` (a call or better by default)."""
    return kind_table(c).get(kind, UNKNOWN_KIND)[2]


def real_kinds(c: Constants = DEFAULTS) -> frozenset[str]:
    """The interaction kinds that are real contact."""
    return frozenset(kind for kind, (_r, _w, real) in kind_table(c).items() if real)


def quarter(day: date) -> int:
    """A calendar quarter as one number: year * 4 + (quarter - 1)."""
    return day.year * 4 + (day.month - 1) // 3


# --- building histories ------------------------------------------------------------------------


def window_interactions(
    interactions: Iterable[Interaction], today: date, c: Constants = DEFAULTS
) -> tuple[Interaction, ...]:
    """The smallest list the WINDOW guarantee allows, oldest first (a reference for the
    database reader and for tests)."""
    ordered = [i for i in sorted(interactions, key=lambda i: i.on) if i.on <= today]
    if not ordered:
        return ()
    since = today - timedelta(days=c.evidence_days)
    last = ordered[-1].on
    if (today - last).days >= c.dormant_days:
        since = min(since, last - timedelta(days=c.evidence_days))
    return tuple(item for item in ordered if item.on >= since)


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
    ``window_today``, reads as the database reader does on that day: interactions dated
    after it are left out, and only those the WINDOW guarantee requires are listed.
    """
    ordered = tuple(sorted(interactions, key=lambda i: i.on))
    if window_today is not None:
        ordered = tuple(i for i in ordered if i.on <= window_today)
    first = ordered[0].on if ordered else None
    last = ordered[-1].on if ordered else None
    met = met_on or first
    if met is None:
        raise ValueError("met_on is needed when there are no interactions")
    real = [i for i in ordered if is_real(i.kind, c)]
    listed = ordered if window_today is None else window_interactions(ordered, window_today, c)
    return ContactHistory(
        name,
        met_on=met,
        interactions=listed,
        interaction_count=len(ordered),
        first_interaction=first,
        last_interaction=last,
        real_count=len(real),
        last_real=real[-1].on if real else None,
        real_quarters=tuple(sorted({quarter(i.on) for i in real})),
        **others,
    )
