"""``net due``'s screen: tell in SQL, from a few aggregates per contact, who cannot be
listed, so that only the others are scored.

The first ``net due`` of a day scores only the contacts that may be listed and records the
others as quiet for the day (``scorecache``'s ``score_quiet``); ``net due --within N`` with
another horizon than the cached one scores only those that may be listed at that horizon.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from netjournal.scores.history import day, histories
from netjournal.scores.records import urgency_record
from netjournal.store.reads import history as history_reads

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants


def urgency_records(
    conn: sqlite3.Connection, today: date, c: Constants, horizon: int, show_all: bool
) -> list[dict[str, Any]]:
    """The urgency records (horizon ``horizon``) of every active contact with ``show_all``,
    else of those that may be listed."""
    from netjournal.scoring.urgency import urgency

    if show_all:
        hist = histories(conn, today, c=c)
    else:
        hist = histories(conn, today, split(conn, today, c, horizon)[0], c=c)
    return [urgency_record(urgency(h, today, c, within=horizon)) for h in hist.values()]


#: below this many contacts the screen reads only theirs; above, the whole journal in one
#: pass (cheaper than looking each up) and keeps theirs
_BY_ID = 500


def split(
    conn: sqlite3.Connection,
    today: date,
    c: Constants,
    horizon: int,
    ids: list[int] | None = None,
) -> tuple[list[int], list[int]]:
    """(the active contacts (of ``ids``) that may be listed at ``horizon``, those that
    cannot), each by id."""
    from netjournal.scoring.records import real_kinds

    kinds = real_kinds(c)
    if ids is not None and len(ids) <= _BY_ID:
        rows = history_reads.due_screen(conn, today, kinds, ids)
    else:
        rows = history_reads.due_screen(conn, today, kinds)
        if ids is not None:
            wanted = set(ids)
            rows = [row for row in rows if row[0] in wanted]
    may: list[int] = []
    quiet: list[int] = []
    for row in rows:
        (may if _may_be_listed(row, today, c, horizon) else quiet).append(int(row[0]))
    return sorted(may), sorted(quiet)


def _near_birthday(birthday: str | None, today: date, c: Constants) -> bool:
    """True when a birthday may be within the event window (a day of slack each way)."""
    if not birthday:
        return False
    month_day = birthday.strip()[-5:]
    try:
        month, dom = int(month_day[:2]), int(month_day[3:])
    except ValueError:
        return True  # let scoring decide
    for year in (today.year - 1, today.year, today.year + 1):
        days = [(month, dom)] if (month, dom) != (2, 29) else [(2, 28), (3, 1)]
        for m, d in days:
            try:
                offset = (date(year, m, d) - today).days
            except ValueError:
                return True
            if -c.birthday_after - 1 <= offset <= c.birthday_before + 1:
                return True
    return False


def _may_be_listed(row: tuple[Any, ...], today: date, c: Constants, horizon: int) -> bool:
    """Whether ``urgency`` could list the contact of this row of
    ``history_reads.due_screen`` (a superset, so the full scoring runs only on those),
    from its aggregates as of ``today`` alone: a follow-up due within the horizon, or,
    unless snoozed, silent long enough to be dormant, or, once met, the cadence run out, a
    birthday near, or a new tie. The cheap tests come first: most rows of a journal of
    imported names stop at the fourth."""
    (_cid, tier, kin, every_days, met, created, birthday, count, first, last, real, last_real,
     source, snoozed, first_due) = row  # fmt: skip
    if first_due is not None and (date.fromisoformat(first_due) - today).days <= horizon:
        return True
    if snoozed is not None and date.fromisoformat(snoozed[:10]) > today:
        return False  # a snooze hides all but dated follow-ups and promises
    last_day = day(last)
    if last_day is not None and (today - last_day).days >= c.dormant_days:
        return True
    if source is not None and real == 0:
        return False  # imported, never met: no cadence, no birthday reminder, not a new tie
    from netjournal.scoring.cadence import cadence_of
    from netjournal.scoring.records import ContactHistory
    from netjournal.scoring.view import View

    met_on = day(met) or day(first) or day(created) or today
    last_real_day = day(last_real)
    light = ContactHistory(name="", tier=tier, kin=bool(kin), cadence=every_days, met_on=met_on)
    # the view ``as_of`` gives of a history whose aggregates are these, without records
    seen = View(today, (), count, last_day, (), (), False, real_count=real,
                last_real=last_real_day)  # fmt: skip
    every = cadence_of(light, seen, c)
    if every is not None and (today - (last_real_day or met_on)).days >= every:
        return True
    if _near_birthday(birthday, today, c):
        return True
    new = real < c.new_tie_interactions
    return new and c.new_tie_min_days <= (today - met_on).days <= c.new_tie_max_days
