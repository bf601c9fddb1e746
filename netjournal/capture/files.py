"""Finding and reading the capture's input files: a file, or every matching file under a
folder (a vdir, a tree of Maildirs), symbolic links followed once each (a loop is one
problem, not a hang), each file within the import limit."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

from netjournal import messages
from netjournal.capture import Problems


def walk(path: Path, suffixes: tuple[str, ...], problems: Problems) -> Iterator[Path]:
    """``path`` itself when it is a file, else the files under it whose names end with
    one of ``suffixes`` (sorted, hidden files and folders left out); each real folder is
    visited once, so a link back up the tree ends there."""
    if not path.is_dir():
        yield path
        return
    seen: set[tuple[int, int]] = set()
    stack = [path]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError as exc:
            problems.add(_why(folder, exc))
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.add(_why(folder, exc))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                problems.add(_why(child, exc))
                continue
            if is_dir:
                subfolders.append(child)
            elif entry.name.lower().endswith(suffixes):
                if entry.is_symlink() and not child.exists():
                    problems.add(_why(child, OSError(errno.ELOOP, "broken or looping link")))
                    continue
                yield child
        stack.extend(reversed(subfolders))


def read_bytes(path: Path, limit_mb: int, problems: Problems) -> bytes | None:
    """The file's bytes, or None (with the problem) when it cannot be read or is larger
    than the import limit."""
    try:
        size = path.stat().st_size
        if size > limit_mb * 10**6:
            problems.add(messages.CAPTURE_TOO_BIG.format(path=path, limit=limit_mb))
            return None
        with path.open("rb") as handle:
            return handle.read(limit_mb * 10**6 + 1)
    except OSError as exc:
        problems.add(_why(path, exc))
        return None


def _why(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return messages.CAPTURE_LOOP.format(path=path)
    if exc.errno == errno.ENOENT:
        return messages.CAPTURE_NOT_FOUND.format(path=path)
    return messages.CAPTURE_UNREADABLE.format(path=path, reason=exc.strerror or exc)
