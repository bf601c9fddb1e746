"""Errors meant for the user.

Every expected failure is a :class:`NetError` carrying one or two plain sentences and
an exit status. The CLI turns them into a message on stderr in exactly one place
(``netjournal.cli.app``); nothing else prints errors.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    BAD_VALUE = 1
    BAD_USAGE = 2
    LOCKED = 3
    INTERRUPTED = 130  # 128 + SIGINT: what shells expect after Ctrl-C


class NetError(Exception):
    """An error the user can act on. ``str(err)`` is the message shown."""

    exit_code: int = ExitCode.BAD_VALUE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadValue(NetError):
    """A value the user typed cannot be used (unknown name, unreadable date, ...)."""

    exit_code = ExitCode.BAD_VALUE


class BadUsage(NetError):
    """The command was called the wrong way (conflicting options, missing arguments)."""

    exit_code = ExitCode.BAD_USAGE


class Interrupted(NetError):
    """Ctrl-C (SIGINT) stopped the command; its transaction, if any, was rolled back."""

    exit_code = ExitCode.INTERRUPTED


class JournalLocked(NetError):
    """Another process held the write lock past the busy timeout."""

    exit_code = ExitCode.LOCKED


class JournalError(NetError):
    """The journal file cannot be used (newer schema, not a database, unreadable)."""

    exit_code = ExitCode.BAD_VALUE
