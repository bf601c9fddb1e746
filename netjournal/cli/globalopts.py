"""Global options anywhere on the line: ``net due --db F`` as well as ``net --db F due``,
``--db=F`` too, and ``net --json balance`` as well as ``net balance --json``.

``--db`` is the root's option; :func:`add_db_option` gives every command a hidden copy
whose value replaces the root's (Click parses it with the command's own options, so
``-m --db`` is still a note and ``--`` still ends the options). ``--json`` before the
command is moved after it (:func:`hoist`): before the command only the root's options can
stand, so that move never takes a value for an option.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import Any

META_KEY = "netjournal.db"

#: root options that take a value (the word after them is not the command)
_ROOT_VALUED = ("--db",)


def hoist(args: Sequence[str]) -> list[str]:
    """``args`` with a ``--json`` typed before the command moved after it (before a
    ``--``, which would make it an argument)."""
    out = list(args)
    i = 0
    moved = False
    while i < len(out):
        arg = out[i]
        if arg == "--json":
            del out[i]
            moved = True
            continue
        if arg in _ROOT_VALUED:
            i += 2
            continue
        if arg == "--" or not arg.startswith("-"):
            break
        i += 1
    if not moved:
        return out
    if "--" in out[i:]:
        out.insert(out.index("--", i), "--json")
    else:
        out.append("--json")
    return out


def _take_db(ctx: Any, param: Any, value: Path | None) -> Path | None:
    if value is None:
        return None
    from netjournal.cli.common import State

    ctx.meta[META_KEY] = value
    root = ctx.find_root()
    if isinstance(root.obj, State):
        root.obj.db_option = value
        root.obj.__dict__.pop("db", None)  # the cached path, if anything read it already
    return value


def add_db_option(command: Any, root_db: Any) -> None:
    """A hidden copy of the root's ``--db FILE`` (``root_db``) on ``command``."""
    if root_db is None or any(p.name == "db" for p in command.params):
        return
    mine = copy.copy(root_db)
    mine.hidden = True
    mine.expose_value = False
    mine.callback = _take_db
    command.params.append(mine)
