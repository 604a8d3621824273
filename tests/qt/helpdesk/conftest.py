"""Fixtures for the help-desk widget tests."""

from tests.helpers.helpdesk_fixtures import memory_secrets  # noqa: F401 - fixture
