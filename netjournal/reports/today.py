"""The day's page (plain ``net``, and ``net today``): the top of ``net due``, the
follow-ups and promises due this week (overdue first), the goals and the streak.

It only assembles the reports of ``net due``, ``net followups`` and ``net goals`` (today's
scores through ``scores``, the one door ``net due`` uses); it reads nothing of its own.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from netjournal.reports import due as due_reports
from netjournal.reports import goals as goal_reports
from netjournal.scoring import habits

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants

#: how many of ``net due``'s contacts the page shows at most
TOP = 5


def week_end(today: date) -> date:
    """The Sunday that ends today's week (weeks start on Monday, as goals count them)."""
    return habits.whole(habits.period("week", today)).end


def today_report(
    conn: sqlite3.Connection, today: date, constants: Constants, *, top: int = TOP
) -> dict[str, Any]:
    """The page's data: ``due`` (the first ``top`` items of ``net due --json``) and
    ``due_count`` (how many ``net due`` lists), ``followups`` (the open ones of ``net
    followups --json`` due by the end of the week, so the overdue ones first), ``goals``
    and ``streak`` (as in ``net goals --json``)."""
    due = due_reports.due_report(conn, today, constants, limit=top)
    until = week_end(today)
    followups = due_reports.followups_report(conn, today, until=until)
    goals = goal_reports.goals(conn, today)
    return {
        "as_of": today.isoformat(),
        "due": due["items"],
        "due_count": due["count"],
        "due_within": due["within"],
        "followups": followups["followups"],
        "followups_until": until.isoformat(),
        "goals": goals["goals"],
        "streak": goals["streak"],
    }


def no_journal(today: date, constants: Constants) -> dict[str, Any]:
    """The page of a journal that does not exist yet: every section empty."""
    return {
        "as_of": today.isoformat(),
        "due": [],
        "due_count": 0,
        "due_within": constants.horizon,
        "followups": [],
        "followups_until": week_end(today).isoformat(),
        "goals": [],
        "streak": 0,
    }
