"""Small cells hidden, with complementary suppression: a shown total never gives a hidden
cell away; two-way tables protected on both margins; no three-way tables."""

from __future__ import annotations

import itertools

import pytest

from kiosk.stats.privacy import (
    DisclosureError,
    check_dimensions,
    every_cell_large,
    heatmap_problem,
    median,
    percentile,
    share,
    suppress,
    suppress_grid,
)


def _worked_out(released: dict[str, int | None], total: int) -> dict[str, int]:
    """What a reader can compute: a hidden cell is known if it is the only one hidden."""
    hidden = [k for k, v in released.items() if v is None]
    if len(hidden) == 1:
        return {hidden[0]: total - sum(v for v in released.values() if v is not None)}
    return {}


def test_small_cells_are_hidden_large_ones_shown() -> None:
    cells = {"fi": 40, "sv": 12, "ru": 3, "so": 2, "en": 0}
    released = suppress(cells)
    assert released["ru"] is None and released["so"] is None
    assert released["fi"] == 40 and released["sv"] == 12
    assert released["en"] == 0  # two hidden cells adding up to 5: zeros may show


def test_one_hidden_cell_takes_a_complement_with_it() -> None:
    # Total 53 shown: "ru" alone hidden would be 53 - 40 - 10 = 3.
    cells = {"fi": 40, "sv": 10, "ru": 3}
    released = suppress(cells)
    assert _worked_out(released, sum(cells.values())) == {}
    assert released["ru"] is None
    assert released["sv"] is None  # the smallest other cell is the complement
    assert released["fi"] == 40


def test_hidden_cells_adding_up_to_less_than_five_take_more() -> None:
    # ru 1 + so 1 = 2: knowing two sessions were "ru or so" is still too close.
    cells = {"fi": 30, "sv": 9, "ru": 1, "so": 1}
    released = suppress(cells)
    hidden = {k for k, v in released.items() if v is None}
    assert hidden == {"ru", "so", "sv"}
    assert sum(cells[k] for k in hidden) >= 5


def test_a_shown_zero_is_hidden_when_it_would_give_a_cell_away() -> None:
    cells = {"fi": 3, "sv": 0, "en": 0}
    released = suppress(cells)
    assert all(v is None for v in released.values())


def test_without_a_shown_total_only_small_cells_go() -> None:
    assert suppress({"a": 40, "b": 3}, total_shown=False) == {"a": 40, "b": None}


@pytest.mark.parametrize("seed", range(40))
def test_no_table_ever_lets_a_reader_work_out_a_hidden_cell(seed: int) -> None:
    import random

    rng = random.Random(seed)
    cells = {f"c{i}": rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 20]) for i in range(rng.randint(2, 7))}
    released = suppress(cells)
    assert all(v is None for k, v in released.items() if 0 < cells[k] < 5)
    hidden = [k for k, v in released.items() if v is None]
    if hidden:
        assert len(hidden) >= 2 or len(cells) == 1
        assert sum(cells[k] for k in hidden) >= 5 or len(hidden) == len(cells)
    assert _worked_out(released, sum(cells.values())) == {} or not hidden


def test_a_grid_is_protected_on_rows_and_columns() -> None:
    rows, cols = ["mon", "tue", "wed"], [8, 9, 10]
    cells = {
        ("mon", 8): 20,
        ("mon", 9): 2,
        ("mon", 10): 15,
        ("tue", 8): 11,
        ("tue", 9): 30,
        ("tue", 10): 12,
        ("wed", 8): 9,
        ("wed", 9): 14,
        ("wed", 10): 25,
    }
    released = suppress_grid(cells, rows, cols)
    assert released[("mon", 9)] is None
    # Every row and every column with a hidden cell has two or more hidden.
    for line in [[(r, c) for c in cols] for r in rows] + [[(r, c) for r in rows] for c in cols]:
        hidden = [k for k in line if released[k] is None]
        assert len(hidden) != 1, line
    # Nothing small is shown.
    assert all(not (0 < cells[k] < 5) or v is None for k, v in released.items())


def test_no_three_way_tables() -> None:
    check_dimensions("language", ["language"])
    check_dimensions("heatmap", ["weekday", "hour"])
    with pytest.raises(DisclosureError, match="language × hour × centre"):
        check_dimensions("bad", ["language", "hour", "centre"])


def test_heatmap_needs_a_month_and_large_cells_to_stay_per_centre() -> None:
    assert heatmap_problem(27) is not None
    assert heatmap_problem(28) is None
    keys = list(itertools.product(range(7), range(24)))
    assert every_cell_large({k: 5 for k in keys}, keys)
    assert not every_cell_large({k: 5 for k in keys[1:]}, keys)  # a zero is small too


def test_figures_of_small_groups_are_hidden() -> None:
    assert median([1, 2, 3, 4]) is None
    assert median([1, 2, 3, 4, 10]) == 3
    assert percentile([1, 2, 3, 4], 0.9) is None
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile(list(range(1, 21)), 0.9) == 18
    assert share(None, 10) is None
    assert share(3, 12) == 25.0
