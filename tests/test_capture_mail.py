"""net import mail: an mbsync Maildir (a thread, a Bcc, a list message, bulk mail, a
message without Date) and a Thunderbird mbox; idempotence, --dry-run and net undo."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.capture_helpers import FIXTURES, add_people, logged, set_me


@pytest.fixture(autouse=True)
def people(ok: Callable[..., Any]) -> None:
    set_me("me@example.com")
    add_people(ok)


def test_maildir(ok: Callable[..., Any], rows: Callable[..., Any], unchanged: Any) -> None:
    path = str(FIXTURES / "Maildir")
    with unchanged():
        dry = ok("import", "mail", path, "--dry-run")
    assert dry.stdout.splitlines() == [
        "2026-11-23 08:12  email with Ana Rossi: Bergamo plans",
        "2026-11-24 07:30  email with Ana Rossi: Re: Bergamo plans",
        "2026-11-24 09:40  email with Marco Neri: Proposta per Bergamo – bozza",
    ]
    result = ok("import", "mail", path)
    # the thread: Ana's message and your reply on the 23rd are one interaction, her
    # answer on the 24th another; Ana was a Bcc of your proposal to Marco: not hers
    assert logged(rows, "mail") == [
        ("2026-11-23", "email", "Bergamo plans", "Ana Rossi"),
        ("2026-11-24", "email", "Re: Bergamo plans", "Ana Rossi"),
        ("2026-11-24", "email", "Proposta per Bergamo – bozza", "Marco Neri"),
    ]
    lines = result.stderr.splitlines()
    assert "a message without a readable Date header; skipped." in lines[0]
    assert lines[1] == (
        "mail: 3 emails logged with 2 contacts; 5 skipped "
        "(list 2, bcc 1, no date 1, same thread that day 1)"
    )
    with unchanged():
        again = ok("import", "mail", path)
    assert "0 emails logged" in again.stderr
    ok("undo")
    assert logged(rows, "mail") == []
    assert rows("SELECT count(*) FROM captured") == [(0,)]


def test_mbox(ok: Callable[..., Any], rows: Callable[..., Any], unchanged: Any) -> None:
    path = str(FIXTURES / "thunderbird.mbox")
    result = ok("import", "mail", path)
    # a received message is an interaction with its sender (Marco was only in Cc); your
    # reply to both, the same day in the same thread, adds Marco
    assert logged(rows, "mail") == [
        ("2026-11-26", "email", "Notary on Tuesday", "Ana Rossi"),
        ("2026-11-26", "email", "Re: Notary on Tuesday", "Marco Neri"),
    ]
    assert "thunderbird.mbox message 3: a malformed address in To" in result.stderr
    with unchanged():
        ok("import", "mail", path)
        ok("import", "mail", path, "--dry-run")
    ok("undo")
    assert logged(rows, "mail") == []


def test_same_messages_in_two_places_import_once(
    ok: Callable[..., Any], rows: Callable[..., Any], tmp_path: Path
) -> None:
    copy = tmp_path / "Archive"
    shutil.copytree(FIXTURES / "Maildir" / "INBOX", copy)
    ok("import", "mail", str(FIXTURES / "Maildir"))
    ok("import", "mail", str(copy))
    assert len(logged(rows, "mail")) == 3


def test_since(ok: Callable[..., Any], rows: Callable[..., Any]) -> None:
    result = ok("import", "mail", str(FIXTURES / "Maildir"), "--since", "2026-11-24")
    assert [r[0] for r in logged(rows, "mail")] == ["2026-11-24", "2026-11-24"]
    assert "before --since 2" in result.stderr


def test_emails_are_light_touches_that_count(
    ok: Callable[..., Any], net_json: Any, rows: Callable[..., Any]
) -> None:
    """By net log's rule an email (a light touch) leaves a reach-out open."""
    ok("followup", "Ana Rossi", "2026-11-20", env={"NETJOURNAL_NOW": "2026-11-20T10:00"})
    ok("import", "mail", str(FIXTURES / "Maildir"))
    assert rows("SELECT done_on FROM followup") == [(None,)]
    shown = net_json("show", "Ana Rossi", "--json")
    assert [i["kind"] for i in shown["interactions"]] == ["email", "email"]
    assert [i["source"] for i in shown["interactions"]] == ["mail", "mail"]


def test_not_a_mailbox(net: Callable[..., Any], tmp_path: Path, unchanged: Any) -> None:
    with unchanged():
        result = net("import", "mail", str(FIXTURES / "google.ics"))
        empty = net("import", "mail", str(tmp_path))
    assert result.exit_code == 1
    assert "is neither a Maildir (a folder with cur/ and new/) nor an mbox file." in result.stderr
    assert empty.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Nothing could be read from")
