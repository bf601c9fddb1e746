"""What every command shares: the invocation's state (journal path, now, config),
opening the journal for reading or writing, and the consoles."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from netjournal import messages
from netjournal.errors import BadValue

if TYPE_CHECKING:
    from rich.console import Console

    from netjournal.config import Config
    from netjournal.scoring.constants import Constants
    from netjournal.store.writer import Journal

#: run as of another moment (ISO date or date-time); for scripts, demos and tests
NOW_ENV = "NETJOURNAL_NOW"


def _now() -> datetime:
    raw = os.environ.get(NOW_ENV)
    if not raw:
        return datetime.now().astimezone()
    from netjournal.dates import EARLIEST_YEAR, LATEST_YEAR
    from netjournal.text import printable

    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise BadValue(messages.BAD_NOW.format(value=printable(raw))) from None
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise BadValue(
            messages.NOW_OUT_OF_RANGE.format(
                var=NOW_ENV, value=printable(raw), first=EARLIEST_YEAR, last=LATEST_YEAR
            )
        )
    if len(raw.strip()) == 10:
        value = value.replace(hour=12)
    return value.astimezone() if value.tzinfo is None else value


@dataclass
class State:
    db_option: Path | None
    now: datetime
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, db: Path | None) -> State:
        global _current
        _current = cls(db_option=db, now=_now())
        return _current

    @property
    def today(self) -> date:
        return self.now.date()

    @cached_property
    def db(self) -> Path:
        from netjournal.store.paths import journal_path

        return journal_path(self.db_option)

    @cached_property
    def constants(self) -> Constants:
        """The scoring constants in force: the defaults with the config's overrides."""
        from netjournal.config import scoring_constants

        # a bad override names the config file, the line and the key
        return scoring_constants(self.config)

    @cached_property
    def config(self) -> Config:
        from netjournal.config import load
        from netjournal.store.paths import config_path

        return load(config_path())


#: the invocation's state, for naming the journal in errors that escape a command
_current: State | None = None


def current_journal() -> Path:
    """The journal the running command uses (``--db``, else the environment's)."""
    if _current is not None:
        return _current.db
    from netjournal.store.paths import journal_path

    return journal_path(None)


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):  # a command invoked without the root callback
        root.obj = State.create(None)
    return root.obj


def notice(text: str) -> None:
    """A hint or warning for the person, on stderr (control characters in the data it
    quotes shown escaped: :func:`netjournal.text.visible`)."""
    from netjournal.text import visible

    sys.stderr.write(visible(text.rstrip("\n")) + "\n")


def out() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def has_journal(st: State) -> bool:
    """Whether the journal in use exists (a missing path or an empty file is none yet)."""
    from netjournal.store.sqlite import has_content

    return has_content(st.db)


@contextmanager
def reading(st: State, *, missing_is_empty: bool = False) -> Iterator[sqlite3.Connection]:
    """A read connection with a consistent snapshot for the whole command.

    A path with no journal yet is the user's sentence (reads never create one); a write
    command that reads first passes ``missing_is_empty`` and reads an empty journal
    instead, so the file is made only by the write."""
    from netjournal.store.connection import empty_journal, open_journal

    if missing_is_empty and not has_journal(st):
        conn = empty_journal()
    else:
        conn = open_journal(st.db, notice, create=False)
    try:
        conn.execute("BEGIN")
        yield conn
        conn.execute("COMMIT")
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        from netjournal.store.sqlite import translate

        raise translate(exc, st.db) from exc
    finally:
        conn.close()


@contextmanager
def writing(st: State, command: str) -> Iterator[Journal]:
    from netjournal.store.writer import open_writer
    from netjournal.text import printable

    # the undo history's name for the command; a file name from argv may hold invalid
    # UTF-8 (lone surrogates), which SQLite cannot store
    with open_writer(st.db, printable(command, 300), st.now, notice) as journal:
        yield journal


def command_line() -> str:
    """The command as typed, for the undo history."""
    return " ".join(["net", *sys.argv[1:]]) if sys.argv else "net"


def echo(text: str) -> None:
    """A confirmation or plain line of output, on stdout, never wrapped (control
    characters in the data it quotes shown escaped: :func:`netjournal.text.visible`)."""
    from netjournal.text import visible

    sys.stdout.write(visible(text.rstrip("\n")) + "\n")
