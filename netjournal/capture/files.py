"""Finding and reading the capture's input files: a file, or every matching file under a
folder (a vdir, a tree of Maildirs), symbolic links followed once each (a loop is one
problem, not a hang), each file within the import limit."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
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
    for _folder, entries in tree(path, problems, lambda name: not name.startswith(".")):
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                problems.add(_why(child, exc))
                continue
            if not is_dir and entry.name.lower().endswith(suffixes):
                if entry.is_symlink() and not child.exists():
                    problems.add(_why(child, OSError(errno.ELOOP, "broken or looping link")))
                    continue
                yield child


def tree(
    path: Path, problems: Problems | None, descend: Callable[[str], bool]
) -> Iterator[tuple[Path, list[os.DirEntry[str]]]]:
    """Each real folder under ``path`` (``path`` first, then depth first in name order,
    into the subfolders whose names ``descend`` accepts) with its entries sorted by name;
    each real folder once, so a symbolic link back up the tree ends there. A folder that
    cannot be read is a problem when ``problems`` is given, else skipped quietly."""
    seen: set[tuple[int, int]] = set()
    stack = [path]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            if problems is not None:
                problems.add(_why(folder, exc))
            continue
        yield folder, entries
        subfolders = []
        for entry in entries:
            if descend(entry.name) and is_folder(entry):
                subfolders.append(Path(entry.path))
        stack.extend(reversed(subfolders))


def is_folder(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a folder (or a link to one); False when that cannot be told."""
    try:
        return entry.is_dir()
    except OSError:
        return False


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
