"""The real ``Supervisor`` with short timings, around ``supervised_child``, for tests.

Usage: python -m tests.helpers.supervisor_host CONTROL_DIR [--helpdesk URL] [--real-screen]
       [-- COMMAND ...]   (default command: supervised_child CONTROL_DIR)

Logs JSON lines to stderr (the events tests wait on). The out-of-order screen is the real
``kiosk out-of-order`` with --real-screen, otherwise a small process that stands in for it.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from kiosk import logsetup, paths
from kiosk.supervisor.policy import Timings
from kiosk.supervisor.report import HelpdeskReporter
from kiosk.supervisor.runner import NoReporter, Reporter, ScreenProcess, Supervisor
from tests.helpers.supervised_child import FOREVER

TIMINGS = Timings(
    heartbeat_timeout_s=2.0,
    start_timeout_s=20.0,
    first_backoff_s=0.05,
    max_backoff_s=0.2,
    failures_allowed=5,
    failure_window_s=120.0,
    retry_s=0.5,
    stop_grace_s=3.0,
    report_every_s=1.0,
    stable_s=0.5,
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("control", type=Path)
    parser.add_argument("--helpdesk", default="")
    parser.add_argument("--real-screen", action="store_true")
    parser.add_argument("command", nargs="*")
    args = parser.parse_args()
    control, url = args.control, args.helpdesk
    logsetup.setup(json_mode=True, to_file=False)
    command = args.command or [sys.executable, "-m", "tests.helpers.supervised_child", str(control)]
    if args.real_screen:
        screen = ScreenProcess(paths.kiosk_command("out-of-order"))
    else:
        screen = ScreenProcess([sys.executable, "-c", FOREVER])
    reporter: Reporter = NoReporter()
    if url:
        reporter = HelpdeskReporter(
            url, token=lambda: "device-token", certificate=lambda: None, every_s=1.0, retry_s=0.2
        )
    supervisor = Supervisor(command, timings=TIMINGS, screen=screen, reporter=reporter)
    signal.signal(signal.SIGTERM, lambda *_: supervisor.stop())
    return supervisor.run()


if __name__ == "__main__":
    sys.exit(main())
