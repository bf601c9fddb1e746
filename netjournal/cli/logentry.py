"""What one ``net log`` records, and recording it: the interaction, and each give, ask,
fact, promise and follow-up with the person it concerns.

``log``'s options make an :class:`Entry` whose items all concern the first person
named (DESIGN.md's rule); the guided debrief makes one whose items each name their
person. Either way :func:`record` parses every value before it writes, writes in one
transaction, and confirms each item with the person it went to when several were met.
With ``planned`` the entry is a plan: a follow-up of kind ``plan`` per person on the
planned day, and no interaction (it has not happened, so it is no contact, closes
nothing and leaves last contact where it was); a real interaction logged on or after
that day closes it, as it closes a reach-out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from netjournal import messages
from netjournal.cli import parse
from netjournal.cli.common import State, echo, notice, writing
from netjournal.errors import BadUsage, BadValue
from netjournal.plural import plural
from netjournal.text import clean_text

What = Literal["give", "ask", "fact", "promise", "follow-up"]


@dataclass
class Item:
    """One thing that came of the interaction, as typed: ``[KIND:]TEXT`` for a give or
    an ask, ``CATEGORY:TEXT`` for a fact, the text of a promise, the WHEN of a follow-up."""

    what: What
    text: str
    owner: int = 0  # index into Entry.names: whom it concerns
    by: str | None = None  # a promise's due date as typed (default a week on)


@dataclass
class Entry:
    names: list[str]
    note: str | None = None
    kind: str = "one-to-one"
    on: str | None = None
    items: list[Item] = field(default_factory=list)
    new: bool = False
    met_through: str | None = None
    planned: bool = False


@dataclass
class _Parsed:
    """An item's values, checked: what ``Journal`` is given."""

    item: Item
    kind: str = ""  # exchange kind or fact category
    text: str = ""
    day: date | None = None  # a promise's or follow-up's due day


def parse_item(st: State, item: Item, moment: datetime) -> _Parsed:
    """Check one item (a bad value raises before anything is written)."""
    if item.what in ("give", "ask"):
        kind, text = parse.kind_and_text(item.text, item.what)
        return _Parsed(item, kind, text)
    if item.what == "fact":
        category, text = parse.category_and_text(item.text)
        return _Parsed(item, category, text)
    if item.what == "promise":
        default = moment.date() + timedelta(days=7)
        due = parse.day(st, item.by, prefer="future", default=default)
        return _Parsed(item, "", clean_text(item.text, "promise"), due)
    return _Parsed(item, "", "", parse.day(st, item.text, prefer="future"))


def record(st: State, entry: Entry) -> list[str]:
    """Parse, write and confirm one ``net log``; the names of the people, as recorded."""
    if entry.planned:
        return _record_plan(st, entry)
    kind = parse.interaction_kind(entry.kind)
    note = clean_text(entry.note, "note", required=False) if entry.note is not None else ""
    moment = parse.happened(st, entry.on)
    parsed = [parse_item(st, item, moment) for item in entry.items]
    if any(p.item.owner >= len(entry.names) for p in parsed):  # pragma: no cover - a slip
        raise BadValue(messages.NO_NAMES)
    from netjournal.scoring.records import is_real

    real = is_real(kind, st.constants)
    with writing(st, f"log {', '.join(entry.names)}") as j:
        people = j.find_or_create(entry.names, new=entry.new)
        interaction = j.log_interaction([p.id for p in people], kind, moment, note)
        day = moment.date()
        # real contact answers the reach-outs recorded by then; a light touch does not
        met = j.reach_outs_met([p.id for p in people], day, close=real)
        ids = [_write(j, people[p.item.owner].id, p, day, interaction.id) for p in parsed]
        introducer = _met_through(j, people[0].id, entry.met_through)
    for person in people:
        if person.created:
            notice(messages.CONTACT_CREATED.format(name=person.name))
    if introducer:
        echo(messages.MET_THROUGH_SET.format(name=people[0].name, by=introducer))
    _confirm(kind, people, day, interaction.id, parsed, ids)
    names_by_id = {p.id: p.name for p in people}
    for item in met:
        line = messages.LOG_CLOSED if real else messages.LOG_LIGHT_KEPT_OPEN
        text = line.format(
            id=item.id,
            name=names_by_id.get(item.contact_id, ""),
            due=item.due.isoformat(),
            note=f": {item.note}" if item.note else "",
            kind=kind,
            what="plan" if item.kind == "plan" else "follow-up",
        )
        (echo if real else notice)(text)
    return [p.name for p in people]


def _write(j: Any, contact_id: int, p: _Parsed, day: date, interaction_id: int) -> str:
    """Write one item for its contact; its id as ``net edit`` takes it."""
    what = p.item.what
    if what in ("give", "ask"):
        row = j.add_exchange(contact_id, what, p.kind, p.text, day, interaction_id=interaction_id)
        return f"{what[0]}{row.id}"
    if what == "fact":
        row = j.add_fact(contact_id, p.kind, p.text, day, interaction_id=interaction_id)
        return f"f{row.id}"
    kind = "promise" if what == "promise" else "reach-out"
    row = j.add_followup(contact_id, kind, p.day, p.text, interaction_id=interaction_id)
    return f"r{row.id}"


def _confirm(
    kind: str, people: Sequence[Any], day: date, iid: int, parsed: list[_Parsed], ids: list[str]
) -> None:
    """The ``Logged ...`` line; with several people, then one line per item naming whom
    it went to."""
    several = len(people) > 1
    extras = "" if several or not parsed else ": " + ", ".join(_counts(parsed))
    names = _and(p.name for p in people)
    day_text = day.isoformat()
    echo(messages.LOGGED.format(kind=kind, names=names, day=day_text, extras=f" (i{iid}){extras}"))
    if not several:
        return
    for p, record_id in zip(parsed, ids, strict=True):
        echo(item_line(p, people[p.item.owner].name, record_id))


def item_line(p: _Parsed, name: str, record_id: str | None = None) -> str:
    """``give introduction → Giulia Bianchi: to a notary (g3)``."""
    day = p.day.isoformat() if p.day else ""
    label = messages.LOG_ITEM_LABELS[p.item.what].format(kind=p.kind, day=day)
    text = f": {p.text}" if p.text else ""
    tail = f" ({record_id})" if record_id else ""
    return messages.LOG_ITEM.format(label=label, name=name, text=text, id=tail)


def _counts(parsed: list[_Parsed]) -> list[str]:
    """``1 give, 2 asks, follow-up on 2026-12-12`` for one person's log."""
    out: list[str] = []
    for what in ("give", "ask", "fact", "promise"):
        n = sum(1 for p in parsed if p.item.what == what)
        if n:
            out.append(plural(n, what))
    days = [p.day for p in parsed if p.item.what == "follow-up" and p.day]
    out += [f"follow-up on {d.isoformat()}" for d in days]
    return out


def _and(names: Iterable[str]) -> str:
    items = list(names)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _met_through(j: Any, contact_id: int, raw: str | None) -> str | None:
    """``--met-through NAME``: who introduced you to the contact; their name."""
    if raw is None or not raw.strip():
        return None
    from netjournal.store import intro_writes

    by = j.find(raw)
    contact = j.contact(contact_id)
    intro_writes.set_met_through(j, contact_id, by.id, contact.met_on)
    return str(by.name)


def _record_plan(st: State, entry: Entry) -> list[str]:
    """``net log NAME --on WHEN --planned``: a reach-out on that day for each person."""
    if entry.items or entry.met_through:
        raise BadUsage(messages.PLANNED_ONLY)
    kind = parse.interaction_kind(entry.kind)
    note = clean_text(entry.note, "note", required=False) if entry.note is not None else ""
    if entry.on is None:
        raise BadUsage(messages.PLANNED_NEEDS_ON)
    day = parse.when(st, entry.on, prefer="future").date()
    if day <= st.today:
        raise BadValue(messages.PLANNED_NOT_FUTURE.format(day=day.isoformat()))
    text = kind + (f": {note}" if note else "")
    with writing(st, f"log {', '.join(entry.names)} --planned") as j:
        people = j.find_or_create(entry.names, new=entry.new)
        ids = [f"r{j.add_followup(p.id, 'plan', day, text).id}" for p in people]
    for person in people:
        if person.created:
            notice(messages.CONTACT_CREATED.format(name=person.name))
    echo(
        messages.PLANNED.format(
            kind=kind,
            names=_and(p.name for p in people),
            day=day.isoformat(),
            ids=", ".join(ids),
        )
    )
    return [p.name for p in people]
