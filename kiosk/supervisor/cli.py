"""``kiosk supervise [--config FILE] [--log-json]``. This module prints; nothing else here
does. (Its out-of-order window is ``kiosk out-of-order``, in kiosk/admin/cli.py: Qt.)

The OS service (installer/) starts ``kiosk supervise``, never ``kiosk run`` directly.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType

log = logging.getLogger("kiosk.supervisor")

_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


def _register(sub: argparse._SubParsersAction) -> None:
    supervise = sub.add_parser(
        "supervise", help="run the kiosk and restart it when it crashes or hangs"
    )
    supervise.add_argument("--config", type=Path, default=None, help="settings file (TOML)")
    supervise.add_argument("--log-json", action="store_true", help="log lines as JSON")
    supervise.set_defaults(handler=_supervise)


register: Callable[[argparse._SubParsersAction], None] = _register


def _config_args(args: argparse.Namespace) -> list[str]:
    return ["--config", str(args.config)] if args.config is not None else []


def _supervise(args: argparse.Namespace) -> int:
    from kiosk import config as config_mod  # noqa: PLC0415
    from kiosk import logsetup, paths  # noqa: PLC0415
    from kiosk.supervisor.report import HelpdeskReporter  # noqa: PLC0415
    from kiosk.supervisor.runner import NoReporter, Reporter, ScreenProcess, Supervisor  # noqa: PLC0415

    logsetup.setup(json_mode=args.log_json, filename="supervisor.log")
    try:
        cfg = config_mod.load(args.config)
    except config_mod.ConfigError as exc:
        # The kiosk will refuse to start with these settings and say why; the supervisor
        # shows "out of order" meanwhile. It needs the settings only to tell the help desk.
        print(f"The kiosk's settings have problems:\n{exc}", file=sys.stderr)
        cfg = config_mod.Config()
    command = paths.kiosk_command("run", *_config_args(args))
    if args.log_json:
        command.append("--log-json")
    screen = ScreenProcess(paths.kiosk_command("out-of-order", *_config_args(args)))
    reporter: Reporter = NoReporter()
    if cfg.helpdesk.url and not cfg.helpdesk.embedded:
        # (An embedded help desk lives and dies with the kiosk: nobody to tell.)
        reporter = HelpdeskReporter(cfg.helpdesk.url)
    supervisor = Supervisor(command, screen=screen, reporter=reporter)

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("asked to stop (%s)", signal.Signals(signum).name)
        supervisor.stop()

    for sig in _STOP_SIGNALS:
        signal.signal(sig, stop)
    return supervisor.run()
