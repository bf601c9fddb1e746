"""The config file (``config.toml`` in the user config folder), read with ``tomllib``.

Keys::

    date_order = "DMY"        # or "MDY": how 03/04/2026 is read
    currency = "€"            # shown before money amounts; none by default

    [scoring]                 # overrides of netjournal.scoring.Constants, by field name
    balance_half_life = 365

A missing file means the defaults. A bad file is an error that names the file, the
line when TOML says it, and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netjournal import messages
from netjournal.errors import BadValue

DATE_ORDERS = ("DMY", "MDY")
KNOWN_KEYS = ("date_order", "currency", "scoring")


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    date_order: str = "DMY"
    currency: str = ""
    scoring: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"date_order": self.date_order, "currency": self.currency, "scoring": self.scoring}


def load(path: Path) -> Config:
    if not path.exists():
        return Config(path=None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BadValue(messages.CONFIG_SYNTAX.format(path=path, error=exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BadValue(messages.CONFIG_UNREADABLE.format(path=path, error=exc)) from exc
    for key in data:
        if key not in KNOWN_KEYS:
            raise BadValue(
                messages.CONFIG_UNKNOWN_KEY.format(path=path, key=key, known=", ".join(KNOWN_KEYS))
            )
    order = data.get("date_order", "DMY")
    if not isinstance(order, str) or order.upper() not in DATE_ORDERS:
        raise BadValue(
            messages.CONFIG_BAD_VALUE.format(path=path, key="date_order", hint="DMY or MDY")
        )
    currency = data.get("currency", "")
    if not isinstance(currency, str) or len(currency) > 8:
        raise BadValue(
            messages.CONFIG_BAD_VALUE.format(
                path=path, key="currency", hint="a short text such as €"
            )
        )
    scoring = data.get("scoring", {})
    if not isinstance(scoring, dict):
        raise BadValue(messages.CONFIG_BAD_VALUE.format(path=path, key="scoring", hint="a table"))
    return Config(path=path, date_order=order.upper(), currency=currency, scoring=scoring)
