"""The codes a visitor hears called out ("K-27"): which candidates a new request looks up.

A new request's code must be one that no open request of its centre has, as short as a
few guesses find (``intake``: the candidates are looked up in the open codes' index).
"""

from __future__ import annotations

import random

#: Candidate codes of each length looked up for a new request.
CODE_PROBES = 8
#: The codes of each length: two, three and four digits.
CODE_RANGES = ((10, 99), (100, 999), (1000, 9999))
#: The candidates' parameter names in the lookup, shortest codes first.
CODE_KEYS = tuple(f"code_{i}" for i in range(CODE_PROBES * len(CODE_RANGES)))


class CodeDeck:
    """Candidate codes for new requests: each length's codes in one shuffled order, and
    for each request :data:`CODE_PROBES` in a row of it from a random place.

    A request never gets one candidate twice, and it costs three random draws, not 24
    (24 took 11 us a request, a third of the lookup they feed). From a random place each
    time, not dealt in turn: requests that arrive in a steady pattern (one centre's every
    fifth, say) would otherwise meet the same few candidates round after round, find them
    all taken and read every open code of their centre instead (measured).
    """

    def __init__(self, rng: random.Random) -> None:
        self._randrange = rng.randrange
        self._decks = [[f"K-{n}" for n in range(low, high + 1)] for low, high in CODE_RANGES]
        for deck in self._decks:
            rng.shuffle(deck)

    def deal(self) -> dict[str, str]:
        codes: list[str] = []
        for deck in self._decks:
            start = self._randrange(len(deck))
            end = start + CODE_PROBES
            codes += deck[start:end]
            if end > len(deck):  # the rest from the top
                codes += deck[: end - len(deck)]
        return dict(zip(CODE_KEYS, codes, strict=True))

    def first_free(self, taken: set[str]) -> str | None:
        """The candidate :meth:`deal` would have given first among those not in
        ``taken`` (None: every one is taken), without making all 24 of them."""
        for deck in self._decks:
            start = self._randrange(len(deck))
            for i in range(start, start + CODE_PROBES):
                code = deck[i % len(deck)]
                if code not in taken:
                    return code
        return None
