"""The pager (issue 17): a list longer than the screen goes through ``$PAGER`` (default
``less -FRX``) when stdout is a terminal; never when piped, never with ``--json``, never
when it fits; ``NETJOURNAL_PAGER`` or ``PAGER`` empty or ``cat`` turns it off."""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.cli import pager

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX only")

#: a pager that records how it was run and what it was given
RECORDER = """#!/bin/sh
echo "$0 $*" > "$RECORD.args"
cat > "$RECORD.in"
"""

PEOPLE = [f"Person{n:02d} Example" for n in range(40)]


@pytest.fixture
def crowd(ok: Callable[..., Any], db_path: Path) -> Path:
    ok("log", *PEOPLE, "--new", "-m", "the big meetup")
    return db_path


@pytest.fixture
def recorder(tmp_path: Path) -> tuple[Path, Path]:
    script = tmp_path / "recording-pager"
    script.write_text(RECORDER)
    script.chmod(0o755)
    return script, tmp_path / "record"


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NETJOURNAL_DEBUG", "PAGER", "NETJOURNAL_PAGER", "COLUMNS", "LINES")
    }
    env.update(TERM="dumb", **extra)
    return env


def on_terminal(*args: str, env: dict[str, str], rows: int = 20) -> tuple[int, str]:
    """``python -m netjournal ARGS`` with stdout on a pty of ``rows`` lines."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 100, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "netjournal", *args],
        stdin=slave, stdout=slave, stderr=slave, env=_env(env), close_fds=True,
    )  # fmt: skip
    os.close(slave)
    seen = b""
    end = time.monotonic() + 60
    while time.monotonic() < end:
        if not select.select([master], [], [], 0.2)[0]:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError as exc:
            if exc.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return proc.wait(timeout=30), seen.decode(errors="replace")


def piped(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netjournal", *args],
        env=_env(env), capture_output=True, text=True, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize("command", [["contacts"], ["followups"], ["show", "Person01"]])
def test_a_long_list_on_a_terminal_goes_through_the_pager(
    crowd: Path, recorder: tuple[Path, Path], command: list[str], ok: Callable[..., Any]
) -> None:
    if command == ["followups"]:
        for n in range(30):
            ok("followup", PEOPLE[n], f"in {n + 1} days", f"call {n}")
    if command[0] == "show":
        for n in range(30):
            ok("learn", "Person01", "hobbies", f"fact number {n}")
    script, record = recorder
    code, shown = on_terminal(*command, env={"PAGER": str(script), "RECORD": str(record)})
    assert code == 0, shown
    assert Path(f"{record}.args").exists(), shown
    paged = Path(f"{record}.in").read_text()
    assert "Person01" in paged
    assert "Person01" not in shown  # the list went to the pager, not past it


def test_netjournal_pager_wins_and_default_is_less(
    crowd: Path, recorder: tuple[Path, Path], tmp_path: Path
) -> None:
    script, record = recorder
    env = {"NETJOURNAL_PAGER": f"{script} --from-net", "PAGER": "false", "RECORD": str(record)}
    code, shown = on_terminal("contacts", env=env)
    assert code == 0, shown
    assert Path(f"{record}.args").read_text().split()[1:] == ["--from-net"]


def test_piped_json_short_or_disabled_never_page(
    crowd: Path, recorder: tuple[Path, Path], ok: Callable[..., Any]
) -> None:
    script, record = recorder
    env = {"PAGER": str(script), "RECORD": str(record)}
    done = piped("contacts", env=env)
    assert done.returncode == 0 and "Person01" in done.stdout
    code, shown = on_terminal("contacts", "--json", env=env)
    assert code == 0 and "Person01" in shown
    code, shown = on_terminal("contacts", "--limit", "3", env=env)  # fits the screen
    assert code == 0 and "Person00" in shown
    for off in ({"PAGER": ""}, {"PAGER": "cat"}, {"NETJOURNAL_PAGER": "", "PAGER": str(script)}):
        code, shown = on_terminal("contacts", env={**off, "RECORD": str(record)})
        assert code == 0 and "Person01" in shown, off
    assert not Path(f"{record}.args").exists()


def test_a_missing_pager_shows_the_list_anyway(crowd: Path) -> None:
    code, shown = on_terminal("contacts", env={"PAGER": "no-such-pager-anywhere -R"})
    assert code == 0 and "Person39" in shown


def test_pager_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.delenv("NETJOURNAL_PAGER", raising=False)
    monkeypatch.setenv("PATH", os.environ["PATH"] + os.pathsep + "/usr/bin")
    if pager.pager_command() is not None:
        assert pager.pager_command() == "less -FRX"
    monkeypatch.setenv("PAGER", "cat")
    assert pager.pager_command() is None
    monkeypatch.setenv("NETJOURNAL_PAGER", "sh -c cat")
    assert pager.pager_command() == "sh -c cat"
