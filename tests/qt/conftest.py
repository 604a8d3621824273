"""The kiosk fixtures live in tests/helpers/kiosk_fixtures.py (shared with e2e tests)."""

from tests.helpers.kiosk_fixtures import MakeKiosk

__all__ = ["MakeKiosk"]
