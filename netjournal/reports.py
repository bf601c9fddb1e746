"""Reports: read the journal through ``store.reads``, score with ``scoring``, return plain data.

The CLI calls these and hands the result to ``render``; nothing here prints or builds
Rich objects, and nothing imports SQLModel. Each report computes each contact from that
contact's own history, so a number never depends on who else is in the journal.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from netjournal.names import Outcome, resolution_error
from netjournal.store import reads
from netjournal.text import fold, format_money

if TYPE_CHECKING:
    from netjournal import scoring


def find_contact(conn: sqlite3.Connection, name: str) -> int:
    res = reads.resolve_contact(conn, name)
    if res.outcome is not Outcome.FOUND or res.match is None:
        raise resolution_error(res)
    return res.match.id


# --- building scoring histories -----------------------------------------------------------


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _exchange(row: tuple[Any, ...], make: type[scoring.Exchange]) -> scoring.Exchange:
    _cid, direction, kind, on, size, cents, status, what = row
    return make(
        direction=direction,
        kind=kind,
        on=date.fromisoformat(on),
        size=size,
        amount=(Decimal(cents) / 100) if cents is not None else None,
        status=status,
        note=what or "",
    )


def _followup(row: tuple[Any, ...], make: type[scoring.FollowUp]) -> scoring.FollowUp:
    _cid, kind, due, note, done_on, created_on = row
    return make(
        kind=kind,
        due=date.fromisoformat(due),
        note=note or "",
        done_on=_day(done_on),
        created_on=_day(created_on),
    )


def histories(
    conn: sqlite3.Connection,
    today: date,
    contact_ids: Iterable[int] | None = None,
    *,
    full: bool = False,
) -> dict[int, scoring.ContactHistory]:
    """Scoring inputs per contact (all active contacts, or ``contact_ids``).

    Interactions are limited to the window ``scoring`` documents unless ``full``.
    """
    from netjournal import scoring

    ids = list(contact_ids) if contact_ids is not None else None
    base = reads.history_contacts(conn, ids)
    aggregates, window = reads.interaction_history(conn, today, ids, full=full)
    interactions: dict[int, list[scoring.Interaction]] = defaultdict(list)
    shared: dict[tuple[str, str], scoring.Interaction] = {}  # frozen: one object per value
    for cid, on, kind in window:
        item = shared.get((on, kind))
        if item is None:
            item = shared[(on, kind)] = scoring.Interaction(on=date.fromisoformat(on), kind=kind)
        interactions[cid].append(item)
    exchanges: dict[int, list[scoring.Exchange]] = defaultdict(list)
    for row in reads.history_exchanges(conn, ids):
        exchanges[row[0]].append(_exchange(row, scoring.Exchange))
    facts: dict[int, list[scoring.Fact]] = defaultdict(list)
    last_days = {cid: agg[2] for cid, agg in aggregates.items()}
    for cid, category, learned in reads.history_facts(conn, ids, last_days):
        facts[cid].append(scoring.Fact(category=category, learned_on=date.fromisoformat(learned)))
    followups: dict[int, list[scoring.FollowUp]] = defaultdict(list)
    for row in reads.history_followups(conn, ids):
        followups[row[0]].append(_followup(row, scoring.FollowUp))
    out: dict[int, scoring.ContactHistory] = {}
    for row in base:
        cid = row["id"]
        count, first, last = aggregates.get(cid, (0, None, None))
        first_day, last_day = _day(first), _day(last)
        met_on = _day(row["met_on"]) or first_day or _day(row["created_on"]) or today
        out[cid] = scoring.ContactHistory(
            name=row["name"],
            tier=row["tier"],
            kin=bool(row["kin"]),
            cadence=row["cadence"],
            met_on=met_on,
            birthday=row["birthday"],
            interactions=tuple(interactions.get(cid, ())),
            interaction_count=count,
            first_interaction=first_day,
            last_interaction=last_day,
            exchanges=tuple(exchanges.get(cid, ())),
            facts=tuple(facts.get(cid, ())),
            followups=tuple(followups.get(cid, ())),
            snoozed_until=_day(row["snoozed_until"]),
        )
    return out


def history_of(conn: sqlite3.Connection, contact_id: int, today: date) -> scoring.ContactHistory:
    return histories(conn, today, [contact_id], full=True)[contact_id]


# --- warnings before an ask ---------------------------------------------------------------


def ask_warnings(
    conn: sqlite3.Connection,
    contact_id: int,
    today: date,
    constants: scoring.Constants,
    kind: str,
    size: int | None,
    amount_cents: int | None,
) -> tuple[str, ...]:
    """What ``net ask`` says on stderr before recording (never blocks)."""
    from netjournal import scoring

    history = history_of(conn, contact_id, today)
    amount = Decimal(amount_cents) / 100 if amount_cents is not None else None
    return scoring.ask_warnings(history, today, kind, size=size, amount=amount, c=constants)


# --- one contact --------------------------------------------------------------------------


def _iso(value: str | None) -> str | None:
    if value is None:
        return None
    if len(value) <= 10:
        return value
    moment = reads.parse_utc(value)
    return moment.astimezone().isoformat(timespec="minutes") if moment else None


def _money(cents: int | None) -> str | None:
    return format_money(cents) if cents is not None else None


def contact_profile(
    conn: sqlite3.Connection, name: str, today: date, constants: scoring.Constants
) -> dict[str, Any]:
    """Everything ``net show`` prints, as plain JSON-ready data."""
    cid = find_contact(conn, name)
    row = reads.contact(conn, cid)
    assert row is not None
    profile: dict[str, Any] = {
        "id": row["id"],
        "uuid": row["uuid"],
        "name": row["name"],
        "company": row["company"],
        "role": row["role"],
        "email": row["email"],
        "phone": row["phone"],
        "birthday": row["birthday"],
        "tags": row["tags"],
        "tier": row["tier"],
        "kin": row["kin"],
        "cadence": row["cadence"],
        "met_at": row["met_at"],
        "met_on": row["met_on"],
        "archived": row["archived"],
        "snoozed_until": row["snoozed_until"],
        "linkedin_url": row["linkedin_url"],
        "created_at": _iso(row["created_at"]),
    }
    profile["facts"] = [
        {
            "id": f"f{f['id']}",
            "category": f["category"],
            "text": f["text"],
            "learned_on": f["learned_on"],
        }
        for f in reads.facts_of(conn, cid)
    ]
    profile["interactions"] = [
        {
            "id": f"i{i['id']}",
            "kind": i["kind"],
            "at": _iso(i["occurred_at"]),
            "on": i["occurred_on"],
            "note": i["note"],
            "with": i["with"],
        }
        for i in reads.interactions_of(conn, cid)
    ]
    exchanges = reads.exchanges_of(conn, cid)
    for direction, key, prefix in (("give", "gives", "g"), ("ask", "asks", "a")):
        profile[key] = [
            {
                "id": f"{prefix}{x['id']}",
                "kind": x["kind"],
                "what": x["what"],
                "on": x["occurred_on"],
                "size": x["size"],
                "amount": _money(x["amount_cents"]),
                **({"status": x["status"]} if direction == "ask" else {}),
            }
            for x in exchanges
            if x["direction"] == direction
        ]
    profile["followups"] = [
        {
            "id": f"r{f['id']}",
            "kind": f["kind"],
            "due": f["due"],
            "note": f["note"],
            "done_on": f["done_on"],
        }
        for f in reads.followups_of(conn, cid)
    ]
    history = history_of(conn, cid, today)
    profile.update(scores(history, today, constants))
    open_followups = [f for f in profile["followups"] if f["done_on"] is None]
    profile["next_followup"] = open_followups[0] if open_followups else None
    return profile


def scores(history: scoring.ContactHistory, today: date, c: scoring.Constants) -> dict[str, Any]:
    """Balance, depth, stage and next move of one contact, JSON-ready."""
    from netjournal import scoring

    bal = scoring.balance(history, today, c)
    dep = scoring.depth(history, today, c)
    stg = scoring.stage(history, today, c)
    return {
        "balance": balance_json(bal),
        "depth": depth_json(dep),
        "stage": stg.name,
        "stage_was": stg.was,
        "stage_evidence": list(stg.evidence),
        "next_move": list(dep.missing[:3]),
        "hint": scoring.ask_hint(history, today, c),
    }


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def balance_json(bal: scoring.Balance) -> dict[str, Any]:
    return {
        "gives": bal.gives,
        "asks": bal.asks,
        "given": _r(bal.given),
        "taken": _r(bal.taken),
        "balance": _r(bal.balance),
        "ratio": _r(bal.ratio),
        "label": bal.label,
        "lifetime_given": _r(bal.lifetime_given),
        "lifetime_taken": _r(bal.lifetime_taken),
    }


def depth_json(dep: scoring.Depth) -> dict[str, Any]:
    return {
        "depth": round(dep.depth, 1),
        "band": dep.band,
        "components": {comp.name: round(comp.points, 2) for comp in dep.components},
    }


# --- due: whom to contact now ---------------------------------------------------------


def _iso_day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def due_item(u: scoring.Urgency) -> dict[str, Any]:
    """One row of ``net due`` (and of its JSON): the contract's fields, then extras."""
    return {
        "name": u.name,
        "urgency": round(u.total, 2),
        "due_on": _iso_day(u.due_on),
        "last_contact": _iso_day(u.last_contact),
        "reasons": list(u.reasons),
        "terms": {t.name: round(t.points, 2) for t in u.terms if t.points},
        "triggers": list(u.triggers),
        "cadence": u.cadence,
    }


def due_report(
    conn: sqlite3.Connection,
    today: date,
    constants: scoring.Constants,
    *,
    within: int | None = None,
    show_all: bool = False,
    limit: int = 0,
) -> dict[str, Any]:
    """``net due``: the contacts to get in touch with, most urgent first (the first
    ``limit``; 0: all), and ``count`` of them all.

    Archived contacts are never read; snoozed ones are left out even with ``show_all``
    (which otherwise lists every contact, whatever its triggers). With the default
    horizon the scores come from the score cache; another ``--within`` screens the
    contacts in SQL and scores only those that could be listed.
    """
    horizon = constants.horizon if within is None else within
    fp = _cache_ready(conn, today, constants) if horizon == constants.horizon else None
    if fp is not None:
        from netjournal.store import scorecache

        count, ids = scorecache.due_ranked(
            conn,
            today,
            fp,
            everyone=show_all,
            dormant_limit=constants.dormant_limit,
            limit=limit,
        )
        parts = scorecache.urgency_parts(conn, ids)
        items = [parts[cid]["item"] for cid in ids]
    else:
        from netjournal import scoring

        if horizon == constants.horizon:
            records = list(scored(conn, today, constants, "urgency").values())
        else:
            if show_all:
                hist = histories(conn, today)
            else:
                screen = reads.due_screen(conn, today)
                ids = [row[0] for row in screen if _may_be_listed(row, today, constants, horizon)]
                hist = histories(conn, today, ids)
            records = [
                _urgency_record(scoring.urgency(h, today, constants, within=horizon))
                for h in hist.values()
            ]
        urgencies = [_CachedUrgency(record) for record in records]
        ranked_u = _rank(urgencies, constants, show_all)
        count = len(ranked_u)
        items = [u.item for u in (ranked_u[:limit] if limit else ranked_u)]
    return {
        "as_of": today.isoformat(),
        "within": horizon,
        "all": show_all,
        "count": count,
        "items": items,
    }


def _rank(rows: list[Any], c: scoring.Constants, show_all: bool) -> list[Any]:
    """``scoring.rank_due`` (or, for ``--all``, everyone not snoozed by urgency)."""
    from netjournal import scoring

    if show_all:
        return sorted(
            (r for r in rows if not getattr(r, "snoozed", False)), key=lambda r: (-r.total, r.name)
        )
    return scoring.rank_due(rows, c)


def _near_birthday(birthday: str | None, today: date, c: scoring.Constants) -> bool:
    """True when a birthday may be within the event window (a day of slack each way)."""
    if not birthday:
        return False
    month_day = birthday.strip()[-5:]
    try:
        month, day = int(month_day[:2]), int(month_day[3:])
    except ValueError:
        return True  # let scoring decide
    for year in (today.year - 1, today.year, today.year + 1):
        days = [(month, day)] if (month, day) != (2, 29) else [(2, 28), (3, 1)]
        for m, d in days:
            try:
                offset = (date(year, m, d) - today).days
            except ValueError:
                return True
            if -c.birthday_after - 1 <= offset <= c.birthday_before + 1:
                return True
    return False


def _may_be_listed(row: tuple[Any, ...], today: date, c: scoring.Constants, horizon: int) -> bool:
    """Whether ``scoring.urgency`` could list this contact (a superset, so the full scoring
    runs only on those): a follow-up due within the horizon, the cadence run out, a
    birthday near, a new tie, or silent long enough to be dormant."""
    from netjournal import scoring

    _cid, tier, kin, cadence, met, created, birthday, count, first, last, first_due = row
    if first_due is not None and (date.fromisoformat(first_due) - today).days <= horizon:
        return True
    last_day = _day(last)
    if last_day is not None and last_day > today:
        return True  # interactions dated after today: let scoring sort it out
    met_on = _day(met) or _day(first) or _day(created) or today
    light = scoring.ContactHistory(
        name="",
        tier=tier,
        kin=bool(kin),
        cadence=cadence,
        met_on=met_on,
        interaction_count=count,
        first_interaction=_day(first),
        last_interaction=last_day,
    )
    every = scoring.cadence(light, today, c)
    since = (today - (last_day or met_on)).days
    if every is not None and since >= every:
        return True
    if _near_birthday(birthday, today, c):
        return True
    met_ago = (today - met_on).days
    if count < c.new_tie_interactions and c.new_tie_min_days <= met_ago <= c.new_tie_max_days:
        return True
    return last_day is not None and (today - last_day).days >= c.dormant_days


def due_contact(
    conn: sqlite3.Connection,
    name: str,
    today: date,
    constants: scoring.Constants,
    *,
    within: int | None = None,
) -> dict[str, Any]:
    """``net due NAME``: that contact's urgency term by term (value × coefficient)."""
    from netjournal import scoring

    cid = find_contact(conn, name)
    history = histories(conn, today, [cid])[cid]
    u = scoring.urgency(history, today, constants, within=within)
    archived = reads.contact_archived(conn, cid)
    return {
        "as_of": today.isoformat(),
        **due_item(u),
        "listed": u.listed and not archived,
        "snoozed_until": _iso_day(history.snoozed_until) if u.snoozed else None,
        "archived": archived,
        "rho": None if u.rho is None else round(u.rho, 2),
        "terms": [
            {
                "name": t.name,
                "value": round(t.value, 3),
                "coefficient": t.coefficient,
                "points": round(t.points, 2),
                "reason": t.reason,
            }
            for t in u.terms
        ],
    }


def followups_report(
    conn: sqlite3.Connection, today: date, *, include_done: bool = False
) -> dict[str, Any]:
    """``net followups``: open follow-ups and promises by due date (``r<N>`` ids)."""
    items = []
    for row in reads.followups_list(conn, include_done=include_done):
        due = date.fromisoformat(row["due"])
        done = _day(row["done_on"])
        items.append(
            {
                "id": f"r{row['id']}",
                "name": row["name"],
                "kind": row["kind"],
                "due": row["due"],
                "note": row["note"],
                "created_on": row["created_on"],
                "done_on": row["done_on"],
                "overdue": done is None and due < today,
                "days": (due - today).days,
                "kept": (done <= due) if done is not None and row["kind"] == "promise" else None,
            }
        )
    return {"as_of": today.isoformat(), "followups": items}


# --- balance and depth (net balance, net depth) -----------------------------------------------


def balance_report(
    conn: sqlite3.Connection, today: date, c: scoring.Constants, limit: int = 0
) -> dict[str, Any]:
    """Active contacts' give/take, lowest balance first (then by name; the first ``limit``,
    0: all), ``count`` of them all, and the network's total."""
    fp = _cache_ready(conn, today, c)
    if fp is not None:
        from netjournal.store import scorecache

        rows = scorecache.ranked(conn, today, fp, "balance", "balance", limit)
        given, taken, count = scorecache.totals(conn, today, fp)
    else:  # the scores could not be kept: compute them all here
        rows = list(scored(conn, today, c, "balance").values())
        rows.sort(key=lambda r: (r["_balance"], fold(r["name"])))
        given = math.fsum(r["_given"] for r in rows)
        taken = math.fsum(r["_taken"] for r in rows)
        count = len(rows)
        rows = rows[:limit] if limit else rows
    return {
        "as_of": today.isoformat(),
        "contacts": [{k: v for k, v in r.items() if k[0] != "_"} for r in rows],
        "count": count,
        "network": {
            "given": round(given, 2),
            "taken": round(taken, 2),
            "balance": round(given - taken, 2),
        },
    }


def balance_ledger(
    conn: sqlite3.Connection, name: str, today: date, c: scoring.Constants
) -> dict[str, Any]:
    """One contact's ledger, one line per give or ask, with the arithmetic."""
    from netjournal import scoring

    cid = find_contact(conn, name)
    history = history_of(conn, cid, today)
    bal = scoring.balance(history, today, c)
    return {
        "as_of": today.isoformat(),
        "name": bal.name,
        **balance_json(bal),
        "close_tie": bal.close_tie,
        "headroom": round(bal.headroom, 2),
        "hint": scoring.ask_hint(history, today, c),
        "lines": [
            {
                "date": line.date.isoformat(),
                "direction": line.direction,
                "kind": line.kind,
                "what": line.note,
                "status": line.status,
                "points": line.points,
                "size_mult": round(line.size_mult, 4),
                "decay": round(line.decay, 4),
                "status_factor": line.status_factor,
                "amount": round(line.signed, 2),
                "money": format_money(int(line.money * 100)) if line.money is not None else None,
            }
            for line in bal.lines
        ],
    }


def _depth_entry(dep: scoring.Depth, stg: scoring.Stage) -> dict[str, Any]:
    return {
        "name": dep.name,
        "depth": round(dep.depth, 1),
        "band": dep.band,
        "stage": stg.name,
        "stage_was": stg.was,
        "components": {comp.name: round(comp.points, 2) for comp in dep.components},
    }


def depth_report(
    conn: sqlite3.Connection, today: date, c: scoring.Constants, limit: int = 0
) -> dict[str, Any]:
    """Active contacts' depth, band and stage, deepest first (then by name; the first
    ``limit``, 0: all) and ``count`` of them all."""
    fp = _cache_ready(conn, today, c)
    if fp is not None:
        from netjournal.store import scorecache

        entries = scorecache.ranked(conn, today, fp, "depth", "depth", limit)
        count = scorecache.totals(conn, today, fp)[2]
    else:
        entries = list(scored(conn, today, c, "depth").values())
        entries.sort(key=lambda e: (-e["depth"], fold(e["name"])))
        count = len(entries)
        entries = entries[:limit] if limit else entries
    return {"as_of": today.isoformat(), "contacts": entries, "count": count}


def depth_detail(
    conn: sqlite3.Connection, name: str, today: date, c: scoring.Constants
) -> dict[str, Any]:
    """One contact's depth term by term, the missing categories and the stage evidence."""
    from netjournal import scoring

    cid = find_contact(conn, name)
    history = history_of(conn, cid, today)
    dep = scoring.depth(history, today, c)
    stg = scoring.stage(history, today, c)
    return {
        "as_of": today.isoformat(),
        "name": dep.name,
        "depth": round(dep.depth, 1),
        "band": dep.band,
        "stage": stg.name,
        "stage_was": stg.was,
        "stage_lapsed": stg.lapsed,
        "stage_evidence": list(stg.evidence),
        "components": {comp.name: round(comp.points, 2) for comp in dep.components},
        "terms": [
            {
                "name": comp.name,
                "input": round(comp.input, 4),
                "weight": comp.weight,
                "points": round(comp.points, 2),
                "detail": comp.detail,
            }
            for comp in dep.components
        ],
        "missing": [
            {"category": gap.category, "label": gap.label, "points": round(gap.points, 2)}
            for gap in dep.gaps
        ],
        "hint": scoring.ask_hint(history, today, c),
    }


# --- the score cache --------------------------------------------------------------------------


def score_record(h: scoring.ContactHistory, today: date, c: scoring.Constants) -> dict[str, Any]:
    """Everything the whole-journal reports show of one contact, as JSON-ready data.

    This is what ``store.scorecache`` keeps; reports built from it are identical whether
    the record was just computed or read back.
    """
    from netjournal import scoring

    scores = scoring.evaluate(h, today, c)
    bal, dep, stg, u = scores.balance, scores.depth, scores.stage, scores.urgency
    entry = _depth_entry(dep, stg)
    return {
        "balance": {
            "name": h.name,
            **balance_json(bal),
            "_given": bal.given,
            "_taken": bal.taken,
            "_balance": round(bal.balance, 9),
        },
        "depth": entry,
        "urgency": _urgency_record(u),
    }


def _urgency_record(u: scoring.Urgency) -> dict[str, Any]:
    return {
        "item": due_item(u),
        "name": u.name,
        "total": u.total,
        "listed": u.listed,
        "triggers": list(u.triggers),
        "was_depth": u.was_depth,
        "snoozed": u.snoozed,
    }


class _CachedUrgency:
    """What ``scoring.rank_due`` reads of an urgency, rebuilt from a score record."""

    __slots__ = ("item", "listed", "name", "snoozed", "total", "triggers", "was_depth")

    def __init__(self, record: dict[str, Any]) -> None:
        self.item: dict[str, Any] = record["item"]
        self.name: str = record["name"]
        self.total: float = record["total"]
        self.listed: bool = record["listed"]
        self.triggers: tuple[str, ...] = tuple(record["triggers"])
        self.was_depth: float | None = record["was_depth"]
        self.snoozed: bool = record["snoozed"]


def _cache_ready(conn: sqlite3.Connection, today: date, c: scoring.Constants) -> str | None:
    """Make sure every active contact has valid cached scores (computing and storing the
    missing ones); return the fingerprint to read them by, or None if they could not be
    stored (another process writing, a read-only file)."""
    from netjournal.store import scorecache

    fp = scorecache.fingerprint(c)
    missing = scorecache.missing_ids(conn, today, fp)
    if missing is None:
        return None
    if missing:
        from netjournal import batch

        fresh = batch.records(conn, today, c, missing)
        if not scorecache.store(conn, today, fp, fresh):
            return None
    return fp


def scored(
    conn: sqlite3.Connection,
    today: date,
    c: scoring.Constants,
    part: str,
    ids: list[int] | None = None,
) -> dict[int, dict[str, Any]]:
    """One part (``balance``, ``depth`` or ``urgency``) of the score records of the
    active contacts (or ``ids``), by contact id, in name order.

    Valid records come from the score cache; the others are computed from the contacts'
    histories and kept for the next report (best effort).
    """
    from netjournal.store import scorecache

    wanted = reads.active_contact_ids(conn) if ids is None else ids
    fp = scorecache.fingerprint(c)
    cached = {
        cid: record[part]
        for cid, record in scorecache.load(
            conn, None if ids is None else ids, today, fp, (part,)
        ).items()
    }
    missing = [cid for cid in wanted if cid not in cached]
    if missing:
        from netjournal import batch

        fresh = batch.records(conn, today, c, missing)
        scorecache.store(conn, today, fp, fresh)
        cached.update({cid: record[part] for cid, record in fresh.items()})
    return {cid: cached[cid] for cid in wanted if cid in cached}
