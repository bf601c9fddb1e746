"""Ctrl-C (issue 17): at a prompt or in the middle of a command, net stops with exit
status 130 (128 + SIGINT, as shells expect), says so in one line on stderr, and writes
nothing. End of input at a prompt is not an interrupt: exit 1."""

from __future__ import annotations

import errno
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal import messages
from tests.conftest import snapshot

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX only")


def _own_terminal() -> None:
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """``python -m netjournal ARGS`` on a pty that is its controlling terminal, so that
    Ctrl-C typed on it is a SIGINT from the terminal driver, as in a person's shell."""

    def __init__(self, *args: str) -> None:
        master, slave = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k != "NETJOURNAL_DEBUG"}
        env.update(TERM="dumb", COLUMNS="100", LINES="40")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "netjournal", *args],
            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
            preexec_fn=_own_terminal,
        )  # fmt: skip
        os.close(slave)
        self.master = master
        self.seen = b""

    def wait_for(self, text: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while text.encode() not in self.seen and time.monotonic() < end:
            self._read(0.2)
        assert text.encode() in self.seen, self.seen.decode(errors="replace")

    def _read(self, timeout: float) -> bool:
        if not select.select([self.master], [], [], timeout)[0]:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError as exc:
            if exc.errno != errno.EIO:
                raise
            return False
        self.seen += chunk
        return bool(chunk)

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def finish(self, timeout: float = 30) -> int:
        end = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < end:
            self._read(0.2)
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
            os.close(self.master)
            raise AssertionError(f"still running after {timeout} s; the screen:\n{self.text}")
        while self._read(0.2):
            pass
        os.close(self.master)
        return self.proc.returncode

    @property
    def text(self) -> str:
        return self.seen.decode(errors="replace")


def test_ctrl_c_at_a_debrief_prompt(ok: Callable[..., Any], db_path: Path) -> None:
    ok("contact", "add", "Ana Rossi")
    before = snapshot(db_path)
    term = Terminal("log")
    term.wait_for(messages.DEBRIEF_WHO)
    term.type("Ana Rossi\n")
    time.sleep(1.0)  # the next question
    term.type("\x03")  # Ctrl-C
    assert term.finish() == 130, term.text
    assert messages.INTERRUPTED in term.text
    assert "Traceback" not in term.text
    assert snapshot(db_path) == before


def test_ctrl_c_at_a_confirmation(ok: Callable[..., Any], db_path: Path, tmp_path: Path) -> None:
    ok("contact", "add", "Ana Rossi")
    backup = tmp_path / "copy.db"
    ok("backup", str(backup))
    ok("contact", "add", "Bruno Bassi")
    before = snapshot(db_path)
    term = Terminal("restore", str(backup))
    term.wait_for("Replace the journal")
    time.sleep(1.0)  # the prompt reads the terminal, as when a person answers it
    term.type("\x03")
    assert term.finish() == 130, term.text
    assert messages.INTERRUPTED in term.text
    assert snapshot(db_path) == before


def test_sigint_while_running(ok: Callable[..., Any], db_path: Path, tmp_path: Path) -> None:
    """SIGINT in the middle of a command (here: while it reads a slow file)."""
    ok("contact", "add", "Ana Rossi")
    before = snapshot(db_path)
    fifo = tmp_path / "contacts.vcf"
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items() if k != "NETJOURNAL_DEBUG"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "netjournal", "import", "vcard", str(fifo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    writer = os.open(fifo, os.O_WRONLY)  # blocks until net opens it
    os.write(writer, b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carla Conti\r\n")
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    os.close(writer)
    assert proc.returncode == 130, err
    assert err.decode().strip().splitlines()[-1] == messages.INTERRUPTED
    assert snapshot(db_path) == before


def test_end_of_input_at_a_prompt_is_not_an_interrupt(
    ok: Callable[..., Any], db_path: Path
) -> None:
    ok("contact", "add", "Ana Rossi")
    before = snapshot(db_path)
    term = Terminal("log")
    term.wait_for(messages.DEBRIEF_WHO)
    time.sleep(1.0)  # the prompt reads the terminal
    term.type("\x04")  # Ctrl-D: end of input
    assert term.finish() == 1, term.text
    assert snapshot(db_path) == before
