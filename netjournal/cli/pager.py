"""Long lists through a pager, as git does: only when stdout is a terminal, never when it
is piped or redirected, never with ``--json``, and only when the output is longer than the
screen.

The pager is ``$NETJOURNAL_PAGER``, else ``$PAGER``, else ``less -FRX`` (quit when it
fits, keep colours, leave the text on the screen), run through ``sh`` as git runs it; an
empty value or ``cat`` means no pager, and a pager that cannot be found is skipped. The
command's output is collected while it runs (these commands compute, then print) and
written once: to the terminal when it fits, else to the pager's input.
"""

from __future__ import annotations

import functools
import io
import os
import shlex
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

DEFAULT = "less -FRX"

#: the commands whose output can run longer than a screen (paths as typed)
PAGED: frozenset[str] = frozenset(
    {
        "contacts",
        "show",
        "followups",
        "asks",
        "search",
        "due",
        "balance",
        "depth",
        "expenses",
        "goals",
        "targets",
        "match",
        "intros",
        "path",
        "review",
        "contact dupes",
        "config show",
    }
)

_active = False


def pager_command() -> str | None:
    """The pager to run, or None for none."""
    for var in ("NETJOURNAL_PAGER", "PAGER"):
        if var in os.environ:
            value = os.environ[var].strip()
            break
    else:
        value = DEFAULT
    if not value or value == "cat":
        return None
    try:
        program = shlex.split(value)[0]
    except (ValueError, IndexError):
        return None
    return value if shutil.which(program) else None


class _Collected(io.StringIO):
    """Stands for the terminal while output is collected: whatever asks whether stdout is
    a terminal (colours, widths, indented JSON) gets the terminal's answer."""

    def isatty(self) -> bool:
        return True


def _screen_lines() -> int:
    """The terminal's height ($LINES first, as ``shutil`` reads it); 0 when unknown."""
    return shutil.get_terminal_size(fallback=(80, 0)).lines


@contextmanager
def paging() -> Iterator[None]:
    """Collect stdout; then show it, through the pager when longer than the screen."""
    global _active
    command = pager_command()
    real = sys.stdout
    if command is None or _active or not real.isatty():
        yield
        return
    buffer = _Collected()
    sys.stdout = buffer
    _active = True
    try:
        yield
    finally:
        sys.stdout = real
        _active = False
        _show(buffer.getvalue(), command, real)


def _show(text: str, command: str, real: Any) -> None:
    lines = _screen_lines()
    if lines <= 0 or text.count("\n") < lines:  # fits, or a terminal of unknown size
        real.write(text)
        real.flush()
        return
    import signal
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    real.flush()
    proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the pager's
    try:
        data = text.encode(getattr(real, "encoding", None) or "utf-8", "backslashreplace")
        proc.communicate(data)
    finally:
        signal.signal(signal.SIGINT, previous)


def page_long_output(command: Any, path: str) -> None:
    """Make ``command`` (named ``path``) page its output when it is in :data:`PAGED`."""
    if path not in PAGED or command.callback is None:
        return
    callback: Callable[..., Any] = command.callback

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("json_"):
            return callback(*args, **kwargs)
        with paging():
            return callback(*args, **kwargs)

    command.callback = run
