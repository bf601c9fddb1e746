"""Matching gives: words, stemming, introductions, already-introduced pairs, targets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netjournal.scoring import matching
from netjournal.scoring.matching import Profile


def test_words_fold_accents_drop_stop_words_and_stem() -> None:
    assert matching.words("Cerca un AVVOCATO commerciale a Milano") == {
        "avvocat",
        "commercial",
        "milan",
    }
    assert matching.words("the lawyers") == matching.words("a lawyer") == {"lawyer"}
    assert matching.words("Società") == matching.words("societa") == matching.words("società")
    assert matching.stem("companies") == matching.stem("company")
    assert matching.stem("taxes") == matching.stem("tax")
    assert matching.stem("avvocati") == matching.stem("avvocato") == matching.stem("avvocate")
    assert matching.stem("notai") == matching.stem("notaio")
    assert matching.stem("business") == "business"


ANA = Profile(1, "Ana Rossi", "Rossi Srl", "CFO", facts=(("seeking", "a commercial lawyer"),))
MARCO = Profile(2, "Marco Neri", "Studio Neri", "lawyer")
LUCA = Profile(
    3, "Luca Bianchi", "Bianchi Spa", "commercialista", facts=(("goals", "nuovi clienti"),)
)


def test_introduction_with_reason() -> None:
    intros = matching.introductions([ANA, MARCO, LUCA], set())
    assert [i.reason for i in intros] == [
        "Introduce Ana Rossi to Marco Neri — Ana seeks a commercial lawyer; "
        "Marco is a lawyer at Studio Neri"
    ]


def test_never_self_and_never_already_introduced() -> None:
    selfish = Profile(4, "Sara Blu", None, "lawyer", facts=(("seeking", "a lawyer"),))
    assert matching.introductions([selfish], set()) == []
    known = matching.already_introduced([ANA, MARCO], [(1, 2)], [])
    assert matching.introductions([ANA, MARCO], known) == []
    by_give = matching.already_introduced([ANA, MARCO], [], [(1, "to Marco, a notary")])
    assert frozenset((1, 2)) in by_give
    by_full_name = matching.already_introduced([ANA, MARCO], [], [(2, "met ana rossi")])
    assert frozenset((1, 2)) in by_full_name
    # a first name shared by two contacts is not enough
    other_marco = Profile(5, "Marco Verdi")
    shared = matching.already_introduced([ANA, MARCO, other_marco], [], [(1, "to Marco")])
    assert shared == set()


def test_referrers_for_targets() -> None:
    anna = Profile(
        6,
        "Anna Gialli",
        "Acme",
        "IT manager",
        tags=("manufacturing",),
        facts=(("networks", "BNI Lombardia"),),
    )
    found = matching.referrers([(1, "IT managers at manufacturers in Lombardia")], [anna, MARCO])
    assert [r.name for r in found[0].referrers] == ["Anna Gialli"]
    assert "manager" in found[0].referrers[0].common


def test_net_match_on_a_small_journal(ok: Callable[..., Any], net_json: Callable[..., Any]) -> None:
    ok("contact", "add", "Ana Rossi", "--company", "Rossi Srl", "--role", "CFO")
    ok("contact", "add", "Marco Neri", "--company", "Studio Neri", "--role", "avvocato")
    ok("contact", "add", "Giulia Conti", "--role", "fotografa", "--tag", "eventi")
    ok("contact", "add", "Piero Sala", "--role", "fotografo")
    ok("contact", "add", "Élodie Núñez", "--role", "Designer", "--tag", "design")
    ok("learn", "Ana", "seeking", "avvocati per contratti")
    ok("learn", "Elodie", "seeking", "fotografi per un evento")
    ok("learn", "Marco", "goals", "nuovi clienti nel design")
    ok("log", "Elodie", "Piero", "-k", "event")  # already met together
    ok("target", "add", "studi di avvocati a Milano")
    result = ok("match")
    lines = result.stdout.splitlines()
    assert (
        "  Introduce Ana Rossi to Marco Neri — Ana seeks avvocati per contratti; "
        "Marco is an avvocato at Studio Neri" in lines
    )
    assert any(line.startswith("  Introduce Élodie Núñez to Giulia Conti") for line in lines)
    assert any(line.startswith("  Introduce Marco Neri to Élodie Núñez") for line in lines)
    assert not any("Élodie Núñez to Piero Sala" in line for line in lines)
    assert not any("to Ana Rossi" in line and "Introduce Ana" in line for line in lines)
    data = net_json("match", "--json")
    assert data["referrers"][0]["contacts"][0]["name"] == "Marco Neri"
    only = net_json("match", "giulia", "--json")
    assert [(i["introduce"], i["to"]) for i in only["introductions"]] == [
        ("Élodie Núñez", "Giulia Conti")
    ]
    ok("give", "Ana", "to Marco, the lawyer", "-k", "introduction")
    data = net_json("match", "--json")
    assert ("Ana Rossi", "Marco Neri") not in [
        (i["introduce"], i["to"]) for i in data["introductions"]
    ]


def test_net_match_unknown_name(net: Callable[..., Any]) -> None:
    result = net("match", "Nobody")
    assert result.exit_code == 1


def _sorted_introductions(
    profiles: list[Profile], known: set[frozenset[int]], only: int | None
) -> list[matching.Introduction]:
    """The first implementation, which counted and sorted every helper of every seeker
    (quadratic when facts share words): the reference the lazy walk must equal."""
    from netjournal.text import fold

    out = []
    offers_of = {p.id: matching.offers(p) for p in profiles}
    by_id = {p.id: p for p in profiles}
    index: dict[str, set[int]] = {}
    for cid, items in offers_of.items():
        for offer in items:
            for s in offer.stems:
                index.setdefault(s, set()).add(cid)
    for seeker in profiles:
        wanted = matching.needs(seeker)
        scores: dict[int, int] = {}
        for need in wanted:
            hits: dict[int, int] = {}
            for s in need.stems:
                for cid in index.get(s, ()):
                    hits[cid] = hits.get(cid, 0) + 1
            for cid, n in hits.items():
                scores[cid] = max(scores.get(cid, 0), n)
        found = 0
        for cid in sorted(scores, key=lambda c: (-scores[c], fold(by_id[c].name))):
            if found >= matching.PER_SEEKER:
                break
            if cid == seeker.id or frozenset((seeker.id, cid)) in known:
                continue
            if only is not None and only not in (seeker.id, cid):
                continue
            best = matching._best_need(seeker, by_id[cid], wanted, offers_of[cid])
            if best is not None:
                out.append(best)
                found += 1
    out.sort(key=lambda i: (-i.score, fold(i.seeker), fold(i.helper)))
    return out


WORDS = ["lawyer", "notary", "bank", "export", "wine", "design", "cloud", "tax", "fact"]


def _profiles(data: Any) -> list[Profile]:
    from hypothesis import strategies as st

    n = data.draw(st.integers(2, 14))
    text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
    category = st.sampled_from(["seeking", "goals", "skills", "networks", "business", "family"])
    out = []
    for cid in range(1, n + 1):
        facts = data.draw(st.lists(st.tuples(category, text), max_size=3))
        role = data.draw(st.none() | text)
        out.append(
            Profile(
                cid, f"P{data.draw(st.integers(0, 99)):02d} {cid}", None, role, (), tuple(facts)
            )
        )
    return out


def test_lazy_walk_equals_sorting_every_helper(monkeypatch) -> None:
    """Same introductions as sorting every helper, whichever stems count as common (with
    a threshold of 0, 1, 3 or the default: every path of the walk)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None)
    @given(st.data(), st.sampled_from([0, 1, 3, matching.COMMON_STEM]))
    def check(data: Any, threshold: int) -> None:
        profiles = _profiles(data)
        ids = [p.id for p in profiles]
        known = {
            frozenset(p)
            for p in data.draw(
                st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=4)
            )
        }
        only = data.draw(st.none() | st.sampled_from(ids))
        monkeypatch.setattr(matching, "COMMON_STEM", threshold)
        assert matching.introductions(profiles, known, only=only) == _sorted_introductions(
            profiles, known, only
        )

    check()


def test_fold_ascii_fast_path_equals_the_unicode_path() -> None:
    import unicodedata

    from hypothesis import given
    from hypothesis import strategies as st

    from netjournal.text import fold

    @given(st.text(alphabet=st.characters(max_codepoint=127)))
    def check(text: str) -> None:
        slow = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
        assert fold(text) == " ".join(slow.casefold().split())

    check()


def test_met_together_equals_the_plain_self_join() -> None:
    import random
    import sqlite3

    from netjournal.store.reads import proactive

    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE participant (id INTEGER PRIMARY KEY, interaction_id INTEGER, "
        "contact_id INTEGER, UNIQUE (interaction_id, contact_id))"
    )
    rng = random.Random(19)
    for interaction in range(400):  # lone meetings, pairs and groups of up to five
        for cid in rng.sample(range(30), rng.choice([1, 1, 1, 2, 3, 5])):
            conn.execute(
                "INSERT INTO participant (interaction_id, contact_id) VALUES (?, ?)",
                (interaction, cid),
            )
    plain = conn.execute(
        "SELECT DISTINCT a.contact_id, b.contact_id FROM participant a "
        "JOIN participant b ON a.interaction_id = b.interaction_id "
        "AND a.contact_id < b.contact_id"
    ).fetchall()
    assert sorted(proactive.met_together(conn)) == sorted(plain)
    assert plain
