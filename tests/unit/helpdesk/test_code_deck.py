"""Candidate codes for new requests (``codes.CodeDeck``): eight of each length a request,
never one twice in a request, and every code of a length offered about as often."""

from __future__ import annotations

import random

from kiosk.helpdesk.server.codes import CODE_PROBES, CodeDeck


def lengths(codes: list[str]) -> list[int]:
    return [len(code.removeprefix("K-")) for code in codes]


def test_each_request_gets_eight_distinct_codes_of_each_length_shortest_first() -> None:
    deck = CodeDeck(random.Random(1))
    for _ in range(300):  # past the end of the two- and three-digit rounds
        codes = list(deck.deal().values())
        assert len(set(codes)) == len(codes) == 3 * CODE_PROBES
        assert lengths(codes) == [2] * CODE_PROBES + [3] * CODE_PROBES + [4] * CODE_PROBES
        assert all(code.startswith("K-") and code[2:].isdigit() for code in codes)
        assert all(not code[2:].startswith("0") for code in codes)


def test_requests_meet_every_code_of_a_length_not_the_same_few() -> None:
    """Requests in a steady pattern must not meet the same candidates each time (they
    would find them all taken): over many requests every code is offered, evenly."""
    deck = CodeDeck(random.Random(2))
    offered: dict[str, int] = {}
    for _ in range(2000):
        for code in list(deck.deal().values())[:CODE_PROBES]:
            offered[code] = offered.get(code, 0) + 1
    assert sorted(offered) == sorted(f"K-{n}" for n in range(10, 100))
    # 16 000 offers over 90 codes: about 178 each; dealt in a fixed cycle or from a few
    # places, some codes would get far more and others none.
    assert min(offered.values()) > 100 and max(offered.values()) < 260


def test_centres_in_a_steady_pattern_keep_finding_free_codes() -> None:
    """Five centres send in turn and nobody's request closes: each takes the first of its
    candidates that its centre has not taken (as the help desk does). Candidates dealt
    in a fixed cycle would meet one centre's own codes again every round and run out
    (1340 of 12 500 found none in one such version); from a random place they do not."""
    deck = CodeDeck(random.Random(5))
    taken: list[set[str]] = [set() for _ in range(5)]
    none_free = 0
    for turn in range(5 * 2500):
        mine = taken[turn % 5]
        code = next((c for c in deck.deal().values() if c not in mine), None)
        if code is None:
            none_free += 1
        else:
            mine.add(code)
    assert none_free == 0
    # And the shortest codes went first: every two- and three-digit code of each centre.
    assert all(sum(len(code) <= 5 for code in mine) == 990 for mine in taken)


def test_two_help_desks_deal_in_different_orders() -> None:
    first = [CodeDeck(random.Random(seed)).deal() for seed in (3, 4)]
    assert first[0] != first[1]


def test_the_first_free_candidate_is_the_one_the_deal_would_give() -> None:
    """The writer, which knows every open code, asks only for the first free candidate:
    the same code as the first free one of the deal, from the same draws."""
    two = {f"K-{n}" for n in range(10, 100)}
    three = {f"K-{n}" for n in range(100, 1000)}
    four = {f"K-{n}" for n in range(1000, 10000)}
    rng = random.Random(7)
    cases = [set(), two, two | three, two | three | four]
    cases += [set(rng.sample(sorted(two | three), 600)) for _ in range(20)]
    for seed in range(40):
        for taken in cases:
            dealt = CodeDeck(random.Random(seed)).deal().values()
            expected = next((c for c in dealt if c not in taken), None)
            assert CodeDeck(random.Random(seed)).first_free(taken) == expected
    assert CodeDeck(random.Random(1)).first_free(two | three | four) is None
