"""Exports never lose the previous file (issue 12, hole 5): `net export ... -o FILE` and
`net review --svg FILE` write a temporary file in the same folder and rename it, so a full
disk leaves the previous file as it was; every file is created 0600, whatever the umask."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from netjournal import files

EXPORTS = [
    ["export", "json", "-o"],
    ["export", "csv", "-o"],
    ["export", "vcard", "-o"],
    ["export", "ics", "-o"],
    ["review", "--svg"],
]


@pytest.fixture
def journal(ok: Callable[..., Any]) -> None:
    ok("log", "Ana Rossi", "-m", "Lunch", "--follow-up", "2w", "--give", "an intro")
    ok("contact", "add", "Marco Neri", "--company", "Acme", "--tag", "lawyer")


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("command", EXPORTS, ids=lambda c: " ".join(c[:2]))
def test_exports_are_private_under_umask_000(
    ok: Callable[..., Any], journal: None, tmp_path: Path, umask_000: None, command: list[str]
) -> None:
    target = tmp_path / "out" / "file"
    target.parent.mkdir()
    ok(*command, str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o644)  # replacing an existing file: the new one is private again
    ok(*command, str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["file"]  # no temporary file left


def _full_disk_after(limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.write`` in netjournal.files accepts ``limit`` bytes, then the disk is full."""
    real = os.write
    written = 0

    def write(fd: int, data: Any) -> int:
        nonlocal written
        room = limit - written
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real(fd, bytes(data[:room]))
        written += n
        return n

    monkeypatch.setattr(files.os, "write", write)


@pytest.mark.parametrize("command", EXPORTS, ids=lambda c: " ".join(c[:2]))
def test_a_full_disk_keeps_the_previous_file(
    net: Callable[..., Any],
    journal: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    target = tmp_path / "exports" / "previous"
    target.parent.mkdir()
    target.write_text("the export of last week\n", encoding="utf-8")
    _full_disk_after(100, monkeypatch)
    result = net(*command, str(target))
    assert result.exit_code == 1
    assert f"Cannot write {target}: No space left on device." in result.stderr
    assert target.read_text(encoding="utf-8") == "the export of last week\n"
    assert [p.name for p in target.parent.iterdir()] == ["previous"]


def test_a_real_file_size_limit_keeps_the_previous_file(
    ok: Callable[..., Any], journal: None, db_path: Path, tmp_path: Path
) -> None:
    """The kernel refusing the write (RLIMIT_FSIZE: what a full disk looks like to a
    process, without root), in the installed program."""
    people = tmp_path / "people.csv"
    people.write_text(
        "name,company,met_at\n" + "".join(f"Person {n},Acme {n},BNI\n" for n in range(3000)),
        encoding="utf-8",
    )
    ok("import", "csv", str(people))
    journal_size = db_path.stat().st_size
    target = tmp_path / "backup.json"
    target.write_text("precious\n", encoding="utf-8")
    limit = journal_size + 256 * 1024  # room for the journal's own files, not the export
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "from netjournal.cli import main\n"
        "sys.argv = ['net', 'export', 'json', '-o', sys.argv[1]]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        capture_output=True,
        text=True,
        env={**os.environ, "NETJOURNAL_DB": str(db_path)},
    )
    assert done.returncode == 1, done.stderr
    assert "Cannot write" in done.stderr and "File too large" in done.stderr
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")) == []


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    files.write_private(link, ["new"])
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    files.write_private(Path("/dev/null"), ["nothing to keep"])
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_is_not_replaced(net: Callable[..., Any], journal: None, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "inside").write_text("kept", encoding="utf-8")
    result = net("export", "csv", "-o", str(folder))
    assert result.exit_code in (1, 2)
    assert (folder / "inside").read_text(encoding="utf-8") == "kept"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
