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

    python bench/run.py                  # all journals, 5 runs after a warm-up
    python bench/run.py --small-only --runs 1
    python bench/run.py --only 'first|contacts' --runs 1   # only the rows you work on
    python bench/run.py --huge --check   # and 50,000 contacts; exit 1 on a missed target
    python bench/run.py --json

Rows: startup; the reads on each journal (their warm-up is the cold run; ``net`` is plain
``net``, the day's page, with ``due``'s targets); ``due (first of
day)`` on a fresh copy before every run (each run the first report of a day: a target,
not a warm-up); ``review --month``, ``contacts``, ``match`` (the large journal's facts all
share words; the ``varied`` journal's rarely do), ``export json`` and ``import json`` of
that export into an empty journal; ``log``; ``import linkedin``. Each row prints wall
time, CPU time and peak memory, its target and its verdict.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import os
import random
import re
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
VERY_SLOW = 30.0  # seconds: a warm-up this slow is the command's only run

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
#: ``--huge``: DESIGN's 50,000 contacts (not in CI: minutes to build, hundreds of MB)
HUGE = Size("huge", 50_000, 1_000_000, 250_000, 150_000, 25_000)
#: words for the "varied facts" journal: facts that rarely share a word (``match``)
VARIED_WORDS = 20_000

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


@functools.cache
def _schema_key() -> str:  # once per run: editing the code meanwhile changes nothing
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
    # netjournal's own fresh schema: its search-index triggers may run (as in the writer)
    conn.execute("PRAGMA trusted_schema=ON")
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


def _varied_word(rng: random.Random) -> str:
    syllables = ("ka", "lo", "mi", "ser", "tu", "van", "dre", "pol", "nix", "qua", "ber", "zo")
    return "".join(rng.choice(syllables) for _ in range(rng.randrange(3, 5)))


def varied_journal(quiet: bool) -> tuple[Path, dict[str, Any]]:
    """The large journal with facts that rarely share a word (``match`` on varied facts):
    each fact's text is 2-5 words drawn from a vocabulary of ``VARIED_WORDS`` made-up ones
    (the large journal's own facts, "fact number N", all share two words)."""
    key = f"v{GENERATOR_VERSION}-{_schema_key()}"
    path = OUT / f"journal-varied-{key}.db"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        return path, json.loads(meta_path.read_text())
    source, meta = journal(LARGE, quiet)
    for old in OUT.glob("journal-varied-*"):
        old.unlink()
    if not quiet:
        print("generating the varied-facts journal (the large one, other fact texts)...")
    rng = random.Random(f"{SEED}-varied")
    vocabulary = sorted({_varied_word(rng) for _ in range(VARIED_WORDS)})
    tmp = path.with_suffix(".tmp")
    shutil.copyfile(source, tmp)
    conn = sqlite3.connect(tmp)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE undo_control SET recording = 0 WHERE id = 1")
    # netjournal's own fresh schema: its search-index triggers may run (as in the writer)
    conn.execute("PRAGMA trusted_schema=ON")
    ids = [row[0] for row in conn.execute("SELECT id FROM fact ORDER BY id")]
    conn.executemany(
        "UPDATE fact SET text = ? WHERE id = ?",
        [(" ".join(rng.sample(vocabulary, rng.randrange(2, 6))), fid) for fid in ids],
    )
    conn.execute("UPDATE undo_control SET recording = 1 WHERE id = 1")
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
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
        if seconds > VERY_SLOW:  # minutes: the warm-up is the one measurement
            r.times.append(seconds)
            r.cpus.append(cpu)
            case.runs_left = 0
    return True


def _fresh_each(source: Path, copy: Path) -> Any:
    """A ``Case.before`` that puts a fresh copy of ``source`` at ``copy`` before every run:
    its score cache is then as a new day finds it (empty), the first report of a day."""

    def reset() -> None:
        for leftover in copy.parent.glob(copy.name + "*"):
            leftover.unlink()
        shutil.copyfile(source, copy)

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


#: DESIGN's "Performance" targets for the first report of a day, × floor, per journal
FIRST_OF_DAY = {"large": 3.0, "huge": 6.0, "real": 2.0}
#: whole-journal commands: (target × floor) per command
WHOLE = {"review --month": 3.0, "contacts": 2.5, "match": 3.0}


def _checks(
    r: Result,
    floor: float,
    sqlmodel: float,
    small: dict[Any, float],
    befores: dict[Any, float],
) -> list[Any]:
    """The (target, met) pairs of one row (DESIGN.md "Performance")."""
    assert r.median is not None and r.ratio is not None
    checks: list[tuple[str, bool]] = []
    base = r.label.split()[0]
    if r.label in ("--help", "--version"):
        checks.append(("≤1.6× floor", r.ratio <= 1.6))
    elif r.label.startswith("due (first"):
        limit = FIRST_OF_DAY.get(r.journal)
        if limit is not None:
            checks.append((f"≤{limit:g}× floor", r.ratio <= limit))
    elif r.label in WHOLE and r.journal != "huge":
        checks.append((f"≤{WHOLE[r.label]:g}× floor", r.ratio <= WHOLE[r.label]))
    elif r.label == "export json":
        checks.append(("≤2 s", r.median <= 2.0))
    elif r.label == "import json":
        checks.append(("≤8 s", r.median <= 8.0))
        checks.append(("≤150 MiB", (r.peak or 0) <= 150 * MIB))
    elif base in ("due", "net", "balance", "depth", "show") and "--json" not in r.label:
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
        checks.append((f"≤1.3× sqlmodel ({r.median / sqlmodel:.2f}×)", r.median <= 1.3 * sqlmodel))
    elif r.label.startswith(("import calendar", "import mail")) or "dup-rows" in r.label:
        # captures and the file of repeated rows: memory, whatever the file's size
        checks.append(("≤150 MiB", (r.peak or 0) <= 150 * MIB))
    elif base == "import":
        checks.append(("≤5 s", r.median <= 5.0))
    if r.peak is not None and base != "import":
        checks.append(("≤120 MiB", r.peak <= 120 * MIB))
    return checks


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
        checks = _checks(r, floor, sqlmodel, small, befores)
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
    parser.add_argument(
        "--huge", action="store_true", help="also the 50,000-contact journal (minutes; not in CI)"
    )
    parser.add_argument(
        "--only",
        metavar="REGEX",
        help="time only the rows whose 'command journal' matches (e.g. 'first|contacts')",
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs after a warm-up")
    parser.add_argument(
        "--before",
        type=Path,
        help="the source tree of an earlier netjournal (schema 4, e.g. `git archive main "
        "netjournal | tar -x -C DIR`): the write commands are timed with it too, on the same "
        "journal without the search index",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a target is missed (FAIL)"
    )
    args = parser.parse_args(argv)
    runs = max(1, args.runs)
    quiet = args.json
    pattern = re.compile(args.only) if args.only else None

    def wanted(label: str, journal_name: str) -> bool:
        return pattern is None or bool(pattern.search(f"{label} {journal_name}"))

    sizes = [SMALL] if args.small_only else [SMALL, LARGE]
    if args.huge and not args.small_only:
        sizes.append(HUGE)
    journals = {s.name: journal(s, quiet) for s in sizes}
    if not args.small_only:  # DESIGN's realistic journal: 150 real contacts, 3,000 imports
        journals["real"] = realistic_journal(quiet)
        if wanted("match", "varied"):
            journals["varied"] = varied_journal(quiet)
    work = Path(tempfile.mkdtemp(prefix="netbench-"))
    try:
        config = work / "config.toml"  # absent: the defaults
        env0 = base_env(journals["small"][0], config)
        bench = Bench(runs, env0, quiet)
        run_all(bench, args, journals, work, config, wanted)
        for base in (bench.floor, bench.sqlm):
            bench.say(base)
        floor, sqlm, results = bench.floor, bench.sqlm, bench.results
        if floor.median is None or sqlm.median is None:
            raise SystemExit("bench: no row matched --only, nothing was timed")
        judge(results, floor.median, sqlm.median)
        report(results, floor, sqlm, args.json, journals)
        if not args.check:
            return 0  # a measurement: the verdicts are printed, not enforced
        return 0 if all(r.verdict in ("PASS", "MISSING") for r in results) else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


class Bench:
    """The baselines, the results so far, and timing a group of cases next to the floor."""

    def __init__(self, runs: int, env0: dict[str, str], quiet: bool) -> None:
        self.runs, self.env0, self.quiet = runs, env0, quiet
        self.results: list[Result] = []
        self.floor = Result("floor", "-", "py")
        self.sqlm = Result("sqlmodel", "-", "py")

    def say(self, r: Result) -> None:
        if not self.quiet:
            shown = f"{r.median * 1000:8.0f} ms" if r.median is not None else f"{r.status:>11}"
            print(f"  {r.label:<22} {r.journal:<6} {r.via:<4} {shown}", flush=True)

    def floor_case(self) -> Case:  # one more floor sample in each round of a group
        return Case([sys.executable, "-c", FLOOR_CODE], self.env0, self.floor, warm=False)

    def sqlmodel_case(self) -> Case:
        return Case([sys.executable, "-c", SQLMODEL_CODE], self.env0, self.sqlm, warm=False)

    def group(self, cases: Sequence[Case], runs: int | None = None, sqlmodel: bool = False) -> None:
        """Time ``cases`` in rounds next to the floor (and ``import sqlmodel``)."""
        if not cases:
            return
        base = [self.sqlmodel_case()] if sqlmodel else []
        measure([*base, self.floor_case(), *cases], self.runs if runs is None else runs)
        for case in cases:
            self.results.append(case.result)
            self.say(case.result)


def run_all(
    bench: Bench,
    args: argparse.Namespace,
    journals: dict[str, tuple[Path, dict[str, Any]]],
    work: Path,
    config: Path,
    wanted: Any,
) -> None:
    """Every row of the benchmark that ``wanted`` keeps, group by group."""
    launchers = net_launchers()
    startup = [
        Case([*launcher, label], bench.env0, Result(label, "-", via))
        for via, launcher in launchers
        for label in ("--help", "--version")
        if wanted(label, "-")
    ]
    bench.group(startup, sqlmodel=True)
    if not bench.sqlm.times:  # `log` is judged against `import sqlmodel`
        measure([bench.sqlmodel_case()], bench.runs)
    reads = {k: v for k, v in journals.items() if k != "varied"}
    copies: dict[str, tuple[Path, dict[str, Any]]] = {}
    for name, (path, meta) in reads.items():
        # a copy per journal: reads keep derived data (the score cache) in the journal; the
        # warm-up run of each read is the first of the day, the timed ones the repeats
        copy = Path(shutil.copyfile(path, work / f"{name}.db"))
        copies[name] = (copy, meta)
    first_of_day(bench, launchers, reads, work, config, wanted)
    commands = [
        ["due"],
        [],  # plain `net`: the day's page (the top of due, follow-ups, goals, streak)
        ["balance"],
        ["depth"],
        ["show", "NAME"],
        ["due", "--json"],
        ["contacts", "--json"],
        *SEARCHES,
    ]
    for via, launcher in launchers:
        for cmd in commands:
            label = " ".join(cmd) or "net"
            group = []
            for name, (copy, meta) in copies.items():
                if not wanted(label, name):
                    continue
                words = [meta["show"] if a == "NAME" else a for a in cmd]
                group.append(
                    Case([*launcher, *words], base_env(copy, config), Result(label, name, via))
                )
            bench.group(group)  # the small and the large journal side by side
    whole_journal(bench, launchers[-1], copies, journals, work, config, wanted)
    writes(bench, launchers, journals, work, config, wanted, args.small_only)
    write_rows(bench, launchers, journals, work, config, wanted, args.before)
    import captures  # bench/captures.py: the calendar and mail captures

    kit = argparse.Namespace(Case=Case, Result=Result, base_env=base_env, wanted=wanted)
    captures.rows(bench, launchers[-1], journals["small"][0], work, kit)


def first_of_day(
    bench: Bench,
    launchers: list[tuple[str, list[str]]],
    journals: dict[str, tuple[Path, dict[str, Any]]],
    work: Path,
    config: Path,
    wanted: Any,
) -> None:
    """``due`` on a fresh copy of each journal before every run: the score cache as a new
    day finds it, every run the first report of the day (a timed target, not a warm-up)."""
    via, launcher = launchers[-1]
    group = []
    label = "due (first of day)"
    for name, (path, _meta) in journals.items():
        if name == "small" or not wanted(label, name):
            continue
        copy = work / f"first-{name}.db"
        group.append(
            Case(
                [*launcher, "due"],
                base_env(copy, config),
                Result(label, name, via),
                warm=False,
                before=_fresh_each(path, copy),
            )
        )
        one = "due (first, 1 process)"  # do the worker processes pay? the same in one
        if name in ("large", "huge") and wanted(one, name):
            solo = work / f"first-{name}-solo.db"
            env = {**base_env(solo, config), "NETJOURNAL_WORKERS": "1"}
            before = _fresh_each(path, solo)
            group.append(Case([*launcher, "due"], env, Result(one, name, via), False, before))
    bench.group(group, runs=min(bench.runs, 3))
    for leftover in work.glob("first-*"):
        leftover.unlink()


def whole_journal(
    bench: Bench,
    launcher_of: tuple[str, list[str]],
    copies: dict[str, tuple[Path, dict[str, Any]]],
    journals: dict[str, tuple[Path, dict[str, Any]]],
    work: Path,
    config: Path,
    wanted: Any,
) -> None:
    """Commands over the whole journal: review, contacts, match, export and import json."""
    via, launcher = launcher_of
    rows: list[tuple[str, str, Path]] = []
    for name in ("large", "real"):  # not huge: DESIGN sets no whole-journal target there
        if name in copies:
            rows += [
                ("review --month", name, copies[name][0]),
                ("contacts", name, copies[name][0]),
                ("match", name, copies[name][0]),
            ]
    if "varied" in journals:
        varied = Path(shutil.copyfile(journals["varied"][0], work / "varied.db"))
        rows.append(("match", "varied", varied))
    group = [
        Case([*launcher, *label.split()], base_env(db, config), Result(label, name, via))
        for label, name, db in rows
        if wanted(label, name)
    ]
    bench.group(group)
    if "large" not in copies:
        return
    dump = work / "large.json"
    large = base_env(copies["large"][0], config)
    if wanted("export json", "large") or wanted("import json", "large"):
        r = Result("export json", "large", via)
        case = Case([*launcher, "export", "json", "-o", str(dump)], large, r, warm=False)
        if wanted("export json", "large"):
            bench.group([case])
        else:
            measure([case], 1)
    if wanted("import json", "large") and dump.exists():
        fresh = work / "imported.db"

        def reset() -> None:
            for leftover in work.glob("imported.db*"):
                leftover.unlink()

        r = Result("import json", "large", via)
        case = Case(
            [*launcher, "import", "json", str(dump)],
            base_env(fresh, config),
            r,
            warm=False,
            before=reset,
        )
        bench.group([case], runs=min(bench.runs, 3))


def writes(
    bench: Bench,
    launchers: list[tuple[str, list[str]]],
    journals: dict[str, tuple[Path, dict[str, Any]]],
    work: Path,
    config: Path,
    wanted: Any,
    small_only: bool,
) -> None:
    """``log`` next to ``import sqlmodel``; ``import linkedin`` into a fresh journal."""
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
        if wanted("log NAME -m ...", "small")
    ]
    bench.group(logs, sqlmodel=True)
    label = f"import linkedin {LINKEDIN_ROWS:,}"
    megabytes = DUP_MB_SMALL if small_only else DUP_MB
    dup_label = f"import linkedin dup-rows {megabytes} MB"
    if not (wanted(label, "fresh") or wanted(dup_label, "fresh")):
        return
    connections = work / "Connections.csv"
    linkedin_csv(connections, LINKEDIN_ROWS)
    fresh = work / "fresh.db"
    env = base_env(fresh, config)
    via, launcher = launchers[-1]

    def reset() -> None:
        for leftover in work.glob("fresh.db*"):
            leftover.unlink()

    if wanted(label, "fresh"):
        r = Result(label, "fresh", via)
        case = Case(
            [*launcher, "import", "linkedin", str(connections)], env, r, warm=False, before=reset
        )
        bench.group([case], runs=min(bench.runs, 3))
    if wanted(dup_label, "fresh"):
        dup = work / "dup-rows.csv"
        linkedin_dup_csv(dup, megabytes)
        r = Result(dup_label, "fresh", via)
        case = Case([*launcher, "import", "linkedin", str(dup)], env, r, warm=False, before=reset)
        bench.group([case], runs=1)


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
    """A copy of ``source`` as schema 4 had it: the identity table (schema 5), the search
    index's tables and triggers (6) and the introduction table (7) dropped."""
    from netjournal.store.migrations import identities, search_index

    shutil.copyfile(source, dest)
    conn = sqlite3.connect(dest, isolation_level=None)
    try:
        for index, _content, _columns in search_index.INDEXES:
            for event in ("insert", "delete", "update"):
                conn.execute(f"DROP TRIGGER IF EXISTS {index}_{event}")
            conn.execute(f"DROP TABLE IF EXISTS {index}")
        for table in ("captured", "introduction", "identity"):  # their triggers go with them
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute(f"PRAGMA user_version = {identities.VERSION - 1}")
        conn.execute("VACUUM")
    finally:
        conn.close()


def write_rows(
    bench: Bench,
    launchers: list[tuple[str, list[str]]],
    journals: dict[str, tuple[Path, dict[str, Any]]],
    work: Path,
    config: Path,
    wanted: Any,
    before: Path | None,
) -> None:
    """Each write command on a copy of the largest journal, and with ``before`` the same
    command by the earlier code on a copy without the schema 5-7 objects, side by side."""
    name = "large" if "large" in journals else "small"
    source, meta = journals[name]
    after_db = Path(shutil.copyfile(source, work / "writes-after.db"))
    before_db = work / "writes-before.db"
    if before is not None:
        without_search_index(source, before_db)
    via, launcher = launchers[0]  # python -m netjournal, for both sides
    for cmd in WRITES:
        words = [meta["show"] if a == "NAME" else a for a in cmd]
        label = " ".join("NAME" if a == meta["show"] else a for a in words[:2])
        if not wanted(f"{label} (after)", name):
            continue
        after = Result(f"{label} (after)", name, via)
        group = [Case([*launcher, *words], base_env(after_db, config), after)]
        if before is not None:
            env = {**base_env(before_db, config), "PYTHONPATH": str(before)}
            group.append(Case([*launcher, *words], env, Result(f"{label} (before)", name, via)))
        bench.group(group)


if __name__ == "__main__":
    sys.exit(main())
