"""Depth (0–100): how deep a relationship is, in six named components.

depth = 30·knowledge + 15·frequency + 15·recency + 15·richness + 15·reciprocity
        + 10·duration   (each in [0, 1])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from netjournal import messages as msg
from netjournal.scoring.balance import Balance, balance_of
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.knowledge import Gap, knowledge
from netjournal.scoring.records import ContactHistory
from netjournal.scoring.view import View, age, as_of, days_text, richness_of


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


def _frequency(v: View, c: Constants) -> Part:
    n = sum(1 for i in v.interactions if age(v.day, i.on) <= c.frequency_days)
    value = min(1.0, math.log2(1 + n) / math.log2(1 + c.frequency_full))
    return value, msg.SCORING_FREQUENCY_DETAIL.format(n=n, days=c.frequency_days)


def _recency(h: ContactHistory, v: View, c: Constants) -> Part:
    if v.last is None:
        return 0.0, msg.SCORING_NO_INTERACTION
    half_life = c.recency_half_life_kin if h.kin else c.recency_half_life
    since = age(v.day, v.last)
    detail = msg.SCORING_RECENCY_DETAIL.format(
        ago=days_text(since), half_life=days_text(round(half_life))
    )
    return 0.5 ** (since / half_life), detail


def _richness(v: View, c: Constants) -> Part:
    ordered = sorted(v.interactions, key=lambda i: (i.on, richness_of(i.kind, c)))
    last = ordered[-c.richness_last :] if v.last is not None else []
    if not last:
        return 0.0, msg.SCORING_NO_INTERACTION
    value = math.fsum(richness_of(i.kind, c) for i in last) / len(last)
    return value, msg.SCORING_RICHNESS_DETAIL.format(n=len(last))


def _reciprocity(bal: Balance, c: Constants) -> Part:
    volume = bal.given + bal.taken
    mutuality = 1.0 - abs(bal.ratio) if bal.ratio is not None else 0.0
    share = volume / (volume + c.reciprocity_half) if volume > 0 else 0.0
    detail = msg.SCORING_RECIPROCITY_DETAIL.format(
        given=bal.given, taken=bal.taken, share=share, mutuality=mutuality
    )
    return share * (0.5 + 0.5 * mutuality), detail


def _duration(h: ContactHistory, v: View, c: Constants) -> Part:
    months = age(v.day, h.met_on) / c.days_per_month
    value = min(1.0, math.log2(1 + months) / math.log2(1 + c.duration_full_months))
    return value, msg.SCORING_DURATION_DETAIL.format(months=months)


def depth_of(h: ContactHistory, v: View, c: Constants, bal: Balance | None = None) -> Depth:
    """Depth of the history as seen in ``v`` (``bal``: its balance, when already known)."""
    known, known_detail, gaps = knowledge(v, c)
    parts = {
        "knowledge": (known, known_detail),
        "frequency": _frequency(v, c),
        "recency": _recency(h, v, c),
        "richness": _richness(v, c),
        "reciprocity": _reciprocity(bal if bal is not None else balance_of(h, v, c), c),
        "duration": _duration(h, v, c),
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
    return depth_of(h, as_of(h, today), c)
