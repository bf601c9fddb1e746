"""All of one contact's scores as of one day, computed together (what the whole-journal
reports and the score cache need)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netjournal.scoring.balance import Balance, balance_of
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.depth import Depth, depth_of
from netjournal.scoring.records import ContactHistory
from netjournal.scoring.stage import Stage, stage_of
from netjournal.scoring.urgency import Urgency, urgency_of
from netjournal.scoring.view import as_of


@dataclass(frozen=True, slots=True)
class Scores:
    """All of one contact's scores as of one day."""

    balance: Balance
    depth: Depth
    stage: Stage
    urgency: Urgency


def evaluate(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> Scores:
    """Balance, depth, stage and urgency (default horizon) at once, sharing the work.

    Identical to calling ``balance``, ``depth``, ``stage`` and ``urgency`` one by one (a
    property test checks it); whole-journal reports use this.
    """
    v = as_of(h, today, c)
    bal = balance_of(h, v, c)
    dep = depth_of(h, v, c, bal)
    st = stage_of(h, v, c, knowledge=dep.component("knowledge").input, bal=bal)
    urg = urgency_of(h, v, c, None, bal, dep.depth, st)
    return Scores(balance=bal, depth=dep, stage=st, urgency=urg)
