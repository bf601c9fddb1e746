"""Who connects whom: ``net introduce`` and ``net intros``."""

from pathlib import Path
from typing import Annotated

import typer

from netjournal import messages
from netjournal.cli import parse
from netjournal.cli.common import echo, notice, reading, state, writing
from netjournal.cli.complete import complete_name
from netjournal.plural import plural
from netjournal.text import clean_text


def introduce(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whom you introduced.", autocompletion=complete_name)],
    to: Annotated[str, typer.Argument(help="To whom.", autocompletion=complete_name)],
    note: Annotated[str | None, typer.Argument(help="Why, or what for.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="When (default today).")] = None,
    size: Annotated[int | None, typer.Option("--size", help="How big a favour, 1 to 5.")] = None,
) -> None:
    """Record that you introduced NAME to TO: a give of kind introduction to NAME, and the
    edge that net intros, net show and net graph follow."""
    from netjournal.store import intro_writes

    st = state(ctx)
    day = parse.day(st, on, prefer="past")
    size_value, _ = parse.size_amount(size, None)
    text = clean_text(note, "note") if note and note.strip() else ""
    with writing(st, f"introduce {name} {to}") as j:
        a = j.find(name)
        b = j.find(to)
        if a.id == b.id:
            from netjournal.errors import BadValue

            raise BadValue(messages.INTRO_SELF)
        what = f"to {b.name}" + (f": {text}" if text else "")
        give = j.add_exchange(a.id, "give", "introduction", what, day, size=size_value, link=False)
        intro_writes.add(j, a.id, to_id=b.id, by_id=None, on=day, note=text, exchange_id=give.id)
    echo(messages.INTRO_RECORDED.format(name=a.name, to=b.name, on=day, id=f"g{give.id}"))


def intros(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="Only the introductions this contact was part of.", autocompletion=complete_name
        ),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Introductions you made and received, with what came of each (meetings between the
    two afterwards, referrals and business)."""
    from netjournal.render import intros as render_intros
    from netjournal.reports.intros import intros as report

    st = state(ctx)
    with reading(st) as conn:
        data = report(conn, name)
    render_intros.intros(data, as_json=json_)


def graph(
    ctx: typer.Context,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Draw the network as an SVG picture in FILE.")
    ] = None,
) -> None:
    """The introduction network: people, and arrows for who was introduced to whom
    (thicker when more came of it)."""
    from netjournal.render import graph as render_graph
    from netjournal.reports.intros import intros as report

    st = state(ctx)
    with reading(st) as conn:
        data = report(conn, None)
    if svg is None:
        render_graph.text(data)
        return
    from netjournal.files import write_private

    try:
        write_private(svg, [render_graph.svg(data)])
    except OSError as exc:
        from netjournal.errors import BadValue

        raise BadValue(
            messages.SVG_UNWRITABLE.format(path=svg, reason=exc.strerror or exc)
        ) from exc
    notice(
        messages.GRAPH_WRITTEN.format(
            path=svg, people=plural(len(render_graph.people(render_graph.edges(data))), "person")
        )
    )


def path(
    ctx: typer.Context,
    target: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME|COMPANY|TEXT...",
            help="A contact, a company or words (a role, a subject, a town).",
        ),
    ],
    limit: Annotated[int, typer.Option("--limit", help="How many to show (0: all).")] = 20,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Who could introduce you: your contacts ranked by what points them at the target
    (introductions, meetings together, company, role, facts)."""
    from netjournal.render import intros as render_intros
    from netjournal.reports.paths import path as report

    st = state(ctx)
    with reading(st) as conn:
        data = report(conn, " ".join(target), max(limit, 0))
    render_intros.path(data, as_json=json_)


def register(app: typer.Typer) -> None:
    app.command("introduce")(introduce)
    app.command("intros")(intros)
    app.command("graph")(graph)
    app.command("path")(path)
