"""The guided debrief: ``net log`` with no names, on a terminal, asks one question at a time.

Who (with name completion where readline is available), what kind, when, what
happened, what you gave, asked and promised, one question about a profile category
still unknown for the first person named, and the next step; then it shows what it will
record and asks to confirm. It only collects: ``log`` writes the answers as if they
had been typed as options, so the rules and messages are the same. Ctrl-C (or end of input) at any
prompt writes nothing.

``NETJOURNAL_INTERACTIVE=1`` (or ``0``) forces the terminal check either way; tests
and scripts use it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import typer

from netjournal import messages, vocab
from netjournal.cli import parse
from netjournal.cli.common import State, echo, notice, reading, state
from netjournal.errors import BadUsage, BadValue, NetError
from netjournal.text import visible

INTERACTIVE_ENV = "NETJOURNAL_INTERACTIVE"
#: profile categories the debrief asks about, most valuable first (family, then GAINS)
PROFILE_ORDER: tuple[str, ...] = (
    "family",
    "goals",
    "accomplishments",
    "interests",
    "networks",
    "skills",
)

T = TypeVar("T")


def interactive() -> bool:
    """Whether ``net log`` without names may start the debrief."""
    forced = os.environ.get(INTERACTIVE_ENV)
    if forced is not None and forced.strip() != "":
        return forced.strip().lower() not in ("0", "false", "no")
    return sys.stdin.isatty() and sys.stdout.isatty()


@dataclass
class Answers:
    names: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    kind: str = vocab.DEFAULT_INTERACTION_KIND
    when: str | None = None  # None: now
    note: str = ""
    give: str = ""
    ask: str = ""
    promise: str = ""
    by: str | None = None
    category: str | None = None
    fact: str = ""
    follow_up: str | None = None
    met_through: str | None = None

    def options(self) -> dict[str, Any]:
        """The answers as ``net log``'s options, as if they had been typed."""
        return {
            "names": self.names,
            "note": self.note or None,
            "kind": self.kind,
            "on": self.when,
            "give": [self.give] if self.give else None,
            "ask": [self.ask] if self.ask else None,
            "learned": [f"{self.category}:{self.fact}"] if self.fact else None,
            "follow_up": self.follow_up,
            "promise": [self.promise] if self.promise else None,
            "by": self.by,
            "new": False,
            "met_through": self.met_through,
        }


def _ask(question: str, check: Callable[[str], T], default: str = "") -> T:
    """Prompt until ``check`` accepts the answer; its error sentence explains a refusal."""
    while True:
        raw = typer.prompt(visible(question), default=default, show_default=bool(default))
        try:
            return check(raw.strip())
        except NetError as exc:
            notice(exc.message)


@contextmanager
def _completion(names: list[str]) -> Iterator[None]:
    """Tab-completes contact names at the 'who' prompt on a real terminal."""
    if not sys.stdin.isatty():
        yield
        return
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        yield
        return
    old_completer = readline.get_completer()
    old_delims = readline.get_completer_delims()

    def complete(text: str, index: int) -> str | None:
        from netjournal.text import fold

        typed = fold(text.lstrip())
        options = [n for n in names if fold(n).startswith(typed)]
        return options[index] if index < len(options) else None

    readline.set_completer(complete)
    readline.set_completer_delims(",")
    readline.parse_and_bind("tab: complete")
    try:
        yield
    finally:
        readline.set_completer(old_completer)
        readline.set_completer_delims(old_delims)


def _people(st: State) -> Callable[[str], tuple[list[str], list[str], int | None]]:
    """Checks the 'who' answer: resolves names as ``log`` will, without writing."""
    from netjournal.names import Candidate, Outcome, resolution_error, resolve
    from netjournal.store.reads import contacts as contact_reads
    from netjournal.text import clean_name, fold

    with reading(st) as conn:
        candidates = [Candidate(*c) for c in contact_reads.contact_candidates(conn)]

    def check(raw: str) -> tuple[list[str], list[str], int | None]:
        parts = [p for p in (x.strip() for x in raw.split(",")) if p]
        if not parts:
            raise BadValue(messages.NO_NAMES)
        names, new = [], []
        first_id: int | None = None
        for index, part in enumerate(parts):
            name = clean_name(part)
            res = resolve(name, candidates)
            if res.outcome is Outcome.FOUND and res.match is not None:
                if res.match.name in names:
                    raise BadValue(messages.DUPLICATE_NAMES.format(name=res.match.name))
                names.append(res.match.name)
                if index == 0:
                    first_id = res.match.id
            elif res.outcome is Outcome.MISSING:
                if fold(name) in {fold(n) for n in names}:
                    raise BadValue(messages.DUPLICATE_NAMES.format(name=name))
                names.append(name)
                new.append(name)
            else:
                raise resolution_error(res)
        return names, new, first_id

    return check


def _known(st: State) -> Callable[[str], str]:
    """A contact's name as typed, once it resolves (the question asks again if not)."""

    def check(raw: str) -> str:
        with reading(st) as conn:
            from netjournal.names import Outcome, resolution_error
            from netjournal.store.reads import contacts as contact_reads

            res = contact_reads.resolve_contact(conn, raw)
            if res.outcome is not Outcome.FOUND:
                raise resolution_error(res)
        return raw

    return check


def _unknown_category(st: State, contact_id: int | None) -> str:
    if contact_id is None:
        return PROFILE_ORDER[0]
    from netjournal.store.reads import records as record_reads

    with reading(st) as conn:
        known = {f["category"] for f in record_reads.facts_of(conn, contact_id)}
    if "hobbies" in known:
        known.add("interests")
    for category in PROFILE_ORDER:
        if category not in known:
            return category
    return ""


def _checked(check: Callable[[str], Any]) -> Callable[[str], str]:
    """Validates an answer and keeps it as typed (``log`` parses it again)."""

    def run(raw: str) -> str:
        check(raw)
        return raw

    return run


def _optional(check: Callable[[str], Any]) -> Callable[[str], str]:
    def run(raw: str) -> str:
        if raw:
            check(raw)
        return raw

    return run


def collect(st: State) -> Answers:
    """Ask every question; raises ``typer.Abort`` on Ctrl-C or end of input."""
    a = Answers()
    with reading(st) as conn:
        from netjournal.store.reads import contacts as contact_reads

        everyone = [name for _id, name, _folded in contact_reads.contact_candidates(conn)]
    with _completion(everyone):
        a.names, a.new, first_id = _ask(messages.DEBRIEF_WHO, _people(st))
    for name in a.new:
        notice(messages.DEBRIEF_NEW.format(name=name))
    if a.names and a.names[0] in a.new:
        with _completion(everyone):
            through = _ask(
                messages.DEBRIEF_MET_THROUGH.format(name=a.names[0]), _optional(_known(st))
            )
        a.met_through = through or None
    a.kind = _ask(
        messages.DEBRIEF_KIND.format(kinds=", ".join(vocab.INTERACTION_KINDS)),
        parse.interaction_kind,
        default=vocab.DEFAULT_INTERACTION_KIND,
    )
    when = _ask(
        messages.DEBRIEF_WHEN,
        _checked(lambda raw: parse.when(st, raw, prefer="past")),
        default="today",
    )
    a.when = None if when.lower() == "today" else when
    a.note = _ask(messages.DEBRIEF_NOTE, _optional(lambda r: r))
    a.give = _ask(messages.DEBRIEF_GIVE, _optional(lambda r: parse.kind_and_text(r, "give")))
    a.ask = _ask(messages.DEBRIEF_ASK, _optional(lambda r: parse.kind_and_text(r, "ask")))
    a.promise = _ask(messages.DEBRIEF_PROMISE, _optional(lambda r: r))
    if a.promise:
        by = _ask(
            messages.DEBRIEF_BY,
            _checked(lambda raw: parse.day(st, raw, prefer="future")),
            default="in 1 week",
        )
        a.by = None if by == "in 1 week" else by
    category = _unknown_category(st, first_id)
    if category:
        first = a.names[0].split()[0]
        a.category = category
        a.fact = _ask(messages.DEBRIEF_PROFILE[category].format(name=first), _optional(str))
    follow = _ask(messages.DEBRIEF_NEXT, _optional(lambda raw: parse.day(st, raw, prefer="future")))
    a.follow_up = follow or None
    return a


def summary(st: State, a: Answers) -> list[str]:
    moment = parse.when(st, a.when, prefer="past")
    lines = [f"  {a.kind} with {', '.join(a.names)} on {moment.date().isoformat()}"]
    if a.note:
        lines.append(f"  note: {a.note}")
    if a.give:
        kind, text = parse.kind_and_text(a.give, "give")
        lines.append(f"  gave {a.names[0]}: {kind}, {text}")
    if a.ask:
        kind, text = parse.kind_and_text(a.ask, "ask")
        lines.append(f"  asked {a.names[0]}: {kind}, {text}")
    if a.promise:
        from datetime import timedelta

        due = parse.day(st, a.by, prefer="future", default=moment.date() + timedelta(days=7))
        lines.append(f"  promised by {due.isoformat()}: {a.promise}")
    if a.fact and a.category:
        lines.append(f"  learned ({a.category}): {a.fact}")
    if a.follow_up:
        day = parse.day(st, a.follow_up, prefer="future")
        lines.append(f"  follow up on {day.isoformat()}")
    if a.met_through:
        lines.append(f"  introduced to you by {a.met_through}")
    return lines


def _options_given(ctx: typer.Context) -> bool:
    defaults = {"names": None, "kind": vocab.DEFAULT_INTERACTION_KIND, "new": False}
    return any(
        value not in (None, [], ()) and value != defaults.get(name)
        for name, value in ctx.params.items()
        if name != "names"
    )


def run(ctx: typer.Context) -> Answers | None:
    """The debrief: ask, show, confirm. Returns the answers to record (``log`` writes
    them), or None when the person declined at the confirmation."""
    st = state(ctx)
    if _options_given(ctx):  # `net log -m ...` without names is a slip, not a debrief
        raise BadUsage(messages.NO_NAMES)
    notice(messages.DEBRIEF_START)
    answers = collect(st)
    echo(messages.DEBRIEF_SUMMARY)
    for line in summary(st, answers):
        echo(line)
    if not typer.confirm(messages.DEBRIEF_CONFIRM, default=True):
        notice(messages.DEBRIEF_CANCELLED)
        return None
    return answers
