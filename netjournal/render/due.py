"""``net due`` (the list and one contact's terms) and ``net followups``."""

from __future__ import annotations

from typing import Any

from netjournal.render import console, emit_json, esc, put, say, table

TERM_LABELS = {
    "follow_up": "follow-up",
    "cadence": "cadence",
    "promise": "promise",
    "tier": "tier",
    "event": "event",
    "new_tie": "new tie",
    "depth_at_stake": "depth at stake",
    "give_back": "give back",
    "ready_to_ask": "ready to ask",
    "dormant_strong": "dormant but was strong",
}


def _ago(day: str | None, today: str) -> str:
    if day is None:
        return "never"
    from datetime import date

    days = (date.fromisoformat(today) - date.fromisoformat(day)).days
    return f"{day} ({days}d ago)" if days > 0 else day


def due(data: dict[str, Any], *, as_json: bool, limit: int | None = None) -> None:
    """``net due``: one row per contact, with the reasons in words: the follow-ups and
    promises due today or overdue first, then the rest, each most urgent first.

    The table shows the first ``limit`` rows (None or 0: all) and says how many more
    there are; the JSON always holds every row.
    """
    if as_json:
        emit_json(data)
        return
    from netjournal import messages

    items = data["items"]
    if not items:
        text = messages.DUE_NOBODY if data["all"] else messages.DUE_NOTHING
        say(text.format(days=data["within"]))
        return
    shown = items[:limit] if limit else items
    total = data.get("count", len(items))
    t = table(">#", "name", ">urgency", "due", "last contact", "why")
    for index, item in enumerate(shown, start=1):
        if index > 1 and shown[index - 2].get("due_now") and not item.get("due_now"):
            t.add_section()  # what is due now (dated) above, the reminders of habit below
        t.add_row(
            str(index),
            item["name"],
            f"{item['urgency']:.1f}",
            item["due_on"] or "",
            _ago(item["last_contact"], data["as_of"]),
            "; ".join(item["reasons"]),
        )
    put(t)
    if len(shown) < total:
        say(messages.DUE_MORE.format(more=total - len(shown)))


def due_terms(data: dict[str, Any], *, as_json: bool) -> None:
    """``net due NAME``: each term as value × coefficient = points, and the total."""
    if as_json:
        emit_json(data)
        return
    from rich.table import Table

    from netjournal import messages

    c = console()
    t = table("term", ">value", "", ">coefficient", "", ">points", "reason", title=data["name"])
    for term in data["terms"]:
        dim = not term["points"]
        row = (
            TERM_LABELS.get(term["name"], term["name"]),
            f"{term['value']:.3f}",
            "×",
            f"{term['coefficient']:g}",
            "=",
            f"{term['points']:.2f}",
            term["reason"],
        )
        t.add_row(*row, style="dim" if dim else "")
    t.add_section()
    t.add_row("total", "", "", "", "", (f"{data['urgency']:.2f}", "bold"), "")
    put(t, c)
    facts = Table.grid(padding=(0, 2))
    facts.add_row("due on", esc(data["due_on"] or "no date (no cadence, nothing open)"))
    facts.add_row("last contact", esc(_ago(data["last_contact"], data["as_of"])))
    if data.get("last_real_contact") != data["last_contact"]:
        facts.add_row("last real contact", esc(_ago(data.get("last_real_contact"), data["as_of"])))
    if data["cadence"] is not None:
        rho = f" (ρ = {data['rho']:.2f})" if data["rho"] is not None else ""
        facts.add_row("cadence", f"every {data['cadence']} days{rho}")
    else:
        facts.add_row("cadence", "none")
    listed = "yes" if data["listed"] else "no"
    if data["triggers"] and data["listed"]:
        listed += " (" + ", ".join(data["triggers"]) + ")"
    facts.add_row("listed by net due", listed)
    c.print(facts)
    if data["archived"]:
        say(messages.DUE_ARCHIVED.format(name=data["name"]))
    elif data["snoozed_until"]:
        say(messages.DUE_SNOOZED.format(name=data["name"], day=data["snoozed_until"]))


def followups(data: dict[str, Any], *, as_json: bool, include_done: bool = False) -> None:
    """``net followups``: open follow-ups and promises by due date."""
    if as_json:
        emit_json(data)
        return
    from netjournal import messages

    items = data["followups"]
    if not items:
        text = messages.NO_FOLLOWUPS_AT_ALL if include_done else messages.NO_FOLLOWUPS
        say(text)
        return
    columns = ["id", "due", "who", "kind", "note"] + (["done"] if include_done else [])
    t = table(*columns)
    for item in items:
        due_text: tuple[str, str] = (item["due"], "")
        if item["overdue"]:
            due_text = (f"{item['due']} (overdue)", "red")
        elif item["done_on"] is None and item["days"] == 0:
            due_text = (f"{item['due']} (today)", "yellow")
        row: list[Any] = [item["id"], due_text, item["name"], item["kind"], item["note"]]
        if include_done:
            done = item["done_on"] or ""
            if item["kept"] is True:
                done += " kept"
            elif item["kept"] is False:
                done += " late"
            row.append(done)
        t.add_row(*row)
    put(t)
