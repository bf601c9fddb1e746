"""Fuzzing the CLI: whatever is typed, net either succeeds or says why in one message.

Hypothesis generates names, notes, dates, kinds, sizes, amounts and CSV files for the
write commands, with control characters, escape sequences, bidi controls and invalid UTF-8
(Python hands argv over as str with surrogateescape: lone surrogates U+DC80-U+DCFF).
Every run must exit 0, 1 or 2 with no traceback (``result.exception`` is None or
SystemExit) and no "Unexpected error", a non-zero exit must come with a message on
stderr, nothing printed may hold a control character net did not write itself, and a
failing run must leave every row of the journal as it was.

Examples per test: ``$NETJOURNAL_FUZZ_EXAMPLES`` (default 50); ``.ci/run`` runs the slow
marker once more with 1,000. Each example works on its own copy of a small journal (so
the function-scoped fixtures are safe to share between examples).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer.testing
from conftest import snapshot
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from netjournal import vocab
from netjournal.cli.app import app

EXAMPLES = int(os.environ.get("NETJOURNAL_FUZZ_EXAMPLES", "50") or 50)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 50,  # the quick run is the same every time; the long one explores
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

KNOWN = ("Ana Rossi", "Marco Bianchi", "Élodie Núñez")

# --- strategies -------------------------------------------------------------------------

# anything a shell can pass (no NUL), weighted towards the awkward: controls, C1, bidi
# controls and the lone surrogates that invalid UTF-8 in argv becomes
ALPHABET = st.one_of(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    st.characters(min_codepoint=0x01, max_codepoint=0x9F),
    st.sampled_from(list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u2028")),
    st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),
)
awkward = st.sampled_from(
    [
        *["", " ", "-", "--", "\t", "\n", "\r", "\x1b[31m", "'", '"', ";", "=1+1", "é", "ß"],
        *["👋", "İ", "\x1b]0;x\x07\x1b[2J", "\u202eevil", "\x9b2J", "caf\udce9", "\udcff"],
    ]
)
#: what nothing net prints may hold (tests/test_render_safety.py has the same)
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
text = st.one_of(
    st.text(ALPHABET, max_size=30),
    awkward,
    st.text(ALPHABET, min_size=200, max_size=3000),
)
name = st.one_of(
    st.sampled_from([*KNOWN, "ana", "Ana", "ANA ROSSI", "elodie nunez", "Marc", "Mario Bianchi"]),
    text,
)
when = st.one_of(
    st.sampled_from(
        [
            "today",
            "yesterday",
            "tomorrow",
            "3 days ago",
            "in 2 weeks",
            "last friday",
            "next mon",
            "fri",
            "2w",
            "1y",
            "2026-11-27",
            "2019-02-29",
            "2020-08-32",
            "27 Nov 2026",
            "03/04/2026",
            "9999-12-31",
            "0001-01-01",
            "in 99999 years",
            "1000000 days ago",
        ]
    ),
    st.dates().map(str),
    text,
)
kind = st.one_of(st.sampled_from(vocab.INTERACTION_KINDS + vocab.EXCHANGE_KINDS), text)
category = st.one_of(st.sampled_from(vocab.FACT_CATEGORIES), text)
size = st.one_of(st.integers(-10, 10).map(str), st.integers().map(str), text)
amount = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["0", "0.30", "1250.50", "-5", "1e9", "1,000", "12.345", "€10", "nan"]),
    text,
)


def opt(flag: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), values.map(lambda v: [flag, v]))


def many(flag: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(values, max_size=3).map(lambda vs: [x for v in vs for x in (flag, v)])


def joined(*parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda ps: [x for p in ps for x in p])


log_cmd = joined(
    st.just(["log"]),
    st.lists(name, min_size=1, max_size=3),
    opt("-m", text),
    opt("-k", kind),
    opt("--on", when),
    many("--give", st.one_of(text, st.tuples(kind, text).map(":".join))),
    many("--ask", st.one_of(text, st.tuples(kind, text).map(":".join))),
    many("--learned", st.one_of(text, st.tuples(category, text).map(":".join))),
    opt("--follow-up", when),
    many("--promise", text),
    opt("--by", when),
    st.one_of(st.just([]), st.just(["--new"])),
)
exchange_cmd = joined(
    st.sampled_from([["give"], ["ask"], ["ask", "--open"]]),
    name.map(lambda n: [n]),
    text.map(lambda t: [t]),
    opt("-k", kind),
    opt("--size", size),
    opt("--amount", amount),
    opt("--on", when),
)
learn_cmd = joined(st.just(["learn"]), st.tuples(name, category, text).map(list))
contact_opts = joined(
    opt("--company", text),
    opt("--role", text),
    opt("--email", st.one_of(st.emails(), text)),
    opt("--phone", text),
    opt("--birthday", st.one_of(when, st.sampled_from(["--05-17", "17 May", "--02-30"]))),
    opt("--tier", st.one_of(st.sampled_from(vocab.TIERS), text)),
    opt("--cadence", size),
    many("--tag", text),
    opt("--met-at", text),
    opt("--met-on", when),
)
contact_add = joined(st.just(["contact", "add"]), name.map(lambda n: [n]), contact_opts)
contact_edit = joined(
    st.just(["contact", "edit"]),
    name.map(lambda n: [n]),
    contact_opts,
    opt("--name", name),
)
read_cmd = st.one_of(
    joined(
        st.sampled_from([["show"], ["due"], ["balance"], ["depth"], ["match"], ["snooze"]]),
        name.map(lambda n: [n]),
    ),
    joined(
        st.sampled_from([["contacts", "--search"], ["contacts", "--tag"], ["search", "--"]]),
        text.map(lambda t: [t]),
    ),
)
any_command = st.one_of(log_cmd, exchange_cmd, learn_cmd, contact_add, contact_edit, read_cmd)

CSV_HEADER = "name,company,role,email,phone,birthday,tags,tier,kin,met_on,met_at,linkedin"
cell = st.one_of(text, st.sampled_from(["", "=cmd|' /C calc'!A0", "'=1+1", '"quoted, comma"']))
csv_file = st.one_of(
    st.lists(st.lists(cell, min_size=0, max_size=14), max_size=6).map(
        lambda rows: "\n".join([CSV_HEADER, *(",".join(r) for r in rows)])
    ),
    st.text(ALPHABET, max_size=500),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
)

# --- harness ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small journal with three contacts, built once and copied for every example."""
    db = tmp_path_factory.mktemp("fuzz-template") / "journal.db"
    runner = CliRunner()
    env = {"NETJOURNAL_NOW": "2026-11-28T10:00:00"}
    for args in (
        ["contact", "add", "Ana Rossi", "--email", "ana@example.com", "--tag", "paris"],
        ["log", "Ana Rossi", "Marco Bianchi", "-m", "Lunch", "--follow-up", "2w"],
        ["contact", "add", "Élodie Núñez", "--company", "Acme"],
        ["give", "Marco", "an intro", "--size", "2"],
    ):
        result = runner.invoke(app, ["--db", str(db), *args], env=env)
        assert result.exit_code == 0, result.stderr
    return db


@pytest.fixture
def fuzz(
    template: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[list[str], dict[str, str] | None], None]]:
    """Run one generated command on a fresh copy of the template and check the rules."""
    command = typer.main.get_command(app)
    # Typer rebuilds the click command on every invoke; reuse it (the same object)
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: command)
    runner = CliRunner()
    workdir = Path(tempfile.mkdtemp(prefix="net-fuzz-"))

    def run(args: list[str], files: dict[str, str] | None = None) -> None:
        case = Path(tempfile.mkdtemp(dir=workdir))
        db = case / "journal.db"
        shutil.copyfile(template, db)
        db.chmod(0o600)
        argv = list(args)
        for key, content in (files or {}).items():
            path = case / key
            path.write_text(content, encoding="utf-8", errors="surrogateescape")
            argv = [str(path) if a == key else a for a in argv]
        before = snapshot(db)
        result: Result = runner.invoke(app, ["--db", str(db), *argv], catch_exceptions=True)
        check(result, argv)
        if result.exit_code != 0:
            assert snapshot(db) == before, ("a failed command changed rows", argv)
        shutil.rmtree(case, ignore_errors=True)

    yield run
    shutil.rmtree(workdir, ignore_errors=True)


def check(result: Result, argv: list[str]) -> None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"net {argv!r} raised") from result.exception
    assert result.exit_code in (0, 1, 2), (argv, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, argv
    assert "Unexpected error" not in result.stderr, (argv, result.stderr)
    assert not FORBIDDEN.search(result.stdout), (argv, result.stdout)
    assert not FORBIDDEN.search(result.stderr), (argv, result.stderr)
    if result.exit_code != 0:
        assert result.stderr.strip(), ("failed without a message", argv)


# --- the properties ------------------------------------------------------------------------


@pytest.mark.slow
@FUZZ
@given(args=any_command)
@example(args=["log", "Ana", "-m", "x\x1by"])
@example(args=["log", "Ana\tRossi"])
@example(args=["give", "Ana", "a book", "--size", "3", "--amount", "10"])
@example(args=["ask", "Ana", "money", "--amount", "1e400"])
@example(args=["contact", "edit", "Ana", "--name", "Marco Bianchi"])
@example(args=["log", "Ana", "ana rossi"])
@example(args=["learn", "Marco", "family", ""])
@example(args=["log", "An\udcffa", "-m", "caf\udce9"])
@example(args=["contact", "add", "Lia", "--company", "Acme\tLtd", "--tag", "x\u202e"])
@example(args=["show", "\udcff"])
def test_write_commands_succeed_or_explain(
    fuzz: Callable[[list[str], dict[str, str] | None], None], args: list[str]
) -> None:
    fuzz(args, None)


@pytest.mark.slow
@FUZZ
@given(content=csv_file)
@example(content="\ufeffname,email\r\nAna Rossi,ana@example.com\r\n")
@example(content="name\n" + "\n".join(f"Person {i}" for i in range(3)) + "\nana rossi\n")
def test_import_csv_succeeds_or_explains(
    fuzz: Callable[[list[str], dict[str, str] | None], None], content: str
) -> None:
    fuzz(["import", "csv", "contacts.csv"], {"contacts.csv": content})


def test_examples_setting_comes_from_the_environment() -> None:
    assert FUZZ.max_examples == EXAMPLES >= 1
