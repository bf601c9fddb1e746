"""Importers and exporters: LinkedIn CSV, vCard, contacts CSV and the full JSON dump.

What they share lives here: the look-up tables that let an import match thousands of
people without scanning every contact for each row, adding and updating contacts in
bulk inside one write transaction, the summary (a few detail lines of each kind, the
rest counted), output files and the progress bar. Reading a file that may not be what
it claims, as a stream within the import limit, is ``source.py``.

Nothing here prints errors: failures are :class:`netjournal.errors.BadValue` with a
sentence from :mod:`netjournal.messages`.
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netjournal import identity, messages
from netjournal.errors import BadValue
from netjournal.identity import Identity
from netjournal.plural import plural
from netjournal.text import MAX_NAME, MAX_TEXT, clean_name, clean_optional, fold, visible

if TYPE_CHECKING:
    from netjournal.store.writer import Journal

#: imports or exports with at least this many items show a progress bar on a terminal
PROGRESS_MIN = 200
#: new contacts are inserted this many at a time: an import of 250,000 people holds one
#: batch of rows for the insert, not all of them (that peaked at ~1 GB)
FLUSH_EVERY = 2_000


def write_output(path: Path | None, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its chunks, written as they come) to ``path`` (created or
    replaced whole, readable by its owner only: :func:`netjournal.files.write_private`)
    or, without a path, to stdout; on a terminal control characters are shown escaped
    (line ends kept), as everywhere else."""
    chunks = [text] if isinstance(text, str) else text
    if path is None:
        tty = sys.stdout.isatty()
        for chunk in chunks:
            if tty:
                chunk = "\r\n".join(visible(line) for line in chunk.split("\r\n"))
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    from netjournal.files import write_private

    try:
        write_private(path, chunks)
    except OSError as exc:
        raise BadValue(
            messages.EXPORT_UNWRITABLE.format(path=path, reason=exc.strerror or exc)
        ) from exc


@contextmanager
def progress(total: int, label: str, *, enabled: bool = True) -> Iterator[Callable[..., None]]:
    """Yield ``advance(step=1)``; draws a Rich bar on stderr only when it is a terminal.
    (``total`` counts items, or bytes for an import read as a stream.)"""
    if not enabled or total < PROGRESS_MIN or not sys.stderr.isatty():
        yield lambda step=1: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda step=1: bar.advance(task, step)


#: detail lines of one kind that an import summary lists; the others are counted
DETAIL_LIMIT = 20
#: the kind of skip that a file of repeated rows produces by the million
SAME = "same"


class Details:
    """One section of a summary's detail lines (skipped, renamed, notes): the first
    :data:`DETAIL_LIMIT` of each kind are kept and listed, the others only counted, so
    a file of two million repeated rows costs a counter, not two million lines."""

    def __init__(self) -> None:
        self.kept: list[tuple[str, ...]] = []
        self.counts: dict[str, int] = {}

    def append(self, item: tuple[str, ...], kind: str = "") -> None:
        n = self.counts.get(kind, 0) + 1
        self.counts[kind] = n
        if n <= DETAIL_LIMIT:
            self.kept.append(item)

    def __len__(self) -> int:
        return sum(self.counts.values())

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self.kept)

    def more(self) -> dict[str, int]:
        """How many of each kind were not kept."""
        return {k: n - DETAIL_LIMIT for k, n in self.counts.items() if n > DETAIL_LIMIT}


@dataclass
class Summary:
    """What an import did, for the one summary line (and the detail lines under it)."""

    what: str
    unit: str = "row"  # what the file is made of, for "the same person as an earlier row"
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Details = field(default_factory=Details)
    warnings: Details = field(default_factory=Details)
    renamed: Details = field(default_factory=Details)
    filed: int = 0  # contacts added with the import's tier (``--tier``) ...
    tier: str = ""  # ... this one

    def lines(self) -> list[str]:
        out = [
            messages.IMPORT_SUMMARY.format(
                what=self.what,
                added=self.added,
                updated=self.updated,
                unchanged=self.unchanged,
                skipped=len(self.skipped),
            )
        ]
        limit = DETAIL_LIMIT
        out += [messages.IMPORT_SKIPPED.format(where=w, why=y) for w, y in self.skipped]
        for kind, count in self.skipped.more().items():
            template = messages.IMPORT_MORE_SAME if kind == SAME else messages.IMPORT_MORE_SKIPPED
            out.append(template.format(count=count, limit=limit, unit=self.unit))
        for where, name, new, why in self.renamed:
            merge = f"{shlex.quote(name)} {shlex.quote(new)}"
            shown = messages.IDENTITY_KINDS.get(why, why)
            out.append(
                messages.IMPORT_RENAMED.format(
                    where=where, name=name, new=new, why=shown, merge=merge
                )
            )
        for count in self.renamed.more().values():
            out.append(messages.IMPORT_MORE_RENAMED.format(count=count, limit=limit))
        out += [messages.IMPORT_WARNING.format(where=w, why=y) for w, y in self.warnings]
        for count in self.warnings.more().values():
            out.append(
                messages.IMPORT_MORE_WARNINGS.format(more=plural(count, "more note"), limit=limit)
            )
        if self.filed:
            words = messages.TIER_ONE if self.filed == 1 else messages.TIER_PLURALS
            tiers = words.get(self.tier, self.tier)
            out.append(messages.IMPORT_FILED.format(n=self.filed, tiers=tiers))
        return out

    @property
    def changed(self) -> int:
        return self.added + self.updated


def quick_name(raw: str) -> str:
    """:func:`netjournal.text.clean_name`, with a fast path for plain ASCII names."""
    if raw.isascii() and raw.isprintable():
        name = " ".join(raw.split())
        if name and len(name) <= MAX_NAME:
            return name
    return clean_name(raw)


def quick_optional(raw: str, what: str) -> str | None:
    """:func:`netjournal.text.clean_optional`, with a fast path for plain ASCII text."""
    if raw.isascii() and raw.isprintable() and len(raw) <= MAX_TEXT:
        return raw.strip() or None
    return clean_optional(raw, what)


def canonical_linkedin(url: str | None) -> str | None:
    """``https://se.linkedin.com/in/Ada-L/?trk=x`` -> ``https://www.linkedin.com/in/ada-l``."""
    return identity.linkedin(url)


@dataclass(frozen=True, slots=True)
class Link:
    """Which contact an incoming person is: ``key`` (None: a new contact); when the
    name is an existing contact's but an identity contradicts it, ``clash`` is that
    contact and ``why`` the kind of identity that differs."""

    key: int | None
    clash: int | None = None
    why: str = ""


class Contacts:
    """Look-up tables over the journal's contacts, built once per import, kept up to
    date as the import adds people, so each row costs a few dict look-ups."""

    def __init__(self, j: Journal, source: str | None = None, tier: str = "active") -> None:
        """``source``: the import that adds contacts (``contact.source``), ``tier`` the
        tier they get unless a row says otherwise."""
        from netjournal.store.reads import dump as dump_reads

        j.flush()
        self.j = j
        self.source = source
        self.tier = tier
        self.filed = 0  # contacts added with ``tier``
        self.rows: dict[int, dict[str, Any]] = {}
        self.by_folded: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_uid: dict[str, int] = {}
        self.by_uuid: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_key: dict[str, int] = {}  # identity.name_key: CJK spacing, credentials
        self.by_identity: dict[Identity, int] = {}
        self.identities: dict[int, set[Identity]] = {}
        self.claims: list[tuple[int, str, str]] = []  # identity rows still to insert
        self.pending: dict[int, dict[str, Any]] = {}
        self.resolved: dict[int, int] = {}
        self.created = 0
        for row in dump_reads.interop_contacts(j.conn):
            self._index(int(row["id"]), row)
        for contact_id, kind, value in dump_reads.identities(j.conn):
            self._know(contact_id, (kind, value))

    def _index(self, key: int, row: dict[str, Any]) -> None:
        self.rows[key] = row
        self.by_folded[row["name_folded"]] = key
        if row.get("linkedin_url"):
            self.by_url[row["linkedin_url"]] = key
        if row.get("vcard_uid"):
            self.by_uid[row["vcard_uid"]] = key
        if row.get("uuid"):
            self.by_uuid[row["uuid"]] = key
        if row.get("email"):
            self.by_email.setdefault(row["email"].casefold(), key)
        self.by_key.setdefault(identity.name_key(row["name"]), key)

    def _know(self, key: int, found: Identity) -> bool:
        """Record that ``key`` has this identity; False when another contact has it."""
        owner = self.by_identity.setdefault(found, key)
        if owner != key:
            return False
        self.identities.setdefault(key, set()).add(found)
        return True

    def named(self, name: str) -> int | None:
        """The contact of this name: folded, else without credentials and CJK spacing."""
        key = self.by_folded.get(fold(name))
        return key if key is not None else self.by_key.get(identity.name_key(name))

    def owner(self, found: Identity) -> int | None:
        """The contact with this identity (a UID may also be a contact's own UUID, which
        our vCard export writes)."""
        key = self.by_identity.get(found)
        if key is None and found[0] == "uid":
            key = self.by_uuid.get(found[1])
        return key

    def link(
        self, name: str, found: list[Identity], brought: dict[int, set[Identity]] | None = None
    ) -> Link:
        """The contact an incoming person is: the first contact with one of its
        identities; else the contact of the same name unless a LinkedIn profile or an
        email contradicts it (or, within one import, any identity an earlier item of the
        import ``brought`` to that contact: two cards of one address book with two UIDs
        are two people)."""
        for item in found:
            key = self.owner(item)
            if key is not None:
                return Link(key)
        clash = self.named(name)
        if clash is None:
            return Link(None)
        why = identity.contradicts(self.identities.get(clash, set()), found)
        if why is None and brought and clash in brought:
            why = identity.contradicts(brought[clash], found, identity.KINDS[:3])
        return Link(None, clash, why) if why else Link(clash)

    def claim(self, key: int, found: list[Identity]) -> None:
        """Give contact ``key`` these identities (those no other contact has)."""
        for item in found:
            if item not in self.by_identity and self._know(key, item):
                self.claims.append((key, *item))

    def place(
        self, name: str, link: Link, company: str | None, where: str, summary: Summary
    ) -> str:
        """The name a new contact gets: its own, or, when the name is a contradicting
        contact's, 'Name (Company)' (reported with the command that merges them)."""
        if link.clash is None and self.named(name) is None:
            return name
        new = self.free_name(name, company)
        summary.renamed.append(
            (
                where,
                self.rows[link.clash]["name"] if link.clash is not None else name,
                new,
                link.why,
            )
        )
        return new

    def free_name(self, name: str, company: str | None) -> str:
        """'Name (Company)', or 'Name (2)', 'Name (3)'... : a name no contact has."""
        options = [f"{name} ({company})"] if company else []
        options += [f"{name} ({n})" for n in range(2, 10_000)]
        for option in options:
            if len(option) <= MAX_NAME and fold(option) not in self.by_folded:
                return option
        raise BadValue(messages.NAME_TAKEN.format(name=name))  # pragma: no cover

    def add(self, name: str, **fields: Any) -> int:
        """Queue a new contact (inserted in bulk); returns its provisional key (< 0)."""
        from netjournal.models.base import new_uuid

        now = self.j.now.astimezone(UTC)
        folded = fold(name)
        if folded in self.by_folded:  # the callers check; the database would refuse it
            raise BadValue(messages.NAME_TAKEN.format(name=name))
        row: dict[str, Any] = {
            "uuid": new_uuid(),
            "name": name,
            "name_folded": folded,
            "tags": "[]",
            "tier": self.tier,
            "kin": False,
            "archived": False,
            "created_at": now,
            "updated_at": now,
            "source": self.source,
            **fields,
        }
        if "tier" not in fields:
            self.filed += 1
        self.created += 1
        key = -self.created
        self.pending[key] = row
        self._index(key, row)
        self.claim(key, identity.of_contact(row))
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()
        return key

    def flush(self) -> None:
        """Insert the queued contacts in one statement (executemany), learn their ids,
        then the identities claimed meanwhile."""
        self._flush_contacts()
        if self.claims:
            self.j.flush()
            rows = [(self.real_id(key), kind, value) for key, kind, value in self.claims]
            self.j.conn.executemany(
                "INSERT OR IGNORE INTO identity (contact_id, kind, value) VALUES (?, ?, ?)", rows
            )
            self.claims.clear()

    def _flush_contacts(self) -> None:
        if not self.pending:
            return
        from sqlalchemy import insert

        from netjournal.models.journal import Contact
        from netjournal.store.reads import dump as dump_reads

        before = dump_reads.max_id(self.j.conn, "contact")
        columns = {c.name for c in Contact.__table__.columns} - {"id"}  # type: ignore[attr-defined]
        rows = [{c: row.get(c) for c in columns} for row in self.pending.values()]
        self.j.session.execute(insert(Contact.__table__), rows)  # type: ignore[attr-defined]
        ids = dump_reads.uuid_ids(self.j.conn, "contact", after=before)
        for key, row in self.pending.items():
            self.resolved[key] = ids[row["uuid"]]
        self.pending.clear()

    def update(self, key: int, **fields: Any) -> None:
        """Change a contact's columns (only those that differ); ``key`` may be provisional."""
        from netjournal.models.journal import Contact

        row = self.rows[key]
        changes = {k: v for k, v in fields.items() if row.get(k) != v}
        if not changes:
            return
        row.update(changes)
        self._index(key, row)
        self.claim(key, identity.of_contact(changes))
        if key in self.pending:
            return  # the queued row itself changed
        contact = self.j.session.get(Contact, self.real_id(key))
        for name, value in changes.items():
            setattr(contact, name, value)
        contact.updated_at = self.j.now.astimezone(UTC)
        self.j.session.add(contact)

    def real_id(self, key: int) -> int:
        if key >= 0:
            return key
        if key in self.pending:
            self._flush_contacts()
        return self.resolved[key]

    def tags(self, key: int) -> list[str]:
        raw = self.rows[key].get("tags") or "[]"
        return list(json.loads(raw)) if isinstance(raw, str) else list(raw)


def merged_tags(old: list[str], new: list[str]) -> list[str]:
    """``old`` followed by the tags of ``new`` it does not have (case-insensitively)."""
    out = list(old)
    seen = {fold(t) for t in out}
    for tag in new:
        if fold(tag) not in seen:
            seen.add(fold(tag))
            out.append(tag)
    return out


def tags_json(tags: list[str]) -> str:
    return json.dumps(tags, ensure_ascii=False)
