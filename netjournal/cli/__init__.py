"""The command line: Typer commands that parse, call the store and scoring, and render.

One module per command family; ``app`` wires them and owns the single place where
errors become messages.
"""

from netjournal.cli.app import app, main

__all__ = ["app", "main"]
