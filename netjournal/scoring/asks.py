"""Before and around an ask: the warnings ``net ask`` gives (deposit before you withdraw;
too early to harvest) and the "good time to ask" hint. Never blocking; never for close
ties (inner tier, kin), who don't keep score.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Literal

from netjournal import messages as msg
from netjournal.plural import a_an, times
from netjournal.scoring.balance import balance, balance_of
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.records import ContactHistory, Exchange
from netjournal.scoring.stage import STAGES, stage
from netjournal.scoring.view import as_of, close_tie


def balance_after(
    h: ContactHistory, ask: Exchange, today: date, c: Constants = DEFAULTS
) -> tuple[float, float]:
    """(balance now, balance once ``ask`` is recorded), both as of ``today``: the same
    :func:`balance` ``net balance`` shows, so the ask's decay (when back-dated) and the
    × 0.5 of an open or declined ask are included."""
    before = balance_of(h, as_of(h, today, c), c).balance
    after = balance(replace(h, exchanges=(*h.exchanges, ask)), today, c).balance
    return before, after


def ask_warnings(
    h: ContactHistory,
    today: date,
    kind: str,
    size: int | None = None,
    amount: Decimal | None = None,
    c: Constants = DEFAULTS,
    status: Literal["granted", "open", "declined"] = "granted",
    on: date | None = None,
) -> tuple[str, ...]:
    """Warnings before recording an ask dated ``on`` (default today; ``h`` does not hold
    it yet). Never blocking.

    None for inner contacts and kin. "Deposit before you withdraw" when the ask would
    leave B below zero (the balance shown is the one ``net balance`` will show);
    "too early to harvest" for a referral, introduction, job-lead or business while the
    stage is contact or visibility (for a dormant contact: the stage it was).
    """
    if close_tie(h, c):
        return ()
    ask = Exchange("ask", kind, on or today, size=size, amount=amount, status=status)
    before, after = balance_after(h, ask, today, c)
    warnings: list[str] = []
    if after < 0:
        warnings.append(msg.SCORING_ASK_OVERDRAWS.format(name=h.name, before=before, after=after))
    if kind in c.harvest_kinds:
        st = stage(h, today, c)
        current = st.was if st.name == "dormant" else st.name
        if current in STAGES[:2]:
            warnings.append(
                msg.SCORING_ASK_TOO_EARLY.format(name=h.name, stage=current, kind=a_an(kind))
            )
    return tuple(warnings)


def ask_hint(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> str | None:
    """The "good time to ask" hint: ≥ 3 gives, no asks, stage credibility or beyond.

    Not given for inner contacts and kin, who don't keep score.
    """
    if close_tie(h, c):
        return None
    bal = balance(h, today, c)
    if bal.gives < c.ask_hint_gives or bal.asks:
        return None
    st = stage(h, today, c)
    if st.level < STAGES.index("credibility"):
        return None
    return msg.SCORING_ASK_HINT.format(name=h.name, times=times(bal.gives), stage=st.name)
