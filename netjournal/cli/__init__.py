"""The command line: Typer commands that parse, call the store and scoring, and render.

One module per command family; ``netjournal.cli.app`` wires them and owns the single place
where errors become messages. Its ``app`` (the whole application) is built on first use:
``main``, the console script, imports only the module of the command it runs.
"""

from netjournal.cli.app import main

__all__ = ["main"]
