"""The terms of urgency, one small function each, in the order of DESIGN.md's table.

Each term reads a :class:`Situation` (the contact's history as of today with what the
terms share: balance, stage, cadence, open follow-ups) and returns its :class:`Term`
(value in [0, 1] × coefficient = points, with the reason in words) and the trigger it
sets, if any: a contact is listed by ``net due`` when at least one trigger is set.

| term           | value                                                     | coeff |
|----------------|-----------------------------------------------------------|-------|
| follow_up      | taskwarrior's due ramp on the earliest open follow-up,    | 12    |
|                | 0 more than 14 days ahead                                 |       |
| cadence        | 0 if ρ < 0.5, else min(1, 0.2 + 0.8·(ρ − 0.5)/1.5);       | 10    |
|                | ρ from the last real contact; 0 while snoozed             |       |
| promise        | an open promise due within the horizon or overdue         | 8     |
| tier           | inner 1, close 0.65, active 0.3, network 0.15, acq. 0     | 6     |
| event          | a birthday from 3 days ahead to 1 day past (not for a     | 5     |
|                | contact imported and never met)                           |       |
| new_tie        | fewer than 2 real interactions, met 1 to 90 days ago      | 4     |
|                | (not for a contact imported and never met)                |       |
| depth_at_stake | depth/100 when ρ ≥ 1; 0 while snoozed                     | 3     |
| give_back      | min(1, −R) when overdrawn (not inner/kin)                 | 2     |
| ready_to_ask   | stage credibility and R ≥ 0.33                            | 2     |
| dormant_strong | dormant, and was deep (≥ 50) or at credibility or beyond  | 2     |
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from netjournal import messages as msg
from netjournal.scoring.balance import Balance
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.depth import depth_of
from netjournal.scoring.records import ContactHistory, FollowUp
from netjournal.scoring.stage import STAGES, Stage
from netjournal.scoring.view import View, days_text


@dataclass(frozen=True, slots=True)
class Term:
    """One urgency term: value (0..1) × coefficient = points."""

    name: str
    value: float
    coefficient: float
    points: float
    reason: str


@dataclass(frozen=True, slots=True)
class Situation:
    """What the terms read about one contact as of ``v.day``."""

    h: ContactHistory
    v: View
    c: Constants
    horizon: int
    bal: Balance
    stage: Stage
    cadence: int | None
    open_items: tuple[FollowUp, ...]  # open follow-ups and promises, earliest first
    clock: date  # the last interaction, else the met date
    since: int  # days since ``clock``
    rho: float | None  # since / cadence
    depth_value: float | None  # today's depth, when already known
    was_depth: float | None  # a dormant contact's depth on its last day
    snoozed: bool = False  # a snooze hides cadence reminders (not dated items)


#: a term and the trigger it sets (None: none)
Scored = tuple[Term, str | None]


def term(name: str, value: float, c: Constants, reason: str) -> Term:
    coefficient = float(c.coefficients[name])
    return Term(name, value, coefficient, value * coefficient, reason)


def due_ramp(days_overdue: int, c: Constants = DEFAULTS) -> float:
    """Taskwarrior's due ramp: 0.2 at 14 days ahead, 0.733 on the day, 1.0 from 7 days
    late; 0 further ahead than 14 days (a far-off follow-up is no reason to call now)."""
    if days_overdue >= c.due_full_after:
        return 1.0
    if days_overdue < -c.due_ramp_before:
        return 0.0
    span = c.due_ramp_before + c.due_full_after
    return (days_overdue + c.due_ramp_before) * (1.0 - c.due_floor) / span + c.due_floor


_BIRTHDAY = re.compile(r"^(?:\d{4}|--)-?(\d{2})-(\d{2})$")


def birthday_offset(birthday: str | None, today: date, c: Constants) -> int | None:
    """Days from today to the nearest birthday within [-after, +before], else None."""
    if not birthday:
        return None
    found = _BIRTHDAY.match(birthday.strip())
    if not found:
        return None
    month, day = int(found.group(1)), int(found.group(2))
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            if (month, day) != (2, 29):
                return None
            when = date(year, 2, 28)  # Feb 29 birthdays fall on Feb 28 in common years
        offset = (when - today).days
        if -c.birthday_after <= offset <= c.birthday_before:
            return offset
    return None


def followup_reason(item: FollowUp, today: date) -> str:
    what = {"promise": msg.SCORING_WHAT_PROMISE, "plan": msg.SCORING_WHAT_PLAN}.get(
        item.kind, msg.SCORING_WHAT_FOLLOW_UP
    )
    if item.due < today:
        text = msg.SCORING_DUE_OVERDUE.format(what=what, due=item.due.isoformat())
    elif item.due == today:
        text = msg.SCORING_DUE_TODAY.format(what=what)
    else:
        text = msg.SCORING_DUE_AHEAD.format(what=what, due=item.due.isoformat())
    return msg.SCORING_WITH_NOTE.format(text=text, note=item.note) if item.note else text


# --- the ten terms ----------------------------------------------------------------------


def follow_up(s: Situation) -> Scored:
    """The earliest open follow-up or promise, on taskwarrior's due ramp."""
    if not s.open_items:
        return term("follow_up", 0.0, s.c, ""), None
    first, today = s.open_items[0], s.v.day
    value = due_ramp((today - first.due).days, s.c)
    scored = term("follow_up", value, s.c, followup_reason(first, today) if value else "")
    return scored, "follow-up" if (first.due - today).days <= s.horizon else None


def cadence(s: Situation) -> Scored:
    """How far the cadence has run: ρ = days since the last real contact / cadence."""
    if s.cadence is None or s.rho is None or s.snoozed:
        return term("cadence", 0.0, s.c, ""), None
    c, rho = s.c, s.rho
    value = 0.0
    if rho >= c.cadence_start:
        value = min(
            1.0, c.cadence_floor + (1 - c.cadence_floor) * (rho - c.cadence_start) / c.cadence_span
        )
    v = s.v
    if v.last is None:
        template = msg.SCORING_CADENCE_NEVER
    elif v.last_real is None:
        template = msg.SCORING_CADENCE_NO_REAL
    elif v.last_real == v.last:
        template = msg.SCORING_CADENCE
    else:
        template = msg.SCORING_CADENCE_REAL
    reason = template.format(ago=days_text(s.since), every=days_text(s.cadence))
    return term("cadence", value, c, reason), "cadence" if rho >= 1 else None


def promise(s: Situation) -> Scored:
    """An open promise of yours, due within the horizon or overdue."""
    today = s.v.day
    due = [f for f in s.open_items if f.kind == "promise" and (f.due - today).days <= s.horizon]
    if not due:
        return term("promise", 0.0, s.c, ""), None
    return term("promise", 1.0, s.c, followup_reason(due[0], today)), None


def tier(s: Situation) -> Scored:
    """How close the relationship is meant to be."""
    value = float(s.c.tier_value.get(s.h.tier, 0.0))
    return term("tier", value, s.c, msg.SCORING_TIER.format(tier=s.h.tier)), None


def event(s: Situation) -> Scored:
    """A birthday from a few days ahead to a day past (not for a name never met)."""
    offset = birthday_offset(s.h.birthday, s.v.day, s.c)
    if offset is None or s.v.imported_only:
        return term("event", 0.0, s.c, ""), None
    if offset == 0:
        reason = msg.SCORING_BIRTHDAY_TODAY
    elif offset == 1:
        reason = msg.SCORING_BIRTHDAY_TOMORROW
    elif offset < 0:
        reason = msg.SCORING_BIRTHDAY_PAST.format(ago=days_text(-offset))
    else:
        reason = msg.SCORING_BIRTHDAY_AHEAD.format(days=days_text(offset))
    return term("event", 1.0, s.c, reason), "event"


def new_tie(s: Situation) -> Scored:
    """Fewer than 2 real interactions and met 1 to 90 days ago: farm it. A contact
    brought in by an import is no new tie until a first real interaction."""
    c = s.c
    met_ago = (s.v.day - s.h.met_on).days
    new = s.v.real_count < c.new_tie_interactions and not s.v.imported_only
    if new and c.new_tie_min_days <= met_ago <= c.new_tie_max_days:
        return term(
            "new_tie", 1.0, c, msg.SCORING_NEW_TIE.format(ago=days_text(met_ago))
        ), "new tie"
    return term("new_tie", 0.0, c, ""), None


def depth_at_stake(s: Situation) -> Scored:
    """Depth / 100 once the cadence has run out (not while snoozed)."""
    if s.rho is None or s.rho < 1 or s.snoozed:
        return term("depth_at_stake", 0.0, s.c, ""), None
    value = s.depth_value if s.depth_value is not None else depth_of(s.h, s.v, s.c, s.bal).depth
    reason = msg.SCORING_DEPTH_AT_STAKE.format(depth=value)
    return term("depth_at_stake", min(1.0, max(0.0, value / 100.0)), s.c, reason), None


def give_back(s: Situation) -> Scored:
    """min(1, −R) when overdrawn, except for close ties (inner tier, kin)."""
    ratio = s.bal.ratio
    if ratio is not None and ratio <= -s.c.credit_ratio and not s.bal.close_tie:
        return term("give_back", min(1.0, -ratio), s.c, msg.SCORING_GIVE_BACK), None
    return term("give_back", 0.0, s.c, ""), None


def ready_to_ask(s: Situation) -> Scored:
    """At credibility and in credit: a good moment for a targeted ask."""
    ratio = s.bal.ratio
    ready = s.stage.name == "credibility" and ratio is not None and ratio >= s.c.credit_ratio
    return term(
        "ready_to_ask", 1.0 if ready else 0.0, s.c, msg.SCORING_READY if ready else ""
    ), None


def is_dormant_strong(s: Situation) -> bool:
    """Dormant, and on its last day it was deep or at credibility or beyond."""
    if s.stage.name != "dormant" or s.was_depth is None:
        return False
    was_level = STAGES.index(s.stage.was) if s.stage.was in STAGES else 0
    return s.was_depth >= s.c.dormant_strong_depth or was_level >= STAGES.index("credibility")


def dormant_strong(s: Situation) -> Scored:
    """A dormant tie that was strong: worth reviving."""
    if not is_dormant_strong(s):
        return term("dormant_strong", 0.0, s.c, ""), None
    reason = msg.SCORING_DORMANT_STRONG.format(was=s.stage.was)
    return term("dormant_strong", 1.0, s.c, reason), "dormant"


#: every term, in DESIGN.md's order (the order of ``Urgency.terms``)
TERMS: tuple[Callable[[Situation], Scored], ...] = (
    follow_up,
    cadence,
    promise,
    tier,
    event,
    new_tie,
    depth_at_stake,
    give_back,
    ready_to_ask,
    dormant_strong,
)
