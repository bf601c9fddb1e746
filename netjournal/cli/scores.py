"""The numbers: ``net balance [NAME]`` and ``net depth [NAME]``, each explained term by term."""

from typing import Annotated

import typer

from netjournal import messages
from netjournal.cli.common import reading, state
from netjournal.errors import BadValue

Json = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
TABLE_ROWS = 50  # rows of the tables unless --limit says otherwise
Limit = Annotated[
    int | None,
    typer.Option(
        "--limit",
        metavar="ROWS",
        help=f"Show at most ROWS contacts (0: all; default {TABLE_ROWS} in the table, "
        "all in --json).",
        show_default=False,
    ),
]


def _rows(limit: int | None, as_json: bool) -> int:
    """How many contact rows to show: 0 means all."""
    if limit is not None and limit < 0:
        raise BadValue(messages.BAD_LIMIT.format(limit=limit))
    if limit is None:
        return 0 if as_json else TABLE_ROWS
    return limit


def balance(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="A contact: show the ledger line by line.")
    ] = None,
    json_: Json = False,
    limit: Limit = None,
) -> None:
    """Give and take per contact (lowest balance first) and for the whole network.

    How the balance is computed: docs/scoring.md in netjournal's source.
    """
    from netjournal.render import scores as render_scores
    from netjournal.reports import balance as reports

    st = state(ctx)
    rows = _rows(limit, json_)
    with reading(st) as conn:
        if name is None:
            data = reports.balance_report(conn, st.today, st.constants, limit=rows)
            render_scores.balance(data, as_json=json_, limit=rows)
            return
        data = reports.balance_ledger(conn, name, st.today, st.constants)
    render_scores.balance_ledger(data, as_json=json_, currency=st.config.currency)


def depth(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="A contact: show each component and the stage evidence.")
    ] = None,
    json_: Json = False,
    limit: Limit = None,
) -> None:
    """Relationship depth (0-100), band and stage per contact, deepest first.

    Each score in words, with its formula and where its constants come from:
    docs/scoring.md in netjournal's source.
    """
    from netjournal.render import scores as render_scores
    from netjournal.reports import depth as reports

    st = state(ctx)
    rows = _rows(limit, json_)
    with reading(st) as conn:
        if name is None:
            data = reports.depth_report(conn, st.today, st.constants, limit=rows)
            render_scores.depth(data, as_json=json_, limit=rows)
            return
        data = reports.depth_detail(conn, name, st.today, st.constants)
    render_scores.depth_detail(data, as_json=json_)


def register(app: typer.Typer) -> None:
    app.command("balance")(balance)
    app.command("depth")(depth)
