"""The start-up self-check: ``kiosk run`` refuses a browser that is not off the record
or not locked down (a Qt upgrade that changed a default would be caught here)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings

from tests.qt.conftest import MakeKiosk


def test_a_locked_down_kiosk_passes(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    assert kiosk.self_check() == []


def test_a_setting_turned_back_on_is_named(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    attribute = QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls
    kiosk.session.browser.profile.settings().setAttribute(attribute, True)
    assert kiosk.self_check() == ["LocalContentCanAccessFileUrls is on"]


def test_a_profile_that_keeps_things_on_disk_is_refused(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    kiosk = make_kiosk()
    browser = kiosk.session.browser
    on_disk = QWebEngineProfile("not-off-the-record", kiosk)
    on_disk.setPersistentStoragePath(str(tmp_path / "storage"))
    original, browser.profile = browser.profile, on_disk
    try:
        assert "the profile is not off the record" in kiosk.self_check()
    finally:
        browser.profile = original
