"""The one door to today's scores of some contacts: cached or computed.

Reports ask here for scores; this package alone decides whether they come from the score
cache (``store.scorecache``), are computed now from the contacts' histories
(``history`` + ``scoring``), in this process or in worker processes (``workers``), and
it keeps what it computed for the next report. The records it stores and returns are
defined in ``records``. Nothing here prints; nothing here is imported by ``store`` or
``scoring``.

Warm reports (the cache valid for today) import neither ``scoring`` nor the histories:
they rank, count and total in SQL over the cache.
"""

from __future__ import annotations

import math
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from netjournal.store import scorecache
from netjournal.store.reads import contacts as contact_reads
from netjournal.text import fold

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants


def _compute(
    conn: sqlite3.Connection, today: date, c: Constants, ids: list[int]
) -> dict[int, dict[str, Any]]:
    from netjournal.scores import workers

    return workers.records(conn, today, c, ids)


def cache_ready(conn: sqlite3.Connection, today: date, c: Constants) -> str | None:
    """Make sure every active contact has valid cached scores (computing and storing the
    missing ones); return the fingerprint to read them by, or None if they could not be
    stored (another process writing, a read-only file)."""
    fp = scorecache.fingerprint(c)
    missing = scorecache.missing_ids(conn, today, fp)
    if missing is None:
        return None
    if missing and not scorecache.store(conn, today, fp, _compute(conn, today, c, missing)):
        return None
    return fp


def due_ready(conn: sqlite3.Connection, today: date, c: Constants) -> str | None:
    """Like :func:`cache_ready`, for ``net due`` (default horizon, not ``--all``): every
    active contact has valid cached scores or is known quiet today. The missing ones are
    screened in SQL (``screen``); only those that may be listed are scored, the others
    are recorded as quiet. None when that could not be stored."""
    fp = scorecache.fingerprint(c)
    missing = scorecache.missing_ids(conn, today, fp, quiet_will_do=True)
    if missing is None:
        return None
    if missing:
        from netjournal.scores import screen

        # measured on fresh copies (2026-12-03): the SQL screen then the histories of those
        # that may be listed took 110 ms on the realistic journal against 139 ms for reading
        # every history and screening those (5.96 s against 5.65 s on 10,000 contacts, most
        # of whom may be listed): journals of imported names favour the SQL screen
        may, quiet = screen.split(conn, today, c, c.horizon, missing)
        fresh = _compute(conn, today, c, may) if may else {}
        if not scorecache.store(conn, today, fp, fresh, quiet):
            return None
    return fp


def scored(
    conn: sqlite3.Connection,
    today: date,
    c: Constants,
    part: str,
    ids: list[int] | None = None,
) -> dict[int, dict[str, Any]]:
    """One part (``balance``, ``depth`` or ``urgency``) of the score records of the
    active contacts (or ``ids``), by contact id, in name order.

    Valid records come from the score cache; the others are computed from the contacts'
    histories and kept for the next report (best effort).
    """
    wanted = contact_reads.active_contact_ids(conn) if ids is None else ids
    fp = scorecache.fingerprint(c)
    cached = {
        cid: record[part]
        for cid, record in scorecache.load(
            conn, None if ids is None else ids, today, fp, (part,)
        ).items()
    }
    missing = [cid for cid in wanted if cid not in cached]
    if missing:
        fresh = _compute(conn, today, c, missing)
        scorecache.store(conn, today, fp, fresh)
        cached.update({cid: record[part] for cid, record in fresh.items()})
    return {cid: cached[cid] for cid in wanted if cid in cached}


# --- whole-journal rankings ---------------------------------------------------------------


def due_ranking(
    conn: sqlite3.Connection,
    today: date,
    c: Constants,
    *,
    horizon: int,
    show_all: bool,
    limit: int,
) -> tuple[int, list[dict[str, Any]]]:
    """``net due``'s rows: (how many contacts are listed, the first ``limit`` of their
    items (0: all), most urgent first).

    With the default horizon the scores come from the score cache and are ranked in
    SQL (the first report of a day scores only the contacts the screen lets through:
    :func:`due_ready`); another horizon screens the contacts in SQL and scores only those
    that could be listed.
    """
    fp = None
    if horizon == c.horizon:
        fp = cache_ready(conn, today, c) if show_all else due_ready(conn, today, c)
    if fp is not None:
        count, ids = scorecache.due_ranked(
            conn, today, fp, everyone=show_all, dormant_limit=c.dormant_limit, limit=limit
        )
        parts = scorecache.urgency_parts(conn, ids)
        return count, [parts[cid]["item"] for cid in ids]
    from netjournal.scores.records import CachedUrgency

    if horizon == c.horizon and show_all:
        records = list(scored(conn, today, c, "urgency").values())
    else:  # another horizon, or the cache could not be kept: score what the screen lets by
        from netjournal.scores import screen

        records = screen.urgency_records(conn, today, c, horizon, show_all)
    ranked = _rank([CachedUrgency(record) for record in records], c, show_all)
    return len(ranked), [u.item for u in (ranked[:limit] if limit else ranked)]


def _rank(rows: list[Any], c: Constants, show_all: bool) -> list[Any]:
    """``urgency.rank_due`` (or, for ``--all``, everyone a snooze does not hide, by
    urgency)."""
    if show_all:
        return sorted(
            (r for r in rows if not r.hidden), key=lambda r: (not r.due_now, -r.total, r.name)
        )
    from netjournal.scoring.urgency import rank_due

    return rank_due(rows, c)


def ranked(
    conn: sqlite3.Connection, today: date, c: Constants, part: str, limit: int
) -> tuple[list[dict[str, Any]], int, float, float]:
    """The ``balance`` or ``depth`` part of the active contacts' scores in that report's
    order (lowest balance first; deepest first; then by name), the first ``limit`` (0:
    all), with the number of contacts and the network's decayed given and taken."""
    fp = cache_ready(conn, today, c)
    if fp is not None:
        rows = scorecache.ranked(conn, today, fp, part, part, limit)
        given, taken, count = scorecache.totals(conn, today, fp)
        return rows, count, given, taken
    # the scores could not be kept: compute them all here
    rows = list(scored(conn, today, c, part).values())
    if part == "balance":
        rows.sort(key=lambda r: (r["_balance"], fold(r["name"])))
        given = math.fsum(r["_given"] for r in rows)
        taken = math.fsum(r["_taken"] for r in rows)
    else:
        rows.sort(key=lambda e: (-e["depth"], fold(e["name"])))
        given = taken = 0.0
    return (rows[:limit] if limit else rows), len(rows), given, taken


# --- scores as of another day (review) -------------------------------------------------------


def stages_on(
    conn: sqlite3.Connection, day: date, c: Constants, ids: list[int] | None = None
) -> dict[int, tuple[str, str]]:
    """(name, stage) of the active contacts (or ``ids``) as of ``day``, in name order."""
    from netjournal.scores.history import histories
    from netjournal.scoring.stage import stage_name

    return {
        cid: (h.name, stage_name(h, day, c)) for cid, h in histories(conn, day, ids, c=c).items()
    }


def stages_today(conn: sqlite3.Connection, today: date, c: Constants) -> dict[int, tuple[str, str]]:
    """(name, stage) of the active contacts today, in name order: from the score cache
    (what ``net due`` and ``net depth`` keep), the others computed (their stage only:
    after ``net due`` those are mostly the quiet, often never met)."""
    wanted = contact_reads.active_contact_ids(conn)
    cached = scorecache.load(conn, None, today, scorecache.fingerprint(c), ("depth",))
    named = {cid: (r["depth"]["name"], r["depth"]["stage"]) for cid, r in cached.items()}
    missing = [cid for cid in wanted if cid not in named]
    if missing:
        named.update(stages_on(conn, today, c, missing))
    return {cid: named[cid] for cid in wanted if cid in named}


def depths(conn: sqlite3.Connection, today: date, c: Constants, ids: list[int]) -> list[float]:
    """Today's depth (unrounded) of each contact of ``ids``, from the score cache when
    it holds it."""
    return [e["_depth"] for e in scored(conn, today, c, "depth", ids).values()]


# --- checking the cache (net doctor) ---------------------------------------------------------

#: how many cached contacts :func:`check_cache` recomputes to compare
CACHE_SAMPLE = 200


def _spread_sample(ids: list[int]) -> list[int]:
    """Up to ``CACHE_SAMPLE`` of ``ids``, spread evenly over them."""
    return ids[:: max(1, len(ids) // CACHE_SAMPLE)][:CACHE_SAMPLE]


def check_cache(conn: sqlite3.Connection, today: date, c: Constants) -> list[str]:
    """The score cache is derived data: its invalidation triggers must all be in place,
    today's cached scores must equal a fresh computation, and no contact recorded as quiet
    today may be listed by a fresh one (each checked on a sample of up to
    ``CACHE_SAMPLE`` contacts spread over the journal)."""
    import json

    from netjournal import messages
    from netjournal.plural import plural
    from netjournal.scores.history import histories
    from netjournal.scores.records import score_record

    problems: list[str] = []
    if not scorecache.triggers_intact(conn):
        problems.append(messages.DOCTOR_CACHE_TRIGGERS)
    fp = scorecache.fingerprint(c)
    ids = scorecache.cached_ids(conn, today, fp)
    if ids:
        sample = _spread_sample(ids)
        cached = scorecache.load(conn, sample, today, fp)
        fresh = {
            cid: json.loads(json.dumps(score_record(h, today, c)))  # as the cache reads back
            for cid, h in histories(conn, today, sample, c=c).items()
        }
        stale = [cid for cid in sample if cid in cached and cached[cid] != fresh.get(cid)]
        if stale:
            problems.append(
                messages.DOCTOR_CACHE_STALE.format(
                    stale=len(stale), of=plural(len(sample), "contact")
                )
            )
    quiet = scorecache.cached_ids(conn, today, fp, "score_quiet")
    if quiet:
        from netjournal.scoring.urgency import urgency

        sample = _spread_sample(quiet)
        listed = [
            h for h in histories(conn, today, sample, c=c).values() if urgency(h, today, c).listed
        ]
        if listed:
            problems.append(
                messages.DOCTOR_QUIET_LISTED.format(
                    listed=len(listed), of=plural(len(sample), "contact")
                )
            )
    return problems
