"""The bundle's deny-lists (installer/trim.py) never drop what the kiosk uses: no Qt
module the code imports, no library a kept Qt library links, Chromium's en-US pack and the
kiosk's languages, the keyboard's QML, Windows' software OpenGL."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from installer import trim

REPO = Path(__file__).resolve().parents[2]
QT_LIB = Path(__import__("PySide6").__file__).parent / "Qt" / "lib"


def _imported_qt_modules() -> set[str]:
    found: set[str] = set()
    for source in [*(REPO / "kiosk").rglob("*.py"), REPO / "kiosk.spec"]:
        found |= set(re.findall(r"PySide6\.Qt([A-Za-z0-9]+)", source.read_text(encoding="utf-8")))
    return found


def test_the_deny_list_holds_no_qt_module_the_code_imports() -> None:
    imported = _imported_qt_modules()
    assert {"Core", "WebEngineCore", "Pdf", "QuickWidgets"} <= imported
    assert imported & trim.DENIED_QT_MODULES == set()
    assert imported & trim.DENIED_BINDINGS == set()


def _needed(library: Path) -> set[str]:
    done = subprocess.run(
        ["readelf", "-d", str(library)], capture_output=True, text=True, check=True
    )
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(libQt6[^\]]+)\]", done.stdout))


def test_no_library_a_kept_qt_library_links_is_denied() -> None:
    """The closure of what the imported modules' libraries link (ELF NEEDED entries)."""
    names = {f"libQt6{module}.so.6" for module in _imported_qt_modules()}
    wanted = {name for name in names if (QT_LIB / name).exists()}
    # Plugins the bundle keeps load these too.
    wanted |= {"libQt6VirtualKeyboard.so.6", "libQt6WaylandClient.so.6", "libQt6XcbQpa.so.6"}
    seen: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name in seen:
            continue
        seen.add(name)
        wanted |= _needed(QT_LIB / name) - seen
    denied = {name for name in seen if trim.deny_reason(f"PySide6/Qt/lib/{name}")}
    assert "libQt6WebEngineCore.so.6" in seen and "libQt6Positioning.so.6" in seen
    assert denied == set()


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtwebengine_locales/en-US.pak",
        "PySide6/Qt/translations/qtwebengine_locales/fi.pak",
        "PySide6/Qt/translations/qtwebengine_locales/ar.pak",
        "PySide6/Qt/translations/qtbase_sv.qm",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/qml/QtQuick/VirtualKeyboard/qmldir",
        "PySide6/Qt/qml/QtQuick/VirtualKeyboard/Layouts/fi_FI/main.qml",
        "PySide6/Qt/qml/Qt/labs/folderlistmodel/qmldir",
        "PySide6/Qt/qml/QtQml/WorkerScript/qmldir",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/resources/qtwebengine_resources.pak",
        "PySide6/Qt/resources/icudtl.dat",
        "PySide6/Qt/libexec/QtWebEngineProcess",
        "PySide6/opengl32sw.dll",  # Windows PCs without a GPU driver draw with it
        "PySide6/QtOpenGL.abi3.so",  # PySide6.QtQuick imports it
        "libpython3.12.so.1.0",
        "libssl.so.3",
    ],
)
def test_kept(dest: str) -> None:
    assert trim.deny_reason(dest) is None


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtwebengine_locales/de.pak",
        "PySide6/Qt/translations/qt_de.qm",
        "PySide6/Qt/translations/qtwebengine_fi.qm",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "libQt63DRender.so.6",
        "PySide6/Qt/qml/Qt3D/Core/qmldir",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/Qt/qml/QtQml/StateMachine/libqtqmlstatemachineplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/resources/qtwebengine_devtools_resources.pak",
        "PySide6/Qt/lib/libavcodec.so.63",
        "PySide6/QtPositioning.abi3.so",
        "libstdc++.so.6",
        "libX11.so.6",
        "libgtk-3.so.0",
        "libglib-2.0.so.0",
        "libnss3.so",
    ],
)
def test_left_out(dest: str) -> None:
    assert trim.deny_reason(dest) is not None


def test_split_keeps_the_order_and_names_what_it_dropped() -> None:
    entries = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Charts.so.6", "/x/libQt6Charts.so.6", "BINARY"),
        ("libpython3.12.so.1.0", "/x/libpython3.12.so.1.0", "BINARY"),
    ]
    kept, dropped = trim.split(entries)
    assert kept == [entries[0], entries[2]]
    assert dropped == ["PySide6/Qt/lib/libQt6Charts.so.6"]
    assert "PySide6.QtCharts" in trim.excluded_python_modules()
    assert "PySide6.QtWebEngineCore" not in trim.excluded_python_modules()
