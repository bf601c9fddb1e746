"""The proactive habits, in pure functions: periods, goals, streak, farming, depth spread.

Nothing here reads the journal or the clock: every function takes ``today`` (or the
period) and plain values, so each rule of DESIGN.md's "Review and the proactive habits"
is tested on its own.

Choices where DESIGN.md is silent:

- A goal's target is scaled to a period day by day: a weekly target counts 1/7 per day,
  a monthly one 1/(days in that calendar month) per day, so a full calendar month gets
  exactly the monthly target and a week across two months mixes the two lengths.
- The days are those of the *whole* period (:func:`whole`): the calendar week, month or
  year a review is in, not only the days up to today. As hledger's budget report does,
  the whole period's target or budget stands against what was done or spent so far, so
  ``net goals``, ``net budget show`` and ``net review`` read the same for the same week
  or month (a review ``--since`` a day runs to today: that is its whole period).
- A budget per month scales the same way; a budget per year counts 1/(days in that year)
  per day. Scaled money is rounded half-up to the cent.
- Farming: a contact met on day M "got a second meeting" when it has an interaction
  dated after M and no later than M + 30 (the first meeting is the met day itself).
- Deep, not wide is in place when there is at least one recently active contact, the
  network is not flagged "wide but shallow", and the median depth is at least 30.
- No selling at first meetings: an ask dated on the day of a contact's first
  interaction, when that first interaction falls in the period, is a first-meeting ask.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import median

PERIOD_KINDS: tuple[str, ...] = ("week", "month", "year", "since")
#: interaction kinds that count as one-to-ones for the ``one-to-ones`` goal
ONE_TO_ONE_KINDS: tuple[str, ...] = ("one-to-one", "meal")
#: give kinds that count for the ``referrals-given`` goal
REFERRAL_KINDS: tuple[str, ...] = ("referral", "introduction", "job-lead", "business")

EVERY_DAY_SHARE = Fraction(5, 7)
FARMING_SHARE = Fraction(1, 2)
FARMING_MIN_DAYS = 30
FARMING_MAX_DAYS = 90
FARMING_WITHIN = 30
DEEP_DEPTH = 40.0
SHALLOW_MEDIAN = 30.0
SHALLOW_MIN_CONTACTS = 50
ACTIVE_WINDOW = 365


@dataclass(frozen=True, slots=True)
class Period:
    kind: str  # 'week' | 'month' | 'year' | 'since'
    start: date
    end: date  # inclusive (today)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def each_day(self) -> Iterable[date]:
        for n in range(self.days):
            yield self.start + timedelta(days=n)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def period(kind: str, today: date, since: date | None = None) -> Period:
    """The current calendar week (from Monday), month or year up to today, or since a day."""
    if kind == "week":
        return Period(kind, week_start(today), today)
    if kind == "month":
        return Period(kind, today.replace(day=1), today)
    if kind == "year":
        return Period(kind, date(today.year, 1, 1), today)
    if kind == "since":
        if since is None or since > today:
            raise ValueError("since must be a day up to today")
        return Period(kind, since, today)
    raise ValueError(kind)


def whole(p: Period) -> Period:
    """The whole calendar period ``p`` is in (its week, month or year, past today); a
    period since a day is whole up to today."""
    if p.kind == "week":
        return Period(p.kind, p.start, p.start + timedelta(days=6))
    if p.kind == "month":
        return Period(p.kind, p.start, p.start.replace(day=_days_in_month(p.start)))
    if p.kind == "year":
        return Period(p.kind, p.start, date(p.start.year, 12, 31))
    return p


def goal_period(per: str, today: date) -> Period:
    """The period a goal's actual counts over in ``net goals``: this week or this month."""
    return period(per, today)


def _days_in_month(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _days_in_year(day: date) -> int:
    return 366 if calendar.isleap(day.year) else 365


def scale_factor(per: str, p: Period) -> Fraction:
    """How many ``per`` periods the period ``p`` is worth (day by day)."""
    if per == "week":
        return Fraction(p.days, 7)
    if per == "month":
        return sum((Fraction(1, _days_in_month(d)) for d in p.each_day()), Fraction(0))
    if per == "year":
        return sum((Fraction(1, _days_in_year(d)) for d in p.each_day()), Fraction(0))
    raise ValueError(per)


def scaled_target(target: int, per: str, p: Period) -> float:
    """A goal's target scaled to the period, e.g. 5 a week over 3 days = 2.14."""
    return float(target * scale_factor(per, p))


def scaled_cents(cents: int, per: str, p: Period) -> int:
    """A budget scaled to the period, rounded half-up to the cent."""
    exact = cents * scale_factor(per, p)
    value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(actual: float, target: float) -> int | None:
    """hledger's budget percentage: actual as a whole percentage of the target."""
    if target <= 0:
        return None
    return int(Decimal(str(actual * 100 / target)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- streak and every-day networking ---------------------------------------------------------


def streak(days: Iterable[date], today: date) -> int:
    """Consecutive days up to today with an action; an idle today keeps yesterday's run."""
    active = {d for d in days if d <= today}
    day = today if today in active else today - timedelta(days=1)
    count = 0
    while day in active:
        count += 1
        day -= timedelta(days=1)
    return count


def active_days(days: Iterable[date], p: Period) -> int:
    return len({d for d in days if p.contains(d)})


def every_day_in_place(active: int, p: Period) -> bool:
    """In place at 5 active days in 7 or more (the same share over longer periods)."""
    return Fraction(active, p.days) >= EVERY_DAY_SHARE


# --- farming ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Farming:
    met: int  # contacts whose met date is 30–90 days before today
    followed: int  # of those, with a second interaction within 30 days of meeting
    share: float | None
    in_place: bool


def farming(contacts: Iterable[tuple[date, Iterable[date]]], today: date) -> Farming:
    """Share of first meetings 30–90 days ago that got a second one within 30 days.

    ``contacts`` holds (met date, interaction days) per contact.
    """
    met = followed = 0
    for met_on, days in contacts:
        age = (today - met_on).days
        if not FARMING_MIN_DAYS <= age <= FARMING_MAX_DAYS:
            continue
        met += 1
        limit = met_on + timedelta(days=FARMING_WITHIN)
        if any(met_on < d <= limit for d in days):
            followed += 1
    if met == 0:
        return Farming(0, 0, None, False)
    share = Fraction(followed, met)
    return Farming(met, followed, float(share), share >= FARMING_SHARE)


# --- depth spread -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Spread:
    contacts: int
    median: float | None
    deep_share: float | None  # share at depth >= 40
    wide_but_shallow: bool
    in_place: bool


def depth_spread(depths: Iterable[float]) -> Spread:
    """Median depth and share of deep ties among recently active contacts."""
    values = list(depths)
    if not values:
        return Spread(0, None, None, False, False)
    mid = float(median(values))
    share = sum(1 for v in values if v >= DEEP_DEPTH) / len(values)
    shallow = len(values) >= SHALLOW_MIN_CONTACTS and mid < SHALLOW_MEDIAN
    return Spread(len(values), mid, share, shallow, not shallow and mid >= SHALLOW_MEDIAN)


# --- gives against asks per week ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekBar:
    week: date  # Monday
    gives: int
    asks: int


def weekly(gives: Iterable[date], asks: Iterable[date], p: Period) -> list[WeekBar]:
    """Gives and asks per calendar week (Monday first) over the period, oldest first."""
    counts: dict[date, list[int]] = {}
    monday = week_start(p.start)
    while monday <= p.end:
        counts[monday] = [0, 0]
        monday += timedelta(days=7)
    for index, days in enumerate((gives, asks)):
        for d in days:
            if p.contains(d):
                counts[week_start(d)][index] += 1
    return [WeekBar(week, g, a) for week, (g, a) in counts.items()]


# --- who moved ------------------------------------------------------------------------------------


def moved(
    before: Mapping[int, str], after: Mapping[int, str], names: Mapping[int, str]
) -> list[dict[str, str]]:
    """Contacts whose stage changed; one not there before counts as having been 'contact'."""
    out = []
    for cid, now in after.items():
        was = before.get(cid, "contact")
        if was != now:
            out.append({"name": names[cid], "from": was, "to": now})
    out.sort(key=lambda m: m["name"].casefold())
    return out
