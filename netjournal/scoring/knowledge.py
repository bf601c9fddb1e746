"""Knowledge: the share of a contact's profile categories known (family, goals, interests and
hobbies, accomplishments, networks, skills; a category learned over 24 months ago counts
half). Name, job and company count nothing. Depth and the credibility rule both read it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from netjournal import messages as msg
from netjournal.scoring.constants import Constants
from netjournal.scoring.view import View, age


@dataclass(frozen=True, slots=True)
class Gap:
    """A missing profile category and the depth points learning it would add."""

    category: str
    label: str
    points: float


_KNOWLEDGE_MEMBERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"interests": ("interests", "hobbies")}
)


def _knowledge_group(category: str, c: Constants) -> str | None:
    for group in c.knowledge_weights:
        if category in _KNOWLEDGE_MEMBERS.get(group, (group,)):
            return group
    return None


def knowledge(v: View, c: Constants) -> tuple[float, str, tuple[Gap, ...]]:
    latest: dict[str, date] = {}
    for fact in v.facts:
        group = _knowledge_group(fact.category, c)
        if group is not None and (group not in latest or fact.learned_on > latest[group]):
            latest[group] = fact.learned_on
    total = math.fsum(c.knowledge_weights.values())
    weight_k = c.depth_weights["knowledge"]
    score = 0.0
    known: list[str] = []
    stale: list[str] = []
    gaps: list[Gap] = []
    for group, weight in c.knowledge_weights.items():
        label = msg.SCORING_CATEGORY_LABELS.get(group, group)
        if group not in latest:
            add = weight_k * weight / total if total else 0.0
            gaps.append(Gap(category=group, label=label, points=add))
            continue
        if age(v.day, latest[group]) > c.stale_fact_days:
            score += weight * c.stale_fact_factor
            stale.append(label)
        else:
            score += weight
            known.append(label)
    value = score / total if total else 0.0
    parts = [msg.SCORING_KNOWN.format(items=", ".join(known))] if known else []
    if stale:
        parts.append(msg.SCORING_STALE.format(items=", ".join(stale)))
    if not parts:
        parts.append(msg.SCORING_NOTHING_KNOWN)
    detail = msg.SCORING_KNOWLEDGE_DETAIL.format(parts="; ".join(parts), score=score, total=total)
    order = list(c.knowledge_weights)
    gaps.sort(key=lambda g: (-g.points, order.index(g.category)))
    return value, detail, tuple(gaps)
