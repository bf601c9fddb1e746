"""Balance, the social-capital account: a weighted, time-decayed sum of gives minus asks.

amount(e) = points[kind] × size_mult × 0.5^(age/365) × (0.5 if an ask is open or declined)
G = Σ gives, T = Σ asks;  B = G − T;  R = (G − T)/(G + T)  (none when G + T < 0.5)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from netjournal import messages as msg
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.records import ContactHistory, Exchange
from netjournal.scoring.view import View, age, as_of, close_tie


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """One give or ask: points × size_mult × decay × status_factor = amount (≥ 0)."""

    date: date
    kind: str
    direction: str
    points: float
    size_mult: float
    decay: float
    status_factor: float
    amount: float
    status: str = "granted"
    money: Decimal | None = None
    note: str = ""
    size: int | None = None  # as recorded (1–5); None when valued in money or not at all

    @property
    def undecayed(self) -> float:
        """The lifetime value: points × size_mult × status_factor, without decay."""
        return self.points * self.size_mult * self.status_factor

    @property
    def signed(self) -> float:
        """The amount as it moves the balance: + for gives, − for asks."""
        return self.amount if self.direction == "give" else -self.amount


@dataclass(frozen=True, slots=True)
class Balance:
    """Give/take per contact. ``ratio`` is None when G + T is under 0.5.

    ``lifetime_given``/``lifetime_taken`` are undecayed: points × size_mult × status
    factor (an open or declined ask still books half). ``headroom`` is B itself: how much
    can be taken before the balance goes below zero (negative when already below).
    ``close_tie`` (inner tier or kin): the numbers stand, but no warnings are given.
    ``received`` is the granted part of T (what depth's reciprocity counts: a declined or
    open ask is no service).
    """

    name: str
    gives: int
    asks: int
    given: float
    taken: float
    balance: float
    ratio: float | None
    label: str
    lifetime_given: float
    lifetime_taken: float
    lines: tuple[LedgerLine, ...]
    close_tie: bool
    headroom: float
    received: float = 0.0  # the part of T that was granted: services received


@dataclass(frozen=True, slots=True)
class NetworkBalance:
    given: float
    taken: float
    balance: float


def _size_mult(e: Exchange, c: Constants) -> float:
    if e.amount is not None:
        money = max(0.0, float(e.amount))
        return min(c.money_cap, 1.0 + math.log10(1.0 + money / c.money_unit))
    if e.size is not None:
        size = min(c.size_max, max(c.size_min, e.size))
        return size / c.size_default
    return 1.0


def exchange_amount(e: Exchange, today: date, c: Constants = DEFAULTS) -> LedgerLine:
    """points[kind] × size_mult × 0.5^(age/365) × (0.5 if an ask is open or declined)."""
    points = float(c.points.get(e.kind, c.points.get("other", 1.0)))
    size_mult = _size_mult(e, c)
    decay = 0.5 ** (age(today, e.on) / c.balance_half_life)
    pending = e.direction == "ask" and e.status in ("open", "declined")
    status_factor = c.pending_ask_factor if pending else 1.0
    status = e.status if e.direction == "ask" else "granted"
    return LedgerLine(
        date=e.on,
        kind=e.kind,
        direction=e.direction,
        points=points,
        size_mult=size_mult,
        decay=decay,
        status_factor=status_factor,
        amount=points * size_mult * decay * status_factor,
        status=status,
        money=e.amount,
        note=e.note,
        size=e.size if e.amount is None else None,
    )


def _ratio(given: float, taken: float, c: Constants) -> float | None:
    volume = given + taken
    return None if volume < c.min_volume else (given - taken) / volume


def _label(ratio: float | None, c: Constants) -> str:
    if ratio is None:
        return msg.SCORING_LABEL_NONE
    if ratio >= c.credit_ratio:
        return msg.SCORING_LABEL_CREDIT
    if ratio <= -c.credit_ratio:
        return msg.SCORING_LABEL_OVERDRAWN
    return msg.SCORING_LABEL_BALANCED


def balance_of(h: ContactHistory, v: View, c: Constants) -> Balance:
    """The balance of the history as seen in ``v``."""
    lines = tuple(exchange_amount(e, v.day, c) for e in v.exchanges)
    gives = [line for line in lines if line.direction == "give"]
    asks = [line for line in lines if line.direction != "give"]
    given = math.fsum(line.amount for line in gives)
    taken = math.fsum(line.amount for line in asks)
    ratio = _ratio(given, taken, c)
    return Balance(
        name=h.name,
        gives=len(gives),
        asks=len(asks),
        given=given,
        taken=taken,
        balance=given - taken,
        ratio=ratio,
        label=_label(ratio, c),
        lifetime_given=math.fsum(line.undecayed for line in gives),
        lifetime_taken=math.fsum(line.undecayed for line in asks),
        lines=lines,
        close_tie=close_tie(h, c),
        headroom=given - taken,
        received=math.fsum(line.amount for line in asks if line.status == "granted"),
    )


def balance(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> Balance:
    """The contact's decayed give/take balance with its ledger (oldest first)."""
    return balance_of(h, as_of(h, today, c), c)


def network_balance(balances: Iterable[Balance]) -> NetworkBalance:
    """The sum over contacts of G, T and B."""
    items = list(balances)
    given = math.fsum(b.given for b in items)
    taken = math.fsum(b.taken for b in items)
    return NetworkBalance(given=given, taken=taken, balance=given - taken)
