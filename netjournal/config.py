"""The config file (``config.toml`` in the user config folder), read with ``tomllib``.

Keys::

    date_order = "DMY"        # or "MDY": how 03/04/2026 is read
    currency = "€"            # shown before money amounts; none by default
    import_limit_mb = 200     # the largest file `net import` reads, in MB (10**6 bytes)

    [me]                      # who you are: left out of calendar attendees and mail
    emails = ["ana@example.com", "ana.rossi@work.example"]
    names = ["Ana Rossi"]

    [scoring]                 # overrides of netjournal.scoring.Constants, by field name
    balance_half_life = 365

A missing file means the defaults. A bad file is an error that names the file, the
line when TOML says it, and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netjournal import messages
from netjournal.errors import BadValue

if TYPE_CHECKING:
    from netjournal.scoring.constants import Constants

DATE_ORDERS = ("DMY", "MDY")
KNOWN_KEYS = ("date_order", "currency", "import_limit_mb", "me", "scoring")
ME_KEYS = ("emails", "names")
#: the default and the largest ``import_limit_mb``
IMPORT_LIMIT_MB = 200
MAX_IMPORT_LIMIT_MB = 1_000_000


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    date_order: str = "DMY"
    currency: str = ""
    scoring: dict[str, Any] = field(default_factory=dict)
    import_limit_mb: int = IMPORT_LIMIT_MB
    #: ``[me]``: your addresses (normalised as identities are) and names
    me_emails: tuple[str, ...] = ()
    me_names: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "date_order": self.date_order,
            "currency": self.currency,
            "import_limit_mb": self.import_limit_mb,
            "me": {"emails": list(self.me_emails), "names": list(self.me_names)},
            "scoring": self.scoring,
        }


def load(path: Path) -> Config:
    if not path.exists():
        return Config(path=None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BadValue(messages.CONFIG_SYNTAX.format(path=path, error=exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BadValue(messages.CONFIG_UNREADABLE.format(path=path, error=exc)) from exc
    text = path.read_text(encoding="utf-8")
    for key in data:
        if key not in KNOWN_KEYS:
            raise BadValue(
                messages.CONFIG_UNKNOWN_KEY.format(
                    path=where(path, text, key), key=key, known=", ".join(KNOWN_KEYS)
                )
            )
    order = data.get("date_order", "DMY")
    if not isinstance(order, str) or order.upper() not in DATE_ORDERS:
        raise BadValue(
            messages.CONFIG_BAD_VALUE.format(
                path=where(path, text, "date_order"), key="date_order", hint="DMY or MDY"
            )
        )
    currency = data.get("currency", "")
    if not isinstance(currency, str) or len(currency) > 8:
        raise BadValue(
            messages.CONFIG_BAD_VALUE.format(
                path=where(path, text, "currency"), key="currency", hint="a short text such as €"
            )
        )
    limit = data.get("import_limit_mb", IMPORT_LIMIT_MB)
    if (
        not isinstance(limit, int)
        or isinstance(limit, bool)
        or not 1 <= limit <= MAX_IMPORT_LIMIT_MB
    ):
        raise BadValue(
            messages.CONFIG_BAD_VALUE.format(
                path=where(path, text, "import_limit_mb"),
                key="import_limit_mb",
                hint=messages.CONFIG_HINT_IMPORT_LIMIT.format(most=MAX_IMPORT_LIMIT_MB),
            )
        )
    scoring = data.get("scoring", {})
    if not isinstance(scoring, dict):
        raise BadValue(
            messages.CONFIG_BAD_VALUE.format(
                path=where(path, text, "scoring"), key="scoring", hint="a table"
            )
        )
    emails, names = _me(path, text, data.get("me", {}))
    return Config(
        path=path,
        date_order=order.upper(),
        currency=currency,
        scoring=scoring,
        import_limit_mb=limit,
        me_emails=emails,
        me_names=names,
    )


def _me(path: Path, text: str, me: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``[me]``'s emails (normalised) and names, checked."""
    from netjournal import identity
    from netjournal.text import clean_name

    def bad(key: str, hint: str) -> BadValue:
        return BadValue(
            messages.CONFIG_BAD_VALUE.format(
                path=where(path, text, key, "me"), key=f"me.{key}", hint=hint
            )
        )

    if not isinstance(me, dict):
        raise BadValue(
            messages.CONFIG_BAD_VALUE.format(path=where(path, text, "me"), key="me", hint="a table")
        )
    for key in me:
        if key not in ME_KEYS:
            raise BadValue(
                messages.CONFIG_UNKNOWN_KEY.format(
                    path=where(path, text, key, "me"), key=f"me.{key}", known=", ".join(ME_KEYS)
                )
            )
    found: dict[str, list[str]] = {}
    for key, hint in (
        ("emails", messages.CONFIG_HINT_EMAILS),
        ("names", messages.CONFIG_HINT_NAMES),
    ):
        values = me.get(key, [])
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise bad(key, hint)
        try:
            cleaned = [identity.email(v) if key == "emails" else clean_name(v) for v in values]
        except BadValue:
            raise bad(key, hint) from None
        if any(not v for v in cleaned):
            raise bad(key, hint)
        found[key] = [str(v) for v in cleaned]
    return tuple(dict.fromkeys(found["emails"])), tuple(dict.fromkeys(found["names"]))


def line_of(text: str, key: str, table: str | None = None) -> int | None:
    """The line where ``key`` is set (inside ``[table]`` when given), if it can be found."""
    import re

    name = re.escape(key)
    pattern = re.compile(rf"""^\s*(?:"{name}"|'{name}'|{name})\s*[=.]""")
    current: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"^\s*\[+\s*([^\]]+?)\s*\]+", line)
        if header:
            current = header.group(1).strip()
            if table is None and current == key:
                return number
            continue
        body = line.strip()
        if table is not None and current is None and body.startswith(f"{table}."):
            body = body[len(table) + 1 :]
            current_ok = True
        else:
            current_ok = current == table
        if current_ok and pattern.match(body):
            return number
    return None


def where(path: Path, text: str, key: str, table: str | None = None) -> str:
    """``path`` with ``, line N`` when the key's line is known."""
    line = line_of(text, key, table)
    return f"{path}" if line is None else f"{path}{messages.CONFIG_AT_LINE.format(line=line)}"


def scoring_constants(config: Config) -> Constants:
    """The scoring constants in force; a bad override names the file, line and key."""
    from netjournal.scoring.constants import DEFAULTS, Constants

    if not config.scoring:
        return DEFAULTS
    try:
        return Constants.from_mapping(config.scoring)
    except BadValue as whole:
        text = config.path.read_text(encoding="utf-8") if config.path else ""
        for key, value in config.scoring.items():
            try:
                Constants.from_mapping({key: value})
            except BadValue as exc:
                line = line_of(text, key, "scoring")
                raise BadValue(
                    messages.CONFIG_BAD_SCORING.format(
                        path=config.path,
                        line="" if line is None else messages.CONFIG_AT_LINE.format(line=line),
                        key=key,
                        error=exc.message,
                    )
                ) from exc
        raise whole
