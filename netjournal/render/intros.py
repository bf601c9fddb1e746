"""``net intros``: the introductions you made and received, and what came of each."""

from __future__ import annotations

from typing import Any

from netjournal.render import emit_json, put, say, table


def led_to(led: dict[str, Any]) -> str:
    """'2 meetings (first 2026-11-03), 1 referral or business (EUR 1,200.00)', or 'nothing yet'."""
    parts = []
    if led["meetings"]:
        plural = "s" if led["meetings"] != 1 else ""
        parts.append(f"{led['meetings']} meeting{plural} (first {led['first_meeting']})")
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
            say(messages.INTRO_NONE_FOR.format(name=report["contact"]))
        else:
            say(messages.INTRO_NONE)
        return
    if report["made"]:
        t = table("on", "you introduced", "to", "what came of it", "give", title="Made")
        for i in report["made"]:
            t.add_row(i["on"], i["introduced"], i["to"], led_to(i["led_to"]), i["give"] or "")
        put(t)
    if report["received"]:
        t = table("on", "introduced you to", "by", "what came of it", title="Received")
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
        say(messages.PATH_NONE.format(target=printable(report["target"], 80)))
        return
    t = table(">#", "who", ">points", "why")
    for rank, c in enumerate(report["candidates"], start=1):
        t.add_row(str(rank), c["name"], str(c["score"]), "; ".join(c["reasons"]))
    put(t)
