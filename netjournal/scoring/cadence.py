"""Cadence: the days between contacts a relationship is meant to have.

From the tier (inner 7, close 30, active 90, network 365, acquaintance none) or the
contact's own override; kin × 1.5; capped at 14 days while a contact is new (fewer than 3
real interactions, met under 90 days ago). A contact brought in by an import has none
until a first real interaction: a name you have never met is not a relationship to farm
yet. Urgency and the stage lapse read it.
"""

from __future__ import annotations

import math
from datetime import date

from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.records import ContactHistory
from netjournal.scoring.view import View, as_of


def cadence_of(h: ContactHistory, v: View, c: Constants) -> int | None:
    """The cadence of the history as seen in ``v``; None when there is none."""
    if v.imported_only:
        return None  # imported, never met: no cadence, whatever the tier or override
    if h.cadence is not None:
        return max(1, h.cadence)  # the override wins outright
    base = c.tier_cadence.get(h.tier)
    if base is None:
        return None
    days = float(base) * c.kin_factor if h.kin else float(base)
    every = max(1, math.floor(days + 0.5))
    new = v.real_count < c.new_contact_interactions and (v.day - h.met_on).days < c.new_contact_days
    return min(every, c.new_contact_cap) if new else every


def cadence(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> int | None:
    """Days between contacts: the override as given, else the tier's cadence (× 1.5 for
    kin, rounded half up), capped at 14 while the contact has fewer than 3 real
    interactions and was met under 90 days ago. None when there is no cadence, and for a
    contact brought in by an import that has had no real interaction yet."""
    return cadence_of(h, as_of(h, today, c), c)
