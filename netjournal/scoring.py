"""Scoring: balance, depth, stage and urgency as pure functions over plain records.

Nothing here does I/O, reads the clock, prints or touches the database: every function
takes the contact's history and an explicit ``today``, and returns frozen dataclasses
whose parts explain the number term by term (input × weight = points). The same results
serve the tables, the JSON and ``net balance NAME`` / ``net depth NAME`` / ``net due
NAME``. A contact's scores depend on that contact's history only; only
:func:`rank_due` and :func:`network_balance` look at several contacts.

Every constant lives in :class:`Constants` (``DEFAULTS``); the config file can override
any of them through :meth:`Constants.from_mapping`.

WINDOW (what the database reader must supply)
---------------------------------------------
``ContactHistory.interactions`` need not hold every interaction. The reader guarantees
that it holds at least:

* every interaction dated on or after ``today - 730 days`` (24 months),
* the last 10 interactions ever (by date; when several share the date of the tenth
  from last, all interactions of that date), and
* when the last interaction is 1095 or more days before ``today``: every interaction
  dated on or after ``last_interaction - 730 days``.

``interaction_count``, ``first_interaction`` and ``last_interaction`` are exact totals
over all interactions. Under that guarantee every result here equals the result on the
full list, with one exception that no bounded window can settle: the visibility rule
asks for a non-social interaction *ever*. When interactions exist beyond the list and
every listed one is ``social``, the unlisted ones are assumed to include a non-social
one (the usual case: a meeting long ago, then only likes); a contact whose 11+
interactions were all ``social`` is then shown at visibility instead of contact. When
``interaction_count`` is 0 and ``interactions`` is not empty, the list is taken as the
complete history (convenient in tests; see :func:`history_from_full`).

Conventions
-----------
* Ages count whole days between dates. "Within N days" means 0 <= age <= N.
* Records dated after ``today`` are ignored (scores are "as of today"); a follow-up
  done after ``today`` is still open as of today.
* Sizes outside 1–5 are clamped into 1–5, negative money counts as 0, an exchange with
  both a size and an amount uses the amount; an unknown exchange kind scores like
  ``other``; an unknown interaction kind has richness 0; an unknown tier has no cadence
  and tier value 0.
* The half-lives (balance 365 days, recency 90 days, 270 for kin) are design choices,
  not findings: the literature says closeness fades "within a few months" and that kin
  ties are robust, but gives no calendar rate. They are defaults to tune.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal

from netjournal import messages as msg
from netjournal.constants import DEFAULTS, Constants

__all__ = [
    "DEFAULTS",
    "STAGES",
    "Balance",
    "Component",
    "Constants",
    "ContactHistory",
    "Depth",
    "Exchange",
    "Fact",
    "FollowUp",
    "Gap",
    "Interaction",
    "LedgerLine",
    "NetworkBalance",
    "Stage",
    "Term",
    "Urgency",
    "ask_hint",
    "ask_warnings",
    "balance",
    "cadence",
    "depth",
    "exchange_amount",
    "history_from_full",
    "network_balance",
    "rank_due",
    "stage",
    "urgency",
    "window_interactions",
]

# --- input records ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Interaction:
    """Something that happened with the contact on a day, of a kind (``one-to-one``...)."""

    on: date
    kind: str


@dataclass(frozen=True, slots=True)
class Exchange:
    """A give (deposit) or an ask (withdrawal). ``amount`` is money in major units."""

    direction: Literal["give", "ask"]
    kind: str
    on: date
    size: int | None = None
    amount: Decimal | None = None
    status: Literal["granted", "open", "declined"] = "granted"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """Something learned about the contact, in a category (``family``, ``goals``...)."""

    category: str
    learned_on: date


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A reach-out reminder or a promise; open while ``done_on`` is None."""

    kind: Literal["reach-out", "promise"]
    due: date
    note: str = ""
    done_on: date | None = None
    created_on: date | None = None


@dataclass(frozen=True, slots=True)
class ContactHistory:
    """Everything scoring needs about one contact. See WINDOW in the module docstring."""

    name: str
    tier: str = "active"
    kin: bool = False
    cadence: int | None = None
    met_on: date = field(kw_only=True)
    birthday: str | None = None
    interactions: tuple[Interaction, ...] = ()
    interaction_count: int = 0
    first_interaction: date | None = None
    last_interaction: date | None = None
    exchanges: tuple[Exchange, ...] = ()
    facts: tuple[Fact, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    snoozed_until: date | None = None


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """One give or ask: points × size_mult × decay × status_factor = amount (≥ 0)."""

    date: date
    kind: str
    direction: str
    points: float
    size_mult: float
    decay: float
    status_factor: float
    amount: float
    status: str = "granted"
    money: Decimal | None = None
    note: str = ""

    @property
    def undecayed(self) -> float:
        """The lifetime value: points × size_mult × status_factor, without decay."""
        return self.points * self.size_mult * self.status_factor

    @property
    def signed(self) -> float:
        """The amount as it moves the balance: + for gives, − for asks."""
        return self.amount if self.direction == "give" else -self.amount


@dataclass(frozen=True, slots=True)
class Balance:
    """Give/take per contact. ``ratio`` is None when G + T is under 0.5.

    ``lifetime_given``/``lifetime_taken`` are undecayed: points × size_mult × status
    factor (an open or declined ask still books half). ``headroom`` is B itself: how much
    can be taken before the balance goes below zero (negative when already below).
    ``close_tie`` (inner tier or kin): the numbers stand, but no warnings are given.
    """

    name: str
    gives: int
    asks: int
    given: float
    taken: float
    balance: float
    ratio: float | None
    label: str
    lifetime_given: float
    lifetime_taken: float
    lines: tuple[LedgerLine, ...]
    close_tie: bool
    headroom: float


@dataclass(frozen=True, slots=True)
class NetworkBalance:
    given: float
    taken: float
    balance: float


@dataclass(frozen=True, slots=True)
class Component:
    """One part of depth: input (0..1) × weight = points."""

    name: str
    input: float
    weight: float
    points: float
    detail: str


@dataclass(frozen=True, slots=True)
class Gap:
    """A missing profile category and the depth points learning it would add."""

    category: str
    label: str
    points: float


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
class Term:
    """One urgency term: value (0..1) × coefficient = points."""

    name: str
    value: float
    coefficient: float
    points: float
    reason: str


@dataclass(frozen=True, slots=True)
class Urgency:
    """Urgency of one contact for ``net due``.

    ``terms`` holds all ten terms in DESIGN order (zeros included); ``reasons`` the
    reasons of the nonzero ones, most points first. ``triggers`` names why the contact is
    listed (``follow-up``, ``cadence``, ``event``, ``new tie``, ``dormant``); ``listed``
    is False for snoozed contacts whatever the triggers.
    """

    name: str
    total: float
    terms: tuple[Term, ...]
    due_on: date | None
    last_contact: date | None
    listed: bool
    dormant_strong: bool
    reasons: tuple[str, ...]
    cadence: int | None = None
    rho: float | None = None
    triggers: tuple[str, ...] = ()
    was_depth: float | None = None
    snoozed: bool = False


# --- the history as of a day ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _View:
    day: date
    interactions: tuple[Interaction, ...]  # listed ones dated <= day, oldest first
    count: int  # all interactions dated <= day
    last: date | None
    exchanges: tuple[Exchange, ...]  # dated <= day, oldest first
    facts: tuple[Fact, ...]
    unlisted: bool  # some interactions dated <= day are not in the list


def _as_of(h: ContactHistory, day: date) -> _View:
    listed = sorted(h.interactions, key=lambda i: i.on)
    if h.interaction_count == 0 and listed:
        total, first, last = len(listed), listed[0].on, listed[-1].on
    else:
        total, first, last = h.interaction_count, h.first_interaction, h.last_interaction
        if listed:
            first = min(first, listed[0].on) if first else listed[0].on
            last = max(last, listed[-1].on) if last else listed[-1].on
            total = max(total, len(listed))
    past = tuple(i for i in listed if i.on <= day)
    count = max(total - (len(listed) - len(past)), len(past))
    if first is not None and first > day:
        count = len(past)
    if last is not None and last > day:
        last = past[-1].on if past else None
    if count == 0:
        last = None
    elif last is None and past:
        last = past[-1].on
    exchanges = tuple(sorted((e for e in h.exchanges if e.on <= day), key=lambda e: e.on))
    facts = tuple(f for f in h.facts if f.learned_on <= day)
    return _View(day, past, count, last, exchanges, facts, count > len(past))


def _age(day: date, then: date) -> int:
    return max(0, (day - then).days)


def _days(n: int) -> str:
    return (msg.SCORING_DAY if n == 1 else msg.SCORING_DAYS).format(n=n)


def _close_tie(h: ContactHistory, c: Constants) -> bool:
    return h.kin or h.tier in c.close_tiers


# --- balance ---------------------------------------------------------------------------------


def _size_mult(e: Exchange, c: Constants) -> float:
    if e.amount is not None:
        money = max(0.0, float(e.amount))
        return min(c.money_cap, 1.0 + math.log10(1.0 + money / c.money_unit))
    if e.size is not None:
        size = min(c.size_max, max(c.size_min, e.size))
        return size / c.size_default
    return 1.0


def exchange_amount(e: Exchange, today: date, c: Constants = DEFAULTS) -> LedgerLine:
    """points[kind] × size_mult × 0.5^(age/365) × (0.5 if an ask is open or declined)."""
    points = float(c.points.get(e.kind, c.points.get("other", 1.0)))
    size_mult = _size_mult(e, c)
    decay = 0.5 ** (_age(today, e.on) / c.balance_half_life)
    pending = e.direction == "ask" and e.status in ("open", "declined")
    status_factor = c.pending_ask_factor if pending else 1.0
    status = e.status if e.direction == "ask" else "granted"
    return LedgerLine(
        date=e.on,
        kind=e.kind,
        direction=e.direction,
        points=points,
        size_mult=size_mult,
        decay=decay,
        status_factor=status_factor,
        amount=points * size_mult * decay * status_factor,
        status=status,
        money=e.amount,
        note=e.note,
    )


def _ratio(given: float, taken: float, c: Constants) -> float | None:
    volume = given + taken
    return None if volume < c.min_volume else (given - taken) / volume


def _label(ratio: float | None, c: Constants) -> str:
    if ratio is None:
        return msg.SCORING_LABEL_NONE
    if ratio >= c.credit_ratio:
        return msg.SCORING_LABEL_CREDIT
    if ratio <= -c.credit_ratio:
        return msg.SCORING_LABEL_OVERDRAWN
    return msg.SCORING_LABEL_BALANCED


def _balance(h: ContactHistory, v: _View, c: Constants) -> Balance:
    lines = tuple(exchange_amount(e, v.day, c) for e in v.exchanges)
    gives = [line for line in lines if line.direction == "give"]
    asks = [line for line in lines if line.direction != "give"]
    given = math.fsum(line.amount for line in gives)
    taken = math.fsum(line.amount for line in asks)
    ratio = _ratio(given, taken, c)
    return Balance(
        name=h.name,
        gives=len(gives),
        asks=len(asks),
        given=given,
        taken=taken,
        balance=given - taken,
        ratio=ratio,
        label=_label(ratio, c),
        lifetime_given=math.fsum(line.undecayed for line in gives),
        lifetime_taken=math.fsum(line.undecayed for line in asks),
        lines=lines,
        close_tie=_close_tie(h, c),
        headroom=given - taken,
    )


def balance(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> Balance:
    """The contact's decayed give/take balance with its ledger (oldest first)."""
    return _balance(h, _as_of(h, today), c)


def network_balance(balances: Iterable[Balance]) -> NetworkBalance:
    """The sum over contacts of G, T and B."""
    items = list(balances)
    given = math.fsum(b.given for b in items)
    taken = math.fsum(b.taken for b in items)
    return NetworkBalance(given=given, taken=taken, balance=given - taken)


# --- depth -----------------------------------------------------------------------------------

_KNOWLEDGE_MEMBERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"interests": ("interests", "hobbies")}
)


def _knowledge_group(category: str, c: Constants) -> str | None:
    for group in c.knowledge_weights:
        if category in _KNOWLEDGE_MEMBERS.get(group, (group,)):
            return group
    return None


def _knowledge(v: _View, c: Constants) -> tuple[float, str, tuple[Gap, ...]]:
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
        if _age(v.day, latest[group]) > c.stale_fact_days:
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


def _richness_of(kind: str, c: Constants) -> float:
    return float(c.richness.get(kind, 0.0))


def _depth(h: ContactHistory, v: _View, c: Constants, bal: Balance | None = None) -> Depth:
    w = c.depth_weights
    knowledge, knowledge_detail, gaps = _knowledge(v, c)

    n = sum(1 for i in v.interactions if _age(v.day, i.on) <= c.frequency_days)
    frequency = min(1.0, math.log2(1 + n) / math.log2(1 + c.frequency_full))
    frequency_detail = msg.SCORING_FREQUENCY_DETAIL.format(n=n, days=c.frequency_days)

    half_life = c.recency_half_life_kin if h.kin else c.recency_half_life
    if v.last is None:
        recency, recency_detail = 0.0, msg.SCORING_NO_INTERACTION
    else:
        since = _age(v.day, v.last)
        recency = 0.5 ** (since / half_life)
        recency_detail = msg.SCORING_RECENCY_DETAIL.format(
            ago=_days(since), half_life=_days(round(half_life))
        )

    ordered = sorted(v.interactions, key=lambda i: (i.on, _richness_of(i.kind, c)))
    last = ordered[-c.richness_last :] if v.last is not None else []
    if last:
        richness = math.fsum(_richness_of(i.kind, c) for i in last) / len(last)
        richness_detail = msg.SCORING_RICHNESS_DETAIL.format(n=len(last))
    else:
        richness, richness_detail = 0.0, msg.SCORING_NO_INTERACTION

    bal = bal if bal is not None else _balance(h, v, c)
    volume = bal.given + bal.taken
    mutuality = 1.0 - abs(bal.ratio) if bal.ratio is not None else 0.0
    share = volume / (volume + c.reciprocity_half) if volume > 0 else 0.0
    reciprocity = share * (0.5 + 0.5 * mutuality)
    reciprocity_detail = msg.SCORING_RECIPROCITY_DETAIL.format(
        given=bal.given, taken=bal.taken, share=share, mutuality=mutuality
    )

    months = _age(v.day, h.met_on) / c.days_per_month
    duration = min(1.0, math.log2(1 + months) / math.log2(1 + c.duration_full_months))
    duration_detail = msg.SCORING_DURATION_DETAIL.format(months=months)

    parts = (
        ("knowledge", knowledge, knowledge_detail),
        ("frequency", frequency, frequency_detail),
        ("recency", recency, recency_detail),
        ("richness", richness, richness_detail),
        ("reciprocity", reciprocity, reciprocity_detail),
        ("duration", duration, duration_detail),
    )
    components = tuple(
        Component(name, value, float(w[name]), value * w[name], detail)
        for name, value, detail in parts
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
    return _depth(h, _as_of(h, today), c)


# --- stage -------------------------------------------------------------------------------------


def _rules(
    h: ContactHistory,
    v: _View,
    c: Constants,
    knowledge: float | None = None,
    bal: Balance | None = None,
) -> tuple[str, tuple[str, ...]]:
    """The first matching rule among profitability, credibility, visibility, contact.

    ``knowledge`` and ``bal`` may be passed when already computed for the same view.
    """
    window = [e for e in v.exchanges if _age(v.day, e.on) <= c.evidence_days]
    services = sum(1 for e in window if e.direction == "give" or e.status == "granted")
    kept = sum(
        1
        for f in h.followups
        if f.kind == "promise"
        and f.done_on is not None
        and f.done_on <= f.due
        and f.done_on <= v.day
        and _age(v.day, f.done_on) <= c.evidence_days
    )
    rich = [
        i
        for i in v.interactions
        if _age(v.day, i.on) <= c.evidence_days and _richness_of(i.kind, c) >= c.rich_min
    ]
    months = len({(i.on.year, i.on.month) for i in rich})
    if knowledge is None:
        knowledge = _knowledge(v, c)[0]
    received = sum(
        1
        for e in window
        if e.direction == "ask" and e.status == "granted" and e.kind in c.harvest_kinds
    )
    passed = sum(1 for e in window if e.direction == "give" and e.kind in c.harvest_kinds)
    ratio = (bal if bal is not None else _balance(h, v, c)).ratio
    # visibility looks at all time; interactions beyond the list are assumed non-social
    visible = any(i.kind != "social" for i in v.interactions) or (v.count > 0 and v.unlisted)

    evidence = (
        msg.SCORING_EV_SERVICES.format(n=services, kept=kept),
        msg.SCORING_EV_RICH.format(n=len(rich), months=months, need=c.rich_count),
        msg.SCORING_EV_KNOWLEDGE.format(value=knowledge, need=c.credibility_knowledge),
        msg.SCORING_EV_REFERRALS.format(received=received, given=passed),
        msg.SCORING_EV_RATIO.format(
            ratio=msg.SCORING_NO_RATIO if ratio is None else f"{ratio:+.2f}"
        ),
        msg.SCORING_EV_INTERACTIONS.format(
            n=v.count, answer=msg.SCORING_YES if visible else msg.SCORING_NO
        ),
    )
    credible = (
        (services >= 1 or kept >= 1)
        and len(rich) >= c.rich_count
        and months >= c.rich_months
        and knowledge >= c.credibility_knowledge
    )
    if credible and received and passed and ratio is not None and ratio > c.profit_min_ratio:
        return "profitability", evidence
    if credible:
        return "credibility", evidence
    if visible:
        return "visibility", evidence
    return "contact", evidence


def _dormant(v: _View, c: Constants) -> bool:
    return v.last is not None and _age(v.day, v.last) >= c.dormant_days


def stage(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> Stage:
    """The VCP stage: dormant, profitability, credibility, visibility or contact.

    Services, kept promises, rich interactions and referrals count over the last 24
    months; visibility needs one non-social interaction ever. A dormant contact shows the
    stage it had on the day of its last interaction (``was``). A stage lapses one level
    when the days since the last interaction exceed max(365, 3 × cadence).
    """
    return _stage(h, _as_of(h, today), c)


def _stage(
    h: ContactHistory,
    v: _View,
    c: Constants,
    knowledge: float | None = None,
    bal: Balance | None = None,
) -> Stage:
    today = v.day
    if _dormant(v, c):
        assert v.last is not None
        was, evidence = _rules(h, _as_of(h, v.last), c)
        line = msg.SCORING_EV_DORMANT.format(ago=_days(_age(today, v.last)), on=v.last)
        return Stage(name="dormant", was=was, evidence=(line, *evidence), lapsed=False)
    name, evidence = _rules(h, v, c, knowledge, bal)
    if v.last is not None and name != STAGES[0]:
        every = _cadence(h, v, c)
        limit = c.lapse_min_days
        if every is not None:
            limit = max(limit, math.ceil(c.lapse_cadence_factor * every))
        since = _age(today, v.last)
        if since > limit:
            lower = STAGES[STAGES.index(name) - 1]
            line = msg.SCORING_EV_LAPSED.format(ago=_days(since), limit=limit, was=name)
            return Stage(name=lower, was=name, evidence=(*evidence, line), lapsed=True)
    return Stage(name=name, was=None, evidence=evidence, lapsed=False)


# --- cadence and urgency ---------------------------------------------------------------------


def _cadence(h: ContactHistory, v: _View, c: Constants) -> int | None:
    if h.cadence is not None:
        return max(1, h.cadence)  # the override wins outright
    base = c.tier_cadence.get(h.tier)
    if base is None:
        return None
    days = float(base) * c.kin_factor if h.kin else float(base)
    every = max(1, math.floor(days + 0.5))
    new = v.count < c.new_contact_interactions and (v.day - h.met_on).days < c.new_contact_days
    return min(every, c.new_contact_cap) if new else every


def cadence(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> int | None:
    """Days between contacts: the override as given, else the tier's cadence (× 1.5 for
    kin, rounded half up), capped at 14 while the contact has fewer than 3 interactions
    and was met under 90 days ago. None when there is no cadence."""
    return _cadence(h, _as_of(h, today), c)


def due_ramp(days_overdue: int, c: Constants = DEFAULTS) -> float:
    """Taskwarrior's due ramp: 0.2 beyond 14 days ahead, 0.733 on the day, 1.0 from 7 late."""
    if days_overdue >= c.due_full_after:
        return 1.0
    if days_overdue < -c.due_ramp_before:
        return c.due_floor
    span = c.due_ramp_before + c.due_full_after
    return (days_overdue + c.due_ramp_before) * (1.0 - c.due_floor) / span + c.due_floor


_BIRTHDAY = re.compile(r"^(?:\d{4}|--)-?(\d{2})-(\d{2})$")


def _birthday_offset(birthday: str | None, today: date, c: Constants) -> int | None:
    """Days from today to the nearest birthday within [-after, +before], else None."""
    if not birthday:
        return None
    found = _BIRTHDAY.match(birthday.strip())
    if not found:
        return None
    month, day = int(found.group(1)), int(found.group(2))
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            if (month, day) != (2, 29):
                return None
            when = date(year, 2, 28)  # Feb 29 birthdays fall on Feb 28 in common years
        offset = (when - today).days
        if -c.birthday_after <= offset <= c.birthday_before:
            return offset
    return None


def _followup_reason(item: FollowUp, today: date) -> str:
    what = msg.SCORING_WHAT_PROMISE if item.kind == "promise" else msg.SCORING_WHAT_FOLLOW_UP
    if item.due < today:
        text = msg.SCORING_DUE_OVERDUE.format(what=what, due=item.due.isoformat())
    elif item.due == today:
        text = msg.SCORING_DUE_TODAY.format(what=what)
    else:
        text = msg.SCORING_DUE_AHEAD.format(what=what, due=item.due.isoformat())
    return msg.SCORING_WITH_NOTE.format(text=text, note=item.note) if item.note else text


def _term(name: str, value: float, c: Constants, reason: str) -> Term:
    coefficient = float(c.coefficients[name])
    return Term(name, value, coefficient, value * coefficient, reason)


def urgency(
    h: ContactHistory,
    today: date,
    c: Constants = DEFAULTS,
    within: int | None = None,
    depth_value: float | None = None,
    stage_value: Stage | None = None,
) -> Urgency:
    """How urgent it is to contact this person, term by term (taskwarrior style).

    ``within`` is the horizon in days (default ``c.horizon``, 3). ``depth_value`` and
    ``stage_value`` may be passed when already computed for today.
    """
    v = _as_of(h, today)
    return _urgency(h, v, c, within, _balance(h, v, c), depth_value, stage_value)


def _urgency(
    h: ContactHistory,
    v: _View,
    c: Constants,
    within: int | None,
    bal: Balance,
    depth_value: float | None,
    stage_value: Stage | None,
) -> Urgency:
    today = v.day
    horizon = c.horizon if within is None else within
    st = stage_value if stage_value is not None else _stage(h, v, c, bal=bal)
    every = _cadence(h, v, c)
    terms: list[Term] = []
    triggers: list[str] = []

    # follow-up: the earliest open follow-up or promise
    open_items = sorted(
        (
            f
            for f in h.followups
            if (f.done_on is None or f.done_on > today)
            and (f.created_on is None or f.created_on <= today)
        ),
        key=lambda f: (f.due, f.kind != "promise", f.note),
    )
    if open_items:
        first = open_items[0]
        terms.append(
            _term(
                "follow_up",
                due_ramp((today - first.due).days, c),
                c,
                _followup_reason(first, today),
            )
        )
        if (first.due - today).days <= horizon:
            triggers.append("follow-up")
    else:
        terms.append(_term("follow_up", 0.0, c, ""))

    # cadence
    clock = v.last if v.last is not None else h.met_on
    since = _age(today, clock)
    rho: float | None = None
    if every is None:
        terms.append(_term("cadence", 0.0, c, ""))
    else:
        rho = since / every
        value = 0.0
        if rho >= c.cadence_start:
            value = min(
                1.0,
                c.cadence_floor + (1 - c.cadence_floor) * (rho - c.cadence_start) / c.cadence_span,
            )
        template = msg.SCORING_CADENCE if v.last is not None else msg.SCORING_CADENCE_NEVER
        terms.append(
            _term("cadence", value, c, template.format(ago=_days(since), every=_days(every)))
        )
        if rho >= 1:
            triggers.append("cadence")

    # promise: an open promise due within the horizon or overdue
    promises = [f for f in open_items if f.kind == "promise" and (f.due - today).days <= horizon]
    if promises:
        terms.append(_term("promise", 1.0, c, _followup_reason(promises[0], today)))
    else:
        terms.append(_term("promise", 0.0, c, ""))

    # tier
    terms.append(
        _term("tier", float(c.tier_value.get(h.tier, 0.0)), c, msg.SCORING_TIER.format(tier=h.tier))
    )

    # event: a birthday from 3 days ahead to 1 day past
    offset = _birthday_offset(h.birthday, today, c)
    if offset is None:
        terms.append(_term("event", 0.0, c, ""))
    else:
        if offset == 0:
            reason = msg.SCORING_BIRTHDAY_TODAY
        elif offset == 1:
            reason = msg.SCORING_BIRTHDAY_TOMORROW
        elif offset < 0:
            reason = msg.SCORING_BIRTHDAY_PAST.format(ago=_days(-offset))
        else:
            reason = msg.SCORING_BIRTHDAY_AHEAD.format(days=_days(offset))
        terms.append(_term("event", 1.0, c, reason))
        triggers.append("event")

    # new tie
    met_ago = (today - h.met_on).days
    new_tie = (
        v.count < c.new_tie_interactions and c.new_tie_min_days <= met_ago <= c.new_tie_max_days
    )
    if new_tie:
        terms.append(_term("new_tie", 1.0, c, msg.SCORING_NEW_TIE.format(ago=_days(met_ago))))
        triggers.append("new tie")
    else:
        terms.append(_term("new_tie", 0.0, c, ""))

    # depth at stake
    if rho is not None and rho >= 1:
        value_depth = depth_value if depth_value is not None else _depth(h, v, c, bal).depth
        terms.append(
            _term(
                "depth_at_stake",
                min(1.0, max(0.0, value_depth / 100.0)),
                c,
                msg.SCORING_DEPTH_AT_STAKE.format(depth=value_depth),
            )
        )
    else:
        terms.append(_term("depth_at_stake", 0.0, c, ""))

    # give back
    overdrawn = bal.ratio is not None and bal.ratio <= -c.credit_ratio
    if overdrawn and not bal.close_tie:
        assert bal.ratio is not None
        terms.append(_term("give_back", min(1.0, -bal.ratio), c, msg.SCORING_GIVE_BACK))
    else:
        terms.append(_term("give_back", 0.0, c, ""))

    # ready to ask
    ready = st.name == "credibility" and bal.ratio is not None and bal.ratio >= c.credit_ratio
    terms.append(
        _term("ready_to_ask", 1.0 if ready else 0.0, c, msg.SCORING_READY if ready else "")
    )

    # dormant but was strong
    strong = False
    was_depth: float | None = None
    if st.name == "dormant" and v.last is not None:
        then = _as_of(h, v.last)
        was_depth = _depth(h, then, c).depth
        was_level = STAGES.index(st.was) if st.was in STAGES else 0
        strong = was_depth >= c.dormant_strong_depth or was_level >= STAGES.index("credibility")
    if strong:
        terms.append(_term("dormant_strong", 1.0, c, msg.SCORING_DORMANT_STRONG.format(was=st.was)))
        triggers.append("dormant")
    else:
        terms.append(_term("dormant_strong", 0.0, c, ""))

    total = math.fsum(t.points for t in terms)
    ranked = sorted(
        (t for t in terms if t.points > 0 and t.reason),
        key=lambda t: -t.points,
    )
    reasons: list[str] = []
    for t in ranked:
        if t.reason not in reasons:
            reasons.append(t.reason)

    if open_items:
        due_on: date | None = open_items[0].due
    elif every is not None:
        try:
            due_on = clock + timedelta(days=every)
        except OverflowError:  # a date at the end of the calendar: no due day to show
            due_on = None
    else:
        due_on = None
    snoozed = h.snoozed_until is not None and h.snoozed_until > today
    return Urgency(
        name=h.name,
        total=total,
        terms=tuple(terms),
        due_on=due_on,
        last_contact=v.last,
        listed=bool(triggers) and not snoozed,
        dormant_strong=strong,
        reasons=tuple(reasons),
        cadence=every,
        rho=rho,
        triggers=tuple(triggers),
        was_depth=was_depth,
        snoozed=snoozed,
    )


def rank_due(urgencies: Iterable[Urgency], c: Constants = DEFAULTS) -> list[Urgency]:
    """The listed contacts, most urgent first (total descending, then name).

    Of those listed only because they are dormant strong ties, at most
    ``c.dormant_limit`` are kept, the deepest (on the day of their last interaction)
    first.
    """
    listed = [u for u in urgencies if u.listed]
    dormant_only = [u for u in listed if u.triggers == ("dormant",)]
    dormant_only.sort(key=lambda u: (-(u.was_depth or 0.0), u.name))
    dropped = {id(u) for u in dormant_only[c.dormant_limit :]}
    kept = [u for u in listed if id(u) not in dropped]
    kept.sort(key=lambda u: (-u.total, u.name))
    return kept


# --- asks -------------------------------------------------------------------------------------


def ask_warnings(
    h: ContactHistory,
    today: date,
    kind: str,
    size: int | None = None,
    amount: Decimal | None = None,
    c: Constants = DEFAULTS,
    status: Literal["granted", "open", "declined"] = "granted",
) -> tuple[str, ...]:
    """Warnings before recording an ask (``h`` does not hold it yet). Never blocking.

    None for inner contacts and kin. "Deposit before you withdraw" when the ask would
    take B below zero; "too early to harvest" for a referral, introduction, job-lead or
    business while the stage is contact or visibility (for a dormant contact: the stage
    it was).
    """
    if _close_tie(h, c):
        return ()
    v = _as_of(h, today)
    bal = _balance(h, v, c)
    ask = Exchange("ask", kind, today, size=size, amount=amount, status=status)
    after = bal.balance - exchange_amount(ask, today, c).amount
    warnings: list[str] = []
    if after < 0:
        warnings.append(
            msg.SCORING_ASK_OVERDRAWS.format(name=h.name, before=bal.balance, after=after)
        )
    if kind in c.harvest_kinds:
        st = stage(h, today, c)
        current = st.was if st.name == "dormant" else st.name
        if current in STAGES[:2]:
            warnings.append(msg.SCORING_ASK_TOO_EARLY.format(name=h.name, stage=current, kind=kind))
    return tuple(warnings)


def ask_hint(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> str | None:
    """The "good time to ask" hint: ≥ 3 gives, no asks, stage credibility or beyond.

    Not given for inner contacts and kin, who don't keep score.
    """
    if _close_tie(h, c):
        return None
    bal = balance(h, today, c)
    if bal.gives < c.ask_hint_gives or bal.asks:
        return None
    st = stage(h, today, c)
    if st.level < STAGES.index("credibility"):
        return None
    return msg.SCORING_ASK_HINT.format(name=h.name, gives=bal.gives, stage=st.name)


# --- building histories ------------------------------------------------------------------------


def window_interactions(
    interactions: Iterable[Interaction], today: date, c: Constants = DEFAULTS
) -> tuple[Interaction, ...]:
    """The smallest list the WINDOW guarantee allows, oldest first (a reference for the
    database reader and for tests)."""
    ordered = sorted(interactions, key=lambda i: i.on)
    if not ordered:
        return ()
    keep = [False] * len(ordered)
    since = today - timedelta(days=c.evidence_days)
    tail = ordered[-c.richness_last :]
    boundary = tail[0].on
    last = ordered[-1].on
    dormant_from = (
        last - timedelta(days=c.evidence_days) if (today - last).days >= c.dormant_days else None
    )
    for index, item in enumerate(ordered):
        if (
            item.on >= since
            or item.on >= boundary
            or (dormant_from is not None and item.on >= dormant_from)
        ):
            keep[index] = True
    return tuple(item for item, kept in zip(ordered, keep, strict=True) if kept)


def history_from_full(
    name: str,
    *,
    interactions: Sequence[Interaction] = (),
    met_on: date | None = None,
    window_today: date | None = None,
    c: Constants = DEFAULTS,
    **others: Any,
) -> ContactHistory:
    """A :class:`ContactHistory` from a complete list of interactions.

    Sets the exact totals; ``met_on`` defaults to the first interaction. With
    ``window_today``, keeps only the interactions the WINDOW guarantee requires for that
    day, as the database reader may.
    """
    ordered = tuple(sorted(interactions, key=lambda i: i.on))
    first = ordered[0].on if ordered else None
    last = ordered[-1].on if ordered else None
    met = met_on or first
    if met is None:
        raise ValueError("met_on is needed when there are no interactions")
    listed = ordered if window_today is None else window_interactions(ordered, window_today, c)
    return ContactHistory(
        name,
        met_on=met,
        interactions=listed,
        interaction_count=len(ordered),
        first_interaction=first,
        last_interaction=last,
        **others,
    )


@dataclass(frozen=True, slots=True)
class Scores:
    """All of one contact's scores as of one day."""

    balance: Balance
    depth: Depth
    stage: Stage
    urgency: Urgency


def evaluate(h: ContactHistory, today: date, c: Constants = DEFAULTS) -> Scores:
    """Balance, depth, stage and urgency (default horizon) at once, sharing the work.

    Identical to calling :func:`balance`, :func:`depth`, :func:`stage` and :func:`urgency`
    one by one (a property test checks it); whole-journal reports use this.
    """
    v = _as_of(h, today)
    bal = _balance(h, v, c)
    dep = _depth(h, v, c, bal)
    st = _stage(h, v, c, knowledge=dep.component("knowledge").input, bal=bal)
    urg = _urgency(h, v, c, None, bal, dep.depth, st)
    return Scores(balance=bal, depth=dep, stage=st, urgency=urg)
