"""vCard 3.0 and 4.0 in and out, through ``vobject`` (imported only when used).

Import reads FN (or the name built from N), ORG, TITLE, EMAIL, TEL, BDAY with or
without a year, NOTE (each one a fact of category ``other``), CATEGORIES (tags) and UID;
what the card says beyond those fields (N, NICKNAME, ORG units, every EMAIL, TEL, URL and
ADR with its types) is kept in ``contact_card`` (``vcardparts``, ``netjournal.cards``).
Identity for re-imports: any identity (``netjournal.identity``: UID, LinkedIn URL,
emails, phones), else the name unless an email or profile contradicts it. A re-import
fills fields the contact does not have yet, adds new tags and notes (a note edited in
another client replaces the fact it came from) and what the card says new; it never
overwrites what is there. A card that cannot be read is reported by its position and
skipped.

Cards are first cut from the file and made fit for ``vobject`` (``vcardtext``: 2.1 and
Outlook's unescaped commas, charsets). Export is ``vcardexport``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from netjournal import cards as card_data
from netjournal import identity, messages
from netjournal.errors import BadValue
from netjournal.identity import Identity
from netjournal.interop import SAME, Contacts, Link, Summary, merged_tags, tags_json, vcardparts
from netjournal.interop.vcardparts import tel_text
from netjournal.interop.vcardtext import MAX_CARD, iter_cards, prepare
from netjournal.text import clean_name, clean_optional, clean_text, fold, printable

if TYPE_CHECKING:
    from netjournal.interop.source import Source
    from netjournal.store.writer import Journal

VERSIONS = ("3.0", "4.0")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NO_YEAR = 1604  # Apple's placeholder year for a birthday without one


@dataclass
class Card:
    position: int
    name: str
    company: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    birthday: str | None = None
    uid: str | None = None
    linkedin: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # ``netjournal.cards``

    def identities(self) -> list[Identity]:
        return identity.collect(
            linkedin=self.linkedin, uid=self.uid, email=self.emails, phone=self.phones
        )


def parse_birthday(value: str, omit_year: bool = False) -> str | None:
    """'1980-05-17', '19800517', '--0517', '--05-17', '1604-05-17' -> stored form or None."""
    text = value.strip().split("T", 1)[0]
    year: int | None
    match = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        if omit_year or year == NO_YEAR:
            year = None
    else:
        match = re.fullmatch(r"--(\d{2})-?(\d{2})", text)
        if not match:
            return None
        year, (month, day) = None, (int(g) for g in match.groups())
    try:
        date(2000 if year is None else year, month, day)
    except ValueError:
        return None
    return f"--{month:02d}-{day:02d}" if year is None else f"{year:04d}-{month:02d}-{day:02d}"


def _values(component: Any, name: str) -> list[Any]:
    return [line.value for line in component.contents.get(name, [])]


def _first_text(component: Any, name: str) -> str | None:
    for value in _values(component, name):
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


#: labels Google puts on every contact: not tags anyone chose
_SYSTEM_GROUPS = {"mycontacts", "starred"}


def _filed_as(name: str, component: Any) -> str:
    """Outlook files people as FN 'Müller, Jürgen': with N saying family 'Müller' and
    given 'Jürgen', the name is 'Jürgen Müller'."""
    if "," not in name:
        return name
    for value in _values(component, "n"):
        family, given = _joined(getattr(value, "family", "")), _joined(getattr(value, "given", ""))
        if family and given and fold(name) == fold(f"{family}, {given}"):
            return f"{given} {family}"
    return name


def _joined(piece: Any) -> str:
    parts = piece if isinstance(piece, list) else [piece]
    return " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def _name(component: Any) -> str | None:
    name = _first_text(component, "fn")
    if name:
        return _filed_as(name, component)
    for value in _values(component, "n"):
        parts: list[str] = []
        for attr in ("prefix", "given", "additional", "family", "suffix"):
            piece = getattr(value, attr, "")
            parts += piece if isinstance(piece, list) else [piece]
        joined = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
        if joined:
            return joined
    return None


def _all_texts(component: Any, name: str) -> list[str]:
    out: list[str] = []
    for value in _values(component, name):
        if isinstance(value, str) and value.strip() and value.strip().isprintable():
            out.append(value.strip())
    return out


def _linkedin(component: Any) -> str | None:
    """The LinkedIn profile among the card's URL lines (our own export writes it there)
    and Apple's ``X-SOCIALPROFILE``."""
    for name in ("url", "x-socialprofile"):
        for value in _values(component, name):
            found = identity.linkedin(value) if isinstance(value, str) else None
            if found:
                return found
    return None


def read_card(position: int, text: str | None, summary: Summary) -> Card | None:
    """One card, or None (reported in ``summary``) when it cannot be read."""
    import vobject

    where = f"card {position}"
    if text is None:
        limit = f"{MAX_CARD // (1024 * 1024)} MiB"
        summary.skipped.append((where, messages.WHY_CARD_TOO_BIG.format(limit=limit)))
        return None
    try:
        component = vobject.readOne(prepare(text), allowQP=True)
        raw_name = _name(component)
    except Exception as exc:  # vobject raises many kinds; any of them means unreadable
        reason = printable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 80)
        summary.skipped.append((where, messages.WHY_UNREADABLE_CARD.format(reason=reason)))
        return None
    if not raw_name:
        summary.skipped.append((where, messages.WHY_NO_NAME))
        return None
    try:
        card = Card(position=position, name=clean_name(raw_name))
        card.company = clean_optional(_first_text(component, "org"), "company")
        card.role = clean_optional(_first_text(component, "title"), "role")
        card.phone = clean_optional(tel_text(_first_text(component, "tel")), "phone")
        card.uid = clean_optional(_first_text(component, "uid"), "UID")
        email = clean_optional(_first_text(component, "email"), "email")
        for note in _values(component, "note"):
            if isinstance(note, str) and note.strip():
                card.notes.append(clean_text(note, "note"))
        for value in _values(component, "categories"):
            for tag in value if isinstance(value, list) else str(value).split(","):
                cleaned = clean_optional(str(tag), "tag")
                if cleaned and cleaned.casefold() not in _SYSTEM_GROUPS:
                    card.tags = merged_tags(card.tags, [cleaned])
    except BadValue as exc:
        summary.skipped.append((where, exc.message))
        return None
    if email and not _EMAIL.match(email):
        summary.warnings.append((where, messages.WHY_BAD_EMAIL.format(email=email)))
        email = None
    card.email = email
    card.emails = [e for e in _all_texts(component, "email") if _EMAIL.match(e)]
    card.phones = [str(tel_text(t)) for t in _all_texts(component, "tel")]
    card.linkedin = _linkedin(component)
    card.details = vcardparts.read(component, card.name)
    for line in component.contents.get("bday", []):
        if not isinstance(line.value, str) or not line.value.strip():
            continue
        omit = bool(line.params.get("X-APPLE-OMIT-YEAR"))
        card.birthday = parse_birthday(line.value, omit)
        if card.birthday is None:
            text_value = printable(line.value)
            summary.warnings.append((where, messages.WHY_BAD_BIRTHDAY.format(text=text_value)))
        break
    return card


def parse(source: Source, summary: Summary) -> Iterator[Card]:
    """The file's cards, read as they are needed; cards that cannot be read go to
    ``summary``. The first card is looked for now: a file without one is refused before
    anything is written."""
    blocks = iter_cards(source.lines())
    first = next(blocks, False)
    if first is False:
        raise BadValue(messages.IMPORT_NOT_VCARD.format(path=source.path))
    return _cards(itertools.chain([first], blocks), summary)


def _cards(blocks: Iterable[str | None], summary: Summary) -> Iterator[Card]:
    for position, block in enumerate(blocks, 1):
        card = read_card(position, block, summary)
        if card is not None:
            yield card


def import_cards(
    j: Journal, cards: Iterable[Card], summary: Summary, tier: str = "acquaintance"
) -> None:
    """Add or update every card inside the caller's write transaction."""
    from netjournal.store import card_writes
    from netjournal.store.reads import dump as dump_reads

    people = Contacts(j, source="vcard", tier=tier)
    kept = {key: card_data.loads(text) for key, text in dump_reads.contact_cards(j.conn).items()}
    changed_cards: set[int] = set()
    notes: dict[int, dict[str, int]] = {}
    for fact_id, contact_id, text in dump_reads.interop_fact_rows(j.conn, "other"):
        notes.setdefault(contact_id, {})[text] = fact_id
    seen: dict[int, str] = {}
    brought: dict[int, set[Identity]] = {}
    for card in cards:
        where = f"card {card.position}"
        found = card.identities()
        link = _match(people, card, found, brought)
        key = link.key
        if key is not None and key in seen:
            summary.skipped.append((where, messages.WHY_SAME_AS.format(where=seen[key])), SAME)
            continue
        if key is None:
            name = people.place(card.name, link, card.company, where, summary)
            key = people.add(
                name,
                company=card.company,
                role=card.role,
                email=card.email,
                phone=card.phone,
                birthday=card.birthday,
                tags=tags_json(card.tags),
                vcard_uid=card.uid,
                linkedin_url=card.linkedin,
            )
            status = "added"
        else:
            status = "updated" if _refresh(people, key, card) else "unchanged"
        people.claim(key, found)
        if vcardparts.join(people, key, card.details, kept):
            changed_cards.add(key)
            status = "updated" if status == "unchanged" else status
        brought.setdefault(key, set()).update(found)
        known = notes.setdefault(key, {}) if key >= 0 else {}
        took = _take_notes(j, people.real_id(key) if card.notes else 0, card.notes, known)
        if took and status == "unchanged":
            status = "updated"
        if status == "added":
            summary.added += 1
        elif status == "updated":
            summary.updated += 1
        else:
            summary.unchanged += 1
        seen[key] = where
    people.flush()
    j.flush()
    card_writes.put(j.conn, [(people.real_id(k), card_data.dumps(kept[k])) for k in changed_cards])
    summary.filed, summary.tier = people.filed, tier


#: how alike an edited note must be to the one it replaces
NOTE_EDITED = 0.8


#: how long the shorter note must be for its beginning alone to make the other an edit
EDITED_HEAD = 12


def edited_from(note: str, known: dict[str, int], keep: list[str]) -> str | None:
    """The known note that ``note`` is an edit of (one begins the other, they are
    :data:`NOTE_EDITED` alike, or their beginnings are, as the shorter is long), unless
    the card still carries it."""
    import difflib

    for old in known:
        if old in keep:
            continue
        if note.startswith(old) or old.startswith(note):
            return old
        if difflib.SequenceMatcher(None, old, note).ratio() >= NOTE_EDITED:
            return old
        shorter = min(len(old), len(note))
        if shorter >= EDITED_HEAD and (
            difflib.SequenceMatcher(None, old[:shorter], note[:shorter]).ratio() >= NOTE_EDITED
        ):
            return old  # edited, and lengthened or shortened at the end
    return None


def _take_notes(j: Journal, contact_id: int, card_notes: list[str], known: dict[str, int]) -> bool:
    """Add the card's new notes as facts; a note edited in another client replaces the
    fact it came from instead of adding a near-duplicate. True if anything changed."""
    changed = False
    for note in card_notes:
        if note in known:
            continue
        old = edited_from(note, known, card_notes)
        if old is not None:
            fact_id = known.pop(old)
            j.update_fact_text(fact_id, note)
        else:
            fact_id = int(j.add_fact(contact_id, "other", note, j.today).id or 0)
        known[note] = fact_id
        changed = True
    return changed


def _match(
    people: Contacts, card: Card, found: list[Identity], brought: dict[int, set[Identity]]
) -> Link:
    """By identity (UID, or our own export's contact UUID; LinkedIn URL; emails; phones),
    else by name unless a LinkedIn profile or email (or, within this file, a UID)
    contradicts it."""
    return people.link(card.name, found, brought)


def _refresh(people: Contacts, key: int, card: Card) -> bool:
    row = people.rows[key]
    fields: dict[str, Any] = {}
    for column in ("company", "role", "email", "phone", "birthday"):
        value = getattr(card, column)
        if value is not None and not row.get(column):
            fields[column] = value
    if card.linkedin and not row.get("linkedin_url"):
        fields["linkedin_url"] = card.linkedin
    if card.uid and not row.get("vcard_uid") and row.get("uuid") != card.uid:
        fields["vcard_uid"] = card.uid
    tags = merged_tags(people.tags(key), card.tags)
    if tags != people.tags(key):
        fields["tags"] = tags_json(tags)
    if not fields:
        return False
    people.update(key, **fields)
    return True
