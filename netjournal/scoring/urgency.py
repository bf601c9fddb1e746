"""Urgency (``net due``): how urgent it is to contact someone, as a sum of named terms
(``terms``), taskwarrior style, with the reasons in words; and the ranking of ``net due``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from netjournal.scoring.balance import Balance, balance_of
from netjournal.scoring.cadence import cadence_of
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.depth import depth_of
from netjournal.scoring.records import ContactHistory, FollowUp
from netjournal.scoring.stage import Stage, stage_of
from netjournal.scoring.terms import TERMS, Situation, Term, is_dormant_strong
from netjournal.scoring.view import View, age, as_of, clock


@dataclass(frozen=True, slots=True)
class Urgency:
    """Urgency of one contact for ``net due``.

    ``terms`` holds all ten terms in DESIGN order (zeros included); ``reasons`` the
    reasons of the nonzero ones, most points first. ``triggers`` names why the contact is
    listed (``follow-up``, ``cadence``, ``event``, ``new tie``, ``dormant``). A snooze
    hides cadence reminders only: a snoozed contact is ``listed`` only for a follow-up or
    promise that falls due within the horizon or is overdue (its cadence terms are then
    0), and is otherwise ``hidden``, even from ``net due --all``.
    """

    name: str
    total: float
    terms: tuple[Term, ...]
    due_on: date | None
    last_contact: date | None
    listed: bool
    dormant_strong: bool
    reasons: tuple[str, ...]
    cadence: int | None = None
    rho: float | None = None
    triggers: tuple[str, ...] = ()
    was_depth: float | None = None
    snoozed: bool = False
    hidden: bool = False
    last_real: date | None = None
    due_now: bool = False  # a follow-up or promise due today or overdue: listed first


def _open_items(h: ContactHistory, today: date) -> tuple[FollowUp, ...]:
    """Follow-ups and promises open as of today, earliest first (promises before reach-outs
    on the same day)."""
    return tuple(
        sorted(
            (
                f
                for f in h.followups
                if (f.done_on is None or f.done_on > today)
                and (f.created_on is None or f.created_on <= today)
            ),
            key=lambda f: (f.due, f.kind != "promise", f.note),
        )
    )


def _situation(
    h: ContactHistory,
    v: View,
    c: Constants,
    within: int | None,
    bal: Balance,
    depth_value: float | None,
    stage_value: Stage | None,
) -> Situation:
    st = stage_value if stage_value is not None else stage_of(h, v, c, bal=bal)
    every = cadence_of(h, v, c)
    start = clock(h, v)
    since = age(v.day, start)
    was_depth = None
    if st.name == "dormant" and v.last is not None:
        was_depth = depth_of(h, as_of(h, v.last, c), c).depth
    return Situation(
        h=h,
        v=v,
        c=c,
        horizon=c.horizon if within is None else within,
        bal=bal,
        stage=st,
        cadence=every,
        open_items=_open_items(h, v.day),
        clock=start,
        since=since,
        rho=None if every is None else since / every,
        depth_value=depth_value,
        was_depth=was_depth,
        snoozed=h.snoozed_until is not None and h.snoozed_until > v.day,
    )


def _due_on(s: Situation) -> date | None:
    """The earliest open follow-up, else the last real contact (or the met date) +
    cadence, else None."""
    if s.open_items:
        return s.open_items[0].due
    if s.cadence is None:
        return None
    try:
        return s.clock + timedelta(days=s.cadence)
    except OverflowError:  # a date at the end of the calendar: no due day to show
        return None


def urgency_of(
    h: ContactHistory,
    v: View,
    c: Constants,
    within: int | None,
    bal: Balance,
    depth_value: float | None = None,
    stage_value: Stage | None = None,
) -> Urgency:
    """The urgency of the history as seen in ``v`` (``bal``, and ``depth_value`` and
    ``stage_value`` when already known, for the same view)."""
    s = _situation(h, v, c, within, bal, depth_value, stage_value)
    scored = [compute(s) for compute in TERMS]
    terms = tuple(t for t, _trigger in scored)
    triggers = tuple(trigger for _t, trigger in scored if trigger)
    reasons: list[str] = []
    for t in sorted((t for t in terms if t.points > 0 and t.reason), key=lambda t: -t.points):
        if t.reason not in reasons:
            reasons.append(t.reason)
    dated = "follow-up" in triggers
    return Urgency(
        name=h.name,
        total=math.fsum(t.points for t in terms),
        terms=terms,
        due_on=_due_on(s),
        last_contact=v.last,
        listed=bool(triggers) and (dated or not s.snoozed),
        dormant_strong=is_dormant_strong(s),
        reasons=tuple(reasons),
        cadence=s.cadence,
        rho=s.rho,
        triggers=triggers,
        was_depth=s.was_depth,
        snoozed=s.snoozed,
        hidden=s.snoozed and not dated,
        last_real=v.last_real,
        due_now=bool(s.open_items) and s.open_items[0].due <= v.day,
    )


def urgency(
    h: ContactHistory,
    today: date,
    c: Constants = DEFAULTS,
    within: int | None = None,
    depth_value: float | None = None,
    stage_value: Stage | None = None,
) -> Urgency:
    """How urgent it is to contact this person, term by term (taskwarrior style).

    ``within`` is the horizon in days (default ``c.horizon``, 3). ``depth_value`` and
    ``stage_value`` may be passed when already computed for today.
    """
    v = as_of(h, today, c)
    return urgency_of(h, v, c, within, balance_of(h, v, c), depth_value, stage_value)


def rank_key(u: Urgency) -> tuple[bool, float, str]:
    """The order of ``net due``: what is due now (a follow-up or promise due today or
    overdue: a commitment with a date outranks a reminder of habit) first, then by urgency
    descending, then by name."""
    return (not u.due_now, -u.total, u.name)


def rank_due(urgencies: Iterable[Urgency], c: Constants = DEFAULTS) -> list[Urgency]:
    """The listed contacts in ``rank_key`` order: those with a follow-up or promise due
    today or overdue first, then the rest, each most urgent first (total descending, then
    name).

    Of those listed only because they are dormant strong ties, at most
    ``c.dormant_limit`` are kept, the deepest (on the day of their last interaction)
    first.
    """
    listed = [u for u in urgencies if u.listed]
    dormant_only = [u for u in listed if u.triggers == ("dormant",)]
    dormant_only.sort(key=lambda u: (-(u.was_depth or 0.0), u.name))
    dropped = {id(u) for u in dormant_only[c.dormant_limit :]}
    kept = [u for u in listed if id(u) not in dropped]
    kept.sort(key=rank_key)
    return kept
