"""A real kiosk in its own process, mid-session, for the kill -9 test.

Usage: python -m tests.helpers.kiosk_child GUIDES_DIR PLANT_URL
Prints "READY <session folder>" once visitor A's state is planted and a "downloaded"
file is in the session folder, then runs until killed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer, QUrl

from kiosk.app import create
from kiosk.config import from_mapping
from tests.helpers.state_site import MARKER


def main() -> None:
    guides, plant_url = sys.argv[1], sys.argv[2]
    kiosk = create(from_mapping({"kiosk": {"windowed": True}, "guides": {"dir": guides}}))
    kiosk.window.show()
    kiosk.keeper.start_visit()
    kiosk.open_guide("test-service")
    view = kiosk.window.service.view
    assert view is not None
    downloads = kiosk.session.folder / "downloads"

    def on_title(title: str) -> None:
        if title == "planted":
            (downloads / "decision.txt").write_text(f"Decision for {MARKER}")
            sys.stdout.write(f"READY {kiosk.session.folder}\n")
            sys.stdout.flush()

    view.titleChanged.connect(on_title)
    QTimer.singleShot(0, lambda: view.setUrl(QUrl(plant_url)))
    kiosk.qapp.exec()


if __name__ == "__main__":
    sys.exit(main())
