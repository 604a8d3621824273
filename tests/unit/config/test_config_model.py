"""The settings base (kiosk/config_model.py): strict, frozen, every problem at once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.config import Config, ConfigError, KioskSection, from_mapping


def test_sections_are_frozen() -> None:
    config = Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.kiosk.windowed = True  # type: ignore[misc]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"session": {"idle_timeout_s": True}}, "must be a whole number"),
        ({"kiosk": {"windowed": 1}}, "must be true or false"),
        ({"kiosk": {"centre_name": 5}}, "must be text in quotes"),
        ({"kiosk": {"languages": ["fi", 3]}}, "'kiosk.languages.1': must be text in quotes"),
        ({"guides": {"dir": 5}}, "must be a folder path in quotes"),
        ({"session": {"warning_s": 24 * 3600 + 1}}, "must be at most 86400"),
    ],
)
def test_nothing_is_coerced(raw: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        from_mapping(raw)
    assert message in str(caught.value)


def test_every_problem_in_one_error() -> None:
    with pytest.raises(ConfigError) as caught:
        from_mapping({"kiosk": {"windowed": "no", "colour": 1}, "session": {"warning_s": 0}})
    assert len(caught.value.problems) == 3


def test_copy_dump_and_fields() -> None:
    config = from_mapping({"guides": {"dir": "/srv/guides"}, "kiosk": {"centre_name": "A"}})
    assert config.guides.dir == Path("/srv/guides")
    windowed = config.model_copy(
        update={"kiosk": config.kiosk.model_copy(update={"windowed": True})}
    )
    assert windowed.kiosk.windowed and not config.kiosk.windowed
    dumped = config.model_dump(exclude={"source"})
    assert dumped["kiosk"]["centre_name"] == "A"
    assert "source" not in dumped
    assert from_mapping(dumped) == config.model_copy(update={"source": None})
    fields = KioskSection.model_fields
    assert list(fields)[:2] == ["default_language", "languages"]
    assert all(field.description for field in fields.values())
