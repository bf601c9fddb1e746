"""Depth (0–100): how deep a relationship is, in six named components.

depth = 30·knowledge + 15·frequency + 15·recency + 15·richness + 15·reciprocity
        + 10·duration   (each in [0, 1])

Every component is monotone in what happened: a fact, a give, a granted ask or any
interaction (a light touch included) never lowers it; a declined or open ask never adds
to it. docs/scoring.md gives each formula and where it departs from DESIGN.md's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from netjournal import messages as msg
from netjournal.plural import noun
from netjournal.scoring.balance import Balance, balance_of
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.knowledge import Gap, knowledge
from netjournal.scoring.records import UNKNOWN_KIND, ContactHistory, kind_table
from netjournal.scoring.view import View, as_of, days_text


@dataclass(frozen=True, slots=True)
class Component:
    """One part of depth: input (0..1) × weight = points."""

    name: str
    input: float
    weight: float
    points: float
    detail: str


@dataclass(frozen=True, slots=True)
class Depth:
    """Depth 0–100: the sum of the components' points (display it to one decimal).

    ``missing``: the depth categories with no fact yet (``interests`` stands for interests
    and hobbies), the ones worth most first — the "next move". ``gaps``: the same with a
    label and the points each would add.
    """

    name: str
    depth: float
    band: str
    components: tuple[Component, ...]
    missing: tuple[str, ...]
    gaps: tuple[Gap, ...] = ()

    def component(self, name: str) -> Component:
        for part in self.components:
            if part.name == name:
                return part
        raise KeyError(name)


Part = tuple[float, str]  # a component's input (0..1) and its explanation


#: an interaction of the last 24 months: (days ago, kind, richness, weight)
Seen = tuple[int, str, float, float]


def _window(v: View, c: Constants) -> list[Seen]:
    """The interactions of the last 24 months with what the parts read of them."""
    table = kind_table(c)
    today = v.day.toordinal()
    out = []
    for item in v.interactions:
        ago = today - item.on.toordinal()
        if ago <= c.evidence_days:
            richness, w, _real = table.get(item.kind, UNKNOWN_KIND)
            out.append((ago, item.kind, richness, w))
    return out


def _frequency(seen: list[Seen], c: Constants) -> Part:
    """Weighted interactions of the last 365 days on a log scale (weekly real contact = 1)."""
    recent = [w for ago, _kind, _r, w in seen if ago <= c.frequency_days]
    n = math.fsum(recent)
    value = min(1.0, math.log2(1 + n) / math.log2(1 + c.frequency_full))
    real = sum(1 for w in recent if w >= 1.0)
    detail = msg.SCORING_FREQUENCY_DETAIL.format(
        interactions=f"{_number(n)} {noun(n, 'weighted interaction')}",
        real=real,
        light=len(recent) - real,
        days=days_text(c.frequency_days),
    )
    return value, detail


def _recency(h: ContactHistory, v: View, seen: list[Seen], c: Constants) -> Part:
    """The best of weight × 0.5^(days ago / half-life) over the last 24 months."""
    if v.last is None:
        return 0.0, msg.SCORING_NO_INTERACTION
    half_life = c.recency_half_life_kin if h.kin else c.recency_half_life
    best, best_item = 0.0, None
    for item in seen:
        value = item[3] * 0.5 ** (item[0] / half_life)
        if value > best:
            best, best_item = value, item
    if best_item is None:
        return 0.0, msg.SCORING_RECENCY_NONE.format(days=days_text(c.evidence_days))
    since, kind, _richness, w = best_item
    template = msg.SCORING_RECENCY_DETAIL if w >= 1.0 else msg.SCORING_RECENCY_LIGHT
    detail = template.format(
        ago=days_text(since), half_life=days_text(round(half_life)), kind=kind, weight=w
    )
    return best, detail


def _richness(seen: list[Seen], c: Constants) -> Part:
    """The richest ``richness_best`` interactions of the last 24 months, summed / that many
    (a slot with no interaction counts 0): more contact never lowers it."""
    if not seen:
        return 0.0, msg.SCORING_NO_INTERACTION
    best = sorted(((r, kind) for _ago, kind, r, _w in seen), reverse=True)[: c.richness_best]
    value = math.fsum(r for r, _kind in best) / c.richness_best
    items = ", ".join(f"{kind} {r:g}" for r, kind in best)
    detail = msg.SCORING_RICHNESS_DETAIL.format(n=c.richness_best, items=items)
    if len(best) < c.richness_best:
        detail += msg.SCORING_RICHNESS_EMPTY.format(n=c.richness_best - len(best))
    return value, detail


def _reciprocity(bal: Balance, c: Constants) -> Part:
    """Services both ways: half for the volume G + R, half for the two-way part 2·min(G, R)
    (R: what was granted to you; a declined or open ask is no service). More of either
    never lowers it."""
    volume = bal.given + bal.received
    mutual = 2.0 * min(bal.given, bal.received)
    share = volume / (volume + c.reciprocity_half) if volume > 0 else 0.0
    both = mutual / (mutual + c.reciprocity_half) if mutual > 0 else 0.0
    detail = msg.SCORING_RECIPROCITY_DETAIL.format(
        given=bal.given, received=bal.received, share=share, both=both
    )
    return 0.5 * share + 0.5 * both, detail


def _duration(v: View, c: Constants) -> Part:
    """Sustained contact: distinct calendar quarters with real contact, on a log scale."""
    value = min(1.0, math.log2(1 + v.quarters) / math.log2(1 + c.duration_full_quarters))
    detail = msg.SCORING_DURATION_DETAIL.format(
        quarters=v.quarters, full=_number(c.duration_full_quarters)
    )
    return value, detail


def _number(x: float) -> str:
    """2 decimals at most, no trailing zeros: 6, 6.5, 6.08."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def depth_of(h: ContactHistory, v: View, c: Constants, bal: Balance | None = None) -> Depth:
    """Depth of the history as seen in ``v`` (``bal``: its balance, when already known)."""
    known, known_detail, gaps = knowledge(v, c)
    seen = _window(v, c)
    parts = {
        "knowledge": (known, known_detail),
        "frequency": _frequency(seen, c),
        "recency": _recency(h, v, seen, c),
        "richness": _richness(seen, c),
        "reciprocity": _reciprocity(bal if bal is not None else balance_of(h, v, c), c),
        "duration": _duration(v, c),
    }
    w = c.depth_weights
    components = tuple(
        Component(name, value, float(w[name]), value * w[name], detail)
        for name, (value, detail) in parts.items()
    )
    total = math.fsum(part.points for part in components)
    return Depth(
        name=h.name,
        depth=total,
        band=_band(total, c),
        components=components,
        missing=tuple(gap.category for gap in gaps),
        gaps=gaps,
    )


def _band(value: float, c: Constants) -> str:
    shown = round(value, 1)  # the band agrees with the number displayed
    name = next(iter(c.bands))
    for band, floor in sorted(c.bands.items(), key=lambda item: item[1]):
        if shown >= floor:
            name = band
    return name


def depth(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> Depth:
    """Depth 0–100 with its six components and the missing profile categories."""
    return depth_of(h, as_of(h, today, c), c)
