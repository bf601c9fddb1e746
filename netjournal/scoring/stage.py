"""Stage: where a relationship stands on Misner's Visibility → Credibility → Profitability,
``contact`` before any interaction, ``dormant`` after three silent years.

Evidence over the last 24 months, first rule that matches: profitability (a referral,
introduction, job-lead or business received and one given, R > −0.33, and credibility);
credibility (a service either way or a promise kept on time, 2 rich interactions in 2
distinct months, knowledge ≥ 0.3); visibility (an interaction other than ``social``);
contact. A stage lapses one level after max(365, 3 × cadence) days of silence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from netjournal import messages as msg
from netjournal.scoring.balance import Balance, balance_of
from netjournal.scoring.cadence import cadence_of
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.knowledge import knowledge as knowledge_of
from netjournal.scoring.records import ContactHistory
from netjournal.scoring.view import View, age, as_of, days_text, richness_of

STAGES: tuple[str, ...] = ("contact", "visibility", "credibility", "profitability")


@dataclass(frozen=True, slots=True)
class Stage:
    """Where the relationship stands.

    ``name`` is one of STAGES or ``dormant``. For a dormant contact ``was`` is the stage
    it had on the day of the last interaction; for a lapsed one (``lapsed`` True) ``was``
    is the stage before the lapse; otherwise None.
    """

    name: str
    was: str | None
    evidence: tuple[str, ...]
    lapsed: bool

    @property
    def level(self) -> int:
        """Position in STAGES (contact 0 ... profitability 3); -1 when dormant."""
        return STAGES.index(self.name) if self.name in STAGES else -1


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the stage rules count in the evidence window."""

    services: int  # granted gives or asks
    kept: int  # promises done by their date
    rich: int  # interactions of richness >= rich_min
    months: int  # distinct months of those
    knowledge: float
    received: int  # referrals, introductions, job-leads, business received (granted)
    passed: int  # the same given
    ratio: float | None
    visible: bool  # an interaction other than social, ever

    def lines(self, count: int, c: Constants) -> tuple[str, ...]:
        ratio = msg.SCORING_NO_RATIO if self.ratio is None else f"{self.ratio:+.2f}"
        answer = msg.SCORING_YES if self.visible else msg.SCORING_NO
        return (
            msg.SCORING_EV_SERVICES.format(n=self.services, kept=self.kept),
            msg.SCORING_EV_RICH.format(n=self.rich, months=self.months, need=c.rich_count),
            msg.SCORING_EV_KNOWLEDGE.format(value=self.knowledge, need=c.credibility_knowledge),
            msg.SCORING_EV_REFERRALS.format(received=self.received, given=self.passed),
            msg.SCORING_EV_RATIO.format(ratio=ratio),
            msg.SCORING_EV_INTERACTIONS.format(n=count, answer=answer),
        )


def _evidence(
    h: ContactHistory, v: View, c: Constants, knowledge: float | None, bal: Balance | None
) -> Evidence:
    window = [e for e in v.exchanges if age(v.day, e.on) <= c.evidence_days]
    kept = sum(
        1
        for f in h.followups
        if f.kind == "promise"
        and f.done_on is not None
        and f.done_on <= f.due
        and f.done_on <= v.day
        and age(v.day, f.done_on) <= c.evidence_days
    )
    rich = [
        i
        for i in v.interactions
        if age(v.day, i.on) <= c.evidence_days and richness_of(i.kind, c) >= c.rich_min
    ]
    return Evidence(
        services=sum(1 for e in window if e.direction == "give" or e.status == "granted"),
        kept=kept,
        rich=len(rich),
        months=len({(i.on.year, i.on.month) for i in rich}),
        knowledge=knowledge_of(v, c)[0] if knowledge is None else knowledge,
        received=sum(
            1
            for e in window
            if e.direction == "ask" and e.status == "granted" and e.kind in c.harvest_kinds
        ),
        passed=sum(1 for e in window if e.direction == "give" and e.kind in c.harvest_kinds),
        ratio=(bal if bal is not None else balance_of(h, v, c)).ratio,
        # visibility looks at all time; interactions beyond the list are assumed non-social
        visible=any(i.kind != "social" for i in v.interactions) or (v.count > 0 and v.unlisted),
    )


def _rules(
    h: ContactHistory,
    v: View,
    c: Constants,
    knowledge: float | None = None,
    bal: Balance | None = None,
) -> tuple[str, tuple[str, ...]]:
    """The first matching rule among profitability, credibility, visibility, contact.

    ``knowledge`` and ``bal`` may be passed when already computed for the same view.
    """
    e = _evidence(h, v, c, knowledge, bal)
    evidence = e.lines(v.count, c)
    credible = (
        (e.services >= 1 or e.kept >= 1)
        and e.rich >= c.rich_count
        and e.months >= c.rich_months
        and e.knowledge >= c.credibility_knowledge
    )
    profitable = e.received and e.passed and e.ratio is not None and e.ratio > c.profit_min_ratio
    if credible and profitable:
        return "profitability", evidence
    if credible:
        return "credibility", evidence
    if e.visible:
        return "visibility", evidence
    return "contact", evidence


def _dormant(v: View, c: Constants) -> bool:
    return v.last is not None and age(v.day, v.last) >= c.dormant_days


def stage_of(
    h: ContactHistory,
    v: View,
    c: Constants,
    knowledge: float | None = None,
    bal: Balance | None = None,
) -> Stage:
    """The stage of the history as seen in ``v`` (``knowledge``, ``bal``: when known)."""
    today = v.day
    if _dormant(v, c):
        assert v.last is not None
        was, evidence = _rules(h, as_of(h, v.last), c)
        line = msg.SCORING_EV_DORMANT.format(ago=days_text(age(today, v.last)), on=v.last)
        return Stage(name="dormant", was=was, evidence=(line, *evidence), lapsed=False)
    name, evidence = _rules(h, v, c, knowledge, bal)
    if v.last is not None and name != STAGES[0]:
        every = cadence_of(h, v, c)
        limit = c.lapse_min_days
        if every is not None:
            limit = max(limit, math.ceil(c.lapse_cadence_factor * every))
        since = age(today, v.last)
        if since > limit:
            lower = STAGES[STAGES.index(name) - 1]
            line = msg.SCORING_EV_LAPSED.format(ago=days_text(since), limit=limit, was=name)
            return Stage(name=lower, was=name, evidence=(*evidence, line), lapsed=True)
    return Stage(name=name, was=None, evidence=evidence, lapsed=False)


def stage(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> Stage:
    """The VCP stage: dormant, profitability, credibility, visibility or contact.

    Services, kept promises, rich interactions and referrals count over the last 24
    months; visibility needs one non-social interaction ever. A dormant contact shows the
    stage it had on the day of its last interaction (``was``). A stage lapses one level
    when the days since the last interaction exceed max(365, 3 × cadence).
    """
    return stage_of(h, as_of(h, today), c)
