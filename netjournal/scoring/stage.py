"""Stage: where a relationship stands on Misner's Visibility → Credibility → Profitability,
``contact`` before any interaction, ``dormant`` after three silent years.

Evidence over the last 24 months, first rule that matches: profitability (credibility,
and a referral, introduction, job-lead or business both received and given);
credibility (a service either way or a promise kept on time, 2 rich interactions in 2
distinct months, and knowledge ≥ 0.3 or a track record of services both ways);
visibility (an interaction other than ``social``); contact. A stage lapses one level
after max(365, 3 × cadence) days without the contact that keeps it: real contact for
credibility and profitability, any interaction for visibility.

Every rule is monotone in what was exchanged: a give or a granted ask never moves a
stage back, a declined or open ask never adds evidence (DESIGN's ratio floor on
profitability is gone: more granted business never demotes a partner).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from netjournal import messages as msg
from netjournal.plural import plural
from netjournal.scoring.balance import Balance, balance_of
from netjournal.scoring.cadence import cadence_of
from netjournal.scoring.constants import DEFAULTS, Constants
from netjournal.scoring.knowledge import knowledge as knowledge_of
from netjournal.scoring.records import UNKNOWN_KIND, ContactHistory, kind_table
from netjournal.scoring.view import View, age, as_of, days_text

STAGES: tuple[str, ...] = ("contact", "visibility", "credibility", "profitability")


@dataclass(frozen=True, slots=True)
class Stage:
    """Where the relationship stands.

    ``name`` is one of STAGES or ``dormant``. For a dormant contact ``was`` is the stage
    it had on the day of the last interaction; for a lapsed one (``lapsed`` True) ``was``
    is the stage before the lapse; otherwise None. ``verdict`` says it in a sentence and
    ``needs`` lists what is missing for the next stage (empty at profitability).
    """

    name: str
    was: str | None
    evidence: tuple[str, ...]
    lapsed: bool
    verdict: str = ""
    needs: tuple[str, ...] = ()

    @property
    def level(self) -> int:
        """Position in STAGES (contact 0 ... profitability 3); -1 when dormant."""
        return STAGES.index(self.name) if self.name in STAGES else -1


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the stage rules count in the evidence window."""

    services: int  # granted gives or asks
    given: int  # granted gives (services done for them)
    got: int  # granted asks (services they did for you)
    service_months: int  # distinct months with a service
    kept: int  # promises done by their date
    rich: int  # interactions of real contact (richness >= rich_min)
    months: int  # distinct months of those
    knowledge: float
    received: int  # referrals, introductions, job-leads, business received (granted)
    passed: int  # the same given
    ratio: float | None
    visible: bool  # an interaction other than social, ever

    def track_record(self, c: Constants) -> bool:
        """Services both ways, sustained: credibility earned by delivering."""
        n = c.track_record_services
        return self.given >= n and self.got >= n and self.service_months >= c.rich_months

    def credible(self, c: Constants) -> bool:
        return (
            (self.services >= 1 or self.kept >= 1)
            and self.rich >= c.rich_count
            and self.months >= c.rich_months
            and (self.knowledge >= c.credibility_knowledge or self.track_record(c))
        )

    def profitable(self) -> bool:
        return self.received >= 1 and self.passed >= 1

    def lines(self, count: int, c: Constants) -> tuple[str, ...]:
        ratio = msg.SCORING_NO_RATIO if self.ratio is None else f"{self.ratio:+.2f}"
        answer = msg.SCORING_YES if self.visible else msg.SCORING_NO
        return (
            msg.SCORING_EV_SERVICES.format(
                n=self.services, given=self.given, got=self.got, kept=self.kept
            ),
            msg.SCORING_EV_RICH.format(
                n=self.rich,
                months=plural(self.months, "distinct month"),
                need=c.rich_count,
                need_months=c.rich_months,
            ),
            msg.SCORING_EV_KNOWLEDGE.format(
                value=self.knowledge,
                need=c.credibility_knowledge,
                each=plural(c.track_record_services, "service"),
                months=plural(c.rich_months, "month"),
            ),
            msg.SCORING_EV_REFERRALS.format(received=self.received, given=self.passed),
            msg.SCORING_EV_RATIO.format(ratio=ratio),
            msg.SCORING_EV_INTERACTIONS.format(n=count, answer=answer),
        )

    def needs(self, name: str, c: Constants) -> tuple[str, ...]:
        """What is missing for the stage after ``name``."""
        if name == "contact":
            return (msg.SCORING_NEED_VISIBILITY,)
        if name == "visibility":
            return self._credibility_needs(c)
        if name == "credibility":
            out = []
            if self.received < 1:
                out.append(msg.SCORING_NEED_RECEIVED)
            if self.passed < 1:
                out.append(msg.SCORING_NEED_PASSED)
            return tuple(out)
        return ()

    def _credibility_needs(self, c: Constants) -> tuple[str, ...]:
        out = []
        if self.services < 1 and self.kept < 1:
            out.append(msg.SCORING_NEED_SERVICE)
        more = max(c.rich_count - self.rich, c.rich_months - self.months, 0)
        other = max(c.rich_months - self.months, 0)
        if more:
            text = msg.SCORING_NEED_RICH.format(meetings=plural(more, "more rich meeting"))
            if other == 1:
                text += msg.SCORING_NEED_ANOTHER_MONTH
            elif other > 1:
                text += msg.SCORING_NEED_OTHER_MONTHS.format(months=plural(other, "other month"))
            out.append(text)
        if self.knowledge < c.credibility_knowledge and not self.track_record(c):
            out.append(
                msg.SCORING_NEED_KNOWLEDGE.format(
                    need=c.credibility_knowledge,
                    now=self.knowledge,
                    each=plural(c.track_record_services, "service"),
                )
            )
        return tuple(out)


def _evidence(
    h: ContactHistory, v: View, c: Constants, knowledge: float | None, bal: Balance | None
) -> Evidence:
    table, since = kind_table(c), v.day.toordinal() - c.evidence_days
    window = [e for e in v.exchanges if e.on.toordinal() >= since]
    done = [e for e in window if e.direction == "give" or e.status == "granted"]
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
        if i.on.toordinal() >= since and table.get(i.kind, UNKNOWN_KIND)[2]
    ]
    return Evidence(
        services=len(done),
        given=sum(1 for e in done if e.direction == "give"),
        got=sum(1 for e in done if e.direction == "ask"),
        service_months=len({(e.on.year, e.on.month) for e in done}),
        kept=kept,
        rich=len(rich),
        months=len({(i.on.year, i.on.month) for i in rich}),
        knowledge=knowledge_of(v, c)[0] if knowledge is None else knowledge,
        received=sum(1 for e in done if e.direction == "ask" and e.kind in c.harvest_kinds),
        passed=sum(1 for e in done if e.direction == "give" and e.kind in c.harvest_kinds),
        ratio=(bal if bal is not None else balance_of(h, v, c)).ratio,
        # visibility looks at all time; interactions beyond the list are assumed non-social
        visible=any(i.kind != "social" for i in v.interactions)
        or v.real_count > 0
        or (v.count > 0 and v.unlisted),
    )


def _rules(
    h: ContactHistory,
    v: View,
    c: Constants,
    knowledge: float | None = None,
    bal: Balance | None = None,
) -> tuple[str, Evidence]:
    """The first matching rule among profitability, credibility, visibility, contact.

    ``knowledge`` and ``bal`` may be passed when already computed for the same view.
    """
    e = _evidence(h, v, c, knowledge, bal)
    if e.credible(c):
        return ("profitability" if e.profitable() else "credibility"), e
    return ("visibility" if e.visible else "contact"), e


def _verdict(name: str, e: Evidence, c: Constants) -> tuple[str, tuple[str, ...]]:
    """The verdict sentence and what the next stage needs."""
    if name == STAGES[-1]:
        return msg.SCORING_VERDICT_TOP, ()
    needs = e.needs(name, c)
    following = STAGES[STAGES.index(name) + 1]
    verdict = msg.SCORING_VERDICT.format(stage=name, next=following, needs="; ".join(needs))
    return verdict, needs


def stage_of(
    h: ContactHistory,
    v: View,
    c: Constants,
    knowledge: float | None = None,
    bal: Balance | None = None,
) -> Stage:
    """The stage of the history as seen in ``v`` (``knowledge``, ``bal``: when known)."""
    today = v.day
    if v.last is not None and age(today, v.last) >= c.dormant_days:
        was, e = _rules(h, as_of(h, v.last, c), c)
        line = msg.SCORING_EV_DORMANT.format(ago=days_text(age(today, v.last)), on=v.last)
        verdict = msg.SCORING_VERDICT_DORMANT.format(was=was)
        return Stage("dormant", was, (line, *e.lines(v.count, c)), False, verdict)
    name, e = _rules(h, v, c, knowledge, bal)
    evidence = e.lines(v.count, c)
    keeps = v.last_real if STAGES.index(name) >= STAGES.index("credibility") else v.last
    if keeps is not None and name != STAGES[0]:
        every = cadence_of(h, v, c)
        limit = c.lapse_min_days
        if every is not None:
            limit = max(limit, math.ceil(c.lapse_cadence_factor * every))
        since = age(today, keeps)
        if since > limit:
            lower = STAGES[STAGES.index(name) - 1]
            template = msg.SCORING_EV_LAPSED if keeps == v.last else msg.SCORING_EV_LAPSED_REAL
            line = template.format(ago=days_text(since), limit=days_text(limit), was=name)
            verdict = msg.SCORING_VERDICT_LAPSED.format(stage=lower, was=name)
            return Stage(lower, name, (*evidence, line), True, verdict)
    verdict, needs = _verdict(name, e, c)
    return Stage(name, None, evidence, False, verdict, needs)


def stage_name(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> str:
    """``stage(h, today, c).name``, without weighing any evidence for a contact never met:
    with no interaction, nothing is visible and no rule above can match while credibility
    asks for at least one rich interaction (a property test compares the two)."""
    never_met = not h.interactions and h.interaction_count == 0 and h.real_count == 0
    if never_met and (c.rich_count >= 1 or c.rich_months >= 1):
        return STAGES[0]
    return stage(h, today, c).name


def stage(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> Stage:
    """The VCP stage: dormant, profitability, credibility, visibility or contact.

    Services, kept promises, rich interactions and referrals count over the last 24
    months; visibility needs one non-social interaction ever. A dormant contact shows the
    stage it had on the day of its last interaction (``was``). A stage lapses one level
    when the days since the contact that keeps it (real contact for credibility and
    profitability, any interaction for visibility) exceed max(365, 3 × cadence).
    """
    return stage_of(h, as_of(h, today, c), c)
