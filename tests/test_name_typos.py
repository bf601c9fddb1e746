"""Close spellings word by word: a first-name typo is a "did you mean", never a new person."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjournal.names import Candidate, Outcome, distance, resolve, words_close

PEOPLE = [
    Candidate(1, "Marco Neri", "marco neri"),
    Candidate(2, "Giulia Rossi", "giulia rossi"),
    Candidate(3, "李 小龍", "李 小龍"),
    Candidate(4, "Ana Rossi", "ana rossi"),
    Candidate(5, "Bartholomew Kowalczyk", "bartholomew kowalczyk"),
]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Marko", "Marco Neri"),  # first name, one letter wrong
        ("Giula", "Giulia Rossi"),  # one letter missing
        ("Mrco", "Marco Neri"),
        ("Marko Neri", "Marco Neri"),
        ("Marco Nery", "Marco Neri"),
        ("Giulai", "Giulia Rossi"),  # two letters swapped
        ("Bartholomwe Kowalcyk", "Bartholomew Kowalczyk"),
        ("Kowalsz", "Bartholomew Kowalczyk"),  # a surname prefix with a typo
    ],
)
def test_word_typos_are_close_spellings(typed: str, meant: str) -> None:
    result = resolve(typed, PEOPLE)
    assert result.outcome is Outcome.CLOSE
    assert [c.name for c in result.options][0] == meant


@pytest.mark.parametrize("typed", ["Dana", "Bob", "Zoe Neri", "Neri Marco", "Mia"])
def test_other_names_are_new_people(typed: str) -> None:
    assert resolve(typed, PEOPLE).outcome is Outcome.MISSING


def test_cjk_spacing_is_the_same_name() -> None:
    result = resolve("李小龍", PEOPLE)
    assert result.outcome is Outcome.FOUND and result.match == PEOPLE[2]


def test_distance_and_words() -> None:
    assert distance("marko", "marco", 1) == 1
    assert distance("giulai", "giulia", 1) == 1  # a swap is one edit
    assert distance("abcdef", "uvwxyz", 2) == 3  # capped at limit + 1
    assert words_close(["marko"], ["marco", "neri"]) == 1
    assert words_close(["marco"], ["marco", "neri"]) is None  # no typo: the prefix rule's
    assert words_close(["neri", "marco"], ["marco", "neri"]) is None  # order matters


def test_log_with_a_first_name_typo_creates_nobody(
    ok: Callable[..., Any], net: Callable[..., Any], rows: Any, unchanged: Any
) -> None:
    ok("contact", "add", "Marco Neri")
    with unchanged():
        result = net("log", "Marko", "-m", "x")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "No contact is called 'Marko'. Did you mean 'Marco Neri'? "
        "Use the full name, or --new to create 'Marko'."
    )
    ok("log", "Marko", "-m", "x", "--new")
    assert [r[0] for r in rows("SELECT name FROM contact ORDER BY name")] == ["Marco Neri", "Marko"]


def test_show_suggests_a_close_first_name(ok: Callable[..., Any], net: Callable[..., Any]) -> None:
    ok("contact", "add", "Giulia Rossi")
    result = net("show", "Giula")
    assert result.exit_code == 1
    assert "No contact is called 'Giula'. Did you mean 'Giulia Rossi'?" in result.stderr


def test_linkedin_cjk_name_is_found_as_typed(ok: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "李,小龍,https://www.linkedin.com/in/lee,,,,15 Jan 2024\r\n",
        encoding="utf-8",
    )
    ok("import", "linkedin", str(path))
    assert '"name": "李 小龍"' in ok("show", "李小龍", "--json").stdout
    ok("log", "李小龍", "-m", "tea")
    assert "tea" in ok("show", "李 小龍").stdout
