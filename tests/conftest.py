"""Every test runs against its own temporary journal and config; none touches a real one."""

from __future__ import annotations

import os

# read by Typer/Rich at import time: keep help and tables plain and wide in every CI
os.environ["TERMINAL_WIDTH"] = "200"
os.environ["COLUMNS"] = "200"
os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
os.environ["NO_COLOR"] = "1"
for var in ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS"):
    os.environ.pop(var, None)

import json  # noqa: E402
import sqlite3  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from typer.testing import CliRunner, Result  # noqa: E402

from netjournal.cli.app import app  # noqa: E402

#: a fixed "now" for CLI tests: Saturday 28 November 2026, 10:00 local time
NOW = "2026-11-28T10:00:00"


@pytest.fixture(autouse=True)
def journal_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "journal" / "journal.db"
    monkeypatch.setenv("NETJOURNAL_DB", str(db))
    monkeypatch.setenv("NETJOURNAL_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("NETJOURNAL_NOW", NOW)
    monkeypatch.setenv("NETJOURNAL_DEBUG", "1")  # unexpected exceptions fail loudly
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return db


@pytest.fixture
def db_path(journal_env: Path) -> Path:
    return journal_env


@pytest.fixture
def net() -> Callable[..., Result]:
    """Run ``net ARGS...`` in-process; returns the Result (stdout/stderr separate)."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=True)

    return run


@pytest.fixture
def ok(net: Callable[..., Result]) -> Callable[..., Result]:
    """Like ``net`` but asserts success, showing stderr when it fails."""

    def run(*args: str, **kwargs: Any) -> Result:
        result = net(*args, **kwargs)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result

    return run


@pytest.fixture
def net_json(ok: Callable[..., Result]) -> Callable[..., Any]:
    def run(*args: str) -> Any:
        return json.loads(ok(*args).stdout)

    return run


@pytest.fixture
def rows(db_path: Path) -> Callable[[str], list[tuple[Any, ...]]]:
    """Query the journal directly: rows('SELECT ...')."""

    def query(sql: str, *params: Any) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(db_path)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    return query


#: derived data, not journal content: reports may fill it, triggers empty it
DERIVED_TABLES = ("score_cache", "score_quiet")
#: the full-text index (schema 6) and its shadow tables: derived from the journal's rows
SEARCH_INDEX_PREFIX = "search_"


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every journal table (derived tables left out), for 'nothing changed'
    checks."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
            if r[0] not in DERIVED_TABLES and not r[0].startswith(SEARCH_INDEX_PREFIX)
        ]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def unchanged(db_path: Path) -> Callable[[], Iterator[None]]:
    """``with unchanged(): ...`` asserts the journal's rows are the same afterwards."""
    from contextlib import contextmanager

    @contextmanager
    def check() -> Iterator[None]:
        before = snapshot(db_path) if db_path.exists() else None
        yield
        after = snapshot(db_path) if db_path.exists() else None
        if before is not None:
            assert after == before

    return check


@pytest.fixture
def empty_journal(db_path: Path) -> Path:
    """A journal with the schema and nothing in it (read commands refuse a path that has
    no journal yet; a write would make this one)."""
    from netjournal.store.connection import open_journal

    open_journal(db_path).close()
    return db_path
