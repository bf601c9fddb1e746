"""Resolving the names people type to contacts, as DESIGN.md's "Names" paragraph says.

Pure: it works on a list of candidates, so the rule is tested without a database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from netjournal import messages
from netjournal.errors import BadValue, NetError
from netjournal.text import fold

SIMILARITY = 0.85


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    name: str
    folded: str


class Outcome(Enum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    CLOSE = "close"  # no match, but close spellings exist
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Resolution:
    outcome: Outcome
    query: str
    match: Candidate | None = None
    options: tuple[Candidate, ...] = ()


def resolve(query: str, candidates: list[Candidate], *, exact_only: bool = False) -> Resolution:
    """Exact folded name; else a unique prefix of the name or of a word in it.

    Several prefix matches are ambiguous; none leaves the close spellings
    (``difflib`` ratio >= 0.85 between folded names). With ``exact_only`` (``log --new``)
    only an exact match counts.
    """
    key = fold(query)
    exact = next((c for c in candidates if c.folded == key), None)
    hits: list[Candidate] = []
    if exact is None and not exact_only and key:
        hits = [c for c in candidates if _prefix_match(key, c.folded)]
    return decide(query, exact, hits, lambda: candidates, exact_only=exact_only)


def decide(
    query: str,
    exact: Candidate | None,
    hits: list[Candidate],
    everyone: Callable[[], list[Candidate]],
    *,
    exact_only: bool = False,
) -> Resolution:
    """The outcome of resolving ``query``, given its exact match and its prefix ``hits``
    (however they were found: :func:`resolve` over a list, ``store.reads`` in SQL).
    ``everyone`` is called only when nothing matched, for the close spellings."""
    if exact is not None:
        return Resolution(Outcome.FOUND, query, exact)
    if len(hits) == 1:
        return Resolution(Outcome.FOUND, query, hits[0])
    if hits:
        return Resolution(
            Outcome.AMBIGUOUS, query, options=tuple(sorted(hits, key=lambda c: c.folded))
        )
    if exact_only:
        return Resolution(Outcome.MISSING, query)
    close = close_spellings(fold(query), everyone())
    if close:
        return Resolution(Outcome.CLOSE, query, options=close)
    return Resolution(Outcome.MISSING, query)


def _prefix_match(key: str, folded: str) -> bool:
    if folded.startswith(key):
        return True
    words = folded.split()
    if " " in key:
        # "ana ro" matches "maria ana rossi" from the word "ana" on
        return any(" ".join(words[i:]).startswith(key) for i in range(1, len(words)))
    return any(word.startswith(key) for word in words)


def close_spellings(key: str, candidates: list[Candidate], limit: int = 5) -> tuple[Candidate, ...]:
    import difflib

    scored = []
    for cand in candidates:
        matcher = difflib.SequenceMatcher(None, key, cand.folded)
        if matcher.real_quick_ratio() < SIMILARITY or matcher.quick_ratio() < SIMILARITY:
            continue
        ratio = matcher.ratio()
        if ratio >= SIMILARITY:
            scored.append((-ratio, cand.folded, cand))
    scored.sort(key=lambda item: (item[0], item[1]))
    return tuple(item[2] for item in scored[:limit])


def resolution_error(res: Resolution) -> NetError:
    if res.outcome is Outcome.AMBIGUOUS:
        return BadValue(
            messages.NAME_AMBIGUOUS.format(name=res.query, options=options_text(res.options))
        )
    if res.outcome is Outcome.CLOSE:
        return BadValue(
            messages.NAME_UNKNOWN_CLOSE.format(name=res.query, options=options_text(res.options))
        )
    return BadValue(messages.NAME_UNKNOWN.format(name=res.query))


def options_text(options: Sequence[Candidate]) -> str:
    names = [f"'{c.name}'" for c in options[:8]]
    if len(options) > 8:
        names.append(f"{len(options) - 8} more")
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]
