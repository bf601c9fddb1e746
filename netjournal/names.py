"""Resolving the names people type to contacts, as DESIGN.md's "Names" paragraph says.

An exact folded name wins; a name written with or without the spaces between CJK
characters (LinkedIn's "李 小龍", typed "李小龍") counts as exact; else a unique prefix of the
name or of a word in it. When nothing matches, close spellings are looked for two ways:
the whole folded name (``difflib`` ratio >= 0.85), and word by word (:func:`words_close`):
each typed word is a word of the name, a prefix of one, or one typo away from either
(two for long words), in order, so "Marko" meets "Marco Neri" and "Giula" "Giulia Rossi".

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
    if exact is None:
        exact = spaced_alike(key, candidates)
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


def prefix_match(key: str, folded: str) -> bool:
    """``key`` (folded) starts the folded name, or a word of it (or, holding spaces, the
    name from one of its words on): how a typed name finds its contact."""
    return _prefix_match(key, folded)


def _prefix_match(key: str, folded: str) -> bool:
    if folded.startswith(key):
        return True
    words = folded.split()
    if " " in key:
        # "ana ro" matches "maria ana rossi" from the word "ana" on
        return any(" ".join(words[i:]).startswith(key) for i in range(1, len(words)))
    return any(word.startswith(key) for word in words)


def spaced_alike(key: str, candidates: Sequence[Candidate]) -> Candidate | None:
    """The one candidate whose name is ``key`` but for the spaces between CJK characters."""
    from netjournal.identity import compact

    if not key:
        return None
    wanted = compact(key)
    found = [c for c in candidates if c.folded != key and compact(c.folded) == wanted]
    return found[0] if len(found) == 1 else None


def close_spellings(key: str, candidates: list[Candidate], limit: int = 5) -> tuple[Candidate, ...]:
    """Candidates spelled like ``key``: the whole name (difflib ratio), then word by word
    (fewest typos first); at most ``limit``, most alike first."""
    import difflib

    scored: list[tuple[float, str, Candidate]] = []
    words = key.split()
    memo: dict[tuple[str, str], int | None] = {}  # names share words: compare each once
    for cand in candidates:
        matcher = difflib.SequenceMatcher(None, key, cand.folded)
        if matcher.real_quick_ratio() >= SIMILARITY and matcher.quick_ratio() >= SIMILARITY:
            ratio = matcher.ratio()
            if ratio >= SIMILARITY:
                scored.append((-1 - ratio, cand.folded, cand))
                continue
        typos = words_close(words, cand.folded.split(), memo)
        if typos is not None:
            scored.append((typos, cand.folded, cand))
    scored.sort(key=lambda item: (item[0], item[1]))
    return tuple(item[2] for item in scored[:limit])


def typo_limit(word: str) -> int:
    """How many typos a typed word may hold: none below 3 letters, one up to 7, else two."""
    if len(word) < 3:
        return 0
    return 1 if len(word) < 8 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from ``a`` to ``b``; any
    value above ``limit`` is returned as ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return min(previous[-1], limit + 1)


def word_typos(typed: str, word: str) -> int | None:
    """0 when ``typed`` is ``word`` or a prefix of it; else the typos between them (or
    between ``typed`` and the start of ``word``), within :func:`typo_limit`; else None.
    A typo in the first letter of a word under six letters does not count: "Dana" is
    not "Ana", nor "Mia" "Pia"."""
    if word.startswith(typed):
        return 0
    limit = typo_limit(typed)
    if limit == 0 or (len(typed) < 6 and typed[0] != word[0]):
        return None
    best = distance(typed, word, limit)
    if len(word) > len(typed) >= 5:  # a prefix with a typo: "Kowalsz" of "Kowalczyk"
        for cut in (len(typed) - 1, len(typed), len(typed) + 1):
            if cut < len(word):
                best = min(best, distance(typed, word[:cut], limit))
    return best if best <= limit else None


def words_close(
    typed: list[str], words: list[str], memo: dict[tuple[str, str], int | None] | None = None
) -> int | None:
    """The typos with which the ``typed`` words match words of a name, in order (each a
    word, a prefix of one, or a typo of either); None when they do not match, or match
    without a typo (then the prefix rule has decided already)."""
    if not typed or not words:
        return None
    total, start = 0, 0
    memo = {} if memo is None else memo
    for part in typed:
        for index in range(start, len(words)):
            pair = (part, words[index])
            if pair not in memo:
                memo[pair] = word_typos(*pair)
            typos = memo[pair]
            if typos is not None:
                total, start = total + typos, index + 1
                break
        else:
            return None
    return total or None


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
