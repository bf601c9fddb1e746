"""``net search``: the records that hold the words asked for, best first, each with its
contact(s), date, kind and a snippet whose matches are marked. Plain JSON-ready data."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from netjournal import messages
from netjournal.errors import BadValue
from netjournal.store import fts
from netjournal.store.reads import search as search_reads
from netjournal.text import printable

#: what ``--in`` accepts, in the order ``net search --help`` lists them
KINDS = ("notes", "facts", "gives", "asks", "followups", "contacts")

#: the kind a hit is shown as, per ``--in`` value
HIT_KIND = {
    "notes": "note",
    "facts": "fact",
    "gives": "give",
    "asks": "ask",
    "followups": "followup",
    "contacts": "contact",
}
#: the record id prefix ``net edit``/``net rm`` take, per ``--in`` value (none for contacts)
ID_PREFIX = {"notes": "i", "facts": "f", "gives": "g", "asks": "a", "followups": "r"}


def marked(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet's text without the markers, and the [start, end) of each match in it."""
    text: list[str] = []
    spans: list[list[int]] = []
    length = 0
    start: int | None = None
    for ch in snippet:
        if ch == search_reads.MARK_ON:
            start = length
        elif ch == search_reads.MARK_OFF:
            if start is not None:
                spans.append([start, length])
            start = None
        else:
            text.append(ch)
            length += 1
    return "".join(text), spans


def _hit(hit: dict[str, Any]) -> dict[str, Any]:
    kind = hit["kind"]
    text, spans = marked(hit["snippet"].replace("\n", " ").replace("\t", " "))
    prefix = ID_PREFIX.get(kind)
    return {
        "kind": HIT_KIND[kind],
        "id": f"{prefix}{hit['id']}" if prefix else None,
        "on": hit["on"],
        "names": hit["names"],
        "what": hit["what"],
        "snippet": text,
        "highlights": spans,
        "score": round(-hit["score"], 6),
    }


def search(
    conn: sqlite3.Connection,
    query: str,
    kinds: tuple[str, ...] = KINDS,
    *,
    since: date | None = None,
    limit: int = 50,
) -> dict[str, Any]:
    """``net search QUERY``: {"query", "since", "total", "hits": [...]} (raises the
    user's sentence for a query that cannot be a search)."""
    match = fts.to_fts(query)
    try:
        total, hits = search_reads.search(conn, match, kinds, since=since, limit=limit)
    except sqlite3.OperationalError as exc:
        if "fts5" not in str(exc):
            raise
        raise BadValue(messages.SEARCH_CANNOT_PARSE.format(query=printable(query, 80))) from exc
    return {
        "query": query,
        "in": list(kinds),
        "since": since.isoformat() if since else None,
        "total": total,
        "hits": [_hit(h) for h in hits],
    }


def to_match(query: str) -> str:
    """The FTS5 expression for ``query`` (the user's sentence when it cannot be one)."""
    return fts.to_fts(query)


def matching_contacts(conn: sqlite3.Connection, query: str) -> set[int]:
    """``net contacts --search``: ids of the contacts the query finds (their fields or
    any record of theirs), through the same index and grammar as ``net search``."""
    match = fts.to_fts(query)
    try:
        return search_reads.contact_ids(conn, match)
    except sqlite3.OperationalError as exc:
        if "fts5" not in str(exc):
            raise
        raise BadValue(messages.SEARCH_CANNOT_PARSE.format(query=printable(query, 80))) from exc
