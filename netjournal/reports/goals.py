"""Goals, budget, expenses and money: ``net goals``, ``net budget``, ``net expenses``, and
the goals and money of ``net review``. Plain JSON-ready data; nothing here prints.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from netjournal.scoring import habits as review
from netjournal.store.reads import proactive as proactive_reads
from netjournal.text import format_money

BUDGET_KEY = "budget"


def as_days(texts: list[str]) -> list[date]:
    return [date.fromisoformat(t) for t in texts]


def streak(conn: sqlite3.Connection, today: date) -> int:
    return review.streak(as_days(proactive_reads.action_days(conn, today)), today)


def budget(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The budget setting: {"cents": int, "per": "month"|"year"} or None."""
    raw = proactive_reads.setting(conn, BUDGET_KEY)
    if raw is None:
        return None
    value = json.loads(raw)
    return {"cents": int(value["cents"]), "per": str(value["per"])}


# --- goals ----------------------------------------------------------------------------------


def metric_counts(conn: sqlite3.Connection, p: review.Period) -> dict[str, int]:
    """Every goal metric's actual over the period."""
    interactions = proactive_reads.period_interactions(conn, p.start, p.end)
    exchanges = proactive_reads.period_exchanges(conn, p.start, p.end)
    gives = [x for x in exchanges if x["direction"] == "give"]
    met = [d for _cid, d in proactive_reads.met_days(conn) if p.contains(date.fromisoformat(d))]
    return {
        "one-to-ones": sum(1 for _i, _d, k in interactions if k in review.ONE_TO_ONE_KINDS),
        "interactions": len(interactions),
        "gives": len(gives),
        "referrals-given": sum(1 for x in gives if x["kind"] in review.REFERRAL_KINDS),
        "new-contacts": len(met),
        "facts": proactive_reads.period_fact_count(conn, p.start, p.end),
        "follow-ups-done": proactive_reads.followups_done_count(conn, p.start, p.end),
    }


def goals(conn: sqlite3.Connection, today: date) -> dict[str, Any]:
    """``net goals``: each goal's actual against its target for the current week or month."""
    out = []
    counts: dict[str, dict[str, int]] = {}
    for g in proactive_reads.goals(conn):
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
    """Goals in a review: the target scaled to the whole period, as hledger's budget
    report (so the same week or month reads as in ``net goals``)."""
    out = []
    for g in proactive_reads.goals(conn):
        target = review.scaled_target(g["target"], g["per"], review.whole(p))
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


def budget_status(plan: dict[str, Any], p: review.Period, spent: int) -> dict[str, Any]:
    """The budget against what was spent in ``p``: the whole period's budget (its whole
    week, month or year, as hledger's budget report) and what is left of it."""
    full = review.whole(p)
    scaled = review.scaled_cents(plan["cents"], plan["per"], full)
    return {
        "amount": format_money(plan["cents"]),
        "per": plan["per"],
        "for_period": format_money(scaled),
        "left": format_money(scaled - spent),
        "from": full.start.isoformat(),
        "to": full.end.isoformat(),
        "spent": format_money(spent),
    }


def budget_now(conn: sqlite3.Connection, today: date) -> dict[str, Any] | None:
    """``net budget show``: the budget of this month or year against what was spent."""
    plan = budget(conn)
    if plan is None:
        return None
    p = review.period(plan["per"], today)
    return budget_status(plan, p, proactive_reads.spent_cents(conn, p.start, p.end))


def money(conn: sqlite3.Connection, p: review.Period) -> dict[str, Any]:
    spent = proactive_reads.spent_cents(conn, p.start, p.end)
    returned = proactive_reads.returned_cents(conn, p.start, p.end)
    plan = budget(conn)
    budget_out = None if plan is None else budget_status(plan, p, spent)
    return {
        "spent": format_money(spent),
        "returned": format_money(returned),
        "net": format_money(returned - spent),
        "ratio": _ratio(returned, spent),
        "budget": budget_out,
    }


def expenses(conn: sqlite3.Connection, today: date, since: date | None) -> dict[str, Any]:
    """``net expenses``: the expenses, their total, and the return over the same span."""
    rows = proactive_reads.expenses(conn, since, today)
    spent = sum(r["amount_cents"] for r in rows)
    returned = proactive_reads.returned_cents(conn, since, today)
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
