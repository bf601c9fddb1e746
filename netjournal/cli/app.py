"""The ``net`` application: global options, command registration, and the one place
where every error becomes a plain sentence on stderr and an exit status.
"""

import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from netjournal import __version__, messages
from netjournal.cli import coerce, helptext
from netjournal.errors import ExitCode, NetError

coerce.install()
helptext.install()

DEBUG_ENV = "NETJOURNAL_DEBUG"


def _say(text: str) -> None:
    from netjournal.text import visible

    # messages quote what was typed: control characters and invalid UTF-8 shown escaped
    sys.stderr.write(visible(text.rstrip("\n")) + "\n")
    sys.stderr.flush()


class NetGroup(TyperGroup):
    """Runs a command and turns whatever it raises into one message and an exit code;
    each command it hands out is dressed once (:func:`netjournal.cli.helptext.dress`)."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            root_db = next((p for p in self.params if p.name == "db"), None)
            helptext.dress(command, cmd_name, root_db)
        return command

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Typer would turn it into a silent exit 130
            from netjournal.errors import Interrupted

            raise Interrupted(messages.INTERRUPTED) from None

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: str | None = None
    ) -> None:
        from netjournal.cli import complete

        instruction = os.environ.get(complete_var or complete.COMPLETE_VAR)
        if instruction:
            sys.exit(complete.run(self, ctx_args, prog_name, instruction))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code: int
        from netjournal.cli.globalopts import hoist

        args = hoist(sys.argv[1:] if args is None else args)
        if any(a in ("--show-completion", "--install-completion") for a in args):
            from netjournal.cli.complete import install_scripts

            install_scripts()
        try:
            rv = super().main(
                args=args,
                prog_name=prog_name or "net",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = rv if isinstance(rv, int) else 0
        except NetError as exc:
            _say(exc.message)
            code = exc.exit_code
        except (typer.Abort, KeyboardInterrupt) as exc:
            _say(messages.INTERRUPTED)
            # end of input at a prompt is not an interrupt
            eof = isinstance(exc.__context__, EOFError)
            code = ExitCode.BAD_VALUE if eof else ExitCode.INTERRUPTED
        except UnicodeEncodeError as exc:
            code = _not_utf8(exc, sys.argv[1:] if args is None else list(args))
        except Exception as exc:
            code = _report(exc)
        if standalone_mode:
            sys.exit(code)
        return code


def _not_utf8(exc: UnicodeEncodeError, args: Sequence[str]) -> int:
    """Invalid UTF-8 in argv (lone surrogates) that reached an encoder: the commands
    refuse it in names and texts; anything else they pass on gets this one sentence."""
    import re

    surrogate = re.compile("[\ud800-\udfff]")
    if not surrogate.search(exc.object if isinstance(exc.object, str) else ""):
        return _report(exc)
    from netjournal.text import printable

    culprit = next((a for a in args if surrogate.search(a)), exc.object)
    _say(messages.ARG_NOT_UTF8.format(arg=printable(culprit)))
    return ExitCode.BAD_VALUE


def _report(exc: Exception) -> int:
    from typer._click.exceptions import ClickException, UsageError

    if isinstance(exc, UsageError):
        command = exc.ctx.command_path if exc.ctx is not None else "net"
        _say(messages.USAGE_ERROR.format(message=exc.format_message(), command=command))
        return ExitCode.BAD_USAGE
    if isinstance(exc, ClickException):
        _say(exc.format_message())
        return exc.exit_code
    if isinstance(exc, sqlite3.DatabaseError) or (
        isinstance(getattr(exc, "orig", None), sqlite3.Error)
    ):
        from netjournal.cli.common import current_journal
        from netjournal.store.sqlite import translate

        err = translate(exc, current_journal())
        if os.environ.get(DEBUG_ENV):
            raise exc
        _say(err.message if isinstance(err, NetError) else str(err))
        return err.exit_code if isinstance(err, NetError) else ExitCode.BAD_VALUE
    if isinstance(exc, OSError) and exc.filename is not None:
        if os.environ.get(DEBUG_ENV):
            raise exc
        _say(_file_error(exc))
        return ExitCode.BAD_VALUE
    if os.environ.get(DEBUG_ENV):
        raise exc
    _say(messages.UNEXPECTED.format(error=f"{type(exc).__name__}: {exc}"))
    return ExitCode.BAD_VALUE


def _file_error(exc: OSError) -> str:
    """A file-system error as one sentence: about the journal when it is the journal's
    (or one of its folders), else about the file named."""
    from netjournal.cli.common import current_journal
    from netjournal.store.sqlite import translate_os

    journal = current_journal().absolute()
    path = Path(os.fsdecode(exc.filename)).absolute()
    if path == journal or path in journal.parents or path.parent == journal.parent:
        return translate_os(exc, journal).message
    return messages.FILE_ERROR.format(path=path, reason=exc.strerror or exc)


root_app = typer.Typer(
    cls=NetGroup,
    name="net",
    help="A journal for business networking: log meetings, give before you ask, "
    "and see whom to contact next. Alone, net shows your day (as net today does): whom "
    "to contact, the follow-ups and promises due this week, your goals and streak.",
    add_completion=True,
    pretty_exceptions_enable=False,
    # plain help: Typer's Rich help imports rich.markdown + markdown_it (~0.25 s of CPU,
    # twice the whole startup budget of `net --help`; see bench/run.py)
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"net (netjournal) {__version__}\n")
        raise typer.Exit()


@root_app.callback(invoke_without_command=True, subcommand_metavar="[COMMAND [ARGS]...]")
def root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Journal file to use (default: $NETJOURNAL_DB, else the user data folder); "
            "before or after the command.",
            metavar="FILE",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    json_: Annotated[
        # `net --json`: the day's page as JSON (before a command, hoist moves --json after it)
        bool,
        typer.Option("--json", hidden=True),
    ] = False,
) -> None:
    """A journal for business networking."""
    from netjournal.cli.common import State

    ctx.obj = State.create(db)
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        # plain `net`: the day's page, as `net today` (as taskwarrior's `task` runs `next`)
        from netjournal.cli.today import show

        show(ctx, as_json=json_)


#: command modules (in ``netjournal.cli``), in the order their commands are listed in help
MODULES = (
    "today",
    "journal",
    "contacts",
    "records",
    "scores",
    "farming",
    "goals",
    "targets",
    "review",
    "search",
    "intros",
    "io",
    "capture",
    "configcmd",
    "demo",
    "safety",
    "helpcmd",
)

#: the module that registers each top-level command or group (``tests/test_imports``
#: checks it against what the modules register)
COMMANDS: dict[str, str] = {
    "today": "today",
    **dict.fromkeys(("log", "give", "ask", "asks", "ask-status", "learn"), "journal"),
    **dict.fromkeys(("contacts", "show", "contact"), "contacts"),
    **dict.fromkeys(("edit", "rm", "undo"), "records"),
    **dict.fromkeys(("balance", "depth"), "scores"),
    **dict.fromkeys(("due", "followup", "promise", "followups", "done", "snooze"), "farming"),
    **dict.fromkeys(("goal", "goals", "spend", "expenses", "budget"), "goals"),
    **dict.fromkeys(("target", "targets", "match"), "targets"),
    "review": "review",
    "search": "search",
    **dict.fromkeys(("introduce", "intros", "graph", "path"), "intros"),
    **dict.fromkeys(("import", "export"), "io"),
    "inbox": "capture",
    "config": "configcmd",
    "demo": "demo",
    **dict.fromkeys(("backup", "restore", "doctor"), "safety"),
    "help": "helpcmd",
}

_registered: set[str] = set()


def _register(target: typer.Typer, modules: Sequence[str]) -> None:
    import importlib

    for name in modules:
        importlib.import_module(f"netjournal.cli.{name}").register(target)


def full_app() -> typer.Typer:
    """The application with every command registered (help, completion, tests): what
    ``netjournal.cli.app.app`` is."""
    missing = [m for m in MODULES if m not in _registered]
    _registered.update(missing)
    _register(root_app, missing)
    return root_app


def __getattr__(name: str) -> Any:
    if name == "app":
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _only(args: Sequence[str]) -> typer.Typer | None:
    """A copy of ``app`` with only the command (or group) that ``args`` invoke, else None.

    Only that command's module is imported, and Typer builds only its Click command
    (reading every signature's type hints costs ~0.1 s of CPU for ~50 commands). No
    command at all (plain ``net``, the day's page) is ``today``'s. Help, completion and
    unknown commands get the whole app.
    """
    import copy

    from typer.main import get_command_name

    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    name = None
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif arg.startswith("--db=") or arg == "--json":
            continue  # a --json still before a command (after hoist): no command follows
        elif arg.startswith("-"):
            return None
        else:
            name = arg
            break
    if name is None:
        name = "today"  # plain `net`: the root's callback shows the day's page
    if name not in COMMANDS:
        return None
    scratch = typer.Typer()
    _register(scratch, [COMMANDS[name]])
    commands = [
        info
        for info in scratch.registered_commands
        if (info.name or get_command_name(getattr(info.callback, "__name__", ""))) == name
    ]
    groups = [info for info in scratch.registered_groups if info.name == name]
    if len(commands) + len(groups) != 1:
        return None
    only = copy.copy(root_app)
    only.registered_commands = commands
    only.registered_groups = groups
    return only


def _never_fail_on_encoding() -> None:
    """Whatever reaches stdout or stderr, writing it never raises: a character the
    terminal's encoding lacks, or a lone surrogate (invalid UTF-8 from argv), is written
    as a visible escape instead of ending the command with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                continue


def main() -> None:
    """Console-script entry point (``net`` and ``netjournal``)."""
    _never_fail_on_encoding()
    from netjournal.cli.globalopts import hoist

    (_only(hoist(sys.argv[1:])) or full_app())()
