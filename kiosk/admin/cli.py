"""``kiosk admin ...`` and the supervisor's screen ``kiosk out-of-order``. This module
prints; nothing else in kiosk/admin does.

  kiosk admin set-pin        set the admin PIN (asks twice, or reads one line from a pipe)
  kiosk admin status         is the admin unlock protected, is a PIN set, is it locked
  kiosk admin verifier       the verifier service (run by the OS as root / LocalSystem)
  kiosk out-of-order         the supervisor's "out of order" window (a process of its own)
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def _register(sub: argparse._SubParsersAction) -> None:
    admin = sub.add_parser("admin", help="the admin unlock: PIN, status, verifier service")
    actions = admin.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    set_pin = actions.add_parser("set-pin", help="set the admin PIN (6 to 12 digits)")
    set_pin.set_defaults(handler=_set_pin)
    status = actions.add_parser("status", help="is the admin unlock protected and ready")
    status.set_defaults(handler=_status)
    verifier = actions.add_parser("verifier", help="run the admin verifier service (as root)")
    verifier.add_argument("--socket", default=None, help="socket path (Windows: pipe name)")
    verifier.add_argument("--state", type=Path, default=None, help="state folder")
    verifier.add_argument("--group", default=None, help="group that may ask (default: kiosk)")
    verifier.set_defaults(handler=_verifier)

    # The supervisor's "out of order" window runs as a process of its own.
    screen = sub.add_parser("out-of-order")
    screen.add_argument("--config", type=Path, default=None)
    screen.set_defaults(handler=_out_of_order)


register: Callable[[argparse._SubParsersAction], None] = _register


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(message, file=sys.stderr)
    return code


def _is_admin() -> bool:
    if hasattr(os, "geteuid"):
        return os.geteuid() == 0
    import ctypes  # noqa: PLC0415 - Windows

    return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]


def _read_pin() -> str | None:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("New admin PIN (6 to 12 digits): ")
    if getpass.getpass("The same PIN again: ") != first:
        return None
    return first


def _set_pin(args: argparse.Namespace) -> int:
    from kiosk.admin import codes, layout  # noqa: PLC0415
    from kiosk.admin.state import StateError  # noqa: PLC0415

    if layout.separated() and not _is_admin():
        return _fail(
            "Only an administrator can set the admin PIN: run it with sudo (Windows: in an "
            "administrator's terminal)."
        )
    pin = _read_pin()
    if pin is None:
        return _fail("The two PINs were different. Nothing was changed.")
    verifier = layout.local_verifier()
    try:
        verifier.set_pin(pin)  # type: ignore[attr-defined]
    except codes.PinFormatError as exc:
        return _fail(f"The PIN was not set: {exc}.")
    except StateError as exc:
        return _fail(f"The PIN was not set: {exc}.", EXIT_PROBLEMS)
    print("The admin PIN is set. Wrong tries so far are forgotten.")
    if not layout.separated():
        print(f"Note: {layout.NOT_PROTECTED}; the PIN is kept in {layout.state_dir()}.")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from kiosk.admin import layout  # noqa: PLC0415
    from kiosk.admin.protocol import DAMAGED, UNREACHABLE  # noqa: PLC0415

    client = layout.connect()
    status = client.status()
    lines = []
    if status.problem == UNREACHABLE:
        lines.append(f"Admin unlock: the verifier service does not answer ({client.where}).")
        lines.append("  Staff cannot unlock the admin view until it runs again.")
        print("\n".join(lines))
        return EXIT_PROBLEMS
    if status.protected:
        lines.append(f"Admin unlock: protected ({client.where}).")
    else:
        lines.append(f"Admin unlock: {layout.NOT_PROTECTED}.")
        lines.append(
            "  The PIN and the count of wrong tries are kept where the kiosk's own user can "
            f"read and change them ({layout.state_dir()}). An installed kiosk keeps them in "
            "a service of its own."
        )
    if status.problem == DAMAGED:
        lines.append("  The verifier's state is damaged: set the PIN again (kiosk admin set-pin).")
    lines.append(f"PIN: {'set' if status.pin_set else 'not set'}")
    lines.append(
        "One-time code: "
        + ("set (from pairing with the help desk)" if status.code_set else "not set (pair "
           "the kiosk with the help desk: kiosk pair URL CODE)")
    )  # fmt: skip
    if not (status.pin_set or status.code_set):
        lines.append("  Nobody can unlock the admin view until a PIN is set.")
    if status.locked_for_s > 0:
        minutes = max(1, round(status.locked_for_s / 60))
        lines.append(f"Locked after {status.failures} wrong codes, for {minutes} more minute(s).")
    elif status.failures:
        lines.append(f"Wrong codes in a row: {status.failures}.")
    print("\n".join(lines))
    ready = status.protected and (status.pin_set or status.code_set) and not status.problem
    return EXIT_OK if ready else EXIT_PROBLEMS


def _verifier(args: argparse.Namespace) -> int:
    from kiosk import logsetup  # noqa: PLC0415
    from kiosk.admin import daemon, layout  # noqa: PLC0415

    logsetup.setup(to_file=False)
    address = args.socket or layout.service_address()
    folder = args.state or layout.state_dir()
    group = args.group if args.group is not None else layout.KIOSK_GROUP
    try:
        return daemon.run(address, folder, group or None)
    except OSError as exc:
        return _fail(f"The admin verifier cannot start: {exc}", EXIT_PROBLEMS)


def _out_of_order(args: argparse.Namespace) -> int:
    from kiosk import config as config_mod  # noqa: PLC0415
    from kiosk.admin.qt.out_of_order import run_screen  # noqa: PLC0415 - Qt only here

    try:
        cfg = config_mod.load(args.config)
    except config_mod.ConfigError:
        cfg = config_mod.Config()  # the screen must show even when the settings are bad
    kiosk = cfg.kiosk
    return run_screen(tuple(kiosk.languages), kiosk.default_language, windowed=kiosk.windowed)
