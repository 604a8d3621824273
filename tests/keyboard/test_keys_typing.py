"""The keyboard opens for a field, types into it, and never covers it: in the help
dialog (the call-back number, a number pad) and in a web page (a text field)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.browser.webengine.view import KioskView
from tests.helpers.guides import service_guide
from tests.helpers.keyboard import HIDE, key_texts, tap, type_text, wait_until_shown, window_rect
from tests.helpers.pages import evaluate, wait_until_loaded
from tests.helpers.screens import save_screenshot
from tests.helpers.webserver import LocalServer
from tests.qt.conftest import MakeKiosk

ON = {"keyboard": {"on_screen": "always"}}

#: A form whose name field starts near the bottom of the page: under the keys, unless
#: the page makes room and scrolls it up.
FORM = (
    "<h1>Form</h1><div style='height: calc(100vh - 120px)'></div>"
    "<label>Name <input id='name' style='font-size: 20px'></label><br>"
    "<label>Phone <input id='phone' type='tel'></label>"
    "<label>PIN <input id='pin' inputmode='numeric'></label>"
    "<div style='height: 100vh'></div>"
)


def _help_dialog(qtbot: QtBot, kiosk: KioskApp) -> QLineEdit:
    kiosk.call_for_help()
    dialog = kiosk.helpdesk._dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    field = dialog.findChild(QLineEdit, "help-phone-input")
    assert field is not None
    return field


def _open_form(qtbot: QtBot, kiosk: KioskApp, web: LocalServer) -> KioskView:
    kiosk.open_guide("test-service")
    view = kiosk.window.service.view
    assert isinstance(view, KioskView)
    wait_until_loaded(qtbot, view, "/start")
    return view


def _tap_element(qtbot: QtBot, view: KioskView, element_id: str) -> None:
    """A visitor's tap on the page's element (the middle of its box)."""
    box = evaluate(
        qtbot,
        view,
        f"(() => {{ const r = document.getElementById('{element_id}').getBoundingClientRect();"
        " return `${r.left + r.width / 2},${r.top + r.height / 2}`; })()",
    )
    x, y = (float(part) for part in str(box).split(","))
    zoom = view.zoomFactor()
    target = view.focusProxy() or view
    point = QPoint(int(x * zoom), int(y * zoom))
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _field_in_window(qtbot: QtBot, view: KioskView, element_id: str) -> tuple[int, int]:
    """The top and bottom of the page's element, in the window's coordinates."""
    box = evaluate(
        qtbot,
        view,
        f"(() => {{ const r = document.getElementById('{element_id}').getBoundingClientRect();"
        " return `${r.top},${r.bottom}`; })()",
    )
    top, bottom = (float(part) for part in str(box).split(","))
    zoom, offset = view.zoomFactor(), window_rect(view).top()
    return offset + int(top * zoom), offset + int(bottom * zoom)


def _in_sight(qtbot: QtBot, view: KioskView, element_id: str, keys_top: int) -> bool:
    top, bottom = _field_in_window(qtbot, view, element_id)
    return window_rect(view).top() <= top and bottom < keys_top


@pytest.mark.parametrize("width", [1366, 1024])
def test_the_phone_field_of_the_help_dialog_gets_a_number_pad(
    qtbot: QtBot, make_kiosk: MakeKiosk, width: int
) -> None:
    kiosk = make_kiosk(**ON)
    kiosk.window.resize(width, 768)
    field = _help_dialog(qtbot, kiosk)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    panel = wait_until_shown(qtbot, kiosk)

    # Docked at the bottom of the dialog (modal: keys outside it could not be tapped).
    dialog = field.window()
    assert panel.parentWidget() is dialog
    assert panel.objectName() == "on-screen-keyboard"
    assert panel.geometry().bottom() == dialog.height() - 1
    assert panel.width() == dialog.width()
    # The keys take about a third of the height: never tiny, never more than half.
    assert 0.25 * dialog.height() <= panel.height() <= 0.5 * dialog.height()
    # Numbers only: the number pad, no letters.
    texts = key_texts(panel)
    assert {"0", "4", "5"} <= set(texts)
    assert not any(text.isalpha() for text in texts)

    for digit in "0401234567":
        tap(qtbot, panel, text=digit)
    qtbot.waitUntil(lambda: field.text() == "0401234567")
    # The focus stayed in the field; the field shows above the keys.
    assert field.hasFocus()
    qtbot.waitUntil(lambda: window_rect(field).bottom() < panel.geometry().top())
    assert dialog.height() == kiosk.window.height() == 768
    save_screenshot(dialog, f"keyboard/help-dialog-{width}")

    # Leaving the dialog closes the keys and gives the room back.
    dialog.reject()
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert kiosk.window.contentsMargins().bottom() == 0


@pytest.mark.parametrize("width", [1366, 1024])
def test_a_web_page_field_is_typed_into_and_never_covered(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path, web: LocalServer, width: int
) -> None:
    web.route("/start", FORM)
    service_guide(tmp_path / "guides", web.base)
    kiosk = make_kiosk(tmp_path / "guides", **ON)
    kiosk.window.resize(width, 768)
    view = _open_form(qtbot, kiosk, web)
    assert kiosk.keyboard is not None and kiosk.keyboard.panel is None  # made when needed

    _tap_element(qtbot, view, "name")
    panel = wait_until_shown(qtbot, kiosk)
    assert panel.parentWidget() is kiosk.window
    assert window_rect(panel).bottom() == kiosk.window.height() - 1
    # The page is made smaller by the keys' height: its bottom is over their top.
    qtbot.waitUntil(lambda: window_rect(view).bottom() < window_rect(panel).top())
    assert any(text.isalpha() for text in key_texts(panel))
    # Beside the page the guide stays; below it (1024 px) it steps aside while the keys
    # are open, so that the page keeps room to show the field (not a thin strip).
    service = kiosk.window.service
    below = service.guide_below
    assert below == (width == 1024)
    qtbot.waitUntil(lambda: service.guide_panel.isHidden() == below)
    qtbot.waitUntil(lambda: view.height() >= 250)

    type_text(qtbot, panel, "hej")
    qtbot.waitUntil(
        lambda: str(evaluate(qtbot, view, "document.getElementById('name').value")).lower() == "hej"
    )
    # The field was scrolled into the room above the keys.
    qtbot.waitUntil(lambda: _in_sight(qtbot, view, "name", window_rect(panel).top()))
    # The window kept its size: the keys did not push anything out of it.
    assert kiosk.window.height() == 768
    save_screenshot(kiosk.window, f"keyboard/web-page-{width}")
    assert _in_sight(qtbot, view, "name", window_rect(panel).top())

    # A telephone field gets the number pad.
    _tap_element(qtbot, view, "phone")
    qtbot.waitUntil(lambda: not any(text.isalpha() for text in key_texts(panel)))
    tap(qtbot, panel, text="5")
    qtbot.waitUntil(lambda: evaluate(qtbot, view, "document.getElementById('phone').value") == "5")
    # A text field gets the letters back; a field for numbers only (a PIN) the numbers.
    _tap_element(qtbot, view, "name")
    qtbot.waitUntil(lambda: any(text.isalpha() for text in key_texts(panel)))
    _tap_element(qtbot, view, "pin")
    qtbot.waitUntil(lambda: evaluate(qtbot, view, "document.activeElement.id") == "pin")
    qtbot.waitUntil(lambda: not any(text.isalpha() for text in key_texts(panel)))
    _tap_element(qtbot, view, "name")
    qtbot.waitUntil(lambda: any(text.isalpha() for text in key_texts(panel)))

    # The hide key closes the keys; the page gets its room back.
    squeezed = window_rect(view).bottom()
    tap(qtbot, panel, key_type=HIDE)
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert kiosk.window.contentsMargins().bottom() == 0
    qtbot.waitUntil(lambda: window_rect(view).bottom() > squeezed)
    assert not service.guide_panel.isHidden()  # the guide is back
    # Tapping the field again brings the keys back (tapped again if the page was still
    # moving under the finger as it grew back).
    for _ in range(5):
        _tap_element(qtbot, view, "name")
        try:
            qtbot.waitUntil(panel.isVisible, timeout=2000)
            break
        except TimeoutError:
            continue
    assert panel.isVisible()

    # Leaving the page for the home screen (no text field) closes them.
    kiosk.go_home()
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert kiosk.window.contentsMargins().bottom() == 0
