"""Big or endless input (issue 12, hole 6): imports read their file as a stream in bounded
memory, list the first 20 warnings of each kind and count the rest, and refuse a file
over the import limit (``import_limit_mb`` in the config) with a sentence naming it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
MIB = 1024 * 1024


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the size limit --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["linkedin", "csv", "vcard", "json"])
def test_a_file_over_the_limit_is_refused_with_the_limit_and_the_setting(
    net: Callable[..., Any], db_path: Path, tmp_path: Path, kind: str
) -> None:
    settings = config(tmp_path, "import_limit_mb = 1\n")
    big = tmp_path / "big.txt"
    big.write_bytes(b"name\r\n" + b"Ana Rossi\r\n" * 150_000)  # 1.65 MB
    result = net("import", kind, str(big))
    assert result.exit_code == 1
    assert "is 1.7 MB, over the import limit of 1 MB" in result.stderr
    assert f"raise import_limit_mb in {settings}" in result.stderr
    assert not db_path.exists()


def test_the_default_limit_is_200_mb(net: Callable[..., Any], tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.csv"
    with sparse.open("wb") as handle:
        handle.truncate(200_000_001)  # a sparse file: the size is all that is read
    result = net("import", "csv", str(sparse))
    assert result.exit_code == 1
    assert "over the import limit of 200 MB" in result.stderr


def test_an_endless_stream_stops_at_the_limit(
    net: Callable[..., Any], ok: Callable[..., Any], rows: Any, tmp_path: Path, unchanged: Any
) -> None:
    ok("contact", "add", "Ana Rossi")
    config(tmp_path, "import_limit_mb = 1\n")
    fifo = tmp_path / "endless.csv"
    os.mkfifo(fifo)

    def endless() -> None:
        try:
            with fifo.open("wb") as handle:
                handle.write(b"name\r\n")
                n = 0
                while True:
                    handle.write(f"Person {n}\r\n".encode())
                    n += 1
        except (BrokenPipeError, OSError):
            return

    writer = threading.Thread(target=endless, daemon=True)
    writer.start()
    with unchanged():
        result = net("import", "csv", str(fifo))
    assert result.exit_code == 1, result.stderr
    assert "goes on past the import limit of 1 MB; nothing was imported" in result.stderr
    assert rows("SELECT name FROM contact") == [("Ana Rossi",)]
    writer.join(timeout=10)


def test_an_endless_device_is_refused(net: Callable[..., Any]) -> None:
    result = net("import", "csv", "/dev/zero")
    assert result.exit_code == 1
    assert "is not a CSV file: it is not UTF-8 text" in result.stderr


@pytest.mark.parametrize(
    ("value", "words"),
    [("0", "import_limit_mb' must be a whole number of megabytes"), ('"big"', "1 to 1000000")],
)
def test_a_bad_limit_in_the_config_is_named(
    net: Callable[..., Any], tmp_path: Path, value: str, words: str
) -> None:
    config(tmp_path, f"import_limit_mb = {value}\n")
    result = net("import", "csv", str(tmp_path / "x.csv"))
    assert result.exit_code == 1
    assert words in result.stderr


def test_config_show_tells_the_limit(ok: Callable[..., Any], tmp_path: Path) -> None:
    config(tmp_path, "import_limit_mb = 500\n")
    assert "import_limit_mb = 500" in ok("config", "show").stdout
    assert json.loads(ok("config", "show", "--json").stdout)["import_limit_mb"] == 500


# --- what a file may hold: lines, cards, a problem late in the file --------------------------


def test_an_endless_line_is_refused(net: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "one-line.csv"
    path.write_bytes(b"name," + b"x" * (5 * MIB))
    result = net("import", "csv", str(path))
    assert result.exit_code == 1
    assert "has a line longer than 4,194,304 characters" in result.stderr


def test_a_huge_card_is_skipped_and_the_others_imported(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    photo = "".join(f" {'A' * 74}\r\n" for _ in range(9 * MIB // 76))  # folded lines
    path = tmp_path / "cards.vcf"
    path.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b:\r\n{photo}END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Rossi\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = ok("import", "vcard", str(path))
    assert result.stderr.startswith("vCard: added 1, updated 0, unchanged 0, skipped 1.")
    assert "skipped card 1: the card is larger than 8 MiB" in result.stderr
    assert rows("SELECT name FROM contact") == [("Ana Rossi",)]


def test_invalid_utf8_late_in_the_file_rolls_the_import_back(
    net: Callable[..., Any], ok: Callable[..., Any], rows: Any, tmp_path: Path, unchanged: Any
) -> None:
    ok("contact", "add", "Ana Rossi")
    path = tmp_path / "late.csv"
    good = "".join(f"Person {n},Acme\r\n" for n in range(20_000))
    # 0x81 is neither UTF-8 (alone) nor Windows-1252 (which a CSV that is not UTF-8 is read as)
    path.write_bytes(b"name,company\r\n" + good.encode() + b"Bad \x81 Byte,Acme\r\n")
    with unchanged():
        result = net("import", "csv", str(path))
    assert result.exit_code == 1
    assert "is not a CSV file: it is neither UTF-8 nor Windows-1252 text" in result.stderr
    assert rows("SELECT COUNT(*) FROM contact") == [(1,)]
    assert rows("SELECT COUNT(*) FROM undo_command") == [(1,)]


# --- summaries ---------------------------------------------------------------------------------


def test_repeated_warnings_are_listed_twenty_of_each_kind(
    ok: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "Connections.csv"
    lines = [HEADER, "Ana,Rossi,,,Acme,CEO,15 Jan 2024\r\n"]
    lines += ["Ana,Rossi,,,Acme,CEO,15 Jan 2024\r\n"] * 100  # the same person, 100 times
    lines += [f"Bad\x07{n},Name,,,Acme,CEO,15 Jan 2024\r\n" for n in range(30)]
    lines += [f"Lia,Neri{n},,,Acme,CEO,sometime\r\n" for n in range(25)]
    path.write_text("".join(lines), encoding="utf-8")
    result = ok("import", "linkedin", str(path))
    out = result.stderr.splitlines()
    assert out[0] == "LinkedIn: added 26, updated 0, unchanged 0, skipped 130."
    assert sum("the same person as row 2" in line for line in out) == 20
    assert sum("contains control characters" in line for line in out) == 20
    assert sum("cannot read the date 'sometime'" in line for line in out) == 20
    assert (
        "  … and 80 more skipped as the same person as an earlier row "
        "(only the first 20 are listed)." in out
    )
    assert "  … and 10 more skipped (only the first 20 are listed)." in out
    assert "  … and 5 more notes (only the first 20 are listed)." in out
    assert out[-1].startswith("Filed 26 as acquaintances: no cadence")  # how, and --tier
    assert len(out) == 1 + 20 + 20 + 20 + 3 + 1


def test_a_file_of_duplicate_rows_imports_in_bounded_memory(tmp_path: Path) -> None:
    """12 MB of one repeated row: the import took ~40 MB of memory per MB of file before it
    streamed (1.2 GB for 33 MB); now a few dozen MB, whatever the file's size."""
    path = tmp_path / "dup.csv"
    row = "Ana,Rossi,,,,,\r\n"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        handle.write(row * (12_000_000 // len(row)))
    env = {
        **os.environ,
        "NETJOURNAL_DB": str(tmp_path / "j.db"),
        "NETJOURNAL_CONFIG": str(tmp_path / "none.toml"),
    }
    probe = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run([sys.executable, '-m', 'netjournal', 'import', 'linkedin', "
        "sys.argv[1]], capture_output=True, text=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)\n"
        "sys.stdout.write(p.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)], env=env, capture_output=True, text=True
    )
    first, *stderr = done.stdout.splitlines()
    peak_kib, code = (int(x) for x in first.split())
    assert code == 0, stderr
    assert stderr[0] == "LinkedIn: added 1, updated 0, unchanged 0, skipped 749999."
    assert len(stderr) == 1 + 20 + 1 + 1  # the 20 listed, "and N more", how they were filed
    assert peak_kib * 1024 < 150 * MIB, f"peak {peak_kib / 1024:.0f} MiB"


def test_many_new_people_are_inserted_in_batches(
    ok: Callable[..., Any], rows: Any, tmp_path: Path
) -> None:
    """More people than one insert batch (interop.FLUSH_EVERY): every one gets its id, and
    a person repeated after a batch went in is still recognised."""
    from netjournal.interop import FLUSH_EVERY

    n = 2 * FLUSH_EVERY + 500
    lines = [HEADER] + [
        f"First{i},Last{i},https://www.linkedin.com/in/p-{i},,Acme,CEO,15 Jan 2024\r\n"
        for i in range(n)
    ]
    lines.append("First10,Last10,https://www.linkedin.com/in/p-10,,Globex,CTO,15 Jan 2024\r\n")
    path = tmp_path / "Connections.csv"
    path.write_text("".join(lines), encoding="utf-8")
    result = ok("import", "linkedin", str(path))
    assert result.stderr.startswith(f"LinkedIn: added {n}, updated 0, unchanged 0, skipped 1.")
    assert rows("SELECT COUNT(DISTINCT id), COUNT(*) FROM contact") == [(n, n)]
    assert rows("SELECT company FROM contact WHERE name = 'First10 Last10'") == [("Acme",)]
    again = ok("import", "linkedin", str(path))
    assert again.stderr.startswith(f"LinkedIn: added 0, updated 0, unchanged {n}, skipped 1.")
