"""Contacts, asks and one contact's page (``net contacts``, ``net asks``, ``net show``)."""

from __future__ import annotations

from typing import Any

from netjournal.plural import plural
from netjournal.render import console, emit_json, empty, esc, money, more, put, table
from netjournal.text import format_money


def contacts(rows: list[dict[str, Any]], *, as_json: bool, total: int | None = None) -> None:
    """The contacts table (a footer says how many more ``--limit 0`` shows), or JSON."""
    if as_json:
        emit_json(
            {
                "contacts": [
                    {
                        "name": r["name"],
                        "company": r["company"],
                        "role": r["role"],
                        "tier": r["tier"],
                        "tags": r["tags"],
                        "email": r["email"],
                        "phone": r["phone"],
                        "birthday": r["birthday"],
                        "kin": r["kin"],
                        "met_on": r["met_on"],
                        "met_at": r["met_at"],
                        "archived": r["archived"],
                        "interactions": r["interactions"],
                        "last_contact": r["last_contact"],
                        "uuid": r["uuid"],
                    }
                    for r in rows
                ]
            }
        )
        return
    from netjournal import messages

    if not rows:
        empty(messages.NO_CONTACTS)
        return
    t = table(
        "name",
        "company",
        "role",
        "tier",
        "tags",
        ">meetings",
        "last contact",
        names=["name", "company"],
        text=["role", "tags"],
        drop=["meetings", "tags", "role", "tier"],
    )
    for r in rows:
        t.add_row(
            [(r["name"], ""), (" (archived)" if r["archived"] else "", "dim")],
            r["company"],
            r["role"],
            r["tier"] + (" ♥" if r["kin"] else ""),
            ", ".join(r["tags"]),
            str(r["interactions"]),
            r["last_contact"] or "never",
        )
    put(t)
    more(len(rows) if total is None else total, len(rows))


def dupes(data: dict[str, Any], *, as_json: bool) -> None:
    """``net contact dupes``: one row per pair, most likely first."""
    if as_json:
        emit_json(data)
        return
    from netjournal import messages

    if not data["pairs"]:
        empty(messages.NO_DUPES)
        return
    t = table(
        "contacts",
        "evidence",
        "to merge them",
        names=["contacts"],
        text=["evidence", "to merge them"],
    )
    for pair in data["pairs"]:
        t.add_row(" · ".join(pair["names"]), ", ".join(pair["evidence"]), pair["merge"])
    put(t)


def asks(
    rows: list[dict[str, Any]], *, as_json: bool, currency: str = "", only_open: bool = False
) -> None:
    if as_json:
        emit_json(
            {
                "asks": [
                    {
                        "id": f"a{r['id']}",
                        "name": r["name"],
                        "kind": r["kind"],
                        "what": r["what"],
                        "on": r["occurred_on"],
                        "status": r["status"],
                        "size": r["size"],
                        "amount": format_money(r["amount_cents"])
                        if r["amount_cents"] is not None
                        else None,
                        "settled_on": r["settled_on"],
                    }
                    for r in rows
                ]
            }
        )
        return
    if not rows:
        from netjournal import messages

        empty(messages.NO_OPEN_ASKS if only_open else messages.NO_ASKS)
        return
    t = table(
        "id",
        "date",
        "who",
        "kind",
        "what",
        "status",
        ">size/amount",
        names=["who"],
        text=["what"],
        drop=["size/amount", "date", "kind"],
    )
    for r in rows:
        style = {"open": "yellow", "declined": "red"}.get(r["status"], "")
        t.add_row(
            f"a{r['id']}",
            r["occurred_on"],
            r["name"],
            r["kind"],
            r["what"],
            (r["status"], style),
            money(r["amount_cents"], currency)
            if r["amount_cents"] is not None
            else str(r["size"] or ""),
        )
    put(t)


def _card_lines(p: dict[str, Any]) -> list[str]:
    """The card's other emails, phones, URLs and addresses, with their types."""
    from netjournal.cards import address_line

    card = p.get("card")
    if not card:
        return []

    def typed(text: str, types: list[str]) -> str:
        return esc(text) + (f" ({esc(', '.join(types))})" if types else "")

    lines = []
    for key, first in (("emails", p["email"]), ("phones", p["phone"]), ("urls", None)):
        more = [typed(x["value"], x["types"]) for x in card[key] if x["value"] != first]
        if more:
            lines.append("  ".join(more))
    lines += [typed(address_line(a), a["types"]) for a in card["addresses"] if address_line(a)]
    return lines


def show(p: dict[str, Any], *, as_json: bool, currency: str = "") -> None:
    if as_json:
        emit_json(p)
        return
    from rich.panel import Panel

    c = console()
    lines = []
    work = " · ".join(esc(x) for x in (p["role"], p["company"]) if x)
    if work:
        lines.append(work)
    contact_bits = [esc(x) for x in (p["email"], p["phone"]) if x]
    if p["birthday"]:
        contact_bits.append("birthday " + esc(p["birthday"].replace("--", "")))
    if contact_bits:
        lines.append("  ".join(contact_bits))
    lines += _card_lines(p)
    met = [f"tier {p['tier']}"]
    if p["kin"]:
        met.append("kin")
    if p["cadence"]:
        met.append("every " + plural(p["cadence"], "day"))
    if p["met_on"] or p["met_at"]:
        where = f" at {esc(p['met_at'])}" if p["met_at"] else ""
        when = f" on {esc(p['met_on'])}" if p["met_on"] else ""
        met.append("first met" + where + when)
    if p["tags"]:
        met.append("tags " + esc(", ".join(p["tags"])))
    lines.append("  ".join(met))
    lines += _introduction_lines(p)
    bal = p["balance"]
    dep = p["depth"]
    stage = p["stage"] + (f", was {p['stage_was']}" if p.get("stage_was") else "")
    lines.append(
        f"[bold]depth[/] {dep['depth']:.0f} ({dep['band']})   [bold]stage[/] {stage}   "
        f"[bold]balance[/] {bal['balance']:+.2f} ({bal['label']}; "
        f"{plural(bal['gives'], 'give')}, {plural(bal['asks'], 'ask')})"
    )
    if p.get("next_move"):
        lines.append("[dim]next move: learn their " + ", ".join(p["next_move"]) + "[/]")
    if p.get("hint"):
        lines.append("[green]" + esc(p["hint"]) + "[/]")
    title = esc(p["name"]) + (" [dim](archived)[/]" if p["archived"] else "")
    c.print(Panel("\n".join(lines), title=title, title_align="left", expand=False))

    if p["facts"]:
        t = table(
            "id",
            "category",
            "fact",
            ">learned",
            title="What you know",
            text=["fact"],
            drop=["learned", "category"],
        )
        for f in p["facts"]:
            t.add_row(f["id"], f["category"], f["text"], f["learned_on"])
        put(t, c)
    open_f = [f for f in p["followups"] if f["done_on"] is None]
    if open_f:
        t = table("id", "kind", "due", "note", title="Open follow-ups and promises", text=["note"])
        for f in open_f:
            t.add_row(f["id"], f["kind"], f["due"], f["note"])
        put(t, c)
    if p["gives"] or p["asks"]:
        t = table(
            "id",
            "date",
            "",
            "kind",
            "what",
            ">size/amount",
            title="Gives and asks",
            text=["what"],
            drop=["size/amount", "date", "kind"],
        )
        items = [("give", x) for x in p["gives"]] + [("ask", x) for x in p["asks"]]
        items.sort(key=lambda item: (item[1]["on"], item[1]["id"]))
        for direction, x in items:
            arrow = ("gave", "green") if direction == "give" else ("asked", "magenta")
            status = f" ({x['status']})" if direction == "ask" and x["status"] != "granted" else ""
            amount = f"{currency}{x['amount']}" if x["amount"] else str(x["size"] or "")
            t.add_row(x["id"], x["on"], arrow, x["kind"] + status, x["what"], amount)
        put(t, c)
    if p["interactions"]:
        t = table(
            "id",
            "when",
            "kind",
            "with",
            "note",
            title="Timeline",
            names=["with"],
            text=["note"],
            drop=["kind", "with"],
        )
        for i in p["interactions"][:20]:
            others = [n for n in i["with"] if n != p["name"]]
            kind = f"{i['kind']} ({i['source']})" if i.get("source") else i["kind"]
            t.add_row(i["id"], i["on"], kind, ", ".join(others), i["note"])
        put(t, c)
        if len(p["interactions"]) > 20:
            earlier = plural(len(p["interactions"]) - 20, "earlier interaction")
            c.print(f"[dim]… and {earlier}[/]")


def _introduction_lines(p: dict[str, Any]) -> list[str]:
    """ "introduced by NAME (DAY)" and "introductions: A -> B (DAY), ..." for net show."""
    lines = []
    by = p.get("introduced_by")
    if by:
        lines.append(f"[bold]introduced by[/] {esc(by['name'])} ({by['on']})")
    intros = p.get("introductions") or []
    if intros:
        shown = [f"{esc(i['introduced'])} → {esc(i['to'])} ({i['on']})" for i in intros[:5]]
        more = f", and {len(intros) - 5} more (net intros)" if len(intros) > 5 else ""
        lines.append("[bold]introductions[/] " + ", ".join(shown) + more)
    return lines
