"""``net graph``: the introduction network as an SVG picture, or as lines of text.

People are nodes on a circle; each introduction is an arrow between the two people it
connected: A → B for one you made (you introduced A to B), Y ⇢ C, dashed, for one you
received (Y introduced you to C). An arrow is thicker the more came of it (meetings
count one, referrals and business two). Every text in the picture is escaped for XML
after ``visible`` (no control character reaches the file).
"""

from __future__ import annotations

import math
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from netjournal.render import empty
from netjournal.text import visible

NODE_R = 7
MARGIN = 170


def _weight(led: dict[str, Any]) -> int:
    return int(led["meetings"]) + 2 * int(led["business"])


def edges(report: dict[str, Any]) -> list[tuple[str, str, int, bool, str]]:
    """(from, to, what came of it, received, day) of every introduction."""
    out = [(i["introduced"], i["to"], _weight(i["led_to"]), False, i["on"]) for i in report["made"]]
    out += [
        (i["by"], i["introduced"], _weight(i["led_to"]), True, i["on"]) for i in report["received"]
    ]
    return out


def people(lines: list[tuple[str, str, int, bool, str]]) -> list[str]:
    seen: dict[str, None] = {}
    for a, b, *_ in lines:
        seen.setdefault(a)
        seen.setdefault(b)
    return list(seen)


def _positions(names: list[str]) -> dict[str, tuple[float, float]]:
    radius = max(80.0, 26.0 * len(names) / math.pi)
    centre = radius + MARGIN
    return {
        name: (
            centre + radius * math.cos(2 * math.pi * k / len(names) - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * k / len(names) - math.pi / 2),
        )
        for k, name in enumerate(names)
    }


def _arrow(x1: float, y1: float, x2: float, y2: float, led: int, received: bool) -> str:
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    sx, sy = x1 + ux * NODE_R, y1 + uy * NODE_R
    ex, ey = x2 - ux * (NODE_R + 3), y2 - uy * (NODE_R + 3)
    width = 1.5 + 1.5 * min(led, 6)
    dash = ' stroke-dasharray="6 4"' if received else ""
    colour = "#b45309" if received else "#1d4ed8"
    return (
        f'<line x1="{sx:.1f}" y1="{sy:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke="{colour}" '
        f'stroke-width="{width:.1f}" stroke-opacity="0.75" marker-end="url(#arrow)"{dash}/>'
    )


def svg(report: dict[str, Any]) -> str:
    """The whole SVG document."""
    lines = edges(report)
    names = people(lines)
    at = _positions(names) if names else {}
    size = (2 * max(80.0, 26.0 * len(names) / math.pi) + 2 * MARGIN) if names else 300
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size:.0f}" height="{size + 40:.0f}" '
        f'viewBox="0 0 {size:.0f} {size + 40:.0f}" font-family="sans-serif" font-size="12">',
        "<title>net graph: who introduced whom</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#374151"/></marker></defs>',
        f'<rect width="{size:.0f}" height="{size + 40:.0f}" fill="white"/>',
    ]
    for a, b, led, received, _day in lines:
        out.append(_arrow(*at[a], *at[b], led, received))
    for name in names:
        x, y = at[name]
        anchor = "start" if x >= size / 2 else "end"
        dx = NODE_R + 4 if anchor == "start" else -(NODE_R + 4)
        label = escape(visible(name))
        out.append(
            f'<g class="person"><circle cx="{x:.1f}" cy="{y:.1f}" r="{NODE_R}" fill="#111827">'
            f"<title>{label}</title></circle>"
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor={quoteattr(anchor)}>'
            f"{label}</text></g>"
        )
    legend = (
        "A → B: you introduced A to B · Y ⇢ C (dashed): Y introduced you to C · "
        "thicker: more came of it"
    )
    out.append(f'<text x="12" y="{size + 24:.0f}" fill="#4b5563">{escape(legend)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def text(report: dict[str, Any]) -> None:
    """The network as lines on stdout (without --svg)."""
    import sys

    from netjournal import messages
    from netjournal.render.intros import led_to

    if not (report["made"] or report["received"]):
        empty(messages.INTRO_NONE)
        return
    for i in report["made"]:
        sys.stdout.write(
            visible(f"{i['introduced']} → {i['to']}  ({i['on']}; {led_to(i['led_to'])})") + "\n"
        )
    for i in report["received"]:
        sys.stdout.write(
            visible(
                f"{i['by']} ⇢ {i['introduced']}  ({i['on']}, introduced you; {led_to(i['led_to'])})"
            )
            + "\n"
        )
