"""Drawing reports: Rich tables for people, plain stable JSON for scripts.

One module per report family (``contacts``: contacts, asks, show; ``due``: due and
follow-ups; ``scores``: balance and depth; ``review``: the review and its SVG); this
module holds what they share. Functions take the plain data that ``reports`` return
and write to stdout. Rich honours ``NO_COLOR`` and plain pipes by itself. Rich is imported lazily so
``--json`` output never pays for it.

The renderer never writes a control character it did not create itself: table cells
(``table.py``), text put into Rich markup (:func:`esc`), lines on stderr (:func:`say`)
and JSON (:func:`emit_json`) all pass user data through
:func:`netjournal.text.visible` or :func:`netjournal.text.safe_json`.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from netjournal.text import format_money, safe_json, visible

if TYPE_CHECKING:
    from rich.console import Console

    from netjournal.table import Table


def emit_json(data: Any) -> None:
    """JSON on stdout: indented for a person at a terminal, compact (and fast) for scripts."""
    indent = 2 if sys.stdout.isatty() else None
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)
    sys.stdout.write(safe_json(text) + "\n")


def say(text: str) -> None:
    """A line for the person on stderr (a hint, a count, an empty-list sentence)."""
    sys.stderr.write(visible(text) + "\n")


def empty(hint: str) -> None:
    """The one rule for an empty list, in every list command (contacts, due, followups,
    balance, depth, asks, goals, expenses, targets, match, intros, search, dupes,
    backups): one line on stderr saying what fills it, never an empty table; the command
    then exits 0. (``--json`` prints the usual shape with an empty list instead.)"""
    say(hint)


def console() -> Console:
    """A console for stdout; off a terminal, wide enough that tables do not wrap."""
    import os

    from rich.console import Console

    width = None
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        width = 120
    return Console(highlight=False, width=width)


def table(*columns: str, title: str | None = None, **kinds: Any) -> Table:
    """A table whose cells are plain text or ``(text, style)`` runs (a ``>`` before a
    column's name right-aligns it); print it with :func:`put`.

    ``names=``, ``text=`` and ``drop=`` say how its columns give way on a narrow
    terminal (:class:`netjournal.table.Table`); the others are labels, never wrapped."""
    from netjournal.table import Table

    return Table(*columns, title=title, **kinds)


def put(t: Table, c: Console | None = None) -> None:
    t.print_to(c or console())


def esc(text: Any) -> str:
    from rich.markup import escape

    return escape(visible("" if text is None else str(text)))


def money(cents: int | None, currency: str = "") -> str:
    if cents is None:
        return ""
    return f"{currency}{format_money(cents)}"


def more(total: int, shown: int) -> None:
    """Say how many rows a table left out."""
    if total > shown:
        from netjournal import messages

        say(messages.DUE_MORE.format(more=total - shown))
