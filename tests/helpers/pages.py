"""Waiting for a web page the way a visitor would: until it is really there."""

from __future__ import annotations

from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot


def evaluate(qtbot: QtBot, view: QWebEngineView, script: str, timeout: int = 10000) -> object:
    """Run ``script`` in the page and return its value."""
    results: list[object] = []
    view.page().runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=timeout)
    return results[0]


def wait_until_loaded(qtbot: QtBot, view: QWebEngineView, title: str, timeout: int = 15000) -> None:
    """The page titled ``title`` has finished loading: its whole body exists.

    A title alone is not enough: it arrives with the page's head, before its links do.
    """
    qtbot.waitUntil(lambda: view.title() == title, timeout=timeout)
    qtbot.waitUntil(
        lambda: evaluate(qtbot, view, "document.readyState") == "complete", timeout=timeout
    )
