"""The pure rules of the review: periods, scaling, streak, farming, depth spread, weeks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netjournal.scoring import habits as review

SAT = date(2026, 11, 28)
MON = date(2026, 11, 23)


def test_week_starts_monday() -> None:
    assert review.period("week", SAT) == review.Period("week", MON, SAT)
    assert review.period("week", MON).start == MON
    sunday = date(2026, 11, 29)
    assert review.period("week", sunday).start == MON


def test_month_and_year_are_calendar() -> None:
    assert review.period("month", SAT).start == date(2026, 11, 1)
    assert review.period("month", date(2026, 11, 1)).days == 1
    assert review.period("year", SAT).start == date(2026, 1, 1)
    assert review.period("since", SAT, date(2026, 11, 20)).days == 9
    with pytest.raises(ValueError):
        review.period("since", SAT, date(2026, 12, 1))


def test_scaled_targets() -> None:
    week = review.period("week", SAT)  # 6 days
    assert review.scaled_target(7, "week", week) == pytest.approx(6)
    full_month = review.Period("since", date(2026, 2, 1), date(2026, 2, 28))
    assert review.scaled_target(4, "month", full_month) == pytest.approx(4)
    assert review.scaled_cents(10_000, "month", full_month) == 10_000
    # 28 days of November: 100.00 × 28/30 = 93.33 (half-up)
    assert review.scaled_cents(10_000, "month", review.period("month", SAT)) == 9333
    year = review.Period("since", date(2026, 1, 1), date(2026, 12, 31))
    assert review.scaled_cents(120_000, "year", year) == 120_000


def test_percent_is_hledger_like() -> None:
    assert review.percent(3, 5) == 60
    assert review.percent(1, 0.8) == 125
    assert review.percent(1, 0) is None


def test_streak_counts_back_from_today() -> None:
    days = {SAT, SAT - timedelta(1), SAT - timedelta(2)}
    assert review.streak(days, SAT) == 3


def test_streak_today_without_action_does_not_break_it() -> None:
    days = {SAT - timedelta(1), SAT - timedelta(2)}
    assert review.streak(days, SAT) == 2


def test_streak_a_gap_day_resets_it() -> None:
    days = {SAT, SAT - timedelta(2), SAT - timedelta(3)}
    assert review.streak(days, SAT) == 1
    assert review.streak({SAT - timedelta(2)}, SAT) == 0
    assert review.streak(set(), SAT) == 0


def test_streak_ignores_future_days() -> None:
    assert review.streak({SAT + timedelta(1), SAT}, SAT) == 1


@given(st.sets(st.integers(min_value=0, max_value=40)))
def test_streak_never_exceeds_active_days(offsets: set[int]) -> None:
    days = {SAT - timedelta(n) for n in offsets}
    n = review.streak(days, SAT)
    assert 0 <= n <= len(days)
    if SAT in days or SAT - timedelta(1) in days:
        assert n >= 1


def test_every_day_needs_five_in_seven() -> None:
    week = review.Period("since", MON, MON + timedelta(6))
    assert review.every_day_in_place(5, week)
    assert not review.every_day_in_place(4, week)


def test_farming_share() -> None:
    today = SAT
    met = today - timedelta(days=60)
    contacts = [
        (met, [met, met + timedelta(10)]),  # second meeting within 30 days
        (met, [met, met + timedelta(31)]),  # too late
        (met, [met]),  # never again
        (met, [met, met + timedelta(30)]),  # on the 30th day: counts
        (today - timedelta(days=10), [today]),  # met too recently: not counted
        (today - timedelta(days=200), []),  # met too long ago: not counted
    ]
    farm = review.farming(contacts, today)
    assert (farm.met, farm.followed) == (4, 2)
    assert farm.share == 0.5
    assert farm.in_place
    farm = review.farming(contacts[1:3], today)
    assert farm.share == 0 and not farm.in_place
    empty = review.farming([], today)
    assert empty.share is None and not empty.in_place


def test_farming_window_bounds() -> None:
    for age, counted in ((29, False), (30, True), (90, True), (91, False)):
        met = SAT - timedelta(days=age)
        assert review.farming([(met, [])], SAT).met == int(counted)


def test_depth_spread_and_wide_but_shallow() -> None:
    shallow = review.depth_spread([10.0] * 40 + [50.0] * 10)
    assert shallow.wide_but_shallow and not shallow.in_place
    assert shallow.deep_share == 0.2
    few = review.depth_spread([10.0] * 10)
    assert not few.wide_but_shallow and not few.in_place
    deep = review.depth_spread([45.0, 50.0, 20.0])
    assert deep.median == 45.0 and deep.in_place
    assert review.depth_spread([]).median is None


def test_weekly_buckets_from_monday() -> None:
    p = review.Period("since", date(2026, 11, 11), SAT)
    bars = review.weekly(
        [date(2026, 11, 11), date(2026, 11, 16), date(2026, 11, 22), date(2026, 11, 10)],
        [date(2026, 11, 23), date(2026, 11, 28)],
        p,
    )
    assert [(b.week, b.gives, b.asks) for b in bars] == [
        (date(2026, 11, 9), 1, 0),  # the 10th is before the period
        (date(2026, 11, 16), 2, 0),
        (date(2026, 11, 23), 0, 2),
    ]


def test_moved() -> None:
    names = {1: "Ana", 2: "Bo", 3: "Cy"}
    moved = review.moved(
        {1: "visibility", 2: "credibility"},
        {1: "credibility", 2: "credibility", 3: "visibility"},
        names,
    )
    assert moved == [
        {"name": "Ana", "from": "visibility", "to": "credibility"},
        {"name": "Cy", "from": "contact", "to": "visibility"},
    ]
