"""Files the tool writes for the person (exports, the review's SVG): private, and never
half-written.

:func:`write_private` writes to a temporary file in the target's folder, created 0600
whatever the umask, flushes it to disk, then renames it over the target: a full disk,
a write error or an interruption leaves the previous file exactly as it was (and no
temporary file behind), and nobody else can read a contact's name in it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_private(path: Path, chunks: Iterable[str | bytes]) -> None:
    """Write ``chunks`` (text is UTF-8) to ``path``, created or replaced atomically,
    readable by its owner only. Raises ``OSError``; the previous file is then intact.

    A symlink is followed (the file it points to is replaced, the link kept); a path
    that is not a regular file (``/dev/stdout``, a named pipe) is written to directly,
    as there is nothing to replace.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        with open(target, "wb") as handle:  # a device or a pipe: nothing to replace
            _write(handle.fileno(), chunks)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o600)  # mkstemp's 0600 is masked by the umask; this is not
        _write(fd, chunks)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, target)
    except BaseException:
        if fd != -1:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(target.parent)


def _write(fd: int, chunks: Iterable[str | bytes]) -> None:
    """Write every chunk in full (``os.write`` may write less than it is given)."""
    for chunk in chunks:
        data = memoryview(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        while data:
            written = os.write(fd, data)
            data = data[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
