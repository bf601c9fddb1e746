"""Properties of the scoring model that must hold for any history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import KINDS, TODAY, exchanges, facts, histories, relationships

from netjournal.scoring.balance import balance, network_balance
from netjournal.scoring.constants import DEFAULTS
from netjournal.scoring.depth import depth
from netjournal.scoring.records import (
    ContactHistory,
    Exchange,
    Fact,
    Interaction,
    history_from_full,
    is_real,
)
from netjournal.scoring.stage import STAGES, stage
from netjournal.scoring.urgency import rank_due, urgency

MODEST = settings(max_examples=100, deadline=None)


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
    if is_real(kind):  # real contact today: full recency; a light touch adds its weight
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
    assert 0.0 <= u.total <= sum(DEFAULTS.coefficients.values()) + 1e-9
    if h.snoozed_until is not None and h.snoozed_until > TODAY:
        # a snooze hides all but a follow-up or promise due within the horizon
        assert u.listed == ("follow-up" in u.triggers)
        assert u.hidden == (not u.listed)
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


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(histories(), relationships()),
    st.integers(min_value=-60, max_value=400),
    st.sampled_from([(0, 0), (0, 1), (1, 0), (2, 2)]),
    st.booleans(),
)
def test_stage_name_equals_the_stage(
    h: ContactHistory, shift: int, rich: tuple[int, int], never_met: bool
) -> None:
    """``net review``'s stages as of the period's start skip the evidence of contacts
    never met: the same names as weighing it, whatever the constants."""
    from netjournal.scoring.constants import Constants
    from netjournal.scoring.stage import stage_name

    if never_met:  # exchanges, facts and kept promises, but no interaction
        h = replace(
            h,
            interactions=(),
            interaction_count=0,
            first_interaction=None,
            last_interaction=None,
            real_count=0,
            last_real=None,
            real_quarters=(),
        )
    c = Constants(rich_count=rich[0], rich_months=rich[1])
    today = TODAY + timedelta(days=shift)
    assert stage_name(h, today, c) == stage(h, today, c).name


def test_a_contact_never_met_can_be_credible_when_credibility_asks_for_no_meeting() -> None:
    """With ``rich_count`` and ``rich_months`` 0, services and knowledge alone make a
    contact never met credible (here profitable): ``stage_name`` must not call it a
    contact."""
    from netjournal.scoring.constants import Constants
    from netjournal.scoring.stage import stage_name

    ten_days_ago = TODAY - timedelta(days=10)
    referrals = tuple(
        Exchange(direction=d, kind="referral", on=ten_days_ago, size=1, status="granted")
        for d in ("give", "ask")
    )
    known = tuple(
        Fact(category=k, learned_on=ten_days_ago)
        for k in ("family", "goals", "interests", "skills", "business", "personal")
    )
    h = ContactHistory(
        name="N", met_on=TODAY - timedelta(days=100), exchanges=referrals, facts=known
    )
    assert stage_name(h, TODAY) == "contact"
    assert stage_name(h, TODAY, Constants(rich_count=0, rich_months=0)) == "profitability"
