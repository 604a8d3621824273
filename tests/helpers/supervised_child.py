"""A stand-in for the kiosk under the supervisor, told what to do by a control folder.

Usage: python -m tests.helpers.supervised_child CONTROL_DIR

Each start appends "<pid> <grandchild pid>" to CONTROL_DIR/starts, then does what the
file CONTROL_DIR/mode says (read at every start, so a test changes it between starts):

  ok       ready, then a heartbeat every 0.1 s until killed
  crash    exit 70 at once (an unexpected error)
  exit:N   exit with code N
  hang     ready, then hangs: no more heartbeats
  silent   never ready (hangs while starting)

It starts a grandchild first (as the kiosk starts the browser engine's processes), which
must not outlive it once the supervisor has dealt with it.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from kiosk.supervisor.heartbeat import HeartbeatSender

FOREVER = "import threading; threading.Event().wait()"


def main() -> int:
    control = Path(sys.argv[1])
    mode_file = control / "mode"
    mode = mode_file.read_text().strip() if mode_file.exists() else "ok"
    grandchild = subprocess.Popen([sys.executable, "-c", FOREVER])
    with (control / "starts").open("a") as starts:
        starts.write(f"{__import__('os').getpid()} {grandchild.pid}\n")
    if mode == "crash":
        return 70
    if mode.startswith("exit:"):
        return int(mode[5:])
    sender = HeartbeatSender.from_environ()
    assert sender is not None, "no heartbeat pipe from the supervisor"
    stop = threading.Event()
    if mode == "silent":
        stop.wait()
    sender.ready()
    if mode == "hang":
        stop.wait()
    while not stop.wait(0.1):
        sender.beat()
    return 0


if __name__ == "__main__":
    sys.exit(main())
