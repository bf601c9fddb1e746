"""The words of the journal (DESIGN.md, "Words"): kinds, categories, tiers, statuses."""

from __future__ import annotations

INTERACTION_KINDS: tuple[str, ...] = (
    "one-to-one",
    "meal",
    "video",
    "meeting",
    "event",
    "call",
    "voice",
    "note",
    "email",
    "message",
    "social",
)
DEFAULT_INTERACTION_KIND = "one-to-one"

EXCHANGE_KINDS: tuple[str, ...] = (
    "referral",
    "business",
    "introduction",
    "job-lead",
    "testimonial",
    "advice",
    "favor",
    "resource",
    "gift",
    "attend",
    "congrats",
    "other",
)
DEFAULT_EXCHANGE_KIND = "favor"
#: kinds that harvest a relationship: asking for them early is "too early"
HARVEST_KINDS: tuple[str, ...] = ("referral", "introduction", "job-lead", "business")

ASK_STATUSES: tuple[str, ...] = ("granted", "open", "declined")

DEPTH_CATEGORIES: tuple[str, ...] = (
    "family",
    "goals",
    "accomplishments",
    "interests",
    "hobbies",
    "networks",
    "skills",
)
FACT_CATEGORIES: tuple[str, ...] = (*DEPTH_CATEGORIES, "business", "seeking", "other")

TIERS: tuple[str, ...] = ("inner", "close", "active", "network", "acquaintance")
DEFAULT_TIER = "active"

#: a plan is an interaction planned for a later day (``log --planned``): a reminder, not
#: contact, until a real interaction on or after its day closes it
FOLLOWUP_KINDS: tuple[str, ...] = ("reach-out", "promise", "plan")

#: where a captured interaction came from (``net import calendar|mail``, ``net inbox``)
CAPTURE_SOURCES: tuple[str, ...] = ("calendar", "mail", "inbox")

GOAL_METRICS: tuple[str, ...] = (
    "one-to-ones",
    "interactions",
    "gives",
    "referrals-given",
    "new-contacts",
    "facts",
    "follow-ups-done",
)
PERIODS: tuple[str, ...] = ("week", "month")
