"""Starting the kiosk for real: environment checks, logging, the event loop, crash policy."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Mapping
from types import FrameType, TracebackType
from typing import TYPE_CHECKING

from kiosk import exit_codes, logsetup, paths
from kiosk.browser import UnsafeBrowserError
from kiosk.config import Config
from kiosk.supervisor.heartbeat import BEAT_INTERVAL_MS, ENV_HEARTBEAT, HeartbeatSender

if TYPE_CHECKING:
    from kiosk.app import KioskApp

log = logging.getLogger("kiosk")

# What the OS sends to stop a program: systemd's stop and a shutdown (SIGTERM), Ctrl+C
# in a terminal (SIGINT), a closed terminal (SIGHUP, not on Windows).
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)

EXIT_CRASH = exit_codes.CRASH  # the supervisor restarts a clean kiosk


class UnsafeEnvironmentError(Exception):
    """The kiosk refuses to start in this environment; ``str()`` says why."""


#: The environment variable that allows what only a developer's machine may do (running
#: as root without Chromium's sandbox). ``kiosk run --development`` sets it too.
ENV_DEVELOPMENT = "KIOSK_DEVELOPMENT"

#: Chromium switches that would weaken an installed kiosk, and why each is refused.
UNSAFE_SWITCHES: dict[str, str] = {
    "--remote-debugging": "remote debugging would let anyone on the network read visitors' pages",
    "--auto-open-devtools": "the developer tools open a door to the whole computer",
    "--no-sandbox": "without Chromium's sandbox a bad web page can reach the computer",
    "--single-process": "Chromium's sandbox does not work in a single process",
    "--disable-web-security": "pages could read each other's data",
    "--disable-site-isolation": "pages could read each other's data",
    "--allow-file-access": "pages could read the computer's files",
    "--disable-popup-blocking": "pages could open windows at will",
}


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def check_environment(
    environ: Mapping[str, str],
    argv: list[str],
    *,
    as_root: bool = False,
    development: bool = False,
) -> list[str]:
    """Refuse to run where the kiosk would not be safe; return the Chromium switches to
    add (only ``--no-sandbox``, only for development as root).

    An installed kiosk runs as its own unprivileged user with Chromium's sandbox on, and
    with nothing that opens the browser to the network or the disk.
    """
    if environ.get("QTWEBENGINE_REMOTE_DEBUGGING"):
        raise UnsafeEnvironmentError(
            "QTWEBENGINE_REMOTE_DEBUGGING is set: remote debugging would let anyone on the "
            "network read visitors' pages. Remove it from the environment."
        )
    if as_root and not development:
        raise UnsafeEnvironmentError(
            "the kiosk must not run as root: Chromium's sandbox, which keeps a bad web "
            "page away from the computer, cannot run as root. Run it as the kiosk user "
            "(the installer makes one). On a developer's machine only: add --development."
        )
    switches = [*environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split(), *argv]
    for switch in switches:
        for unsafe, why in UNSAFE_SWITCHES.items():
            allowed = unsafe == "--no-sandbox" and as_root
            if switch.startswith(unsafe) and not allowed:
                raise UnsafeEnvironmentError(f"{switch.split('=')[0]} is set: {why}. Remove it.")
    if as_root:
        return [] if "--no-sandbox" in switches else ["--no-sandbox"]
    return []


def confine_engine_folders() -> None:
    """Point every folder QtWebEngine and Qt might write to into RAM-backed storage.

    Each visitor's profile is off the record and its own paths are in the session folder;
    this covers the rest (the engine's process-wide data and cache folders under HOME),
    which the start-up sweep then clears. The kiosk's own data folder is fixed first, so
    it stays on disk where it belongs.
    """
    os.environ.setdefault(paths.ENV_DATA_DIR, str(paths.data_dir()))
    engine = paths.runtime_dir() / "engine"
    for variable, sub in (("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        folder = engine / sub
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ[variable] = str(folder)


def apply_safe_graphics(environ: dict[str, str] | os._Environ[str]) -> None:
    """Draw without the graphics card (``graphics.safe_mode``; ``kiosk doctor`` offers it
    when a page draws only so): Chromium's GPU off, Qt and Mesa in software."""
    flags = environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--disable-gpu" not in flags.split():
        environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --disable-gpu".strip()
    environ["QT_OPENGL"] = "software"  # Windows: the bundle's opengl32sw.dll
    environ["LIBGL_ALWAYS_SOFTWARE"] = "1"  # Linux: Mesa's llvmpipe
    environ["QT_QUICK_BACKEND"] = "software"


def development_mode(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(ENV_DEVELOPMENT, "") not in ("", "0")


def prepare_environment(*, safe_graphics: bool = False) -> None:
    development = development_mode()
    extra = check_environment(os.environ, sys.argv, as_root=_is_root(), development=development)
    confine_engine_folders()
    if safe_graphics:
        apply_safe_graphics(os.environ)
    if extra:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([flags, *extra]).strip()
        log.warning("development as root: the browser sandbox is OFF (never on a centre's PC)")


def route_qt_messages() -> None:
    """Qt's own messages into the ``kiosk.qt`` logger (and so into the kiosk's log)."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler  # noqa: PLC0415

    qt_log = logging.getLogger("kiosk.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(kind, logging.INFO), "%s", message)

    qInstallMessageHandler(handler)


def _install_crash_hook() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, UnsafeBrowserError):
            # Not a crash: a browser that cannot be locked down (made soon after the
            # first screen, before any page). A human must look; no restart loop.
            refusal = f"the browser is not locked down: {value}"
            log.error("refusing to go on: %s", refusal)
            sys.stderr.write(f"The kiosk refuses to start: {refusal}\n")
            sys.stderr.flush()
            os._exit(exit_codes.REFUSED)
        # A kiosk in an undefined state must not serve the next visitor: log and exit,
        # and the supervisor starts a clean one.
        log.critical("unexpected error; the kiosk restarts", exc_info=(kind, value, tb))
        os._exit(EXIT_CRASH)

    sys.excepthook = hook


def run(
    config: Config,
    *,
    companion_processes: frozenset[str] = frozenset(),
    log_json: bool = False,
) -> int:
    """Run the kiosk until it exits. ``companion_processes``: names of child processes
    that live beside the kiosk (the demo's help desk), which the wipe check allows.
    ``log_json``: log lines as JSON (``--log-json``).

    Raises ``UnsafeEnvironmentError`` (the CLI prints it) where the kiosk would not be
    safe before anything starts. A visitor's browser is checked as it is made (the
    first soon after the first screen, before any page): one that is not as locked down
    as it must be makes the kiosk exit as refused (2) with the reason."""
    logsetup.setup(json_mode=log_json)
    try:
        prepare_environment(safe_graphics=config.graphics.safe_mode)
    except UnsafeEnvironmentError as exc:
        log.error("refusing to start: %s", exc)
        raise
    route_qt_messages()
    from kiosk import app as app_mod  # noqa: PLC0415 - Qt only after the environment is set

    _install_crash_hook()
    kiosk = app_mod.create(config)
    kiosk.keeper.allowed_processes.update(companion_processes)
    kiosk.window.show_kiosk()
    start_heartbeat(kiosk)
    return run_until_stopped(kiosk)


def start_heartbeat(kiosk: KioskApp) -> None:
    """Under ``kiosk supervise``: "ready" once the event loop runs (the window is up),
    then a beat every 5 s from the GUI thread, so a hung GUI goes quiet."""
    sender = HeartbeatSender.from_environ()
    os.environ.pop(ENV_HEARTBEAT, None)  # not for the kiosk's own child processes
    if sender is None:
        return
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    timer = QTimer(kiosk)
    timer.setInterval(BEAT_INTERVAL_MS)
    timer.timeout.connect(sender.beat)
    timer.start()
    QTimer.singleShot(0, sender.ready)


def run_until_stopped(kiosk: KioskApp) -> int:
    """Run the event loop until the kiosk quits or the OS asks it to stop; then shut it
    down, which erases the visitor's session as a wipe does (rather than leaving it in
    RAM for the next start's sweep)."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        # Python runs this at its next bytecode: the session keeper's timer ticks often.
        log.info("asked to stop (%s): erasing the session", signal.Signals(signum).name)
        kiosk.qapp.quit()

    previous = {sig: signal.signal(sig, stop) for sig in _STOP_SIGNALS}
    try:
        code = kiosk.qapp.exec()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    kiosk.shutdown()
    return code


def demo() -> int:
    """A windowed kiosk with the shipped guides, the practice pages and a help desk on
    this machine, for trying things out."""
    import psutil  # noqa: PLC0415

    from kiosk.config import Config, HelpdeskSection, KioskSection  # noqa: PLC0415
    from kiosk.helpdesk.availability import NOT_HERE, server_available  # noqa: PLC0415

    if not server_available():
        sys.stderr.write(f"The demo starts a help desk beside the kiosk. {NOT_HERE}\n")
        return exit_codes.REFUSED
    from kiosk.helpdesk.embedded import start_demo_helpdesk  # noqa: PLC0415

    # The demo is for trying the kiosk out on one's own machine, never a centre's PC.
    os.environ.setdefault(ENV_DEVELOPMENT, "1")
    sys.stdout.write("Digituki kiosk demo: starting the help desk ...\n")
    sys.stdout.flush()
    helpdesk = start_demo_helpdesk()
    config = Config(
        kiosk=KioskSection(windowed=True, centre_name="Digituki demo"),
        helpdesk=HelpdeskSection(url=helpdesk.url, centre_phone="+358 40 000 0000"),
    )
    companions: set[str] = set()
    if helpdesk.server.process is not None:
        companions.add(psutil.Process(helpdesk.server.process.pid).name())
    sys.stdout.write(
        f"  staff page:    {helpdesk.staff_url}\n"
        f"  staff login:   {helpdesk.username} / {helpdesk.password}  (new every start)\n"
        f"  guides:        {config.guides_dir()}\n"
        f"  data folder:   {paths.data_dir()}\n"
        f"  session files: {paths.runtime_dir()}  (erased at every wipe)\n"
        f"  log:           {paths.log_dir() / 'kiosk.log'}\n"
        "Touch the start screen, tap a tile; the practice tiles work without internet.\n"
        "Open the staff page in a browser and press 'Call digital support' in the kiosk.\n"
        "Close the kiosk window to stop.\n"
    )
    sys.stdout.flush()
    try:
        return run(config, companion_processes=frozenset(companions))
    finally:
        helpdesk.stop()
