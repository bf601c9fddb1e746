"""``net help [COMMAND...]``: the help of ``net`` or of one command, as ``--help`` prints it."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from netjournal import messages
from netjournal.errors import BadUsage


def help_command(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(metavar="COMMAND", help="The command, e.g. log, or contact add."),
    ] = None,
) -> None:
    """Show the help of net, or of a command."""
    from typer.main import get_command

    from netjournal.cli.app import full_app

    root = get_command(full_app())
    path = list(command or [])
    current: Any = root
    context = root.make_context("net", [], resilient_parsing=True)
    for i, word in enumerate(path):
        found = current.get_command(context, word) if hasattr(current, "get_command") else None
        if found is None:
            typed = " ".join(["net", *path[: i + 1]])
            raise BadUsage(messages.HELP_NO_SUCH_COMMAND.format(command=typed))
        context = found.make_context(word, [], parent=context, resilient_parsing=True)
        current = found
    sys.stdout.write(current.get_help(context) + "\n")


def register(app: typer.Typer) -> None:
    app.command("help")(help_command)
