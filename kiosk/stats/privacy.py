"""The rules every released figure passes, so that nobody can be recognised in a table.

* **Small cells are hidden**: a count from 1 to 4 (:data:`THRESHOLD` − 1) is shown as
  hidden (``None``), never as its number.
* **Complementary suppression**: where a total is shown, one hidden cell could be worked
  out as the total minus the cells shown. So more cells are hidden (the smallest first)
  until at least two are and the hidden cells add up to :data:`THRESHOLD` or more. Zeros
  are hidden too when that is what it takes (a shown zero also gives a hidden cell away).
  A table with margins on both sides (the weekday × hour heatmap) is protected row by row
  and column by column until nothing changes.
* **No three-way tables**: a released table has at most two dimensions (a centre split
  counts as one); :func:`check_dimensions` refuses anything else.
* **The heatmap** needs a period of a month or more, and is pooled across centres unless
  every cell of the chosen centres is at least :data:`THRESHOLD`.
* **Small groups of figures**: a median or a percentile of fewer than :data:`THRESHOLD`
  requests is hidden too.

Sessions are counted as sessions, never as people. Pure Python: no Qt.
"""

from __future__ import annotations

import statistics
from collections.abc import Hashable, Mapping, Sequence
from typing import Final

THRESHOLD: Final = 5
#: The shortest period a weekday × hour heatmap may cover.
HEATMAP_MIN_DAYS: Final = 28
#: The most dimensions a released table may have.
MAX_DIMENSIONS: Final = 2


class DisclosureError(ValueError):
    """A table that the rules do not allow to be released."""


def small(n: int) -> bool:
    """A count that must not be shown."""
    return 0 < n < THRESHOLD


def primary[K: Hashable](cells: Mapping[K, int]) -> set[K]:
    """The cells hidden because they are small."""
    return {k for k, n in cells.items() if small(n)}


def protect[K: Hashable](
    cells: Mapping[K, int], hidden: set[K], *, total_shown: bool = True
) -> set[K]:
    """``hidden`` grown so that no hidden cell can be worked out from the total.

    Without a shown total the small cells alone need hiding. With one, at least two
    cells are hidden and they add up to :data:`THRESHOLD` or more, or every cell is.
    """
    hidden = set(hidden)
    if not hidden or not total_shown:
        return hidden
    # Smallest non-zero cells first (they cost least), then zeros.
    candidates = sorted(
        (k for k in cells if k not in hidden),
        key=lambda k: (cells[k] == 0, cells[k], str(k)),
    )
    while candidates and (len(hidden) < 2 or sum(cells[k] for k in hidden) < THRESHOLD):
        hidden.add(candidates.pop(0))
    return hidden


def suppress[K: Hashable](
    cells: Mapping[K, int], *, total_shown: bool = True
) -> dict[K, int | None]:
    """A one-way table as released: small cells and their complements are ``None``."""
    hidden = protect(cells, primary(cells), total_shown=total_shown)
    return {k: (None if k in hidden else n) for k, n in cells.items()}


def suppress_grid[R: Hashable, C: Hashable](
    cells: Mapping[tuple[R, C], int], rows: Sequence[R], columns: Sequence[C]
) -> dict[tuple[R, C], int | None]:
    """A two-way table whose row and column totals are shown (or can be worked out):
    small cells hidden, then each row and each column protected until nothing changes."""
    full = {(r, c): cells.get((r, c), 0) for r in rows for c in columns}
    hidden = primary(full)
    changed = True
    while changed:
        changed = False
        for line in [[(r, c) for c in columns] for r in rows] + [
            [(r, c) for r in rows] for c in columns
        ]:
            line_cells = {k: full[k] for k in line}
            grown = protect(line_cells, hidden & set(line))
            if not grown <= hidden:
                hidden |= grown
                changed = True
    return {k: (None if k in hidden else n) for k, n in full.items()}


def hide_small_total(n: int) -> int | None:
    """A figure with no total beside it (a subtotal, a count of requests): hidden if small."""
    return None if small(n) else n


def share(part: int | None, whole: int | None) -> float | None:
    """``part`` of ``whole`` in per cent, from released figures only (hidden stays hidden)."""
    if part is None or whole is None or whole == 0:
        return None
    return round(100 * part / whole, 1)


def median(values: Sequence[float]) -> float | None:
    """The median of ``values``; hidden under THRESHOLD values."""
    if len(values) < THRESHOLD:
        return None
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q`` quantile (0–1, nearest rank) of ``values``; hidden under THRESHOLD values."""
    if len(values) < THRESHOLD:
        return None
    ordered = sorted(values)
    rank = max(1, -(-int(q * 1000) * len(ordered) // 1000))  # ceil(q * n) without floats
    return ordered[min(rank, len(ordered)) - 1]


def check_dimensions(name: str, dimensions: Sequence[str]) -> None:
    """Refuse a table of three dimensions or more (e.g. language × hour × centre)."""
    if len(dimensions) > MAX_DIMENSIONS:
        raise DisclosureError(
            f"{name}: a table of {len(dimensions)} dimensions ({' × '.join(dimensions)}) "
            "is never released"
        )


def heatmap_problem(period_days: int) -> str | None:
    """Why a weekday × hour heatmap cannot be shown for this period (None: it can)."""
    if period_days < HEATMAP_MIN_DAYS:
        return "needs a period of a month or more"
    return None


def every_cell_large[K: Hashable](cells: Mapping[K, int], keys: Sequence[K]) -> bool:
    """Every cell (zeros included) is at least THRESHOLD: a centre's own heatmap may show."""
    return all(cells.get(k, 0) >= THRESHOLD for k in keys)
