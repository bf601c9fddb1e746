"""The guided debrief typed into a real terminal: tmux runs the installed ``net log``,
``send-keys`` types each answer once its question is on the screen (``capture-pane``),
and the rows written to the SQLite file are checked.

Two people, three gives (two for one, one for the other), an ask, a promise, a fact and
a follow-up for each. Run it alone with::

    .venv/bin/python -m pytest -q tests/test_debrief_tmux.py

It needs tmux (``apt-get install -y tmux``) and the ``net`` console script of the
running Python's environment (``pip install -e .``); without either it is skipped,
saying which.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from netjournal import messages

TMUX = shutil.which("tmux")
NET = Path(sys.executable).parent / "net"

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install -y tmux)"),
    pytest.mark.skipif(
        not NET.exists(),
        reason=f"no net console script next to {sys.executable} (pip install -e .)",
    ),
]

TIMEOUT = 20.0  # seconds to wait for one question (a slow, shared machine)

#: (the question on the screen, what the person types)
SCRIPT: tuple[tuple[str, str], ...] = (
    (messages.DEBRIEF_WHO, "Giulia Bianchi, Roberto Neri"),
    (messages.DEBRIEF_MET_THROUGH.format(name="Giulia Bianchi"), ""),
    ("What kind of interaction?", "meal"),
    (messages.DEBRIEF_WHEN, "yesterday"),
    (messages.DEBRIEF_NOTE, "Lunch at Da Gino"),
    (messages.DEBRIEF_GIVE, "introduction:to a notary"),
    ("Whom did you give it to?", "Rob"),
    (messages.DEBRIEF_GIVE_MORE, "advice:pricing a deed"),
    ("Whom did you give it to?", "giulia"),
    (messages.DEBRIEF_GIVE_MORE, "resource:the tender documents"),
    ("Whom did you give it to?", "Roberto Neri"),
    (messages.DEBRIEF_GIVE_MORE, ""),
    (messages.DEBRIEF_ASK, "referral:IT managers"),
    ("Whom did you ask?", "Giulia"),
    (messages.DEBRIEF_ASK_MORE, ""),
    (messages.DEBRIEF_PROMISE, "send Roberto the BNI invite"),
    (messages.DEBRIEF_BY, "friday"),
    ("Whom did you promise it to?", "Roberto"),
    (messages.DEBRIEF_PROMISE_MORE, ""),
    ("What did you learn about Giulia's family?", "two daughters"),
    ("What did you learn about Roberto's family?", ""),
    ("Anything else you learned?", ""),
    (messages.DEBRIEF_NEXT, "2w"),
    ("With whom?", "Giulia"),
    (messages.DEBRIEF_NEXT_MORE, "in 3 weeks"),
    ("With whom?", "Roberto"),
    (messages.DEBRIEF_NEXT_MORE, ""),
    (messages.DEBRIEF_CONFIRM, "y"),
)


class Pane:
    """One tmux server of our own (its own socket) with one window running a command."""

    def __init__(self, command: str, env: dict[str, str]) -> None:
        self.socket = f"netjournal-test-{uuid.uuid4().hex[:8]}"
        self.env = env
        self._tmux("new-session", "-d", "-s", "debrief", "-x", "200", "-y", "50", command)
        self._tmux("set-option", "-t", "debrief", "history-limit", "5000")

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            [str(TMUX), "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=TIMEOUT,
            check=True,
        )
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "debrief")

    def wait_for(self, text: str, times: int) -> None:
        """Until ``text`` is on the screen ``times`` times (questions repeat)."""
        deadline = time.monotonic() + TIMEOUT
        while self.screen().count(text) < times:
            if time.monotonic() > deadline:
                raise AssertionError(f"no {text!r} (#{times}) on the screen:\n{self.screen()}")
            time.sleep(0.05)

    def type(self, answer: str) -> None:
        if answer:
            self._tmux("send-keys", "-t", "debrief", "-l", answer)
        self._tmux("send-keys", "-t", "debrief", "Enter")

    def close(self) -> None:
        subprocess.run(
            [str(TMUX), "-L", self.socket, "kill-server"], capture_output=True, env=self.env
        )


@pytest.fixture
def session_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NETJOURNAL_", "TMUX"))}
    env.update(
        {
            "NETJOURNAL_DB": str(tmp_path / "journal.db"),
            "NETJOURNAL_CONFIG": str(tmp_path / "config.toml"),
            "NETJOURNAL_NOW": "2026-11-28T10:00:00",
            "HOME": str(tmp_path / "home"),
            "TERM": "xterm-256color",
            "NO_COLOR": "1",
        }
    )
    for var in ("COLUMNS", "LINES", "TERMINAL_WIDTH", "_TYPER_FORCE_DISABLE_TERMINAL"):
        env.pop(var, None)
    return env


@pytest.fixture
def pane(session_env: dict[str, str], tmp_path: Path) -> Iterator[tuple[Pane, Path]]:
    rc = tmp_path / "rc"
    inner = " ".join(f"{k}={shlex.quote(v)}" for k, v in session_env.items())
    command = (
        f"env -i {inner} {shlex.quote(str(NET))} log; echo $? > {shlex.quote(str(rc))}; sleep 60"
    )
    p = Pane(command, session_env)
    try:
        yield p, rc
    finally:
        p.close()


def _rows(db: str, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_debrief_in_tmux_two_people_several_gives(
    pane: tuple[Pane, Path], session_env: dict[str, str]
) -> None:
    p, rc = pane
    seen: dict[str, int] = {}
    for question, answer in SCRIPT:
        seen[question] = seen.get(question, 0) + 1
        p.wait_for(question, seen[question])
        p.type(answer)
    deadline = time.monotonic() + TIMEOUT
    while not (rc.exists() and rc.read_text().strip()):
        assert time.monotonic() < deadline, p.screen()
        time.sleep(0.05)
    screen = p.screen()
    assert rc.read_text().strip() == "0", screen
    assert "Logged meal with Giulia Bianchi and Roberto Neri on 2026-11-27 (i1)." in screen
    assert "give introduction → Roberto Neri: to a notary (g1)" in screen
    assert "give advice → Giulia Bianchi: pricing a deed (g2)" in screen

    db = session_env["NETJOURNAL_DB"]
    assert _rows(db, "SELECT kind, occurred_on, note FROM interaction") == [
        ("meal", "2026-11-27", "Lunch at Da Gino")
    ]
    assert _rows(
        db,
        "SELECT c.name FROM participant p JOIN contact c ON c.id = p.contact_id "
        "ORDER BY p.position",
    ) == [("Giulia Bianchi",), ("Roberto Neri",)]
    assert _rows(
        db,
        "SELECT c.name, x.direction, x.kind, x.what, x.interaction_id FROM exchange x "
        "JOIN contact c ON c.id = x.contact_id ORDER BY x.id",
    ) == [
        ("Roberto Neri", "give", "introduction", "to a notary", 1),
        ("Giulia Bianchi", "give", "advice", "pricing a deed", 1),
        ("Roberto Neri", "give", "resource", "the tender documents", 1),
        ("Giulia Bianchi", "ask", "referral", "IT managers", 1),
    ]
    assert _rows(
        db,
        "SELECT c.name, f.kind, f.due, f.note FROM followup f "
        "JOIN contact c ON c.id = f.contact_id ORDER BY f.id",
    ) == [
        ("Roberto Neri", "promise", "2026-12-04", "send Roberto the BNI invite"),
        ("Giulia Bianchi", "reach-out", "2026-12-12", ""),
        ("Roberto Neri", "reach-out", "2026-12-19", ""),
    ]
    assert _rows(
        db, "SELECT c.name, f.category, f.text FROM fact f JOIN contact c ON c.id = f.contact_id"
    ) == [("Giulia Bianchi", "family", "two daughters")]
