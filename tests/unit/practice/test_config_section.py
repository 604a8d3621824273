"""The ``[practice]`` settings."""

from __future__ import annotations

import pytest

from kiosk.config import Config, ConfigError, from_mapping


def test_defaults() -> None:
    config = Config()
    assert config.practice.enabled is True
    assert config.practice.port == 0
    for name, field in type(config.practice).model_fields.items():
        assert field.description, name


def test_set_in_the_file() -> None:
    config = from_mapping({"practice": {"enabled": False, "port": 47800}})
    assert config.practice.enabled is False
    assert config.practice.port == 47800


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"port": 70000}, "at most 65535"),
        ({"port": "47800"}, "whole number"),
        ({"enabled": "yes"}, "true or false"),
        ({"prot": 1}, "unknown setting 'practice.prot'"),
    ],
)
def test_mistakes_are_named(section: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        from_mapping({"practice": section})
