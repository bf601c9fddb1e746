"""Startup cost: the help, the version and the read commands never import the write stack.

Each check runs in a fresh interpreter (``sys.modules`` of this test process already holds
everything) and looks at ``sys.modules`` after every command, so a failure names the first
command that pulled a heavy module in. Plus: the installed entry points start at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal import __version__

#: pydantic too: Typer would coerce every parameter through it (netjournal.cli.coerce)
HEAVY = ("sqlmodel", "sqlalchemy", "vobject", "icalendar", "pydantic")

#: read commands (when registered) and the argument lists they are run with
READS: dict[str, list[list[str]]] = {
    "today": [[], ["--json"], ["today"], ["today", "--json"]],  # plain `net`: the day's page
    "due": [["due"], ["due", "--json"], ["due", "Ada Lovelace"]],
    "balance": [["balance"], ["balance", "--json"], ["balance", "Ada Lovelace"]],
    "depth": [["depth"], ["depth", "--json"], ["depth", "Ada Lovelace"]],
    "show": [["show", "Ada Lovelace"], ["show", "Ada Lovelace", "--json"]],
    "contacts": [["contacts"], ["contacts", "--json"], ["contacts", "--search", "chess"]],
    "search": [["search", "chess"], ["search", "chess", "--json"]],
    "intros": [["intros"], ["intros", "--json"], ["intros", "Ada Lovelace"]],
    "path": [["path", "chess"], ["path", "Ada Lovelace", "--json"]],
    "graph": [["graph"]],
}

CHILD = """
import json, sys

HEAVY = {heavy!r}
READS = {reads!r}


def loaded():
    return sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)


report = {{"steps": []}}
import netjournal.cli  # noqa: E401
report["steps"].append({{"args": ["import netjournal.cli"], "code": 0, "heavy": loaded()}})

from typer.main import get_command
from typer.testing import CliRunner

from netjournal.cli.app import app

runner = CliRunner()
runs = [["--help"], ["--version"]]
registered = set(get_command(app).commands)
report["registered"] = sorted(registered)
for name, arg_lists in READS.items():
    if name in registered:
        runs.extend(arg_lists)
for args in runs:
    result = runner.invoke(app, args)
    report["steps"].append(
        {{
            "args": args,
            "code": result.exit_code,
            "heavy": loaded(),
            "markdown": "markdown_it" in sys.modules,
            "stderr": result.stderr[-500:],
            "error": repr(result.exception) if result.exit_code else "",
        }}
    )
print(json.dumps(report))
"""


def _child(code: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=os.environ
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def journal_with_history(ok: Callable[..., Any], db_path: Path) -> Path:
    """A journal that exists already, with something in every table the reports read."""
    ok("contact", "add", "Ada Lovelace", "--company", "Analytical", "--tag", "math")
    ok("contact", "add", "Charles Babbage")
    ok(
        "log",
        "Ada Lovelace",
        "Charles Babbage",
        "-m",
        "coffee",
        "--give",
        "advice:the engine notes",
        "--learned",
        "hobbies:chess",
        "--follow-up",
        "in 2 weeks",
        "--promise",
        "send the paper",
    )
    ok("ask", "Ada Lovelace", "introduction:to Faraday")
    assert db_path.exists()
    return db_path


def test_help_version_and_reads_skip_the_write_stack(journal_with_history: Path) -> None:
    report = _child(CHILD.format(heavy=HEAVY, reads=READS))
    assert "show" in report["registered"] and "contacts" in report["registered"]
    ran = [step["args"] for step in report["steps"]]
    assert ["--help"] in ran and ["show", "Ada Lovelace"] in ran
    for step in report["steps"]:
        assert step["code"] == 0, step
        assert step["heavy"] == [], f"`net {' '.join(step['args'])}` imported {step['heavy']}"
    # Typer's Rich help would import rich.markdown and markdown_it: too slow for --help
    help_step = next(step for step in report["steps"] if step["args"] == ["--help"])
    assert not help_step["markdown"]


def test_python_dash_m_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "netjournal", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout


def _console_script() -> Path | None:
    """The ``net`` script installed next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / "net"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("net")
    return Path(found) if found else None


def test_console_script_runs(journal_with_history: Path) -> None:
    script = _console_script()
    if script is None:
        pytest.skip("the `net` console script is not installed on PATH")
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    if "netjournal" not in version.stdout:
        pytest.skip(f"{script} is another program called net")
    assert version.returncode == 0 and __version__ in version.stdout
    shown = subprocess.run(
        [str(script), "show", "Ada Lovelace", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["name"] == "Ada Lovelace"


def test_console_entry_builds_only_the_invoked_command() -> None:
    from netjournal.cli.app import _only, app

    slim = _only(["--db", "x.db", "show", "Ada Lovelace", "--json"])
    assert slim is not None and slim is not app
    assert [c.callback.__name__ for c in slim.registered_commands] == ["show"]
    assert not slim.registered_groups
    group = _only(["contact", "add", "Ada"])
    assert group is not None and [g.name for g in group.registered_groups] == ["contact"]
    assert len(app.registered_commands) > 10  # the shared app is left whole
    for args in (["--help"], ["--version"], ["no-such-command"], ["-h", "show"]):
        assert _only(args) is None, args
    for args in ([], ["--db", "x.db"], ["--json"]):  # plain `net`: only the day's page
        page = _only(args)
        assert page is not None and [c.name for c in page.registered_commands] == ["today"]


def test_the_command_table_names_the_module_of_every_command() -> None:
    """``COMMANDS`` (which module to import for a command) is what the modules register."""
    import importlib

    import typer
    from typer.main import get_command_name

    from netjournal.cli.app import COMMANDS, MODULES

    registered: dict[str, str] = {}
    for module in MODULES:
        scratch = typer.Typer()
        importlib.import_module(f"netjournal.cli.{module}").register(scratch)
        for info in scratch.registered_commands:
            name = info.name or get_command_name(info.callback.__name__)
            registered[name] = module
        for group in scratch.registered_groups:
            registered[str(group.name)] = module
    assert registered == COMMANDS


def test_a_command_imports_only_its_own_module() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['net', 'due', '--json']\n"
        "from netjournal.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('netjournal.cli.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=os.environ
    )
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.strip().splitlines()[-1]
    assert "netjournal.cli.farming" in loaded
    for other in ("journal", "contacts", "goals", "review", "io", "safety", "demo"):
        assert f"netjournal.cli.{other}'" not in loaded, loaded


def test_plain_net_imports_only_the_days_page(journal_with_history: Path) -> None:
    """The console script on plain `net`: the day's page module, no other command's, and
    nothing heavy (it is a read with `net due`'s target)."""
    code = (
        "import sys\n"
        "sys.argv = ['net']\n"
        "from netjournal.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print(sorted(m for m in sys.modules if m.startswith('netjournal.cli.')"
        f" or m.split('.')[0] in {HEAVY!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=os.environ
    )
    assert done.returncode == 0, done.stderr
    assert "streak" in done.stdout.splitlines()[0]
    loaded = done.stdout.strip().splitlines()[-1]
    assert "netjournal.cli.today'" in loaded
    for other in ("farming", "goals", "journal", "contacts", "review", "safety"):
        assert f"netjournal.cli.{other}'" not in loaded, loaded
    for heavy in HEAVY:
        assert f"'{heavy}" not in loaded, loaded
