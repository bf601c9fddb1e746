"""Scoring: pure functions over plain records, one score per module. No I/O, no clock.

Every function takes a contact's history (``records``) and an explicit ``today``, and
returns frozen dataclasses whose parts explain the number term by term (input × weight =
points), so the same result serves the tables, the JSON and ``net balance NAME`` /
``net depth NAME`` / ``net due NAME``. A contact's scores depend on that contact's
history only; only ``urgency.rank_due`` and ``balance.network_balance`` look at several
contacts. Every constant lives in ``constants.Constants`` (``DEFAULTS``), overridable
from the config file.

The modules, each importing only those listed before it:

- ``constants``  every number of the model, with its default
- ``records``    the plain records a score reads (interactions, exchanges, facts,
                 follow-ups, a contact's history) and the reading WINDOW
- ``view``       a history as of one day, and the helpers the scores share
- ``balance``    the give/take account; ``knowledge`` the profile share known;
  ``depth``      depth 0–100 in six components; ``cadence`` days between contacts;
  ``stage``      visibility → credibility → profitability (or contact, dormant);
  ``terms``      urgency's terms, one function each; ``urgency`` their sum and the
                 ranking of ``net due``; ``asks`` the warnings before an ask;
  ``evaluate``   all of a contact's scores at once
- ``habits``     the proactive habits of ``net review`` (periods, goals, streak, farming)
- ``matching``   ideas for gives (``net match``)

Conventions:

* Ages count whole days between dates. "Within N days" means 0 <= age <= N.
* Real contact is an interaction of richness >= ``rich_min`` (a call or better); the
  others are light touches, weighed min(1, richness / rich_min) (``records``). Only real
  contact resets the cadence clock, closes a reach-out, counts for duration and
  credibility, and turns a contact brought in by an import into a relationship.
* Every score is monotone in what happened where DESIGN.md's principles say so (a give,
  a fact, any interaction never lowers depth...): ``tests/test_scoring_principles.py``
  checks each principle, and docs/scoring.md documents the model for users.
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
