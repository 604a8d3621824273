"""The door catalogue: every way out of a public kiosk that penetration testers try, and
the safe outcome the kiosk must give. ``test_doors.py`` runs each one against the real
kiosk (full screen, a local test site) and then checks, for every door alike: no window
but the kiosk's, no file/print/colour dialog or menu ever made, no process started,
nothing handed to the OS, and the kiosk window still full screen.

Each door is a function of a ``DoorContext``; it makes the attempt the way a visitor
would (real key events, real clicks on the page, page script, real drag events) and
asserts its own outcome: the page stayed where it was, the friendly page or card showed,
or the kiosk's own room opened instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from kiosk.shell.rooms.notices import Notice
from tests.e2e.lockdown.door_context import Door, DoorContext
from tests.e2e.lockdown.doors_page import (
    alert_door,
    alert_storm,
    alt_left_is_the_kiosks_back,
    bank_popup,
    blob_top_level,
    blocked_link,
    card_link,
    confirm_door,
    f5_is_the_kiosks_reload,
    http_login,
    key_door,
    leave_page,
    no_popup,
    popup_inside,
    popup_storm,
    popup_to_a_blocked_place,
    prompt_door,
    refused_link,
    typing_reaches_the_page,
    window_print,
)
from tests.helpers import lockdown_site as site

_M = Qt.KeyboardModifier


# -- menus, drops, full screen ---------------------------------------------------------
def right_click(selector: str, through_window: bool) -> Door:
    def attempt(ctx: DoorContext) -> None:
        if through_window:
            ctx.click_through_window(selector, Qt.MouseButton.RightButton)
        else:
            ctx.click(selector, Qt.MouseButton.RightButton)
        ctx.wait(lambda: "right-click" in ctx.refused)
        assert not any(isinstance(w, QMenu) for w in QApplication.topLevelWidgets())

    return attempt


def right_click_on_the_shell(ctx: DoorContext) -> None:
    button = ctx.child("reload-button")
    point = button.mapTo(ctx.kiosk.window, QPoint(5, 5))
    ctx.qtbot.mouseClick(
        ctx.kiosk.window.windowHandle(), Qt.MouseButton.RightButton, _M.NoModifier, point
    )
    ctx.wait(lambda: "right-click" in ctx.refused)


def drop_door(url: str, target: str, *, filter_on: bool = True) -> Door:
    def attempt(ctx: DoorContext) -> None:
        ctx.kiosk.lockdown_filter.enabled = filter_on
        try:
            ctx.drop(url, target)
        finally:
            ctx.kiosk.lockdown_filter.enabled = True
        if filter_on:
            assert "drop" in ctx.refused
        ctx.sentinel_navigation()
        assert ctx.history_paths() == ["/start", "/second"]

    return attempt


def page_full_screen(ctx: DoorContext) -> None:
    ctx.click("#b-full")
    got = ctx.wait_event("full:")
    assert got == "full:TypeError", got
    assert ctx.js("document.fullscreenElement") is None


def minimise(ctx: DoorContext) -> None:
    ctx.kiosk.window.showMinimized()
    ctx.wait(ctx.kiosk.window.isFullScreen)


def leave_full_screen(ctx: DoorContext) -> None:
    ctx.kiosk.window.showNormal()
    ctx.wait(ctx.kiosk.window.isFullScreen)


def window_system_close(ctx: DoorContext) -> None:
    """Alt+F4 in a window manager, or a 'close window' tool: a close event to the window."""
    event = QCloseEvent()
    QApplication.sendEvent(ctx.kiosk.window.windowHandle(), event)
    assert not event.isAccepted()
    assert ctx.kiosk.window.isVisible()


# -- permissions -------------------------------------------------------------------------------
def permission(button: str, outcome: str, decision: str, *, before: Door | None = None) -> Door:
    """The page asks (a real click, a user gesture): it gets exactly ``outcome``, and the
    kiosk's log shows that the kiosk itself refused (``decision``). On a headless machine
    many requests fail without any device; the refusal in the log is what tells the
    kiosk's "no" from "there was nothing to give"."""

    def attempt(ctx: DoorContext) -> None:
        if before is not None:
            before(ctx)
        prefix = outcome.split(":", 1)[0] + ":"
        got, why = _gesture(ctx, f"#b-{button}", prefix)
        assert got == outcome, (got, why)
        ctx.wait(lambda: ctx.said(decision))

    return attempt


def visitor_copied_something(ctx: DoorContext) -> None:
    """On the clipboard: what a page that may read it would get (its text, 'granted')."""
    QApplication.clipboard().setText("hetu 010101-123N")


#: Part of Chromium's answer ("Failed to execute 'showSaveFilePicker' on 'Window': User
#: activation is required ...") when the engine did not count the click as a gesture:
#: the attempt never happened (seen on a machine loaded far past its cores).
_NO_GESTURE = "User activation is required"


def _gesture(ctx: DoorContext, selector: str, prefix: str) -> tuple[str, str]:
    """Click ``selector`` and return the page's answer and its message. A click the
    engine did not count as a gesture is refused before the kiosk is asked: that attempt
    proves nothing, so it is tried again a moment later."""
    got, why = "", ""
    for _ in range(5):
        ctx.js("(window.events.length = 0, window.why = null, true)")
        ctx.click(selector)
        got = ctx.wait_event(prefix)
        why = ctx.js("window.why") or ""
        if _NO_GESTURE not in why:
            break
        ctx.qtbot.wait(300)
    return got, why


def open_file_picker(ctx: DoorContext) -> None:
    """showOpenFilePicker() gets the kiosk's own chooser (only the visitor's files)."""
    chooser = ctx.kiosk.safe_rooms.chooser
    opened: list[bool] = []

    def cancel() -> None:
        opened.append(True)
        ctx.qtbot.mouseClick(chooser.cancel, Qt.MouseButton.LeftButton)

    site.when_open(chooser, cancel)
    got, why = _gesture(ctx, "#b-open-picker", "showOpenFilePicker:")
    assert got == "showOpenFilePicker:AbortError", (got, why)
    assert opened == [True]  # cancelled in the kiosk's own chooser


def directory_picker(ctx: DoorContext) -> None:
    """showDirectoryPicker() is refused with the folder notice.  Like the file picker, a
    click the engine did not count as a gesture is refused before the kiosk is asked:
    that attempt proves nothing and is tried again."""
    result, why = _gesture(ctx, "#b-dir-picker", "showDirectoryPicker:")
    assert result != "showDirectoryPicker:granted"
    assert _NO_GESTURE not in why, "five clicks in a row were not counted as gestures"
    assert result == "showDirectoryPicker:AbortError", (result, why)
    ctx.wait(lambda: ctx.kiosk.safe_rooms.notice.notice is Notice.FOLDER_UPLOAD)


def mouse_lock(ctx: DoorContext) -> None:
    """requestPointerLock(): the page hears 'pointerlockerror', never 'pointerlockchange'
    (the lock is asynchronous: reading pointerLockElement at once proves nothing)."""
    ctx.click("#b-lock")
    got = ctx.wait_event("lock:")
    assert got == "lock:error", got
    ctx.wait(lambda: ctx.said("permission refused: mouse-lock"))
    assert ctx.js("document.pointerLockElement") is None


# -- downloads -------------------------------------------------------------------------------
def refused_download(key: str, notice: Notice) -> Door:
    def attempt(ctx: DoorContext) -> None:
        ctx.click(f"#dl-{key}")
        ctx.wait(lambda: ctx.shows("lockdown-notice"))
        assert ctx.kiosk.safe_rooms.notice.notice is not None
        assert ctx.kiosk.safe_rooms.notice.notice is notice
        downloads = ctx.kiosk.session.folder / "downloads"
        ctx.wait(lambda: not any(downloads.iterdir()))
        assert not ctx.shows("pdf-viewer")
        assert ctx.url().endswith("/start")

    return attempt


def traversal_download(ctx: DoorContext) -> None:
    ctx.click("#dl-traversal")
    ctx.wait(lambda: ctx.shows("pdf-viewer"))
    downloads = ctx.kiosk.session.folder / "downloads"
    assert [p.name for p in downloads.iterdir()] == ["evil.pdf"]


def pdf_as_a_page(ctx: DoorContext) -> None:
    """A PDF opened as a page: Chromium's own viewer (with save and print) is off."""
    ctx.click("#inline-pdf")
    ctx.wait(lambda: ctx.shows("pdf-viewer"))
    assert ctx.url().endswith("/start")


# -- uploads ---------------------------------------------------------------------------------
def file_input(ctx: DoorContext) -> None:
    chooser = ctx.kiosk.safe_rooms.chooser
    opened: list[bool] = []

    def cancel() -> None:
        opened.append(chooser.isVisible())
        ctx.qtbot.mouseClick(chooser.cancel, Qt.MouseButton.LeftButton)

    site.when_open(chooser, cancel)
    ctx.click("#file-input")
    ctx.wait(lambda: opened == [True] and not chooser.isVisible())


def folder_input(ctx: DoorContext) -> None:
    ctx.click("#folder-input")
    ctx.wait(lambda: ctx.shows("lockdown-notice"))
    assert ctx.kiosk.safe_rooms.notice.notice is not None
    assert ctx.kiosk.safe_rooms.notice.notice is Notice.FOLDER_UPLOAD


# -- stray windows ---------------------------------------------------------------------------
def stray_window(make: Callable[[], QWidget]) -> Door:
    def attempt(ctx: DoorContext) -> None:
        ctx.made_dialogs = True
        widget = make()
        widget.show()
        ctx.wait(lambda: not widget.isVisible())
        assert ctx.kiosk.window.isFullScreen()
        widget.deleteLater()

    return attempt


def _file_dialog() -> QWidget:
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return dialog


def _menu() -> QWidget:
    menu = QMenu()
    menu.addAction("Save page as…")
    return menu


#: id -> (what is tried, the attempt). Every one must stay closed; the names are pinned in
#: ``test_doors.py`` (EXPECTED_DOORS), so a door cannot drop out unnoticed.
DOORS: dict[str, tuple[str, Door]] = {
    # Keys: through the window as the OS delivers them, straight to the page's focus
    # widget, and with a kiosk button focused.
    **{
        f"key {chord} on {target}": (f"{chord} ({target})", key_door(chord, target))
        for chord in (
            "Alt+F4",
            "Ctrl+W",
            "Ctrl+Q",
            "Ctrl+N",
            "Ctrl+T",
            "Ctrl+O",
            "Ctrl+S",
            "Ctrl+P",
            "Ctrl+U",
            "Ctrl+J",
            "Ctrl+H",
            "Ctrl+F",
            "Ctrl+Shift+I",
            "Ctrl+Shift+J",
            "Ctrl+Shift+C",
            "Ctrl+Shift+Delete",
            "F1",
            "F3",
            "F7",
            "F11",
            "F12",
            "Menu",
            "Shift+F10",
            "Ctrl+Tab",
            "Alt+Home",
            "Ctrl+L",
            "Ctrl+0",
        )
        for target in ("web", "proxy")
    },
    **{
        f"key {chord} on shell": (f"{chord} with a kiosk button focused", key_door(chord, "shell"))
        for chord in ("Alt+F4", "Ctrl+W", "Ctrl+Q", "Ctrl+P", "F11", "F12", "Menu", "Alt+Tab")
    },
    "key Alt+Left is the kiosk's Back": ("Alt+Left", alt_left_is_the_kiosks_back),
    "key F5 is the kiosk's Reload": ("F5", f5_is_the_kiosks_reload),
    "typing reaches the page": ("letters and AltGr '@' still type", typing_reaches_the_page),
    # Links of every scheme.
    **{
        f"link {name}": (f"a {name} link", blocked_link(name))
        for name in (
            "ms-settings",
            "ms-msdt",
            "search-ms",
            "shell",
            "intent",
            "smb",
            "ftp",
            "ssh",
            "steam",
            "away",
            "other-host",
        )
    },
    **{
        f"link {name}": (f"a {name} link (Chromium refuses it itself)", refused_link(name))
        for name in (
            "file",
            "javascript-file",
            "view-source",
            "chrome",
            "chrome-gpu",
            "qrc",
            "data",
        )
    },
    "blob top level": ("a page turning itself into a blob: page", blob_top_level),
    "link mailto": ("an e-mail link", card_link("mailto", "mailto", "kela@example.org")),
    "link tel": ("a phone link", card_link("tel", "tel", "+358 20 692 207")),
    "link sms": ("a text message link", card_link("sms", "sms", "+358401234567")),
    # New windows.
    "window.open": ("window.open()", popup_inside("#b-open", "/popup")),
    "target=_blank": ("a target=_blank link", popup_inside("#blank", "/second")),
    "middle click": (
        "a middle-click on a link",
        popup_inside("#next", "/second", button=Qt.MouseButton.MiddleButton),
    ),
    "ctrl click": (
        "Ctrl+click on a link",
        popup_inside("#next", "/second", modifier=_M.ControlModifier),
    ),
    "shift click": (
        "Shift+click on a link",
        popup_inside("#next", "/second", modifier=_M.ShiftModifier),
    ),
    "popup storm": ("twenty window.open() at once", popup_storm),
    "popup elsewhere": (
        "window.open() to a host not allowed",
        popup_to_a_blocked_place("#b-open-away"),
    ),
    "popup file": ("window.open('file:...')", no_popup("#b-open-file")),
    "bank popup": ("a bank's identification popup", bank_popup),
    # Page dialogs.
    "alert": ("alert()", alert_door),
    "confirm": ("confirm()", confirm_door),
    "prompt": ("prompt()", prompt_door),
    "alert storm": ("alert() in a loop", alert_storm),
    "onbeforeunload": ("a page that will not let you leave", leave_page),
    "http auth": ("an HTTP log-in prompt", http_login),
    "window.print": ("window.print()", window_print),
    # Menus, drops, full screen, closing.
    "right click page": ("a right-click on the page", right_click("#next", through_window=True)),
    "right click page focus widget": (
        "a right-click sent to the page's widget",
        right_click("#next", through_window=False),
    ),
    "right click shell": ("a right-click on a kiosk button", right_click_on_the_shell),
    "drop link": ("dropping a link on the page", drop_door("https://elsewhere.example/", "window")),
    "drop file": ("dropping a file on the page", drop_door("file:///etc/passwd", "window")),
    "drop javascript": (
        "dropping a javascript: address",
        drop_door("javascript:alert(1)", "window"),
    ),
    "drop on page widget, filter off": (
        "a drop straight on the page's widget, with the key filter off (second layer)",
        drop_door("https://elsewhere.example/", "proxy", filter_on=False),
    ),
    "page full screen": ("requestFullscreen()", page_full_screen),
    "minimise": ("minimising the kiosk", minimise),
    "leave full screen": ("showNormal() on the kiosk", leave_full_screen),
    "window system close": ("the window system's close (Alt+F4 in a WM)", window_system_close),
    # Permissions.
    "camera": (
        "getUserMedia(video)",
        permission("camera", "media:AbortError", "permission refused: camera "),
    ),
    "microphone": (
        "getUserMedia(audio)",
        permission("microphone", "media:AbortError", "permission refused: microphone "),
    ),
    "screen sharing": (
        "getDisplayMedia()",
        permission("screen", "screen:AbortError", "screen sharing refused"),
    ),
    "geolocation": (
        "geolocation",
        permission("geo", "geo:1", "permission refused: geolocation "),  # PERMISSION_DENIED
    ),
    "notifications": (
        "notifications",
        permission("notify", "notify:denied", "permission refused: notifications "),
    ),
    "clipboard read": (
        "reading what a visitor copied",
        permission(
            "clip",
            "clip:NotAllowedError",
            "permission refused: clipboard ",
            before=visitor_copied_something,
        ),
    ),
    "open file picker": ("showOpenFilePicker()", open_file_picker),
    "save file picker": (
        "showSaveFilePicker()",
        # The kiosk's chooser answers "no place to save" as a visitor's cancel would.
        permission(
            "save-picker", "showSaveFilePicker:AbortError", "file chooser refused: FileSelectSave"
        ),
    ),
    "directory picker": ("showDirectoryPicker()", directory_picker),
    "mouse lock": ("requestPointerLock()", mouse_lock),
    # Downloads.
    "download exe": ("a .exe download", refused_download("exe", Notice.PROGRAM_REFUSED)),
    "download sh": ("a .sh download", refused_download("sh", Notice.PROGRAM_REFUSED)),
    "download bat": ("a .bat download", refused_download("bat", Notice.PROGRAM_REFUSED)),
    "download jar": ("a .jar download", refused_download("jar", Notice.PROGRAM_REFUSED)),
    "download zip": ("a .zip download", refused_download("zip", Notice.ARCHIVE_REFUSED)),
    "download unknown": ("an unknown type", refused_download("bin", Notice.UNKNOWN_REFUSED)),
    "download html": ("a saved web page", refused_download("html", Notice.UNKNOWN_REFUSED)),
    "download double extension": (
        "kela.pdf.exe",
        refused_download("double", Notice.PROGRAM_REFUSED),
    ),
    "download fake pdf": (
        "a program named .pdf",
        refused_download("fake-pdf", Notice.MISMATCH_REFUSED),
    ),
    "download path traversal": ("../../etc/evil.pdf", traversal_download),
    "pdf as a page": ("a PDF opened as a page (Chromium's viewer)", pdf_as_a_page),
    # Uploads.
    "file input": ("<input type=file>", file_input),
    "folder input": ("<input webkitdirectory>", folder_input),
    # Windows made by anyone.
    "stray file dialog": ("a Qt file dialog", stray_window(_file_dialog)),
    "stray print dialog": ("a Qt print dialog", stray_window(QPrintDialog)),
    "stray message box": ("a Qt message box", stray_window(QMessageBox)),
    "stray menu": ("a context menu", stray_window(_menu)),
}
