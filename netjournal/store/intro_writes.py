"""Writing introductions (schema 7): who was introduced to whom, inside a command's
write transaction (``writer.Journal``).

- ``net introduce A B``: a give to A of kind introduction ("to B") and the edge A -> B;
- a give of kind introduction whose text starts with "to NAME" (``--give
  "introduction:to Marco, a notary"``): NAME is resolved as names are everywhere; a
  contact found makes the edge, two or more found is the usual "which one?" error, none
  found leaves a give to someone outside the journal;
- ``--met-through NAME``: NAME introduced you to the contact (one per contact).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from netjournal import messages
from netjournal.errors import BadValue
from netjournal.names import Outcome, resolution_error
from netjournal.store.reads import contacts as contact_reads

if TYPE_CHECKING:
    import sqlite3

    from netjournal.models.exchanges import Exchange, Introduction


class Journal(Protocol):
    """What these functions use of ``writer.Journal`` (not imported: it imports this)."""

    session: Any
    conn: sqlite3.Connection
    today: date

    def flush(self) -> None: ...


#: "to NAME" at the start of a give's text, NAME ending at punctuation or a dash
_TO = re.compile(r"^\s*to\s+(.+?)(?:\s*[,;:(]|\s+[-–—]\s|\s*$)", re.IGNORECASE)


def target_name(text: str) -> str | None:
    """The name after "to" in an introduction's text ("to Marco, a notary" -> "Marco")."""
    match = _TO.match(text)
    return match.group(1).strip() if match else None


def add(
    j: Journal,
    contact_id: int,
    *,
    to_id: int | None,
    by_id: int | None,
    on: date,
    note: str = "",
    exchange_id: int | None = None,
) -> Introduction:
    from netjournal.models.exchanges import Introduction

    if contact_id in (to_id, by_id) or (by_id is not None and by_id == to_id):
        raise BadValue(messages.INTRO_SELF)
    intro = Introduction(
        contact_id=contact_id,
        to_id=to_id,
        by_id=by_id,
        exchange_id=exchange_id,
        made_on=on,
        note=note,
    )
    j.session.add(intro)
    j.flush()
    return intro


def link_give(j: Journal, give: Exchange) -> Introduction | None:
    """The edge a give of kind introduction names, if its "to NAME" is a contact."""
    name = target_name(give.what)
    if not name or give.id is None:
        return None
    j.flush()
    res = contact_reads.resolve_contact(j.conn, name)
    if res.outcome is Outcome.AMBIGUOUS:
        raise resolution_error(res)
    if res.outcome is not Outcome.FOUND or res.match is None or res.match.id == give.contact_id:
        return None
    return add(
        j, give.contact_id, to_id=res.match.id, by_id=None, on=give.occurred_on, exchange_id=give.id
    )


def set_met_through(j: Journal, contact_id: int, by_id: int | None, on: date | None) -> None:
    """Who introduced you to the contact (None: nobody): replaces the one recorded. The
    day is ``on`` (the day you met), else the first interaction's, else today."""
    from sqlmodel import select

    from netjournal.models.exchanges import Introduction

    for old in j.session.exec(
        select(Introduction).where(
            Introduction.contact_id == contact_id,
            Introduction.to_id == None,  # noqa: E711  (SQL IS NULL)
            Introduction.by_id != None,  # noqa: E711
        )
    ).all():
        j.session.delete(old)
    j.flush()
    if by_id is not None:
        first = j.conn.execute(
            "SELECT min(i.occurred_on) FROM interaction i JOIN participant p "
            "ON p.interaction_id = i.id WHERE p.contact_id = ?",
            (contact_id,),
        ).fetchone()[0]
        add(
            j,
            contact_id,
            to_id=None,
            by_id=by_id,
            on=on or date.fromisoformat(first or j.today.isoformat()),
        )


def merge(j: Journal, keep_id: int, other_id: int) -> None:
    """Point ``other``'s introductions at ``keep``; drop those that would join ``keep``
    to itself, and a second "introduced by"."""
    from sqlmodel import select

    from netjournal.models.exchanges import Introduction

    rows = j.session.exec(select(Introduction)).all()
    received = False
    for row in sorted(rows, key=lambda r: r.contact_id != keep_id):
        for column in ("contact_id", "to_id", "by_id"):
            if getattr(row, column) == other_id:
                setattr(row, column, keep_id)
        ends = {row.contact_id, row.to_id, row.by_id} - {None}
        loops = len(ends) < 1 + (row.to_id is not None) + (row.by_id is not None)
        second = row.contact_id == keep_id and row.to_id is None and received
        if loops or second:
            j.session.delete(row)
            continue
        received = received or (row.contact_id == keep_id and row.to_id is None)
        j.session.add(row)
    j.flush()
