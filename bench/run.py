"""Benchmark: whole ``net`` commands on a small and a large generated journal.

Builds deterministic journals (seeded random) through the project's own schema code: a
small and a large one, and DESIGN's realistic one (150 real contacts with three years of
history plus 3,000 LinkedIn imports, through the project's importer; ``generate_realistic``,
which ``tests/test_acceptance.py`` uses too), then times whole commands as subprocesses
next to baselines measured in the same run:

- the floor: ``python -c "import typer, rich.console, rich.table"``;
- ``python -c "import sqlmodel"`` (what a write command cannot avoid).

Every measurement runs the command inside a fresh helper process that times it and reports
the command's own peak memory (``RUSAGE_CHILDREN`` of a process with that one child).
Commands are timed in rounds, interleaved with what they are compared with (the floor in
every group, the same command on the small journal, ``import sqlmodel`` next to ``log``),
so that a machine whose speed drifts during the run skews both sides of a ratio alike.
Targets are DESIGN.md's "Performance" section. Standard library and the project only.

    python bench/run.py                  # all three journals, 5 runs after a warm-up
    python bench/run.py --small-only --runs 1
    python bench/run.py --json
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: bump when the generated data changes; the schema files' hash is part of the key too
GENERATOR_VERSION = 2
NOW = "2026-11-28T10:00:00"
TODAY = date(2026, 11, 28)
YEARS_DAYS = 3650
SEED = 20261128
LINKEDIN_ROWS = 5_000
#: a LinkedIn file of one row repeated (issue 12: 33 MB took 1.2 GB before imports streamed);
#: megabytes in the full run, and with --small-only
DUP_MB = 33
DUP_MB_SMALL = 3
MIB = 1024 * 1024
SLOW = 5.0  # seconds: slower commands get a single timed run after the warm-up

FLOOR_CODE = "import typer, rich.console, rich.table"
SQLMODEL_CODE = "import sqlmodel"

#: run the command given in argv, report [seconds, peak RSS, exit code, stderr, CPU seconds]
#: of that one child
PROBE = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,"
    " stderr=subprocess.PIPE)\n"
    "e = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "r = u.ru_maxrss if sys.platform == 'darwin' else u.ru_maxrss * 1024\n"
    "c = u.ru_utime + u.ru_stime\n"
    "print(json.dumps([e, r, p.returncode, p.stderr.decode('utf-8', 'replace')[-4000:], c]))\n"
)


@dataclass(frozen=True)
class Size:
    name: str
    contacts: int
    interactions: int
    exchanges: int
    facts: int
    followups: int


SMALL = Size("small", 100, 2_000, 500, 300, 50)
LARGE = Size("large", 10_000, 200_000, 50_000, 30_000, 5_000)

FIRST = [
    "Ada",
    "Alan",
    "Amara",
    "Anna",
    "Ben",
    "Carla",
    "Chen",
    "Dara",
    "Elif",
    "Emma",
    "Farid",
    "Grace",
    "Hana",
    "Ivan",
    "Jana",
    "Jonas",
    "Kai",
    "Lea",
    "Luis",
    "Maya",
    "Mira",
    "Noah",
    "Nora",
    "Omar",
    "Petra",
    "Ravi",
    "Rosa",
    "Sam",
    "Sofia",
    "Tariq",
    "Uma",
    "Vera",
    "Wei",
    "Yara",
    "Zoe",
    "Élodie",
    "Jürgen",
    "Søren",
    "Łucja",
    "Núria",
]
LAST = [
    "Abara",
    "Berg",
    "Costa",
    "Diaz",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Meyer",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Silva",
    "Tanaka",
    "Ueda",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zimmermann",
    "Núñez",
    "Øster",
    "Dvořák",
    "Müller",
]
COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Tyrell",
    "Soylent",
]
ROLES = ("CEO", "CTO", "Engineer", "Designer", "Founder", "Sales lead", "Recruiter", None)
TAGS = ("investor", "mentor", "client", "conference", "alumni", "neighbour")


def _schema_key() -> str:
    digest = hashlib.sha256()
    files = sorted((ROOT / "netjournal" / "models").glob("*.py"))
    files += [ROOT / "netjournal" / "store" / f for f in ("schema.py", "undo.py", "scorecache.py")]
    files += sorted((ROOT / "netjournal" / "store" / "migrations").glob("*.py"))
    for path in files:
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:10]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


# --- generating journals ---------------------------------------------------------------


def generate(path: Path, size: Size) -> dict[str, Any]:
    """Create the journal at ``path`` with ``size`` rows; returns facts about it."""
    from netjournal import vocab
    from netjournal.store.connection import open_journal
    from netjournal.text import fold

    rng = random.Random(f"{SEED}-{size.name}")
    start = datetime(TODAY.year, TODAY.month, TODAY.day, 10, tzinfo=UTC) - timedelta(
        days=YEARS_DAYS
    )
    span = YEARS_DAYS * 86_400

    def moment() -> datetime:
        return start + timedelta(seconds=rng.randrange(span))

    def day() -> str:
        return moment().date().isoformat()

    conn = open_journal(path)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE undo_control SET recording = 0 WHERE id = 1")
    # netjournal's own fresh schema: its search-index triggers may run (as in the writer)
    conn.execute("PRAGMA trusted_schema=ON")

    contacts: list[tuple[Any, ...]] = []
    seen: set[str] = set()
    weights: list[float] = []
    for cid in range(1, size.contacts + 1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        n = 2
        while fold(name) in seen:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"
            n += 1
        seen.add(fold(name))
        created = moment()
        contacts.append(
            (
                cid,
                _uuid(rng),
                name,
                fold(name),
                rng.choice(COMPANIES) if rng.random() < 0.8 else None,
                rng.choice(ROLES),
                f"c{cid}@example.com" if rng.random() < 0.6 else None,
                None,
                f"19{rng.randrange(50, 99)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 9)}"
                if rng.random() < 0.3
                else None,
                json.dumps(rng.sample(TAGS, rng.randrange(0, 3))),
                None,
                created.date().isoformat() if rng.random() < 0.5 else None,
                rng.choice(vocab.TIERS),
                int(rng.random() < 0.03),
                rng.choice((14, 30, 60, 90)) if rng.random() < 0.1 else None,
                int(rng.random() < 0.02),
                None,
                _stamp(created),
                _stamp(created),
            )
        )
        weights.append(rng.paretovariate(1.6))
    conn.executemany(
        "INSERT INTO contact (id, uuid, name, name_folded, company, role, email, phone, "
        "birthday, tags, met_at, met_on, tier, kin, cadence, archived, snoozed_until, "
        "created_at, updated_at) VALUES (" + ", ".join("?" * 19) + ")",
        contacts,
    )
    ids = list(range(1, size.contacts + 1))
    cumulative: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)

    def someone() -> int:
        return rng.choices(ids, cum_weights=cumulative)[0]

    kinds = vocab.INTERACTION_KINDS
    kind_weights = (30, 8, 10, 12, 6, 8, 2, 3, 10, 8, 3)
    interactions: list[tuple[Any, ...]] = []
    participants: list[tuple[int, int, int]] = []
    counts = [0] * (size.contacts + 1)
    for iid in range(1, size.interactions + 1):
        at = moment()
        interactions.append(
            (
                iid,
                _uuid(rng),
                rng.choices(kinds, kind_weights)[0],
                _stamp(at),
                at.date().isoformat(),
                f"talked about topic {rng.randrange(1000)}" if rng.random() < 0.7 else "",
                _stamp(at),
            )
        )
        roll = rng.random()
        people = 1 if roll < 0.8 else (2 if roll < 0.95 else 3)
        chosen: list[int] = []
        while len(chosen) < people:
            cid = someone()
            if cid not in chosen:
                chosen.append(cid)
        for position, cid in enumerate(chosen):
            participants.append((iid, cid, position))
            counts[cid] += 1
    conn.executemany(
        "INSERT INTO interaction (id, uuid, kind, occurred_at, occurred_on, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        interactions,
    )
    conn.executemany(
        "INSERT INTO participant (interaction_id, contact_id, position) VALUES (?, ?, ?)",
        participants,
    )

    exchanges: list[tuple[Any, ...]] = []
    for _ in range(size.exchanges):
        direction = "give" if rng.random() < 0.6 else "ask"
        on = day()
        status = "granted"
        if direction == "ask":
            status = rng.choices(("granted", "open", "declined"), (70, 20, 10))[0]
        cents = rng.randrange(500, 50_000) if rng.random() < 0.1 else None
        exchanges.append(
            (
                _uuid(rng),
                someone(),
                rng.randrange(1, size.interactions + 1) if rng.random() < 0.5 else None,
                direction,
                rng.choice(vocab.EXCHANGE_KINDS),
                f"thing {rng.randrange(1000)}",
                rng.randrange(1, 6) if cents is None and rng.random() < 0.7 else None,
                cents,
                status,
                on,
                on if status != "open" and direction == "ask" else None,
                f"{on} 12:00:00.000000",
            )
        )
    conn.executemany(
        "INSERT INTO exchange (uuid, contact_id, interaction_id, direction, kind, what, size, "
        "amount_cents, status, occurred_on, settled_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        exchanges,
    )
    facts = []
    for _ in range(size.facts):
        on = day()
        facts.append(
            (
                _uuid(rng),
                someone(),
                None,
                rng.choice(vocab.FACT_CATEGORIES),
                f"fact number {rng.randrange(100_000)}",
                on,
                f"{on} 12:00:00.000000",
            )
        )
    conn.executemany(
        "INSERT INTO fact (uuid, contact_id, interaction_id, category, text, learned_on, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        facts,
    )
    followups = []
    for _ in range(size.followups):
        created = TODAY - timedelta(days=rng.randrange(0, 400))
        due = created + timedelta(days=rng.randrange(1, 60))
        done = None
        if due < TODAY and rng.random() < 0.7:
            done = (due + timedelta(days=rng.randrange(-3, 4))).isoformat()
        followups.append(
            (
                _uuid(rng),
                someone(),
                None,
                "promise" if rng.random() < 0.3 else "reach-out",
                due.isoformat(),
                f"promise {rng.randrange(1000)}",
                created.isoformat(),
                done,
                f"{created.isoformat()} 12:00:00.000000",
            )
        )
    conn.executemany(
        "INSERT INTO followup (uuid, contact_id, interaction_id, kind, due, note, created_on, "
        "done_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        followups,
    )
    conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    steps = conn.execute("SELECT count(*) FROM undo_step").fetchone()[0]
    conn.close()
    if steps:
        raise SystemExit(f"bench: the undo log is not empty after generating {path}")
    # the contact `show` uses: a typical one (interaction count nearest the mean)
    mean = sum(counts) / size.contacts
    active = [c for c in contacts if not c[15]]
    typical = min(active, key=lambda c: (abs(counts[c[0]] - mean), c[0]))
    return {"show": typical[2], "show_interactions": counts[typical[0]], "size": asdict(size)}


def journal(size: Size, quiet: bool) -> tuple[Path, dict[str, Any]]:
    """The cached journal for ``size`` (generated when missing or out of date)."""
    key = f"v{GENERATOR_VERSION}-{_schema_key()}"
    path = OUT / f"journal-{size.name}-{key}.db"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        return path, json.loads(meta_path.read_text())
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob(f"journal-{size.name}-*"):
        old.unlink()
    if not quiet:
        print(f"generating the {size.name} journal ({size.contacts:,} contacts)...", flush=True)
    tmp = path.with_suffix(".tmp")
    for leftover in OUT.glob(tmp.name + "*"):
        leftover.unlink()
    meta = generate(tmp, size)
    tmp.rename(path)
    meta_path.write_text(json.dumps(meta))
    return path, meta


# --- the realistic journal: 150 real contacts, three years, 3,000 LinkedIn imports -------------

REAL_CONTACTS = 150
REAL_DAYS = 3 * 365
REAL_IMPORTS = 3_000
#: (tier, contacts, cadence in days): about Dunbar's layers of a professional network
REAL_TIERS = (("inner", 5, 7), ("close", 15, 30), ("active", 40, 90), ("network", 90, 365))
REAL_KINDS = ("one-to-one", "meal", "call", "video", "meeting", "event")
REAL_KIND_WEIGHTS = (35, 20, 20, 12, 8, 5)
LIGHT_KINDS = ("email", "message", "social", "voice")
DUE_TODAY = "send the proposal"


def generate_realistic(path: Path) -> dict[str, Any]:
    """DESIGN's realistic journal at ``path``: 150 contacts met over three years and kept
    by a networker who mostly acts on ``net due`` (real meetings about every cadence, a
    few slipping, light touches between; gives, asks, facts, follow-ups and promises),
    one of them with a follow-up due today, plus 3,000 LinkedIn connections brought in by
    the project's own importer. Returns the real contacts' names and who is due today."""
    from netjournal import vocab
    from netjournal.interop import Summary
    from netjournal.interop.linkedin import import_connections, parse
    from netjournal.interop.source import open_import
    from netjournal.store.connection import open_journal
    from netjournal.store.writer import open_writer
    from netjournal.text import fold

    rng = random.Random(f"{SEED}-realistic")
    conn = open_journal(path)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE undo_control SET recording = 0 WHERE id = 1")
    conn.execute("PRAGMA trusted_schema=ON")  # our own fresh schema: search-index triggers run
    names: list[str] = []
    seen: set[str] = set()
    iid = 0
    due_today = ""
    stamp = "2026-01-01 09:00:00.000000"
    cid = 0
    for tier, count, cadence in REAL_TIERS:
        for _ in range(count):
            cid += 1
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            while fold(name) in seen:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {cid}"
            seen.add(fold(name))
            names.append(name)
            met = TODAY - timedelta(days=rng.randrange(60, REAL_DAYS))
            conn.execute(
                "INSERT INTO contact (id, uuid, name, name_folded, company, role, tags, tier, "
                "kin, archived, met_on, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, 0, ?, ?, ?)",
                (
                    cid,
                    _uuid(rng),
                    name,
                    fold(name),
                    rng.choice(COMPANIES),
                    rng.choice([r for r in ROLES if r]),
                    tier,
                    int(tier == "inner" and rng.random() < 0.5),
                    met.isoformat(),
                    stamp,
                    stamp,
                ),
            )
            days: list[tuple[date, str]] = [(met, rng.choices(REAL_KINDS, REAL_KIND_WEIGHTS)[0])]
            day = met
            slipping = rng.random() < 0.12  # lately let slide past the cadence
            while True:
                day += timedelta(days=max(1, round(cadence * rng.uniform(0.45, 0.95))))
                if day > TODAY:
                    break
                if slipping and (TODAY - day).days < cadence * 1.5:
                    break
                days.append((day, rng.choices(REAL_KINDS, REAL_KIND_WEIGHTS)[0]))
            for _ in range(rng.randrange(0, 2 + len(days) // 2)):  # light touches between
                days.append((met + timedelta(days=rng.randrange((TODAY - met).days + 1)),
                             rng.choice(LIGHT_KINDS)))  # fmt: skip
            for on, kind in days:
                iid += 1
                at = f"{on.isoformat()} 12:00:00.000000"
                conn.execute(
                    "INSERT INTO interaction (id, uuid, kind, occurred_at, occurred_on, note, "
                    "created_at) VALUES (?, ?, ?, ?, ?, '', ?)",
                    (iid, _uuid(rng), kind, at, on.isoformat(), at),
                )
                conn.execute(
                    "INSERT INTO participant (interaction_id, contact_id, position) "
                    "VALUES (?, ?, 0)",
                    (iid, cid),
                )
            for _ in range(rng.randrange(0, 7)):
                direction = "give" if rng.random() < 0.6 else "ask"
                on = (met + timedelta(days=rng.randrange((TODAY - met).days + 1))).isoformat()
                status = "granted" if direction == "give" or rng.random() < 0.8 else "open"
                conn.execute(
                    "INSERT INTO exchange (uuid, contact_id, direction, kind, what, size, "
                    "status, occurred_on, settled_on, created_at) "
                    "VALUES (?, ?, ?, ?, 'something', ?, ?, ?, ?, ?)",
                    (
                        _uuid(rng),
                        cid,
                        direction,
                        rng.choice(vocab.EXCHANGE_KINDS),
                        rng.randrange(1, 6),
                        status,
                        on,
                        on if status != "open" else None,
                        stamp,
                    ),
                )
            for _ in range(rng.randrange(0, 8)):
                on = (met + timedelta(days=rng.randrange((TODAY - met).days + 1))).isoformat()
                conn.execute(
                    "INSERT INTO fact (uuid, contact_id, category, text, learned_on, created_at) "
                    "VALUES (?, ?, ?, 'a fact', ?, ?)",
                    (_uuid(rng), cid, rng.choice(vocab.FACT_CATEGORIES), on, stamp),
                )
            last_real = max(d for d, k in days if k in REAL_KINDS)
            if rng.random() < 0.15:  # an open follow-up set at the last meeting, ahead
                due = TODAY + timedelta(days=rng.randrange(5, 120))
                conn.execute(
                    "INSERT INTO followup (uuid, contact_id, kind, due, note, created_on, "
                    "created_at) VALUES (?, ?, 'reach-out', ?, 'catch up', ?, ?)",
                    (_uuid(rng), cid, due.isoformat(), last_real.isoformat(), stamp),
                )
            if not due_today and tier == "active" and (TODAY - last_real).days >= 10:
                due_today = name  # "let's talk again when you have the proposal"
                conn.execute(
                    "INSERT INTO followup (uuid, contact_id, kind, due, note, created_on, "
                    "created_at) VALUES (?, ?, 'reach-out', ?, ?, ?, ?)",
                    (_uuid(rng), cid, TODAY.isoformat(), DUE_TODAY, last_real.isoformat(), stamp),
                )
    conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
    conn.execute("COMMIT")
    conn.close()
    csv_path = path.with_suffix(".csv")
    linkedin_csv(csv_path, REAL_IMPORTS)
    summary = Summary("LinkedIn")
    now = datetime.fromisoformat(NOW).replace(tzinfo=UTC)
    with (
        open_import(csv_path, "LinkedIn Connections.csv", 1000) as source,
        open_writer(path, "import linkedin", now) as j,
    ):
        import_connections(j, parse(source, summary), summary, "acquaintance")
    csv_path.unlink()
    checkpoint = sqlite3.connect(path)
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    return {"real": names, "due_today": due_today, "show": due_today, "imports": REAL_IMPORTS}


def realistic_journal(quiet: bool) -> tuple[Path, dict[str, Any]]:
    """The cached realistic journal (generated when missing or out of date)."""
    key = f"v{GENERATOR_VERSION}-{_schema_key()}"
    path = OUT / f"journal-real-{key}.db"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        return path, json.loads(meta_path.read_text())
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("journal-real-*"):
        old.unlink()
    if not quiet:
        print(
            f"generating the realistic journal ({REAL_CONTACTS} contacts, "
            f"{REAL_IMPORTS:,} LinkedIn imports)...",
            flush=True,
        )
    tmp = path.with_suffix(".tmp")
    for leftover in OUT.glob(tmp.name + "*"):
        leftover.unlink()
    meta = generate_realistic(tmp)
    tmp.rename(path)
    meta_path.write_text(json.dumps(meta))
    return path, meta


def linkedin_csv(path: Path, rows: int) -> None:
    rng = random.Random(f"{SEED}-linkedin")
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write("Notes:\n")
        fh.write(
            '"When exporting your connection data, you may notice that some of the email '
            'addresses are missing."\n\n'
        )
        writer = csv.writer(fh)
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for n in range(rows):
            first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{n}"
            on = TODAY - timedelta(days=rng.randrange(YEARS_DAYS))
            writer.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/{fold_ascii(first)}-{fold_ascii(last)}-{n}",
                    f"{n}@example.com" if rng.random() < 0.3 else "",
                    rng.choice(COMPANIES),
                    rng.choice([r for r in ROLES if r]),
                    on.strftime("%d %b %Y"),
                ]
            )


def linkedin_dup_csv(path: Path, megabytes: int) -> None:
    """A LinkedIn export of one connection repeated until the file has ``megabytes``."""
    row = "Ana,Rossi,,,,,\r\n"
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n")
        fh.write(row * (megabytes * 1_000_000 // len(row)))


def fold_ascii(text: str) -> str:
    from netjournal.text import fold

    return "".join(ch for ch in fold(text) if ch.isascii() and ch.isalnum())


# --- measuring -----------------------------------------------------------------------------


@dataclass
class Result:
    label: str
    journal: str
    via: str
    status: str = "ok"  # ok | missing | error | skipped
    median: float | None = None
    times: list[float] = field(default_factory=list)
    cpu: float | None = None  # median CPU seconds (user + system): robust on a busy machine
    cpus: list[float] = field(default_factory=list)
    first: float | None = None  # the warm-up run's wall time
    peak: int | None = None
    ratio: float | None = None
    target: str = ""
    verdict: str = ""
    detail: str = ""


def probe(argv: Sequence[str], env: dict[str, str]) -> tuple[float, int, int, str, float]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], env=env, capture_output=True, text=True, check=True
    )
    seconds, rss, code, err, cpu = json.loads(out.stdout)
    return float(seconds), int(rss), int(code), str(err), float(cpu)


@dataclass
class Case:
    """One command to time: its argv, environment, and where its figures go."""

    argv: Sequence[str]
    env: dict[str, str]
    result: Result
    warm: bool = True
    before: Any = None
    runs_left: int = 0
    peak: int = 0


def measure(cases: Sequence[Case], runs: int) -> None:
    """Time ``cases`` in rounds: a warm-up of each, then ``runs`` rounds that run each once.

    Interleaving keeps the comparisons fair on a shared machine whose speed drifts
    during a run: a figure and the figure it is compared with (the floor, the small
    journal, ``import sqlmodel``) are sampled side by side rather than minutes apart.
    Times accumulate in each case's ``result`` (a result may collect samples from
    several calls, like the floor). A command slower than ``SLOW`` seconds gets one
    timed run after its warm-up.
    """
    for case in cases:
        case.runs_left = runs
        if case.warm and not _run(case, timed=False):
            case.runs_left = 0
    for _round in range(runs):
        for case in cases:
            if case.runs_left > 0:
                case.runs_left -= 1
                if not _run(case, timed=True):
                    case.runs_left = 0
    for case in cases:
        r = case.result
        if r.times and r.status == "ok":
            r.median = statistics.median(r.times)
            r.cpu = statistics.median(r.cpus)
            r.peak = max(r.peak or 0, case.peak)


def _run(case: Case, *, timed: bool) -> bool:
    """One run of ``case``; False (and the result marked) when the command failed."""
    r = case.result
    if case.before is not None:
        case.before()
    seconds, rss, code, err, cpu = probe(case.argv, case.env)
    if code != 0:
        if "no such command" in err.lower():
            r.status = "missing"
        else:
            r.status = "error"
            lines = [ln for ln in err.strip().splitlines() if ln.strip()]
            r.detail = f"exit {code}: " + (lines[-1] if lines else "")
        return False
    case.peak = max(case.peak, rss)
    if timed:
        r.times.append(seconds)
        r.cpus.append(cpu)
    else:
        r.first = seconds
        if seconds > SLOW:
            case.runs_left = min(case.runs_left, 1)
    return True


def _fresh_once(source: Path, copy: Path) -> Any:
    """A ``Case.before`` that puts a fresh copy of ``source`` at ``copy`` before the first
    run only (its score cache then empty)."""
    done: list[bool] = []

    def reset() -> None:
        if not done:
            for leftover in copy.parent.glob(copy.name + "-*"):
                leftover.unlink()
            shutil.copyfile(source, copy)
            done.append(True)

    return reset


def net_launchers() -> list[tuple[str, list[str]]]:
    """``python -m netjournal`` and the installed console script (when it is this project's)."""
    launchers = [("-m", [sys.executable, "-m", "netjournal"])]
    candidates = [Path(sys.executable).parent / "net"]
    found = shutil.which("net")
    if found:
        candidates.append(Path(found))
    for script in candidates:
        if not script.is_file() or not os.access(script, os.X_OK):
            continue
        try:
            out = subprocess.run(
                [str(script), "--version"], capture_output=True, text=True, timeout=30
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if "netjournal" in out.stdout:
            launchers.append(("net", [str(script)]))
            break
    return launchers


def base_env(db: Path, config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETJOURNAL_")}
    env.update(
        NETJOURNAL_NOW=NOW,
        NETJOURNAL_DB=str(db),
        NETJOURNAL_CONFIG=str(config),
        TZ="UTC",
        COLUMNS="120",
        PYTHONDONTWRITEBYTECODE="",
    )
    env.pop("PYTHONDONTWRITEBYTECODE")
    return env


def judge(results: list[Result], floor: float, sqlmodel: float) -> None:
    """Ratios, targets and verdicts (DESIGN.md "Performance")."""
    small = {(r.label, r.via): r.median for r in results if r.journal == "small" and r.median}
    befores = {
        (r.label[:-9], r.journal): r.median
        for r in results
        if r.label.endswith(" (before)") and r.median
    }
    for r in results:
        if r.median is None:
            r.verdict = r.status.upper()
            continue
        r.ratio = r.median / floor
        checks: list[tuple[str, bool]] = []
        base = r.label.split()[0]
        if r.label in ("--help", "--version"):
            checks.append(("≤1.6× floor", r.ratio <= 1.6))
        elif base in ("due", "balance", "depth", "show") and "--json" not in r.label:
            if r.journal == "real" and r.label == "due" and r.first is not None:
                # the first report of the day (the score cache empty) on a realistic journal
                checks.append((f"first ≤2× floor ({r.first / floor:.2f}×)", r.first <= 2 * floor))
            if r.journal in ("large", "real"):
                checks.append(("≤2.5× floor", r.ratio <= 2.5))
                own = small.get((r.label, r.via))
                if own:
                    checks.append((f"≤1.5× small ({r.median / own:.2f}×)", r.median <= 1.5 * own))
        elif r.label.endswith(" (after)") and befores.get((r.label[:-8], r.journal)):
            then = befores[(r.label[:-8], r.journal)]
            checks.append((f"≤1.1× before ({r.median / then:.2f}×)", r.median <= 1.1 * then))
        elif r.label.endswith(" (before)"):
            pass
        elif base == "search":
            if r.journal == "large":
                checks.append(("≤2.5× floor", r.ratio <= 2.5))
        elif base == "log":
            checks.append(
                (f"≤1.3× sqlmodel ({r.median / sqlmodel:.2f}×)", r.median <= 1.3 * sqlmodel)
            )
        elif base == "import" and "dup-rows" in r.label:  # memory, whatever the file's size
            checks.append(("≤150 MiB", (r.peak or 0) <= 150 * MIB))
        elif base == "import":
            checks.append(("≤5 s", r.median <= 5.0))
        if r.peak is not None and "dup-rows" not in r.label:
            checks.append(("≤120 MiB", r.peak <= 120 * MIB))
        r.target = ", ".join(c[0] for c in checks)
        r.verdict = "PASS" if all(c[1] for c in checks) else "FAIL"


def machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "platform": sys.platform,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-only", action="store_true", help="only the 100-contact journal")
    parser.add_argument("--runs", type=int, default=5, help="timed runs after a warm-up")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a target is missed (FAIL)"
    )
    parser.add_argument(
        "--only",
        default=",".join(GROUPS),
        help="comma-separated groups to run: " + ", ".join(GROUPS) + " (default: all)",
    )
    parser.add_argument(
        "--before",
        type=Path,
        help="the source tree of an earlier netjournal (schema 4, e.g. `git archive main "
        "netjournal | tar -x -C DIR`): the writes group times the write commands with it "
        "too, on the same journal without the search index",
    )
    args = parser.parse_args(argv)
    wanted = {g.strip() for g in args.only.split(",") if g.strip()}
    if wanted - set(GROUPS):
        parser.error(f"unknown group(s): {', '.join(sorted(wanted - set(GROUPS)))}")

    def want(group: str) -> bool:
        return group in wanted

    runs = max(1, args.runs)
    quiet = args.json

    sizes = [SMALL] if args.small_only else [SMALL, LARGE]
    journals = {s.name: journal(s, quiet) for s in sizes}
    if not args.small_only and want(
        "reads"
    ):  # DESIGN's realistic journal: 150 real contacts, 3,000 imports
        journals["real"] = realistic_journal(quiet)
    work = Path(tempfile.mkdtemp(prefix="netbench-"))
    try:
        config = work / "config.toml"  # absent: the defaults
        env0 = base_env(journals["small"][0], config)
        results: list[Result] = []

        def say(r: Result) -> None:
            if not quiet:
                shown = f"{r.median * 1000:8.0f} ms" if r.median is not None else f"{r.status:>11}"
                print(f"  {r.label:<22} {r.journal:<6} {r.via:<4} {shown}", flush=True)

        floor = Result("floor", "-", "py")
        sqlm = Result("sqlmodel", "-", "py")

        def floor_case() -> Case:  # one more floor sample in each round of a group
            return Case([sys.executable, "-c", FLOOR_CODE], env0, floor, warm=False)

        def sqlmodel_case() -> Case:
            return Case([sys.executable, "-c", SQLMODEL_CODE], env0, sqlm, warm=False)

        launchers = net_launchers()
        startup = [
            Case([*launcher, label], env0, Result(label, "-", via))
            for via, launcher in launchers
            for label in ("--help", "--version")
        ]
        if not want("startup"):
            startup = []
        measure([floor_case(), sqlmodel_case(), *startup], runs)
        for case in startup:
            results.append(case.result)
            say(case.result)
        copies: dict[str, tuple[Path, dict[str, Any]]] = {}
        for name, (path, meta) in journals.items():
            # a fresh copy per run: reads may keep derived data (a score cache) in the
            # journal, and the first run after the copy is then the cold "first report
            # of the day" (shown as `first`), the timed ones the warm repeats
            copy = Path(shutil.copyfile(path, work / f"{name}.db"))
            copies[name] = (copy, meta)
        commands = [
            ["due"],
            ["balance"],
            ["depth"],
            ["show", "NAME"],
            ["due", "--json"],
            ["contacts", "--json"],
        ]
        if not want("reads"):
            commands = []
        if want("search"):
            commands += SEARCHES
        for via, launcher in launchers:
            for cmd in commands:
                label = " ".join(cmd)
                group = [floor_case()]
                for name, (copy, meta) in copies.items():
                    words = [meta["show"] if a == "NAME" else a for a in cmd]
                    case = Case(
                        [*launcher, *words], base_env(copy, config), Result(label, name, via)
                    )
                    if name == "real" and cmd == ["due"]:
                        # each launcher's first `due` finds the score cache empty, as the
                        # first report of a day does
                        case.before = _fresh_once(journals[name][0], copy)
                    group.append(case)
                measure(group, runs)  # the small and the large journal side by side
                for case in group[1:]:
                    results.append(case.result)
                    say(case.result)

        if want("writes"):
            results += write_rows(journals, work, config, launchers, runs, args.before, say)
        if not want("import"):
            for base in (floor, sqlm):
                say(base)
            assert floor.median is not None and sqlm.median is not None
            judge(results, floor.median, sqlm.median)
            report(results, floor, sqlm, args.json, journals)
            return 0 if not args.check else _verdict(results)
        # a write: `log` on a copy of the small journal, next to `import sqlmodel`
        small_path, small_meta = journals["small"]
        copy = work / "log.db"
        shutil.copyfile(small_path, copy)
        env = base_env(copy, config)
        logs = [
            Case(
                [*launcher, "log", small_meta["show"], "-m", "coffee and a chat about the bench"],
                env,
                Result("log NAME -m ...", "small", via),
            )
            for via, launcher in launchers
        ]
        measure([sqlmodel_case(), floor_case(), *logs], runs)
        for case in logs:
            results.append(case.result)
            say(case.result)

        # `import linkedin` of 5,000 connections into a fresh journal
        connections = work / "Connections.csv"
        linkedin_csv(connections, LINKEDIN_ROWS)
        fresh = work / "fresh.db"
        env = base_env(fresh, config)
        via, launcher = launchers[-1]
        label = f"import linkedin {LINKEDIN_ROWS:,}"
        probe_help = subprocess.run(
            [*launcher, "import", "linkedin", "--help"], env=env, capture_output=True, text=True
        )
        if probe_help.returncode != 0:
            r = Result(label, "fresh", via, status="missing")
            r.detail = "the command `net import linkedin` does not exist yet"
        else:

            def reset() -> None:
                for leftover in work.glob("fresh.db*"):
                    leftover.unlink()

            r = Result(label, "fresh", via)
            measure(
                [
                    Case(
                        [*launcher, "import", "linkedin", str(connections)],
                        env,
                        r,
                        warm=False,
                        before=reset,
                    )
                ],
                min(runs, 3),
            )
        results.append(r)
        say(r)
        if r.status == "ok":
            megabytes = DUP_MB_SMALL if args.small_only else DUP_MB
            dup = work / "dup-rows.csv"
            linkedin_dup_csv(dup, megabytes)
            r = Result(f"import linkedin dup-rows {megabytes} MB", "fresh", via)
            measure(
                [
                    Case(
                        [*launcher, "import", "linkedin", str(dup)],
                        env,
                        r,
                        warm=False,
                        before=reset,
                    )
                ],
                1,
            )
            results.append(r)
            say(r)
        for base in (floor, sqlm):
            say(base)
        assert floor.median is not None and sqlm.median is not None
        judge(results, floor.median, sqlm.median)
        report(results, floor, sqlm, args.json, journals)
        if not args.check:
            return 0  # a measurement: the verdicts are printed, not enforced
        return _verdict(results)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _verdict(results: list[Result]) -> int:
    return 0 if all(r.verdict in ("PASS", "MISSING") for r in results) else 1


#: what ``--only`` selects
GROUPS = ("startup", "reads", "search", "writes", "import")

#: ``net search`` rows: a rare phrase (what people look for), a word in most notes (the
#: worst case: 140,000 matches on the large journal to rank), one kind only
SEARCHES = [
    ["search", "topic 417"],
    ["search", "talked"],
    ["search", "thing", "--in", "gives"],
]

#: write commands timed before and after the search index (its triggers)
WRITES = [
    [
        "log",
        "NAME",
        "-m",
        "coffee and a chat about the bench",
        "--learned",
        "interests:sailing on the lake",
        "--give",
        "advice:a good notary",
    ],
    ["give", "NAME", "a lead for a bakery", "-k", "referral"],
    ["learn", "NAME", "hobbies", "plays the cello"],
    ["edit", "i1", "-m", "talked about topic 1 and the bench"],
]


def without_search_index(source: Path, dest: Path) -> None:
    """A copy of ``source`` as schema 4 had it: the search index's tables and triggers
    (schema 5) and the introduction table and its undo triggers (schema 6) dropped."""
    from netjournal.store.migrations import search_index

    shutil.copyfile(source, dest)
    conn = sqlite3.connect(dest, isolation_level=None)
    try:
        for index, _content, _columns in search_index.INDEXES:
            for event in ("insert", "delete", "update"):
                conn.execute(f"DROP TRIGGER IF EXISTS {index}_{event}")
            conn.execute(f"DROP TABLE IF EXISTS {index}")
        conn.execute("DROP TABLE IF EXISTS introduction")  # its triggers go with it
        conn.execute(f"PRAGMA user_version = {search_index.VERSION - 1}")
        conn.execute("VACUUM")
    finally:
        conn.close()


def write_rows(
    journals: dict[str, tuple[Path, dict[str, Any]]],
    work: Path,
    config: Path,
    launchers: list[tuple[str, list[str]]],
    runs: int,
    before: Path | None,
    say: Any,
) -> list[Result]:
    """Each write command on a copy of the largest journal, and with ``before`` the same
    command by the earlier code on a copy without the search index, side by side."""
    name = "large" if "large" in journals else "small"
    source, meta = journals[name]
    after_db = Path(shutil.copyfile(source, work / "writes-after.db"))
    before_db = work / "writes-before.db"
    if before is not None:
        without_search_index(source, before_db)
    out: list[Result] = []
    via, launcher = launchers[0]  # python -m netjournal, for both sides
    for cmd in WRITES:
        words = [meta["show"] if a == "NAME" else a for a in cmd]
        label = " ".join("NAME" if a == meta["show"] else a for a in words[:2])
        group = [
            Case(
                [*launcher, *words],
                base_env(after_db, config),
                Result(f"{label} (after)", name, via),
            )
        ]
        if before is not None:
            env = base_env(before_db, config)
            env["PYTHONPATH"] = str(before)
            group.append(Case([*launcher, *words], env, Result(f"{label} (before)", name, via)))
        measure(group, runs)
        for case in group:
            out.append(case.result)
            say(case.result)
    return out


def report(
    results: list[Result],
    floor: Result,
    sqlm: Result,
    as_json: bool,
    journals: dict[str, tuple[Path, dict[str, Any]]],
) -> None:
    assert floor.median is not None and sqlm.median is not None
    if as_json:
        data = {
            "machine": machine(),
            "now": NOW,
            "floor_ms": round(floor.median * 1000, 1),
            "floor_peak_mib": round((floor.peak or 0) / MIB, 1),
            "floor_cpu_ms": round((floor.cpu or 0) * 1000, 1),
            "sqlmodel_cpu_ms": round((sqlm.cpu or 0) * 1000, 1),
            "sqlmodel_ms": round(sqlm.median * 1000, 1),
            "journals": {k: v[1] for k, v in journals.items()},
            "results": [
                {
                    "command": r.label,
                    "journal": r.journal,
                    "via": r.via,
                    "status": r.status,
                    "median_ms": None if r.median is None else round(r.median * 1000, 1),
                    "runs_ms": [round(t * 1000, 1) for t in r.times],
                    "first_ms": None if r.first is None else round(r.first * 1000, 1),
                    "ratio_to_floor": None if r.ratio is None else round(r.ratio, 2),
                    "cpu_ms": None if r.cpu is None else round(r.cpu * 1000, 1),
                    "peak_mib": None if r.peak is None else round(r.peak / MIB, 1),
                    "target": r.target,
                    "verdict": r.verdict,
                    "detail": r.detail,
                }
                for r in results
            ],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    m = machine()
    print()
    print(
        f"machine: nproc={m['nproc']} python={m['python']} sqlite={m['sqlite']} "
        f"({m['platform']}); NETJOURNAL_NOW={NOW}; runs={len(sqlm.times) // 2} "
        "(median; commands timed in rounds next to the baselines and their small-journal twin)"
    )
    print(
        f'floor   `python -c "{FLOOR_CODE}"`: {floor.median * 1000:.0f} ms, '
        f"(cpu {(floor.cpu or 0) * 1000:.0f} ms), {(floor.peak or 0) / MIB:.0f} MiB"
    )
    print(
        f'sqlmodel `python -c "{SQLMODEL_CODE}"`: {sqlm.median * 1000:.0f} ms '
        f"(cpu {(sqlm.cpu or 0) * 1000:.0f} ms; {sqlm.median / floor.median:.2f}× floor), "
        f"{(sqlm.peak or 0) / MIB:.0f} MiB"
    )
    for name, (_path, meta) in journals.items():
        if "size" not in meta:
            print(
                f"journal {name}: {len(meta['real'])} real contacts with three years of "
                f"history, {meta['imports']:,} LinkedIn imports; show NAME = {meta['show']!r} "
                "(the follow-up due today)"
            )
            continue
        size = meta["size"]
        print(
            f"journal {name}: {size['contacts']:,} contacts, {size['interactions']:,} "
            f"interactions, {size['exchanges']:,} gives/asks, {size['facts']:,} facts, "
            f"{size['followups']:,} follow-ups; show NAME = {meta['show']!r} "
            f"({meta['show_interactions']} interactions)"
        )
    print()
    header = f"{'command':<22} {'journal':<7} {'via':<4} {'median':>9} {'×floor':>7} "
    header += f"{'cpu':>9} {'cpu×fl':>7} {'peak':>8}  {'verdict':<7} target (on wall time)"
    print(header)
    print("-" * len(header))
    for r in results:
        median = f"{r.median * 1000:.0f} ms" if r.median is not None else "-"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        peak = f"{r.peak / MIB:.0f} MiB" if r.peak is not None else "-"
        cpu = f"{r.cpu * 1000:.0f} ms" if r.cpu is not None else "-"
        cpu_ratio = f"{r.cpu / floor.cpu:.2f}" if r.cpu is not None and floor.cpu else "-"
        line = f"{r.label:<22} {r.journal:<7} {r.via:<4} {median:>9} {ratio:>7} "
        line += f"{cpu:>9} {cpu_ratio:>7} {peak:>8}  "
        line += f"{r.verdict:<7} {r.target}"
        if r.first is not None and r.median and r.first > 1.5 * r.median:
            line += f"  [first run {r.first * 1000:.0f} ms]"
        if r.detail:
            line += f"  [{r.detail}]"
        print(line.rstrip())


if __name__ == "__main__":
    sys.exit(main())
