"""The principles the scoring model keeps (DESIGN.md, "Scoring model"), one property each.

Each holds for any history hypothesis draws (``strategies``): random ten-year spans, and
dense recent relationships that reach credibility and profitability. They win over any
formula: docs/scoring.md says which formulas changed to keep them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import (
    HARVEST_KINDS,
    LIGHT_KINDS,
    RICH_KINDS,
    TODAY,
    anything,
    day,
    exchanges,
    facts,
    past_days,
)

from netjournal.scoring.asks import ask_warnings
from netjournal.scoring.balance import balance
from netjournal.scoring.constants import DEFAULTS
from netjournal.scoring.depth import depth
from netjournal.scoring.records import (
    ContactHistory,
    Exchange,
    FollowUp,
    Interaction,
    history_from_full,
)
from netjournal.scoring.stage import STAGES, Stage, stage
from netjournal.scoring.urgency import urgency

PROPERTY = settings(max_examples=200, deadline=None)
EPS = 1e-9


def rank(s: Stage) -> int:
    """How far along a stage is (a dormant contact: the stage it had)."""
    return STAGES.index(s.was if s.name == "dormant" and s.was else s.name)


def with_exchange(h: ContactHistory, e: Exchange) -> ContactHistory:
    return replace(h, exchanges=(*h.exchanges, e))


def with_interactions(h: ContactHistory, *extra: Interaction) -> ContactHistory:
    """The same contact with more interactions (the met date stays the same)."""
    return history_from_full(
        h.name,
        interactions=(*h.interactions, *extra),
        met_on=h.met_on,
        tier=h.tier,
        kin=h.kin,
        cadence=h.cadence,
        birthday=h.birthday,
        exchanges=h.exchanges,
        facts=h.facts,
        followups=h.followups,
        snoozed_until=h.snoozed_until,
        imported=h.imported,
    )


# --- balance, depth and stage: monotone in what was exchanged -------------------------------


@PROPERTY
@given(anything, exchanges(direction="give"))
def test_a_give_never_lowers_balance_depth_or_stage(h: ContactHistory, e: Exchange) -> None:
    after = with_exchange(h, e)
    assert balance(after, TODAY).balance >= balance(h, TODAY).balance - EPS
    assert depth(after, TODAY).depth >= depth(h, TODAY).depth - EPS
    assert rank(stage(after, TODAY)) >= rank(stage(h, TODAY))


@PROPERTY
@given(anything, exchanges(direction="ask", status=None), st.sampled_from(["open", "declined"]))
def test_a_declined_or_open_ask_never_adds_depth_or_stage(
    h: ContactHistory, e: Exchange, status: str
) -> None:
    after = with_exchange(h, replace(e, status=status))  # type: ignore[arg-type]
    assert depth(after, TODAY).depth <= depth(h, TODAY).depth + EPS
    assert rank(stage(after, TODAY)) <= rank(stage(h, TODAY))


@PROPERTY
@given(anything, exchanges(direction="ask", status="granted", kinds=HARVEST_KINDS))
def test_more_granted_business_never_moves_a_stage_back(h: ContactHistory, e: Exchange) -> None:
    assert rank(stage(with_exchange(h, e), TODAY)) >= rank(stage(h, TODAY))


# --- depth: monotone in what you know and how you met ----------------------------------------


@PROPERTY
@given(anything, facts)
def test_a_fact_never_lowers_depth(h: ContactHistory, f: object) -> None:
    after = replace(h, facts=(*h.facts, f))  # type: ignore[arg-type]
    assert depth(after, TODAY).depth >= depth(h, TODAY).depth - EPS


@PROPERTY
@given(anything, st.sampled_from(RICH_KINDS), st.integers(-30, 4500))
def test_a_rich_interaction_never_lowers_depth(h: ContactHistory, kind: str, ago: int) -> None:
    after = with_interactions(h, Interaction(day(ago), kind))
    assert depth(after, TODAY).depth >= depth(h, TODAY).depth - EPS


@PROPERTY
@given(anything, st.lists(st.tuples(st.sampled_from(LIGHT_KINDS), past_days), min_size=1))
def test_light_touches_never_lower_depth(h: ContactHistory, touches: list[tuple[str, int]]) -> None:
    after = with_interactions(h, *(Interaction(day(ago), kind) for kind, ago in touches))
    assert depth(after, TODAY).depth >= depth(h, TODAY).depth - EPS


@PROPERTY
@given(anything, st.sampled_from(LIGHT_KINDS), past_days)
def test_light_touches_never_reset_the_cadence(h: ContactHistory, kind: str, ago: int) -> None:
    before = urgency(h, TODAY)
    after = urgency(with_interactions(h, Interaction(day(ago), kind)), TODAY)
    assert (after.cadence, after.rho) == (before.cadence, before.rho)
    assert after.terms[1].points == before.terms[1].points  # the cadence term


@PROPERTY
@given(
    anything,
    st.lists(st.tuples(st.sampled_from([*RICH_KINDS, *LIGHT_KINDS]), st.integers(366, 4500))),
)
def test_a_longer_sustained_history_is_never_shallower(
    h: ContactHistory, older: list[tuple[str, int]]
) -> None:
    """The same last year, more (older) history before it: never less deep."""
    extra = [Interaction(day(ago), kind) for kind, ago in older]
    longer = with_interactions(h, *extra)
    longer = replace(longer, met_on=min([h.met_on, *(i.on for i in extra)]))
    assert depth(longer, TODAY).depth >= depth(h, TODAY).depth - EPS


# --- urgency: follow-ups, imports, snoozes -----------------------------------------------------


@PROPERTY
@given(
    anything,
    st.sampled_from(["reach-out", "promise"]),
    st.integers(-60, 400),
    st.integers(0, 400),
)
def test_a_follow_up_further_ahead_is_never_more_urgent(
    h: ContactHistory, kind: str, ahead: int, later: int
) -> None:
    near = FollowUp(kind, TODAY + timedelta(days=ahead))  # type: ignore[arg-type]
    far = replace(near, due=near.due + timedelta(days=later))
    u_near = urgency(replace(h, followups=(*h.followups, near)), TODAY)
    u_far = urgency(replace(h, followups=(*h.followups, far)), TODAY)
    assert u_far.total <= u_near.total + EPS
    assert u_near.listed or not u_far.listed


@PROPERTY
@given(anything, st.sampled_from(["reach-out", "promise"]), st.integers(15, 2000))
def test_a_follow_up_beyond_the_ramp_adds_nothing(h: ContactHistory, kind: str, ahead: int) -> None:
    far = FollowUp(kind, TODAY + timedelta(days=ahead))  # type: ignore[arg-type]
    before = urgency(h, TODAY)
    after = urgency(replace(h, followups=(*h.followups, far)), TODAY)
    assert after.total == before.total
    assert (after.listed, after.reasons) == (before.listed, before.reasons)


@PROPERTY
@given(anything)
def test_imported_only_contacts_are_never_listed_for_that_alone(h: ContactHistory) -> None:
    """Brought in by an import and never met (light touches at most), nothing dated open:
    no cadence, no new tie, never listed by ``net due``."""
    light = [i for i in h.interactions if DEFAULTS.richness.get(i.kind, 0.0) < DEFAULTS.rich_min]
    only = with_interactions(replace(h, interactions=(), followups=()), *light)
    only = replace(only, imported=True)
    u = urgency(only, TODAY)
    assert u.cadence is None
    assert next(t for t in u.terms if t.name == "new_tie").points == 0
    assert not u.listed and not u.triggers


@PROPERTY
@given(
    anything,
    st.sampled_from(["reach-out", "promise"]),
    st.integers(0, 60),
    st.integers(1, 60),
)
def test_a_snooze_never_hides_an_overdue_promise(
    h: ContactHistory, kind: str, overdue: int, snoozed: int
) -> None:
    item = FollowUp(kind, TODAY - timedelta(days=overdue), note="send the deck")  # type: ignore[arg-type]
    h2 = replace(h, followups=(*h.followups, item), snoozed_until=TODAY + timedelta(days=snoozed))
    u = urgency(h2, TODAY)
    assert u.listed
    assert any("overdue" in r or "due today" in r for r in u.reasons)


# --- one figure, computed once ------------------------------------------------------------------


@PROPERTY
@given(anything, exchanges(direction="ask", ages=st.integers(0, 800)))
def test_the_ask_warning_shows_the_balance_the_ask_leaves(h: ContactHistory, e: Exchange) -> None:
    h = replace(h, tier="active", kin=False)  # close ties get no warnings
    warnings = ask_warnings(h, TODAY, e.kind, e.size, e.amount, status=e.status, on=e.on)
    left = balance(with_exchange(h, e), TODAY).balance
    shown = [w for w in warnings if "deposit before you withdraw" in w]
    assert bool(shown) == (left < 0)
    if shown:
        after = re.search(r"to ([+-][0-9.]+)", shown[0])
        assert after is not None and float(after.group(1)) == round(left, 2)
