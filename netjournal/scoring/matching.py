"""Matching gives (``net match``): who could help whom, from plain contact profiles.

Pure: it takes plain profiles and returns suggestions with their reasons.

Words are compared after folding case and accents, dropping English and Italian stop
words (and a few networking filler words such as "looking" or "clients"), and a light
stemming so that singular and plural forms meet: English ``-ies`` → ``-y``, ``-es``
after s, x, z, ch, sh, and a final ``-s``; then Italian final vowels (a, e, i, o) are
dropped ("avvocato", "avvocati" and "avvocate" all become "avvocat").

Already introduced (never suggested again), in either direction: the two took part in
the same interaction, or one received a give of kind ``introduction`` whose text names
the other — by full name, or by first name when no other contact shares that first name.

Each contact with a need gets at most ``PER_SEEKER`` introductions, to the contacts that
offer the most of that need's words (ties by name), so a large journal gives a short list.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from netjournal.text import fold

_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves one ones new etc via per like
    il lo la i gli le un uno una di da del dello della dei degli delle al allo alla ai
    agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo
    sulla sui sugli sulle con su per tra fra e ed o od ma se che chi cui non piu come
    anche ancora dove quando quale quali questo questa questi queste quello quella quelli
    quelle suo sua suoi sue mio mia miei mie tuo tua nostro nostra loro essere avere e
    ha hanno sono era erano sia siamo siete molto poco tutto tutti tutte ogni altro altra
    altri altre qualche qualcuno nuovo nuova nuovi nuove cerca cercano cercare
    looking look seeks seeking seek wants want needs need someone somebody people person
    contact contacts client clients customer customers introduction introductions referral
    referrals help find good great clienti cliente contatto contatti aiuto
    """
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

_WORD = re.compile(r"[0-9a-z]+")
#: introductions proposed per contact with a need (the best-placed helpers)
PER_SEEKER = 3
_VOWELS = "aeio"


def stem(word: str) -> str:
    """Light stemming: English plurals, then Italian final vowels; short words stay."""
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("ses", "xes", "zes", "ches", "shes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    while len(w) > 3 and w[-1] in _VOWELS:
        w = w[:-1]
    return w


def words(text: str) -> frozenset[str]:
    """The stems of the meaningful words of a text."""
    out = set()
    for token in _WORD.findall(fold(text)):
        try:
            stemmed = _STEMS[token]
        except KeyError:
            meaningless = len(token) < 2 or token in STOP_WORDS or token.isdigit()
            stemmed = _STEMS[token] = None if meaningless else stem(token)
        if stemmed is not None:
            out.add(stemmed)
    return frozenset(out)


#: token -> its stem, or None for a token that is no word (a cache: stemming is pure)
_STEMS: dict[str, str | None] = {}


@dataclass(frozen=True, slots=True)
class Profile:
    """A contact as matching sees it. ``facts`` holds (category, text) pairs."""

    id: int
    name: str
    company: str | None = None
    role: str | None = None
    tags: tuple[str, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Offer:
    source: str  # 'work' | 'tags' | 'skills' | 'networks' | 'business'
    text: str
    stems: frozenset[str]


@dataclass(frozen=True, slots=True)
class Need:
    source: str  # 'seeking' | 'goals'
    text: str
    stems: frozenset[str]


@dataclass(frozen=True, slots=True)
class Introduction:
    seeker: str  # introduce the seeker ...
    helper: str  # ... to the helper
    seeker_id: int
    helper_id: int
    need: str
    offers: tuple[str, ...]
    common: tuple[str, ...]  # the stems that matched
    score: int
    reason: str


@dataclass(frozen=True, slots=True)
class Referrer:
    name: str
    contact_id: int
    common: tuple[str, ...]
    score: int
    reason: str


@dataclass(frozen=True, slots=True)
class TargetMatch:
    target_id: int
    text: str
    referrers: tuple[Referrer, ...] = field(default_factory=tuple)


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def _article(role: str) -> str:
    low = role.lower()
    if low.startswith(("a ", "an ", "the ")):
        return role
    return ("an " if low[:1] in "aeiou" else "a ") + role


def work_text(p: Profile) -> str | None:
    if p.role and p.company:
        return f"{p.role} at {p.company}"
    return p.role or p.company


def offers(p: Profile, *, skills: bool = True) -> list[Offer]:
    """What a contact could help with: role and company, tags, skills, networks, business."""
    out: list[Offer] = []
    work = work_text(p)
    if work:
        out.append(Offer("work", work, words(work)))
    if p.tags:
        joined = ", ".join(p.tags)
        out.append(Offer("tags", joined, words(" ".join(p.tags))))
    wanted = ("skills", "networks", "business") if skills else ("networks", "business")
    for category, text in p.facts:
        if category in wanted:
            out.append(Offer(category, text, words(text)))
    return [o for o in out if o.stems]


def needs(p: Profile) -> list[Need]:
    out = []
    for category, text in p.facts:
        if category in ("seeking", "goals"):
            stems = words(text)
            if stems:
                out.append(Need(category, text, stems))
    return out


def describe_need(p: Profile, need: Need) -> str:
    who = first_name(p.name)
    if need.source == "seeking":
        return f"{who} seeks {need.text}"
    return f"{who}'s goal: {need.text}"


def describe_offer(p: Profile, offer: Offer) -> str:
    who = first_name(p.name)
    if offer.source == "work":
        if p.role:
            return f"{who} is {_article(offer.text)}"
        return f"{who} works at {offer.text}"
    if offer.source == "tags":
        return f"{who} is tagged {offer.text}"
    return f"{who}'s {offer.source}: {offer.text}"


def already_introduced(
    profiles: Sequence[Profile],
    met_together: Iterable[tuple[int, int]],
    introduction_gives: Iterable[tuple[int, str]],
) -> set[frozenset[int]]:
    """Pairs that know each other through the journal (see the module docstring).

    ``met_together`` holds pairs of contacts that shared an interaction;
    ``introduction_gives`` holds (contact, text) of gives of kind introduction.
    """
    pairs = {frozenset(pair) for pair in met_together if pair[0] != pair[1]}
    by_first: dict[str, list[tuple[int, str]]] = {}  # folded first name -> (id, folded name)
    for p in profiles:
        folded = fold(p.name)
        by_first.setdefault(fold(first_name(p.name)), []).append((p.id, folded))
    for cid, text in introduction_gives:
        folded_text = fold(text)
        for token in set(_WORD.findall(folded_text)):
            people = by_first.get(token, [])
            for other, folded_name in people:
                if other == cid:
                    continue
                if len(people) == 1 or folded_name in folded_text:
                    pairs.add(frozenset((cid, other)))
    return pairs


def _best_need(
    seeker: Profile, helper: Profile, wanted: list[Need], helper_offers: list[Offer]
) -> Introduction | None:
    best: Introduction | None = None
    for need in wanted:
        matched = [o for o in helper_offers if need.stems & o.stems]
        if not matched:
            continue
        common = sorted(set().union(*(need.stems & o.stems for o in matched)))
        if best is not None and len(common) <= best.score:
            continue
        reason = (
            f"Introduce {seeker.name} to {helper.name} — {describe_need(seeker, need)}; "
            + "; ".join(describe_offer(helper, o) for o in matched[:2])
        )
        best = Introduction(
            seeker=seeker.name,
            helper=helper.name,
            seeker_id=seeker.id,
            helper_id=helper.id,
            need=need.text,
            offers=tuple(o.text for o in matched),
            common=tuple(common),
            score=len(common),
            reason=reason,
        )
    return best


#: a stem offered by more contacts than this is *common*: a seeker's helpers through it
#: are walked lazily in name order instead of all counted (only the order of work
#: changes, never the result)
COMMON_STEM = 64


@dataclass
class _Index:
    """Who offers each stem (contacts in name order) and each contact's offered stems."""

    rank: dict[int, int]  # contact -> position in name order
    by_stem: dict[str, list[int]]  # stem -> contacts offering it, in name order
    stems_of: dict[int, frozenset[str]]  # contact -> every stem it offers


def _index(profiles: Sequence[Profile], offers_of: dict[int, list[Offer]]) -> _Index:
    order = sorted(profiles, key=lambda p: (fold(p.name), p.id))
    rank = {p.id: n for n, p in enumerate(order)}
    stems_of = {
        cid: frozenset().union(*(o.stems for o in items)) for cid, items in offers_of.items()
    }
    by_stem: dict[str, list[int]] = {}
    for p in order:
        for stem_ in stems_of.get(p.id, ()):
            by_stem.setdefault(stem_, []).append(p.id)
    return _Index(rank, by_stem, stems_of)


def _score(ix: _Index, wanted: list[Need], cid: int) -> int:
    """The most stems of one need that ``cid`` offers."""
    have = ix.stems_of.get(cid, frozenset())
    return max(len(need.stems & have) for need in wanted)


def _candidates(ix: _Index, wanted: list[Need]) -> Iterator[int]:
    """Every contact offering a stem of a need, most stems of one need first, then by
    name: the order of sorting them all by (score, name), produced lazily."""
    rare: dict[int, int] = {}
    common: set[str] = set()
    for need in wanted:
        for stem_ in need.stems:
            helpers = ix.by_stem.get(stem_, ())
            if len(helpers) > COMMON_STEM:
                common.add(stem_)
                continue
            for cid in helpers:
                rare[cid] = 0
    for cid in rare:
        rare[cid] = _score(ix, wanted, cid)
    reach = max(len(need.stems & common) for need in wanted)  # the best score via common
    top = max([*rare.values(), reach, 0])
    streams = [ix.by_stem[s] for s in sorted(common)]
    for level in range(top, 0, -1):
        mine = sorted((ix.rank[c], c) for c, n in rare.items() if n == level)
        if level > reach:
            yield from (cid for _rank, cid in mine)
            continue
        others = _common_only(ix, wanted, streams, rare, level)
        for _rank, cid in heapq.merge(mine, others):
            yield cid


def _common_only(
    ix: _Index, wanted: list[Need], streams: list[list[int]], rare: dict[int, int], level: int
) -> Iterator[tuple[int, int]]:
    """(rank, contact) in name order of the contacts reached only through common stems
    whose score is ``level``."""
    last = -1
    rank_of = ix.rank
    merged = heapq.merge(*(((rank_of[c], c) for c in stream) for stream in streams))
    for rank, cid in merged:
        if rank == last:
            continue
        last = rank
        if cid not in rare and _score(ix, wanted, cid) == level:
            yield rank, cid


def introductions(
    profiles: Sequence[Profile],
    known: set[frozenset[int]],
    *,
    only: int | None = None,
    per_seeker: int = PER_SEEKER,
) -> list[Introduction]:
    """Introductions to propose, best first: for each contact with a need, the
    ``per_seeker`` best-placed others; with ``only``, those involving that contact."""
    out: list[Introduction] = []
    offers_of = {p.id: offers(p) for p in profiles}
    by_id = {p.id: p for p in profiles}
    ix = _index(profiles, offers_of)
    for seeker in profiles:
        wanted = needs(seeker)
        if not wanted:
            continue
        found = 0
        for cid in _candidates(ix, wanted):
            if found >= per_seeker:
                break
            if cid == seeker.id or frozenset((seeker.id, cid)) in known:
                continue
            if only is not None and only not in (seeker.id, cid):
                continue
            best = _best_need(seeker, by_id[cid], wanted, offers_of[cid])
            if best is not None:
                out.append(best)
                found += 1
    folded = {p.id: fold(p.name) for p in profiles}
    out.sort(key=lambda i: (-i.score, folded[i.seeker_id], folded[i.helper_id]))
    return out


def referrers(
    targets: Sequence[tuple[int, str]], profiles: Sequence[Profile], *, limit: int = 3
) -> list[TargetMatch]:
    """Per target, the contacts best placed to refer you (role, company, tags, networks,
    business facts against the target's words), best first."""
    out: list[TargetMatch] = []
    offered = [(p, offers(p, skills=False)) for p in profiles] if targets else []
    for target_id, text in targets:
        wanted = words(text)
        found: list[Referrer] = []
        for p, items in offered:
            matched = [o for o in items if wanted & o.stems]
            if not matched:
                continue
            common = sorted(set().union(*(wanted & o.stems for o in matched)))
            reason = f"{p.name} — " + "; ".join(describe_offer(p, o) for o in matched[:3])
            found.append(Referrer(p.name, p.id, tuple(common), len(common), reason))
        found.sort(key=lambda r: (-r.score, fold(r.name)))
        out.append(TargetMatch(target_id, text, tuple(found[:limit])))
    return out
