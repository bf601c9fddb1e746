"""Help (issue 17): metavars in words, descriptions whole, one or two examples per command
that parse with the command they name, and `net help [COMMAND...]`."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from netjournal.cli import helptext
from netjournal.cli.examples import EXAMPLES

#: Typer's type labels and brace-wrapped names: never in net's help
TYPE_LABEL = re.compile(r"<(str|int|float|bool|file|path|list\[[^\]]*\])>|\{[a-zA-Z_]+\}")


def _root() -> Any:
    from typer.main import get_command

    from netjournal.cli.app import full_app

    return get_command(full_app())


def commands(root: Any | None = None) -> Iterator[tuple[str, Any]]:
    """(path, Click command) for every command and group under net, groups included."""
    root = root or _root()

    def walk(group: Any, path: list[str], parent: Any) -> Iterator[tuple[str, Any]]:
        ctx = group.make_context(" ".join(["net", *path]), [], parent=parent,
                                 resilient_parsing=True)  # fmt: skip
        for name in group.list_commands(ctx):
            cmd = group.get_command(ctx, name)
            yield " ".join([*path, name]), cmd
            if hasattr(cmd, "commands"):
                yield from walk(cmd, [*path, name], ctx)

    yield from walk(root, [], None)


def test_the_walk_finds_the_subcommands() -> None:
    paths = {path for path, _ in commands()}
    for expected in ("contact dupes", "graph", "introduce", "intros", "path", "search", "help"):
        assert expected in paths


def test_every_command_has_examples_and_every_example_is_a_command() -> None:
    paths = {path for path, _ in commands()}
    assert paths - set(EXAMPLES) == set(), "commands without examples"
    assert set(EXAMPLES) - paths == set(), "examples of commands that do not exist"
    for path, examples in EXAMPLES.items():
        assert 1 <= len(examples) <= 2, path


def parse(example: str) -> tuple[str, Any]:
    """Parse ``example`` as Click would run it, without running it: the command path it
    reaches and its context. Unknown options, extra arguments, missing arguments and
    values of the wrong type raise."""
    words = shlex.split(example)
    assert words[0] == "net", example
    root = _root()
    ctx = root.make_context("net", words[1:])
    path: list[str] = []
    command: Any = root
    args = [*ctx._protected_args, *ctx.args]
    while hasattr(command, "commands"):
        name, command, args = command.resolve_command(ctx, args)
        path.append(name)
        ctx = command.make_context(name, args, parent=ctx)
        args = [*ctx._protected_args, *ctx.args]
    assert args == [], example
    return " ".join(path), ctx


@pytest.mark.parametrize(("path", "example"), [(p, e) for p, es in EXAMPLES.items() for e in es])
def test_each_example_parses_with_the_command_it_names(
    path: str, example: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for word in shlex.split(example):  # the files examples read exist, as they would
        if re.fullmatch(r"[\w-]+\.(csv|vcf|json|db)", word) and word not in ("-o",):
            (tmp_path / word).write_text("")
    reached, _ctx = parse(example)
    assert reached == path or reached.startswith(path + " ")  # a group: one of its commands


def test_parse_refuses_what_click_refuses() -> None:
    from typer._click.exceptions import UsageError

    for bad in ("net show", "net show Ana Rossi", "net due --nope", "net goal set gives x"):
        with pytest.raises(UsageError):
            parse(bad)


def help_of(*path: str) -> str:
    from netjournal.cli.app import app

    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def test_help_shows_words_not_types_and_the_examples() -> None:
    for path, _cmd in commands():
        text = help_of(*path.split())
        assert TYPE_LABEL.search(text) is None, (path, TYPE_LABEL.search(text))
        usage = text.splitlines()[0]
        assert "{" not in usage and "<" not in usage, usage
        assert "Examples:" in text, path
        # "..." only marks repeatable arguments (NAME..., [ARGS]...), never a cut text
        assert "..." not in re.sub(r"[A-Z\]]\.\.\.", "", text), path
        for example in EXAMPLES[path]:
            assert example in text, (path, example)


def test_metavars_in_words() -> None:
    log = help_of("log")
    assert log.startswith("Usage: net log [OPTIONS] [NAME]...")
    for shown in ("--on WHEN", "--give [KIND:]TEXT", "--learned CATEGORY:TEXT",
                  "-m, --note TEXT", "--met-through NAME"):  # fmt: skip
        assert shown in log
    assert "Usage: net give [OPTIONS] NAME TEXT" in help_of("give")
    assert "--amount MONEY" in help_of("give") and "--size N" in help_of("give")
    assert "Usage: net learn [OPTIONS] NAME CATEGORY TEXT" in help_of("learn")
    assert "Usage: net followup [OPTIONS] NAME WHEN [TEXT]" in help_of("followup")
    assert "--within DAYS" in help_of("due")
    assert "FILE" in help_of("import", "linkedin").splitlines()[0]
    assert "Usage: net search [OPTIONS] TEXT..." in help_of("search")


def test_command_lists_show_each_description_whole() -> None:
    for path, cmd in [("", _root()), *commands()]:
        if not hasattr(cmd, "commands"):
            continue
        text = " ".join(help_of(*path.split()).split())
        for name, sub in cmd.commands.items():
            first = helptext.first_sentence(sub.help or "")
            assert f"{name} {first}" in text, (path, name, first)


def test_first_sentence() -> None:
    assert helptext.first_sentence("Do it. Then more.") == "Do it."
    assert helptext.first_sentence("Ids, e.g. i12. Then.") == "Ids, e.g. i12."
    assert helptext.first_sentence("One\nline, wrapped.\n\nMore.") == "One line, wrapped."


def test_net_help(net: Callable[..., Any]) -> None:
    for path in ([], ["log"], ["contact", "add"], ["contact"]):
        shown = net("help", *path)
        assert shown.exit_code == 0
        assert shown.stdout == net(*path, "--help").stdout
    for bad in (["nope"], ["contact", "nope"], ["log", "x"]):
        result = net("help", *bad)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.strip() == (
            f"There is no command 'net {' '.join(bad)}'; 'net help' lists them."
        )


def test_help_and_net_help_stay_off_the_write_stack() -> None:
    code = (
        "import sys\n"
        "from netjournal.cli import main\n"
        "for args in (['--help'], ['help', 'log'], ['log', '--help']):\n"
        "    sys.argv = ['net', *args]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlmodel', 'sqlalchemy', 'pydantic'))\n"
        "sys.stderr.write('HEAVY=' + repr(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert "HEAVY=[]" in done.stderr, done.stderr[-2000:]
    assert "Examples:" in done.stdout
