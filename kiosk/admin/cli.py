"""``kiosk admin ...`` and the supervisor's screen ``kiosk out-of-order``. This module
prints; nothing else in kiosk/admin does.

  kiosk admin set-pin        set the admin PIN (reads it twice, or once from a pipe)
  kiosk admin status         is the admin unlock protected, is a PIN set, is it locked
  kiosk admin verifier       the verifier service (run by the OS as root / LocalSystem)
  kiosk out-of-order         the supervisor's "out of order" window (a process of its own)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _register(sub: argparse._SubParsersAction) -> None:
    # The supervisor's "out of order" window runs as a process of its own.
    screen = sub.add_parser("out-of-order")
    screen.add_argument("--config", type=Path, default=None)
    screen.set_defaults(handler=_out_of_order)


register: Callable[[argparse._SubParsersAction], None] = _register


def _out_of_order(args: argparse.Namespace) -> int:
    from kiosk import config as config_mod  # noqa: PLC0415
    from kiosk.admin.qt.out_of_order import run_screen  # noqa: PLC0415 - Qt only here

    try:
        cfg = config_mod.load(args.config)
    except config_mod.ConfigError:
        cfg = config_mod.Config()  # the screen must show even when the settings are bad
    kiosk = cfg.kiosk
    return run_screen(tuple(kiosk.languages), kiosk.default_language, windowed=kiosk.windowed)
