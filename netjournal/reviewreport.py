"""Reports of the proactive habits: goals, expenses and return, review, match.

Reads through ``store.reads``, computes with ``review``, ``matching`` and ``scoring``,
and returns plain JSON-ready data; nothing here prints.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from netjournal import matching, review, scoring
from netjournal.store import reads
from netjournal.text import format_money

BUDGET_KEY = "budget"


def _days(texts: list[str]) -> list[date]:
    return [date.fromisoformat(t) for t in texts]


def streak(conn: sqlite3.Connection, today: date) -> int:
    return review.streak(_days(reads.action_days(conn, today)), today)


def budget(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The budget setting: {"cents": int, "per": "month"|"year"} or None."""
    raw = reads.setting(conn, BUDGET_KEY)
    if raw is None:
        return None
    value = json.loads(raw)
    return {"cents": int(value["cents"]), "per": str(value["per"])}


# --- goals ----------------------------------------------------------------------------------


def metric_counts(conn: sqlite3.Connection, p: review.Period) -> dict[str, int]:
    """Every goal metric's actual over the period."""
    interactions = reads.period_interactions(conn, p.start, p.end)
    exchanges = reads.period_exchanges(conn, p.start, p.end)
    gives = [x for x in exchanges if x["direction"] == "give"]
    met = [d for _cid, d in reads.met_days(conn) if p.contains(date.fromisoformat(d))]
    return {
        "one-to-ones": sum(1 for _i, _d, k in interactions if k in review.ONE_TO_ONE_KINDS),
        "interactions": len(interactions),
        "gives": len(gives),
        "referrals-given": sum(1 for x in gives if x["kind"] in review.REFERRAL_KINDS),
        "new-contacts": len(met),
        "facts": reads.period_fact_count(conn, p.start, p.end),
        "follow-ups-done": reads.followups_done_count(conn, p.start, p.end),
    }


def goals(conn: sqlite3.Connection, today: date) -> dict[str, Any]:
    """``net goals``: each goal's actual against its target for the current week or month."""
    out = []
    counts: dict[str, dict[str, int]] = {}
    for g in reads.goals(conn):
        p = review.goal_period(g["per"], today)
        if g["per"] not in counts:
            counts[g["per"]] = metric_counts(conn, p)
        actual = counts[g["per"]][g["metric"]]
        out.append(
            {
                "metric": g["metric"],
                "target": g["target"],
                "per": g["per"],
                "actual": actual,
                "period_start": p.start.isoformat(),
                "percent": review.percent(actual, g["target"]),
            }
        )
    return {"as_of": today.isoformat(), "goals": out, "streak": streak(conn, today)}


def period_goals(
    conn: sqlite3.Connection, p: review.Period, counts: dict[str, int]
) -> list[dict[str, Any]]:
    """Goals in a review: the target scaled to the period, as hledger's budget report."""
    out = []
    for g in reads.goals(conn):
        target = review.scaled_target(g["target"], g["per"], p)
        actual = counts[g["metric"]]
        out.append(
            {
                "metric": g["metric"],
                "target": round(target, 2),
                "goal": g["target"],
                "per": g["per"],
                "actual": actual,
                "percent": review.percent(actual, target),
                "met": actual >= target,
            }
        )
    return out


# --- money ------------------------------------------------------------------------------------


def _ratio(returned: int, spent: int) -> float | None:
    if spent == 0:
        return None
    value = (Decimal(returned) / Decimal(spent)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return float(value)


def money(conn: sqlite3.Connection, p: review.Period) -> dict[str, Any]:
    spent = reads.spent_cents(conn, p.start, p.end)
    returned = reads.returned_cents(conn, p.start, p.end)
    plan = budget(conn)
    budget_out = None
    if plan is not None:
        scaled = review.scaled_cents(plan["cents"], plan["per"], p)
        budget_out = {
            "amount": format_money(plan["cents"]),
            "per": plan["per"],
            "for_period": format_money(scaled),
            "left": format_money(scaled - spent),
        }
    return {
        "spent": format_money(spent),
        "returned": format_money(returned),
        "net": format_money(returned - spent),
        "ratio": _ratio(returned, spent),
        "budget": budget_out,
    }


def expenses(conn: sqlite3.Connection, today: date, since: date | None) -> dict[str, Any]:
    """``net expenses``: the expenses, their total, and the return over the same span."""
    rows = reads.expenses(conn, since, today)
    spent = sum(r["amount_cents"] for r in rows)
    returned = reads.returned_cents(conn, since, today)
    plan = budget(conn)
    return {
        "as_of": today.isoformat(),
        "since": since.isoformat() if since else None,
        "expenses": [
            {
                "id": f"e{r['id']}",
                "on": r["spent_on"],
                "amount": format_money(r["amount_cents"]),
                "what": r["what"],
                "contact": r["name"],
                "event": r["event"],
            }
            for r in rows
        ],
        "spent": format_money(spent),
        "returned": format_money(returned),
        "net": format_money(returned - spent),
        "ratio": _ratio(returned, spent),
        "budget": None
        if plan is None
        else {"amount": format_money(plan["cents"]), "per": plan["per"]},
    }


# --- review -----------------------------------------------------------------------------------


def _stages(
    conn: sqlite3.Connection, day: date, c: scoring.Constants, ids: list[int] | None = None
) -> dict[int, str]:
    return {
        cid: scoring.stage(h, day, c).name for cid, h in reads_histories(conn, day, ids).items()
    }


def reads_histories(
    conn: sqlite3.Connection, day: date, ids: list[int] | None
) -> dict[int, scoring.ContactHistory]:
    from netjournal import reports

    return reports.histories(conn, day, ids)


def activity(
    conn: sqlite3.Connection, p: review.Period, today: date, c: scoring.Constants
) -> dict[str, Any]:
    interactions = reads.period_interactions(conn, p.start, p.end)
    exchanges = reads.period_exchanges(conn, p.start, p.end)
    by_kind = Counter(k for _i, _d, k in interactions)
    out: dict[str, Any] = {
        "interactions": len(interactions),
        "by_kind": dict(sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    for direction, key in (("give", "gives"), ("ask", "asks")):
        items = [x for x in exchanges if x["direction"] == direction]
        points = sum(
            scoring.exchange_amount(
                scoring.Exchange(
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
    out["follow_ups_missed"] = reads.followups_missed_count(conn, p.start, today)
    return out


def _first_meeting_asks(conn: sqlite3.Connection, p: review.Period) -> int:
    firsts = reads.first_interaction_days(conn)
    n = 0
    for x in reads.period_exchanges(conn, p.start, p.end):
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
    for cid, met in reads.met_days(conn):
        met_on = date.fromisoformat(met)
        if review.FARMING_MIN_DAYS <= (today - met_on).days <= review.FARMING_MAX_DAYS:
            candidates.append((cid, met_on))
    days = reads.interaction_days_of(conn, [cid for cid, _m in candidates])
    return review.farming(((m, _days(days.get(cid, []))) for cid, m in candidates), today)


def _spread(conn: sqlite3.Connection, today: date, c: scoring.Constants) -> review.Spread:
    ids = reads.recently_active_ids(conn, today - timedelta(days=review.ACTIVE_WINDOW))
    if not ids:
        return review.depth_spread([])
    hist = reads_histories(conn, today, ids)
    return review.depth_spread(scoring.depth(h, today, c).depth for h in hist.values())


def _habit(key: str, name: str, in_place: bool, figure: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "habit": name, "in_place": in_place, "figure": figure, **extra}


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{round(share * 100)}%"


def habits(
    conn: sqlite3.Connection,
    p: review.Period,
    today: date,
    c: scoring.Constants,
    act: dict[str, Any],
    current_streak: int,
) -> list[dict[str, Any]]:
    n_goals = len(reads.goals(conn))
    plan = budget(conn)
    days = _days(reads.action_days(conn, today))
    active = review.active_days(days, p)
    n_targets = len(reads.targets(conn))
    gives, asks = act["gives"]["count"], act["asks"]["count"]
    first_asks = _first_meeting_asks(conn, p)
    farm = _farming(conn, today)
    spread = _spread(conn, today, c)
    plan_text = (
        f"{format_money(plan['cents'])} a {plan['per']}" if plan is not None else "no budget set"
    )
    deep_figure = (
        "no contacts active in the last 365 days"
        if spread.median is None
        else f"median depth {spread.median:.0f} over {spread.contacts} active contacts; "
        f"{_pct(spread.deep_share)} at depth 40 or more"
        + ("; wide but shallow" if spread.wide_but_shallow else "")
    )
    farm_figure = (
        "no first meetings 30–90 days ago"
        if farm.met == 0
        else f"{farm.followed} of {farm.met} first meetings 30–90 days ago got a second "
        f"within 30 days ({_pct(farm.share)})"
    )
    return [
        _habit("goals", "goals set", n_goals > 0, _count(n_goals, "goal")),
        _habit("budget", "a networking budget", plan is not None, plan_text),
        _habit(
            "every_day",
            "networking every day",
            review.every_day_in_place(active, p),
            f"{active} of {p.days} days with a networking action; "
            f"streak {_count(current_streak, 'day')}",
            days=active,
            streak=current_streak,
        ),
        _habit(
            "targeted",
            "talking targeted",
            n_targets > 0 and asks > 0,
            f"{_count(n_targets, 'target')} written; {_count(asks, 'ask')} in the period",
        ),
        _habit(
            "giving_first",
            "giving first",
            gives > 0 and gives >= asks,
            f"{_count(gives, 'give')}, {_count(asks, 'ask')}",
        ),
        _habit(
            "no_selling",
            "no selling at first meetings",
            first_asks == 0,
            f"{_count(first_asks, 'ask')} at first meetings",
        ),
        _habit(
            "farming",
            "farming, not hunting",
            farm.in_place,
            farm_figure,
            share=None if farm.share is None else round(farm.share, 2),
        ),
        _habit(
            "deep",
            "deep, not wide",
            spread.in_place,
            deep_figure,
            median=None if spread.median is None else round(spread.median, 1),
            deep_share=None if spread.deep_share is None else round(spread.deep_share, 2),
            wide_but_shallow=spread.wide_but_shallow,
        ),
    ]


def stages(
    conn: sqlite3.Connection, p: review.Period, today: date, c: scoring.Constants
) -> dict[str, Any]:
    hist_now = reads_histories(conn, today, None)
    now = {cid: scoring.stage(h, today, c).name for cid, h in hist_now.items()}
    before_day = p.start - timedelta(days=1)
    met = {cid: date.fromisoformat(d) for cid, d in reads.met_days(conn)}
    existing = [cid for cid in now if met.get(cid, today) <= before_day]
    before = _stages(conn, before_day, c, existing) if existing else {}
    counts = Counter(now.values())
    order = (*scoring.STAGES, "dormant")
    return {
        "counts": {name: counts.get(name, 0) for name in order},
        "since": before_day.isoformat(),
        "moved": review.moved(before, now, {cid: h.name for cid, h in hist_now.items()}),
    }


def review_report(
    conn: sqlite3.Connection, p: review.Period, today: date, c: scoring.Constants
) -> dict[str, Any]:
    """Everything ``net review`` shows, JSON-ready."""
    act = activity(conn, p, today, c)
    current = streak(conn, today)
    exchanges = reads.period_exchanges(conn, p.start, p.end)
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


# --- match ------------------------------------------------------------------------------------


def match(conn: sqlite3.Connection, only: int | None = None) -> dict[str, Any]:
    """``net match``: introductions to propose and, with targets, who could refer you."""
    profiles = [
        matching.Profile(
            id=r["id"],
            name=r["name"],
            company=r["company"],
            role=r["role"],
            tags=tuple(r["tags"]),
            facts=tuple(r["facts"]),
        )
        for r in reads.match_contacts(conn)
    ]
    known = matching.already_introduced(
        profiles, reads.met_together(conn), reads.introduction_gives(conn)
    )
    intros = matching.introductions(profiles, known, only=only)
    out: dict[str, Any] = {
        "introductions": [
            {
                "introduce": i.seeker,
                "to": i.helper,
                "need": i.need,
                "offers": list(i.offers),
                "words": list(i.common),
                "reason": i.reason,
            }
            for i in intros
        ]
    }
    if only is None:
        targets = [(t["id"], t["text"]) for t in reads.targets(conn)]
        out["referrers"] = [
            {
                "target": f"t{m.target_id}",
                "text": m.text,
                "contacts": [
                    {"name": r.name, "words": list(r.common), "reason": r.reason}
                    for r in m.referrers
                ],
            }
            for m in matching.referrers(targets, profiles)
        ]
    return out
