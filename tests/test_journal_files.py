"""The files and folders around the journal: modes, leftovers, and what net says when
the file system says no.

Permission tests need the kernel to refuse: as root (which may write anywhere) they run
``net`` in a child process without the capabilities that override file modes.
"""

from __future__ import annotations

import errno
import fcntl
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- folders the tool creates are 0700 ------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o000])
def test_every_folder_net_creates_is_private(
    umask: int, tmp_path: Path, ok: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = os.umask(umask)
    try:
        db = tmp_path / "a" / "b" / "c" / "journal.db"
        ok("--db", str(db), "log", "Ana Rossi")
        ok("--db", str(db), "backup")
        for folder in (tmp_path / "a", tmp_path / "a" / "b", db.parent, db.parent / "backups"):
            assert mode(folder) == 0o700, folder
        # the default place: <user data dir>/netjournal/, its missing parents included
        monkeypatch.delenv("NETJOURNAL_DB")
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg" / "share"))
        ok("log", "Marco Bianchi")
        for folder in (tmp_path / "xdg", tmp_path / "xdg" / "share"):
            assert mode(folder) == 0o700, folder
        assert mode(tmp_path / "xdg" / "share" / "netjournal") == 0o700
        assert mode(tmp_path / "xdg" / "share" / "netjournal" / "journal.db") == 0o600
    finally:
        os.umask(old)


def test_existing_folders_keep_their_mode(tmp_path: Path, ok: Callable[..., Result]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    ok("--db", str(shared / "journal.db"), "log", "Ana Rossi")
    assert mode(shared) == 0o755


# --- leftovers -----------------------------------------------------------------------


def test_a_failed_write_into_a_new_path_leaves_no_journal(
    tmp_path: Path, net: Callable[..., Result]
) -> None:
    db = tmp_path / "new" / "journal.db"
    # each fails inside the write transaction, after the journal file was created
    for args in (("ask-status", "a1", "granted"), ("done", "Ana Rossi"), ("rm", "i1")):
        result = net("--db", str(db), *args)
        assert result.exit_code == 1, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
        assert not db.parent.exists(), args  # the folder made for it goes with it
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "netjournal", "version": 1, "tables": {"contact": [{}]}}')
    db.parent.mkdir()  # a folder that was there before stays, empty
    assert net("--db", str(db), "import", "json", str(bad)).exit_code == 1
    assert sorted(p.name for p in db.parent.iterdir()) == []


def test_a_failed_write_keeps_a_journal_it_did_not_create(
    ok: Callable[..., Result], net: Callable[..., Result], db_path: Path, unchanged: Any
) -> None:
    ok("log", "Ana Rossi")
    with unchanged():
        assert net("log", "Ana Rossi", "--on", "never ever").exit_code == 1
    assert db_path.exists()


def _stale(folder: Path, name: str, age: float = 60.0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_stale_temporary_copies_are_removed_by_the_next_backup_and_doctor(
    ok: Callable[..., Result], db_path: Path, tmp_path: Path
) -> None:
    ok("log", "Ana Rossi")
    backups = db_path.parent / "backups"
    old = _stale(backups, ".journal-backup-20261127-100000.db.abcd1234.tmp")
    journal_side = _stale(backups, ".journal-backup-20261127-100000.db.abcd1234.tmp-journal")
    young = _stale(backups, ".journal-backup-20261128-100000.db.young123.tmp", age=0)
    other = _stale(backups, "notes.tmp")  # not ours: never touched
    text = backups / ".notes.txt.abcd1234.tmp"
    text.write_text("someone else's temporary file")
    os.utime(text, (time.time() - 60, time.time() - 60))
    ok("backup")
    assert not old.exists() and not journal_side.exists()
    assert young.exists() and other.exists() and text.exists()
    # in a folder of the user's, only leftovers of the same target
    mine = tmp_path / "documents"
    same = _stale(mine, ".copy.db.abcd1234.tmp")
    different = _stale(mine, ".thesis.db.abcd1234.tmp")
    ok("backup", str(mine / "copy.db"))
    assert not same.exists() and different.exists()
    # doctor cleans the journal's folder too (a backup FILE written next to it)
    beside = _stale(db_path.parent, ".copy.db.zzzz9999.tmp")
    out = ok("doctor")
    assert "Removed 1 temporary copy left" in out.stderr
    assert not beside.exists()


def test_a_copy_being_written_is_never_removed(ok: Callable[..., Result], db_path: Path) -> None:
    ok("log", "Ana Rossi")
    busy = _stale(db_path.parent / "backups", ".journal-v1-20261127-100000.db.busy0000.tmp")
    fd = os.open(busy, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as backup_to holds it while it writes
        ok("backup")
        ok("doctor")
        assert busy.exists()
    finally:
        os.close(fd)
    ok("backup")
    assert not busy.exists()


KILLED_BACKUP = """
import os, signal, sys
from pathlib import Path
from netjournal.store import backup

with backup.private_temp(Path(sys.argv[1]), "journal-backup-x.db") as tmp:
    tmp.write_bytes(b"SQLite format 3\\x00 and half a journal")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_backup_killed_with_sigkill_leaves_a_copy_the_next_run_removes(
    ok: Callable[..., Result], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netjournal.store import backup

    ok("log", "Ana Rossi")
    backups = db_path.parent / "backups"
    done = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(backups)], check=False)
    assert done.returncode == -signal.SIGKILL
    (left,) = [p for p in backups.iterdir() if p.name.endswith(".tmp")]
    assert left.read_bytes().endswith(b"half a journal")
    monkeypatch.setattr(backup, "STALE_AFTER_S", 0.0)  # the next run, a moment later
    ok("backup")
    assert not left.exists()
    assert [p.suffix for p in backups.iterdir()] == [".db"]


# --- messages that name the path and what to do ---------------------------------------


def _unprivileged() -> list[str]:
    """How to run a child that file modes apply to (root overrides them)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be made to apply")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def run_net(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETJOURNAL_DB": str(db)}
    env.pop("NETJOURNAL_DEBUG", None)
    return subprocess.run(
        [*_unprivileged(), sys.executable, "-m", "netjournal", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def single(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Unexpected" not in lines[0] and "Traceback" not in done.stderr
    return lines[0]


def test_a_read_only_journal_reads_and_says_how_to_write(
    ok: Callable[..., Result], db_path: Path
) -> None:
    ok("log", "Ana Rossi", "-m", "Coffee")
    db_path.chmod(0o400)
    try:
        read = run_net(db_path, "contacts")
        assert read.returncode == 0, read.stderr
        assert "Ana Rossi" in read.stdout
        write = run_net(db_path, "log", "Ana Rossi", "-m", "again")
        assert write.returncode == 1
        line = single(write)
        assert f"The journal {db_path} is read-only" in line and "chmod u+w" in line
    finally:
        db_path.chmod(0o600)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM interaction").fetchone() == (1,)
    conn.close()


def test_a_journal_under_an_unreadable_folder_is_one_sentence(
    ok: Callable[..., Result], db_path: Path
) -> None:
    ok("log", "Ana Rossi")
    folder = db_path.parent
    folder.chmod(0o000)
    try:
        for args in (("contacts",), ("log", "Ana"), ("backup",), ("doctor",), ("undo",)):
            done = run_net(db_path, *args)
            assert done.returncode == 1, args
            line = single(done)
            assert f"Cannot open the journal {db_path}: permission denied" in line, args
            assert f"ls -ld '{folder}'" in line
    finally:
        folder.chmod(0o700)


def test_a_backup_into_a_read_only_folder_names_the_folder(
    ok: Callable[..., Result], db_path: Path, tmp_path: Path
) -> None:
    ok("log", "Ana Rossi")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        done = run_net(db_path, "backup", str(locked / "copy.db"))
    finally:
        locked.chmod(0o700)
    assert done.returncode == 1
    line = single(done)
    assert f"its folder {locked} is read-only" in line
    assert "not a netjournal journal" not in line
    assert list(locked.iterdir()) == []


FULL_DISK = """
set -e
mount -t tmpfs -o size=64k none "$1"
shift
"$@" 2>&1 1>/dev/null || true
ls -A "$MNT"
"""


def test_a_backup_on_a_full_disk_says_the_disk_is_full(
    ok: Callable[..., Result], db_path: Path, tmp_path: Path
) -> None:
    """A real full disk: a 64 kB tmpfs in a user and mount namespace of the child's own."""
    ok("log", "Ana Rossi", "-m", "a journal larger than 64 kB")
    unshare = shutil.which("unshare")
    small = tmp_path / "small"
    small.mkdir()
    if (
        unshare is None
        or subprocess.run(
            [unshare, "-rm", "mount", "-t", "tmpfs", "none", str(small)], check=False
        ).returncode
    ):
        pytest.skip("no user namespaces here to mount a small file system in")
    env = {**os.environ, "NETJOURNAL_DB": str(db_path), "MNT": str(small)}
    env.pop("NETJOURNAL_DEBUG", None)
    done = subprocess.run(
        [
            unshare,
            "-rm",
            "sh",
            "-c",
            FULL_DISK,
            "sh",
            str(small),
            sys.executable,
            "-m",
            "netjournal",
            "backup",
            str(small / "copy.db"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    assert lines[0] == (
        f"Could not write the backup {small / 'copy.db'}: the disk is full. The journal was "
        "not changed; free some space or choose another place: net backup FILE."
    ), done
    assert lines[1:] == []  # no half copy, no temporary file left on the full disk


def test_a_backup_that_cannot_be_written_blames_the_copy_not_the_journal(
    ok: Callable[..., Result], net: Callable[..., Result], db_path: Path, tmp_path: Path
) -> None:
    """RLIMIT_FSIZE: every write past 100 kB fails (EFBIG, an I/O error for SQLite); the
    journal (240 kB) is read, its -shm (32 kB) stays within the limit."""
    ok("log", "Ana Rossi")
    target = tmp_path / "copies" / "copy.db"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, hard))
    try:
        result = net("backup", str(target))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"Could not write the backup {target}: disk I/O error.")
    assert "not a netjournal journal" not in line and str(db_path) not in line
    assert list(target.parent.iterdir()) == []  # no half copy, no temporary file


def test_an_sqlite_error_escaping_a_command_names_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netjournal.cli import app as app_module
    from netjournal.cli.common import State

    monkeypatch.delenv("NETJOURNAL_DEBUG")
    db = tmp_path / "mine.db"
    State.create(db)
    said: list[str] = []
    monkeypatch.setattr(app_module, "_say", said.append)
    error = sqlite3.OperationalError("unable to open database file")
    assert app_module._report(error) == 1
    (line,) = said
    assert f"Cannot open the journal {db}:" in line
    assert "the journal the journal" not in line
    os_error = PermissionError(errno.EACCES, "Permission denied", str(db))
    said.clear()
    app_module._report(os_error)
    assert f"Cannot open the journal {db}: permission denied" in said[0]
