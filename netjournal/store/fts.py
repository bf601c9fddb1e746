"""What a person types into ``net search`` as an FTS5 query (sqlite.org/fts5.html).

The grammar is the one people know from web search, mapped onto FTS5's:

- a word finds the words that start with it (``bank`` finds "banking"): ``"bank"*``;
- ``"two words"`` finds the phrase; a trailing ``*`` after a phrase is kept;
- ``-word`` and ``-"two words"`` leave out what holds them;
- ``OR`` (in capitals) between two terms finds either.

Every term is written as an FTS5 string, so punctuation and FTS5's own keywords
(``AND``, ``NOT``, ``NEAR``, ``col:``) are only text: the result always parses.
What cannot be a search (an unclosed quote, only exclusions, an ``OR`` with nothing on
one side, no word at all) raises :class:`QueryError` with the user's sentence. Case and
accents are left to the index's tokenizer. Pure: no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netjournal import messages
from netjournal.errors import BadValue
from netjournal.text import printable

_TERM = re.compile(r'\s*(-?)(?:"([^"]*)"(\*?)|([^\s"]+))')
_WORDY = re.compile(r"\w")


class QueryError(BadValue):
    """A search that FTS5 could not run, as one sentence."""


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = True
    excluded: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


def _fail(query: str, template: str) -> QueryError:
    return QueryError(template.format(query=printable(query, 80)))


def terms(query: str) -> list[Term | None]:
    """The query's terms in order; None stands for an ``OR``."""
    if query.count('"') % 2:
        raise _fail(query, messages.SEARCH_UNCLOSED_QUOTE)
    out: list[Term | None] = []
    pos = 0
    while pos < len(query):
        if not query[pos:].strip():
            break
        match = _TERM.match(query, pos)
        if match is None:  # only an unclosed quote gets here, refused above
            raise _fail(query, messages.SEARCH_UNCLOSED_QUOTE)
        pos = match.end()
        minus, phrase, star, word = match.groups()
        if word == "OR" and not minus:
            out.append(None)
            continue
        text = phrase if phrase is not None else word.rstrip("*")
        if not _WORDY.search(text or ""):
            continue  # punctuation alone finds nothing and excludes nothing
        is_phrase = phrase is not None
        out.append(Term(text, is_phrase, bool(star) or not is_phrase, bool(minus)))
    return out


def to_fts(query: str) -> str:
    """The FTS5 MATCH expression for ``query`` (raises :class:`QueryError`)."""
    found = terms(query)
    groups: list[list[str]] = [[]]  # OR-separated groups of ANDed terms
    excluded: list[str] = []
    after_or = False
    for term in found:
        if term is None:
            if not groups[-1] or after_or:
                raise _fail(query, messages.SEARCH_BAD_OR)
            after_or = True
            continue
        if term.excluded:
            excluded.append(term.fts())
            continue
        if after_or:
            groups.append([])
            after_or = False
        groups[-1].append(term.fts())
    if after_or:
        raise _fail(query, messages.SEARCH_BAD_OR)
    if not groups[-1]:
        template = messages.SEARCH_ONLY_EXCLUDED if excluded else messages.SEARCH_NO_WORDS
        raise _fail(query, template)
    expr = " OR ".join("(" + " AND ".join(g) + ")" for g in groups)
    if excluded:
        expr = f"({expr}) NOT ({' OR '.join(excluded)})"
    return expr
