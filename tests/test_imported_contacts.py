"""Names brought in by an import are not relationships until met; real contact (a call or
better) is what resets a cadence and closes a reach-out; one figure for an ask.

Today is Saturday 2026-11-28 (conftest).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

Run = Callable[..., Result]
Json = Callable[..., Any]
Rows = Callable[..., list[tuple[Any, ...]]]

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def connections(path: Path, n: int, *, first: int = 0) -> Path:
    """A Connections.csv as LinkedIn writes it: BOM, Notes: preamble, CRLF."""
    lines = [
        "Notes:\r\n",
        '"When exporting your connection data, you may notice that some of the email '
        'addresses are missing."\r\n',
        "\r\n",
        HEADER,
    ]
    for k in range(first, first + n):
        day = f"{1 + k % 28:02d} {MONTHS[k % 12]} {2019 + k % 7}"
        lines.append(
            f"Person,Number{k},https://www.linkedin.com/in/person-{k},,Acme {k % 9},Engineer,"
            f"{day}\r\n"
        )
    path.write_bytes("\ufeff".encode() + "".join(lines).encode())
    return path


def test_imported_names_do_not_flood_net_due(
    ok: Run, net_json: Json, rows: Rows, tmp_path: Path
) -> None:
    """After importing 200 connections all 200 were due at 12.0 and a real follow-up due
    today ranked 202nd."""
    ok("log", "Ana Rossi", "--on", "2026-11-20", "-k", "meal")
    ok("followup", "Ana", "today", "send the proposal")
    result = ok("import", "linkedin", str(connections(tmp_path / "c.csv", 200)))
    assert result.stderr.splitlines() == [
        "LinkedIn: added 200, updated 0, unchanged 0, skipped 0.",
        "Filed 200 as acquaintances: no cadence, and not in 'net due', until you meet them "
        "(a call or better); --tier changes it.",
    ]
    assert rows("SELECT tier, source, count(*) FROM contact GROUP BY 1, 2 ORDER BY 1") == [
        ("acquaintance", "linkedin", 200),
        ("active", None, 1),
    ]
    due = net_json("due", "--json")
    assert [i["name"] for i in due["items"]] == ["Ana Rossi"]
    assert due["items"][0]["reasons"][0] == "follow-up due today: send the proposal"
    # a re-import changes nothing, and files nobody anew
    again = ok("import", "linkedin", str(tmp_path / "c.csv"))
    assert again.stderr.splitlines() == ["LinkedIn: added 0, updated 0, unchanged 200, skipped 0."]


def test_tier_says_how_imports_are_filed_and_meeting_makes_a_relationship(
    ok: Run, net_json: Json, rows: Rows, tmp_path: Path
) -> None:
    result = ok("import", "linkedin", str(connections(tmp_path / "c.csv", 3)), "--tier", "active")
    assert "Filed 3 as active contacts" in result.stderr
    assert rows("SELECT DISTINCT tier FROM contact") == [("active",)]
    # active tier, connected years ago: still no cadence, not listed, no new tie
    one = net_json("due", "Person Number0", "--json")
    assert (one["cadence"], one["listed"], one["triggers"]) == (None, False, [])
    # a like or a message is a light touch: still a name
    ok("log", "Person Number0", "-k", "social", "--on", "yesterday")
    ok("log", "Person Number0", "-k", "message")
    assert net_json("due", "Person Number0", "--json")["cadence"] is None
    # a first real interaction makes it a relationship like any other
    ok("log", "Person Number0", "-k", "call", "--on", "100 days ago")
    one = net_json("due", "Person Number0", "--json")
    assert one["cadence"] == 90 and one["listed"] is True
    assert one["reasons"][0] == (
        "last real contact 100 days ago (light touches since), every 90 days"
    )
    assert [i["name"] for i in net_json("due", "--json")["items"]] == ["Person Number0"]
    # the tier of an existing contact is never changed by a re-import
    ok("import", "linkedin", str(tmp_path / "c.csv"), "--tier", "inner")
    assert rows("SELECT DISTINCT tier FROM contact") == [("active",)]


def test_bad_tier_is_refused_and_writes_nothing(
    net: Run, ok: Run, unchanged: Callable[[], Any], tmp_path: Path
) -> None:
    ok("contact", "add", "Pia Bassi")
    with unchanged():
        result = net("import", "linkedin", str(connections(tmp_path / "c.csv", 2)), "--tier", "vip")
    assert result.exit_code == 1
    assert result.stderr.startswith("Unknown tier 'vip'. Choose one of: inner, close,")


def test_a_contact_added_by_hand_is_not_an_import(ok: Run, net_json: Json, rows: Rows) -> None:
    ok("contact", "add", "Pia Bassi", "--met-on", "2026-11-20")
    assert rows("SELECT source FROM contact") == [(None,)]
    (item,) = net_json("due", "--json")["items"]
    assert item["triggers"] == ["new tie"]


def test_vcard_and_csv_imports_file_by_tier_too(
    ok: Run, net_json: Json, rows: Rows, tmp_path: Path
) -> None:
    card = tmp_path / "c.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vera Card\r\nUID:u-1\r\nBDAY:--11-29\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = ok("import", "vcard", str(card))
    assert "Filed 1 as an acquaintance" in result.stderr
    sheet = tmp_path / "c.csv"
    sheet.write_text("name,tier\nCarla Sheet,\nCesare Row,close\n", encoding="utf-8")
    result = ok("import", "csv", str(sheet), "--tier", "network")
    assert "Filed 1 as a network contact" in result.stderr  # a row's own tier wins
    assert rows("SELECT name, tier, source FROM contact ORDER BY name") == [
        ("Carla Sheet", "network", "csv"),
        ("Cesare Row", "close", "csv"),
        ("Vera Card", "acquaintance", "vcard"),
    ]
    # a birthday tomorrow of someone never met is no reason to call
    assert net_json("due", "--json")["items"] == []


def test_only_real_contact_closes_a_reach_out_and_log_says_which(
    ok: Run, net: Run, net_json: Json, rows: Rows
) -> None:
    """A like or a message silently closed "follow up: send the proposal"."""
    ok("log", "Ana Rossi", "--on", "2026-11-01", "-k", "meal")
    ok("followup", "Ana", "friday", "send the proposal")
    light = ok("log", "Ana", "-k", "message", "-m", "liked the post")
    assert light.stderr == (
        "A message is a light touch: follow-up r1 with Ana Rossi (due 2026-12-04: send the "
        "proposal) stays open; a call or better closes it.\n"
    )
    assert rows("SELECT done_on FROM followup") == [(None,)]
    # a meeting dated before the follow-up was recorded does not answer it, and one
    # logged ahead, in the future, is refused
    ok("log", "Ana", "-k", "call", "--on", "2026-11-27")
    assert net("log", "Ana", "-k", "call", "--on", "2026-12-01").exit_code == 1
    assert rows("SELECT done_on FROM followup") == [(None,)]
    real = ok("log", "Ana", "-k", "call", "--follow-up", "in 2 weeks")
    assert real.stdout.splitlines()[1] == (
        "Closed follow-up r1 with Ana Rossi (due 2026-12-04: send the proposal): you were in touch."
    )
    # the follow-up this log sets stays open
    assert rows("SELECT id, done_on FROM followup ORDER BY id") == [
        (1, "2026-11-28"),
        (2, None),
    ]
    # light touches never reset the cadence: the clock runs from the last call
    one = net_json("due", "Ana", "--json")
    assert one["last_real_contact"] == "2026-11-28"
    ok("undo")
    assert rows("SELECT id, done_on FROM followup ORDER BY id") == [(1, None)]


def test_a_contact_merged_with_one_typed_by_hand_is_no_import(
    ok: Run, rows: Rows, tmp_path: Path
) -> None:
    ok("import", "linkedin", str(connections(tmp_path / "c.csv", 2)))
    ok("contact", "add", "Ana Rossi")
    ok("contact", "merge", "Person Number0", "Ana Rossi")
    ok("contact", "merge", "Person Number1", "Person Number0")  # two imports: still one
    assert rows("SELECT name, source FROM contact") == [("Person Number1", None)]
    ok("import", "linkedin", str(connections(tmp_path / "d.csv", 2, first=5)))
    ok("contact", "merge", "Person Number5", "Person Number6")
    assert rows("SELECT source FROM contact WHERE name = 'Person Number5'") == [("linkedin",)]


def test_the_due_screen_leaves_out_names_never_met_and_snoozed_cadences() -> None:
    """``net due --within N`` scores only the contacts its SQL screen lets through."""
    from datetime import date

    from netjournal.scores.screen import _may_be_listed
    from netjournal.scoring.constants import DEFAULTS

    today = date(2026, 11, 28)

    def row(**kw: Any) -> tuple[Any, ...]:
        base = {
            "id": 1, "tier": "inner", "kin": 0, "cadence": None, "met_on": "2026-11-20",
            "created": "2026-11-20", "birthday": "--11-29", "count": 0, "first": None,
            "last": None, "real": 0, "last_real": None, "source": None, "snoozed": None,
            "first_due": None,
        }  # fmt: skip
        base.update(kw)
        return tuple(base.values())

    assert _may_be_listed(row(), today, DEFAULTS, 3)  # a new tie, a birthday
    assert not _may_be_listed(row(source="linkedin"), today, DEFAULTS, 3)
    assert _may_be_listed(row(source="linkedin", first_due="2026-11-30"), today, DEFAULTS, 3)
    late = row(met_on="2025-01-01", birthday=None, count=3, real=3, last_real="2026-10-01")
    assert _may_be_listed(late, today, DEFAULTS, 3)
    snoozed = row(met_on="2025-01-01", birthday=None, count=3, real=3, last_real="2026-10-01",
                  snoozed="2026-12-10")  # fmt: skip
    assert not _may_be_listed(snoozed, today, DEFAULTS, 3)


def test_the_ask_warning_shows_the_balance_the_ask_leaves(ok: Run, net_json: Json) -> None:
    """It left out the ask's decay when back-dated, and the × 0.5 of an open ask."""
    ok("log", "Luca Verdi", "-k", "email", "--on", "2026-11-01")
    ok("give", "Luca", "a coffee")  # favor: B = +1.00
    result = ok("ask", "Luca", "a referral", "-k", "referral", "--open", "--on", "2025-11-28")
    # 5 × 0.5^(365/365) × 0.5 (open) = 1.25 → +1.00 to −0.25 (it said −4.00)
    assert "from +1.00 to -0.25: deposit before you withdraw" in result.stderr
    (row,) = net_json("balance", "--json")["contacts"]
    assert row["balance"] == -0.25


def test_ledger_and_depth_explain_money_and_the_stage(ok: Run) -> None:
    ok("log", "Ana Rossi", "--on", "2026-11-02", "-k", "meal")
    ok("give", "Ana", "a big deal", "-k", "business", "--amount", "2500")
    ok("give", "Ana", "a hand", "--size", "4")
    out = ok("balance", "Ana").stdout
    assert "2,500.00 → × 2.415" in out  # 1 + log10(1 + 2500/100) = 2.41497
    assert "size 4 → × 1.333" in out
    depth = ok("depth", "Ana").stdout
    assert "Verdict: visibility; credibility needs: 1 more rich meeting (a call or better) in " in (
        " ".join(depth.split())
    )


# --- the migration to schema 4 --------------------------------------------------------------

FIXTURE = Path(__file__).parent / "data" / "journal-v1.db"


def _v3_journal(path: Path) -> None:
    """The schema-1 fixture brought to schema 3 by the schema-3 code's own steps, then
    given what imports left before schema 4: two connections and a card never met, and a
    connection met since."""
    from netjournal.store import scorecache

    shutil.copyfile(FIXTURE, path)
    path.chmod(0o600)
    conn = sqlite3.connect(path)
    with conn:
        scorecache.migrate_to_2(conn)
        scorecache.migrate_to_3(conn)
        conn.execute("PRAGMA user_version = 3")
        conn.execute("UPDATE undo_control SET recording = 0")
        for n, (name, column, value) in enumerate(
            [
                ("Lina Link", "linkedin_url", "https://www.linkedin.com/in/lina"),
                ("Leo Link", "linkedin_company", "Acme"),
                ("Vic Card", "vcard_uid", "uid-7"),
                ("Met Mia", "linkedin_url", "https://www.linkedin.com/in/mia"),
            ]
        ):
            conn.execute(
                f"INSERT INTO contact (uuid, name, name_folded, tags, tier, kin, archived, "
                f"met_on, {column}, created_at, updated_at) VALUES (?, ?, ?, '[]', 'active', "
                "0, 0, '2026-10-01', ?, '2026-10-01 10:00:00', '2026-10-01 10:00:00')",
                (f"u-{n}", name, name.lower(), value),
            )
        conn.execute(
            "INSERT INTO interaction (uuid, kind, occurred_at, occurred_on, note, created_at) "
            "VALUES ('i-mia', 'meal', '2026-10-02 12:00:00', '2026-10-02', '', "
            "'2026-10-02 12:00:00')"
        )
        conn.execute(
            "INSERT INTO participant (interaction_id, contact_id, position) VALUES "
            "((SELECT id FROM interaction WHERE uuid = 'i-mia'), "
            "(SELECT id FROM contact WHERE name = 'Met Mia'), 0)"
        )
        conn.execute("UPDATE undo_control SET recording = 1")
    conn.close()


@pytest.mark.parametrize("start", ["v1", "v3"])
def test_older_journals_migrate_and_score(
    start: str, db_path: Path, net: Run, net_json: Json, rows: Rows, tmp_path: Path
) -> None:
    import netjournal.store
    from netjournal.store import connection

    db_path.parent.mkdir(parents=True, exist_ok=True)
    if start == "v1":
        shutil.copyfile(FIXTURE, db_path)
        db_path.chmod(0o600)
    else:
        _v3_journal(db_path)
    result = net("due", "--json")
    assert result.exit_code == 0, result.stderr
    assert f"Upgraded the journal to schema {netjournal.store.SCHEMA_VERSION}" in result.stderr
    names = {i["name"] for i in json.loads(result.stdout)["items"]}
    sources = dict(rows("SELECT name, source FROM contact"))
    if start == "v3":
        assert sources == {
            "Élodie Núñez": None,
            "Marco Bianchi": None,
            "Ana Rossi": None,
            "Lina Link": "linkedin",
            "Leo Link": "linkedin",
            "Vic Card": "vcard",
            "Met Mia": None,  # met since: a relationship
        }
        assert not names & {"Lina Link", "Leo Link", "Vic Card"}
        assert net_json("due", "Lina Link", "--json")["cadence"] is None
        assert net_json("due", "Met Mia", "--json")["cadence"] == 14  # new: 1 real meeting
    else:
        assert set(sources.values()) == {None}
    # the migrated schema is exactly a new journal's, and every read works on it
    fresh = tmp_path / "fresh.db"
    connection.open_journal(fresh).close()

    def master(db: Path) -> list[Any]:
        conn = sqlite3.connect(db)
        try:
            return sorted(
                conn.execute(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master "
                    "WHERE name NOT LIKE 'sqlite_%'"
                ).fetchall(),
                key=repr,
            )
        finally:
            conn.close()

    assert master(db_path) == master(fresh)
    for args in (("balance", "--json"), ("depth", "--json"), ("review", "--json")):
        net_json(*args)
    assert net("doctor").exit_code == 0


def test_a_json_export_from_before_schema_4_keeps_its_imports(
    ok: Run, net_json: Json, rows: Rows, tmp_path: Path
) -> None:
    ok("import", "linkedin", str(connections(tmp_path / "c.csv", 2)))
    ok("log", "Ana Rossi", "--on", "2026-11-20")
    ok("export", "json", "-o", str(tmp_path / "dump.json"))
    dump = json.loads((tmp_path / "dump.json").read_text(encoding="utf-8"))
    for row in dump["tables"]["contact"]:
        del row["source"]  # as schema 3 wrote it
    (tmp_path / "old.json").write_text(json.dumps(dump), encoding="utf-8")
    ok("--db", str(tmp_path / "restored.db"), "import", "json", str(tmp_path / "old.json"))
    conn = sqlite3.connect(tmp_path / "restored.db")
    try:
        assert conn.execute("SELECT name, source FROM contact ORDER BY name").fetchall() == [
            ("Ana Rossi", None),
            ("Person Number0", "linkedin"),
            ("Person Number1", "linkedin"),
        ]
    finally:
        conn.close()
