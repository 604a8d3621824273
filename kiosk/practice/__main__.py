"""``python -m kiosk.practice``: serve the practice site to try it in an ordinary browser.

The default port is the one guides assume when no kiosk fills in ``{practice}``
(``kiosk.guides.loader.DEFAULT_SUBSTITUTIONS``), so a guide checked with ``kiosk guides
check`` points at this server.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from kiosk.practice.server import PracticeSite

#: Must agree with ``kiosk.guides.loader.DEFAULT_SUBSTITUTIONS`` (a unit test checks it).
DEFAULT_PORT = 47800


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.practice",
        description="Serve the kiosk's practice pages (Harjoittele) on this computer.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    site = PracticeSite(args.host, args.port)
    try:
        site.start()
    except OSError as exc:
        message = f"Cannot serve on {args.host}:{args.port}: {exc.strerror or exc}"
        print(message, file=sys.stderr)  # noqa: T201 - this is the command's output
        return 1
    print(f"Practice site: {site.base_url}/fi/   (Ctrl+C stops it)")  # noqa: T201 - output
    stopped = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stopped.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    stopped.wait()
    site.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
