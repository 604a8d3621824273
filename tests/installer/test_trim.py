"""The bundle's deny-lists (installer/trim.py) never drop what the kiosk uses: no Qt
module the code imports, no library a kept Qt library links, Chromium's en-US pack and the
kiosk's languages, the keyboard's QML, Windows' software OpenGL."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from installer import icu, trim

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
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "kiosk/helpdesk/qt/chime.wav",
        "kiosk/keyboard/qt/keyboard.qml",
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
        "PySide6/Qt/lib/libQt6QuickTemplates2.so.6",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "kiosk/helpdesk/server/static/staff.html",
        "kiosk/helpdesk/server/migrations/env.py",
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


# -- the help-desk server ------------------------------------------------------------------


def _contract(name_start: str) -> dict[str, object]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    found = [c for c in contracts if c["name"].startswith(name_start)]
    assert len(found) == 1
    return found[0]


def test_the_server_contract_covers_every_kiosk_module_and_forbids_the_left_out() -> None:
    """pyproject.toml's import-linter contract keeps the kiosk's code off what the bundle
    leaves out (trim.HELPDESK_SERVER): every kiosk module but the server is its source."""
    contract = _contract("The kiosk's bundle carries no help-desk server")
    assert contract["forbidden_modules"] == list(trim.HELPDESK_SERVER)
    sources = contract["source_modules"]
    assert isinstance(sources, list)
    modules = {
        ".".join(("kiosk", *path.relative_to(REPO / "kiosk").with_suffix("").parts))
        for path in (REPO / "kiosk").rglob("*.py")
    }
    uncovered = {
        module
        for module in modules
        if trim.in_bundle(module)
        and module not in ("kiosk", "kiosk.__init__", "kiosk.helpdesk", "kiosk.helpdesk.__init__")
        and not any(module == s or module.startswith(f"{s}.") for s in sources)
    }
    assert uncovered == set()
    assert not trim.in_bundle("kiosk.helpdesk.server.app")
    assert trim.in_bundle("kiosk.helpdesk.client") and trim.in_bundle("kiosk.helpdesk.remote")


def test_the_kiosks_own_libraries_stay() -> None:
    """What the kiosk side imports (the admin code's argon2 and pyotp, the guides' YAML,
    psutil, keyring, qrcode) is never on the server's list."""
    excluded = set(trim.excluded_python_modules())
    assert {"argon2", "pyotp", "yaml", "psutil", "keyring", "qrcode", "kiosk"} & excluded == set()
    assert {"fastapi", "sqlalchemy", "pydantic", "kiosk.helpdesk.server"} <= excluded


# -- picture formats -----------------------------------------------------------------------


def test_every_picture_type_the_viewer_opens_has_its_plugin() -> None:
    from kiosk.lockdown.file_types import SAFE_TYPES, FileKind

    pictures = {ext for ext, (kind, _) in SAFE_TYPES.items() if kind is FileKind.IMAGE}
    assert pictures - {".png"} <= set(trim.KEPT_IMAGE_FORMATS)  # PNG is built into Qt
    for name in set(trim.KEPT_IMAGE_FORMATS.values()):
        plugin = f"PySide6/Qt/plugins/imageformats/libq{name}.so"
        assert (QT_LIB.parent / "plugins" / "imageformats" / f"libq{name}.so").exists()
        assert trim.deny_reason(plugin) is None


# -- ICU's data ----------------------------------------------------------------------------

# The suite runs on Linux, where PySide6's Qt Core links ICU: a wheel without it means
# installer/icu.py (and kiosk.spec's ICU step) must change, so its absence fails the tests.
ICU_DATA = next(QT_LIB.glob("libicudata.so.*"), None)


def test_pyside6_here_brings_the_icu_data_the_bundle_trims() -> None:
    assert ICU_DATA is not None, f"no libicudata.so.* in {QT_LIB}"


def test_qt_core_calls_only_the_icu_services_the_trim_keeps() -> None:
    """trim.py's ICU tables rest on this: Qt Core calls ICU for case mapping, calendars and
    time-zone names, converters and collation, and nothing else (no break iterators,
    formatters, transliterators or display names). A new Qt that calls more fails here."""
    done = subprocess.run(
        ["nm", "-D", "--undefined-only", str(QT_LIB / "libQt6Core.so.6")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    called = {m.group(1) for m in re.finditer(r"\b([a-zA-Z]+)_[a-zA-Z]+_\d+\b", done.stdout)}
    called |= {m.group(1) for m in re.finditer(r"\b(u)_str\w+_\d+\b", done.stdout)}
    assert called <= {"u", "ucal", "ucnv", "ucol", "UCNV"}, called
    assert {"ucal", "ucnv", "ucol"} <= called


def test_the_icu_package_is_read_and_written_back_byte_for_byte() -> None:
    assert ICU_DATA is not None
    _symbol, blob, soname = icu._data_symbol(ICU_DATA.read_bytes())
    assert soname == ICU_DATA.name
    assert icu.write_common_data(icu.read_common_data(blob)) == blob


def test_the_icu_items_kept_and_left_out() -> None:
    assert ICU_DATA is not None
    data = icu.read_common_data(icu._data_symbol(ICU_DATA.read_bytes())[1])
    kept = {name for name, item in data.items if trim.icu_deny_reason(name, len(item)) is None}
    for name in (
        "res_index.res", "root.res", "pool.res", "fi.res", "ar_SA.res", "supplementalData.res",
        "zoneinfo64.res", "metaZones.res", "cnvalias.icu", "ibm-5348_P100-1997.cnv",
        "coll/root.res", "coll/res_index.res", "coll/ucadata.icu", "coll/fi.res",
        "coll/sv.res", "coll/ru.res", "coll/uk.res", "coll/et.res", "coll/ar.res",
        "zone/fi.res", "zone/res_index.res", "zone/root.res", "region/so.res",
    ):  # fmt: skip
        assert name in kept, name
    for name in (
        "de.res", "coll/de.res", "coll/zh.res", "zone/de.res", "lang/fi.res",
        "brkitr/cjdict.dict", "translit/root.res", "curr/fi.res", "unit/fi.res",
        "gb18030.cnv", "euc-tw-2014.cnv",
    ):  # fmt: skip
        assert name not in kept, name


def test_qt_works_the_same_for_the_kiosks_languages_with_the_trimmed_icu(
    tmp_path: Path,
) -> None:
    """Qt Core with the trimmed library (LD_PRELOAD: its SONAME takes the place of the
    wheel's): Finnish and Swedish sort å, ä, ö after z, Russian and Arabic sort, time
    zones have Finnish names, windows-1252 still decodes; German falls back to English."""
    assert ICU_DATA is not None
    assert shutil.which("gcc"), "the trimmed library is built with gcc: scripts/setup --test"
    library, before, after = icu.trimmed_library(ICU_DATA, tmp_path)
    assert after < before / 5
    script = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
def order(lang, words):
    return " ".join(sorted(words, key=QCollator(QLocale(lang)).sortKey))
tz = QTimeZone(b"Europe/Helsinki")
def name(lang):
    kind = QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName
    return tz.displayName(*kind, QLocale(lang))
print(order("fi", ["öljy", "äiti", "zeta", "auto", "ål"]))
print(order("sv", ["ö", "ä", "å", "z"]))
print(order("ru", ["я", "ё", "а"]))
print(name("fi"))
print(name("de"))
print(QStringDecoder("windows-1252").isValid(), QStringDecoder("Shift_JIS").isValid())
"""
    env = dict(os.environ, LD_PRELOAD=str(library))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.splitlines() == [
        "auto zeta ål äiti öljy",
        "z å ä ö",
        "а ё я",
        "Itä-Euroopan normaaliaika",
        "Eastern European Standard Time",
        "True False",
    ]
