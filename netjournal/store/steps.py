"""The closed set of undo steps: the three statements ``undo``'s triggers write.

::

    DELETE FROM "t" WHERE rowid = N
    UPDATE "t" SET "c" = V, "d" = V WHERE rowid = N
    INSERT INTO "t" (rowid, "c", "d") VALUES (N,V,V)

where V is a literal as SQLite's ``quote()`` writes it: NULL, an integer, a real (also
``Inf``/``-Inf``, as SQLite 3.40 writes infinities), a string in single quotes (quotes
doubled) or a blob ``X'..'``.
:func:`parse` reads a stored statement into a :class:`Step` (None for anything else: a
comment, a second statement, a subquery, a function call, an unknown keyword); the step
is replayed as a statement built here with its values as parameters, so nothing read
from the file is ever run as SQL. Pure: no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from netjournal.store import JOURNAL_TABLES

_TOKEN = re.compile(
    r"""(?P<space>\s+)
    |(?P<ident>"(?:[^"]|"")*")
    |(?P<string>'(?:[^']|'')*')
    |(?P<blob>X'(?:[0-9A-Fa-f]{2})*')
    |(?P<number>-?\d+(?:\.\d+)?(?:e[+-]\d+)?|-?Inf\b)
    |(?P<word>[A-Za-z_]+)
    |(?P<punct>[(),=])""",
    re.VERBOSE,
)
_INT64 = range(-(2**63), 2**63)

Token = tuple[str, str]  # (kind, text)


class Real(str):
    """A real literal, kept as its text: SQLite converts it (``CAST(? AS REAL)``) with the
    same routine that would have read the literal, so the replayed value is bit for bit
    the one the trigger quoted (Python's ``float`` rounds some 15-digit forms otherwise)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One reverting change: delete a row, set its columns back, or insert it again."""

    op: str  # 'delete' | 'update' | 'insert'
    table: str
    rowid: int
    columns: tuple[str, ...] = ()
    values: tuple[Any, ...] = ()

    def fits(self, live_columns: set[str]) -> bool:
        """Whether the step names a journal table and only columns it has, once each."""
        return (
            self.table in JOURNAL_TABLES
            and set(self.columns) <= live_columns
            and len(set(self.columns)) == len(self.columns)
            and (self.op == "delete" or bool(self.columns))
        )

    def statement(self) -> tuple[str, tuple[Any, ...]]:
        """The SQL to run and its parameters (only for a step that :meth:`fits`)."""
        t = quote_ident(self.table)
        if self.op == "delete":
            return f"DELETE FROM {t} WHERE rowid = ?", (self.rowid,)
        cols = [quote_ident(c) for c in self.columns]
        marks = ["CAST(? AS REAL)" if isinstance(v, Real) else "?" for v in self.values]
        values = tuple(str(v) if isinstance(v, Real) else v for v in self.values)
        if self.op == "update":
            sets = ", ".join(f"{c} = {m}" for c, m in zip(cols, marks, strict=True))
            return f"UPDATE {t} SET {sets} WHERE rowid = ?", (*values, self.rowid)
        return (
            f"INSERT INTO {t} (rowid, {', '.join(cols)}) VALUES (?, {', '.join(marks)})",
            (self.rowid, *values),
        )


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def tokens(text: str) -> list[Token] | None:
    """The statement's tokens (spaces dropped), or None if anything is not a token."""
    out: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            return None
        kind = match.lastgroup or ""
        if kind != "space":
            out.append((kind, match.group()))
        pos = match.end()
    return out


def _ident(token: Token) -> str | None:
    kind, text = token
    return text[1:-1].replace('""', '"') if kind == "ident" else None


def _integer(token: Token) -> int | None:
    kind, text = token
    if kind != "number" or not re.fullmatch(r"-?\d+", text):
        return None
    value = int(text)
    return value if value in _INT64 else None


_NO_VALUE = object()


def _value(token: Token) -> Any:
    """The Python value of a literal token, or _NO_VALUE."""
    kind, text = token
    if kind == "word":
        return None if text == "NULL" else _NO_VALUE
    if kind == "string":
        return text[1:-1].replace("''", "'")
    if kind == "blob":
        return bytes.fromhex(text[2:-1])
    if kind == "number":
        if text.endswith("Inf"):
            return float(text.replace("Inf", "inf"))
        integer = _integer(token)
        if integer is not None:
            return integer
        return _NO_VALUE if re.fullmatch(r"-?\d+", text) else Real(text)
    return _NO_VALUE


def _word(token: Token, text: str) -> bool:
    return token == ("word", text)


def _punct(token: Token, text: str) -> bool:
    return token == ("punct", text)


def _tail_rowid(toks: list[Token]) -> int | None:
    """``WHERE rowid = N`` at the end of ``toks``."""
    if len(toks) != 4 or not (_word(toks[0], "WHERE") and _word(toks[1], "rowid")):
        return None
    return _integer(toks[3]) if _punct(toks[2], "=") else None


def _assignments(toks: list[Token]) -> tuple[tuple[str, ...], tuple[Any, ...]] | None:
    """``"c" = V, "d" = V`` → (columns, values)."""
    columns: list[str] = []
    values: list[Any] = []
    for start in range(0, len(toks), 4):
        chunk = toks[start : start + 4]
        last = start + 3 >= len(toks)
        if len(chunk) != (3 if last else 4) or (not last and not _punct(chunk[3], ",")):
            return None
        column, value = _ident(chunk[0]), _value(chunk[2])
        if column is None or not _punct(chunk[1], "=") or value is _NO_VALUE:
            return None
        columns.append(column)
        values.append(value)
    return (tuple(columns), tuple(values)) if columns else None


def _listed(toks: list[Token], item: Any) -> list[Any] | None:
    """``( A, B, C )`` where each element passes ``item`` (returns None when one fails)."""
    if len(toks) < 3 or not (_punct(toks[0], "(") and _punct(toks[-1], ")")):
        return None
    inner = toks[1:-1]
    if len(inner) % 2 == 0:
        return None
    out = []
    for i, token in enumerate(inner):
        if i % 2 and not _punct(token, ","):
            return None
        if i % 2 == 0:
            value = item(token)
            if value is _NO_VALUE:
                return None
            out.append(value)
    return out


def _parse_insert(toks: list[Token]) -> Step | None:
    table = _ident(toks[2]) if len(toks) > 2 else None
    try:
        split = next(i for i, t in enumerate(toks) if _word(t, "VALUES"))
    except StopIteration:
        return None
    names = _listed(toks[3:split], lambda t: "rowid" if _word(t, "rowid") else _ident(t))
    values = _listed(toks[split + 1 :], _value)
    if table is None or not names or values is None or len(names) != len(values):
        return None
    if names[0] != "rowid" or None in names[1:] or "rowid" in names[1:]:
        return None
    rowid = values[0]
    if not isinstance(rowid, int) or isinstance(rowid, bool):
        return None
    return Step("insert", table, rowid, tuple(names[1:]), tuple(values[1:]))


def parse(raw: bytes | str) -> Step | None:
    """The step a stored statement describes, or None when it is not one of the three
    shapes (or not UTF-8 text)."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        return None
    toks = tokens(text)
    if not toks or toks[0][0] != "word":
        return None
    head = toks[0][1]
    if head == "DELETE" and len(toks) == 7 and _word(toks[1], "FROM"):
        table, rowid = _ident(toks[2]), _tail_rowid(toks[3:])
        return Step("delete", table, rowid) if table is not None and rowid is not None else None
    if head == "UPDATE" and len(toks) >= 10 and _word(toks[2], "SET"):
        table, rowid = _ident(toks[1]), _tail_rowid(toks[-4:])
        pairs = _assignments(toks[3:-4])
        if table is None or rowid is None or pairs is None:
            return None
        return Step("update", table, rowid, *pairs)
    if head == "INSERT" and len(toks) > 3 and _word(toks[1], "INTO"):
        return _parse_insert(toks)
    return None
