"""Contacts that look like one person: the pairs ``net contact dupes`` lists and ``net
doctor`` reports, each with its evidence, most likely first.

Evidence, with its weight (a pair is listed from :data:`LISTED` points on):

* the same email, phone or LinkedIn profile in the contacts' own fields (two contacts
  typed by hand, or from before schema 5): 5, 4, 5;
* the same name once accents, case, punctuation, word order, CJK spacing and
  post-nominals are set aside ("Rossi, Ana" and "Ana Rossi"; "李 小龍" and "李小龍"): 4;
* a name an import gave as "Name (Company)" next to "Name": 3;
* a close spelling, word by word ("Marko Neri" and "Marco Neri"): 3 less a point per
  further typo;
* one name the start of the other ("Marco" and "Marco Neri", what ``net log Marco``
  made before a LinkedIn import brought the full name): 2;
* the same company: 1, only next to other evidence;
* a different email or LinkedIn profile: -3 (the import kept them apart for that).

Candidates are found by blocking, never by comparing every pair: contacts that share an
identity, a name key, a word, or a word less one letter (which catches one typo). Pure:
it takes plain rows.
"""

from __future__ import annotations

import re
import shlex
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from netjournal.identity import Identity, contradicts, name_key
from netjournal.identity import of_contact as contact_identities
from netjournal.names import words_close
from netjournal.text import fold

LISTED = 2.0
#: a block of more contacts than this (a common first name) gives no pairs by itself
MAX_BLOCK = 300
_RENAMED = re.compile(r"^(.*\S)\s+\([^()]*\)$")

WEIGHTS = {
    "same email": 5.0,
    "same LinkedIn profile": 5.0,
    "same phone": 4.0,
    "same vCard UID": 5.0,
    "same name": 4.0,
    "added on import as another name": 3.0,
    "close spelling": 3.0,
    "one name starts the other": 2.0,
    "same company": 1.0,
    "different email": -3.0,
    "different LinkedIn profile": -3.0,
}
_SAME = {
    "email": "same email",
    "phone": "same phone",
    "linkedin": "same LinkedIn profile",
    "uid": "same vCard UID",
}


@dataclass
class Pair:
    """Two contacts (by name order) and why they look alike."""

    first: dict[str, Any]
    second: dict[str, Any]
    evidence: list[str] = field(default_factory=list)
    score: float = 0.0

    def add(self, what: str, points: float | None = None) -> None:
        if what not in self.evidence:
            self.evidence.append(what)
            self.score += WEIGHTS.get(what, 0.0) if points is None else points


def base_name(name: str) -> str:
    """'Ana Rossi (Beta)' -> 'Ana Rossi' (how imports name a second person)."""
    match = _RENAMED.match(name)
    return match.group(1) if match else name


def loose_key(name: str) -> str:
    """Letters and digits of the name key, words sorted: 'Rossi, Ana' is 'ana rossi'."""
    return " ".join(sorted(re.findall(r"\w+", name_key(name))))


@dataclass(frozen=True, slots=True)
class _Seen:
    """What is compared of one contact, computed once."""

    base: str  # the name without an import's " (Company)"
    loose: str
    words: tuple[str, ...]
    identities: frozenset[Identity]


def _features(row: dict[str, Any]) -> _Seen:
    base = base_name(row["name"])
    return _Seen(
        base, loose_key(base), tuple(fold(base).split()), frozenset(contact_identities(row))
    )


def _blocks(seen: list[_Seen]) -> Iterable[list[int]]:
    """Groups of contacts worth comparing: the same identity or loose name; the same
    name but for one letter (the name and each of its one-letter deletions: two names
    one edit apart share one of them); a name and the names it starts."""
    groups: dict[tuple[str, str], set[int]] = defaultdict(set)
    starts: dict[str, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for index, item in enumerate(seen):
        for kind, value in item.identities:
            groups[(kind, value)].add(index)
        groups[("name", item.loose)].add(index)
        text = " ".join(item.words)
        if len(text) >= 6:
            for cut in range(len(text) + 1):
                groups[("typo", text[:cut] + text[cut + 1 :])].add(index)
        starts[text][0].add(index)
        for k in range(1, len(item.words)):
            starts[" ".join(item.words[:k])][1].add(index)
    for members in groups.values():
        if 1 < len(members) <= MAX_BLOCK:
            yield sorted(members)
    for short, longer in starts.values():
        if short and longer and len(longer) <= MAX_BLOCK:
            yield sorted(short | longer)


def _judge(
    a: dict[str, Any], b: dict[str, Any], fa: _Seen, fb: _Seen, ids: dict[int, set[Identity]]
) -> Pair:
    pair = Pair(a, b)
    for item in fa.identities & fb.identities:
        pair.add(_SAME[item[0]])
    if fa.loose == fb.loose:
        renamed = fa.base != a["name"] or fb.base != b["name"]
        pair.add("added on import as another name" if renamed else "same name")
    else:
        words_a, words_b = list(fa.words), list(fb.words)
        typos = words_close(words_a, words_b) if len(words_a) == len(words_b) else None
        if typos is not None:
            pair.add("close spelling", WEIGHTS["close spelling"] - (typos - 1))
        elif _starts(words_a, words_b) or _starts(words_b, words_a):
            pair.add("one name starts the other")
    if not pair.evidence:
        return pair
    if a.get("company") and fold(a["company"]) == fold(b.get("company") or ""):
        pair.add("same company")
    mine = ids.get(int(a["id"])) or set(fa.identities)
    theirs = ids.get(int(b["id"])) or set(fb.identities)
    why = contradicts(mine, sorted(theirs))
    if why:
        pair.add("different email" if why == "email" else "different LinkedIn profile")
    return pair


def _starts(short: list[str], long: list[str]) -> bool:
    return 0 < len(short) < len(long) and long[: len(short)] == short


def pairs(contacts: list[dict[str, Any]], ids: dict[int, set[Identity]]) -> list[Pair]:
    """The pairs of ``contacts`` (dicts with id, name, company, email, phone,
    linkedin_url, vcard_uid) that look like one person, most likely first; ``ids`` are
    the contacts' identities (for contradictions)."""
    features = [_features(row) for row in contacts]
    done: set[tuple[int, int]] = set()
    found: list[Pair] = []
    for block in _blocks(features):
        for i, j in combinations(block, 2):
            if (i, j) in done:
                continue
            done.add((i, j))
            pair = _judge(contacts[i], contacts[j], features[i], features[j], ids)
            if pair.score >= LISTED:
                found.append(pair)
    found.sort(key=lambda p: (-p.score, fold(p.first["name"]), fold(p.second["name"])))
    return found


def keep_first(a: dict[str, Any], b: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Which of the two to keep: the one with more history, else the one whose name an
    import did not change ('Ana Rossi' before 'Ana Rossi (Beta)'), else the one typed by
    hand (no import ``source``), else the first."""
    if a.get("interactions", 0) != b.get("interactions", 0):
        return (a, b) if a.get("interactions", 0) > b.get("interactions", 0) else (b, a)
    renamed_a, renamed_b = base_name(a["name"]) != a["name"], base_name(b["name"]) != b["name"]
    if renamed_a != renamed_b:
        return (b, a) if renamed_a else (a, b)
    if bool(a.get("source")) != bool(b.get("source")):
        return (b, a) if a.get("source") else (a, b)
    return a, b


def merge_command(a: dict[str, Any], b: dict[str, Any]) -> str:
    """``net contact merge KEEP OTHER`` for the pair, quoted for a POSIX shell."""
    keep, other = keep_first(a, b)
    return f"net contact merge {shlex.quote(keep['name'])} {shlex.quote(other['name'])}"
