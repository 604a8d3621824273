"""The first screen loads only what it needs (issue 14: a lean kiosk).

A fresh interpreter builds the whole kiosk, shows the attract screen and lets it answer a
touch; then the modules it loaded are listed. The help-desk client, the practice server
and its pages, QR codes and the help-desk server's libraries must not be among them: they
are loaded when first used, and this test keeps the start-up gains from coming back.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.child_script import kiosk_env, run_script

#: Loaded at their first use, never by the first screen.
NOT_AT_START = (
    "kiosk.helpdesk.client",
    "kiosk.helpdesk.remote",
    "kiosk.helpdesk.outbox",
    "kiosk.helpdesk.server",
    "kiosk.helpdesk.embedded",
    "kiosk.helpdesk.qt.dialog",
    "kiosk.practice.server",
    "kiosk.practice.routes",
    "kiosk.practice.pages",
    "kiosk.practice.render",
    "qrcode",
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "alembic",
    "httpx",
    "psycopg",
    "jinja2",
    "pydantic",  # the server's settings and API models; the kiosk's are kiosk/config_model.py
    "pydantic_core",
    # The on-screen keyboard (on here: the test machine has no keyboard) is made when a
    # text field first takes the focus.
    "PySide6.QtQuickWidgets",
    "kiosk.keyboard.qt",
    # Admin mode's code pad and panel are built when staff first ask for them; a
    # development checkout's own verifier (argon2) at the first question.
    "kiosk.admin.qt.code_pad",
    "kiosk.admin.qt.panel",
    "kiosk.admin.qt.settings_page",
    "kiosk.admin.verifier",
    "argon2",
    # The document rooms (viewer, print preview, file chooser) and Qt's PDF library: when
    # a visitor first opens, prints or attaches a file.
    "kiosk.shell.rooms.viewer",
    "kiosk.shell.rooms.print_preview",
    "kiosk.shell.rooms.file_chooser",
    "PySide6.QtPdf",
    # Process figures: at the first wipe, the admin panel's health or the file chooser.
    "psutil",
    # The admin panel's figures and settings editor: when staff open the panel.
    "kiosk.admin.health",
    "kiosk.admin.settings_edit",
    # The print queue, read with libcups through ctypes: at the first wipe.
    "kiosk.shell.rooms.print_queue",
    "ctypes",
    # Checksums (guide packs, the shared screen's pictures), the closest-word hint for a
    # guide's typo and HTML escaping: when first needed.
    "hashlib",
    "difflib",
    "html",
    # The visitor's browser (issue 14): made a second after the first screen, or at the
    # first tile; its modules, and the page dialog room, load with it.
    "kiosk.browser.webengine.context",
    "kiosk.browser.webengine.page",
    "kiosk.browser.webengine.view",
    "kiosk.browser.webengine.dialogs",
    "kiosk.browser.webengine.windows",
    "kiosk.browser.webengine.printing",
    "kiosk.browser.webengine.downloads",
    "kiosk.shell.rooms.web_dialogs",
)

CHILD = """
import json, linecache, sys
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from kiosk.app import create
from kiosk.config import from_mapping
from kiosk.session import keeper

# The browser is made a second after start-up; however slow this machine is today, this
# looks at the first screen alone.
keeper.PREPARE_AFTER_START_MS = 3_600_000
kiosk = create(from_mapping({"kiosk": {"windowed": True}, "speech": {"engine": "mock"}}))
kiosk.window.show()
attract = kiosk.window.attract
answered = []
attract.touched.connect(lambda: (answered.append(True), kiosk.qapp.quit()))
centre = QPointF(attract.width() / 2, attract.height() / 2)
for kind, buttons in (
    (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
    (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
):
    QCoreApplication.postEvent(attract, QMouseEvent(
        kind, centre, attract.mapToGlobal(centre), Qt.MouseButton.LeftButton, buttons,
        Qt.KeyboardModifier.NoModifier))
kiosk.qapp.exec()
practice = kiosk.practice is not None and kiosk.practice.base_url
modules = sorted(sys.modules)
read = sorted(name for name in linecache.cache if "/kiosk/" in name)
kiosk.shutdown()
print(json.dumps({"answered": answered, "practice": practice, "modules": modules, "read": read}))
"""


def _first_screen_modules(tmp_path: Path) -> dict[str, object]:
    return run_script(CHILD, kiosk_env(tmp_path))


def test_first_screen_leaves_the_rest_for_later(tmp_path: Path) -> None:
    result = _first_screen_modules(tmp_path)
    assert result["answered"] == [True], "the attract screen did not answer the touch"
    # The practice tiles have their address (the pages load when one is opened).
    assert str(result["practice"]).startswith("http://127.0.0.1:")
    modules = result["modules"]
    assert isinstance(modules, list)
    loaded = [
        name
        for name in modules
        if any(name == lazy or name.startswith(lazy + ".") for lazy in NOT_AT_START)
    ]
    assert loaded == []


def test_the_kiosks_source_is_not_read_at_start(tmp_path: Path) -> None:
    """shiboken reads the source of every module imported after PySide6 and keeps it in
    memory (kiosk/_pyside_first.py stops that): only the package's own __init__, imported
    before the workaround, may have been read."""
    result = _first_screen_modules(tmp_path)
    read = result["read"]
    assert isinstance(read, list)
    assert [Path(name).name for name in read] in ([], ["__init__.py"]), read
