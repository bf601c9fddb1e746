"""What every command's help and completion share, applied once to the Click command tree
(:func:`dress`, called by ``NetGroup.get_command``): metavars in words (NAME, WHEN,
[KIND:]TEXT, MONEY ...) instead of Typer's ``<str>`` and ``{name}``, the first sentence of
each description whole in command lists (never cut with "..."), the examples of
``netjournal.cli.examples`` at the end of each help, name completion on every NAME
parameter, ``--db`` after the command (:mod:`netjournal.cli.globalopts`) and the pager
(:mod:`netjournal.cli.pager`) on long lists.

Typer draws an argument as its name followed by its type (``name <str>``) and a required
one as ``{name}`` in the usage line; :func:`install` makes both draw the metavar only
(``NAME``, ``[NAME]``, ``NAME...``). Like ``netjournal.cli.coerce`` it patches two private
methods and leaves Typer alone when they are missing; ``tests/test_help`` checks the result.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

#: metavars by (command path, parameter name), then by parameter name
BY_COMMAND: dict[tuple[str, str], str] = {
    ("demo", "keep"): "FOLDER",
    ("goal set", "metric"): "METRIC",
    ("goal rm", "metric"): "METRIC",
    ("learn", "text"): "TEXT",
    ("path", "target"): "NAME|COMPANY|TEXT",
    ("search", "text"): "TEXT",
    ("review", "svg"): "FILE",
    ("graph", "svg"): "FILE",
    ("ask-status", "status"): "granted|declined",
    ("export vcard", "version"): "3.0|4.0",
    ("goal set", "per"): "week|month",
    ("budget set", "per"): "month|year",
    ("goal set", "target"): "N",
    ("target add", "text"): "TEXT",
    ("contact add", "name"): "NAME",
}
BY_NAME: dict[str, str] = {
    **dict.fromkeys(
        ("name", "names", "to", "keep", "other", "contact", "met_through", "new_name"), "NAME"
    ),
    **dict.fromkeys(("on", "when", "by", "since", "follow_up", "met_on", "birthday"), "WHEN"),
    **dict.fromkeys(("give", "ask"), "[KIND:]TEXT"),
    "learned": "CATEGORY:TEXT",
    "what": "TEXT",
    "text": "TEXT",
    "note": "TEXT",
    "promise": "TEXT",
    "event": "TEXT",
    "search": "TEXT",
    "category": "CATEGORY",
    "kind": "KIND",
    "tier": "TIER",
    "tag": "TAG",
    "role": "ROLE",
    "company": "COMPANY",
    "email": "EMAIL",
    "phone": "PHONE",
    "met_at": "PLACE",
    "cadence": "DAYS",
    "within": "DAYS",
    "size": "N",
    "amount": "MONEY",
    "limit": "ROWS",
    "in_": "RECORDS",
    "per": "PERIOD",
    "metric": "METRIC",
    "status": "STATUS",
    "record_id": "ID",
    "ask_id": "ID",
    "target_id": "ID",
    "file": "FILE",
    "output": "FILE",
    "db": "FILE",
}

#: NAME parameters that take a new name, not one of the journal's contacts
NEW_NAMES: frozenset[tuple[str, str]] = frozenset(
    {("contact add", "name"), ("contact edit", "new_name")}
)

_SENTENCE_END = re.compile(r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])\s")


def install() -> None:
    """Arguments drawn by their metavar alone, in help and in usage lines; idempotent."""
    try:
        from typer.core import TyperArgument
    except ImportError:  # a Typer without it: its own drawing
        return
    if getattr(TyperArgument, "_netjournal", False):
        return
    if not all(
        hasattr(TyperArgument, m)
        for m in ("display_type_rich", "_rich_display_name", "_usage_display_name")
    ):
        return

    def bare(self: Any) -> str:
        name = (self.metavar or self.name or "").removesuffix("...")
        return name + ("..." if self.nargs != 1 else "")

    def usage(self: Any) -> str:
        name = (self.metavar or self.name or "").removesuffix("...")
        shown = name if self.required else f"[{name}]"
        return shown + ("..." if self.nargs != 1 else "")

    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[assignment,method-assign]
    TyperArgument._rich_display_name = bare  # type: ignore[method-assign]
    TyperArgument._usage_display_name = usage  # type: ignore[method-assign]
    TyperArgument._netjournal = True  # type: ignore[attr-defined]


def metavar(path: str, param: Any) -> str:
    """The word a parameter's value is shown as in help."""
    name = param.name or ""
    found = BY_COMMAND.get((path, name)) or BY_NAME.get(name)
    if found:
        return found
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if annotation is int:
        return "N"
    if annotation is Path:
        return "FILE"
    return name.rstrip("_").replace("_", "-").upper()


def first_sentence(text: str) -> str:
    """The first sentence of a description's first paragraph, whole."""
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    return _SENTENCE_END.split(paragraph, 1)[0]


def completes_names(path: str, param: Any) -> bool:
    return metavar(path, param).startswith("NAME") and (path, param.name) not in NEW_NAMES


def dress(command: Any, path: str, root_db: Any = None) -> None:
    """Metavars, short help, examples, name completion, ``--db`` and the pager on
    ``command`` (named ``path``, e.g. ``"contact add"``) and its subcommands, once;
    ``root_db`` is the root's ``--db`` parameter."""
    if getattr(command, "_netjournal_dressed", False):
        return
    command._netjournal_dressed = True
    from netjournal.cli import globalopts, negatives, pager
    from netjournal.cli.complete import name_completer
    from netjournal.cli.examples import EXAMPLES

    if command.help and not command.short_help:
        command.short_help = first_sentence(command.help)
    for param in command.params:
        if param.param_type_name == "option" and (param.is_flag or param.count):
            continue
        if param.name == "help":
            continue
        if param.metavar is None or param.param_type_name == "argument":
            param.metavar = metavar(path, param)
        if completes_names(path, param):
            param._custom_shell_complete = name_completer
    examples = EXAMPLES.get(path)
    if examples and not command.epilog:
        command.epilog = "\b\nExamples:\n" + "\n".join(f"  {e}" for e in examples)
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        globalopts.add_db_option(command, root_db)
        pager.page_long_output(command, path)
        negatives.let_negative_numbers_through(command)
        return
    for name, sub in subcommands.items():
        dress(sub, f"{path} {name}".strip(), root_db)
