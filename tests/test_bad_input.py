"""Bad input: one clear sentence on stderr, a non-zero exit, the journal unchanged."""

from __future__ import annotations

import pytest

from tests.conftest import snapshot


@pytest.fixture
def seeded(ok):
    ok("log", "Ana Rossi", "-m", "seed", "--give", "x")
    ok("contact", "add", "Ana Bianchi")


BAD = [
    # (args, exit code, words expected in the message)
    (("log", "Nobody At All", "--on", "the day after never"), 1, "Cannot read the date"),
    (("log", "Ana Rossi", "--on", "2019-02-29"), 1, "does not exist"),
    (("log", "Ana Rossi", "--on", "2020-08-32"), 1, "does not exist"),
    (("log", "Ana Rossi", "--on", "9999-12-31"), 1, "out of range"),
    (("log", "Ana Rossi", "--on", "1850-01-01", "--promise", "x"), 1, "out of range"),
    (("give", "Ana Rossi", "x", "--on", "0001-01-01"), 1, "out of range"),
    (("log", "Ana Rossi", "-k", "telepathy"), 1, "Unknown interaction kind"),
    (("log", "Ana Rossi", "--learned", "horoscope:leo"), 1, "Unknown fact category"),
    (("log", "Ana Rossi", "--learned", "no colon here"), 1, "CATEGORY:TEXT"),
    (("log", "Ana Rossi", "--give", "   "), 1, "cannot be empty"),
    (("log", "Ana"), 1, "could be"),
    (("log", "Bad\x00Name"), 1, "control characters"),
    (("log", "Line\nBreak"), 1, "control characters"),
    (("log", "Evil\u202eeman"), 1, "control characters"),
    (("log", "   "), 1, "needs a name"),
    (("log", "Ana Rossi", "-m", "bell\x07"), 1, "control characters"),
    (("give", "Ana Rossi", "x", "--size", "0"), 1, "1 to 5"),
    (("give", "Ana Rossi", "x", "--size", "6"), 1, "1 to 5"),
    (("give", "Ana Rossi", "x", "--size", "-3"), 1, "1 to 5"),
    (("give", "Ana Rossi", "x", "--amount", "-5"), 1, "amount"),
    (("give", "Ana Rossi", "x", "--amount", "lots"), 1, "amount"),
    (("give", "Ana Rossi", "x", "--amount", "1e400"), 1, "amount"),
    (("give", "Ana Rossi", "x", "--amount", "NaN"), 1, "amount"),
    (("give", "Ana Rossi", "x", "--amount", "1.005"), 1, "two decimals"),
    (("give", "Ana Rossi", "x", "--amount", "99999999999999"), 1, "too large"),
    (("give", "Ana Rossi", "x", "--size", "2", "--amount", "5"), 2, "not both"),
    (("give", "Ana Rossi", "x", "-k", "bribe"), 1, "Unknown kind"),
    (("give", "Nobody", "x"), 1, "No contact is called"),
    (("ask", "Ana Rossi", ""), 1, "cannot be empty"),
    (("learn", "Ana Rossi", "family", ""), 1, "cannot be empty"),
    (("contact", "add", "Ana Rossi"), 1, "already a contact"),
    (("contact", "add", "X", "--tier", "bestie"), 1, "Unknown tier"),
    (("contact", "add", "X", "--cadence", "0"), 1, "cadence"),
    (("contact", "add", "X", "--email", "not-an-email"), 1, "email"),
    (("contact", "add", "X", "--birthday", "someday"), 1, "birthday"),
    (("contact", "add", "X", "--met-on", "2019-02-29"), 1, "does not exist"),
    (("give", "Ana Rossi"), 2, "Missing argument"),
    (("log", "Ana Rossi", "--bogus"), 2, "No such option"),
    (("frobnicate",), 2, "No such command"),
    (("give", "Ana Rossi", "x", "--size", "big"), 2, "size"),
]


@pytest.mark.parametrize(("args", "code", "words"), BAD, ids=[" ".join(b[0])[:40] for b in BAD])
def test_bad_input_is_one_sentence_and_changes_nothing(seeded, net, db_path, args, code, words):
    before = snapshot(db_path)
    result = net(*args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert words.lower() in result.stderr.lower()
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) <= 3
    assert snapshot(db_path) == before


WEIRD_NAMES = [
    'O\'Brien "The Boss"',
    "Robert'); DROP TABLE contact;--",
    "李小龍",
    "محمد العلي",
    "Zoë 🚀 Chen",
    "שרה כהן",
]


@pytest.mark.parametrize("name", WEIRD_NAMES)
def test_unusual_names_round_trip(ok, net_json, rows, name):
    ok("log", name, "-m", "met at the fair", "--new")
    assert net_json("show", name, "--json")["name"] == name
    assert rows("SELECT name FROM contact") == [(name,)]
    assert rows("SELECT count(*) FROM sqlite_master WHERE name = 'contact'") == [(1,)]
