"""Global options anywhere (issue 17): ``--db`` before or after the command, as ``--db F``
or ``--db=F``, on every command; ``--json`` before the command where the command has it;
``--`` still ends the options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.cli.globalopts import hoist


@pytest.fixture
def other(tmp_path: Path, ok: Callable[..., Any], db_path: Path) -> Path:
    """A second journal holding Ana; the default one ($NETJOURNAL_DB) holds Bruno."""
    path = tmp_path / "other" / "j.db"
    ok("contact", "add", "Ana Rossi", "--db", str(path))
    ok("contact", "add", "Bruno Bassi")
    return path


def names(result: Any) -> list[str]:
    data = json.loads(result.stdout)
    return sorted(c["name"] for c in data["contacts"])


@pytest.mark.parametrize(
    "shape",
    [
        ["--db", "{f}", "contacts", "--json"],
        ["contacts", "--db", "{f}", "--json"],
        ["contacts", "--json", "--db", "{f}"],
        ["contacts", "--json", "--db={f}"],
        ["--db={f}", "contacts", "--json"],
        ["--json", "contacts", "--db", "{f}"],
        ["--json", "--db", "{f}", "contacts"],
    ],
)
def test_db_and_json_anywhere(shape: list[str], other: Path, ok: Callable[..., Any]) -> None:
    args = [a.format(f=other) for a in shape]
    assert names(ok(*args)) == ["Ana Rossi"]


def test_reads_and_writes_after_the_command(other: Path, ok: Callable[..., Any]) -> None:
    assert "Ana Rossi" in ok("show", "Ana", "--db", str(other)).stdout
    assert (
        json.loads(ok("balance", "--json", "--db", str(other)).stdout)["contacts"][0]["name"]
        == "Ana Rossi"
    )
    ok("due", "--db", str(other))
    ok("log", "Ana", "-m", "coffee", "--db", str(other))
    assert ok("show", "Ana", "--json", f"--db={other}").stdout.count("coffee") >= 1
    assert names(ok("contacts", "--json")) == ["Bruno Bassi"]  # the default journal


def test_a_value_that_looks_like_db_stays_a_value(
    other: Path, ok: Callable[..., Any], net: Callable[..., Any]
) -> None:
    ok("log", "Ana", "-m", "--db", "--db", str(other))
    shown = json.loads(ok("show", "Ana", "--json", "--db", str(other)).stdout)
    assert "--db" in json.dumps(shown)
    # after --, --db is an argument: a name nobody has
    result = net("show", "--db", str(other), "--", "--db")
    assert result.exit_code == 1
    assert "--db" in result.stderr


def test_json_before_a_command_without_json_is_refused(net: Callable[..., Any]) -> None:
    result = net("--json", "undo")
    assert result.exit_code == 2
    assert "--json" in result.stderr


def test_hoist() -> None:
    assert hoist(["--json", "due"]) == ["due", "--json"]
    assert hoist(["--db", "--json", "due"]) == ["--db", "--json", "due"]  # a file name
    assert hoist(["--json", "search", "x", "--", "-y"]) == ["search", "x", "--json", "--", "-y"]
    assert hoist(["due", "--json"]) == ["due", "--json"]
    assert hoist(["log", "Ana", "-m", "--json"]) == ["log", "Ana", "-m", "--json"]
    assert hoist(["--", "--json"]) == ["--", "--json"]


def test_every_command_takes_db_after_it() -> None:
    from typer.main import get_command

    from netjournal.cli.app import full_app

    root = get_command(full_app())

    def leaves(group: Any, path: list[str]) -> list[tuple[str, Any]]:
        ctx = group.make_context("net", [], resilient_parsing=True)
        out = []
        for name in group.list_commands(ctx):
            cmd = group.get_command(ctx, name)
            if hasattr(cmd, "commands"):
                out.extend(leaves(cmd, [*path, name]))
            else:
                out.append((" ".join([*path, name]), cmd))
        return out

    found = leaves(root, [])
    assert len(found) > 50
    for path, cmd in found:
        assert any("--db" in p.opts for p in cmd.params), path
        ctx = cmd.make_context(path, ["--db", "x.db", "--help"], resilient_parsing=True)
        assert ctx.meta.get("netjournal.db") == Path("x.db"), path


def test_installed_net_takes_db_after_the_command(other: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    env["NETJOURNAL_DB"] = str(tmp_path / "nowhere" / "j.db")
    net = Path(sys.executable).with_name("net")
    done = subprocess.run(
        [str(net), "contacts", "--json", "--db", str(other)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert names(done) == ["Ana Rossi"]
    done = subprocess.run(
        [str(net), "--json", "contacts", f"--db={other}"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert names(done) == ["Ana Rossi"]
