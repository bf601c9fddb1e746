"""Farming, not hunting: ``due``, ``followup``, ``promise``, ``followups``, ``done``,
``snooze``, and the calendar export ``export ics`` (registered on ``net export`` by
``cli/io.py``).

Reads go through ``reports`` (plain ``sqlite3``) and draw with ``render``; writes go
through ``writing`` and the ``Journal``. Nothing heavy is imported at module level.
"""

from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from netjournal import messages
from netjournal.cli import parse
from netjournal.cli.common import echo, notice, reading, state, writing
from netjournal.errors import BadUsage, BadValue
from netjournal.plural import plural
from netjournal.text import clean_text

MAX_WITHIN = 3650
TABLE_ROWS = 50  # rows of the `net due` table unless --limit says otherwise


def due(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="Explain one contact's urgency, term by term.")
    ] = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            metavar="DAYS",
            help="List follow-ups and promises due within DAYS (default 3).",
            show_default=False,
        ),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="List every contact (snoozed ones stay hidden).")
    ] = False,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            metavar="ROWS",
            help=f"Show at most ROWS rows (0: all; default {TABLE_ROWS} in the table, "
            "all in --json).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Whom to contact now, most urgent first, with the reasons."""
    from netjournal.render import due as render_due
    from netjournal.reports import due as reports

    st = state(ctx)
    if within is not None and not 0 <= within <= MAX_WITHIN:
        raise BadValue(messages.BAD_WITHIN.format(days=within))
    if limit is not None and limit < 0:
        raise BadValue(messages.BAD_LIMIT.format(limit=limit))
    with reading(st) as conn:
        if name is not None:
            one = reports.due_contact(conn, name, st.today, st.constants, within=within)
        else:
            rows = (0 if json_ else TABLE_ROWS) if limit is None else limit
            data = reports.due_report(
                conn, st.today, st.constants, within=within, show_all=all_, limit=rows
            )
    if name is not None:
        render_due.due_terms(one, as_json=json_)
    else:
        render_due.due(data, as_json=json_, limit=rows)


def followup(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whom to get back to.")],
    when: Annotated[
        str, typer.Argument(help="When: friday (the coming one), in 2 weeks, 3d or 2026-12-04.")
    ],
    note: Annotated[str | None, typer.Argument(help="What about (optional).")] = None,
) -> None:
    """Set a reminder to reach out to a contact on a day."""
    st = state(ctx)
    day = parse.day(st, when, prefer="future")
    text = clean_text(note, "note", required=False) if note is not None else ""
    with writing(st, f"followup {name}") as j:
        person = j.find(name)
        record = j.add_followup(person.id, "reach-out", day, text)
    if day < st.today:
        notice(messages.FOLLOWUP_PAST.format(day=day.isoformat()))
    echo(messages.FOLLOWUP_RECORDED.format(name=person.name, day=day.isoformat(), id=record.id))


def promise(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whom you promised.")],
    text: Annotated[str, typer.Argument(help="What you promised, e.g. 'send the deck'.")],
    by: Annotated[
        str | None, typer.Option("--by", help="When it is due (default a week from today).")
    ] = None,
) -> None:
    """Record a promise you made to a contact, due by a day."""
    st = state(ctx)
    what = clean_text(text, "promise")
    day = parse.day(st, by, prefer="future", default=st.today + timedelta(days=7))
    with writing(st, f"promise {name}") as j:
        person = j.find(name)
        record = j.add_followup(person.id, "promise", day, what)
    if day < st.today:
        notice(messages.PROMISE_PAST.format(day=day.isoformat()))
    echo(
        messages.PROMISE_RECORDED.format(
            name=person.name, day=day.isoformat(), text=what, id=record.id
        )
    )


def followups(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", help="Also the ones already done (kept or late).")
    ] = False,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List open follow-ups and promises by due date."""
    from netjournal.render import due as render_due
    from netjournal.reports import due as reports

    st = state(ctx)
    with reading(st) as conn:
        data = reports.followups_report(conn, st.today, include_done=all_)
    render_due.followups(data, as_json=json_, include_done=all_)


def done(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whose follow-up or promise is done.")],
    all_: Annotated[
        bool, typer.Option("--all", help="Close every open follow-up and promise of theirs.")
    ] = False,
) -> None:
    """Close the earliest open follow-up or promise of a contact (or all with --all)."""
    st = state(ctx)
    with writing(st, f"done {name}") as j:
        person = j.find(name)
        closed = j.close_followups(person.id, every=all_)
        if not closed:
            raise BadValue(messages.NOTHING_TO_CLOSE.format(name=person.name))
        lines = []
        for item in closed:
            kept = ""
            if item.kind == "promise":
                on_time = st.today <= item.due
                kept = messages.FOLLOWUP_DONE_KEPT if on_time else messages.FOLLOWUP_DONE_LATE
            lines.append(
                messages.FOLLOWUP_DONE.format(
                    kind=item.kind,
                    id=item.id,
                    name=person.name,
                    due=item.due.isoformat(),
                    note=f": {item.note}" if item.note else "",
                    kept=kept,
                )
            )
    for line in lines:
        echo(line)


def snooze(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whom to hide from 'net due'.")],
    when: Annotated[
        str | None,
        typer.Argument(help="Until when: monday (the coming one), in 2 weeks or 2026-12-15."),
    ] = None,
    clear: Annotated[
        bool, typer.Option("--clear", help="Stop snoozing: show the contact again.")
    ] = False,
) -> None:
    """Hide a contact's cadence reminders from 'net due' (even from --all) until a day;
    follow-ups and promises that fall due stay listed."""
    st = state(ctx)
    if clear and when is not None:
        raise BadUsage(messages.SNOOZE_WHEN_OR_CLEAR)
    if not clear and when is None:
        raise BadUsage(messages.SNOOZE_NEEDS_WHEN)
    until = None
    if when is not None:
        until = parse.day(st, when, prefer="future")
        if until <= st.today:
            raise BadValue(messages.SNOOZE_NOT_FUTURE.format(day=until.isoformat()))
    with writing(st, f"snooze {name}") as j:
        person = j.find(name)
        check = None
        if until is not None:
            from netjournal.reports.due import snooze_check

            check = snooze_check(j.conn, person.id, st.today, st.constants)
        j.snooze(person.id, until)
    if until is None:
        echo(messages.SNOOZE_CLEARED.format(name=person.name))
        return
    echo(messages.SNOOZED.format(name=person.name, day=until.isoformat()))
    assert check is not None
    for item in check["overdue"]:
        what = (
            messages.SCORING_WHAT_PROMISE
            if item["kind"] == "promise"
            else (messages.SCORING_WHAT_FOLLOW_UP)
        )
        note = f": {item['note']}" if item["note"] else ""
        notice(
            messages.SNOOZE_KEEPS_OVERDUE.format(
                name=person.name, what=what, due=item["due"], note=note
            )
        )
    late = check["cadence"]
    if late is not None:
        template = (
            messages.SNOOZE_HIDES_LATE_CADENCE
            if late["since"] is not None
            else messages.SNOOZE_HIDES_LATE_CADENCE_NEVER
        )
        notice(
            template.format(
                name=person.name,
                since=plural(late["since"], "day") if late["since"] is not None else None,
                every=plural(late["every"], "day"),
                day=until.isoformat(),
            )
        )


def export_ics(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="File to write (created readable by you only); default: standard output.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    alarm: Annotated[
        bool, typer.Option("--alarm", help="A reminder at 9:00 on the day of each item.")
    ] = False,
    todo: Annotated[
        bool,
        typer.Option("--todo", help="Follow-ups and promises as to-dos (VTODO), not events."),
    ] = False,
) -> None:
    """Open follow-ups and promises, those done or removed in the last 30 days (as
    cancelled), and yearly birthdays as an iCalendar file (.ics)."""
    from netjournal.interop import ics, write_output

    st = state(ctx)
    with reading(st) as conn:
        items = ics.collect(conn, st.today)
    data = ics.build(items, st.now, alarm=alarm, todo=todo)
    write_output(output, data.decode("utf-8"))
    if output is not None:
        notice(
            messages.ICS_WRITTEN.format(events=plural(len(items), "calendar event"), path=output)
        )


def register(app: typer.Typer) -> None:
    app.command("due")(due)
    app.command("followup")(followup)
    app.command("promise")(promise)
    app.command("followups")(followups)
    app.command("done")(done)
    app.command("snooze")(snooze)
