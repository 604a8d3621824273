"""Fixtures for the help-desk unit tests."""

from tests.helpers.helpdesk_fixtures import memory_secrets  # noqa: F401 - fixture
