"""The day's page: ``net today``, which plain ``net`` (no command) runs too, as
taskwarrior's ``task`` runs ``next``.

A read command like ``net due``: plain ``sqlite3`` through ``reports``, nothing heavy
imported. On a path where no journal exists yet it welcomes you and creates nothing.
"""

from typing import Annotated

import typer

from netjournal.cli.common import has_journal, reading, state


def show(ctx: typer.Context, *, as_json: bool = False) -> None:
    """Print the day's page of the journal in use (a welcome if there is none yet)."""
    from netjournal.render import today as render_today
    from netjournal.reports import today as reports

    st = state(ctx)
    if not has_journal(st):  # where a read would say "No journal yet", welcome instead
        if as_json:
            from netjournal.cli.common import notice
            from netjournal.messages import TODAY_WELCOME

            notice(TODAY_WELCOME.format(path=st.db))
            render_today.today(reports.no_journal(st.today, st.constants), as_json=True)
        else:
            render_today.welcome(str(st.db))
        return
    with reading(st) as conn:
        data = reports.today_report(conn, st.today, st.constants)
    render_today.today(data, as_json=as_json)


def today(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Your day on one screen: whom to contact, the follow-ups and promises due this
    week, your goals and streak (plain net shows it too)."""
    show(ctx, as_json=json_)


def register(app: typer.Typer) -> None:
    app.command("today")(today)
