"""Properties of the scoring model that must hold for any history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from netjournal.scoring.balance import balance, network_balance
from netjournal.scoring.constants import DEFAULTS
from netjournal.scoring.depth import depth
from netjournal.scoring.records import (
    ContactHistory,
    Exchange,
    Fact,
    FollowUp,
    Interaction,
    history_from_full,
)
from netjournal.scoring.stage import STAGES, stage
from netjournal.scoring.urgency import rank_due, urgency

TODAY = date(2026, 11, 27)
MODEST = settings(max_examples=100, deadline=None)

KINDS = [*DEFAULTS.richness, "unknown-kind"]
EXCHANGE_KINDS = [*DEFAULTS.points, "mystery"]
CATEGORIES = [
    "family",
    "goals",
    "accomplishments",
    "interests",
    "hobbies",
    "networks",
    "skills",
    "business",
    "seeking",
    "other",
]

days_ago = st.integers(min_value=-30, max_value=4500)
past_days = st.integers(min_value=0, max_value=4500)


def day(n: int) -> date:
    return TODAY - timedelta(days=n)


interactions = st.lists(
    st.builds(Interaction, st.builds(day, past_days), st.sampled_from(KINDS)), max_size=40
)


@st.composite
def exchanges(draw: st.DrawFn, direction: str | None = None) -> Exchange:
    way = direction or draw(st.sampled_from(["give", "ask"]))
    valued = draw(st.sampled_from(["none", "size", "amount"]))
    size = draw(st.integers(1, 5)) if valued == "size" else None
    amount = Decimal(draw(st.integers(0, 10**7))) / 100 if valued == "amount" else None
    status = "granted" if way == "give" else draw(st.sampled_from(["granted", "open", "declined"]))
    return Exchange(
        way,  # type: ignore[arg-type]
        draw(st.sampled_from(EXCHANGE_KINDS)),
        day(draw(days_ago)),
        size=size,
        amount=amount,
        status=status,  # type: ignore[arg-type]
    )


facts = st.builds(Fact, st.sampled_from(CATEGORIES), st.builds(day, days_ago))


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
        tier=draw(st.sampled_from(["inner", "close", "active", "network", "acquaintance"])),
        kin=draw(st.booleans()),
        cadence=draw(st.one_of(st.none(), st.integers(1, 400))),
        birthday=draw(st.sampled_from([None, "--11-28", "1980-02-29", "1975-06-01"])),
        exchanges=tuple(draw(st.lists(exchanges(), max_size=12))),
        facts=tuple(draw(st.lists(facts, max_size=10))),
        followups=tuple(draw(st.lists(followups(), max_size=4))),
        snoozed_until=draw(st.one_of(st.none(), st.builds(day, st.integers(-10, 10)))),
    )


@MODEST
@given(histories(), exchanges(direction="give"))
def test_a_give_never_lowers_the_balance(h: ContactHistory, e: Exchange) -> None:
    before = balance(h, TODAY).balance
    after = balance(replace(h, exchanges=(*h.exchanges, e)), TODAY).balance
    assert after >= before - 1e-9


@MODEST
@given(histories(), exchanges(direction="ask"))
def test_an_ask_never_raises_the_balance(h: ContactHistory, e: Exchange) -> None:
    before = balance(h, TODAY).balance
    after = balance(replace(h, exchanges=(*h.exchanges, e)), TODAY).balance
    assert after <= before + 1e-9


@MODEST
@given(histories(), facts)
def test_a_fact_never_lowers_depth(h: ContactHistory, f: Fact) -> None:
    before = depth(h, TODAY).depth
    after = depth(replace(h, facts=(*h.facts, f)), TODAY).depth
    assert after >= before - 1e-9


@MODEST
@given(histories(), st.sampled_from(KINDS))
def test_an_interaction_today_never_lowers_recency(h: ContactHistory, kind: str) -> None:
    full = [*h.interactions, Interaction(TODAY, kind)]
    h2 = history_from_full(h.name, interactions=full, met_on=h.met_on, kin=h.kin, tier=h.tier)
    before = depth(h, TODAY).component("recency").points
    after = depth(h2, TODAY).component("recency").points
    assert after >= before
    assert after == DEFAULTS.depth_weights["recency"]


@MODEST
@given(histories())
def test_depth_and_components_stay_in_range(h: ContactHistory) -> None:
    d = depth(h, TODAY)
    assert 0.0 <= d.depth <= 100.0 + 1e-9
    for part in d.components:
        assert 0.0 <= part.input <= 1.0
        assert 0.0 <= part.points <= part.weight + 1e-9
        assert abs(part.points - part.input * part.weight) < 1e-9
    assert abs(d.depth - sum(p.points for p in d.components)) < 1e-9


@MODEST
@given(histories())
def test_urgency_terms_and_stage_are_well_formed(h: ContactHistory) -> None:
    u = urgency(h, TODAY)
    for t in u.terms:
        assert 0.0 <= t.value <= 1.0
        assert abs(t.points - t.value * t.coefficient) < 1e-9
    assert abs(u.total - sum(t.points for t in u.terms)) < 1e-9
    if h.snoozed_until is not None and h.snoozed_until > TODAY:
        assert not u.listed
    s = stage(h, TODAY)
    assert s.name in (*STAGES, "dormant")
    if s.name == "dormant":
        assert s.was in STAGES
    b = balance(h, TODAY)
    if b.ratio is not None:
        assert -1.0 - 1e-9 <= b.ratio <= 1.0 + 1e-9


@MODEST
@given(histories("A"), histories("B"))
def test_scores_do_not_depend_on_other_contacts(a: ContactHistory, b: ContactHistory) -> None:
    alone = (balance(a, TODAY), depth(a, TODAY), stage(a, TODAY), urgency(a, TODAY))
    for other in (b,):
        balance(other, TODAY), depth(other, TODAY), urgency(other, TODAY)
    together = (balance(a, TODAY), depth(a, TODAY), stage(a, TODAY), urgency(a, TODAY))
    assert alone == together
    # the network total is the plain sum; ranking only reorders
    ba, bb = balance(a, TODAY), balance(b, TODAY)
    net = network_balance([ba, bb])
    assert abs(net.balance - (ba.balance + bb.balance)) < 1e-9
    ranked = rank_due([urgency(a, TODAY), urgency(b, TODAY)])
    for u in ranked:
        assert u == urgency(a if u.name == "A" else b, TODAY)


def _visibility_unknowable(full: ContactHistory, cut: ContactHistory, on: date) -> bool:
    """The documented limit: every listed interaction up to ``on`` is social, some are
    not listed, and the full history is all social."""
    listed = [i for i in cut.interactions if i.on <= on]
    every = [i for i in full.interactions if i.on <= on]
    return (
        len(every) > len(listed)
        and all(i.kind == "social" for i in listed)
        and all(i.kind == "social" for i in every)
    )


@settings(max_examples=150, deadline=None)
@given(histories())
def test_the_window_gives_the_same_results(h: ContactHistory) -> None:
    full = history_from_full(
        h.name,
        interactions=h.interactions,
        met_on=h.met_on,
        tier=h.tier,
        kin=h.kin,
        cadence=h.cadence,
        birthday=h.birthday,
        exchanges=h.exchanges,
        facts=h.facts,
        followups=h.followups,
    )
    cut = history_from_full(
        h.name,
        interactions=h.interactions,
        met_on=h.met_on,
        window_today=TODAY,
        tier=h.tier,
        kin=h.kin,
        cadence=h.cadence,
        birthday=h.birthday,
        exchanges=h.exchanges,
        facts=h.facts,
        followups=h.followups,
    )
    assert depth(cut, TODAY) == depth(full, TODAY)
    assert balance(cut, TODAY) == balance(full, TODAY)
    last = full.last_interaction
    if _visibility_unknowable(full, cut, TODAY) or (
        last is not None and _visibility_unknowable(full, cut, last)
    ):
        return
    assert stage(cut, TODAY) == stage(full, TODAY)
    assert urgency(cut, TODAY) == urgency(full, TODAY)


@MODEST
@given(histories(), st.integers(min_value=-400, max_value=400))
def test_evaluate_equals_the_separate_functions(h: ContactHistory, shift: int) -> None:
    """The shared-work path of whole-journal reports gives exactly the same scores."""
    from netjournal.scoring.balance import balance
    from netjournal.scoring.evaluate import evaluate
    from netjournal.scoring.stage import stage
    from netjournal.scoring.urgency import urgency

    today = TODAY + timedelta(days=shift)
    scores = evaluate(h, today)
    assert scores.balance == balance(h, today)
    assert scores.depth == depth(h, today)
    assert scores.stage == stage(h, today)
    assert scores.urgency == urgency(h, today)
