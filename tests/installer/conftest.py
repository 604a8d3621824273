"""The installer's slow tests (bundle build, Linux installer in a Debian root) run only
with --installer-slow, as scripts/test runs them; otherwise they are deselected (not
skipped: they are not part of the quick run at all)."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--installer-slow",
        action="store_true",
        help="also run the slow installer tests (bundle build, Debian root)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--installer-slow"):
        return
    slow = [item for item in items if item.get_closest_marker("slow_installer")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]
