"""Counts and articles read as English: "1 give", "2 gives", "an introduction".

The first tests read the message catalogue and every module that prints (render/, cli/,
reports/ and the modules that build sentences for them) and fail on the broken forms:
"(s)", "(es)", "(ies)", a count field followed by a plural noun ("{n} days", which reads
"1 days"), a plural made by gluing an "s" on ("contact{plural}", "{what}s"), and "a"
before a field or a vowel word ("a {kind}", "a introduction"). Counts go through
``netjournal.plural``. The CliRunner tests then show the words in real output.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from netjournal.plural import a_an, article, counted, noun, plural

ROOT = Path(__file__).resolve().parent.parent / "netjournal"
#: where sentences for people are written
SCANNED = sorted(
    [ROOT / "messages.py"]
    + [
        p
        for sub in ("render", "cli", "reports", "scoring", "scores", "interop", "capture", "store")
        for p in (ROOT / sub).rglob("*.py")
    ]
)

FIELD = r"\{[^{}]+\}"
#: words between a count and its noun that do not change the count's grammar
MODIFIERS = (
    "more",
    "such",
    "cached",
    "weighted",
    "temporary",
    "earlier",
    "calendar",
    "rich",
    "other",
    "distinct",
    "undo",
    "real",
)
#: words ending in "s" after a field that are not plural nouns (verbs, "is", "was")
NOT_PLURAL = {
    "is",
    "was",
    "has",
    "does",
    "its",
    "as",
    "this",
    "us",
    "needs",
    "lists",
    "keeps",
    "stays",
    "goes",
    "looks",
    "says",
    "shows",
    "takes",
    "refers",
    "holds",
    "lacks",
    "differs",
    "exists",
    "contains",
    "deletes",
    "belongs",
    "seeks",
    "works",
}
#: a field before a plural noun that is never 1: a constant, a limit, a table's name
NEVER_ONE = (
    "{limit} characters",
    "{digits} digits",
    "{DEFAULT_SINCE_DAYS} days",
    "{table} rows",
    "{size} bytes",
    "{int(value)} {unit}",
)
COUNT_NOUN = re.compile(FIELD + r" (?:(?:" + "|".join(MODIFIERS) + r") )*([a-z][a-z-]*s)\b")
GLUED_S = re.compile(r"\}s\b|\{plural\}")
#: "a {per}" is "a week" or "a month"
ARTICLE_FIELD = re.compile(r"(?:^|[\s(])an? \{(?![^{}]*per)[^{}]+\}")
A_WORD = re.compile(r"(?:^|[\s(])[Aa] ([a-z][a-z-]*)\b")
BROKEN = ("(s)", "(es)", "(ies)")


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant and f-string in ``path``, f-string fields as ``{expr}``;
    docstrings and comments are left out (they are for developers)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    out: list[tuple[int, str]] = []
    inside_fstring = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                if isinstance(value, ast.Constant):
                    inside_fstring.add(id(value))
                    parts.append(str(value.value))
                else:
                    parts.append("{" + ast.unparse(value.value) + "}")
            out.append((node.lineno, "".join(parts)))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in inside_fstring
        ):
            out.append((node.lineno, node.value))
    return out


def _problems(text: str) -> list[str]:
    found = [f"'{b}'" for b in BROKEN if b in text]
    for allowed in NEVER_ONE:
        text = text.replace(allowed, "")
    for m in COUNT_NOUN.finditer(text):
        if m.group(1) not in NOT_PLURAL:
            found.append(f"a count before '{m.group(1)}' (reads '1 {m.group(1)}')")
    if GLUED_S.search(text):
        found.append("a plural glued on with an 's'")
    if ARTICLE_FIELD.search(text):
        found.append("'a'/'an' before a field (use plural.a_an)")
    words = re.sub(FIELD, "{}", text)
    if len(words.split()) > 60 and "{}" not in words:
        return found  # a list of words (stop words), not a sentence
    for m in A_WORD.finditer(words):
        if article(m.group(1)) == "an":
            found.append(f"'a {m.group(1)}'")
    return found


def test_no_broken_plural_or_article_in_sentences() -> None:
    bad = []
    for path in SCANNED:
        for line, text in _strings(path):
            for problem in _problems(text):
                bad.append(f"{path.relative_to(ROOT.parent)}:{line}: {problem}: {text!r}")
    assert not bad, "\n".join(bad)


def test_no_hand_made_plural_in_code() -> None:
    """`"s" if n != 1 else ""` and friends: each is a plural helper of its own."""
    hand = re.compile(r"""["']s["'] if|else ["']s["']|["']ies["'] if|n == 1 else|== 1 else f""")
    bad = []
    for path in SCANNED:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if hand.search(line):
                bad.append(f"{path.relative_to(ROOT.parent)}:{number}: {line.strip()}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{count} problem(s) found.", "'(s)'"),
        ("Removed {count} temporary copy(ies).", "'(ies)'"),
        ("Undid '{name}' ({steps} changes).", "a count before 'changes'"),
        ("{n} more rich meetings", "a count before 'meetings'"),
        ("{n} contact{plural}", "glued"),
        ("too early to ask for a {kind}", "before a field"),
        ("ask for a introduction", "'a introduction'"),
    ],
)
def test_the_checker_catches_each_broken_form(text: str, problem: str) -> None:
    assert any(problem in p for p in _problems(text)), _problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "{name} is archived",
        "Ask a{id} of {name}",
        "a one-to-one",
        "a user",
        "a unique name",
        "{gives} ({asks})",
        "Removed {copies} left by an interrupted backup",
        "Budget: {amount} a {per}.",
        "{path} exists and is not a journal",
        "$ net {' '.join((_quote(a) for a in args))}",
    ],
)
def test_the_checker_lets_good_forms_pass(text: str) -> None:
    assert _problems(text) == []


# --- the helper ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "word", "expected"),
    [
        (1, "give", "1 give"),
        (2, "give", "2 gives"),
        (0, "ask", "0 asks"),
        (1, "day", "1 day"),
        (3, "copy", "3 copies"),
        (2, "match", "2 matches"),
        (1, "match", "1 match"),
        (2, "person", "2 people"),
        (1, "person", "1 person"),
        (2, "cached score", "2 cached scores"),
        (2, "entry", "2 entries"),
        (2, "key", "2 keys"),
        (1.0, "point", "1 point"),
        (2.5, "point", "2.5 points"),
        (2, "follow-up", "2 follow-ups"),
        (2, "address", "2 addresses"),
    ],
)
def test_plural(n: float, word: str, expected: str) -> None:
    assert plural(n, word) == expected


def test_plural_with_an_explicit_plural() -> None:
    assert plural(2, "person at an interaction", "people at interactions") == (
        "2 people at interactions"
    )
    assert noun(1, "inner circle", "inner circle") == "inner circle"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("introduction", "an introduction"),
        ("referral", "a referral"),
        ("job-lead", "a job-lead"),
        ("event", "an event"),
        ("one-to-one", "a one-to-one"),
        ("business", "business"),
        ("advice", "advice"),
        ("hour", "an hour"),
    ],
)
def test_a_an(word: str, expected: str) -> None:
    assert a_an(word) == expected


def test_counted_joins_and_leaves_out_zeros() -> None:
    assert counted({"contact": 8, "give": 0, "interaction": 1, "ask": 2}) == (
        "8 contacts, 1 interaction and 2 asks"
    )
    assert counted({}) == ""


# --- in real output -----------------------------------------------------------------------


def test_show_counts_one_give_and_two_gives(ok: Any) -> None:
    ok("log", "Ana Rossi", "--new", "-m", "coffee", "--on", "2026-11-20", "--give", "advice:deck")
    assert "1 give, 0 asks" in ok("show", "Ana Rossi").stdout
    ok("give", "Ana Rossi", "sent a client", "-k", "referral")
    ok("ask", "Ana Rossi", "intro to her accountant", "-k", "introduction")
    out = ok("show", "Ana Rossi").stdout
    assert "2 gives, 1 ask)" in out
    assert "1 gives" not in out and "1 asks" not in out


def test_undo_says_one_change(ok: Any) -> None:
    ok("goal", "set", "gives", "1", "--per", "week")
    out = ok("undo").stdout
    assert re.search(r"\((1 change|[02-9]\d* changes)\)", out), out
    assert "(1 changes)" not in out


def test_goal_set_counts_its_metric(ok: Any) -> None:
    assert "Goal: 1 give a week." in ok("goal", "set", "gives", "1", "--per", "week").stdout
    assert (
        "Goal: 3 one-to-ones a week."
        in ok("goal", "set", "one-to-ones", "3", "--per", "week").stdout
    )


def test_import_json_names_its_tables_in_words(ok: Any, tmp_path: Path, monkeypatch: Any) -> None:
    ok("log", "Ana Rossi", "Marco Neri", "--new", "-m", "coffee", "--on", "2026-11-20")
    dump = tmp_path / "dump.json"
    ok("export", "json", "-o", str(dump))
    monkeypatch.setenv("NETJOURNAL_DB", str(tmp_path / "other" / "j.db"))
    err = ok("import", "json", str(dump)).stderr
    assert "2 contacts" in err and "1 interaction" in err and "2 people at interactions" in err
    assert "participant" not in err


def test_due_all_says_today(ok: Any) -> None:
    ok("log", "Ana Rossi", "--new", "-m", "coffee")
    out = ok("due", "--all").stdout
    assert "(today)" in out


def test_contacts_meetings_and_show_first_met(ok: Any) -> None:
    ok("log", "Ana Rossi", "--new", "-m", "coffee", "--on", "2026-11-20")
    assert "meetings" in ok("contacts").stdout
    assert " met " not in ok("contacts").stdout.splitlines()[0]


def test_due_name_says_the_cadence_in_words(ok: Any) -> None:
    ok("log", "Ana Rossi", "--new", "-m", "coffee", "--on", "2026-10-01")
    out = ok("due", "Ana Rossi").stdout
    assert "ρ" not in out
    assert "every " in out and ("late" in out or "to go" in out or "due today" in out)
