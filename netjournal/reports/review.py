"""``net review``: what a period's networking was — activity, gives against asks per week,
goals, the proactive habits in place, money, stages and who moved. Plain JSON-ready data.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from netjournal import scores
from netjournal.plural import plural
from netjournal.reports.goals import as_days, budget, metric_counts, money, period_goals, streak
from netjournal.scoring import habits as review
from netjournal.store.reads import proactive as proactive_reads
from netjournal.text import format_money

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants


def activity(
    conn: sqlite3.Connection, p: review.Period, today: date, c: Constants
) -> dict[str, Any]:
    from netjournal.scoring.balance import exchange_amount
    from netjournal.scoring.records import Exchange

    interactions = proactive_reads.period_interactions(conn, p.start, p.end)
    exchanges = proactive_reads.period_exchanges(conn, p.start, p.end)
    by_kind = Counter(k for _i, _d, k in interactions)
    out: dict[str, Any] = {
        "interactions": len(interactions),
        "by_kind": dict(sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    for direction, key in (("give", "gives"), ("ask", "asks")):
        items = [x for x in exchanges if x["direction"] == direction]
        points = sum(
            exchange_amount(
                Exchange(
                    direction=direction,
                    kind=x["kind"],
                    on=date.fromisoformat(x["occurred_on"]),
                    size=x["size"],
                    amount=Decimal(x["amount_cents"]) / 100
                    if x["amount_cents"] is not None
                    else None,
                    status=x["status"],
                ),
                today,
                c,
            ).undecayed
            for x in items
        )
        out[key] = {"count": len(items), "points": round(points, 2)}
    counts = metric_counts(conn, p)
    out["new_contacts"] = counts["new-contacts"]
    out["facts"] = counts["facts"]
    out["follow_ups_done"] = counts["follow-ups-done"]
    out["follow_ups_missed"] = proactive_reads.followups_missed_count(conn, p.start, today)
    return out


def _first_meeting_asks(conn: sqlite3.Connection, p: review.Period) -> int:
    firsts = proactive_reads.first_interaction_days(conn)
    n = 0
    for x in proactive_reads.period_exchanges(conn, p.start, p.end):
        if x["direction"] != "ask":
            continue
        first = firsts.get(x["contact_id"])
        if (
            first is not None
            and first == x["occurred_on"]
            and p.contains(date.fromisoformat(first))
        ):
            n += 1
    return n


def _farming(conn: sqlite3.Connection, today: date) -> review.Farming:
    candidates = []
    for cid, met in proactive_reads.met_days(conn):
        met_on = date.fromisoformat(met)
        if review.FARMING_MIN_DAYS <= (today - met_on).days <= review.FARMING_MAX_DAYS:
            candidates.append((cid, met_on))
    days = proactive_reads.interaction_days_of(conn, [cid for cid, _m in candidates])
    return review.farming(((m, as_days(days.get(cid, []))) for cid, m in candidates), today)


def _spread(conn: sqlite3.Connection, today: date, c: Constants) -> review.Spread:
    ids = proactive_reads.recently_active_ids(conn, today - timedelta(days=review.ACTIVE_WINDOW))
    if not ids:
        return review.depth_spread([])
    return review.depth_spread(scores.depths(conn, today, c, ids))


def _habit(key: str, name: str, in_place: bool, figure: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "habit": name, "in_place": in_place, "figure": figure, **extra}


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{round(share * 100)}%"


def _deep_figure(spread: review.Spread) -> str:
    if spread.median is None:
        return "no contacts active in the last 365 days"
    return (
        f"median depth {spread.median:.0f} over {spread.contacts} active contacts; "
        f"{_pct(spread.deep_share)} at depth 40 or more"
        + ("; wide but shallow" if spread.wide_but_shallow else "")
    )


def _farm_figure(farm: review.Farming) -> str:
    if farm.met == 0:
        return "no first meetings 30–90 days ago"
    return (
        f"{farm.followed} of {farm.met} first meetings 30–90 days ago got a second "
        f"within 30 days ({_pct(farm.share)})"
    )


def habits(
    conn: sqlite3.Connection,
    p: review.Period,
    today: date,
    c: Constants,
    act: dict[str, Any],
    current_streak: int,
) -> list[dict[str, Any]]:
    n_goals = len(proactive_reads.goals(conn))
    plan = budget(conn)
    days = as_days(proactive_reads.action_days(conn, today))
    active = review.active_days(days, p)
    n_targets = len(proactive_reads.targets(conn))
    gives, asks = act["gives"]["count"], act["asks"]["count"]
    first_asks = _first_meeting_asks(conn, p)
    farm = _farming(conn, today)
    spread = _spread(conn, today, c)
    plan_text = (
        f"{format_money(plan['cents'])} a {plan['per']}" if plan is not None else "no budget set"
    )
    return [
        _habit("goals", "goals set", n_goals > 0, plural(n_goals, "goal")),
        _habit("budget", "a networking budget", plan is not None, plan_text),
        _habit(
            "every_day",
            "networking every day",
            review.every_day_in_place(active, p),
            f"{active} of {plural(p.days, 'day')} with a networking action; "
            f"streak {plural(current_streak, 'day')}",
            days=active,
            streak=current_streak,
        ),
        _habit(
            "targeted",
            "talking targeted",
            n_targets > 0 and asks > 0,
            f"{plural(n_targets, 'target')} written; {plural(asks, 'ask')} in the period",
        ),
        _habit(
            "giving_first",
            "giving first",
            gives > 0 and gives >= asks,
            f"{plural(gives, 'give')}, {plural(asks, 'ask')}",
        ),
        _habit(
            "no_selling",
            "no selling at first meetings",
            first_asks == 0,
            f"{plural(first_asks, 'ask')} at first meetings",
        ),
        _habit(
            "farming",
            "farming, not hunting",
            farm.in_place,
            _farm_figure(farm),
            share=None if farm.share is None else round(farm.share, 2),
        ),
        _habit(
            "deep",
            "deep, not wide",
            spread.in_place,
            _deep_figure(spread),
            median=None if spread.median is None else round(spread.median, 1),
            deep_share=None if spread.deep_share is None else round(spread.deep_share, 2),
            wide_but_shallow=spread.wide_but_shallow,
        ),
    ]


def stages(conn: sqlite3.Connection, p: review.Period, today: date, c: Constants) -> dict[str, Any]:
    from netjournal.scoring.stage import STAGES

    named = scores.stages_today(conn, today, c)
    now = {cid: stage for cid, (_name, stage) in named.items()}
    before_day = p.start - timedelta(days=1)
    met = {cid: date.fromisoformat(d) for cid, d in proactive_reads.met_days(conn)}
    existing = [cid for cid in now if met.get(cid, today) <= before_day]
    before = (
        {
            cid: stage
            for cid, (_name, stage) in scores.stages_on(conn, before_day, c, existing).items()
        }
        if existing
        else {}
    )
    counts = Counter(now.values())
    order = (*STAGES, "dormant")
    return {
        "counts": {name: counts.get(name, 0) for name in order},
        "since": before_day.isoformat(),
        "moved": review.moved(before, now, {cid: name for cid, (name, _s) in named.items()}),
    }


def review_report(
    conn: sqlite3.Connection, p: review.Period, today: date, c: Constants
) -> dict[str, Any]:
    """Everything ``net review`` shows, JSON-ready."""
    act = activity(conn, p, today, c)
    current = streak(conn, today)
    exchanges = proactive_reads.period_exchanges(conn, p.start, p.end)
    bars = review.weekly(
        [date.fromisoformat(x["occurred_on"]) for x in exchanges if x["direction"] == "give"],
        [date.fromisoformat(x["occurred_on"]) for x in exchanges if x["direction"] == "ask"],
        p,
    )
    habit_list = habits(conn, p, today, c, act, current)
    spread = next(h for h in habit_list if h["key"] == "deep")
    return {
        "from": p.start.isoformat(),
        "to": p.end.isoformat(),
        "period": p.kind,
        "days": p.days,
        "activity": act,
        "weeks": [{"week": b.week.isoformat(), "gives": b.gives, "asks": b.asks} for b in bars],
        "goals": period_goals(conn, p, metric_counts(conn, p)),
        "habits": habit_list,
        "habits_in_place": sum(1 for h in habit_list if h["in_place"]),
        "money": money(conn, p),
        "stages": stages(conn, p, today, c),
        "depth": {
            "median": spread["median"],
            "deep_share": spread["deep_share"],
            "wide_but_shallow": spread["wide_but_shallow"],
        },
        "streak": current,
    }
