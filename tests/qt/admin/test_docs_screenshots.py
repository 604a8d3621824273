"""The admin screens shown in INSTALL.md (docs/images/), made from the real kiosk in
English as a volunteer sees them on an installed kiosk: the admin verifier is the real
one, told it is protected (on an installed kiosk it runs as a service; a development
checkout would add "not protected" to the code pad). scripts/screenshots runs this with
KIOSK_DOCS_SCREENSHOTS=1 to write docs/images/; otherwise the pictures go to
test-artifacts/docs/ and docs/images/ is left alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.admin import layout
from kiosk.admin.state import StateStore
from kiosk.admin.verifier import Verifier
from kiosk.app import KioskApp
from tests.helpers.guides import service_guide
from tests.helpers.screens import ARTIFACTS
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

PIN = "482915"
DOCS_IMAGES = Path(__file__).resolve().parents[3] / "docs" / "images"
WIDTH = 800  # pixels: readable in a browser, small on disk


def _save(widget: QWidget, name: str) -> Path:
    folder = DOCS_IMAGES if os.environ.get("KIOSK_DOCS_SCREENSHOTS") == "1" else ARTIFACTS / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        QApplication.processEvents()
    image = widget.grab().toImage()
    image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    target = folder / f"{name}.png"
    assert image.save(str(target)), target
    return target


@pytest.fixture
def kiosk(
    make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> KioskApp:
    verifier = Verifier(StateStore(tmp_path / "admin"), protected=True, where="a service")
    monkeypatch.setattr(layout, "connect", lambda *_: verifier)
    web.route("/start", "<h1>Start</h1>")
    service_guide(tmp_path / "guides", web.base)
    made = make_kiosk(tmp_path / "guides", kiosk={"default_language": "en"})
    verifier.set_pin(PIN)
    made.window.resize(1024, 768)
    return made


def test_the_admin_screens_for_install_md(qtbot: QtBot, kiosk: KioskApp) -> None:
    kiosk.admin.request_unlock()
    pad = kiosk.admin.pad
    qtbot.waitUntil(pad.isVisible)
    qtbot.waitUntil(lambda: pad.size() == kiosk.window.root.size())
    assert "not protected" not in " ".join(
        label.text() for label in pad.findChildren(QWidget) if hasattr(label, "text")
    )
    _save(kiosk.window, "admin-code-pad")
    qtbot.keyClicks(pad.input, PIN)
    with qtbot.waitSignal(kiosk.admin.unlocked, timeout=15000):
        pad.submit()
    panel = kiosk.admin.panel
    qtbot.waitUntil(lambda: panel.size() == kiosk.window.root.size())
    for tab in ("actions", "settings"):
        panel.show_tab(tab)
        assert _save(kiosk.window, f"admin-panel-{tab}").stat().st_size > 0
