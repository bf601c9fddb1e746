"""``net intros``: the introductions you made and received, and what came of each."""

from __future__ import annotations

from typing import Any

from netjournal.plural import plural
from netjournal.render import emit_json, empty, put, table


def led_to(led: dict[str, Any]) -> str:
    """'2 meetings (first 2026-11-03), 1 referral or business (EUR 1,200.00)', or 'nothing yet'."""
    parts = []
    if led["meetings"]:
        parts.append(f"{plural(led['meetings'], 'meeting')} (first {led['first_meeting']})")
    if led["business"]:
        money = f" ({led['amount']})" if led["amount"] else ""
        parts.append(f"{led['business']} referral or business{money}")
    return ", ".join(parts) or "nothing logged yet"


def intros(report: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(report)
        return
    from netjournal import messages

    if not (report["made"] or report["received"] or report["others"]):
        if report["contact"]:
            empty(messages.INTRO_NONE_FOR.format(name=report["contact"]))
        else:
            empty(messages.INTRO_NONE)
        return
    if report["made"]:
        t = table(
            "on",
            "you introduced",
            "to",
            "what came of it",
            "give",
            title="Made",
            names=["you introduced", "to"],
            text=["what came of it", "give"],
            drop=["give", "on"],
        )
        for i in report["made"]:
            t.add_row(i["on"], i["introduced"], i["to"], led_to(i["led_to"]), i["give"] or "")
        put(t)
    if report["received"]:
        t = table(
            "on",
            "introduced you to",
            "by",
            "what came of it",
            title="Received",
            names=["introduced you to", "by"],
            text=["what came of it"],
            drop=["on"],
        )
        for i in report["received"]:
            t.add_row(i["on"], i["introduced"], i["by"], led_to(i["led_to"]))
        put(t)


def path(report: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(report)
        return
    from netjournal import messages
    from netjournal.text import printable

    if not report["candidates"]:
        empty(messages.PATH_NONE.format(target=printable(report["target"], 80)))
        return
    t = table(">#", "who", ">points", "why", names=["who"], text=["why"], drop=["points"])
    for rank, c in enumerate(report["candidates"], start=1):
        t.add_row(str(rank), c["name"], str(c["score"]), "; ".join(c["reasons"]))
    put(t)
