"""The two start-up programs that ``session_bench.py`` times, as bare as they can be.

Each imports only what it shows: nothing of the benchmark itself (its HTTP server,
statistics, subprocess handling), which would add the same tens of milliseconds to both
programs and so make the ratio look smaller than it is.

  startup_child.py kiosk       the kiosk, until its attract screen has handled a touch
  startup_child.py bare URL    QApplication + one off-the-record profile + one page +
                               URL's tiny page loaded

Each prints READY at that moment. ``session_bench.py`` runs them without site (-S),
with the packages on PYTHONPATH, as installed programs start (no development import hook).
"""

import sys


def kiosk() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from kiosk.app import create
    from kiosk.config import from_mapping

    app = create(from_mapping({"kiosk": {"windowed": True}}))
    app.window.resize(1366, 768)
    app.window.show()
    attract = app.window.attract
    # The first screen answers a touch: READY when the attract screen has handled one.
    # The touch is posted now, so it waits behind any work the kiosk queued for later.
    attract.touched.connect(lambda: (print("READY", flush=True), app.qapp.quit()))
    centre = QPointF(attract.width() / 2, attract.height() / 2)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        QCoreApplication.postEvent(
            attract,
            QMouseEvent(
                kind, centre, attract.mapToGlobal(centre), Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress
                else Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )  # fmt: skip
    app.qapp.exec()
    app.shutdown()


def bare(url: str) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    profile = QWebEngineProfile()
    view = QWebEngineView(profile)
    view.resize(1366, 768)
    view.show()
    view.loadFinished.connect(lambda _ok: (print("READY", flush=True), app.quit()))
    view.setUrl(QUrl(url + "tiny"))
    app.exec()
    del view, profile


if __name__ == "__main__":
    if sys.argv[1:2] == ["kiosk"]:
        kiosk()
    elif sys.argv[1:2] == ["bare"] and len(sys.argv) == 3:
        bare(sys.argv[2])
    else:
        sys.exit("usage: startup_child.py kiosk | bare URL")
