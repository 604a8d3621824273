"""What the one-folder bundle leaves out (kiosk.spec filters PyInstaller's analysis with it).

PyInstaller's PySide6 hooks collect every Qt module a wheel has (QML, Qt3D, Charts,
Location ...), and ``excludes=`` alone does not drop their shared libraries, so the
analysis' binaries and datas are filtered here with explicit tables:

* ``DENIED_QT_MODULES``: Qt modules the kiosk never uses. A test checks that none of
  them is a module the code imports, or a library that a kept Qt library needs.
* ``HOST_LIBRARIES``: libraries of the build machine's system (X11, Wayland, GL, fonts,
  GLib/GTK, sound, the C++ runtime ...). Bundled, they break on other machines (an old
  libstdc++ beside a newer Mesa driver, a GLib of another release); the installer
  installs the target system's own (installer/linux/packages.txt).
* Chromium's locale packs: only en-US (never drop all: QtWebEngine then starts with blank
  views) and the kiosk's own languages.
* QML: only what the Qt Virtual Keyboard needs.
* ICU's data (``icu_deny_reason``; installer/icu.py rebuilds the library): only the
  services Qt Core calls, for the kiosk's languages.
* ``HELPDESK_SERVER``: the help-desk server and the libraries only it uses; a centre runs
  the server from a pip install.

Pure Python, no PyInstaller import: the tests read the same tables.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable

#: Qt modules (library name without "libQt6" / "Qt6", PySide6 module without "Qt").
DENIED_QT_MODULES: frozenset[str] = frozenset(
    {
        "3DAnimation", "3DCore", "3DExtras", "3DInput", "3DLogic", "3DQuick",
        "3DQuickAnimation", "3DQuickExtras", "3DQuickInput", "3DQuickLogic", "3DQuickRender",
        "3DQuickScene2D", "3DQuickScene3D", "3DRender",
        "Bluetooth", "CanvasPainter", "Charts", "ChartsQml",
        "DataVisualization", "DataVisualizationQml", "Designer", "DesignerComponents",
        "EglFSDeviceIntegration", "EglFsKmsSupport",
        "Graphs", "Graphs2DImpl", "GraphsWidgets", "Help", "HttpServer",
        "LabsAnimation", "LabsPlatform", "LabsQmlModels",
        "LabsSettings", "LabsSharedImage", "LabsStyleKit", "LabsStyleKitImpl",
        "LabsSynchronizer", "LabsWavefrontMesh",
        "Location", "Lottie", "LottieVectorImageGenerator", "LottieVectorImageHelpers",
        "MultimediaQuick", "NetworkAuth", "Nfc", "PdfQuick", "PositioningQuick",
        "QmlCompiler", "QmlDesignSupport", "QmlLocalStorage", "QmlNetwork",
        "QmlXmlListModel",
        "Quick3D", "Quick3DAssetImport", "Quick3DAssetUtils", "Quick3DEffects",
        "Quick3DGlslParser", "Quick3DHelpers", "Quick3DHelpersImpl", "Quick3DIblBaker",
        "Quick3DParticleEffects", "Quick3DParticles", "Quick3DPhysics",
        "Quick3DPhysicsHelpers", "Quick3DRuntimeRender", "Quick3DSpatialAudio",
        "Quick3DUtils", "Quick3DXr",
        "QuickControls2", "QuickControls2Basic", "QuickControls2BasicStyleImpl",
        "QuickControls2FluentWinUI3", "QuickControls2FluentWinUI3StyleImpl",
        "QuickControls2Fusion", "QuickControls2FusionStyleImpl", "QuickControls2Imagine",
        "QuickControls2ImagineStyleImpl", "QuickControls2Impl", "QuickControls2Material",
        "QuickControls2MaterialStyleImpl", "QuickControls2Native", "QuickControls2Universal",
        "QuickControls2UniversalStyleImpl", "QuickControls2WindowsStyleImpl",
        "QuickDialogs2", "QuickDialogs2QuickImpl", "QuickDialogs2Utils",
        "QuickEffects", "QuickParticles", "QuickShapesDesignHelpers", "QuickTest",
        "QuickTemplates2",  # Qt Quick Controls' base: no kept library or QML links it
        "QuickTimeline", "QuickTimelineBlendTrees", "QuickVectorImage",
        "QuickVectorImageGenerator", "QuickVectorImageHelpers",
        "RemoteObjects", "RemoteObjectsQml", "Scxml", "ScxmlQml", "Sensors", "SensorsQuick",
        "SerialBus", "SerialPort", "ShaderTools", "SpatialAudio", "Sql", "StateMachine",
        "StateMachineQml", "Test", "UiTools", "WaylandCompositor", "WebEngineQuick",
        "WebEngineQuickDelegatesQml", "WebSockets", "WebView", "WebViewQuick", "Xml",
        "Bodymovin", "AxContainer",
    }
)  # fmt: skip

#: Libraries of the build machine's system, by file-name pattern (see the module's text).
HOST_LIBRARIES: tuple[str, ...] = (
    # X11, Wayland, GL and the graphics stack: must match the target's drivers.
    "libX*.so*", "libxcb*.so*", "libxkbcommon*.so*", "libxkbfile.so*", "libwayland-*.so*",
    "libgbm.so*", "libdrm*.so*", "libEGL*.so*", "libGL*.so*", "libOpenGL.so*",
    "libepoxy.so*", "libxshmfence.so*",
    # Fonts and text shaping of the system (Qt uses the system's fontconfig).
    "libfontconfig.so*", "libfreetype.so*", "libharfbuzz.so*", "libgraphite2.so*",
    "libfribidi.so*", "libthai.so*", "libdatrie.so*", "libpng16.so*", "libjpeg.so*",
    # GLib, GTK (the gtk3 platform theme is left out too) and D-Bus.
    "libglib-2.0.so*", "libgio-2.0.so*", "libgobject-2.0.so*", "libgmodule-2.0.so*",
    "libgthread-2.0.so*", "libgtk-3.so*", "libgdk-3.so*", "libgdk_pixbuf-2.0.so*",
    "libatk-1.0.so*", "libatk-bridge-2.0.so*", "libatspi.so*", "libcairo*.so*",
    "libpango*.so*", "libpixman-1.so*", "libdbus-1.so*", "libpcre2-8.so*", "libmount.so*",
    "libblkid.so*", "libselinux.so*", "libffi.so.7",
    # Sound: the system's ALSA/PulseAudio/PipeWire must match its daemon.
    "libasound.so*", "libpulse*.so*", "libsndfile.so*", "libFLAC.so*", "libvorbis*.so*",
    "libogg.so*", "libopus.so*", "libmp3lame.so*", "libmpg123.so*", "libasyncns.so*",
    # Services of the system.
    "libsystemd.so*", "libudev.so*", "libcap.so*", "libgcrypt.so*", "libgpg-error.so*",
    "libcups.so*", "libavahi-*.so*", "libgnutls.so*", "libnettle.so*", "libhogweed.so*",
    "libgmp.so*", "libtasn1.so*", "libidn2.so*", "libunistring.so*", "libp11-kit.so*",
    "libnss3.so", "libnssutil3.so", "libsmime3.so", "libnspr4.so", "libplc4.so",
    "libplds4.so", "libfreebl*", "libsoftokn3*", "libnssckbi.so", "libnssdbm3*",
    "libkrb5.so*", "libk5crypto.so*", "libgssapi_krb5.so*", "libkrb5support.so*",
    "libcom_err.so*", "libkeyutils.so*", "libbsd.so*", "libmd.so*", "libreadline.so*",
    "libtinfo.so*", "libuuid.so*", "libzstd.so*", "liblz4.so*", "liblzma.so*",
    "libbz2.so*", "libbrotli*.so*", "libz.so*", "libexpat.so*",
    # The C++ runtime: an old bundled one breaks newer graphics drivers.
    "libstdc++.so*", "libgcc_s.so*",
)  # fmt: skip

#: Chromium's locale packs kept: en-US always, and the kiosk's screen languages.
KEPT_CHROMIUM_LOCALES: frozenset[str] = frozenset(
    {"en-US", "fi", "sv", "ru", "uk", "et", "ar"}  # no Somali pack exists; English serves
)
KIOSK_LANGUAGES: frozenset[str] = frozenset({"fi", "sv", "en", "ru", "uk", "et", "so", "ar"})

#: QML the kiosk may load: the on-screen keyboard and what it imports.
KEPT_QML: tuple[str, ...] = (
    "QtQml/",
    "QtQuick/qmldir",
    "QtQuick/plugins.qmltypes",
    "QtQuick/libqtquick2plugin.so",
    "QtQuick/VirtualKeyboard/",
    "QtQuick/Layouts/",
    "QtQuick/Window/",
    "Qt/labs/folderlistmodel/",  # the keyboard's layouts are listed with it
)

#: Qt plugin folders left out whole, and single plugins left out.
DENIED_PLUGIN_DIRS: frozenset[str] = frozenset(
    {
        "assetimporters", "canbus", "designer", "egldeviceintegrations", "generic",
        "geometryloaders", "geoservices", "position", "qmltooling", "renderers",
        "renderplugins", "sceneparsers", "scxmldatamodel", "sensors", "sqldrivers",
        "vectorimageformats", "webview", "platformthemes", "qmllint", "multimedia",
    }
)  # fmt: skip
DENIED_PLUGINS: tuple[str, ...] = (
    "platforms/libqeglfs.so", "platforms/libqlinuxfb.so", "platforms/libqminimalegl.so",
    "platforms/libqvkkhrdisplay.so", "platforms/libqvnc.so",
    "platforms/qdirect2d.dll",
    # Picture formats the kiosk's viewer never opens (it opens PNG, built into Qt, and
    # JPEG, GIF and WebP: KEPT_IMAGE_FORMATS; SVG draws the icons). TIFF alone is 1 MiB.
    "imageformats/libqtiff.so", "imageformats/libqicns.so", "imageformats/libqico.so",
    "imageformats/libqtga.so", "imageformats/libqwbmp.so", "imageformats/libqpdf.so",
    "imageformats/qtiff.dll", "imageformats/qicns.dll", "imageformats/qico.dll",
    "imageformats/qtga.dll", "imageformats/qwbmp.dll", "imageformats/qpdf.dll",
)  # fmt: skip
#: The picture plugins the viewer needs, by the extensions of kiosk.lockdown.file_types
#: (a test checks that every picture type there has one).
KEPT_IMAGE_FORMATS: dict[str, str] = {
    ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".svg": "svg",
}  # fmt: skip

#: PySide6's Python modules of kept Qt libraries that nothing imports (the libraries stay:
#: QtWebEngine and QtMultimedia link them).
DENIED_BINDINGS: frozenset[str] = frozenset(
    {"Positioning", "DBus", "MultimediaWidgets", "OpenGLWidgets"}
)

#: Other files the kiosk never uses: the developer tools' pack (dev tools are refused), and
#: Qt Multimedia's FFmpeg back end (media playback; the kiosk only plays a short WAV chime
#: with QSoundEffect, which Qt Multimedia plays without a back end).
DENIED_FILES: tuple[str, ...] = (
    "qtwebengine_devtools_resources.pak", "libavcodec.so*", "libavformat.so*", "libavutil.so*",
    "libswscale.so*", "libswresample.so*", "libQt6FFmpegStub-*", "avcodec-*.dll",
    "avformat-*.dll", "avutil-*.dll", "swscale-*.dll", "swresample-*.dll",
)  # fmt: skip
#: QML folders left out inside the kept ones: QML modules of denied Qt modules. (The
#: keyboard's input methods for Chinese, Japanese, Korean and Thai stay: its Plugins
#: module imports them.)
DENIED_QML: tuple[str, ...] = (
    "QtQml/DesignSupport/", "QtQml/StateMachine/", "QtQml/XmlListModel/",
)  # fmt: skip

#: The help-desk server is not in the kiosk's bundle: a centre runs it from a pip install
#: (INSTALL.md, "The help-desk server"); the bundled kiosk says so where it is asked for
#: (kiosk.helpdesk.availability). The kiosk's help-desk client, outbox and remote share
#: use the standard library. An import-linter contract (pyproject.toml) keeps the kiosk's
#: code off these, apart from the server's own commands, which ask first; a test checks
#: that the contract and this list agree.
HELPDESK_SERVER: tuple[str, ...] = (
    "kiosk.helpdesk.server",
    # its web framework and server
    "fastapi", "starlette", "uvicorn", "anyio", "sniffio", "h11", "httptools", "uvloop",
    "websockets", "watchfiles", "click", "annotated_doc", "opentelemetry", "multipart",
    "python_multipart",
    # its database (SQLite or PostgreSQL) and migrations
    "sqlalchemy", "greenlet", "alembic", "mako", "psycopg", "psycopg_binary", "psycopg_pool",
    # its settings and API models (the kiosk's settings use kiosk.config_model)
    "pydantic", "pydantic_core", "pydantic_settings", "annotated_types",
    "typing_inspection", "dotenv",
)  # fmt: skip

#: Python packages of the build environment that are not the kiosk's.
EXCLUDED_PYTHON: tuple[str, ...] = (
    "tkinter", "pytest", "_pytest", "pytestqt", "mypy", "mypyc", "ruff", "playwright",
    "tree_sitter", "tree_sitter_powershell", "PyInstaller", "setuptools", "pip",
    "pygments", "IPython",
    # The help-desk server and the libraries only it uses (HELPDESK_SERVER, above).
    *HELPDESK_SERVER,
    # Only keyring's Secret Service back end needs it; an installed Linux kiosk has no
    # Secret Service and keeps its token in a file only it can read (kiosk/secrets.py).
    "cryptography", "secretstorage",
    # The help desk's statistics charts and files (the "stats" extra): its page in the
    # bundle shows the figures as tables and says the charts need the extra.
    "altair", "vl_convert", "xlsxwriter", "fpdf", "uharfbuzz", "openpyxl",
    # Pillow (16 MiB) comes with fpdf; qrcode would take it for images, but the kiosk
    # draws its QR codes from qrcode's matrix with Qt.
    "PIL",
)  # fmt: skip

#: ICU's data (libicudata, 31 MiB; installer/icu.py rebuilds it with what is kept). Only
#: Qt Core uses this ICU (Chromium has its own, icudtl.dat), and Qt Core calls only case
#: mapping, calendars and time-zone names (ucal_*), converters (ucnv_*) and collation
#: (ucol_*): a test reads the ICU functions Qt Core imports and fails if that changes.
#: Trees of ICU services Qt Core never calls, left out whole:
ICU_DENIED_TREES: dict[str, str] = {
    "brkitr": "break iteration (Qt finds word and line breaks itself)",
    "curr": "currency names (Qt's QLocale has its own CLDR data)",
    "lang": "language names (Qt's QLocale has its own CLDR data)",
    "unit": "unit formatting (no ICU formatter is called)",
    "rbnf": "spelled-out numbers (no ICU formatter is called)",
    "translit": "transliteration (no ICU transliterator is called)",
}
#: Trees kept for the kiosk's languages only (and root), as the locale data at the top:
#: collation (QCollator), time-zone and region names (QTimeZone's display names).
ICU_LANGUAGE_TREES: frozenset[str] = frozenset({"coll", "zone", "region", ""})
#: Encoding converters' tables (.cnv) bigger than this: the multi-byte tables of East Asian
#: and EBCDIC encodings (4.4 MiB). The 155 small tables (single-byte encodings: windows-125x,
#: ISO-8859-x, KOI8 ..., 0.5 MiB) stay. Web pages are decoded by Chromium's own ICU; Qt's
#: converters serve only what asks Qt for an encoding by name.
ICU_CONVERTER_MAX_BYTES = 64 * 1024
#: A locale's bundle: "fi.res", "sr_Latn_BA.res", "de__PHONEBOOK.res" (not "res_index.res").
_ICU_LOCALE = re.compile(r"^([a-z]{2,3})(?:_+[A-Z0-9][A-Za-z0-9]*)*_?\.res$")

_QT_LIBRARY = re.compile(r"(?:lib)?Qt6([A-Za-z0-9]+?)(?:\.so(?:\.\d+)*|\.dll)$")
_PYSIDE_MODULE = re.compile(r"Qt([A-Za-z0-9]+)\.(?:abi3\.so|pyd|pyi)$")


def qt_module_of(name: str) -> str | None:
    """'libQt6WebEngineCore.so.6' -> 'WebEngineCore'; 'QtCharts.abi3.so' -> 'Charts'."""
    base = name.rsplit("/", 1)[-1]
    if match := _QT_LIBRARY.match(base):
        return match.group(1)
    if match := _PYSIDE_MODULE.match(base):
        return match.group(1)
    return None


def in_bundle(module: str) -> bool:
    """Whether a kiosk module goes into the bundle (all but the help-desk server's)."""
    return not any(module == name or module.startswith(f"{name}.") for name in HELPDESK_SERVER)


def excluded_python_modules() -> list[str]:
    """``excludes=`` for the Analysis: PySide6 modules of denied Qt modules, and tools."""
    denied = sorted(DENIED_QT_MODULES | DENIED_BINDINGS)
    return [*EXCLUDED_PYTHON, *(f"PySide6.Qt{module}" for module in denied)]


def deny_reason(dest: str) -> str | None:
    """Why the file at ``dest`` (its path inside the bundle) is left out, or None."""
    path = dest.replace("\\", "/")
    base = path.rsplit("/", 1)[-1]
    module = qt_module_of(base)
    if module is not None and module in DENIED_QT_MODULES:
        return f"Qt module {module}"
    if path.startswith("PySide6/") and path.count("/") == 1 and module in DENIED_BINDINGS:
        return f"Python module of {module}"
    top_level = "/" not in path or path.startswith("PySide6/Qt/lib/")
    if top_level and any(fnmatch.fnmatch(base, pattern) for pattern in HOST_LIBRARIES):
        return "library of the build machine's system"
    if "/qtwebengine_locales/" in path and base.endswith(".pak"):
        if base.removesuffix(".pak") not in KEPT_CHROMIUM_LOCALES:
            return "Chromium locale pack of a language the kiosk does not speak"
        return None
    if "PySide6/Qt/translations/" in path and base.endswith(".qm"):
        language = base.removesuffix(".qm").split("_", 1)[-1]
        if not base.startswith("qtbase_") or language not in KIOSK_LANGUAGES:
            return "Qt translation the kiosk does not load"
        return None
    if "PySide6/Qt/qml/" in path:
        inside = path.split("PySide6/Qt/qml/", 1)[1]
        if not inside.startswith(KEPT_QML) or inside.startswith(DENIED_QML):
            return "QML the kiosk does not load"
        return None
    if "PySide6/Qt/plugins/" in path:
        inside = path.split("PySide6/Qt/plugins/", 1)[1]
        if inside.split("/", 1)[0] in DENIED_PLUGIN_DIRS or inside in DENIED_PLUGINS:
            return "Qt plugin the kiosk does not use"
        return None
    if path.startswith("kiosk/helpdesk/server/"):
        return "the help-desk server's files (the server is not in the kiosk's bundle)"
    if any(fnmatch.fnmatch(base, pattern) for pattern in DENIED_FILES):
        return "a file the kiosk never uses"
    return None


def icu_deny_reason(item: str, size: int) -> str | None:
    """Why ICU's data item (e.g. "coll/de.res", without the package prefix; ``size`` in
    bytes) is left out, or None."""
    tree, _, base = item.rpartition("/")
    if tree in ICU_DENIED_TREES:
        return f"ICU data for {ICU_DENIED_TREES[tree]}"
    if base.endswith(".cnv") and size > ICU_CONVERTER_MAX_BYTES:
        return "ICU converter table of a multi-byte East Asian or EBCDIC encoding"
    match = _ICU_LOCALE.match(base) if tree in ICU_LANGUAGE_TREES else None
    if match and match.group(1) not in KIOSK_LANGUAGES:
        return "ICU locale data of a language the kiosk does not speak"
    return None


def split(entries: Iterable[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """PyInstaller TOC entries (dest, source, kind) -> (kept entries, dropped dests)."""
    kept: list[tuple[str, str, str]] = []
    dropped: list[str] = []
    for entry in entries:
        if deny_reason(entry[0]) is None:
            kept.append(entry)
        else:
            dropped.append(entry[0])
    return kept, dropped
