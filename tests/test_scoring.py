"""Scoring: worked examples computed by hand, one test per stage rule, urgency order.

Every expected number is written out with its arithmetic, so a change in the model shows
up as a failing sum rather than a mystery.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from netjournal import messages
from netjournal.errors import BadValue
from netjournal.scoring.asks import ask_hint, ask_warnings
from netjournal.scoring.balance import balance, exchange_amount, network_balance
from netjournal.scoring.cadence import cadence
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.depth import depth
from netjournal.scoring.records import (
    ContactHistory,
    Exchange,
    Fact,
    FollowUp,
    Interaction,
    history_from_full,
    window_interactions,
)
from netjournal.scoring.stage import stage
from netjournal.scoring.terms import due_ramp
from netjournal.scoring.urgency import rank_due, urgency

TODAY = date(2026, 11, 27)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def give(kind: str, days: int, **kw: object) -> Exchange:
    return Exchange("give", kind, ago(days), **kw)  # type: ignore[arg-type]


def ask(kind: str, days: int, **kw: object) -> Exchange:
    return Exchange("ask", kind, ago(days), **kw)  # type: ignore[arg-type]


def meets(*spec: tuple[int, str]) -> list[Interaction]:
    return [Interaction(ago(days), kind) for days, kind in spec]


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-3)


def term(u: object, name: str) -> float:
    return next(t.points for t in u.terms if t.name == name)  # type: ignore[attr-defined]


# --- balance: worked examples -----------------------------------------------------------


def test_giver() -> None:
    h = history_from_full(
        "Ana",
        met_on=ago(800),
        exchanges=(
            give("introduction", 365),  # 3 × 1 × 0.5^(365/365) = 1.5
            give("referral", 0, size=5),  # 5 × 5/3 × 1 = 8.3333
            give("advice", 0),  # 2 × 1 × 1 = 2
            ask("favor", 730),  # 1 × 1 × 0.5^2 = 0.25
        ),
    )
    b = balance(h, TODAY)
    assert (b.gives, b.asks) == (3, 1)
    assert b.given == approx(1.5 + 25 / 3 + 2)  # 11.8333
    assert b.taken == approx(0.25)
    assert b.balance == approx(11.5833)  # 11.8333 - 0.25
    assert b.headroom == b.balance
    assert b.ratio == approx(11.5833 / 12.0833)  # (G-T)/(G+T) = 0.9586
    assert b.label == "in credit"
    assert b.lifetime_given == approx(3 + 25 / 3 + 2)  # 13.3333, no decay
    assert b.lifetime_taken == approx(1.0)
    assert [line.date for line in b.lines] == sorted(line.date for line in b.lines)
    intro = b.lines[1]
    assert (intro.kind, intro.points, intro.size_mult, intro.decay) == ("introduction", 3, 1, 0.5)
    assert intro.amount == approx(1.5)
    assert not b.close_tie


def test_overdrawn_with_open_ask() -> None:
    h = history_from_full(
        "Bob",
        met_on=ago(400),
        interactions=meets((10, "one-to-one")),
        exchanges=(
            give("resource", 365),  # 1 × 1 × 0.5 = 0.5
            ask("introduction", 0),  # 3 × 1 × 1 = 3
            ask("referral", 0, status="open"),  # 5 × 1 × 1 × 0.5 = 2.5
        ),
    )
    b = balance(h, TODAY)
    assert b.given == approx(0.5)
    assert b.taken == approx(5.5)  # 3 + 2.5
    assert b.balance == approx(-5.0)
    assert b.ratio == approx(-5 / 6)  # -5 / (0.5 + 5.5) = -0.8333
    assert b.label == "overdrawn"
    assert b.lifetime_taken == approx(5.5)  # the open ask books half, decayed or not
    pending = b.lines[-1]
    assert (pending.status, pending.status_factor) == ("open", 0.5)
    # urgency: give back = min(1, -R) × 2 = 0.8333 × 2 = 1.6667
    u = urgency(h, TODAY)
    assert term(u, "give_back") == approx(5 / 3)
    assert "overdrawn: give first" in u.reasons


def test_money_valued_referral() -> None:
    # a received referral that became paid work: business, 2500
    e = ask("business", 0, amount=Decimal("2500"))
    line = exchange_amount(e, TODAY)
    assert line.size_mult == approx(1 + math.log10(26))  # 1 + log10(1 + 2500/100) = 2.41497
    assert line.amount == approx(5 * 2.41497)  # 12.0749
    assert line.money == Decimal("2500")
    # a huge deal is capped at ×4: 1 + log10(1 + 10^7/100) = 6.0 → 4
    big = exchange_amount(give("business", 0, amount=Decimal("10000000")), TODAY)
    assert big.size_mult == 4.0
    # a year later the same line is worth half: 12.0749 × 0.5 = 6.0374
    later = exchange_amount(e, TODAY + timedelta(days=365))
    assert later.amount == approx(6.0374)


def test_size_multiplier_and_unknown_kind() -> None:
    assert exchange_amount(give("favor", 0, size=1), TODAY).size_mult == approx(1 / 3)
    assert exchange_amount(give("favor", 0, size=3), TODAY).size_mult == 1.0
    assert exchange_amount(give("favor", 0, size=9), TODAY).size_mult == approx(5 / 3)  # clamped
    assert exchange_amount(give("congrats", 0), TODAY).amount == 0.5
    assert exchange_amount(give("mystery", 0), TODAY).points == 1.0  # scores like "other"


def test_no_exchanges_and_tiny_volume() -> None:
    h = ContactHistory("Nil", met_on=ago(5))
    b = balance(h, TODAY)
    assert (b.ratio, b.label, b.balance) == (None, "no exchanges yet", 0.0)
    # one congrats 2 years ago: 0.5 × 0.25 = 0.125 < 0.5 → no ratio
    b = balance(replace(h, exchanges=(give("congrats", 730),)), TODAY)
    assert b.ratio is None
    assert b.label == "no exchanges yet"


def test_balanced_label_and_network_total() -> None:
    h1 = ContactHistory("A", met_on=ago(5), exchanges=(give("advice", 0), ask("advice", 0)))
    h2 = ContactHistory("B", met_on=ago(5), exchanges=(give("referral", 0),))
    b1, b2 = balance(h1, TODAY), balance(h2, TODAY)
    assert (b1.ratio, b1.label) == (0.0, "balanced")
    net = network_balance([b1, b2])
    assert (net.given, net.taken, net.balance) == (7.0, 2.0, 5.0)  # (2+5, 2, 7-2)


def test_future_exchange_is_ignored() -> None:
    h = ContactHistory("F", met_on=ago(5), exchanges=(give("referral", -3),))
    assert balance(h, TODAY).gives == 0


# --- kin -----------------------------------------------------------------------------------


def test_kin_contact() -> None:
    h = history_from_full(
        "Mamma",
        tier="close",
        kin=True,
        met_on=ago(365 * 30),
        interactions=meets((90, "call")),
        exchanges=(ask("favor", 0), ask("advice", 0)),  # T = 3, G = 0 → overdrawn
    )
    # cadence 30 × 1.5 = 45
    assert cadence(h, TODAY) == 45
    # recency with the kin half-life 270: 0.5^(90/270) = 0.7937
    assert depth(h, TODAY).component("recency").input == approx(0.7937)
    b = balance(h, TODAY)
    assert b.label == "overdrawn"
    assert b.close_tie
    assert ask_warnings(h, TODAY, "referral") == ()  # close ties don't keep score
    u = urgency(h, TODAY)
    assert term(u, "give_back") == 0.0
    # ρ = 90/45 = 2 → cadence 1.0 × 10; tier close 0.65 × 6 = 3.9
    assert term(u, "cadence") == approx(10.0)
    assert term(u, "tier") == approx(3.9)


def test_cadence_rules() -> None:
    base = ContactHistory(
        "C",
        met_on=ago(400),
        interaction_count=5,
        last_interaction=ago(1),
        real_count=5,
        last_real=ago(1),
    )
    assert cadence(base, TODAY) == 90  # active
    assert cadence(replace(base, tier="inner"), TODAY) == 7
    assert cadence(replace(base, tier="inner", kin=True), TODAY) == 11  # 10.5 rounds half up
    assert cadence(replace(base, tier="network", kin=True), TODAY) == 548  # 547.5
    assert cadence(replace(base, tier="acquaintance"), TODAY) is None
    assert cadence(replace(base, tier="acquaintance", cadence=60), TODAY) == 60
    assert cadence(replace(base, kin=True, cadence=60), TODAY) == 60  # override wins outright
    # new contact: fewer than 3 real interactions, met under 90 days ago → min(C, 14)
    new = replace(base, met_on=ago(89), interaction_count=2, real_count=2)
    assert cadence(new, TODAY) == 14
    assert cadence(replace(new, met_on=ago(90)), TODAY) == 90
    assert cadence(replace(new, interaction_count=3, real_count=3), TODAY) == 90
    assert cadence(replace(new, interaction_count=9), TODAY) == 14  # 7 light touches: new
    assert cadence(replace(new, tier="inner"), TODAY) == 7
    assert cadence(replace(new, tier="acquaintance"), TODAY) is None
    # imported and never met (for real): no cadence, whatever the tier or override
    never = replace(base, imported=True, real_count=0, last_real=None)
    assert cadence(never, TODAY) is None
    assert cadence(replace(never, tier="inner", cadence=7), TODAY) is None
    assert cadence(replace(never, real_count=1, last_real=ago(1)), TODAY) == 90


# --- depth ------------------------------------------------------------------------------------


def test_depth_worked_example() -> None:
    h = history_from_full(
        "Dora",
        met_on=ago(730),
        interactions=meets((10, "meal"), (40, "call"), (100, "email"), (500, "social")),
        facts=(
            Fact("family", ago(30)),
            Fact("hobbies", ago(800)),  # stale: counts half
            Fact("skills", ago(5)),
            Fact("business", ago(5)),  # not a depth category
        ),
        exchanges=(give("referral", 0), ask("advice", 0)),
    )
    d = depth(h, TODAY)
    parts = {p.name: p for p in d.components}
    assert [p.name for p in d.components] == [
        "knowledge",
        "frequency",
        "recency",
        "richness",
        "reciprocity",
        "duration",
    ]
    # knowledge: family 2 + interests/hobbies 2 × 0.5 + skills 1 = 4 of 9 = 0.4444 → 13.333
    assert parts["knowledge"].input == approx(4 / 9)
    assert parts["knowledge"].points == approx(13.333)
    # frequency: weights within 365 days: meal 1 + call 1 + email 0.3/0.6 = 2.5 (the social
    # is 500 days old): log2(3.5)/log2(53) = 1.8074/5.7279 = 0.3155 → 4.733
    assert parts["frequency"].input == approx(math.log2(3.5) / math.log2(53))
    # recency: the best weight × 0.5^(days/90) is the meal's: 0.5^(10/90) = 0.9259 → 13.889
    assert parts["recency"].input == approx(0.9259)
    # richness: the richest 3 of 24 months: (1.0 + 0.6 + 0.3)/3 = 0.6333 → 9.5
    assert parts["richness"].input == approx(1.9 / 3)
    # reciprocity: G = 5, granted R = 2: volume 7/13, two-way 2·min = 4: 4/10
    # → 0.5 × 0.5385 + 0.5 × 0.4 = 0.4692 → 7.038
    assert parts["reciprocity"].input == approx(0.5 * 7 / 13 + 0.5 * 4 / 10)
    # duration: real contact in 1 quarter (meal and call both in 2026 Q4; the email and the
    # social are light): log2(2)/log2(41) = 0.1867 → 1.867
    assert parts["duration"].input == approx(1 / math.log2(41))
    for p in d.components:
        assert p.points == approx(p.input * p.weight)
    assert d.depth == approx(sum(p.points for p in d.components))
    assert d.depth == approx(13.333 + 4.733 + 13.889 + 9.5 + 7.0385 + 1.8665)  # 50.36
    assert d.band == "developing"
    # next move: goals is worth 2/9 × 30 = 6.67, then accomplishments and networks 3.33 each
    assert d.missing == ("goals", "accomplishments", "networks")
    assert [(g.category, round(g.points, 2)) for g in d.gaps] == [
        ("goals", 6.67),
        ("accomplishments", 3.33),
        ("networks", 3.33),
    ]


def test_depth_empty_contact() -> None:
    d = depth(ContactHistory("New", met_on=TODAY), TODAY)
    assert d.depth == 0.0
    assert d.band == "surface"
    assert len(d.missing) == 6


def test_richness_is_the_best_three_of_24_months() -> None:
    # 5 one-to-ones, then 10 emails: richness stays the one-to-ones' 1.0 (it was the mean of
    # the last ten, 0.3: ten emails made the relationship look shallower than before them)
    spec = [(300 + i, "one-to-one") for i in range(5)] + [(i * 10, "email") for i in range(10)]
    h = history_from_full("R", interactions=meets(*spec))
    assert depth(h, TODAY).component("richness").input == approx(1.0)
    # eight coffees, then five likes: deeper (recency, frequency), never shallower
    coffees = history_from_full("C", interactions=meets(*[(40 + 7 * i, "meal") for i in range(8)]))
    likes = history_from_full(
        "C", interactions=[*coffees.interactions, *meets(*[(i, "social") for i in range(5)])]
    )
    assert depth(likes, TODAY).depth >= depth(coffees, TODAY).depth
    # one coffee: a third; older than 24 months: nothing
    assert depth(history_from_full("O", interactions=meets((100, "meal"))), TODAY).component(
        "richness"
    ).input == approx(1 / 3)
    old = history_from_full("O", interactions=meets((731, "meal")))
    assert depth(old, TODAY).component("richness").input == 0.0


def test_sustained_history_is_deeper_than_the_calendar() -> None:
    # thirty meetings over five years against one five years ago plus six this year: the
    # same last year, but twenty quarters of real contact against five (it scored the same)
    recent = [(30 + 55 * i, "one-to-one") for i in range(6)]
    thirty = history_from_full(
        "T", interactions=meets(*recent, *[(400 + 60 * i, "one-to-one") for i in range(24)])
    )
    seven = history_from_full("S", interactions=meets(*recent, (1800, "one-to-one")))
    assert depth(thirty, TODAY).depth > depth(seven, TODAY).depth
    assert depth(thirty, TODAY).component("frequency") == depth(seven, TODAY).component("frequency")
    # one coffee ten years ago is never deeper than one coffee two years ago (duration
    # counted the years since met: the older coffee scored deeper)
    ten = history_from_full("X", interactions=meets((3650, "meal")))
    two = history_from_full("Y", interactions=meets((700, "meal")))
    assert depth(two, TODAY).depth > depth(ten, TODAY).depth


# --- stage: one test per rule -------------------------------------------------------------


def credible(**kw: object) -> ContactHistory:
    """Credibility: a service, 2 rich interactions in 2 months, knowledge 4/9 ≥ 0.3."""
    fields: dict[str, object] = {
        "interactions": meets((10, "one-to-one"), (45, "video")),
        "exchanges": (give("advice", 20),),
        "facts": (Fact("family", ago(10)), Fact("goals", ago(10))),
    }
    fields.update(kw)
    return history_from_full("Cred", **fields)  # type: ignore[arg-type]


def test_stage_contact() -> None:
    assert stage(ContactHistory("X", met_on=ago(3)), TODAY).name == "contact"
    social = history_from_full("S", interactions=meets((3, "social"), (9, "social")))
    assert stage(social, TODAY).name == "contact"


def test_stage_visibility() -> None:
    h = history_from_full("V", interactions=meets((3, "email")))
    st = stage(h, TODAY)
    assert (st.name, st.was, st.lapsed) == ("visibility", None, False)


def test_stage_credibility() -> None:
    assert stage(credible(), TODAY).name == "credibility"


def test_stage_credibility_needs_each_part() -> None:
    # no service
    assert stage(credible(exchanges=()), TODAY).name == "visibility"
    # rich interactions in one month only
    same_month = meets((1, "one-to-one"), (2, "meal"))
    assert stage(credible(interactions=same_month), TODAY).name == "visibility"
    # knowledge 2/9 = 0.22 < 0.3
    assert stage(credible(facts=(Fact("family", ago(1)),)), TODAY).name == "visibility"
    # a service older than 24 months doesn't count
    assert stage(credible(exchanges=(give("advice", 731),)), TODAY).name == "visibility"
    # an open ask is not a service done
    assert stage(credible(exchanges=(ask("advice", 5, status="open"),)), TODAY).name == (
        "visibility"
    )
    assert stage(credible(exchanges=(ask("advice", 5),)), TODAY).name == "credibility"


def test_stage_credibility_from_kept_promise() -> None:
    kept = FollowUp("promise", due=ago(5), note="deck", done_on=ago(6))
    late = FollowUp("promise", due=ago(5), note="deck", done_on=ago(4))
    assert stage(credible(exchanges=(), followups=(kept,)), TODAY).name == "credibility"
    assert stage(credible(exchanges=(), followups=(late,)), TODAY).name == "visibility"


def test_stage_profitability() -> None:
    two_way = (give("referral", 20), ask("introduction", 30))  # G 4.83, T 2.83: R = +0.26
    st = stage(credible(exchanges=two_way), TODAY)
    assert st.name == "profitability"
    # received but never given → credibility
    assert stage(credible(exchanges=(ask("referral", 20),)), TODAY).name == "credibility"
    # R ≤ −0.33 (given an introduction, received a referral and business) is still
    # profitability: more granted business never moves a partner back (it was credibility)
    lopsided = (give("introduction", 20), ask("referral", 20), ask("business", 20))
    assert stage(credible(exchanges=lopsided), TODAY).name == "profitability"
    # an open ask of a referral is not received
    pending = (give("referral", 20), ask("referral", 20, status="open"))
    assert stage(credible(exchanges=pending), TODAY).name == "credibility"
    # profitability still needs credibility
    assert stage(credible(exchanges=two_way, facts=()), TODAY).name == "visibility"


def test_stage_credibility_from_a_track_record() -> None:
    # six one-to-ones and three closed referrals each way, no personal fact: credibility by
    # delivering (it stayed at visibility: knowledge 0 < 0.3), and so profitability
    partner = history_from_full(
        "Pat",
        interactions=meets(*[(10 + 40 * i, "one-to-one") for i in range(6)]),
        exchanges=(
            *(give("referral", 15 + 60 * i) for i in range(3)),
            *(ask("business", 20 + 60 * i, amount=Decimal(800)) for i in range(3)),
        ),
        facts=(Fact("business", ago(10)), Fact("seeking", ago(10))),
    )
    st = stage(partner, TODAY)
    assert st.name == "profitability"
    assert stage(replace(partner, exchanges=partner.exchanges[:3]), TODAY).name == "visibility"
    # two services each way, but all in one month: no track record yet
    one_month = (give("advice", 1), give("favor", 2), ask("advice", 3), ask("favor", 4))
    assert stage(replace(partner, exchanges=one_month), TODAY).name == "visibility"
    spread = (give("advice", 1), give("favor", 40), ask("advice", 3), ask("favor", 44))
    assert stage(replace(partner, exchanges=spread), TODAY).name == "credibility"


def test_stage_verdict_says_what_the_next_stage_needs() -> None:
    once = history_from_full(
        "Vic", interactions=meets((3, "one-to-one")), exchanges=(give("advice", 3),)
    )
    st = stage(once, TODAY)
    assert st.name == "visibility"
    assert st.needs == (
        "1 more rich meeting (a call or better) in another month",
        "knowledge 0.30 (now 0.00: learn their family, goals or interests), or 2 services each way",
    )
    assert st.verdict == "visibility; credibility needs: " + "; ".join(st.needs)
    assert stage(credible(), TODAY).needs == (
        "a referral, introduction, job-lead or business received from them",
        "a referral, introduction, job-lead or business passed to them",
    )
    top = stage(credible(exchanges=(give("referral", 20), ask("introduction", 30))), TODAY)
    assert (top.name, top.needs) == ("profitability", ())
    assert top.verdict == "profitability: referrals both ways, the last stage"
    assert stage(ContactHistory("New", met_on=ago(1)), TODAY).needs == (
        "an interaction other than social (a meeting, a call, an email)",
    )
    assert stage(former_close_contact(), TODAY).verdict == (
        "dormant, was credibility: meet again to revive it"
    )


def test_stage_lapse() -> None:
    # credibility evidence 400 and 440 days ago; active: limit max(365, 3 × 90) = 365
    h = credible(
        interactions=meets((400, "one-to-one"), (440, "meal")),
        exchanges=(give("advice", 420),),
        facts=(Fact("family", ago(400)), Fact("goals", ago(400))),
    )
    st = stage(h, TODAY)
    assert (st.name, st.was, st.lapsed) == ("visibility", "credibility", True)
    # network tier: limit max(365, 3 × 365) = 1095 → no lapse
    assert stage(replace(h, tier="network"), TODAY).name == "credibility"
    # exactly 365 days is not "more than" 365
    h365 = history_from_full("E", interactions=meets((365, "call")))
    assert stage(h365, TODAY).name == "visibility"
    h366 = history_from_full("E", interactions=meets((366, "call")))
    st = stage(h366, TODAY)
    assert (st.name, st.was, st.lapsed) == ("contact", "visibility", True)


def former_close_contact() -> ContactHistory:
    """Carl: close tier, silent 1200 days; on the last day he was at credibility."""
    last = 1200
    return history_from_full(
        "Carl",
        tier="close",
        interactions=meets((last + 40, "meal"), (last, "one-to-one")),
        exchanges=(give("advice", last + 10),),
        facts=(Fact("family", ago(last + 100)), Fact("goals", ago(last + 100))),
    )


def test_stage_dormant_shows_was() -> None:
    st = stage(former_close_contact(), TODAY)
    assert (st.name, st.was, st.lapsed) == ("dormant", "credibility", False)
    assert st.evidence[0].startswith("dormant: last interaction 1200 days ago")
    # 1094 days is not dormant yet (but lapsed)
    h = history_from_full("Y", interactions=meets((1094, "call")))
    assert stage(h, TODAY).name == "contact"
    assert stage(history_from_full("Y", interactions=meets((1095, "call"))), TODAY).was == (
        "visibility"
    )
    # no interaction: never dormant
    assert stage(ContactHistory("Z", met_on=ago(5000)), TODAY).name == "contact"


def test_dormant_former_close_contact() -> None:
    h = former_close_contact()
    u = urgency(h, TODAY)
    assert u.dormant_strong
    # depth on the last day (L): knowledge 4/9 × 30 = 13.333; frequency log2(3)/log2(53) ×
    # 15 = 4.151; recency 1 × 15; richness the best 3: (1 + 1 + 0)/3 × 15 = 10; reciprocity:
    # G = 2 × 0.5^(10/365) = 1.9624, nothing received: 0.5 × 1.9624/7.9624 × 15 = 1.848;
    # duration: both meetings in 2023 Q3, one quarter: log2(2)/log2(41) × 10 = 1.867 → 46.20
    assert u.was_depth == approx(13.333 + 4.1507 + 15 + 10 + 1.8484 + 1.8665)
    # ρ = 1200/30 = 40 → cadence 10; tier 3.9; dormant strong 2; depth at stake: today's
    # depth (knowledge 2/9 × 30 = 6.667, both facts stale; reciprocity G = 2 × 0.5^(1210/
    # 365) = 0.2006: 0.5 × 0.2006/6.2006 × 15 = 0.243; duration 1.867; nothing in 24
    # months for frequency, recency, richness) 8.776 / 100 × 3 = 0.263 → 16.16
    assert term(u, "dormant_strong") == 2.0
    assert u.total == approx(10 + 3.9 + 2 + 0.2633)
    assert "dormant, was credibility: worth reviving" in u.reasons
    assert u.listed
    assert set(u.triggers) == {"cadence", "dormant"}
    d = depth(h, TODAY)
    assert d.component("knowledge").input == approx(2 / 9)  # both facts now stale: half


# --- urgency ---------------------------------------------------------------------------------


def test_due_ramp() -> None:
    assert due_ramp(-15) == 0.0  # beyond the ramp: nothing (it was 0.2)
    assert due_ramp(-400) == 0.0
    assert due_ramp(-14) == approx(0.2)
    assert due_ramp(0) == approx(0.7333)  # 14 × 0.8/21 + 0.2
    assert due_ramp(6) == approx(20 * 0.8 / 21 + 0.2)
    assert due_ramp(7) == 1.0


def test_overdue_promise_outranks_slightly_late_cadence() -> None:
    promised = history_from_full(
        "Pia",
        interactions=meets((200, "meal"), (10, "meal")),
        followups=(FollowUp("promise", due=ago(2), note="send the deck"),),
    )
    late = history_from_full("Leo", interactions=meets((200, "meal"), (95, "meal")))
    up, ul = urgency(promised, TODAY), urgency(late, TODAY)
    # Pia: follow-up (16 × 0.8/21 + 0.2) × 12 = 9.714; promise 8; tier 0.3 × 6 = 1.8 → 19.51
    assert up.total == approx(9.7143 + 8 + 1.8)
    assert up.reasons[0] == "promise overdue since 2026-11-25: send the deck"
    assert len(up.reasons) == len(set(up.reasons))
    # Leo: ρ = 95/90 = 1.056: (0.2 + 0.8 × 0.556/1.5) × 10 = 4.963; tier 1.8; depth at stake
    assert term(ul, "cadence") == approx(4.963)
    assert ul.reasons[0] == "last contact 95 days ago, every 90 days"
    assert [u.name for u in rank_due([ul, up])] == ["Pia", "Leo"]
    assert up.due_on == ago(2)  # the open promise
    assert ul.due_on == ago(95) + timedelta(days=90)  # last contact + cadence


def test_inner_late_by_a_week_outranks_acquaintance_late_by_a_month() -> None:
    inner = history_from_full("Ines", tier="inner", interactions=meets((300, "call"), (14, "call")))
    acq = history_from_full(
        "Aldo", tier="acquaintance", cadence=30, interactions=meets((300, "call"), (60, "call"))
    )
    ui, ua = urgency(inner, TODAY), urgency(acq, TODAY)
    # Ines: ρ = 14/7 = 2 → 10; tier 6; depth at stake ≤ 3 → ≥ 16
    # Aldo: ρ = 60/30 = 2 → 10; tier 0; depth at stake ≤ 3 → ≤ 13
    assert term(ui, "cadence") == term(ua, "cadence") == 10.0
    assert ui.total > ua.total
    assert [u.name for u in rank_due([ua, ui])] == ["Ines", "Aldo"]


def test_snoozed_is_hidden() -> None:
    h = history_from_full("Sam", tier="inner", interactions=meets((30, "call")))
    assert urgency(h, TODAY).listed
    snoozed = replace(h, snoozed_until=TODAY + timedelta(days=1))
    u = urgency(snoozed, TODAY)
    assert not u.listed and u.snoozed
    assert rank_due([u]) == []
    assert urgency(replace(h, snoozed_until=TODAY), TODAY).listed  # the snooze has ended


def test_a_snooze_hides_cadence_reminders_only() -> None:
    h = history_from_full("Sam", tier="inner", interactions=meets((30, "call")))
    until = TODAY + timedelta(days=14)
    promised = replace(
        h,
        snoozed_until=until,
        followups=(FollowUp("promise", due=ago(3), note="send the deck"),),
    )
    u = urgency(promised, TODAY)
    # listed for the overdue promise; the cadence and depth-at-stake terms are hidden
    assert u.listed and u.snoozed and not u.hidden
    assert term(u, "cadence") == 0.0 and term(u, "depth_at_stake") == 0.0
    assert u.reasons[0] == "promise overdue since 2026-11-24: send the deck"
    assert not any("every" in r for r in u.reasons)
    # a follow-up due within the horizon also stays listed; one further ahead does not
    soon = replace(h, snoozed_until=until, followups=(FollowUp("reach-out", due=ago(-2)),))
    assert urgency(soon, TODAY).listed
    later = replace(h, snoozed_until=until, followups=(FollowUp("reach-out", due=ago(-9)),))
    assert not urgency(later, TODAY).listed and urgency(later, TODAY).hidden


def test_light_touches_do_not_reset_the_cadence_clock() -> None:
    h = history_from_full(
        "Lia",
        tier="close",
        interactions=meets(
            (400, "meal"), (300, "meal"), (40, "call"), (9, "social"), (2, "message")
        ),
    )
    u = urgency(h, TODAY)
    # ρ = 40/30 from the call, not 2/30 from the message: (0.2 + 0.8 × 0.833/1.5) × 10
    assert u.rho == approx(40 / 30)
    assert term(u, "cadence") == approx((0.2 + 0.8 * (40 / 30 - 0.5) / 1.5) * 10)
    assert u.reasons[0] == "last real contact 40 days ago (light touches since), every 30 days"
    assert u.last_contact == ago(2) and u.last_real == ago(40)
    assert u.due_on == ago(40) + timedelta(days=30)
    only_light = history_from_full("Mo", met_on=ago(50), interactions=meets((5, "email")))
    assert urgency(only_light, TODAY).reasons[0] == (
        "no real contact since meeting 50 days ago, every 14 days"
    )


def test_an_imported_name_is_no_relationship_until_met() -> None:
    imported = ContactHistory("Ivo", met_on=ago(30), imported=True)  # connected 30 days ago
    u = urgency(imported, TODAY)
    assert u.cadence is None and not u.listed and not u.triggers
    assert term(u, "new_tie") == 0.0 and term(u, "cadence") == 0.0
    # a birthday of a name never met is no reason either
    assert not urgency(replace(imported, birthday="--11-28"), TODAY).listed
    # a like or a message does not make it a relationship ...
    liked = history_from_full("Ivo", met_on=ago(30), interactions=meets((1, "social")))
    assert not urgency(replace(liked, imported=True), TODAY).listed
    # ... a first real interaction does: a new tie, with the new-contact cadence
    met = history_from_full("Ivo", met_on=ago(30), interactions=meets((1, "call")))
    u = urgency(replace(met, imported=True), TODAY)
    assert u.listed and u.triggers == ("new tie",) and u.cadence == 14
    # a follow-up the user set is listed, imported or not
    asked = replace(imported, followups=(FollowUp("reach-out", due=TODAY),))
    assert urgency(asked, TODAY).listed


def test_new_tie_listed_until_second_interaction() -> None:
    h = history_from_full("Nina", interactions=meets((3, "event")))
    u = urgency(h, TODAY)
    # new tie 1 × 4; cadence min(90, 14) = 14, ρ = 3/14 < 0.5 → 0; tier 1.8
    assert u.listed and u.triggers == ("new tie",)
    assert term(u, "new_tie") == 4.0
    assert u.total == approx(5.8)
    assert "new tie: met 3 days ago" in u.reasons
    assert u.cadence == 14
    again = history_from_full("Nina", interactions=meets((3, "event"), (1, "call")))
    assert not urgency(again, TODAY).listed


def test_new_tie_with_no_interaction_yet() -> None:
    h = ContactHistory("Olga", met_on=ago(20))
    u = urgency(h, TODAY)
    # new tie 4; cadence from the met date: ρ = 20/14 = 1.43 → (0.2 + 0.8 × 0.93/1.5) × 10
    assert term(u, "new_tie") == 4.0
    assert term(u, "cadence") == approx((0.2 + 0.8 * (20 / 14 - 0.5) / 1.5) * 10)
    assert u.last_contact is None
    assert u.due_on == ago(20) + timedelta(days=14)
    assert u.reasons[0] == "no contact since meeting 20 days ago, every 14 days"
    assert not urgency(replace(h, met_on=TODAY), TODAY).triggers  # met today: not yet


def test_follow_up_horizon_and_birthday() -> None:
    base = history_from_full("Bea", tier="network", interactions=meets((400, "call"), (10, "call")))
    ahead = replace(base, followups=(FollowUp("reach-out", due=TODAY + timedelta(days=3)),))
    far = replace(base, followups=(FollowUp("reach-out", due=TODAY + timedelta(days=4)),))
    assert urgency(ahead, TODAY).listed
    assert urgency(ahead, TODAY, within=2).listed is False
    assert not urgency(far, TODAY).listed
    # a follow-up beyond the ramp's 14 days adds nothing (it added 0.2 × 12 = 2.4) and is
    # no reason; 14 days ahead it starts at 0.2 × 12 = 2.4
    far_away = replace(base, followups=(FollowUp("reach-out", due=TODAY + timedelta(days=60)),))
    assert term(urgency(far_away, TODAY), "follow_up") == 0.0
    assert urgency(far_away, TODAY).reasons == urgency(base, TODAY).reasons
    two_weeks = replace(base, followups=(FollowUp("reach-out", due=TODAY + timedelta(days=14)),))
    assert term(urgency(two_weeks, TODAY), "follow_up") == approx(2.4)
    done = replace(base, followups=(FollowUp("reach-out", due=ago(3), done_on=ago(4)),))
    assert urgency(done, TODAY).due_on == ago(10) + timedelta(days=365)
    # birthday tomorrow (no year), and with a year; Feb 29 on Feb 28 of a common year
    u = urgency(replace(base, birthday="--11-28"), TODAY)
    assert u.listed and term(u, "event") == 5.0 and "birthday tomorrow" in u.reasons
    assert term(urgency(replace(base, birthday="1980-11-30"), TODAY), "event") == 5.0
    assert term(urgency(replace(base, birthday="1980-12-01"), TODAY), "event") == 0.0
    assert term(urgency(replace(base, birthday="1980-11-26"), TODAY), "event") == 5.0
    assert term(urgency(replace(base, birthday="1980-11-25"), TODAY), "event") == 0.0
    assert term(urgency(replace(base, birthday="--02-29"), date(2027, 2, 28)), "event") == 5.0
    assert term(urgency(replace(base, birthday="--01-01"), date(2026, 12, 30)), "event") == 5.0
    assert term(urgency(replace(base, birthday="garbage"), TODAY), "event") == 0.0


def test_ready_to_ask_and_hint() -> None:
    gives = (give("advice", 20), give("favor", 30), give("resource", 40))
    h = credible(exchanges=gives)
    u = urgency(h, TODAY)
    assert term(u, "ready_to_ask") == 2.0  # stage credibility, R = 1 ≥ 0.33
    assert "good time to ask" in u.reasons
    hint = ask_hint(h, TODAY)
    assert hint is not None and "Cred" in hint
    assert ask_hint(credible(exchanges=gives[:2]), TODAY) is None  # only 2 gives
    assert ask_hint(credible(exchanges=(*gives, ask("favor", 5))), TODAY) is None
    assert ask_hint(credible(exchanges=gives, facts=()), TODAY) is None  # visibility
    assert ask_hint(replace(h, kin=True), TODAY) is None


def test_ask_warnings() -> None:
    h = history_from_full("Wes", interactions=meets((5, "email")), exchanges=(give("favor", 0),))
    # B = 1; a granted referral ask of 5 → 1 − 5 = −4, and stage visibility: two warnings
    warnings = ask_warnings(h, TODAY, "referral")
    assert len(warnings) == 2
    assert "deposit before you withdraw" in warnings[0]
    assert "+1.00 to -4.00" in warnings[0]
    assert "too early to ask" in warnings[1]
    assert ask_warnings(h, TODAY, "favor") == ()  # 1 − 1 = 0: not below zero
    assert ask_warnings(h, TODAY, "favor", size=4) != ()  # 1 − 4/3 < 0
    assert ask_warnings(h, TODAY, "advice", status="open") == ()  # 1 − 2 × 0.5 = 0
    assert ask_warnings(replace(h, tier="inner"), TODAY, "referral") == ()
    rich = credible(exchanges=(give("referral", 0),))
    assert ask_warnings(rich, TODAY, "referral") == ()  # B 5 − 5 = 0, credibility
    assert ask_warnings(rich, TODAY, "business", amount=Decimal(1000)) != ()
    # the balance the ask will leave: an open referral ask dated a year ago books
    # 5 × 0.5 (decay) × 0.5 (open) = 1.25 → +1.00 to −0.25 (it said −4.00: today, granted)
    late = ask_warnings(h, TODAY, "referral", status="open", on=ago(365))
    assert "+1.00 to -0.25" in late[0]
    backdated = replace(h, exchanges=(*h.exchanges, ask("referral", 365, status="open")))
    assert balance(backdated, TODAY).balance == approx(-0.25)


def test_rank_due_caps_dormant_suggestions() -> None:
    def dormant(name: str, facts: int) -> ContactHistory:
        cats = ["family", "goals", "interests", "skills", "networks"][:facts]
        return history_from_full(
            name,
            tier="acquaintance",
            interactions=meets((1300, "meal"), (1260, "one-to-one")),
            exchanges=(give("advice", 1270),),
            facts=tuple(Fact(cat, ago(1300)) for cat in cats),
        )

    hs = [dormant("D1", 3), dormant("D2", 5), dormant("D3", 4)]
    us = [urgency(h, TODAY) for h in hs]
    assert all(u.listed and u.triggers == ("dormant",) for u in us)
    ranked = rank_due(us)
    assert [u.name for u in ranked] == ["D2", "D3"]  # the deepest two, then by total, name
    assert rank_due(us, replace(DEFAULTS, dormant_limit=0)) == []
    # a dormant contact listed for another reason is not capped
    bday = replace(hs[0], birthday="--11-27")
    ranked = rank_due([*us[1:], urgency(bday, TODAY)])
    assert {u.name for u in ranked} == {"D1", "D2", "D3"}
    assert ranked[0].name == "D1"  # birthday 5 + dormant 2


def test_depth_and_stage_can_be_passed_in() -> None:
    h = credible()
    u1 = urgency(h, TODAY)
    u2 = urgency(h, TODAY, depth_value=depth(h, TODAY).depth, stage_value=stage(h, TODAY))
    assert u1 == u2


# --- the window guarantee -------------------------------------------------------------------


def long_history(today: date, last_days_ago: int) -> list[Interaction]:
    kinds = ["one-to-one", "social", "email", "meal", "call", "message", "video", "event"]
    out: list[Interaction] = []
    day = today - timedelta(days=last_days_ago)
    step = 0
    while day > today - timedelta(days=last_days_ago + 5000):
        out.append(Interaction(day, kinds[step % len(kinds)]))
        step += 1
        day -= timedelta(days=3 + (step * 7) % 41)
    return out


@pytest.mark.parametrize("last_days_ago", [0, 30, 400, 800, 1094, 1095, 1500, 3000])
@pytest.mark.parametrize("tier", ["inner", "active", "network"])
def test_window_gives_the_same_results(last_days_ago: int, tier: str) -> None:
    interactions = long_history(TODAY, last_days_ago)
    extra = {
        "tier": tier,
        "met_on": interactions[-1].on,
        "exchanges": (give("referral", last_days_ago + 30), ask("business", last_days_ago + 60)),
        "facts": (Fact("family", ago(last_days_ago + 10)), Fact("goals", ago(900))),
        "followups": (FollowUp("promise", ago(last_days_ago + 5), done_on=ago(last_days_ago + 6)),),
        "birthday": "--11-28",
    }
    full = history_from_full("W", interactions=interactions, **extra)  # type: ignore[arg-type]
    cut = history_from_full(
        "W",
        interactions=interactions,
        window_today=TODAY,
        **extra,  # type: ignore[arg-type]
    )
    assert len(cut.interactions) < len(full.interactions)
    assert depth(cut, TODAY) == depth(full, TODAY)
    assert stage(cut, TODAY) == stage(full, TODAY)
    assert urgency(cut, TODAY) == urgency(full, TODAY)
    assert balance(cut, TODAY) == balance(full, TODAY)


def test_window_interactions_keeps_24_months_and_a_dormant_contact_s_last_24() -> None:
    old = [Interaction(ago(2000 + i), "meal") for i in range(3)]
    recent = [Interaction(ago(700 - i), "call") for i in range(3)]
    future = [Interaction(ago(-5), "call")]
    # the last 730 days, nothing after today (the last ten ever are no longer needed)
    assert window_interactions(old + recent + future, TODAY) == tuple(recent)
    # silent 1095+ days: the 730 days up to the last interaction
    dormant = [Interaction(ago(2800), "meal"), *old, Interaction(ago(1900), "call")]
    assert window_interactions(dormant, TODAY) == tuple(sorted(dormant[1:], key=lambda i: i.on))


def test_window_social_only_is_assumed_visible() -> None:
    # the documented limit: old interactions beyond the list count as non-social
    social = [Interaction(ago(100 + i), "social") for i in range(12)]
    h = ContactHistory(
        "Soc",
        met_on=ago(3000),
        interactions=tuple(social),
        interaction_count=13,
        first_interaction=ago(3000),
        last_interaction=ago(100),
    )
    assert stage(h, TODAY).name == "visibility"


# --- constants ------------------------------------------------------------------------------


def test_constants_from_mapping() -> None:
    c = Constants.from_mapping(
        {
            "points": {"referral": 6},
            "balance_half_life": 180,
            "tier_cadence": {"acquaintance": 720, "network": 0},
            "close_tiers": ["inner", "close"],
        }
    )
    assert c.points["referral"] == 6.0 and c.points["favor"] == 1.0
    assert c.balance_half_life == 180.0
    assert c.tier_cadence["acquaintance"] == 720 and c.tier_cadence["network"] is None
    assert c.close_tiers == ("inner", "close")
    assert DEFAULTS.points["referral"] == 5.0
    assert Constants.from_mapping({}) == DEFAULTS
    e = exchange_amount(give("referral", 180), TODAY, c)
    assert e.amount == approx(3.0)  # 6 × 0.5^(180/180)


@pytest.mark.parametrize(
    ("mapping", "key"),
    [
        ({"no_such": 1}, "no_such"),
        ({"points": {"referal": 5}}, "points.referal"),
        ({"points": {"referral": "five"}}, "points.referral"),
        ({"points": 5}, "points"),
        ({"balance_half_life": 0}, "balance_half_life"),
        ({"balance_half_life": True}, "balance_half_life"),
        ({"dormant_days": 1095.5}, "dormant_days"),
        ({"credit_ratio": -1}, "credit_ratio"),
        ({"close_tiers": "inner"}, "close_tiers"),
        ({"tier_cadence": {"inner": 7.5}}, "tier_cadence.inner"),
    ],
)
def test_constants_reject_bad_settings(mapping: dict[str, object], key: str) -> None:
    with pytest.raises(BadValue) as err:
        Constants.from_mapping(mapping)
    assert f"'{key}'" in str(err.value)


def test_constants_hold_the_design_numbers() -> None:
    c = DEFAULTS
    assert dict(c.depth_weights) == {
        "knowledge": 30,
        "frequency": 15,
        "recency": 15,
        "richness": 15,
        "reciprocity": 15,
        "duration": 10,
    }
    assert sum(c.knowledge_weights.values()) == 9
    assert list(c.coefficients.values()) == [12, 10, 8, 6, 5, 4, 3, 2, 2, 2]
    assert (c.balance_half_life, c.recency_half_life, c.recency_half_life_kin) == (365, 90, 270)
    assert dict(c.tier_cadence) == {
        "inner": 7,
        "close": 30,
        "active": 90,
        "network": 365,
        "acquaintance": None,
    }
    assert messages.SCORING_LABEL_OVERDRAWN == "overdrawn"


SCORING_MODULES = sorted(
    p.stem for p in Path(__file__).parent.parent.joinpath("netjournal", "scoring").glob("*.py")
)


@pytest.mark.parametrize("name", SCORING_MODULES)
def test_scoring_modules_are_pure_and_cheap(name: str) -> None:
    """Every module of the scoring package imports only the standard library's pure parts,
    the user's sentences and its own siblings: no I/O, no clock, no database."""
    import ast
    import importlib

    module = "netjournal.scoring" + ("" if name == "__init__" else f".{name}")
    path = Path(importlib.import_module(module).__file__ or "")
    source = path.read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    allowed = {
        "__future__",
        "calendar",
        "collections.abc",
        "dataclasses",
        "datetime",
        "decimal",
        "heapq",
        "fractions",
        "math",
        "re",
        "statistics",
        "types",
        "typing",
        "netjournal",
        "netjournal.errors",
        "netjournal.text",
        "netjournal.plural",
    }
    own = {m for m in imported if m.startswith("netjournal.scoring.")}
    assert imported - own <= allowed
    for word in ("print(", "open(", "date.today", "datetime.now", "sqlite"):
        assert word not in source
