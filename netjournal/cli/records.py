"""Correcting the journal: ``edit ID``, ``rm ID`` and ``undo``."""

import re
from typing import Annotated, Any

import typer

from netjournal import messages, vocab
from netjournal.cli import parse
from netjournal.cli.common import echo, state, writing
from netjournal.errors import BadUsage, BadValue
from netjournal.plural import plural
from netjournal.text import choice, clean_text

_ID = re.compile(r"^([igafret])(\d+)$")
#: ids are SQLite rowids; twelve digits is far beyond any journal, and well inside the
#: 64-bit integers SQLite can compare with (a 2**63 would overflow the query)
MAX_ID_DIGITS = 12


def parse_id(raw: str, allowed: str = "igafret") -> tuple[str, int]:
    """'g12' -> ('g', 12). A bare number is accepted when only one prefix is allowed."""
    from netjournal.text import printable

    text = raw.strip().lower()
    if text.isdigit() and len(allowed) == 1:
        text = allowed + text
    match = _ID.match(text)
    if not match or match.group(1) not in allowed:
        raise BadValue(messages.BAD_RECORD_ID.format(id=printable(raw)))
    if len(match.group(2)) > MAX_ID_DIGITS:
        raise BadValue(messages.RECORD_ID_TOO_LONG.format(id=printable(raw), digits=MAX_ID_DIGITS))
    return match.group(1), int(match.group(2))


def _model(prefix: str) -> Any:
    from netjournal import models

    return {
        "i": models.Interaction,
        "g": models.Exchange,
        "a": models.Exchange,
        "f": models.Fact,
        "r": models.FollowUp,
        "e": models.Expense,
        "t": models.Target,
    }[prefix]


def _load(j: Any, prefix: str, number: int, raw: str) -> Any:
    obj = j.record(_model(prefix), number)
    if obj is None or (prefix in "ga" and obj.direction != {"g": "give", "a": "ask"}[prefix]):
        raise BadValue(messages.RECORD_NOT_FOUND.format(id=raw))
    return obj


def edit(
    ctx: typer.Context,
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="e.g. i12, g3, a4, f7, r2, e5, t1.")
    ],
    note: Annotated[
        str | None, typer.Option("-m", "--note", help="New note, text or description.")
    ] = None,
    kind: Annotated[str | None, typer.Option("-k", "--kind", help="New kind.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="New date.")] = None,
    size: Annotated[int | None, typer.Option("--size", help="New size, 1 to 5.")] = None,
    amount: Annotated[str | None, typer.Option("--amount", help="New money amount.")] = None,
    category: Annotated[str | None, typer.Option("--category", help="New fact category.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="New due date of a follow-up.")] = None,
) -> None:
    """Correct a record: an interaction, give, ask, fact, follow-up, expense or target."""
    st = state(ctx)
    prefix, number = parse_id(record_id)
    given = {
        "--note": note,
        "--kind": kind,
        "--on": on,
        "--size": size,
        "--amount": amount,
        "--category": category,
        "--by": by,
    }
    if all(v is None for v in given.values()):
        raise BadUsage(messages.NO_CHANGES)
    applies = {
        "i": {"--note", "--kind", "--on"},
        "g": {"--note", "--kind", "--on", "--size", "--amount"},
        "a": {"--note", "--kind", "--on", "--size", "--amount"},
        "f": {"--note", "--category", "--on"},
        "r": {"--note", "--by"},
        "e": {"--note", "--on", "--amount"},
        "t": {"--note"},
    }[prefix]
    for option, value in given.items():
        if value is not None and option not in applies:
            raise BadUsage(messages.OPTION_NOT_FOR_RECORD.format(option=option, id=record_id))
    size_value, cents = parse.size_amount(size, amount)
    with writing(st, f"edit {record_id}") as j:
        obj = _load(j, prefix, number, record_id)
        if prefix == "i":
            if note is not None:
                obj.note = clean_text(note, "note", required=False)
            if kind is not None:
                obj.kind = parse.interaction_kind(kind)
            if on is not None:
                from datetime import UTC

                moment = parse.happened(st, on)
                obj.occurred_at = moment.astimezone(UTC)
                obj.occurred_on = moment.date()
        elif prefix in "ga":
            if note is not None:
                obj.what = clean_text(note, "description")
            if kind is not None:
                obj.kind = parse.exchange_kind(kind)
            if on is not None:
                obj.occurred_on = parse.day(st, on, prefer="past")
            if size_value is not None:
                obj.size, obj.amount_cents = size_value, None
            if cents is not None:
                obj.size, obj.amount_cents = None, cents
        elif prefix == "f":
            if note is not None:
                obj.text = clean_text(note, "fact")
            if category is not None:
                obj.category = choice(category, vocab.FACT_CATEGORIES, "fact category")
            if on is not None:
                obj.learned_on = parse.day(st, on, prefer="past")
        elif prefix == "r":
            if note is not None:
                obj.note = clean_text(note, "note", required=obj.kind == "promise")
            if by is not None:
                obj.due = parse.day(st, by, prefer="future")
        elif prefix == "e":
            if note is not None:
                obj.what = clean_text(note, "description")
            if on is not None:
                obj.spent_on = parse.day(st, on, prefer="past")
            if cents is not None:
                obj.amount_cents = cents
        else:
            obj.text = clean_text(note or "", "target")
        j.save(obj)
    echo(messages.RECORD_UPDATED.format(id=record_id))


def rm(
    ctx: typer.Context,
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="e.g. i12, g3, a4, f7, r2, e5, t1.")
    ],
) -> None:
    """Delete one record (net undo brings it back)."""
    st = state(ctx)
    prefix, number = parse_id(record_id)
    with writing(st, f"rm {record_id}") as j:
        obj = _load(j, prefix, number, record_id)
        j.delete(obj)
    echo(messages.RECORD_REMOVED.format(id=record_id))


def undo(ctx: typer.Context) -> None:
    """Revert the last write command exactly; run again to revert the one before."""
    st = state(ctx)
    with writing(st, "undo") as j:
        result = j.undo_last()
        if result is None:  # inside the write: a journal made for it is made no more
            raise BadValue(messages.NOTHING_TO_UNDO)
    name, steps = result
    echo(messages.UNDONE.format(name=name, changes=plural(steps, "change")))


def register(app: typer.Typer) -> None:
    app.command("edit")(edit)
    app.command("rm")(rm)
    app.command("undo")(undo)
