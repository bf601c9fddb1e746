"""The scoring model's constants: every number of DESIGN.md's model, with its default.

Kept apart from ``scoring`` so that reading a journal (the score cache holds the day's
scores) needs the constants, to fingerprint them, without defining the scoring records.
Overridden under ``[scoring]`` in ``config.toml`` through :meth:`Constants.from_mapping`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from netjournal import messages as msg


def _table(**values: Any) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


def _points() -> Mapping[str, Any]:
    return MappingProxyType(
        {
            "referral": 5.0,
            "business": 5.0,
            "introduction": 3.0,
            "job-lead": 3.0,
            "testimonial": 2.0,
            "advice": 2.0,
            "favor": 1.0,
            "resource": 1.0,
            "gift": 1.0,
            "attend": 1.0,
            "other": 1.0,
            "congrats": 0.5,
        }
    )


def _richness() -> Mapping[str, Any]:
    return MappingProxyType(
        {
            "one-to-one": 1.0,
            "meal": 1.0,
            "video": 0.75,
            "meeting": 0.6,
            "event": 0.6,
            "call": 0.6,
            "voice": 0.4,
            "note": 0.4,
            "email": 0.3,
            "message": 0.25,
            "social": 0.05,
        }
    )


@dataclass(frozen=True, slots=True)
class Constants:
    """Every number of DESIGN.md's scoring model, with its default.

    Half-lives (``balance_half_life``, ``recency_half_life``, ``recency_half_life_kin``)
    are design choices, not findings. Tables keyed by kind, tier, category or term merge
    over the defaults in :meth:`from_mapping`.
    """

    # balance
    points: Mapping[str, float] = field(default_factory=_points)
    size_default: float = 3.0  # size_mult = size / size_default
    size_min: int = 1
    size_max: int = 5
    money_unit: float = 100.0  # size_mult = min(money_cap, 1 + log10(1 + amount / unit))
    money_cap: float = 4.0
    balance_half_life: float = 365.0
    pending_ask_factor: float = 0.5  # open or declined asks
    min_volume: float = 0.5  # no ratio when G + T < min_volume
    credit_ratio: float = 0.33  # R >= credit_ratio in credit; R <= -credit_ratio overdrawn
    close_tiers: tuple[str, ...] = ("inner",)  # with kin: numbers, no warnings
    ask_hint_gives: int = 3
    # depth
    depth_weights: Mapping[str, float] = field(
        default_factory=lambda: _table(
            knowledge=30.0,
            frequency=15.0,
            recency=15.0,
            richness=15.0,
            reciprocity=15.0,
            duration=10.0,
        )
    )
    knowledge_weights: Mapping[str, float] = field(
        default_factory=lambda: _table(
            family=2.0, goals=2.0, interests=2.0, accomplishments=1.0, networks=1.0, skills=1.0
        )
    )
    stale_fact_days: int = 730  # a category whose latest fact is older counts ...
    stale_fact_factor: float = 0.5  # ... this much
    frequency_days: int = 365
    frequency_full: int = 52  # log2(1 + n) / log2(1 + 52): weekly real contact = 1
    recency_half_life: float = 90.0
    recency_half_life_kin: float = 270.0
    richness: Mapping[str, float] = field(default_factory=_richness)
    richness_best: int = 3  # richness: the best 3 of 24 months, summed / 3
    reciprocity_half: float = 6.0  # V / (V + 6), and the same for the two-way part
    duration_full_quarters: float = 40.0  # log2(1 + q) / log2(41): ten years of quarters = 1
    bands: Mapping[str, float] = field(
        default_factory=lambda: _table(
            surface=0.0, acquainted=20.0, developing=40.0, strong=60.0, deep=80.0
        )
    )
    # stage
    evidence_days: int = 730
    dormant_days: int = 1095
    lapse_min_days: int = 365
    lapse_cadence_factor: float = 3.0
    rich_min: float = 0.6  # real contact: a call or better (also cadence, reach-outs, duration)
    rich_count: int = 2
    rich_months: int = 2
    credibility_knowledge: float = 0.3
    track_record_services: int = 2  # ... or this many services each way, in rich_months months
    harvest_kinds: tuple[str, ...] = ("referral", "introduction", "job-lead", "business")
    # cadence
    tier_cadence: Mapping[str, int | None] = field(
        default_factory=lambda: _table(inner=7, close=30, active=90, network=365, acquaintance=None)
    )
    kin_factor: float = 1.5
    new_contact_cap: int = 14
    new_contact_days: int = 90  # met under this many days ago ...
    new_contact_interactions: int = 3  # ... and fewer real interactions than this
    # urgency
    coefficients: Mapping[str, float] = field(
        default_factory=lambda: _table(
            follow_up=12.0,
            cadence=10.0,
            promise=8.0,
            tier=6.0,
            event=5.0,
            new_tie=4.0,
            depth_at_stake=3.0,
            give_back=2.0,
            ready_to_ask=2.0,
            dormant_strong=2.0,
        )
    )
    tier_value: Mapping[str, float] = field(
        default_factory=lambda: _table(
            inner=1.0, close=0.65, active=0.3, network=0.15, acquaintance=0.0
        )
    )
    due_full_after: float = 7.0  # taskwarrior ramp: 1.0 from 7 days late
    due_ramp_before: float = 14.0  # ... 0.2 from 14 days ahead, 0 further ahead
    due_floor: float = 0.2
    cadence_start: float = 0.5  # cadence term 0 below rho 0.5 ...
    cadence_floor: float = 0.2  # ... then 0.2 + 0.8 (rho - 0.5) / 1.5, capped at 1
    cadence_span: float = 1.5
    birthday_before: int = 3
    birthday_after: int = 1
    new_tie_interactions: int = 2  # fewer real interactions than this ...
    new_tie_min_days: int = 1  # ... and met this many ...
    new_tie_max_days: int = 90  # ... to this many days ago
    horizon: int = 3  # --within default
    dormant_strong_depth: float = 50.0
    dormant_limit: int = 2

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle (for worker processes) with the read-only tables as plain dicts."""
        plain = {
            f.name: dict(v) if isinstance(v := getattr(self, f.name), Mapping) else v
            for f in fields(self)
        }
        return (_rebuild, (plain,))

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> Constants:
        """Defaults overridden by ``mapping`` (e.g. the ``[scoring]`` table of the config).

        Keys are field names; tables take a mapping that merges over the default table
        (``{"points": {"referral": 6}}``). In ``tier_cadence`` 0 means no cadence.
        Unknown keys, unknown table keys, wrong types and out-of-range numbers raise
        :class:`netjournal.errors.BadValue` naming the key.
        """
        from netjournal.errors import BadValue

        known = {f.name: f for f in fields(cls)}
        base = cls()
        changes: dict[str, Any] = {}
        for key, value in mapping.items():
            if key not in known:
                raise BadValue(msg.SCORING_UNKNOWN_SETTING.format(key=key))
            changes[key] = _check_setting(key, getattr(base, key), value)
        return replace(base, **changes)


DEFAULTS = Constants()


def _rebuild(plain: dict[str, Any]) -> Constants:
    return Constants(
        **{k: MappingProxyType(v) if isinstance(v, dict) else v for k, v in plain.items()}
    )


_SIGNED: frozenset[str] = frozenset()
_POSITIVE = frozenset(
    {
        "size_default",
        "size_min",
        "size_max",
        "money_unit",
        "balance_half_life",
        "frequency_full",
        "recency_half_life",
        "recency_half_life_kin",
        "duration_full_quarters",
        "richness_best",
        "rich_min",
        "cadence_span",
        "reciprocity_half",
    }
)


def _number(key: str, value: Any, *, integer: bool, signed: bool, positive: bool) -> float:
    from netjournal.errors import BadValue

    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if ok and integer and not isinstance(value, int):
        ok = False
    if ok and not math.isfinite(value):
        ok = False
    if ok and not signed and value < 0:
        ok = False
    if ok and positive and value <= 0:
        ok = False
    if not ok:
        expected = msg.SCORING_EXPECT_INT if integer else msg.SCORING_EXPECT_NUMBER
        if positive:
            expected = msg.SCORING_EXPECT_POSITIVE
        raise BadValue(msg.SCORING_BAD_SETTING.format(key=key, expected=expected, value=value))
    return value


def _check_setting(key: str, default: Any, value: Any) -> Any:
    from netjournal.errors import BadValue

    if isinstance(default, Mapping):
        if not isinstance(value, Mapping):
            raise BadValue(
                msg.SCORING_BAD_SETTING.format(
                    key=key, expected=msg.SCORING_EXPECT_TABLE, value=value
                )
            )
        merged = dict(default)
        for sub, item in value.items():
            if sub not in default:
                raise BadValue(msg.SCORING_UNKNOWN_SETTING.format(key=f"{key}.{sub}"))
            name = f"{key}.{sub}"
            if key == "tier_cadence":
                if item is None or item == 0:
                    merged[sub] = None
                    continue
                merged[sub] = int(_number(name, item, integer=True, signed=False, positive=True))
            else:
                merged[sub] = float(
                    _number(name, item, integer=False, signed=False, positive=False)
                )
        return MappingProxyType(merged)
    if isinstance(default, tuple):
        words = (
            not isinstance(value, str)
            and isinstance(value, Sequence)
            and all(isinstance(v, str) for v in value)
        )
        if not words:
            raise BadValue(
                msg.SCORING_BAD_SETTING.format(
                    key=key, expected=msg.SCORING_EXPECT_WORDS, value=value
                )
            )
        return tuple(value)
    integer = isinstance(default, int)
    number = _number(key, value, integer=integer, signed=key in _SIGNED, positive=key in _POSITIVE)
    return int(number) if integer else float(number)
