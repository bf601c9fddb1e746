"""The guided debrief: ``net log`` with no names, on a terminal, asks one question at a time.

Who (with name completion where readline is available), what kind, when, what
happened, what you gave, asked and promised (each asked again until the answer is
empty), one question per person about a profile category still unknown for them, any
other facts, and the next step; when several people were met, each give, ask, promise,
fact and follow-up asks whom it concerns. Then it shows what it will record, each item
with its person, and asks to confirm. It only collects: ``logentry.record`` writes the
answers as it writes ``log``'s options, so the rules and messages are the same. Ctrl-C
(or end of input) at any prompt writes nothing.

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
from netjournal.cli.logentry import Entry, Item, item_line, parse_item
from netjournal.errors import BadUsage, BadValue, NetError
from netjournal.text import clean_text, visible

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
    items: list[Item] = field(default_factory=list)  # each with whom it concerns
    met_through: str | None = None

    def entry(self) -> Entry:
        """The answers as what ``net log`` records."""
        return Entry(
            names=self.names,
            note=self.note or None,
            kind=self.kind,
            on=self.when,
            items=self.items,
            met_through=self.met_through,
        )


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


def _people(st: State) -> Callable[[str], tuple[list[str], list[str], list[int | None]]]:
    """Checks the 'who' answer: resolves names as ``log`` will, without writing."""
    from netjournal.names import Candidate, Outcome, resolution_error, resolve
    from netjournal.store.reads import contacts as contact_reads
    from netjournal.text import clean_name, fold

    with reading(st, missing_is_empty=True) as conn:
        candidates = [Candidate(*c) for c in contact_reads.contact_candidates(conn)]

    def check(raw: str) -> tuple[list[str], list[str], list[int | None]]:
        parts = [p for p in (x.strip() for x in raw.split(",")) if p]
        if not parts:
            raise BadValue(messages.NO_NAMES)
        names, new = [], []
        ids: list[int | None] = []
        for part in parts:
            name = clean_name(part)
            res = resolve(name, candidates)
            if res.outcome is Outcome.FOUND and res.match is not None:
                if res.match.name in names:
                    raise BadValue(messages.DUPLICATE_NAMES.format(name=res.match.name))
                names.append(res.match.name)
                ids.append(res.match.id)
            elif res.outcome is Outcome.MISSING:
                if fold(name) in {fold(n) for n in names}:
                    raise BadValue(messages.DUPLICATE_NAMES.format(name=name))
                names.append(name)
                new.append(name)
                ids.append(None)
            else:
                raise resolution_error(res)
        return names, new, ids

    return check


def _known(st: State) -> Callable[[str], str]:
    """A contact's name as typed, once it resolves (the question asks again if not)."""

    def check(raw: str) -> str:
        with reading(st, missing_is_empty=True) as conn:
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

    with reading(st, missing_is_empty=True) as conn:
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


def _whom(names: list[str]) -> Callable[[str], int]:
    """Checks 'about whom?': one of the people met, as names resolve (a prefix of the
    name or of a word in it, case and accents aside); their index."""
    from netjournal.names import Candidate, Outcome, resolution_error, resolve
    from netjournal.text import fold

    candidates = [Candidate(i, n, fold(n)) for i, n in enumerate(names)]

    def check(raw: str) -> int:
        res = resolve(raw, candidates)
        if res.outcome is Outcome.FOUND and res.match is not None:
            return res.match.id
        if res.outcome is Outcome.MISSING:
            raise BadValue(messages.DEBRIEF_NOT_MET.format(name=raw, names=", ".join(names)))
        raise resolution_error(res)

    return check


def _owner(a: Answers, what: str) -> int:
    """Whom the item concerns: asked only when several people were met."""
    if len(a.names) < 2:
        return 0
    question = messages.DEBRIEF_WHOM[what].format(names=", ".join(a.names))
    return _ask(question, _whom(a.names), default=a.names[0])


def _repeat(first: str, again: str, check: Callable[[str], Any]) -> Iterator[str]:
    """Answers to one question, asked again until the answer is empty."""
    question = first
    while True:
        raw = _ask(question, _optional(check))
        if not raw:
            return
        yield raw
        question = again


def _exchanges(st: State, a: Answers) -> None:
    for what, first, again in (
        ("give", messages.DEBRIEF_GIVE, messages.DEBRIEF_GIVE_MORE),
        ("ask", messages.DEBRIEF_ASK, messages.DEBRIEF_ASK_MORE),
    ):
        for raw in _repeat(first, again, lambda r, w=what: parse.kind_and_text(r, w)):
            a.items.append(Item(what, raw, _owner(a, what)))  # type: ignore[arg-type]


def _promises(st: State, a: Answers) -> None:
    more = messages.DEBRIEF_PROMISE_MORE
    for raw in _repeat(messages.DEBRIEF_PROMISE, more, lambda r: clean_text(r, "promise")):
        by = _ask(
            messages.DEBRIEF_BY,
            _checked(lambda raw: parse.day(st, raw, prefer="future")),
            default="in 1 week",
        )
        owner = _owner(a, "promise")
        a.items.append(Item("promise", raw, owner, None if by == "in 1 week" else by))


def _facts(st: State, a: Answers, ids: list[int | None]) -> None:
    """One profile question per person met (their first unknown category), then any
    other facts, each with whom it concerns."""
    for index, name in enumerate(a.names):
        category = _unknown_category(st, ids[index])
        if not category:
            continue
        question = messages.DEBRIEF_PROFILE[category].format(name=name.split()[0])
        fact = _ask(question, _optional(lambda r: clean_text(r, "fact")))
        if fact:
            a.items.append(Item("fact", f"{category}:{fact}", index))
    first = messages.DEBRIEF_FACT_MORE.format(categories=", ".join(vocab.FACT_CATEGORIES))
    for raw in _repeat(first, first, _fact):
        a.items.append(Item("fact", raw, _owner(a, "fact")))


def _fact(raw: str) -> tuple[str, str]:
    if ":" not in raw:
        raise BadValue(messages.DEBRIEF_BAD_FACT)
    return parse.category_and_text(raw)


def _follow_ups(st: State, a: Answers) -> None:
    """The next step; with several people met, one per person at most, each with whom."""
    check = _checked(lambda raw: parse.day(st, raw, prefer="future"))
    question = messages.DEBRIEF_NEXT
    while True:
        raw = _ask(question, _optional(check))
        if not raw:
            return
        a.items.append(Item("follow-up", raw, _owner(a, "follow-up")))
        if len(a.names) < 2:
            return
        question = messages.DEBRIEF_NEXT_MORE


def collect(st: State) -> Answers:
    """Ask every question; raises ``typer.Abort`` on Ctrl-C or end of input."""
    a = Answers()
    with reading(st, missing_is_empty=True) as conn:
        from netjournal.store.reads import contacts as contact_reads

        everyone = [name for _id, name, _folded in contact_reads.contact_candidates(conn)]
    with _completion(everyone):
        a.names, a.new, ids = _ask(messages.DEBRIEF_WHO, _people(st))
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
    when = _ask(messages.DEBRIEF_WHEN, _checked(lambda raw: parse.happened(st, raw)), "today")
    a.when = None if when.lower() == "today" else when
    a.note = _ask(messages.DEBRIEF_NOTE, _optional(lambda r: r))
    _exchanges(st, a)
    _promises(st, a)
    _facts(st, a, ids)
    _follow_ups(st, a)
    return a


def summary(st: State, a: Answers) -> list[str]:
    moment = parse.when(st, a.when, prefer="past")
    lines = [f"  {a.kind} with {', '.join(a.names)} on {moment.date().isoformat()}"]
    if a.note:
        lines.append(f"  note: {a.note}")
    for item in a.items:
        lines.append(item_line(parse_item(st, item, moment), a.names[item.owner]))
    if a.met_through:
        lines.append(f"  introduced to you by {a.met_through}")
    return lines


def _options_given(ctx: typer.Context) -> bool:
    defaults = {
        "names": None,
        "kind": vocab.DEFAULT_INTERACTION_KIND,
        "new": False,
        "planned": False,
    }
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
