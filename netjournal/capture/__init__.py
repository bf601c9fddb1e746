"""Capture: calendar, mail and inbox readers that propose interactions.

``calendar`` reads an ``.ics`` file or a vdir (``icalendar``, recurrences expanded by
``recurring-ical-events``), ``mail`` a Maildir or an mbox (the standard library's
``mailbox``, headers only), ``inbox`` a text file of ``net log``-like lines. Each turns
what it reads into :class:`Proposal` s: an interaction (kind, moment, note, people)
with the key that recognises it on the next run (``captured`` table, schema 8);
``apply`` writes accepted proposals in the command's one transaction.

People are matched here (:class:`Matcher`): by email through the ``identity`` table,
then, for a calendar attendee, by the exact name in CN. The user (``[me]`` in the
config) is never a participant. Problems with the input are sentences collected in
:class:`Problems` (the first :data:`PROBLEM_LIMIT` kept, the rest counted); nothing
here prints.
"""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from netjournal import identity, messages
from netjournal.errors import BadValue
from netjournal.names import Resolution
from netjournal.plural import noun, plural
from netjournal.text import MAX_TEXT, clean_name, fold

#: problems listed one by one; the others are counted
PROBLEM_LIMIT = 20


def digest(*parts: str) -> str:
    """The key stored for a captured item: a SHA-256 of its identity in the source."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def clean_note(raw: object, *, one_line: bool = True) -> str:
    """A text from a file as a note: control characters dropped (newlines kept unless
    ``one_line``), spaces collapsed, at most the longest text a note may be."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    kept = "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs")
    )
    if one_line:
        kept = " ".join(kept.split())
    return kept.strip()[:MAX_TEXT]


def clean_person_name(raw: object) -> str | None:
    """A display name (CN, a From's phrase) as a contact name, or None when it is none."""
    text = clean_note(raw).strip("\"' ")
    if not text or "@" in text:
        return None
    try:
        return clean_name(text)
    except BadValue:
        return None


@dataclass(frozen=True, slots=True)
class Person:
    """A participant: a contact (``id``), or somebody unknown (``id`` None) with the
    address and the name the source gives."""

    id: int | None
    name: str
    email: str | None = None


@dataclass
class Proposal:
    """One interaction a capture would log, and what recognises it next time."""

    source: str  # 'calendar' | 'mail' | 'inbox'
    key: str
    kind: str
    when: datetime  # aware, local
    note: str
    people: list[Person]
    unknown: list[Person] = field(default_factory=list)  # created only with --new
    extras: dict[str, Any] = field(default_factory=dict)  # inbox: gives, asks, ...

    @property
    def day(self) -> date:
        return self.when.date()

    def line(self) -> str:
        """The proposal as one line (review, --dry-run)."""
        names = ", ".join(p.name for p in self.people)
        if self.unknown:
            new = ", ".join(p.name for p in self.unknown)
            names = f"{names}, new: {new}" if names else f"new: {new}"
        extras = ", ".join(self.extras.get("described", []))
        return messages.CAPTURE_LINE.format(
            at=self.when.strftime("%Y-%m-%d %H:%M"),
            kind=self.kind,
            names=names,
            note=f": {self.note}" if self.note else "",
            extras=f" ({extras})" if extras else "",
        )


class Problems:
    """The input's problems, one sentence each: the first :data:`PROBLEM_LIMIT` kept."""

    def __init__(self) -> None:
        self.kept: list[str] = []
        self.count = 0

    def add(self, sentence: str) -> None:
        self.count += 1
        if self.count <= PROBLEM_LIMIT:
            self.kept.append(sentence)

    def lines(self) -> list[str]:
        more = self.count - len(self.kept)
        extra = (
            [messages.CAPTURE_MORE_PROBLEMS.format(more=plural(more, "more problem"))]
            if more > 0
            else []
        )
        return self.kept + extra


@dataclass
class Tally:
    """What a run found, for its summary line."""

    source: str
    noun: str  # 'meeting', 'email', 'entry'
    new: bool = False  # --new: unknown people become contacts
    read: int = 0  # items read from the input (events, messages, lines)
    files: int = 0  # files (calendars, mailboxes) that could be read
    skipped: Counter[str] = field(default_factory=Counter)
    unknown: dict[str, str] = field(default_factory=dict)  # email -> name
    problems: Problems = field(default_factory=Problems)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def summary(self, proposals: list[Proposal], *, dry_run: bool = False) -> str:
        contacts = {p.id for item in proposals for p in item.people}
        contacts |= {p.email for item in proposals for p in item.unknown}
        n = len(proposals)
        text = messages.CAPTURE_SUMMARY.format(
            source=self.source,
            entries=plural(n, self.noun),
            done=messages.CAPTURE_WOULD if dry_run else messages.CAPTURE_DONE,
            contacts=plural(len(contacts), "contact"),
        )
        if self.skipped:
            ordered = sorted(self.skipped.items(), key=lambda item: (-item[1], item[0]))
            reasons = ", ".join(f"{why} {k}" for why, k in ordered)
            text += messages.CAPTURE_SKIPPED.format(n=sum(self.skipped.values()), reasons=reasons)
        if self.unknown:
            shown = [
                f"{name} <{email}>" if name else email
                for email, name in list(self.unknown.items())[:PROBLEM_LIMIT]
            ]
            more = len(self.unknown) - len(shown)
            one, many = messages.CAPTURE_UNKNOWN_WHAT[self.source]
            text += messages.CAPTURE_UNKNOWN.format(
                n=len(self.unknown),
                what=noun(len(self.unknown), one, many),
                people=", ".join(shown) + (f" and {more} more" if more > 0 else ""),
            )
        return text


class Matcher:
    """Who a source's people are: contacts by email (identities), then by exact name;
    the user (``[me]``) recognised and left out. Look-ups are cached per run."""

    def __init__(
        self, conn: sqlite3.Connection, me_emails: tuple[str, ...], me_names: tuple[str, ...]
    ) -> None:
        from netjournal.store.reads import capture as capture_reads

        self.conn = conn
        self.reads = capture_reads
        self.me_emails = frozenset(me_emails)
        self.me_names = frozenset(fold(n) for n in me_names)
        self._emails: dict[str, tuple[int, str] | None] = {}
        self._names: dict[str, tuple[int, str] | None] = {}

    def is_me(self, email: str | None, name: str | None = None) -> bool:
        if email is not None and email in self.me_emails:
            return True
        return name is not None and fold(name) in self.me_names

    def by_email(self, email: str) -> tuple[int, str] | None:
        if email not in self._emails:
            self._emails[email] = self.reads.contact_by_email(self.conn, email)
        return self._emails[email]

    def by_name(self, name: str) -> tuple[int, str] | None:
        key = fold(name)
        if key not in self._names:
            self._names[key] = self.reads.contact_by_exact_name(self.conn, name)
        return self._names[key]

    def person(self, raw_email: str | None, raw_name: object = None) -> Person | None:
        """The participant an address and display name stand for; None for the user."""
        email = identity.email(raw_email) if raw_email else None
        name = clean_person_name(raw_name)
        if self.is_me(email, name):
            return None
        found = self.by_email(email) if email else None
        if found is None and name is not None:
            found = self.by_name(name)
        if found is not None:
            return Person(found[0], found[1], email)
        return Person(None, name or email or "", email)

    def resolve(self, name: str) -> Resolution:
        """``net log``'s resolution of a typed name (exact, unique prefix, or none)."""
        from netjournal.store.reads.contacts import resolve_contact

        return resolve_contact(self.conn, name)

    def captured(self, source: str, key: str) -> bool:
        return self.reads.is_captured(self.conn, source, key)
