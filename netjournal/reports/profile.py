"""``net show``: one contact's profile, facts, timeline, gives and asks, follow-ups, and
scores (balance, depth, stage, next move), as plain JSON-ready data."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from netjournal import cards
from netjournal.reports.common import find_contact, iso_moment, money_text
from netjournal.scores.records import balance_json, depth_json
from netjournal.store.reads import contacts as contact_reads
from netjournal.store.reads import records as record_reads

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants
    from netjournal.scoring.records import ContactHistory

_FIELDS = (
    "id",
    "uuid",
    "name",
    "company",
    "role",
    "email",
    "phone",
    "birthday",
    "tags",
    "tier",
    "kin",
    "cadence",
    "met_at",
    "met_on",
    "archived",
    "snoozed_until",
    "linkedin_url",
)


def _facts(conn: sqlite3.Connection, cid: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"f{f['id']}",
            "category": f["category"],
            "text": f["text"],
            "learned_on": f["learned_on"],
        }
        for f in record_reads.facts_of(conn, cid)
    ]


def _interactions(conn: sqlite3.Connection, cid: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"i{i['id']}",
            "kind": i["kind"],
            "at": iso_moment(i["occurred_at"]),
            "on": i["occurred_on"],
            "note": i["note"],
            "with": i["with"],
            "source": i["source"],
        }
        for i in record_reads.interactions_of(conn, cid)
    ]


def _exchanges(conn: sqlite3.Connection, cid: int) -> dict[str, list[dict[str, Any]]]:
    exchanges = record_reads.exchanges_of(conn, cid)
    out: dict[str, list[dict[str, Any]]] = {}
    for direction, key, prefix in (("give", "gives", "g"), ("ask", "asks", "a")):
        out[key] = [
            {
                "id": f"{prefix}{x['id']}",
                "kind": x["kind"],
                "what": x["what"],
                "on": x["occurred_on"],
                "size": x["size"],
                "amount": money_text(x["amount_cents"]),
                **({"status": x["status"]} if direction == "ask" else {}),
            }
            for x in exchanges
            if x["direction"] == direction
        ]
    return out


def _followups(conn: sqlite3.Connection, cid: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"r{f['id']}",
            "kind": f["kind"],
            "due": f["due"],
            "note": f["note"],
            "done_on": f["done_on"],
        }
        for f in record_reads.followups_of(conn, cid)
    ]


def _introductions(conn: sqlite3.Connection, cid: int) -> dict[str, Any]:
    """Who introduced you to the contact, and the introductions they were part of."""
    from netjournal.reports.intros import item
    from netjournal.store.reads import intros as intro_reads

    by = intro_reads.introduced_by(conn, cid)
    edges = [r for r in intro_reads.introductions(conn, cid) if r["to_id"] is not None]
    return {
        "introduced_by": None if by is None else {"name": by["by"], "on": by["made_on"]},
        "introductions": [item(r) for r in edges],
    }


def contact_profile(
    conn: sqlite3.Connection, name: str, today: date, constants: Constants
) -> dict[str, Any]:
    """Everything ``net show`` prints, as plain JSON-ready data."""
    from netjournal.scores.history import history_of

    cid = find_contact(conn, name)
    row = contact_reads.contact(conn, cid)
    assert row is not None
    profile: dict[str, Any] = {key: row[key] for key in _FIELDS}
    profile["created_at"] = iso_moment(row["created_at"])
    profile["card"] = cards.shown(cards.loads(contact_reads.card(conn, cid)))
    profile["facts"] = _facts(conn, cid)
    profile["interactions"] = _interactions(conn, cid)
    profile.update(_exchanges(conn, cid))
    profile["followups"] = _followups(conn, cid)
    profile.update(_introductions(conn, cid))
    profile.update(contact_scores(history_of(conn, cid, today, constants), today, constants))
    open_followups = [f for f in profile["followups"] if f["done_on"] is None]
    profile["next_followup"] = open_followups[0] if open_followups else None
    return profile


def contact_scores(history: ContactHistory, today: date, c: Constants) -> dict[str, Any]:
    """Balance, depth, stage and next move of one contact, JSON-ready."""
    from netjournal.scoring.asks import ask_hint
    from netjournal.scoring.balance import balance
    from netjournal.scoring.depth import depth
    from netjournal.scoring.stage import stage

    bal = balance(history, today, c)
    dep = depth(history, today, c)
    stg = stage(history, today, c)
    return {
        "balance": balance_json(bal),
        "depth": depth_json(dep),
        "stage": stg.name,
        "stage_was": stg.was,
        "stage_evidence": list(stg.evidence),
        "next_move": list(dep.missing[:3]),
        "hint": ask_hint(history, today, c),
    }
