"""``net demo``: a guided tour on a throw-away sample journal.

The sample journal lives in a temporary folder that is deleted afterwards; the user's
journal is never opened. Each step is a real ``net`` command run in-process, as of
today (``NETJOURNAL_NOW`` moves it, as for any command); every date in the sample is
relative to today, and the review covers the last 30 days, so the tour shows the same
whatever the day of the month.
"""

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from netjournal import messages

#: (what it shows, the command); "{db}" is the sample journal
SETUP: tuple[tuple[str, ...], ...] = (
    (
        "contact",
        "add",
        "Ana Rossi",
        "--company",
        "Studio Rossi",
        "--role",
        "notary",
        "--tier",
        "close",
        "--birthday",
        "--12-01",
        "--tag",
        "bni",
        "--met-on",
        "2 years ago",
    ),
    (
        "contact",
        "add",
        "Marco Neri",
        "--company",
        "Neri Avvocati",
        "--role",
        "commercial lawyer",
        "--tag",
        "bni",
        "--met-on",
        "1 year ago",
    ),
    (
        "contact",
        "add",
        "Giulia Bianchi",
        "--company",
        "Fab Lab Brescia",
        "--role",
        "IT manager",
        "--met-on",
        "10 days ago",
    ),
    (
        "log",
        "Ana Rossi",
        "-k",
        "one-to-one",
        "--on",
        "8 months ago",
        "-m",
        "Coffee after BNI",
        "--learned",
        "family:two daughters, Sara and Lia",
        "--give",
        "advice:pricing a deed",
    ),
    (
        "log",
        "Ana Rossi",
        "Marco Neri",
        "-k",
        "meal",
        "--on",
        "5 months ago",
        "-m",
        "Lunch at Da Gino",
        "--give",
        "introduction:to Marco, a commercial lawyer",
        "--learned",
        "goals:open a second office in Bergamo",
    ),
    (
        "log",
        "Marco Neri",
        "-k",
        "call",
        "--on",
        "40 days ago",
        "-m",
        "Catch-up call",
        "--ask",
        "referral:IT managers at manufacturers",
        "--learned",
        "hobbies:sailing",
    ),
    (
        "ask",
        "Ana Rossi",
        "closed the Bergamo lease thanks to Ana",
        "-k",
        "business",
        "--amount",
        "1200",
        "--on",
        "2 months ago",
    ),
    (
        "log",
        "Giulia Bianchi",
        "-k",
        "event",
        "--on",
        "10 days ago",
        "-m",
        "Met at the fair",
        "--learned",
        "seeking:a commercial lawyer for supplier contracts",
        "--promise",
        "send her the checklist",
        "--by",
        "3 days ago",
    ),
    ("learn", "Marco Neri", "skills", "commercial contracts, supplier agreements"),
    ("goal", "set", "one-to-ones", "2", "--per", "week"),
    ("goal", "set", "gives", "4", "--per", "month"),
    ("budget", "set", "150", "--per", "month"),
    ("spend", "35", "BNI breakfast", "--on", "3 days ago", "--event", "BNI Milano"),
    ("target", "add", "IT managers at manufacturers in Lombardy"),
)

TOUR: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Whom to contact now, and why", ("due",)),
    ("Give and take: who is in credit, who is overdrawn", ("balance",)),
    ("How deep each relationship is", ("depth",)),
    ("Everything about one person, before you meet her", ("show", "Ana Rossi")),
    ("Why Ana's depth is what it is", ("depth", "Ana Rossi")),
    ("Introductions you could make (givers gain)", ("match",)),
    ("Your goals this period", ("goals",)),
    # the last 30 days, not the calendar month: on the 1st a month-to-date review covers
    # one day and misses what the sample spent and did (the tour's dates are relative)
    ("The last 30 days in review: proactive or passive?", ("review", "--since", "30 days ago")),
)


def _run(db: Path, args: tuple[str, ...]) -> int:
    from typer.main import get_command

    from netjournal.cli.app import app

    command = get_command(app)
    code = command.main(args=["--db", str(db), *args], prog_name="net", standalone_mode=False)
    return int(code or 0)


def _available(name: str) -> bool:
    from netjournal.cli.app import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    names |= {g.name for g in app.registered_groups if g.name}
    return name in names


def demo(
    keep: Annotated[
        Path | None,
        typer.Option("--keep", help="Save the sample journal to this file instead of deleting it."),
    ] = None,
) -> None:
    """A tour of net on a throw-away sample journal (your journal is never touched)."""
    from rich.console import Console
    from rich.rule import Rule

    console = Console(highlight=False)
    folder = Path(tempfile.mkdtemp(prefix="netjournal-demo-"))
    db = folder / "demo.db"
    try:
        console.print(messages.DEMO_INTRO.format(path=db))
        for args in SETUP:
            if not _available(args[0]):
                continue
            console.print(f"[dim]$ net {' '.join(_quote(a) for a in args)}[/]")
            sys.stdout.flush()
            if _run(db, args) != 0:
                raise typer.Exit(1)
        for title, args in TOUR:
            if not _available(args[0]):
                continue
            console.print()
            console.print(Rule(f"[bold]{title}[/]  [dim]net {' '.join(args)}[/]", align="left"))
            sys.stdout.flush()
            _run(db, args)
        if keep is not None:
            from netjournal.store.backup import backup_to
            from netjournal.store.connection import open_journal

            conn = open_journal(db)
            try:
                backup_to(conn, keep.expanduser())
            finally:
                conn.close()
        console.print()
        console.print(messages.DEMO_DONE)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _quote(arg: str) -> str:
    return f'"{arg}"' if (" " in arg or not arg) else arg


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
