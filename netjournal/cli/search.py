"""Finding anything: ``net search``."""

from typing import Annotated

import typer

from netjournal import messages
from netjournal.cli import parse
from netjournal.cli.common import reading, state
from netjournal.errors import BadValue


def _kinds(values: list[str] | None) -> tuple[str, ...]:
    from netjournal.reports.search import KINDS

    if not values:
        return KINDS
    chosen: list[str] = []
    for raw in values:
        for part in raw.split(","):
            value = part.strip().lower()
            if value not in KINDS:
                from netjournal.text import printable

                raise BadValue(
                    messages.SEARCH_BAD_IN.format(value=printable(value), options=", ".join(KINDS))
                )
            chosen.append(value)
    return tuple(k for k in KINDS if k in chosen)


def search(
    ctx: typer.Context,
    text: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT...",
            help='Words to find (each also as a prefix), "a phrase", -word to leave out '
            "(after -- or inside quotes: net search 'notary -milan'), OR between two words. "
            "Case and accents are ignored.",
        ),
    ],
    in_: Annotated[
        list[str] | None,
        typer.Option(
            "--in",
            help="Only these records: notes, facts, gives, asks, followups, contacts "
            "(repeatable, or comma-separated).",
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only records dated on or after WHEN.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many hits to show (0: all).")] = 50,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Find notes, facts, gives, asks, follow-ups and contacts that hold the words, best
    first: what a record is about (a fact, a role) before a passing mention in a note."""
    from netjournal.render import search as render_search
    from netjournal.reports.search import search as run_search

    st = state(ctx)
    kinds = _kinds(in_)
    day = parse.since_day(st, since)
    if limit < 0:
        raise BadValue(messages.SEARCH_BAD_LIMIT.format(limit=limit))
    with reading(st) as conn:
        report = run_search(conn, " ".join(text), kinds, since=day, limit=limit)
    render_search.search(report, as_json=json_, limit=limit)


def register(app: typer.Typer) -> None:
    app.command("search")(search)
