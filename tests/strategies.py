"""Hypothesis strategies for the scoring properties: random histories of one contact.

``histories()`` draws anything at all (ten-year spans, every kind, future records);
``relationships()`` draws the dense, recent histories that reach credibility and
profitability, so that properties about stages see those stages often.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from netjournal.scoring.constants import DEFAULTS
from netjournal.scoring.records import (
    ContactHistory,
    Exchange,
    Fact,
    FollowUp,
    Interaction,
    history_from_full,
)

TODAY = date(2026, 11, 27)

KINDS = [*DEFAULTS.richness, "unknown-kind"]
RICH_KINDS = [k for k, r in DEFAULTS.richness.items() if r >= DEFAULTS.rich_min]
LIGHT_KINDS = [k for k in KINDS if DEFAULTS.richness.get(k, 0.0) < DEFAULTS.rich_min]
EXCHANGE_KINDS = [*DEFAULTS.points, "mystery"]
HARVEST_KINDS = list(DEFAULTS.harvest_kinds)
DEPTH_CATEGORIES = ["family", "goals", "accomplishments", "interests", "hobbies", "networks"]
CATEGORIES = [*DEPTH_CATEGORIES, "skills", "business", "seeking", "other"]
TIERS = ["inner", "close", "active", "network", "acquaintance"]

days_ago = st.integers(min_value=-30, max_value=4500)
past_days = st.integers(min_value=0, max_value=4500)
recent_days = st.integers(min_value=0, max_value=700)


def day(n: int) -> date:
    return TODAY - timedelta(days=n)


interactions = st.lists(
    st.builds(Interaction, st.builds(day, past_days), st.sampled_from(KINDS)), max_size=40
)
recent_interactions = st.lists(
    st.builds(Interaction, st.builds(day, recent_days), st.sampled_from(RICH_KINDS + KINDS)),
    min_size=1,
    max_size=30,
)


@st.composite
def exchanges(
    draw: st.DrawFn,
    direction: str | None = None,
    status: str | None = None,
    kinds: list[str] | None = None,
    ages: st.SearchStrategy[int] = days_ago,
) -> Exchange:
    way = direction or draw(st.sampled_from(["give", "ask"]))
    valued = draw(st.sampled_from(["none", "size", "amount"]))
    size = draw(st.integers(1, 5)) if valued == "size" else None
    amount = Decimal(draw(st.integers(0, 10**7))) / 100 if valued == "amount" else None
    if way == "give":
        state = "granted"
    else:
        state = status or draw(st.sampled_from(["granted", "open", "declined"]))
    return Exchange(
        way,  # type: ignore[arg-type]
        draw(st.sampled_from(kinds or EXCHANGE_KINDS)),
        day(draw(ages)),
        size=size,
        amount=amount,
        status=state,  # type: ignore[arg-type]
    )


facts = st.builds(Fact, st.sampled_from(CATEGORIES), st.builds(day, days_ago))
recent_facts = st.builds(Fact, st.sampled_from(CATEGORIES), st.builds(day, recent_days))


@st.composite
def followups(draw: st.DrawFn) -> FollowUp:
    due = day(draw(st.integers(-60, 1500)))
    done = draw(st.one_of(st.none(), st.integers(-10, 40)))
    return FollowUp(
        draw(st.sampled_from(["reach-out", "promise"])),  # type: ignore[arg-type]
        due,
        note=draw(st.sampled_from(["", "send the deck"])),
        done_on=None if done is None else due + timedelta(days=done),
    )


@st.composite
def histories(draw: st.DrawFn, name: str = "P") -> ContactHistory:
    items = draw(interactions)
    first = min((i.on for i in items), default=None)
    met = draw(st.one_of(st.none(), st.builds(day, past_days)))
    met_on = met or first or day(draw(past_days))
    return history_from_full(
        name,
        interactions=items,
        met_on=met_on,
        tier=draw(st.sampled_from(TIERS)),
        kin=draw(st.booleans()),
        cadence=draw(st.one_of(st.none(), st.integers(1, 400))),
        birthday=draw(st.sampled_from([None, "--11-28", "1980-02-29", "1975-06-01"])),
        exchanges=tuple(draw(st.lists(exchanges(), max_size=12))),
        facts=tuple(draw(st.lists(facts, max_size=10))),
        followups=tuple(draw(st.lists(followups(), max_size=4))),
        snoozed_until=draw(st.one_of(st.none(), st.builds(day, st.integers(-10, 10)))),
        imported=draw(st.booleans()),
    )


@st.composite
def relationships(draw: st.DrawFn, name: str = "R") -> ContactHistory:
    """Recent, dense histories: rich meetings, profile facts, referrals both ways."""
    items = draw(recent_interactions)
    exchange_list = draw(
        st.lists(
            exchanges(kinds=HARVEST_KINDS + EXCHANGE_KINDS, ages=recent_days),
            min_size=1,
            max_size=12,
        )
    )
    return history_from_full(
        name,
        interactions=items,
        met_on=min(i.on for i in items),
        tier=draw(st.sampled_from(TIERS)),
        kin=draw(st.booleans()),
        exchanges=tuple(exchange_list),
        facts=tuple(draw(st.lists(recent_facts, max_size=8))),
        followups=tuple(draw(st.lists(followups(), max_size=3))),
        imported=draw(st.booleans()),
    )


anything = st.one_of(histories(), relationships())
