"""Goals, budget and money as text: the cells and lines ``net goals``, ``net expenses``,
``net budget`` and ``net review`` share, so a figure reads the same in each."""

from __future__ import annotations

from typing import Any

from netjournal.plural import plural


def money_text(cents_text: str | None, currency: str) -> str:
    return "" if cents_text is None else f"{currency}{cents_text}"


def budget_cell(actual: float, target: float, pct: int | None) -> str:
    target_text = f"{target:g}" if float(target).is_integer() else f"{target:.1f}"
    pct_text = "" if pct is None else f"{pct}% of "
    return f"{actual:g}  [{pct_text}{target_text}]"


def days_text(n: int) -> str:
    return plural(n, "day")


def budget_line(b: dict[str, Any], cur: str) -> str:
    """One budget against its period, the same in ``budget show`` and ``review``."""
    from netjournal import messages

    return messages.BUDGET_STATUS.format(
        amount=money_text(b["amount"], cur),
        per=b["per"],
        for_period=money_text(b["for_period"], cur),
        start=b["from"],
        end=b["to"],
        spent=money_text(b["spent"], cur),
        left=money_text(b["left"], cur),
    )


def money_line(data: dict[str, Any], cur: str) -> str:
    ratio = "" if data["ratio"] is None else f", {data['ratio']:.2f}× what you spent"
    return (
        f"Spent {money_text(data['spent'], cur)}; returned {money_text(data['returned'], cur)} "
        f"in closed business from referrals (net {money_text(data['net'], cur)}{ratio})."
    )
