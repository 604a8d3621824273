"""Staff settings: checked, saved whole or not at all, with a backup; they win over the
settings file when the kiosk loads its settings."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kiosk import config as config_mod
from kiosk.admin.settings_edit import SettingsEditor, SettingsRejectedError
from kiosk.config import ConfigError


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    file = tmp_path / "kiosk.toml"
    file.write_text(
        '[kiosk]\ncentre_name = "Päiväkeskus"\n[session]\nidle_timeout_s = 300\n', "utf-8"
    )
    return file


def _editor(settings_file: Path) -> SettingsEditor:
    return SettingsEditor(config_mod.load(settings_file))


def test_a_change_is_saved_and_wins_over_the_settings_file(settings_file: Path) -> None:
    editor = _editor(settings_file)
    saved = editor.save(
        {
            "session.idle_timeout_s": "240",
            "helpdesk.centre_phone": "+358 40 123 4567",
            "kiosk.tiles": ["omakanta", "kela-basic-assistance"],
        }
    )
    assert set(saved.changed) == {
        "session.idle_timeout_s", "helpdesk.centre_phone", "kiosk.tiles"
    }  # fmt: skip
    assert saved.needs_restart == ("kiosk.tiles",)
    assert saved.config.session.idle_timeout_s == 240
    assert saved.backup is None  # the first save: nothing to keep
    reloaded = config_mod.load(settings_file)
    assert reloaded.session.idle_timeout_s == 240
    assert reloaded.helpdesk.centre_phone == "+358 40 123 4567"
    assert reloaded.kiosk.tiles == ["omakanta", "kela-basic-assistance"]
    assert reloaded.kiosk.centre_name == "Päiväkeskus"  # the file's own settings stay
    # The installer's file is never touched.
    assert "240" not in settings_file.read_text("utf-8")


def test_the_previous_file_is_kept_as_a_backup(settings_file: Path) -> None:
    editor = _editor(settings_file)
    editor.save({"session.warning_s": "30"})
    first = editor.file.read_text("utf-8")
    saved = editor.save({"session.warning_s": "45"})
    assert saved.backup is not None
    assert saved.backup.read_text("utf-8") == first
    assert tomllib.loads(editor.file.read_text("utf-8"))["session"]["warning_s"] == 45


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("session.idle_timeout_s", "ten", "whole number"),
        ("session.idle_timeout_s", "5", "from 30 to 3600"),
        ("session.warning_s", "-1", "whole number"),
        ("printing.max_pages_per_session", "5000", "from 0 to 200"),
        ("helpdesk.centre_phone", "call me", "5 to 15 digits"),
        ("kiosk.default_language", "xx", "languages the kiosk offers"),
        ("kiosk.tiles", ["Not An Id"], "not a guide id"),
    ],
)
def test_a_bad_value_is_refused_and_nothing_is_saved(
    settings_file: Path, key: str, value: object, words: str
) -> None:
    editor = _editor(settings_file)
    editor.save({"session.warning_s": "30"})
    before = editor.file.read_bytes()
    with pytest.raises(SettingsRejectedError) as refused:
        editor.save({"session.idle_timeout_s": "200", key: value})
    message = " ".join(str(p) for p in refused.value.problems.values())
    assert words in message
    assert editor.file.read_bytes() == before  # not half-saved: the good value neither
    assert config_mod.load(settings_file).session.idle_timeout_s == 300


def test_a_setting_staff_may_not_change_is_refused(settings_file: Path) -> None:
    with pytest.raises(SettingsRejectedError):
        _editor(settings_file).save({"browser.identification_hosts": ["evil.example"]})


def test_a_staff_file_with_other_settings_stops_the_kiosk_with_a_plain_message(
    settings_file: Path,
) -> None:
    config_mod.staff_settings_file().parent.mkdir(parents=True, exist_ok=True)
    config_mod.staff_settings_file().write_text("[lockdown]\nallow_removable_media = true\n")
    with pytest.raises(ConfigError) as refused:
        config_mod.load(settings_file)
    assert "lockdown.allow_removable_media' cannot be changed here" in str(refused.value)
    assert "staff-settings.toml" in str(refused.value)


def test_nothing_changed_writes_nothing(settings_file: Path) -> None:
    editor = _editor(settings_file)
    saved = editor.save({"session.idle_timeout_s": "300"})
    assert saved.changed == ()
    assert not editor.file.exists()
