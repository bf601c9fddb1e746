"""Interleaved A/B of whole ``net`` commands between two checkouts of netjournal.

Each side is a checkout with its own virtualenv (``python3 -m venv .venv &&
.venv/bin/pip install -e .``) and gets its own copy of the same journal. Every round runs
each command on both sides, alternating which side goes first, so a machine whose speed
drifts skews both alike; the floor (``import typer, rich.console, rich.table``) is timed
in every round too. Prints medians of wall time, as milliseconds, ratios to the floor and
B/A.

    python bench/ab.py ROUNDS CHECKOUT_A CHECKOUT_B JOURNAL.db [--show NAME]

``JOURNAL.db``: e.g. the large journal ``bench/run.py`` builds in ``bench/out``. Both
sides must read its schema version (or migrate it: each side gets a copy). Standard
library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOW = "2026-11-28T10:00:00"
FLOOR = [sys.executable, "-c", "import typer, rich.console, rich.table"]


def commands(show: str) -> list[list[str]]:
    return [
        ["due"],
        ["balance"],
        ["depth"],
        ["show", show],
        ["due", "--json"],
        ["contacts", "--json"],
        ["--help"],
    ]


def timed(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - start


class Side:
    """One checkout: its interpreter, its copy of the journal, its own config."""

    def __init__(self, checkout: Path, journal: Path, work: Path, label: str) -> None:
        self.checkout = checkout
        self.python = checkout / ".venv" / "bin" / "python"
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        db = work / f"{label}.db"
        shutil.copy(journal, db)
        self.env |= {
            "NETJOURNAL_DB": str(db),
            "NETJOURNAL_CONFIG": str(work / f"{label}.toml"),
            "NETJOURNAL_NOW": NOW,
        }

    def run(self, cmd: list[str]) -> float:
        return timed([str(self.python), "-m", "netjournal", *cmd], self.checkout, self.env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", type=int)
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("journal", type=Path)
    parser.add_argument("--show", default="Yara Xu", help="the name `show` looks up")
    args = parser.parse_args()
    cmds = commands(args.show)
    with tempfile.TemporaryDirectory() as tmp:
        a = Side(args.a.resolve(), args.journal, Path(tmp), "a")
        b = Side(args.b.resolve(), args.journal, Path(tmp), "b")
        for side in (a, b):  # warm-up: each side fills its own score cache
            for cmd in cmds:
                side.run(cmd)
        floor: list[float] = []
        times: dict[tuple[str, str], list[float]] = {}
        for r in range(args.rounds):
            floor.append(timed(FLOOR))
            for cmd in cmds:
                for label, side in (("a", a), ("b", b)) if r % 2 == 0 else (("b", b), ("a", a)):
                    times.setdefault((" ".join(cmd), label), []).append(side.run(cmd))
    fl = statistics.median(floor)
    print(f"floor {fl * 1000:.0f} ms; {args.rounds} rounds; A={args.a} B={args.b}")
    print(f"{'command':18} {'A ms':>7} {'A ×fl':>6} {'B ms':>7} {'B ×fl':>6} {'B/A':>5}")
    for cmd in cmds:
        name = " ".join(cmd)
        ta, tb = statistics.median(times[(name, "a")]), statistics.median(times[(name, "b")])
        row = f"{ta * 1000:7.0f} {ta / fl:6.2f} {tb * 1000:7.0f} {tb / fl:6.2f} {tb / ta:5.2f}"
        print(f"{name:18} {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
