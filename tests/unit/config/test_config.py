"""Settings: defaults, loading, and a plain message for every kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import CONFIG_VERSION, Config, ConfigError, from_mapping, load


def write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "kiosk.toml"
    file.write_text(text, encoding="utf-8")
    return file


def test_defaults_need_no_file() -> None:
    config = load(None)  # KIOSK_CONFIG points at a file that does not exist
    assert config == Config()
    assert config.kiosk.default_language == "fi"
    assert config.kiosk.languages == ["fi", "sv", "en", "ru", "uk", "et", "so", "ar"]
    assert not config.kiosk.windowed
    assert config.session.idle_timeout_s == 180
    assert config.session.warning_s == 60
    assert config.helpdesk.url == ""
    assert "tunnistus.suomi.fi" in config.browser.identification_hosts


def test_default_location_is_used(kiosk_dirs: dict[str, Path]) -> None:
    kiosk_dirs["config"].parent.mkdir(parents=True)
    kiosk_dirs["config"].write_text("[session]\nwarning_s = 30\n")
    assert load(None).session.warning_s == 30


def test_full_file_loads(tmp_path: Path) -> None:
    file = write(
        tmp_path,
        """
config_version = 1
[kiosk]
default_language = "sv"
languages = ["sv", "fi"]
windowed = true
[guides]
dir = "my-guides"
[session]
idle_timeout_s = 1
warning_s = 1
[helpdesk]
url = "https://help.example.org/"
[browser]
identification_hosts = ["tunnistus.suomi.fi", "http://127.0.0.1:9000"]
""",
    )
    config = load(file)
    assert config.kiosk.languages == ["sv", "fi"]
    assert config.session.idle_timeout_s == 1  # tests use one-second timeouts
    assert config.guides_dir() == (tmp_path / "my-guides").resolve()
    assert config.helpdesk.url == "https://help.example.org"
    assert config.source == file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[kiosk]\nlanguage = 'fi'\n", "unknown setting 'kiosk.language'"),
        ("[kioski]\n", "unknown setting 'kioski'"),
        (
            "[session]\nidle_timeout_s = 'soon'\n",
            "'session.idle_timeout_s': must be a whole number",
        ),
        ("[session]\nidle_timeout_s = 0\n", "'session.idle_timeout_s' must be at least 1"),
        ("[session]\nwarning_s = 2.5\n", "'session.warning_s': must be a whole number"),
        ("[kiosk]\nwindowed = 'yes'\n", "'kiosk.windowed': must be true or false"),
        ("[kiosk]\nlanguages = 'fi'\n", "'kiosk.languages': must be a list"),
        ("[kiosk]\nlanguages = ['fi', 'xx']\n", "unknown language xx"),
        ("[kiosk]\nlanguages = []\n", "at least one language"),
        (
            "[kiosk]\ndefault_language = 'en'\nlanguages = ['fi']\n",
            "must be one of kiosk.languages",
        ),
        ("[helpdesk]\nurl = 'help.example.org'\n", "must start with http:// or https://"),
        ("[browser]\nidentification_hosts = ['bank.fi/login']\n", "without a path"),
        ("session = 5\n", "'session': must be a section"),
        ("config_version = 99\n", "newer kiosk"),
        ("config_version = 0\n", "config_version"),
        ("[kiosk\n", "is not valid TOML"),
        ("[printing]\nmax_pages_per_session = -1\n", "must be at least 0"),
    ],
)
def test_mistakes_name_file_key_and_problem(tmp_path: Path, text: str, message: str) -> None:
    file = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load(file)
    assert message in str(caught.value)
    assert str(file) in str(caught.value)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    file = write(tmp_path, "[kiosk]\nwindowed = 1\ncolour = 'red'\n[session]\nwarning_s = 'x'\n")
    with pytest.raises(ConfigError) as caught:
        load(file)
    assert len(caught.value.problems) == 3


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load(tmp_path / "nope.toml")


def test_not_utf8_is_an_error(tmp_path: Path) -> None:
    file = tmp_path / "kiosk.toml"
    file.write_bytes(b"[kiosk]\ncentre_name = '\xff'\n")
    with pytest.raises(ConfigError, match="cannot be read"):
        load(file)


def test_version_is_current() -> None:
    assert from_mapping({}).config_version == CONFIG_VERSION
