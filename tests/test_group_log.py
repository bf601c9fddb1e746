"""Who got what in a group log: ``net log A B --give ...`` confirms each item with its
person (the first one named, as DESIGN.md says), and the debrief asks whom each item
concerns when several people were met, taking several of each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netjournal.cli import debrief

Run = Callable[..., Any]
TTY = {debrief.INTERACTIVE_ENV: "1"}

OWNERS = """
    SELECT c.name, x.direction, x.kind, x.what FROM exchange x
      JOIN contact c ON c.id = x.contact_id ORDER BY x.id
"""


def _answers(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_group_log_names_whom_each_item_went_to(ok: Run, rows: Run) -> None:
    result = ok(
        "log",
        "Giulia Bianchi",
        "Roberto Neri",
        "-k",
        "meal",
        "--give",
        "introduction:to a notary",
        "--give",
        "advice:pricing",
        "--ask",
        "referral:IT managers",
        "--learned",
        "family:two daughters",
        "--promise",
        "send the BNI invite",
        "--follow-up",
        "in 2 weeks",
    )
    assert result.stdout.splitlines() == [
        "Logged meal with Giulia Bianchi and Roberto Neri on 2026-11-28 (i1).",
        "  give introduction → Giulia Bianchi: to a notary (g1)",
        "  give advice → Giulia Bianchi: pricing (g2)",
        "  ask referral → Giulia Bianchi: IT managers (a3)",
        "  fact family → Giulia Bianchi: two daughters (f1)",
        "  follow-up on 2026-12-12 → Giulia Bianchi (r1)",
        "  promise by 2026-12-05 → Giulia Bianchi: send the BNI invite (r2)",
    ]
    assert "go to the first one named (Giulia Bianchi)" in result.stderr
    assert {name for name, *_ in rows(OWNERS)} == {"Giulia Bianchi"}
    assert rows("SELECT c.name FROM followup f JOIN contact c ON c.id = f.contact_id") == [
        ("Giulia Bianchi",),
        ("Giulia Bianchi",),
    ]


def test_one_person_log_keeps_its_short_confirmation(ok: Run) -> None:
    result = ok("log", "Ana Rossi", "--give", "x", "--give", "y", "--ask", "z")
    assert result.stdout == "Logged one-to-one with Ana Rossi on 2026-11-28 (i1): 2 gives, 1 ask.\n"
    assert result.stderr == "New contact: Ana Rossi.\n"


def test_group_log_without_items_says_nothing_about_owners(ok: Run) -> None:
    result = ok("log", "Ana Rossi", "Marco Neri", "-m", "coffee")
    assert result.stdout == "Logged one-to-one with Ana Rossi and Marco Neri on 2026-11-28 (i1).\n"
    assert "first one named" not in result.stderr


TWO_PEOPLE = (
    "Giulia Bianchi, Roberto Neri",  # who (both new)
    "",  # who introduced Giulia: nobody
    "meal",  # kind
    "yesterday",  # when
    "Lunch at Da Gino",  # what happened
    "introduction:to a notary",  # gave
    "rob",  # to whom: Roberto (a prefix)
    "advice:pricing",  # gave more
    "",  # to whom: the default, Giulia
    "resource:the tender",  # gave more
    "Nobody",  # not one of the people met: asked again
    "giulia",
    "",  # gave nothing else
    "referral:IT managers",  # asked
    "roberto neri",
    "",  # asked nothing else
    "send Roberto the BNI invite",  # promised
    "friday",  # by
    "Roberto",  # to whom
    "call her notary",  # promised more
    "",  # by: a week on
    "Giulia",
    "",  # promised nothing else
    "two daughters",  # Giulia's family
    "",  # Roberto's family: skipped
    "skills:sailing",  # anything else learned
    "Roberto",
    "",  # nothing else
    "2w",  # next step
    "Roberto",
    "in 3 weeks",  # another, with someone else
    "Giulia",
    "",  # done
    "y",  # confirm
)


def test_debrief_with_two_people_asks_whom_each_item_concerns(ok: Run, rows: Run) -> None:
    result = ok("log", input=_answers(*TWO_PEOPLE), env=TTY)
    assert "Whom did you give it to? (Giulia Bianchi, Roberto Neri)" in result.stdout
    assert "'Nobody' is not one of the people you met" in result.stderr
    assert "  give introduction → Roberto Neri: to a notary" in result.stdout
    assert "  promise by 2026-12-04 → Roberto Neri: send Roberto the BNI invite" in result.stdout
    assert "Logged meal with Giulia Bianchi and Roberto Neri on 2026-11-27 (i1)." in result.stdout
    assert "  give introduction → Roberto Neri: to a notary (g1)" in result.stdout
    assert rows(OWNERS) == [
        ("Roberto Neri", "give", "introduction", "to a notary"),
        ("Giulia Bianchi", "give", "advice", "pricing"),
        ("Giulia Bianchi", "give", "resource", "the tender"),
        ("Roberto Neri", "ask", "referral", "IT managers"),
    ]
    assert rows(
        "SELECT c.name, f.kind, f.due, f.note FROM followup f"
        " JOIN contact c ON c.id = f.contact_id ORDER BY f.id"
    ) == [
        ("Roberto Neri", "promise", "2026-12-04", "send Roberto the BNI invite"),
        ("Giulia Bianchi", "promise", "2026-12-04", "call her notary"),
        ("Roberto Neri", "reach-out", "2026-12-12", ""),
        ("Giulia Bianchi", "reach-out", "2026-12-19", ""),
    ]
    assert rows(
        "SELECT c.name, f.category, f.text FROM fact f"
        " JOIN contact c ON c.id = f.contact_id ORDER BY f.id"
    ) == [("Giulia Bianchi", "family", "two daughters"), ("Roberto Neri", "skills", "sailing")]
    # every item belongs to the one interaction
    assert rows("SELECT count(DISTINCT interaction_id) FROM exchange") == [(1,)]
    assert rows("SELECT count(*) FROM followup WHERE interaction_id = 1") == [(4,)]
    ok("undo")
    assert rows("SELECT count(*) FROM exchange") == [(0,)]


def test_debrief_with_one_person_takes_several_of_each(ok: Run, rows: Run) -> None:
    ok("contact", "add", "Ana Rossi")
    answers = _answers(
        "Ana",
        *("", "", ""),  # kind, when, note
        *("advice:pricing", "favor:a lift", ""),  # two gives
        *("a", "b", ""),  # two asks
        *("deck", "", "notes", "", ""),  # two promises, each with its default date
        *("two daughters", "goals:a second office", "bogus", ""),  # facts; a bad one
        "",  # no next step
        "y",
    )
    result = ok("log", input=answers, env=TTY)
    assert "Whom" not in result.stdout  # one person: never asked
    assert "Write it as CATEGORY:TEXT" in result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Logged one-to-one with Ana Rossi on 2026-11-28 (i1): 2 gives, 2 asks, 2 facts, 2 promises."
    )
    assert rows("SELECT direction, what FROM exchange ORDER BY id") == [
        ("give", "pricing"),
        ("give", "a lift"),
        ("ask", "a"),
        ("ask", "b"),
    ]
    assert rows("SELECT category, text FROM fact ORDER BY id") == [
        ("family", "two daughters"),
        ("goals", "a second office"),
    ]
