"""net config path / net config show, bad config files, and name completion."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.cli.complete import complete_name
from netjournal.config import line_of


@pytest.fixture
def config_file() -> Path:
    path = Path(os.environ["NETJOURNAL_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_path(ok: Callable[..., Any], config_file: Path) -> None:
    assert ok("config", "path").stdout == f"{config_file}\n"


def test_show_defaults(ok: Callable[..., Any], net_json: Any, config_file: Path) -> None:
    text = ok("config", "show").stdout
    assert f"config file: {config_file}" in text
    assert "the defaults are in force" in text
    assert "date_order = DMY" in text
    data = net_json("config", "show", "--json")
    assert data["path"] == str(config_file)
    assert data["exists"] is False
    assert data["date_order"] == "DMY"
    assert data["currency"] == ""
    assert data["scoring_overrides"] == {}
    assert data["scoring"]["balance_half_life"] > 0


def test_show_overrides(net_json: Any, ok: Callable[..., Any], config_file: Path) -> None:
    config_file.write_text(
        'date_order = "mdy"\ncurrency = "€"\n\n[scoring]\nbalance_half_life = 200\n',
        encoding="utf-8",
    )
    data = net_json("config", "show", "--json")
    assert (data["date_order"], data["currency"]) == ("MDY", "€")
    assert data["scoring_overrides"] == {"balance_half_life": 200}
    assert data["scoring"]["balance_half_life"] == 200
    text = ok("config", "show").stdout
    assert "balance_half_life = 200.0  (set in the config file)" in text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('date_order = "DMY\n', "is not valid TOML"),
        ('currency = "€"\ncolour = "blue"\n', ", line 2 has an unknown key 'colour'"),
        ('\n\ndate_order = "YMD"\n', ", line 3, 'date_order' must be DMY or MDY"),
        ('currency = "a very long currency"\n', ", line 1, 'currency' must be"),
        ("[scoring]\nbalance_half_life = -5\n", ", line 2, [scoring] key 'balance_half_life'"),
        ("# c\n[scoring]\nnot_a_constant = 1\n", ", line 3, [scoring] key 'not_a_constant'"),
        ("scoring.balance_half_life = 'x'\n", ", line 1, [scoring] key 'balance_half_life'"),
    ],
)
def test_bad_config_names_file_line_and_key(
    net: Callable[..., Any], config_file: Path, content: str, expected: str
) -> None:
    config_file.write_text(content, encoding="utf-8")
    result = net("config", "show")
    assert result.exit_code == 1
    assert str(config_file) in result.stderr
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_toml_syntax_error_names_the_line(net: Callable[..., Any], config_file: Path) -> None:
    config_file.write_text('currency = "€"\ndate_order = \n', encoding="utf-8")
    result = net("config", "path")  # path never needs the file to be valid
    assert result.exit_code == 0
    result = net("config", "show")
    assert result.exit_code == 1
    assert "line 2" in result.stderr


def test_line_of() -> None:
    text = 'a = 1\n[scoring]\n  "b" = 2\n[other]\nb = 3\n'
    assert line_of(text, "a") == 1
    assert line_of(text, "b", "scoring") == 3
    assert line_of(text, "scoring") == 2
    assert line_of(text, "zzz") is None


# --- shell completion of names ----------------------------------------------------------


def test_complete_name(ok: Callable[..., Any]) -> None:
    for name in ("Ana Rossi", "Élodie Núñez", "Anselm Kiefer", "Marco Anastasi"):
        ok("contact", "add", name)
    assert complete_name("An") == ["Ana Rossi", "Anselm Kiefer", "Marco Anastasi"]
    assert complete_name("ana") == ["Ana Rossi", "Marco Anastasi"]
    assert complete_name("elo") == ["Élodie Núñez"]
    assert complete_name("zz") == []


def test_complete_name_never_raises(db_path: Path) -> None:
    assert complete_name("a") == []  # no journal yet: nothing, and nothing created
    assert not db_path.exists()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_bytes(b"this is not a database at all" * 10)
    assert complete_name("a") == []


def test_completion_through_the_shell_protocol(
    ok: Callable[..., Any], net: Callable[..., Any]
) -> None:
    ok("contact", "add", "Ana Rossi")
    ok("contact", "add", "Bea Neri")
    result = net(
        env={"_NET_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "net show An"},
    )
    assert "Ana Rossi" in result.stdout
    assert "Bea Neri" not in result.stdout


def test_install_completion_option_exists(ok: Callable[..., Any]) -> None:
    assert "--install-completion" in ok("--help").stdout
    assert json.loads(ok("config", "show", "--json").stdout)["exists"] is False


def test_me_emails_and_names(
    ok: Callable[..., Any], net_json: Any, net: Callable[..., Any], config_file: Path
) -> None:
    """[me] says who you are: the addresses are normalised as identities are."""
    assert "[me] (not set" in ok("config", "show").stdout
    config_file.write_text(
        '[me]\nemails = ["Ana@Example.com", "mailto:ana@work.example"]\nnames = ["Ana Rossi"]\n',
        encoding="utf-8",
    )
    data = net_json("config", "show", "--json")
    assert data["me"] == {"emails": ["ana@example.com", "ana@work.example"], "names": ["Ana Rossi"]}
    text = ok("config", "show").stdout
    assert 'emails = ["ana@example.com", "ana@work.example"]' in text
    config_file.write_text('date_order = "DMY"\n[me]\nemails = ["nobody"]\n', encoding="utf-8")
    result = net("config", "show")
    assert result.exit_code == 1
    assert (
        "line 3" in result.stderr
        and "'me.emails' must be a list of email addresses" in result.stderr
    )
    config_file.write_text("[me]\nmail = []\n", encoding="utf-8")
    result = net("config", "show")
    assert result.exit_code == 1 and "unknown key 'me.mail'" in result.stderr
