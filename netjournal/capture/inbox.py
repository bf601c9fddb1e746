"""``net inbox FILE``: a text file written on a phone, one ``net log`` per line.

The line grammar (README, "Capture")::

    WHEN [KIND] with NAME[, NAME | and NAME]... [: NOTE] [; MARKER]...

    MARKER:  give [KIND:]TEXT | ask [KIND:]TEXT | learned CATEGORY:TEXT
             | promise TEXT | follow-up WHEN

``WHEN`` is anything ``net log --on`` takes (``2026-12-01``, ``2026-12-01 15:30``,
``yesterday``, ``last friday``); ``KIND`` an interaction kind or a word for one
(:data:`KIND_WORDS`: coffee, lunch, zoom...; default ``one-to-one``); names resolve as
``net log``'s do, and one that is unknown, ambiguous or close to several is reported
with its line number and the line left for you (never guessed). A ``;`` not followed by
a marker word belongs to the note. Empty lines and lines starting with ``#`` are
ignored. A line is recognised by its text (spaces collapsed): a line imported once is
skipped on every later run, so the file can keep growing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from netjournal import messages, vocab
from netjournal.capture import Matcher, Person, Proposal, Tally, clean_note, digest
from netjournal.errors import BadValue
from netjournal.plural import plural
from netjournal.text import choice, clean_text

SOURCE = "inbox"
#: words for the interaction kinds, as people write them on a phone
KIND_WORDS: dict[str, str] = {
    **{kind: kind for kind in vocab.INTERACTION_KINDS},
    **dict.fromkeys(("coffee", "drinks", "drink", "walk", "1:1", "1on1"), "one-to-one"),
    **dict.fromkeys(("lunch", "dinner", "breakfast", "brunch", "aperitivo"), "meal"),
    **dict.fromkeys(("zoom", "teams", "meet", "videocall", "video-call"), "video"),
    **dict.fromkeys(("phone", "phonecall", "phone-call"), "call"),
    **dict.fromkeys(("conference", "meetup", "talk", "fair"), "event"),
    **dict.fromkeys(("mail", "e-mail"), "email"),
    **dict.fromkeys(("text", "sms", "whatsapp", "chat", "dm"), "message"),
    **dict.fromkeys(("party", "game", "match"), "social"),
    "voicenote": "voice",
}
MARKERS = ("give", "ask", "learned", "promise", "follow-up")
_WITH = re.compile(r"\s+with\s+", re.IGNORECASE)
_MARKER = re.compile(r"^\s*(give|ask|learned|promise|follow-up)\b\s*", re.IGNORECASE)
_AND = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*", re.IGNORECASE)
#: days after the entry's day by which its promises are due (as net log's --by default)
PROMISE_DAYS = 7


def propose(
    text: str, today: date, date_order: str, matcher: Matcher, tally: Tally
) -> list[Proposal]:
    """The entries of the file's text, in the order of its lines."""
    out: list[Proposal] = []
    keys: set[str] = set()
    tally.files = 1
    for number, raw in enumerate(text.splitlines(), 1):
        line = " ".join(raw.split())
        if not line or line.startswith("#"):
            continue
        tally.read += 1
        key = digest(line)
        if key in keys or matcher.captured(SOURCE, key):
            tally.skip("already imported")
            continue
        try:
            item = _entry(line, key, today, date_order, matcher)
        except BadValue as exc:
            tally.problems.add(messages.CAPTURE_INBOX_BAD.format(line=number, reason=exc.message))
            tally.skip("left for you")
            continue
        keys.add(key)
        out.append(item)
    return out


def _entry(line: str, key: str, today: date, date_order: str, matcher: Matcher) -> Proposal:
    from netjournal.dates import check_range, parse_when

    pieces = _WITH.split(line.lstrip("-*• "), maxsplit=1)
    if len(pieces) < 2:
        raise BadValue(messages.CAPTURE_INBOX_NO_NAME)
    head, rest = pieces
    words = head.split()
    kind = vocab.DEFAULT_INTERACTION_KIND
    if words and words[-1].lower() in KIND_WORDS:
        kind = KIND_WORDS[words.pop().lower()]
    if not words:
        raise BadValue(messages.CAPTURE_INBOX_NO_DATE)
    when_text = " ".join(words)
    moment = parse_when(when_text, today, prefer="past", date_order=date_order)  # type: ignore[arg-type]
    check_range(moment.date(), when_text)
    parts = _parts(rest)
    names_text, _colon, note = parts[0].partition(":")
    people = [_person(name, matcher) for name in _AND.split(names_text.strip()) if name]
    if not people:
        raise BadValue(messages.CAPTURE_INBOX_NO_NAME)
    if len({p.id for p in people}) != len(people):
        raise BadValue(messages.DUPLICATE_NAMES.format(name=people[0].name))
    day = moment.date()
    extras = _markers(parts[1:], today, day, date_order)
    return Proposal(
        source=SOURCE,
        key=key,
        kind=kind,
        when=moment.astimezone(),
        note=clean_text(clean_note(note), "note", required=False),
        people=people,
        extras=extras,
    )


def _parts(rest: str) -> list[str]:
    """The names-and-note part, then one part per marker (a ``;`` before anything else
    stays in the text before it)."""
    parts: list[str] = []
    for piece in rest.split(";"):
        if parts and not _MARKER.match(piece):
            parts[-1] += ";" + piece
        else:
            parts.append(piece)
    return [p.strip() for p in parts]


def _person(name: str, matcher: Matcher) -> Person:
    from netjournal.names import Outcome, resolution_error

    res = matcher.resolve(name.strip())
    if res.outcome is Outcome.FOUND and res.match is not None:
        return Person(res.match.id, res.match.name)
    raise resolution_error(res)


def _markers(parts: list[str], today: date, day: date, date_order: str) -> dict[str, object]:
    from netjournal.dates import parse_day

    gives: list[tuple[str, str]] = []
    asks: list[tuple[str, str]] = []
    facts: list[tuple[str, str]] = []
    promises: list[str] = []
    follow_up: date | None = None
    for part in parts:
        found = _MARKER.match(part)
        assert found is not None
        word, text = found.group(1).lower(), part[found.end() :].strip()
        if word in ("give", "ask"):
            (gives if word == "give" else asks).append(_kind_and_text(text, word))
        elif word == "learned":
            head, sep, body = text.partition(":")
            if not sep:
                raise BadValue(messages.BAD_LEARNED)
            category = choice(head.strip(), vocab.FACT_CATEGORIES, "fact category")
            facts.append((category, clean_text(body, "fact")))
        elif word == "promise":
            promises.append(clean_text(text, "promise"))
        else:
            follow_up = parse_day(text, today, prefer="future", date_order=date_order)  # type: ignore[arg-type]
    described = [
        plural(n, what)
        for what, n in (
            ("give", len(gives)),
            ("ask", len(asks)),
            ("fact", len(facts)),
            ("promise", len(promises)),
        )
        if n
    ]
    if follow_up is not None:
        described.append(f"follow-up on {follow_up.isoformat()}")
    if not described:
        return {}
    return {
        "gives": gives,
        "asks": asks,
        "facts": facts,
        "promises": promises,
        "promise_day": day + timedelta(days=PROMISE_DAYS),
        "follow_up": follow_up,
        "described": described,
    }


def _kind_and_text(raw: str, what: str) -> tuple[str, str]:
    """``net log --give``'s rule: 'introduction: to Marco' -> ('introduction', 'to Marco')."""
    head, sep, rest = raw.partition(":")
    if sep and head.strip().lower() in vocab.EXCHANGE_KINDS:
        return head.strip().lower(), clean_text(rest, what)
    return vocab.DEFAULT_EXCHANGE_KIND, clean_text(raw, what)
