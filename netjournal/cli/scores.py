"""The numbers: ``net balance [NAME]`` and ``net depth [NAME]``, each explained term by term."""

from __future__ import annotations

from typing import Annotated

import typer

from netjournal.cli.common import reading, state

Json = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


def balance(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="A contact: show the ledger line by line.")
    ] = None,
    json_: Json = False,
) -> None:
    """Give and take per contact (lowest balance first) and for the whole network."""
    from netjournal import render, reports

    st = state(ctx)
    with reading(st) as conn:
        if name is None:
            render.balance(reports.balance_report(conn, st.today, st.constants), as_json=json_)
            return
        data = reports.balance_ledger(conn, name, st.today, st.constants)
    render.balance_ledger(data, as_json=json_, currency=st.config.currency)


def depth(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="A contact: show each component and the stage evidence.")
    ] = None,
    json_: Json = False,
) -> None:
    """Relationship depth (0-100), band and stage per contact."""
    from netjournal import render, reports

    st = state(ctx)
    with reading(st) as conn:
        if name is None:
            render.depth(reports.depth_report(conn, st.today, st.constants), as_json=json_)
            return
        data = reports.depth_detail(conn, name, st.today, st.constants)
    render.depth_detail(data, as_json=json_)


def register(app: typer.Typer) -> None:
    app.command("balance")(balance)
    app.command("depth")(depth)
